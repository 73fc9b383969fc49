"""One ingest run: feeds → entries → pages → articles and passages in the store.

The stages (fetch, feedparse, urls, extract, lang, passages, store) don't know each other;
this module chains them (the per-page CPU step is :mod:`corroborate.ingest.page`). Work is concurrent where it waits and serial where it writes:

* every feed is fetched at once (the :class:`~corroborate.ingest.fetch.Fetcher` enforces the global
  and per-host limits and delays), with a conditional GET from the stored ETag/Last-Modified;
* a feed answering 304, or whose body hashes to the stored hash, is *unchanged*: nothing is
  parsed and no page is fetched;
* each changed feed's newest ``max_articles_per_feed`` entries not already stored are
  fetched, at most ``2 * per_host_concurrency`` pages of a feed in hand at once; extraction,
  language detection and passage splitting run in worker threads (``asyncio.to_thread``) so
  the network never waits on them;
* every write goes through ONE commit thread: an article and all its passages in one
  transaction, then :meth:`PassageSink.add`. Commits are therefore serialised, and a slow
  sink (the embedder) slows the commits, not the event loop.

Crash safety: an article is committed whole or not at all, and a feed's validators (ETag,
Last-Modified, body hash) are only stored once every entry of that body was dealt with, so
after ``kill -9`` a re-run fetches the feed in full again and only the missing articles.

Every per-item failure (dead feed, HTTP error, timeout, malformed feed, non-HTML or huge
page, extraction found no text, robots, blocked address...) is logged in the store's fetch
log and counted in the :class:`IngestReport` with its reason; the run carries on.
"""

from __future__ import annotations

import asyncio
import enum
import functools
import hashlib
import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import UTC, datetime
from typing import Any, NamedTuple, Protocol, TypeVar, runtime_checkable

from ..domain import Article, FeedEntry, FeedSpec, ParsedFeed, Passage
from ..errors import FetchError, ParseError
from ..settings import Settings
from ..store.sqlite import Store
from .feedparse import parse_feed
from .fetch import Fetcher, FetchResult
from .lang import detect_language
from .page import PreparedArticle, is_transient, prepare_article
from .urls import canonicalize

log = logging.getLogger(__name__)

T = TypeVar("T")


@runtime_checkable
class PassageSink(Protocol):
    """Where freshly committed articles go next (the vector index plugs in here).

    ``add`` is called once per committed article, in commit order, from the ingest's commit
    thread (never from the event loop); it may block to apply back-pressure. ``close`` is
    called once at the end of the run, also when the run fails.
    """

    def add(self, article: Article, passages: Sequence[Passage]) -> None:
        """Take one committed article and its passages."""

    def close(self) -> None:
        """Finish: flush and save whatever was added."""


class IngestFailure(NamedTuple):
    """One item that failed, and why."""

    url: str
    kind: str  # "feed" or "page"
    reason: str


@dataclass(frozen=True)
class IngestReport:
    """What one ingest run did.

    ``articles_new`` counts new original articles, ``articles_duplicate`` new articles whose
    text is an exact copy of one already stored (stored too, with ``duplicate_of``);
    ``articles_skipped`` counts entries already in the store (not fetched again).
    """

    feeds_ok: int = 0
    feeds_unchanged: int = 0
    feeds_failed: int = 0
    feeds_skipped: int = 0  # not even fetched: the article limit was reached first
    articles_new: int = 0
    articles_duplicate: int = 0
    articles_failed: int = 0
    articles_skipped: int = 0
    passages_new: int = 0
    limit_reached: bool = False
    failures: tuple[IngestFailure, ...] = ()
    elapsed: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly view (failures as objects)."""
        out = asdict(self)
        out["failures"] = [f._asdict() for f in self.failures]
        return out


class _Outcome(enum.Enum):
    NEW = "new"
    DUPLICATE = "duplicate"
    ALREADY = "already stored"
    FAILED = "failed"  # permanent: retrying the same body would fail again
    RETRY = "failed, worth retrying"  # transient: timeouts, 429, 5xx, transport errors
    LIMIT = "not fetched: article limit reached"


_FINISHED = {_Outcome.NEW, _Outcome.DUPLICATE, _Outcome.ALREADY, _Outcome.FAILED}


@dataclass
class _Counts:
    """The report's counters while the run goes (same names as :class:`IngestReport`)."""

    feeds_ok: int = 0
    feeds_unchanged: int = 0
    feeds_failed: int = 0
    feeds_skipped: int = 0
    articles_new: int = 0
    articles_duplicate: int = 0
    articles_failed: int = 0
    articles_skipped: int = 0
    passages_new: int = 0
    failures: list[IngestFailure] = field(default_factory=list)


