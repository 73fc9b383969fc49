"""Compressed vector indexes against exact search: recall@10, bytes per passage, query time.

Every serving replica loads the same FAISS index, so its memory is paid once per replica: this
measures what compression costs in recall. The vectors are real-ish: unit vectors drawn around
real e5 embeddings (the CLEF-2020 claims cached by bench/clef.py or by the fact-check
evaluation) with noise of their covariance (:func:`bench.query.synthetic`); without such a
cache, around random anchors with a decaying spectrum (said in the output). The queries are
drawn the same way with another seed. Ground truth: exact inner product (``IndexFlatIP``).

    .venv/bin/python bench/index_recall.py                       # 100k passages, dim 384
    .venv/bin/python bench/index_recall.py -n 100000 --queries 500 --threads 1 --json
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.clef import DEFAULT_CACHE  # noqa: E402
from bench.query import synthetic  # noqa: E402

# (factory, search-time knob name, values): HNSW's efSearch, IVF's nprobe
CANDIDATES: list[tuple[str, str, list[int]]] = [
    ("HNSW32,Flat", "efSearch", [64, 256]),
    ("HNSW32,SQ8", "efSearch", [64, 128, 256]),
    ("IVF1024,PQ48", "nprobe", [16, 64]),
    ("IVF1024,PQ96", "nprobe", [16, 64]),
]


def real_anchors(cache_dir: Path, dim: int) -> tuple[np.ndarray, str]:
    """Real e5 vectors of ``dim`` from the benchmark cache, else random anchors (and which)."""
    for pattern in ("clef-passage-*.npy", "factcheck-*.npy"):
        for path in sorted(cache_dir.glob(pattern), key=lambda p: -p.stat().st_size):
            vectors = np.load(path).astype(np.float32)
            if vectors.ndim == 2 and vectors.shape[1] == dim and len(vectors) >= 1000:
                return vectors, f"{len(vectors)} real e5 vectors ({path.name})"
    rng = np.random.default_rng(7)
    spectrum = 1.0 / np.sqrt(np.arange(1, dim + 1, dtype=np.float32))  # a decaying spectrum
    anchors = rng.standard_normal((5000, dim)).astype(np.float32) * spectrum
    return anchors / np.linalg.norm(anchors, axis=1, keepdims=True), "5000 random anchors"


def recall_at(found: np.ndarray, truth: np.ndarray, k: int) -> float:
    return float(np.mean([len(set(f[:k]) & set(t[:k])) / k
                          for f, t in zip(found, truth, strict=True)]))


def timed_search(index: object, queries: np.ndarray, k: int) -> tuple[np.ndarray, float, float]:
    """Ids of each query's ``k`` best (one query at a time, as a replica asks) and p50/p95 ms."""
    times, found = [], []
    for q in queries:
        t = time.perf_counter()
        _, ids = index.search(q[None, :], k)  # type: ignore[attr-defined]
        times.append(time.perf_counter() - t)
        found.append(ids[0])
    ordered = sorted(times)
    return (np.array(found), statistics.median(ordered) * 1000,
            ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", "--passages", type=int, default=100_000)
    ap.add_argument("--dim", type=int, default=384)
    ap.add_argument("--queries", type=int, default=500)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--noise", type=float, default=0.5,
                    help="Noise around the anchors, in units of the real spread (bench/query.py).")
    ap.add_argument("--threads", type=int, default=1, help="FAISS threads (build and search).")
    ap.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--factories", nargs="+", default=None,
                    help="Only these factories (of: " + ", ".join(c[0] for c in CANDIDATES) + ")")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    import faiss

    faiss.omp_set_num_threads(args.threads)
    anchors, source = real_anchors(args.cache_dir, args.dim)
    base = synthetic(anchors, args.passages, seed=1, scale=args.noise)
    queries = synthetic(anchors, args.queries, seed=2, scale=args.noise)
    exact = faiss.IndexFlatIP(args.dim)
    exact.add(base)
    truth, exact_p50, exact_p95 = timed_search(exact, queries, args.k)
    rows = [{"factory": "Flat (exact)", "knob": "", "recall": 1.0, "build_s": 0.0,
             "bytes_per_passage": len(faiss.serialize_index(exact)) / args.passages,
             "p50_ms": exact_p50, "p95_ms": exact_p95}]
    for factory, knob, values in CANDIDATES:
        if args.factories and factory not in args.factories:
            continue
        t = time.perf_counter()
        index = faiss.index_factory(args.dim, factory, faiss.METRIC_INNER_PRODUCT)
        if not index.is_trained:
            index.train(base)
        index.add(base)
        build = time.perf_counter() - t
        size = len(faiss.serialize_index(index)) / args.passages
        for value in values:
            faiss.ParameterSpace().set_index_parameter(index, knob, value)
            found, p50, p95 = timed_search(index, queries, args.k)
            rows.append({"factory": factory, "knob": f"{knob}={value}",
                         "recall": recall_at(found, truth, args.k), "build_s": build,
                         "bytes_per_passage": size, "p50_ms": p50, "p95_ms": p95})
        print(f"  {factory}: built in {build:.1f}s", file=sys.stderr)
    report = {"passages": args.passages, "dim": args.dim, "queries": args.queries, "k": args.k,
              "threads": args.threads, "vectors": source, "rows": rows}
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{args.passages:,} passages of dim {args.dim} around {source}; {args.queries} "
          f"queries; recall@{args.k} against exact; {args.threads} thread(s)")
    print(f"{'index':<16} {'search':<13} {'recall':>7} {'B/passage':>10} {'GB/10M':>7} "
          f"{'build s':>8} {'p50 ms':>7} {'p95 ms':>7}")
    for r in rows:
        print(f"{r['factory']:<16} {r['knob']:<13} {r['recall']:>7.3f} "
              f"{r['bytes_per_passage']:>10.0f} {r['bytes_per_passage'] * 1e7 / 1e9:>7.1f} "
              f"{r['build_s']:>8.1f} {r['p50_ms']:>7.2f} {r['p95_ms']:>7.2f}")


if __name__ == "__main__":
    main()
