"""Where a claim and a sentence conflict: a number, a year, a month, a place or a negation.

The stance model says *whether* a passage contradicts a claim; this says *where*, so that a
reader can check it: the spans of the conflicting values in the claim and in the sentence
(the page highlights both). It compares values, not words, so it works across languages (en,
fr, ar): digits are digits in every script, months and countries are matched through their
names in the three languages. It finds nothing for a conflict it has no table for (a changed
actor, say); the model's reading then stands alone, with its sentence. A negation is a word
that denies, as :mod:`.denials` reads it.

    >>> [c.kind for c in find_conflicts("The dam burst on 3 May 2021, killing 40 people.",
    ...                                 "Le barrage a cédé en 2021, faisant 14 morts.")]
    ['number']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .bounds import bound_before, bound_range, consistent, covers
from .demonyms import countries_by_adjective
from .denials import denial
from .figures import _DIGITS, agreeing, count, differing, is_day, kind_at, numbers
from .opposites import opposite_spans
from .reldates import _AR_MONTHS, _EN_MONTHS, _FR_MONTHS
from .wordcounts import said_in_words

Span = tuple[int, int]

MONTHS = {"en": _EN_MONTHS, "fr": _FR_MONTHS, "ar": _AR_MONTHS}
LANGS = ("en", "fr", "ar")
# countries, then capitals, in en / fr / ar (Arabic without the article where it varies)
COUNTRIES: tuple[tuple[str, str, str], ...] = (
    ("France", "France", "فرنسا"), ("Germany", "Allemagne", "ألمانيا"),
    ("Italy", "Italie", "إيطاليا"), ("Spain", "Espagne", "إسبانيا"),
    ("Britain", "Grande-Bretagne", "بريطانيا"), ("Russia", "Russie", "روسيا"),
    ("China", "Chine", "الصين"), ("Japan", "Japon", "اليابان"), ("India", "Inde", "الهند"),
    ("Brazil", "Brésil", "البرازيل"), ("Canada", "Canada", "كندا"),
    ("Mexico", "Mexique", "المكسيك"), ("Egypt", "Égypte", "مصر"), ("Turkey", "Turquie", "تركيا"),
    ("Greece", "Grèce", "اليونان"), ("Poland", "Pologne", "بولندا"),
    ("Ukraine", "Ukraine", "أوكرانيا"), ("Australia", "Australie", "أستراليا"),
    ("Nigeria", "Nigeria", "نيجيريا"), ("Morocco", "Maroc", "المغرب"),
    ("Algeria", "Algérie", "الجزائر"), ("Tunisia", "Tunisie", "تونس"),
    ("Lebanon", "Liban", "لبنان"), ("Jordan", "Jordanie", "الأردن"),
    ("Pakistan", "Pakistan", "باكستان"), ("Indonesia", "Indonésie", "إندونيسيا"),
    ("Sweden", "Suède", "السويد"), ("Norway", "Norvège", "النرويج"),
    ("Belgium", "Belgique", "بلجيكا"), ("Switzerland", "Suisse", "سويسرا"),
    ("Portugal", "Portugal", "البرتغال"), ("Argentina", "Argentine", "الأرجنتين"),
    ("Kenya", "Kenya", "كينيا"), ("Ethiopia", "Éthiopie", "إثيوبيا"),
    ("South Africa", "Afrique du Sud", "جنوب أفريقيا"), ("Austria", "Autriche", "النمسا"),
    ("Netherlands", "Pays-Bas", "هولندا"), ("Ireland", "Irlande", "أيرلندا"),
    ("Iran", "Iran", "إيران"), ("Iraq", "Irak", "العراق"), ("Syria", "Syrie", "سوريا"),
    ("Israel", "Israël", "إسرائيل"), ("Saudi Arabia", "Arabie saoudite", "السعودية"),
    ("Libya", "Libye", "ليبيا"), ("Sudan", "Soudan", "السودان"), ("Yemen", "Yémen", "اليمن"),
    ("London", "Londres", "لندن"), ("Paris", "Paris", "باريس"), ("Berlin", "Berlin", "برلين"),
    ("Moscow", "Moscou", "موسكو"), ("Washington", "Washington", "واشنطن"),
    ("Beijing", "Pékin", "بكين"), ("Madrid", "Madrid", "مدريد"), ("Rome", "Rome", "روما"),
    ("Cairo", "Le Caire", "القاهرة"), ("Tokyo", "Tokyo", "طوكيو"),
)
COUNTRY_COUNT = 46  # the rows before are countries, the rest capitals

# a number marked as a change ("1,500 more troops"), not a level ("2,500 troops"): within the
# two words after it
_INCREMENT = re.compile(
    r"\W*(?:\w+\W+)?(?:more|additional|extra|further|new|supplémentaires?|de plus|"
    r"إضافيي?ن?|إضافية|إضافي|آخرين|أخرى)(?!\w)", flags=re.IGNORECASE)


@dataclass(frozen=True)
class Conflict:
    """A conflicting value: its kind and its span in the claim and in the sentence."""

    kind: str  # "number", "date", "place", "negation", "direction", "correction",
    # "called off"
    claim: Span | None
    passage: Span | None

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "claim": list(self.claim) if self.claim else None,
                "passage": list(self.passage) if self.passage else None}


def _unstated(claim: str, sentence: str, year: bool
              ) -> tuple[list[re.Match[str]], list[re.Match[str]],
                         list[tuple[re.Match[str], re.Match[str]]]]:
    """The numbers (years, or not) of the claim and of the sentence that the other does not
    state, and the pairs of them that a bound or a round figure makes one count, where the
    sentence says less than the claim ("more than 300" against the claim's "340"; where the
    claim's range holds the sentence's, "at least 40" against "52", the sentence states it:
    :mod:`.bounds`). Numbers of either kind of pair are left out of the first two lists."""
    cn, sn = numbers(claim), numbers(sentence)
    same = agreeing(claim, sentence) if not year else []
    # a number the other side spells out is stated: "42" by "Forty-two people"
    sn_words, cn_words = said_in_words(sentence), said_in_words(claim)
    only_c = [(v, cn[v][0]) for v in cn if v not in sn and v not in sn_words
              and _is_year(claim, v, cn) == year
              and not any(a <= cn[v][0].start() < b for (a, b), _ in same)]
    only_s = [(v, sn[v][0]) for v in sn if v not in cn and v not in cn_words
              and _is_year(sentence, v, sn) == year
              and not any(a <= sn[v][0].start() < b for _, (a, b) in same)]
    bounded = [(c, m, (claim, c.start(), count(vc, c), sentence, m.start(), count(vs, m)))
               for vc, c in only_c for vs, m in only_s
               if not year and is_day(claim, c) == is_day(sentence, m)]
    bounded = [(c, m, args) for c, m, args in bounded if consistent(*args)]
    matched = {id(x) for c, m, _ in bounded for x in (c, m)}
    return ([c for _, c in only_c if id(c) not in matched],
            [m for _, m in only_s if id(m) not in matched],
            [(c, m) for c, m, args in bounded if not covers(*args)])


def _increment(text: str, number: re.Match[str]) -> bool:
    """Whether ``number`` counts a change ("1,500 more troops", « 1 500 soldats
    supplémentaires », "1500 جندي إضافي") rather than a level: the two differ without conflict."""
    return _INCREMENT.match(text, number.end()) is not None


def _is_year(text: str, value: str, found: dict[str, list[re.Match[str]]]) -> bool | None:
    """A year: four digits written without a separator ("2024", not "2,024"), 1900–2100. None
    where a bound or round word stands before them («قرابة 2000 شخص», "nearly 2000 people"):
    a count or a year, so neither a year's conflict nor a number's reads it."""
    m = found[value][0]
    if not (len(value) == 4 and 1900 <= int(value) <= 2100 and m.group().isdigit()):
        return False
    return True if bound_range(text, m.start(), float(value)) == (float(value),) * 2 else None


def find_name(text: str, name: str, lang: str) -> re.Match[str] | None:
    """``name`` in ``text``: a whole word in en/fr; in Arabic, which attaches prefixes (و, ب, ل,
    ف, ال), anywhere."""
    return _name_pattern(name, lang).search(text)


_MAY = re.compile(r"(?<!\w)May(?!\w)(?=\s+\d|\s*,?\s*\d{4})|(?<=\d )May(?!\w)")  # also a verb


@functools.lru_cache(maxsize=1024)
def _name_pattern(name: str, lang: str) -> re.Pattern[str]:
    if lang == "ar" and "|" in name:  # a month, then its Levantine name after a day or «في»
        plain, *others = name.split("|")
        return re.compile(rf"{re.escape(plain)}|(?:(?<=\d\s)|(?<=في\s)|(?<=شهر\s))"
                          rf"(?:{'|'.join(map(re.escape, others))})(?!\w)")
    if lang == "ar":
        return re.compile(re.escape(name))
    if lang == "en" and name == "May":
        return _MAY
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", flags=re.IGNORECASE)


@functools.lru_cache(maxsize=8)
def _rows(table: tuple[tuple[str, ...], ...]
          ) -> tuple[tuple[tuple[str, ...], tuple[re.Pattern[str], ...]], ...]:
    """Per row of ``table``: its names in lower case (a quick test that most rows fail), and
    each language's pattern, in :data:`LANGS` order."""
    return tuple((tuple(part.lower() for name in names for part in name.split("|")),
                  tuple(_name_pattern(name, lang) for lang, name in zip(LANGS, names, strict=True)))
                 for names in table)


