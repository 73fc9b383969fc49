"""More words that deny: violated, ran out; and a state said plainly against its opposite
denied: expired / extended, postponed / as scheduled (evidence check revision 34).

Two more batteries written before the rules (20 stories in en/fr/ar, every language pair):
words that deny (abstained, violated, unavailable, denied bail, ruled out, ineffective,
cancelled, no longer in office, ran out, skipped) against the same fact said with "not"; and
a state said plainly (peaceful, a fake, unsafe, delayed, alive, lost, expired, lied,
postponed, unprofitable) against its opposite denied ("not violent", « n'est pas
authentique », «لم تُجر … في موعدها»).

The first found **4 restatements shown contradicting** (bf16; 2 int8): «انتهكت إسرائيل وقف
إطلاق النار» against «لم تحترم» (violated / did not respect), « L'hôpital al-Chifa est à court
de carburant » and «نفد الوقود» against « n'a plus de carburant », «لم يعد لدى … أي وقود» (ran
out / has no fuel left); and 1 opposite shown supporting ("violated" against « a respecté »;
int8 also «نفد» against « suffisamment de carburant »). The second found none contradicting —
the network read none of its 90 opposites as a contradiction either — but 6 opposites shown
supporting (5 int8): "expired" against « prolongé », «مُددت»; « reportées » against "took
place as scheduled", « à la date prévue », «في موعدها».

Now "violated", "breached", « a violé », «انتهك», «خرق» and "ran out of", « à court de »,
«نفد» say a denial in other words; violated / respected, ran out / enough, expired /
extended, postponed / as scheduled hold support back (not «أجل», which is also the «من أجل»
of "for").
"""

from __future__ import annotations

import pytest

from corroborate.stance.evidence import weigh
from corroborate.stance.opposites import opposite_words

from .test_stance_evidence import probs
from .test_stance_lexical_denials import _denies
from .test_stance_places_and_accusations import read_battery


def test_a_breach_and_a_supply_run_out_say_a_denial() -> None:
    for text, other, word in (
            ("انتهكت إسرائيل وقف إطلاق النار.", "لم تحترم إسرائيل وقف إطلاق النار.", "انتهكت"),
            ("Israël a violé le cessez-le-feu.", "Israel did not respect the ceasefire.", "violé"),
            ("L'hôpital est à court de carburant.", "L'hôpital n'a plus de carburant.",
             "à court de"),
            ("نفد الوقود في مستشفى الشفاء.", "لم يعد لدى مستشفى الشفاء أي وقود.", "نفد")):
        assert _denies(text, other) == [word], text
    # … but not what "was not violated" denies
    assert _denies("The ceasefire was violated.", "The ceasefire was not violated.") == []
    assert "contradicts" in weigh("انتهكت إسرائيل وقف إطلاق النار في لبنان.",
                                  "لم تحترم إسرائيل وقف إطلاق النار في لبنان.",
                                  probs(0.1, 0.85, 0.05)).held_back


def test_expired_postponed_violated_and_run_out_have_opposites() -> None:
    for claim, text in (
            ("Israel violated the ceasefire in Lebanon.",
             "Israël a respecté le cessez-le-feu au Liban."),
            ("نفد الوقود في مستشفى الشفاء.",
             "L'hôpital dispose de suffisamment de carburant pour un mois."),
            ("The New START treaty expired in February.", "مُددت معاهدة نيو ستارت في فبراير."),
            ("Les élections locales au Mali ont été reportées.",
             "The local elections in Mali took place as scheduled.")):
        assert opposite_words(claim, text) is not None, text
        assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back, text
    # «من أجل» is "for", not "postponed"
    assert opposite_words("قام الوزير بزيارة من أجل بحث الاتفاق.",
                          "The minister visited as planned.") is None


