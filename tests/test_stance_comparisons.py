"""A comparison and its opposite, an overtaking and a lead kept (evidence check revision 33).

A battery of comparisons (5 stories in en/fr/ar, written before the rules: two economies,
inflation in two countries, medals, two rivers, the most populous country), each claim against
the comparison said the other way round ("France's economy is smaller than Germany's") and
against its opposite ("Germany's economy is smaller than France's"), found **9 on the wrong
side** (int8; 6 fp32): "Kenya won fewer medals than Ethiopia", « moins de médailles »
against "more medals than" (4), "shorter than" against "longer than", «أصغر من» against
«أكبر من», "China remains the most populous country, ahead of India" against "India overtook
China" (2), all shown supporting; and « La Chine n'est plus le pays le plus peuplé, devancée
par l'Inde » shown **contradicting** « L'Inde a dépassé la Chine ».

Now a comparison ("more … than", « plus … que », «أكثر من») against its opposite holds support
back and is never a conflict, since the two compared may stand in either order
(``opposites.compares``; "higher" and "lower" stay a conflict where they compare nothing:
"Inflation rose" against "fell"); overtaking against a lead kept holds support back; and
"overtook", « a dépassé », «تجاوز» say "no longer first" in other words. The cost: the 4
comparisons said the other way round that were shown supporting (3 fp32) are held back too.
"""

from __future__ import annotations

import pytest

from corroborate.stance.evidence import weigh
from corroborate.stance.opposites import opposite_spans, opposite_words

from .test_stance_evidence import probs
from .test_stance_places_and_accusations import read_battery


def test_a_comparison_against_its_opposite_holds_support_back_and_is_no_conflict() -> None:
    for claim, text in (
            ("Kenya won more medals than Ethiopia.", "Kenya won fewer medals than Ethiopia."),
            ("حصدت كينيا ميداليات أكثر من إثيوبيا.",
             "Le Kenya a remporté moins de médailles que l'Éthiopie."),
            ("The Nile is longer than the Amazon.", "The Nile is shorter than the Amazon."),
            ("الاقتصاد الألماني أكبر من الاقتصاد الفرنسي.",
             "الاقتصاد الألماني أصغر من الاقتصاد الفرنسي."),
            ("Inflation in Turkey is higher than in Egypt.",
             "Inflation in Egypt is lower than in Turkey.")):
        assert opposite_words(claim, text) is not None, (claim, text)
        assert opposite_spans(claim, text) is None
        assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back
    # a direction that compares nothing is a conflict still
    assert opposite_spans("Inflation rose in March.", "Inflation fell in March.") is not None


def test_an_overtaking_is_no_lead_kept_and_says_no_longer_first() -> None:
    for claim, text in (
            ("India overtook China as the most populous country.",
             "La Chine reste le pays le plus peuplé, devant l'Inde."),
            ("تجاوزت الهند الصين لتصبح الدولة الأكثر سكاناً.",
             "لا تزال الصين الدولة الأكثر سكاناً متقدمة على الهند.")):
        assert opposite_words(claim, text) is not None
    claim = "L'Inde a dépassé la Chine comme pays le plus peuplé."
    text = "La Chine n'est plus le pays le plus peuplé, devancée par l'Inde."
    assert "contradicts" in weigh(claim, text, probs(0.1, 0.85, 0.05)).held_back
    # … but not what denies the overtaking itself
    assert "contradicts" not in weigh(
        claim, "L'Inde n'a pas dépassé la Chine comme pays le plus peuplé.",
        probs(0.1, 0.85, 0.05)).held_back


# (claims, restatements, opposites, texts that are neither)
BATTERY = [({'en': "Germany's economy is larger than France's.",
   'fr': "L'économie allemande est plus grande que l'économie française.",
   'ar': 'الاقتصاد الألماني أكبر من الاقتصاد الفرنسي.'},
  ["France's economy is smaller than Germany's.",
   "L'économie française est plus petite que l'économie allemande.",
   'الاقتصاد الفرنسي أصغر من الاقتصاد الألماني.'],
  ["Germany's economy is smaller than France's.",
   "L'économie allemande est plus petite que l'économie française.",
   'الاقتصاد الألماني أصغر من الاقتصاد الفرنسي.'],
  []),
 ({'en': 'Inflation in Turkey is higher than in Egypt.',
   'fr': "L'inflation en Turquie est plus élevée qu'en Égypte.",
   'ar': 'التضخم في تركيا أعلى منه في مصر.'},
  ['Inflation in Egypt is lower than in Turkey.',
   "L'inflation en Égypte est plus faible qu'en Turquie.",
   'التضخم في مصر أقل منه في تركيا.'],
  ['Inflation in Turkey is lower than in Egypt.',
   "L'inflation en Turquie est plus faible qu'en Égypte.",
   'التضخم في تركيا أقل منه في مصر.'],
  []),
 ({'en': 'Kenya won more medals than Ethiopia.',
   'fr': "Le Kenya a remporté plus de médailles que l'Éthiopie.",
   'ar': 'حصدت كينيا ميداليات أكثر من إثيوبيا.'},
  ['Ethiopia won fewer medals than Kenya.',
   "L'Éthiopie a remporté moins de médailles que le Kenya.",
   'حصدت إثيوبيا ميداليات أقل من كينيا.'],
  ['Kenya won fewer medals than Ethiopia.',
   "Le Kenya a remporté moins de médailles que l'Éthiopie.",
   'حصدت كينيا ميداليات أقل من إثيوبيا.'],
  []),
 ({'en': 'The Nile is longer than the Amazon.',
   'fr': "Le Nil est plus long que l'Amazone.",
   'ar': 'نهر النيل أطول من نهر الأمازون.'},
  ['The Amazon is shorter than the Nile.',
   "L'Amazone est plus courte que le Nil.",
   'نهر الأمازون أقصر من نهر النيل.'],
  ['The Nile is shorter than the Amazon.',
   "Le Nil est plus court que l'Amazone.",
   'نهر النيل أقصر من نهر الأمازون.'],
  []),
 ({'en': 'India overtook China as the most populous country.',
   'fr': "L'Inde a dépassé la Chine comme pays le plus peuplé.",
   'ar': 'تجاوزت الهند الصين لتصبح الدولة الأكثر سكاناً.'},
  ['China is no longer the most populous country: India has overtaken it.',
   "La Chine n'est plus le pays le plus peuplé, devancée par l'Inde.",
   'لم تعد الصين الدولة الأكثر سكاناً بعد أن تجاوزتها الهند.'],
  ['China remains the most populous country, ahead of India.',
   "La Chine reste le pays le plus peuplé, devant l'Inde.",
   'لا تزال الصين الدولة الأكثر سكاناً متقدمة على الهند.'],
  [])]


@pytest.mark.slow
def test_comparisons_are_never_shown_on_the_wrong_side() -> None:
    """Measured 2026-12-07: 9 on the wrong side before (1 contradicting) int8, 6 fp32; none
    after."""
    wrong, _ = read_battery(BATTERY)
    assert wrong == []
