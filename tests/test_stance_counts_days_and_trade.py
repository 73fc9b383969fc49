"""Hundreds are not thousands; Friday is not Sunday; illegal is not legal; imports are not
exports (evidence check revision 32).

A fourth fresh battery (5 stories in en/fr/ar, written before the rules: a protest in Tbilisi,
an earthquake in Nepal, a strike ruled illegal in Seoul, Tesla's bitcoin, China's trade with
Russia) found **19 texts shown supporting their claim's opposite** (int8): "Hundreds of people
protested", « Des centaines », «مئات» against "Thousands"; « mardi soir », «ليلة الأحد» against
"Friday night"; « jugé la grève … légale » against "illegal"; "imports from Russia", « les
importations », «واردات» against "exports to Russia" (9 of 9). Sold / bought was already right.
Now each of them is a pair that holds support back: how many in words (hundreds, thousands,
tens or hundreds of thousands, millions), the day of the week, lawful and unlawful
(« illégal », «غير قانوني», «مخالف للقانون»), exports and imports. None is a conflict: a
report's day may be the day after the event's, and "hundreds of thousands" are thousands.
"""

from __future__ import annotations

import pytest

from corroborate.stance.evidence import weigh
from corroborate.stance.opposites import opposite_spans, opposite_words

from .test_stance_evidence import probs
from .test_stance_places_and_accusations import read_battery


@pytest.mark.parametrize(("claim", "text", "words"), [
    ("Thousands of people protested in Tbilisi.", "Hundreds of people protested in Tbilisi.",
     ("Thousands", "Hundreds")),
    ("تظاهر آلاف الأشخاص في تبليسي.", "Des centaines de personnes ont manifesté à Tbilissi.",
     ("آلاف", "centaines")),
    ("The earthquake struck western Nepal on Friday night.",
     "ضرب الزلزال غرب نيبال ليلة الأحد.", ("Friday", "ليلة الأحد")),
    ("A court in Seoul ruled that the doctors' strike was illegal.",
     "Un tribunal de Séoul a jugé la grève des médecins légale.", ("illegal", "légale")),
    ("قضت محكمة في سيول بأن إضراب الأطباء غير قانوني.",
     "قضت محكمة في سيول بأن إضراب الأطباء قانوني.", ("غير قانوني", "قانوني")),
    ("China's exports to Russia rose sharply in 2023.",
     "ارتفعت واردات الصين من روسيا بشكل حاد في عام 2023.", ("exports", "واردات")),
])
def test_another_count_day_lawfulness_or_trade_holds_support_back(
        claim: str, text: str, words: tuple[str, str]) -> None:
    assert opposite_words(claim, text) == words
    assert opposite_spans(claim, text) is None
    assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back


@pytest.mark.parametrize(("claim", "text"), [
    ("Thousands of people protested in Tbilisi.", "Tens of thousands rallied in Tbilisi."),
    ("Thousands of people protested in Tbilisi.", "Hundreds of thousands marched in Tbilisi."),
    ("The earthquake struck on Friday.",
     "Officials said on Saturday that the earthquake which struck on Friday killed 150."),
    ("The court ruled the strike illegal.", "Legal experts said the court ruled it illegal."),
    ("Egypt's wheat imports doubled.", "صدر قرار بشأن واردات القمح."),  # «صدر»: issued
])
def test_the_same_count_day_lawfulness_or_trade(claim: str, text: str) -> None:
    assert opposite_words(claim, text) is None


