"""Every dev split of the training mixture, scored: the figures of the model card and the gate."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from corroborate.stance.data import StancePair, stratified_sample
from corroborate.stance.evaluate import (
    EvalReport,
    PredictionSink,
    engine_reading,
    evaluate_docs,
    evaluate_pairs,
    stratified_docs,
)
from corroborate.stance.fnc import DenseRanking, PassageRanking
from corroborate.stance.model import StanceModel

log = logging.getLogger(__name__)

# the dev sets behind the targets first, then the other sources trained on
KEY_SETS: tuple[str, ...] = ("fnc1", "xnli_fr", "xnli_ar", "xnli_en", "xnli_fr_en", "xnli_ar_en",
                              "ans")
# the dev half of the behavioural suite (the test half is only reported, never chosen on)
BEHAVIOUR_DEV = Path(__file__).resolve().parents[1] / "tests" / "data" / "stance_behaviour" / \
    "dev.jsonl"
# engine_reading: the dev gate's too
__all__ = ["BEHAVIOUR_DEV", "KEY_SETS", "engine_reading", "evaluate_dev"]


def evaluate_dev(
    model: StanceModel,
    data_dir: Path,
    *,
    sample: int = 0,
    fnc_sample: int = 0,
    seed: int = 13,
    other_sample: int | None = None,
    only: Sequence[str] = (),
    sink: PredictionSink | None = None,
    reading: Mapping[str, Any] | None = None,
    encoder: Any = None,
) -> list[EvalReport]:
    """Score the dev split of every source (stratified samples when ``sample``/``fnc_sample`` > 0).

    Args:
        model: the stance model.
        data_dir: the shared ``data`` folder.
        sample: pairs per pair-level dev set (0: all).
        fnc_sample: documents per FNC-1/ARC dev set (0: all).
        seed: sampling seed.
        other_sample: items per dev set outside :data:`KEY_SETS` (default: as the key sets).
        only: restrict to these dev set names.
        sink: receives one prediction row per item.
        reading: options of :func:`evaluate_docs` for FNC-1/ARC documents (sentence reading).
        encoder: rank FNC-1/ARC passages with this e5 encoder, as the engine's search does
            (default: BM25).
    """
    from .mixture import build_mixture

    mix = build_mixture(data_dir, seed=seed, scale=0.001)  # the dev splits do not depend on scale
    reports: list[EvalReport] = []
    names = [
        n for n in (*KEY_SETS, *sorted(set(mix.dev) | set(mix.dev_docs))) if not only or n in only
    ]
    for name in dict.fromkeys(names):
        minor = other_sample is not None and name not in KEY_SETS
        if name in mix.dev_docs:
            docs, bm25 = mix.dev_docs[name]
            passages: PassageRanking = bm25 if encoder is None else DenseRanking(bm25, encoder)
            n_docs = other_sample if minor else fnc_sample
            chosen = stratified_docs(docs, n_docs, seed) if n_docs else docs
            reports.append(
                evaluate_docs(model, chosen, passages, name, sink=sink, **(reading or {}))
            )
        elif name in mix.dev:
            pairs: list[StancePair] = mix.dev[name]
            n_pairs = other_sample if minor else sample
            chosen_pairs = stratified_sample(pairs, n_pairs, seed) if n_pairs else pairs
            reports.append(evaluate_pairs(model, chosen_pairs, name, sink=sink, **(reading or {})))
        else:
            continue
        r = reports[-1]
        log.info("%s n=%d acc=%.4f macroF1=%.4f%s", name, r.n, r.accuracy, r.macro_f1,
                 f" fnc={r.fnc_relative:.4f}" if r.fnc_relative is not None else "")
    if BEHAVIOUR_DEV.is_file() and (not only or "behaviour_dev" in only):
        from corroborate.stance.data import read_jsonl_pairs

        behaviour = list(read_jsonl_pairs(BEHAVIOUR_DEV, source="behaviour_dev"))
        reports.append(evaluate_pairs(model, behaviour, "behaviour_dev", sink=sink,
                                      **(reading or {})))
    return reports
