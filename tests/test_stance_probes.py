"""Plain probes a reader can judge, in every language pair, read as the engine reads them.

One claim in en, fr and ar; restatements of it (reworded, with or without its context detail
"Iran", in the three languages) and denials of it. A reader calls every restatement support
and every denial a contradiction. The shipped model cannot yet show most of them on their
side (it abstains: "related, no clear stance"), but it must never show one on the *opposite*
side: a restatement shown as contradicting is the worst thing the product can do
(`../shared/notes/stance-probes.md` found "in the city of Kerman" read as contradicting "in
Kerman, Iran" at 0.80–0.88 before the calibration and the evidence check).

Measured 2026-12-03 (int8, calibrated, evidence check revision 2): restatements 3 of 21 shown
supporting (a full translation, fr↔fr/ar), none contradicting; denials 3 of 9 shown
contradicting (those against the Arabic claim), none supporting.
"""

from __future__ import annotations

from typing import Any

import pytest

from corroborate.settings import Settings

pytestmark = pytest.mark.slow

CLAIMS = {
    "en": "The Islamic State claimed responsibility for the twin bombings in Kerman, Iran.",
    "fr": "L'État islamique a revendiqué le double attentat de Kerman, en Iran.",
    "ar": "تبنى تنظيم الدولة الإسلامية التفجيرين المزدوجين في كرمان بإيران.",
}
RESTATEMENTS = [
    ("en", "Islamic State said on Thursday it was behind the two explosions that killed dozens "
           "at a memorial ceremony in the city of Kerman."),
    ("en", "The Islamic State group claimed the two attacks in the city of Kerman."),
    ("en", "Islamic State claimed the twin blasts in Kerman, Iran."),
    ("fr", "Le groupe État islamique a revendiqué jeudi les deux explosions qui ont fait des "
           "dizaines de morts lors d'une cérémonie à Kerman."),
    ("fr", "L'État islamique a revendiqué le double attentat de Kerman, en Iran."),
    ("ar", "أعلن تنظيم الدولة الإسلامية مسؤوليته عن التفجيرين في مدينة كرمان."),
    ("ar", "تبنى تنظيم داعش الهجومين المزدوجين في كرمان الإيرانية."),
]
DENIALS = [
    ("en", "The Islamic State denied any role in the Kerman bombings."),
    ("fr", "L'État islamique n'a pas revendiqué le double attentat de Kerman."),
    ("ar", "نفى تنظيم الدولة الإسلامية أي علاقة له بتفجيري كرمان."),
]


def _labels(claims: dict[str, str], texts: list[tuple[str, str]]
            ) -> dict[tuple[str, str, str], str]:
    """(claim language, passage language, passage) → the label shown."""
    from corroborate.stance import classify_stance, load_stance_model

    model: Any = load_stance_model(Settings.load(env={}))
    return {(lang, plang, text): r.label
            for lang, claim in claims.items()
            for (plang, text), r in zip(texts, classify_stance(claim, [t for _, t in texts],
                                                               model=model), strict=True)}


@pytest.fixture(scope="module")
def readings() -> dict[tuple[str, str, str], str]:
    return _labels(CLAIMS, RESTATEMENTS + DENIALS)


def test_no_restatement_is_shown_contradicting_in_any_language_pair(
        readings: dict[tuple[str, str, str], str]) -> None:
    restated = {k: v for k, v in readings.items() if (k[1], k[2]) in RESTATEMENTS}
    assert len({(k[0], k[1]) for k in restated}) == 9  # every language pair
    wrong = [k for k, label in restated.items() if label == "contradicts"]
    assert not wrong, wrong
    assert sum(label == "supports" for label in restated.values()) >= 2  # measured 3 of 21


def test_no_denial_is_shown_supporting(readings: dict[tuple[str, str, str], str]) -> None:
    denied = {k: v for k, v in readings.items() if (k[1], k[2]) in DENIALS}
    assert not [k for k, label in denied.items() if label == "supports"]
    assert sum(label == "contradicts" for label in denied.values()) >= 1  # measured 3 of 9


# --- a figure restated beside a denial of something else, or beside words that deny nothing ---