# letters that a case-blind pattern takes for a letter of the names while ``str.lower`` does not:
# "İ" lowers to two characters, dotless "ı" and long "ſ" match "i" and "s"; a text with one of
# them skips the quick test
_CASE_ODD = re.compile("[\u0130\u0131\u017f\u212a]")


@functools.lru_cache(maxsize=256)
def _mentions(text: str, table: tuple[tuple[str, ...], ...]) -> dict[int, re.Match[str]]:
    """Rows of ``table`` named in ``text`` (any language), with the first match of each: the
    first language, in :data:`LANGS` order, that names it (cached: the evidence check asks for
    one claim against every passage). Only rows whose name the lower-cased text contains are
    searched: a name matched case-blind is in it."""
    lowered = None if _CASE_ODD.search(text) else text.lower()
    found: dict[int, re.Match[str]] = {}
    for k, (lows, own) in enumerate(_rows(table)):
        if lowered is not None and not any(low in lowered for low in lows):
            continue
        for pattern in own:
            m = pattern.search(text)
            if m is not None:
                found[k] = m
                break
    return found


def _unmatched(a: dict[int, re.Match[str]], b: dict[int, re.Match[str]],
               also_a: frozenset[int] = frozenset(), also_b: frozenset[int] = frozenset()
               ) -> Conflict | None:
    """The first value only ``a`` names against the first only ``b`` names; ``also_a`` and
    ``also_b``: rows each side names without writing them (a country by its capital)."""
    only_a = sorted(set(a) - set(b) - also_b)
    only_b = sorted(set(b) - set(a) - also_a)
    if only_a and only_b:
        return Conflict("", a[only_a[0]].span(), b[only_b[0]].span())
    return None


