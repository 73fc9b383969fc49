"""Which countries and territories a text names, in English, French or Arabic alike (CLDR).

The entity table (:mod:`.entities`) holds the region's countries; a claim's other country is
a name the evidence check asks a passage for (:func:`~.evidence.missing_names`), and word for
word "Pérou" is not "Peru", nor "Groenland" «غرينلاند». These are the names the Unicode CLDR
gives every territory in the three languages (through ``babel``), so a claim's country is
found in a passage that names it in another language, or by its people's adjective
("Peruvian", « chilien », "Kuwaiti").

Names are looked up word by word (several words for a name of several), as the table's are
matched: Latin names folded (no case, no accents), as words or with an adjective's ending
("chile" in "chilean", "colombie" in "colombien", "north korea" in "North Korean");
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
from .entities import (
    AMERICAS,
    COMMON_CAPITALS,
    fold,
    fold_mapped,
    is_arabic,
    named,
    shouting,
    without_americas,
)
from .skeletons import written_in

LANGS = ("en", "fr", "ar")
# CLDR's code for the Americas, given to any region of them (:data:`~.entities.AMERICAS`)
AMERICAS_CODE = "019"
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
_ENDINGS_SHORTEST_FIRST = tuple(sorted(set(_ENDINGS), key=len))
_STEM_ENDINGS_SHORTEST_FIRST = tuple(sorted(set(_STEM_ENDINGS), key=len))
_AR_NISBA_ENDINGS = ("يين", "يون", "يات", "ية", "ي")
_AR_AFTER_YA_ENDINGS = ("ين", "ون", "ات", "ة")  # after a final «يا» that lost its alef
_MOST_WORDS = 5  # the most words of a name looked up ("république démocratique du congo")
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


_LATIN_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
_ELIDED = re.compile(r"^(?:[ldjmnst]|qu)'")  # « l'Antarctique », « d'Ivoire »
# what may cling to an Arabic name: a conjunction, a preposition, the article («وبالكويت»)
_AR_BEFORE = tuple(sorted({a + b + c for a in ("", "و", "ف") for b in ("", "ب", "ل", "ك")
                           for c in ("", "ال")} | {"لل", "ولل", "فلل"}, key=len, reverse=True))
Names = dict[tuple[str, ...], str]


def _latin_words(text: str) -> list[tuple[str, int]]:
    """The words of a folded Latin text, an elided article or a possessive off, each with
    where it starts."""
    out = []
    for m in _LATIN_WORD.finditer(text):
        elided = _ELIDED.match(m.group())
        cut = elided.end() if elided and elided.end() < len(m.group()) else 0
        word = m.group()[cut:]
        out.append((word[:-2] if word.endswith("'s") else word, m.start() + cut))  # "Niger's"
    return out


@lru_cache(maxsize=1)
def _tables() -> tuple[Names, frozenset[tuple[str, ...]], dict[str, str], Names, Names]:
    """The names looked up word by word: Latin ones folded (and which are written capitalised,
    bare names rather than adjectives: not "péruvien"), acronyms as written, Arabic ones with
    and without their article, and the Arabic names that are common words too."""
    latin: Names = {}
    bare: set[tuple[str, ...]] = set()
    acronyms: dict[str, str] = {}
    arabic: Names = {}
    for code, found in names().items():
        for name in found:
            if _acronym(name):
                acronyms.setdefault(name, code)
            elif is_arabic(name):
                words = tuple(_ARABIC_WORD.findall(_arabic(name)))
                arabic.setdefault(words, code)
                if name.startswith("ال"):  # the article, not «أل» of «ألبانيا»
                    arabic.setdefault((words[0][2:], *words[1:]), code)
            else:
                words = tuple(w for w, _ in _latin_words(fold(name.replace("’", "'"))))
                latin.setdefault(words, code)
                if name[:1].isupper():
                    bare.add(words)
    weak: Names = {(name,): code for name, code in _AR_WEAK.items()}
    return latin, frozenset(bare), acronyms, arabic, weak


def _latin_single(word: str, latin: Names) -> tuple[str, bool] | None:
    """The territory one folded word names, and whether as the bare name: the name, the name
    with an adjective's ending (the longest name first: "nigerian" is Nigeria's), else its
    stem with one ("colombien" from « Colombie »)."""
    code = latin.get((word,))
    if code is not None:
        return code, True
    for ending in _ENDINGS_SHORTEST_FIRST:
        if word.endswith(ending) and (code := latin.get((word[:-len(ending)],))) is not None:
            return code, False
    for ending in _STEM_ENDINGS_SHORTEST_FIRST:
        if word.endswith(ending):
            stem = word[:-len(ending)]
            for vowel in "aeio":
                if (code := latin.get((stem + vowel,))) is not None:
                    return code, False
    return None


def _latin_run(run: tuple[str, ...], latin: Names) -> tuple[str, bool] | None:
    """The territory a run of folded words names, and whether as the bare name: one word as
    :func:`_latin_single` reads it, or a hyphenated one by its parts ("russian-backed",
    « nord-américain »); several words as a name, the last one with an adjective's ending
    ("North Korean")."""
    if len(run) == 1:
        found = _latin_single(run[0], latin)
        if found is None and "-" in run[0]:
            found = next(filter(None, (_latin_single(part, latin)
                                       for part in run[0].split("-"))), None)
            return None if found is None else (found[0], False)
        return found
    if run in latin:
        return latin[run], True
    last = next((run[-1][:-len(e)] for e in _ENDINGS_SHORTEST_FIRST
                 if run[-1].endswith(e) and (*run[:-1], run[-1][:-len(e)]) in latin), None)
    return None if last is None else (latin[(*run[:-1], last)], False)


def _arabic_run(run: list[str], arabic: Names, weak: Names) -> str | None:
    """The territory a run of Arabic words names: one word as :func:`_arabic_single` reads
    it (in the weak names too), several as a name, a clinging prefix off the first."""
    if len(run) == 1:
        return _arabic_single(run[0], arabic) or _arabic_single(run[0], weak)
    return next((arabic[key] for before in _AR_BEFORE if run[0].startswith(before)
                 and (key := (run[0][len(before):], *run[1:])) in arabic), None)


def _arabic_single(word: str, arabic: Names) -> str | None:
    """The territory one Arabic word names, a clinging prefix off: the name, with a nisba
    («الكويتية»), or its stem («كينيا»: «الكيني»; «كندا»: «الكندية»)."""
    for before in _AR_BEFORE:
        if not word.startswith(before) or len(word) - len(before) < 2:
            continue
        rest = word[len(before):]
        if (code := arabic.get((rest,))) is not None:
            return code
        for after in _AR_NISBA_ENDINGS:
            if rest.endswith(after) and len(rest) > len(after) + 1:
                stem = rest[:-len(after)]
                code = arabic.get((stem,)) or arabic.get((stem + "ا",))
                if code is not None:
                    return code
        if rest.endswith("ي") and (code := arabic.get((rest + "ا",))) is not None:
            return code  # «الكيني»
        for after in _AR_AFTER_YA_ENDINGS:
            if rest.endswith("ي" + after) and (code := arabic.get(
                    (rest[:-len(after)] + "ا",))) is not None:
                return code  # «السورية»
    return None


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
    """:func:`mentions` by CLDR's names and their adjectives alone, looked up word by word
    (several words for a name of several: the longest first)."""
    latin, bare, acronyms, arabic, weak_names = _tables()
    # "South American" is no American, but it is a place: one region for the Americas' regions
    out: list[tuple[str, str]] = [(AMERICAS_CODE, fold(m.group()).strip())
                                  for m in AMERICAS.finditer(text)]
    text = without_americas(text)
    folded, where = fold_mapped(text.replace("’", "'"))
    words = _latin_words(folded)
    k = 0
    while k < len(words):
        for n in range(min(_MOST_WORDS, len(words) - k), 0, -1):
            run = tuple(w for w, _ in words[k:k + n])
            found = _latin_run(run, latin)
            if found is None:
                continue
            code, as_bare = found
            if not (as_bare and run in bare and not text[where[words[k][1]]].isupper()):
                out.append((code, " ".join(run)))  # a bare name is capitalised: « l'équateur »
            k += n - 1
            break
        k += 1
    out += [(acronyms[m.group()], fold(m.group())) for m in re.finditer(r"[^\W\d_]+", text)
            if m.group() in acronyms  # "UK's", "non-UK"; not « L'EAU POTABLE »
            and not (m.group() in COMMON_CAPITALS and shouting(text))]
    if is_arabic(text):
        ar_words = _ARABIC_WORD.findall(_arabic(text))
        k = 0
        while k < len(ar_words):
            for n in range(min(_MOST_WORDS, len(ar_words) - k), 0, -1):
                named_by = _arabic_run(ar_words[k:k + n], arabic, weak_names if weak else {})
                if named_by is not None:
                    out.append((named_by, " ".join(ar_words[k:k + n])))
                    k += n - 1
                    break
            k += 1
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
