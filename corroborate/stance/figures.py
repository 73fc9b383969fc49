"""The figures a text states: its numbers by value, and the quantities they measure in one unit.

:func:`numbers` reads every number by its digits ("2.4", « 2,4 » and «٢٫٤» agree) or, scaled by
a word, by its value («40 ألف» is 40,000). :func:`measures` reads the quantities a number and
its unit state, in one unit per kind, so that a quantity written in another unit or format is
the same value: "3 pm" is "15:00" and « 15 h » (a time of day), "3.5 km" is "3,500 metres" (a
length), "two hours" is "120 minutes" and «ساعتين» (a duration), "half of" is "50%", "one in
four" is « 25 % » and "4 of the 40" is 10 % (a share). Lengths, durations, masses, areas and
temperatures are read in en/fr/ar; numbers written as words only for the small ones ("two",
« deux », «ثلاث»).

:func:`agreeing` pairs the claim's measures with the sentence's that state the same value, so
that their digits are no conflict (:mod:`.conflict`); :func:`differing` finds a measure written
without digits ("two hours", "half") against another value of the same kind, which digits
alone cannot see.

    >>> [(m.kind, m.value) for m in measures("The talks began at 3 pm and lasted two hours.")]
    [('time', 900.0), ('duration', 7200.0)]
    >>> agreeing("The runway is 3.5 km long.", "It measures 3,500 metres.")
    [((14, 20), (12, 24))]
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from .bounds import bound_range
from .reldates import _AR_MONTHS, _EN_MONTHS, _FR_MONTHS

Span = tuple[int, int]

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
# a number, and the word that scales it: "40,000" is « 40 000 » and «40 ألف», "3 million" is
# "3,000,000" (the value of a scaled number is computed; the others keep their digits alone,
# so that "2.4", « 2,4 » and «٢٫٤» agree); in Arabic, after a letter that attaches («و3»: and 3)
_SCALES = {"thousand": 3, "thousands": 3, "mille": 3, "آلاف": 3, "ألفاً": 3, "ألفا": 3,
           "ألف": 3, "الاف": 3, "الفا": 3, "الف": 3, "million": 6, "millions": 6, "ملايين": 6,
           "مليونا": 6, "مليون": 6, "billion": 9, "billions": 9, "milliard": 9, "milliards": 9,
           "مليارات": 9, "مليارا": 9, "مليار": 9, "بليون": 9}
_ABBREVIATED = {"bn": 9, "md": 9, "mds": 9, "m": 6}  # "4.2bn", « 2,5 M€ » (M, Md before money)
_DIGITS_PATTERN = r"[0-9٠-٩]+(?:[,  .٬][0-9٠-٩]{3})*(?:[.,٫][0-9٠-٩]+)?"
_SCALE_PATTERN = "|".join(sorted(_SCALES, key=len, reverse=True))
NUMBER = re.compile(
    r"(?:(?<=(?<!\w)[وبلفك])|(?<![\w.,]))"
    rf"(?P<digits>{_DIGITS_PATTERN})(?![.,٫]?[0-9٠-٩])"
    rf"(?:\s(?P<scale>{_SCALE_PATTERN})(?!\w)"
    r"|\s?(?P<abbr>bn|(?:mds?|m)(?=\s?[€$£])))?(?![\w])",
    flags=re.IGNORECASE)


def numbers(text: str) -> dict[str, list[re.Match[str]]]:
    """The numbers of ``text`` by value (digits only; Arabic-Indic digits read as 0–9; a number
    a word scales, by its value: "1,5 million" → ``"1500000"``).

        >>> sorted(numbers("40 ألف نازح و3 ملايين, 2.4 %"))
        ['24', '3000000', '40000']
    """
    found: dict[str, list[re.Match[str]]] = defaultdict(list)
    for m in NUMBER.finditer(text):
        value = _value(m.group("digits").translate(_DIGITS), m.group("scale") or m.group("abbr"))
        if value:
            found[value].append(m)
    return found


# numbers spelled out, 1 to 99 ("forty-two", « quarante-deux », «اثنان وأربعون»): a claim's
# "42" is stated by "Forty-two people have died"
_EN_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen")
_EN_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_FR_ONES = ("un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
            "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit",
            "dix-neuf")
_FR_TENS = ("vingt", "trente", "quarante", "cinquante", "soixante")
_AR_ONES = (("واحد", "واحدة"), ("اثنان", "اثنين", "اثنتان", "اثنتين"), ("ثلاث", "ثلاثة"),
            ("أربع", "أربعة"), ("خمس", "خمسة"), ("ست", "ستة"), ("سبع", "سبعة"),
            ("ثمان", "ثماني", "ثمانية"), ("تسع", "تسعة"))
_AR_TENS = (("عشرون", "عشرين"), ("ثلاثون", "ثلاثين"), ("أربعون", "أربعين"), ("خمسون", "خمسين"),
            ("ستون", "ستين"), ("سبعون", "سبعين"), ("ثمانون", "ثمانين"), ("تسعون", "تسعين"))


@functools.lru_cache(maxsize=1)
def _spelled_words() -> dict[str, int]:
    """Every spelled number from 1 to 99, lower case, words joined by single spaces or
    hyphens as written."""
    out: dict[str, int] = {}
    for k, word in enumerate(_EN_ONES, 1):
        out[word] = k
    for t, tens in enumerate(_EN_TENS, 2):
        out[tens] = 10 * t
        for k, one in enumerate(_EN_ONES[:9], 1):
            out[f"{tens}-{one}"] = out[f"{tens} {one}"] = 10 * t + k
    for k, word in enumerate(_FR_ONES, 1):
        out[word] = k
    out["une"] = 1
    for t, tens in enumerate(_FR_TENS, 2):
        out[tens] = 10 * t
        out[f"{tens}-et-un"] = 10 * t + 1
        for k, one in enumerate(_FR_ONES[:9], 1):
            out[f"{tens}-{one}" if k > 1 else f"{tens} et un"] = 10 * t + k
    for k, one in enumerate(_FR_ONES, 1):  # soixante-dix … quatre-vingt-dix-neuf
        if k >= 10:
            out[f"soixante-{one}"] = 60 + k
        out[f"quatre-vingt-{one}"] = 80 + k
    out.update({"soixante et onze": 71, "quatre-vingt": 80, "quatre-vingts": 80})
    for k, forms in enumerate(_AR_ONES, 1):
        for form in forms:
            out[form] = k
            for t, ar_tens in enumerate(_AR_TENS, 2):
                for ten in ar_tens:
                    out[f"{form} و{ten}"] = 10 * t + k
    for t, ar_tens in enumerate(_AR_TENS, 2):
        for ten in ar_tens:
            out[ten] = 10 * t
    out.update({"عشر": 10, "عشرة": 10, "أحد عشر": 11, "إحدى عشرة": 11, "اثنا عشر": 12,
                "اثني عشر": 12, "اثنتا عشرة": 12})
    return out


@functools.lru_cache(maxsize=1)
def _spelled_pattern() -> re.Pattern[str]:
    words = sorted(_spelled_words(), key=len, reverse=True)
    return re.compile(r"(?<!\w)[وبل]?(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])",
                      flags=re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def spelled(text: str) -> frozenset[str]:
    """The numbers ``text`` spells out, 1 to 99, as :func:`numbers` keys them.

    >>> sorted(spelled("Forty-two people died; « quarante-deux morts »; «اثنان وأربعون قتيلا»"))
    ['42']
    """
    words = _spelled_words()
    return frozenset(str(words[m.group(1).casefold()])
                     for m in _spelled_pattern().finditer(text)
                     if m.group(1).casefold() in words)


def _value(digits: str, scale: str | None) -> str:
    """The digits of a number; scaled ("1,5" and "million"), the digits of its value: a last
    separator before other than three digits is a decimal point, the others group thousands."""
    if scale is None:  # "06" is 6
        return re.sub(r"\D", "", digits).lstrip("0") or "0"
    whole, last = _decimals(digits)
    whole = re.sub(r"\D", "", whole)
    exponent = _SCALES.get(scale.lower()) or _ABBREVIATED[scale.lower()]
    if len(last) > exponent:  # "1.2345 thousand": more decimals than the scale has places
        return re.sub(r"\D", "", digits)
    return (whole + last + "0" * (exponent - len(last))).lstrip("0") or "0"


def _decimals(digits: str) -> tuple[str, str]:
    """A number's digits split at its decimal point: a last separator before other than three
    digits is one, the others group thousands ("2,500" → ``("2,500", "")``, « 2,4 » →
    ``("2", "4")``)."""
    mark = next((c for c in reversed(digits) if not c.isdigit()), " ")
    whole, sep, last = digits.rpartition(mark)
    return (digits, "") if not sep or len(last) == 3 else (whole, last)


def count(value: str, number: re.Match[str]) -> float | None:
    """The count a number states, or None for a decimal (read as its digits: "2.4" is 24)."""
    if number.group("scale") or number.group("abbr"):
        return float(value)
    return None if _decimals(number.group("digits"))[1] else float(value)


def amount(digits: str, scale: str | None = None) -> float:
    """What a number's digits are worth, its decimal point read ("3.5" → 3.5, « 3,5 » → 3.5,
    "3,500" → 3500.0), times its scale word's ("1,2 milliard" → 1.2e9)."""
    whole, last = _decimals(digits.translate(_DIGITS))
    worth = float(re.sub(r"\D", "", whole) + ("." + last if last else ""))
    return worth * 10 ** _SCALES.get((scale or "").lower(), 0)


