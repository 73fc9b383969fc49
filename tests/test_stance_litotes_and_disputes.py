"""A litotes affirms; a charge disputed in other words restates a denial (evidence check
revision 32).

A battery of restatements that look like conflicts (7 stories in en/fr/ar, written before the
rules: a bound for a toll, a litotes, a hospital still operating, a company disputing a fine,
a summit's day written out, a length in another unit, nobody hurt) found **5 of 69 shown
contradicting** (int8), the worst a reader can meet: «لم يتردد الوزير في انتقاد الجيش» (the
minister did not hesitate to criticise the army) against "The minister openly criticised the
army", in three languages: the litotes read as a denial; « L'entreprise a nié toute faute »,
«نفت الشركة ارتكاب أي مخالفة» against « conteste toute faute »: the claim's denial conflicted
with a text that says it in other words. Now "not hesitate", "not fail to", « n'a pas hésité »,
« n'a pas manqué de », «لم يتردد», «لم يتوان» deny nothing, and "rejected", "contested",
"disputed", « conteste », « rejette » say a denial in other words (``denials._NOT_DENIAL``,
``denials._DENIES_IN_OTHER_WORDS``). The bounds, the units, the day and "nobody was hurt"
were already right.
"""

from __future__ import annotations

import pytest

from corroborate.stance.conflict import find_conflicts
from corroborate.stance.denials import denial
from corroborate.stance.evidence import weigh

from .test_stance_evidence import probs
from .test_stance_places_and_accusations import read_battery


def test_a_litotes_is_no_denial() -> None:
    for claim in ("The minister did not hesitate to criticise the army.",
                  "Le ministre n'a pas hésité à critiquer l'armée.",
                  "لم يتردد الوزير في انتقاد الجيش."):
        assert denial(claim) is None
        assert find_conflicts(claim, "The minister openly criticised the army.") == []
    assert denial("The minister did not criticise the army.") is not None


def test_a_charge_disputed_restates_a_denial() -> None:
    claim = "L'entreprise a nié toute faute et fera appel de l'amende de 2 millions d'euros."
    text = ("Condamnée à 2 millions d'euros d'amende, l'entreprise conteste toute faute et va "
            "faire appel.")
    assert "contradicts" in weigh(claim, text, probs(0.05, 0.9, 0.05)).held_back


# (claims, restatements, opposites, texts that are neither)
BATTERY = [({'en': 'At least 50 people were killed in the floods in Valencia.',
   'fr': 'Au moins 50 personnes ont été tuées dans les inondations de Valence.',
   'ar': 'قُتل 50 شخصاً على الأقل في فيضانات فالنسيا.'},
  ['No fewer than 50 people died in the Valencia floods.',
   "Les inondations de Valence n'ont pas fait moins de 50 morts.",
   'لا يقل عدد ضحايا فيضانات فالنسيا عن 50 قتيلاً.',
   'The floods in Valencia killed 52 people, officials said.',
   "Le bilan des inondations de Valence s'élève à 52 morts."],
  [],
  []),
 ({'en': 'The minister did not hesitate to criticise the army.',
   'fr': "Le ministre n'a pas hésité à critiquer l'armée.",
   'ar': 'لم يتردد الوزير في انتقاد الجيش.'},
  ['The minister openly criticised the army.',
   "Le ministre a critiqué ouvertement l'armée.",
   'انتقد الوزير الجيش علناً.'],
  [],
  []),
 ({'en': 'The hospital in Rafah is still operating.',
   'fr': "L'hôpital de Rafah fonctionne toujours.",
   'ar': 'لا يزال المستشفى في رفح يعمل.'},
  ['The Rafah hospital has not stopped working.',
   "L'hôpital de Rafah n'a pas cessé de fonctionner.",
   'لم يتوقف المستشفى في رفح عن العمل.'],
  [],
  []),
 ({'en': 'The company denied any wrongdoing and said it would appeal the fine of 2 million euros.',
   'fr': "L'entreprise a nié toute faute et a annoncé qu'elle ferait appel de l'amende de 2 "
         "millions d'euros.",
   'ar': 'نفت الشركة ارتكاب أي مخالفة وقالت إنها ستستأنف الغرامة البالغة مليوني يورو.'},
  ['The firm, fined 2 million euros, rejected the accusations and plans to appeal.',
   "Condamnée à 2 millions d'euros d'amende, l'entreprise conteste toute faute et va faire appel.",
   'رفضت الشركة التي غُرمت مليوني يورو الاتهامات وأعلنت أنها ستطعن في القرار.'],
  [],
  []),
 ({'en': 'The summit in Nairobi took place on 12 March.',
   'fr': "Le sommet de Nairobi s'est tenu le 12 mars.",
   'ar': 'عُقدت القمة في نيروبي في 12 مارس.'},
  ['The Nairobi summit, held on Tuesday 12 March, ended with a joint statement.',
   "Réuni le mardi 12 mars, le sommet de Nairobi s'est achevé par une déclaration commune.",
   'اختتمت قمة نيروبي التي عقدت يوم الثلاثاء 12 مارس ببيان مشترك.'],
  [],
  []),
 ({'en': 'The new bridge is 3 kilometres long.',
   'fr': 'Le nouveau pont mesure 3 kilomètres de long.',
   'ar': 'يبلغ طول الجسر الجديد 3 كيلومترات.'},
  ['The new bridge stretches 3,000 metres.',
   "Le nouveau pont s'étend sur 3 000 mètres.",
   'يمتد الجسر الجديد على مسافة 3000 متر.'],
  [],
  []),
 ({'en': 'Nobody was hurt when the plane made an emergency landing in Nice.',
   'fr': "Personne n'a été blessé lors de l'atterrissage d'urgence de l'avion à Nice.",
   'ar': 'لم يصب أحد بأذى عندما هبطت الطائرة اضطرارياً في نيس.'},
  ["All passengers were unharmed after the plane's emergency landing in Nice.",
   "Tous les passagers sont sortis indemnes de l'atterrissage d'urgence à Nice.",
   'خرج جميع الركاب سالمين بعد الهبوط الاضطراري للطائرة في نيس.'],
  [],
  [])]


def test_battery_has_no_opposites() -> None:
    assert all(not opposite and not neither for _, _, opposite, neither in BATTERY)


@pytest.mark.slow
def test_restatements_that_look_like_conflicts_are_never_shown_contradicting() -> None:
    """Measured 2026-12-07 (int8): 5 shown contradicting before, none after; 10 of 69 shown
    supporting before and after."""
    wrong, restated = read_battery(BATTERY)
    assert wrong == []
    assert restated.count("supports") >= 8
