"""The data directory's fact-check vectors (``factchecks.npz``) and the index built on them.

The stored ClaimReviews are few (thousands where passages are millions), so their e5 vectors
(claim reviewed and headline, one row each) live in one small file, written whole and
atomically after every ingest and rebuild (:func:`update_factcheck_vectors`), and searched
exactly. A reader (:func:`load_factcheck_index`) takes the file's vectors for the reviews it
has and encodes, in memory, any review the store holds that the file lacks (one stored by a
run that could not write the file), so a search never misses a stored fact-check.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING

import numpy as np

from ..domain import ClaimReview
from ..store.reviews import claim_reviews
from .matching import FactCheckIndex

if TYPE_CHECKING:  # pragma: no cover
    from ..settings import Settings
    from ..store.sqlite import Store

log = logging.getLogger(__name__)


def _read(path: os.PathLike[str], fingerprint: str) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """id → (claim vector, title vector) from the file, when it was made by this encoder."""
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["fingerprint"]) != fingerprint:
                return {}
            return {int(i): (c, t) for i, c, t in zip(data["ids"], data["claims"],
                                                      data["titles"], strict=True)}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, KeyError) as exc:
        log.warning("fact-check vectors %s unreadable (%s): re-encoding", path, exc)
        return {}


def _encode(encoder: object, reviews: list[ClaimReview], batch_size: int | None
            ) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    if not reviews:
        return {}
    texts = [r.claim for r in reviews] + [r.title or r.claim for r in reviews]
    vectors = np.asarray(encoder.encode_passages(texts, batch_size=batch_size),  # type: ignore[attr-defined]
                         dtype=np.float32)
    n = len(reviews)
    return {r.id: (vectors[i], vectors[n + i]) for i, r in enumerate(reviews)}


def _vectors(settings: Settings, store: Store, encoder: object
             ) -> tuple[list[ClaimReview], dict[int, tuple[np.ndarray, np.ndarray]], int]:
    reviews = claim_reviews(store)
    known = _read(settings.layout.factchecks, str(getattr(encoder, "fingerprint", "")))
    missing = [r for r in reviews if r.id not in known]
    known.update(_encode(encoder, missing, settings.embedding_batch_size))
    return reviews, known, len(missing)


def update_factcheck_vectors(settings: Settings, store: Store, encoder: object) -> int:
    """Encode the stored reviews missing from ``factchecks.npz`` and rewrite it atomically.

    Returns:
        How many reviews were encoded (0: the file was up to date and is left alone).
    """
    reviews, known, added = _vectors(settings, store, encoder)
    path = settings.layout.factchecks
    if not added and (path.exists() or not reviews):
        return 0
    ids = np.array([r.id for r in reviews], dtype=np.int64)
    dim = next(iter(known.values()))[0].shape[0] if known else 0
    claims = np.stack([known[r.id][0] for r in reviews]) if reviews else np.zeros((0, dim))
    titles = np.stack([known[r.id][1] for r in reviews]) if reviews else np.zeros((0, dim))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as f:
        np.savez(f, ids=ids, claims=claims.astype(np.float32), titles=titles.astype(np.float32),
                 fingerprint=np.array(str(getattr(encoder, "fingerprint", ""))))
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    log.info("fact-checks: %s encoded, %s in %s", added, len(reviews), path)
    return added


def load_factcheck_index(settings: Settings, store: Store, encoder: object
                         ) -> tuple[FactCheckIndex, dict[int, ClaimReview]]:
    """The index over every stored review, and the reviews by id."""
    reviews, known, added = _vectors(settings, store, encoder)
    if added:
        log.info("fact-checks: %s stored reviews not in %s, encoded in memory", added,
                 settings.layout.factchecks)
    dim = int(getattr(encoder, "dimension", 0) or 0)
    empty = np.zeros((0, dim), dtype=np.float32)
    index = FactCheckIndex(
        [r.id for r in reviews], [r.claim for r in reviews], [r.title for r in reviews],
        np.stack([known[r.id][0] for r in reviews]) if reviews else empty,
        np.stack([known[r.id][1] for r in reviews]) if reviews else empty)
    return index, {r.id: r for r in reviews}


__all__ = ["load_factcheck_index", "update_factcheck_vectors"]
