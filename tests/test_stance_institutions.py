"""Institutions named in another language; an Arabic claim's suspension (evidence check
revision 36).

A battery written before the rule (12 stories in en/fr/ar, every language pair): the European
Central Bank, the International Criminal Court, the African Union, the Arab League, the UN
Security Council, the IAEA, the European Commission, the Federal Reserve, the WTO, the
International Court of Justice, the Bank of England and the Gulf Cooperation Council, whose
names are translated, not transliterated (« Banque centrale européenne », «البنك المركزي
الأوروبي», "ECB"), restated, and set against the same sentence about another institution of
the kind (the Bank of England, the ICJ, the Arab League, the General Assembly, the WHO, the
European Parliament, the IMF ...). Before, **19 opposites were shown supporting** (int8 15):
outside the entity table, "European Central Bank" is common words an Arabic text would not
transliterate, and an Arabic claim was asked for no name. With the institutions in the table
(in any script, and an organ naming its organisation: «مجلس الأمن الدولي» names the UN): 0,
and restatements shown supporting 32 → 44 of 108 (int8 27 → 40). One restatement was shown
contradicting (bf16) before and after the table: an Arabic claim «علّق الاتحاد الأفريقي
مشاركة السودان» against « le Soudan a été suspendu »: the text's "suspended" read as the act
called off, the claim's own suspension not known in Arabic (`acts._AR_SUSPENDS`). Now 0.
"""

from __future__ import annotations

import pytest

from corroborate.stance.acts import called_off_match
from corroborate.stance.entities import named
from corroborate.stance.evidence import missing_names, weigh

from .test_stance_evidence import probs
from .test_stance_places_and_accusations import read_battery


def test_an_institution_is_named_in_any_of_the_three_languages() -> None:
    for text in ("The European Central Bank", "the ECB", "La BCE", "la Banque centrale "
                 "européenne", "البنك المركزي الأوروبي", "أعلن المركزي الأوروبي"):
        assert "ecb" in named(text), text
    for text in ("Bank of England", "la Banque d’Angleterre", "بنك إنجلترا"):
        assert set(named(text)) == {"boe"}, text
    # an organ names its organisation
    assert set(named("مجلس الأمن الدولي")) == {"security-council", "un"}
    assert set(named("UN General Assembly")) == {"general-assembly", "un"}


def test_another_institution_is_no_support_and_the_same_one_is() -> None:
    claim = "The European Central Bank raised its key interest rate to 4%."
    other = "رفع بنك إنجلترا سعر الفائدة الرئيسي إلى 4%."
    assert missing_names(claim, other) == ["ecb"]
    assert "supports" in weigh(claim, other, probs(0.9, 0.05, 0.05)).held_back
    same = "رفع البنك المركزي الأوروبي سعر الفائدة الرئيسي إلى 4%."
    assert missing_names(claim, same) == []
    assert missing_names("اعتمد مجلس الأمن الدولي قرارا", "The UN General Assembly adopted a "
                         "resolution") == ["security-council"]


def test_a_claim_that_suspends_is_not_called_off_by_a_suspension() -> None:
    claim = "علّق الاتحاد الأفريقي مشاركة السودان في جميع أنشطته."
    text = "Le Soudan a été suspendu de l'ensemble des activités de l'Union africaine."
    assert called_off_match(claim, text) is None
    assert "contradicts" in weigh(claim, text, probs(0.05, 0.9, 0.05)).held_back
    # … while a claim that states the act done is still called off by a suspension
    assert called_off_match("Le président a signé la loi.", "Le président a suspendu la loi.")


