"""What may be is not the act done; a route the other way round (evidence check revision 29).

A fresh battery (5 stories in en/fr/ar, written before the rules: a storm and the port of
Beira, a bank's stolen data, a virus from bats, rockets between Lebanon and Israel, a rate
rise) found **10 of 45 opposites shown supporting** (int8): "The storm could destroy the port
of Beira" against "The storm destroyed …", "Hackers may have stolen", « ont peut-être volé »,
« aurait pu passer », «ربما سرق»; and «أطلقت صواريخ من إسرائيل باتجاه لبنان» against "Rockets
were fired from Lebanon into Israel" (the roles check of revision 27 asks for the claim's act
in both texts, which no word across scripts shares). "could", "might", "may" before a verb
(not "could not", not the month, not after "I", "you", "we", "they", "it" or in a relative
clause), « peut-être », « aurait pu », «ربما», «من المحتمل» now hold support back like a plan;
a route's origin and destination (after "from", « depuis », « du », «من»; after "to", "into",
« vers », «إلى», «باتجاه») named the other way round holds support back too. Neither is a
conflict.
"""

from __future__ import annotations

import pytest

from corroborate.stance.acts import futures, not_done
from corroborate.stance.evidence import unconfirmed, weigh
from corroborate.stance.roles import swapped_route

from .test_stance_evidence import probs
from .test_stance_probes import _read_both_ways


@pytest.mark.parametrize(("text", "word"), [
    ("The storm could destroy the port of Beira.", "could destroy"),
    ("Hackers may have stolen the data of 2 million customers.", "may have stolen"),
    ("The virus might have spread from bats to humans.", "might have spread"),
    ("Des pirates ont peut-être volé les données.", "peut-être"),
    ("Le virus aurait pu passer des chauves-souris à l'homme.", "aurait pu"),
    ("ربما سرق قراصنة بيانات مليوني عميل.", "ربما"),
])
def test_what_may_be_in_three_languages(text: str, word: str) -> None:
    assert [m.group() for m in futures(text)] == [word]


@pytest.mark.parametrize("text", [
    "Rescuers could not reach the miners.",
    "In May the central bank raised its rates.",
    "The port was destroyed, and it may take months to rebuild.",
    "As you may have seen, the port was destroyed.",
    "They found a flat that they could live in.",
])
def test_what_is_no_possibility(text: str) -> None:
    assert futures(text) == []


def test_what_may_be_holds_support_back_unless_the_claim_says_so_too() -> None:
    claim = "The storm destroyed the port of Beira."
    text = "The storm could destroy the port of Beira."
    assert not_done(claim, text) == "could destroy"
    assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back
    assert not_done("The storm could destroy the port of Beira.",
                    "La tempête pourrait détruire le port de Beira.") is None


ROCKETS = "Rockets were fired from Lebanon into Israel on Sunday."


@pytest.mark.parametrize(("text", "route"), [
    ("Rockets were fired from Israel into Lebanon on Sunday.", ("Israel", "Lebanon")),
    ("Des roquettes ont été tirées d'Israël vers le Liban dimanche.", ("Israël", "Liban")),
    ("أطلقت صواريخ من إسرائيل باتجاه لبنان يوم الأحد.", ("إسرائيل", "لبنان")),
])
def test_a_route_the_other_way_round_holds_support_back(text: str, route: tuple[str, str]
                                                        ) -> None:
    assert swapped_route(ROCKETS, text) == route
    assert any("the other way round" in why for why in unconfirmed(ROCKETS, text))
    assert "supports" in weigh(ROCKETS, text, probs(0.9, 0.05, 0.05)).held_back
    assert "contradicts" in weigh(ROCKETS, text, probs(0.05, 0.9, 0.05)).held_back


@pytest.mark.parametrize("text", [
    "On Sunday, rockets launched from Lebanon struck northern Israel.",
    "أطلقت صواريخ من لبنان باتجاه إسرائيل يوم الأحد.",
    "Des roquettes ont été tirées du Liban vers Israël dimanche.",
])
def test_the_same_route_is_no_swap(text: str) -> None:
    assert swapped_route(ROCKETS, text) is None


