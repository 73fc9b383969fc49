"""A place, a medal, most or a few, an act that came without its outcome, an accusation
(evidence check revision 32).

A fresh battery (7 stories in en/fr/ar, written before the rules: Kipyegon's 1500 m, Macron's
first round, strikes on Iran's nuclear sites, a minister's bribes, a crash landing in Halifax,
hostages released in Gaza, talks in Geneva) found **16 texts shown supporting their claim's
opposite or a mere accusation** (int8, every language pair): "won bronze" against "won gold",
« a remporté l'argent », «البرونزية»; «حل … ثالثاً» against «حل … أولاً»; "Only a few of the
hostages" against "Most of the hostages", « Seuls quelques-uns »; "ended without an agreement"
against "ended with an agreement", « sans accord », «دون اتفاق»; "was accused of taking bribes",
«اتُهم» against "took bribes". Questions and conditionals ("Did …?", "would strike … if")
were already held back. Now a place in a race or a vote ("finished third", « arrivé
troisième », «حل ثالثاً», «المركز الثالث»), a medal, most against a few, "without" the
claim's thing (its word, or across languages an agreement, a result, a breakthrough, a
decision or casualties) and an accusation ("accused of", "charged with", "suspected of",
« soupçonné de », « mis en examen », «اتُهم», «متهم», «يشتبه») hold support back. None of them
is a conflict: "Kipyegon took gold, ahead of Hull with silver" names both medals; "a deal on
prisoners, without agreement on a truce" may state the claim.
"""

from __future__ import annotations

import pytest

from corroborate.stance.acts import lacks
from corroborate.stance.allegations import alleged
from corroborate.stance.evidence import unconfirmed, weigh
from corroborate.stance.opposites import opposite_spans, opposite_words

from .test_stance_evidence import probs
from .test_stance_probes import _engine_labels


@pytest.mark.parametrize(("claim", "text", "words"), [
    ("Faith Kipyegon won gold in the 1500 metres.",
     "Faith Kipyegon won bronze in the 1500 metres.", ("gold", "bronze")),
    ("Faith Kipyegon a remporté l'or sur le 1500 mètres.",
     "Faith Kipyegon a remporté l'argent sur le 1500 mètres.", ("l'or", "remporté l'argent")),
    ("Emmanuel Macron finished first in the first round.",
     "Emmanuel Macron finished third in the first round.", ("finished first", "finished third")),
    ("Emmanuel Macron est arrivé en tête du premier tour.",
     "Emmanuel Macron est arrivé troisième au premier tour.",
     ("arrivé en tête", "arrivé troisième")),
    ("حل ماكرون في المركز الأول", "جاء ماكرون في المركز الثالث",
     ("في المركز الأول", "في المركز الثالث")),
    ("Most of the hostages were released.", "Only a few of the hostages were released.",
     ("Most of", "Only a few of")),
])
def test_another_place_medal_or_share_holds_support_back(claim: str, text: str,
                                                          words: tuple[str, str]) -> None:
    assert opposite_words(claim, text) == words
    assert opposite_spans(claim, text) is None  # never a conflict
    assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back


@pytest.mark.parametrize(("claim", "text"), [
    ("Kipyegon won gold in the 1500 metres.", "Kipyegon took gold, ahead of Hull who won silver."),
    # a round is no place (which round is a pair of its own since revision 34)
    ("Macron finished first.", "Macron finished first in the second round."),
    ("حل ماكرون أولاً في الجولة الأولى", "تصدر ماكرون نتائج الجولة الأولى"),
    ("Gold prices rose in May.", "Or, les prix ont monté en mai."),  # « or », "but"
])
def test_the_same_place_or_no_place(claim: str, text: str) -> None:
    assert opposite_words(claim, text) is None


def test_an_act_without_the_claims_outcome_holds_support_back() -> None:
    claim = "The talks in Geneva ended with an agreement on a ceasefire."
    for text, word in [("The talks in Geneva ended without an agreement on a ceasefire.",
                        "without an agreement"),
                       ("انتهت المحادثات في جنيف دون اتفاق على وقف إطلاق النار.", "دون اتفاق")]:
        assert lacks(claim, text) == word
        assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back
        assert any("without what the claim says" in why for why in unconfirmed(claim, text))
    assert lacks("انتهت المحادثات في جنيف باتفاق على وقف إطلاق النار.",
                 "The talks in Geneva ended without an agreement on a ceasefire.") is not None
    assert lacks(claim, "Negotiators in Geneva reached a ceasefire deal.") is None
    # a denial of the claim's thing, across languages (shown supporting until revision 32)
    for text, word in [("انتهت المحادثات في جنيف ولم يتم التوصل إلى أي اتفاق.", "ولم"),
                       ("The talks in Geneva ended; no agreement was reached.", "no")]:
        assert lacks("The talks in Geneva ended with an agreement.", text) == word
    assert lacks("The plane landed in Halifax.",
                 "The plane landed in Halifax without injuries.") is None


