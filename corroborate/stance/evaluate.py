"""Evaluate a stance model on labelled pairs or FNC-1 style documents.

Metrics: n, accuracy, macro-F1, per-class precision/recall/F1 and the confusion matrix
(rows gold, columns predicted). Three-class data (NLI, ANS) is scored over
supports/contradicts/neutral with ``unrelated`` folded into ``neutral`` on both sides. FNC-1
documents are scored on four classes plus the official relative score; each document's
stance is aggregated from its best passages by :func:`aggregate_document_stance`, exactly
as the engine does.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from ..domain import STANCE_LABELS, StanceResult
from .aggregate import (
    DEFAULT_SENTENCE_THRESHOLD,
    aggregate_document_stance,
    worth_reading_sentences,
)
from .behaviour import behaviour_figures, format_behaviour
from .calibration import NONE, expected_calibration_error
from .data import StancePair
from .fnc import (
    FNC_RELATED_WEIGHT,
    FNC_STANCE_WEIGHT,
    PASSAGES_PER_DOC,
    PassageRanking,
    StanceDoc,
    fnc_score,
)
from .labels import THREE_LABELS, UNRELATED, fold_three
from .model import StanceModel, to_results
from .reading import (
    RawReadings,
    carry_contradictions,
    decide,
    read_passages,
    read_raw,
    read_statements,
)


@dataclass(frozen=True)
class ClassScores:
    """Precision, recall, F1 and support of one class."""

    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class EvalReport:
    """The figures of one evaluation."""

    name: str
    n: int
    labels: tuple[str, ...]
    accuracy: float
    macro_f1: float
    per_class: dict[str, ClassScores]
    confusion: list[list[int]]  # rows gold, columns predicted, in ``labels`` order
    fnc_relative: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # 95% bootstrap intervals (percentile, items resampled with replacement) of accuracy,
    # macro_f1 and, for FNC-1 style documents, fnc_relative: how far a figure can move by chance
    ci95: dict[str, tuple[float, float]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly view."""
        return asdict(self)


def compute_metrics(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str],
                    name: str = "") -> EvalReport:
    """Accuracy, macro-F1 (over ``labels``), per-class scores and confusion matrix.

    Raises:
        ValueError: lengths differ, or a label is outside ``labels``.
    """
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    index = {label: i for i, label in enumerate(labels)}
    confusion = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, predicted, strict=True):
        if g not in index or p not in index:
            raise ValueError(f"label {g if g not in index else p!r} not in {list(labels)}")
        confusion[index[g]][index[p]] += 1
    per_class = {}
    for label, i in index.items():
        tp = confusion[i][i]
        predicted_n = sum(row[i] for row in confusion)
        support = sum(confusion[i])
        precision = tp / predicted_n if predicted_n else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = ClassScores(round(precision, 4), round(recall, 4), round(f1, 4), support)
    n = len(gold)
    accuracy = sum(confusion[i][i] for i in range(len(labels))) / n if n else 0.0
    present = [label for label in labels if per_class[label].support]  # macro over gold classes
    macro = sum(per_class[label].f1 for label in present) / len(present) if present else 0.0
    return EvalReport(
        name, n, tuple(labels), round(accuracy, 4), round(macro, 4), per_class, confusion
    )


BOOTSTRAP_ROUNDS = 1000


