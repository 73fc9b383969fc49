"""The four stance labels and how every source vocabulary maps onto them.

    supports     agree, entailment, SUPPORTS / SUPPORTED, FAVOR
    contradicts  disagree, contradiction, REFUTES / REFUTED, AGAINST
    neutral      discuss, neutral, other, NOT ENOUGH INFO / NOT_ENOUGH_INFO / NEI (talks about it
                 without taking a side)
    unrelated    unrelated

Case, hyphens, underscores and spacing are ignored (``Not-Enough-Info`` = ``NOT_ENOUGH_INFO``).

Two-way labels (``not_entailment``) mix contradiction with neutral, so they must not teach
``contradicts``: :func:`map_label` returns ``None`` for them and callers drop the row.
Three-class evaluation folds ``unrelated`` into ``neutral`` (:func:`fold_three`).
"""

from __future__ import annotations

from ..domain import STANCE_LABELS

SUPPORTS, CONTRADICTS, NEUTRAL, UNRELATED = STANCE_LABELS
THREE_LABELS: tuple[str, ...] = (SUPPORTS, CONTRADICTS, NEUTRAL)

_VOCABULARY: dict[str, str] = {
    # stance sets (FNC-1, ARC, ANS, X-Stance)
    "agree": SUPPORTS,
    "agrees": SUPPORTS,
    "favor": SUPPORTS,
    "favour": SUPPORTS,
    "disagree": CONTRADICTS,
    "disagrees": CONTRADICTS,
    "against": CONTRADICTS,
    "discuss": NEUTRAL,
    "discusses": NEUTRAL,
    "other": NEUTRAL,
    "none": NEUTRAL,
    "unrelated": UNRELATED,
    # NLI
    "entailment": SUPPORTS,
    "entails": SUPPORTS,
    "entailed": SUPPORTS,
    "contradiction": CONTRADICTS,
    "contradicted": CONTRADICTS,
    "neutral": NEUTRAL,
    # fact verification (FEVER, Climate-FEVER, VitaminC, HealthVer, SciFact)
    "support": SUPPORTS,
    "supports": SUPPORTS,
    "supported": SUPPORTS,
    "refute": CONTRADICTS,
    "refutes": CONTRADICTS,
    "refuted": CONTRADICTS,
    "not enough info": NEUTRAL,
    "not enough information": NEUTRAL,
    "not enough evidence": NEUTRAL,
    "nei": NEUTRAL,
    "noinfo": NEUTRAL,
    "no info": NEUTRAL,
    # our own names map to themselves
    "contradicts": CONTRADICTS,
}
# XNLI/RTE3-FR style numeric labels: 0 entailment, 1 neutral, 2 contradiction
_NUMERIC_NLI: dict[str, str] = {"0": SUPPORTS, "1": NEUTRAL, "2": CONTRADICTS}
_TWO_WAY = {"not entailment", "non entailment"}
_SEPARATORS = str.maketrans({"_": " ", "-": " "})


def normalize_label(raw: str) -> str:
    """The key a label is looked up by: case folded, ``_`` and ``-`` read as spaces, spaces
    collapsed (``NOT_ENOUGH_INFO``, ``Not-Enough-Info`` and ``not enough info`` are one label)."""
    return " ".join(raw.casefold().translate(_SEPARATORS).split())


def map_label(raw: str, *, numeric_nli: bool = False) -> str | None:
    """One of :data:`STANCE_LABELS` for a source label, or ``None`` for a two-way negative.

    Case, hyphens, underscores and spacing do not matter (:func:`normalize_label`).

    Raises:
        ValueError: a label of no known vocabulary (names the known ones).
    """
    key = normalize_label(raw)
    if key in _TWO_WAY:
        return None
    if key in _VOCABULARY:
        return _VOCABULARY[key]
    if numeric_nli and key in _NUMERIC_NLI:
        return _NUMERIC_NLI[key]
    raise ValueError(f"unknown stance label {raw!r}; known: {sorted(_VOCABULARY)}"
                     + (f" and {sorted(_NUMERIC_NLI)}" if numeric_nli else ""))


def fold_three(label: str) -> str:
    """The three-class view: ``unrelated`` becomes ``neutral``."""
    return NEUTRAL if label == UNRELATED else label
