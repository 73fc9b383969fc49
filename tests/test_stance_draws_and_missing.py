"""A draw is not a win; missing is not dead; a week is not a day (evidence check revision 32).

A fifth fresh battery (5 stories in en/fr/ar, written before the rules: Channel crossings a
day, France's abaya ban, Morocco against Portugal, fishermen off Dakhla, a ministry confirming
deaths) found **3 texts shown supporting** (int8): « a fait match nul », «تعادل» against "beat",
«فاز»; « portés disparus » against « sont morts »; in fp32 also "every week" against "every
day" (5 in all). Banned / allowed and confirmed / denied were already right (the denials
shown contradicting, 7 of 9).
Now a draw is the third of the won / lost pairs ("beat", « a battu », «تغلب» only against a
draw: "police beat protesters" who "were beaten" is one fact), and missing the third of killed
/ injured; a rate per day, week, month or year is a pair with each other ("every week",
« chaque mois », «أسبوعياً»; not «في العام», also "in the year"). They hold support back and
are no conflict.
"""

from __future__ import annotations

import pytest

from corroborate.stance.evidence import weigh
from corroborate.stance.opposites import opposite_spans, opposite_words

from .test_stance_evidence import probs
from .test_stance_places_and_accusations import read_battery


@pytest.mark.parametrize(("claim", "text", "words"), [
    ("Le Maroc a battu le Portugal.", "Le Maroc a fait match nul avec le Portugal.",
     ("a battu", "match nul")),
    ("فاز المغرب على البرتغال في ربع نهائي كأس العالم.",
     "تعادل المغرب مع البرتغال في ربع نهائي كأس العالم.", ("فاز", "تعادل")),
    ("Morocco beat Portugal 1-0.", "Morocco drew with Portugal.", ("beat", "drew with")),
    ("Cinq pêcheurs sont morts.", "Cinq pêcheurs sont portés disparus.", ("morts", "disparus")),
    ("Five fishermen died off Dakhla.", "فُقد خمسة صيادين قبالة الداخلة.", ("died", "فُقد")),
    ("About 1,000 migrants cross the Channel every day.",
     "Environ 1 000 migrants traversent la Manche chaque mois.", ("every day", "chaque mois")),
    ("يعبر نحو 1000 مهاجر بحر المانش يومياً.", "About 1,000 migrants cross the Channel weekly.",
     ("يوميا", "weekly")),
])
def test_a_draw_or_the_missing_hold_support_back(claim: str, text: str,
                                                  words: tuple[str, str]) -> None:
    assert opposite_words(claim, text) == words
    assert opposite_spans(claim, text) is None
    assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back


@pytest.mark.parametrize(("claim", "text"), [
    ("Police beat protesters in Tbilisi.", "Protesters were beaten by police in Tbilisi."),
    ("Morocco was defeated by Portugal.", "Portugal defeated Morocco."),
    ("Five fishermen died off Dakhla.", "Five fishermen died and two are missing off Dakhla."),
    ("About 1,000 migrants cross the Channel every day.",
     "Around 1,000 migrants a day cross the Channel; 45,000 crossed in the year."),
])
def test_no_draw_nor_missing(claim: str, text: str) -> None:
    assert opposite_words(claim, text) is None


# (claims, restatements, opposites, texts that are neither)
BATTERY = [({'en': 'About 1,000 migrants cross the Channel to Britain every day.',
   'fr': 'Environ 1 000 migrants traversent la Manche vers le Royaume-Uni chaque jour.',
   'ar': 'يعبر نحو 1000 مهاجر بحر المانش إلى بريطانيا يومياً.'},
  ['Around 1,000 migrants a day are crossing the English Channel to the UK.',
   "Près de 1 000 migrants franchissent quotidiennement la Manche pour rejoindre l'Angleterre.",
   'يعبر قرابة ألف مهاجر القنال الإنجليزي إلى بريطانيا كل يوم.'],
  ['About 1,000 migrants cross the Channel to Britain every week.',
   'Environ 1 000 migrants traversent la Manche vers le Royaume-Uni chaque mois.',
   'يعبر نحو 1000 مهاجر بحر المانش إلى بريطانيا أسبوعياً.'],
  []),
 ({'en': 'France banned the abaya in state schools.',
   'fr': "La France a interdit l'abaya dans les écoles publiques.",
   'ar': 'حظرت فرنسا العباءة في المدارس الحكومية.'},
  ['The abaya is now prohibited in French state schools, the education minister announced.',
   "Le port de l'abaya est désormais interdit à l'école publique en France.",
   'منعت فرنسا ارتداء العباءة في المدارس العامة.'],
  ['France allowed the abaya in state schools.',
   "La France a autorisé l'abaya dans les écoles publiques.",
   'سمحت فرنسا بارتداء العباءة في المدارس الحكومية.'],
  []),
 ({'en': 'Morocco beat Portugal in the World Cup quarter-final.',
   'fr': 'Le Maroc a battu le Portugal en quart de finale de la Coupe du monde.',
   'ar': 'فاز المغرب على البرتغال في ربع نهائي كأس العالم.'},
  ['Morocco knocked Portugal out of the World Cup with a 1-0 quarter-final win.',
   "Le Maroc s'est imposé face au Portugal en quart de finale du Mondial.",
   'تغلب المغرب على البرتغال في الدور ربع النهائي من كأس العالم.'],
  ['Morocco drew with Portugal in the World Cup quarter-final.',
   'Le Maroc a fait match nul avec le Portugal en quart de finale de la Coupe du monde.',
   'تعادل المغرب مع البرتغال في ربع نهائي كأس العالم.'],
  []),
 ({'en': 'Five fishermen died when their boat sank off Dakhla.',
   'fr': 'Cinq pêcheurs sont morts dans le naufrage de leur bateau au large de Dakhla.',
   'ar': 'لقي خمسة صيادين حتفهم إثر غرق قاربهم قبالة الداخلة.'},
  ['The bodies of five fishermen were recovered after their boat went down off Dakhla.',
   "Le naufrage d'un bateau de pêche au large de Dakhla a fait cinq morts.",
   'توفي خمسة صيادين في غرق مركبهم قبالة سواحل الداخلة.'],
  ['Five fishermen are missing after their boat sank off Dakhla.',
   'Cinq pêcheurs sont portés disparus après le naufrage de leur bateau au large de Dakhla.',
   'فُقد خمسة صيادين إثر غرق قاربهم قبالة الداخلة.'],
  []),
 ({'en': 'The ministry confirmed that five soldiers died in the attack.',
   'fr': "Le ministère a confirmé la mort de cinq soldats dans l'attaque.",
   'ar': 'أكدت الوزارة مقتل خمسة جنود في الهجوم.'},
  ['Five soldiers were killed in the attack, the ministry said.',
   "Cinq soldats ont été tués dans l'attaque, selon le ministère.",
   'قالت الوزارة إن خمسة جنود قتلوا في الهجوم.'],
  ['The ministry denied that five soldiers died in the attack.',
   "Le ministère a démenti la mort de cinq soldats dans l'attaque.",
   'نفت الوزارة مقتل خمسة جنود في الهجوم.'],
  [])]


@pytest.mark.slow
def test_a_draw_or_the_missing_is_never_shown_supporting() -> None:
    """Measured 2026-12-07 (int8): 3 shown supporting before, none after; the restatements
    shown supporting stayed 10 of 45, none of them shown contradicting."""
    wrong, restated = read_battery(BATTERY)
    assert wrong == []
    assert restated.count("supports") >= 8
