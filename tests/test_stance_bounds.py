"""Numbers a word bounds or rounds ("at least 40", « plus de 300 », «نحو 2000»): the count they
may stand for is no conflict (evidence check revision 14, :mod:`corroborate.stance.bounds`)."""

from __future__ import annotations

import re

import pytest

from corroborate.stance.bounds import bound_range, consistent, covers
from corroborate.stance.conflict import find_conflicts, soft_conflicts


def _kinds(claim: str, sentence: str) -> tuple[list[str], list[str]]:
    return ([c.kind for c in find_conflicts(claim, sentence)],
            [c.kind for c in soft_conflicts(claim, sentence)])


@pytest.mark.parametrize(("claim", "sentence"), [
    ("At least 40 people were killed in the floods.", "The floods killed 52 people."),
    ("Plus de 300 vols ont été annulés vendredi.", "Airlines cancelled 340 flights on Friday."),
    ("أُلغيت أكثر من 300 رحلة يوم الجمعة.", "Les compagnies ont annulé 340 vols vendredi."),
    ("Nearly 2,000 people were evacuated.", "Quelque 1 950 habitants ont été évacués."),
    ("تم إجلاء قرابة 2000 شخص من البلدة.", "Some 1,950 residents were evacuated."),
    ("Up to 80 migrants were on board.", "The boat carried 64 migrants."),
    ("There are over 5,000 alumni.", "The law school's 5,539 alumni"),
    ("The US keeps about 2,500 troops in Iraq.", "The US has some 2,400 troops in Iraq."),
])
def test_a_bound_the_text_bears_out_is_stated_not_in_conflict(claim: str, sentence: str) -> None:
    # the claim's range holds the text's number: the text says what the claim says
    assert _kinds(claim, sentence) == ([], [])


@pytest.mark.parametrize(("claim", "sentence"), [
    ("The floods killed 52 people.", "At least 40 people were killed in the floods."),
    ("Airlines cancelled 340 flights on Friday.", "أُلغيت أكثر من 300 رحلة يوم الجمعة."),
    ("More than 300 flights were cancelled.", "More than 320 flights were cancelled."),
])
def test_a_bound_that_says_less_than_the_claim_is_a_soft_conflict(claim: str,
                                                                   sentence: str) -> None:
    # no contradiction to point at, nor one statement: "more than 300" does not say 340
    assert _kinds(claim, sentence) == ([], ["number"])


@pytest.mark.parametrize(("claim", "sentence"), [
    ("At least 40 people were killed in the floods.", "The floods killed 12 people."),
    ("More than 500 million views", "More than 22 million views"),  # bounds reach by half
    ("يقوم 20,000 شخص بالعمل", "أكثر من 500 شخص"),
    ("The US keeps about 2,500 troops in Iraq.", "The US has 2,000 troops in Iraq."),
    ("Inflation was 2.4 %.", "Inflation was about 2.5 %."),  # a decimal: value unknown here
    ("About 20 times the altitude", "pilots fly up to 80 thousand feet"),
])
def test_a_bound_the_other_number_cannot_be_stays_a_conflict(claim: str, sentence: str) -> None:
    assert "number" in _kinds(claim, sentence)[0]


def test_a_bound_reaches_by_half_a_round_figure_by_a_tenth() -> None:
    def at(text: str, value: float) -> tuple[float, float]:
        m = re.search(r"\d[\d,]*", text)
        assert m is not None
        return bound_range(text, m.start(), value)

    assert at("at least 40 dead", 40) == (40, 60)
    assert at("« moins de 300 »", 300) == (200, 300)
    assert at("نحو 2000 شخص", 2000) == pytest.approx((1800, 2200))
    assert at("the 40 dead", 40) == (40, 40)
    assert not consistent("40", 0, 40, "52", 0, 52)  # two plain numbers that differ
    assert consistent("at least 40", 9, 40, "52", 0, 52)
    assert covers("at least 40", 9, 40, "52", 0, 52)
    assert not covers("52", 0, 52, "at least 40", 9, 40)
    assert not consistent("at least 40", 9, None, "52", 0, 52)


@pytest.mark.parametrize(("claim", "sentence"), [
    # four digits after a bound or round word may be a count or a year: no conflict of either
    ("تم إجلاء 1950 من سكان البلدة.", "تم إجلاء قرابة 2000 شخص من البلدة."),
    ("Some 1950 residents were evacuated.", "Nearly 2000 people were evacuated."),
    ("Peru declared an emergency in 18 regions.", "Bangladesh reported more than 2000 cases."),
])
def test_four_digits_after_a_bound_word_are_neither_a_year_nor_a_count(claim: str,
                                                                      sentence: str) -> None:
    assert find_conflicts(claim, sentence) == []
    # a plain year still conflicts with another
    assert [c.kind for c in find_conflicts("The dam burst in 2021.", "The dam burst in 2019.")
            ] == ["date"]