FIGURE_CLAIMS = {
    "en": "Norway keeps about 1,200 soldiers in Poland.",
    "fr": "La Norvège maintient environ 1 200 soldats en Pologne.",
    "ar": "تحتفظ النرويج بنحو 1200 جندي في بولندا.",
}
FIGURE_RESTATEMENTS = [
    ("en", "Norway still has about 1,200 soldiers in Poland, the defence ministry said."),
    ("en", "Oslo rejected reports of a withdrawal, noting that its presence remains at about "
           "1,200 soldiers in Poland."),
    ("en", "No fewer than 1,200 Norwegian soldiers are stationed in Poland, not only in the "
           "north."),
    ("fr", "La Norvège maintient environ 1 200 soldats en Pologne, a indiqué le ministère."),
    ("fr", "Oslo a démenti tout retrait, précisant que sa présence reste d'environ 1 200 soldats "
           "en Pologne."),
    ("ar", "لا يزال نحو 1200 جندي نرويجي منتشرين في بولندا."),
    ("ar", "نفت أوسلو أنباء الانسحاب، مؤكدة أن وجودها يبقى عند نحو 1200 جندي في بولندا."),
]
FIGURE_DENIALS = [
    ("en", "Norway does not keep any soldiers in Poland."),
    ("fr", "La Norvège n'a plus aucun soldat en Pologne."),
    ("ar", "لا تحتفظ النرويج بأي جنود في بولندا."),
]


@pytest.fixture(scope="module")
def figure_readings() -> dict[tuple[str, str, str], str]:
    return _labels(FIGURE_CLAIMS, FIGURE_RESTATEMENTS + FIGURE_DENIALS)


def test_a_denial_of_something_else_never_contradicts_the_figure_it_restates(
        figure_readings: dict[tuple[str, str, str], str]) -> None:
    """Measured 2026-12-05 (bf16, evidence check revision 9): restatements 3 of 21 shown
    supporting (fr→fr, and ar→ar for «لا يزال» and «نفت … مؤكدة أن»), none contradicting; the
    denials 0 of 9 shown on a side (abstentions). Before revision 8, « Oslo a démenti tout
    retrait, précisant que … » was shown contradicting the French claim at 0.76."""
    restated = {k: v for k, v in figure_readings.items() if (k[1], k[2]) in FIGURE_RESTATEMENTS}
    assert len({(k[0], k[1]) for k in restated}) == 9
    assert not [k for k, label in restated.items() if label == "contradicts"]
    assert sum(label == "supports" for label in restated.values()) >= 2
    denied = {k: v for k, v in figure_readings.items() if (k[1], k[2]) in FIGURE_DENIALS}
    assert not [k for k, label in denied.items() if label == "supports"]


# --- the same fact said with a denial on one side, or its opposite -------------------------------

