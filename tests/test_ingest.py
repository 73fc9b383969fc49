"""Ingest end to end against a real local HTTP server: feeds, pages, store, failures, crashes."""

from __future__ import annotations

import itertools
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from corroborate.domain import Article, FeedSpec, Passage
from corroborate.ingest.run import IngestReport, ingest
from corroborate.settings import Settings
from corroborate.store.sqlite import Store

from .conftest import REPO, need_shared
from .localserver import LocalServer, Request, Response

# --- a synthetic news site ---------------------------------------------------------------

_SUBJECTS = (
    "The regional council",
    "A spokesperson for the port authority",
    "Local farmers",
    "The transport ministry",
    "Residents of the northern district",
    "The university hospital",
    "Engineers at the water utility",
    "The mayor's office",
    "Teachers at the central school",
)
_VERBS = ("announced", "reported", "disputed", "confirmed", "questioned", "welcomed", "described")
_OBJECTS = ("a new budget for repairing old pipes", "long delays on the coastal railway",
            "a rise in the number of visitors", "plans for a second bridge over the river",
            "the closure of two night clinics", "a shortage of bus drivers this winter",
            "the results of a survey of small shops", "higher prices for heating oil")
_TAILS = ("on Tuesday", "after a meeting that lasted most of the evening",
          "according to figures published this week", "in a statement sent to journalists",
          "despite objections from the opposition", "for the third time this year")

BASE_DATE = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)


def story_text(n: int, sentences: int = 15) -> list[str]:
    """Paragraphs of plain, distinct English sentences for story ``n``."""
    out = []
    for i in range(sentences):
        k = n * 7 + i * 3
        out.append(f"{_SUBJECTS[k % len(_SUBJECTS)]} {_VERBS[(k // 2) % len(_VERBS)]} "
                   f"{_OBJECTS[(k + i) % len(_OBJECTS)]} {_TAILS[(n + i) % len(_TAILS)]}, "
                   f"in report {n}-{i}.")
    return [" ".join(out[j:j + 3]) for j in range(0, len(out), 3)]


def story_page(n: int, title: str | None = None, page_date: str = "2020-01-01") -> bytes:
    """An article page whose main text is ``story_text(n)`` (dated differently from the feed)."""
    title = title or f"Story number {n}"
    paras = "".join(f"<p>{escape(p)}</p>\n" for p in story_text(n))
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title} | Daily</title>"
        f"<meta property='article:published_time' content='{page_date}T00:00:00Z'></head><body>"
        f"<header><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></header>"
        f"<main><article><h1>{title}</h1><p class='byline'>By Page Author</p>\n"
        f"{paras}</article></main>"
        f"<footer><p>Copyright Daily. All rights reserved.</p></footer></body></html>"
    ).encode()


def rss(items: Sequence[tuple[str, str, datetime | None]], title: str = "Daily") -> bytes:
    """An RSS 2.0 body of (link, title, date) items."""
    parts = []
    for link, item_title, date in items:
        pub = f"<pubDate>{format_datetime(date)}</pubDate>" if date else ""
        parts.append(f"<item><title>{escape(item_title)}</title><link>{escape(link)}</link>"
                     f"<guid>{escape(link)}</guid>{pub}</item>")
    return (
        f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{title}</title>"
        f"<link>http://example.invalid/</link><description>d</description>{''.join(parts)}"
        f"</channel></rss>"
    ).encode()


@dataclass
class Site:
    """Routes on a LocalServer: pages and feeds that can change between runs."""

    server: LocalServer
    feeds: dict[str, bytes] = field(default_factory=dict)
    etags: bool = True

    def page(
        self, path: str, body: bytes, ctype: str = "text/html; charset=utf-8", status: int = 200
    ) -> str:
        self.server.route(path, Response(status, body, {"Content-Type": ctype}))
        return self.server.url(path)

    def feed(self, path: str, body: bytes) -> str:
        self.feeds[path] = body

        def answer(req: Request, _path: str = path) -> Response:
            current = self.feeds[_path]
            tag = f'"{hash(current) & 0xFFFFFFFF:x}"'
            if self.etags and req.header("If-None-Match") == tag:
                return Response(304, b"", {"ETag": tag})
            headers = {"Content-Type": "application/rss+xml"}
            if self.etags:
                headers["ETag"] = tag
            return Response(200, current, headers)

        self.server.route(path, answer)
        return self.server.url(path)

    def page_hits(self) -> int:
        return sum(1 for r in self.server.requests if r.path.startswith("/news/"))