# (claims, restatements, opposites, texts that are neither)
BATTERY = [({'en': 'Thousands of people protested in Tbilisi against the foreign agents law.',
   'fr': 'Des milliers de personnes ont manifesté à Tbilissi contre la loi sur les agents '
         'étrangers.',
   'ar': 'تظاهر آلاف الأشخاص في تبليسي ضد قانون العملاء الأجانب.'},
  ['Tens of thousands rallied in Tbilisi to oppose the foreign agents bill.',
   'Des milliers de manifestants se sont rassemblés à Tbilissi contre le texte sur les agents '
   'étrangers.',
   'خرج الآلاف إلى شوارع تبليسي احتجاجاً على قانون العملاء الأجانب.'],
  ['Hundreds of people protested in Tbilisi against the foreign agents law.',
   'Des centaines de personnes ont manifesté à Tbilissi contre la loi sur les agents étrangers.',
   'تظاهر مئات الأشخاص في تبليسي ضد قانون العملاء الأجانب.'],
  []),
 ({'en': 'The earthquake struck western Nepal on Friday night.',
   'fr': "Le séisme a frappé l'ouest du Népal vendredi soir.",
   'ar': 'ضرب الزلزال غرب نيبال ليلة الجمعة.'},
  ['A quake hit western Nepal late on Friday, officials said.',
   "Un tremblement de terre a secoué l'ouest du Népal dans la nuit de vendredi.",
   'هز زلزال غرب نيبال في وقت متأخر من مساء الجمعة.'],
  ['The earthquake struck western Nepal on Sunday night.',
   "Le séisme a frappé l'ouest du Népal mardi soir.",
   'ضرب الزلزال غرب نيبال ليلة الأحد.'],
  []),
 ({'en': "A court in Seoul ruled that the doctors' strike was illegal.",
   'fr': 'Un tribunal de Séoul a jugé la grève des médecins illégale.',
   'ar': 'قضت محكمة في سيول بأن إضراب الأطباء غير قانوني.'},
  ['The Seoul court found the walkout by doctors unlawful.',
   'La justice sud-coréenne a déclaré illégale la grève des médecins, à Séoul.',
   'اعتبرت محكمة في سيول إضراب الأطباء مخالفاً للقانون.'],
  ["A court in Seoul ruled that the doctors' strike was legal.",
   'Un tribunal de Séoul a jugé la grève des médecins légale.',
   'قضت محكمة في سيول بأن إضراب الأطباء قانوني.'],
  []),
 ({'en': 'Tesla sold most of its bitcoin holdings in the second quarter.',
   'fr': 'Tesla a vendu la plupart de ses bitcoins au deuxième trimestre.',
   'ar': 'باعت تسلا معظم ما تملكه من بيتكوين في الربع الثاني.'},
  ['In the second quarter, Tesla sold off the bulk of its bitcoin.',
   "Tesla s'est séparée de l'essentiel de ses bitcoins au deuxième trimestre.",
   'تخلصت تسلا من معظم حيازاتها من بيتكوين في الربع الثاني.'],
  ['Tesla bought more bitcoin in the second quarter.',
   'Tesla a acheté des bitcoins au deuxième trimestre.',
   'اشترت تسلا مزيداً من بيتكوين في الربع الثاني.'],
  []),
 ({'en': "China's exports to Russia rose sharply in 2023.",
   'fr': 'Les exportations chinoises vers la Russie ont fortement augmenté en 2023.',
   'ar': 'ارتفعت صادرات الصين إلى روسيا بشكل حاد في عام 2023.'},
  ['Chinese exports to Russia jumped in 2023, customs data showed.',
   'En 2023, les ventes de la Chine à la Russie ont bondi.',
   'قفزت الصادرات الصينية إلى روسيا في 2023.'],
  ["China's imports from Russia rose sharply in 2023.",
   'Les importations chinoises en provenance de Russie ont fortement augmenté en 2023.',
   'ارتفعت واردات الصين من روسيا بشكل حاد في عام 2023.'],
  [])]


@pytest.mark.slow
def test_another_count_day_lawfulness_or_trade_is_never_shown_supporting() -> None:
    """Measured 2026-12-07 (int8): 19 shown supporting before, none after; the restatements
    shown supporting stayed 13 of 45, none of them shown contradicting."""
    wrong, restated = read_battery(BATTERY)
    assert wrong == []
    assert restated.count("supports") >= 11
