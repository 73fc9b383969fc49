"""Names spelled otherwise, dates written otherwise, another month, another term
(evidence check revision 34).

A battery written before the rules (10 stories in en/fr/ar, every language pair): names
transliterated or said otherwise (Gaddafi / Kadhafi / Qaddafi / القذافي, Sisi / Sissi, "MBS",
Zelenskyy, Haniya) and dates in other formats ("July 15, 2022", « 15/07/2022 », «15 تموز» for
«15 يوليو»), against another place, month, term or winner. **No restatement was shown
contradicting**, bf16 or int8: the name tables and the date readers hold. On the wrong side,
all supporting, 12 (int8 11):

- "on 24 July 2024" against "on 24 June 2024", « le 24 juin », «في 24 حزيران» (5 of 9): a
  month was a conflict (so a contradiction where the network leans to one) but held no support
  back, only a date's day did; and the Levant's month names («تموز», «حزيران») were not read
  as months at all;
- "won a third term" against "a second term", « un deuxième mandat », «بولاية ثانية» (4);
- « Massoud Pezeshkian a remporté » against «فاز سعيد جليلي» (2, both still shown: two names
  the entity table does not know, in two scripts; int8 also shows "killed in Tripoli" against
  «قُتل … في سرت»: Sirte is not in the place table).

Now another month or year of the claim's statement holds support back as another day did
(``evidence.other_figure``), the Levant's month names are months after a day, «في» or «شهر»
(not «نيسان», Nissan, elsewhere), and which term or round is a pair of ``contrasts.HOLD_ONLY``.
"""

from __future__ import annotations

import pytest

from corroborate.stance.conflict import find_conflicts
from corroborate.stance.evidence import other_figure, weigh
from corroborate.stance.opposites import opposite_words

from .test_stance_evidence import probs
from .test_stance_places_and_accusations import read_battery


def test_another_month_or_year_holds_support_back() -> None:
    for claim, text, said in (
            ("Benjamin Netanyahu addressed the US Congress on 24 July 2024.",
             "Benjamin Netanyahu addressed the US Congress on 24 June 2024.", ("July", "June")),
            ("ألقى نتنياهو خطاباً أمام الكونغرس في 24 تموز 2024.",
             "ألقى نتنياهو خطاباً أمام الكونغرس في 24 حزيران 2024.", ("تموز", "حزيران")),
            ("Kim visited Moscow in 2023.", "Kim visited Moscow in 2019.", ("2023", "2019"))):
        assert other_figure(claim, text) == said
        assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back
    # the same month by its Levantine and its Egyptian name, or in English
    assert other_figure("Netanyahu addressed Congress on 24 July 2024.",
                        "ألقى نتنياهو خطاباً أمام الكونغرس في 24 تموز 2024.") is None
    assert find_conflicts("قتل القذافي في أكتوبر 2011.", "قتل القذافي في تشرين الأول 2011.") == []
    assert find_conflicts("The talks were held in January.", "جرت المحادثات في كانون الثاني.") == []
    # «نيسان» without a day, «في» or «شهر» is Nissan, not April
    assert find_conflicts("باعت نيسان سيارات في مايو.", "استدعت نيسان سيارات في مايو.") == []


def test_which_term_or_round() -> None:
    assert opposite_words("Sisi won a third term.", "فاز السيسي بولاية ثانية.") is not None
    assert opposite_words("Macron won the first round.",
                          "Macron a remporté le second tour.") is not None
    # a run-off is no ordinal; a text naming both terms leaves support possible
    assert opposite_words("Erdogan won the run-off.", "Erdoğan a remporté le second tour.") is None
    assert opposite_words("Sisi won a third term.",
                          "Sisi, who won a second term in 2018, won a third term.") is None


