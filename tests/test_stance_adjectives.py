"""Permanent is not temporary; total is not partial; compulsory is not voluntary; domestic
is not international; on the ground is not from the air (evidence check revision 32).

A seventh fresh battery (5 stories in en/fr/ar, written before the rules: a Polish border
crossing, a lunar eclipse, military service in Germany, Air India's cancellations, Israel's
strikes on Rafah) found **29 of 45 opposites shown supporting** (int8), the worst of the
session's batteries: the network reads one adjective changed as the same statement in every
language pair ("permanently closed", « définitivement », «بشكل دائم» against "temporarily
closed"; « une éclipse totale » against « partielle »; « obligatoire », «إلزامية» against
"voluntary"; "domestic flights", « vols intérieurs », «الرحلات الداخلية» against
"international flights"; « une offensive terrestre », «هجوماً برياً» against "air strikes").
Each is now a pair of :mod:`corroborate.stance.contrasts` that holds support back (domestic and
international only before a word of travel or trade: "the International Monetary Fund" and
"domestic demand" are no such pair); none is a conflict.
"""

from __future__ import annotations

import pytest

from corroborate.stance.evidence import weigh
from corroborate.stance.opposites import opposite_spans, opposite_words

from .test_stance_evidence import probs
from .test_stance_places_and_accusations import read_battery


@pytest.mark.parametrize(("claim", "text", "words"), [
    ("Poland temporarily closed its border crossing at Bobrowniki.",
     "أغلقت بولندا بشكل دائم معبرها الحدودي في بوبروفنيكي.", ("temporarily", "بشكل دائم")),
    ("Une éclipse partielle de Lune était visible en Europe.",
     "Une éclipse totale de Lune était visible en Europe.", ("partielle", "totale")),
    ("الخدمة العسكرية طوعية في ألمانيا.", "Military service is compulsory in Germany.",
     ("طوعية", "compulsory")),
    ("Air India cancelled dozens of international flights.",
     "Air India a annulé des dizaines de vols intérieurs.",
     ("international flights", "vols intérieurs")),
    ("Israel launched air strikes on Rafah overnight.",
     "شنت إسرائيل هجوماً برياً على رفح خلال الليل.", ("air strikes", "هجوماً بريا")),
])
def test_another_adjective_holds_support_back(claim: str, text: str,
                                              words: tuple[str, str]) -> None:
    assert opposite_words(claim, text) == words
    assert opposite_spans(claim, text) is None
    assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back


@pytest.mark.parametrize(("claim", "text"), [
    ("Military service is voluntary in Germany.",
     "Germany's armed forces rely on volunteers: military service is not compulsory."),
    ("A total of 35 people were arrested.", "Police partially lifted the curfew; 35 arrested."),
    ("The International Monetary Fund approved the loan.", "Domestic demand fell in May."),
    ("Israel launched air strikes on Rafah.", "Israeli warplanes bombed Rafah."),
])
def test_the_same_adjective_or_none(claim: str, text: str) -> None:
    assert opposite_words(claim, text) is None


# (claims, restatements, opposites, texts that are neither)
BATTERY = [({'en': 'Poland temporarily closed its border crossing with Belarus at Bobrowniki.',
   'fr': 'La Pologne a fermé temporairement son poste-frontière de Bobrowniki avec le Bélarus.',
   'ar': 'أغلقت بولندا مؤقتاً معبرها الحدودي مع بيلاروسيا في بوبروفنيكي.'},
  ['Poland has shut the Bobrowniki crossing on its border with Belarus for the time being.',
   'La Pologne a provisoirement fermé le point de passage de Bobrowniki à la frontière bélarusse.',
   'أغلقت بولندا بشكل مؤقت معبر بوبروفنيكي على حدودها مع بيلاروسيا.'],
  ['Poland permanently closed its border crossing with Belarus at Bobrowniki.',
   'La Pologne a fermé définitivement son poste-frontière de Bobrowniki avec le Bélarus.',
   'أغلقت بولندا بشكل دائم معبرها الحدودي مع بيلاروسيا في بوبروفنيكي.'],
  []),
 ({'en': 'A partial lunar eclipse was visible over Europe on Wednesday night.',
   'fr': 'Une éclipse partielle de Lune était visible en Europe mercredi soir.',
   'ar': 'كان خسوف جزئي للقمر مرئياً فوق أوروبا ليلة الأربعاء.'},
  ['Skywatchers in Europe saw a partial eclipse of the Moon on Wednesday night.',
   'Mercredi soir, les Européens ont pu observer une éclipse lunaire partielle.',
   'شاهد سكان أوروبا خسوفاً جزئياً للقمر مساء الأربعاء.'],
  ['A total lunar eclipse was visible over Europe on Wednesday night.',
   'Une éclipse totale de Lune était visible en Europe mercredi soir.',
   'كان خسوف كلي للقمر مرئياً فوق أوروبا ليلة الأربعاء.'],
  []),
 ({'en': 'Military service is voluntary in Germany.',
   'fr': 'Le service militaire est volontaire en Allemagne.',
   'ar': 'الخدمة العسكرية طوعية في ألمانيا.'},
  ["Germany's armed forces rely on volunteers: military service is not compulsory.",
   'En Allemagne, le service militaire repose sur le volontariat.',
   'تعتمد الخدمة العسكرية في ألمانيا على التطوع.'],
  ['Military service is compulsory in Germany.',
   'Le service militaire est obligatoire en Allemagne.',
   'الخدمة العسكرية إلزامية في ألمانيا.'],
  []),
 ({'en': 'Air India cancelled dozens of international flights after the crash.',
   'fr': "Air India a annulé des dizaines de vols internationaux après l'accident.",
   'ar': 'ألغت الخطوط الجوية الهندية عشرات الرحلات الدولية بعد الحادث.'},
  ["Dozens of Air India's international services were cancelled following the crash.",
   "Après l'accident, Air India a supprimé des dizaines de liaisons internationales.",
   'ألغت طيران الهند عشرات من رحلاتها الدولية في أعقاب الحادث.'],
  ['Air India cancelled dozens of domestic flights after the crash.',
   "Air India a annulé des dizaines de vols intérieurs après l'accident.",
   'ألغت الخطوط الجوية الهندية عشرات الرحلات الداخلية بعد الحادث.'],
  []),
 ({'en': 'Israel launched air strikes on Rafah overnight.',
   'fr': 'Israël a mené des frappes aériennes sur Rafah dans la nuit.',
   'ar': 'شنت إسرائيل غارات جوية على رفح خلال الليل.'},
  ['Israeli warplanes bombed Rafah during the night.',
   "L'aviation israélienne a bombardé Rafah pendant la nuit.",
   'قصفت الطائرات الحربية الإسرائيلية رفح ليلاً.'],
  ['Israel launched a ground offensive on Rafah overnight.',
   'Israël a lancé une offensive terrestre sur Rafah dans la nuit.',
   'شنت إسرائيل هجوماً برياً على رفح خلال الليل.'],
  [])]


@pytest.mark.slow
def test_another_adjective_is_never_shown_supporting() -> None:
    """Measured 2026-12-07 (int8): 29 shown supporting before, none after; the restatements
    shown supporting stayed 27 of 45, none of them shown contradicting."""
    wrong, restated = read_battery(BATTERY)
    assert wrong == []
    assert restated.count("supports") >= 23
