"""The stance model: is a passage supporting, contradicting, neutral to, or unrelated to a claim?

    labels.py     the four labels and the mapping from every source vocabulary
    data.py       stance pairs, readers of labelled files, leak-free dev splits, sampling
    fnc.py        FNC-1 style documents: split, passages, BM25 ranking, the official score
    shipped.py    the shipped weights: read, fingerprint, assemble onto the base encoder
    model.py      load (in a precision), ``classify_stance``
    reading.py    how a document's passages are read (whole, then sentence by sentence)
    aggregate.py  document stance from passage stance (shared with the engine)
    cache.py      stance results cached per (claim, passage, model)
    reldates.py   relative dates anchored to a publication date
    evaluate.py   metrics and evaluation (``corroborate eval stance``)

Training, averaging and the dev report are research tools outside the package
(``research/`` of a source checkout: ``python -m research.train``, ``python -m research.average``).

Heavy imports (torch, transformers) happen inside the functions that need them.
"""

from __future__ import annotations

from .aggregate import aggregate_document_stance
from .model import StanceModel, classify_stance, load_stance_model

__all__ = ["StanceModel", "aggregate_document_stance", "classify_stance", "load_stance_model"]
