"""Who did what to whom, a record high and a low, all and a part (evidence check revision 27).

A fresh battery (5 stories in en/fr/ar, written before the rules: a third World Cup, a Nikkei
record, a Swiss referendum, the Majdal Shams rocket, the Lahaina fire) found **10 of its 45
opposites shown supporting** (int8): "Hezbollah accused Israel of firing the rocket" against
"Israel accused Hezbollah …" in each language, « à son plus bas niveau depuis un an » against
« à un niveau record », «أدنى مستوى» against «مستوى قياسي», "Half of the 300 homes" against
"All 300 homes". Each now holds support back; none is a conflict (a swap is read from the
order of two names, which a passive or a relative clause also reverses; another player's
record is often the story's other half).
"""

from __future__ import annotations

import pytest

from corroborate.stance.evidence import unconfirmed, weigh
from corroborate.stance.opposites import opposite_spans, opposite_words
from corroborate.stance.roles import swapped_roles

from .test_stance_evidence import probs
from .test_stance_probes import _read_both_ways

CLAIM = "Israel accused Hezbollah of firing the rocket that hit Majdal Shams."


@pytest.mark.parametrize(("claim", "text", "names"), [
    (CLAIM, "Hezbollah accused Israel of firing the rocket that hit Majdal Shams.",
     ("Hezbollah", "Israel")),
    (CLAIM, "Le Hezbollah a accusé Israël d'avoir tiré la roquette qui a frappé Majdal Shams.",
     ("Hezbollah", "Israël")),
    ("اتهمت إسرائيل حزب الله بإطلاق الصاروخ الذي أصاب مجدل شمس.",
     "اتهم حزب الله إسرائيل بإطلاق الصاروخ الذي أصاب مجدل شمس.", ("حزب الله", "إسرائيل")),
])
def test_roles_swapped_hold_support_back(claim: str, text: str, names: tuple[str, str]) -> None:
    assert swapped_roles(claim, text) == names
    assert any("the roles may be reversed" in why for why in unconfirmed(claim, text))
    w = weigh(claim, text, probs(0.9, 0.05, 0.05))
    assert "supports" in w.held_back
    assert "contradicts" in weigh(claim, text, probs(0.05, 0.9, 0.05)).held_back


@pytest.mark.parametrize(("claim", "text"), [
    # a passive reverses the order, not the roles
    (CLAIM, "Hezbollah was blamed by Israel for the rocket that hit Majdal Shams."),
    # a symmetric act
    ("Israel and Hamas agreed a truce in Cairo.", "Hamas and Israel agreed a truce in Cairo."),
    # the same order
    (CLAIM, "Israel blamed Hezbollah for the rocket strike on Majdal Shams."),
    # a reordered headline keeps the roles: another word stands where the claim's act does
    ("ضربات جوية أمريكية تؤدي لمقتل روسيين في سوريا",
     "مقتل روسيين في ضربات جوية أمريكية في سوريا"),
    # the names in another sentence, each in its own
    (CLAIM, "Hezbollah denied any role. Israel accused Hezbollah of firing the rocket."),
    # a relative clause turns the order, not the roles
    ("Israël a accusé le Hezbollah d'avoir tiré la roquette.",
     "Le Hezbollah, qu'Israël accuse d'avoir tiré la roquette, dément."),
    # two names joined by a hyphen name both sides of one thing (RTE3-FR dev 467)
    ("L'accord de paix israélo-égyptien a été signé en 1979.",
     "En 1979, les dirigeants signent le traité de paix Égypte-Israël."),
])
def test_what_reverses_no_roles(claim: str, text: str) -> None:
    assert swapped_roles(claim, text) is None


@pytest.mark.parametrize(("claim", "text", "words"), [
    ("Japan's Nikkei index closed at a record high on Tuesday.",
     "Japan's Nikkei index closed at its lowest level in a year on Tuesday.",
     ("record high", "lowest")),
    ("L'indice Nikkei de Tokyo a clôturé mardi à un niveau record.",
     "L'indice Nikkei de Tokyo a clôturé mardi à son plus bas niveau depuis un an.",
     ("niveau record", "plus bas")),
    ("All 300 homes in the village of Lahaina were destroyed by the fire.",
     "Half of the 300 homes in the village of Lahaina were destroyed by the fire.",
     ("All", "Half")),
    ("دمر الحريق جميع المنازل الـ300 في قرية لاهاينا.",
     "دمر الحريق نصف المنازل الـ300 في قرية لاهاينا.", ("جميع", "نصف")),
])
def test_a_record_low_and_a_part_hold_support_back_but_are_no_conflict(
        claim: str, text: str, words: tuple[str, str]) -> None:
    assert opposite_words(claim, text) == words
    assert opposite_spans(claim, text) is None
    assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back


def test_a_text_with_both_words_may_still_support() -> None:
    claim = "All 300 homes in the village of Lahaina were destroyed by the fire."
    assert opposite_words(claim, "Half of the town burned, and all 300 homes of Lahaina were "
                                 "destroyed by the fire.") is None


