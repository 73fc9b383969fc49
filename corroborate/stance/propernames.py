"""Which words of a Latin-script text read as names: capitalised, past the first word.

The evidence check (:mod:`.evidence`) asks a passage for the claim's names; the entity table
(:mod:`.entities`) covers the well-known ones in any script, and these are the others, looked
for word for word where both texts are written in Latin letters (en, fr).

    >>> names("The Islamic State claimed the Kerman bombings on Thursday.")
    ['islamic', 'state', 'kerman']
"""

from __future__ import annotations

import re

from .entities import fold
from .reldates import _EN_MONTHS

WORD = re.compile(r"[^\W\d_][\w'’-]*")
# capitalised words that are not names (sentence openers, articles, months are matched anyway)
_NOT_NAMES = frozenset((
    "the", "a", "an", "in", "on", "at", "of", "and", "it", "its", "this", "that", "these",
    "those", "he", "she", "they", "we", "his", "her", "their", "le", "la", "les", "un", "une",
    "des", "de", "du", "au", "aux", "en", "et", "il", "elle", "ils", "elles", "ce", "cette",
    "ces", "son", "sa", "ses", "leur", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", *(m.lower() for m in _EN_MONTHS),
    # titles, capitalised before a name in French and English headlines
    "premier", "prime", "minister", "ministre", "president", "general", "king",
    "roi", "queen", "reine", "prince", "sheikh", "cheikh", "mr", "mrs", "ms", "dr", "m", "mme"))


def is_latin(text: str) -> bool:
    """Mostly written in Latin letters (en, fr), not Arabic script."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() or "À" <= c <= "ÿ" for c in letters) > 0.5 * len(
        letters)


def names(text: str) -> list[str]:
    """The claim's names: capitalised words of three letters or more, past the first word."""
    return [core for i, m in enumerate(WORD.finditer(text))
            if i > 0 and (core := name_core(m.group())) is not None]


def name_core(word: str) -> str | None:
    """A word's folded form when it reads as a name (capitalised, three letters or more, not a
    common capitalised word), else None; an elided article goes first: "l'État" is "État"."""
    word = re.split(r"['’]", word)[-1]
    core = fold(word)
    if not word[:1].isupper() or len(core) < 3 or core in _NOT_NAMES:
        return None
    return core
