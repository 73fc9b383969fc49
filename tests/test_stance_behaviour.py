"""The behavioural stance suite (tests/data/stance_behaviour/): its shape, and the shipped model's
floors on its test half.

The suite is CheckList-style (Ribeiro et al. 2020): hand-written (claim, passage) pairs in en, fr
and ar, each carrying the behaviour it probes (paraphrase, translation, changed number, ...) and
its language pair. News topics other than the demo corpus. The dev half is what calibration and
model choices may look at; the test half is only reported (its floors below, and the model card).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from corroborate.settings import Settings

SUITE = Path(__file__).parent / "data" / "stance_behaviour"
LABEL_OF = {
    "paraphrase": "supports", "translation": "supports", "attribution": "supports",
    "more_detailed": "supports", "missing_detail": "supports",
    "negation": "contradicts", "number": "contradicts", "date": "contradicts",
    "actor": "contradicts", "place": "contradicts",
    "other_aspect": "neutral", "same_kind_event": "unrelated", "other_topic": "unrelated",
}


def rows(half: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in (SUITE / f"{half}.jsonl").read_text("utf-8").splitlines()]


def test_the_suite_covers_every_behaviour_language_and_crossing() -> None:
    dev, test = rows("dev"), rows("test")
    assert len(dev) + len(test) >= 300
    assert not {r["scene"] for r in dev} & {r["scene"] for r in test}  # split by news event
    for half in (dev, test):
        assert all(LABEL_OF[r["category"]] == r["label"] for r in half)
        assert set(Counter(r["category"] for r in half)) == set(LABEL_OF)
        assert min(Counter(r["category"] for r in half).values()) >= 10
        pairs = Counter(r["lang"] for r in half)
        assert {lang for p in pairs for lang in p.split("-")} == {"en", "fr", "ar"}
        assert sum(n for p, n in pairs.items() if p[:2] != p[3:]) >= len(half) / 3
        assert all(r["lang"][:2] != r["lang"][3:] for r in half if r["category"] == "translation")


def test_eval_stance_reads_the_suite_with_its_categories() -> None:
    from corroborate.stance.data import read_pairs_file

    pairs = read_pairs_file(SUITE / "test.jsonl", "jsonl")
    assert len(pairs) == len(rows("test"))
    assert all(p.category in LABEL_OF and "-" in p.lang for p in pairs)


@pytest.mark.slow
def test_the_shipped_model_keeps_its_behavioural_floors() -> None:
    """The test half, read as the engine reads (calibrated, sentence by sentence, contradictions
    carried by a sentence), in the precision ``auto`` picks: floors in ``floors.json``."""
    from corroborate.stance import load_stance_model
    from corroborate.stance.data import read_pairs_file
    from corroborate.stance.evaluate import engine_reading, evaluate_pairs
    from corroborate.stance.shipped import WEIGHTS_DIR

    floors = json.loads((WEIGHTS_DIR / "floors.json").read_text("utf-8"))["behaviour"]
    settings = Settings.load(env={})
    report = evaluate_pairs(load_stance_model(settings),
                            read_pairs_file(SUITE / "test.jsonl", "jsonl"), "behaviour_test",
                            **engine_reading(settings))
    figures = report.extra["behaviour"]
    assert figures["overall"]["side_accuracy"] >= floors["side_accuracy"], figures["overall"]
    assert figures["overall"]["opposite_rate"] <= floors["opposite_rate"], figures["overall"]
    for behaviour, f in figures["per_behaviour"].items():
        assert f["side_accuracy"] >= floors["per_behaviour"][behaviour], (behaviour, f)
