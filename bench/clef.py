"""Retrieval quality on CLEF-2020 CheckThat! task 2 (verified-claim retrieval) with our encoder.

Tweets (queries, ``encode_queries``) are matched against the 10,375 verified claims
(``encode_passages``) through the project's own :class:`VectorIndex` (exact). Reports
MAP@5 (the task's official measure), MRR, P@1 and recall@10 on the dev split (or train).

The claim embeddings are cached under --cache-dir (keyed by the encoder fingerprint), and
bench/query.py reuses them as real embeddings to grow synthetic indexes around.

    .venv/bin/python bench/clef.py                      # dev tweets, claims as vclaim text
    .venv/bin/python bench/clef.py --doc both --split train
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from corroborate.index.vectors import ModelInfo, VectorIndex  # noqa: E402
from corroborate.settings import Settings  # noqa: E402

SHARED = Path(os.environ.get("CORROBORATE_SHARED", REPO.parent / "shared"))
CLEF = SHARED / "data" / "retrieval" / "clef2020"
DEFAULT_CACHE = Path(os.environ.get("TMPDIR", "/tmp")) / "corroborate-bench"


def read_tsv(path: Path) -> list[list[str]]:
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter="\t"))[1:]


def load_claims(doc: str) -> tuple[np.ndarray, list[str]]:
    """Verified claim ids and their texts (``vclaim``, ``title`` or ``both``)."""
    rows = read_tsv(CLEF / "verified_claims.docs.tsv")
    ids = np.array([int(r[0]) for r in rows], dtype=np.int64)
    texts = {"vclaim": [r[1] for r in rows], "title": [r[2] for r in rows],
             "both": [f"{r[2]}. {r[1]}" for r in rows]}[doc]
    return ids, texts


def load_queries(split: str) -> tuple[list[int], list[str], dict[int, set[int]]]:
    rows = read_tsv(CLEF / split / "tweets.queries.tsv")
    qrels: dict[int, set[int]] = {}
    with (CLEF / split / "tweet-vclaim-pairs.qrels").open(encoding="utf-8") as f:
        for line in f:
            q, _, d, rel = line.split()
            if int(rel) > 0:
                qrels.setdefault(int(q), set()).add(int(d))
    return [int(r[0]) for r in rows], [r[1] for r in rows], qrels


def cached_embeddings(encoder: object, texts: list[str], kind: str, cache_dir: Path) -> np.ndarray:
    """Encode ``texts`` once per encoder fingerprint; later runs read the .npy."""
    key = hashlib.sha256("\x1f".join([encoder.fingerprint, kind, *texts]).encode()).hexdigest()[:16]  # type: ignore[attr-defined]
    path = cache_dir / f"clef-{kind}-{key}.npy"
    if path.exists():
        return np.load(path)
    encode = encoder.encode_queries if kind.startswith("query") else encoder.encode_passages  # type: ignore[attr-defined]
    started = time.perf_counter()
    vectors = encode(texts, show_progress=True)
    print(f"encoded {len(texts)} {kind} texts in {time.perf_counter() - started:.0f}s "
          f"({len(texts) / (time.perf_counter() - started):.1f}/s)")
    cache_dir.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return np.asarray(vectors)


def evaluate(ranked: np.ndarray, qids: list[int], qrels: dict[int, set[int]]) -> dict[str, float]:
    ap5, rr, p1, r10 = [], [], [], []
    for row, q in zip(ranked, qids, strict=True):
        relevant = qrels.get(q, set())
        if not relevant:
            continue
        hits = [int(d) in relevant for d in row]
        # MAP@5 as the CLEF scorer computes it: precision at each relevant hit in the top 5
        found, precisions = 0, []
        for i, hit in enumerate(hits[:5], 1):
            if hit:
                found += 1
                precisions.append(found / i)
        ap5.append(sum(precisions) / min(len(relevant), 5))
        first = next((i for i, hit in enumerate(hits, 1) if hit), None)
        rr.append(1.0 / first if first else 0.0)
        p1.append(float(hits[0]))
        r10.append(sum(hits[:10]) / len(relevant))
    return {"queries": len(ap5), "MAP@5": float(np.mean(ap5)), "MRR": float(np.mean(rr)),
            "P@1": float(np.mean(p1)), "recall@10": float(np.mean(r10))}


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--split", choices=["dev", "train"], default="dev")
    ap.add_argument("--doc", choices=["vclaim", "title", "both"], default="vclaim",
                    help="what of a verified claim is embedded")
    ap.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    ap.add_argument(
        "--threads", type=int, default=0, help="torch threads (0: the encoder's choice)"
    )
    args = ap.parse_args()
    if not CLEF.is_dir():
        sys.exit(f"needs {CLEF} (the shared data beside the checkout)")

    from corroborate.encoder.embed import load_encoder

    settings = Settings.load(env={})
    started = time.perf_counter()
    encoder = load_encoder(settings)
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
    print(f"encoder {encoder.fingerprint} loaded in {time.perf_counter() - started:.1f}s")
    ids, texts = load_claims(args.doc)
    qids, queries, qrels = load_queries(args.split)
    docs = cached_embeddings(encoder, texts, f"passage-{args.doc}", args.cache_dir)
    qvecs = cached_embeddings(encoder, queries, f"query-{args.split}", args.cache_dir)

    index = VectorIndex.create(ModelInfo.of(encoder), settings)
    index.add(docs, ids)
    _, ranked = index.search(qvecs, 100)
    scores = evaluate(ranked, qids, qrels)
    print(f"command: .venv/bin/python bench/clef.py {' '.join(sys.argv[1:])}".rstrip())
    print(
        f"CLEF-2020 task 2, {args.split}: {scores['queries']} tweets against {len(ids)} verified "
        f"claims ({args.doc}), {encoder.name} "
        f"({'int8' if getattr(encoder, 'quantized', False) else 'fp32'})"
    )
    print("  " + "  ".join(f"{k} {v:.3f}" for k, v in scores.items() if k != "queries"))


if __name__ == "__main__":
    main()