BATTERY = [
    ({
        "en": "Argentina won the football World Cup for the third time.",
        "fr": "L'Argentine a remporté la Coupe du monde de football pour la troisième fois.",
        "ar": "فازت الأرجنتين بكأس العالم لكرة القدم للمرة الثالثة.",
    }, [
        "Argentina lifted its third football World Cup title.",
        "L'Argentine a décroché sa troisième Coupe du monde de football.",
        "توجت الأرجنتين بلقبها الثالث في كأس العالم لكرة القدم.",
    ], [
        "Argentina won the football World Cup for the first time.",
        "L'Argentine a remporté la Coupe du monde de football pour la première fois.",
        "فازت الأرجنتين بكأس العالم لكرة القدم للمرة الأولى.",
    ]),
    ({
        "en": "Japan's Nikkei index closed at a record high on Tuesday.",
        "fr": "L'indice Nikkei de Tokyo a clôturé mardi à un niveau record.",
        "ar": "أغلق مؤشر نيكاي الياباني عند مستوى قياسي يوم الثلاثاء.",
    }, [
        "The Nikkei ended Tuesday's session at an all-time high in Tokyo.",
        "Le Nikkei a terminé la séance de mardi à son plus haut historique.",
        "أنهى مؤشر نيكاي تعاملات الثلاثاء عند أعلى مستوى في تاريخه.",
    ], [
        "Japan's Nikkei index closed at its lowest level in a year on Tuesday.",
        "L'indice Nikkei de Tokyo a clôturé mardi à son plus bas niveau depuis un an.",
        "أغلق مؤشر نيكاي الياباني عند أدنى مستوى له منذ عام يوم الثلاثاء.",
    ]),
    ({
        "en": "A majority of Swiss voters backed the pension increase in Sunday's referendum.",
        "fr": ("Une majorité d'électeurs suisses a approuvé la hausse des retraites lors du "
               "référendum de dimanche."),
        "ar": "أيدت أغلبية الناخبين السويسريين زيادة المعاشات في استفتاء الأحد.",
    }, [
        "Swiss voters approved the pension increase with 58% of the vote on Sunday.",
        "Les Suisses ont dit oui à 58 % à la hausse des retraites dimanche.",
        "وافق 58% من الناخبين السويسريين على زيادة المعاشات في استفتاء يوم الأحد.",
    ], [
        "Only a minority of Swiss voters backed the pension increase in Sunday's referendum.",
        ("Seule une minorité d'électeurs suisses a approuvé la hausse des retraites lors du "
         "référendum de dimanche."),
        "أيدت أقلية فقط من الناخبين السويسريين زيادة المعاشات في استفتاء الأحد.",
    ]),
    ({
        "en": "Israel accused Hezbollah of firing the rocket that hit Majdal Shams.",
        "fr": "Israël a accusé le Hezbollah d'avoir tiré la roquette qui a frappé Majdal Shams.",
        "ar": "اتهمت إسرائيل حزب الله بإطلاق الصاروخ الذي أصاب مجدل شمس.",
    }, [
        "Israel blamed Hezbollah for the rocket strike on Majdal Shams.",
        "Selon Israël, c'est le Hezbollah qui a tiré la roquette tombée sur Majdal Shams.",
        "حملت إسرائيل حزب الله مسؤولية الصاروخ الذي سقط على مجدل شمس.",
    ], [
        "Hezbollah accused Israel of firing the rocket that hit Majdal Shams.",
        "Le Hezbollah a accusé Israël d'avoir tiré la roquette qui a frappé Majdal Shams.",
        "اتهم حزب الله إسرائيل بإطلاق الصاروخ الذي أصاب مجدل شمس.",
    ]),
    ({
        "en": "All 300 homes in the village of Lahaina were destroyed by the fire.",
        "fr": "Les 300 maisons du village de Lahaina ont toutes été détruites par l'incendie.",
        "ar": "دمر الحريق جميع المنازل الـ300 في قرية لاهاينا.",
    }, [
        "The fire destroyed every one of the 300 homes in Lahaina.",
        "L'incendie a détruit la totalité des 300 maisons de Lahaina.",
        "أتى الحريق على كل المنازل الـ300 في لاهاينا.",
    ], [
        "Half of the 300 homes in the village of Lahaina were destroyed by the fire.",
        "La moitié des 300 maisons du village de Lahaina ont été détruites par l'incendie.",
        "دمر الحريق نصف المنازل الـ300 في قرية لاهاينا.",
    ]),
]


@pytest.mark.slow
def test_swapped_roles_a_record_low_and_a_part_are_never_shown_supporting() -> None:
    """Measured 2026-12-07 (int8 / fp32, evidence check revision 26 → 27): opposites shown
    supporting 10 / 10 → 0 / 0 of 45, contradicting 0 / 0 (the network leans to none of
    them); restatements shown supporting 7 / 7 → 7 / 7 of 45, none contradicting."""
    restated, opposite = _read_both_ways(
        [(list(claims.values()), same, opposite) for claims, same, opposite in BATTERY])
    assert "supports" not in opposite
    assert "contradicts" not in restated
    assert restated.count("supports") >= 5
