"""Euros are not dollars; death is not life in prison; private is not state-owned; the
National Assembly is not the Senate (evidence check revision 32).

A sixth fresh battery (6 stories in en/fr/ar, written before the rules: a World Bank loan to
Egypt, a gunman's sentence, Real Madrid's 15th title, Ethiopian Airlines' owner, Chebet's
10,000 m, France's pension reform in the Senate) found **12 texts shown supporting** (int8):
« 1,5 milliard d'euros », «مليار يورو» against "$1.5 billion"; "sentenced the gunman to death"
against «بالسجن المؤبد»; "privately owned", « une compagnie privée » against «مملوكة للدولة»;
"The French National Assembly approved", «الجمعية الوطنية» against "The French Senate
approved". The 14th title for the 15th and another distance or city were already right. Now
a currency ($, €, £, ¥ and their names), a sentence for life or death, state or private
ownership and the upper or the lower house are pairs that hold support back; none is a
conflict ("$1.5bn (€1.4bn)" names both).
"""

from __future__ import annotations

import pytest

from corroborate.stance.evidence import weigh
from corroborate.stance.opposites import opposite_spans, opposite_words

from .test_stance_evidence import probs
from .test_stance_places_and_accusations import read_battery


@pytest.mark.parametrize(("claim", "text", "words"), [
    ("The World Bank approved a $1.5 billion loan to Egypt.",
     "La Banque mondiale a approuvé un prêt de 1,5 milliard d'euros à l'Égypte.", ("$", "euros")),
    ("وافق البنك الدولي على قرض بقيمة 1.5 مليار دولار لمصر.",
     "وافق البنك الدولي على قرض بقيمة 1.5 مليار يورو لمصر.", ("دولار", "يورو")),
    ("حكمت المحكمة على المسلح بالسجن المؤبد.", "Le tribunal a condamné le tireur à mort.",
     ("بالسجن المؤبد", "condamné le tireur à mort")),
    ("الخطوط الجوية الإثيوبية مملوكة للدولة.", "Ethiopian Airlines is privately owned.",
     ("مملوكة للدولة", "privately owned")),
    ("The French Senate approved the pension reform.",
     "وافقت الجمعية الوطنية الفرنسية على إصلاح نظام التقاعد.", ("Senate", "الجمعية الوطنية")),
])
def test_another_currency_sentence_owner_or_house_holds_support_back(
        claim: str, text: str, words: tuple[str, str]) -> None:
    assert opposite_words(claim, text) == words
    assert opposite_spans(claim, text) is None
    assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back


@pytest.mark.parametrize(("claim", "text"), [
    ("The World Bank approved a $1.5 billion loan.", "It lent $1.5bn (€1.4bn), the bank said."),
    ("The gunman was sentenced to life in prison.", "He was given a life sentence."),
    ("Ethiopian Airlines is owned by the state.", "Ethiopian Airlines is a state-owned carrier."),
    ("The Senate approved the reform.", "Les sénateurs ont adopté la réforme."),
])
def test_the_same_currency_sentence_owner_or_house(claim: str, text: str) -> None:
    assert opposite_words(claim, text) is None