# the days of the week in en / fr / ar (Arabic as written after يوم, with its article)
WEEKDAYS: tuple[tuple[str, str, str], ...] = (
    ("Monday", "lundi", "الاثنين"), ("Tuesday", "mardi", "الثلاثاء"),
    ("Wednesday", "mercredi", "الأربعاء"), ("Thursday", "jeudi", "الخميس"),
    ("Friday", "vendredi", "الجمعة"), ("Saturday", "samedi", "السبت"),
    ("Sunday", "dimanche", "الأحد"),
)
# an Arabic day ends where Arabic letters do: its comma (U+060C) and marks are in the same block
_AR_LETTER = "[\u0621-\u064a\u066e-\u06d3]"
_WEEKDAY = [re.compile(rf"(?<!\w)(?:{en}|{fr})(?!\w)|(?<![^\sوبلف(]){ar}(?!{_AR_LETTER})",
                       flags=re.IGNORECASE) for en, fr, ar in WEEKDAYS]


def weekday_conflict(claim: str, sentence: str) -> Conflict | None:
    """A day of the week the claim names against another the sentence names ("on Tuesday"
    against « dimanche »). Kept apart from :func:`find_conflicts`: a report's own day ("said on
    Thursday") often differs from the event's, so it may stop a reading being taken for
    support but never permits a contradiction."""
    days_c = {k: m for k, rx in enumerate(_WEEKDAY) if (m := rx.search(claim))}
    days_s = {k: m for k, rx in enumerate(_WEEKDAY) if (m := rx.search(sentence))}
    hit = _unmatched(days_c, days_s)
    return None if hit is None else Conflict("date", hit.claim, hit.passage)


def soft_conflicts(claim: str, sentence: str) -> list[Conflict]:
    """Values that differ without contradicting: a day of the week (:func:`weekday_conflict`)
    or a number against a change ("2,500 troops" against "1,500 more troops"), or a bound
    against the number of the claim it may be ("more than 300 flights" against "340
    flights": :mod:`.bounds`). Neither texts say the other is wrong, nor are they one
    statement: such a pair may not be taken for support on the network's leaning alone, and
    permits no contradiction."""
    out = [c for c in (weekday_conflict(claim, sentence),) if c is not None]
    for year in (False, True):
        only_c, only_s, bounded = _unstated(claim, sentence, year)
        pair = next(((c, m) for c in only_c for m in only_s
                     if _increment(claim, c) != _increment(sentence, m)
                     and not is_day(claim, c) and not is_day(sentence, m)),
                    bounded[0] if bounded else None)
        if pair is not None:
            out.append(Conflict("date" if year else "number", pair[0].span(), pair[1].span()))
    return out


