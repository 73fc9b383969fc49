"""Edits of one text for the behaviour pairs: a number, year, month, country or named actor
changed, a negation inserted or removed, a sentence set in an attribution or a denial, the last
clause dropped (used by :mod:`research.behaviours`)."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence

from corroborate.stance.conflict import COUNTRIES as COUNTRIES_ALL
from corroborate.stance.conflict import COUNTRY_COUNT, LANGS, MONTHS, find_name

MIN_WORDS = 6  # a sentence (or what is left of it) shorter than this is not used

_TO_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_FROM_ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
# the number pattern of the first behaviour-trained run (beh1): numbers of more than three digits
# count only when written with a separator ("2,500"), so years were changed through months only;
# kept so that the recorded command draws the same pairs
_NUMBER_AS_TRAINED = re.compile(
    r"(?<![\w.,])[0-9٠-٩]{1,3}(?:[,  .][0-9٠-٩]{3})*(?:[.,][0-9٠-٩]+)?(?![\w])")


def numbers(text: str) -> dict[str, list[re.Match[str]]]:
    """The numbers of ``text`` by value (their digits), as the behaviour pairs find them: not
    :func:`corroborate.stance.conflict.numbers`, which reads scale words since revision 10."""
    found: dict[str, list[re.Match[str]]] = {}
    for m in _NUMBER_AS_TRAINED.finditer(text):
        value = re.sub(r"\D", "", m.group().translate(_FROM_ARABIC_INDIC))
        if value:
            found.setdefault(value, []).append(m)
    return found


def _other_number(value: str, rng: random.Random) -> str:
    n = int(value)
    if 1900 <= n <= 2100:  # a year
        return str(n + rng.choice((-3, -2, -1, 1, 2, 3)))
    if n <= 12:
        return str(rng.choice([k for k in range(2, 21) if k != n]))
    factor = rng.choice((0.25, 0.5, 2, 3, 10))
    new = max(1, round(n * factor))
    return str(new if new != n else n + 7)


def change_number(claim: str, passage: str, rng: random.Random) -> tuple[str, str] | None:
    """``claim`` with one number that ``passage`` also states changed, and its kind.

    Returns ``(edited claim, "date" | "number")`` or ``None`` when no number is shared.
    """
    shared = sorted(set(numbers(claim)) & set(numbers(passage)))
    shared = [v for v in shared if v and len(v) < 10]
    if not shared:
        return None
    value = rng.choice(shared)
    new = _other_number(value, rng)
    kind = "date" if 1900 <= int(value) <= 2100 else "number"
    m = numbers(claim)[value][0]
    if any("٠" <= ch <= "٩" for ch in m.group()):
        new = new.translate(_TO_ARABIC_INDIC)
    return claim[:m.start()] + new + claim[m.end():], kind


# the place table of the training runs so far: conflict.py's countries without the eight it
# added later (from Iran on), then its capitals; swaps stay within countries or within capitals
COUNTRIES = COUNTRIES_ALL[:38] + COUNTRIES_ALL[COUNTRY_COUNT:]
_COUNTRY_COUNT = 38


def _swap_from_table(claim: str, claim_lang: str, passage: str, passage_lang: str,
                     table: Sequence[Sequence[str]], kinds: Sequence[range],
                     rng: random.Random) -> str | None:
    li, lj = LANGS.index(claim_lang), LANGS.index(passage_lang)
    hits = [k for k, names in enumerate(table)
            if find_name(claim, names[li], claim_lang)
            and find_name(passage, names[lj], passage_lang)]
    if not hits:
        return None
    k = rng.choice(hits)
    pool = next(r for r in kinds if k in r)
    others = [j for j in pool if j != k and not find_name(passage, table[j][lj], passage_lang)
              and not find_name(claim, table[j][li], claim_lang)]
    if not others:
        return None
    m = find_name(claim, table[k][li], claim_lang)
    assert m is not None
    return claim[:m.start()] + table[rng.choice(others)][li] + claim[m.end():]


def change_place(claim: str, claim_lang: str, passage: str, passage_lang: str,
                 rng: random.Random) -> str | None:
    """``claim`` with a country (or a capital) both sides name replaced by another one."""
    return _swap_from_table(claim, claim_lang, passage, passage_lang, COUNTRIES,
                            (range(_COUNTRY_COUNT), range(_COUNTRY_COUNT, len(COUNTRIES))), rng)


# a name: capitalised words (with their particles) that do not open the sentence, or two or
# more that do; the words below are capitalised without being names
_PARTICLES = "de|du|des|la|le|al|el|bin|van|von|da|di"
_NAME = re.compile(rf"(?<![\w.'’-])(?:[A-ZÀ-Þ][\w’'-]+)(?:\s+(?:(?:{_PARTICLES})\s+)?"
                   r"[A-ZÀ-Þ][\w’'-]+)*")
_NOT_NAMES = frozenset(re.findall(r"\w+", """the a an this that these those it its in on at
    after before during for from with by of to as and but or if when while he she they we i you
    his her their our mr mrs ms dr president minister prime premier king queen le la les un une
    des ce cette il elle ils elles nous on en au aux dans sur pour par avec selon mais et ou si
    quand lors monsieur madame m mme monday tuesday wednesday thursday friday saturday sunday
    lundi mardi mercredi jeudi vendredi samedi dimanche"""))
_MONTH_WORDS = frozenset(m.lower() for lang in ("en", "fr") for m in MONTHS[lang])


def names_in(text: str) -> list[re.Match[str]]:
    """A Latin-script sentence's named actors (not countries, capitals, months or days)."""
    found = []
    for m in _NAME.finditer(text):
        words = m.group().split()
        if not text[:m.start()].strip() and len(words) < 2:
            continue  # the sentence's first word
        if all(w.lower().strip("'’") in _NOT_NAMES or w.lower() in _MONTH_WORDS for w in words):
            continue
        if any(find_name(m.group(), names[k], lang) and len(names[k]) >= len(m.group()) - 1
               for names in COUNTRIES_ALL for k, lang in enumerate(LANGS) if lang != "ar"):
            continue
        found.append(m)
    return found


