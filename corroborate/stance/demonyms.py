"""The countries a text names by the adjective of their people: "Syrian", « syrienne », «السورية».

A side that speaks of "Syrian territory" names Syria as surely as one that says "in Syria"; the
place check (:func:`~.conflict.find_conflicts`) counts such a side as naming the country, so
"Turkey protests the US presence on Syrian territory" is no place conflict with "Erdogan
criticises the US presence in Syria". An adjective is never a conflicting place on its own: "a
Syrian refugee in Turkey" says where the refugee is from, not where the story happens.

Rows follow :data:`~.conflict.COUNTRIES`: English adjectives and nouns (plurals follow), French
adjectives (feminines and plurals follow), and the Arabic nisba, to which the article, a
clinging preposition and the feminine or plural endings may attach. A text is read word by
word against these forms, once (cached: one claim is read against every passage).
"""

from __future__ import annotations

import functools
import re

# per country row of conflict.COUNTRIES: English adjectives and nouns, French adjectives (as
# the masculine singular: the feminines and plurals follow), the Arabic nisba («سوري»)
_ROWS: tuple[tuple[str, str, str], ...] = (
    ("French", "français", "فرنسي"), ("German", "allemand", "الماني"),
    ("Italian", "italien", "ايطالي"), ("Spanish Spaniard", "espagnol", "اسباني"),
    ("British Briton", "britannique", "بريطاني"), ("Russian", "russe", "روسي"),
    ("Chinese", "chinois", "صيني"), ("Japanese", "japonais", "ياباني"),
    ("Indian", "indien", "هندي"), ("Brazilian", "brésilien", "برازيلي"),
    ("Canadian", "canadien", "كندي"), ("Mexican", "mexicain", "مكسيكي"),
    ("Egyptian", "égyptien", "مصري"), ("Turkish Turk", "turc turque", "تركي"),
    ("Greek", "grec grecque", "يوناني"), ("Polish Pole", "polonais", "بولندي"),
    ("Ukrainian", "ukrainien", "اوكراني"), ("Australian", "australien", "استرالي"),
    ("Nigerian", "nigérian", "نيجيري"), ("Moroccan", "marocain", "مغربي"),
    ("Algerian", "algérien", "جزائري"), ("Tunisian", "tunisien", "تونسي"),
    ("Lebanese", "libanais", "لبناني"), ("Jordanian", "jordanien", "اردني"),
    ("Pakistani", "pakistanais", "باكستاني"), ("Indonesian", "indonésien", "اندونيسي"),
    ("Swedish Swede", "suédois", "سويدي"), ("Norwegian", "norvégien", "نرويجي"),
    ("Belgian", "belge", "بلجيكي"), ("Swiss", "suisse", "سويسري"),
    ("Portuguese", "portugais", "برتغالي"), ("Argentine Argentinian", "argentin", "ارجنتيني"),
    ("Kenyan", "kényan", "كيني"), ("Ethiopian", "éthiopien", "اثيوبي"),
    ("South-African", "sud-africain", "جنوب-افريقي"), ("Austrian", "autrichien", "نمساوي"),
    ("Dutch", "néerlandais", "هولندي"), ("Irish", "irlandais", "ايرلندي"),
    ("Iranian", "iranien", "ايراني"), ("Iraqi", "irakien", "عراقي"), ("Syrian", "syrien", "سوري"),
    ("Israeli", "israélien", "اسرائيلي"), ("Saudi", "saoudien", "سعودي"),
    ("Libyan", "libyen", "ليبي"), ("Sudanese", "soudanais", "سوداني"),
    ("Yemeni Yemenite", "yéménite", "يمني"),
)
_AR_BEFORE = ("", "و", "ب", "ل", "ف", "ك", "ال", "وال", "بال", "فال", "كال", "لل", "ولل")
_AR_AFTER = ("", "ة", "ون", "ين", "ات", "تين", "ان")
_HAMZA = str.maketrans("أإآ", "ااا")


def _french(word: str) -> tuple[str, ...]:
    """A French adjective's four forms ("syrien": syrienne, syriens, syriennes)."""
    if word.endswith("ien"):
        return word, word + "ne", word + "s", word + "nes"
    if word.endswith(("ais", "ois")):
        return word, word + "e", word + "es"
    if word.endswith("e"):
        return word, word + "s"
    return word, word + "e", word + "s", word + "es"


@functools.lru_cache(maxsize=1)
def _forms() -> tuple[dict[str, int], dict[str, int]]:
    """Every Latin form (lower case, words joined by "-") and every Arabic stem (hamza seats
    as bare alifs, words joined by "-"), each with its row."""
    latin: dict[str, int] = {}
    arabic: dict[str, int] = {}
    for k, (en, fr, ar) in enumerate(_ROWS):
        for word in en.lower().split():
            latin.setdefault(word, k)
            latin.setdefault(word + "s", k)
        for word in fr.split():
            for form in _french(word):
                latin.setdefault(form, k)
        arabic[ar] = k
    return latin, arabic


def _arabic_row(word: str, arabic: dict[str, int]) -> int | None:
    """The row of an Arabic word's nisba, its clinging prefixes and endings taken off."""
    word = word.translate(_HAMZA)
    for before in _AR_BEFORE:
        if not word.startswith(before):
            continue
        rest = word[len(before):]
        for after in _AR_AFTER:
            if rest.endswith(after) and (k := arabic.get(rest[:len(rest) - len(after)]
                                                          if after else rest)) is not None:
                return k
    return None


_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")


@functools.lru_cache(maxsize=256)
def countries_by_adjective(text: str) -> frozenset[int]:
    """The rows of :data:`~.conflict.COUNTRIES` whose people's adjective ``text`` uses.

    >>> sorted(countries_by_adjective("US troops on Syrian territory, says an Iraqi official"))
    [39, 40]
    >>> sorted(countries_by_adjective("la présence militaire américaine en territoire syrien"))
    [40]
    >>> sorted(countries_by_adjective("التواجد العسكري الأمريكي في الأراضي السورية"))
    [40]
    """
    return frozenset(row for row, _ in adjectives(text))


@functools.lru_cache(maxsize=1024)
def adjectives(text: str) -> tuple[tuple[int, str], ...]:
    """The people's adjectives ``text`` uses: (row of :data:`~.conflict.COUNTRIES`, the word as
    written) each.

    >>> adjectives("La banque espagnole et le Sud-Africain")
    ((3, 'espagnole'), (34, 'Sud-Africain'))
    """
    latin, arabic = _forms()
    found: list[tuple[int, str]] = []
    words = _WORDS.findall(text)
    for k, word in enumerate(words):
        written = word
        if word.isascii() or not ("\u0600" <= word[0] <= "\u06ff"):
            row = latin.get(word.casefold())
            if row is None and k + 1 < len(words):  # "South African"
                row = latin.get(f"{word}-{words[k + 1]}".casefold())
                written = f"{word} {words[k + 1]}"
        else:
            row = _arabic_row(word, arabic)
            if row is None and word.translate(_HAMZA) == "جنوب" and k + 1 < len(words):
                row = _arabic_row("جنوب-" + words[k + 1], arabic)
                written = f"{word} {words[k + 1]}"
        if row is not None:
            found.append((row, written))
    return tuple(found)
