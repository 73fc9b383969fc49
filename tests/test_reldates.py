"""Relative dates anchored to the publication date, for the stance model's reading."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from corroborate.stance.reldates import anchor_dates

THURSDAY = datetime(2024, 1, 4, 9, 30)  # 4 January 2024 was a Thursday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The group claimed the attack on Thursday in a statement.",
            "The group claimed the attack on Thursday, 4 January 2024, in a statement.",
        ),
        ("Two bombs exploded on Wednesday.", "Two bombs exploded on Wednesday, 3 January 2024."),
        (
            "Funerals were held on Friday.",
            "Funerals were held on Friday, 29 December 2023.",
        ),  # the latest Friday
        (
            "The minister will visit Baghdad on Monday.",
            "The minister will visit Baghdad on Monday, 8 January 2024.",
        ),
        (
            "He said yesterday that talks had failed.",
            "He said yesterday, 3 January 2024, that talks had failed.",
        ),
        (
            "On Thursday 4 January the city mourned.",
            "On Thursday 4 January the city mourned.",
        ),  # already dated
        ("The Sunday-only market closed.", "The Sunday-only market closed."),
    ],
)
def test_english_weekdays_get_their_date(text: str, expected: str) -> None:
    assert anchor_dates(text, "en", THURSDAY) == expected


def test_a_future_marker_in_another_sentence_does_not_count() -> None:
    text = "Iran will respond. The group claimed the bombings on Thursday."
    assert anchor_dates(text, "en", THURSDAY).endswith("on Thursday, 4 January 2024.")


def test_french_weekdays_and_hier() -> None:
    assert (
        anchor_dates(
            "L'organisation a revendiqué jeudi l'attentat commis mercredi.", "fr", THURSDAY
        )
        == "L'organisation a revendiqué jeudi 4 janvier 2024 "
        "l'attentat commis mercredi 3 janvier 2024."
    )
    assert (
        anchor_dates("Hier soir, le bilan a été revu.", "fr", THURSDAY)
        == "Hier (3 janvier 2024) soir, le bilan a été revu."
    )
    assert anchor_dates("Le sommet se tiendra lundi prochain.", "fr", THURSDAY) == (
        "Le sommet se tiendra lundi 8 janvier 2024 prochain.")
    assert (
        anchor_dates("Rendez-vous jeudi 11 janvier.", "fr", THURSDAY)
        == "Rendez-vous jeudi 11 janvier."
    )
    assert (
        anchor_dates("Le 1er janvier, samedi.", "fr", date(2022, 1, 3))
        == "Le 1er janvier, samedi 1er janvier 2022."
    )


def test_arabic_weekdays_and_words_that_only_look_like_one() -> None:
    assert (anchor_dates("وتبنى التنظيم الهجوم في بيان نشره يوم الخميس، وقال إن", "ar", THURSDAY)
            == "وتبنى التنظيم الهجوم في بيان نشره يوم الخميس 4 يناير 2024، وقال إن")
    assert (
        anchor_dates("وأعلنت إيران الخميس يوم حداد", "ar", THURSDAY)
        == "وأعلنت إيران الخميس 4 يناير 2024 يوم حداد"
    )
    # الجمعة / الأحد are also "the congregation" / "the one": dated only after يوم
    assert anchor_dates("أدى المصلون صلاة الجمعة", "ar", THURSDAY) == "أدى المصلون صلاة الجمعة"
    assert (
        anchor_dates("وقعت الحادثة يوم الجمعة", "ar", THURSDAY)
        == "وقعت الحادثة يوم الجمعة 29 ديسمبر 2023"
    )
    assert (
        anchor_dates("سوف يجتمع الوزراء يوم الأحد", "ar", THURSDAY)
        == "سوف يجتمع الوزراء يوم الأحد 7 يناير 2024"
    )


def test_without_a_date_or_a_known_language_the_text_is_kept() -> None:
    assert anchor_dates("It happened on Thursday.", "en", None) == "It happened on Thursday."
    assert anchor_dates("Es geschah am Donnerstag.", "de", THURSDAY) == "Es geschah am Donnerstag."
    assert anchor_dates("", "en", THURSDAY) == ""


def test_to_the_month_a_reports_day_never_conflicts_with_the_events() -> None:
    """The engine writes dates out to the month: "claimed on Thursday" (4 January) beside a
    claim about the bombing of 3 January then carries no day that conflicts with it."""
    text = "The group claimed responsibility on Thursday for the bombings a day earlier."
    anchored = anchor_dates(text, "en", THURSDAY, day=False)
    assert anchored == ("The group claimed responsibility on Thursday, January 2024, for the "
                        "bombings a day earlier.")
    assert anchor_dates("Hier, le bilan a été revu.", "fr", THURSDAY, day=False) == \
        "Hier (janvier 2024), le bilan a été revu."
    from corroborate.stance.conflict import find_conflicts

    assert find_conflicts("The bombings took place on 3 January 2024.", anchored) == []
