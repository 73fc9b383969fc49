"""Killed is not injured; a level reached is not a change by so much; before is not after
(evidence check revision 32).

A third fresh battery (6 stories in en/fr/ar, written before the rules: an explosion in
Tarragona, Spain's unemployment, Georgia's foreign agents law, Tuvalu in the Pacific Islands
Forum, Gallant's dismissal, a stabbing in Leeds) found **14 texts shown supporting their
claim's opposite** (int8): «أصيب ثلاثة أشخاص» (three injured) against "Three people were
killed"; "fell by 11 percent", « a baissé de 11 % », «بنسبة 11 في المئة» against "fell to 11
percent" (6 of 9); "passed after the election", « après les élections », «بعد الانتخابات»
against "before the election" (6 of 9). Largest / smallest, resigned / dismissed and a man /
a woman were already right. Now killed / injured is a pair that holds support back
(:mod:`corroborate.stance.opposites`), a value stated only as the other kind, level or change,
holds it back (:mod:`corroborate.stance.levels`), and so does an act placed on the other side
of the claim's event (:func:`corroborate.stance.roles.swapped_time`; the event read across
languages by a small table: an election, a war, a summit, an attack, talks, a ceasefire …).
None is a conflict.
"""

from __future__ import annotations

import pytest

from corroborate.stance.evidence import unconfirmed, weigh
from corroborate.stance.levels import level_or_change
from corroborate.stance.opposites import opposite_spans, opposite_words
from corroborate.stance.roles import swapped_time

from .test_stance_evidence import probs
from .test_stance_places_and_accusations import read_battery

SPAIN = "Unemployment in Spain fell to 11 percent in the third quarter."


@pytest.mark.parametrize(("text", "words"), [
    ("Unemployment in Spain fell by 11 percent in the third quarter.", ("to 11", "by 11")),
    ("Le chômage en Espagne a baissé de 11 % au troisième trimestre.", ("to 11", "de 11")),
    ("انخفضت البطالة في إسبانيا بنسبة 11 في المئة في الربع الثالث.", ("to 11", "بنسبة 11")),
])
def test_a_change_by_so_much_is_not_the_level_reached(text: str, words: tuple[str, str]) -> None:
    assert level_or_change(SPAIN, text) == words
    assert "supports" in weigh(SPAIN, text, probs(0.9, 0.05, 0.05)).held_back
    assert "contradicts" in weigh(SPAIN, text, probs(0.05, 0.9, 0.05)).held_back
    assert any("not the level reached" in why for why in unconfirmed(SPAIN, text))


@pytest.mark.parametrize("text", [
    "Spain's jobless rate dropped to 11% in the July-September quarter.",
    "Le taux de chômage espagnol a reculé à 11 % au troisième trimestre.",
    "تراجع معدل البطالة في إسبانيا إلى 11% في الربع الثالث.",
    "Unemployment in Spain fell by 2 points to 11 percent.",  # both: the level is stated
    "Unemployment in Spain stood at 11 percent.",  # neither kind
])
def test_the_level_reached(text: str) -> None:
    assert level_or_change(SPAIN, text) is None


@pytest.mark.parametrize(("claim", "text", "words"), [
    ("The law was passed before the election in Georgia.",
     "The law was passed after the election in Georgia.",
     ("before the election", "after the election")),
    ("La loi a été adoptée avant les élections en Géorgie.",
     "أُقر القانون بعد الانتخابات في جورجيا.", ("avant les élections", "بعد الانتخابات")),
    ("أُقر القانون قبل الانتخابات في جورجيا.", "The law was passed after the vote in Georgia.",
     ("قبل الانتخابات", "after the vote")),
])
def test_after_the_event_is_not_before_it(claim: str, text: str, words: tuple[str, str]) -> None:
    assert swapped_time(claim, text) == words
    assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back


@pytest.mark.parametrize(("claim", "text"), [
    ("The law was passed before the election.", "Parliament adopted the law ahead of the vote."),
    ("The law was passed before the election.",
     "After a long debate, the law was passed before the election."),  # after another thing
    ("Police arrested him after the attack.", "Police arrested him two days after the attack."),
    ("اعتقل الرجل من قبل الشرطة بعد الهجوم", "اعتقلت الشرطة الرجل بعد الهجوم"),  # «من قبل», by
])
def test_the_same_side_of_the_event(claim: str, text: str) -> None:
    assert swapped_time(claim, text) is None


def test_injured_is_not_killed_unless_both_are_said() -> None:
    claim = "Three people were killed in the explosion in Tarragona."
    text = "أصيب ثلاثة أشخاص في انفجار مصنع الكيماويات في تاراغونا."
    assert opposite_words(claim, text) == ("killed", "أصيب")
    assert opposite_spans(claim, text) is None
    assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back
    assert opposite_words(claim, "The explosion killed three people and injured ten.") is None