# 12 stories: (claims, restatements, opposites, neither)
INSTITUTIONS = [({'ar': 'رفع البنك المركزي الأوروبي سعر الفائدة الرئيسي بمقدار 0.25 نقطة مئوية '
         'إلى 4%.',
   'en': 'The European Central Bank raised its key interest rate by 0.25 '
         'percentage points to 4%.',
   'fr': 'La Banque centrale européenne a relevé son taux directeur de 0,25 point '
         'de pourcentage, à 4 %.'},
  ['On Thursday, the ECB increased its main interest rate to 4%, a rise of 0.25 '
   'percentage points.',
   'La BCE a annoncé jeudi une hausse de 0,25 point de pourcentage de son '
   'principal taux, désormais fixé à 4 %.',
   'أعلن المركزي الأوروبي الخميس زيادة سعر الفائدة الرئيسي 0.25 نقطة مئوية ليصل '
   'إلى 4%.'],
  ['The Bank of England raised its key interest rate by 0.25 percentage points to '
   '4%.',
   "La Banque d'Angleterre a relevé son taux directeur de 0,25 point de "
   'pourcentage, à 4 %.',
   'رفع بنك إنجلترا سعر الفائدة الرئيسي بمقدار 0.25 نقطة مئوية إلى 4%.'],
  ['The European Central Bank published new guidelines on climate-related risks '
   'for eurozone banks.',
   'عيّن البنك المركزي الأوروبي كبير اقتصاديين جديدا.']),
 ({'ar': 'أصدرت المحكمة الجنائية الدولية مذكرة توقيف بحق قائد سابق لميليشيا متهم '
         'بارتكاب جرائم حرب في مالي.',
   'en': 'The International Criminal Court issued an arrest warrant for a former '
         'militia commander accused of war crimes in Mali.',
   'fr': "La Cour pénale internationale a émis un mandat d'arrêt contre un ancien "
         'chef de milice accusé de crimes de guerre au Mali.'},
  ['A former militia commander accused of war crimes in Mali is now the subject of '
   'an ICC arrest warrant, the court said on Monday.',
   "La CPI a délivré lundi un mandat d'arrêt visant un ex-chef de milice accusé de "
   'crimes de guerre au Mali.',
   'قالت المحكمة الجنائية الدولية في لاهاي إنها أصدرت أمر اعتقال ضد قائد ميليشيا '
   'سابق يُتهم بجرائم حرب في مالي.'],
  ['The International Court of Justice issued an arrest warrant for a former '
   'militia commander accused of war crimes in Mali.',
   "La Cour internationale de justice a émis un mandat d'arrêt contre un ancien "
   'chef de milice accusé de crimes de guerre au Mali.',
   'أصدرت محكمة العدل الدولية مذكرة توقيف بحق قائد سابق لميليشيا متهم بارتكاب '
   'جرائم حرب في مالي.'],
  ['The International Criminal Court opened an investigation into alleged crimes '
   'in Venezuela.',
   'La Cour pénale internationale a élu un nouveau président pour les trois '
   'prochaines années.']),
 ({'ar': 'علّق الاتحاد الأفريقي مشاركة السودان في جميع أنشطته بعد استيلاء الجيش '
         'على السلطة في الخرطوم.',
   'en': 'The African Union suspended Sudan from all its activities after the '
         'military takeover in Khartoum.',
   'fr': "L'Union africaine a suspendu le Soudan de toutes ses activités après la "
         "prise du pouvoir par l'armée à Khartoum."},
  ['Sudan has been barred from all African Union activities in response to the '
   "army's seizure of power in Khartoum, the bloc said on Wednesday.",
   "À la suite du coup de force de l'armée à Khartoum, le Soudan a été suspendu de "
   "l'ensemble des activités de l'Union africaine, a annoncé l'organisation "
   'mercredi.',
   'أعلن الاتحاد الأفريقي الأربعاء تعليق مشاركة السودان في كل أنشطة الاتحاد إثر '
   'سيطرة الجيش على الحكم في الخرطوم.'],
  ['The Arab League suspended Sudan from all its activities after the military '
   'takeover in Khartoum.',
   'La Ligue arabe a suspendu le Soudan de toutes ses activités après la prise du '
   "pouvoir par l'armée à Khartoum.",
   'علّقت جامعة الدول العربية مشاركة السودان في جميع أنشطتها بعد استيلاء الجيش على '
   'السلطة في الخرطوم.'],
  ['The African Union appointed a new special envoy for the Sahel region.',
   'عقد الاتحاد الأفريقي قمة استثنائية في أديس أبابا لبحث الأمن الغذائي.']),
 ({'ar': 'عقدت جامعة الدول العربية اجتماعا طارئا في القاهرة بشأن الوضع الإنساني في '
         'غزة.',
   'en': 'The Arab League held an emergency meeting in Cairo on the humanitarian '
         'situation in Gaza.',
   'fr': "La Ligue arabe a tenu une réunion d'urgence au Caire sur la situation "
         'humanitaire à Gaza.'},
  ['Convening in Cairo, the Arab League met in an emergency session focused on '
   "Gaza's humanitarian situation, diplomats said.",
   "Réunie en urgence au Caire, la Ligue arabe s'est penchée sur la situation "
   'humanitaire dans la bande de Gaza.',
   'التأمت جامعة الدول العربية في اجتماع طارئ بالقاهرة لبحث الأوضاع الإنسانية في '
   'قطاع غزة، وفق ما أفاد دبلوماسيون.'],
  ['The Gulf Cooperation Council held an emergency meeting in Cairo on the '
   'humanitarian situation in Gaza.',
   "Le Conseil de coopération du Golfe a tenu une réunion d'urgence au Caire sur "
   'la situation humanitaire à Gaza.',
   'عقد مجلس التعاون الخليجي اجتماعا طارئا في القاهرة بشأن الوضع الإنساني في غزة.'],
  ['The Arab League renewed the mandate of its secretary-general for a second '
   'term.',
   'La Ligue arabe a annoncé la tenue de son prochain sommet à Bagdad.']),
 ({'ar': 'اعتمد مجلس الأمن الدولي قرارا بتمديد بعثة حفظ السلام في جنوب السودان '
         'لمدة عام واحد.',
   'en': 'The UN Security Council adopted a resolution extending the peacekeeping '
         'mission in South Sudan by one year.',
   'fr': "Le Conseil de sécurité de l'ONU a adopté une résolution prolongeant d'un "
         'an la mission de maintien de la paix au Soudan du Sud.'},
  ['A resolution renewing the South Sudan peacekeeping mission for another year '
   'was approved by the UN Security Council on Friday.',
   'Le Conseil de sécurité des Nations unies a voté vendredi une résolution qui '
   'reconduit pour un an la mission de maintien de la paix au Soudan du Sud.',
   'وافق مجلس الأمن التابع للأمم المتحدة الجمعة على قرار يمدد لعام واحد مهمة قوات '
   'حفظ السلام في جنوب السودان.'],
  ['The UN General Assembly adopted a resolution extending the peacekeeping '
   'mission in South Sudan by one year.',
   "L'Assemblée générale de l'ONU a adopté une résolution prolongeant d'un an la "
   'mission de maintien de la paix au Soudan du Sud.',
   'اعتمدت الجمعية العامة للأمم المتحدة قرارا بتمديد بعثة حفظ السلام في جنوب '
   'السودان لمدة عام واحد.'],
  ["The UN Security Council held a closed-door meeting on North Korea's latest "
   'missile launch.',
   'عقد مجلس الأمن الدولي جلسة مغلقة بشأن الوضع في اليمن.']),
 ({'ar': 'أرسلت الوكالة الدولية للطاقة الذرية فريقا من المفتشين إلى محطة زابوريجيا '
         'للطاقة النووية.',
   'en': 'The International Atomic Energy Agency sent a team of inspectors to the '
         'Zaporizhzhia nuclear power plant.',
   'fr': "L'Agence internationale de l'énergie atomique a envoyé une équipe "
         "d'inspecteurs à la centrale nucléaire de Zaporijjia."},
  ['A team of IAEA inspectors was dispatched to the Zaporizhzhia nuclear plant, '
   'the agency said on Tuesday.',
   "L'AIEA a dépêché mardi une équipe d'inspecteurs sur le site de la centrale "
   'nucléaire de Zaporijjia.',
   'أوفدت الوكالة الدولية للطاقة الذرية فريق مفتشين إلى محطة زابوريجيا النووية، '
   'بحسب ما أعلنت الثلاثاء.'],
  ['The World Health Organization sent a team of inspectors to the Zaporizhzhia '
   'nuclear power plant.',
   "L'Organisation mondiale de la santé a envoyé une équipe d'inspecteurs à la "
   'centrale nucléaire de Zaporijjia.',
   'أرسلت منظمة الصحة العالمية فريقا من المفتشين إلى محطة زابوريجيا للطاقة '
   'النووية.'],
  ['The International Atomic Energy Agency published its annual report on global '
   'nuclear safety.',
   "L'Agence internationale de l'énergie atomique a tenu sa conférence générale "
   'annuelle à Vienne.']),
 ({'ar': 'فرضت المفوضية الأوروبية غرامة قدرها 2.4 مليار يورو على غوغل بسبب استغلال '
         'موقعها المهيمن في البحث عن المنتجات عبر الإنترنت.',
   'en': 'The European Commission fined Google 2.4 billion euros for abusing its '
         'dominant position in online shopping search.',
   'fr': "La Commission européenne a infligé une amende de 2,4 milliards d'euros à "
         'Google pour abus de position dominante dans la recherche de produits en '
         'ligne.'},
  ['Google was hit with a 2.4 billion euro fine by the European Commission, which '
   'said the company had abused its dominant position in online shopping search.',
   "Google écope d'une amende de 2,4 milliards d'euros de la Commission "
   "européenne, qui lui reproche d'avoir abusé de sa position dominante dans la "
   'recherche de produits en ligne.',
   'غرّمت المفوضية الأوروبية شركة غوغل 2.4 مليار يورو، معتبرة أنها أساءت استغلال '
   'موقعها المهيمن في مجال البحث عن المنتجات على الإنترنت، بحسب ما أعلن مسؤولون.'],
  ['The European Parliament fined Google 2.4 billion euros for abusing its '
   'dominant position in online shopping search.',
   "Le Parlement européen a infligé une amende de 2,4 milliards d'euros à Google "
   'pour abus de position dominante dans la recherche de produits en ligne.',
   'فرض البرلمان الأوروبي غرامة قدرها 2.4 مليار يورو على غوغل بسبب استغلال موقعها '
   'المهيمن في البحث عن المنتجات عبر الإنترنت.'],
  ['The European Commission proposed new rules to cut methane emissions from the '
   'energy sector.',
   'قدّمت المفوضية الأوروبية خطة جديدة لدعم صناعة أشباه الموصلات في أوروبا.']),
 ({'ar': 'أبقى الاحتياطي الفيدرالي سعر الفائدة الرئيسي دون تغيير في نطاق يتراوح '
         'بين 5.25% و5.5%.',
   'en': 'The Federal Reserve kept its benchmark interest rate unchanged in a '
         'range of 5.25% to 5.5%.',
   'fr': 'La Réserve fédérale a maintenu son taux directeur inchangé dans une '
         'fourchette de 5,25 % à 5,5 %.'},
  ['The Fed left its key rate untouched on Wednesday, holding it between 5.25% and '
   '5.5%.',
   "La Fed a laissé mercredi son principal taux d'intérêt sans changement, dans la "
   'fourchette de 5,25 % à 5,5 %.',
   'قرر الاحتياطي الفدرالي الأربعاء الإبقاء على سعر الفائدة الأساسي عند نطاق 5.25% '
   'إلى 5.5% من دون تعديل.'],
  ['The European Central Bank kept its benchmark interest rate unchanged in a '
   'range of 5.25% to 5.5%.',
   'La Banque centrale européenne a maintenu son taux directeur inchangé dans une '
   'fourchette de 5,25 % à 5,5 %.',
   'أبقى البنك المركزي الأوروبي سعر الفائدة الرئيسي دون تغيير في نطاق يتراوح بين '
   '5.25% و5.5%.'],
  ['The Federal Reserve released the results of its annual stress tests for large '
   'US banks.',
   'La Réserve fédérale a annoncé un durcissement des exigences de fonds propres '
   'pour les grandes banques.']),
 ({'ar': 'قضت منظمة التجارة العالمية بأن الرسوم الجمركية الأمريكية على السلع '
         'الصينية تنتهك قواعد التجارة العالمية.',
   'en': 'The World Trade Organization ruled that US tariffs on Chinese goods '
         'violated global trade rules.',
   'fr': "L'Organisation mondiale du commerce a jugé que les droits de douane "
         'américains sur les produits chinois enfreignaient les règles du commerce '
         'mondial.'},
  ['US tariffs on goods from China breach global trade rules, the WTO ruled in a '
   'decision published on Tuesday.',
   "L'OMC a estimé mardi, dans une décision, que les droits de douane imposés par "
   'les États-Unis sur les marchandises chinoises étaient contraires aux règles du '
   'commerce mondial.',
   'أصدرت منظمة التجارة العالمية حكما يفيد بأن التعريفات الجمركية التي فرضتها '
   'الولايات المتحدة على البضائع الصينية تخالف قواعد التجارة الدولية.'],
  ['The International Monetary Fund ruled that US tariffs on Chinese goods '
   'violated global trade rules.',
   'Le Fonds monétaire international a jugé que les droits de douane américains '
   'sur les produits chinois enfreignaient les règles du commerce mondial.',
   'قضى صندوق النقد الدولي بأن الرسوم الجمركية الأمريكية على السلع الصينية تنتهك '
   'قواعد التجارة العالمية.'],
  ['The World Trade Organization cut its forecast for global goods trade growth '
   'this year.',
   'انتخبت منظمة التجارة العالمية مديرا عاما جديدا.']),
 ({'ar': 'أمرت محكمة العدل الدولية أذربيجان بضمان حرية تنقل الأشخاص والبضائع عبر '
         'ممر لاتشين.',
   'en': 'The International Court of Justice ordered Azerbaijan to ensure the free '
         'movement of people and goods through the Lachin corridor.',
   'fr': "La Cour internationale de justice a ordonné à l'Azerbaïdjan de garantir "
         'la libre circulation des personnes et des marchandises dans le corridor '
         'de Latchine.'},
  ['Azerbaijan must guarantee that people and goods can move freely through the '
   'Lachin corridor, the International Court of Justice ordered on Wednesday.',
   "La CIJ a enjoint mercredi à l'Azerbaïdjan d'assurer la libre circulation des "
   'personnes et des biens par le corridor de Latchine.',
   'ألزمت محكمة العدل الدولية أذربيجان بضمان عبور الأشخاص والبضائع بحرية في ممر '
   'لاتشين، وفق ما أعلنت المحكمة في لاهاي.'],
  ['The International Criminal Court ordered Azerbaijan to ensure the free '
   'movement of people and goods through the Lachin corridor.',
   "La Cour pénale internationale a ordonné à l'Azerbaïdjan de garantir la libre "
   'circulation des personnes et des marchandises dans le corridor de Latchine.',
   'أمرت المحكمة الجنائية الدولية أذربيجان بضمان حرية تنقل الأشخاص والبضائع عبر '
   'ممر لاتشين.'],
  ["The International Court of Justice began hearings on states' obligations "
   'regarding climate change.',
   'بدأت محكمة العدل الدولية جلسات استماع بشأن التزامات الدول في مواجهة تغير '
   'المناخ.']),
 ({'ar': 'خفّض بنك إنجلترا أسعار الفائدة إلى 5% في أول خفض له منذ أربع سنوات.',
   'en': 'The Bank of England cut interest rates to 5% in its first reduction in '
         'four years.',
   'fr': "La Banque d'Angleterre a abaissé ses taux d'intérêt à 5 %, sa première "
         'baisse en quatre ans.'},
  ['For the first time in four years, the Bank of England lowered borrowing costs, '
   'bringing its rate down to 5%, the central bank announced on Thursday.',
   "Pour la première fois en quatre ans, la Banque d'Angleterre a réduit jeudi son "
   "taux d'intérêt, qui passe à 5 %.",
   'أعلن بنك إنجلترا الخميس خفض سعر الفائدة إلى 5%، وهو أول خفض يقرره منذ أربع '
   'سنوات.'],
  ['The Federal Reserve cut interest rates to 5% in its first reduction in four '
   'years.',
   "La Réserve fédérale a abaissé ses taux d'intérêt à 5 %, sa première baisse en "
   'quatre ans.',
   'خفّض الاحتياطي الفيدرالي أسعار الفائدة إلى 5% في أول خفض له منذ أربع سنوات.'],
  ['The Bank of England warned that rising mortgage costs pose a risk to financial '
   'stability.',
   'حذّر بنك إنجلترا من أن ارتفاع تكاليف الرهن العقاري يشكل خطرا على الاستقرار '
   'المالي.']),
 ({'ar': 'أقر مجلس التعاون الخليجي تأشيرة سياحية موحدة تتيح التنقل بين دوله '
         'الأعضاء.',
   'en': 'The Gulf Cooperation Council approved a unified tourist visa allowing '
         'travel across its member states.',
   'fr': 'Le Conseil de coopération du Golfe a approuvé un visa touristique unifié '
         'permettant de voyager dans ses États membres.'},
  ['A single tourist visa valid for travel throughout its member states has been '
   'approved by the Gulf Cooperation Council, officials said.',
   'Le Conseil de coopération du Golfe a donné son feu vert à un visa de tourisme '
   "commun, valable dans l'ensemble de ses pays membres, selon des responsables.",
   'وافق مجلس التعاون الخليجي على إصدار تأشيرة سياحية خليجية موحدة تسمح بالسفر إلى '
   'جميع دوله الأعضاء.'],
  ['The Arab League approved a unified tourist visa allowing travel across its '
   'member states.',
   'La Ligue arabe a approuvé un visa touristique unifié permettant de voyager '
   'dans ses États membres.',
   'أقرت جامعة الدول العربية تأشيرة سياحية موحدة تتيح التنقل بين دولها الأعضاء.'],
  ['The Gulf Cooperation Council held its annual summit in Kuwait.',
   'Le Conseil de coopération du Golfe a nommé un nouveau secrétaire général.'])]


@pytest.mark.slow
def test_another_institution_is_never_shown_supporting() -> None:
    """Measured 2026-12-07: 19 opposites shown supporting before (int8 15), 0 after; 32
    restatements of 108 shown supporting before (int8 27), 44 after (int8 40); one shown
    contradicting before (bf16), none after."""
    wrong, restated = read_battery(INSTITUTIONS)
    assert wrong == []
    assert "contradicts" not in restated
    assert restated.count("supports") >= 40
