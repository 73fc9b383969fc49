"""The engine's fact-check lookup: claims in, the published verdicts that match them out.

Holds the :class:`~.matching.FactCheckIndex` over the store's reviews, reloaded when the store
gains reviews or ``factchecks.npz`` is rewritten (a cheap count and ``stat`` per call).

Example:
    >>> lookup = FactCheckLookup(settings, store, encoder)
    >>> [(f.rating, f.publisher) for f in lookup.find(["Houran valley truck attack"])[0]]
    [('False', 'Northgate Fact Check')]
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..results import FactCheck
from ..store.reviews import claim_review_count
from .matching import FactCheckIndex, calibrated_threshold, clean_query
from .vectors import load_factcheck_index

if TYPE_CHECKING:  # pragma: no cover
    from ..domain import ClaimReview
    from ..settings import Settings
    from ..store.sqlite import Store


class FactCheckLookup:
    """Matches claims against the stored fact-checks. Thread-safe.

    Args:
        settings: ``fact_check_top_k``, ``fact_check_min_similarity``, the data directory.
        store: the open store.
        encoder: the e5 encoder the passages were embedded with.
    """

    def __init__(self, settings: Settings, store: Store, encoder: object) -> None:
        self.settings = settings
        self.store = store
        self.encoder = encoder
        self._lock = threading.Lock()
        self._stamp: tuple[int, float] | None = None
        self._index: FactCheckIndex | None = None
        self._reviews: dict[int, ClaimReview] = {}

    @property
    def min_similarity(self) -> float:
        """The dense similarity a shown fact-check reaches."""
        return self.settings.fact_check_min_similarity or calibrated_threshold()

    def _current(self) -> tuple[FactCheckIndex, dict[int, ClaimReview]]:
        path = self.settings.layout.factchecks
        stamp = (claim_review_count(self.store), path.stat().st_mtime if path.exists() else 0.0)
        with self._lock:
            if self._index is None or stamp != self._stamp:
                self._index, self._reviews = load_factcheck_index(self.settings, self.store,
                                                                  self.encoder)
                self._stamp = stamp
            return self._index, self._reviews

    def find(self, claims: Sequence[str], k: int | None = None) -> list[tuple[FactCheck, ...]]:
        """The best fact-checks of each claim above the threshold, best first."""
        k = self.settings.fact_check_top_k if k is None else k
        if k <= 0 or not claims:
            return [() for _ in claims]
        index, reviews = self._current()
        if not len(index):
            return [() for _ in claims]
        texts = [clean_query(c) for c in claims]
        vectors = self.encoder.encode_queries(texts)  # type: ignore[attr-defined]
        found = index.match(vectors, texts, k=k, min_similarity=self.min_similarity)
        out = []
        for matches in found:
            out.append(tuple(_fact_check(reviews[m.id], m.similarity, m.score)
                             for m in matches))
        return out


def _fact_check(r: ClaimReview, similarity: float, score: float) -> FactCheck:
    return FactCheck(claim=r.claim, rating=r.rating, verdict=r.verdict, publisher=r.publisher,
                     published=r.published, url=r.url, language=r.language,
                     similarity=similarity, score=score, claimant=r.claimant,
                     appearance=r.appearance, title=r.title)


__all__ = ["FactCheckLookup", "calibrated_threshold"]
