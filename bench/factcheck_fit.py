"""Fit the fact-check reranker on CLEF-2020 *train* (never dev) and write its weights.

The features are the matcher's own (:meth:`FactCheckIndex.features`); the model is an
L2-regularised logistic regression (scikit-learn, class-balanced, on standardised features
folded back into raw-feature weights) over every candidate of every train tweet, relevant
verified claims as positives. 5-fold cross-validation on train (folds by tweet) reports MAP@5
for each regularisation strength; the best is refitted on the whole train split and written
to ``corroborate/factcheck/weights.json`` together with the
display threshold: the lowest dense similarity at which, on train, a top-ranked match is
right at least ``--precision`` of the time.

    .venv/bin/python bench/factcheck_fit.py --cache-dir /tmp/corroborate-bench
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from corroborate.factcheck.evaluate import (  # noqa: E402
    average_precision,
    cached_vectors,
    read_clef,
)
from corroborate.factcheck.matching import FEATURES, FactCheckIndex, clean_query  # noqa: E402

SHARED = Path(os.environ.get("CORROBORATE_SHARED", REPO.parent / "shared"))
CLEF = SHARED / "data" / "retrieval" / "clef2020"
WEIGHTS = REPO / "corroborate" / "factcheck" / "weights.json"


def fit(x: np.ndarray, y: np.ndarray, c: float) -> np.ndarray:
    """Logistic regression on standardised features, folded back into weights on the raw
    features (the last feature is the constant 1: its weight is the intercept)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(x[:, :-1])
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    model.fit(scaler.transform(x[:, :-1]), y)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    w = model.coef_[0] / scale
    bias = model.intercept_[0] - float(np.sum(w * scaler.mean_))
    return np.append(w, bias)


def table(index: FactCheckIndex, qv: np.ndarray, texts: list[str], rel: list[set[int]],
          candidates: int) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Per query: the candidates' feature matrix, labels and ids."""
    out = []
    sc, st = qv @ index.claim_vectors.T, qv @ index.title_vectors.T
    for row, text in enumerate(texts):
        feats = index.features(text, sc[row], st[row], candidates)
        idx = list(feats)
        x = np.array([[feats[i][f] for f in FEATURES] for i in idx])
        ids = index.ids[idx]
        y = np.array([float(int(d) in rel[row]) for d in ids])
        out.append((x, y, ids))
    return out