# (claims, restatements, opposites, texts that are neither)
NAMES_AND_DATES = [({'ar': 'قُتل معمر القذافي في سرت في أكتوبر 2011.',
   'en': 'Muammar Gaddafi was killed in Sirte in October 2011.',
   'fr': 'Mouammar Kadhafi a été tué à Syrte en octobre 2011.'},
  ['Moammar Qaddafi died in Sirte in October 2011.',
   'Kadhafi est mort à Syrte en octobre 2011.',
   'لقي معمر القذافي حتفه في سرت في تشرين الأول 2011.'],
  ['Muammar Gaddafi was killed in Tripoli in October 2011.',
   'Mouammar Kadhafi a été tué à Tripoli en octobre 2011.',
   'قُتل معمر القذافي في طرابلس في أكتوبر 2011.'],
  []),
 ({'ar': 'فاز عبد الفتاح السيسي بولاية ثالثة في ديسمبر 2023.',
   'en': 'Abdel Fattah al-Sisi won a third term in December 2023.',
   'fr': 'Abdel Fattah al-Sissi a remporté un troisième mandat en décembre 2023.'},
  ["Egypt's President Sisi was re-elected for a third term in December 2023.",
   'Le président égyptien Sissi a été réélu pour un troisième mandat en décembre 2023.',
   'أعيد انتخاب الرئيس المصري السيسي لولاية ثالثة في كانون الأول 2023.'],
  ['Abdel Fattah al-Sisi won a second term in December 2023.',
   'Abdel Fattah al-Sissi a remporté un deuxième mandat en décembre 2023.',
   'فاز عبد الفتاح السيسي بولاية ثانية في ديسمبر 2023.'],
  []),
 ({'ar': 'التقى محمد بن سلمان جو بايدن في جدة في 15 تموز 2022.',
   'en': 'Mohammed bin Salman met Joe Biden in Jeddah on 15 July 2022.',
   'fr': 'Mohammed ben Salmane a rencontré Joe Biden à Djeddah le 15 juillet 2022.'},
  ['Biden met Saudi Crown Prince MBS in Jeddah on July 15, 2022.',
   'Joe Biden a rencontré le prince héritier saoudien MBS à Djeddah le 15/07/2022.',
   'التقى بايدن ولي العهد السعودي محمد بن سلمان في جدة يوم 15 يوليو 2022.'],
  ['Mohammed bin Salman met Joe Biden in Riyadh on 15 July 2022.',
   'Mohammed ben Salmane a rencontré Joe Biden à Riyad le 15 juillet 2022.',
   'التقى محمد بن سلمان جو بايدن في الرياض في 15 تموز 2022.'],
  []),
 ({'ar': 'زار فولوديمير زيلينسكي خيرسون في 14 نوفمبر 2022.',
   'en': 'Volodymyr Zelensky visited Kherson on 14 November 2022.',
   'fr': "Volodymyr Zelensky s'est rendu à Kherson le 14 novembre 2022."},
  ['Zelenskyy visited Kherson on Nov. 14, 2022.',
   'Zelensky a visité Kherson le 14 novembre.',
   'زار زيلينسكي مدينة خيرسون يوم 14 تشرين الثاني 2022.'],
  ['Volodymyr Zelensky visited Kherson on 14 December 2022.',
   "Volodymyr Zelensky s'est rendu à Kherson le 14 décembre 2022.",
   'زار فولوديمير زيلينسكي خيرسون في 14 ديسمبر 2022.'],
  []),
 ({'ar': 'التقى كيم جونغ أون فلاديمير بوتين في قاعدة فوستوشني الفضائية.',
   'en': 'Kim Jong Un met Vladimir Putin at the Vostochny cosmodrome.',
   'fr': 'Kim Jong-un a rencontré Vladimir Poutine au cosmodrome de Vostotchny.'},
  ['Putin hosted Kim Jong-un at the Vostochny space centre.',
   'Poutine a reçu Kim Jong-un au cosmodrome Vostotchny.',
   'استقبل بوتين كيم جونغ أون في مركز فوستوشني الفضائي.'],
  ['Kim Jong Un met Vladimir Putin in Pyongyang.',
   'Kim Jong-un a rencontré Vladimir Poutine à Pyongyang.',
   'التقى كيم جونغ أون فلاديمير بوتين في بيونغ يانغ.'],
  []),
 ({'ar': 'اغتيل إسماعيل هنية في طهران في 31 تموز 2024.',
   'en': 'Ismail Haniyeh was killed in Tehran on 31 July 2024.',
   'fr': 'Ismaïl Haniyeh a été tué à Téhéran le 31 juillet 2024.'},
  ['Hamas leader Ismail Haniya was assassinated in Tehran on July 31, 2024.',
   'Le chef du Hamas Ismaïl Haniyeh a été assassiné à Téhéran le 31/07/2024.',
   'قُتل رئيس المكتب السياسي لحماس إسماعيل هنية في طهران يوم 31 يوليو 2024.'],
  ['Ismail Haniyeh was killed in Doha on 31 July 2024.',
   'Ismaïl Haniyeh a été tué à Doha le 31 juillet 2024.',
   'اغتيل إسماعيل هنية في الدوحة في 31 تموز 2024.'],
  []),
 ({'ar': 'فر بشار الأسد إلى موسكو في 8 كانون الأول 2024.',
   'en': 'Bashar al-Assad fled to Moscow on 8 December 2024.',
   'fr': "Bachar el-Assad s'est enfui à Moscou le 8 décembre 2024."},
  ["Syria's Bashar Assad took refuge in Moscow on December 8, 2024.",
   'Bachar al-Assad a trouvé refuge à Moscou le 8 décembre 2024.',
   'لجأ بشار الأسد إلى موسكو يوم 8 ديسمبر 2024.'],
  ['Bashar al-Assad fled to Tehran on 8 December 2024.',
   "Bachar el-Assad s'est enfui à Téhéran le 8 décembre 2024.",
   'فر بشار الأسد إلى طهران في 8 كانون الأول 2024.'],
  []),
 ({'ar': 'فاز رجب طيب أردوغان في جولة الإعادة في 28 أيار 2023.',
   'en': 'Recep Tayyip Erdogan won the run-off on 28 May 2023.',
   'fr': 'Recep Tayyip Erdoğan a remporté le second tour le 28 mai 2023.'},
  ["Turkey's Erdoğan won the second round on May 28, 2023.",
   'Erdogan a gagné le second tour le 28 mai 2023.',
   'فاز أردوغان بالجولة الثانية يوم 28 مايو 2023.'],
  ['Recep Tayyip Erdogan lost the run-off on 28 May 2023.',
   'Recep Tayyip Erdoğan a perdu le second tour le 28 mai 2023.',
   'خسر رجب طيب أردوغان جولة الإعادة في 28 أيار 2023.'],
  []),
 ({'ar': 'فاز مسعود بزشكيان في الجولة الثانية من الانتخابات الرئاسية الإيرانية في يوليو 2024.',
   'en': "Masoud Pezeshkian won Iran's presidential run-off in July 2024.",
   'fr': 'Massoud Pezeshkian a remporté le second tour de la présidentielle iranienne en juillet '
         '2024.'},
  ["Iran's Massoud Pezeshkian won the presidential runoff in July 2024.",
   'Massoud Pezechkian a gagné le second tour de la présidentielle en Iran en juillet 2024.',
   'فاز بزشكيان بجولة الإعادة في الانتخابات الرئاسية في إيران في تموز 2024.'],
  ["Saeed Jalili won Iran's presidential run-off in July 2024.",
   'Saïd Jalili a remporté le second tour de la présidentielle iranienne en juillet 2024.',
   'فاز سعيد جليلي في الجولة الثانية من الانتخابات الرئاسية الإيرانية في يوليو 2024.'],
  []),
 ({'ar': 'ألقى بنيامين نتنياهو خطاباً أمام الكونغرس الأمريكي في 24 تموز 2024.',
   'en': 'Benjamin Netanyahu addressed the US Congress on 24 July 2024.',
   'fr': "Benyamin Nétanyahou s'est adressé au Congrès américain le 24 juillet 2024."},
  ["Israel's Netanyahu spoke before the US Congress on July 24, 2024.",
   'Netanyahu a prononcé un discours devant le Congrès des États-Unis le 24 juillet 2024.',
   'تحدث نتنياهو أمام الكونغرس الأميركي يوم 24 يوليو 2024.'],
  ['Benjamin Netanyahu addressed the US Congress on 24 June 2024.',
   "Benyamin Nétanyahou s'est adressé au Congrès américain le 24 juin 2024.",
   'ألقى بنيامين نتنياهو خطاباً أمام الكونغرس الأمريكي في 24 حزيران 2024.'],
  [])]


@pytest.mark.slow
def test_names_and_dates_said_otherwise_are_never_shown_contradicting() -> None:
    """Measured 2026-12-07: 12 opposites shown supporting before (int8 11), 2 after (int8 4:
    names and a place the tables do not know); no restatement contradicting before or after,
    27 of 90 shown supporting before and after."""
    wrong, restated = read_battery(NAMES_AND_DATES)
    assert all(shown == "supports" for _, _, shown in wrong)
    assert len(wrong) <= 4
    assert "contradicts" not in restated
    assert restated.count("supports") >= 24
