"""Passage search over the vector index: the part the engine, the CLI and the page use.

:class:`Searcher` loads the index, the store and the encoder once; :func:`search` is the
one-call form. The pieces live in their own modules and are re-exported here:

* :mod:`corroborate.index.vectors` — :class:`VectorIndex` (FAISS, manifest, atomic saves);
* :mod:`corroborate.index.build` — :class:`IndexingSink` (ingest) and :func:`rebuild`;
* :mod:`corroborate.index.filters` — :class:`SearchFilters` (the one filter type, from
  :mod:`corroborate.filters`) applied through the store's queries.

Example:
    >>> searcher = Searcher(settings)
    >>> hits = searcher.search("ISIS claimed the Kerman bombings", 10,
    ...                        SearchFilters(languages=("en", "fr")))
    >>> [(h.article.outlet, round(h.score, 3)) for h in hits[:2]]
    [('Le Monde', 0.912), ('Reuters', 0.897)]
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..domain import SearchHit
from .build import IndexingSink, RebuildReport, index_new_passages, ingest_and_index, rebuild
from .filters import SearchFilters, filter_passage_ids
from .vectors import (
    MANIFEST_NAME,
    EncoderLike,
    IndexBusyError,
    Manifest,
    ModelInfo,
    VectorIndex,
    read_manifest,
    require_manifest,
    write_lock,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..settings import Settings
    from ..store.sqlite import Store

log = logging.getLogger(__name__)


class Searcher:
    """The index, the store and the encoder, loaded once, answering claim searches.

    Safe to share between threads (the page serves several sessions with one).

    Args:
        settings: data directory, model, search knobs.
        encoder: an already loaded encoder (default: ``load_encoder(settings)``).
        store: an open store (default: ``open_store(settings)``, the file in the data
            directory or the ``database_url`` database).

    Raises:
        IndexError_: no index yet (run ingest or rebuild) or one built with another model
            (run rebuild).
        StoreError: no store.

    Example:
        >>> searcher = Searcher(settings)
        >>> searcher.search("the ECB raised rates", 5)[0].article.url
        'https://example.org/ecb-rates'
    """

    def __init__(self, settings: Settings, *, encoder: EncoderLike | None = None,
                 store: Store | None = None) -> None:
        from ..store import open_store

        self.settings = settings
        require_manifest(settings.data_dir)  # say so before spending seconds on the model
        if encoder is None:
            from ..encoder.embed import load_encoder

            encoder = load_encoder(settings)
        self.encoder = encoder
        self.model = ModelInfo.of(encoder)
        self._lock = threading.Lock()
        self._stamp = _manifest_stamp(settings.data_dir)
        self.index = VectorIndex.load(settings.data_dir, self.model, settings)
        self._owns_store = store is None
        self.store = store if store is not None else open_store(settings, create=False)

    @property
    def generation(self) -> int:
        """The generation of the index being served."""
        return self.index.manifest.generation if self.index.manifest else 0

    def reload_if_changed(self) -> bool:
        """Load the current generation if a save or rebuild replaced the one served.

        Cheap when nothing changed (a ``stat`` of the manifest). Searches running meanwhile
        finish on the old index.

        Returns:
            whether a new generation was loaded.
        """
        stamp = _manifest_stamp(self.settings.data_dir)
        if stamp == self._stamp:
            return False
        with self._lock:
            manifest = read_manifest(self.settings.data_dir)
            if manifest is None or manifest.generation == self.generation:
                self._stamp = stamp
                return False
            index = VectorIndex.load(self.settings.data_dir, self.model, self.settings)
            self.index, self._stamp = index, stamp
        log.info("now serving index generation %s (%s passages)", self.generation, index.count)
        return True

    def search(self, text: str, k: int | None = None,
               filters: SearchFilters | None = None) -> list[SearchHit]:
        """The ``k`` passages closest to ``text`` (a claim, any language), best first.

        Args:
            text: the claim.
            k: how many hits (default ``settings.retrieve_n``).
            filters: which passages may be returned.

        Returns:
            Hits with their passage, article and cosine score; fewer than ``k`` only when
            fewer passages pass the filters.
        """
        return self.search_many([text], k, filters)[0]

    def search_many(self, texts: Sequence[str], k: int | None = None,
                    filters: SearchFilters | None = None) -> list[list[SearchHit]]:
        """:meth:`search` for several claims at once (one encoder call)."""
        if not texts:
            return []
        vectors = self.encoder.encode_queries(list(texts))
        return self.search_vectors(vectors, k, filters)

    def search_vectors(self, vectors: np.ndarray, k: int | None = None,
                       filters: SearchFilters | None = None) -> list[list[SearchHit]]:
        """:meth:`search` for already encoded (normalised) query vectors."""
        k = self.settings.retrieve_n if k is None else k
        allow, deny = filter_passage_ids(self.store, filters)
        index = self.index  # one generation for the whole call, even if a reload swaps it
        scores, ids = index.search(np.atleast_2d(vectors), k, allow=allow, deny=deny)
        wanted = sorted({int(i) for i in ids.ravel() if i >= 0})
        found = {p.id: (p, a) for p, a in self.store.get_passages(wanted)}
        out: list[list[SearchHit]] = []
        for row_scores, row_ids in zip(scores, ids, strict=True):
            hits = []
            for score, pid in zip(row_scores, row_ids, strict=True):
                if pid >= 0 and int(pid) in found:  # a passage deleted since it was indexed
                    passage, article = found[int(pid)]
                    hits.append(SearchHit(passage=passage, article=article, score=float(score)))
            out.append(hits)
        return out

    def close(self) -> None:
        """Close the store if this searcher opened it."""
        if self._owns_store:
            self.store.close()

    def __enter__(self) -> Searcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def search(settings_or_searcher: Settings | Searcher, text: str, k: int | None = None,
           filters: SearchFilters | None = None) -> list[SearchHit]:
    """Search once. With settings it loads everything (slow): hold a :class:`Searcher` instead.

    Example:
        >>> search(settings, "Le prix du gaz a doublé", 5, SearchFilters(languages=("fr",)))
    """
    if isinstance(settings_or_searcher, Searcher):
        return settings_or_searcher.search(text, k, filters)
    with Searcher(settings_or_searcher) as searcher:
        return searcher.search(text, k, filters)


def _manifest_stamp(data_dir: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        st = (Path(data_dir) / MANIFEST_NAME).stat()
    except FileNotFoundError:
        return None
    return st.st_mtime_ns, st.st_ino


__all__ = [
    "EncoderLike",
    "IndexBusyError",
    "IndexingSink",
    "Manifest",
    "ModelInfo",
    "RebuildReport",
    "SearchFilters",
    "Searcher",
    "VectorIndex",
    "index_new_passages",
    "ingest_and_index",
    "read_manifest",
    "rebuild",
    "search",
    "write_lock",
]