# each claim in en/fr/ar, then what a reader calls the same fact put the other way round (a
# denial of the opposite: "did not resign" for "kept her post"), in en, fr and ar
NEGATED_PARAPHRASES = [
    ({"en": "The minister kept her post after the vote.",
      "fr": "La ministre a conservé son poste après le vote.",
      "ar": "احتفظت الوزيرة بمنصبها بعد التصويت."},
     ["The minister did not resign after the vote.",
      "La ministre n'a pas démissionné après le vote.", "لم تستقل الوزيرة بعد التصويت."]),
    ({"en": "All 150 passengers survived the crash landing.",
      "fr": "Les 150 passagers ont tous survécu à l'atterrissage forcé.",
      "ar": "نجا جميع الركاب الـ150 من الهبوط الاضطراري."},
     ["None of the 150 passengers died in the crash landing.",
      "Aucun des 150 passagers n'est mort lors de l'atterrissage forcé.",
      "لم يمت أي من الركاب الـ150 في الهبوط الاضطراري."]),
    ({"en": "The bridge remained closed on Tuesday.", "fr": "Le pont est resté fermé mardi.",
      "ar": "ظل الجسر مغلقا يوم الثلاثاء."},
     ["The bridge had still not reopened on Tuesday.",
      "Le pont n'avait toujours pas rouvert mardi.", "لم يُعد فتح الجسر حتى يوم الثلاثاء."]),
    ({"en": "The strike ended without an agreement.", "fr": "La grève s'est terminée sans accord.",
      "ar": "انتهى الإضراب دون التوصل إلى اتفاق."},
     ["No agreement was reached before the strike ended.",
      "Aucun accord n'a été trouvé avant la fin de la grève.",
      "لم يتم التوصل إلى أي اتفاق قبل انتهاء الإضراب."]),
    ({"en": "The court acquitted the former mayor on 5 June.",
      "fr": "Le tribunal a acquitté l'ancien maire le 5 juin.",
      "ar": "برأت المحكمة رئيس البلدية السابق في 5 يونيو."},
     ["The former mayor was found not guilty on June 5.",
      "L'ancien maire a été déclaré non coupable le 5 juin.",
      "قضت المحكمة في الخامس من حزيران/يونيو بعدم إدانة رئيس البلدية السابق."]),
    ({"en": "The ceasefire held through the weekend.",
      "fr": "Le cessez-le-feu a tenu tout le week-end.",
      "ar": "صمد وقف إطلاق النار طوال عطلة نهاية الأسبوع."},
     ["No violations of the ceasefire were reported over the weekend.",
      "Aucune violation du cessez-le-feu n'a été signalée pendant le week-end.",
      "لم تسجل أي خروقات لوقف إطلاق النار خلال عطلة نهاية الأسبوع."]),
]
# … and plain denials of a claim, which a reader calls contradicting
PLAIN_DENIALS = [
    ("The minister resigned after the vote.", "The minister did not resign after the vote."),
    ("The minister resigned after the vote.", "La ministre n'a pas démissionné après le vote."),
    ("Egypt reopened the Rafah crossing on Saturday.",
     "Egypt did not reopen the Rafah crossing on Saturday."),
    ("L'Égypte a rouvert samedi le point de passage de Rafah.", "مصر لم تفتح معبر رفح يوم السبت."),
    ("The president will attend the summit in Cairo.",
     "The president will not attend the summit in Cairo."),
    ("The ceasefire held through the weekend.", "The ceasefire did not hold over the weekend."),
]


def _engine_labels(pairs: list[tuple[str, str, str]]) -> list[str]:
    """The label shown for each (claim, passage, gold) pair, read as the engine reads it."""
    from corroborate.stance import load_stance_model
    from corroborate.stance.data import StancePair
    from corroborate.stance.evaluate import engine_reading, evaluate_pairs

    settings = Settings.load(env={})
    shown: list[str] = []
    evaluate_pairs(load_stance_model(settings),
                   [StancePair(f"p{k}", c, t, gold, "probe", "", f"p{k}")
                    for k, (c, t, gold) in enumerate(pairs)],
                   sink=lambda row: shown.append(str(row["predicted"])),
                   **engine_reading(settings))
    return shown


def _read_both_ways(battery: list) -> tuple[list[str], list[str]]:
    """The labels shown for each claim against its facts restated, then against their
    opposites: a battery is (claims, facts, opposites) triples."""
    same = [(c, t, "supports") for claims, facts, _ in battery for c in claims for t in facts]
    opposite = [(c, t, "contradicts") for claims, _, opposites in battery
                for c in claims for t in opposites]
    shown = _engine_labels(same + opposite)
    return shown[:len(same)], shown[len(same):]


def test_the_same_fact_put_the_other_way_round_is_rarely_shown_contradicting() -> None:
    """« Aucune violation du cessez-le-feu n'a été signalée » says the ceasefire held: a denial
    the claim does not deny. Measured 2026-12-06 (bf16, evidence check revision 10): before
    step 4 asked a denial to deny what the claim states (``reading.affirm_denials``), 18 of
    the 54 were shown contradicting, at 0.69–0.87; now 5 ("did not resign" for "kept her
    post", "not guilty" for "acquitted", « aucun … n'est mort » for « ont tous survécu »:
    undone, the network reads the opposite as support). The plain denials: 6 of 6 shown
    contradicting, before and after."""
    pairs = [(claim, text, "supports") for claims, texts in NEGATED_PARAPHRASES
             for claim in claims.values() for text in texts]
    assert len(pairs) == 54  # every claim language against every passage language
    shown = _engine_labels(pairs + [(c, t, "contradicts") for c, t in PLAIN_DENIALS])
    restated, denied = shown[:len(pairs)], shown[len(pairs):]
    assert restated.count("contradicts") <= 5
    assert denied.count("contradicts") >= 5 and "supports" not in denied


