"""A country named by its people's adjective, a denial said as a ban or a level kept, and a count
against a duration (evidence check revision 17): none of them is a conflict a reader could point
at, so none may make a passage "contradicting".

Found in the weighed pair sets' wrong contradictions: «تركيا تحتج على التواجد العسكري الأمريكي
في الأراضي السورية» against «أردوغان ينتقد الوجود العسكري الأمريكي في سوريا» (Turkey against Syria,
which the claim names as «السورية»), «منع الفتيات السعوديات من المشاركة في عروض المصارعة»
against «لا نساء في عروض المصارعة» (a ban is a denial), and a claim's "18 regions" against
another story's "within 24 hours". The batteries below were written afterwards, on other
stories, in en/fr/ar: each claim in three languages against the fact and its opposite in three.
"""

from __future__ import annotations

import pytest

from corroborate.stance.conflict import find_conflicts
from corroborate.stance.evidence import restated_denial

from .test_stance_probes import _read_both_ways


def _kinds(claim: str, sentence: str) -> list[str]:
    return [c.kind for c in find_conflicts(claim, sentence)]


# (claims, the same fact with one country named by its adjective, a country changed by name)
ADJECTIVES = [
    (["Turkey protested against the US military presence on Syrian soil.",
      "La Turquie a protesté contre la présence militaire américaine sur le sol syrien.",
      "احتجت تركيا على الوجود العسكري الأمريكي على الأراضي السورية."],
     ["Erdogan criticised the American military presence in Syria.",
      "Erdogan a critiqué la présence militaire américaine en Syrie.",
      "انتقد أردوغان الوجود العسكري الأمريكي في سوريا."],
     ["Greece protested against the American military presence in Syria.",
      "La Grèce a protesté contre la présence militaire américaine en Syrie.",
      "احتجت اليونان على الوجود العسكري الأمريكي في سوريا."]),
    (["Spain rescued 300 migrants off the Moroccan coast.",
      "L'Espagne a secouru 300 migrants au large des côtes marocaines.",
      "أنقذت إسبانيا 300 مهاجر قبالة السواحل المغربية."],
     ["The Spanish coastguard rescued 300 migrants off the coast of Morocco.",
      "Les garde-côtes espagnols ont secouru 300 migrants au large du Maroc.",
      "أنقذ خفر السواحل الإسباني 300 مهاجر قبالة سواحل المغرب."],
     ["Italy rescued 300 migrants off the coast of Morocco.",
      "L'Italie a secouru 300 migrants au large du Maroc.",
      "أنقذت إيطاليا 300 مهاجر قبالة سواحل المغرب."]),
    (["Egypt hosted talks between Sudanese rival generals.",
      "L'Égypte a accueilli des pourparlers entre les généraux rivaux soudanais.",
      "استضافت مصر محادثات بين الجنرالات السودانيين المتنافسين."],
     ["Egyptian mediators hosted talks between the rival generals of Sudan.",
      "Des médiateurs égyptiens ont accueilli des pourparlers entre les généraux rivaux du "
      "Soudan.",
      "استضاف وسطاء مصريون محادثات بين الجنرالات المتنافسين في السودان."],
     ["Saudi Arabia hosted talks between the rival generals of Sudan.",
      "L'Arabie saoudite a accueilli des pourparlers entre les généraux rivaux du Soudan.",
      "استضافت السعودية محادثات بين الجنرالات المتنافسين في السودان."]),
    (["Norway gave 10 million dollars for Ethiopian drought relief.",
      "La Norvège a donné 10 millions de dollars pour les victimes éthiopiennes de la "
      "sécheresse.",
      "قدمت النرويج 10 ملايين دولار لضحايا الجفاف الإثيوبيين."],
     ["The Norwegian government gave 10 million dollars for drought relief in Ethiopia.",
      "Le gouvernement norvégien a donné 10 millions de dollars pour la sécheresse en Éthiopie.",
      "قدمت الحكومة النرويجية 10 ملايين دولار لمواجهة الجفاف في إثيوبيا."],
     ["Sweden gave 10 million dollars for drought relief in Ethiopia.",
      "La Suède a donné 10 millions de dollars pour la sécheresse en Éthiopie.",
      "قدمت السويد 10 ملايين دولار لمواجهة الجفاف في إثيوبيا."]),
]

