"""Claim search latency and approximate-index quality at 10k, 100k and 1M passages.

Real passage embeddings (the CLEF-2020 verified claims encoded by bench/clef.py, cached) are
the anchors; synthetic passages are drawn around them with noise of the same covariance as the
real set, so the synthetic index has the spectrum of real embeddings, not of uniform noise.
Queries are real claims (the CLEF dev tweets) encoded with ``encode_queries``.

For each size it reports, one query at a time as the engine asks them:
* encoding: p50/p95 of ``encode_queries([claim])`` (the real encoder);
* search: p50/p95 of :meth:`VectorIndex.search` (k=100, what the engine retrieves) for the
  exact index and each approximate factory; recall@10 against exact; build time; bytes per
  passage of the saved index.

    .venv/bin/python bench/clef.py                        # once: caches the real embeddings
    .venv/bin/python bench/query.py --sizes 10000 100000 --factories "HNSW32,Flat" "IVF1024,Flat"
    .venv/bin/python bench/query.py --sizes 1000000 --factories "IVF1024,Flat" --no-exact-timing
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.clef import DEFAULT_CACHE, load_queries  # noqa: E402
from corroborate.errors import IndexError_  # noqa: E402
from corroborate.index.lock import write_lock  # noqa: E402
from corroborate.index.manifest import ModelInfo  # noqa: E402
from corroborate.index.vectors import VectorIndex  # noqa: E402
from corroborate.settings import Settings  # noqa: E402


def percentiles(values: list[float]) -> tuple[float, float]:
    """p50 and p95 in milliseconds."""
    ordered = sorted(values)
    return (
        statistics.median(ordered) * 1000,
        ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000,
    )


def synthetic(anchors: np.ndarray, n: int, seed: int, scale: float) -> np.ndarray:
    """``n`` unit vectors around random anchors, noise ~ N(0, scale² · cov(anchors))."""
    rng = np.random.default_rng(seed)
    centred = anchors - anchors.mean(axis=0)
    # noise with the real covariance: z @ (U S / sqrt(m)) has covariance cov(anchors)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    root = (s[:, None] * vt) / np.sqrt(len(anchors))
    out = np.empty((n, anchors.shape[1]), dtype=np.float32)
    for start in range(0, n, 100_000):
        m = min(100_000, n - start)
        picks = anchors[rng.integers(0, len(anchors), m)]
        x = picks + scale * (rng.standard_normal((m, len(s))).astype(np.float32) @ root)
        out[start:start + m] = x / np.linalg.norm(x, axis=1, keepdims=True)
    return out


def time_search(index: VectorIndex, queries: np.ndarray, k: int) -> tuple[list[float], np.ndarray]:
    times, found = [], []
    for q in queries:
        t = time.perf_counter()
        _, ids = index.search(q[None, :], k)
        times.append(time.perf_counter() - t)
        found.append(ids[0])
    return times, np.array(found)


def recall_at(found: np.ndarray, truth: np.ndarray, k: int) -> float:
    return float(
        np.mean([len(set(f[:k]) & set(t[:k])) / k for f, t in zip(found, truth, strict=True)])
    )


def saved_bytes(index: VectorIndex) -> int:
    with tempfile.TemporaryDirectory() as tmp, write_lock(tmp):
        return index.save(tmp).index_size


def load_anchors(cache_dir: Path) -> np.ndarray:
    found = sorted(cache_dir.glob("clef-passage-*.npy"))
    if not found:
        sys.exit(f"no real embeddings in {cache_dir}: run bench/clef.py first")
    return np.load(found[0]).astype(np.float32)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--factories", nargs="+", default=["HNSW32,Flat", "IVF1024,Flat"])
    ap.add_argument("--ef-search", type=int, nargs="+", default=[64, 128])
    ap.add_argument("--nprobe", type=int, nargs="+", default=[16, 32])
    ap.add_argument("--ef-construction", type=int, default=40)
    ap.add_argument("--k", type=int, default=100, help="passages retrieved per claim (retrieve_n)")
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument(
        "--scale",
        type=float,
        default=0.5,
        help="noise around the anchors, in units of the real spread",
    )
    ap.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    ap.add_argument(
        "--no-exact-timing",
        action="store_true",
        help="skip timing the flat index (still used for truth)",
    )
    ap.add_argument("--no-encoder", action="store_true", help="skip the claim-encoding timing")
    ap.add_argument(
        "--omp-threads",
        type=int,
        default=0,
        help="FAISS OpenMP threads (0: FAISS's default, all cores); 1 is faster on a busy machine",
    )
    args = ap.parse_args()
    if args.omp_threads:
        import faiss

        faiss.omp_set_num_threads(args.omp_threads)

    anchors = load_anchors(args.cache_dir)
    dim = anchors.shape[1]
    model = ModelInfo("bench", "bench", dim)
    _, claims, _ = load_queries("dev")
    qfiles = sorted(args.cache_dir.glob("clef-query-dev-*.npy"))
    queries = (
        np.load(qfiles[0])[: args.queries]
        if qfiles
        else synthetic(anchors, args.queries, 99, args.scale)
    )
    print(f"command: .venv/bin/python bench/query.py {' '.join(sys.argv[1:])}".rstrip())
    print(
        f"machine: {os.cpu_count()} CPUs (shared, load {os.getloadavg()[0]:.1f}); "
        f"anchors: {len(anchors)} real "
        f"embeddings (dim {dim}); queries: {len(queries)} real claims; k={args.k}; "
        f"FAISS threads {args.omp_threads or 'default'}"
    )

    if not args.no_encoder:
        from corroborate.encoder.embed import load_encoder

        encoder = load_encoder(Settings.load(env={}))
        encoder.encode_queries(["warm-up: the first forward pass allocates its buffers"])
        times = []
        for claim in dict.fromkeys(
            claims[: args.queries]
        ):  # distinct: repeats would hit the query cache
            t = time.perf_counter()
            encoder.encode_queries([claim])
            times.append(time.perf_counter() - t)
        p50, p95 = percentiles(times)
        print(
            f"claim encoding ({encoder.name}, {len(times)} tweets): "
            f"p50 {p50:.1f} ms  p95 {p95:.1f} ms"
        )

    for n in args.sizes:
        vectors = synthetic(anchors, n, n, args.scale)
        ids = np.arange(1, n + 1, dtype=np.int64) * 7_919  # spread like passage ids, unique
        base = Settings.load(env={}, index_exact_threshold=n + 1)
        t = time.perf_counter()
        exact = VectorIndex.build(model, vectors, ids, base)
        build = time.perf_counter() - t
        truth = exact.search(queries, args.k)[1]
        line = (
            f"n={n:>9,}  Flat        build {build:7.1f}s  {saved_bytes(exact) / n:7.0f} B/passage"
        )
        if not args.no_exact_timing:
            times, _ = time_search(exact, queries, args.k)
            p50, p95 = percentiles(times)
            line += f"  search p50 {p50:7.2f} ms  p95 {p95:7.2f} ms  recall@10 1.000"
        print(line, flush=True)
        del exact
        for factory in args.factories:
            settings = Settings.load(env={}, index_exact_threshold=1, index_factory=factory,
                                     hnsw_ef_construction=args.ef_construction)
            t = time.perf_counter()
            try:
                index = VectorIndex.build(model, vectors, ids, settings)
            except IndexError_ as exc:  # e.g. too few vectors to train the lists
                print(f"n={n:>9,}  {factory:<11} skipped: {exc}")
                continue
            build = time.perf_counter() - t
            size = saved_bytes(index) / n
            knobs = (
                ("efSearch", args.ef_search)
                if factory.startswith("HNSW")
                else ("nprobe", args.nprobe)
            )
            for value in knobs[1]:
                index.ef_search = index.nprobe = value
                times, found = time_search(index, queries, args.k)
                p50, p95 = percentiles(times)
                print(
                    f"n={n:>9,}  {factory:<11} build {build:7.1f}s  {size:7.0f} B/passage  "
                    f"search p50 {p50:7.2f} ms  p95 {p95:7.2f} ms  "
                    f"recall@10 {recall_at(found, truth, 10):.3f}  "
                    f"({knobs[0]} {value})",
                    flush=True,
                )
            del index
        del vectors


if __name__ == "__main__":
    main()