# numbers written as words, the small ones: "two hours", « deux heures », «ثلاث ساعات»
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100,
    "a hundred": 100, "a dozen": 12, "dozen": 12, "half an": 0.5, "half a": 0.5,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100,
    "une douzaine de": 12, "une demi-": 0.5,
    "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6,
    "سبع": 7, "سبعة": 7, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10,
}
_WORD_PATTERN = "|".join(re.escape(w) for w in sorted(_WORD_NUMBERS, key=len, reverse=True))

# units by kind, each with its worth in the kind's one unit (metres, seconds, kilograms, square
# metres); an Arabic dual carries its two («ساعتين»: two hours) and stands alone
_UNITS: dict[str, dict[str, float]] = {
    "length": {"km": 1e3, "kilometres": 1e3, "kilometre": 1e3, "kilometers": 1e3,
               "kilometer": 1e3, "kilomètres": 1e3, "kilomètre": 1e3, "كيلومترات": 1e3,
               "كيلومترا": 1e3, "كيلومتر": 1e3, "كلم": 1e3, "كم": 1e3, "metres": 1.0,
               "metre": 1.0, "meters": 1.0, "meter": 1.0, "mètres": 1.0, "mètre": 1.0,
               "أمتار": 1.0, "مترا": 1.0, "متر": 1.0, "miles": 1609.344, "mile": 1609.344,
               "أميال": 1609.344, "ميلا": 1609.344, "ميل": 1609.344},
    "duration": {"seconds": 1.0, "second": 1.0, "secondes": 1.0, "seconde": 1.0,
                 "ثوان": 1.0, "ثانية": 1.0, "minutes": 60.0, "minute": 60.0, "mins": 60.0,
                 "min": 60.0, "دقائق": 60.0, "دقيقة": 60.0, "hours": 3600.0, "hour": 3600.0,
                 "hrs": 3600.0, "heures": 3600.0, "heure": 3600.0, "ساعات": 3600.0,
                 "ساعة": 3600.0, "days": 86400.0, "day": 86400.0, "jours": 86400.0,
                 "jour": 86400.0, "أيام": 86400.0, "يوما": 86400.0, "يوم": 86400.0,
                 "weeks": 604800.0, "week": 604800.0, "semaines": 604800.0,
                 "semaine": 604800.0, "أسابيع": 604800.0, "أسبوعا": 604800.0,
                 "أسبوع": 604800.0, "months": 2629800.0, "month": 2629800.0, "mois": 2629800.0,
                 "أشهر": 2629800.0, "شهور": 2629800.0, "شهرا": 2629800.0, "شهر": 2629800.0,
                 "years": 31557600.0, "year": 31557600.0, "ans": 31557600.0,
                 "an": 31557600.0, "années": 31557600.0, "année": 31557600.0,
                 "سنوات": 31557600.0, "سنة": 31557600.0, "أعوام": 31557600.0,
                 "عاما": 31557600.0},
    "mass": {"kg": 1.0, "kilograms": 1.0, "kilogram": 1.0, "kilogrammes": 1.0,
             "kilogramme": 1.0, "kilos": 1.0, "كيلوغرامات": 1.0, "كيلوغراما": 1.0,
             "كيلوغرام": 1.0, "كلغ": 1.0, "tonnes": 1e3, "tonne": 1e3, "tons": 1e3, "ton": 1e3,
             "أطنان": 1e3, "طنا": 1e3, "طن": 1e3, "grams": 1e-3, "grammes": 1e-3,
             "غرام": 1e-3},
    "area": {"hectares": 1e4, "hectare": 1e4, "ha": 1e4, "هكتارات": 1e4, "هكتارا": 1e4,
             "هكتار": 1e4, "km²": 1e6, "km2": 1e6, "square kilometres": 1e6,
             "square kilometers": 1e6, "kilomètres carrés": 1e6, "كيلومتر مربع": 1e6,
             "acres": 4046.856, "acre": 4046.856, "square miles": 2589988.0},
    "share": {"%": 1.0, "٪": 1.0, "percent": 1.0, "per cent": 1.0, "pour cent": 1.0,
              "في المئة": 1.0, "في المائة": 1.0, "بالمئة": 1.0, "بالمائة": 1.0},
}
_DUALS = {"ساعتين": ("duration", 7200.0), "ساعتان": ("duration", 7200.0),
          "دقيقتين": ("duration", 120.0), "يومين": ("duration", 172800.0),
          "يومان": ("duration", 172800.0), "أسبوعين": ("duration", 1209600.0),
          "شهرين": ("duration", 5259600.0), "عامين": ("duration", 63115200.0),
          "سنتين": ("duration", 63115200.0), "demi-heure": ("duration", 1800.0)}
