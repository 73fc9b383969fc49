"""The verdict on a claim, from how many independent origins stand on each side.

corroborate reports coverage, not truth. The label only says what the indexed sources
carry, by the rule below, applied in order (``s``/``c``: independent origins supporting /
contradicting the claim, counted by the caller among evidence whose stance it trusts):

1. ``CONFLICTING`` when both sides have at least ``min_conflict_origins`` origins (default
   1): disagreement between independent origins is never hidden behind a majority, however
   lopsided. The explanation gives both counts so the reader sees the balance.
2. ``SUPPORTED`` when ``s >= min_origins`` (and, by rule 1, no origin contradicts).
3. ``CONTRADICTED`` when ``c >= min_origins`` (and no origin supports).
4. ``NOT ENOUGH COVERAGE`` otherwise: fewer than ``min_origins`` independent origins on
   the only side that has any, or nothing at all.

Example:
    >>> v = decide_verdict(3, 0, min_origins=2)
    >>> v.label
    'SUPPORTED'
    >>> decide_verdict(3, 1).label
    'CONFLICTING'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from .errors import ConfigError

SUPPORTED = "SUPPORTED"
CONTRADICTED = "CONTRADICTED"
CONFLICTING = "CONFLICTING"
NOT_ENOUGH_COVERAGE = "NOT ENOUGH COVERAGE"
VERDICT_LABELS: tuple[str, ...] = (SUPPORTED, CONTRADICTED, CONFLICTING, NOT_ENOUGH_COVERAGE)

DISCLAIMER = (
    "corroborate reports coverage, not truth: it counts which indexed outlets carry passages "
    "that support or contradict the claim, and how many independent origins they come from. "
    "A label is not a finding that the claim is true or false; read the passages before "
    "drawing a conclusion."
)


class SideCounts(Protocol):
    """Anything with the counts of one side (``origins.CoverageCount``, the engine's summary)."""

    @property
    def articles(self) -> int: ...

    @property
    def outlets(self) -> int: ...

    @property
    def origins(self) -> int: ...


@dataclass(frozen=True)
class SideTally:
    """The counts of one side as the verdict saw them (``None``: not given)."""

    origins: int
    articles: int | None = None
    outlets: int | None = None

    def to_dict(self) -> dict[str, int | None]:
        return {"origins": self.origins, "articles": self.articles, "outlets": self.outlets}


@dataclass(frozen=True)
class Verdict:
    """A label, the counts and thresholds behind it, a sentence saying why, the disclaimer."""

    label: str  # one of VERDICT_LABELS
    supporting: SideTally
    contradicting: SideTally
    min_origins: int
    min_conflict_origins: int
    explanation: str
    disclaimer: str = DISCLAIMER

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly view."""
        return {
            "label": self.label,
            "supporting": self.supporting.to_dict(),
            "contradicting": self.contradicting.to_dict(),
            "thresholds": {"min_origins": self.min_origins,
                           "min_conflict_origins": self.min_conflict_origins},
            "explanation": self.explanation,
            "disclaimer": self.disclaimer,
        }


def decide_verdict(
    supporting_origins: int,
    contradicting_origins: int,
    *,
    min_origins: int = 2,
    min_conflict_origins: int = 1,
    supporting: SideCounts | None = None,
    contradicting: SideCounts | None = None,
) -> Verdict:
    """Label a claim by the independent origins on each side (the rule in the module doc).

    Args:
        supporting_origins: independent origins whose articles support the claim.
        contradicting_origins: independent origins whose articles contradict it.
        min_origins: origins one side needs for SUPPORTED/CONTRADICTED
            (``Settings.verdict_min_origins``).
        min_conflict_origins: origins each side needs for CONFLICTING. Keep the default 1
            unless you accept hiding a lone dissenting origin (it is still named in the
            explanation).
        supporting: the full counts of the supporting side (articles, outlets, origins), to
            carry into the verdict and its explanation; its ``origins`` must match.
        contradicting: the same for the contradicting side.

    Returns:
        A :class:`Verdict`.

    Raises:
        ConfigError: a threshold below 1.
        ValueError: a negative count, or side counts that disagree with the origin counts.

    Example:
        >>> print(decide_verdict(1, 0).explanation)  # doctest: +NORMALIZE_WHITESPACE
        Only 1 independent origin supports the claim and none contradicts it;
        2 are needed on one side.
    """
    if min_origins < 1:
        raise ConfigError(f"verdict_min_origins must be at least 1 (got {min_origins})")
    if min_conflict_origins < 1:
        raise ConfigError(f"min_conflict_origins must be at least 1 (got {min_conflict_origins})")
    sup = _tally("supporting", supporting_origins, supporting)
    con = _tally("contradicting", contradicting_origins, contradicting)
    s, c = sup.origins, con.origins
    if s >= min_conflict_origins and c >= min_conflict_origins:
        label = CONFLICTING
        why = (f"Independent origins disagree: {_side(sup, 'supports', 'support')} the claim and "
               f"{_side(con, 'contradicts', 'contradict')} it.")
    elif s >= min_origins:
        label = SUPPORTED
        why = (f"{_cap(_side(sup, 'supports', 'support'))} the claim ({min_origins} needed)"
               f"{_and_other(c, 'contradicts', 'contradict')}.")
    elif c >= min_origins:
        label = CONTRADICTED
        why = (f"{_cap(_side(con, 'contradicts', 'contradict'))} the claim ({min_origins} needed)"
               f"{_and_other(s, 'supports', 'support')}.")
    else:
        label = NOT_ENOUGH_COVERAGE
        if s == 0 and c == 0:
            why = "No independent origin in the index supports or contradicts the claim."
        elif c == 0:
            why = (f"Only {_side(sup, 'supports', 'support')} the claim and none contradicts it; "
                   f"{min_origins} are needed on one side.")
        elif s == 0:
            why = (
                f"Only {_side(con, 'contradicts', 'contradict')} the claim and none supports it; "
                f"{min_origins} are needed on one side."
            )
        else:  # both sides below min_conflict_origins and min_origins
            why = (f"{_cap(_side(sup, 'supports', 'support'))} the claim and "
                   f"{_side(con, 'contradicts', 'contradict')} it; too few to say "
                   f"({min_origins} needed on one side, {min_conflict_origins} on each to "
                   "report a conflict).")
    return Verdict(label=label, supporting=sup, contradicting=con, min_origins=min_origins,
                   min_conflict_origins=min_conflict_origins, explanation=why)


def _tally(name: str, origins: int, counts: SideCounts | None) -> SideTally:
    """Check one side's numbers and keep them."""
    if origins < 0:
        raise ValueError(f"{name}_origins must be >= 0 (got {origins})")
    if counts is None:
        return SideTally(origins)
    if counts.origins != origins:
        raise ValueError(f"{name}.origins is {counts.origins} but {name}_origins is {origins}")
    return SideTally(origins, counts.articles, counts.outlets)


def _side(t: SideTally, verb_one: str, verb_many: str) -> str:
    """'3 independent origins (7 articles from 5 outlets) support'."""
    noun = "independent origin" if t.origins == 1 else "independent origins"
    detail = ""
    if t.articles is not None and t.outlets is not None and t.articles:
        detail = (f" ({t.articles} article{'s' * (t.articles != 1)} from "
                  f"{t.outlets} outlet{'s' * (t.outlets != 1)})")
    return f"{t.origins} {noun}{detail} {verb_one if t.origins == 1 else verb_many}"


def _and_other(n: int, verb_one: str, verb_many: str) -> str:
    if n == 0:
        return f" and none {verb_one} it"
    return f"; {n} independent origin{'s' * (n != 1)} {verb_one if n == 1 else verb_many} it"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


__all__ = [
    "CONFLICTING",
    "CONTRADICTED",
    "DISCLAIMER",
    "NOT_ENOUGH_COVERAGE",
    "SUPPORTED",
    "VERDICT_LABELS",
    "SideCounts",
    "SideTally",
    "Verdict",
    "decide_verdict",
]
