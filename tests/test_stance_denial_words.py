"""Denials by "none", "nothing", "neither … nor", and an act that stopped (evidence check 26).

A fresh battery (5 stories in en/fr/ar, written before the rule) found **8 restatements shown
contradicting** their claim (int8): « Ni la Russie ni l'Ukraine n'ont envoyé de délégués »
against "Russia and Ukraine both stayed away", « L'usine de Flins ne construit plus de
voitures » and «لم يعد مصنع فلينس يصنع السيارات» against "Car production at the Flins factory
has ended", « La production a cessé », «توقف إنتاج السيارات». The claim's denial met no word
of denial in the text, and that *negation conflict* permitted the contradiction the network
read; "stayed away", "ended", « a cessé » and «توقف» state the denial in other words. And
"none", "nothing", "neither … nor" and "nowhere" were no denial at all: "None of the
passengers was hurt" had a negation conflict with "No passengers were hurt".
"""

from __future__ import annotations

import pytest

from corroborate.stance.denials import affirmed, denial, denies_in_other_words
from corroborate.stance.evidence import weigh

from .test_stance_evidence import probs
from .test_stance_probes import _read_both_ways


@pytest.mark.parametrize(("text", "undone"), [
    ("None of the 40 miners was rescued.", "Some of the 40 miners was rescued."),
    ("Nothing was stolen from the museum.", "Something was stolen from the museum."),
    ("Neither Russia nor Ukraine sent delegates.", "Both Russia and Ukraine sent delegates."),
    ("The hostages were nowhere to be found.", "The hostages were somewhere to be found."),
])
def test_none_nothing_neither_nor_deny(text: str, undone: str) -> None:
    assert denial(text) is not None
    assert affirmed(text) == undone


@pytest.mark.parametrize("text", [
    "The winner was none other than the mayor.",
    "The minister received nothing but praise.",
    "The new line is second to none.",
])
def test_what_denies_nothing(text: str) -> None:
    assert denial(text) is None


@pytest.mark.parametrize(("text", "word"), [
    ("Car production at the Flins factory has ended.", "ended"),
    ("Russia and Ukraine both stayed away from the talks.", "stayed away"),
    ("La production de voitures a cessé à l'usine de Flins.", "cessé"),
    ("توقف إنتاج السيارات في مصنع فلينس.", "توقف"),
])
def test_an_act_that_stopped_denies_in_other_words(text: str, word: str) -> None:
    assert [m.group() for m in denies_in_other_words(text, "")] == [word]


@pytest.mark.parametrize("text", [
    "The talks in Geneva ended with an agreement signed by both delegations.",
    "Pierre ended up in jail for selling supplies to the invaders.",
    "وانتهى به المطاف في السجن.",
])
def test_an_end_that_is_no_stop(text: str) -> None:
    assert denies_in_other_words(text, "") == []


@pytest.mark.parametrize(("claim", "text"), [
    ("L'usine de Flins ne construit plus de voitures.",
     "Car production at the Flins factory has ended."),
    ("لم يعد مصنع فلينس يصنع السيارات.", "La production de voitures a cessé à l'usine de Flins."),
    ("Ni la Russie ni l'Ukraine n'ont envoyé de délégués aux pourparlers de Riyad.",
     "Russia and Ukraine both stayed away from the talks in Riyadh."),
    ("No passengers were hurt when the train derailed near Ljubljana.",
     "None of the passengers was hurt when the train derailed near Ljubljana, police said."),
])
def test_a_denial_stated_in_other_words_is_never_a_contradiction(claim: str, text: str) -> None:
    assert "contradicts" in weigh(claim, text, probs(0.05, 0.9, 0.05)).held_back