def bootstrap_intervals(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str], *,
                        rounds: int = BOOTSTRAP_ROUNDS, seed: int = 0,
                        fnc: bool = False) -> dict[str, tuple[float, float]]:
    """95% percentile-bootstrap intervals of accuracy and macro-F1 (and the FNC-1 relative score).

    Each round draws ``len(gold)`` items with replacement and scores them the way
    :func:`compute_metrics` and :func:`~corroborate.stance.fnc.fnc_score` do (macro-F1 over the
    classes present in the round's gold labels). On 300 items an accuracy near 0.7 moves about
    ±5 points this way: compare models on the full dev sets, not on samples.

    Example:
        >>> lo, hi = bootstrap_intervals(["supports"] * 80 + ["neutral"] * 20,
        ...                              ["supports"] * 70 + ["neutral"] * 30,
        ...                              ["supports", "neutral"])["accuracy"]
        >>> lo < 0.9 < hi
        True
    """
    import numpy as np

    n, k = len(gold), len(labels)
    if n == 0 or rounds <= 0:
        return {}
    index = {label: i for i, label in enumerate(labels)}
    g = np.array([index[x] for x in gold])
    p = np.array([index[x] for x in predicted])
    draws = np.random.default_rng(seed).integers(0, n, size=(rounds, n))
    gd, pd = g[draws], p[draws]
    cells = np.arange(rounds)[:, None] * k * k + gd * k + pd
    confusion = (
        np.bincount(cells.ravel(), minlength=rounds * k * k).reshape(rounds, k, k).astype(float)
    )
    tp = np.diagonal(confusion, axis1=1, axis2=2)
    support, predicted_n = confusion.sum(axis=2), confusion.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(predicted_n > 0, tp / predicted_n, 0.0)
        recall = np.where(support > 0, tp / support, 0.0)
        f1 = np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)
    present = support > 0
    figures = {"accuracy": tp.sum(axis=1) / n,
               "macro_f1": (f1 * present).sum(axis=1) / np.maximum(present.sum(axis=1), 1)}
    if fnc and UNRELATED in index:
        u = index[UNRELATED]
        g_rel, p_rel = gd != u, pd != u
        score = FNC_RELATED_WEIGHT * (g_rel == p_rel) + FNC_STANCE_WEIGHT * (g_rel & (gd == pd))
        best = np.where(g_rel, FNC_RELATED_WEIGHT + FNC_STANCE_WEIGHT, FNC_RELATED_WEIGHT)
        figures["fnc_relative"] = score.sum(axis=1) / best.sum(axis=1)
    return {name: (round(float(np.percentile(v, 2.5)), 4), round(float(np.percentile(v, 97.5)), 4))
            for name, v in figures.items()}


def engine_reading(settings: Any) -> dict[str, Any]:
    """How the engine reads documents under ``settings`` (``evaluate_docs``' sentence options)."""
    return {"sentences": bool(settings.stance_sentences),
            "sentence_threshold": float(settings.stance_sentence_threshold),
            "contradiction_sentence": True}


def is_three_class(pairs: Sequence[StancePair]) -> bool:
    """True when the gold labels never say ``unrelated`` (NLI-style data)."""
    return all(p.label != UNRELATED for p in pairs)


PredictionSink = Callable[[dict[str, Any]], None]


def weighs(model: StanceModel) -> bool:
    """Whether the model's readings are weighed against the texts (an evidence rule in its
    calibration): the reading's last check (:func:`~.reading.affirm_denials`) asks it."""
    calibration = getattr(model, "calibration", NONE)  # a stand-in model may have none
    return calibration.evidence is not None


def _classifier(model: StanceModel) -> Callable[[Sequence[str], Sequence[str]],
                                                list[StanceResult]]:
    calibration = getattr(model, "calibration", NONE)  # a stand-in model may have none
    return lambda cs, ts: to_results(model.predict(list(cs), list(ts)), calibration)


def evaluate_pairs(model: StanceModel, pairs: Sequence[StancePair], name: str = "",
                   sink: PredictionSink | None = None, *, sentences: bool = False,
                   sentence_threshold: float = DEFAULT_SENTENCE_THRESHOLD,
                   contradiction_sentence: bool = False) -> EvalReport:
    """Score pairs; three-class data folds ``unrelated`` into ``neutral``.

    Each passage is read as the engine reads it (:mod:`corroborate.stance.reading`; the options
    are :func:`engine_reading`'s), with the model's calibration. The report's ``extra`` holds
    the expected calibration error of the whole-passage readings and, when rows carry a
    ``category``, per-category accuracy and the behavioural figures
    (:func:`~corroborate.stance.behaviour.behaviour_figures`).
    """
    from ..ingest.passages import split_sentences

    texts = [p.passage for p in pairs]
    readings = read_passages(_classifier(model), [p.claim for p in pairs], texts,
                             lambda i: split_sentences(texts[i], pairs[i].lang[-2:] or "en"),
                             sentences=sentences, threshold=sentence_threshold,
                             contradiction_sentence=contradiction_sentence,
                             affirm=weighs(model))
    results = [r.result for r in readings]
    three = is_three_class(pairs)
    labels = THREE_LABELS if three else STANCE_LABELS
    gold = [fold_three(p.label) if three else p.label for p in pairs]
    predicted = [fold_three(r.label) if three else r.label for r in results]
    if sink is not None:
        for p, r, pred in zip(pairs, results, predicted, strict=True):
            row = {"set": name, "id": p.id, "gold": p.label, "predicted": pred,
                   "probabilities": r.probabilities}
            sink({**row, "category": p.category} if p.category else row)
    extra: dict[str, Any] = {"ece": round(expected_calibration_error(
        [r.probabilities for r in results], [p.label for p in pairs]), 4)}
    if any(p.category for p in pairs):
        extra["per_category"] = category_accuracy([p.category for p in pairs], gold, predicted)
        extra["behaviour"] = behaviour_figures([p.category for p in pairs],
                                               [p.lang for p in pairs],
                                               [p.label for p in pairs],
                                               [r.label for r in results])
    return replace(compute_metrics(gold, predicted, labels, name), extra=extra,
                   ci95=bootstrap_intervals(gold, predicted, labels))


