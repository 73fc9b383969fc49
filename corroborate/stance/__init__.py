"""The stance model: is a passage supporting, contradicting, neutral to, or unrelated to a claim?

    labels.py     the four labels and the mapping from every source vocabulary
    data.py       stance pairs, readers, leak-free dev splits, stratified sampling
    fnc.py        FNC-1 style documents: split, passages, BM25, the official score
    mixture.py    the training mixture and the dev sets
    model.py      assemble (base + shipped weights), load, ``classify_stance``
    aggregate.py  document stance from passage stance (shared with the engine)
    train.py      the CPU training loop (``python -m research.train``)
    evaluate.py   metrics and evaluation; devreport.py: every dev split at once

Heavy imports (torch, transformers) happen inside the functions that need them.
"""

from __future__ import annotations

from .aggregate import aggregate_document_stance
from .model import StanceModel, classify_stance, load_stance_model

__all__ = ["StanceModel", "aggregate_document_stance", "classify_stance", "load_stance_model"]
