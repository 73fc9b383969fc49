"""Numbers a word bounds or rounds ("at least 40", « plus de 300 », «نحو 2000»), as ranges.

A count in the news is often a bound or a round figure: "at least 40 people were killed" is
borne out by "52 were killed", "more than 300 flights" by "340 flights", "nearly 2,000
residents" by « quelque 1 950 habitants ». :func:`consistent` says whether two numbers, each
read with the word before it, can be the same count: their ranges overlap. A lower bound
("at least", "more than", « au moins », «ما لا يقل عن») reaches up by half (a report says "more
than 300" of 340, not of 20,000; "more than 500 million" is not "more than 22 million"; a
threshold passed, "topped 200", « a dépassé 200 », «تجاوز … 200», is one too), an
upper bound ("up to", "fewer than", « moins de », «أقل من») down by a third, a round figure
("about", "nearly", « environ », « près de », «نحو», «قرابة») 10 % either way; a number with no
such word is itself. Two plain numbers are never consistent (they differ), nor is a decimal read
("2.4" and « 2,4 » are read as their digits elsewhere, so their value is unknown here).
:func:`covers` says whether the first number says what the second says: "at least 40" says
what "52" says, but "340 flights" says more than "more than 300 flights".

    >>> import re
    >>> text = "More than 300 flights were cancelled."
    >>> m = re.search(r"\\d+", text)
    >>> bound_range(text, m.start(), 300.0)
    (300.0, 450.0)
"""

from __future__ import annotations

import re

__all__ = ["BOUND_REACH", "ROUND_SHARE", "bound_before", "bound_range", "consistent", "covers"]

ROUND_SHARE = 0.1  # how far a round figure ("about 2,000") reaches either way
BOUND_REACH = 1.5  # how far a bound reaches: "more than 300" up to 450, "up to 300" down to 200
_BOUND = re.compile(
    r"(?<!\w)(?:"
    r"(?P<low>at\s+least|more\s+than|over|upwards\s+of|in\s+excess\s+of|no\s+(?:fewer|less)\s+than|"
    # a threshold passed: "topped 200 percent", « a dépassé 200 % », «تجاوز التضخم … 200»
    r"(?:topped|tops|exceeded|exceeds|surpassed|crossed)|(?:went|rose|climbed)\s+above|"
    r"dépass(?:é|ée|e|ent)(?:\s+les?)?|franchi(?:\s+la\s+barre\s+des?)?|"
    r"(?:تجاوز|تجاوزت|يتجاوز|تتجاوز|تخطى|تخطت|فاق|فاقت|يفوق|تفوق)(?:\s+\S+){0,4}?|"
    r"au\s+moins|plus\s+de|pas\s+moins\s+de|au-delà\s+de|"
    r"ما\s+لا\s+يقل\s+عن|لا\s+يقل\s+عن|أكثر\s+من|ما\s+يزيد\s+(?:على|عن)|يزيد\s+(?:على|عن))"
    r"|(?P<high>up\s+to|fewer\s+than|less\s+than|under|at\s+most|no\s+more\s+than|"
    r"jusqu['’]à|moins\s+de|au\s+plus|أقل\s+من|ما\s+لا\s+يزيد\s+(?:على|عن)|لا\s+يزيد\s+(?:على|عن))"
    r"|(?P<round>about|around|roughly|some|nearly|almost|approximately|close\s+to|"
    r"(?:an\s+)?estimated|environ|près\s+de|presque|quelque|autour\s+de|quasiment|"
    r"نحو|حوالي|حوالى|قرابة|زهاء|ما\s+يقارب|ما\s+يناهز|يناهز))\s*$",
    flags=re.IGNORECASE)


def bound_before(text: str, start: int) -> int | None:
    """Where the word bounding or rounding the number at ``start`` begins ("more than" in
    "more than 300"), None when there is none."""
    m = _BOUND.search(text, max(0, start - 50), start)
    return None if m is None else m.start()


def bound_range(text: str, start: int, value: float) -> tuple[float, float]:
    """The counts a number of ``value`` at ``start`` of ``text`` may stand for, by the word
    before it (see the module's docstring): ``(value, value)`` when there is none."""
    m = _BOUND.search(text, max(0, start - 50), start)
    if m is None:
        return value, value
    if m.group("low"):
        return value, value * BOUND_REACH
    if m.group("high"):
        return value / BOUND_REACH, value
    return value * (1 - ROUND_SHARE), value * (1 + ROUND_SHARE)


def consistent(a_text: str, a_start: int, a_value: float | None,
               b_text: str, b_start: int, b_value: float | None) -> bool:
    """Whether two numbers that differ may be the same count: one at least is bounded or
    round, and their ranges overlap ("at least 40" and "52"; not "at least 40" and "12")."""
    if a_value is None or b_value is None:
        return False
    a = bound_range(a_text, a_start, a_value)
    b = bound_range(b_text, b_start, b_value)
    if a == (a_value, a_value) and b == (b_value, b_value):
        return False
    return a[0] <= b[1] and b[0] <= a[1]


def covers(a_text: str, a_start: int, a_value: float | None,
           b_text: str, b_start: int, b_value: float | None) -> bool:
    """Whether the first number says what the second says: its range holds the second's value,
    and the second is no one-sided bound ("at least 40" holds "52", "about 2,500" holds "some
    2,400"; "340" does not hold "more than 300", nor "more than 300" "more than 320")."""
    if a_value is None or b_value is None:
        return False
    low, high = bound_range(a_text, a_start, a_value)
    b = bound_range(b_text, b_start, b_value)
    one_sided = b != (b_value, b_value) and (b[0] == b_value or b[1] == b_value)
    return low <= b_value <= high and not one_sided
