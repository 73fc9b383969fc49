"""Whether what a text states bears out the network's reading: its values, negations and names.

The stance network is small and reads word differences as contradictions and swapped names as
support. Before its probabilities are calibrated, this check weighs them against what a reader
can verify in the two texts (:func:`weigh`), in order:

1. **Support needs the claim's names.** When both texts are written in Latin script and a name
   of the claim (a capitalised word past the first) appears nowhere in the text, the text does
   not confirm the claim: support is held back (below its threshold). (Across scripts names are
   transliterated and cannot be matched this way; the network's reading stands.)
2. **One statement with nothing in conflict is support.** When the network reads one
   statement, leans to supports (at least ``support_min``) and the texts conflict nowhere, its
   contradicting mass moves to supports (a translation or a paraphrase differs in every word,
   which the network alone reads as contradiction).
3. **A contradiction needs a conflict a reader can see.** When the texts conflict nowhere
   (no value, no negation), contradiction is held back: such a passage is
   shown as related with no clear stance, never as a contradiction nobody can point at. (A
   changed actor, which no table covers, is therefore not shown as a contradiction.)

A conflict never *adds* contradiction: on the demo, promoting a reading to contradicts because
a number, place or negation differed somewhere in the sentence (another figure, the day of a
date, an unrelated denial) tripled the wrong contradictions shown, so conflicts only permit one
(research/NOTEBOOK.md, *Evidence check*).

The calibration (:mod:`.calibration`) then scales the weighed probabilities, keeps a held-back
side just under its threshold (the excess goes to ``neutral``) and applies its thresholds. Raw
readings (``--no-calibration``, the dev gate) are the network's own.

    >>> p = {"supports": 0.72, "contradicts": 0.23, "neutral": 0.05, "unrelated": 0.0}
    >>> w = weigh("The IS claimed the Kerman bombings.", "The IS claimed the Kerman attacks.", p)
    >>> w.probabilities, sorted(w.held_back)
    ({'supports': 0.95, 'contradicts': 0.0, 'neutral': 0.05, 'unrelated': 0.0}, ['contradicts'])
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from .conflict import find_conflicts
from .labels import CONTRADICTS, STANCE_LABELS, SUPPORTS
from .reldates import _EN_MONTHS

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# capitalised words that are not names (sentence openers, articles, months are matched anyway)
_NOT_NAMES = frozenset((
    "the", "a", "an", "in", "on", "at", "of", "and", "it", "its", "this", "that", "these",
    "those", "he", "she", "they", "we", "his", "her", "their", "le", "la", "les", "un", "une",
    "des", "de", "du", "au", "aux", "en", "et", "il", "elle", "ils", "elles", "ce", "cette",
    "ces", "son", "sa", "ses", "leur", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", *(m.lower() for m in _EN_MONTHS)))


@dataclass(frozen=True)
class EvidenceRule:
    """The two levels of :func:`weigh` (stored in ``calibration.json`` as ``evidence``)."""

    polar_min: float = 0.8  # the network reads one statement: supports + contradicts ≥ this
    support_min: float = 0.7  # … and leans to supports at least this much (step 2)


def _fold(text: str) -> str:
    """Lower case without accents ("État" and "etat" match)."""
    return "".join(c for c in unicodedata.normalize("NFD", text.lower())
                   if not unicodedata.combining(c))


def is_latin(text: str) -> bool:
    """Mostly written in Latin letters (en, fr), not Arabic script."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() or "À" <= c <= "ÿ" for c in letters) > 0.5 * len(
        letters)


def names(text: str) -> list[str]:
    """The claim's names: capitalised words of three letters or more, past the first word."""
    out = []
    for i, m in enumerate(_WORD.finditer(text)):
        word = re.split(r"['’]", m.group())[-1]  # "l'État" is a name, "État"
        if i == 0 or not word[:1].isupper():
            continue
        core = _fold(word)
        if len(core) >= 3 and core not in _NOT_NAMES:
            out.append(core)
    return out


def missing_names(claim: str, text: str) -> list[str]:
    """The claim's names (folded) that ``text`` does not contain; none across scripts."""
    if not (is_latin(claim) and is_latin(text)):
        return []
    folded = _fold(text)
    return [n for n in names(claim) if n not in folded]


@dataclass(frozen=True)
class Weighed:
    """A reading weighed against the texts: the probabilities with support given where step 2
    gives it, and the sides that may not be shown (steps 1 and 3)."""

    probabilities: dict[str, float]
    held_back: frozenset[str] = frozenset()


def weigh(claim: str, text: str, probabilities: Mapping[str, float],
          rule: EvidenceRule = EvidenceRule()) -> Weighed:
    """The network's probabilities for (claim, text), weighed against what the texts state
    (steps 1–3 of the module's docstring).

    Step 2 moves probability (a translation read as half contradiction becomes support); steps
    1 and 3 only hold a side back: the calibration keeps it under its threshold
    (:meth:`~.calibration.Calibration.apply`), so the probabilities stay the network's own and
    their calibration error is not made worse by what the check cannot see.
    """
    p = {k: float(probabilities.get(k, 0.0)) for k in STANCE_LABELS}
    conflicts = bool(find_conflicts(claim, text))
    polar = p[SUPPORTS] + p[CONTRADICTS]
    held: set[str] = set()
    if missing_names(claim, text):
        held.add(SUPPORTS)
    elif polar >= rule.polar_min and not conflicts and p[SUPPORTS] >= rule.support_min:
        p[SUPPORTS], p[CONTRADICTS] = polar, 0.0
    if not conflicts:
        held.add(CONTRADICTS)
    return Weighed(p, frozenset(held))
