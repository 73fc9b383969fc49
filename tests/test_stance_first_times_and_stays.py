"""A first time in years, staying up, a level kept and a strike going on, said with a denial or
without (evidence check revision 33).

A battery of facts said both ways, with a word of denial and without (13 stories in en/fr/ar,
written before the rules: a first rate rise in 11 years, a suspect still at large, stable
prices, a minister absent, a club that stayed up, a strike going on, a crossing still
closed, a vote against, a loss, everyone surviving; and three the other way round) found
**9 restatements shown contradicting** (int8; 10 fp32) and 8 opposites shown supporting (10):

- "The ECB raised interest rates for the first time in 11 years" against "had not raised
  interest rates for 11 years before this hike", « n'avait pas relevé ses taux depuis 11
  ans », «لم يرفع … منذ 11 عاماً» (5 of 9): a denial over a span of time restates a first
  time (``denials.first_time_restated``);
- "Leeds were not relegated" against "Leeds stayed in the Premier League", «بقي ليدز في
  الدوري» (4): staying in is a denial in other words (``denials._DENIES_IN_OTHER_WORDS``);
- «استقرت الأسعار» against "rose sharply", "stayed in" / « s'est maintenu » against
  "relegated", "continues" / « se poursuit » against "has ended", «انتهى»: pairs that hold
  support back (``contrasts.HOLD_ONLY``).

None of the 117 restatements is shown supporting, before or after: the network does not read
a fact said with a denial as the same fact said without; this battery keeps the wrong sides
at zero and the right contradictions (28) as they were.
"""

from __future__ import annotations

import pytest

from corroborate.stance.denials import first_time_restated
from corroborate.stance.evidence import weigh
from corroborate.stance.opposites import opposite_words

from .test_stance_evidence import probs
from .test_stance_places_and_accusations import read_battery


def test_a_denial_over_a_span_of_time_restates_a_first_time() -> None:
    claim = "The ECB raised interest rates for the first time in 11 years."
    for text in ("The ECB had not raised interest rates for 11 years before this hike.",
                 "La BCE n'avait pas relevé ses taux depuis 11 ans avant cette hausse.",
                 "لم يرفع البنك المركزي الأوروبي أسعار الفائدة منذ 11 عاماً قبل هذه الزيادة."):
        assert first_time_restated(claim, text)
        assert "contradicts" in weigh(claim, text, probs(0.1, 0.85, 0.05)).held_back
    # a denial of the act itself, or a claim with no first time, is a conflict still
    assert not first_time_restated(claim, "The ECB did not raise interest rates on Thursday.")
    assert not first_time_restated("The ECB raised interest rates.",
                                   "The ECB had not raised interest rates for 11 years.")


def test_staying_in_restates_not_going_down() -> None:
    for claim in ("Leeds were not relegated from the Premier League.",
                  "لم يهبط ليدز من الدوري الإنجليزي الممتاز."):
        for text in ("Leeds stayed in the Premier League.",
                     "بقي ليدز في الدوري الإنجليزي الممتاز."):
            assert "contradicts" in weigh(claim, text, probs(0.1, 0.85, 0.05)).held_back


def test_a_level_kept_staying_up_and_going_on_are_not_their_opposites() -> None:
    for claim, text in (
            ("استقرت الأسعار في تركيا في مارس.", "Prices in Turkey rose sharply in March."),
            ("Prices in Turkey were stable in March.", "Les prix ont fortement augmenté en mars."),
            ("Leeds stayed in the Premier League.", "Leeds a été relégué de la Premier League."),
            ("Leeds s'est maintenu en Premier League.", "هبط ليدز من الدوري الإنجليزي الممتاز."),
            ("The strike at the port of Antwerp continues.", "انتهى الإضراب في ميناء أنتويرب."),
            ("La grève au port d'Anvers se poursuit.", "The strike has ended.")):
        assert opposite_words(claim, text) is not None, (claim, text)
        assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back
    # the same word on both sides, or both words in the text, leave support possible
    assert opposite_words("Prices rose in March.", "Prices rose sharply in March.") is None
    assert opposite_words("The strike continues.",
                          "The strike continued until Friday, when it ended.") is None