@pytest.mark.parametrize(("text", "word"), [
    ("The health minister was accused of taking bribes from a drug company.", "accused of"),
    ("The health minister is suspected of taking bribes from a drug company.", "suspected of"),
    ("Le ministre de la santé est soupçonné d'avoir touché des pots-de-vin.", "soupçonné d'"),
    ("اتُهم وزير الصحة بتلقي رشاوى من شركة أدوية.", "اتُهم"),
])
def test_an_accusation_holds_support_back(text: str, word: str) -> None:
    claim = "The health minister took bribes from a drug company."
    assert alleged(claim, text) == word
    assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back
    assert "contradicts" in weigh(claim, text, probs(0.05, 0.9, 0.05)).held_back


@pytest.mark.parametrize(("claim", "text"), [
    # the claim is about suspects: « soupçonnées » states it
    ("La police a arrêté 14 suspects à Mombasa.",
     "Quatorze personnes soupçonnées de trafic ont été interpellées à Mombasa."),
    ("The minister was accused of taking bribes.", "The minister is accused of taking bribes."),
    # «بتهمة» is also the "for" of a sentence passed
    ("سجن الحاكم السابق 12 عاماً بسبب الفساد",
     "قضت المحكمة بسجن الحاكم السابق 12 عاماً بتهمة الفساد"),
])
def test_no_accusation_to_hold_back(claim: str, text: str) -> None:
    assert alleged(claim, text) is None


