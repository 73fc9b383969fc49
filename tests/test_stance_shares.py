"""A part of a whole said as a count: "4 of the 40 miners" is 10 %, no half of them (evidence
check revision 37).

Revision 34 left « La moitié des 40 mineurs … » against « Seuls 4 des 40 mineurs … » shown
supporting: the claim's share ("half of") and the text's count of the same whole were two
figures nothing compared. A battery written before the rule (12 stories in en/fr/ar, every
language pair: a fraction of a stated whole against the matching count and against another
count, "K of N" against the matching fraction and against another) showed **15 of 108
opposites supporting** (int8 15), and none contradicting. With "K of N", "K out of N",
« K des N », « K sur N », «K من أصل N», «K من بين N» read as a share (a noun may stand between:
« 200 infirmiers sur 600 », «80 مصنعاً من أصل 90»), and Arabic «ثلاثة أرباع» and a fraction
before an indefinite noun («ثلث مستشفيات الخرطوم الـ60»), the two are compared: 0 (int8 0)
shown supporting, 26 (int8 27) right contradictions, the 18 restatements shown supporting kept.
Such a share never changes what its number counts: "24 of the 45 seats" against « 23 des 45
sièges » is still a count against a count.
"""

from __future__ import annotations

import pytest

from corroborate.stance.conflict import find_conflicts
from corroborate.stance.evidence import unconfirmed, weigh
from corroborate.stance.figures import measures

from .test_stance_evidence import probs
from .test_stance_privatives import _read


@pytest.mark.parametrize(("text", "share"), [
    ("Only 4 of the 40 miners were rescued.", 10.0),
    ("Seuls 4 des 40 mineurs ont été secourus.", 10.0),
    ("200 infirmiers sur 600 ont rejoint la grève.", 100 / 3),
    ("أنقذ 4 فقط من أصل 40 عاملا.", 10.0),
    ("علّق 80 مصنعاً للنسيج من أصل 90 في المنطقة الحرة.", 800 / 9),
    ("أُعيد فتح ثلاثة أرباع المدارس الـ120.", 75.0),
    ("توقف ثلث مستشفيات الخرطوم الـ60 عن العمل.", 100 / 3),
])
def test_a_part_of_a_whole_is_a_share(text: str, share: float) -> None:
    assert [(m.kind, round(m.value, 1)) for m in measures(text)] == [("share", round(share, 1))]


@pytest.mark.parametrize("text", [
    "Law 12 of 2019 was repealed.",
    "5 soldiers of the 12th brigade were wounded.",
    "نصف مليون دولار", "بعد ربع قرن من الحرب",
])
def test_what_is_no_part_of_a_whole(text: str) -> None:
    assert [m for m in measures(text) if m.kind == "share"] == []


def test_a_fraction_against_another_count_of_its_whole_is_no_support() -> None:
    claim = "La moitié des 40 mineurs ont été secourus dimanche."
    text = "Seuls 4 des 40 mineurs ont été secourus dimanche."
    assert [c.kind for c in find_conflicts(claim, text)] == ["number"]
    assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back
    assert unconfirmed("Half of the 40 miners were rescued on Sunday.",
                       "20 of the 40 miners were rescued on Sunday.") == ()


def test_a_count_of_a_whole_still_counts_its_things() -> None:
    claim = "The new Rotterdam coalition holds 24 of the city council's 45 seats."
    text = "La nouvelle coalition de Rotterdam ne dispose que de 23 des 45 sièges du conseil."
    assert [c.kind for c in find_conflicts(claim, text)] == ["number"]


@pytest.mark.slow
def test_another_share_of_the_whole_is_never_shown_supporting() -> None:
    """Measured 2026-12-07 (bf16 / int8): opposites shown supporting 15 / 15 -> 0 / 0, right
    contradictions 0 / 0 -> 26 / 27, restatements shown supporting 18 / 18 -> 18 / 18."""
    rows = _read(SHARES)
    assert [(c, t, s) for c, t, gold, s in rows
            if s in ("supports", "contradicts") and s != gold] == []
    assert [s for *_, gold, s in rows if gold == "supports"].count("supports") >= 14
    assert [s for *_, gold, s in rows if gold == "contradicts"].count("contradicts") >= 20


