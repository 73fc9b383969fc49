"""A privative word said of something restates a denial; a claim that denies is not borne out by
a text that denies nothing (evidence check revision 37).

Found among the weighed pair sets' wrong contradictions: « Tu ne peux pas voir l'audience »
against « L'audience est invisible » (and its Arabic «الجمهور غير مرئي», and across languages),
three times shown contradicting. A battery written before the rule (14 stories in en/fr/ar,
every language pair: "The suspect has not been identified" restated as "remains unidentified",
"not paid for five months" as « cinq mois de salaires impayés », «لم يكونوا مسلحين» as
« étaient désarmés »; five stories the other way round, the claim privative) showed **3
restatements contradicting** (int8 3) and, in int8, one opposite and one text that is neither
shown supporting (« L'immeuble … était inhabité » against "Eleven families were living in the
block"). With a privative word said of something (after a copula, "remains", « reste », a
definite Arabic noun or «ما زالت»; never a word of a name: "unknown gunmen", «مسلحون مجهولون»)
counted as a denial in other words, and a claim that denies held back from support where the
text denies nothing: none of either.

Left (a strict xfail below): a claim that denies against another detail of its story, across
languages ("Police in Lyon have not identified the man who stabbed two commuters …" against
«خرج الراكبان … من المستشفى بعد يومين»): 8 of its 52 such rows shown contradicting (int8 9),
before and after. The network reads the claim's denial against any text on the story as a
contradiction, and no check here can tell, across scripts, whether the text states the act
the claim denies (undoing the claim's denial and reading again separates them on news but
loses a third of XNLI's right contradictions: `research/NOTEBOOK.md`).
"""

from __future__ import annotations

import pytest

from corroborate.stance.allegations import denial_unstated
from corroborate.stance.denials import denies_in_other_words, privative
from corroborate.stance.evidence import find_conflicts, restated_denial, weigh

from .test_stance_evidence import probs
from .test_stance_places_and_accusations import _engine_labels


@pytest.mark.parametrize("text", [
    "The suspect remains unidentified, police said.",
    "The court ruled that the strike was illegal.",
    "Les ouvriers restent impayés depuis cinq mois.",
    "L'audience est invisible; chaque spectateur est dans son coin.",
    "هوية المهاجم ما زالت مجهولة.",
    "الجمهور غير مرئي في الصالة.",
    "They are owed five months of unpaid wages.",
])
def test_a_privative_word_said_of_something_is_found(text: str) -> None:
    assert privative(text) is not None, text


@pytest.mark.parametrize("text", [
    "Unknown gunmen killed five soldiers near the border.",
    "مسلحون مجهولون قتلوا خمسة جنود قرب الحدود.",
    "أطلق الجنود النار على العمال غير المسلحين.",
    "Police arrested 40 illegal miners on Monday.",
    "Les travailleurs illégaux ont été expulsés.",
])
def test_a_privative_word_of_a_name_denies_nothing(text: str) -> None:
    assert privative(text) is None, text


@pytest.mark.parametrize(("claim", "text"), [
    ("Tu ne peux pas voir l'audience.", "L'audience est invisible; chaque spectateur est dans "
                                        "son coin."),
    ("You can't see the audience.", "The audience is invisible; each viewer is in his cubicle."),
    ("لا يمكنك رؤية الجمهور.", "الجمهور غير مرئي كل مشاهد في حجرة صغيرة خاصة به."),
    ("Police have not identified the suspect.", "The suspect remains unidentified."),
    ("La police n'a pas identifié le suspect.", "Le suspect reste non identifié."),
])
def test_a_privative_word_restates_a_denial(claim: str, text: str) -> None:
    conflicts = find_conflicts(claim, text)
    assert [c.kind for c in conflicts] == ["negation"]
    assert restated_denial(claim, text, conflicts)
    assert "contradicts" in weigh(claim, text, probs(0.05, 0.9, 0.05)).held_back


def test_the_same_privative_word_on_both_sides_restates_nothing() -> None:
    assert denies_in_other_words("The suspect remains unidentified.",
                                 "The suspect is not unidentified.") == []
    assert denies_in_other_words("Le suspect reste non identifié.",
                                 "La police n'a pas identifié le suspect.") != []
    claim, text = "Police have not identified the suspect.", "Police identified the suspect."
    assert not restated_denial(claim, text, find_conflicts(claim, text))


