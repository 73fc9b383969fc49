"""A SQLite cache of stance results keyed by (claim, passage, model fingerprint).

Asking the same claim twice costs a lookup instead of a model run. The cache lives in its
own file in the data directory, so it can be deleted at any time without touching the store;
it stays a local file even when ``database_url`` puts the store in PostgreSQL (it is a cache
of one machine's model runs, not shared state).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

from ..domain import StanceResult, stable_hash

_SCHEMA = """
CREATE TABLE IF NOT EXISTS stance_cache (
    claim_hash TEXT NOT NULL,
    passage_hash TEXT NOT NULL,
    model TEXT NOT NULL,
    label TEXT NOT NULL,
    probabilities TEXT NOT NULL,
    PRIMARY KEY (claim_hash, passage_hash, model)
) WITHOUT ROWID;
"""


def _claim_key(claim: str) -> str:
    return stable_hash(" ".join(claim.split()))


class StanceCache:
    """Thread-safe cache; ``get_many`` and ``put_many`` work on batches of passages."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(_SCHEMA)
        self._lock = threading.Lock()

    def get_many(
        self, claim: str, passages: Sequence[str], model: str
    ) -> list[StanceResult | None]:
        """Cached results in the order of ``passages`` (None where not cached)."""
        ck = _claim_key(claim)
        keys = [stable_hash(p) for p in passages]
        found: dict[str, StanceResult] = {}
        with self._lock:
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._conn.execute(
                    f"SELECT passage_hash, label, probabilities FROM stance_cache "
                    f"WHERE claim_hash = ? AND model = ? AND passage_hash IN ({marks})",
                    [ck, model, *chunk],
                ).fetchall()
                for ph, label, probs in rows:
                    found[ph] = StanceResult(label, json.loads(probs))
        return [found.get(k) for k in keys]

    def put_many(self, claim: str, passages: Sequence[str], model: str,
                 results: Sequence[StanceResult]) -> None:
        ck = _claim_key(claim)
        rows = [(ck, stable_hash(p), model, r.label, json.dumps(r.probabilities))
                for p, r in zip(passages, results, strict=True)]
        with self._lock:
            self._conn.execute("BEGIN")
            self._conn.executemany(
                "INSERT OR REPLACE INTO stance_cache VALUES (?, ?, ?, ?, ?)", rows
            )
            self._conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._conn.close()
