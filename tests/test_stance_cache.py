from __future__ import annotations

from pathlib import Path

from corroborate.domain import StanceResult
from corroborate.stance.cache import StanceCache


def test_cache_round_trip_is_keyed_by_claim_passage_and_model(tmp_path: Path) -> None:
    cache = StanceCache(tmp_path / "c.sqlite3")
    r1 = StanceResult(
        "supports", {"supports": 0.9, "contradicts": 0.05, "neutral": 0.03, "unrelated": 0.02}
    )
    cache.put_many("Claim A", ["p1"], "m1", [r1])
    assert cache.get_many("Claim  A", ["p1", "p2"], "m1") == [
        r1,
        None,
    ]  # whitespace-insensitive claim
    assert cache.get_many("Claim A", ["p1"], "m2") == [None]  # another model
    assert cache.get_many("Claim B", ["p1"], "m1") == [None]
    cache.close()
    again = StanceCache(tmp_path / "c.sqlite3")  # persisted on disk
    assert again.get_many("Claim A", ["p1"], "m1") == [r1]


def test_cached_stances_are_not_shared_between_precisions_or_token_caps() -> None:
    from corroborate.stance.model import StanceModel

    keys = {StanceModel(None, None, "w" * 64, max_length, precision=p).cache_key
            for p in ("bf16", "int8", "fp32") for max_length in (96, 128)}
    assert len(keys) == 6
    assert all(key.startswith("w" * 64) for key in keys)
