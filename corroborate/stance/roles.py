"""Who did what to whom: two actors a text names in the reverse order of the claim's.

"Hezbollah accused Israel of firing the rocket that hit Majdal Shams" names every word of
"Israel accused Hezbollah of firing the rocket …", and the network read such role swaps as
support in en, fr and ar alike (research/NOTEBOOK.md, *Revisions 25 to 27*). English, French
and Arabic news put the actor before the one acted on (subject–verb–object, or verb–subject–
object in Arabic), so two known actors (:mod:`.entities`) named in one sentence of the text in
the reverse order of the claim's are a sign the roles are swapped: support is held back. It is
no conflict: a passive ("Hezbollah was blamed by Israel", « par », «من قبل»), a relative
clause (« le Hezbollah, qu'Israël accuse … ») or a symmetric act ("Israel and Hamas agreed",
"talks between") reverse the order without reversing the roles; the first two are passed over
where their word stands between the names, the last wherever "and", "with" or "between" does.

    >>> swapped_roles("Israel accused Hezbollah of firing the rocket.",
    ...               "Hezbollah accused Israel of firing the rocket.")
    ('Hezbollah', 'Israel')
    >>> swapped_roles("Israel accused Hezbollah of firing the rocket.",
    ...               "Hezbollah was accused by Israel of firing the rocket.") is None
    True
"""

from __future__ import annotations

import itertools
import re

from .entities import named

# a word between two names that lets them stand in either order: a passive's agent ("by",
# « par », «من قبل», «على يد»), a symmetric act's "and", "with", "between" (« et », « avec »,
# « entre », «و», «مع», «بين»)
_EITHER_ORDER = re.compile(
    r"\b(?:by|par|and|et|with|avec|between|entre)\b"
    r"|(?<!\w)(?:من\s+قبل|على\s+يد|بيد|مع|بين)(?!\w)|(?<!\w)و(?:\s|$)|(?<!\w)و(?=\w)",
    flags=re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?؟\n]+")
_WORD = re.compile(r"[^\W\d_]{3,}")
_AR_PREFIX = re.compile(r"^(?:[وفبك]?ال|لل|[وفبلك])(?=\w{3})")
_SMALL = frozenset(("the", "and", "for", "with", "from", "that", "les", "des", "une", "pour",
                    "avec", "dans", "sur", "qui", "que", "في", "على", "من", "إلى", "عن", "مع"))


def _stems(words: str) -> set[str]:
    """The words' first four letters, lower case, an Arabic word without its article or
    clinging letter: "accused" and « accusé » are "accu", «اتهمت» and «اتهم» are «اتهم»."""
    return {_AR_PREFIX.sub("", w)[:4] for m in _WORD.finditer(words)
            if (w := m.group().casefold()) not in _SMALL}


def _ordered(text: str) -> list[tuple[str, tuple[int, int]]]:
    return sorted(named(text).items(), key=lambda item: item[1][0])


def _act(text: str, first: tuple[int, int], second: tuple[int, int]) -> set[str]:
    """What ``text`` says the first name did to the second: the words between them (subject,
    verb, object) or, with none, the word before the first (verb, subject, object)."""
    between = text[first[1]:second[0]]
    if _stems(between):
        return _stems(between)
    return _stems(" ".join(text[:first[0]].split()[-1:]))


def swapped_roles(claim: str, text: str) -> tuple[str, str] | None:
    """The two names, as ``text`` writes them, of two actors the claim names one after the other
    (with no passive's agent nor a symmetric act's word between them) that the first sentence
    of ``text`` naming both names the other way round, with the claim's act between them or
    just before (its words' first four letters: "accused" is « accusé »); or None. A reordering
    that keeps the roles ("Russians killed in US air strikes" for "US air strikes kill
    Russians", common in Arabic headlines) puts other words there."""
    names = _ordered(claim)
    pairs = [(a, b, act) for (a, a_span), (b, b_span) in itertools.pairwise(names)
             if not _EITHER_ORDER.search(claim, a_span[1], b_span[0])
             and (act := _act(claim, a_span, b_span))]
    if not pairs:
        return None
    sentences = [(m.start(), m.group(), named(m.group())) for m in _SENTENCE.finditer(text)]
    for a, b, act in pairs:
        for at, sentence, found in sentences:
            if a not in found or b not in found:
                continue
            (a_start, a_end), (b_start, b_end) = found[a], found[b]
            if (b_start < a_start and not _EITHER_ORDER.search(sentence, b_end, a_start)
                    and act & _act(sentence, found[b], found[a])):
                return text[at + b_start:at + b_end], text[at + a_start:at + a_end]
            break
    return None