def map5(rows: list[tuple[np.ndarray, np.ndarray, np.ndarray]], w: np.ndarray,
         rel: list[set[int]]) -> float:
    aps = []
    for (x, _, ids), relevant in zip(rows, rel, strict=True):
        order = np.argsort(-(x @ w), kind="stable")
        aps.append(average_precision([int(ids[i]) for i in order], relevant, 5))
    return float(np.mean(aps))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache-dir", type=Path, default=Path("/tmp/corroborate-bench"))
    ap.add_argument("--candidates", type=int, default=30)
    ap.add_argument("--precision", type=float, default=0.9)
    ap.add_argument("--write", action="store_true", help="write weights.json")
    ap.add_argument("--ablation", action="store_true",
                    help="after fitting, print MAP@5 of each feature alone and of the fitted "
                         "model on train and dev (a report: nothing is chosen on dev)")
    args = ap.parse_args()
    if not CLEF.is_dir():
        sys.exit(f"needs {CLEF} (the shared data beside the checkout)")
    from corroborate.encoder.embed import load_encoder
    from corroborate.settings import Settings

    encoder = load_encoder(Settings.load(env={}))
    data = read_clef(CLEF / "train" / "tweets.queries.tsv",
                     CLEF / "train" / "tweet-vclaim-pairs.qrels",
                     CLEF / "verified_claims.docs.tsv")
    fp = encoder.fingerprint
    cv = cached_vectors(encoder.encode_passages, data.claims, f"{fp}/p", args.cache_dir)
    tv = cached_vectors(encoder.encode_passages, data.titles, f"{fp}/p", args.cache_dir)
    index = FactCheckIndex(data.claim_ids, data.claims, data.titles, cv, tv)

    def split_rows(split: str) -> tuple[list[Any], list[set[int]]]:
        part = read_clef(CLEF / split / "tweets.queries.tsv",
                         CLEF / split / "tweet-vclaim-pairs.qrels",
                         CLEF / "verified_claims.docs.tsv")
        judged = [i for i, q in enumerate(part.query_ids) if part.qrels.get(q)]
        texts = [clean_query(part.queries[i]) for i in judged]
        rel = [part.qrels[part.query_ids[i]] for i in judged]
        qv = cached_vectors(encoder.encode_queries, texts, f"{fp}/q", args.cache_dir)
        return table(index, qv, texts, rel, args.candidates), rel

    rows, rel = split_rows("train")
    dense_only = np.array([1.0 if f == "dense_max" else 0.0 for f in FEATURES])
    print(f"train: {len(rows)} tweets; dense alone MAP@5 {map5(rows, dense_only, rel):.3f}")
    folds = np.arange(len(rows)) % 5
    best = (-1.0, 0.0)
    for l2 in (0.1, 1.0, 10.0):
        scores = []
        for k in range(5):
            tr = [r for r, f in zip(rows, folds, strict=True) if f != k]
            te = [(r, s) for r, s, f in zip(rows, rel, folds, strict=True) if f == k]
            w = fit(np.vstack([r[0] for r in tr]), np.concatenate([r[1] for r in tr]), l2)
            scores.append(map5([t[0] for t in te], w, [t[1] for t in te]))
        print(f"C={l2:g}: 5-fold MAP@5 {np.mean(scores):.3f}")
        if np.mean(scores) > best[0]:
            best = (float(np.mean(scores)), l2)
    w = fit(np.vstack([r[0] for r in rows]), np.concatenate([r[1] for r in rows]), best[1])
    print(f"chosen C={best[1]:g}; train MAP@5 {map5(rows, w, rel):.3f}")
    print(dict(zip(FEATURES, np.round(w, 3), strict=True)))
    # the display threshold: top-1 dense similarity above which top-1 is right >= precision
    tops = []
    for (x, y, _), _r in zip(rows, rel, strict=True):
        i = int(np.argmax(x @ w))
        tops.append((x[i, FEATURES.index("dense_max")], y[i]))
    tops.sort(reverse=True)
    threshold, right = 1.0, 0
    for n, (sim, ok) in enumerate(tops, 1):
        right += ok
        if right / n >= args.precision:
            threshold = float(sim)
    print(f"threshold for top-1 precision >= {args.precision}: dense similarity {threshold:.3f}")
    if args.ablation:
        dev_rows, dev_rel = split_rows("dev")
        for j, name in enumerate(FEATURES[:-1]):
            alone = np.eye(len(FEATURES))[j]
            print(f"{name:<15} alone: MAP@5 train {map5(rows, alone, rel):.3f} "
                  f"dev {map5(dev_rows, alone, dev_rel):.3f}")
        print(f"{'fitted':<15}       MAP@5 train {map5(rows, w, rel):.3f} "
              f"dev {map5(dev_rows, w, dev_rel):.3f}")
    if args.write:
        WEIGHTS.write_text(json.dumps({
            "fitted_on": "CLEF-2020 CheckThat! task 2, train split (bench/factcheck_fit.py)",
            "C": best[1], "cv_map5": round(best[0], 4), "candidates": args.candidates,
            # rounded up, so the shipped threshold keeps the precision it was chosen for
            "min_similarity": math.ceil(threshold * 1000) / 1000,
            "precision_target": args.precision,
            "weights": {f: round(float(v), 5) for f, v in zip(FEATURES, w, strict=True)},
        }, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS}")


if __name__ == "__main__":
    main()