_KIND_OF = {unit.casefold(): (kind, worth) for kind, units in _UNITS.items()
            for unit, worth in units.items()}
_UNIT_PATTERN = "|".join(re.escape(u) for u in sorted(_KIND_OF, key=len, reverse=True))
_MEASURE = re.compile(
    rf"(?:(?:(?<=(?<!\w)[وبلفك])|(?<![\w.,]))(?P<digits>{_DIGITS_PATTERN})"
    rf"(?:\s(?P<scale>{_SCALE_PATTERN}))?|(?<!\w)(?P<word>{_WORD_PATTERN}))"
    rf"[\s\u00a0-]?(?P<unit>{_UNIT_PATTERN}|demi-heure)(?!\w)", flags=re.IGNORECASE)
_DUAL = re.compile(r"(?<!\w)[وب]?(?P<dual>" + "|".join(_DUALS) + r")(?!\w)")
# temperatures: Celsius, or Fahrenheit read as Celsius
_TEMPERATURE = re.compile(
    rf"(?<![\w.,])(?P<digits>-?{_DIGITS_PATTERN})\s?(?:°|º|degrees?|degrés?|درجة|درجات)\s?"
    r"(?:(?P<f>F\b|Fahrenheit)|C\b|Celsius|مئوية)", flags=re.IGNORECASE)
