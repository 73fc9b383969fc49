"""Serving throughput and latency: `corroborate serve` with 1 and 2 replicas on one machine.

For each replica count it starts the server on 127.0.0.1 (a local Ray), then sends GET /search
requests from ``--concurrency`` client threads and reports throughput and p50/p95 latency:

* warm: the demo claims again and again, their stance readings in the cache (a repeated
  claim: retrieval, aggregation, fact-check matching);
* cold: claims never seen (each demo claim with a distinct suffix), so every request runs the
  stance model on its best passages (``--cold-requests`` of them).

The data directory is a demo build (``corroborate demo --no-page --data-dir D``); without
``--data-dir`` one is built in a temporary folder first (about a minute).

    .venv/bin/python bench/serve.py --data-dir D --replicas 1 2 --requests 100 --concurrency 8
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import httpx  # noqa: E402

from corroborate.demo.corpus import load_demo_claims  # noqa: E402
from corroborate.settings import Settings  # noqa: E402


def burst(url: str, claims: list[str], concurrency: int) -> dict[str, float]:
    """Every claim once, ``concurrency`` at a time: requests/s and latency percentiles."""

    def ask(claim: str) -> float:
        t = time.perf_counter()
        r = httpx.get(f"{url}/search", params={"claim": claim}, timeout=600)
        r.raise_for_status()
        return time.perf_counter() - t

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        times = sorted(pool.map(ask, claims))
    wall = time.perf_counter() - t0
    return {"requests": len(claims), "seconds": wall, "per_s": len(claims) / wall,
            "p50_ms": statistics.median(times) * 1000,
            "p95_ms": times[min(len(times) - 1, int(0.95 * len(times)))] * 1000}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, default=None, help="A demo build (else one is made).")
    ap.add_argument("--replicas", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--cpus-per-replica", type=float, default=1.0)
    ap.add_argument("--requests", type=int, default=100, help="Warm requests per replica count.")
    ap.add_argument("--cold-requests", type=int, default=16)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from corroborate.serve.run import start, stop

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir
        if data_dir is None:
            from corroborate.demo.build import build_demo

            data_dir = Path(tmp) / "demo"
            build_demo(Settings.load(data_dir=data_dir))
        settings = Settings.load(data_dir=data_dir)
        texts = [c.claim for c in load_demo_claims()]
        warm = [texts[i % len(texts)] for i in range(args.requests)]
        rows = []
        for replicas in args.replicas:
            t = time.perf_counter()
            url = start(settings, replicas=replicas, port=args.port,
                        cpus_per_replica=args.cpus_per_replica)
            started = time.perf_counter() - t
            try:
                burst(url, texts, args.concurrency)  # the cache holds every demo claim now
                hot = burst(url, warm, args.concurrency)
                cold_claims = [f"{texts[i % len(texts)]} (r{replicas}-{i})"
                               for i in range(args.cold_requests)]
                cold = burst(url, cold_claims, args.concurrency)
            finally:
                stop()
            rows.append({"replicas": replicas, "start_s": started, "warm": hot, "cold": cold})
            print(f"  {replicas} replica(s): started in {started:.0f}s", file=sys.stderr)
    report = {"concurrency": args.concurrency, "cpus_per_replica": args.cpus_per_replica,
              "rows": rows}
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"GET /search, {args.concurrency} client threads, {args.cpus_per_replica} CPU per "
          "replica")
    print(f"{'replicas':>8} {'start s':>8}  {'warm req/s':>10} {'p50 ms':>7} {'p95 ms':>7}  "
          f"{'cold req/s':>10} {'p50 ms':>7} {'p95 ms':>7}")
    for r in rows:
        w, c = r["warm"], r["cold"]
        print(f"{r['replicas']:>8} {r['start_s']:>8.0f}  {w['per_s']:>10.2f} {w['p50_ms']:>7.0f} "
              f"{w['p95_ms']:>7.0f}  {c['per_s']:>10.2f} {c['p50_ms']:>7.0f} {c['p95_ms']:>7.0f}")


if __name__ == "__main__":
    main()
