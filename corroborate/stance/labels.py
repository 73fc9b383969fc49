"""The four stance labels and how every source vocabulary maps onto them.

    supports     agree, entailment, SUPPORTS, FAVOR
    contradicts  disagree, contradiction, REFUTES, AGAINST
    neutral      discuss, neutral, other, NOT ENOUGH INFO (talks about it without taking a side)
    unrelated    unrelated

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
    "favor": SUPPORTS,
    "disagree": CONTRADICTS,
    "against": CONTRADICTS,
    "discuss": NEUTRAL,
    "other": NEUTRAL,
    "unrelated": UNRELATED,
    # NLI
    "entailment": SUPPORTS,
    "entails": SUPPORTS,
    "contradiction": CONTRADICTS,
    "neutral": NEUTRAL,
    # fact verification (FEVER, VitaminC, HealthVer)
    "supports": SUPPORTS,
    "supported": SUPPORTS,
    "refutes": CONTRADICTS,
    "refuted": CONTRADICTS,
    "not enough info": NEUTRAL,
    "nei": NEUTRAL,
    # our own names map to themselves
    "contradicts": CONTRADICTS,
}
# XNLI/RTE3-FR style numeric labels: 0 entailment, 1 neutral, 2 contradiction
_NUMERIC_NLI: dict[str, str] = {"0": SUPPORTS, "1": NEUTRAL, "2": CONTRADICTS}
_TWO_WAY = {"not_entailment", "non-entailment", "not entailment", "non_entailment"}


def map_label(raw: str, *, numeric_nli: bool = False) -> str | None:
    """One of :data:`STANCE_LABELS` for a source label, or ``None`` for a two-way negative.

    Raises:
        ValueError: a label of no known vocabulary (names the known ones).
    """
    key = raw.strip().casefold()
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