# a time of day: "3 pm", "3:30 p.m.", "15:00", « 15 h », « 15h30 », "noon", « minuit »
_CLOCK = re.compile(
    r"(?<![\d:.,])(?P<h12>1[0-2]|0?[1-9])(?:[:.](?P<m12>[0-5]\d))?\s?(?P<half>[ap])\.?m\.?(?!\w)"
    r"|(?<![\d:.,])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])"
    r"|(?<![\d:.,])(?P<hfr>[01]?\d|2[0-3])\s?h(?:\s?(?P<mfr>[0-5]\d))?(?!\w)"
    r"|(?<!\w)(?P<noon>noon|midday|midi)(?!\w)|(?<!\w)(?P<midnight>midnight|minuit)(?!\w)",
    flags=re.IGNORECASE)
# a share said as a fraction: "half of", "a third of", "one in four", « la moitié », «نصف»,
# «من كل أربعة»
_FRACTIONS = {"half": 50.0, "moitié": 50.0, "quarter": 25.0, "quart": 25.0, "third": 100 / 3,
              "tiers": 100 / 3, "two thirds": 200 / 3,
              "deux tiers": 200 / 3, "three quarters": 75.0, "trois quarts": 75.0,
              "نصف": 50.0, "ربع": 25.0, "ثلث": 100 / 3, "ثلثي": 200 / 3, "ثلثا": 200 / 3,
              "ثلاثة أرباع": 75.0}
