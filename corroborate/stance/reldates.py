"""Anchor a news text's relative dates to its publication date, for the stance model.

News copy dates events relative to its dateline ("claimed responsibility on Thursday", « hier
soir », «يوم الخميس»); claims carry absolute dates ("in January 2024"). A reader resolves the
weekday from the article's date without thinking; the stance model cannot see that date, and
reads a dated claim against an undated passage as unverified (neutral). :func:`anchor_dates`
writes the absolute date beside each weekday and "yesterday" word of the text the
model reads — "on Thursday, 4 January 2024, for the two bombings" — so the date can support
or contradict the claim like any other detail. What the page shows is never changed.

A weekday means the latest such day on or before publication, unless a future marker
(will, is due to, next; va, prochain; سوف, المقبل) comes shortly before it in the same
sentence, in which case it means the next such day. A weekday already followed by a day
number ("jeudi 4 janvier") is left alone.

Example:
    >>> from datetime import datetime
    >>> anchor_dates("The group claimed it on Thursday.", "en", datetime(2024, 1, 4, 12))
    'The group claimed it on Thursday, 4 January 2024.'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
_FR_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
              "octobre", "novembre", "décembre")
_AR_MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
              "أكتوبر", "نوفمبر", "ديسمبر")


def _en_date(d: date, day: bool = True) -> str:
    month = f"{_EN_MONTHS[d.month - 1]} {d.year}"
    return f"{d.day} {month}" if day else month


def _fr_date(d: date, day: bool = True) -> str:
    month = f"{_FR_MONTHS[d.month - 1]} {d.year}"
    return f"{'1er' if d.day == 1 else d.day} {month}" if day else month


def _ar_date(d: date, day: bool = True) -> str:
    month = f"{_AR_MONTHS[d.month - 1]} {d.year}"
    return f"{d.day} {month}" if day else month


# weekday words, Monday first, per language
_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_FR_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
# الجمعة and الأحد are also ordinary words (the congregation; the one): only after يوم
_AR_DAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
_AR_NEEDS_YAWM = frozenset({"الجمعة", "الأحد"})

_FUTURE = {
    "en": re.compile(
        r"\b(will|won't|shall|is due|are due|is to|are to|is expected|are expected|plans? to|"
        r"scheduled|next|upcoming|until)\b",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"\b(va|vont|devra|devrait|devraient|doit|doivent|prochain|prochaine|jusqu'à|prévue?s?|"
        r"sera|seront|aura|auront|fera|feront|ira|iront|tiendra|tiendront|pourra|pourront|"
        r"viendra|viendront)\b|\w{2,}(?:era|eront|ira|iront)\b",
        re.IGNORECASE,
    ),
    "ar": re.compile(r"(سوف|المقبل|القادم|المقبلة|القادمة|من المقرر|من المنتظر|حتى)"),
}
# "lundi prochain", "next Monday" said after the day: «الأحد المقبل»
_FUTURE_AFTER = re.compile(r"^\s*(prochain|prochaine|qui vient|المقبل|القادم)(?!\w)", re.IGNORECASE)
_LOOKBACK = 60  # characters before a weekday searched for a future marker, within its sentence
_DATE_AFTER = re.compile(r"^[\s,]*(\d|1er\b)")
_SENTENCE_END = re.compile(r"[.!?؟\n]")


def _resolve(weekday: int, published: date, future: bool) -> date:
    delta = (weekday - published.weekday()) % 7
    if future:
        return published + timedelta(days=delta or 7)
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _is_future(text: str, at: int, language: str, end: int) -> bool:
    if _FUTURE_AFTER.match(text[end:end + 16]):
        return True
    before = text[max(0, at - _LOOKBACK):at]
    before = _SENTENCE_END.split(before)[-1]
    pattern = _FUTURE.get(language)
    return bool(pattern and pattern.search(before))


def _insert(text: str, matches: list[tuple[int, str]]) -> str:
    """Insert each text at its offset (offsets in the original text)."""
    out, last = [], 0
    for at, piece in sorted(matches):
        out.append(text[last:at])
        out.append(piece)
        last = at
    out.append(text[last:])
    return "".join(out)


# "today" words are left out: "Iraq today", « aujourd'hui », «اليوم» as often mean "nowadays"
_EN_PATTERN = re.compile(r"(?<![\w-])(?P<w>" + "|".join(_EN_DAYS) + r"|yesterday)(?![\w-])")
_FR_PATTERN = re.compile(
    r"(?<![\w'’-])(?P<w>" + "|".join(_FR_DAYS) + r"|hier)(?![\w-])", re.IGNORECASE
)
_AR_PATTERN = re.compile(r"(?<!\w)(?P<w>" + "|".join(_AR_DAYS) + r"|أمس)(?!\w)")


def anchor_dates(text: str, language: str, published: datetime | date | None, *,
                 day: bool = True) -> str:
    """``text`` with the absolute date written after each weekday / yesterday word.

    Args:
        text: a passage or sentence of a news article.
        language: the article's language code; en, fr and ar are handled, others returned as is.
        published: the article's publication date (without one, the text is returned as is).
        day: write the day of the month too; ``False`` writes the month and year only ("on
            Thursday, January 2024"), what the engine uses: a report dated the day after the event
            ("claimed on Thursday" the bombing of Wednesday 3 January) then never reads as
            conflicting with the event's date, while a claim's month and year can still be
            checked.
    """
    spec = _SPECS.get((language or "").split("-")[0].lower())
    if published is None or not text or spec is None:
        return text
    today = published.date() if isinstance(published, datetime) else published
    inserts: list[tuple[int, str]] = []
    for m in spec.pattern.finditer(text):
        word, start, end = m.group("w"), m.start("w"), m.end("w")
        if _DATE_AFTER.match(text[end:end + 8]):
            continue  # already dated
        if word.lower() == spec.yesterday:
            inserts.append((end, spec.yesterday_text(text, end, today - timedelta(days=1),
                                                     day)))
            continue
        if word in spec.needs_yawm and text[max(0, start - 4):start] != "يوم ":
            continue
        weekday = spec.days.index(word.lower() if spec.lowercase else word)
        when = _resolve(weekday, today, _is_future(text, start, spec.code, end))
        inserts.append((end, spec.day_text(text, end, when, day)))
    return _insert(text, inserts) if inserts else text


@dataclass(frozen=True)
class _Spec:
    """How one language names days and how a date is written after them."""

    code: str
    pattern: re.Pattern[str]
    days: tuple[str, ...]
    yesterday: str
    # (text, offset after the word, date, with the day) -> what to insert
    day_text: Callable[[str, int, date, bool], str]
    yesterday_text: Callable[[str, int, date, bool], str]
    lowercase: bool = False
    needs_yawm: frozenset[str] = frozenset()


def _en_after(text: str, end: int, when: date, day: bool = True) -> str:
    """", 4 January 2024" plus a closing comma when the sentence goes on after the word."""
    follows = text[end:end + 2]
    closing = "," if follows[:1] == " " and follows[1:2].isalnum() else ""
    return f", {_en_date(when, day)}{closing}"


_SPECS = {
    "en": _Spec("en", _EN_PATTERN, _EN_DAYS, "yesterday", _en_after, _en_after),
    # « jeudi 4 janvier 2024 », « hier (3 janvier 2024) »
    "fr": _Spec("fr", _FR_PATTERN, _FR_DAYS, "hier", lambda t, e, d, k: f" {_fr_date(d, k)}",
                lambda t, e, d, k: f" ({_fr_date(d, k)})", lowercase=True),
    "ar": _Spec("ar", _AR_PATTERN, _AR_DAYS, "أمس", lambda t, e, d, k: f" {_ar_date(d, k)}",
                lambda t, e, d, k: f" {_ar_date(d, k)}", needs_yawm=_AR_NEEDS_YAWM),
}