# (claims, restatements, opposites, texts that are neither)
BATTERY = [({'en': 'The World Bank approved a $1.5 billion loan to Egypt.',
   'fr': "La Banque mondiale a approuvé un prêt de 1,5 milliard de dollars à l'Égypte.",
   'ar': 'وافق البنك الدولي على قرض بقيمة 1.5 مليار دولار لمصر.'},
  ['Egypt has secured a $1.5bn loan from the World Bank, which approved it on Tuesday.',
   "L'Égypte obtient de la Banque mondiale un prêt de 1,5 milliard de dollars.",
   'أقر البنك الدولي قرضاً لمصر قيمته 1.5 مليار دولار.'],
  ['The World Bank approved a €1.5 billion loan to Egypt.',
   "La Banque mondiale a approuvé un prêt de 1,5 milliard d'euros à l'Égypte.",
   'وافق البنك الدولي على قرض بقيمة 1.5 مليار يورو لمصر.'],
  []),
 ({'en': 'The court sentenced the gunman to life in prison.',
   'fr': 'Le tribunal a condamné le tireur à la réclusion à perpétuité.',
   'ar': 'حكمت المحكمة على المسلح بالسجن المؤبد.'},
  ['The gunman was given a life sentence by the court.',
   'Le tireur a été condamné à la perpétuité par le tribunal.',
   'قضت المحكمة بالسجن مدى الحياة على المسلح.'],
  ['The court sentenced the gunman to death.',
   'Le tribunal a condamné le tireur à mort.',
   'حكمت المحكمة على المسلح بالإعدام.'],
  []),
 ({'en': 'Real Madrid won the Champions League for the 15th time.',
   'fr': 'Le Real Madrid a remporté la Ligue des champions pour la 15e fois.',
   'ar': 'فاز ريال مدريد بدوري أبطال أوروبا للمرة الخامسة عشرة.'},
  ['Real Madrid lifted a 15th Champions League trophy.',
   'Le Real Madrid a décroché sa 15e Ligue des champions.',
   'توج ريال مدريد بلقب دوري أبطال أوروبا للمرة الـ15.'],
  ['Real Madrid won the Champions League for the 14th time.',
   'Le Real Madrid a remporté la Ligue des champions pour la première fois.',
   'فاز ريال مدريد بدوري أبطال أوروبا للمرة الأولى.'],
  []),
 ({'en': 'Ethiopian Airlines is owned by the state.',
   'fr': "Ethiopian Airlines appartient à l'État.",
   'ar': 'الخطوط الجوية الإثيوبية مملوكة للدولة.'},
  ['Ethiopian Airlines is a state-owned carrier.',
   "Ethiopian Airlines est une compagnie publique, détenue par l'État éthiopien.",
   'الخطوط الجوية الإثيوبية شركة حكومية.'],
  ['Ethiopian Airlines is privately owned.',
   'Ethiopian Airlines est une compagnie privée.',
   'الخطوط الجوية الإثيوبية شركة خاصة.'],
  []),
 ({'en': "Beatrice Chebet won the women's 10,000 metres in Paris.",
   'fr': 'Beatrice Chebet a remporté le 10 000 mètres féminin à Paris.',
   'ar': 'فازت بياتريس تشيبيت بسباق 10 آلاف متر للسيدات في باريس.'},
  ["Kenya's Beatrice Chebet took the women's 10,000m title in Paris.",
   "La Kényane Beatrice Chebet s'est imposée sur 10 000 m chez les femmes à Paris.",
   'أحرزت الكينية بياتريس تشيبيت لقب سباق 10 آلاف متر للسيدات في باريس.'],
  ["Beatrice Chebet won the women's 5,000 metres in Paris.",
   'Beatrice Chebet a remporté le 10 000 mètres féminin à Tokyo.',
   'فازت بياتريس تشيبيت بسباق 10 آلاف متر للسيدات في طوكيو.'],
  []),
 ({'en': 'The French Senate approved the pension reform.',
   'fr': 'Le Sénat français a approuvé la réforme des retraites.',
   'ar': 'وافق مجلس الشيوخ الفرنسي على إصلاح نظام التقاعد.'},
  ["France's Senate voted in favour of the pension reform.",
   'Les sénateurs ont adopté la réforme des retraites.',
   'صوت مجلس الشيوخ الفرنسي لصالح إصلاح نظام التقاعد.'],
  ['The French National Assembly approved the pension reform.',
   "L'Assemblée nationale a approuvé la réforme des retraites.",
   'وافقت الجمعية الوطنية الفرنسية على إصلاح نظام التقاعد.'],
  [])]


@pytest.mark.slow
def test_another_currency_sentence_owner_or_house_is_never_shown_supporting() -> None:
    """Measured 2026-12-07 (int8): 12 shown supporting before, none after; the restatements
    shown supporting stayed 21 of 54, none of them shown contradicting."""
    wrong, restated = read_battery(BATTERY)
    assert wrong == []
    assert restated.count("supports") >= 18
