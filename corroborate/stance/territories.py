"""Which countries and territories a text names, in English, French or Arabic alike (CLDR).

The entity table (:mod:`.entities`) holds the region's countries; a claim's other country is
a name the evidence check asks a passage for (:func:`~.evidence.missing_names`), and word for
word "Pérou" is not "Peru", nor "Groenland" «غرينلاند». These are the names the Unicode CLDR
gives every territory in the three languages (through ``babel``), so a claim's country is
found in a passage that names it in another language, or by its people's adjective
("Peruvian", « chilien », "Kuwaiti").

Matching follows the table's: Latin names are folded (no case, no accents) and matched as
whole words or with an adjective's ending ("chile" in "chilean", "colombie" in "colombien");
the longest name wins, so "Nigerian" is Nigeria's, not Niger's. Arabic names match as whole
words after a clinging article or preposition («بالكويت»), or as a nisba («الكويتية»,
«الكيني»); the table's countries are also named by the adjectives :mod:`.demonyms` knows
(« espagnole »). A name that is also a common word (Arabic «مالي», "financial") is left out:
a missing name can only hold support back, so a territory this module does not know is asked
for as before, word for word.

A claim's country, by name or adjective and in any script, is asked for where the text names
another (:func:`unnamed`): "Kenyan runner" against « le coureur éthiopien », «ألمانيا» against
«النمسا». Where the text names no country, the table's countries stay context ("near
Rustenburg" for "in South Africa").

    >>> sorted(territories("Le Pérou et la Colombie ont signé un accord."))
    ['CO', 'PE']
    >>> sorted(territories("أعلنت الحكومة في بيرو حالة الطوارئ"))
    ['PE']
    >>> sorted(territories("A Nigerian court, not Niger's"))
    ['NE', 'NG']
    >>> sorted(territories("Le président nigérien, l'Équateur et l'équateur"))
    ['EC', 'NE']
    >>> sorted(territories("The UAE and the Kuwaiti operator; « l'eau »"))
    ['AE', 'KW']
    >>> sorted(territories("شركة الاتصالات الكويتية في ليبيا والحكومة الليبية"))
    ['KW', 'LY']
    >>> sorted(covered_words("Le satellite doit mesurer les glaces du Groenland.",
    ...                      "The satellite will measure the ice of Greenland."))
    ['groenland']
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale

from .conflict import COUNTRIES, COUNTRY_COUNT
from .demonyms import adjectives
from .entities import fold, fold_mapped, is_arabic, named
from .skeletons import written_in

LANGS = ("en", "fr", "ar")
# names CLDR does not give, as news writes them
_MORE: dict[str, tuple[str, ...]] = {
    "AE": ("UAE", "Emirates", "Émirats", "EAU", "Emirati", "émirien", "الإمارات"),
    "GB": ("UK", "Britain", "Royaume-Uni", "Grande-Bretagne", "بريطانيا"),
    "ES": ("الإسبان",), "DE": ("الألمان",), "TR": ("الأتراك",), "RU": ("الروس",),
    "NZ": ("néo-zélandais",),
    "FK": ("Falklands", "Malouines", "فوكلاند"),
    "US": ("America", "American", "Amérique", "américain", "أمريكا", "أميركا"),
    "PE": ("Peruvian", "péruvien"),
    "HK": ("Hong Kong", "هونغ كونغ"),
    "MO": ("Macau", "Macao", "ماكاو"),
    "PS": ("Palestine", "فلسطين"),
    "PH": ("Philippine", "Filipino", "philippin"),
    "IS": ("Icelandic",),
    "CF": ("Centrafrique", "centrafricain"),
    "CD": ("DR Congo", "RDC", "DRC", "Democratic Republic of the Congo",
           "République démocratique du Congo", "الكونغو الديمقراطية"),
    "CI": ("Ivory Coast", "Côte d'Ivoire", "ساحل العاج"),
    "MM": ("Burma", "Birmanie", "بورما"),
    "CZ": ("Czech Republic", "République tchèque", "التشيك"),
    "KR": ("South Korea", "Corée du Sud", "كوريا الجنوبية"),
    "KP": ("North Korea", "Corée du Nord", "كوريا الشمالية"),
}
# names that are also common words or first names, in some language ("Maurice", "Reunion"),
# and Arabic ones that are also common words («مالي» "financial", «عمان» Amman, «بنين» "sons"):
# those only tell that a text may name another territory (:func:`unnamed`)
_LEFT_OUT = frozenset(("maurice", "jersey", "georgia", "chad", "turkey", "reunion", "st. martin",
                       "saint-martin"))
_AR_WEAK = {"مالي": "ML", "عمان": "OM", "بنين": "BJ"}
_REGIONS = frozenset(("EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"))
# endings of a people's adjective: after the name ("peru" + "vian" aside), and after its final
# vowel dropped, where a plural or a feminine alone would make another word ("islands")
_ENDINGS = ("n", "an", "ian", "ans", "ians", "i", "is", "ese", "ien", "iens", "ienne",
            "iennes", "en", "ens", "enne", "ennes", "ais", "aise", "aises", "ois", "oise",
            "oises", "e", "es", "s", "ne", "nes", "ns")
_STEM_ENDINGS = tuple(e for e in _ENDINGS if len(e) > 1 and e not in ("es", "ne", "ns", "nes"))
_AR_BEFORE = "(?:و|ف)?(?:ب|ل|ك)?(?:ال)?"
_AR_NISBA = "ية|يين|يون|يات|ي"
_AR_AFTER_YA = "ة|ين|ون|ات"  # the nisba after a name's final «يا» lost its alef: «سوري», «سورية»
_AR_MARKS = re.compile("[\u064b-\u0652\u0640]")
_AR_HAMZA = str.maketrans("أإآ", "ااا")


@lru_cache(maxsize=1)
def names() -> dict[str, tuple[str, ...]]:
    """Every territory's names in en / fr / ar (CLDR's, also without what follows a bracket
    or a dash, and the few news writes otherwise), by ISO code."""
    out: dict[str, list[str]] = {}
    for lang in LANGS:
        for code, name in Locale(lang).territories.items():
            if len(code) != 2 or not code.isalpha() or code in _REGIONS:
                continue
            # "Myanmar (Burma)", "Congo - Kinshasa": the name before the bracket or dash
            short = re.split(r" \(| - ", name.replace("’", "'"))[0].strip()
            out.setdefault(code, []).extend((name.replace("’", "'"), short))
    for code, more in _MORE.items():
        out.setdefault(code, []).extend(more)
    return {code: tuple(dict.fromkeys(n for n in found if _usable(n)))
            for code, found in out.items()}


def _usable(name: str) -> bool:
    return _arabic(name) not in _AR_WEAK if is_arabic(name) else (
        fold(name) not in _LEFT_OUT and (len(fold(name)) >= 4 or _acronym(name)))


def _acronym(name: str) -> bool:
    """"UAE", "RDC": matched as written, not folded ("eau" is water)."""
    return name.isupper() and len(name) <= 4


def _arabic(text: str) -> str:
    return _AR_MARKS.sub("", text).translate(_AR_HAMZA)


Alternation = tuple[re.Pattern[str], dict[str, str]]


@lru_cache(maxsize=1)
def _bare() -> frozenset[str]:
    """The Latin names as folded, without an adjective's ending (not "péruvien": written in
    lower case, an adjective already)."""
    return frozenset(fold(n) for found in names().values() for n in found
                     if n[:1].isupper() and not is_arabic(n) and not _acronym(n))


@lru_cache(maxsize=1)
def _patterns() -> tuple[Alternation, ...]:
    """Patterns for folded Latin text and for Arabic text (longest names first), the names
    as written, then their stems before an adjective's ending, and which territory each is."""
    latin: dict[str, str] = {}
    arabic: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    for code, found in names().items():
        for name in found:
            if _acronym(name):
                acronyms.setdefault(name, code)
            elif is_arabic(name):
                arabic.setdefault(_arabic(name), code)
                if name.startswith("ال"):
                    arabic.setdefault(_arabic(name[2:]), code)
            else:
                latin.setdefault(fold(name), code)
    endings = "|".join(sorted(_ENDINGS, key=len, reverse=True))
    stem_endings = "|".join(sorted(_STEM_ENDINGS, key=len, reverse=True))
    whole, stems = [], []  # (pattern, territory), longest names first
    for name in sorted(latin, key=len, reverse=True):
        whole.append((rf"{re.escape(name)}(?:{endings})?", latin[name]))
        if name[-1] in "aeio" and " " not in name:
            stems.append((rf"{re.escape(name[:-1])}(?:{stem_endings})", latin[name]))
    ar_whole, ar_stems = [], []
    for name in sorted(arabic, key=len, reverse=True):
        ar_whole.append((rf"{_AR_BEFORE}{re.escape(name)}(?:{_AR_NISBA})?", arabic[name]))
        if name.endswith("يا") and len(name) >= 4:  # «كينيا»: «الكيني», «الليبية»
            ar_stems.append((rf"{_AR_BEFORE}{re.escape(name[:-1])}(?:{_AR_AFTER_YA})?",
                             arabic[name]))
        elif name.endswith("ا") and len(name) >= 4:  # «كندا»: «الكندية»
            ar_stems.append((rf"{_AR_BEFORE}{re.escape(name[:-1])}(?:{_AR_NISBA})", arabic[name]))
    weak = [(rf"{_AR_BEFORE}{re.escape(n)}", code) for n, code in _AR_WEAK.items()]
    return tuple(_alternation(found) for found in (
        whole, stems, [(re.escape(n), code) for n, code in acronyms.items()], ar_whole, ar_stems,
        weak))


