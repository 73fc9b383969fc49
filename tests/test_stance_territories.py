"""Countries outside the entity table, named in another language (evidence check revision 36).

A battery written before the rule (10 stories in en/fr/ar, every language pair): claims about
Peru, Ecuador, Chile, Qatar, Kuwait, Greenland, Vietnam, Senegal, Romania and the United Arab
Emirates, restated with the country in each language's form (« Pérou », «بيرو», "Peruvian"),
against the same sentence about another country (Bolivia, Colombia, Zambia, ...). The entity
table holds 46 countries; any other was a name asked for word for word within Latin script
("Pérou" is not "Peru") and, against an Arabic text, only when it is no common word. Before,
3 opposites were shown supporting (int8 2), each a French claim against an Arabic text
naming another country, and 22 restatements of 90 (int8 21). Now the names CLDR gives every
territory in the three languages (:mod:`corroborate.stance.territories`, through ``babel``)
find a claim's country in any language, and a claim's country the text does not name is
asked for when the text names another: 0 opposites shown supporting, 29 restatements (int8
28).
"""

from __future__ import annotations

import pytest

from corroborate.stance.evidence import missing_names, unconfirmed, weigh
from corroborate.stance.territories import covered_words, mentions, territories, unnamed

from .test_stance_evidence import probs
from .test_stance_places_and_accusations import read_battery


def test_a_country_is_found_in_any_of_the_three_languages() -> None:
    for text in ("Peru", "le Pérou", "في بيرو", "البيرو", "the Peruvian government",
                 "le gouvernement péruvien"):
        assert territories(text) == {"PE"}, text
    for text in ("Greenland", "Groenland", "غرينلاند"):
        assert territories(text) == {"GL"}, text
    for text in ("the United Arab Emirates", "The UAE", "les Émirats arabes unis",
                 "les écoles émiriennes", "الإمارات العربية المتحدة", "بالإمارات"):
        assert territories(text) == {"AE"}, text
    # an adjective: English, French (after the final vowel dropped), Arabic nisba
    assert territories("a Kuwaiti operator") == territories("شركة الاتصالات الكويتية") == {"KW"}
    assert territories("la production chilienne") == territories("Chilean copper") == {"CL"}
    assert territories("la police colombienne") == {"CO"}


def test_a_name_is_told_from_another_name_and_from_a_common_word() -> None:
    # the longest name wins, and a name's own form before an adjective made from its stem
    assert territories("a Nigerian court") == {"NG"}
    assert territories("le président nigérien") == territories("Niger") == {"NE"}
    # a plural is no adjective: "islands" is not Iceland («Islande»)
    assert territories("the Virgin Islands") == frozenset()
    # a Latin name without an ending is capitalised: the equator, a mild case
    assert territories("au nord de l'équateur") == territories("un cas bénin") == frozenset()
    assert territories("l'Équateur") == {"EC"} and territories("le Bénin") == {"BJ"}
    # "eau" is water, "EAU" the Emirates; a first name is no country
    assert territories("de l'eau") == frozenset() and territories("EAU") == {"AE"}
    assert territories("Maurice Lévy") == frozenset()
    # an Arabic name that is a common word only tells that the text may name another country
    assert territories("الوضع المالي") == frozenset()
    assert territories("أطلقت مالي حملة", weak=True) == {"ML"}
    assert mentions("La Colombie et le Venezuela") == (("CO", "colombie"), ("VE", "venezuela"))


def test_a_claims_country_named_in_another_language_is_no_missing_name() -> None:
    claim = "Le satellite doit mesurer l'épaisseur des glaces du Groenland et de l'Antarctique."
    text = "The satellite will measure the thickness of the ice in Greenland and Antarctica."
    assert covered_words(claim, text) == {"groenland", "antarctique"}
    assert missing_names(claim, text) == []
    assert "supports" not in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back
    assert missing_names("Hackers stole data from Kuwaiti operator Khaleej Mobile.",
                         "Hackers broke into Khaleej Mobile, one of Kuwait's operators.") == []


def test_a_claims_country_is_asked_for_when_the_text_names_another() -> None:
    claim = "Le Pérou a déclaré l'état d'urgence dans 14 régions."
    other = "أعلنت بوليفيا حالة الطوارئ في 14 منطقة"
    assert unnamed(claim, other) == ["perou"]
    assert "supports" in weigh(claim, other, probs(0.9, 0.05, 0.05)).held_back
    assert unconfirmed(claim, other) == ("it does not name “Pérou”",)
    # the first word too, within Latin script
    assert missing_names("Peru declared an emergency.", "Bolivia declared an emergency.") == [
        "peru"]
    assert unnamed("Le Sénégal a lancé une campagne.", "أطلقت مالي يوم الاثنين حملة") == [
        "senegal"]
    # the same country in another spelling, found by its consonants («كامبوديا»)
    assert unnamed("The Thais invaded Cambodia.", "احتل التايلانديون كامبوديا") == []
    # a text naming no other country, or a country of the entity table: nothing asked
    assert unnamed(claim, "أعلنت السلطات حالة الطوارئ") == []
    assert unnamed("Iran fired missiles.", "أطلقت بوليفيا صواريخ") == []