# (claims that deny, the same fact said as a ban, a level kept or a boycott, its opposite)
BANS_AND_LEVELS = [
    (["Women were not allowed to attend the wrestling show.",
      "Les femmes n'ont pas pu assister au spectacle de catch.",
      "لم يسمح للنساء بحضور عرض المصارعة."],
     ["Women were banned from the wrestling show.",
      "Les femmes ont été interdites du spectacle de catch.",
      "منعت النساء من حضور عرض المصارعة."],
     ["Women attended the wrestling show.",
      "Les femmes ont assisté au spectacle de catch.",
      "حضرت النساء عرض المصارعة."]),
    (["The central bank did not change its key interest rate.",
      "La banque centrale n'a pas modifié son taux directeur.",
      "لم يغير البنك المركزي سعر الفائدة الرئيسي."],
     ["The central bank held its key interest rate steady.",
      "La banque centrale a maintenu son taux directeur.",
      "أبقى البنك المركزي على سعر الفائدة الرئيسي."],
     ["The central bank raised its key interest rate.",
      "La banque centrale a relevé son taux directeur.",
      "رفع البنك المركزي سعر الفائدة الرئيسي."]),
    (["The authorities did not allow the opposition march to take place.",
      "Les autorités n'ont pas permis la tenue de la marche de l'opposition.",
      "لم تسمح السلطات بتنظيم مسيرة المعارضة."],
     ["The authorities banned the opposition march.",
      "Les autorités ont interdit la marche de l'opposition.",
      "حظرت السلطات مسيرة المعارضة."],
     ["The authorities authorised the opposition march.",
      "Les autorités ont autorisé la marche de l'opposition.",
      "أجازت السلطات مسيرة المعارضة."]),
    (["The opposition party did not take part in the vote.",
      "Le parti d'opposition n'a pas participé au vote.",
      "لم يشارك حزب المعارضة في التصويت."],
     ["The opposition party boycotted the vote.",
      "Le parti d'opposition a boycotté le vote.",
      "قاطع حزب المعارضة التصويت."],
     ["The opposition party took part in the vote.",
      "Le parti d'opposition a pris part au vote.",
      "شارك حزب المعارضة في التصويت."]),
]


@pytest.mark.parametrize(("claim", "sentence"), [
    ("تركيا تحتج على التواجد العسكري الأمريكي في الأراضي السورية",
     "أردوغان ينتقد الوجود العسكري الأمريكي في سوريا"),
    ("Turkey protested against the US presence on Syrian soil.",
     "Erdogan criticised the US presence in Syria."),
    ("La Turquie proteste contre la présence américaine sur le sol syrien.",
     "Erdogan critique la présence américaine en Syrie."),
    ("Spain rescued 300 migrants off the Moroccan coast.",
     "The Spanish coastguard rescued 300 migrants off Morocco."),
])
def test_a_country_named_by_its_adjective_is_named(claim: str, sentence: str) -> None:
    assert "place" not in _kinds(claim, sentence)


@pytest.mark.parametrize(("claim", "sentence"), [
    # an adjective is never a conflicting place on its own: only names conflict
    ("Russia attacked Ukraine with drones.", "Chinese-made drones hit Ukraine."),
    ("Syrian refugees crossed into Turkey.", "Refugees crossed into Turkey."),
])
def test_an_adjective_alone_is_no_conflicting_place(claim: str, sentence: str) -> None:
    assert "place" not in _kinds(claim, sentence)


def test_a_country_changed_by_name_still_conflicts() -> None:
    assert "place" in _kinds("Turkey protested against the US presence on Syrian soil.",
                             "Greece protested against the US presence in Syria.")
    assert "place" in _kinds("Spain rescued 300 migrants off the Moroccan coast.",
                             "Italy rescued 300 migrants off the coast of Morocco.")