BATTERY = [
    ({
        "en": "No passengers were hurt when the train derailed near Ljubljana.",
        "fr": "Aucun passager n'a été blessé lors du déraillement du train près de Ljubljana.",
        "ar": "لم يصب أي راكب بأذى عندما خرج القطار عن مساره قرب ليوبليانا.",
    }, [
        "None of the passengers was hurt when the train derailed near Ljubljana, police said.",
        "Le train a déraillé près de Ljubljana ; aucun des passagers n'a été blessé.",
        "خرج القطار عن مساره قرب ليوبليانا ولم يصب أحد من الركاب.",
    ], [
        "Several passengers were hurt when the train derailed near Ljubljana.",
        "Plusieurs passagers ont été blessés lors du déraillement du train près de Ljubljana.",
        "أصيب عدد من الركاب عندما خرج القطار عن مساره قرب ليوبليانا.",
    ]),
    ({
        "en": "Nothing was stolen in the break-in at the Louvre on Sunday.",
        "fr": "Rien n'a été volé lors de l'effraction au Louvre dimanche.",
        "ar": "لم يسرق أي شيء في عملية الاقتحام في متحف اللوفر يوم الأحد.",
    }, [
        "The Louvre said no artwork was taken in Sunday's break-in.",
        ("Le Louvre a indiqué qu'aucune œuvre n'avait été dérobée lors de l'effraction de "
         "dimanche."),
        "أكد متحف اللوفر أنه لم تتم سرقة أي عمل فني في الاقتحام يوم الأحد.",
    ], [
        "Jewels were stolen in the break-in at the Louvre on Sunday.",
        "Des bijoux ont été volés lors de l'effraction au Louvre dimanche.",
        "سرقت مجوهرات في عملية الاقتحام في متحف اللوفر يوم الأحد.",
    ]),
    ({
        "en": "Neither Russia nor Ukraine sent delegates to the talks in Riyadh.",
        "fr": "Ni la Russie ni l'Ukraine n'ont envoyé de délégués aux pourparlers de Riyad.",
        "ar": "لم ترسل روسيا ولا أوكرانيا مندوبين إلى المحادثات في الرياض.",
    }, [
        "Russia and Ukraine both stayed away from the talks in Riyadh.",
        "La Russie et l'Ukraine n'ont pas envoyé de délégués aux pourparlers de Riyad.",
        "غابت روسيا وأوكرانيا عن المحادثات في الرياض.",
    ], [
        "Russia and Ukraine sent delegates to the talks in Riyadh.",
        "La Russie et l'Ukraine ont envoyé des délégués aux pourparlers de Riyad.",
        "أرسلت روسيا وأوكرانيا مندوبين إلى المحادثات في الرياض.",
    ]),
    ({
        "en": "All 40 miners were rescued from the collapsed mine in Zonguldak.",
        "fr": "Les 40 mineurs ont tous été secourus dans la mine effondrée de Zonguldak.",
        "ar": "أنقذ جميع عمال المناجم الأربعين من المنجم المنهار في زونغولداك.",
    }, [
        "Rescuers brought all 40 miners out alive from the collapsed mine in Zonguldak.",
        "Les secouristes ont sorti vivants les 40 mineurs de la mine effondrée de Zonguldak.",
        "تمكن رجال الإنقاذ من إخراج عمال المناجم الأربعين أحياء من المنجم المنهار في زونغولداك.",
    ], [
        "None of the 40 miners was rescued from the collapsed mine in Zonguldak.",
        "Aucun des 40 mineurs n'a été secouru dans la mine effondrée de Zonguldak.",
        "لم ينقذ أي من عمال المناجم الأربعين من المنجم المنهار في زونغولداك.",
    ]),
    ({
        "en": "The factory in Flins no longer builds cars.",
        "fr": "L'usine de Flins ne construit plus de voitures.",
        "ar": "لم يعد مصنع فلينس يصنع السيارات.",
    }, [
        "Car production at the Flins factory has ended.",
        "La production de voitures a cessé à l'usine de Flins.",
        "توقف إنتاج السيارات في مصنع فلينس.",
    ], [
        "The factory in Flins still builds cars.",
        "L'usine de Flins construit toujours des voitures.",
        "لا يزال مصنع فلينس يصنع السيارات.",
    ]),
]


@pytest.mark.slow
def test_a_denial_in_other_words_is_never_shown_contradicting_its_restatement() -> None:
    """Measured 2026-12-07 (int8 / fp32, evidence check revision 25 → 26): restatements shown
    contradicting 8 / 8 → 0 / 0 of 45, supporting 10 / 12 → 13 / 14; opposites shown
    contradicting 26 / 26 → 33 / 33 of 45, supporting 0."""
    restated, opposite = _read_both_ways(
        [(list(claims.values()), same, opposite) for claims, same, opposite in BATTERY])
    assert "contradicts" not in restated
    assert restated.count("supports") >= 9
    assert "supports" not in opposite
    assert opposite.count("contradicts") >= 25
