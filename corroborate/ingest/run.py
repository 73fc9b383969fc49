"""One ingest run: feeds → entries → pages → articles and passages in the store.

The stages (fetch, feedparse, urls, extract, lang, passages, store) don't know each other;
this module chains them (the per-page CPU step is :mod:`corroborate.ingest.page`). Work is
concurrent where it waits and serial where it writes:

* every feed is fetched at once (the :class:`~corroborate.ingest.fetch.Fetcher` enforces the global
  and per-host limits and delays), with a conditional GET from the stored ETag/Last-Modified;
* a feed answering 304, or whose body hashes to the stored hash, is *unchanged*: nothing is
  parsed, and only the entries an earlier run deferred are fetched;
* each changed feed's newest ``max_articles_per_feed`` entries not already stored are
  fetched; the others are *deferred*: kept in the store (:mod:`corroborate.store.deferred`),
  counted in the report, and taken by the next runs even when the feed is unchanged. At
  most ``2 * per_host_concurrency`` pages of a feed are in hand at once; extraction,
  language detection and passage splitting run in worker threads (``asyncio.to_thread``) so
  the network never waits on them;
* every write goes through ONE commit thread: an article and all its passages in one
  transaction, then :meth:`PassageSink.add`. Commits are therefore serialised, and a slow
  sink (the embedder) slows the commits, not the event loop.

Fetching and the per-page CPU step go through an :class:`~corroborate.ingest.workers.IngestWorkers`
(this process by default; the Ray pipeline's fetching actors and tasks with ``ray_address``);
the decisions and the writes above stay here either way.

Crash safety: an article is committed whole or not at all, and a feed's validators (ETag,
Last-Modified, body hash) are only stored once every entry of that body was dealt with, so
after ``kill -9`` a re-run fetches the feed in full again and only the missing articles.

Every per-item failure (dead feed, HTTP error, timeout, malformed feed, non-HTML or huge
page, extraction found no text, robots, blocked address...) is logged in the store's fetch
log and counted in the :class:`IngestReport` with its reason; the run carries on.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import fields, replace
from datetime import UTC, datetime
from typing import Any, Protocol, TypeVar, runtime_checkable

from ..domain import Article, FeedEntry, FeedSpec, Passage
from ..errors import FetchError, ParseError
from ..lang import detect_language
from ..settings import Settings
from ..store import open_store
from ..store.deferred import DeferredEntry, deferred_count, deferred_entries, replace_deferred
from ..store.reviews import add_claim_reviews
from ..store.sqlite import Store
from .feedparse import parse_feed
from .fetch import FetchResult
from .page import PreparedArticle, is_transient
from .runstate import FINISHED, Counts, IngestFailure, IngestReport, Outcome, Slots
from .urls import canonicalize
from .workers import FetcherLike, IngestWorkers, LocalWorkers

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


def ingest(
    settings: Settings,
    feeds: Sequence[FeedSpec],
    *,
    max_articles: int | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    sink: PassageSink | None = None,
    workers: IngestWorkers | None = None,
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
        workers: where fetches and page preparation run (default: this process,
            :class:`~corroborate.ingest.workers.LocalWorkers`); the bookkeeping and every
            store write stay in this process either way.

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
                                    on_progress=on_progress, sink=sink, workers=workers))


async def ingest_async(
    settings: Settings,
    feeds: Sequence[FeedSpec],
    *,
    max_articles: int | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    sink: PassageSink | None = None,
    transport: Any = None,
    workers: IngestWorkers | None = None,
) -> IngestReport:
    """The ingest run itself; see :func:`ingest` (``transport`` goes to the local Fetcher)."""
    workers = workers if workers is not None else LocalWorkers(transport)
    limit = settings.max_articles if max_articles is None else max_articles
    started = time.monotonic()
    unique = list({f.url: f for f in feeds}.values())
    committer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="corroborate-commit")
    store: Store | None = None
    try:
        store = open_store(settings)
        run = _Run(settings, store, committer, sink, limit if limit and limit > 0 else None,
                   on_progress, total=len(unique), workers=workers)
        for spec in unique:
            await run.write(store.upsert_feed, spec)
        async with workers.fetcher(settings) as fetcher:
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

    fetcher: FetcherLike

    def __init__(self, settings: Settings, store: Store, committer: ThreadPoolExecutor,
                 sink: PassageSink | None, limit: int | None,
                 on_progress: Callable[[int, int], None] | None, total: int,
                 workers: IngestWorkers) -> None:
        self.settings = settings
        self.workers = workers
        self.store = store
        self.committer = committer
        self.sink = sink
        self.slots = Slots(limit)
        self.on_progress = on_progress
        self.counts = Counts()
        self.done = 0
        self.total = total
        # canonical URL -> the outcome of the one job fetching it in this run
        self.claimed: dict[str, asyncio.Future[Outcome]] = {}
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
        counts = {f.name: getattr(self.counts, f.name) for f in fields(Counts)}
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
            self.counts.deferred += deferred_count(self.store, spec.url)
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
            self.counts.deferred += deferred_count(self.store, spec.url)
            return
        body_hash = hashlib.sha256(result.content).hexdigest()
        waiting = deferred_entries(self.store, spec.url)
        if result.not_modified or (state is not None and state.content_hash == body_hash):
            why = "not modified (304)" if result.not_modified else "unchanged (same content)"
            # the feed is unchanged, but entries an earlier run left are taken now
            outcomes = await self._entries(spec, (), "", waiting) if waiting else []
            await self._unchanged(spec, result, why, _new(outcomes))
            return
        try:
            parsed = await asyncio.to_thread(parse_feed, result.content, result.url,
                                             content_type=result.content_type)
        except ParseError as exc:
            await self._feed_parse_failed(spec, result, exc.reason)
            self.counts.deferred += len(waiting)
            return
        except Exception as exc:  # a parser crash on hostile input is this feed's problem only
            log.exception("ingest: parsing %s crashed", spec.url)
            await self._feed_parse_failed(
                spec, result, f"feed parser crashed: {type(exc).__name__}: {exc}")
            self.counts.deferred += len(waiting)
            return
        outcomes = await self._entries(spec, parsed.entries, parsed.language, waiting)
        complete = all(o in FINISHED for o in outcomes)
        self.counts.feeds_ok += 1
        await self.write(self.store.log_fetch, spec.url, "feed", result.status, True,
                         parsed.warning)
        # validators only once the whole body is dealt with: otherwise the next run must see
        # this body again to pick up what was cut short (limit, crash, transient failure)
        await self.write(
            self.store.record_feed_fetch, spec.url, status=result.status, ok=True,
            etag=result.etag if complete else None,
            last_modified=result.last_modified if complete else None,
            content_hash=body_hash if complete else None, new_articles=_new(outcomes))

    async def _unchanged(self, spec: FeedSpec, result: FetchResult, why: str, new: int) -> None:
        self.counts.feeds_unchanged += 1
        await self.write(self.store.log_fetch, spec.url, "feed", result.status, True, why)
        await self.write(self.store.record_feed_fetch, spec.url, status=result.status, ok=True,
                         etag=result.etag, last_modified=result.last_modified, new_articles=new)

    async def _feed_parse_failed(self, spec: FeedSpec, result: FetchResult, reason: str) -> None:
        await self._fail(spec.url, "feed", result.status, reason)
        await self.write(self.store.record_feed_fetch, spec.url, status=result.status, ok=False,
                         error=reason)

    async def _entries(self, spec: FeedSpec, entries: Sequence[FeedEntry], language: str,
                       waiting: Sequence[DeferredEntry]) -> list[Outcome]:
        """Deal with a feed's entries plus those an earlier run deferred, newest first.

        The newest ``max_articles_per_feed`` not already stored are fetched; the others are
        deferred (kept in the store for the next runs, counted in the report), as are those
        the run's article limit stopped; an entry failing transiently is kept too.
        """
        jobs: list[asyncio.Future[Outcome]] = []
        taken: list[DeferredEntry] = []
        waits: list[asyncio.Future[Outcome]] = []
        left: list[DeferredEntry] = []
        seen: set[str] = set()
        cap = self.settings.max_articles_per_feed
        # pages of this feed in hand (being fetched or extracted): twice what the fetcher
        # lets through per host, so some download while others are extracted, and memory
        # stays bounded when extraction is slower than the network
        gate = asyncio.Semaphore(max(2, 2 * self.settings.per_host_concurrency))
        pool = [(e, language) for e in entries] + [(d.entry, d.language) for d in waiting]
        for entry, lang in _newest(pool):
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
            if 0 < cap <= len(jobs):
                left.append(DeferredEntry(canonical, entry, lang))
                continue
            job = asyncio.ensure_future(self._page(gate, spec, lang, entry, canonical))
            self.claimed[canonical] = job
            jobs.append(job)
            taken.append(DeferredEntry(canonical, entry, lang))
        if jobs and self.workers.local:
            self.warm_up()
        self._progress(total=len(jobs))
        outcomes = list(await asyncio.gather(*jobs)) if jobs else []
        stopped = [d for d, o in zip(taken, outcomes, strict=True) if o is Outcome.LIMIT]
        retry = [d for d, o in zip(taken, outcomes, strict=True) if o is Outcome.RETRY]
        self.counts.deferred += len(left) + len(stopped)
        if waiting or left or stopped or retry:
            await self.write(replace_deferred, self.store, spec.url, left + stopped + retry)
        for other in waits:
            outcomes.append(await asyncio.shield(other))
        return outcomes

    # --- pages ------------------------------------------------------------------------------

    async def _page(self, gate: asyncio.Semaphore, spec: FeedSpec, language: str,
                    entry: FeedEntry, canonical: str) -> Outcome:
        async with gate:
            if not await self.slots.reserve():
                self._progress(done=1)
                return Outcome.LIMIT
            outcome = Outcome.FAILED
            try:
                outcome = await self._fetch_and_store(spec, language, entry, canonical)
                return outcome
            finally:
                await self.slots.release(outcome in (Outcome.NEW, Outcome.DUPLICATE))
                self._progress(done=1)

    async def _fetch_and_store(self, spec: FeedSpec, language: str, entry: FeedEntry,
                               canonical: str) -> Outcome:
        try:
            result = await self.fetcher.fetch(entry.url, kind="page")
        except FetchError as exc:
            await self._fail(entry.url, "page", exc.status, exc.reason)
            return Outcome.RETRY if is_transient(exc) else Outcome.FAILED
        final = _canonical_or_none(result.url)
        if final and final != canonical and self.store.has_article(final):
            self.counts.articles_skipped += 1  # a redirect to an article we already have
            return Outcome.ALREADY
        if self.workers.local:
            await self.warm_up()
        try:
            prepared = await self.workers.prepare(self.settings, spec, entry, canonical, result,
                                                  language)
        except ParseError as exc:
            await self._fail(entry.url, "page", result.status, exc.reason)
            return Outcome.FAILED
        except Exception as exc:  # an extractor crash on a hostile page fails that page only
            log.exception("ingest: preparing %s crashed", entry.url)
            await self._fail(entry.url, "page", result.status,
                             f"extraction crashed: {type(exc).__name__}: {exc}")
            return Outcome.FAILED
        outcome, article = await self.write(self._commit, prepared, result.status)
        if outcome is Outcome.NEW:
            self.counts.articles_new += 1
        elif outcome is Outcome.DUPLICATE:
            self.counts.articles_duplicate += 1
        else:
            self.counts.articles_skipped += 1
        if outcome in (Outcome.NEW, Outcome.DUPLICATE):
            self.counts.passages_new += len(prepared.passages)
            log.debug("ingest: stored %s (%s, %d passages)", article.url, outcome.value,
                      len(prepared.passages))
        return outcome

    def _commit(self, prepared: PreparedArticle, status: int) -> tuple[Outcome, Article]:
        """On the commit thread: dedupe by content, store atomically, hand to the sink."""
        article = prepared.article
        original = self.store.article_by_hash(article.content_hash)
        if original is not None and original.url != article.url:
            article = replace(article, duplicate_of=original.id)
        if not self.store.add_article(article, prepared.passages):
            return Outcome.ALREADY, article
        add_claim_reviews(self.store, prepared.reviews)
        notes = [f"duplicate of {original.url}"] if article.duplicate_of and original else []
        if prepared.reviews:
            notes.append(f"{len(prepared.reviews)} fact-check(s) (ClaimReview)")
        self.store.log_fetch(article.original_url or article.url, "page", status, True,
                             "; ".join([*notes, *prepared.review_problems]))
        if self.sink is not None:
            self.sink.add(article, prepared.passages)
        return (Outcome.DUPLICATE if article.duplicate_of else Outcome.NEW), article


def _new(outcomes: Sequence[Outcome]) -> int:
    return sum(o in (Outcome.NEW, Outcome.DUPLICATE) for o in outcomes)


def _newest(pool: Sequence[tuple[FeedEntry, str]]) -> list[tuple[FeedEntry, str]]:
    """Entries with a URL, newest first (undated ones after, in the given order)."""
    entries = [item for item in pool if item[0].url]
    order = sorted(range(len(entries)), key=lambda i: (
        entries[i][0].published is None, -_timestamp(entries[i][0].published), i))
    return [entries[i] for i in order]


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
