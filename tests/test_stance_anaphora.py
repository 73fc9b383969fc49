""""The group" read as the armed group its article names (sentences written here, en/fr/ar)."""

from __future__ import annotations

import pytest

from corroborate.stance.anaphora import resolve_group
from corroborate.stance.evidence import missing_names


@pytest.mark.parametrize(("text", "context", "read"), [
    ("Officials said the group had about 3,000 fighters left in the desert.",
     "Islamic State cells regroup in Anbar\nIslamic State fighters attacked a checkpoint.",
     "Officials said the Islamic State group had about 3,000 fighters left in the desert."),
    ("Last year the militant group's attacks fell by half.",
     "Hezbollah fires rockets at the border",
     "Last year the Hezbollah militant group's attacks fell by half."),
    ("Selon la police, le groupe jihadiste a revendiqué l'attaque mardi.",
     "Les talibans reprennent une ville du nord",
     "Selon la police, le groupe jihadiste talibans a revendiqué l'attaque mardi."),
    ("وقال مسؤولون إن التنظيم فقد معظم قادته في المنطقة.",
     "هجوم لداعش على حاجز للجيش في الأنبار",
     "وقال مسؤولون إن داعش فقد معظم قادته في المنطقة."),
    ("وكان التنظيم قد تبنى الهجوم.", "تنظيم الدولة يتبنى الهجوم على حاجز",
     "وكان تنظيم الدولة قد تبنى الهجوم."),
    # the context names the group in the other script first: its name in the text's script
    ("وكان التنظيم قد تبنى الهجوم.", "Islamic State claims attack\nأعلن داعش",
     "وكان داعش قد تبنى الهجوم."),
])
def test_the_group_is_the_group_the_article_names(text: str, context: str, read: str) -> None:
    assert resolve_group(text, context) == read


@pytest.mark.parametrize(("text", "context"), [
    # two groups in the article: which one is "the group" is not for a rule to say
    ("The group claimed the attack.", "Hamas and Hezbollah traded accusations"),
    # no armed group at all
    ("The group of experts met in Geneva.", "Climate talks resume in Geneva"),
    # the text names a group itself: nothing to resolve
    ("Hamas said the group would respond.", "Islamic State claims attack"),
    # nothing that refers to a group
    ("Officials said 3,000 fighters were left.", "Islamic State cells regroup"),
    # the group named only in another script, and "is" is a verb, not the group "IS"
    ("The group said this is over.", "داعش يتبنى\nThis is what the State said"),
    # names and groups of something are not references to the armed group
    ("The Group of Seven condemned the attack.", "Islamic State claims attack"),
    ("the group of experts condemned the attack.", "Islamic State claims attack"),
    ("Selon l'Organisation mondiale de la santé, 40 blessés.", "L'État islamique revendique"),
    ("Le groupe de travail se réunira lundi.", "L'État islamique revendique"),
])
def test_nothing_is_resolved_without_one_group(text: str, context: str) -> None:
    assert resolve_group(text, context) == text


def test_resolved_text_names_what_the_claim_names() -> None:
    claim = "ISIS had more than 35,000 fighters in Iraq at its peak."
    text = "The sources said the group had more than 35,000 fighters in Iraq at its peak."
    assert missing_names(claim, text)  # read alone, the passage does not name the group
    read = resolve_group(text, "Iraq's missing Islamic State fighters\nIraqi officials say ...")
    assert missing_names(claim, read) == []