# a claim that itself denies, against the same fact stated positively, in en/fr/ar
CLAIMS_THAT_DENY = [
    ({"en": "No one was injured in the blast.", "fr": "Personne n'a été blessé dans l'explosion.",
      "ar": "لم يصب أحد بأذى في الانفجار."},
     ["All the workers escaped the blast unharmed.",
      "Tous les ouvriers sont sortis indemnes de l'explosion.",
      "خرج جميع العمال سالمين من الانفجار."]),
    ({"en": "The minister did not resign after the vote.",
      "fr": "La ministre n'a pas démissionné après le vote.",
      "ar": "لم تستقل الوزيرة بعد التصويت."},
     ["The minister kept her post after the vote.",
      "La ministre a conservé son poste après le vote.", "احتفظت الوزيرة بمنصبها بعد التصويت."]),
    ({"en": "The airport did not reopen on Monday.", "fr": "L'aéroport n'a pas rouvert lundi.",
      "ar": "لم يُعد فتح المطار يوم الاثنين."},
     ["The airport remained closed on Monday.", "L'aéroport est resté fermé lundi.",
      "ظل المطار مغلقا يوم الاثنين."]),
]


def test_a_claim_that_denies_is_not_contradicted_by_the_same_fact_stated_positively() -> None:
    """Measured 2026-12-06 (bf16): 17 of the 27 were shown contradicting at 0.72-0.87 before
    evidence check revision 13 (a denial the other side may state in other words, "escaped
    unharmed", « est resté fermé », «ظل مغلقا», is no conflict); none after. These probes
    suggested the revision's words: the battery below was written after it."""
    pairs = [(claim, text, "supports") for claims, texts in CLAIMS_THAT_DENY
             for claim in claims.values() for text in texts]
    assert "contradicts" not in _engine_labels(pairs)