def stories(
    site: Site, numbers: Sequence[int], prefix: str = "/news/"
) -> list[tuple[str, str, datetime]]:
    """Serve story pages and return feed items for them (dated one hour apart)."""
    items = []
    for n in numbers:
        url = site.page(f"{prefix}{n}.html", story_page(n))
        items.append((url, f"Story number {n}", BASE_DATE + timedelta(hours=n)))
    return items


@pytest.fixture
def site(local_server: LocalServer) -> Site:
    return Site(local_server)


def run(settings: Settings, feeds: Sequence[FeedSpec], **kw: object) -> IngestReport:
    return ingest(settings, feeds, **kw)  # type: ignore[arg-type]


def stored(settings: Settings) -> list[Article]:
    with Store(settings.store_path) as store:
        return store.articles()


def check_passages(settings: Settings) -> int:
    """Every article has passages 0..n-1 whose offsets give their text; returns the count."""
    n = 0
    with Store(settings.store_path) as store:
        for art in store.articles():
            passages = store.passages_of(art.id)
            assert passages, art.url
            assert [p.index for p in passages] == list(range(len(passages)))
            for p in passages:
                assert art.text[p.start:p.end] == p.text
            assert all(a.end <= b.start for a, b in itertools.pairwise(passages))
            n += len(passages)
        assert store.query("PRAGMA integrity_check")[0][0] == "ok"
        assert n == store.passage_count()
    return n


# --- the tests ---------------------------------------------------------------------------------


def test_full_ingest_stores_articles_with_feed_dates_and_valid_passages(
    site: Site, settings: Settings
) -> None:
    items = stories(site, [1, 2, 3])
    feed = FeedSpec(site.feed("/feed.xml", rss(items)), "Daily", language="en")
    progress: list[tuple[int, int]] = []
    report = run(settings, [feed], on_progress=lambda d, t: progress.append((d, t)))
    assert (report.feeds_ok, report.feeds_failed, report.articles_new, report.articles_failed) == (
        1,
        0,
        3,
        0,
    )
    assert report.failures == () and report.passages_new > 3
    articles = {a.original_url: a for a in stored(settings)}
    assert set(articles) == {url for url, _, _ in items}
    for url, title, date in items:
        art = articles[url]
        assert art.published == date  # the feed's date wins over the page's 2020 date
        assert (art.outlet, art.feed_url, art.language, art.title) == (
            "Daily",
            feed.url,
            "en",
            title,
        )
        assert "report" in art.text and "Copyright" not in art.text
        assert art.duplicate_of is None
    assert check_passages(settings) == report.passages_new
    assert progress[-1][0] == progress[-1][1] == 4  # one feed + three pages
    with Store(settings.store_path) as store:
        state = store.feed_state(feed.url)
        assert state is not None and state.etag and state.content_hash and state.articles_seen == 3


def test_rerun_of_an_unchanged_feed_fetches_no_page(site: Site, settings: Settings) -> None:
    feed = FeedSpec(site.feed("/feed.xml", rss(stories(site, [1, 2]))), "Daily")
    run(settings, [feed])
    hits = site.page_hits()
    report = run(settings, [feed])
    assert (report.feeds_unchanged, report.feeds_ok, report.articles_new) == (1, 0, 0)
    assert site.page_hits() == hits
    last = [r for r in site.server.requests if r.path == "/feed.xml"][-1]
    assert last.header("If-None-Match")  # the conditional GET was sent
    with Store(settings.store_path) as store:
        assert "304" in store.fetch_log(url=feed.url, limit=1)[0].reason


def test_same_body_without_conditional_support_is_unchanged_by_hash(
    site: Site, settings: Settings
) -> None:
    site.etags = False
    feed = FeedSpec(site.feed("/feed.xml", rss(stories(site, [1, 2]))), "Daily")
    run(settings, [feed])
    hits = site.page_hits()
    report = run(settings, [feed])
    assert report.feeds_unchanged == 1 and report.articles_new == 0
    assert site.page_hits() == hits
    with Store(settings.store_path) as store:
        assert store.fetch_log(url=feed.url, limit=1)[0].reason == "unchanged (same content)"