_FRACTION = re.compile(
    r"(?<!\w)(?:(?:a|one|la|le|un)\s+)?(?P<frac>two[- ]thirds|three quarters|deux tiers|"
    r"trois quarts|half|moitié|quarter|quart|third|tiers)\s+(?:of|de|des|d['’]|du)(?!\w)"
    r"|(?<!\w)(?P<one>one|un|une)\s+(?:\w+\s+)?(?:in|sur)\s+(?P<in>" + _WORD_PATTERN
    + r"|\d+)(?!\w)"
    # «طفل من كل عشرة أطفال»: one child in ten
    r"|(?<!\w)من\s+كل\s+(?P<arin>" + _WORD_PATTERN + r"|\d+)(?!\w)"
    r"|(?<![\w])(?P<ar>ثلاثة\s+أرباع|نصف|ربع|ثلثي|ثلثا|ثلث)\s+(?=ال(?!نهائي)|"
    # … of a whole named after its noun («ثلث مستشفيات الخرطوم»), not «نصف مليون», «ربع قرن»
    r"(?!(?:مليون|مليار|ساعة|قرن|نهائي|شهر|يوم|عام|سنة|ساعات|دقيقة)(?!\w))[^\s\d]+\s+ال)",
    flags=re.IGNORECASE)
# … and as a count of a whole: "4 of the 40 miners", "30 out of 120", « 4 des 40 », « 3 sur
# 10 », «4 من أصل 40», «20 من بين 40»
_PART_OF = re.compile(
    r"(?<![\d.,])(?P<part>\d{1,5})\s+(?:(?:فقط|seulement)\s+)?(?:(?:out\s+)?of(?:\s+the)?|des|sur|"
    r"(?:من\s+)?أصل|من\s+بين|من)\s+(?:الـ?)?(?P<whole>\d{1,5})(?![\d.,:%\w])"
    # … a noun between: "80 factories out of 90", « 200 infirmiers sur 600 », «80 مصنعاً من أصل 90»
    r"|(?<![\d.,])(?P<part2>\d{1,5})(?:\s+[^\s\d.,;:]+){1,2}\s+(?:out\s+of|sur|من\s+أصل|من\s+بين)\s+"
    r"(?:الـ?)?(?P<whole2>\d{1,5})(?![\d.,:%\w])", flags=re.IGNORECASE)
_ORDINALS = frozenset(("first", "second", "third", "fourth", "last", "final", "latter", "former",
                       "premier", "première", "deuxième", "second", "seconde", "dernier",
                       "dernière", "troisième", "quatrième"))
# a share that counts a change ("rose 10%", "up by 3 percent", « en hausse de 5 % », «بنسبة»)
_CHANGE = re.compile(
    r"(?:\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|up|down|increas\w*|decreas\w*|"
    r"gr[eo]w\w*|drop\w*|climb\w*|jump\w*|slump\w*|declin\w*|by|hausse|baisse|augment\w*|"
    r"diminu\w*|recul\w*|progress\w*|chut\w*)|(?<!\w)(?:ارتفع\w*|انخفض\w*|تراجع\w*|زاد\w*|"
    r"بنسبة))\W+(?:\w+\W+)?$", flags=re.IGNORECASE)
ACROSS_UNITS = 0.04  # how far apart the same quantity in two units may be (rounded conversions)
SHARE_POINTS = 1.0  # … and a share said as a fraction from its percentage ("a third", 33 %)


@dataclass(frozen=True)
class Measure:
    """A quantity ``text[span]`` states: its kind, its value in the kind's one unit (minutes
    past midnight for a time of day), the unit as written, and whether digits state it."""

    kind: str
    value: float
    span: Span
    unit: str
    digits: bool
    text: str

    def range(self) -> tuple[float, float]:
        """The values the quantity may be: a bound or a round figure widens it (:mod:`.bounds`)."""
        return bound_range(self.text, self.span[0], self.value)

    def changes(self) -> bool:
        """Whether the quantity counts a change ("rose 10%", « en hausse de 5 % »), not a level."""
        return _CHANGE.search(self.text, max(0, self.span[0] - 30), self.span[0]) is not None