# (claims, restatements, opposites, texts that are neither)
BATTERY = [({'en': 'The ECB raised interest rates for the first time in 11 years.',
   'fr': 'La BCE a relevé ses taux pour la première fois depuis 11 ans.',
   'ar': 'رفع البنك المركزي الأوروبي أسعار الفائدة لأول مرة منذ 11 عاماً.'},
  ['The ECB had not raised interest rates for 11 years before this hike.',
   "La BCE n'avait pas relevé ses taux depuis 11 ans avant cette hausse.",
   'لم يرفع البنك المركزي الأوروبي أسعار الفائدة منذ 11 عاماً قبل هذه الزيادة.'],
  ['The ECB cut interest rates for the first time in 11 years.',
   'La BCE a baissé ses taux pour la première fois depuis 11 ans.',
   'خفض البنك المركزي الأوروبي أسعار الفائدة لأول مرة منذ 11 عاماً.'],
  []),
 ({'en': 'The suspect in the Lyon shooting is still at large.',
   'fr': 'Le suspect de la fusillade de Lyon est toujours en fuite.',
   'ar': 'لا يزال المشتبه به في إطلاق النار في ليون طليقاً.'},
  ['The suspect in the Lyon shooting has not been caught.',
   "Le suspect de la fusillade de Lyon n'a pas été arrêté.",
   'لم يُقبض بعد على المشتبه به في إطلاق النار في ليون.'],
  ['Police arrested the suspect in the Lyon shooting.',
   'Le suspect de la fusillade de Lyon a été arrêté.',
   'ألقت الشرطة القبض على المشتبه به في إطلاق النار في ليون.'],
  []),
 ({'en': 'Prices in Turkey were stable in March.',
   'fr': 'Les prix en Turquie sont restés stables en mars.',
   'ar': 'استقرت الأسعار في تركيا في مارس.'},
  ['Prices in Turkey did not change in March.',
   "Les prix en Turquie n'ont pas bougé en mars.",
   'لم تتغير الأسعار في تركيا في مارس.'],
  ['Prices in Turkey rose sharply in March.',
   'Les prix en Turquie ont fortement augmenté en mars.',
   'ارتفعت الأسعار في تركيا بشكل حاد في مارس.'],
  []),
 ({'en': 'The finance minister was absent from the cabinet meeting.',
   'fr': 'Le ministre des finances était absent du conseil des ministres.',
   'ar': 'تغيب وزير المالية عن اجتماع مجلس الوزراء.'},
  ['The finance minister did not attend the cabinet meeting.',
   "Le ministre des finances n'a pas assisté au conseil des ministres.",
   'لم يحضر وزير المالية اجتماع مجلس الوزراء.'],
  ['The finance minister attended the cabinet meeting.',
   'Le ministre des finances a assisté au conseil des ministres.',
   'حضر وزير المالية اجتماع مجلس الوزراء.'],
  []),
 ({'en': 'Leeds stayed in the Premier League.',
   'fr': "Leeds s'est maintenu en Premier League.",
   'ar': 'بقي ليدز في الدوري الإنجليزي الممتاز.'},
  ['Leeds were not relegated from the Premier League.',
   "Leeds n'a pas été relégué de la Premier League.",
   'لم يهبط ليدز من الدوري الإنجليزي الممتاز.'],
  ['Leeds were relegated from the Premier League.',
   'Leeds a été relégué de la Premier League.',
   'هبط ليدز من الدوري الإنجليزي الممتاز.'],
  []),
 ({'en': 'The strike at the port of Antwerp continues.',
   'fr': "La grève au port d'Anvers se poursuit.",
   'ar': 'يتواصل الإضراب في ميناء أنتويرب.'},
  ['The strike at the port of Antwerp has not ended.',
   "La grève au port d'Anvers n'est pas terminée.",
   'لم ينته الإضراب في ميناء أنتويرب.'],
  ['The strike at the port of Antwerp has ended.',
   "La grève au port d'Anvers a pris fin.",
   'انتهى الإضراب في ميناء أنتويرب.'],
  []),
 ({'en': 'The Rafah crossing remains closed.',
   'fr': 'Le point de passage de Rafah reste fermé.',
   'ar': 'لا يزال معبر رفح مغلقاً.'},
  ['The Rafah crossing has not reopened.',
   "Le point de passage de Rafah n'a pas rouvert.",
   'لم يُعد فتح معبر رفح.'],
  ['The Rafah crossing reopened on Monday.',
   'Le point de passage de Rafah a rouvert lundi.',
   'أعيد فتح معبر رفح يوم الاثنين.'],
  []),
 ({'en': 'Senator Kaine voted against the bill.',
   'fr': 'Le sénateur Kaine a voté contre le projet de loi.',
   'ar': 'صوت السيناتور كين ضد مشروع القانون.'},
  ['Senator Kaine did not support the bill.',
   "Le sénateur Kaine n'a pas soutenu le projet de loi.",
   'لم يؤيد السيناتور كين مشروع القانون.'],
  ['Senator Kaine voted for the bill.',
   'Le sénateur Kaine a voté pour le projet de loi.',
   'صوت السيناتور كين لصالح مشروع القانون.'],
  []),
 ({'en': 'Northvolt made a loss in 2023.',
   'fr': 'Northvolt a enregistré une perte en 2023.',
   'ar': 'تكبدت نورثفولت خسائر في عام 2023.'},
  ['Northvolt did not make a profit in 2023.',
   "Northvolt n'a pas réalisé de bénéfice en 2023.",
   'لم تحقق نورثفولت أرباحاً في عام 2023.'],
  ['Northvolt made a profit in 2023.',
   'Northvolt a réalisé un bénéfice en 2023.',
   'حققت نورثفولت أرباحاً في عام 2023.'],
  []),
 ({'en': 'Everyone on board the ferry in Lake Victoria survived.',
   'fr': 'Toutes les personnes à bord du ferry sur le lac Victoria ont survécu.',
   'ar': 'نجا جميع من كانوا على متن العبارة في بحيرة فيكتوريا.'},
  ['None of the people on board the ferry in Lake Victoria died.',
   "Aucune des personnes à bord du ferry sur le lac Victoria n'est morte.",
   'لم يمت أي من ركاب العبارة في بحيرة فيكتوريا.'],
  ['Five people on board the ferry in Lake Victoria died.',
   'Cinq personnes à bord du ferry sur le lac Victoria sont mortes.',
   'توفي خمسة من ركاب العبارة في بحيرة فيكتوريا.'],
  []),
 ({'en': 'The finance minister did not attend the cabinet meeting.',
   'fr': "Le ministre des finances n'a pas assisté au conseil des ministres.",
   'ar': 'لم يحضر وزير المالية اجتماع مجلس الوزراء.'},
  ['The finance minister was absent from the cabinet meeting.',
   'Le ministre des finances était absent du conseil des ministres.',
   'تغيب وزير المالية عن اجتماع مجلس الوزراء.'],
  ['The finance minister attended the cabinet meeting.',
   'Le ministre des finances a assisté au conseil des ministres.',
   'حضر وزير المالية اجتماع مجلس الوزراء.'],
  []),
 ({'en': 'Leeds were not relegated from the Premier League.',
   'fr': "Leeds n'a pas été relégué de la Premier League.",
   'ar': 'لم يهبط ليدز من الدوري الإنجليزي الممتاز.'},
  ['Leeds stayed in the Premier League.',
   "Leeds s'est maintenu en Premier League.",
   'بقي ليدز في الدوري الإنجليزي الممتاز.'],
  ['Leeds were relegated from the Premier League.',
   'Leeds a été relégué de la Premier League.',
   'هبط ليدز من الدوري الإنجليزي الممتاز.'],
  []),
 ({'en': 'Northvolt did not make a profit in 2023.',
   'fr': "Northvolt n'a pas réalisé de bénéfice en 2023.",
   'ar': 'لم تحقق نورثفولت أرباحاً في عام 2023.'},
  ['Northvolt made a loss in 2023.',
   'Northvolt a enregistré une perte en 2023.',
   'تكبدت نورثفولت خسائر في عام 2023.'],
  ['Northvolt made a profit in 2023.',
   'Northvolt a réalisé un bénéfice en 2023.',
   'حققت نورثفولت أرباحاً في عام 2023.'],
  [])]