# written after revision 13's words were chosen: a claim that denies (en, fr, ar), the same
# fact in other words, and a text stating what it denies (some with a word that may deny
# elsewhere in it: "without warning", "the rest escaped")
DENIALS_AND_THEIR_FACTS = [
    (["The bank did not raise interest rates in March.",
      "La banque n'a pas relevé ses taux d'intérêt en mars.",
      "لم يرفع البنك أسعار الفائدة في مارس."],
     ["The bank left interest rates unchanged in March.",
      "La banque a maintenu ses taux d'intérêt inchangés en mars.",
      "أبقى البنك أسعار الفائدة دون تغيير في مارس."],
     ["The bank raised interest rates in March.", "La banque a relevé ses taux d'intérêt en mars.",
      "رفع البنك أسعار الفائدة في مارس."]),
    (["The suspect has not been caught.", "Le suspect n'a pas été arrêté.",
      "لم يُقبض على المشتبه به."],
     ["The suspect remains at large.", "Le suspect est toujours en fuite.",
      "لا يزال المشتبه به طليقا."],
     ["The suspect was caught on Friday.", "Le suspect a été arrêté vendredi.",
      "قُبض على المشتبه به يوم الجمعة."]),
    (["The ship did not sink.", "Le navire n'a pas coulé.", "لم تغرق السفينة."],
     ["The ship stayed afloat.", "Le navire est resté à flot.", "ظلت السفينة طافية."],
     ["The ship sank.", "Le navire a coulé.", "غرقت السفينة."]),
    (["The singer did not attend the ceremony.", "La chanteuse n'a pas assisté à la cérémonie.",
      "لم تحضر المغنية الحفل."],
     ["The singer was absent from the ceremony.", "La chanteuse était absente de la cérémonie.",
      "غابت المغنية عن الحفل."],
     ["The singer attended the ceremony.", "La chanteuse a assisté à la cérémonie.",
      "حضرت المغنية الحفل."]),
    (["The president did not sign the bill.", "Le président n'a pas signé la loi.",
      "لم يوقع الرئيس على القانون."],
     ["The president refused to sign the bill.", "Le président a refusé de signer la loi.",
      "رفض الرئيس التوقيع على القانون."],
     ["The president signed the bill.", "Le président a signé la loi.",
      "وقع الرئيس على القانون."]),
    (["No passengers were hurt in the crash.", "Aucun passager n'a été blessé dans l'accident.",
      "لم يصب أي راكب في الحادث."],
     ["All passengers survived the crash uninjured.",
      "Tous les passagers sont sortis indemnes de l'accident.",
      "نجا جميع الركاب من الحادث دون إصابات."],
     ["Several passengers were hurt in the crash.",
      "Plusieurs passagers ont été blessés dans l'accident.", "أصيب عدد من الركاب في الحادث."]),
    (["The factory did not close.", "L'usine n'a pas fermé.", "لم يغلق المصنع."],
     ["The factory kept operating.", "L'usine a continué de fonctionner.", "واصل المصنع العمل."],
     ["The factory closed.", "L'usine a fermé.", "أُغلق المصنع."]),
    (["The government did not cut fuel subsidies.",
      "Le gouvernement n'a pas réduit les subventions aux carburants.",
      "لم تخفض الحكومة دعم الوقود."],
     ["The government kept fuel subsidies in place.",
      "Le gouvernement a conservé les subventions aux carburants.", "أبقت الحكومة على دعم الوقود."],
     ["The government cut fuel subsidies without warning.",
      "Le gouvernement a réduit les subventions aux carburants sans prévenir.",
      "خفضت الحكومة دعم الوقود دون سابق إنذار."]),
    (["The striker did not play in the final.", "L'attaquant n'a pas joué la finale.",
      "لم يشارك المهاجم في المباراة النهائية."],
     ["The striker missed the final.", "L'attaquant a manqué la finale.",
      "غاب المهاجم عن المباراة النهائية."],
     ["The striker played the whole final.", "L'attaquant a joué toute la finale.",
      "شارك المهاجم في المباراة النهائية كاملة."]),
    (["The company did not pay the fine.", "L'entreprise n'a pas payé l'amende.",
      "لم تدفع الشركة الغرامة."],
     ["The company refused to pay the fine.", "L'entreprise a refusé de payer l'amende.",
      "رفضت الشركة دفع الغرامة."],
     ["The company paid the fine.", "L'entreprise a payé l'amende.", "دفعت الشركة الغرامة."]),
    (["The border did not open on Sunday.", "La frontière n'a pas ouvert dimanche.",
      "لم تفتح الحدود يوم الأحد."],
     ["The border remained closed on Sunday.", "La frontière est restée fermée dimanche.",
      "ظلت الحدود مغلقة يوم الأحد."],
     ["The border opened on Sunday.", "La frontière a ouvert dimanche.",
      "فتحت الحدود يوم الأحد."]),
    (["No soldiers were killed in the ambush.", "Aucun soldat n'a été tué dans l'embuscade.",
      "لم يقتل أي جندي في الكمين."],
     ["All the soldiers survived the ambush.", "Tous les soldats ont survécu à l'embuscade.",
      "نجا جميع الجنود من الكمين."],
     ["Two soldiers were killed in the ambush; the rest escaped.",
      "Deux soldats ont été tués dans l'embuscade ; les autres ont pu s'échapper.",
      "قتل جنديان في الكمين ونجا الباقون."]),
]


def test_a_denial_is_rarely_contradicted_by_its_own_fact_and_still_by_the_opposite() -> None:
    """Measured 2026-12-06 (bf16), before revision 13 → 13 → 16: the same fact in other words
    shown contradicting 37 → 15 → 0 of 108 (revision 16 took "stayed afloat", "survived",
    «أبقت» from what 13 left, so this battery no longer measures it: see the next); the
    opposite shown contradicting 92 → 84 → 87 of 108 (revision 13 lost "without warning", «
    sans prévenir », a manner, not a denial; 16 took it back for the Arabic «دون سابق
    إنذار»); none of either shown on the wrong side as support. On a host without bf16 units
    (int8, AVX2), the opposite is shown contradicting 81 times of 108: the floor holds both."""
    restated, denied = _read_both_ways(DENIALS_AND_THEIR_FACTS)
    assert restated.count("contradicts") <= 2
    assert denied.count("contradicts") >= 80 and "supports" not in denied