def change_actor(text: str, pool: Sequence[str], rng: random.Random) -> str | None:
    """``text`` (Latin script) with two of its names swapped or one replaced by a name from
    ``pool`` (names of other documents)."""
    found = names_in(text)
    distinct = {m.group(): m for m in found}
    if not distinct:
        return None
    if len(distinct) >= 2 and rng.random() < 0.5:
        first, second = sorted(rng.sample(list(distinct.values()), 2), key=lambda m: m.start())
        return (text[:first.start()] + second.group() + text[first.end():second.start()]
                + first.group() + text[second.end():])
    m = rng.choice(list(distinct.values()))
    others = [n for n in pool if n.lower() not in text.lower()]
    if not others:
        return None
    new = rng.choice(others)
    return text.replace(m.group(), new)


# what may stand between two names that a swap would leave true ("A and B met")
_JOINED = re.compile(r"^\s*(?:,|and|et|&|or|ou|,\s*and|,\s*et|with|avec|-|–)\s*$", re.IGNORECASE)


# a capitalised word right after these opens a sentence or a quote: no name for a role swap
_OPENERS = frozenset('"“«(.:;!?—')


def _apart(a: str, b: str) -> bool:
    """Whether two names share no word ("Barack Obama" and "Obama" are one person)."""
    return not set(a.lower().split()) & set(b.lower().split())


def _role_names(text: str) -> list[re.Match[str]]:
    """:func:`names_in` less one-word names that open a sentence or a quote, or hold an
    apostrophe ("I'm")."""
    return [m for m in {m.group(): m for m in names_in(text)}.values()
            if " " in m.group() or (text[:m.start()].rstrip()[-1:] not in _OPENERS
                                    and not re.search(r"['’]", m.group()))]


def change_role(text: str, near: Sequence[str], rng: random.Random) -> str | None:
    """``text`` (Latin script) with the act given to another name its story names: two of its
    names swapped ("A beat B" → "B beat A"), or one replaced by a name from ``near`` (the
    sentences around it, which a passage then carries). ``None`` when nothing fits."""
    found = _role_names(text)
    if not found:
        return None
    swaps = [(x, y) for i, x in enumerate(found) for y in found[i + 1:]
             if _apart(x.group(), y.group()) and x.end() <= y.start()
             and len(x.group().split()) == len(y.group().split())
             and not _JOINED.match(text[x.end():y.start()])]
    if swaps and (rng.random() < 0.5 or not near):
        first, second = rng.choice(swaps)
        return (text[:first.start()] + second.group() + text[first.end():second.start()]
                + first.group() + text[second.end():])
    old = rng.choice(found)
    size = len(old.group().split())  # a name for one of its length: "Mac Miller", "Ariana Grande"
    pool = sorted({m.group() for sentence in near for m in _role_names(sentence)
                   if len(m.group().split()) == size
                   and all(_apart(m.group(), f.group()) for f in found)})
    if not pool:
        return None
    new = rng.choice(pool)
    return text[:old.start()] + new + text[old.end():]


def change_month(claim: str, claim_lang: str, passage: str, passage_lang: str,
                 rng: random.Random) -> str | None:
    """``claim`` with a month both sides name replaced by another one."""
    table = list(zip(*(MONTHS[lang] for lang in LANGS), strict=True))
    if claim_lang == "en":  # "May" is also a verb: leave it alone
        table = [row if row[0] != "May" else ("\0", "\0", "\0") for row in table]
    return _swap_from_table(claim, claim_lang, passage, passage_lang, table, (range(12),), rng)


_EN_AUX = re.compile(r"\b(is|are|was|were|has|have|had|will|would|can|could|should|must|did|does)"
                     r"(\s+not\b|n't\b)?", flags=re.IGNORECASE)