BATTERY = [
    ({
        "en": "The storm destroyed the port of Beira.",
        "fr": "La tempête a détruit le port de Beira.",
        "ar": "دمرت العاصفة ميناء بيرا.",
    }, [
        ("The port of Beira was destroyed by the storm, officials said, and it may take months "
         "to rebuild."),
        "Le port de Beira a été détruit par la tempête, selon les autorités.",
        "قالت السلطات إن العاصفة دمرت ميناء بيرا.",
    ], [
        "The storm could destroy the port of Beira.",
        "La tempête pourrait détruire le port de Beira.",
        "قد تدمر العاصفة ميناء بيرا.",
    ]),
    ({
        "en": "Hackers stole the data of 2 million customers of the bank.",
        "fr": "Des pirates ont volé les données de 2 millions de clients de la banque.",
        "ar": "سرق قراصنة بيانات مليوني عميل للبنك.",
    }, [
        "The bank said hackers had stolen personal data belonging to 2 million of its customers.",
        "La banque a confirmé le vol par des pirates des données de 2 millions de ses clients.",
        "أكد البنك أن قراصنة سرقوا البيانات الشخصية لمليوني عميل.",
    ], [
        "Hackers may have stolen the data of 2 million customers of the bank.",
        "Des pirates ont peut-être volé les données de 2 millions de clients de la banque.",
        "ربما سرق قراصنة بيانات مليوني عميل للبنك.",
    ]),
    ({
        "en": "The virus spread from bats to humans.",
        "fr": "Le virus est passé des chauves-souris à l'homme.",
        "ar": "انتقل الفيروس من الخفافيش إلى البشر.",
    }, [
        "Scientists say the virus passed from bats to humans.",
        "Selon les scientifiques, le virus a été transmis des chauves-souris aux humains.",
        "يقول العلماء إن الفيروس انتقل من الخفافيش إلى الإنسان.",
    ], [
        "The virus might have spread from bats to humans.",
        "Le virus aurait pu passer des chauves-souris à l'homme.",
        "ربما انتقل الفيروس من الخفافيش إلى البشر.",
    ]),
    ({
        "en": ROCKETS,
        "fr": "Des roquettes ont été tirées du Liban vers Israël dimanche.",
        "ar": "أطلقت صواريخ من لبنان باتجاه إسرائيل يوم الأحد.",
    }, [
        "On Sunday, rockets launched from Lebanon struck northern Israel.",
        "Dimanche, des roquettes tirées depuis le Liban se sont abattues sur le nord d'Israël.",
        "سقطت صواريخ أطلقت من لبنان على شمال إسرائيل يوم الأحد.",
    ], [
        "Rockets were fired from Israel into Lebanon on Sunday.",
        "Des roquettes ont été tirées d'Israël vers le Liban dimanche.",
        "أطلقت صواريخ من إسرائيل باتجاه لبنان يوم الأحد.",
    ]),
    ({
        "en": "The central bank raised interest rates in March.",
        "fr": "La banque centrale a relevé ses taux d'intérêt en mars.",
        "ar": "رفع البنك المركزي أسعار الفائدة في مارس.",
    }, [
        "In March the central bank increased its interest rates.",
        "En mars, la banque centrale a augmenté ses taux d'intérêt.",
        "قام البنك المركزي في مارس برفع أسعار الفائدة.",
    ], [
        "The central bank might raise interest rates in March.",
        "La banque centrale pourrait relever ses taux d'intérêt en mars.",
        "قد يرفع البنك المركزي أسعار الفائدة في مارس.",
    ]),
]


@pytest.mark.slow
def test_what_may_be_and_a_reversed_route_are_never_shown_supporting() -> None:
    """Measured 2026-12-07 (int8 / fp32, evidence check revision 28 → 29): opposites shown
    supporting 10 / 9 → 0 / 0 of 45; restatements shown supporting 19 / 19 → 19 / 19 of 45,
    none contradicting."""
    restated, opposite = _read_both_ways(
        [(list(claims.values()), same, opposite) for claims, same, opposite in BATTERY])
    assert "supports" not in opposite
    assert "contradicts" not in restated
    assert restated.count("supports") >= 15