# (claims, restatements, opposites, texts that are neither)
MORE_DENYING_WORDS = [({'ar': 'امتنعت أوكرانيا عن التصويت على قرار الأمم المتحدة.',
   'en': 'Ukraine abstained in the UN vote on the resolution.',
   'fr': "L'Ukraine s'est abstenue lors du vote de l'ONU sur la résolution."},
  ['Ukraine voted neither for nor against the UN resolution.',
   "L'Ukraine n'a voté ni pour ni contre la résolution de l'ONU.",
   'لم تصوت أوكرانيا لا لصالح قرار الأمم المتحدة ولا ضده.'],
  ['Ukraine voted for the UN resolution.',
   "L'Ukraine a voté pour la résolution de l'ONU.",
   'صوتت أوكرانيا لصالح قرار الأمم المتحدة.'],
  []),
 ({'ar': 'انتهكت إسرائيل وقف إطلاق النار في لبنان بحسب الأمم المتحدة.',
   'en': 'Israel violated the ceasefire in Lebanon, the UN said.',
   'fr': "Israël a violé le cessez-le-feu au Liban, selon l'ONU."},
  ['Israel did not respect the ceasefire in Lebanon, the UN said.',
   "Israël n'a pas respecté le cessez-le-feu au Liban, selon l'ONU.",
   'لم تحترم إسرائيل وقف إطلاق النار في لبنان بحسب الأمم المتحدة.'],
  ['Israel respected the ceasefire in Lebanon, the UN said.',
   "Israël a respecté le cessez-le-feu au Liban, selon l'ONU.",
   'احترمت إسرائيل وقف إطلاق النار في لبنان بحسب الأمم المتحدة.'],
  []),
 ({'ar': 'لقاح الكوليرا غير متوفر في المناطق الريفية في اليمن.',
   'en': 'The cholera vaccine is unavailable in rural Yemen.',
   'fr': 'Le vaccin contre le choléra est indisponible dans les zones rurales du Yémen.'},
  ['The cholera vaccine is not available in rural Yemen.',
   "Le vaccin contre le choléra n'est pas disponible dans les zones rurales du Yémen.",
   'لا يتوفر لقاح الكوليرا في المناطق الريفية في اليمن.'],
  ['The cholera vaccine is widely available in rural Yemen.',
   'Le vaccin contre le choléra est largement disponible dans les zones rurales du Yémen.',
   'لقاح الكوليرا متوفر على نطاق واسع في المناطق الريفية في اليمن.'],
  []),
 ({'ar': 'رفضت المحكمة الإفراج بكفالة عن رئيس بلدية إزمير السابق.',
   'en': 'The court denied bail to the former mayor of Izmir.',
   'fr': "Le tribunal a refusé la libération sous caution de l'ancien maire d'Izmir."},
  ['The former mayor of Izmir was not granted bail.',
   "L'ancien maire d'Izmir n'a pas obtenu de libération sous caution.",
   'لم يحصل رئيس بلدية إزمير السابق على إفراج بكفالة.'],
  ['The court granted bail to the former mayor of Izmir.',
   "Le tribunal a accordé une libération sous caution à l'ancien maire d'Izmir.",
   'منحت المحكمة رئيس بلدية إزمير السابق إفراجاً بكفالة.'],
  []),
 ({'ar': 'استبعدت الشرطة وجود شبهة جنائية في وفاة المغني.',
   'en': 'Police ruled out foul play in the death of the singer.',
   'fr': 'La police a exclu tout acte criminel dans la mort du chanteur.'},
  ["Police said the singer's death was not suspicious.",
   "Selon la police, la mort du chanteur n'est pas suspecte.",
   'قالت الشرطة إن وفاة المغني ليست مشبوهة.'],
  ['Police said the singer was murdered.',
   'La police a affirmé que le chanteur avait été assassiné.',
   'قالت الشرطة إن المغني قُتل.'],
  []),
 ({'ar': 'أثبت الدواء الجديد عدم فعاليته ضد الفيروس.',
   'en': 'The new drug proved ineffective against the virus.',
   'fr': "Le nouveau médicament s'est révélé inefficace contre le virus."},
  ['The new drug did not work against the virus.',
   "Le nouveau médicament n'a pas fonctionné contre le virus.",
   'لم ينجح الدواء الجديد في مواجهة الفيروس.'],
  ['The new drug proved highly effective against the virus.',
   "Le nouveau médicament s'est révélé très efficace contre le virus.",
   'أثبت الدواء الجديد فعالية عالية ضد الفيروس.'],
  []),
 ({'ar': 'ألغت إير فرانس جميع رحلاتها إلى بيروت يوم الاثنين.',
   'en': 'Air France cancelled all its flights to Beirut on Monday.',
   'fr': 'Air France a annulé tous ses vols vers Beyrouth lundi.'},
  ['No Air France flight left for Beirut on Monday.',
   "Aucun vol d'Air France n'est parti pour Beyrouth lundi.",
   'لم تقلع أي رحلة لشركة إير فرانس إلى بيروت يوم الاثنين.'],
  ['Air France flights to Beirut operated normally on Monday.',
   "Les vols d'Air France vers Beyrouth ont fonctionné normalement lundi.",
   'سيرت إير فرانس رحلاتها إلى بيروت بشكل طبيعي يوم الاثنين.'],
  []),
 ({'ar': 'استقال وزير الداخلية الإيطالي.',
   'en': 'The Italian interior minister resigned.',
   'fr': "Le ministre italien de l'Intérieur a démissionné."},
  ['The Italian interior minister is no longer in office.',
   "Le ministre italien de l'Intérieur n'est plus en fonctions.",
   'لم يعد وزير الداخلية الإيطالي في منصبه.'],
  ['The Italian interior minister refused to resign.',
   "Le ministre italien de l'Intérieur a refusé de démissionner.",
   'رفض وزير الداخلية الإيطالي الاستقالة.'],
  []),
 ({'ar': 'نفد الوقود في مستشفى الشفاء.',
   'en': 'The al-Shifa hospital ran out of fuel.',
   'fr': "L'hôpital al-Chifa est à court de carburant."},
  ['The al-Shifa hospital has no fuel left.',
   "L'hôpital al-Chifa n'a plus de carburant.",
   'لم يعد لدى مستشفى الشفاء أي وقود.'],
  ['The al-Shifa hospital has enough fuel for a month.',
   "L'hôpital al-Chifa dispose de suffisamment de carburant pour un mois.",
   'لدى مستشفى الشفاء ما يكفي من الوقود لمدة شهر.'],
  []),
 ({'ar': 'غاب البابا عن قداس عشية عيد الفصح.',
   'en': 'The Pope skipped the Easter vigil.',
   'fr': 'Le pape a renoncé à la veillée pascale.'},
  ['The Pope did not take part in the Easter vigil.',
   "Le pape n'a pas participé à la veillée pascale.",
   'لم يشارك البابا في قداس عشية عيد الفصح.'],
  ['The Pope presided over the Easter vigil.',
   'Le pape a présidé la veillée pascale.',
   'ترأس البابا قداس عشية عيد الفصح.'],
  [])]


