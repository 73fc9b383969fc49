"""Fetcher figures against a local HTTP server: throughput, and memory under hostile bodies.

1. pages/s fetching N small pages from one host (robots.txt on, no pacing);
2. a gzip bomb (a few hundred KB inflating to --bomb-mb MB) against a 10 MB cap: time to
   refuse it and the peak Python allocation while doing so (tracemalloc);
3. an endless identity body against the same cap, likewise.

    .venv/bin/python bench/fetch.py --pages 400 --bomb-mb 500
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
import tracemalloc
import zlib
from http.server import BaseHTTPRequestHandler
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from corroborate.errors import TooLargeError  # noqa: E402
from corroborate.ingest.fetch import Fetcher  # noqa: E402
from corroborate.settings import Settings  # noqa: E402
from tests.localserver import LocalServer, Response  # noqa: E402

CAP = 10_000_000


def gzip_of_zeros(megabytes: int) -> bytes:
    """gzip of ``megabytes`` MB of zero bytes, built a block at a time."""
    z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * 1_000_000
    parts = [z.compress(block) for _ in range(megabytes)]
    return b"".join([*parts, z.flush()])


def endless(handler: BaseHTTPRequestHandler) -> None:
    handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")
    block = b"<p>" + b"x" * 65_000 + b"</p>"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        handler.wfile.write(block)


async def refuse(settings: Settings, url: str) -> tuple[float, float]:
    """(seconds, peak MB allocated) to get TooLargeError from ``url``."""
    async with Fetcher(settings) as fetcher:
        tracemalloc.start()
        started = time.perf_counter()
        try:
            await fetcher.fetch(url, kind="page")
        except TooLargeError:
            pass
        else:
            raise SystemExit(f"{url} was not refused")
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return elapsed, peak / 1e6


async def throughput(settings: Settings, urls: list[str]) -> float:
    async with Fetcher(settings) as fetcher:
        started = time.perf_counter()
        results = await asyncio.gather(*(fetcher.fetch(u, kind="page") for u in urls))
        elapsed = time.perf_counter() - started
    assert all(r.status == 200 for r in results)
    return len(urls) / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--bomb-mb", type=int, default=500)
    args = parser.parse_args()
    settings = Settings.load(env={}, allow_private_addresses=True, per_host_delay=0.0,
                             per_host_concurrency=8, fetch_concurrency=8, max_page_bytes=CAP)
    page = b"<html><body>" + b"<p>Harbour reopens after the storm.</p>" * 200 + b"</body></html>"
    bomb = gzip_of_zeros(args.bomb_mb)
    with LocalServer() as server:
        server.route("/page", Response(200, page, {"Content-Type": "text/html"}))
        server.route(
            "/bomb", Response(200, bomb, {"Content-Type": "text/html", "Content-Encoding": "gzip"})
        )
        server.raw("/endless", endless)
        rate = asyncio.run(
            throughput(settings, [server.url(f"/page?n={i}") for i in range(args.pages)])
        )
        print(
            f"throughput: {rate:.0f} pages/s "
            f"({args.pages} pages of {len(page)} bytes, one host, 8 in flight)"
        )
        secs, peak = asyncio.run(refuse(settings, server.url("/bomb")))
        print(
            f"gzip bomb: {len(bomb) / 1e3:.0f} KB inflating to {args.bomb_mb} MB, "
            f"cap {CAP / 1e6:.0f} MB: "
            f"refused in {secs:.2f}s, peak Python allocation {peak:.1f} MB"
        )
        secs, peak = asyncio.run(refuse(settings, server.url("/endless")))
        print(
            f"endless body, cap {CAP / 1e6:.0f} MB: refused in {secs:.2f}s, "
            f"peak Python allocation {peak:.1f} MB"
        )


if __name__ == "__main__":
    main()