# 10 stories: (claims, restatements, opposites, neither)
COUNTRIES = [({'ar': 'أعلنت بيرو حالة الطوارئ في 14 منطقة بسبب تفشي حمى الضنك.',
   'en': 'Peru declared a state of emergency in 14 regions over a dengue outbreak.',
   'fr': "Le Pérou a déclaré l'état d'urgence dans 14 régions en raison d'une épidémie de "
         'dengue.'},
  ['A dengue outbreak has led the Peruvian government to impose a state of emergency across 14 '
   'regions, the health ministry said.',
   "Face à l'épidémie de dengue, 14 régions du Pérou ont été placées en état d'urgence par le "
   'gouvernement.',
   'بسبب انتشار حمى الضنك، فرضت السلطات في بيرو حالة الطوارئ في 14 منطقة من البلاد.'],
  ['Bolivia declared a state of emergency in 14 regions over a dengue outbreak.',
   "La Bolivie a déclaré l'état d'urgence dans 14 régions en raison d'une épidémie de dengue.",
   'أعلنت بوليفيا حالة الطوارئ في 14 منطقة بسبب تفشي حمى الضنك.'],
  ["Peru's central bank kept its benchmark interest rate unchanged.",
   'افتتحت بيرو خطاً جديداً للمترو في عاصمتها.']),
 ({'ar': 'لقي 12 شخصاً حتفهم جراء أمطار غزيرة في الإكوادور يوم الأحد.',
   'en': 'Heavy rains killed 12 people in Ecuador on Sunday.',
   'fr': 'De fortes pluies ont fait 12 morts en Équateur dimanche.'},
  ['12 people died on Sunday after torrential downpours struck Ecuador, the national risk '
   'management agency said.',
   "Les pluies torrentielles qui se sont abattues dimanche sur l'Équateur ont coûté la vie à 12 "
   'personnes, selon les secours.',
   'أودت الأمطار الغزيرة التي هطلت على الإكوادور يوم الأحد بحياة 12 شخصاً، وفق السلطات المحلية.'],
  ['Heavy rains killed 12 people in Colombia on Sunday.',
   'De fortes pluies ont fait 12 morts en Colombie dimanche.',
   'لقي 12 شخصاً حتفهم جراء أمطار غزيرة في كولومبيا يوم الأحد.'],
  ["Ecuador's government announced a plan to expand its banana exports next year.",
   "L'Équateur a inauguré un nouvel aéroport international dans le sud du pays."]),
 ({'ar': 'ارتفع إنتاج تشيلي من النحاس بنسبة 7% في مارس مقارنة بالعام السابق.',
   'en': "Chile's copper production rose 7% in March compared with a year earlier.",
   'fr': "La production de cuivre du Chili a augmenté de 7 % en mars par rapport à l'année "
         'précédente.'},
  ['Copper output in Chile was up 7% year on year in March, official statistics showed.',
   'Selon les chiffres officiels, la production chilienne de cuivre a progressé de 7 % sur un an '
   'en mars.',
   'أظهرت بيانات رسمية أن تشيلي زادت إنتاجها من النحاس بنسبة 7% في مارس على أساس سنوي.'],
  ["Zambia's copper production rose 7% in March compared with a year earlier.",
   "La production de cuivre de la Zambie a augmenté de 7 % en mars par rapport à l'année "
   'précédente.',
   'ارتفع إنتاج زامبيا من النحاس بنسبة 7% في مارس مقارنة بالعام السابق.'],
  ['Chile hosted a regional summit on lithium mining this week.',
   'أجرت تشيلي انتخابات بلدية في عدة مدن.']),
 ({'ar': 'اختيرت قطر يوم الثلاثاء لاستضافة بطولة العالم لألعاب القوى داخل القاعات عام 2029.',
   'en': 'Qatar was selected on Tuesday to host the 2029 world indoor athletics championships.',
   'fr': "Le Qatar a été choisi mardi pour accueillir les championnats du monde d'athlétisme en "
         'salle de 2029.'},
  ["The 2029 world indoor athletics championships will take place in Qatar, the sport's "
   'governing body announced on Tuesday.',
   "C'est au Qatar que se tiendront les championnats du monde d'athlétisme en salle en 2029, a "
   'annoncé mardi la fédération internationale.',
   'أعلن الاتحاد الدولي لألعاب القوى يوم الثلاثاء أن قطر ستحتضن بطولة العالم داخل القاعات عام '
   '2029.'],
  ['Kuwait was selected on Tuesday to host the 2029 world indoor athletics championships.',
   "Le Koweït a été choisi mardi pour accueillir les championnats du monde d'athlétisme en salle "
   'de 2029.',
   'اختيرت الكويت يوم الثلاثاء لاستضافة بطولة العالم لألعاب القوى داخل القاعات عام 2029.'],
  ['Qatar opened a new desalination plant near its capital.']),
 ({'ar': 'بلغت نسبة المشاركة في الانتخابات البرلمانية التي جرت يوم الخميس في الكويت 62%.',
   'en': "Turnout in Thursday's parliamentary election in Kuwait reached 62%.",
   'fr': 'Le taux de participation aux élections législatives de jeudi au Koweït a atteint 62 '
         '%.'},
  ["62% of registered voters in Kuwait cast ballots in Thursday's parliamentary vote, the "
   'interior ministry said.',
   'Au Koweït, 62 % des électeurs inscrits ont voté jeudi lors des élections législatives, selon '
   'les autorités.',
   'قالت وزارة الداخلية الكويتية إن 62% من الناخبين أدلوا بأصواتهم في الانتخابات البرلمانية يوم '
   'الخميس.'],
  ["Turnout in Thursday's parliamentary election in Bahrain reached 62%.",
   'Le taux de participation aux élections législatives de jeudi au Bahreïn a atteint 62 %.',
   'بلغت نسبة المشاركة في الانتخابات البرلمانية التي جرت يوم الخميس في البحرين 62%.'],
  ['Kuwait raised the price of gasoline for the first time in six years.',
   "Le Koweït a annoncé la construction d'un nouveau port en eau profonde."]),
 ({'ar': 'فقدت الصفيحة الجليدية في غرينلاند 180 مليار طن من الجليد في عام 2023، بحسب دراسة '
         'جديدة.',
   'en': "Greenland's ice sheet lost 180 billion tonnes of ice in 2023, according to a new "
         'study.',
   'fr': 'La calotte glaciaire du Groenland a perdu 180 milliards de tonnes de glace en 2023, '
         'selon une nouvelle étude.'},
  ["A new study finds that 180 billion tonnes of ice melted away from Greenland's ice sheet "
   'during 2023.',
   "D'après une nouvelle étude, le Groenland a vu fondre 180 milliards de tonnes de sa calotte "
   "glaciaire au cours de l'année 2023.",
   'كشفت دراسة حديثة أن غرينلاند خسرت 180 مليار طن من جليد صفيحتها الجليدية خلال عام 2023.'],
  ["Iceland's ice sheet lost 180 billion tonnes of ice in 2023, according to a new study.",
   "La calotte glaciaire de l'Islande a perdu 180 milliards de tonnes de glace en 2023, selon "
   'une nouvelle étude.',
   'فقدت الصفيحة الجليدية في آيسلندا 180 مليار طن من الجليد في عام 2023، بحسب دراسة جديدة.'],
  ["Greenland opened a new runway for international flights at its capital's airport.",
   'Le Groenland a organisé des élections législatives anticipées.']),
 ({'ar': 'نما اقتصاد فيتنام بنسبة 6.9% في الربع الثالث، وفق مكتب الإحصاء.',
   'en': "Vietnam's economy grew 6.9% in the third quarter, the statistics office said.",
   'fr': "L'économie du Vietnam a progressé de 6,9 % au troisième trimestre, selon l'office des "
         'statistiques.'},
  ["Vietnam's GDP expanded by 6.9% in the July-September quarter, official data showed.",
   "Le produit intérieur brut du Vietnam a augmenté de 6,9 % entre juillet et septembre, d'après "
   'les données officielles.',
   'أظهرت بيانات رسمية أن الناتج المحلي الإجمالي لفيتنام ارتفع بنسبة 6.9% خلال الفترة من يوليو '
   'إلى سبتمبر.'],
  ["The Philippines' economy grew 6.9% in the third quarter, the statistics office said.",
   "L'économie des Philippines a progressé de 6,9 % au troisième trimestre, selon l'office des "
   'statistiques.',
   'نما اقتصاد الفلبين بنسبة 6.9% في الربع الثالث، وفق مكتب الإحصاء.'],
  ['Vietnam banned the sale of e-cigarettes starting next year.',
   'رفعت فيتنام الحد الأدنى للأجور اعتباراً من العام المقبل.']),
 ({'ar': 'أطلقت السنغال يوم الاثنين حملة وطنية لتطعيم الأطفال دون سن الخامسة ضد الملاريا.',
   'en': 'Senegal launched a nationwide malaria vaccination campaign for children under five on '
         'Monday.',
   'fr': 'Le Sénégal a lancé lundi une campagne nationale de vaccination contre le paludisme '
         'pour les enfants de moins de cinq ans.'},
  ['On Monday, health authorities in Senegal began vaccinating children younger than five '
   'against malaria across the whole country.',
   'Depuis lundi, les enfants de moins de cinq ans de tout le Sénégal peuvent être vaccinés '
   'contre le paludisme, grâce à la campagne lancée par le ministère de la Santé.',
   'بدأت وزارة الصحة في السنغال يوم الاثنين حملة تشمل كامل البلاد لتطعيم الأطفال الذين تقل '
   'أعمارهم عن خمس سنوات ضد الملاريا.'],
  ['Mali launched a nationwide malaria vaccination campaign for children under five on Monday.',
   'Le Mali a lancé lundi une campagne nationale de vaccination contre le paludisme pour les '
   'enfants de moins de cinq ans.',
   'أطلقت مالي يوم الاثنين حملة وطنية لتطعيم الأطفال دون سن الخامسة ضد الملاريا.'],
  ['Senegal began producing oil from its first offshore field.',
   "Le Sénégal a inauguré un nouveau train reliant sa capitale à l'aéroport."]),
 ({'ar': 'ضرب زلزال بقوة 5.1 درجة شرق رومانيا صباح الأربعاء دون أن يسفر عن ضحايا.',
   'en': 'A magnitude 5.1 earthquake shook eastern Romania on Wednesday morning, with no '
         'casualties reported.',
   'fr': "Un séisme de magnitude 5,1 a secoué l'est de la Roumanie mercredi matin, sans faire de "
         'victimes.'},
  ["Romania's seismology institute recorded a 5.1-magnitude quake in the east of the country on "
   'Wednesday morning; no one was hurt.',
   "Mercredi matin, la terre a tremblé dans l'est de la Roumanie : un séisme de magnitude 5,1 "
   "qui n'a fait aucune victime, selon l'institut sismologique.",
   'سجل معهد رصد الزلازل في رومانيا صباح الأربعاء هزة أرضية بقوة 5.1 درجة في شرق البلاد، من دون '
   'وقوع ضحايا.'],
  ['A magnitude 5.1 earthquake shook eastern Bulgaria on Wednesday morning, with no casualties '
   'reported.',
   "Un séisme de magnitude 5,1 a secoué l'est de la Bulgarie mercredi matin, sans faire de "
   'victimes.',
   'ضرب زلزال بقوة 5.1 درجة شرق بلغاريا صباح الأربعاء دون أن يسفر عن ضحايا.'],
  ['Romania raised its minimum wage from January.']),
 ({'ar': 'أطلقت الإمارات بنجاح يوم السبت قمراً صناعياً لرصد الأرض.',
   'en': 'The United Arab Emirates successfully launched an Earth observation satellite on '
         'Saturday.',
   'fr': "Les Émirats arabes unis ont lancé avec succès samedi un satellite d'observation de la "
         'Terre.'},
  ['The United Arab Emirates put an Earth observation satellite into orbit on Saturday in a '
   "successful launch, the country's space agency said.",
   "Samedi, les Émirats arabes unis ont réussi le lancement d'un satellite destiné à observer la "
   'Terre, a annoncé leur agence spatiale.',
   'نجحت الإمارات يوم السبت في إطلاق قمر صناعي مخصص لرصد الأرض، وفق وكالة الفضاء الوطنية.'],
  ['Oman successfully launched an Earth observation satellite on Saturday.',
   "Oman a lancé avec succès samedi un satellite d'observation de la Terre.",
   'أطلقت سلطنة عمان بنجاح يوم السبت قمراً صناعياً لرصد الأرض.'],
  ['The United Arab Emirates introduced a four-and-a-half-day working week for public employees.',
   'Les Émirats arabes unis ont annoncé une hausse des salaires des fonctionnaires.'])]


@pytest.mark.slow
def test_a_country_outside_the_table_is_read_in_any_language() -> None:
    """Measured 2026-12-07: 3 opposites shown supporting before (int8 2), 0 after; 22
    restatements of 90 shown supporting before (int8 21), 29 after (int8 28), none
    contradicting."""
    wrong, restated = read_battery(COUNTRIES)
    assert wrong == []
    assert "contradicts" not in restated
    assert restated.count("supports") >= 27