# (claims in en/fr/ar, restatements, opposites, texts that are neither): written before the rule
SHARES = [
    (
        {
            "en": (
                "Half of the 40 miners trapped at the Kolwezi copper mine in the Democratic "
                "Republic of the Congo were rescued on Sunday."
            ),
            "fr": (
                "La moitié des 40 mineurs pris au piège dans la mine de cuivre de Kolwezi, en "
                "République démocratique du Congo, ont été secourus dimanche."
            ),
            "ar": (
                "أُنقذ يوم الأحد نصف عمال المناجم الـ40 المحاصرين في منجم النحاس في كولويزي "
                "بجمهورية الكونغو الديمقراطية."
            ),
        },
        [
            (
                "Rescuers brought 20 of the 40 miners trapped at the Kolwezi copper mine in the "
                "Democratic Republic of the Congo to safety on Sunday."
            ),
            (
                "Dimanche, 20 des 40 mineurs bloqués dans la mine de cuivre de Kolwezi, en "
                "République démocratique du Congo, ont été secourus."
            ),
            (
                "أُنقذ يوم الأحد 20 من أصل 40 عاملاً كانوا محاصرين في منجم النحاس في كولويزي "
                "بجمهورية الكونغو الديمقراطية."
            ),
        ],
        [
            (
                "Only 4 of the 40 miners trapped at the Kolwezi copper mine in the Democratic "
                "Republic of the Congo were rescued on Sunday."
            ),
            (
                "Seuls 4 des 40 mineurs pris au piège dans la mine de cuivre de Kolwezi, en "
                "République démocratique du Congo, ont été secourus dimanche."
            ),
            (
                "لم يُنقذ يوم الأحد سوى 4 من أصل 40 عاملاً محاصرين في منجم النحاس في كولويزي "
                "بجمهورية الكونغو الديمقراطية."
            ),
        ],
        [
            (
                "Congolese authorities said an inquiry into the collapse at the Kolwezi copper "
                "mine would open on 3 March."
            ),
            (
                "Le gouverneur de la province du Lualaba a annoncé l'ouverture d'une enquête sur "
                "l'effondrement de la mine de cuivre de Kolwezi."
            ),
        ],
    ),
    (
        {
            "en": (
                "A third of the 60 hospitals in Khartoum stopped operating in May 2023 because of "
                "the fighting."
            ),
            "fr": (
                "Un tiers des 60 hôpitaux de Khartoum ont cessé de fonctionner en mai 2023 en "
                "raison des combats."
            ),
            "ar": "توقف ثلث مستشفيات الخرطوم الـ60 عن العمل في مايو/أيار 2023 بسبب القتال.",
        },
        [
            (
                "20 out of the 60 hospitals in Khartoum stopped operating in May 2023 as fighting "
                "raged in the Sudanese capital."
            ),
            (
                "À Khartoum, 20 hôpitaux sur 60 ont cessé de fonctionner en mai 2023 à cause des "
                "combats."
            ),
            "توقف 20 مستشفى من بين 60 في الخرطوم عن العمل في مايو/أيار 2023 بسبب القتال.",
        ],
        [
            (
                "50 out of the 60 hospitals in Khartoum stopped operating in May 2023 because of "
                "the fighting."
            ),
            (
                "À Khartoum, 50 hôpitaux sur 60 ont cessé de fonctionner en mai 2023 à cause des "
                "combats."
            ),
            "توقف 50 مستشفى من بين 60 في الخرطوم عن العمل في مايو/أيار 2023 بسبب القتال.",
        ],
        [
            (
                "The World Health Organization warned on 20 May 2023 that medical supplies in "
                "Khartoum were running out."
            ),
            (
                "قالت منظمة الصحة العالمية في 20 مايو/أيار 2023 إن الإمدادات الطبية في الخرطوم "
                "توشك على النفاد."
            ),
        ],
    ),
    (
        {
            "en": (
                "A quarter of the 80 villages in the commune of Ighil, in Morocco's Al Haouz "
                "province, were cut off by road after the earthquake of 8 September 2023."
            ),
            "fr": (
                "Un quart des 80 villages de la commune d'Ighil, dans la province d'Al-Haouz au "
                "Maroc, ont été coupés du réseau routier après le séisme du 8 septembre 2023."
            ),
            "ar": (
                "انقطعت الطرق عن ربع القرى الـ80 في جماعة إغيل بإقليم الحوز في المغرب إثر زلزال 8 "
                "سبتمبر/أيلول 2023."
            ),
        },
        [
            (
                "20 of the 80 villages in the commune of Ighil, in Morocco's Al Haouz province, "
                "were left without road access after the 8 September 2023 earthquake."
            ),
            (
                "Après le séisme du 8 septembre 2023, 20 des 80 villages de la commune d'Ighil, "
                "dans la province d'Al-Haouz au Maroc, ont été coupés du réseau routier."
            ),
            (
                "إثر زلزال 8 سبتمبر/أيلول 2023، انقطعت الطرق عن 20 قرية من أصل 80 في جماعة إغيل "
                "بإقليم الحوز في المغرب."
            ),
        ],
        [
            (
                "60 of the 80 villages in the commune of Ighil, in Morocco's Al Haouz province, "
                "were cut off by road after the earthquake of 8 September 2023."
            ),
            (
                "Après le séisme du 8 septembre 2023, 60 des 80 villages de la commune d'Ighil, "
                "dans la province d'Al-Haouz au Maroc, ont été coupés du réseau routier."
            ),
            (
                "إثر زلزال 8 سبتمبر/أيلول 2023، انقطعت الطرق عن 60 قرية من أصل 80 في جماعة إغيل "
                "بإقليم الحوز في المغرب."
            ),
        ],
        [
            (
                "Moroccan authorities announced on 14 September 2023 that reconstruction aid "
                "would be paid to families in the commune of Ighil."
            ),
            (
                "أعلنت السلطات المغربية في 14 سبتمبر/أيلول 2023 أن مساعدات إعادة الإعمار ستُصرف "
                "للأسر في جماعة إغيل."
            ),
        ],
    ),
    (
        {
            "en": (
                "Two thirds of the 150 members of the Belgian Chamber of Representatives voted "
                "for the pension reform bill on 12 March 2025."
            ),
            "fr": (
                "Les deux tiers des 150 députés de la Chambre des représentants de Belgique ont "
                "voté pour le projet de réforme des pensions le 12 mars 2025."
            ),
            "ar": (
                "صوّت ثلثا أعضاء مجلس النواب البلجيكي الـ150 لصالح مشروع قانون إصلاح نظام التقاعد "
                "في 12 مارس/آذار 2025."
            ),
        },
        [
            (
                "100 of the 150 members of the Belgian Chamber of Representatives voted in favour "
                "of the pension reform bill on 12 March 2025."
            ),
            (
                "Le 12 mars 2025, 100 députés sur 150 à la Chambre des représentants de Belgique "
                "ont voté pour le projet de réforme des pensions."
            ),
            (
                "صوّت 100 نائب من أصل 150 في مجلس النواب البلجيكي لصالح مشروع قانون إصلاح نظام "
                "التقاعد في 12 مارس/آذار 2025."
            ),
        ],
        [
            (
                "Only 40 of the 150 members of the Belgian Chamber of Representatives voted for "
                "the pension reform bill on 12 March 2025."
            ),
            (
                "Le 12 mars 2025, seuls 40 députés sur 150 à la Chambre des représentants de "
                "Belgique ont voté pour le projet de réforme des pensions."
            ),
            (
                "لم يصوّت لصالح مشروع قانون إصلاح نظام التقاعد في 12 مارس/آذار 2025 سوى 40 نائباً "
                "من أصل 150 في مجلس النواب البلجيكي."
            ),
        ],
        [
            "Belgian unions called a national strike against the pension reform for 31 March 2025.",
            (
                "Les syndicats belges ont appelé à une grève nationale contre la réforme des "
                "pensions le 31 mars 2025."
            ),
        ],
    ),
    (
        {
            "en": (
                "Three quarters of the 200 flights scheduled at Nice Côte d'Azur airport on "
                "Thursday 5 December 2024 were cancelled because of the air traffic controllers' "
                "strike."
            ),
            "fr": (
                "Les trois quarts des 200 vols prévus jeudi 5 décembre 2024 à l'aéroport de "
                "Nice-Côte d'Azur ont été annulés en raison de la grève des contrôleurs aériens."
            ),
            "ar": (
                "أُلغيت ثلاثة أرباع الرحلات الـ200 المقررة يوم الخميس 5 ديسمبر/كانون الأول 2024 "
                "في مطار نيس كوت دازور بسبب إضراب المراقبين الجويين."
            ),
        },
        [
            (
                "150 of the 200 flights scheduled at Nice Côte d'Azur airport on Thursday 5 "
                "December 2024 were cancelled due to the air traffic controllers' strike."
            ),
            (
                "Jeudi 5 décembre 2024, 150 des 200 vols prévus à l'aéroport de Nice-Côte d'Azur "
                "ont été annulés à cause de la grève des contrôleurs aériens."
            ),
            (
                "أُلغيت 150 رحلة من أصل 200 كانت مقررة يوم الخميس 5 ديسمبر/كانون الأول 2024 في "
                "مطار نيس كوت دازور بسبب إضراب المراقبين الجويين."
            ),
        ],
        [
            (
                "Only 30 of the 200 flights scheduled at Nice Côte d'Azur airport on Thursday 5 "
                "December 2024 were cancelled because of the air traffic controllers' strike."
            ),
            (
                "Jeudi 5 décembre 2024, seuls 30 des 200 vols prévus à l'aéroport de Nice-Côte "
                "d'Azur ont été annulés à cause de la grève des contrôleurs aériens."
            ),
            (
                "لم تُلغَ سوى 30 رحلة من أصل 200 كانت مقررة يوم الخميس 5 ديسمبر/كانون الأول 2024 "
                "في مطار نيس كوت دازور بسبب إضراب المراقبين الجويين."
            ),
        ],
        [
            (
                "France's civil aviation authority said the strike notice for air traffic "
                "controllers ran until Friday 6 December 2024."
            ),
            (
                "قالت المديرية العامة للطيران المدني في فرنسا إن إشعار إضراب المراقبين الجويين "
                "يمتد حتى يوم الجمعة 6 ديسمبر/كانون الأول 2024."
            ),
        ],
    ),
    (
        {
            "en": (
                "Half of the 120 migrants rescued off Lampedusa on 3 August 2023 were "
                "unaccompanied minors."
            ),
            "fr": (
                "La moitié des 120 migrants secourus au large de Lampedusa le 3 août 2023 étaient "
                "des mineurs non accompagnés."
            ),
            "ar": (
                "كان نصف المهاجرين الـ120 الذين أُنقذوا قبالة جزيرة لامبيدوزا في 3 أغسطس/آب 2023 "
                "قاصرين غير مصحوبين بذويهم."
            ),
        },
        [
            (
                "60 out of the 120 migrants rescued off Lampedusa on 3 August 2023 were "
                "unaccompanied minors."
            ),
            (
                "Sur les 120 migrants secourus au large de Lampedusa le 3 août 2023, 60 étaient "
                "des mineurs non accompagnés."
            ),
            (
                "كان 60 من بين 120 مهاجراً أُنقذوا قبالة جزيرة لامبيدوزا في 3 أغسطس/آب 2023 "
                "قاصرين غير مصحوبين بذويهم."
            ),
        ],
        [
            (
                "Only 12 out of the 120 migrants rescued off Lampedusa on 3 August 2023 were "
                "unaccompanied minors."
            ),
            (
                "Seuls 12 des 120 migrants secourus au large de Lampedusa le 3 août 2023 étaient "
                "des mineurs non accompagnés."
            ),
            (
                "لم يكن سوى 12 من بين 120 مهاجراً أُنقذوا قبالة جزيرة لامبيدوزا في 3 أغسطس/آب "
                "2023 قاصرين غير مصحوبين بذويهم."
            ),
        ],
        [
            (
                "The Italian coast guard said the boat had left the Libyan port of Zuwara two "
                "days before the rescue off Lampedusa."
            ),
            (
                "Les garde-côtes italiens ont indiqué que l'embarcation avait quitté le port "
                "libyen de Zouara deux jours avant le sauvetage au large de Lampedusa."
            ),
        ],
    ),
    (
        {
            "en": (
                "A third of the 90 textile factories in the Tangier free zone suspended "
                "production in January 2024."
            ),
            "fr": (
                "Un tiers des 90 usines textiles de la zone franche de Tanger ont suspendu leur "
                "production en janvier 2024."
            ),
            "ar": (
                "علّق ثلث مصانع النسيج الـ90 في المنطقة الحرة بطنجة الإنتاج في يناير/كانون الثاني "
                "2024."
            ),
        },
        [
            (
                "30 of the 90 textile factories in the Tangier free zone halted production in "
                "January 2024."
            ),
            (
                "En janvier 2024, 30 usines textiles sur 90 dans la zone franche de Tanger ont "
                "suspendu leur production."
            ),
            (
                "علّق 30 مصنعاً للنسيج من أصل 90 في المنطقة الحرة بطنجة الإنتاج في يناير/كانون "
                "الثاني 2024."
            ),
        ],
        [
            (
                "80 of the 90 textile factories in the Tangier free zone suspended production in "
                "January 2024."
            ),
            (
                "En janvier 2024, 80 usines textiles sur 90 dans la zone franche de Tanger ont "
                "suspendu leur production."
            ),
            (
                "علّق 80 مصنعاً للنسيج من أصل 90 في المنطقة الحرة بطنجة الإنتاج في يناير/كانون "
                "الثاني 2024."
            ),
        ],
        [
            (
                "Morocco's industry ministry said it would meet textile manufacturers from the "
                "Tangier free zone on 15 February 2024."
            ),
            (
                "أعلنت وزارة الصناعة المغربية أنها ستعقد اجتماعاً مع مصنّعي النسيج في المنطقة "
                "الحرة بطنجة يوم 15 فبراير/شباط 2024."
            ),
        ],
    ),
    (
        {
            "en": "30 of the 120 schools in west Mosul reopened on 2 September 2017.",
            "fr": (
                "30 des 120 écoles de Mossoul-Ouest ont rouvert leurs portes le 2 septembre 2017."
            ),
            "ar": (
                "أُعيد فتح 30 مدرسة من أصل 120 في الجانب الغربي من الموصل في 2 سبتمبر/أيلول 2017."
            ),
        },
        [
            "A quarter of the 120 schools in west Mosul reopened on 2 September 2017.",
            (
                "Un quart des 120 écoles de Mossoul-Ouest ont rouvert leurs portes le 2 septembre "
                "2017."
            ),
            "أُعيد فتح ربع المدارس الـ120 في الجانب الغربي من الموصل في 2 سبتمبر/أيلول 2017.",
        ],
        [
            "Three quarters of the 120 schools in west Mosul reopened on 2 September 2017.",
            (
                "Les trois quarts des 120 écoles de Mossoul-Ouest ont rouvert leurs portes le 2 "
                "septembre 2017."
            ),
            (
                "أُعيد فتح ثلاثة أرباع المدارس الـ120 في الجانب الغربي من الموصل في 2 "
                "سبتمبر/أيلول 2017."
            ),
        ],
        [
            (
                "UNICEF said repairing the damaged schools of west Mosul would cost 12 million "
                "dollars."
            ),
            (
                "L'Unicef a indiqué que la réparation des écoles endommagées de Mossoul-Ouest "
                "coûterait 12 millions de dollars."
            ),
        ],
    ),
    (
        {
            "en": (
                "12 of the 18 Ligue 1 clubs voted in favour of the new TV rights deal on 14 "
                "October 2024."
            ),
            "fr": (
                "12 des 18 clubs de Ligue 1 ont voté le 14 octobre 2024 en faveur du nouvel "
                "accord sur les droits télévisés."
            ),
            "ar": (
                "صوّت 12 نادياً من أصل 18 في الدوري الفرنسي لكرة القدم لصالح اتفاق حقوق البث "
                "التلفزيوني الجديد في 14 أكتوبر/تشرين الأول 2024."
            ),
        },
        [
            (
                "Two thirds of the 18 Ligue 1 clubs voted in favour of the new TV rights deal on "
                "14 October 2024."
            ),
            (
                "Les deux tiers des 18 clubs de Ligue 1 ont voté le 14 octobre 2024 en faveur du "
                "nouvel accord sur les droits télévisés."
            ),
            (
                "صوّت ثلثا أندية الدوري الفرنسي لكرة القدم الـ18 لصالح اتفاق حقوق البث التلفزيوني "
                "الجديد في 14 أكتوبر/تشرين الأول 2024."
            ),
        ],
        [
            (
                "A third of the 18 Ligue 1 clubs voted in favour of the new TV rights deal on 14 "
                "October 2024."
            ),
            (
                "Un tiers des 18 clubs de Ligue 1 ont voté le 14 octobre 2024 en faveur du nouvel "
                "accord sur les droits télévisés."
            ),
            (
                "صوّت ثلث أندية الدوري الفرنسي لكرة القدم الـ18 لصالح اتفاق حقوق البث التلفزيوني "
                "الجديد في 14 أكتوبر/تشرين الأول 2024."
            ),
        ],
        [
            "The Ligue de Football Professionnel said the new TV rights deal would run until 2029.",
            (
                "قالت رابطة كرة القدم المحترفة في فرنسا إن اتفاق حقوق البث التلفزيوني الجديد "
                "سيسري حتى عام 2029."
            ),
        ],
    ),
    (
        {
            "en": (
                "45 of the 60 patients enrolled in the Institut Pasteur de Dakar's malaria drug "
                "trial recovered within two weeks."
            ),
            "fr": (
                "45 des 60 patients inclus dans l'essai d'un traitement antipaludique de "
                "l'Institut Pasteur de Dakar ont guéri en deux semaines."
            ),
            "ar": (
                "تعافى خلال أسبوعين 45 مريضاً من أصل 60 شاركوا في تجربة دواء مضاد للملاريا أجراها "
                "معهد باستور في داكار."
            ),
        },
        [
            (
                "Three quarters of the 60 patients enrolled in the Institut Pasteur de Dakar's "
                "malaria drug trial recovered within two weeks."
            ),
            (
                "Les trois quarts des 60 patients inclus dans l'essai d'un traitement "
                "antipaludique de l'Institut Pasteur de Dakar ont guéri en deux semaines."
            ),
            (
                "تعافى خلال أسبوعين ثلاثة أرباع المرضى الـ60 الذين شاركوا في تجربة دواء مضاد "
                "للملاريا أجراها معهد باستور في داكار."
            ),
        ],
        [
            (
                "A quarter of the 60 patients enrolled in the Institut Pasteur de Dakar's malaria "
                "drug trial recovered within two weeks."
            ),
            (
                "Un quart des 60 patients inclus dans l'essai d'un traitement antipaludique de "
                "l'Institut Pasteur de Dakar ont guéri en deux semaines."
            ),
            (
                "تعافى خلال أسبوعين ربع المرضى الـ60 الذين شاركوا في تجربة دواء مضاد للملاريا "
                "أجراها معهد باستور في داكار."
            ),
        ],
        [
            (
                "The Institut Pasteur de Dakar said the results of its malaria drug trial would "
                "be presented in Geneva on 10 June 2024."
            ),
            (
                "أعلن معهد باستور في داكار أن نتائج تجربة دواء الملاريا ستُعرض في جنيف يوم 10 "
                "يونيو/حزيران 2024."
            ),
        ],
    ),
    (
        {
            "en": (
                "200 out of the 600 nurses at Rafik Hariri University Hospital in Beirut joined "
                "the strike on 10 April 2024."
            ),
            "fr": (
                "À l'hôpital universitaire Rafic-Hariri de Beyrouth, 200 infirmiers sur 600 ont "
                "rejoint la grève le 10 avril 2024."
            ),
            "ar": (
                "انضم 200 ممرض من أصل 600 في مستشفى رفيق الحريري الجامعي في بيروت إلى الإضراب في "
                "10 أبريل/نيسان 2024."
            ),
        },
        [
            (
                "A third of the 600 nurses at Rafik Hariri University Hospital in Beirut joined "
                "the strike on 10 April 2024."
            ),
            (
                "Un tiers des 600 infirmiers de l'hôpital universitaire Rafic-Hariri de Beyrouth "
                "ont rejoint la grève le 10 avril 2024."
            ),
            (
                "انضم ثلث الممرضين الـ600 في مستشفى رفيق الحريري الجامعي في بيروت إلى الإضراب في "
                "10 أبريل/نيسان 2024."
            ),
        ],
        [
            (
                "Two thirds of the 600 nurses at Rafik Hariri University Hospital in Beirut "
                "joined the strike on 10 April 2024."
            ),
            (
                "Les deux tiers des 600 infirmiers de l'hôpital universitaire Rafic-Hariri de "
                "Beyrouth ont rejoint la grève le 10 avril 2024."
            ),
            (
                "انضم ثلثا الممرضين الـ600 في مستشفى رفيق الحريري الجامعي في بيروت إلى الإضراب في "
                "10 أبريل/نيسان 2024."
            ),
        ],
        [
            (
                "The nurses' union at Rafik Hariri University Hospital in Beirut is demanding "
                "that salaries be paid in US dollars."
            ),
            (
                "قالت نقابة الممرضين في مستشفى رفيق الحريري الجامعي في بيروت إنها تطالب بدفع "
                "الرواتب بالدولار الأمريكي."
            ),
        ],
    ),
    (
        {
            "en": (
                "30 of the 60 villages in Kéniéba district, in Mali's Kayes region, were "
                "connected to the electricity grid in 2023."
            ),
            "fr": (
                "30 villages sur 60 du cercle de Kéniéba, dans la région de Kayes au Mali, ont "
                "été raccordés au réseau électrique en 2023."
            ),
            "ar": (
                "رُبطت 30 قرية من بين 60 في دائرة كينييبا بمنطقة كايس في مالي بشبكة الكهرباء عام "
                "2023."
            ),
        },
        [
            (
                "Half of the 60 villages in Kéniéba district, in Mali's Kayes region, were "
                "connected to the electricity grid in 2023."
            ),
            (
                "La moitié des 60 villages du cercle de Kéniéba, dans la région de Kayes au Mali, "
                "ont été raccordés au réseau électrique en 2023."
            ),
            "رُبط نصف القرى الـ60 في دائرة كينييبا بمنطقة كايس في مالي بشبكة الكهرباء عام 2023.",
        ],
        [
            (
                "A quarter of the 60 villages in Kéniéba district, in Mali's Kayes region, were "
                "connected to the electricity grid in 2023."
            ),
            (
                "Un quart des 60 villages du cercle de Kéniéba, dans la région de Kayes au Mali, "
                "ont été raccordés au réseau électrique en 2023."
            ),
            "رُبط ربع القرى الـ60 في دائرة كينييبا بمنطقة كايس في مالي بشبكة الكهرباء عام 2023.",
        ],
        [
            (
                "The electrification project in Kéniéba district was funded by a 15 million euro "
                "loan from the African Development Bank."
            ),
            (
                "Le projet d'électrification du cercle de Kéniéba a été financé par un prêt de 15 "
                "millions d'euros de la Banque africaine de développement."
            ),
        ],
    ),
]
