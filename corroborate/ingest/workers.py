"""Where an ingest's fetches and page preparation run: here by default, elsewhere if asked.

The ingest run (:mod:`corroborate.ingest.run`) keeps the bookkeeping and every store write in
its own process; it hands each fetch to a :class:`FetcherLike` and each fetched page's CPU step
to :meth:`IngestWorkers.prepare`. :class:`LocalWorkers` does both in this process (one
:class:`~corroborate.ingest.fetch.Fetcher`, extraction in a thread); the Ray pipeline
(:mod:`corroborate.cluster`) sends them to a cluster with the same results.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any, Protocol

from ..domain import FeedEntry, FeedSpec
from ..settings import Settings
from .fetch import Fetcher, FetchResult, Kind
from .page import PreparedArticle, prepare_article


class FetcherLike(Protocol):
    """What the ingest run needs of a fetcher (:class:`~corroborate.ingest.fetch.Fetcher` fits)."""

    async def fetch(self, url: str, *, kind: Kind, etag: str | None = None,
                    last_modified: str | None = None) -> FetchResult:
        """GET ``url``; raises :class:`~corroborate.errors.FetchError` with a reason."""
        ...


class IngestWorkers(Protocol):
    """The fetching and the per-page CPU step of an ingest run.

    ``local`` says whether :meth:`prepare` runs in this process (the run then loads the
    language model once, early, instead of in whichever thread needs it first).
    """

    local: bool

    def fetcher(self, settings: Settings) -> AbstractAsyncContextManager[FetcherLike]:
        """The fetcher for one run, open for the run's duration."""
        ...

    async def prepare(self, settings: Settings, spec: FeedSpec, entry: FeedEntry,
                      canonical: str, result: FetchResult, language: str) -> PreparedArticle:
        """:func:`~corroborate.ingest.page.prepare_article` (raises ParseError the same way)."""
        ...


class LocalWorkers:
    """Everything in this process: one Fetcher, extraction in worker threads."""

    local = True

    def __init__(self, transport: Any = None) -> None:
        self.transport = transport

    @asynccontextmanager
    async def _open(self, settings: Settings) -> AsyncIterator[FetcherLike]:
        async with Fetcher(settings, transport=self.transport) as fetcher:
            yield fetcher

    def fetcher(self, settings: Settings) -> AbstractAsyncContextManager[FetcherLike]:
        return self._open(settings)

    async def prepare(self, settings: Settings, spec: FeedSpec, entry: FeedEntry,
                      canonical: str, result: FetchResult, language: str) -> PreparedArticle:
        return await asyncio.to_thread(prepare_article, settings, spec, entry, canonical, result,
                                       language)


__all__ = ["FetcherLike", "IngestWorkers", "LocalWorkers"]
