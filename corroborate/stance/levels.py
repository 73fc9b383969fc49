"""Whether a figure is a level reached ("fell to 11 %") or a change by so much ("fell by 11 %").

"Unemployment in Spain fell by 11 percent in the third quarter" states every word and figure of
"Unemployment in Spain fell to 11 percent", and the network read such pairs as support in every
language pair (session 25's probes: 6 of 9 shown supporting). The same value is one thing after
"to", « à », «إلى» (the level reached) and another after "by", « baissé de », « en hausse de »,
«بنسبة» after a verb of change (the change): a text that states the claim's value only as the
other kind holds support back (:func:`level_or_change`). It is no conflict: a fall *by* 11 % may
also end *at* 11 %.

    >>> level_or_change("Unemployment fell to 11 percent.", "Unemployment fell by 11 percent.")
    ('to 11', 'by 11')
    >>> level_or_change("Unemployment fell to 11 percent.",
    ...                 "Unemployment fell by 2 points to 11 percent.") is None
    True
"""

from __future__ import annotations

import re

from .figures import numbers

# a bound word between the preposition and the number: "to about 11", « à près de 11 »
_BOUND = r"(?:(?:about|around|nearly|almost|some|près\s+de|environ|quelque|حوالي|نحو)\s+)?"
_LEVEL = re.compile(rf"(?:\bto|\bà|(?<!\w)(?:إلى|الى))\s+{_BOUND}$", flags=re.IGNORECASE)
_CHANGE = re.compile(
    rf"(?:\bby|\b(?:baissée?s?|augmentée?s?|reculée?s?|progressée?s?|chutée?s?|grimpée?s?|"
    rf"diminuée?s?|bondi|hausse|baisse|recul|progression)\s+de)\s+{_BOUND}$"
    r"|(?:ارتفع|ارتفعت|انخفض|انخفضت|تراجع|تراجعت|زاد|زادت|نما|نمت|هبط|هبطت)\s+(?:\S+\s+){0,4}?"
    r"بنسبة\s+$",
    flags=re.IGNORECASE)
_BEFORE = 60  # characters before a number read for its preposition


def _kinds(text: str) -> dict[str, dict[str, str]]:
    """For each value of ``text``, its kinds ("to", "by") and the words that say each."""
    out: dict[str, dict[str, str]] = {}
    for value, found in numbers(text).items():
        for m in found:
            before = text[max(0, m.start() - _BEFORE):m.start()]
            for kind, pattern in (("to", _LEVEL), ("by", _CHANGE)):
                said = pattern.search(before)
                if said is not None:
                    out.setdefault(value, {}).setdefault(kind, said.group().strip().split()[-1]
                                                         + " " + m.group())
    return out


def level_or_change(claim: str, text: str) -> tuple[str, str] | None:
    """The claim's words and the text's where the text states a value of the claim only as the
    other kind: a level reached ("to 11") against a change by so much ("by 11"); or None."""
    theirs = _kinds(text)
    for value, mine in _kinds(claim).items():
        other = theirs.get(value, {})
        if len(mine) == 1 and other and not mine.keys() & other.keys():
            kind = next(iter(mine))
            return mine[kind], next(iter(other.values()))
    return None