class _Slots:
    """The article budget: a page is only fetched when it could still be committed."""

    def __init__(self, limit: int | None) -> None:
        self.limit = limit
        self.committed = 0
        self.reserved = 0
        self._cond = asyncio.Condition()

    @property
    def exhausted(self) -> bool:
        return self.limit is not None and self.committed >= self.limit

    async def reserve(self) -> bool:
        if self.limit is None:
            return True
        async with self._cond:
            while True:
                if self.committed >= self.limit:
                    return False
                if self.committed + self.reserved < self.limit:
                    self.reserved += 1
                    return True
                await self._cond.wait()

    async def release(self, committed: bool) -> None:
        if self.limit is None:
            self.committed += committed
            return
        async with self._cond:
            self.reserved -= 1
            self.committed += committed
            self._cond.notify_all()


def ingest(
    settings: Settings,
    feeds: Sequence[FeedSpec],
    *,
    max_articles: int | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    sink: PassageSink | None = None,
) -> IngestReport:
    """Fetch the feeds and store their new articles (blocking wrapper of :func:`ingest_async`).

    Args:
        settings: the run's settings (store path, fetch limits, per-feed entry count...).
        feeds: the feeds to read.
        max_articles: stop after this many new articles (duplicates count); ``None`` takes
            ``settings.max_articles``; 0 or less means no limit.
        on_progress: called as ``on_progress(done, total)`` in the event loop's thread;
            units are feeds plus pages, and ``total`` grows as feeds reveal their entries.
        sink: receives every committed article with its passages (see :class:`PassageSink`).

    Returns:
        The run's :class:`IngestReport`.

    Raises:
        StoreError: the store cannot be opened or written.
        RuntimeError: called from a running event loop (use :func:`ingest_async` there).

    Example:
        >>> report = ingest(settings, load_feed_list(settings.feeds_file), max_articles=50)
        >>> report.articles_new, [f.reason for f in report.failures]
        (50, [])
    """
    return asyncio.run(ingest_async(settings, feeds, max_articles=max_articles,
                                    on_progress=on_progress, sink=sink))


async def ingest_async(
    settings: Settings,
    feeds: Sequence[FeedSpec],
    *,
    max_articles: int | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    sink: PassageSink | None = None,
    transport: Any = None,
) -> IngestReport:
    """The ingest run itself; see :func:`ingest` (``transport`` goes to the Fetcher)."""
    limit = settings.max_articles if max_articles is None else max_articles
    started = time.monotonic()
    unique = list({f.url: f for f in feeds}.values())
    committer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="corroborate-commit")
    store: Store | None = None
    try:
        store = Store(settings.store_path)
        run = _Run(settings, store, committer, sink, limit if limit and limit > 0 else None,
                   on_progress, total=len(unique))
        for spec in unique:
            await run.write(store.upsert_feed, spec)
        async with Fetcher(settings, transport=transport) as fetcher:
            run.fetcher = fetcher
            try:
                async with asyncio.TaskGroup() as group:
                    for spec in unique:
                        group.create_task(run.feed(spec))
            except BaseExceptionGroup as group_error:
                # surface the first real error (a programming or store error), not the group
                raise group_error.exceptions[0] from group_error
    finally:
        committer.shutdown(wait=True)
        try:
            if sink is not None:
                sink.close()
        finally:
            if store is not None:
                store.close()
    report = run.report(time.monotonic() - started)
    log.info("ingest: %s", {k: v for k, v in report.to_dict().items() if k != "failures"})
    return report


