"""A comparison and its opposite, an overtaking and a lead kept, an exception (evidence check
revision 33).

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


def test_an_exception_restates_a_denial() -> None:
    text = "Hungary was the only EU country that did not back the sanctions."
    for claim in ("أيدت جميع دول الاتحاد الأوروبي العقوبات باستثناء المجر.",
                  "Every EU country except Hungary backed the sanctions.",
                  "Tous les pays de l'UE sauf la Hongrie ont soutenu les sanctions."):
        assert "contradicts" in weigh(claim, text, probs(0.1, 0.85, 0.05)).held_back
    # a denial of the claim's exception itself is a conflict still
    assert "contradicts" not in weigh(
        "Every EU country except Hungary backed the sanctions.",
        "Not every EU country except Hungary backed the sanctions.",
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


# exceptions and restrictions: (claims, restatements, opposites, texts that are neither)
EXCEPTIONS = [({'en': 'Only three passengers survived the plane crash in Nepal.',
   'fr': "Seuls trois passagers ont survécu à l'accident d'avion au Népal.",
   'ar': 'نجا ثلاثة ركاب فقط من تحطم الطائرة في نيبال.'},
  ['All but three passengers died in the plane crash in Nepal.',
   "Tous les passagers sont morts dans l'accident d'avion au Népal, sauf trois.",
   'لقي جميع الركاب حتفهم في تحطم الطائرة في نيبال باستثناء ثلاثة.'],
  ['All passengers survived the plane crash in Nepal.',
   "Tous les passagers ont survécu à l'accident d'avion au Népal.",
   'نجا جميع الركاب من تحطم الطائرة في نيبال.'],
  []),
 ({'en': 'Every EU country except Hungary backed the sanctions.',
   'fr': "Tous les pays de l'UE sauf la Hongrie ont soutenu les sanctions.",
   'ar': 'أيدت جميع دول الاتحاد الأوروبي العقوبات باستثناء المجر.'},
  ['Hungary was the only EU country that did not back the sanctions.',
   "La Hongrie est le seul pays de l'UE à ne pas avoir soutenu les sanctions.",
   'كانت المجر الدولة الوحيدة في الاتحاد الأوروبي التي لم تؤيد العقوبات.'],
  ['Hungary backed the EU sanctions.',
   "La Hongrie a soutenu les sanctions de l'UE.",
   'أيدت المجر عقوبات الاتحاد الأوروبي.'],
  []),
 ({'en': 'The Louvre is open every day except Tuesday.',
   'fr': 'Le Louvre est ouvert tous les jours sauf le mardi.',
   'ar': 'متحف اللوفر مفتوح كل يوم باستثناء الثلاثاء.'},
  ['The Louvre is closed on Tuesdays.',
   'Le Louvre est fermé le mardi.',
   'يغلق متحف اللوفر أبوابه أيام الثلاثاء.'],
  ['The Louvre is open on Tuesdays.',
   'Le Louvre est ouvert le mardi.',
   'متحف اللوفر مفتوح أيام الثلاثاء.'],
  []),
 ({'en': 'None of the candidates won a majority in the first round in Panama.',
   'fr': "Aucun des candidats n'a obtenu la majorité au premier tour au Panama.",
   'ar': 'لم يحصل أي من المرشحين على الأغلبية في الجولة الأولى في بنما.'},
  ['No candidate won more than half of the votes in the first round in Panama.',
   "Un second tour sera nécessaire au Panama, aucun candidat n'ayant obtenu la majorité au premier "
   'tour.',
   'لم ينل أي مرشح أكثر من نصف الأصوات في الجولة الأولى في بنما.'],
  ['One candidate won a majority in the first round in Panama.',
   'Un candidat a obtenu la majorité dès le premier tour au Panama.',
   'حصل أحد المرشحين على الأغلبية في الجولة الأولى في بنما.'],
  []),
 ({'en': 'The vaccine is free for everyone under 18 in Chile.',
   'fr': 'Le vaccin est gratuit pour tous les moins de 18 ans au Chili.',
   'ar': 'اللقاح مجاني لكل من هم دون 18 عاماً في تشيلي.'},
  ['No one under 18 in Chile has to pay for the vaccine.',
   "Au Chili, aucun mineur de moins de 18 ans n'a à payer le vaccin.",
   'لن يدفع أي شخص دون 18 عاماً في تشيلي ثمن اللقاح.'],
  ['People under 18 in Chile must pay for the vaccine.',
   'Au Chili, les moins de 18 ans doivent payer le vaccin.',
   'يتعين على من هم دون 18 عاماً في تشيلي دفع ثمن اللقاح.'],
  []),
 ({'en': 'The Galata bridge was closed to all traffic.',
   'fr': 'Le pont de Galata a été fermé à toute circulation.',
   'ar': 'أغلق جسر غلطة أمام جميع حركة المرور.'},
  ['No vehicles were allowed on the Galata bridge.',
   "Aucun véhicule n'était autorisé sur le pont de Galata.",
   'لم يُسمح لأي مركبة بعبور جسر غلطة.'],
  ['The Galata bridge was open to traffic.',
   'Le pont de Galata était ouvert à la circulation.',
   'كان جسر غلطة مفتوحاً أمام حركة المرور.'],
  [])]


@pytest.mark.slow
def test_exceptions_are_never_shown_on_the_wrong_side() -> None:
    """Measured 2026-12-07: 1 restatement shown contradicting before (int8 and fp32), none
    after; restatements shown supporting 4 of 54 int8 (5 fp32), right contradictions 9."""
    wrong, restated = read_battery(EXCEPTIONS)
    assert wrong == []
    assert restated.count("supports") >= 3