# a count given as a bound or a round figure, in en/fr/ar: the count it may be, and one it
# cannot be
BOUNDS = [
    (["At least 40 people were killed in the floods.",
      "Au moins 40 personnes ont été tuées dans les inondations.",
      "قُتل ما لا يقل عن 40 شخصا في الفيضانات."],
     ["The floods killed 52 people.", "Les inondations ont fait 52 morts.",
      "أودت الفيضانات بحياة 52 شخصا."],
     ["The floods killed 12 people.", "Les inondations ont fait 12 morts.",
      "أودت الفيضانات بحياة 12 شخصا."]),
    (["More than 300 flights were cancelled on Friday.",
      "Plus de 300 vols ont été annulés vendredi.", "أُلغيت أكثر من 300 رحلة يوم الجمعة."],
     ["Airlines cancelled 340 flights on Friday.", "Les compagnies ont annulé 340 vols vendredi.",
      "ألغت شركات الطيران 340 رحلة يوم الجمعة."],
     ["Airlines cancelled 120 flights on Friday.", "Les compagnies ont annulé 120 vols vendredi.",
      "ألغت شركات الطيران 120 رحلة يوم الجمعة."]),
    (["Nearly 2,000 people were evacuated from the town.",
      "Près de 2 000 personnes ont été évacuées de la ville.",
      "تم إجلاء قرابة 2000 شخص من البلدة."],
     ["Some 1,950 residents were evacuated from the town.",
      "Quelque 1 950 habitants ont été évacués de la ville.", "تم إجلاء 1950 من سكان البلدة."],
     ["Some 5,000 residents were evacuated from the town.",
      "Quelque 5 000 habitants ont été évacués de la ville.", "تم إجلاء 5000 من سكان البلدة."]),
]


def test_a_count_a_bound_may_stand_for_is_never_shown_contradicting_it() -> None:
    """Measured 2026-12-06 (bf16): before evidence check revision 14, 5 of the 54 pairs of a
    bound and a count it may be (either side the claim) were shown contradicting ("Airlines
    cancelled 340 flights" against « plus de 300 vols »: 340 against 300 was a number
    conflict); none after. Against a count the bound cannot be, nothing is shown supporting.
    On a host without bf16 units (int8), «تم إجلاء 1950 من سكان البلدة» was shown contradicting
    «قرابة 2000 شخص» as a date (1950 against 2000): a number with a bound or round word before
    it is no year (revision 22)."""
    may = [(c, t, "supports") for claims, counts, _ in BOUNDS for c in claims for t in counts]
    may += [(t, c, "supports") for c, t, _ in may]
    cannot = [(c, t, "contradicts") for claims, _, counts in BOUNDS
              for c in claims for t in counts]
    shown = _engine_labels(may + cannot)
    assert "contradicts" not in shown[:len(may)]
    assert "supports" not in shown[len(may):]