class _Run:
    """The state of one run; methods are the pipeline's steps."""

    fetcher: Fetcher

    def __init__(self, settings: Settings, store: Store, committer: ThreadPoolExecutor,
                 sink: PassageSink | None, limit: int | None,
                 on_progress: Callable[[int, int], None] | None, total: int) -> None:
        self.settings = settings
        self.store = store
        self.committer = committer
        self.sink = sink
        self.slots = _Slots(limit)
        self.on_progress = on_progress
        self.counts = _Counts()
        self.done = 0
        self.total = total
        # canonical URL -> the outcome of the one job fetching it in this run
        self.claimed: dict[str, asyncio.Future[_Outcome]] = {}
        self._warm: asyncio.Future[str] | None = None

    def warm_up(self) -> asyncio.Future[str]:
        """Load the language model once, while the first pages download, rather than in
        every worker thread that happens to need it first (and not at all when no page is
        fetched: an all-unchanged run stays instant)."""
        if self._warm is None:
            self._warm = asyncio.ensure_future(asyncio.to_thread(
                detect_language, "Loading the language model while the first pages download."))
        return self._warm

    def report(self, elapsed: float) -> IngestReport:
        counts = {f.name: getattr(self.counts, f.name) for f in fields(_Counts)}
        counts["failures"] = tuple(self.counts.failures)
        return IngestReport(**counts, limit_reached=self.slots.exhausted, elapsed=elapsed)

    async def write(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a store write (or a commit) on the single commit thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.committer, functools.partial(fn, *args, **kwargs))

    def _progress(self, done: int = 0, total: int = 0) -> None:
        self.done += done
        self.total += total
        if self.on_progress is not None:
            self.on_progress(self.done, self.total)

    async def _fail(self, url: str, kind: str, status: int | None, reason: str) -> None:
        log.info("ingest: %s %s failed: %s", kind, url, reason)
        self.counts.failures.append(IngestFailure(url, kind, reason))
        if kind == "feed":
            self.counts.feeds_failed += 1
        else:
            self.counts.articles_failed += 1
        await self.write(self.store.log_fetch, url, kind, status, False, reason)

    # --- feeds ------------------------------------------------------------------------------

    async def feed(self, spec: FeedSpec) -> None:
        try:
            await self._feed(spec)
        finally:
            self._progress(done=1)

    async def _feed(self, spec: FeedSpec) -> None:
        if self.slots.exhausted:
            self.counts.feeds_skipped += 1
            return
        state = self.store.feed_state(spec.url)
        try:
            result = await self.fetcher.fetch(
                spec.url, kind="feed", etag=state.etag if state else None,
                last_modified=state.last_modified if state else None)
        except FetchError as exc:
            await self._fail(spec.url, "feed", exc.status, exc.reason)
            await self.write(self.store.record_feed_fetch, spec.url, status=exc.status, ok=False,
                             error=exc.reason)
            return
        body_hash = hashlib.sha256(result.content).hexdigest()
        if result.not_modified or (state is not None and state.content_hash == body_hash):
            why = "not modified (304)" if result.not_modified else "unchanged (same content)"
            await self._unchanged(spec, result, why)
            return
        try:
            parsed = await asyncio.to_thread(parse_feed, result.content, result.url,
                                             content_type=result.content_type)
        except ParseError as exc:
            await self._feed_parse_failed(spec, result, exc.reason)
            return
        except Exception as exc:  # a parser crash on hostile input is this feed's problem only
            log.exception("ingest: parsing %s crashed", spec.url)
            await self._feed_parse_failed(spec, result, f"feed parser crashed: {type(exc).__name__}: {exc}")
            return
        outcomes = await self._entries(spec, parsed)
        complete = all(o in _FINISHED for o in outcomes)
        new = sum(o in (_Outcome.NEW, _Outcome.DUPLICATE) for o in outcomes)
        self.counts.feeds_ok += 1
        await self.write(self.store.log_fetch, spec.url, "feed", result.status, True, parsed.warning)
        # validators only once the whole body is dealt with: otherwise the next run must see
        # this body again to pick up what was cut short (limit, crash, transient failure)
        await self.write(
            self.store.record_feed_fetch, spec.url, status=result.status, ok=True,
            etag=result.etag if complete else None,
            last_modified=result.last_modified if complete else None,
            content_hash=body_hash if complete else None, new_articles=new)

    async def _unchanged(self, spec: FeedSpec, result: FetchResult, why: str) -> None:
        self.counts.feeds_unchanged += 1
        await self.write(self.store.log_fetch, spec.url, "feed", result.status, True, why)
        await self.write(self.store.record_feed_fetch, spec.url, status=result.status, ok=True,
                         etag=result.etag, last_modified=result.last_modified)

    async def _feed_parse_failed(self, spec: FeedSpec, result: FetchResult, reason: str) -> None:
        await self._fail(spec.url, "feed", result.status, reason)
        await self.write(self.store.record_feed_fetch, spec.url, status=result.status, ok=False,
                         error=reason)

    def _newest(self, parsed: ParsedFeed) -> list[FeedEntry]:
        """The entries to consider: newest first (undated ones after, in feed order)."""
        entries = [e for e in parsed.entries if e.url]
        order = sorted(range(len(entries)), key=lambda i: (
            entries[i].published is None,
            -_timestamp(entries[i].published),
            i))
        n = self.settings.max_articles_per_feed
        return [entries[i] for i in (order[:n] if n > 0 else order)]

    async def _entries(self, spec: FeedSpec, parsed: ParsedFeed) -> list[_Outcome]:
        jobs: list[asyncio.Future[_Outcome]] = []
        waits: list[asyncio.Future[_Outcome]] = []
        seen: set[str] = set()
        # pages of this feed in hand (being fetched or extracted): twice what the fetcher
        # lets through per host, so some download while others are extracted, and memory
        # stays bounded when extraction is slower than the network
        gate = asyncio.Semaphore(max(2, 2 * self.settings.per_host_concurrency))
        for entry in self._newest(parsed):
            try:
                canonical = canonicalize(entry.url)
            except ParseError as exc:
                await self._fail(entry.url, "page", None, f"bad article URL: {exc.reason}")
                continue
            if canonical in seen:
                continue
            seen.add(canonical)
            if canonical in self.claimed:  # another feed of this run fetches it
                waits.append(self.claimed[canonical])
                continue
            if self.store.has_article(canonical):
                self.counts.articles_skipped += 1
                continue
            job = asyncio.ensure_future(self._page(gate, spec, parsed, entry, canonical))
            self.claimed[canonical] = job
            jobs.append(job)
        if jobs:
            self.warm_up()
        self._progress(total=len(jobs))
        outcomes = list(await asyncio.gather(*jobs)) if jobs else []
        for other in waits:
            outcomes.append(await asyncio.shield(other))
        return outcomes

    # --- pages ------------------------------------------------------------------------------

    async def _page(self, gate: asyncio.Semaphore, spec: FeedSpec, parsed: ParsedFeed,
                    entry: FeedEntry, canonical: str) -> _Outcome:
        async with gate:
            if not await self.slots.reserve():
                self._progress(done=1)
                return _Outcome.LIMIT
            outcome = _Outcome.FAILED
            try:
                outcome = await self._fetch_and_store(spec, parsed, entry, canonical)
                return outcome
            finally:
                await self.slots.release(outcome in (_Outcome.NEW, _Outcome.DUPLICATE))
                self._progress(done=1)

    async def _fetch_and_store(self, spec: FeedSpec, parsed: ParsedFeed, entry: FeedEntry,
                               canonical: str) -> _Outcome:
        try:
            result = await self.fetcher.fetch(entry.url, kind="page")
        except FetchError as exc:
            await self._fail(entry.url, "page", exc.status, exc.reason)
            return _Outcome.RETRY if is_transient(exc) else _Outcome.FAILED
        final = _canonical_or_none(result.url)
        if final and final != canonical and self.store.has_article(final):
            self.counts.articles_skipped += 1  # a redirect to an article we already have
            return _Outcome.ALREADY
        await self.warm_up()
        try:
            prepared = await asyncio.to_thread(
                prepare_article, self.settings, spec, entry, canonical, result, parsed.language)
        except ParseError as exc:
            await self._fail(entry.url, "page", result.status, exc.reason)
            return _Outcome.FAILED
        except Exception as exc:  # an extractor crash on a hostile page fails that page only
            log.exception("ingest: preparing %s crashed", entry.url)
            await self._fail(entry.url, "page", result.status,
                             f"extraction crashed: {type(exc).__name__}: {exc}")
            return _Outcome.FAILED
        outcome, article = await self.write(self._commit, prepared, result.status)
        if outcome is _Outcome.NEW:
            self.counts.articles_new += 1
        elif outcome is _Outcome.DUPLICATE:
            self.counts.articles_duplicate += 1
        else:
            self.counts.articles_skipped += 1
        if outcome in (_Outcome.NEW, _Outcome.DUPLICATE):
            self.counts.passages_new += len(prepared.passages)
            log.debug("ingest: stored %s (%s, %d passages)", article.url, outcome.value,
                      len(prepared.passages))
        return outcome

    def _commit(self, prepared: PreparedArticle, status: int) -> tuple[_Outcome, Article]:
        """On the commit thread: dedupe by content, store atomically, hand to the sink."""
        article = prepared.article
        original = self.store.article_by_hash(article.content_hash)
        if original is not None and original.url != article.url:
            article = replace(article, duplicate_of=original.id)
        if not self.store.add_article(article, prepared.passages):
            return _Outcome.ALREADY, article
        self.store.log_fetch(article.original_url or article.url, "page", status, True,
                             f"duplicate of {original.url}" if article.duplicate_of and original
                             else "")
        if self.sink is not None:
            self.sink.add(article, prepared.passages)
        return (_Outcome.DUPLICATE if article.duplicate_of else _Outcome.NEW), article


def _canonical_or_none(url: str) -> str | None:
    try:
        return canonicalize(url)
    except ParseError:
        return None


def _timestamp(dt: datetime | None) -> float:
    if dt is None:
        return 0.0
    return (dt if dt.tzinfo else dt.replace(tzinfo=UTC)).timestamp()


__all__ = ["IngestFailure", "IngestReport", "PassageSink", "ingest", "ingest_async"]
