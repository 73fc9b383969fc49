"""Whether an Arabic text writes a name the claim writes in Latin letters: consonants compared.

The entity table (:mod:`.entities`) knows the well-known actors and places in both scripts;
for any other name ("Claudia Sheinbaum", "Sirte", "Pezeshkian") a Latin claim against an
Arabic text was left unchecked, and the network read "Sheinbaum was elected" against «انتخبت
سوتشيل غالفيز» (Gálvez was elected) as support. A name transliterated keeps its consonants:
"Sheinbaum" and «شينباوم» are both sh-n-b-m, "Pezeshkian" and «بزشكيان» b-z-sh-k-n. So both
sides are reduced to a skeleton: vowels and the letters that write them (ا و ي ى, w, y)
dropped, with ع, hamza and ة; letters that transliterate each other merged (p and b, v and f,
q, c, k, kh and ق ك خ; g, j, gh and ج غ; ch, sh and ش; th, t and ت ط ث; dh, d and د ض ذ);
a final h after a vowel ("Hodeidah") dropped; doubled letters once. A Latin name is said in
several ways (:func:`_spoken`: "ch" as k or t-sh, a silent "gh" or final letter, ...). It is
written when some word of the text (its clinging prefixes off: و ب ل ف ال), or two words
together («أم درمان»), has one of its skeletons, or one off by a kin letter ("Agadir" and
«أكادير») or by an h. Not by any letter: «مركز» (centre) is not "Marrakesh", «مصراتة» not
"Sirte". The region's places whose European name is not the Arabic's (Algiers, «الجزائر»;
Casablanca, «الدار البيضاء») are listed (:data:`_EXONYMS`).

Only names that are not common words are asked for (:func:`transliterated`): "Federal
Reserve" is translated («الاحتياطي الفيدرالي»), not transliterated. How common a word is
comes from ``wordfreq`` (English and French). Measured on 8,012 English and French news
sentences and their Arabic translations (NTREX-128 and FLORES in ``../shared/data/parallel``),
4.6 % are found to lack a name; about half of those really do (a translator's omission, a
name translated: "Sphinx", «أبو الهول»), the rest are words run together or names said
otherwise. A missing name can only hold support back, so matching is lenient.

    >>> latin("Sheinbaum") == arabic("شينباوم")
    True
    >>> written_in("Omdurman", "اندلعت معارك في أم درمان")
    True
    >>> written_in("Fasher", "اندلعت معارك في أم درمان")
    False
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from wordfreq import zipf_frequency

from .entities import fold

# Zipf frequencies (English or French, the higher): every word of a name under RARE, one
# under NAME ("Narendra" 3.3, "Sheinbaum" 0; "Thrones" 3.8, "Premiership" 3.6, "Pope" 4.4)
RARE = 4.0
NAME = 3.65

_LATIN_PAIRS = (  # applied in order, on a lower-case word without accents
    ("sch", "S"), ("sh", "S"), ("ch", "S"), ("kh", "k"), ("gh", "g"), ("dj", "g"),
    ("th", "t"), ("dh", "d"), ("ph", "f"), ("ck", "k"), ("qu", "k"), ("x", "ks"), ("tz", "z"),
)
_LATIN_LETTERS = str.maketrans({"p": "b", "v": "f", "q": "k", "j": "g", "a": None, "e": None,
                                "i": None, "o": None, "u": None, "y": None, "w": None})
_ARABIC_LETTERS = str.maketrans({
    "ب": "b", "ت": "t", "ث": "t", "ج": "g", "ح": "h", "خ": "k", "د": "d", "ذ": "d", "ر": "r",
    "ز": "z", "س": "s", "ش": "S", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "g", "ف": "f",
    "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "پ": "b", "ڤ": "f", "گ": "g",
    "چ": "S"})
# letters one transliteration writes for another: k and g (Morocco's ك for g, Spanish j as خ),
# s and sh, s and z, t and d, k and h (خ as h), d and z (ذ ظ), b and f (p as ف)
_KIN = frozenset(frozenset(p) for p in ("kg", "sS", "sz", "td", "kh", "dz", "bf"))
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+")
_PREFIX = re.compile(r"^(?:[وف]?(?:[بلك]?ال|لل)|[وفبل])")


def _once(skeleton: str) -> str:
    """Doubled letters once; t-s as z on both sides ("Scholz", «شولتس»)."""
    return re.sub(r"(.)\1+", r"\1", skeleton).replace("ts", "z")


def latin(word: str) -> str:
    """The consonant skeleton of a word in Latin letters (accents and case ignored)."""
    w = re.sub(r"[^a-z]", "", fold(word))
    w = re.sub(r"(?<=[aeiouy])h$", "", w)  # "Hodeidah": the h writes a final ة
    for a, b in _LATIN_PAIRS:
        w = w.replace(a, b)
    w = re.sub(r"c(?=[eiy])", "s", w).replace("c", "k")
    return _once(w.translate(_LATIN_LETTERS))


def arabic(word: str) -> str:
    """The consonant skeleton of an Arabic word as written (no prefix taken off)."""
    return _once("".join(c for c in word.translate(_ARABIC_LETTERS) if c.isascii()))


@lru_cache(maxsize=1024)
def _skeletons(text: str) -> frozenset[str]:
    """The skeletons of ``text``'s Arabic words, with and without their prefixes, and of each
    two neighbouring words together."""
    words = _ARABIC_WORD.findall(text)
    forms = [{arabic(w), arabic(_PREFIX.sub("", w) or w)} for w in words]
    out = set().union(*forms) if forms else set()
    out |= {a + b for one, two in itertools.pairwise(forms) for a in one for b in two}
    return frozenset(s for s in out if s)


# the region's places whose European names are not the Arabic's transliterated (exonyms), and
# names translated rather than transliterated: the Arabic, as an Arabic text writes it
_EXONYMS = {
    "algiers": "الجزائر", "alger": "الجزائر", "casablanca": "الدار البيضاء",
    "tangier": "طنجة", "tangiers": "طنجة", "tanger": "طنجة", "fez": "فاس",
    "alexandria": "الإسكندرية", "alexandrie": "الإسكندرية", "tripoli": "طرابلس",
    "suez": "السويس", "tyre": "صور", "tyr": "صور", "sidon": "صيدا", "mecca": "مكة",
    "mecque": "مكة", "medina": "المدينة", "medine": "المدينة", "hebron": "الخليل",
    "bethlehem": "بيت لحم", "bethleem": "بيت لحم", "nazareth": "الناصرة",
    "euphrates": "الفرات", "euphrate": "الفرات", "tigris": "دجلة", "tigre": "دجلة",
    "mediterranean": "المتوسط", "mediterranee": "المتوسط", "persian": "الفارسي",
    "persique": "الفارسي", "cyprus": "قبرص", "chypre": "قبرص", "emirates": "الإمارات",
    "emirats": "الإمارات", "chad": "تشاد", "hungary": "المجر", "hongrie": "المجر",
    "ecosse": "سكتلندا", "cologne": "كولونيا", "brexit": "خروج بريطانيا",
}


def written_in(name: str, text: str) -> bool:
    """Whether the Arabic ``text`` writes the Latin word ``name`` (a hyphenated one: any of
    its parts); a skeleton of one letter cannot tell ("Joe"): taken as written."""
    exonym = _EXONYMS.get(fold(name))
    if exonym is not None and exonym in text:
        return True
    skeletons = _skeletons(text)
    return any(len(own) < 2 or any(_near(own, s) for s in skeletons)
               for part in name.split("-")  # "Saint-Louis": «سان لوي»
               for own in _spoken(part))


_PEOPLE = re.compile(r"(?<=...)(?:e?an|ian|ese|iens?|iennes?|aises?|oise?s?)$")  # "Chilean"
_SILENT = re.compile(r"(?:[stxdz]|ts|ds)$")  # French final letters: "Saint", "Louis"


@lru_cache(maxsize=4096)
def _spoken(word: str) -> frozenset[str]:
    """The skeletons of ``word`` as it may be said: as written; with "ch" as k ("Chios") or
    t-sh ("Machu", «ماتشو»), "c" as k ("Macedonia", «مقدونيا»), "x" as sh ("Xinhua",
    «شينخوا»), "ll" as y ("Villarreal", «فياريال»), "st" as sht ("Rosenstein"), "j" as y
    ("Skopje", "Björn"); with or without a people's ending ("Chilean", «تشيلية»); without a
    silent "gh" ("Kavanaugh", «كافانو»; "Brighton") or a final letter French leaves silent
    ("Saint" «سان», "Louis" «لوي»), where two letters are left."""
    whole = fold(word)
    said = set()
    for w in {whole, _PEOPLE.sub("", whole)}:
        said |= {w, w.replace("ch", "k"), w.replace("ch", "tsh"), w.replace("c", "k"),
                 w.replace("gh", ""), _SILENT.sub("", w), w.replace("x", "sh"),
                 w.replace("ll", "y"), w.replace("st", "sht"), w.replace("j", "y")}
    out = {latin(v) for v in said}
    return frozenset({s for s in out if len(s) >= 2} or out)


def _near(a: str, b: str) -> bool:
    """The same skeleton, or one letter off: one letter for a kin (:data:`_KIN`: "Agadir" and
    «أكادير», g-d-r and k-d-r), or an h more or less where two others are left."""
    if a == b:
        return True
    if len(a) == len(b):
        diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        return len(diff) == 1 and frozenset(diff[0]) in _KIN
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return len(longer) == len(shorter) + 1 and len(shorter) >= 2 and any(
        longer[k] == "h" and longer[:k] + longer[k + 1:] == shorter for k in range(len(longer)))


def transliterated(run: list[str]) -> bool:
    """Whether a name of one or more capitalised Latin words is one an Arabic text would
    transliterate: none of its words (nor parts of a hyphenated word) is a common English
    or French word, and one is rare ("Claudia Sheinbaum", "Sirte", "Lula"; not "Federal
    Reserve", "Pope Francis", "Nouvelle-Zélande", nor a plural noun such as "Thrones").
    An acronym ("CFA", "ISRO") is translated or kept in Latin letters."""
    if any(word.isupper() for word in run):
        return False
    worth = [_frequency(part) for word in run for part in word.split("-") if part]
    return bool(worth) and max(worth) < RARE and min(worth) < NAME


@lru_cache(maxsize=4096)
def _frequency(word: str) -> float:
    low = word.lower()
    return max(zipf_frequency(low, "en"), zipf_frequency(low, "fr"))