# written after revision 16's words were chosen and before it was read: a claim that denies,
# the same fact in other words (some with words no revision lists: "held steady", « a
# maintenu », "sat out", "diverted"), and the opposite (some with a manner: "without notice")
DENIALS_WRITTEN_AFTER = [
    (["The museum did not reopen after the flood.",
      "Le musée n'a pas rouvert après l'inondation.",
      "لم يُعد فتح المتحف بعد الفيضان."],
     ["The museum has stayed shut since the flood.",
      "Le musée est resté fermé depuis l'inondation.",
      "ظل المتحف مغلقا منذ الفيضان."],
     ["The museum reopened after the flood.",
      "Le musée a rouvert après l'inondation.",
      "أعيد فتح المتحف بعد الفيضان."]),
    (["The boat did not capsize in the storm.",
      "Le bateau n'a pas chaviré pendant la tempête.",
      "لم ينقلب القارب خلال العاصفة."],
     ["The boat stayed afloat through the storm.",
      "Le bateau est resté à flot pendant la tempête.",
      "ظل القارب طافيا خلال العاصفة."],
     ["The boat capsized in the storm without warning.",
      "Le bateau a chaviré pendant la tempête sans prévenir.",
      "انقلب القارب خلال العاصفة دون سابق إنذار."]),
    (["None of the hostages died.",
      "Aucun des otages n'est mort.",
      "لم يمت أي من الرهائن."],
     ["All the hostages survived.",
      "Tous les otages ont survécu.",
      "نجا جميع الرهائن."],
     ["Three of the hostages died; the others survived.",
      "Trois des otages sont morts ; les autres ont survécu.",
      "مات ثلاثة من الرهائن ونجا الآخرون."]),
    (["The central bank did not change its key rate.",
      "La banque centrale n'a pas modifié son taux directeur.",
      "لم يغير البنك المركزي سعر الفائدة الرئيسي."],
     ["The central bank held its key rate steady.",
      "La banque centrale a maintenu son taux directeur.",
      "أبقى البنك المركزي سعر الفائدة الرئيسي دون تغيير."],
     ["The central bank changed its key rate without notice.",
      "La banque centrale a modifié son taux directeur sans préavis.",
      "غير البنك المركزي سعر الفائدة الرئيسي."]),
    (["The defender did not take part in the match.",
      "Le défenseur n'a pas participé au match.",
      "لم يشارك المدافع في المباراة."],
     ["The defender sat out the match.",
      "Le défenseur a manqué le match.",
      "غاب المدافع عن المباراة."],
     ["The defender played the whole match.",
      "Le défenseur a disputé tout le match.",
      "شارك المدافع في المباراة كاملة."]),
    (["The minister did not answer the question.",
      "Le ministre n'a pas répondu à la question.",
      "لم يجب الوزير على السؤال."],
     ["The minister declined to answer the question.",
      "Le ministre a refusé de répondre à la question.",
      "رفض الوزير الإجابة على السؤال."],
     ["The minister answered the question without delay.",
      "Le ministre a répondu à la question sans délai.",
      "أجاب الوزير على السؤال دون تأخير."]),
    (["The dam did not collapse.",
      "Le barrage ne s'est pas effondré.",
      "لم ينهر السد."],
     ["The dam remained intact.",
      "Le barrage est resté intact.",
      "ظل السد سليما."],
     ["The dam collapsed.",
      "Le barrage s'est effondré.",
      "انهار السد."]),
    (["The rebels did not release the journalist.",
      "Les rebelles n'ont pas libéré le journaliste.",
      "لم يفرج المتمردون عن الصحفي."],
     ["The rebels are still holding the journalist.",
      "Les rebelles détiennent toujours le journaliste.",
      "لا يزال المتمردون يحتجزون الصحفي."],
     ["The rebels released the journalist.",
      "Les rebelles ont libéré le journaliste.",
      "أفرج المتمردون عن الصحفي."]),
    (["The company did not lay off any workers.",
      "L'entreprise n'a licencié aucun salarié.",
      "لم تسرّح الشركة أي عامل."],
     ["The company kept all its workers.",
      "L'entreprise a conservé tous ses salariés.",
      "احتفظت الشركة بجميع عمالها."],
     ["The company laid off 200 workers.",
      "L'entreprise a licencié 200 salariés.",
      "سرّحت الشركة 200 عامل."]),
    (["The plane did not land in Athens.",
      "L'avion n'a pas atterri à Athènes.",
      "لم تهبط الطائرة في أثينا."],
     ["The plane was diverted away from Athens.",
      "L'avion a été dérouté loin d'Athènes.",
      "حُولت الطائرة بعيدا عن أثينا."],
     ["The plane landed in Athens.",
      "L'avion a atterri à Athènes.",
      "هبطت الطائرة في أثينا."]),
]


def test_denials_written_after_the_words_were_chosen() -> None:
    """Measured 2026-12-06 (bf16), revision 15 → 16 → 17: the same fact in other words shown
    contradicting 20 → 12 → 3 of 90 (revision 17 took "held … steady", « a maintenu », «ظل
    السد سليما», "still holding", "sat out" from what 16 left, so this battery no longer
    measures them: tests/test_stance_other_words.py does; left: "diverted away from Athens"
    against «لم تهبط الطائرة في أثينا»); the opposite 48 → 53 → 53 of 90; neither shown as
    support."""
    restated, denied = _read_both_ways(DENIALS_WRITTEN_AFTER)
    assert restated.count("contradicts") <= 4 and "supports" not in restated
    assert denied.count("contradicts") >= 50 and "supports" not in denied