def test_new_items_are_fetched_and_old_ones_are_not(site: Site, settings: Settings) -> None:
    url = site.feed("/feed.xml", rss(stories(site, [1, 2])))
    feed = FeedSpec(url, "Daily")
    run(settings, [feed])
    site.feed("/feed.xml", rss(stories(site, [1, 2, 3])))
    report = run(settings, [feed])
    assert (report.feeds_ok, report.articles_new, report.articles_skipped) == (1, 1, 2)
    assert site.server.hits("/news/1.html") == site.server.hits("/news/2.html") == 1
    assert site.server.hits("/news/3.html") == 1
    assert len(stored(settings)) == 3


def test_exact_duplicate_from_another_outlet_is_stored_with_duplicate_of(
    site: Site, settings: Settings
) -> None:
    body = story_page(7)
    a = site.page("/news/a/wire.html", body)
    b = site.page("/news/b/reprint.html", body)
    feeds = [FeedSpec(site.feed("/a.xml", rss([(a, "Wire story", BASE_DATE)])), "Agency"),
             FeedSpec(site.feed("/b.xml", rss([(b, "Reprinted", BASE_DATE)])), "Reprinter")]
    report = run(settings, feeds)
    assert (report.articles_new, report.articles_duplicate) == (1, 1)
    arts = stored(settings)
    assert len(arts) == 2
    original = next(x for x in arts if x.duplicate_of is None)
    copy = next(x for x in arts if x.duplicate_of is not None)
    assert copy.duplicate_of == original.id and copy.outlet != original.outlet
    assert copy.content_hash == original.content_hash
    check_passages(settings)


def test_every_kind_of_failure_is_recorded_with_its_reason(site: Site, settings: Settings) -> None:
    settings = settings.replace(max_page_bytes=60_000, retries=0, read_timeout=1.0)
    site.page("/robots.txt", b"User-agent: *\nDisallow: /news/secret\n", "text/plain")

    def stalled(_req: Request) -> Response:
        time.sleep(2.5)  # longer than read_timeout
        return Response(200, story_page(4), {"Content-Type": "text/html"})

    site.server.route("/news/slow.html", stalled)
    items = [
        *stories(site, [1]),
        (site.page("/news/secret.html", story_page(3)), "robots", BASE_DATE),
        (site.page("/news/busy.html", b"slow down", "text/plain", status=429), "429", BASE_DATE),
        (site.server.url("/news/slow.html"), "slow", BASE_DATE),
        (site.server.url("/news/missing.html"), "404", BASE_DATE),
        (site.page("/news/broken.html", b"oops", "text/plain", status=500), "500", BASE_DATE),
        (
            site.page("/news/photo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png"),
            "png",
            BASE_DATE,
        ),
        (
            site.page("/news/huge.html", story_page(2) + b"<!--" + b"x" * 100_000 + b"-->"),
            "huge",
            BASE_DATE,
        ),
        (
            site.page(
                "/news/empty.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"
            ),
            "empty",
            BASE_DATE,
        ),
    ]
    feeds = [
        FeedSpec(site.feed("/feed.xml", rss(items)), "Daily"),
        FeedSpec("http://127.0.0.1:9/dead.xml", "Dead"),  # discard port: nothing listens
        FeedSpec(
            site.feed("/bad.xml", b"<?xml version='1.0'?><rss version='2.0'><channel><<<>>>"), "Bad"
        ),
        FeedSpec(site.server.url("/gone.xml"), "Gone"),
    ]
    report = run(settings, feeds)
    assert (report.feeds_ok, report.feeds_failed) == (1, 3)
    assert (report.articles_new, report.articles_failed) == (1, 8)
    reasons = {f.url.rsplit("/", 1)[-1]: (f.kind, f.reason) for f in report.failures}
    assert set(reasons) == {
        "missing.html",
        "broken.html",
        "photo.png",
        "huge.html",
        "empty.html",
        "secret.html",
        "busy.html",
        "slow.html",
        "dead.xml",
        "bad.xml",
        "gone.xml",
    }
    assert "robots" in reasons["secret.html"][1] and "429" in reasons["busy.html"][1]
    assert "timeout" in reasons["slow.html"][1] and "size cap" in reasons["huge.html"][1]
    assert site.server.hits("/news/secret.html") == 0
    assert "404" in reasons["missing.html"][1] and "404" in reasons["gone.xml"][1]
    assert "500" in reasons["broken.html"][1]
    assert "malformed" in reasons["bad.xml"][1]
    assert reasons["dead.xml"][0] == "feed" and reasons["photo.png"][0] == "page"
    assert all(reason for _, reason in reasons.values())
    with Store(settings.store_path) as store:
        logged = {e.url.rsplit("/", 1)[-1]: e.reason for e in store.fetch_log(failures_only=True)}
        assert logged == {k: r for k, (_, r) in reasons.items()}
        stats = store.stats()
        assert stats["articles"] == 1 and len(stats["recent_errors"]) == 11
        dead = store.feed_state("http://127.0.0.1:9/dead.xml")
        assert dead is not None and dead.last_error and dead.last_ok_at is None


