"""Search filters as the vector index applies them: URLs canonicalised, then the store's ids.

The SQL lives in the store (:mod:`corroborate.store.queries`); :class:`SearchFilters` is the
one filter type of the engine, the index and the command line (:mod:`corroborate.filters`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from ..errors import ParseError
from ..filters import SearchFilters
from ..ingest.urls import canonicalize
from ..store.sqlite import Store


def all_passage_ids(store: Store) -> np.ndarray:
    """Every stored passage id (int64)."""
    return store.all_passage_ids()


def passage_texts(store: Store, ids: Sequence[int]) -> list[tuple[int, str]]:
    """``(id, text)`` of the stored passages among ``ids``, in id order."""
    return store.passage_texts(ids)


def filter_passage_ids(store: Store, filters: SearchFilters | None
                       ) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Turn filters into ``(allow, deny)`` passage-id arrays for :meth:`VectorIndex.search`.

    With any restricting filter the result is ``(allowed ids, None)``, exclusions applied.
    With exclusions only it is ``(None, excluded ids)``, which stays small however big the
    store is. Without filters it is ``(None, None)``. Excluded URLs match as given and in
    their canonical form.
    """
    if filters is not None and filters.exclude_urls:
        urls = set(filters.exclude_urls)
        for url in filters.exclude_urls:
            with contextlib.suppress(ParseError):  # not a URL we can canonicalise: as given
                urls.add(canonicalize(url))
        filters = replace(filters, exclude_urls=tuple(sorted(urls)))
    return store.filtered_passage_ids(filters)


__all__ = ["SearchFilters", "all_passage_ids", "filter_passage_ids", "passage_texts"]