# … with the Levant's and Iraq's names in Arabic: «تموز» is «يوليو», July (only after a day,
# «في» or «شهر»: «نيسان» is also Nissan)
_LEVANT = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
           "تشرين الأول", "تشرين الثاني", "كانون الأول")
_MONTH_ROWS = tuple((en, fr, f"{ar}|{levant}") for en, fr, ar, levant
                    in zip(*(MONTHS[lang] for lang in LANGS), _LEVANT, strict=True))
_COUNTRY_ROWS, _CAPITAL_ROWS = COUNTRIES[:COUNTRY_COUNT], COUNTRIES[COUNTRY_COUNT:]
# each capital's country, by their English names (Washington's is not in the table)
_CAPITAL_COUNTRY = {"London": "Britain", "Paris": "France", "Berlin": "Germany",
                    "Moscow": "Russia", "Beijing": "China", "Madrid": "Spain", "Rome": "Italy",
                    "Cairo": "Egypt", "Tokyo": "Japan"}
_COUNTRY_ROW = {row[0]: k for k, row in enumerate(_COUNTRY_ROWS)}


def _countries_of(capitals: dict[int, re.Match[str]]) -> frozenset[int]:
    """The country rows of these capital rows (:data:`_CAPITAL_ROWS`)."""
    return frozenset(_COUNTRY_ROW[country] for k in capitals
                     if (country := _CAPITAL_COUNTRY.get(_CAPITAL_ROWS[k][0])) is not None)


def _capitals_of(countries: Iterable[int]) -> frozenset[int]:
    """The capital rows of these country rows (:data:`_COUNTRY_ROWS`)."""
    named = {_COUNTRY_ROWS[k][0] for k in countries}
    return frozenset(k for k, row in enumerate(_CAPITAL_ROWS)
                     if _CAPITAL_COUNTRY.get(row[0]) in named)


def find_conflicts(claim: str, sentence: str) -> list[Conflict]:
    """Conflicting numbers, years, months, places and negations of ``claim`` and ``sentence``.

    A value conflicts when the claim states one the sentence does not, and the sentence states
    another of the same kind (a number for a number, a year for a year, a duration for a
    duration: "18 regions" is no conflict with "within 24 hours"; a change such as "1,500
    more troops" only for another change, not for a level such as "2,500 troops"): a value one
    side leaves out is no conflict, nor a number a bound or a round figure on either side may
    be ("at least 40" and "52": :mod:`.bounds`). A negation conflicts when one side has one
    and the other none; a direction when the two say opposite words of one matter ("Inflation
    rose" against "Inflation fell": :func:`~.opposites.opposite_spans`). A side names a country
    by its people's adjective too (:mod:`.demonyms`).
    """
    out: list[Conflict] = []
    for year in (False, True):
        only_c, only_s, _ = _unstated(claim, sentence, year)
        # a change against a change, a count against a count, a duration against a duration
        pair = next(((c, m) for c in only_c for m in only_s
                     if _increment(claim, c) == _increment(sentence, m)
                     and (year or kind_at(claim, c.start()) == kind_at(sentence, m.start()))),
                    None)
        if pair is not None:
            day = is_day(claim, pair[0])  # "4 January" against "5 January" is a date
            out.append(Conflict("date" if year or day else "number", pair[0].span(),
                                pair[1].span()))
        elif not year and (spans := differing(claim, sentence)) is not None:
            out.append(Conflict("number", *spans))
    capitals = _mentions(claim, _CAPITAL_ROWS), _mentions(sentence, _CAPITAL_ROWS)
    # a side names a country by its name or by its people's adjective ("Syrian territory")
    adjectives = countries_by_adjective(claim), countries_by_adjective(sentence)
    countries = (set(_mentions(claim, _COUNTRY_ROWS)) | adjectives[0],
                 set(_mentions(sentence, _COUNTRY_ROWS)) | adjectives[1])
    for kind, table in (("date", _MONTH_ROWS), ("place", _COUNTRY_ROWS),
                        ("place", _CAPITAL_ROWS)):
        # a side that names Cairo names Egypt: the other side's "Egypt" is not missing from it;
        # and a side that names Russia names Moscow, the government it stands for
        also = ((_countries_of(capitals[0]) | adjectives[0],
                 _countries_of(capitals[1]) | adjectives[1])
                if table is _COUNTRY_ROWS else
                (_capitals_of(countries[0]), _capitals_of(countries[1]))
                if table is _CAPITAL_ROWS else (frozenset(), frozenset()))
        hit = _unmatched(_mentions(claim, table), _mentions(sentence, table), *also)
        if hit is not None:
            out.append(Conflict(kind, hit.claim, hit.passage))
    if (direction := opposite_spans(claim, sentence)) is not None:
        out.append(Conflict("direction", *direction))
    # a claim's restriction ("only …") is denied by a text that does not restrict
    nc = denial(claim, restriction=True)
    ns = denial(sentence, restriction=nc is not None and denial(claim) is None)
    if (nc is None) != (ns is None):
        out.append(Conflict("negation", nc.span() if nc else None, ns.span() if ns else None))
    return out