# (claims, restatements, opposites, texts that are neither)
BATTERY = [({'en': "Faith Kipyegon won gold in the women's 1500 metres in Paris.",
   'fr': "Faith Kipyegon a remporté l'or sur le 1500 mètres féminin à Paris.",
   'ar': 'فازت فيث كيبييغون بالميدالية الذهبية في سباق 1500 متر للسيدات في باريس.'},
  ['Kipyegon took the gold medal in the 1500m final in Paris, defending her title.',
   'À Paris, Faith Kipyegon est devenue championne olympique du 1500 m.',
   'أحرزت كيبييغون ذهبية سباق 1500 متر في باريس.'],
  ["Faith Kipyegon won bronze in the women's 1500 metres in Paris.",
   "Faith Kipyegon a remporté l'argent sur le 1500 mètres féminin à Paris.",
   'فازت فيث كيبييغون بالميدالية البرونزية في سباق 1500 متر للسيدات في باريس.'],
  ['Did Faith Kipyegon win gold in the 1500 metres in Paris?',
   "Faith Kipyegon remportera-t-elle l'or sur le 1500 mètres à Paris ?"]),
 ({'en': 'Emmanuel Macron finished first in the first round of the presidential election.',
   'fr': "Emmanuel Macron est arrivé en tête du premier tour de l'élection présidentielle.",
   'ar': 'حل إيمانويل ماكرون أولاً في الجولة الأولى من الانتخابات الرئاسية.'},
  ['Macron came out on top in the first round of the presidential vote.',
   'Emmanuel Macron a terminé premier au premier tour de la présidentielle.',
   'تصدر ماكرون نتائج الجولة الأولى من الانتخابات الرئاسية.'],
  ['Emmanuel Macron finished third in the first round of the presidential election.',
   "Emmanuel Macron est arrivé troisième au premier tour de l'élection présidentielle.",
   'حل إيمانويل ماكرون ثالثاً في الجولة الأولى من الانتخابات الرئاسية.'],
  ['Will Emmanuel Macron finish first in the first round of the presidential election?']),
 ({'en': "Israel struck Iran's nuclear sites.",
   'fr': 'Israël a frappé les sites nucléaires iraniens.',
   'ar': 'ضربت إسرائيل المواقع النووية الإيرانية.'},
  ['Israeli jets hit Iranian nuclear facilities overnight, the army said.',
   "L'armée israélienne a bombardé des installations nucléaires de l'Iran.",
   'قصفت طائرات إسرائيلية منشآت نووية إيرانية.'],
  [],
  ["Israel would strike Iran's nuclear sites if talks fail, a minister said.",
   'Israël frapperait les sites nucléaires iraniens si les négociations échouaient.',
   'قال وزير إن إسرائيل ستضرب المواقع النووية الإيرانية إذا فشلت المحادثات.',
   "Did Israel strike Iran's nuclear sites?",
   'هل ضربت إسرائيل المواقع النووية الإيرانية؟',
   'Israël a-t-il frappé les sites nucléaires iraniens ?']),
 ({'en': 'The health minister took bribes from a drug company.',
   'fr': "Le ministre de la santé a touché des pots-de-vin d'un laboratoire pharmaceutique.",
   'ar': 'تلقى وزير الصحة رشاوى من شركة أدوية.'},
  ['A court found that the health minister had accepted bribes from a pharmaceutical firm.',
   "La justice a établi que le ministre de la santé avait reçu des pots-de-vin d'un laboratoire.",
   'أثبتت المحكمة أن وزير الصحة تلقى رشاوى من شركة أدوية.'],
  [],
  ['The health minister was accused of taking bribes from a drug company.',
   "Le ministre de la santé est soupçonné d'avoir touché des pots-de-vin d'un laboratoire.",
   'اتُهم وزير الصحة بتلقي رشاوى من شركة أدوية.',
   'The health minister allegedly took bribes from a drug company.']),
 ({'en': 'All 150 passengers survived the crash landing in Halifax.',
   'fr': "Les 150 passagers ont tous survécu à l'atterrissage forcé à Halifax.",
   'ar': 'نجا جميع الركاب الـ150 من الهبوط الاضطراري في هاليفاكس.'},
  ['Everyone on board, 150 passengers, walked away alive from the crash landing in Halifax.',
   "Aucun des 150 passagers n'a péri lors de l'atterrissage forcé à Halifax.",
   'لم يلق أي من الركاب الـ150 حتفه في الهبوط الاضطراري في هاليفاكس.'],
  ['Twelve of the 150 passengers were killed in the crash landing in Halifax.',
   "Douze des 150 passagers ont été tués lors de l'atterrissage forcé à Halifax.",
   'قُتل 12 من الركاب الـ150 في الهبوط الاضطراري في هاليفاكس.'],
  []),
 ({'en': 'Most of the hostages held in Gaza were released.',
   'fr': 'La plupart des otages détenus à Gaza ont été libérés.',
   'ar': 'أُفرج عن معظم الرهائن المحتجزين في غزة.'},
  ['The majority of the hostages held in Gaza have been freed.',
   'La majorité des otages retenus à Gaza ont été relâchés.',
   'أطلق سراح غالبية الرهائن المحتجزين في غزة.'],
  ['Only a few of the hostages held in Gaza were released.',
   'Seuls quelques-uns des otages détenus à Gaza ont été libérés.',
   'لم يُفرج إلا عن عدد قليل من الرهائن المحتجزين في غزة.'],
  []),
 ({'en': 'The talks in Geneva ended with an agreement on a ceasefire.',
   'fr': 'Les pourparlers de Genève se sont conclus par un accord de cessez-le-feu.',
   'ar': 'انتهت المحادثات في جنيف باتفاق على وقف إطلاق النار.'},
  ['Negotiators in Geneva reached a ceasefire deal at the end of the talks.',
   'Les négociateurs réunis à Genève ont conclu un accord de cessez-le-feu.',
   'توصل المفاوضون في جنيف إلى اتفاق لوقف إطلاق النار.'],
  ['The talks in Geneva ended without an agreement on a ceasefire.',
   'Les pourparlers de Genève se sont achevés sans accord de cessez-le-feu.',
   'انتهت المحادثات في جنيف دون اتفاق على وقف إطلاق النار.',
   'انتهت المحادثات في جنيف ولم يتم التوصل إلى أي اتفاق على وقف إطلاق النار.'],
  [])]


def read_battery(battery: list) -> tuple[list[tuple[str, str, str]], list[str]]:
    """The texts shown on the wrong side, as (claim, text, shown), and the labels shown for
    the restatements, of a battery of (claims, restatements, opposites, neither) rows."""
    rows = [(c, t, gold) for claims, same, opposite, neither in battery for c in claims.values()
            for gold, texts in (("supports", same), ("contradicts", opposite),
                                ("neutral", neither)) for t in texts]
    shown = _engine_labels(rows)
    wrong = [(c, t, s) for (c, t, gold), s in zip(rows, shown, strict=True)
             if s in ("supports", "contradicts") and s != gold]
    return wrong, [s for (_, _, gold), s in zip(rows, shown, strict=True) if gold == "supports"]


@pytest.mark.slow
def test_a_place_a_medal_a_share_an_outcome_or_an_accusation_is_never_shown_supporting() -> None:
    """Measured 2026-12-07 (int8): 16 shown supporting before, none after; the restatements
    shown supporting stayed 13 of 63, and none of them is shown contradicting."""
    wrong, restated = read_battery(BATTERY)
    assert wrong == []
    assert restated.count("supports") >= 11
