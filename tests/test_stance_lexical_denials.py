"""A denial said with a word that denies: voted against, deprived of, missed, was closed
(evidence check revision 34).

Two batteries written before the rules (20 stories in en/fr/ar, every language pair, outside
the demo and the behavioural suite), each pairing a claim with a word of denial ("did not
attend", « n'a pas d'électricité », «لم يصوت») with the same fact said by a word that denies
("was absent", « est privé de », «صوت … ضد»), and the other way round ("missed the penalty"
against "did not score"). The first found **14 restatements shown contradicting** (bf16; 15
int8), the most of any battery since revision 26:

- "The opposition leader did not vote for the budget", « n'a pas voté le budget », «لم يصوت …
  لصالح» against "voted against", « a voté contre », «صوت … ضد» (8 of 9);
- "The village of Tinmel has no electricity", « n'a pas d'électricité », «لا توجد كهرباء»
  against « est privé d'électricité », «تفتقر … إلى الكهرباء» (6 of 6; "lacks" was known).

The second found 3 shown contradicting (bf16; 1 int8): « Mbappé a raté son penalty » against
"did not score", « n'a pas transformé »; «كان متحف اللوفر مغلقاً» against «لم يفتح … أبوابه»;
and 4 opposites shown supporting (5 int8): «أهدر» against «سجل» (missed / scored), «التزمت
تركيا الحياد» against "sided with Azerbaijan", "The Louvre was closed" against «مفتوحاً».

Now "voted against" (the word that denies is "against", « contre », «ضد», so a claim's own
"vote" does not hide it), "deprived of", « privé de », « dépourvu de », «تفتقر», «محروم»,
"missed", « a raté », «أهدر», «أضاع» and «كان … مغلقاً» (a state, like «ظل … مغلقاً») say a
denial in other words: no negation conflict, so no contradiction. scored / missed, neutral /
sided with, and the Arabic adjectives «مفتوح» / «مغلق» hold support back.
"""

from __future__ import annotations

import pytest

from corroborate.stance.denials import denies_in_other_words
from corroborate.stance.evidence import weigh
from corroborate.stance.opposites import opposite_words

from .test_stance_evidence import probs
from .test_stance_places_and_accusations import read_battery


def _denies(text: str, other: str) -> list[str]:
    return [m.group() for m in denies_in_other_words(text, other)]


def test_a_vote_against_says_no_vote_for() -> None:
    assert _denies("The opposition leader voted against the budget.",
                   "The opposition leader did not vote for the budget.") == ["voted against"]
    assert _denies("Le chef de l'opposition a voté contre le budget.",
                   "لم يصوت زعيم المعارضة لصالح الميزانية.") == ["voté contre"]
    assert _denies("صوت زعيم المعارضة ضد الميزانية.",
                   "Le chef de l'opposition n'a pas voté le budget.") != []
    # … but not what "did not vote against" denies
    assert _denies("The minister voted against the bill.",
                   "The minister did not vote against the bill.") == []
    assert "contradicts" in weigh("The opposition leader did not vote for the budget.",
                                  "Le chef de l'opposition a voté contre le budget.",
                                  probs(0.1, 0.85, 0.05)).held_back


def test_a_lack_and_a_miss_say_a_denial() -> None:
    for text, other in (("Le village de Tinmel est privé d'électricité.",
                         "The village has no electricity."),
                        ("تفتقر قرية تينمل إلى الكهرباء.", "لا توجد كهرباء في قرية تينمل."),
                        ("Mbappé a raté son penalty contre la Belgique.", "Mbappé did not score."),
                        ("أهدر مبابي ركلة الجزاء.", "لم يسجل مبابي."),
                        ("كان متحف اللوفر مغلقاً أمام الزوار يوم الثلاثاء.",
                         "لم يفتح متحف اللوفر أبوابه.")):
        assert _denies(text, other) != [], text
    # « raté » after no auxiliary (a participle: « un match raté ») is no miss
    assert _denies("Le match a été raté.", "Le match n'a pas été réussi.") == []


def test_scored_and_missed_neutral_and_sided_open_and_closed() -> None:
    for claim, text in (("أهدر مبابي ركلة الجزاء أمام بلجيكا.",
                         "سجل مبابي ركلة الجزاء أمام بلجيكا."),
                        ("التزمت تركيا الحياد في النزاع.",
                         "Turkey sided with Azerbaijan in the conflict."),
                        ("The Louvre was closed to visitors on Tuesday.",
                         "كان متحف اللوفر مفتوحاً أمام الزوار يوم الثلاثاء.")):
        assert opposite_words(claim, text) is not None, text
        assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back, text
    assert opposite_words("Turkey stayed neutral.",
                          "Turkey stayed neutral and did not side with Azerbaijan.") is None


