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


# lower-case words inside a name: "Lula da Silva", "Abdel Fattah al-Burhan", "bin Salman"
_PARTICLES = frozenset(("da", "de", "do", "dos", "das", "del", "di", "van", "von", "al", "el",
                        "bin", "ben", "ibn", "abu", "ould"))


_OPENERS = frozenset('.!?:«"“')  # what a sentence's first word follows, besides spaces


def name_groups(text: str) -> list[list[str]]:
    """The claim's names, each the run of words that makes it ("Luiz Inácio Lula da Silva"):
    capitalised words as written (an elided article off: "l'Élysée" is "Élysée") next to
    each other or joined by a particle ("da", "al-", "bin"); the first word of the text only
    as part of a longer run ("Kais Saied won", not "Peru has"), and never the first word of
    a later sentence ("… . Abandonnez Chequers")."""
    groups: list[tuple[int, list[str]]] = []  # (index of the run's first word, its names)
    last, end = -2, 0  # the last name word's index and end; particles keep the run open
    for i, m in enumerate(WORD.finditer(text)):
        word = re.split(r"['’]", m.group())[-1]
        if "-" in word and word.split("-")[0].lower() in _PARTICLES:
            word = word.split("-", 1)[1]  # "al-Burhan"
        core = word if name_core(word) is not None else None
        if text[max(0, m.start() - 4):m.start()].rstrip()[-1:] in _OPENERS:
            core = None  # a sentence's first word: capitalised whatever it is
        if core is None:
            if m.group().lower() not in _PARTICLES:
                last = -2
            continue
        if last >= 0 and not re.sub(WORD, "", text[end:m.start()]).strip(" -"):
            groups[-1][1].append(core)
        else:
            groups.append((i, [core]))
        last, end = i, m.end()
    return [run for first, run in groups if first > 0 or len(run) > 1]


def name_core(word: str) -> str | None:
    """A word's folded form when it reads as a name (capitalised, three letters or more, not a
    common capitalised word), else None; an elided article goes first: "l'État" is "État"."""
    word = re.split(r"['’]", word)[-1]
    core = fold(word)
    if not word[:1].isupper() or len(core) < 3 or core in _NOT_NAMES:
        return None
    return core