@pytest.mark.parametrize(("claim", "sentence"), [
    ("منع الفتيات السعوديات من المشاركة في عروض المصارعة", "لا نساء في عروض المصارعة"),
    ("Women were not allowed at the show.", "Women were banned from the show."),
    ("Les femmes n'ont pas pu assister au spectacle.", "Les femmes ont été interdites du "
                                                       "spectacle."),
    ("The bank did not change its rate.", "The bank held its key rate steady."),
    ("La banque n'a pas modifié son taux.", "La banque a maintenu son taux."),
    ("The party did not take part in the vote.", "The party sat out the vote."),
    ("لم يشارك الحزب في التصويت", "قاطع الحزب التصويت"),
    ("The ceasefire did not collapse.", "The ceasefire was still holding."),
    ("لم ينهار السد", "ظل السد سليما"),
])
def test_a_ban_a_level_kept_or_a_boycott_may_say_the_denial(claim: str, sentence: str) -> None:
    assert restated_denial(claim, sentence, find_conflicts(claim, sentence))


@pytest.mark.parametrize(("claim", "sentence"), [
    # the same word on both sides: its denial is a denial of it
    ("Women were banned from the show.", "Women were not banned from the show."),
    ("The bank held its key rate steady.", "The bank did not hold its key rate steady."),
    ("The party boycotted the vote.", "The party did not boycott the vote."),
])
def test_a_denial_of_the_same_word_is_still_a_conflict(claim: str, sentence: str) -> None:
    conflicts = find_conflicts(claim, sentence)
    assert "negation" in [c.kind for c in conflicts]
    assert not restated_denial(claim, sentence, conflicts)


@pytest.mark.parametrize(("claim", "sentence", "conflicting"), [
    ("Peru declared a health emergency in 18 regions.",
     "Health authorities reported 2,000 new cases within 24 hours.", False),
    ("Le Pérou décrète l'urgence sanitaire dans 18 régions.",
     "أعلنت السلطات تسجيل إصابات جديدة خلال 24 ساعة.", False),
    ("Floods cut off 12 villages.", "The river rose 3 metres in a night.", False),
    # a count against a count, a duration against a duration: still conflicts
    ("Peru declared a health emergency in 18 regions.",
     "Peru declared a health emergency in 20 regions.", True),
    ("The curfew lasted 24 hours.", "The curfew lasted 48 hours.", True),
])
def test_a_count_conflicts_only_with_a_count(claim: str, sentence: str,
                                              conflicting: bool) -> None:
    assert ("number" in _kinds(claim, sentence)) is conflicting


@pytest.mark.slow
def test_a_country_by_its_adjective_is_never_shown_contradicting() -> None:
    """Measured 2026-12-06 (bf16), revision 16 → 17: the same fact with a country named by its
    adjective (36 pairs in 9 language pairs) shown contradicting 1 → 0 («احتجت تركيا … على
    الأراضي السورية» against «انتقد أردوغان … في سوريا»), supporting 8 → 13; a country changed
    by name (36) 11 → 11 shown contradicting (the rest read as no clear stance: a changed actor
    is often read as another story), none supporting."""
    restated, changed = _read_both_ways(ADJECTIVES)
    assert restated.count("contradicts") == 0
    assert changed.count("contradicts") >= 9 and "supports" not in changed


@pytest.mark.slow
def test_a_ban_a_level_kept_or_a_boycott_is_rarely_shown_contradicting_a_denial() -> None:
    """Measured 2026-12-06 (bf16), revision 16 → 17: claims that deny against the same fact
    said as a ban, a level kept or a boycott (36 pairs in 9 language pairs) shown contradicting
    9 → 0 ("did not change its key interest rate" against "held … steady" and « a maintenu »,
    « a boycotté »); against the opposite (36) 27 → 27; none shown on the wrong side as
    support."""
    restated, opposite = _read_both_ways(BANS_AND_LEVELS)
    assert restated.count("contradicts") <= 1 and "supports" not in restated
    assert opposite.count("contradicts") >= 25 and "supports" not in opposite