def test_a_claim_that_denies_is_not_borne_out_by_a_text_that_denies_nothing() -> None:
    claim = "L'immeuble qui s'est effondré à Sousse était inhabité."
    text = "Eleven families were living in the block that collapsed in Sousse."
    assert denial_unstated(claim, text) == "était inhabité"
    assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back
    assert denial_unstated("No one was injured in the blast.",
                           "All the workers escaped the blast unharmed.") is None
    assert denial_unstated("The minister did not resign.", "The minister said she would "
                           "not resign.") is None
    assert denial_unstated("The minister did not resign.", "The minister resigned.") == "not"
    # a correcting phrase denies what follows it: "rather than Cairo"
    assert denial_unstated("The talks were held in Doha, not in Cairo.",
                           "The talks took place in Doha rather than Cairo.") is None


def _read(battery: list) -> list[tuple[str, str, str, str]]:
    rows = [(c, t, gold) for claims, same, opposite, neither in battery for c in claims.values()
            for gold, texts in (("supports", same), ("contradicts", opposite),
                                ("neutral", neither)) for t in texts]
    return [(c, t, gold, shown) for (c, t, gold), shown
            in zip(rows, _engine_labels(rows), strict=True)]


@pytest.fixture(scope="module")
def privatives() -> list[tuple[str, str, str, str]]:
    return _read(PRIVATIVES)


@pytest.mark.slow
def test_a_privative_restatement_is_never_shown_contradicting(privatives: list) -> None:
    """Measured 2026-12-07: restatements shown contradicting 3 -> 0 (bf16; int8 3 -> 0),
    opposites and others shown supporting 0 -> 0 (int8 2 -> 0); restatements shown supporting
    8 of 153 (int8 5), right contradictions 33 of 126 (int8 28), both unchanged."""
    shown = [(c, t, s) for c, t, gold, s in privatives
             if gold != "neutral" and s in ("supports", "contradicts") and s != gold]
    assert shown == []
    assert [s for *_, gold, s in privatives if gold == "neutral"].count("supports") == 0
    assert [s for *_, gold, s in privatives if gold == "supports"].count("supports") >= 4
    assert [s for *_, gold, s in privatives if gold == "contradicts"].count("contradicts") >= 24


@pytest.mark.slow
@pytest.mark.xfail(strict=True, reason="a claim that denies, against another detail of its "
                   "story across languages, is read as contradicted (8 of 52, bf16)")
def test_another_detail_of_the_story_is_never_shown_contradicting(privatives: list) -> None:
    assert [(c, t) for c, t, gold, s in privatives
            if gold == "neutral" and s == "contradicts"] == []


