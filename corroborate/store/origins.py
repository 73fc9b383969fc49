"""Origin features in the store: the columns that hold them, and filling them in for old rows.

Each article row carries what origin clustering reads of it (``Article.origin``: wire
credits, names and numbers, content hash, MinHash signature), written with the article at
ingest. Rows stored before those columns existed, or computed with another recipe, are
filled by :func:`fill_origin_features` (``rebuild`` recomputes every row). The features are
computed by the caller (``compute``): the store does not know how.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ..domain import Article, OriginFeatures

if TYPE_CHECKING:  # pragma: no cover
    from .sqlite import Store

ORIGIN_COLS = ("origin_version", "origin_hash", "origin_credits", "origin_anchors",
               "origin_minhash")


def origin_columns(feats: OriginFeatures | None) -> tuple[Any, ...]:
    """The values of :data:`ORIGIN_COLS` for ``feats`` (NULLs when there are none)."""
    if feats is None:
        return (None,) * len(ORIGIN_COLS)
    return (feats.version, feats.hash, json.dumps(list(feats.credits), ensure_ascii=False),
            json.dumps(list(feats.anchors), ensure_ascii=False), feats.minhash)


def origin_from_row(r: Any) -> OriginFeatures | None:
    """The features stored in an article row, or None when it has none yet."""
    version = r["origin_version"]
    if not version:
        return None
    return OriginFeatures(version=version, hash=r["origin_hash"] or "",
                          credits=tuple(json.loads(r["origin_credits"] or "[]")),
                          anchors=tuple(json.loads(r["origin_anchors"] or "[]")),
                          minhash=bytes(r["origin_minhash"] or b""))


def write_origin_features(store: Store, items: Iterable[tuple[str, OriginFeatures]]) -> int:
    """Store the features of already stored articles (``(article id, features)``), in one
    transaction; returns how many rows were updated."""
    sets = ", ".join(f"{c} = ?" for c in ORIGIN_COLS)
    rows = [(*origin_columns(feats), aid) for aid, feats in items]
    if not rows:
        return 0
    with store.transaction() as conn:
        conn.executemany(f"UPDATE articles SET {sets} WHERE id = ?", rows)
    return len(rows)


def missing_origin_features(store: Store, version: str) -> int:
    """How many stored articles lack features of recipe ``version``."""
    rows = store.query("SELECT COUNT(*) FROM articles WHERE origin_version IS NULL "
                       "OR origin_version <> ?", (version,))
    return int(rows[0][0])


def fill_origin_features(store: Store, compute: Callable[[Article], OriginFeatures],
                         version: str, *, recompute: bool = False, batch_size: int = 500,
                         on_progress: Callable[[int, int], None] | None = None) -> int:
    """Compute and store the features of every article lacking those of recipe ``version``
    (every article with ``recompute``); returns how many were written.

    Batches of ``batch_size`` articles, each written in its own transaction (keyset paging by
    id, so an interruption keeps what was written and a re-run carries on).
    """
    total = store.article_count() if recompute else missing_origin_features(store, version)
    done, last = 0, ""
    while total:
        articles = store.articles_after(last, batch_size,
                                        lacking_origin=None if recompute else version)
        if not articles:
            break
        done += write_origin_features(store, [(a.id, compute(a)) for a in articles])
        last = articles[-1].id
        if on_progress is not None:
            on_progress(done, max(total, done))
    return done


__all__ = ["ORIGIN_COLS", "fill_origin_features", "missing_origin_features", "origin_columns",
           "origin_from_row", "write_origin_features"]