def category_accuracy(categories: Sequence[str], gold: Sequence[str],
                      predicted: Sequence[str]) -> dict[str, dict[str, float | int]]:
    """``n`` and accuracy of each category of rows (by name; rows without one under ``""``).

    Example:
        >>> category_accuracy(["negation", "negation", "numbers"], ["supports"] * 3,
        ...                   ["supports", "neutral", "supports"])
        {'negation': {'n': 2, 'accuracy': 0.5}, 'numbers': {'n': 1, 'accuracy': 1.0}}
    """
    counts: dict[str, list[int]] = {}
    for category, g, p in zip(categories, gold, predicted, strict=True):
        seen = counts.setdefault(category, [0, 0])
        seen[0] += 1
        seen[1] += g == p
    return {category: {"n": n, "accuracy": round(right / n, 4)}
            for category, (n, right) in sorted(counts.items())}


def document_passages(docs: Sequence[StanceDoc], passages: PassageRanking, k: int
                      ) -> tuple[list[tuple[int, int]], list[str], list[str]]:
    """Each document's top-``k`` passages, flat: their spans per document, claims and texts."""
    claims: list[str] = []
    texts: list[str] = []
    spans: list[tuple[int, int]] = []
    prepare = getattr(passages, "prepare", None)
    if prepare is not None:  # a dense ranking encodes everything it needs in one go
        prepare([(d.headline, d.body_id) for d in docs])
    for doc in docs:
        top = passages.top(doc.headline, doc.body_id, k)
        spans.append((len(texts), len(texts) + len(top)))
        claims.extend([doc.headline] * len(top))
        texts.extend(top)
    return spans, claims, texts


def read_documents(
    model: StanceModel,
    docs: Sequence[StanceDoc],
    passages: PassageRanking,
    k: int,
    worth: Callable[[StanceResult], bool],
) -> tuple[list[tuple[int, int]], RawReadings]:
    """Read each document's top-``k`` passages, and the sentences of those ``worth`` picks.

    Returns each document's span of passages and their raw readings
    (:func:`corroborate.stance.reading.read_raw`, as the engine reads).
    """
    from ..ingest.passages import split_sentences

    spans, claims, texts = document_passages(docs, passages, k)
    raw = read_raw(_classifier(model), claims, texts, lambda i: split_sentences(texts[i], "en"),
                   worth=worth)
    return spans, raw


