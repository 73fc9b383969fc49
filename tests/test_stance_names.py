"""Another name for the same actor is not another actor: the claim is read with the passage's
own name for each entity both name (``entities.align_names``), in each language.

Probed 2026-12-05 (bf16, calibrated, evidence check revision 7) before the alignment: the same
sentence with "ISIS" for "Islamic State" read contradicts 0.65 (supports 0.21), "Washington"
for "The United States" contradicts 0.69 (supports 0.07), "Daech" for "État islamique" 0.60,
"داعش" for "تنظيم الدولة الإسلامية" 0.69; with the passage's name each reads supports 0.86–0.90.
"""

from __future__ import annotations

from typing import Any

import pytest

from corroborate.lang import detect_language
from corroborate.settings import Settings
from corroborate.stance.entities import align_names

GWS = ("The Islamic State group claimed responsibility on Thursday for the two bombings that "
       "killed scores of people at a memorial for the Iranian commander Qasem Soleimani in the "
       "city of Kerman a day earlier.")


def align(claim: str, text: str) -> str:
    return align_names(claim, text, detect_language)


@pytest.mark.parametrize(("claim", "text", "read_as"), [
    ("ISIS claimed responsibility for the two bombings in Kerman.", GWS,
     "Islamic State claimed responsibility for the two bombings in Kerman."),
    ("Washington announced 1,500 more troops for Iraq, and Washington confirmed it later.",
     "The United States announced on Sunday that it would send 1,500 more troops to Iraq.",
     "United States announced 1,500 more troops for Iraq, and United States confirmed it later."),
    ("Daech a revendiqué les attentats de Kerman.",
     "Le groupe État islamique a revendiqué jeudi le double attentat de Kerman, en Iran.",
     "État islamique a revendiqué les attentats de Kerman."),
    # Arabic: the longest name the aliases reach ("تنظيم الدولة" + "الدولة الإسلامية")
    ("تبنى داعش تفجيري كرمان.", "تبنى تنظيم الدولة الإسلامية تفجيري كرمان في إيران يوم الخميس.",
     "تبنى تنظيم الدولة الإسلامية تفجيري كرمان."),
])
def test_the_claim_takes_the_passage_name_for_an_entity_both_name(
        claim: str, text: str, read_as: str) -> None:
    assert align(claim, text) == read_as


@pytest.mark.parametrize(("claim", "text"), [
    # across languages a replaced name gives a mixed sentence: left alone
    ("L'État islamique a revendiqué les attentats de Kerman en Iran.", GWS),
    # an adjective, or a name inside a longer word, is not a name to replace
    ("Les soldats américains restent en Irak jusqu'à la fin de l'année.",
     "Les États-Unis gardent environ 2 500 soldats en Irak, a indiqué le Pentagone."),
    ("Iranian officials said the bombers had come from abroad, the ministry said.",
     "Officials in Tehran said the bombers had come from Afghanistan."),
    # other actors stay other actors; an entity only one text names stays
    ("Hamas claimed the rocket attack on the northern town.",
     "Hezbollah claimed the rocket attack on the northern town on Monday."),
    ("ISIS claimed the attack in the northern town, officials said.",
     "Officials said the attack in the northern town was claimed on Monday by a local group."),
    # the same name as written (case aside) needs nothing
    ("The Islamic State claimed responsibility for the twin bombings in Kerman, Iran.", GWS),
])
def test_names_are_left_alone_where_they_should_be(claim: str, text: str) -> None:
    assert align(claim, text) == claim


def test_a_latin_name_stays_when_a_language_is_unknown() -> None:
    assert align_names("ISIS claimed it.", GWS, lambda _text: "") == "ISIS claimed it."


def test_the_names_version_is_part_of_the_cache_key() -> None:
    from corroborate.stance.model import NAMES_VERSION, StanceModel

    key = StanceModel(None, None, "w" * 64, 96, precision="bf16").cache_key
    assert key.endswith(f":names-{NAMES_VERSION}")


ALIAS_PAIRS = [  # (claim, passage): the same statement, one actor named two ways, one language
    ("ISIS claimed responsibility for the two bombings in Kerman.",
     "Islamic State claimed responsibility for the two bombings in Kerman."),
    ("Washington announced 1,500 more troops for Iraq.",
     "The United States announced 1,500 more troops for Iraq."),
    ("Daech a revendiqué les attentats de Kerman.",
     "Le groupe État islamique a revendiqué les attentats de Kerman."),
    ("تبنى داعش تفجيري كرمان.", "تبنى تنظيم الدولة الإسلامية تفجيري كرمان."),
]


@pytest.mark.slow
def test_the_shipped_model_reads_another_name_of_the_actor_as_the_same_statement() -> None:
    from corroborate.stance import classify_stance, load_stance_model

    model: Any = load_stance_model(Settings.load(env={}))
    for claim, text in ALIAS_PAIRS:
        result = classify_stance(claim, [text], model=model)[0]
        p = result.probabilities
        assert result.label != "contradicts" and p["supports"] > p["contradicts"], (claim, p)
    shown = [classify_stance(c, [t], model=model)[0].label for c, t in ALIAS_PAIRS]
    assert shown.count("supports") >= 3, shown  # measured: all four shown supporting