def measures(text: str) -> list[Measure]:
    """The quantities ``text`` states, in the order they stand (see the module's docstring)."""
    return list(_measures(text))


@functools.lru_cache(maxsize=4096)
def _measures(text: str) -> tuple[Measure, ...]:
    found: list[Measure] = []
    for m in _CLOCK.finditer(text):
        found.append(Measure("time", _minutes(m), m.span(), "clock", m.group("noon") is None
                             and m.group("midnight") is None, text))
    for m in _TEMPERATURE.finditer(text):
        celsius = amount(m.group("digits").lstrip("-")) * (-1 if m.group("digits")[0] == "-"
                                                           else 1)
        if m.group("f"):
            celsius = (celsius - 32) * 5 / 9
        found.append(Measure("temperature", celsius, m.span(), "F" if m.group("f") else "C",
                             True, text))
    for m in _MEASURE.finditer(text):
        unit = m.group("unit").casefold()
        if unit == "demi-heure":
            kind, worth = "duration", 1800.0
        else:
            kind, worth = _KIND_OF[unit]
        if m.group("digits"):
            size = amount(m.group("digits"), m.group("scale"))
        else:
            size = _WORD_NUMBERS[m.group("word").casefold()]
            if unit == "an" and m.group("word").casefold() not in _FRENCH_ONES:
                continue  # "an" is a year only after a French number
        found.append(Measure(kind, size * worth, m.span(), unit, bool(m.group("digits")), text))
    for m in _DUAL.finditer(text):
        kind, value = _DUALS[m.group("dual")]
        found.append(Measure(kind, value, m.span("dual"), m.group("dual"), False, text))
    for m in _FRACTION.finditer(text):
        before = text[max(0, m.start() - 12):m.start()].split()
        if before and before[-1].casefold() in _ORDINALS:
            continue  # "the first half of 2024", "the third quarter of": a period, not a share
        if m.group("in") or m.group("arin"):
            word = m.group("in") or m.group("arin")
            whole = float(_WORD_NUMBERS.get(word.casefold(), word))
            if not 1 < whole <= 100:
                continue  # "one man in 2024"
            value = 100 / whole
        else:
            word = (m.group("frac") or m.group("ar")).casefold().replace("-", " ")
            value = _FRACTIONS[" ".join(word.split())]
        found.append(Measure("share", value, m.span(), "fraction", False, text))
    for m in _PART_OF.finditer(text):
        part, whole = int(m.group("part") or m.group("part2")), int(m.group("whole")
                                                                   or m.group("whole2"))
        if 0 < part < whole and not 1900 <= whole <= 2100:  # not "law 12 of 2019"
            found.append(Measure("share", 100 * part / whole, m.span(), "part", False, text))
    found.sort(key=lambda x: x.span)
    return tuple(x for k, x in enumerate(found)  # a span inside another's is part of that one
                 if not any(o.span[0] <= x.span[0] and x.span[1] <= o.span[1] and o != x
                            and (o.span != x.span or j < k) for j, o in enumerate(found)))


_FRENCH_ONES = frozenset(("un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
                          "dix", "onze", "douze", "quinze", "vingt", "trente", "cent"))


def _minutes(m: re.Match[str]) -> float:
    """Minutes past midnight of a time of day :data:`_CLOCK` found."""
    if m.group("noon"):
        return 720.0
    if m.group("midnight"):
        return 0.0
    if m.group("h12"):
        hour = int(m.group("h12")) % 12 + (12 if m.group("half").lower() == "p" else 0)
        return hour * 60.0 + int(m.group("m12") or 0)
    if m.group("h24"):
        return int(m.group("h24")) * 60.0 + int(m.group("m24"))
    return int(m.group("hfr")) * 60.0 + int(m.group("mfr") or 0)