# (claims, restatements, opposites, texts that are neither)
DENYING_WORDS = [({'ar': 'لم يحضر رئيس الوزراء القمة في بروكسل.',
   'en': 'The prime minister did not attend the summit in Brussels.',
   'fr': "Le Premier ministre n'a pas assisté au sommet de Bruxelles."},
  ['The prime minister was absent from the summit in Brussels.',
   'Le Premier ministre était absent du sommet de Bruxelles.',
   'غاب رئيس الوزراء عن القمة في بروكسل.'],
  ['The prime minister attended the summit in Brussels.',
   'Le Premier ministre a assisté au sommet de Bruxelles.',
   'حضر رئيس الوزراء القمة في بروكسل.'],
  []),
 ({'ar': 'لم يعلق الكرملين على التقرير.',
   'en': 'The Kremlin did not comment on the report.',
   'fr': "Le Kremlin n'a pas commenté le rapport."},
  ['The Kremlin declined to comment on the report.',
   "Le Kremlin s'est refusé à tout commentaire sur le rapport.",
   'امتنع الكرملين عن التعليق على التقرير.'],
  ['The Kremlin welcomed the report.',
   'Le Kremlin a salué le rapport.',
   'رحب الكرملين بالتقرير.'],
  []),
 ({'ar': 'لم يصب أي من الركاب في الهبوط الاضطراري.',
   'en': 'None of the passengers was injured in the emergency landing.',
   'fr': "Aucun passager n'a été blessé lors de l'atterrissage d'urgence."},
  ['All passengers escaped unharmed from the emergency landing.',
   "Tous les passagers sont sortis indemnes de l'atterrissage d'urgence.",
   'خرج جميع الركاب سالمين من الهبوط الاضطراري.'],
  ['Several passengers were injured in the emergency landing.',
   "Plusieurs passagers ont été blessés lors de l'atterrissage d'urgence.",
   'أصيب عدد من الركاب في الهبوط الاضطراري.'],
  []),
 ({'ar': 'لم تتضرر لوحات المتحف في الحريق.',
   'en': "The museum's paintings were not damaged in the fire.",
   'fr': "Les tableaux du musée n'ont pas été endommagés par l'incendie."},
  ["The museum's paintings came through the fire intact.",
   "Les tableaux du musée sont sortis intacts de l'incendie.",
   'نجت لوحات المتحف من الحريق سليمة.'],
  ["The museum's paintings were destroyed in the fire.",
   "Les tableaux du musée ont été détruits par l'incendie.",
   'دُمّرت لوحات المتحف في الحريق.'],
  []),
 ({'ar': 'لم يُعرف بعد سبب تحطم الطائرة.',
   'en': 'The cause of the plane crash is not yet known.',
   'fr': "La cause de l'accident d'avion n'est pas encore connue."},
  ['The cause of the plane crash remains unknown.',
   "La cause de l'accident d'avion reste inconnue.",
   'لا يزال سبب تحطم الطائرة مجهولاً.'],
  ['Investigators have established the cause of the plane crash.',
   "Les enquêteurs ont établi la cause de l'accident d'avion.",
   'حدد المحققون سبب تحطم الطائرة.'],
  []),
 ({'ar': 'لم يُسمح للنساء بدخول الملعب.',
   'en': 'Women were not allowed to enter the stadium.',
   'fr': "Les femmes n'ont pas été autorisées à entrer dans le stade."},
  ['Women were banned from entering the stadium.',
   "Les femmes ont été interdites d'entrée au stade.",
   'مُنعت النساء من دخول الملعب.'],
  ['Women were allowed to enter the stadium.',
   'Les femmes ont été autorisées à entrer dans le stade.',
   'سُمح للنساء بدخول الملعب.'],
  []),
 ({'ar': 'لم ترد الحكومة على مطالب النقابة.',
   'en': "The government has not responded to the union's demands.",
   'fr': "Le gouvernement n'a pas répondu aux revendications du syndicat."},
  ["The government has ignored the union's demands.",
   'Le gouvernement a ignoré les revendications du syndicat.',
   'تجاهلت الحكومة مطالب النقابة.'],
  ["The government accepted the union's demands.",
   'Le gouvernement a accepté les revendications du syndicat.',
   'قبلت الحكومة مطالب النقابة.'],
  []),
 ({'ar': 'لم يصوت زعيم المعارضة لصالح الميزانية.',
   'en': 'The opposition leader did not vote for the budget.',
   'fr': "Le chef de l'opposition n'a pas voté le budget."},
  ['The opposition leader voted against the budget.',
   "Le chef de l'opposition a voté contre le budget.",
   'صوت زعيم المعارضة ضد الميزانية.'],
  ['The opposition leader voted for the budget.',
   "Le chef de l'opposition a voté pour le budget.",
   'صوت زعيم المعارضة لصالح الميزانية.'],
  []),
 ({'ar': 'لا توجد كهرباء في قرية تينمل.',
   'en': 'The village of Tinmel has no electricity.',
   'fr': "Le village de Tinmel n'a pas d'électricité."},
  ['The village of Tinmel lacks electricity.',
   "Le village de Tinmel est privé d'électricité.",
   'تفتقر قرية تينمل إلى الكهرباء.'],
  ['The village of Tinmel has been connected to the electricity grid.',
   'Le village de Tinmel a été raccordé au réseau électrique.',
   'تم ربط قرية تينمل بشبكة الكهرباء.'],
  []),
 ({'ar': 'لم يتم التعرف على المشتبه به في هجوم زولينغن.',
   'en': 'The suspect in the Solingen attack has not been identified.',
   'fr': "Le suspect de l'attaque de Solingen n'a pas été identifié."},
  ['The identity of the suspect in the Solingen attack remains unknown.',
   "L'identité du suspect de l'attaque de Solingen reste inconnue.",
   'لا تزال هوية المشتبه به في هجوم زولينغن مجهولة.'],
  ['Police have identified the suspect in the Solingen attack.',
   "La police a identifié le suspect de l'attaque de Solingen.",
   'تعرفت الشرطة على هوية المشتبه به في هجوم زولينغن.'],
  [])]


