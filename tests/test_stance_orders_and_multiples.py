"""An order or a plan is not the act; doubled is not tripled; arrested is not released
(evidence check revision 32).

A second fresh battery (5 stories in en/fr/ar, written before the rules: Russian troops and the
Zaporizhzhia plant, Japan's retirement age, a shark at Bondi, Egypt's wheat imports, the arrest
of Ousmane Sonko) found **13 texts shown supporting** (int8): «أمر بوتين القوات الروسية
بالانسحاب» (Putin ordered the troops to withdraw) against "Russian troops withdrew"; «وافقت
الحكومة على خطة لرفع سن التقاعد» and « un projet visant à relever » against "parliament raised
the retirement age"; "tripled", "halved", «تضاعفت … ثلاث مرات» against «تضاعفت» (doubled);
«أفرجت الشرطة عن» (released) against « a arrêté ». Reports called false, retracted or fake
were already held back. Now an order ("ordered … to", « a ordonné … de », «أمر … ب») and a
plan's noun (« visant à », «خطة ل») are not the act, like a plan's verb; how many times over
(doubled, tripled, quadrupled, halved; « doublé », « triplé »; «تضاعف», «ضعف», «ثلاثة
أضعاف», «ثلاث مرات») and arrested / released are pairs that hold support back. A claim of
what must be ("a military plan was needed", « il fallait », «من الضروري») is not held back by
an order: three XNLI dev supports had been.
"""

from __future__ import annotations

import pytest

from corroborate.stance.acts import not_done
from corroborate.stance.evidence import weigh
from corroborate.stance.opposites import opposite_spans, opposite_words

from .test_stance_evidence import probs
from .test_stance_places_and_accusations import read_battery


@pytest.mark.parametrize(("claim", "text", "word"), [
    ("Russian troops withdrew from the plant.",
     "Putin ordered Russian troops to withdraw from the plant.", "ordered Russian troops to"),
    ("Russian troops withdrew from the plant.",
     "أمر بوتين القوات الروسية بالانسحاب من المحطة.", "أمر"),
    ("رفع البرلمان الياباني سن التقاعد إلى 70 عاماً.",
     "وافقت الحكومة اليابانية على خطة لرفع سن التقاعد إلى 70 عاماً.", "خطة لرفع"),
    ("Japan raised the retirement age to 70.",
     "Le gouvernement a adopté un projet visant à relever l'âge de la retraite à 70 ans.",
     "visant à"),
])
def test_an_order_or_a_plan_is_not_the_act(claim: str, text: str, word: str) -> None:
    assert not_done(claim, text) == word
    assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back


@pytest.mark.parametrize(("claim", "text"), [
    ("Il fallait un plan militaire contre les Talibans.",
     "He also ordered Secretary Rumsfeld to develop a military plan against the Taliban."),
    ("كان من الضروري وضع خطة عسكرية ضد طالبان.",
     "كما أمر أيضاً الوزير رامسفيلد بوضع خطة عسكرية ضد طالبان."),
    ("The minister said it was a matter for the courts.", "هذا أمر يعود إلى المحاكم."),
])
def test_no_order_to_hold_back(claim: str, text: str) -> None:
    assert not_done(claim, text) is None


@pytest.mark.parametrize(("claim", "text", "words"), [
    ("تضاعفت واردات مصر من القمح في عام 2023.", "Egypt's wheat imports tripled in 2023.",
     ("تضاعفت", "tripled")),
    ("Egypt's wheat imports doubled in 2023.", "Egypt's wheat imports halved in 2023.",
     ("doubled", "halved")),
    ("Les importations ont doublé en 2023.", "تضاعفت الواردات ثلاث مرات في 2023.",
     ("doublé", "ثلاث مرات")),
    ("La police de Dakar a arrêté l'opposant Ousmane Sonko.",
     "أفرجت الشرطة في داكار عن زعيم المعارضة عثمان سونكو.", ("arrêté", "أفرجت")),
    ("Police arrested Ousmane Sonko.", "Police released Ousmane Sonko.", ("arrested", "released")),
])
def test_another_multiple_or_a_release_holds_support_back(claim: str, text: str,
                                                          words: tuple[str, str]) -> None:
    assert opposite_words(claim, text) == words
    assert opposite_spans(claim, text) is None
    assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back


@pytest.mark.parametrize(("claim", "text"), [
    ("تضاعفت واردات مصر من القمح في عام 2023.",
     "استوردت مصر في 2023 ضعف كمية القمح التي استوردتها في العام السابق."),
    ("Egypt's wheat imports doubled in 2023.", "Egypt imported twice as much wheat in 2023."),
    ("Police arrested Ousmane Sonko.", "Sonko was released on bail after being arrested."),
])
def test_the_same_multiple_or_both_acts(claim: str, text: str) -> None:
    assert opposite_words(claim, text) is None