def same(a: Measure, b: Measure) -> bool:
    """Whether two measures state the same quantity: one kind, one value (in one unit exactly;
    across units, rounded conversions allowed: "5 miles" is "8 km")."""
    if a.kind != b.kind:
        return False
    if a.unit == b.unit and a.digits and b.digits:
        return a.value == b.value
    if a.kind == "share" and {"fraction", "part"} & {a.unit, b.unit}:
        return abs(a.value - b.value) <= SHARE_POINTS
    return abs(a.value - b.value) <= ACROSS_UNITS * max(abs(a.value), abs(b.value))


# a month's name, in en/fr/ar (the Levant's and Iraq's names too: «كانون الثاني» is January),
# for the day of a date: "4 January", "January 4", "Jan. 4", « 4 janvier », «4 كانون الثاني»
_MONTH_NAME = ("|".join(_EN_MONTHS + _FR_MONTHS + tuple(m.capitalize() for m in _FR_MONTHS)
                        + _AR_MONTHS)
               + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|fevrier|aout|"
               r"كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين")
_DAY_BEFORE_MONTH = re.compile(rf"\s*(?:of\s+|من\s+)?(?:{_MONTH_NAME})(?!\w)")
_MONTH_BEFORE_DAY = re.compile(rf"(?<!\w)(?:{'|'.join(_EN_MONTHS)}|(?:Jan|Feb|Mar|Apr|Jun|Jul|"
                               r"Aug|Sep|Sept|Oct|Nov|Dec)\.?)\s+$")


def is_day(text: str, number: re.Match[str]) -> bool:
    """Whether ``number`` is the day of a date ("4" of "on 4 January", "January 4", « le 4
    janvier », «4 يناير», «الاثنين 4 كانون الثاني»), not a count.

    >>> [is_day(t, NUMBER.search(t)) for t in ("On 4 January", "Jan. 4, 2024", "4 killed")]
    [True, True, False]
    """
    if not number.group("digits").isdigit() or not 1 <= int(number.group("digits")) <= 31:
        return False
    return (_DAY_BEFORE_MONTH.match(text, number.end()) is not None
            or _MONTH_BEFORE_DAY.search(text[max(0, number.start() - 12):number.start()])
            is not None)


def kind_at(text: str, at: int) -> str | None:
    """The kind of the measure ``text`` states at offset ``at`` ("duration" for the "24" of
    "within 24 hours"; "day" for the day of a date, the "4" of "4 January": :func:`is_day`),
    or None for a number that counts things ("18 regions"): a count is no conflict with a
    duration, nor a length with a share, nor a day with a death toll.

    >>> kind_at("18 regions within 24 hours", 0), kind_at("18 regions within 24 hours", 18)
    (None, 'duration')
    >>> kind_at("On 4 January, 95 were killed", 3), kind_at("On 4 January, 95 were killed", 14)
    ('day', None)
    """
    number = NUMBER.match(text, at)
    if number is not None and is_day(text, number):
        return "day"
    return next((m.kind for m in measures(text)  # "23 of the 45 seats" counts seats
                 if m.span[0] <= at < m.span[1] and m.unit != "part"), None)


def agreeing(claim: str, sentence: str) -> list[tuple[Span, Span]]:
    """The spans of the claim's measures and of the sentence's that state the same quantity
    ("3 pm" and "15:00", "3.5 km" and "3,500 metres"): their digits are no conflict."""
    theirs = measures(sentence)
    return [(a.span, b.span) for a in measures(claim) for b in theirs if same(a, b)]


def differing(claim: str, sentence: str) -> tuple[Span, Span] | None:
    """A measure written without digits on one side at least ("two hours", "half of") against
    a measure of the same kind on the other that cannot be the same quantity, even as a bound
    or a round figure ("30 minutes", "10%"), where neither side states the other's value
    anywhere: the spans of the first such pair."""
    mine, theirs = measures(claim), measures(sentence)
    for a in mine:
        for b in theirs:
            if (a.kind != b.kind or (a.digits and b.digits)
                    or any(same(a, o) for o in theirs) or any(same(o, b) for o in mine)
                    or (a.kind == "share" and (a.changes() or b.changes()))):
                continue
            (a_low, a_high), (b_low, b_high) = a.range(), b.range()
            if not same(a, b) and (a_high < b_low or b_high < a_low):
                return a.span, b.span
    return None
