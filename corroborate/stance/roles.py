"""Who did what to whom, and when: two actors, a route or a time in the reverse of the claim's.

"Hezbollah accused Israel of firing the rocket that hit Majdal Shams" names every word of
"Israel accused Hezbollah of firing the rocket …", and the network read such role swaps as
support in en, fr and ar alike (research/NOTEBOOK.md, evidence check revision 27). English,
French and Arabic news put the actor before the one acted on (subject–verb–object, or verb–
subject–object in Arabic), so two known actors (:mod:`.entities`) named in one sentence of the
text in the reverse order of the claim's, with the claim's act between them or just before, are
a sign the roles are swapped: support is held back. It is no conflict, for the order also
turns without the roles: a passive ("Hezbollah was blamed by Israel", « par », «من قبل») or a
symmetric act ("Israel and Hamas agreed", "talks between", two names joined by a hyphen) is
passed over where its word stands between the names, and a relative clause (« le Hezbollah,
qu'Israël accuse … ») or a reordered headline puts no word of the claim's act there. A route
is read in any language by the words before each name (:func:`swapped_route`: "from Israel
into Lebanon" against «من لبنان باتجاه إسرائيل»), where no word of the act is shared; so is a
time before or after an event (:func:`swapped_time`: "passed before the election" against
«بعد الانتخابات», the event's word read across languages by a small table of kinds).

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
_JOINED = re.compile(r"[-/–‑]")
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
    verb, object) or, with none, the word before the first (verb, subject, object); nothing
    for two names joined by a hyphen or a slash ("Égypte-Israël", « israélo-égyptien »), which
    name both sides of one thing."""
    between = text[first[1]:second[0]]
    if _stems(between):
        return _stems(between)
    if _JOINED.search(between):
        return set()
    return _stems(" ".join(text[:first[0]].split()[-1:]))


# where a name stands in a route: after "from", « depuis », « du », «من» it is the origin;
# after "to", "into", "at", « vers », « sur », «إلى», «باتجاه», «على» the destination
_ORIGIN = re.compile(r"(?:\b(?:from|depuis|du|de\s+la|de\s+l['’]|d['’]|de)\s*(?:the\s+)?"
                     r"|(?<!\w)من\s+)$", flags=re.IGNORECASE)
_DESTINATION = re.compile(
    r"(?:\b(?:to|into|towards?|at|on|against|vers|sur|contre|au|à)\s+(?:the\s+|la\s+|le\s+|"
    r"l['’])?|(?<!\w)(?:إلى|الى|باتجاه|نحو|على|ضد)\s+)$", flags=re.IGNORECASE)
_ROUTE_SPAN = 60  # characters from the origin's name to the destination's, at most


def _route(text: str) -> tuple[str, str, tuple[int, int], tuple[int, int]] | None:
    """The first origin and destination ``text`` names close together, in that order: the
    entities' keys and spans ("from Lebanon into Israel", «من لبنان باتجاه إسرائيل»)."""
    names = _ordered(text)
    for (a, a_span), (b, b_span) in itertools.pairwise(names):
        if (b_span[0] - a_span[1] <= _ROUTE_SPAN
                and _ORIGIN.search(text[max(0, a_span[0] - 12):a_span[0]])
                and _DESTINATION.search(text[max(0, b_span[0] - 12):b_span[0]])):
            return a, b, a_span, b_span
    return None


def swapped_route(claim: str, text: str) -> tuple[str, str] | None:
    """The origin and destination, as ``text`` writes them, where ``text`` reverses the claim's
    route ("Rockets were fired from Israel into Lebanon" against "… from Lebanon into
    Israel", in any of the three languages); or None.

    >>> swapped_route("Rockets were fired from Lebanon into Israel on Sunday.",
    ...               "أطلقت صواريخ من إسرائيل باتجاه لبنان يوم الأحد.")
    ('إسرائيل', 'لبنان')
    """
    mine, theirs = _route(claim), _route(text)
    if mine is None or theirs is None or (mine[0], mine[1]) != (theirs[1], theirs[0]):
        return None
    (a, b), (c, d) = theirs[2], theirs[3]
    return text[a:b], text[c:d]


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


# before and after an event: "before the election", « avant le scrutin », «قبل الانتخابات»
_WHEN = re.compile(
    r"\b(?P<before>before|ahead\s+of|prior\s+to|avant)|\b(?P<after>after|following|après)"
    # not «من قبل» (by: a passive's agent)
    r"|(?<!\w)(?:(?P<ar_before>(?<!من\s)قبل|قُبيل|قبيل)|(?P<ar_after>بعد|عقب))(?!\w)",
    flags=re.IGNORECASE)
_ARTICLE = re.compile(r"\s*(?:(?:the|a|an|its|le|la|les|son|sa|ses|leur|leurs)\s+|[ld]['’]\s*)?",
                      flags=re.IGNORECASE)
# an event named in one language or another, by its words' first letters
_EVENTS = (("elect", "vote", "poll", "scrut", "élect", "انتخاب", "الانتخاب", "اقتراع", "تصويت"),
           ("war", "guerre", "حرب"), ("summit", "sommet", "قمة"),
           ("attack", "attaq", "هجوم"), ("talks", "negot", "pourp", "négoc", "محادث", "مفاوض"),
           ("ceasef", "truce", "cesse", "trêve", "هدن", "وقف"), ("match", "game", "مباراة"),
           ("olymp", "jeux", "الألع", "أولمب"), ("pandem", "covid", "جائح", "كورون"))


def _event(word: str) -> str:
    """An event's word as a key comparable across languages: its kind in :data:`_EVENTS`, or
    its first five letters (a year, a name)."""
    word = _AR_PREFIX.sub("", word.casefold())
    return next((kinds[0] for kinds in _EVENTS if any(word.startswith(k) for k in kinds)),
                word[:5])


def _times(text: str) -> dict[str, tuple[str, str]]:
    """For each event ``text`` places something before or after: "before" or "after", and
    the words that say so ("after the election")."""
    out: dict[str, tuple[str, str]] = {}
    for m in _WHEN.finditer(text):
        article = _ARTICLE.match(text, m.end())
        nxt = re.match(r"[^\W_]+", text[article.end() if article else m.end():])
        if nxt is None:
            continue
        when = "before" if m.group("before") or m.group("ar_before") else "after"
        words = text[m.start():(article.end() if article else m.end()) + nxt.end()]
        out.setdefault(_event(nxt.group()), (when, words))
    return out


def swapped_time(claim: str, text: str) -> tuple[str, str] | None:
    """The claim's words and the text's where the text places the claim's act after an event
    the claim places it before, or the other way round ("passed before the election" against
    "passed after the election", « après les élections », «بعد الانتخابات»), and nowhere the
    claim's way; or None. It holds support back and is no conflict (two acts of one kind may
    stand on either side of the event).

    >>> swapped_time("The law was passed before the election in Georgia.",
    ...              "أُقر قانون العملاء الأجانب بعد الانتخابات في جورجيا.")
    ('before the election', 'بعد الانتخابات')
    """
    theirs = _times(text)
    for event, (when, words) in _times(claim).items():
        other = [w for key, (w_when, w) in theirs.items() if key == event and w_when != when]
        if other and not any(key == event and w_when == when
                             for key, (w_when, _) in theirs.items()):
            return words, other[0]
    return None
