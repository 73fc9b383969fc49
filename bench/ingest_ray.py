"""Ingest-and-embed passages/s in-process against Ray (``ray_address``) with 1 and 2 workers.

Local HTTP servers (``--hosts`` of them, so that hosts are shared among the fetching actors)
serve N real news pages (the readability test pages, stamped unique; generated pages with
--synthetic or without the shared data) in a few RSS feeds. Each mode ingests, extracts,
splits, stores, embeds and indexes them into a fresh data directory:

* in-process: ``ingest_and_index`` (the encoder loaded before the clock starts);
* Ray, W workers: the same run through ``Engine.ingest`` with ``ray_address`` set, on a local
  Ray started once (``num_cpus`` = this machine's cores; its start is reported apart), with
  ``ray_workers = W``: W fetching actors and W encoder actors, the actors' start (loading the
  encoder) inside the clock, since every command pays it.

    .venv/bin/python bench/ingest_ray.py --pages 60 --hosts 2 --workers 1 2
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.ingest import real_pages, stamped  # noqa: E402
from corroborate.domain import FeedSpec  # noqa: E402
from corroborate.index.vectors import read_manifest  # noqa: E402
from corroborate.settings import Settings  # noqa: E402
from tests.localserver import LocalServer, Response  # noqa: E402
from tests.test_ingest import rss, story_page  # noqa: E402


def serve(stack: contextlib.ExitStack, pages: list[bytes], feeds: int,
          hosts: int) -> list[FeedSpec]:
    """Start ``hosts`` servers; page i and its feed live on host ``i % hosts``."""
    servers = [stack.enter_context(LocalServer()) for _ in range(hosts)]
    base = datetime(2024, 1, 1, tzinfo=UTC)
    items: list[list[tuple[str, str, datetime | None]]] = [[] for _ in range(feeds)]
    for i, body in enumerate(pages):
        feed = i % feeds
        server = servers[feed % hosts]
        server.route(f"/p/{i}.html",
                     Response(200, body, {"Content-Type": "text/html; charset=utf-8"}))
        items[feed].append((server.url(f"/p/{i}.html"), f"Page {i}",
                            base + timedelta(minutes=i)))
    specs = []
    for f, its in enumerate(items):
        server = servers[f % hosts]
        server.route(f"/feed{f}.xml",
                     Response(200, rss(its), {"Content-Type": "application/rss+xml"}))
        specs.append(FeedSpec(server.url(f"/feed{f}.xml"), f"Outlet {f}"))
    return specs


def timed(settings: Settings, feeds: list[FeedSpec]) -> tuple[float, int, Any]:
    """Seconds for one ingest-and-index run, the passages indexed, and its report."""
    from corroborate.engine import Engine

    started = time.perf_counter()
    report = Engine(settings=settings).ingest(feeds)
    seconds = time.perf_counter() - started
    manifest = read_manifest(settings.data_dir)
    return seconds, manifest.count if manifest else 0, report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--feeds", type=int, default=4)
    ap.add_argument("--hosts", type=int, default=2)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--synthetic", action="store_true",
                    help="generated pages instead of the real ones")
    args = ap.parse_args()

    import ray

    from corroborate.cluster.connect import LOCAL_OBJECT_STORE_BYTES
    from corroborate.encoder.embed import load_encoder

    sources = [] if args.synthetic else real_pages()
    kind = "real readability pages" if sources else "synthetic pages"
    pages = [stamped(sources[i % len(sources)], i) if sources else story_page(i)
             for i in range(args.pages)]
    rows: list[tuple[str, float, int]] = []
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        feeds = serve(stack, pages, args.feeds, args.hosts)

        def settings(name: str, **changes: Any) -> Settings:
            return Settings.load(env={}, data_dir=Path(tmp) / name, allow_private_addresses=True,
                                 per_host_delay=0.0, max_articles_per_feed=0, **changes)

        base = settings("in-process")
        load_encoder(base).encode_passages(["warm-up passage"])  # outside the clock
        seconds, indexed, _ = timed(base, feeds)
        rows.append(("in-process", seconds, indexed))

        started = time.perf_counter()
        ray.init(num_cpus=os.cpu_count(), include_dashboard=False, log_to_driver=False,
                 object_store_memory=LOCAL_OBJECT_STORE_BYTES)
        ray_start = time.perf_counter() - started
        try:
            for workers in args.workers:
                seconds, indexed, _ = timed(
                    settings(f"ray{workers}", ray_address="local", ray_workers=workers), feeds)
                rows.append((f"Ray, {workers} worker{'s' if workers > 1 else ''}", seconds,
                             indexed))
        finally:
            ray.shutdown()

    print(f"command: .venv/bin/python bench/ingest_ray.py {' '.join(sys.argv[1:])}".rstrip())
    print(f"machine: {os.cpu_count()} CPUs (shared, load {os.getloadavg()[0]:.1f}); "
          f"{args.pages} {kind}, {args.feeds} feeds on {args.hosts} hosts; "
          f"local Ray started in {ray_start:.1f}s (not counted)")
    first = rows[0][2] / rows[0][1]
    for name, seconds, indexed in rows:
        rate = indexed / seconds
        print(f"{name:<14} {indexed} passages indexed in {seconds:6.1f}s -> {rate:6.1f} "
              f"passages/s, ratio to in-process {rate / first:.2f}")


if __name__ == "__main__":
    main()
