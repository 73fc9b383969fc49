"""Counts written in words with the word that scales them: "fifty thousand", « cinq mille ».

:func:`~.figures.numbers` reads digits ("50,000", «50 ألف»), and :func:`~.figures.spelled`
the words of 1 to 99; a count in words with its scale was read as its first word alone:
"five thousand" was 5, so "The earthquake killed five thousand people" stated nothing
against the claim's "50,000", and the network read it as support. Here such a count has its
value: ones or tens, "hundred" / « cent », a scale (thousand, million, billion, « mille »,
« millions », « milliards », «ألف», «آلاف», «مليون», «ملايين», «مليار»), "and a half" / « et
demi » / «ونصف»; and the Arabic dual, which is a count in one word («ألفي», «ملياري»: two
thousand, two billion).

    >>> sorted(scaled("Cinquante mille morts; «خمسة آلاف»; one and a half million; «ملياري»"))
    ['1500000', '2000000000', '5000', '50000']
"""

from __future__ import annotations

import functools
import re

from .figures import _spelled_words, kind_at, numbers, spelled

_SCALE = {"thousand": 3, "thousands": 3, "mille": 3, "million": 6, "millions": 6,
          "billion": 9, "billions": 9, "milliard": 9, "milliards": 9, "ألف": 3, "آلاف": 3,
          "ألفاً": 3, "ألفا": 3, "مليون": 6, "ملايين": 6, "مليونا": 6, "مليار": 9,
          "مليارات": 9, "مليارا": 9}
_DUAL = {"ألفي": 3, "ألفان": 3, "مليوني": 6, "مليونان": 6, "ملياري": 9, "ملياران": 9}
_HALF = r"\s+(?:and\s+a\s+half|et\s+demie?|ونصف(?:\s+(?:مليون|مليار|ألف))?)"
# the Arabic hundreds in one word: «مئة», «مئتا», «ثلاثمئة» (or «مائة», «ثلاثمائة»)
_AR_HUNDREDS = {f"{one}{hundred}": k * 100
                for k, one in enumerate(("", "", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثمان",
                                         "تسع"), 1) if k != 2
                for hundred in ("مئة", "مائة")} | {"مئتا": 200, "مئتي": 200, "مائتا": 200,
                                                   "مائتي": 200}


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted([*_spelled_words(), *_AR_HUNDREDS], key=len,
                                                   reverse=True))
    scales = "|".join(sorted(_SCALE, key=len, reverse=True))
    duals = "|".join(_DUAL)
    return re.compile(
        rf"(?<![\w\d])(?:[وبل]?(?P<n>{words}|a|an)(?P<half1>\s+and\s+a\s+half)?"
        rf"\s+(?:(?P<hundred>hundred|cents?)\s+)?)?"
        rf"(?P<scale>{scales})(?P<half>{_HALF})?(?!\w)"
        rf"|(?<!\w)[وبل]?(?P<dual>{duals})(?!\w)", flags=re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def scaled(text: str) -> dict[str, re.Match[str]]:
    """The counts ``text`` writes in words with a scale, by value (as :func:`~.figures.numbers`
    keys them), each with its first match. A bare scale counts only with its half («مليون
    ونصف»: one and a half million); "thousands of" is no count."""
    words = _spelled_words()
    found: dict[str, re.Match[str]] = {}
    for m in _pattern().finditer(text):
        if m.group("dual"):
            value = 2 * 10 ** _DUAL[m.group("dual")]
        else:
            n = m.group("n")
            half = m.group("half") or m.group("half1")
            if n is None and half is None:
                continue
            ones = (1 if n is None or n.lower() in ("a", "an")
                    else _AR_HUNDREDS.get(n, words.get(n.casefold())))
            if ones is None:
                continue
            unit = 10 ** _SCALE[m.group("scale").lower()]
            value = ones * (100 if m.group("hundred") else 1) * unit
            value += unit // 2 if half else 0
        found.setdefault(str(value), m)
    return found


def said_in_words(text: str) -> frozenset[str]:
    """The values ``text`` writes in words: counts with a scale (:func:`scaled`) and, outside
    them, the spelled numbers of 1 to 99 (:func:`~.figures.spelled`: "five" of "five
    thousand" is no 5)."""
    found = scaled(text)
    rest = text
    for m in found.values():
        rest = rest[:m.start()] + " " * (m.end() - m.start()) + rest[m.end():]
    return frozenset(found) | spelled(rest)


def _counts(text: str) -> dict[str, str]:
    """The counts ``text`` writes in digits (no year, no day of a date, no duration or other
    measure), by value, each as written."""
    out: dict[str, str] = {}
    for value, found in numbers(text).items():
        m = found[0]
        year = len(value) == 4 and m.group().isdigit() and 1900 <= int(value) <= 2100
        if not year and kind_at(text, m.start()) is None:
            out.setdefault(value, m.group())
    return out


def other_count(claim: str, text: str) -> tuple[str, str] | None:
    """The claim's count and another the text states where one of them is written in words
    with a scale ("50,000 people" against "five thousand people", «خمسة آلاف»): the text does
    not bear the claim out. None when a count of one is the other's, or none is in words."""
    mine_words, theirs_words = scaled(claim), scaled(text)
    if not (mine_words or theirs_words):  # most pairs: no count in words, nothing to read
        return None
    mine, theirs = _counts(claim), _counts(text)
    said_mine = set(mine) | said_in_words(claim)
    said_theirs = set(theirs) | said_in_words(text)
    if said_mine & said_theirs:
        return None
    claim_side = {**mine, **{v: m.group() for v, m in mine_words.items()}}
    text_side = {**theirs, **{v: m.group() for v, m in theirs_words.items()}}
    if not claim_side or not text_side:
        return None
    return next(iter(claim_side.values())), next(iter(text_side.values()))
