"""Ingest with embedding vs encoding alone: passages/s, and their ratio (target ≥ 0.8).

A local HTTP server serves N real news pages (the readability test pages, stamped unique;
generated pages with --synthetic or without the shared data) in a few RSS feeds.
``ingest_and_index`` fetches, extracts, splits, stores, embeds and indexes them (the
:class:`IndexingSink` encodes in a background thread while the network and extraction go on);
then the same passages are encoded alone, in the same batch size. The ratio says how close
ingest comes to keeping the encoder busy all the time.

    .venv/bin/python bench/ingest_encode.py --pages 60
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.ingest import real_pages, stamped  # noqa: E402
from corroborate.domain import FeedSpec  # noqa: E402
from corroborate.index.build import ingest_and_index  # noqa: E402
from corroborate.index.vectors import read_manifest  # noqa: E402
from corroborate.settings import Settings  # noqa: E402
from corroborate.store.sqlite import Store  # noqa: E402
from tests.localserver import LocalServer, Response  # noqa: E402
from tests.test_ingest import rss, story_page  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--feeds", type=int, default=4)
    ap.add_argument(
        "--synthetic", action="store_true", help="generated pages instead of the real ones"
    )
    args = ap.parse_args()

    from corroborate.encoder.embed import load_encoder

    sources = [] if args.synthetic else real_pages()
    kind = "real readability pages" if sources else "synthetic pages"
    pages = [
        stamped(sources[i % len(sources)], i) if sources else story_page(i)
        for i in range(args.pages)
    ]
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
        settings = Settings.load(env={}, data_dir=Path(tmp) / "data", allow_private_addresses=True,
                                 per_host_delay=0.0, max_articles_per_feed=0)
        encoder = load_encoder(settings)  # loaded once, outside both timings
        encoder.encode_passages(["warm-up passage"])

        started = time.perf_counter()
        report = ingest_and_index(settings, feeds)
        ingest_s = time.perf_counter() - started
        manifest = read_manifest(settings.data_dir)
        indexed = manifest.count if manifest else 0
        with Store(settings.store_path) as store:
            texts = [p.text for batch in store.iter_passages() for p in batch]

        started = time.perf_counter()
        encoder.encode_passages(texts, batch_size=settings.embedding_batch_size)
        encode_s = time.perf_counter() - started

    with_ingest = indexed / ingest_s
    alone = len(texts) / encode_s
    print(f"command: .venv/bin/python bench/ingest_encode.py {' '.join(sys.argv[1:])}".rstrip())
    print(
        f"machine: {os.cpu_count()} CPUs (shared, load {os.getloadavg()[0]:.1f}); "
        f"{args.pages} {kind}, "
        f"{args.feeds} feeds; encoder {encoder.name} batch {settings.embedding_batch_size}"
    )
    print(f"ingest + embed + index: {report.articles_new} articles, {indexed} passages indexed in "
          f"{ingest_s:.1f}s -> {with_ingest:.1f} passages/s")
    print(
        f"encode only:            {len(texts)} passages in {encode_s:.1f}s -> "
        f"{alone:.1f} passages/s"
    )
    print(f"ratio: {with_ingest / alone:.2f} (target >= 0.8)")


if __name__ == "__main__":
    main()
