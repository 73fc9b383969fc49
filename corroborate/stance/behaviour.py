"""Behavioural figures of a stance evaluation: per behaviour, per language pair, polarity errors.

Rows of a behavioural suite (``tests/data/stance_behaviour/``; CheckList-style, Ribeiro et al.
2020) carry a ``category`` (the behaviour: paraphrase, translation, negation, number, ...) and a
``lang`` (``claim language-passage language``, e.g. ``fr-en``). What a reader sees is the *side*
a passage lands on, so these figures compare sides: ``supports``, ``contradicts``, or no side
(``neutral`` and ``unrelated`` are one: the page shows neither in a column). An *opposite
polarity* is the worst error: a supporting passage read as contradicting, or the reverse.

    >>> side("unrelated"), side("contradicts")
    ('none', 'contradicts')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .labels import CONTRADICTS, SUPPORTS

NO_SIDE = "none"


def side(label: str) -> str:
    """The column a label lands in: ``supports``, ``contradicts`` or ``none``."""
    return label if label in (SUPPORTS, CONTRADICTS) else NO_SIDE


def opposite(gold: str, predicted: str) -> bool:
    """Whether a reading takes the side opposite to the gold one."""
    return {side(gold), side(predicted)} == {SUPPORTS, CONTRADICTS}


def _figures(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float | int]:
    n = len(gold)
    right = sum(side(g) == side(p) for g, p in zip(gold, predicted, strict=True))
    flipped = sum(opposite(g, p) for g, p in zip(gold, predicted, strict=True))
    return {"n": n, "side_accuracy": round(right / n, 4) if n else 0.0,
            "opposite": flipped, "opposite_rate": round(flipped / n, 4) if n else 0.0}


def _grouped(keys: Sequence[str], gold: Sequence[str],
             predicted: Sequence[str]) -> dict[str, dict[str, float | int]]:
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for k, g, p in zip(keys, gold, predicted, strict=True):
        gs, ps = groups.setdefault(k, ([], []))
        gs.append(g)
        ps.append(p)
    return {k: _figures(*groups[k]) for k in sorted(groups)}


def is_cross(lang: str) -> bool:
    """Whether a ``claim-passage`` language pair crosses languages (``fr-en``: yes)."""
    a, _, b = lang.partition("-")
    return bool(b) and a != b


def behaviour_figures(categories: Sequence[str], langs: Sequence[str], gold: Sequence[str],
                      predicted: Sequence[str]) -> dict[str, Any]:
    """Side accuracy and opposite polarity overall, per behaviour, per language pair, and for
    same-language against cross-language pairs (rows without a ``claim-passage`` lang are left
    out of the last two)."""
    out: dict[str, Any] = {"overall": _figures(gold, predicted),
                           "per_behaviour": _grouped(categories, gold, predicted)}
    paired = [i for i, lang in enumerate(langs) if "-" in lang]
    if paired:
        pick = [langs[i] for i in paired]
        g = [gold[i] for i in paired]
        p = [predicted[i] for i in paired]
        out["per_language_pair"] = _grouped(pick, g, p)
        out["same_vs_cross"] = _grouped(["cross" if is_cross(x) else "same" for x in pick], g, p)
    return out


def format_behaviour(figures: dict[str, Any]) -> list[str]:
    """Plain-text lines of :func:`behaviour_figures`."""
    o = figures["overall"]
    lines = [f"  behaviours (side accuracy: neutral and unrelated are one, no side): "
             f"{o['side_accuracy']:.3f} of {o['n']}, opposite polarity {o['opposite']} "
             f"({o['opposite_rate']:.1%})"]
    for title, key in (("behaviour", "per_behaviour"), ("language pair", "per_language_pair"),
                       ("languages", "same_vs_cross")):
        groups = figures.get(key) or {}
        if not groups:
            continue
        width = max(14, *(len(k) for k in groups))
        lines.append(f"  {title:<{width}} {'side':>6} {'opp':>4} {'n':>5}")
        for k, f in groups.items():
            lines.append(f"  {k:<{width}} {f['side_accuracy']:6.3f} {f['opposite']:4d}"
                         f" {f['n']:5d}")
    return lines
