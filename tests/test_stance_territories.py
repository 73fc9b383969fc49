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

Two more batteries, written before the second step: a people's adjective of the table's
countries changed ("Kenyan runner" / « le coureur éthiopien », «الصينية» for "Japanese"): 8
opposites shown supporting before (int8 7), 0 after, the claim in any script now asked for
its country where the text names another; and a table country changed by name (4 stories:
one «النمسا» for «ألمانيا» shown supporting before, 0 after, its contradictions kept).
"""

from __future__ import annotations

import pytest

from corroborate.stance.entities import named
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
    # a text naming no other country: nothing asked (a country is context)
    assert unnamed(claim, "أعلنت السلطات حالة الطوارئ") == []
    assert missing_names("A court in South Africa jailed him.", "A court near Rustenburg jailed "
                         "him.") == []
    # the table's countries too, by name or adjective, in a claim in any script
    assert unnamed("قضت محكمة في ألمانيا بسجن الوزير", "قضت محكمة في النمسا بسجن الوزير") == [
        "المانيا"]
    assert unnamed("فاز العداء الكيني بماراثون برلين", "L'Éthiopien a gagné à Berlin") == [
        "الكيني"]
    assert missing_names("La banque espagnole a annoncé un bénéfice.",
                         "La banque portugaise a annoncé un bénéfice.") == ["espagnole"]
    # … and a people's adjective of the table's is context where no other country is named
    assert missing_names("There are many French wines to be had.",
                         "Il y a beaucoup de vins à déguster.") == []


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



@pytest.mark.parametrize(("text", "found"), [
    ("L'EAU POTABLE MANQUE À GAZA", {"gaza"}), ("WHAT IS THE TRUTH ABOUT THE VACCINE", set()),
    ("UN HOMME ARRÊTÉ À PARIS", {"paris"}), ("Les EAU ont signé l'accord.", set()),
    ("The US and the UN agreed.", {"us", "un"}),
])
def test_a_headline_in_capitals_has_words_not_acronyms(text: str, found: set[str]) -> None:
    """« L'EAU » is water and "IS" a verb in a headline in capitals; "EAU", "US", "UN" are
    acronyms in running text (revision 37)."""
    assert set(named(text)) == found
    assert territories(text) == ({"AE"} if text.startswith("Les EAU") else set())

@pytest.mark.slow
def test_a_country_outside_the_table_is_read_in_any_language() -> None:
    """Measured 2026-12-07: 3 opposites shown supporting before (int8 2), 0 after; 22
    restatements of 90 shown supporting before (int8 21), 29 after (int8 28), none
    contradicting."""
    wrong, restated = read_battery(COUNTRIES)
    assert wrong == []
    assert "contradicts" not in restated
    assert restated.count("supports") >= 27


# 10 stories: a people's adjective of the table's countries changed (Kenyan / Ethiopian)
NATIONALITIES = [({'ar': 'قضت محكمة فرنسية بسجن الوزير السابق بيير لافو عامين بتهمة الاختلاس.',
   'en': 'A French court sentenced former minister Pierre Lavaud to two years in prison for '
         'embezzlement.',
   'fr': "Un tribunal français a condamné l'ancien ministre Pierre Lavaud à deux ans de prison "
         'pour détournement de fonds.'},
  ['Former minister Pierre Lavaud was handed a two-year prison sentence for embezzlement by a '
   'court in France on Tuesday.',
   "L'ancien ministre Pierre Lavaud a été condamné mardi par un tribunal français à deux ans "
   "d'emprisonnement pour détournement de fonds.",
   'أصدرت محكمة فرنسية حكماً بالسجن سنتين على الوزير السابق بيير لافو بعد إدانته بالاختلاس، وفق '
   'ما أفاد به مسؤولون.'],
  ['A Swiss court sentenced former minister Pierre Lavaud to two years in prison for '
   'embezzlement.',
   "Un tribunal suisse a condamné l'ancien ministre Pierre Lavaud à deux ans de prison pour "
   'détournement de fonds.',
   'قضت محكمة سويسرية بسجن الوزير السابق بيير لافو عامين بتهمة الاختلاس.'],
  ['Former minister Pierre Lavaud published a memoir about his years in government.']),
 ({'ar': 'فاز العداء الكيني دانيال كيبروب بماراثون برلين يوم الأحد.',
   'en': 'Kenyan runner Daniel Kiprop won the Berlin Marathon on Sunday.',
   'fr': 'Le coureur kényan Daniel Kiprop a remporté le marathon de Berlin dimanche.'},
  ['The Kenyan athlete Daniel Kiprop took first place in the Berlin Marathon on Sunday, '
   'organisers said.',
   "Dimanche, c'est le Kényan Daniel Kiprop qui s'est imposé au marathon de Berlin.",
   'توّج الكيني دانيال كيبروب بلقب ماراثون برلين الأحد.'],
  ['Ethiopian runner Daniel Kiprop won the Berlin Marathon on Sunday.',
   'Le coureur éthiopien Daniel Kiprop a remporté le marathon de Berlin dimanche.',
   'فاز العداء الإثيوبي دانيال كيبروب بماراثون برلين يوم الأحد.'],
  ['Daniel Kiprop said he would skip the world championships this summer to recover from a knee '
   'injury.']),
 ({'ar': 'استدعت شركة السيارات الألمانية فولكستروم 40 ألف سيارة كهربائية بسبب عيب في البطارية.',
   'en': 'German carmaker Volkstrom recalled 40,000 electric cars over a battery fault.',
   'fr': 'Le constructeur allemand Volkstrom a rappelé 40 000 voitures électriques en raison '
         "d'un défaut de batterie."},
  ['Volkstrom, the German automaker, is calling back 40,000 of its electric vehicles because of '
   'a faulty battery, the company said.',
   'Le constructeur automobile Volkstrom, basé en Allemagne, a rappelé 40 000 véhicules '
   "électriques à cause d'un problème de batterie.",
   'أعلنت فولكستروم الألمانية لصناعة السيارات استدعاء 40 ألف سيارة كهربائية لخلل في بطارياتها.'],
  ['Swedish carmaker Volkstrom recalled 40,000 electric cars over a battery fault.',
   "Le constructeur suédois Volkstrom a rappelé 40 000 voitures électriques en raison d'un "
   'défaut de batterie.',
   'استدعت شركة السيارات السويدية فولكستروم 40 ألف سيارة كهربائية بسبب عيب في البطارية.'],
  ['Volkstrom unveiled a new compact electric SUV on Wednesday.',
   'Volkstrom named a new head of design for its European operations.']),
 ({'ar': 'طوّرت شركة التكنولوجيا الحيوية اليابانية كانيدا لابز اختباراً للدم يكشف سرطان '
         'البنكرياس في مرحلة مبكرة.',
   'en': 'Japanese biotech company Kaneda Labs developed a blood test that detects pancreatic '
         'cancer at an early stage.',
   'fr': "L'entreprise japonaise de biotechnologie Kaneda Labs a mis au point un test sanguin "
         'qui détecte le cancer du pancréas à un stade précoce.'},
  ['A new blood test able to spot pancreatic cancer early has been created by Kaneda Labs, a '
   'Japanese biotechnology firm, researchers said.',
   'La société de biotechnologie japonaise Kaneda Labs a conçu une analyse de sang capable de '
   'repérer précocement un cancer du pancréas.',
   'ابتكرت كانيدا لابز اليابانية المتخصصة في التكنولوجيا الحيوية فحص دم قادراً على رصد سرطان '
   'البنكرياس مبكراً.'],
  ['Chinese biotech company Kaneda Labs developed a blood test that detects pancreatic cancer at '
   'an early stage.',
   "L'entreprise chinoise de biotechnologie Kaneda Labs a mis au point un test sanguin qui "
   'détecte le cancer du pancréas à un stade précoce.',
   'طوّرت شركة التكنولوجيا الحيوية الصينية كانيدا لابز اختباراً للدم يكشف سرطان البنكرياس في '
   'مرحلة مبكرة.'],
  ['Kaneda Labs appointed a new chief executive on Monday.']),
 ({'ar': 'فاز المخرج المصري كريم منصور بجائزة الأسد الذهبي في مهرجان البندقية السينمائي.',
   'en': 'Egyptian director Karim Mansour won the Golden Lion at the Venice Film Festival.',
   'fr': "Le réalisateur égyptien Karim Mansour a remporté le Lion d'or à la Mostra de Venise."},
  ["The Venice Film Festival's Golden Lion went to Egyptian filmmaker Karim Mansour on Saturday.",
   "Le cinéaste égyptien Karim Mansour a décroché samedi le Lion d'or de la Mostra de Venise.",
   'نال المخرج القادم من مصر كريم منصور جائزة الأسد الذهبي في مهرجان البندقية السينمائي، بحسب '
   'منظمي المهرجان.'],
  ['Tunisian director Karim Mansour won the Golden Lion at the Venice Film Festival.',
   "Le réalisateur tunisien Karim Mansour a remporté le Lion d'or à la Mostra de Venise.",
   'فاز المخرج التونسي كريم منصور بجائزة الأسد الذهبي في مهرجان البندقية السينمائي.'],
  ['Karim Mansour began shooting his next film in Alexandria.']),
 ({'ar': 'أجرى وزير الخارجية المغربي يوسف العلمي محادثات حول الهجرة مع مسؤولين في الاتحاد '
         'الأوروبي في بروكسل.',
   'en': 'Moroccan Foreign Minister Youssef Alami held talks on migration with EU officials in '
         'Brussels.',
   'fr': "Le ministre marocain des Affaires étrangères, Youssef Alami, s'est entretenu de "
         "migration avec des responsables de l'UE à Bruxelles."},
  ["In Brussels, EU officials and Morocco's foreign minister Youssef Alami discussed migration, "
   'diplomats said.',
   'Youssef Alami, chef de la diplomatie marocaine, a discuté de la question migratoire avec des '
   "responsables de l'Union européenne à Bruxelles.",
   'بحث وزير الخارجية المغربي يوسف العلمي ملف الهجرة مع مسؤولين في الاتحاد الأوروبي في بروكسل '
   'يوم الخميس.'],
  ['Algerian Foreign Minister Youssef Alami held talks on migration with EU officials in '
   'Brussels.',
   "Le ministre algérien des Affaires étrangères, Youssef Alami, s'est entretenu de migration "
   "avec des responsables de l'UE à Bruxelles.",
   'أجرى وزير الخارجية الجزائري يوسف العلمي محادثات حول الهجرة مع مسؤولين في الاتحاد الأوروبي في '
   'بروكسل.'],
  ['Youssef Alami said he would attend a climate conference in Nairobi next month.']),
 ({'ar': 'أعلن بنك ميريديا الإسباني عن أرباح فصلية قياسية بلغت 2.1 مليار يورو.',
   'en': 'Spanish bank Banco Meridia reported a record quarterly profit of 2.1 billion euros.',
   'fr': 'La banque espagnole Banco Meridia a annoncé un bénéfice trimestriel record de 2,1 '
         "milliards d'euros."},
  ['Banco Meridia, the Spanish lender, posted record profits of 2.1 billion euros for the '
   'quarter, the bank said on Thursday.',
   'Bénéfice record pour le groupe bancaire espagnol Banco Meridia, qui a dégagé 2,1 milliards '
   "d'euros sur le trimestre.",
   'حقق بنك ميريديا الإسباني ربحاً قياسياً قدره 2.1 مليار يورو خلال الربع الأخير.'],
  ['Portuguese bank Banco Meridia reported a record quarterly profit of 2.1 billion euros.',
   'La banque portugaise Banco Meridia a annoncé un bénéfice trimestriel record de 2,1 milliards '
   "d'euros.",
   'أعلن بنك ميريديا البرتغالي عن أرباح فصلية قياسية بلغت 2.1 مليار يورو.'],
  ['Banco Meridia announced it would close 150 branches by the end of the year.']),
 ({'ar': 'أطلقت الشركة الناشئة الهندية أوربيترا بنجاح أول قمر صناعي تجاري لها يوم الجمعة.',
   'en': 'Indian startup Orbitra successfully launched its first commercial satellite on Friday.',
   'fr': 'La start-up indienne Orbitra a lancé avec succès vendredi son premier satellite '
         'commercial.'},
  ['On Friday the Indian space startup Orbitra put its first commercial satellite into orbit, '
   'the company said.',
   'Vendredi, la jeune pousse indienne Orbitra a réussi la mise en orbite de son tout premier '
   'satellite commercial.',
   'نجحت أوربيترا، الشركة الهندية الناشئة، الجمعة في إطلاق أول أقمارها الصناعية التجارية.'],
  ['Japanese startup Orbitra successfully launched its first commercial satellite on Friday.',
   'La start-up japonaise Orbitra a lancé avec succès vendredi son premier satellite commercial.',
   'أطلقت الشركة الناشئة اليابانية أوربيترا بنجاح أول قمر صناعي تجاري لها يوم الجمعة.'],
  ['Orbitra raised 50 million dollars from investors to expand its engineering team.']),
 ({'ar': 'فاز الأستاذ الكبير الروسي إيليا سوروكين ببطولة العالم للشطرنج السريع في سمرقند.',
   'en': 'Russian grandmaster Ilya Sorokin won the World Rapid Chess Championship in Samarkand.',
   'fr': "Le grand maître russe Ilya Sorokin a remporté le championnat du monde d'échecs rapides "
         'à Samarcande.'},
  ['The Russian chess grandmaster Ilya Sorokin claimed the world rapid title in Samarkand, '
   'organisers said.',
   "À Samarcande, le Russe Ilya Sorokin est devenu champion du monde d'échecs en parties "
   'rapides.',
   'توّج لاعب الشطرنج الروسي إيليا سوروكين بطلاً للعالم في الشطرنج السريع في سمرقند.'],
  ['Ukrainian grandmaster Ilya Sorokin won the World Rapid Chess Championship in Samarkand.',
   "Le grand maître ukrainien Ilya Sorokin a remporté le championnat du monde d'échecs rapides à "
   'Samarcande.',
   'فاز الأستاذ الكبير الأوكراني إيليا سوروكين ببطولة العالم للشطرنج السريع في سمرقند.'],
  ["Ilya Sorokin withdrew from next month's candidates tournament for personal reasons."]),
 ({'ar': 'ألغت المغنية البرازيلية لوانا برادو جولتها الأوروبية بسبب المرض.',
   'en': 'Brazilian singer Luana Prado cancelled her European tour because of illness.',
   'fr': 'La chanteuse brésilienne Luana Prado a annulé sa tournée européenne pour raisons de '
         'santé.'},
  ['Citing illness, the Brazilian singer Luana Prado has called off her tour of Europe, her '
   'management said.',
   'Malade, la chanteuse brésilienne Luana Prado renonce à sa tournée en Europe.',
   'أعلنت المغنية البرازيلية لوانا برادو إلغاء جولتها في أوروبا لأسباب صحية.'],
  ['Argentine singer Luana Prado cancelled her European tour because of illness.',
   'La chanteuse argentine Luana Prado a annulé sa tournée européenne pour raisons de santé.',
   'ألغت المغنية الأرجنتينية لوانا برادو جولتها الأوروبية بسبب المرض.'],
  ['Luana Prado released a new album on Friday.',
   'Luana Prado won a Latin Grammy for best new artist.'])]

# 4 stories: a country of the table changed by name (Kenya / Ethiopia, «ألمانيا» / «النمسا»)
TABLE_COUNTRIES = [({'ar': 'أرسلت كينيا 400 شرطي إلى هايتي في يونيو.',
   'en': 'Kenya sent 400 police officers to Haiti in June.',
   'fr': 'Le Kenya a envoyé 400 policiers en Haïti en juin.'},
  ['In June, Kenya deployed 400 police officers to Haiti.',
   'En juin, 400 policiers kényans ont été déployés en Haïti.',
   'نشرت كينيا في حزيران 400 من عناصر الشرطة في هايتي.'],
  ['Ethiopia sent 400 police officers to Haiti in June.',
   "L'Éthiopie a envoyé 400 policiers en Haïti en juin.",
   'أرسلت إثيوبيا 400 شرطي إلى هايتي في يونيو.'],
  []),
 ({'ar': 'فاز المغرب بنهائي كأس الأمم الأفريقية يوم الأحد.',
   'en': 'Morocco won the Africa Cup of Nations final on Sunday.',
   'fr': "Le Maroc a remporté dimanche la finale de la Coupe d'Afrique des nations."},
  ["Morocco were crowned African champions after winning Sunday's final.",
   "Dimanche, le Maroc s'est imposé en finale de la CAN.",
   'توج المغرب بطلاً لأفريقيا بعد فوزه في النهائي يوم الأحد.'],
  ['Algeria won the Africa Cup of Nations final on Sunday.',
   "L'Algérie a remporté dimanche la finale de la Coupe d'Afrique des nations.",
   'فازت الجزائر بنهائي كأس الأمم الأفريقية يوم الأحد.'],
  []),
 ({'ar': 'انضمت السويد إلى حلف الناتو في مارس 2024.',
   'en': 'Sweden joined NATO in March 2024.',
   'fr': "La Suède a rejoint l'OTAN en mars 2024."},
  ['In March 2024 Sweden became a member of NATO.',
   "La Suède est devenue membre de l'OTAN en mars 2024.",
   'أصبحت السويد عضواً في حلف شمال الأطلسي في آذار 2024.'],
  ['Norway joined NATO in March 2024.',
   "La Norvège a rejoint l'OTAN en mars 2024.",
   'انضمت النرويج إلى حلف الناتو في مارس 2024.'],
  []),
 ({'ar': 'قضت محكمة في ألمانيا بسجن الوزير السابق عامين.',
   'en': 'A court in Germany sentenced the former minister to two years in prison.',
   'fr': "Un tribunal en Allemagne a condamné l'ancien ministre à deux ans de prison."},
  ['The former minister was sentenced to two years in prison by a German court.',
   "L'ancien ministre a été condamné à deux ans de prison par la justice allemande.",
   'حكم القضاء الألماني على الوزير السابق بالسجن سنتين.'],
  ['A court in Austria sentenced the former minister to two years in prison.',
   "Un tribunal en Autriche a condamné l'ancien ministre à deux ans de prison.",
   'قضت محكمة في النمسا بسجن الوزير السابق عامين.'],
  [])]


@pytest.mark.slow
def test_another_nationality_is_never_shown_supporting() -> None:
    """Measured 2026-12-07: 8 opposites shown supporting before (int8 7), a claim in any of
    the three languages against a text in another with another nationality («الصينية» for
    "Japanese", « portugaise » for « espagnole »); 0 after. Restatements shown supporting
    27 of 90 before (int8 26), 29 after (int8 28), none contradicting."""
    wrong, restated = read_battery(NATIONALITIES)
    assert wrong == []
    assert "contradicts" not in restated
    assert restated.count("supports") >= 27


@pytest.mark.slow
def test_a_table_country_changed_is_no_support_and_its_contradictions_stay() -> None:
    """Measured 2026-12-07 (bf16): 1 opposite shown supporting before («النمسا» for
    «ألمانيا»), 0 after; 17 of 36 opposites shown contradicting before and after (a country
    the text changes is the conflict, not another event), 19 of 36 restatements supporting."""
    wrong, restated = read_battery(TABLE_COUNTRIES)
    assert wrong == []
    assert restated.count("supports") >= 17