def test_permanent_page_failures_do_not_keep_the_feed_changed(
    site: Site, settings: Settings
) -> None:
    items = [*stories(site, [1]), (site.server.url("/news/missing.html"), "404", BASE_DATE)]
    feed = FeedSpec(site.feed("/feed.xml", rss(items)), "Daily")
    run(settings, [feed])
    again = run(settings, [feed])
    assert again.feeds_unchanged == 1 and site.server.hits("/news/missing.html") == 1


def test_transient_page_failures_are_retried_next_run(site: Site, settings: Settings) -> None:
    settings = settings.replace(retries=0)
    calls = {"n": 0}

    def flaky(_req: Request) -> Response:
        calls["n"] += 1
        if calls["n"] == 1:
            return Response(503, b"busy", {"Content-Type": "text/plain"})
        return Response(200, story_page(5), {"Content-Type": "text/html"})

    site.server.route("/news/flaky.html", flaky)
    feed = FeedSpec(
        site.feed("/feed.xml", rss([(site.server.url("/news/flaky.html"), "F", BASE_DATE)])),
        "Daily",
    )
    first = run(settings, [feed])
    assert first.articles_failed == 1 and "503" in first.failures[0].reason
    second = run(settings, [feed])
    assert second.feeds_ok == 1 and second.articles_new == 1


def test_private_addresses_are_refused_without_the_opt_in(site: Site, settings: Settings) -> None:
    feed = FeedSpec(site.feed("/feed.xml", rss(stories(site, [1]))), "Daily")
    report = run(settings.replace(allow_private_addresses=False), [feed])
    assert report.feeds_failed == 1 and report.articles_new == 0
    assert (
        "allow" in report.failures[0].reason.lower()
        or "private" in report.failures[0].reason.lower()
    )
    assert site.server.requests == []


def test_max_articles_stops_the_run_and_the_rest_comes_next_time(
    site: Site, settings: Settings
) -> None:
    feed = FeedSpec(site.feed("/feed.xml", rss(stories(site, [1, 2, 3, 4, 5]))), "Daily")
    first = run(settings, [feed], max_articles=2)
    assert first.articles_new == 2 and first.limit_reached
    newest = {a.original_url.rsplit("/", 1)[-1] for a in stored(settings)}
    assert newest == {"5.html", "4.html"}  # newest entries first
    assert site.page_hits() == 2  # nothing fetched beyond the budget
    second = run(settings, [feed])
    assert second.feeds_ok == 1 and second.articles_new == 3 and second.articles_skipped == 2
    assert all(site.server.hits(f"/news/{n}.html") == 1 for n in range(1, 6))


def test_max_articles_per_feed_takes_the_newest_entries(site: Site, settings: Settings) -> None:
    items = stories(site, [1, 2, 3, 4])
    feed = FeedSpec(site.feed("/feed.xml", rss([items[2], items[0], items[3], items[1]])), "Daily")
    run(settings.replace(max_articles_per_feed=2), [feed])
    assert {a.title for a in stored(settings)} == {"Story number 4", "Story number 3"}


def _titles(settings: Settings) -> list[str]:
    return sorted(a.title for a in stored(settings))


