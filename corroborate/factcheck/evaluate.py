"""Fact-check matching measured on CLEF-2020 CheckThat! task 2 (verified-claim retrieval).

Reads the task's files (tweets ``id<TAB>text``, verified claims ``id<TAB>vclaim<TAB>title``,
qrels ``query 0 claim relevance``), builds a :class:`~.matching.FactCheckIndex` over the
verified claims (the claim as the reviewed claim, the title as the fact-check's headline:
the engine's own reading of a ClaimReview) and ranks them for every tweet with the engine's
matcher. Reports MAP@1, MAP@3, MAP@5 (the CLEF scorer's definition), MRR and recall@10, each
with a 95 % bootstrap interval over the queries.

Encoding 10,375 claims takes minutes on a CPU: ``cache_dir`` keeps the vectors, keyed by the
encoder fingerprint and the texts.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import DataFileError
from .matching import FactCheckIndex, calibrated_threshold, clean_query

MEASURES: tuple[str, ...] = ("MAP@1", "MAP@3", "MAP@5", "MRR", "recall@10")


@dataclass(frozen=True)
class ClefData:
    """Queries, verified claims and relevance judgements."""

    query_ids: list[str]
    queries: list[str]
    claim_ids: list[int]
    claims: list[str]
    titles: list[str]
    qrels: dict[str, set[int]]


def _rows(path: Path) -> list[list[str]]:
    csv.field_size_limit(1 << 30)
    try:
        with path.open(encoding="utf-8", newline="") as f:
            return list(csv.reader(f, delimiter="\t"))
    except OSError as exc:
        raise DataFileError(path, "the file", f"cannot read it ({exc.strerror or exc})") from exc


def read_clef(queries: Path, qrels: Path, claims: Path) -> ClefData:
    """Read the CLEF-2020 task 2 files (a header line is skipped where there is one).

    Raises:
        DataFileError: a file is missing or a row is malformed (names the file and row).
    """
    qids, qtexts = [], []
    for n, row in enumerate(_rows(queries), 1):
        if n == 1 and row and not row[0].strip().isdigit():
            continue
        if len(row) < 2:
            raise DataFileError(queries, f"row {n}", "expected id<TAB>text")
        qids.append(row[0].strip())
        qtexts.append(row[1])
    cids, ctexts, ctitles = [], [], []
    for n, row in enumerate(_rows(claims), 1):
        if n == 1 and row and not row[0].strip().isdigit():
            continue
        if len(row) < 2 or not row[0].strip().isdigit():
            raise DataFileError(claims, f"row {n}", "expected id<TAB>vclaim<TAB>title")
        cids.append(int(row[0]))
        ctexts.append(row[1])
        ctitles.append(row[2] if len(row) > 2 else "")
    judged: dict[str, set[int]] = {}
    try:
        lines = qrels.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(qrels, "the file", f"cannot read it ({exc.strerror or exc})") from exc
    for n, line in enumerate(lines, 1):
        parts = line.split()
        if not parts:
            continue
        if len(parts) != 4 or not parts[2].isdigit():
            raise DataFileError(qrels, f"line {n}", "expected 'query 0 claim relevance'")
        if int(parts[3]) > 0:
            judged.setdefault(parts[0], set()).add(int(parts[2]))
    return ClefData(qids, qtexts, cids, ctexts, ctitles, judged)


def cached_vectors(encode: Callable[[list[str]], np.ndarray], texts: list[str], key: str,
                   cache_dir: Path | None) -> np.ndarray:
    """``encode(texts)``, read from / written to ``cache_dir`` when one is given."""
    if cache_dir is None:
        return np.asarray(encode(texts), dtype=np.float32)
    digest = hashlib.sha256("\x1f".join([key, *texts]).encode()).hexdigest()[:20]
    path = cache_dir / f"factcheck-{digest}.npy"
    if path.exists():
        return np.load(path)
    vectors = np.asarray(encode(texts), dtype=np.float32)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npy")
    np.save(tmp, vectors)
    tmp.replace(path)
    return vectors


def average_precision(ranked: Sequence[int], relevant: set[int], k: int) -> float:
    """AP@k as the CLEF-2020 scorer computes it (divided by min(|relevant|, k))."""
    found, total = 0, 0.0
    for i, doc in enumerate(ranked[:k], 1):
        if doc in relevant:
            found += 1
            total += found / i
    return total / min(len(relevant), k) if relevant else 0.0


def per_query(ranked: Sequence[int], relevant: set[int]) -> dict[str, float]:
    """Every measure of one query."""
    first = next((i for i, d in enumerate(ranked, 1) if d in relevant), None)
    return {"MAP@1": average_precision(ranked, relevant, 1),
            "MAP@3": average_precision(ranked, relevant, 3),
            "MAP@5": average_precision(ranked, relevant, 5),
            "MRR": 1.0 / first if first else 0.0,
            "recall@10": len(set(ranked[:10]) & relevant) / len(relevant)}


def summarise(rows: list[dict[str, float]], *, resamples: int = 2000,
              seed: int = 13) -> dict[str, dict[str, float]]:
    """Mean and 95 % percentile-bootstrap interval of each measure over the queries."""
    rng = np.random.default_rng(seed)
    out: dict[str, dict[str, float]] = {}
    for name in MEASURES:
        values = np.array([r[name] for r in rows], dtype=np.float64)
        if not len(values):
            out[name] = {"value": 0.0, "low": 0.0, "high": 0.0}
            continue
        picks = rng.integers(0, len(values), size=(resamples, len(values)))
        means = values[picks].mean(axis=1)
        out[name] = {"value": float(values.mean()), "low": float(np.percentile(means, 2.5)),
                     "high": float(np.percentile(means, 97.5))}
    return out


def evaluate_clef(data: ClefData, encoder: Any, *, cache_dir: Path | None = None,
                  weights: dict[str, float] | None = None, candidates: int = 30,
                  min_similarity: float | None = None) -> dict[str, Any]:
    """Rank the verified claims for every judged query with the engine's matcher.

    Args:
        data: the task's files, read by :func:`read_clef`.
        encoder: the passage encoder (``encode_queries`` / ``encode_passages``).
        cache_dir: where claim and query vectors are cached (None: not cached).
        weights: reranker weights (default: the shipped ones).
        min_similarity: the display threshold checked (default: the calibrated one).

    Returns:
        ``{"queries", "claims", "measures": {name: {value, low, high}}, "display": {
        min_similarity, shown, precision}, "rankings"}``: ``display`` says how many queries'
        best match the page would show and how often that match is right.
    """
    threshold = calibrated_threshold() if min_similarity is None else min_similarity
    fingerprint = getattr(encoder, "fingerprint", type(encoder).__name__)
    claims_v = cached_vectors(encoder.encode_passages, data.claims, f"{fingerprint}/p",
                              cache_dir)
    titles_v = cached_vectors(encoder.encode_passages, data.titles, f"{fingerprint}/p",
                              cache_dir)
    index = FactCheckIndex(data.claim_ids, data.claims, data.titles, claims_v, titles_v)
    judged = [i for i, q in enumerate(data.query_ids) if data.qrels.get(q)]
    texts = [clean_query(data.queries[i]) for i in judged]
    query_v = cached_vectors(encoder.encode_queries, texts, f"{fingerprint}/q", cache_dir)
    matches = index.match(query_v, texts, k=10, candidates=candidates, weights=weights)
    rows, rankings, shown = [], {}, []
    for i, found in zip(judged, matches, strict=True):
        qid = data.query_ids[i]
        ranked = [m.id for m in found]
        rankings[qid] = ranked
        rows.append(per_query(ranked, data.qrels[qid]))
        if found and found[0].similarity >= threshold:
            shown.append(found[0].id in data.qrels[qid])
    display = {"min_similarity": threshold, "shown": len(shown) / max(1, len(rows)),
               "precision": sum(shown) / len(shown) if shown else 0.0}
    return {"queries": len(rows), "claims": len(data.claim_ids),
            "measures": summarise(rows), "display": display, "rankings": rankings}


__all__ = ["MEASURES", "ClefData", "average_precision", "cached_vectors", "evaluate_clef",
           "per_query", "read_clef", "summarise"]
