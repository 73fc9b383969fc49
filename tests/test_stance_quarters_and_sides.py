"""Another quarter, the ruling party for the opposition, soldiers for civilians, Sunni for
Shia (evidence check revision 32).

An eighth fresh battery (6 stories in en/fr/ar, written before the rules: Germany's economy in
a quarter, a left-wing alliance in France, Istanbul's municipal vote, shelling in Kherson, oil
prices, a mosque in Kandahar) found **14 texts shown supporting** (int8): "the third quarter",
«الربع الأول» against «الربع الثاني»; « le parti au pouvoir », «الحزب الحاكم» against "the
opposition won"; "Five soldiers were killed", «قُتل خمسة جنود» against "Five civilians";
"a Sunni mosque", «مسجداً سنياً» against « une mosquée chiite ». Left / right and oil / gas
were already right. Each is now a pair of :mod:`corroborate.stance.contrasts` that holds
support back (not «السنة», also "the year"); none is a conflict ("five soldiers and two
civilians" names both).
"""

from __future__ import annotations

import pytest

from corroborate.stance.evidence import weigh
from corroborate.stance.opposites import opposite_spans, opposite_words

from .test_stance_evidence import probs
from .test_stance_places_and_accusations import read_battery


@pytest.mark.parametrize(("claim", "text", "words"), [
    ("انكمش الاقتصاد الألماني في الربع الثاني.", "Germany's economy shrank in the third quarter.",
     ("الربع الثاني", "third quarter")),
    ("The opposition won the municipal elections in Istanbul.",
     "فاز الحزب الحاكم في الانتخابات البلدية في إسطنبول.", ("opposition", "الحزب الحاكم")),
    ("Cinq civils ont été tués dans le bombardement de Kherson.",
     "قُتل خمسة جنود في قصف خيرسون.", ("civils", "جنود")),
    ("استهدف التفجير مسجداً شيعياً في قندهار.", "L'attentat visait une mosquée sunnite à Kandahar.",
     ("شيعياً", "sunnite")),
])
def test_another_quarter_party_victim_or_branch_holds_support_back(
        claim: str, text: str, words: tuple[str, str]) -> None:
    assert opposite_words(claim, text) == words
    assert opposite_spans(claim, text) is None
    assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back


@pytest.mark.parametrize(("claim", "text"), [
    ("Germany's economy shrank in the second quarter.",
     "German GDP contracted in the April-June quarter."),
    ("Five civilians were killed in Kherson.", "Five soldiers and two civilians were killed."),
    ("The ruling party lost Istanbul to the opposition.",
     "The opposition took Istanbul from the ruling party."),
    ("استهدف التفجير مسجداً شيعياً.", "قال في السنة الماضية إن التفجير استهدف مسجداً للشيعة."),
])
def test_the_same_quarter_party_victim_or_branch(claim: str, text: str) -> None:
    assert opposite_words(claim, text) is None


# (claims, restatements, opposites, texts that are neither)
BATTERY = [({'en': "Germany's economy shrank in the second quarter.",
   'fr': "L'économie allemande s'est contractée au deuxième trimestre.",
   'ar': 'انكمش الاقتصاد الألماني في الربع الثاني.'},
  ['German GDP contracted in the April-June quarter, the statistics office said.',
   "Le PIB allemand a reculé au deuxième trimestre, selon l'office des statistiques.",
   'تراجع الناتج المحلي الإجمالي لألمانيا في الربع الثاني من العام.'],
  ["Germany's economy shrank in the third quarter.",
   "L'économie allemande s'est contractée au premier trimestre.",
   'انكمش الاقتصاد الألماني في الربع الأول.'],
  []),
 ({'en': 'A left-wing alliance won the most seats in the French parliamentary election.',
   'fr': 'Une alliance de gauche a remporté le plus de sièges aux élections législatives '
         'françaises.',
   'ar': 'فاز تحالف يساري بأكبر عدد من المقاعد في الانتخابات التشريعية الفرنسية.'},
  ["The New Popular Front, a coalition of left-wing parties, came first in seats in France's "
   'legislative vote.',
   'Le Nouveau Front populaire, coalition de gauche, est arrivé en tête en nombre de sièges aux '
   'législatives.',
   'حصل تحالف أحزاب اليسار على أكبر عدد من المقاعد في الانتخابات التشريعية في فرنسا.'],
  ['A right-wing alliance won the most seats in the French parliamentary election.',
   'Une alliance de droite a remporté le plus de sièges aux élections législatives françaises.',
   'فاز تحالف يميني بأكبر عدد من المقاعد في الانتخابات التشريعية الفرنسية.'],
  []),
 ({'en': 'The opposition won the municipal elections in Istanbul.',
   'fr': "L'opposition a remporté les élections municipales à Istanbul.",
   'ar': 'فازت المعارضة في الانتخابات البلدية في إسطنبول.'},
  ['Opposition candidates swept the municipal vote in Istanbul.',
   "Les candidats de l'opposition se sont imposés aux municipales d'Istanbul.",
   'حقق مرشحو المعارضة فوزاً في الانتخابات البلدية في إسطنبول.'],
  ['The ruling party won the municipal elections in Istanbul.',
   'Le parti au pouvoir a remporté les élections municipales à Istanbul.',
   'فاز الحزب الحاكم في الانتخابات البلدية في إسطنبول.'],
  []),
 ({'en': 'Five civilians were killed in the shelling of Kherson.',
   'fr': 'Cinq civils ont été tués dans le bombardement de Kherson.',
   'ar': 'قُتل خمسة مدنيين في قصف خيرسون.'},
  ['The shelling of Kherson killed five civilians, local officials said.',
   'Le bombardement de Kherson a coûté la vie à cinq civils.',
   'أسفر قصف خيرسون عن مقتل خمسة مدنيين.'],
  ['Five soldiers were killed in the shelling of Kherson.',
   'Cinq soldats ont été tués dans le bombardement de Kherson.',
   'قُتل خمسة جنود في قصف خيرسون.'],
  []),
 ({'en': 'Oil prices fell sharply on Monday.',
   'fr': 'Les prix du pétrole ont fortement baissé lundi.',
   'ar': 'تراجعت أسعار النفط بشكل حاد يوم الاثنين.'},
  ['Crude prices tumbled on Monday.',
   'Le cours du pétrole a chuté lundi.',
   'هبطت أسعار الخام بقوة يوم الاثنين.'],
  ['Gas prices fell sharply on Monday.',
   'Les prix du gaz ont fortement baissé lundi.',
   'تراجعت أسعار الغاز بشكل حاد يوم الاثنين.'],
  []),
 ({'en': 'The bombing targeted a Shia mosque in Kandahar.',
   'fr': "L'attentat visait une mosquée chiite à Kandahar.",
   'ar': 'استهدف التفجير مسجداً شيعياً في قندهار.'},
  ['A bomb attack hit a Shiite mosque in Kandahar.',
   "Une mosquée chiite de Kandahar a été la cible d'un attentat.",
   'طال تفجير مسجداً للشيعة في قندهار.'],
  ['The bombing targeted a Sunni mosque in Kandahar.',
   "L'attentat visait une mosquée sunnite à Kandahar.",
   'استهدف التفجير مسجداً سنياً في قندهار.'],
  [])]


@pytest.mark.slow
def test_another_quarter_party_victim_or_branch_is_never_shown_supporting() -> None:
    """Measured 2026-12-07 (int8): 14 shown supporting before, none after; the restatements
    shown supporting stayed 20 of 54, none of them shown contradicting."""
    wrong, restated = read_battery(BATTERY)
    assert wrong == []
    assert restated.count("supports") >= 17