# (claims, restatements, opposites, texts that are neither)
BATTERY = [({'en': 'Three people were killed in the explosion at the chemical plant in Tarragona.',
   'fr': "Trois personnes ont été tuées dans l'explosion de l'usine chimique de Tarragone.",
   'ar': 'قُتل ثلاثة أشخاص في انفجار مصنع الكيماويات في تاراغونا.'},
  ['The explosion at a chemical plant in Tarragona left three people dead, officials said.',
   "L'explosion d'une usine chimique à Tarragone a fait trois morts.",
   'أسفر انفجار في مصنع للكيماويات في تاراغونا عن مقتل ثلاثة أشخاص.'],
  ['Three people were injured in the explosion at the chemical plant in Tarragona.',
   "Trois personnes ont été blessées dans l'explosion de l'usine chimique de Tarragone.",
   'أصيب ثلاثة أشخاص في انفجار مصنع الكيماويات في تاراغونا.'],
  []),
 ({'en': 'Unemployment in Spain fell to 11 percent in the third quarter.',
   'fr': 'Le chômage en Espagne est tombé à 11 % au troisième trimestre.',
   'ar': 'انخفضت البطالة في إسبانيا إلى 11 في المئة في الربع الثالث.'},
  ["Spain's jobless rate dropped to 11% in the July-September quarter.",
   'Le taux de chômage espagnol a reculé à 11 % au troisième trimestre.',
   'تراجع معدل البطالة في إسبانيا إلى 11% في الربع الثالث.'],
  ['Unemployment in Spain fell by 11 percent in the third quarter.',
   'Le chômage en Espagne a baissé de 11 % au troisième trimestre.',
   'انخفضت البطالة في إسبانيا بنسبة 11 في المئة في الربع الثالث.'],
  []),
 ({'en': 'The law on foreign agents was passed before the election in Georgia.',
   'fr': 'La loi sur les agents étrangers a été adoptée avant les élections en Géorgie.',
   'ar': 'أُقر قانون العملاء الأجانب قبل الانتخابات في جورجيا.'},
  ["Georgia's parliament adopted the foreign agents law ahead of the election.",
   'Le Parlement géorgien a voté la loi sur les agents étrangers avant le scrutin.',
   'صادق البرلمان الجورجي على قانون العملاء الأجانب قبل الانتخابات.'],
  ['The law on foreign agents was passed after the election in Georgia.',
   'La loi sur les agents étrangers a été adoptée après les élections en Géorgie.',
   'أُقر قانون العملاء الأجانب بعد الانتخابات في جورجيا.'],
  []),
 ({'en': 'Tuvalu is the smallest country in the Pacific Islands Forum.',
   'fr': 'Tuvalu est le plus petit pays du Forum des îles du Pacifique.',
   'ar': 'توفالو هي أصغر دولة في منتدى جزر المحيط الهادئ.'},
  ['Among Pacific Islands Forum members, Tuvalu is the smallest.',
   'Parmi les membres du Forum des îles du Pacifique, Tuvalu est le plus petit.',
   'توفالو أصغر أعضاء منتدى جزر المحيط الهادئ.'],
  ['Tuvalu is the largest country in the Pacific Islands Forum.',
   'Tuvalu est le plus grand pays du Forum des îles du Pacifique.',
   'توفالو هي أكبر دولة في منتدى جزر المحيط الهادئ.'],
  []),
 ({'en': "Israel's defence minister Yoav Gallant was dismissed by Netanyahu.",
   'fr': 'Le ministre israélien de la défense Yoav Gallant a été limogé par Netanyahou.',
   'ar': 'أقال نتنياهو وزير الدفاع الإسرائيلي يوآف غالانت.'},
  ['Netanyahu fired his defence minister, Yoav Gallant.',
   'Netanyahou a renvoyé son ministre de la défense, Yoav Gallant.',
   'أعفى نتنياهو وزير دفاعه يوآف غالانت من منصبه.'],
  [],
  ["Israel's defence minister Yoav Gallant resigned.",
   'Le ministre israélien de la défense Yoav Gallant a démissionné.',
   'استقال وزير الدفاع الإسرائيلي يوآف غالانت.']),
 ({'en': 'A woman was stabbed to death in a park in Leeds.',
   'fr': 'Une femme a été poignardée à mort dans un parc de Leeds.',
   'ar': 'طُعنت امرأة حتى الموت في حديقة في ليدز.'},
  ['Police said a woman died after being stabbed in a Leeds park.',
   'Une femme est morte après avoir été poignardée dans un parc à Leeds.',
   'قالت الشرطة إن امرأة توفيت بعد تعرضها للطعن في حديقة في ليدز.'],
  ['A man was stabbed to death in a park in Leeds.',
   'Un homme a été poignardé à mort dans un parc de Leeds.',
   'طُعن رجل حتى الموت في حديقة في ليدز.'],
  [])]


@pytest.mark.slow
def test_injured_a_change_or_the_other_side_of_an_event_is_never_shown_supporting() -> None:
    """Measured 2026-12-07 (int8): 14 shown supporting before, none after; the restatements
    shown supporting stayed 20 of 54, none of them shown contradicting."""
    wrong, restated = read_battery(BATTERY)
    assert wrong == []
    assert restated.count("supports") >= 17