@pytest.mark.slow
def test_facts_said_with_and_without_a_denial_are_never_shown_on_the_wrong_side() -> None:
    """Measured 2026-12-07: 17 on the wrong side before (9 restatements contradicting) int8,
    20 (10) fp32; none after; right contradictions 28 of 117 before and after."""
    wrong, _ = read_battery(BATTERY)
    assert wrong == []


# a figure beside its complement or said in another unit (84 % and "the remaining 16 %", 60
# votes to 40, 2-1 and 1-2, 42 days and six weeks, 40C and 104F, 300 m and 1,000 feet):
# (claims, restatements, opposites, texts that are neither)
COMPLEMENTS = [({'en': 'Tebboune won 84 percent of the vote in the Algerian election.',
   'fr': "Tebboune a obtenu 84 % des voix à l'élection algérienne.",
   'ar': 'فاز تبون بنسبة 84 في المئة من الأصوات في الانتخابات الجزائرية.'},
  ["Tebboune was re-elected with 84% of the votes in Algeria's election.",
   'Tebboune a été réélu avec 84 % des suffrages en Algérie.',
   'أعيد انتخاب تبون بحصوله على 84 في المئة من الأصوات في الجزائر.',
   'Tebboune won 84 percent of the vote; his two rivals shared the remaining 16 percent.'],
  ['Tebboune won 48 percent of the vote in the Algerian election.',
   "Tebboune a obtenu 48 % des voix à l'élection algérienne.",
   'فاز تبون بنسبة 48 في المئة من الأصوات في الانتخابات الجزائرية.'],
  []),
 ({'en': 'Turnout in the Senegal election was 61 percent.',
   'fr': "La participation à l'élection sénégalaise a été de 61 %.",
   'ar': 'بلغت نسبة المشاركة في الانتخابات السنغالية 61 في المئة.'},
  ["61 percent of Senegal's registered voters cast a ballot, while 39 percent stayed away.",
   '61 % des inscrits sénégalais ont voté ; 39 % se sont abstenus.',
   'أدلى 61 في المئة من الناخبين المسجلين في السنغال بأصواتهم، فيما امتنع 39 في المئة.'],
  ['Turnout in the Senegal election was 41 percent.',
   "La participation à l'élection sénégalaise a été de 41 %.",
   'بلغت نسبة المشاركة في الانتخابات السنغالية 41 في المئة.'],
  []),
 ({'en': 'The Senate passed the bill by 60 votes to 40.',
   'fr': 'Le Sénat a adopté le projet de loi par 60 voix contre 40.',
   'ar': 'أقر مجلس الشيوخ مشروع القانون بأغلبية 60 صوتاً مقابل 40.'},
  ['Forty senators voted against the bill, which passed with 60 votes.',
   'Le projet de loi a été adopté au Sénat : 60 pour, 40 contre.',
   'صوت 40 عضواً في مجلس الشيوخ ضد مشروع القانون الذي أقر بأصوات 60 عضواً.'],
  ['The Senate rejected the bill by 60 votes to 40.',
   'Le Sénat a rejeté le projet de loi par 60 voix contre 40.',
   'رفض مجلس الشيوخ مشروع القانون بأغلبية 60 صوتاً مقابل 40.'],
  []),
 ({'en': 'Al Ahly beat Wydad 2-1 in the final.',
   'fr': 'Al Ahly a battu le Wydad 2-1 en finale.',
   'ar': 'تغلب الأهلي على الوداد 2-1 في المباراة النهائية.'},
  ['Wydad lost the final 1-2 to Al Ahly.',
   "Le Wydad s'est incliné 2-1 face à Al Ahly en finale.",
   'خسر الوداد المباراة النهائية أمام الأهلي بنتيجة 2-1.'],
  ['Wydad beat Al Ahly 2-1 in the final.',
   'Le Wydad a battu Al Ahly 2-1 en finale.',
   'تغلب الوداد على الأهلي 2-1 في المباراة النهائية.'],
  []),
 ({'en': 'The war in Tigray lasted two years.',
   'fr': 'La guerre au Tigré a duré deux ans.',
   'ar': 'استمرت الحرب في تيغراي عامين.'},
  ['The Tigray war, which began in November 2020, ended two years later in November 2022.',
   'La guerre du Tigré a duré deux ans, de novembre 2020 à novembre 2022.',
   'دامت الحرب في تيغراي سنتين.'],
  ['The war in Tigray lasted five years.',
   'La guerre au Tigré a duré cinq ans.',
   'استمرت الحرب في تيغراي خمس سنوات.'],
  []),
 ({'en': 'The ceasefire in Gaza lasted 42 days.',
   'fr': 'Le cessez-le-feu à Gaza a duré 42 jours.',
   'ar': 'استمر وقف إطلاق النار في غزة 42 يوماً.'},
  ['The six-week ceasefire in Gaza has ended.',
   'Le cessez-le-feu de six semaines à Gaza a pris fin.',
   'انتهى وقف إطلاق النار في غزة الذي استمر ستة أسابيع.'],
  ['The ceasefire in Gaza lasted 4 days.',
   'Le cessez-le-feu à Gaza a duré 4 jours.',
   'استمر وقف إطلاق النار في غزة 4 أيام.'],
  []),
 ({'en': 'The temperature in Cairo reached 40C on Monday.',
   'fr': 'La température au Caire a atteint 40 °C lundi.',
   'ar': 'بلغت درجة الحرارة في القاهرة 40 درجة مئوية يوم الاثنين.'},
  ['Cairo hit 104 degrees Fahrenheit on Monday.',
   'Il a fait 40 degrés au Caire lundi.',
   'سجلت القاهرة 40 درجة مئوية يوم الاثنين.'],
  ['The temperature in Cairo reached 30C on Monday.',
   'La température au Caire a atteint 30 °C lundi.',
   'بلغت درجة الحرارة في القاهرة 30 درجة مئوية يوم الاثنين.'],
  []),
 ({'en': 'The new tower in Riyadh is 300 metres tall.',
   'fr': 'La nouvelle tour de Riyad mesure 300 mètres de haut.',
   'ar': 'يبلغ ارتفاع البرج الجديد في الرياض 300 متر.'},
  ['The new 300m tower in Riyadh is nearly 1,000 feet tall.',
   'Haute de 300 mètres, la nouvelle tour de Riyad domine la ville.',
   'يرتفع البرج الجديد في الرياض 300 متر.'],
  ['The new tower in Riyadh is 200 metres tall.',
   'La nouvelle tour de Riyad mesure 200 mètres de haut.',
   'يبلغ ارتفاع البرج الجديد في الرياض 200 متر.'],
  [])]


@pytest.mark.slow
def test_a_figure_beside_its_complement_is_never_shown_contradicting() -> None:
    """Measured 2026-12-07 (int8), the same at revisions 32 and 33: no restatement shown
    contradicting; 1 of 72 opposites shown supporting (« Al Ahly a battu le Wydad » against
    "Wydad beat Al Ahly": two clubs the table of actors does not know, so no swap is read;
    left); restatements shown supporting 20 of 75."""
    wrong, restated = read_battery(COMPLEMENTS)
    assert [w for w in wrong if w[2] == "contradicts"] == []
    assert len(wrong) <= 1
    assert restated.count("supports") >= 16
