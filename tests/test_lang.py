"""detect_language on sentences written for these tests, short text, and real page text."""

from __future__ import annotations

import pytest

from corroborate.lang import detect_language

SENTENCES = {
    "en": "The minister said on Tuesday that the ceasefire talks would resume next week in Cairo.",
    "fr": (
        "Le ministre a déclaré mardi que les négociations sur le cessez-le-feu "
        "reprendraient au Caire."
    ),
    "ar": "قال الوزير يوم الثلاثاء إن محادثات وقف إطلاق النار ستستأنف الأسبوع المقبل في القاهرة.",
    "de": (
        "Der Minister sagte am Dienstag, die Gespräche über eine Waffenruhe "
        "würden nächste Woche fortgesetzt."
    ),
    "ru": (
        "Министр заявил во вторник, что переговоры о прекращении огня "
        "возобновятся на следующей неделе."
    ),
    "zh": "部长周二表示，停火谈判将于下周在开罗恢复。",
    "es": (
        "El ministro dijo el martes que las conversaciones sobre el alto el fuego "
        "se reanudarían en El Cairo."
    ),
    "fa": "وزیر روز سه‌شنبه گفت که مذاکرات آتش‌بس هفته آینده در قاهره از سر گرفته خواهد شد.",
    "tr": (
        "Bakan salı günü ateşkes görüşmelerinin gelecek hafta Kahire'de "
        "yeniden başlayacağını söyledi."
    ),
    "he": "השר אמר ביום שלישי כי שיחות הפסקת האש יתחדשו בשבוע הבא בקהיר.",
    "ja": "大臣は火曜日、停戦協議が来週カイロで再開されると述べた。",
}


@pytest.mark.parametrize(("code", "sentence"), SENTENCES.items())
def test_sentences(code: str, sentence: str) -> None:
    assert detect_language(sentence) == code


@pytest.mark.parametrize("code", ["en", "fr", "ar", "zh"])
def test_headline_length_text(code: str) -> None:
    short = {
        "en": "Talks to resume in Cairo next week",
        "fr": "Les négociations reprendront au Caire",
        "ar": "استئناف المحادثات في القاهرة",
        "zh": "停火谈判下周恢复",
    }[code]
    assert detect_language(short) == code


@pytest.mark.parametrize(
    "text", ["", "   ", "OK", "12345 678 -- 90", "https://example.com/a/b/c", "Paris"]
)
def test_too_short_or_uncertain_gives_empty(text: str) -> None:
    assert detect_language(text) == ""


def test_upper_case_and_urls_do_not_confuse() -> None:
    assert detect_language("THE MINISTER SAID ON TUESDAY THAT TALKS WOULD RESUME") == "en"
    assert (
        detect_language(
            "Lire la suite sur https://www.lemonde.fr/international/article/2024/x.html "
            "où le gouvernement explique sa décision"
        )
        == "fr"
    )


def test_mixed_text_takes_the_main_language() -> None:
    text = SENTENCES["fr"] + " " + SENTENCES["fr"] + " (Reuters, BBC)"
    assert detect_language(text) == "fr"