VALUES = frozenset(("number", "date", "place"))  # the kinds :func:`aligned` can write over
# what a claim says of its own figure ("only 20,000", «20 ألف شخص فقط»), gone with the figure
_ONLY = re.compile(r"(?<!\w)(?:only|just|merely|a\s+mere|seulement|à\s+peine|فقط)(?!\w)\s*",
                   flags=re.IGNORECASE)


def aligned(claim: str, sentence: str) -> str | None:
    """``claim`` with the values it conflicts on with ``sentence`` (numbers, dates, places)
    written as the sentence has them, a month or a place in the claim's own language: what
    the claim would say had the sentence its facts right. None when they conflict on nothing,
    or on anything else (a negation, a direction), or on a value the tables cannot write in
    the claim's language. Values are aligned until none is left (three rounds at most: one
    conflict of each kind is found at a time).

    >>> aligned("Modi was sworn in as prime minister in June 2024.", "Modi s'est rendu à Moscou "
    ...         "en juillet 2024.")
    'Modi was sworn in as prime minister in July 2024.'
    >>> aligned("Kenya sent 400 police officers to Haiti.", "أرسلت كينيا ٢٠٠ شرطي إلى هايتي.")
    'Kenya sent 200 police officers to Haiti.'
    """
    out = claim
    for _ in range(3):
        conflicts = find_conflicts(out, sentence)
        if not conflicts:
            return out if out != claim else None
        edits: list[tuple[Span, str]] = []
        for c in conflicts:
            if c.kind not in VALUES or c.claim is None or c.passage is None:
                return None
            written = _written(out[c.claim[0]:c.claim[1]], sentence[c.passage[0]:c.passage[1]])
            if written is None:
                return None
            a, b = c.claim
            if c.kind == "number":  # the sentence's bound with its figure ("more than 500")
                mine, theirs = bound_before(out, a), bound_before(sentence, c.passage[0])
                a = a if mine is None else mine
                bound = "" if theirs is None else sentence[theirs:c.passage[0]]
                written = (bound if a == 0 else bound[:1].lower() + bound[1:]) + written
            edits.append(((a, b), written))
        for (a, b), written in sorted(edits, reverse=True):
            out = out[:a] + written + out[b:]
        if any(c.kind == "number" for c in conflicts):  # "only 20,000": the claim's own view
            out = _ONLY.sub("", out)
            out = out[:1].upper() + out[1:]
    return None


def _written(mine: str, theirs: str) -> str | None:
    """The sentence's value ``theirs`` written the way the claim writes ``mine``: a month or a
    place in the claim's language (None if the tables do not hold it), digits in Latin digits."""
    for table in (_MONTH_ROWS, _COUNTRY_ROWS, _CAPITAL_ROWS):
        own = _row_named(mine, table)
        if own is not None:
            other = _row_named(theirs, table)
            return None if other is None else table[other[0]][LANGS.index(own[1])].split("|")[0]
    return theirs.translate(_DIGITS)


def _row_named(value: str, table: tuple[tuple[str, ...], ...]) -> tuple[int, str] | None:
    """The row of ``table`` that ``value`` names, and the language it is named in."""
    for k, (_, patterns) in enumerate(_rows(table)):
        for lang, pattern in zip(LANGS, patterns, strict=True):
            if pattern.fullmatch(value) or any(value.lower() == name.lower()
                                               for name in table[k][LANGS.index(lang)].split("|")):
                return k, lang
    return None