# (claims, restatements, opposites, texts that are neither)
STATES_AND_OPPOSITES_DENIED = [({'ar': 'كانت المسيرة في تبليسي سلمية.',
   'en': 'The march in Tbilisi was peaceful.',
   'fr': 'La marche de Tbilissi a été pacifique.'},
  ['The march in Tbilisi was not violent.',
   "La marche de Tbilissi n'a pas été violente.",
   'لم تكن المسيرة في تبليسي عنيفة.'],
  ['The march in Tbilisi turned violent.',
   'La marche de Tbilissi a dégénéré en violences.',
   'تحولت المسيرة في تبليسي إلى أعمال عنف.'],
  []),
 ({'ar': 'اللوحة التي بيعت في جنيف مزيفة.',
   'en': 'The painting sold in Geneva is a fake.',
   'fr': 'Le tableau vendu à Genève est un faux.'},
  ['The painting sold in Geneva is not authentic.',
   "Le tableau vendu à Genève n'est pas authentique.",
   'اللوحة التي بيعت في جنيف ليست أصلية.'],
  ['The painting sold in Geneva is authentic.',
   'Le tableau vendu à Genève est authentique.',
   'اللوحة التي بيعت في جنيف أصلية.'],
  []),
 ({'ar': 'مياه الصنبور في مايوت غير صالحة للشرب.',
   'en': 'Tap water in Mayotte is unsafe to drink.',
   'fr': "L'eau du robinet à Mayotte est impropre à la consommation."},
  ['Tap water in Mayotte is not safe to drink.',
   "L'eau du robinet à Mayotte n'est pas potable.",
   'مياه الصنبور في مايوت ليست آمنة للشرب.'],
  ['Tap water in Mayotte is safe to drink.',
   "L'eau du robinet à Mayotte est potable.",
   'مياه الصنبور في مايوت صالحة للشرب.'],
  []),
 ({'ar': 'تأخر قطار يوروستار المتجه إلى لندن ثلاث ساعات.',
   'en': 'The Eurostar train to London was delayed by three hours.',
   'fr': 'Le train Eurostar pour Londres a été retardé de trois heures.'},
  ['The Eurostar train to London did not leave on time and arrived three hours late.',
   "Le train Eurostar pour Londres n'est pas parti à l'heure et est arrivé avec trois heures de "
   'retard.',
   'لم يغادر قطار يوروستار المتجه إلى لندن في موعده ووصل متأخراً ثلاث ساعات.'],
  ['The Eurostar train to London left and arrived on time.',
   "Le train Eurostar pour Londres est parti et arrivé à l'heure.",
   'غادر قطار يوروستار المتجه إلى لندن ووصل في موعده.'],
  []),
 ({'ar': 'عامل الإغاثة المخطوف على قيد الحياة.',
   'en': 'The kidnapped aid worker is alive.',
   'fr': 'Le travailleur humanitaire enlevé est en vie.'},
  ['The kidnapped aid worker is not dead.',
   "Le travailleur humanitaire enlevé n'est pas mort.",
   'عامل الإغاثة المخطوف لم يمت.'],
  ['The kidnapped aid worker is dead.',
   'Le travailleur humanitaire enlevé est mort.',
   'عامل الإغاثة المخطوف توفي.'],
  []),
 ({'ar': 'خسر المغرب نصف النهائي أمام فرنسا.',
   'en': 'Morocco lost the semi-final against France.',
   'fr': 'Le Maroc a perdu la demi-finale contre la France.'},
  ['Morocco did not win the semi-final against France.',
   "Le Maroc n'a pas remporté la demi-finale contre la France.",
   'لم يفز المغرب في نصف النهائي أمام فرنسا.'],
  ['Morocco won the semi-final against France.',
   'Le Maroc a remporté la demi-finale contre la France.',
   'فاز المغرب في نصف النهائي أمام فرنسا.'],
  []),
 ({'ar': 'انتهت صلاحية معاهدة نيو ستارت في فبراير.',
   'en': 'The New START treaty expired in February.',
   'fr': 'Le traité New START a expiré en février.'},
  ['The New START treaty has not been in force since February.',
   "Le traité New START n'est plus en vigueur depuis février.",
   'لم تعد معاهدة نيو ستارت سارية منذ فبراير.'],
  ['The New START treaty was extended in February.',
   'Le traité New START a été prolongé en février.',
   'مُددت معاهدة نيو ستارت في فبراير.'],
  []),
 ({'ar': 'كذب الوزير على البرلمان بشأن العقد.',
   'en': 'The minister lied to parliament about the contract.',
   'fr': 'Le ministre a menti au Parlement au sujet du contrat.'},
  ['The minister did not tell parliament the truth about the contract.',
   "Le ministre n'a pas dit la vérité au Parlement au sujet du contrat.",
   'لم يقل الوزير الحقيقة للبرلمان بشأن العقد.'],
  ['The minister told parliament the truth about the contract.',
   'Le ministre a dit la vérité au Parlement au sujet du contrat.',
   'قال الوزير الحقيقة للبرلمان بشأن العقد.'],
  []),
 ({'ar': 'تأجلت الانتخابات المحلية في مالي.',
   'en': 'The local elections in Mali were postponed.',
   'fr': 'Les élections locales au Mali ont été reportées.'},
  ['The local elections in Mali did not take place as scheduled.',
   "Les élections locales au Mali n'ont pas eu lieu à la date prévue.",
   'لم تُجر الانتخابات المحلية في مالي في موعدها.'],
  ['The local elections in Mali took place as scheduled.',
   'Les élections locales au Mali ont eu lieu à la date prévue.',
   'أجريت الانتخابات المحلية في مالي في موعدها.'],
  []),
 ({'ar': 'كانت تويتر خاسرة العام الماضي.',
   'en': 'Twitter was unprofitable last year.',
   'fr': "Twitter était déficitaire l'an dernier."},
  ['Twitter did not make a profit last year.',
   "Twitter n'a pas réalisé de bénéfice l'an dernier.",
   'لم تحقق تويتر أرباحاً العام الماضي.'],
  ['Twitter made a large profit last year.',
   "Twitter a réalisé un important bénéfice l'an dernier.",
   'حققت تويتر أرباحاً كبيرة العام الماضي.'],
  [])]


@pytest.mark.slow
def test_more_words_that_deny_are_never_shown_on_the_wrong_side() -> None:
    """Measured 2026-12-07: 5 on the wrong side before (4 contradicting; int8 4, 2), none
    after; right contradictions 5 of 90 (int8 4) before and after."""
    wrong, restated = read_battery(MORE_DENYING_WORDS)
    assert wrong == []
    assert "contradicts" not in restated


@pytest.mark.slow
def test_a_state_against_its_opposite_denied_is_never_shown_on_the_wrong_side() -> None:
    """Measured 2026-12-07: 6 opposites shown supporting before (int8 5), none after;
    restatements shown supporting 2 of 90 (int8 1) before and after, none contradicting."""
    wrong, restated = read_battery(STATES_AND_OPPOSITES_DENIED)
    assert wrong == []
    assert "contradicts" not in restated
    assert restated.count("supports") >= 1
