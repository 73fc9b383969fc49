"""A region of the Americas is not the United States (evidence check revision 37).

"American" names the United States in the entity table and in `territories` ("American
troops", « américain », «الأمريكي»), and both matched it as the start of a word: "South
American", "Latin American", « latino-américains », « Amérique centrale », «أمريكا اللاتينية»
were the United States too. A battery written before the rule (10 stories in en/fr/ar, every
language pair: a region's fact against the same sentence about another region, South Africa or
the US; a US fact against the same about Latin, South or Central America) showed **22 opposites
supporting** (int8 17): "US unemployment rose to 4.3%" supported by « Le taux de chômage en
Amérique latine est monté à 4,3 % », and none contradicting. Now the regions of the Americas
(`entities.AMERICAS`: "South / Latin / Central / North American", "the Americas", « Amérique
latine », « sud-américain », « centraméricain », «أمريكا الجنوبية», «الأمريكتين») name no
country: they are an entity of their own (`americas`) and one territory (CLDR's "019"), asked
for like any other: 0 opposites supporting (int8 0), restatements supporting 48 → 46 (int8
49 → 44). A region is still a place: "The Perfume Factory is in front of the South African
area" is not supported by "Behind the South American area …" (an XNLI pair that blanking the
region alone had let through).
"""

from __future__ import annotations

import pytest

from corroborate.stance.entities import named
from corroborate.stance.evidence import unconfirmed
from corroborate.stance.territories import territories

from .test_stance_privatives import _read


@pytest.mark.parametrize("text", [
    "Latin American finance ministers met in Lima.", "South American soybean exports rose.",
    "les pays latino-américains", "des migrants centraméricains", "en Amérique du Sud",
    "dengue in the Americas", "دول أمريكا اللاتينية", "في الأمريكتين", "le continent américain",
])
def test_a_region_of_the_americas_is_not_the_united_states(text: str) -> None:
    assert "us" not in named(text), text
    assert "americas" in named(text), text
    assert territories(text) == {"019"}, text


@pytest.mark.parametrize("text", [
    "American troops arrived in Haiti.", "les troupes américaines", "القوات الأمريكية",
    "African-American voters", "US troops in South America",
])
def test_the_united_states_is_still_named(text: str) -> None:
    assert "us" in named(text), text


def test_a_region_is_a_place_another_country_is_asked_for() -> None:
    assert unconfirmed("The Perfume Factory is in front of the South African area.",
                       "Behind the South American area you'll find the Perfume Factory.")
    assert unconfirmed("US unemployment rose to 4.3% in July 2024.",
                       "Latin American unemployment rose to 4.3% in July 2024.")
    assert unconfirmed("Latin American leaders met in Bogotá on Monday.",
                       "Les dirigeants latino-américains se sont réunis lundi à Bogota.") == ()


@pytest.mark.slow
def test_another_region_or_the_united_states_is_never_shown_supporting() -> None:
    """Measured 2026-12-07 (bf16 / int8): opposites shown supporting 22 / 17 -> 0 / 0,
    restatements shown supporting 48 / 49 -> 46 / 44 of 90, one right contradiction."""
    rows = _read(AMERICAS)
    assert [(c, t, s) for c, t, gold, s in rows
            if s in ("supports", "contradicts") and s != gold] == []
    assert [s for *_, gold, s in rows if gold == "supports"].count("supports") >= 38