def evaluate_docs(
    model: StanceModel,
    docs: Sequence[StanceDoc],
    passages: PassageRanking,
    name: str = "fnc1",
    k: int = PASSAGES_PER_DOC,
    sink: PredictionSink | None = None,
    *,
    sentences: bool = False,
    sentence_threshold: float = DEFAULT_SENTENCE_THRESHOLD,
    contradiction_sentence: bool = False,
) -> EvalReport:
    """Score FNC-1 style documents: top-``k`` passages each, aggregated, plus the FNC-1 score.

    ``sentences``: also read related passages without a decisive reading sentence by sentence,
    as the engine does with its ``stance_sentences`` setting; ``contradiction_sentence``: a
    contradiction needs a sentence that carries it, as in the engine (the same module,
    :mod:`corroborate.stance.reading`).
    """
    def worth(r: StanceResult) -> bool:
        return sentences and worth_reading_sentences(r, threshold=sentence_threshold)

    from ..ingest.passages import split_sentences

    spans, claims, texts = document_passages(docs, passages, k)
    classify = _classifier(model)
    raw = read_raw(classify, claims, texts, lambda i: split_sentences(texts[i], "en"),
                   worth=worth)
    readings = decide(raw, threshold=sentence_threshold)
    if contradiction_sentence:
        readings = carry_contradictions(classify, claims, texts,
                                        lambda i: split_sentences(texts[i], "en"), readings, raw,
                                        affirm=weighs(model))
    readings = read_statements(classify, claims, texts, lambda i: split_sentences(texts[i], "en"),
                               readings, raw, worth=worth, threshold=sentence_threshold)
    read = [r.result for r in readings]
    doc_results: list[StanceResult] = [aggregate_document_stance(read[a:b]) for a, b in spans]
    gold = [d.label for d in docs]
    predicted = [r.label for r in doc_results]
    report = compute_metrics(gold, predicted, STANCE_LABELS, name)
    score, best, relative = fnc_score(gold, predicted)
    if sink is not None:
        for d, r in zip(docs, doc_results, strict=True):
            sink(
                {
                    "set": name,
                    "id": d.id,
                    "gold": d.label,
                    "predicted": r.label,
                    "probabilities": r.probabilities,
                }
            )
    return replace(
        report,
        fnc_relative=round(relative, 4),
        extra={
            "fnc_score": round(score, 2),
            "fnc_best": round(best, 2),
            "passages_per_doc": k,
            "sentences": sentences,
        },
        ci95=bootstrap_intervals(gold, predicted, STANCE_LABELS, fnc=True),
    )


def stratified_docs(docs: Sequence[StanceDoc], n: int, seed: int) -> list[StanceDoc]:
    """A label-stratified sample of documents (same rule as pairs)."""
    from .data import stratified_sample

    proxies = [StancePair(d.id, d.headline, d.body_id, d.label, "", "", d.id) for d in docs]
    keep = {p.id for p in stratified_sample(proxies, n, seed)}
    return [d for d in docs if d.id in keep]


def format_report(report: EvalReport) -> str:
    """A plain-text table of a report."""
    def ci(name: str) -> str:
        interval = report.ci95.get(name)
        return f" [{interval[0]:.3f}, {interval[1]:.3f}]" if interval else ""

    lines = [f"{report.name}: n={report.n} accuracy={report.accuracy:.4f}{ci('accuracy')}"
             f" macro-F1={report.macro_f1:.4f}{ci('macro_f1')}"
             + (f" FNC-1 relative={report.fnc_relative:.4f}{ci('fnc_relative')}"
                if report.fnc_relative is not None else "")
             + (" (95% bootstrap intervals)" if report.ci95 else "")]
    lines.append(f"  {'label':<12} {'prec':>6} {'rec':>6} {'f1':>6} {'n':>6}")
    for label, s in report.per_class.items():
        lines.append(f"  {label:<12} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.support:6d}")
    lines.append(
        "  confusion (rows gold, cols predicted): " + " ".join(label[:4] for label in report.labels)
    )
    for label, row in zip(report.labels, report.confusion, strict=True):
        lines.append(f"    {label:<12} " + " ".join(f"{v:5d}" for v in row))
    if "ece" in report.extra:
        lines.append(f"  expected calibration error {report.extra['ece']:.4f}")
    categories = report.extra.get("per_category") or {}
    if categories:
        width = max(12, *(len(c or "(none)") for c in categories))
        lines.append(f"  {'category':<{width}} {'acc':>6} {'n':>6}")
        for category, figures in categories.items():
            lines.append(f"  {category or '(none)':<{width}} {figures['accuracy']:6.3f}"
                         f" {figures['n']:6d}")
    if report.extra.get("behaviour"):
        lines.extend(format_behaviour(report.extra["behaviour"]))
    return "\n".join(lines)


def jsonl_sink(fh: IO[str]) -> PredictionSink:
    """A sink writing one JSON line per prediction."""
    def write(row: dict[str, Any]) -> None:
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return write


def write_reports(path: Path, reports: Sequence[EvalReport]) -> None:
    """All reports as one JSON file."""
    Path(path).write_text(
        json.dumps([r.as_dict() for r in reports], indent=2) + "\n", encoding="utf-8"
    )
