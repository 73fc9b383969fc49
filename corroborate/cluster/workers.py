"""An ingest's fetching and extraction on Ray: hosts owned by fetching actors, pages as tasks.

* Fetching: ``workers`` actors, each with one :class:`~corroborate.ingest.fetch.Fetcher` of
  its own. Every host (``host:port``) belongs to exactly one of them (a hash of the host picks
  it), so that host's robots.txt, per-host concurrency and delay, and the address guard are
  applied in one place: politeness holds for the whole cluster, not per process.
* Extraction (decode, extract, language, passages, ClaimReview): one Ray task per page.

Both are retried by Ray when a node dies (an actor restarts on another node and its pending
calls run again; a task runs again). That is safe because nothing here writes anything: a
fetch is a GET, extraction is a pure function of the page, and the ingest run, in the
driver, commits under stable ids (an article already stored is not stored again).

Exceptions cross the process boundary as plain tuples and are raised again here, since the
library's errors carry fields their pickled form would lose.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any
from urllib.parse import urlsplit

from ..domain import FeedEntry, FeedSpec
from ..errors import FetchError, ParseError
from ..ingest.fetch import Fetcher, FetchResult, Kind
from ..ingest.page import PreparedArticle, prepare_article
from ..ingest.workers import FetcherLike
from ..settings import Settings

log = logging.getLogger(__name__)

# Logical CPUs reserved on a node. A fetching actor mostly waits on the network; an
# extraction task is short. Small shares let actors restart on the surviving nodes when one
# dies, and leave room for the tasks next to them.
FETCHER_CPUS = 0.1
PREPARE_CPUS = 0.25
TASK_RETRIES = 5


def owner_of(url: str, owners: int) -> int:
    """Which of ``owners`` fetching actors owns the host of ``url`` (stable across runs)."""
    host = urlsplit(url).netloc.lower().rsplit("@", 1)[-1]
    return int.from_bytes(hashlib.sha256(host.encode()).digest()[:8], "big") % max(1, owners)


class HostFetcher:
    """A Ray actor (async): one Fetcher for the hosts this actor owns."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._fetcher: Fetcher | None = None

    async def fetch(self, url: str, kind: Kind, etag: str | None,
                    last_modified: str | None) -> tuple[Any, ...]:
        """``("ok", FetchResult)`` or ``("error", FetchError subclass, url, reason, status)``."""
        if self._fetcher is None:  # made in the actor's own event loop, on first use
            fetcher = Fetcher(self.settings)
            self._fetcher = await fetcher.__aenter__()
        try:
            return ("ok", await self._fetcher.fetch(url, kind=kind, etag=etag,
                                                    last_modified=last_modified))
        except FetchError as exc:
            return ("error", type(exc), exc.url, exc.reason, exc.status)

    async def close(self) -> None:
        if self._fetcher is not None:
            await self._fetcher.__aexit__(None, None, None)
            self._fetcher = None


def prepare_remote(settings: Settings, spec: FeedSpec, entry: FeedEntry, canonical: str,
                   result: FetchResult, language: str) -> tuple[Any, ...]:
    """A Ray task: ``("ok", PreparedArticle)`` or ``("failed", source, reason)``."""
    try:
        return ("ok", prepare_article(settings, spec, entry, canonical, result, language))
    except ParseError as exc:
        return ("failed", exc.source, exc.reason)
    except Exception as exc:  # an extractor crash on a hostile page fails that page only
        log.exception("preparing %s crashed", entry.url)
        return ("failed", entry.url, f"extraction crashed: {type(exc).__name__}: {exc}")


class _RayFetcher:
    """The driver's side: each fetch goes to the actor owning the URL's host."""

    def __init__(self, actors: Sequence[Any]) -> None:
        self.actors = list(actors)

    async def fetch(self, url: str, *, kind: Kind, etag: str | None = None,
                    last_modified: str | None = None) -> FetchResult:
        actor = self.actors[owner_of(url, len(self.actors))]
        answer = await actor.fetch.remote(url, kind, etag, last_modified)
        if answer[0] == "ok":
            result: FetchResult = answer[1]
            return result
        _, error_type, error_url, reason, status = answer
        raise error_type(error_url, reason, status=status)


class RayWorkers:
    """:class:`~corroborate.ingest.workers.IngestWorkers` on the connected Ray cluster.

    Args:
        workers: how many fetching actors to start (hosts are shared among them).
    """

    local = False

    def __init__(self, workers: int) -> None:
        import ray

        self.workers = max(1, workers)
        self._actor_class: Any = ray.remote(HostFetcher).options(
            num_cpus=FETCHER_CPUS, max_restarts=-1, max_task_retries=-1,
            scheduling_strategy="SPREAD")
        self._prepare: Any = ray.remote(prepare_remote).options(
            num_cpus=PREPARE_CPUS, max_retries=TASK_RETRIES, retry_exceptions=False)

    @asynccontextmanager
    async def _open(self, settings: Settings) -> AsyncIterator[FetcherLike]:
        import ray

        actors: list[Any] = [self._actor_class.remote(settings) for _ in range(self.workers)]
        try:
            yield _RayFetcher(actors)
        finally:
            for actor in actors:
                try:
                    await actor.close.remote()
                except Exception:  # a dead actor has nothing left to close
                    log.debug("closing a fetching actor failed", exc_info=True)
                ray.kill(actor)

    def fetcher(self, settings: Settings) -> AbstractAsyncContextManager[FetcherLike]:
        return self._open(settings)

    async def prepare(self, settings: Settings, spec: FeedSpec, entry: FeedEntry,
                      canonical: str, result: FetchResult, language: str) -> PreparedArticle:
        answer = await self._prepare.remote(settings, spec, entry, canonical, result, language)
        if answer[0] == "ok":
            prepared: PreparedArticle = answer[1]
            return prepared
        raise ParseError(answer[1], answer[2])


__all__ = ["HostFetcher", "RayWorkers", "owner_of", "prepare_remote"]