# (claims in en/fr/ar, restatements, opposites, texts that are neither): written before the rule
AMERICAS = [
    (
        {
            "en": (
                "Latin American finance ministers agreed in Lima on 12 March 2025 to create a "
                "joint fund of 2 billion dollars."
            ),
            "fr": (
                "Les ministres des Finances d'Amérique latine sont convenus à Lima, le 12 mars "
                "2025, de créer un fonds commun de 2 milliards de dollars."
            ),
            "ar": (
                "اتفق وزراء مالية أمريكا اللاتينية في ليما في 12 مارس 2025 على إنشاء صندوق مشترك "
                "بقيمة ملياري دولار."
            ),
        },
        [
            (
                "Meeting in Lima on 12 March 2025, finance ministers from across Latin America "
                "approved a 2-billion-dollar common fund for the region."
            ),
            (
                "Réunis à Lima le 12 mars 2025, les ministres latino-américains des Finances ont "
                "décidé de créer un fonds commun doté de 2 milliards de dollars."
            ),
            (
                "قرر وزراء المالية في دول أمريكا اللاتينية، خلال اجتماعهم في ليما يوم 12 مارس "
                "2025، تأسيس صندوق مشترك برأسمال ملياري دولار."
            ),
        ],
        [
            (
                "African finance ministers agreed in Lima on 12 March 2025 to create a joint fund "
                "of 2 billion dollars."
            ),
            (
                "Les ministres des Finances africains sont convenus à Lima, le 12 mars 2025, de "
                "créer un fonds commun de 2 milliards de dollars."
            ),
            (
                "اتفق وزراء مالية الدول الأفريقية في ليما في 12 مارس 2025 على إنشاء صندوق مشترك "
                "بقيمة ملياري دولار."
            ),
        ],
        [
            (
                "Latin American finance ministers are due to meet again in Bogotá in September "
                "2025 to discuss regional debt."
            ),
            (
                "Les ministres des Finances d'Amérique latine doivent se retrouver à Bogotá en "
                "septembre 2025 pour discuter de la dette régionale."
            ),
        ],
    ),
    (
        {
            "en": "South American soybean exports rose 14% in 2024 to a record 142 million tonnes.",
            "fr": (
                "Les exportations sud-américaines de soja ont progressé de 14 % en 2024, "
                "atteignant le record de 142 millions de tonnes."
            ),
            "ar": (
                "ارتفعت صادرات فول الصويا من أمريكا الجنوبية بنسبة 14% في عام 2024 لتبلغ مستوى "
                "قياسياً قدره 142 مليون طن."
            ),
        },
        [
            (
                "Soybean shipments from South America climbed 14% in 2024, reaching an all-time "
                "high of 142 million tonnes."
            ),
            (
                "En 2024, l'Amérique du Sud a exporté un volume record de 142 millions de tonnes "
                "de soja, en hausse de 14 %."
            ),
            (
                "سجلت دول أمريكا الجنوبية في عام 2024 صادرات قياسية من فول الصويا بلغت 142 مليون "
                "طن، بزيادة قدرها 14%."
            ),
        ],
        [
            "South African soybean exports rose 14% in 2024 to a record 142 million tonnes.",
            (
                "Les exportations de soja de l'Afrique du Sud ont progressé de 14 % en 2024, "
                "atteignant le record de 142 millions de tonnes."
            ),
            (
                "ارتفعت صادرات فول الصويا من جنوب أفريقيا بنسبة 14% في عام 2024 لتبلغ مستوى "
                "قياسياً قدره 142 مليون طن."
            ),
        ],
        [
            (
                "Heavy rains in southern Brazil delayed part of the 2024 soybean harvest, "
                "analysts said."
            ),
            "يتوقع محللون أن تتأثر أسعار فول الصويا العالمية بالأحوال الجوية خلال موسم 2025.",
        ],
    ),
    (
        {
            "en": (
                "Mexican authorities detained 32,500 Central American migrants in January 2025, "
                "the interior ministry said."
            ),
            "fr": (
                "Les autorités mexicaines ont interpellé 32 500 migrants centraméricains en "
                "janvier 2025, a indiqué le ministère de l'Intérieur."
            ),
            "ar": (
                "أعلنت وزارة الداخلية المكسيكية أن السلطات احتجزت 32500 مهاجر من أمريكا الوسطى في "
                "يناير 2025."
            ),
        },
        [
            (
                "In January 2025, 32,500 migrants from Central America were detained by Mexican "
                "authorities, according to the interior ministry."
            ),
            (
                "Selon le ministère mexicain de l'Intérieur, 32 500 migrants d'Amérique centrale "
                "ont été arrêtés au Mexique en janvier 2025."
            ),
            (
                "احتجزت السلطات المكسيكية خلال يناير 2025 ما مجموعه 32500 من المهاجرين القادمين "
                "من دول أمريكا الوسطى، وفق وزارة الداخلية."
            ),
        ],
        [
            (
                "Mexican authorities detained 32,500 African migrants in January 2025, the "
                "interior ministry said."
            ),
            (
                "Les autorités mexicaines ont interpellé 32 500 migrants africains en janvier "
                "2025, a indiqué le ministère de l'Intérieur."
            ),
            (
                "أعلنت وزارة الداخلية المكسيكية أن السلطات احتجزت 32500 مهاجر من أفريقيا في يناير "
                "2025."
            ),
        ],
        [
            (
                "Mexico's interior ministry said it would open two new migrant shelters in the "
                "state of Chiapas in March 2025."
            ),
        ],
    ),
    (
        {
            "en": (
                "A heat wave across North America killed at least 212 people between 18 and 30 "
                "June 2024, officials said."
            ),
            "fr": (
                "Une vague de chaleur en Amérique du Nord a fait au moins 212 morts entre le 18 "
                "et le 30 juin 2024, selon les autorités."
            ),
            "ar": (
                "أودت موجة حر في أمريكا الشمالية بحياة 212 شخصاً على الأقل بين 18 و30 يونيو 2024، "
                "وفق السلطات."
            ),
        },
        [
            (
                "At least 212 people died across the North American continent when a heat wave "
                "struck from 18 to 30 June 2024, according to authorities."
            ),
            (
                "Au moins 212 personnes ont péri sur le continent nord-américain lors de la "
                "canicule du 18 au 30 juin 2024, d'après les autorités."
            ),
            (
                "لقي ما لا يقل عن 212 شخصاً حتفهم في بلدان أمريكا الشمالية جراء موجة الحر التي "
                "ضربتها بين 18 و30 يونيو 2024، بحسب السلطات."
            ),
        ],
        [
            (
                "A heat wave across Southeast Asia killed at least 212 people between 18 and 30 "
                "June 2024, officials said."
            ),
            (
                "Une vague de chaleur en Asie du Sud-Est a fait au moins 212 morts entre le 18 et "
                "le 30 juin 2024, selon les autorités."
            ),
            (
                "أودت موجة حر في جنوب شرق آسيا بحياة 212 شخصاً على الأقل بين 18 و30 يونيو 2024، "
                "وفق السلطات."
            ),
        ],
        [
            (
                "Meteorologists expect summer heat waves in North America to become more frequent "
                "over the next decade."
            ),
            (
                "Les météorologues s'attendent à des canicules estivales plus fréquentes en "
                "Amérique du Nord au cours de la prochaine décennie."
            ),
        ],
    ),
    (
        {
            "en": (
                "More than 4.2 million dengue cases were recorded in the Americas in the first "
                "half of 2024, health officials said."
            ),
            "fr": (
                "Plus de 4,2 millions de cas de dengue ont été recensés dans les Amériques au "
                "premier semestre 2024, selon les autorités sanitaires."
            ),
            "ar": (
                "سُجّلت أكثر من 4.2 مليون إصابة بحمى الضنك في الأمريكتين خلال النصف الأول من عام "
                "2024، وفق مسؤولين صحيين."
            ),
        },
        [
            (
                "Health officials counted over 4.2 million dengue infections across North, "
                "Central and South America in the first six months of 2024."
            ),
            (
                "Les autorités sanitaires ont dénombré plus de 4,2 millions de cas de dengue sur "
                "l'ensemble du continent américain entre janvier et juin 2024."
            ),
            (
                "أحصى مسؤولو الصحة أكثر من 4.2 مليون حالة إصابة بحمى الضنك في بلدان القارة "
                "الأمريكية بين يناير ويونيو 2024."
            ),
        ],
        [
            (
                "More than 4.2 million dengue cases were recorded in South Asia in the first half "
                "of 2024, health officials said."
            ),
            (
                "Plus de 4,2 millions de cas de dengue ont été recensés en Asie du Sud au premier "
                "semestre 2024, selon les autorités sanitaires."
            ),
            (
                "سُجّلت أكثر من 4.2 مليون إصابة بحمى الضنك في جنوب آسيا خلال النصف الأول من عام "
                "2024، وفق مسؤولين صحيين."
            ),
        ],
        [
            (
                "Several countries in the Americas began rolling out a new dengue vaccine in "
                "early 2024."
            ),
        ],
    ),
    (
        {
            "en": (
                "South American airlines carried 98 million international passengers in 2024, up "
                "9% from 2023."
            ),
            "fr": (
                "Les compagnies aériennes sud-américaines ont transporté 98 millions de passagers "
                "internationaux en 2024, soit 9 % de plus qu'en 2023."
            ),
            "ar": (
                "نقلت شركات الطيران في أمريكا الجنوبية 98 مليون مسافر دولي في عام 2024، بزيادة 9% "
                "عن عام 2023."
            ),
        },
        [
            (
                "Carriers based in South America flew 98 million international travellers in "
                "2024, a 9% increase on the previous year."
            ),
            (
                "En 2024, les transporteurs d'Amérique du Sud ont acheminé 98 millions de "
                "voyageurs internationaux, en hausse de 9 % sur un an."
            ),
            (
                "ارتفع عدد المسافرين الدوليين على متن شركات الطيران في دول أمريكا الجنوبية إلى 98 "
                "مليوناً في 2024، بنمو نسبته 9% مقارنة بعام 2023."
            ),
        ],
        [
            (
                "Airlines in South Africa carried 98 million international passengers in 2024, up "
                "9% from 2023."
            ),
            (
                "Les compagnies aériennes d'Afrique du Sud ont transporté 98 millions de "
                "passagers internationaux en 2024, soit 9 % de plus qu'en 2023."
            ),
            (
                "نقلت شركات الطيران في جنوب أفريقيا 98 مليون مسافر دولي في عام 2024، بزيادة 9% عن "
                "عام 2023."
            ),
        ],
        [
            (
                "South American airlines plan to open 40 new routes in 2025, an industry "
                "association said."
            ),
            (
                "تعتزم شركات الطيران في أمريكا الجنوبية افتتاح 40 خطاً جديداً في عام 2025، وفق "
                "اتحاد للقطاع."
            ),
        ],
    ),
    (
        {
            "en": (
                "About 2,000 American troops arrived in Haiti on 3 February 2025 to support a "
                "multinational security mission."
            ),
            "fr": (
                "Quelque 2 000 soldats américains sont arrivés en Haïti le 3 février 2025 pour "
                "appuyer une mission multinationale de sécurité."
            ),
            "ar": (
                "وصل نحو 2000 جندي أمريكي إلى هايتي في 3 فبراير 2025 لدعم بعثة أمنية متعددة "
                "الجنسيات."
            ),
        },
        [
            (
                "Washington deployed roughly 2,000 soldiers to Haiti, who landed on 3 February "
                "2025 to back a multinational security mission."
            ),
            (
                "Les États-Unis ont déployé environ 2 000 militaires en Haïti, arrivés le 3 "
                "février 2025 en soutien à une mission multinationale de sécurité."
            ),
            (
                "نشرت الولايات المتحدة قرابة 2000 من جنودها في هايتي، وقد وصلوا في 3 فبراير 2025 "
                "لدعم بعثة أمنية متعددة الجنسيات."
            ),
        ],
        [
            (
                "About 2,000 Central American troops arrived in Haiti on 3 February 2025 to "
                "support a multinational security mission."
            ),
            (
                "Quelque 2 000 soldats d'Amérique centrale sont arrivés en Haïti le 3 février "
                "2025 pour appuyer une mission multinationale de sécurité."
            ),
            (
                "وصل نحو 2000 جندي من دول أمريكا الوسطى إلى هايتي في 3 فبراير 2025 لدعم بعثة "
                "أمنية متعددة الجنسيات."
            ),
        ],
        [
            (
                "The UN Security Council is due to review the mandate of the multinational "
                "security mission in Haiti in October 2025."
            ),
        ],
    ),
    (
        {
            "en": (
                "US unemployment rose to 4.3% in July 2024, its highest level in nearly three "
                "years."
            ),
            "fr": (
                "Le taux de chômage aux États-Unis est monté à 4,3 % en juillet 2024, son plus "
                "haut niveau depuis près de trois ans."
            ),
            "ar": (
                "ارتفع معدل البطالة في الولايات المتحدة إلى 4.3% في يوليو 2024، وهو أعلى مستوى له "
                "منذ نحو ثلاث سنوات."
            ),
        },
        [
            (
                "The American jobless rate climbed to 4.3% in July 2024, the highest in almost "
                "three years."
            ),
            (
                "Le chômage américain a atteint 4,3 % en juillet 2024, un sommet depuis près de "
                "trois ans."
            ),
            "بلغ معدل البطالة الأمريكي 4.3% في يوليو 2024، مسجلاً أعلى مستوى منذ قرابة ثلاث سنوات.",
        ],
        [
            (
                "Latin American unemployment rose to 4.3% in July 2024, its highest level in "
                "nearly three years."
            ),
            (
                "Le taux de chômage en Amérique latine est monté à 4,3 % en juillet 2024, son "
                "plus haut niveau depuis près de trois ans."
            ),
            (
                "ارتفع معدل البطالة في أمريكا اللاتينية إلى 4.3% في يوليو 2024، وهو أعلى مستوى له "
                "منذ نحو ثلاث سنوات."
            ),
        ],
        [
            (
                "Economists said the Federal Reserve would study labour-market data closely ahead "
                "of its September 2024 meeting."
            ),
            (
                "Selon des économistes, la Réserve fédérale examinera de près les chiffres de "
                "l'emploi avant sa réunion de septembre 2024."
            ),
        ],
    ),
    (
        {
            "en": "US electric-vehicle sales grew 7% in 2024 to a record 1.56 million units.",
            "fr": (
                "Les ventes de véhicules électriques aux États-Unis ont progressé de 7 % en 2024, "
                "atteignant le record de 1,56 million d'unités."
            ),
            "ar": (
                "ارتفعت مبيعات السيارات الكهربائية في الولايات المتحدة بنسبة 7% في عام 2024 لتبلغ "
                "مستوى قياسياً قدره 1.56 مليون سيارة."
            ),
        },
        [
            (
                "Americans bought a record 1.56 million electric vehicles in 2024, up 7% from the "
                "year before."
            ),
            (
                "Les Américains ont acheté un nombre record de 1,56 million de voitures "
                "électriques en 2024, soit 7 % de plus qu'un an plus tôt."
            ),
            (
                "اشترى المستهلكون في الولايات المتحدة 1.56 مليون سيارة كهربائية في عام 2024، وهو "
                "رقم قياسي يزيد بنسبة 7% على العام السابق."
            ),
        ],
        [
            "South American electric-vehicle sales grew 7% in 2024 to a record 1.56 million units.",
            (
                "Les ventes de véhicules électriques en Amérique du Sud ont progressé de 7 % en "
                "2024, atteignant le record de 1,56 million d'unités."
            ),
            (
                "ارتفعت مبيعات السيارات الكهربائية في أمريكا الجنوبية بنسبة 7% في عام 2024 لتبلغ "
                "مستوى قياسياً قدره 1.56 مليون سيارة."
            ),
        ],
        [
            "Several carmakers announced new battery plants in the United States during 2024.",
        ],
    ),
    (
        {
            "en": (
                "The United States recorded 1,288 measles cases by 15 July 2025, the most since "
                "1992."
            ),
            "fr": (
                "Les États-Unis ont enregistré 1 288 cas de rougeole au 15 juillet 2025, un "
                "record depuis 1992."
            ),
            "ar": (
                "سجّلت الولايات المتحدة 1288 إصابة بالحصبة حتى 15 يوليو 2025، وهو أعلى عدد منذ "
                "عام 1992."
            ),
        },
        [
            (
                "American health authorities reported 1,288 measles cases nationwide as of 15 "
                "July 2025, the highest tally since 1992."
            ),
            (
                "Au 15 juillet 2025, les autorités sanitaires américaines recensaient 1 288 cas "
                "de rougeole, du jamais-vu depuis 1992."
            ),
            (
                "أحصت السلطات الصحية الأمريكية 1288 حالة حصبة حتى 15 يوليو 2025، في أعلى حصيلة "
                "تُسجَّل منذ عام 1992."
            ),
        ],
        [
            "Latin America recorded 1,288 measles cases by 15 July 2025, the most since 1992.",
            (
                "L'Amérique latine a enregistré 1 288 cas de rougeole au 15 juillet 2025, un "
                "record depuis 1992."
            ),
            (
                "سجّلت دول أمريكا اللاتينية 1288 إصابة بالحصبة حتى 15 يوليو 2025، وهو أعلى عدد "
                "منذ عام 1992."
            ),
        ],
        [
            (
                "Measles vaccination coverage among US kindergartners stood at 92.7% in the "
                "2023-24 school year."
            ),
            (
                "بلغت نسبة التطعيم ضد الحصبة بين أطفال رياض الأطفال في الولايات المتحدة 92.7% في "
                "العام الدراسي 2023-2024."
            ),
        ],
    ),
]
