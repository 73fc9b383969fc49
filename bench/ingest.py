"""Ingest throughput: articles/s for N pages served by a local HTTP server.

Pages are the real readability test pages (../shared/data/extraction/readability/*/source.html,
cycled, each copy stamped so its text is unique) or, with --synthetic or when the data set is
absent, generated news pages. No index is built: this measures fetch → extract → split → store.
It also times extraction alone, single-threaded, to show how much of the run it accounts for.

    .venv/bin/python bench/ingest.py --pages 300 --feeds 6
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from corroborate.domain import FeedSpec  # noqa: E402
from corroborate.ingest.extract import extract_article  # noqa: E402
from corroborate.ingest.run import ingest  # noqa: E402
from corroborate.settings import Settings  # noqa: E402
from corroborate.store.sqlite import Store  # noqa: E402
from tests.localserver import LocalServer, Response  # noqa: E402
from tests.test_ingest import rss, story_page  # noqa: E402

SHARED = Path(os.environ.get("CORROBORATE_SHARED", REPO.parent / "shared"))
READABILITY = SHARED / "data" / "extraction" / "readability"
_BODY_END = re.compile(rb"</body>", re.IGNORECASE)


def real_pages() -> list[bytes]:
    """The readability source pages (empty when the shared data is absent)."""
    if not READABILITY.is_dir():
        return []
    return [p.read_bytes() for p in sorted(READABILITY.glob("*/source.html"))]


def stamped(page: bytes, i: int) -> bytes:
    """A copy of a real page whose first paragraph carries a unique stamp (no exact duplicates)."""
    stamp = f"<p>Bench copy number {i} of this page, kept apart from the others.</p>".encode()
    m = re.search(rb"<p[ >]", page, re.IGNORECASE)
    if m:
        return page[:m.start()] + stamp + page[m.start():]
    return _BODY_END.sub(stamp + b"</body>", page, count=1)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--feeds", type=int, default=6)
    ap.add_argument(
        "--concurrency", type=int, default=8, help="fetch_concurrency and per_host_concurrency"
    )
    ap.add_argument(
        "--synthetic", action="store_true", help="generated pages instead of the real ones"
    )
    args = ap.parse_args()

    sources = [] if args.synthetic else real_pages()
    kind = "real readability pages" if sources else "synthetic pages"
    pages = [
        stamped(sources[i % len(sources)], i) if sources else story_page(i)
        for i in range(args.pages)
    ]
    total_bytes = sum(len(p) for p in pages)

    with tempfile.TemporaryDirectory() as tmp, LocalServer() as server:
        base = datetime(2024, 1, 1, tzinfo=UTC)
        items: list[list[tuple[str, str, datetime | None]]] = [[] for _ in range(args.feeds)]
        for i, body in enumerate(pages):
            server.route(
                f"/p/{i}.html", Response(200, body, {"Content-Type": "text/html; charset=utf-8"})
            )
            items[i % args.feeds].append(
                (server.url(f"/p/{i}.html"), f"Page {i}", base + timedelta(minutes=i))
            )
        feeds = []
        for f, its in enumerate(items):
            server.route(
                f"/feed{f}.xml", Response(200, rss(its), {"Content-Type": "application/rss+xml"})
            )
            feeds.append(FeedSpec(server.url(f"/feed{f}.xml"), f"Outlet {f}"))
        settings = Settings.load(
            env={}, data_dir=Path(tmp) / "data", allow_private_addresses=True, per_host_delay=0.0,
            fetch_concurrency=args.concurrency, per_host_concurrency=args.concurrency,
            max_articles_per_feed=0)

        started, cpu_started = time.perf_counter(), time.process_time()
        report = ingest(settings, feeds)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        with Store(settings.store_path) as store:
            stored = store.article_count()
            passages = store.passage_count()
        rerun_started = time.perf_counter()
        rerun = ingest(settings, feeds)
        rerun_elapsed = time.perf_counter() - rerun_started

    # extraction alone, one thread, on a sample: the CPU floor of the pipeline
    sample = pages[: min(60, len(pages))]
    times = []
    for i, body in enumerate(sample):
        t = time.perf_counter()
        with contextlib.suppress(Exception):  # failures cost time too; counted in the report
            extract_article(body, f"http://127.0.0.1/p/{i}.html")
        times.append(time.perf_counter() - t)

    done = report.articles_new + report.articles_duplicate
    print(f"command: .venv/bin/python bench/ingest.py {' '.join(sys.argv[1:])}".rstrip())
    print(f"machine: {os.cpu_count()} CPUs (shared); pages: {args.pages} {kind} "
          f"({total_bytes / 1e6:.1f} MB), {args.feeds} feeds, concurrency {args.concurrency}")
    print(
        f"ingest:  {elapsed:.2f}s  -> {done / elapsed:.1f} articles/s, "
        f"{passages / elapsed:.0f} passages/s, "
        f"{total_bytes / 1e6 / elapsed:.2f} MB/s"
    )
    print(
        f"         {cpu:.1f}s process CPU (all threads, server included) -> "
        f"{done / cpu:.1f} articles per "
        f"CPU-second; load average {os.getloadavg()[0]:.1f} during the run"
    )
    print(
        f"         stored {stored} articles ({report.articles_new} new, "
        f"{report.articles_duplicate} duplicate), "
        f"{report.articles_failed} failed, {report.deferred} deferred, {passages} passages"
    )
    reasons: dict[str, int] = {}
    for f in report.failures:
        reasons[f.reason] = reasons.get(f.reason, 0) + 1
    for reason, n in sorted(reasons.items(), key=lambda kv: -kv[1])[:5]:
        print(f"         failed x{n}: {reason}")
    print(f"re-run:  {rerun_elapsed:.2f}s, {rerun.feeds_unchanged}/{len(feeds)} feeds unchanged, "
          f"{rerun.articles_new} new")
    print(
        f"extract alone (1 thread, {len(sample)} pages): "
        f"median {statistics.median(times) * 1000:.0f} ms, "
        f"mean {statistics.mean(times) * 1000:.0f} ms -> {len(times) / sum(times):.1f} pages/s"
    )


if __name__ == "__main__":
    main()