# (claims in en/fr/ar, restatements, opposites, texts that are neither): written before the rule
PRIVATIVES = [
    (
        {
            "en": (
                "Police in Lyon have not identified the man who stabbed two commuters at "
                "Part-Dieu station on 12 March."
            ),
            "fr": (
                "La police de Lyon n'a pas identifié l'homme qui a poignardé deux usagers à la "
                "gare de la Part-Dieu le 12 mars."
            ),
            "ar": (
                "لم تتعرف الشرطة في ليون على هوية الرجل الذي طعن راكبَين في محطة بارت ديو يوم 12 "
                "مارس."
            ),
        },
        [
            (
                "The man who stabbed two commuters at Lyon's Part-Dieu station on 12 March "
                "remains unidentified, police said."
            ),
            (
                "L'homme qui a poignardé deux usagers à la gare de la Part-Dieu, à Lyon, le 12 "
                "mars, reste non identifié, selon la police."
            ),
            (
                "هوية الرجل الذي طعن راكبَين في محطة بارت ديو في ليون يوم 12 مارس مجهولة حتى "
                "الآن، بحسب الشرطة."
            ),
            (
                "Lyon police are still hunting an unidentified attacker who stabbed two commuters "
                "at Part-Dieu station on 12 March."
            ),
        ],
        [
            (
                "Police in Lyon identified the man who stabbed two commuters at Part-Dieu station "
                "on 12 March as a 29-year-old local resident."
            ),
            (
                "La police de Lyon a identifié l'homme qui a poignardé deux usagers à la gare de "
                "la Part-Dieu le 12 mars : il s'agit d'un habitant de la ville âgé de 29 ans."
            ),
            (
                "حددت الشرطة في ليون هوية الرجل الذي طعن راكبَين في محطة بارت ديو يوم 12 مارس، "
                "وهو من سكان المدينة ويبلغ من العمر 29 عاماً."
            ),
        ],
        [
            (
                "The two commuters stabbed at Lyon's Part-Dieu station on 12 March were "
                "discharged from hospital two days later."
            ),
            (
                "خرج الراكبان اللذان تعرضا للطعن في محطة بارت ديو في ليون يوم 12 مارس من المستشفى "
                "بعد يومين."
            ),
        ],
    ),
    (
        {
            "en": (
                "The 850 workers at the Al-Nour steel mill in Misrata have not been paid for five "
                "months."
            ),
            "fr": (
                "Les 850 ouvriers de l'aciérie Al-Nour de Misrata ne sont pas payés depuis cinq "
                "mois."
            ),
            "ar": (
                "لم يتقاضَ عمال مصنع النور للصلب في مصراتة، وعددهم 850 عاملاً، رواتبهم منذ خمسة "
                "أشهر."
            ),
        },
        [
            (
                "Five months of unpaid wages are owed to the 850 workers of the Al-Nour steel "
                "mill in Misrata."
            ),
            (
                "Les 850 ouvriers de l'aciérie Al-Nour de Misrata cumulent cinq mois de salaires "
                "impayés."
            ),
            "يطالب 850 عاملاً في مصنع النور للصلب في مصراتة برواتب خمسة أشهر غير مدفوعة.",
            (
                "The 850 employees of Misrata's Al-Nour steel mill have gone unpaid for five "
                "months, their union said."
            ),
        ],
        [
            (
                "The Al-Nour steel mill in Misrata has paid its 850 workers in full and on time "
                "for each of the past five months."
            ),
            (
                "L'aciérie Al-Nour de Misrata a versé intégralement et à temps les salaires de "
                "ses 850 ouvriers au cours des cinq derniers mois."
            ),
            (
                "دفع مصنع النور للصلب في مصراتة رواتب عماله الـ850 كاملة وفي موعدها طوال الأشهر "
                "الخمسة الماضية."
            ),
        ],
        [
            (
                "The 850 workers at the Al-Nour steel mill in Misrata elected a new union "
                "representative on Sunday."
            ),
            "يقع مصنع النور للصلب، الذي يعمل فيه 850 عاملاً، في المنطقة الصناعية شرق مصراتة.",
        ],
    ),
    (
        {
            "en": (
                "According to the University of Geneva, the microplastic particles found in Lake "
                "Geneva water samples in June are not visible to the naked eye."
            ),
            "fr": (
                "Selon l'Université de Genève, les particules de microplastique détectées en juin "
                "dans des échantillons d'eau du Léman ne sont pas visibles à l'œil nu."
            ),
            "ar": (
                "بحسب جامعة جنيف، لا تُرى جزيئات البلاستيك الدقيقة التي رُصدت في يونيو في عينات "
                "من مياه بحيرة ليمان بالعين المجردة."
            ),
        },
        [
            (
                "The microplastic particles found in Lake Geneva water samples in June are "
                "invisible to the naked eye, the University of Geneva said."
            ),
            (
                "Selon l'Université de Genève, les particules de microplastique détectées en juin "
                "dans des échantillons d'eau du Léman sont invisibles à l'œil nu."
            ),
            (
                "أفادت جامعة جنيف بأن جزيئات البلاستيك الدقيقة التي رُصدت في يونيو في عينات من "
                "مياه بحيرة ليمان غير مرئية بالعين المجردة."
            ),
        ],
        [
            (
                "The microplastic particles found in Lake Geneva water samples in June are "
                "clearly visible to the naked eye, the University of Geneva said."
            ),
            (
                "Selon l'Université de Genève, les particules de microplastique détectées en juin "
                "dans des échantillons d'eau du Léman sont parfaitement visibles à l'œil nu."
            ),
            (
                "بحسب جامعة جنيف، فإن جزيئات البلاستيك الدقيقة التي رُصدت في يونيو في عينات من "
                "مياه بحيرة ليمان تُرى بوضوح بالعين المجردة."
            ),
        ],
        [
            (
                "The University of Geneva collected the Lake Geneva water samples at twelve sites "
                "in June."
            ),
            (
                "L'Université de Genève a prélevé en juin des échantillons d'eau du Léman sur "
                "douze sites."
            ),
        ],
    ),
    (
        {
            "en": (
                "A Madrid labour court ruled that the strike by Metro de Madrid drivers on 3 May "
                "was not legal."
            ),
            "fr": (
                "Un tribunal du travail de Madrid a jugé que la grève des conducteurs du métro de "
                "Madrid du 3 mai n'était pas légale."
            ),
            "ar": "قضت محكمة عمل في مدريد بأن إضراب سائقي مترو مدريد في 3 مايو لم يكن قانونياً.",
        },
        [
            "A Madrid labour court declared the 3 May strike by Metro de Madrid drivers illegal.",
            (
                "Un tribunal du travail de Madrid a déclaré illégale la grève des conducteurs du "
                "métro de Madrid du 3 mai."
            ),
            "قضت محكمة عمل في مدريد بأن إضراب سائقي مترو مدريد في 3 مايو غير قانوني.",
            (
                "The 3 May walkout by Metro de Madrid drivers was unlawful, a Madrid labour court "
                "ruled."
            ),
        ],
        [
            (
                "A Madrid labour court ruled that the 3 May strike by Metro de Madrid drivers was "
                "entirely legal."
            ),
            (
                "Un tribunal du travail de Madrid a jugé que la grève des conducteurs du métro de "
                "Madrid du 3 mai était parfaitement légale."
            ),
            "قضت محكمة عمل في مدريد بأن إضراب سائقي مترو مدريد في 3 مايو كان قانونياً تماماً.",
        ],
        [
            (
                "About 1,400 Metro de Madrid drivers took part in the 3 May strike, according to "
                "their union."
            ),
            "شارك نحو 1400 سائق من سائقي مترو مدريد في إضراب 3 مايو، بحسب نقابتهم.",
        ],
    ),
    (
        {
            "en": (
                "The three men killed by soldiers at a checkpoint near El Fasher on 9 August were "
                "not armed, Human Rights Watch said."
            ),
            "fr": (
                "Les trois hommes tués par des soldats à un poste de contrôle près d'El Fasher le "
                "9 août n'étaient pas armés, selon Human Rights Watch."
            ),
            "ar": (
                "قالت هيومن رايتس ووتش إن الرجال الثلاثة الذين قتلهم جنود عند حاجز قرب الفاشر في "
                "9 أغسطس لم يكونوا مسلحين."
            ),
        },
        [
            (
                "The three men shot dead by soldiers at a checkpoint near El Fasher on 9 August "
                "were unarmed, according to Human Rights Watch."
            ),
            (
                "Selon Human Rights Watch, les trois hommes abattus par des soldats à un poste de "
                "contrôle près d'El Fasher le 9 août étaient désarmés."
            ),
            (
                "أكدت هيومن رايتس ووتش أن الرجال الثلاثة الذين قتلهم جنود عند حاجز قرب الفاشر في "
                "9 أغسطس كانوا عُزّلاً."
            ),
        ],
        [
            (
                "The three men killed by soldiers at a checkpoint near El Fasher on 9 August were "
                "carrying assault rifles, Human Rights Watch said."
            ),
            (
                "Les trois hommes tués par des soldats à un poste de contrôle près d'El Fasher le "
                "9 août étaient armés de fusils d'assaut, selon Human Rights Watch."
            ),
            (
                "قالت هيومن رايتس ووتش إن الرجال الثلاثة الذين قتلهم جنود عند حاجز قرب الفاشر في "
                "9 أغسطس كانوا يحملون بنادق هجومية."
            ),
        ],
        [
            (
                "Human Rights Watch called for an independent inquiry into the killing of three "
                "men at a checkpoint near El Fasher on 9 August."
            ),
            (
                "Les trois hommes tués près d'El Fasher le 9 août ont été enterrés le lendemain "
                "dans leur village, selon Human Rights Watch."
            ),
        ],
    ),
    (
        {
            "en": (
                "It is not possible to travel by train between Brussels and Amsterdam until 14 "
                "July because of track works near Antwerp."
            ),
            "fr": (
                "Il n'est pas possible de voyager en train entre Bruxelles et Amsterdam jusqu'au "
                "14 juillet en raison de travaux sur les voies près d'Anvers."
            ),
            "ar": (
                "لا يمكن السفر بالقطار بين بروكسل وأمستردام حتى 14 يوليو بسبب أشغال على السكة "
                "الحديدية قرب أنتويرب."
            ),
        },
        [
            (
                "Track works near Antwerp make train travel between Brussels and Amsterdam "
                "impossible until 14 July."
            ),
            (
                "Il est impossible de voyager en train entre Bruxelles et Amsterdam jusqu'au 14 "
                "juillet à cause de travaux sur les voies près d'Anvers."
            ),
            (
                "السفر بالقطار بين بروكسل وأمستردام مستحيل حتى 14 يوليو بسبب أشغال على السكة "
                "الحديدية قرب أنتويرب."
            ),
            (
                "Rail service between Brussels and Amsterdam is unavailable until 14 July due to "
                "track works near Antwerp."
            ),
        ],
        [
            (
                "Trains between Brussels and Amsterdam will keep running normally through 14 July "
                "despite the track works near Antwerp."
            ),
            (
                "Les trains continueront de circuler normalement entre Bruxelles et Amsterdam "
                "jusqu'au 14 juillet malgré les travaux sur les voies près d'Anvers."
            ),
            (
                "ستواصل القطارات السير بشكل طبيعي بين بروكسل وأمستردام حتى 14 يوليو رغم أشغال "
                "السكة الحديدية قرب أنتويرب."
            ),
        ],
        [
            (
                "The track works near Antwerp, due to end on 14 July, are costing the Belgian "
                "rail infrastructure manager Infrabel 38 million euros."
            ),
            (
                "Les travaux sur les voies près d'Anvers, qui doivent s'achever le 14 juillet, "
                "coûtent 38 millions d'euros au gestionnaire Infrabel."
            ),
        ],
    ),
    (
        {
            "en": (
                "The cancer drug pembrolizumab has not been available at Ibn Sina University "
                "Hospital in Rabat since 1 March."
            ),
            "fr": (
                "Le pembrolizumab, un médicament anticancéreux, n'est plus disponible au CHU Ibn "
                "Sina de Rabat depuis le 1er mars."
            ),
            "ar": (
                "لم يعد دواء بيمبروليزوماب المضاد للسرطان متوفراً في المركز الاستشفائي الجامعي "
                "ابن سينا بالرباط منذ 1 مارس."
            ),
        },
        [
            (
                "The cancer drug pembrolizumab has been unavailable at Ibn Sina University "
                "Hospital in Rabat since 1 March."
            ),
            (
                "Le pembrolizumab est indisponible au CHU Ibn Sina de Rabat depuis le 1er mars, "
                "ce qui retarde le traitement de patients atteints de cancer."
            ),
            (
                "دواء بيمبروليزوماب المضاد للسرطان غير متاح في المركز الاستشفائي الجامعي ابن سينا "
                "بالرباط منذ 1 مارس."
            ),
        ],
        [
            (
                "Ibn Sina University Hospital in Rabat has had the cancer drug pembrolizumab in "
                "stock continuously since 1 March."
            ),
            "Le CHU Ibn Sina de Rabat dispose du pembrolizumab en continu depuis le 1er mars.",
            (
                "يتوفر دواء بيمبروليزوماب المضاد للسرطان بشكل متواصل في المركز الاستشفائي الجامعي "
                "ابن سينا بالرباط منذ 1 مارس."
            ),
        ],
        [
            (
                "Ibn Sina University Hospital in Rabat treats about 3,000 cancer patients a year, "
                "some of them with pembrolizumab."
            ),
            (
                "يعالج المركز الاستشفائي الجامعي ابن سينا بالرباط نحو 3000 مريض بالسرطان سنوياً، "
                "بعضهم بدواء بيمبروليزوماب."
            ),
        ],
    ),
    (
        {
            "en": "The results of the 25 May municipal by-election in Nabeul are not yet known.",
            "fr": (
                "Les résultats de l'élection municipale partielle du 25 mai à Nabeul ne sont pas "
                "encore connus."
            ),
            "ar": "لم تُعرف بعد نتائج الانتخابات البلدية الجزئية التي جرت في نابل يوم 25 مايو.",
        },
        [
            "The outcome of Nabeul's 25 May municipal by-election is still unknown.",
            "Les résultats de l'élection municipale partielle du 25 mai à Nabeul restent inconnus.",
            "نتائج الانتخابات البلدية الجزئية التي جرت في نابل يوم 25 مايو مجهولة حتى الآن.",
            (
                "The results of the 25 May municipal by-election in Nabeul remain unknown as the "
                "count continues."
            ),
        ],
        [
            (
                "The results of Nabeul's 25 May municipal by-election were announced on Monday, "
                "with the independent list winning 54% of the vote."
            ),
            (
                "Les résultats de l'élection municipale partielle du 25 mai à Nabeul ont été "
                "proclamés lundi : la liste indépendante l'emporte avec 54 % des voix."
            ),
            (
                "أُعلنت يوم الاثنين نتائج الانتخابات البلدية الجزئية التي جرت في نابل يوم 25 "
                "مايو، وفازت فيها القائمة المستقلة بنسبة 54% من الأصوات."
            ),
        ],
        [
            (
                "Turnout in Nabeul's 25 May municipal by-election was 31%, according to Tunisia's "
                "electoral authority ISIE."
            ),
            (
                "Le taux de participation à l'élection municipale partielle du 25 mai à Nabeul "
                "s'est établi à 31 %, selon l'ISIE."
            ),
        ],
    ),
    (
        {
            "en": (
                "The Olympic aquatics centre in Dakar is not finished, four months before the "
                "2026 Youth Olympic Games open on 31 October."
            ),
            "fr": (
                "Le centre aquatique olympique de Dakar n'est pas terminé, à quatre mois de "
                "l'ouverture des Jeux olympiques de la jeunesse 2026, le 31 octobre."
            ),
            "ar": (
                "لم يُستكمل بناء المركز الأولمبي للرياضات المائية في داكار، قبل أربعة أشهر من "
                "افتتاح دورة الألعاب الأولمبية للشباب 2026 في 31 أكتوبر."
            ),
        },
        [
            (
                "Four months before the 2026 Youth Olympic Games open on 31 October, Dakar's "
                "Olympic aquatics centre is still unfinished."
            ),
            (
                "À quatre mois de l'ouverture des Jeux olympiques de la jeunesse 2026, le 31 "
                "octobre, le centre aquatique olympique de Dakar est toujours inachevé."
            ),
            (
                "يبقى المركز الأولمبي للرياضات المائية في داكار غير مكتمل، قبل أربعة أشهر من "
                "افتتاح دورة الألعاب الأولمبية للشباب 2026 في 31 أكتوبر."
            ),
            (
                "Work on Dakar's Olympic aquatics centre remains incomplete four months ahead of "
                "the 31 October opening of the 2026 Youth Olympic Games."
            ),
        ],
        [
            (
                "Dakar's Olympic aquatics centre has been completed, four months before the 2026 "
                "Youth Olympic Games open on 31 October."
            ),
            (
                "Le centre aquatique olympique de Dakar est achevé, à quatre mois de l'ouverture "
                "des Jeux olympiques de la jeunesse 2026, le 31 octobre."
            ),
            (
                "اكتمل بناء المركز الأولمبي للرياضات المائية في داكار، قبل أربعة أشهر من افتتاح "
                "دورة الألعاب الأولمبية للشباب 2026 في 31 أكتوبر."
            ),
        ],
        [
            (
                "Dakar's Olympic aquatics centre is due to host the swimming events of the 2026 "
                "Youth Olympic Games, which open on 31 October."
            ),
            (
                "Le centre aquatique olympique de Dakar doit accueillir les épreuves de natation "
                "des Jeux olympiques de la jeunesse 2026, qui s'ouvrent le 31 octobre."
            ),
        ],
    ),
    (
        {
            "en": (
                "The apartment block that collapsed in Sousse on 3 February was uninhabited, the "
                "civil protection said."
            ),
            "fr": (
                "L'immeuble qui s'est effondré à Sousse le 3 février était inhabité, selon la "
                "protection civile."
            ),
            "ar": (
                "كان المبنى السكني الذي انهار في سوسة يوم 3 فبراير غير مأهول، بحسب الحماية "
                "المدنية."
            ),
        },
        [
            (
                "Nobody was living in the apartment block that collapsed in Sousse on 3 February, "
                "according to the civil protection."
            ),
            (
                "L'immeuble qui s'est effondré à Sousse le 3 février n'était pas habité, a "
                "indiqué la protection civile."
            ),
            (
                "لم يكن المبنى السكني الذي انهار في سوسة يوم 3 فبراير مأهولاً بالسكان، وفق "
                "الحماية المدنية."
            ),
            (
                "The apartment block that collapsed in Sousse on 3 February was not inhabited, "
                "civil protection officials said."
            ),
        ],
        [
            (
                "Eleven families were living in the apartment block that collapsed in Sousse on 3 "
                "February, the civil protection said."
            ),
            (
                "Onze familles habitaient l'immeuble qui s'est effondré à Sousse le 3 février, "
                "selon la protection civile."
            ),
            (
                "كانت إحدى عشرة عائلة تسكن المبنى السكني الذي انهار في سوسة يوم 3 فبراير، بحسب "
                "الحماية المدنية."
            ),
        ],
        [
            (
                "The apartment block that collapsed in Sousse on 3 February had been built in "
                "1974, the civil protection said."
            ),
            "شُيّد المبنى السكني الذي انهار في سوسة يوم 3 فبراير عام 1974، بحسب الحماية المدنية.",
        ],
    ),
    (
        {
            "en": (
                "The 2025 collective agreement between Air Algérie and its pilots' union is still "
                "unsigned."
            ),
            "fr": (
                "La convention collective 2025 entre Air Algérie et le syndicat de ses pilotes "
                "reste non signée."
            ),
            "ar": (
                "اتفاقية العمل الجماعية لعام 2025 بين الخطوط الجوية الجزائرية ونقابة طياريها غير "
                "موقّعة حتى الآن."
            ),
        },
        [
            (
                "Air Algérie and its pilots' union have not yet signed their 2025 collective "
                "agreement."
            ),
            (
                "Air Algérie et le syndicat de ses pilotes n'ont toujours pas signé la convention "
                "collective 2025."
            ),
            (
                "لم توقّع الخطوط الجوية الجزائرية ونقابة طياريها بعد على اتفاقية العمل الجماعية "
                "لعام 2025."
            ),
        ],
        [
            (
                "Air Algérie and its pilots' union signed their 2025 collective agreement in "
                "Algiers on Thursday."
            ),
            (
                "Air Algérie et le syndicat de ses pilotes ont signé jeudi à Alger la convention "
                "collective 2025."
            ),
            (
                "وقّعت الخطوط الجوية الجزائرية ونقابة طياريها يوم الخميس في الجزائر العاصمة على "
                "اتفاقية العمل الجماعية لعام 2025."
            ),
        ],
        [
            (
                "The 2025 collective agreement negotiated between Air Algérie and its pilots' "
                "union covers about 600 pilots."
            ),
            (
                "La convention collective 2025 négociée entre Air Algérie et le syndicat de ses "
                "pilotes concerne environ 600 pilotes."
            ),
        ],
    ),
    (
        {
            "en": (
                "The City of Marseille's 2 April request to the French Interior Ministry for 150 "
                "additional police officers has gone unanswered."
            ),
            "fr": (
                "La demande adressée le 2 avril par la Ville de Marseille au ministère de "
                "l'Intérieur pour obtenir 150 policiers supplémentaires est restée sans réponse."
            ),
            "ar": (
                "بقي الطلب الذي وجهته بلدية مرسيليا في 2 أبريل إلى وزارة الداخلية الفرنسية للحصول "
                "على 150 شرطياً إضافياً دون رد."
            ),
        },
        [
            (
                "The French Interior Ministry has not replied to the City of Marseille's 2 April "
                "request for 150 additional police officers."
            ),
            (
                "Le ministère de l'Intérieur n'a pas répondu à la demande de la Ville de "
                "Marseille, envoyée le 2 avril, de 150 policiers supplémentaires."
            ),
            (
                "لم تردّ وزارة الداخلية الفرنسية على طلب بلدية مرسيليا المؤرخ في 2 أبريل للحصول "
                "على 150 شرطياً إضافياً."
            ),
            (
                "Marseille has received no reply from the Interior Ministry to its 2 April "
                "request for 150 extra police officers."
            ),
        ],
        [
            (
                "The French Interior Ministry replied to the City of Marseille's 2 April request "
                "for 150 additional police officers, agreeing to send 80."
            ),
            (
                "Le ministère de l'Intérieur a répondu à la demande de la Ville de Marseille du 2 "
                "avril portant sur 150 policiers supplémentaires, en acceptant d'en envoyer 80."
            ),
            (
                "ردّت وزارة الداخلية الفرنسية على طلب بلدية مرسيليا المؤرخ في 2 أبريل للحصول على "
                "150 شرطياً إضافياً، ووافقت على إرسال 80 منهم."
            ),
        ],
        [
            (
                "The City of Marseille's 2 April request for 150 additional police officers "
                "followed a rise in drug-related shootings in the city's northern districts."
            ),
            (
                "جاء طلب بلدية مرسيليا في 2 أبريل للحصول على 150 شرطياً إضافياً إثر تزايد حوادث "
                "إطلاق النار المرتبطة بتجارة المخدرات في الأحياء الشمالية للمدينة."
            ),
        ],
    ),
    (
        {
            "en": (
                "Kenyan runner Daniel Kipchumba's attempt to break the marathon world record in "
                "Berlin on 28 September was unsuccessful."
            ),
            "fr": (
                "La tentative du Kényan Daniel Kipchumba de battre le record du monde du marathon "
                "à Berlin, le 28 septembre, a été infructueuse."
            ),
            "ar": (
                "كانت محاولة العداء الكيني دانيال كيبتشومبا تحطيم الرقم القياسي العالمي للماراثون "
                "في برلين يوم 28 سبتمبر غير ناجحة."
            ),
        },
        [
            (
                "Daniel Kipchumba of Kenya did not break the marathon world record in Berlin on "
                "28 September."
            ),
            (
                "Le Kényan Daniel Kipchumba n'a pas réussi à battre le record du monde du "
                "marathon à Berlin le 28 septembre."
            ),
            (
                "لم ينجح العداء الكيني دانيال كيبتشومبا في تحطيم الرقم القياسي العالمي للماراثون "
                "في برلين يوم 28 سبتمبر."
            ),
        ],
        [
            (
                "Kenyan runner Daniel Kipchumba broke the marathon world record in Berlin on 28 "
                "September."
            ),
            (
                "Le Kényan Daniel Kipchumba a battu le record du monde du marathon à Berlin le 28 "
                "septembre."
            ),
            (
                "حطّم العداء الكيني دانيال كيبتشومبا الرقم القياسي العالمي للماراثون في برلين يوم "
                "28 سبتمبر."
            ),
        ],
        [
            (
                "Daniel Kipchumba was paced by four Kenyan teammates at the Berlin Marathon on 28 "
                "September."
            ),
            (
                "Daniel Kipchumba était accompagné de quatre lièvres kényans lors du marathon de "
                "Berlin, le 28 septembre."
            ),
        ],
    ),
    (
        {
            "en": (
                "The fee Al Ahly paid Raja Casablanca to sign striker Youssef Mehri on 3 July is "
                "undisclosed."
            ),
            "fr": (
                "Le montant versé par Al Ahly au Raja de Casablanca pour recruter l'attaquant "
                "Youssef Mehri le 3 juillet est inconnu."
            ),
            "ar": (
                "المبلغ الذي دفعه النادي الأهلي للرجاء البيضاوي للتعاقد مع المهاجم يوسف مهري في 3 "
                "يوليو غير معلن."
            ),
        },
        [
            (
                "Al Ahly has not disclosed how much it paid Raja Casablanca to sign striker "
                "Youssef Mehri on 3 July."
            ),
            (
                "Al Ahly n'a pas révélé combien il a versé au Raja de Casablanca pour recruter "
                "l'attaquant Youssef Mehri le 3 juillet."
            ),
            (
                "لم يكشف النادي الأهلي عن المبلغ الذي دفعه للرجاء البيضاوي للتعاقد مع المهاجم "
                "يوسف مهري في 3 يوليو."
            ),
            (
                "The amount of Youssef Mehri's 3 July transfer from Raja Casablanca to Al Ahly "
                "has not been made public."
            ),
        ],
        [
            (
                "Al Ahly announced that it paid Raja Casablanca 4.5 million dollars to sign "
                "striker Youssef Mehri on 3 July."
            ),
            (
                "Al Ahly a annoncé avoir versé 4,5 millions de dollars au Raja de Casablanca pour "
                "recruter l'attaquant Youssef Mehri le 3 juillet."
            ),
            (
                "أعلن النادي الأهلي أنه دفع 4.5 مليون دولار للرجاء البيضاوي للتعاقد مع المهاجم "
                "يوسف مهري في 3 يوليو."
            ),
        ],
        [
            (
                "Youssef Mehri, signed by Al Ahly from Raja Casablanca on 3 July, scored 14 goals "
                "in the Moroccan league last season."
            ),
            (
                "سجّل يوسف مهري، الذي تعاقد معه النادي الأهلي من الرجاء البيضاوي في 3 يوليو، 14 "
                "هدفاً في الدوري المغربي الموسم الماضي."
            ),
        ],
    ),
]