# (claims, restatements, opposites, texts that are neither)
BATTERY = [({'en': 'Russian troops withdrew from the Zaporizhzhia nuclear plant.',
   'fr': 'Les troupes russes se sont retirées de la centrale nucléaire de Zaporijjia.',
   'ar': 'انسحبت القوات الروسية من محطة زابوريجيا النووية.'},
  ['Russian forces pulled out of the Zaporizhzhia nuclear power station, the IAEA confirmed.',
   "L'AIEA a confirmé le départ des forces russes de la centrale de Zaporijjia.",
   'أكدت الوكالة الدولية للطاقة الذرية خروج القوات الروسية من محطة زابوريجيا النووية.'],
  [],
  ['Putin ordered Russian troops to withdraw from the Zaporizhzhia nuclear plant.',
   'Poutine a ordonné aux troupes russes de se retirer de la centrale de Zaporijjia.',
   'أمر بوتين القوات الروسية بالانسحاب من محطة زابوريجيا النووية.']),
 ({'en': "Japan's parliament raised the retirement age to 70.",
   'fr': "Le Parlement japonais a relevé l'âge de la retraite à 70 ans.",
   'ar': 'رفع البرلمان الياباني سن التقاعد إلى 70 عاماً.'},
  ['Japanese lawmakers passed a law lifting the retirement age to 70.',
   "Les députés japonais ont voté le report de l'âge de départ à la retraite à 70 ans.",
   'أقر المشرعون اليابانيون قانوناً يرفع سن التقاعد إلى 70 عاماً.'],
  ["Japan's parliament raised the retirement age to 65.",
   "Le Parlement japonais a relevé l'âge de la retraite à 65 ans.",
   'رفع البرلمان الياباني سن التقاعد إلى 65 عاماً.'],
  ["Japan's cabinet approved a plan to raise the retirement age to 70.",
   "Le gouvernement japonais a adopté un projet visant à relever l'âge de la retraite à 70 ans.",
   'وافقت الحكومة اليابانية على خطة لرفع سن التقاعد إلى 70 عاماً.']),
 ({'en': "A shark killed a swimmer off Sydney's Bondi Beach.",
   'fr': 'Un requin a tué un nageur au large de la plage de Bondi à Sydney.',
   'ar': 'قتل سمك قرش سباحاً قبالة شاطئ بوندي في سيدني.'},
  ['A swimmer died after a shark attack at Bondi Beach in Sydney, police said.',
   "Un nageur est mort après l'attaque d'un requin à Bondi, à Sydney.",
   'لقي سباح حتفه إثر هجوم سمكة قرش على شاطئ بوندي في سيدني.'],
  [],
  ['Police said reports that a shark killed a swimmer off Bondi Beach were false.',
   'La police a démenti les informations selon lesquelles un requin aurait tué un nageur à Bondi.',
   'نفت الشرطة التقارير التي تحدثت عن مقتل سباح بهجوم قرش على شاطئ بوندي.',
   'The newspaper retracted its report that a shark had killed a swimmer off Bondi Beach.',
   'Fact check: a video claiming a shark killed a swimmer off Bondi Beach is fake.']),
 ({'en': "Egypt's wheat imports doubled in 2023.",
   'fr': "Les importations de blé de l'Égypte ont doublé en 2023.",
   'ar': 'تضاعفت واردات مصر من القمح في عام 2023.'},
  ['Egypt imported twice as much wheat in 2023 as the year before.',
   "En 2023, l'Égypte a importé deux fois plus de blé que l'année précédente.",
   'استوردت مصر في 2023 ضعف كمية القمح التي استوردتها في العام السابق.'],
  ["Egypt's wheat imports tripled in 2023.",
   "Les importations de blé de l'Égypte ont triplé en 2023.",
   'تضاعفت واردات مصر من القمح ثلاث مرات في عام 2023.',
   "Egypt's wheat imports halved in 2023."],
  []),
 ({'en': 'Police in Dakar arrested the opposition leader Ousmane Sonko.',
   'fr': "La police de Dakar a arrêté l'opposant Ousmane Sonko.",
   'ar': 'اعتقلت الشرطة في داكار زعيم المعارضة عثمان سونكو.'},
  ['Ousmane Sonko, the opposition leader, was taken into custody by police in Dakar.',
   "L'opposant Ousmane Sonko a été interpellé par la police à Dakar.",
   'ألقت الشرطة في داكار القبض على المعارض عثمان سونكو.'],
  ['Police in Dakar released the opposition leader Ousmane Sonko.',
   "La police de Dakar a libéré l'opposant Ousmane Sonko.",
   'أفرجت الشرطة في داكار عن زعيم المعارضة عثمان سونكو.'],
  [])]


@pytest.mark.slow
def test_an_order_a_plan_another_multiple_or_a_release_is_never_shown_supporting() -> None:
    """Measured 2026-12-07 (int8): 13 shown supporting before, none after; the restatements
    shown supporting stayed 11 of 45, none of them shown contradicting."""
    wrong, restated = read_battery(BATTERY)
    assert wrong == []
    assert restated.count("supports") >= 9