_FR_NEG = re.compile(r"\b(?:ne\s+|n')(\w+)\s+(?:pas|plus|jamais)\b", flags=re.IGNORECASE)
_FR_VERB = re.compile(r"\b(est|sont|était|étaient|a|ont|avait|avaient|sera|seront|va|vont|"
                      r"peut|peuvent|doit|doivent)\b")


def negate(text: str, lang: str) -> str | None:
    """``text`` with its first auxiliary negated, or its negation removed (en, fr only)."""
    if lang == "en":
        m = _EN_AUX.search(text)
        if m is None or m.start() == 0:
            return None
        if m.group(2):  # remove the negation
            return text[:m.start()] + m.group(1) + text[m.end():]
        return text[:m.end()] + " not" + text[m.end():]
    if lang == "fr":
        m = _FR_NEG.search(text)
        if m is not None:
            return text[:m.start()] + m.group(1) + text[m.end():]
        m = _FR_VERB.search(text)
        if m is None or m.start() == 0:
            return None
        verb = m.group(1)
        neg = ("n'" if verb[0] in "aeéiou" else "ne ") + verb + " pas"
        return text[:m.start()] + neg + text[m.end():]
    return None


# "<someone> said that …" (supports) and "<someone> denied that …" (contradicts), per language
SAID = {"en": ("Officials said that {s}", "According to the authorities, {s}",
               "The ministry confirmed that {s}"),
        "fr": ("Les autorités ont indiqué que {s}", "Selon les autorités, {s}",
               "Le ministère a confirmé que {s}"),
        "ar": ("وقال مسؤولون إن {s}", "ووفقا للسلطات، {s}", "وأكدت الوزارة أن {s}")}
DENIED = {"en": ("Officials denied that {s}", "The authorities rejected reports that {s}",
                 "It is false that {s}, the ministry said"),
          "fr": ("Les autorités ont démenti que {s}", "Le ministère a nié que {s}",
                 "Il est faux que {s}, a affirmé le ministère"),
          "ar": ("ونفى مسؤولون أن {s}", "ونفت السلطات التقارير التي أفادت بأن {s}",
                 "وقالت الوزارة إنه من غير الصحيح أن {s}")}


# a denial of something else, then the sentence confirmed: support, whatever "denied" says
DENIED_OTHER = {
    "en": ("Officials rejected reports that {o}, but confirmed that {s}",
           "The ministry denied that {o}; it said that {s}",
           "Officials rejected that description, noting that {s}",
           "The authorities dismissed the report as false, adding that {s}"),
    "fr": ("Les autorités ont démenti que {o}, mais ont confirmé que {s}",
           "Le ministère a nié que {o} ; il a précisé que {s}",
           "Les autorités ont rejeté cette description, en rappelant que {s}",
           "Le ministère a qualifié l'information de fausse, ajoutant que {s}"),
    "ar": ("ونفت السلطات أن {o}، لكنها أكدت أن {s}",
           "ونفت الوزارة أن {o}، وقالت إن {s}",
           "ورفض مسؤولون هذا الوصف، مشيرين إلى أن {s}",
           "ونفت الوزارة صحة التقرير، مضيفة أن {s}")}


def _as_clause(text: str, lang: str) -> str:
    """``text`` ready to follow "that": its final stop dropped, a common first word lowered."""
    s = text.rstrip(" .")
    if lang in ("en", "fr") and len(s) > 1 and s[0].isupper() and not s[1].isupper():
        first = s.split(" ", 1)[0]
        if first.lower() in _COMMON_STARTS:
            s = s[0].lower() + s[1:]
    return s


def embed_clause(text: str, lang: str, templates: Mapping[str, Sequence[str]],
                 rng: random.Random, other: str | None = None) -> str:
    """``text`` as the clause of a reporting template ("Officials said that …"); with
    ``other``, templates with an ``{o}`` slot take it as the other clause."""
    choices = [t for t in templates[lang] if other is not None or "{o}" not in t]
    o = _as_clause(other, lang) if other is not None else ""
    return rng.choice(choices).format(s=_as_clause(text, lang), o=o) + "."


_STARTS = ("the a an this these those it its in on at after before some many most more several "
           "le la les un une des ce cette ces il elle ils elles dans en après avant plusieurs "
           "certains selon")
_COMMON_STARTS = frozenset(_STARTS.split())  # first words lowered when a sentence becomes a clause


def drop_last_clause(text: str) -> str | None:
    """``text`` without its last clause (after the last comma), when enough is left."""
    head, sep, tail = text.rstrip(" .").rpartition(", ")
    if not sep or len(head.split()) < MIN_WORDS or len(tail.split()) < 3:
        return None
    if re.search(r"\b(not|no|never|ne|pas|jamais|sans|without|but|mais)\b|لا|لم|لن|ليس", tail):
        return None
    return head + "."