def _alternation(found: list[tuple[str, str]]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern of whole words for these alternatives, and the territory of each group."""
    return (re.compile(r"(?<!\w)(?:" + "|".join(f"(?P<g{k}>{alt})" for k, (alt, _)
                                                  in enumerate(found)) + r")(?!\w)"),
            {f"g{k}": code for k, (_, code) in enumerate(found)})


@lru_cache(maxsize=4096)
def mentions(text: str, weak: bool = False) -> tuple[tuple[str, str], ...]:
    """The territories ``text`` names: (ISO code, the words as folded) each. A name's own form
    goes before an adjective made from its stem ("nigérien" is Niger's, not "Nigeria"'s); a
    Latin name without an ending is capitalised (« l'équateur » is the equator, « un cas bénin »
    a mild case); the table's countries are also named by the adjectives :mod:`.demonyms`
    knows (« espagnole », «الألمانية»); ``weak``: also the Arabic names that are common words
    too («مالي»)."""
    out = list(_cldr(text, weak))
    codes = _row_codes()
    out += [(codes[row], fold(word)) for row, word in adjectives(text)
            if row in codes and (codes[row], fold(word)) not in out]
    return tuple(out)


@lru_cache(maxsize=1)
def _row_codes() -> dict[int, str]:
    """The territory of each row of the entity table's countries and capitals."""
    out = {}
    for k, row in enumerate(COUNTRIES[:COUNTRY_COUNT]):
        found = {code for name in row for code, _ in _cldr(name, False)}
        if len(found) == 1:
            out[k] = found.pop()
    return out


@lru_cache(maxsize=4096)
def _cldr(text: str, weak: bool) -> tuple[tuple[str, str], ...]:
    """:func:`mentions` by CLDR's names and their adjectives alone."""
    whole, stems, acronyms, ar_whole, ar_stems, ar_weak = _patterns()
    folded, where = fold_mapped(text.replace("’", "'"))
    out: list[tuple[str, str]] = []
    searched = [(folded, (whole, stems)), (text, (acronyms,))]
    if is_arabic(text):
        searched.append((_arabic(text), (ar_whole, ar_stems, ar_weak) if weak else
                         (ar_whole, ar_stems)))
    for body, passes in searched:
        taken: list[tuple[int, int]] = []
        for pattern, codes in passes:
            for m in pattern.finditer(body):
                if m.lastgroup is None or any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append(m.span())
                if body is folded and m.group() in _bare() and not text[where[m.start()]].isupper():
                    continue
                out.append((codes[m.lastgroup], fold(m.group())))
    return tuple(out)


def territories(text: str, weak: bool = False) -> frozenset[str]:
    """The ISO codes of the territories ``text`` names (``weak``: see :func:`mentions`)."""
    return frozenset(code for code, _ in mentions(text, weak))


def adjective_words(claim: str) -> frozenset[str]:
    """The claim's folded words that are a people's adjective of the table's countries
    ("French wines"): context, asked for only where a text names another country."""
    return frozenset(w for _, word in adjectives(claim) for w in re.findall(r"[^\W\d_]+",
                                                                             fold(word)))


def covered_words(claim: str, text: str) -> frozenset[str]:
    """The claim's folded words that name a territory ``text`` names as well, in any of the
    three languages ("groenland" against "Greenland" or «غرينلاند»)."""
    named_there = territories(text)
    return frozenset(word for code, found in mentions(claim) if code in named_there
                     for word in re.findall(r"[^\W\d_]+", found))


def _table_codes() -> frozenset[str]:
    """The territories of the entity table's countries (:data:`~.conflict.COUNTRIES`)."""
    return frozenset(_row_codes().values())


def unnamed(claim: str, text: str) -> list[str]:
    """The claim's folded words that name a territory ``text`` does not name in any of the
    three languages, when ``text`` names another instead ("Pérou" against «بوليفيا», « le
    coureur kényan » against "Ethiopian runner", «ألمانيا» against «النمسا»). The entity
    table's other entities ("États-Unis") are left to the table; against an Arabic text, a
    name it writes otherwise than CLDR is found by its consonants ("Cambodia", «كامبوديا»:
    :mod:`.skeletons`)."""
    named_there = territories(text)
    if not territories(text, weak=True) - territories(claim):
        return []
    out = []
    for code, found in mentions(claim):
        words = re.findall(r"[^\W\d_]+", found)
        if code in named_there or (named(found) and code not in _table_codes()) or (
                is_arabic(text) and not is_arabic(found)
                and any(written_in(w, text) for w in words)):
            continue
        out += words
    return out