@pytest.mark.parametrize("etags", [True, False], ids=["304", "same-hash"])
def test_entries_over_the_per_feed_cap_are_deferred_and_taken_by_the_next_run(
        site: Site, settings: Settings, etags: bool) -> None:
    site.etags = etags
    feed = FeedSpec(site.feed("/feed.xml", rss(stories(site, range(1, 101)))), "Daily")
    settings = settings.replace(max_articles_per_feed=50)
    first = run(settings, [feed])
    assert (first.articles_new, first.deferred, first.articles_failed) == (50, 50, 0)
    assert _titles(settings) == sorted(f"Story number {n}" for n in range(51, 101))  # newest
    assert first.to_dict()["deferred"] == 50
    second = run(settings, [feed])  # the feed itself is unchanged
    assert (second.feeds_unchanged, second.feeds_ok) == (1, 0)
    assert (second.articles_new, second.deferred, second.articles_failed) == (50, 0, 0)
    assert _titles(settings) == sorted(f"Story number {n}" for n in range(1, 101))
    assert all(site.server.hits(f"/news/{n}.html") == 1 for n in range(1, 101))  # none twice
    third = run(settings, [feed])
    assert (third.feeds_unchanged, third.articles_new, third.deferred) == (1, 0, 0)
    assert site.page_hits() == 100
    with Store(settings.store_path) as store:
        assert not store.query("SELECT * FROM deferred_entries")
        state = store.feed_state(feed.url)
        assert state is not None and state.articles_seen == 100


def test_deferred_entries_survive_a_feed_that_moved_on(site: Site, settings: Settings) -> None:
    settings = settings.replace(max_articles_per_feed=2)
    feed = FeedSpec(site.feed("/feed.xml", rss(stories(site, [1, 2, 3, 4]))), "Daily")
    first = run(settings, [feed])
    assert (first.articles_new, first.deferred) == (2, 2)
    # the feed now lists two newer stories only: 1 and 2 are no longer in it
    site.feed("/feed.xml", rss(stories(site, [5, 6])))
    second = run(settings, [feed])
    assert (second.feeds_ok, second.articles_new, second.deferred) == (1, 2, 2)
    assert "Story number 6" in _titles(settings) and "Story number 2" not in _titles(settings)
    third = run(settings, [feed])
    assert (third.feeds_unchanged, third.articles_new, third.deferred) == (1, 2, 0)
    assert _titles(settings) == sorted(f"Story number {n}" for n in range(1, 7))


def test_entries_past_the_article_limit_count_as_deferred(site: Site, settings: Settings) -> None:
    feed = FeedSpec(site.feed("/feed.xml", rss(stories(site, [1, 2, 3, 4, 5]))), "Daily")
    first = run(settings, [feed], max_articles=2)
    assert (first.articles_new, first.deferred, first.limit_reached) == (2, 3, True)
    second = run(settings, [feed])
    assert (second.articles_new, second.deferred) == (3, 0)


class RecordingSink:
    """A real PassageSink: keeps what it is given (the index does the same, plus encoding)."""

    def __init__(self) -> None:
        self.added: list[tuple[Article, list[Passage]]] = []
        self.closed = 0

    def add(self, article: Article, passages: Sequence[Passage]) -> None:
        self.added.append((article, list(passages)))

    def close(self) -> None:
        self.closed += 1


def test_the_sink_gets_every_committed_article_then_is_closed(
    site: Site, settings: Settings
) -> None:
    feed = FeedSpec(site.feed("/feed.xml", rss(stories(site, [1, 2, 3]))), "Daily")
    sink = RecordingSink()
    report = run(settings, [feed], sink=sink)
    assert sink.closed == 1
    assert len(sink.added) == report.articles_new == 3
    with Store(settings.store_path) as store:
        for article, passages in sink.added:
            assert store.passages_of(article.id) == passages
    run(settings, [feed], sink=sink)
    assert sink.closed == 2 and len(sink.added) == 3


class FailingSink(RecordingSink):
    """A sink whose second ``add`` fails, like an encoder running out of memory."""

    def add(self, article: Article, passages: Sequence[Passage]) -> None:
        if self.added:
            raise RuntimeError("encoder exploded")
        super().add(article, passages)