# (claims, restatements, opposites, texts that are neither)
THE_OTHER_WAY_ROUND = [({'ar': 'صوتت الوزيرة ضد مشروع القانون.',
   'en': 'The minister voted against the bill.',
   'fr': 'La ministre a voté contre le projet de loi.'},
  ['The minister did not vote for the bill.',
   "La ministre n'a pas voté pour le projet de loi.",
   'لم تصوت الوزيرة لصالح مشروع القانون.'],
  ['The minister voted for the bill.',
   'La ministre a voté pour le projet de loi.',
   'صوتت الوزيرة لصالح مشروع القانون.'],
  []),
 ({'ar': 'ظل مطار طرابلس مغلقاً يوم الاثنين.',
   'en': 'The airport in Tripoli remained closed on Monday.',
   'fr': "L'aéroport de Tripoli est resté fermé lundi."},
  ['The airport in Tripoli did not reopen on Monday.',
   "L'aéroport de Tripoli n'a pas rouvert lundi.",
   'لم يُعد فتح مطار طرابلس يوم الاثنين.'],
  ['The airport in Tripoli reopened on Monday.',
   "L'aéroport de Tripoli a rouvert lundi.",
   'أعيد فتح مطار طرابلس يوم الاثنين.'],
  []),
 ({'ar': 'أهدر مبابي ركلة الجزاء أمام بلجيكا.',
   'en': 'Mbappé missed the penalty against Belgium.',
   'fr': 'Mbappé a raté son penalty contre la Belgique.'},
  ['Mbappé did not score from the penalty spot against Belgium.',
   "Mbappé n'a pas transformé son penalty contre la Belgique.",
   'لم ينجح مبابي في تسجيل ركلة الجزاء أمام بلجيكا.'],
  ['Mbappé scored the penalty against Belgium.',
   'Mbappé a transformé son penalty contre la Belgique.',
   'سجل مبابي ركلة الجزاء أمام بلجيكا.'],
  []),
 ({'ar': 'استخدم الرئيس حق النقض ضد مشروع قانون التقاعد.',
   'en': 'The president vetoed the pension bill.',
   'fr': 'Le président a opposé son veto au projet de loi sur les retraites.'},
  ['The president refused to sign the pension bill.',
   'Le président a refusé de signer le projet de loi sur les retraites.',
   'رفض الرئيس التوقيع على مشروع قانون التقاعد.'],
  ['The president signed the pension bill into law.',
   'Le président a promulgué le projet de loi sur les retraites.',
   'وقع الرئيس على مشروع قانون التقاعد.'],
  []),
 ({'ar': 'فشلت المحادثات في القاهرة.',
   'en': 'The talks in Cairo failed.',
   'fr': 'Les pourparlers du Caire ont échoué.'},
  ['The talks in Cairo did not succeed.',
   "Les pourparlers du Caire n'ont pas abouti.",
   'لم تنجح المحادثات في القاهرة.'],
  ['The talks in Cairo succeeded.',
   'Les pourparlers du Caire ont abouti.',
   'نجحت المحادثات في القاهرة.'],
  []),
 ({'ar': 'لم تتأثر الصادرات بإضراب عمال الموانئ.',
   'en': 'Exports were unaffected by the dock strike.',
   'fr': "Les exportations n'ont pas été touchées par la grève des dockers."},
  ['The dock strike did not affect exports.',
   "La grève des dockers n'a eu aucun effet sur les exportations.",
   'لم يؤثر إضراب عمال الموانئ على الصادرات.'],
  ['The dock strike hit exports hard.',
   'La grève des dockers a durement touché les exportations.',
   'أثر إضراب عمال الموانئ بشدة على الصادرات.'],
  []),
 ({'ar': 'أُفرج عن الصحفي دون توجيه أي تهمة إليه.',
   'en': 'The journalist was released without charge.',
   'fr': 'Le journaliste a été libéré sans inculpation.'},
  ['The journalist was released and was not charged.',
   "Le journaliste a été relâché et n'a pas été inculpé.",
   'أُطلق سراح الصحفي ولم توجه إليه أي تهمة.'],
  ['The journalist was charged with espionage.',
   "Le journaliste a été inculpé d'espionnage.",
   'وُجهت إلى الصحفي تهمة التجسس.'],
  []),
 ({'ar': 'لا يزال قانون 1905 بشأن العلمانية سارياً.',
   'en': 'The 1905 law on secularism remains in force.',
   'fr': 'La loi de 1905 sur la laïcité reste en vigueur.'},
  ['The 1905 law on secularism has not been repealed.',
   "La loi de 1905 sur la laïcité n'a pas été abrogée.",
   'لم يُلغَ قانون 1905 بشأن العلمانية.'],
  ['The 1905 law on secularism was repealed.',
   'La loi de 1905 sur la laïcité a été abrogée.',
   'أُلغي قانون 1905 بشأن العلمانية.'],
  []),
 ({'ar': 'التزمت تركيا الحياد في النزاع حول ناغورنو كاراباخ.',
   'en': 'Turkey stayed neutral in the conflict over Nagorno-Karabakh.',
   'fr': 'La Turquie est restée neutre dans le conflit du Haut-Karabakh.'},
  ['Turkey did not take sides in the conflict over Nagorno-Karabakh.',
   "La Turquie n'a pas pris parti dans le conflit du Haut-Karabakh.",
   'لم تنحز تركيا لأي طرف في النزاع حول ناغورنو كاراباخ.'],
  ['Turkey sided with Azerbaijan in the conflict over Nagorno-Karabakh.',
   "La Turquie s'est rangée du côté de l'Azerbaïdjan dans le conflit du Haut-Karabakh.",
   'انحازت تركيا إلى أذربيجان في النزاع حول ناغورنو كاراباخ.'],
  []),
 ({'ar': 'كان متحف اللوفر مغلقاً أمام الزوار يوم الثلاثاء.',
   'en': 'The Louvre was closed to visitors on Tuesday.',
   'fr': 'Le Louvre était fermé au public mardi.'},
  ['The Louvre did not open to visitors on Tuesday.',
   "Le Louvre n'a pas ouvert ses portes au public mardi.",
   'لم يفتح متحف اللوفر أبوابه للزوار يوم الثلاثاء.'],
  ['The Louvre was open to visitors on Tuesday.',
   'Le Louvre était ouvert au public mardi.',
   'كان متحف اللوفر مفتوحاً أمام الزوار يوم الثلاثاء.'],
  [])]


@pytest.mark.slow
def test_a_denial_said_with_a_word_that_denies_is_never_shown_contradicting() -> None:
    """Measured 2026-12-07: 14 restatements shown contradicting before (bf16; 15 int8), none
    after; right contradictions 70 of 90 (int8 72) before and after."""
    wrong, restated = read_battery(DENYING_WORDS)
    assert wrong == []
    assert "contradicts" not in restated
    assert restated.count("supports") >= 1


@pytest.mark.slow
def test_the_other_way_round_is_never_shown_on_the_wrong_side() -> None:
    """Measured 2026-12-07: 7 on the wrong side before (3 contradicting; int8 6, 1), none
    after; restatements shown supporting 8 of 90 (int8 7) before and after."""
    wrong, restated = read_battery(THE_OTHER_WAY_ROUND)
    assert wrong == []
    assert "contradicts" not in restated
    assert restated.count("supports") >= 6