def test_a_failing_sink_stops_the_run_but_keeps_what_was_committed(
    site: Site, settings: Settings
) -> None:
    feed = FeedSpec(site.feed("/feed.xml", rss(stories(site, [1, 2, 3, 4]))), "Daily")
    sink = FailingSink()
    with pytest.raises(RuntimeError, match="encoder exploded"):
        run(settings, [feed], sink=sink)
    assert sink.closed == 1
    arts = stored(settings)
    assert 2 <= len(arts) <= 4  # the failing article itself was committed before the sink saw it
    check_passages(settings)
    with Store(settings.store_path) as store:  # the feed is not marked done: next run completes it
        state = store.feed_state(feed.url)
        assert state is not None and state.content_hash is None
    report = run(settings, [feed])
    assert report.articles_new == 4 - len(arts) and len(stored(settings)) == 4


def test_real_pages_from_the_readability_set(site: Site, settings: Settings) -> None:
    root = need_shared("data", "extraction", "readability")
    names = ["001", "002", "aclu", "ars-1", "bbc-1", "nytimes-1", "guardian-1", "lemonde-1"]
    names = [n for n in names if (root / n / "source.html").is_file()]
    items = []
    for i, name in enumerate(names):
        url = site.page(f"/news/{name}.html", (root / name / "source.html").read_bytes())
        items.append((url, f"Real {name}", BASE_DATE + timedelta(days=i)))
    feed = FeedSpec(site.feed("/feed.xml", rss(items)), "Real")
    report = run(settings, [feed])
    assert report.articles_new + report.articles_duplicate + report.articles_failed == len(names)
    assert report.articles_new >= len(names) - 1, report.failures
    assert check_passages(settings) == report.passages_new
    languages = {a.language for a in stored(settings)}
    assert "en" in languages


# --- crash safety ------------------------------------------------------------------------------


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0


def test_kill_9_mid_run_then_rerun_loses_and_duplicates_nothing(site: Site, tmp_path: Path) -> None:
    total = 24
    slow = {"on": True}
    for n in range(total):
        body = story_page(n)

        def answer(_req: Request, _body: bytes = body) -> Response:
            if slow["on"]:
                time.sleep(0.25)
            return Response(200, _body, {"Content-Type": "text/html; charset=utf-8"})

        site.server.route(f"/news/{n}.html", answer)
    items = [
        (site.server.url(f"/news/{n}.html"), f"S{n}", BASE_DATE + timedelta(hours=n))
        for n in range(total)
    ]
    feed_url = site.feed("/feed.xml", rss(items))
    feeds_file = tmp_path / "feeds.csv"
    feeds_file.write_text(f"url,outlet\n{feed_url},Daily\n", encoding="utf-8")
    data = tmp_path / "data"
    env = {**os.environ, "CORROBORATE_PER_HOST_DELAY": "0", "CORROBORATE_PER_HOST_CONCURRENCY": "3",
           "CORROBORATE_RETRIES": "0",
           "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p)}
    cmd = [sys.executable, "-m", "corroborate", "--data-dir", str(data), "ingest", "--feeds",
           str(feeds_file), "--allow-private-addresses", "--no-index", "--json"]
    db = data / "corroborate.sqlite3"

    proc = subprocess.Popen(
        cmd, env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while _count(db) < 4 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, (
        f"ingest ended before the kill: {proc.communicate()[1].decode()[-2000:]}"
    )
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    killed_at = _count(db)
    assert 4 <= killed_at < total, "the kill should land mid-run"
    with Store(db) as store:
        first_run = {a.url for a in store.articles()}

    slow["on"] = False
    done = subprocess.run(cmd, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    settings = Settings.load(env={}, data_dir=data)
    arts = stored(settings)
    assert len(arts) == total and len({a.url for a in arts}) == total
    assert len({a.content_hash for a in arts}) == total
    check_passages(settings)
    # what the first run committed was kept and not fetched again
    for n in range(total):
        url = site.server.url(f"/news/{n}.html")
        if url in first_run:
            assert site.server.hits(f"/news/{n}.html") == 1


def test_the_http_charset_decodes_a_page_without_meta(site: Site, settings: Settings) -> None:
    body = story_page(3).decode().replace("<meta charset='utf-8'>", "")
    body = body.replace("in report 3-0.", "in report 3-0, à l'école élémentaire.")
    url = site.page(
        "/news/latin.html", body.encode("windows-1252"), "text/html; charset=windows-1252"
    )
    feed = FeedSpec(site.feed("/feed.xml", rss([(url, "Latin", BASE_DATE)])), "Daily")
    assert run(settings, [feed]).articles_new == 1
    assert "à l'école élémentaire" in stored(settings)[0].text
