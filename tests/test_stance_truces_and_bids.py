"""What held and what collapsed, a chief dismissed or kept, a bid withdrawn, an economy that
shrank, dozens for thousands, the favourite to win (evidence check revision 34).

Two batteries written before the rules (20 stories in en/fr/ar, every language pair, outside
the demo and the behavioural suite): causes, the passive voice, titles, agents, details left
out, another name for a country, rates kept, truces, turnout and releases; then elections,
verdicts, delays, deaths, appointments, growth, storms, crowds, fines and collapses. None of
the 180 restatements was shown contradicting (bf16 and int8); **24 opposites or texts that are
neither were shown supporting** (bf16; int8 the same 24):

- "The truce between Israel and Hezbollah held over the weekend", « a tenu », against
  "collapsed", « a volé en éclats », «انهارت» (7 of 9), and « Le pont de Baltimore s'est
  effondré » against "withstood the impact", « a résisté » (2);
- «أقال زيلينسكي قائد الجيش» against "kept … in his post", « maintenu à son poste », «أبقى …
  في منصبه» (3);
- "Thousands of farmers" against "A few dozen", « Quelques dizaines », «بضع عشرات» (7);
- « Mark Rutte a été nommé » against « a retiré sa candidature »; «انكمش الاقتصاد» against
  «نما»; "kept interest rates unchanged" against «خفض … أسعار الفائدة»; « a remporté » and
  «فازت» against "is the favourite to win" (2).

Each is now a pair of ``contrasts.HOLD_ONLY`` (held / collapsed, dismissed / kept in post,
appointed or elected / a bid withdrawn, grew / shrank, dozens, unchanged / cut) or a word of
``acts.not_done`` (the favourite, tipped or on course to): support is held back, never a
conflict, so none of them can make a contradiction.
"""

from __future__ import annotations

import pytest

from corroborate.stance.acts import not_done
from corroborate.stance.evidence import weigh
from corroborate.stance.opposites import opposite_words

from .test_stance_evidence import probs
from .test_stance_places_and_accusations import read_battery


def test_what_collapsed_is_not_what_held() -> None:
    for claim, text in (
            ("The truce between Israel and Hezbollah held over the weekend.",
             "انهارت الهدنة بين إسرائيل وحزب الله."),
            ("La trêve a tenu ce week-end.", "The truce collapsed over the weekend."),
            ("صمد الجسر أمام اصطدام السفينة.", "Le pont s'est effondré."),
            ("The truce was respected.", "La trêve a volé en éclats.")):
        assert opposite_words(claim, text) is not None, text
        assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back, text
    # "held talks", « a tenu une conférence » are no truce that held
    assert opposite_words("Israel and Hamas held talks in Doha.",
                          "The talks in Doha collapsed.") is None
    assert opposite_words("Le président a tenu une conférence de presse.",
                          "La conférence s'est effondrée.") is None
    # a text with both words leaves support possible
    assert opposite_words("The ceasefire held.",
                          "The ceasefire held, although talks on a wider deal collapsed.") is None


def test_a_chief_kept_in_post_is_not_one_dismissed() -> None:
    for claim, text in (
            ("أقال زيلينسكي قائد الجيش.", "Zelensky kept army chief Zaluzhny in his post."),
            ("Zelensky sacked his army chief.",
             "Zelensky a maintenu le chef de l'armée à son poste."),
            ("Zelensky a limogé le chef de l'armée.", "أبقى زيلينسكي قائد الجيش في منصبه.")):
        assert opposite_words(claim, text) is not None, text
    # "dismissed reports" is a denial, and a job kept restates it
    assert opposite_words("The coach dismissed reports that he had resigned.",
                          "The coach is staying in his job.") is None


def test_a_bid_withdrawn_is_no_appointment() -> None:
    for claim, text in (
            ("Mark Rutte a été nommé secrétaire général de l'OTAN.",
             "Mark Rutte withdrew his bid to lead NATO."),
            ("Mark Rutte was appointed NATO secretary general.",
             "سحب مارك روته ترشحه لمنصب الأمين العام لحلف الناتو."),
            ("انتُخب المرشح رئيساً.", "Le candidat a retiré sa candidature.")):
        assert opposite_words(claim, text) is not None, text


def test_an_economy_that_shrank_did_not_grow() -> None:
    for claim, text in (
            ("انكمش الاقتصاد الألماني.", "نما الاقتصاد الألماني بنسبة 0.3 في المئة."),
            ("Germany's economy grew by 0.3 percent.",
             "L'économie allemande est entrée en récession."),
            ("La croissance allemande a atteint 0,3 %.", "The German economy contracted.")):
        assert opposite_words(claim, text) is not None, text
    # a text with both leaves support possible
    assert opposite_words("La croissance allemande a atteint 0,3 %.",
                          "La croissance a atteint 0,3 % après une contraction au printemps."
                          ) is None


def test_dozens_are_not_thousands_and_a_rate_cut_is_no_rate_kept() -> None:
    for claim, text in (
            ("Thousands of farmers protested in Brussels.",
             "A few dozen farmers protested in Brussels."),
            ("تظاهر آلاف المزارعين في بروكسل.", "Des dizaines d'agriculteurs ont manifesté."),
            ("Hundreds were arrested.", "عشرات اعتقلوا."),
            ("The ECB kept interest rates unchanged.",
             "خفض البنك المركزي الأوروبي أسعار الفائدة."),
            ("أبقى البنك المركزي الأوروبي أسعار الفائدة دون تغيير.",
             "The ECB cut interest rates.")):
        assert opposite_words(claim, text) is not None, text
    # tens of thousands are thousands
    for claim, text in (("Tens of thousands protested in Paris.",
                         "عشرات الآلاف تظاهروا في باريس."),
                        ("عشرات الآلاف تظاهروا في باريس.", "Thousands protested in Paris."),
                        ("Des dizaines de milliers de personnes ont défilé.",
                         "Thousands marched.")):
        assert opposite_words(claim, text) is None, text


def test_the_favourite_to_win_has_not_won() -> None:
    assert not_done("Claudia Sheinbaum a remporté l'élection.",
                    "Claudia Sheinbaum is the favourite to win the election.") == "favourite to"
    assert not_done("فازت شينباوم في الانتخابات.",
                    "شينباوم هي المرشحة الأوفر حظاً للفوز بالانتخابات.") is not None
    assert not_done("Sheinbaum won the election.",
                    "Sheinbaum est la grande favorite pour remporter l'élection.") is not None
    # a favourite team is no prospect
    assert not_done("Liverpool won the title.",
                    "Liverpool, the favourite team of many fans, won the title.") is None


# (claims, restatements, opposites, texts that are neither)
CAUSES_AND_TRUCES = [({'ar': 'قال المحققون إن حريق سوق لاغوس نجم عن عطل كهربائي.',
   'en': 'Investigators said the fire at the Lagos market was caused by an electrical fault.',
   'fr': "Selon les enquêteurs, l'incendie du marché de Lagos a été provoqué par un "
         'court-circuit.'},
  ['An electrical fault started the fire at the Lagos market, according to investigators.',
   "Un court-circuit est à l'origine de l'incendie du marché de Lagos, d'après les enquêteurs.",
   'أرجع المحققون حريق سوق لاغوس إلى عطل كهربائي.'],
  ['Investigators said the fire at the Lagos market was started deliberately.',
   "Selon les enquêteurs, l'incendie du marché de Lagos était d'origine criminelle.",
   'قال المحققون إن حريق سوق لاغوس كان متعمداً.'],
  ['Was the fire at the Lagos market caused by an electrical fault?']),
 ({'ar': 'قصفت إسرائيل مدرسة في مدينة غزة يوم السبت.',
   'en': 'Israel struck a school in Gaza City on Saturday.',
   'fr': 'Israël a frappé une école de la ville de Gaza samedi.'},
  ['A school in Gaza City was hit by an Israeli strike on Saturday.',
   'Une école de la ville de Gaza a été touchée samedi par une frappe israélienne.',
   'استهدفت غارة إسرائيلية مدرسة في مدينة غزة يوم السبت.'],
  ['Israel denied striking a school in Gaza City on Saturday.',
   'Israël a démenti avoir frappé une école de la ville de Gaza samedi.',
   'نفت إسرائيل قصف مدرسة في مدينة غزة يوم السبت.'],
  []),
 ({'ar': 'حُكم على رئيس الوزراء الباكستاني السابق عمران خان بالسجن عشر سنوات.',
   'en': 'Former Pakistani prime minister Imran Khan was sentenced to 10 years in prison.',
   'fr': "L'ancien Premier ministre pakistanais Imran Khan a été condamné à dix ans de prison."},
  ["Imran Khan, Pakistan's ex-prime minister, received a 10-year prison sentence.",
   "Imran Khan, ex-chef du gouvernement pakistanais, s'est vu infliger une peine de dix ans de "
   'prison.',
   'صدر حكم بسجن عمران خان، رئيس وزراء باكستان السابق، لمدة عشر سنوات.'],
  ['Former Pakistani prime minister Imran Khan was acquitted.',
   "L'ancien Premier ministre pakistanais Imran Khan a été acquitté.",
   'بُرّئ رئيس الوزراء الباكستاني السابق عمران خان.'],
  []),
 ({'ar': 'أقال زيلينسكي قائد الجيش فاليري زالوجني.',
   'en': 'Zelensky dismissed army chief Valery Zaluzhny.',
   'fr': "Zelensky a limogé le chef de l'armée Valeri Zaloujny."},
  ['Army chief Valery Zaluzhny was fired by Zelensky.',
   "Le chef de l'armée Valeri Zaloujny a été démis de ses fonctions par Zelensky.",
   'أعفى زيلينسكي قائد الجيش فاليري زالوجني من منصبه.'],
  ['Zelensky kept army chief Valery Zaluzhny in his post.',
   "Zelensky a maintenu le chef de l'armée Valeri Zaloujny à son poste.",
   'أبقى زيلينسكي قائد الجيش فاليري زالوجني في منصبه.'],
  ['Zelensky is expected to dismiss army chief Valery Zaluzhny.']),
 ({'ar': 'ضرب زلزال بقوة 6.8 درجات المغرب ليل الجمعة وأودى بحياة أكثر من 2000 شخص.',
   'en': 'A 6.8 magnitude earthquake struck Morocco on Friday night, killing more than 2,000 '
         'people.',
   'fr': 'Un séisme de magnitude 6,8 a frappé le Maroc vendredi soir, faisant plus de 2 000 '
         'morts.'},
  ['More than 2,000 people died in the earthquake in Morocco.',
   'Plus de 2 000 personnes ont péri dans le séisme au Maroc.',
   'لقي أكثر من ألفي شخص حتفهم في زلزال المغرب.'],
  ['The earthquake in Morocco killed about 20 people.',
   'Le séisme au Maroc a fait une vingtaine de morts.',
   'أودى زلزال المغرب بحياة نحو 20 شخصاً.'],
  []),
 ({'ar': 'فرضت واشنطن عقوبات جديدة على موسكو.',
   'en': 'Washington imposed new sanctions on Moscow.',
   'fr': 'Washington a imposé de nouvelles sanctions à Moscou.'},
  ['The United States imposed new sanctions on Russia.',
   'Les États-Unis ont imposé de nouvelles sanctions à la Russie.',
   'فرضت الولايات المتحدة عقوبات جديدة على روسيا.'],
  ['The United States lifted its sanctions on Russia.',
   'Les États-Unis ont levé leurs sanctions contre la Russie.',
   'رفعت الولايات المتحدة عقوباتها عن روسيا.'],
  []),
 ({'ar': 'أبقى البنك المركزي الأوروبي أسعار الفائدة دون تغيير يوم الخميس.',
   'en': 'The European Central Bank kept interest rates unchanged on Thursday.',
   'fr': 'La Banque centrale européenne a maintenu ses taux inchangés jeudi.'},
  ['The European Central Bank held interest rates steady on Thursday.',
   'La BCE a laissé ses taux directeurs inchangés jeudi.',
   'ثبت البنك المركزي الأوروبي أسعار الفائدة يوم الخميس.'],
  ['The European Central Bank cut interest rates on Thursday.',
   'La Banque centrale européenne a baissé ses taux jeudi.',
   'خفض البنك المركزي الأوروبي أسعار الفائدة يوم الخميس.'],
  []),
 ({'ar': 'صمدت الهدنة بين إسرائيل وحزب الله خلال عطلة نهاية الأسبوع.',
   'en': 'The truce between Israel and Hezbollah held over the weekend.',
   'fr': 'La trêve entre Israël et le Hezbollah a tenu ce week-end.'},
  ['The truce between Israel and Hezbollah was respected over the weekend.',
   'La trêve entre Israël et le Hezbollah a été respectée ce week-end.',
   'احتُرمت الهدنة بين إسرائيل وحزب الله خلال عطلة نهاية الأسبوع.'],
  ['The truce between Israel and Hezbollah collapsed over the weekend.',
   'La trêve entre Israël et le Hezbollah a volé en éclats ce week-end.',
   'انهارت الهدنة بين إسرائيل وحزب الله خلال عطلة نهاية الأسبوع.'],
  ['Will the truce between Israel and Hezbollah hold over the weekend?']),
 ({'ar': 'بلغت نسبة المشاركة في الانتخابات الرئاسية السنغالية 61 في المئة.',
   'en': 'Turnout in the Senegalese presidential election was 61 percent.',
   'fr': 'Le taux de participation à la présidentielle sénégalaise a été de 61 %.'},
  ['61% of registered voters cast a ballot in the Senegalese presidential election.',
   "La participation à l'élection présidentielle au Sénégal s'est établie à 61 %.",
   'شارك 61 في المئة من الناخبين المسجلين في الانتخابات الرئاسية في السنغال.'],
  ['Turnout in the Senegalese presidential election was 38 percent.',
   'Le taux de participation à la présidentielle sénégalaise a été de 38 %.',
   'بلغت نسبة المشاركة في الانتخابات الرئاسية السنغالية 38 في المئة.'],
  []),
 ({'ar': 'أطلقت حماس سراح 13 رهينة إسرائيلية يوم الجمعة.',
   'en': 'Hamas released 13 Israeli hostages on Friday.',
   'fr': 'Le Hamas a libéré 13 otages israéliens vendredi.'},
  ['Thirteen Israeli hostages were freed by Hamas on Friday.',
   'Treize otages israéliens ont été relâchés vendredi par le Hamas.',
   'أفرجت حماس عن 13 رهينة إسرائيلية يوم الجمعة.'],
  ['Hamas refused to release the Israeli hostages on Friday.',
   'Le Hamas a refusé de libérer les otages israéliens vendredi.',
   'رفضت حماس إطلاق سراح الرهائن الإسرائيليين يوم الجمعة.'],
  ['Hamas could release 13 Israeli hostages on Friday, mediators said.'])]


# (claims, restatements, opposites, texts that are neither)
ELECTIONS_AND_CROWDS = [({'ar': 'فازت كلاوديا شينباوم في الانتخابات الرئاسية المكسيكية.',
   'en': "Claudia Sheinbaum won Mexico's presidential election.",
   'fr': "Claudia Sheinbaum a remporté l'élection présidentielle mexicaine."},
  ['Claudia Sheinbaum was elected president of Mexico.',
   'Claudia Sheinbaum a été élue présidente du Mexique.',
   'انتُخبت كلاوديا شينباوم رئيسة للمكسيك.'],
  ["Claudia Sheinbaum lost Mexico's presidential election.",
   "Claudia Sheinbaum a perdu l'élection présidentielle mexicaine.",
   'خسرت كلاوديا شينباوم الانتخابات الرئاسية المكسيكية.'],
  ["Claudia Sheinbaum is the favourite to win Mexico's presidential election."]),
 ({'ar': 'أدانت محكمة في باريس الوزير السابق بالفساد.',
   'en': 'A court in Paris convicted the former minister of corruption.',
   'fr': "Un tribunal parisien a condamné l'ancien ministre pour corruption."},
  ['The former minister was found guilty of corruption by a Paris court.',
   "L'ancien ministre a été reconnu coupable de corruption par un tribunal de Paris.",
   'قضت محكمة في باريس بإدانة الوزير السابق بتهمة الفساد.'],
  ['A court in Paris acquitted the former minister of corruption.',
   "Un tribunal parisien a relaxé l'ancien ministre des faits de corruption.",
   'برأت محكمة في باريس الوزير السابق من تهمة الفساد.'],
  []),
 ({'ar': 'تأجل إطلاق صاروخ أريان 6 إلى يوم الخميس.',
   'en': 'The launch of the Ariane 6 rocket was postponed until Thursday.',
   'fr': 'Le lancement de la fusée Ariane 6 a été reporté à jeudi.'},
  ['The Ariane 6 launch has been delayed to Thursday.',
   "Le tir d'Ariane 6 a été décalé à jeudi.",
   'أُرجئ إطلاق صاروخ أريان 6 حتى الخميس.'],
  ['The Ariane 6 rocket lifted off on schedule.',
   'La fusée Ariane 6 a décollé comme prévu.',
   'انطلق صاروخ أريان 6 في موعده المحدد.'],
  []),
 ({'ar': 'توفيت تينا تيرنر عن عمر 83 عاماً.',
   'en': 'Tina Turner died at the age of 83.',
   'fr': "Tina Turner est morte à l'âge de 83 ans."},
  ['Tina Turner has passed away aged 83.',
   'Tina Turner est décédée à 83 ans.',
   'رحلت تينا تيرنر عن عمر ناهز 83 عاماً.'],
  ['Tina Turner died at the age of 73.',
   "Tina Turner est morte à l'âge de 73 ans.",
   'توفيت تينا تيرنر عن عمر 73 عاماً.'],
  []),
 ({'ar': 'عُيّن مارك روته أميناً عاماً لحلف الناتو.',
   'en': 'Mark Rutte was appointed NATO secretary general.',
   'fr': "Mark Rutte a été nommé secrétaire général de l'OTAN."},
  ['NATO named Mark Rutte as its secretary general.',
   "L'OTAN a désigné Mark Rutte comme secrétaire général.",
   'اختار حلف الناتو مارك روته أميناً عاماً له.'],
  ['Mark Rutte withdrew his bid to become NATO secretary general.',
   "Mark Rutte a retiré sa candidature au poste de secrétaire général de l'OTAN.",
   'سحب مارك روته ترشحه لمنصب الأمين العام لحلف الناتو.'],
  []),
 ({'ar': 'انكمش الاقتصاد الألماني بنسبة 0.3 في المئة العام الماضي.',
   'en': "Germany's economy shrank by 0.3 percent last year.",
   'fr': "L'économie allemande a reculé de 0,3 % l'an dernier."},
  ['The German economy contracted 0.3% last year.',
   "L'économie allemande s'est contractée de 0,3 % l'année dernière.",
   'تراجع الاقتصاد الألماني بنسبة 0.3 في المئة في العام الماضي.'],
  ["Germany's economy grew by 0.3 percent last year.",
   "L'économie allemande a progressé de 0,3 % l'an dernier.",
   'نما الاقتصاد الألماني بنسبة 0.3 في المئة العام الماضي.'],
  []),
 ({'ar': 'تسببت العاصفة دانيال في فيضانات مميتة في درنة.',
   'en': 'Storm Daniel caused deadly floods in Derna.',
   'fr': 'La tempête Daniel a provoqué des inondations meurtrières à Derna.'},
  ['Deadly flooding hit Derna after Storm Daniel.',
   'Des inondations meurtrières ont frappé Derna après le passage de la tempête Daniel.',
   'اجتاحت فيضانات قاتلة درنة إثر العاصفة دانيال.'],
  ['Storm Daniel spared Derna.',
   'La tempête Daniel a épargné Derna.',
   'لم تتأثر درنة بالعاصفة دانيال.'],
  []),
 ({'ar': 'تظاهر آلاف المزارعين في بروكسل يوم الخميس.',
   'en': 'Thousands of farmers protested in Brussels on Thursday.',
   'fr': "Des milliers d'agriculteurs ont manifesté jeudi à Bruxelles."},
  ['Farmers by the thousands demonstrated in Brussels on Thursday.',
   "Plusieurs milliers d'agriculteurs sont descendus dans les rues de Bruxelles jeudi.",
   'خرج آلاف المزارعين في مظاهرات في بروكسل يوم الخميس.'],
  ['A few dozen farmers protested in Brussels on Thursday.',
   "Quelques dizaines d'agriculteurs ont manifesté jeudi à Bruxelles.",
   'تظاهر بضع عشرات من المزارعين في بروكسل يوم الخميس.'],
  []),
 ({'ar': 'فرض الاتحاد الأوروبي غرامة قدرها 1.8 مليار يورو على أبل.',
   'en': 'The EU fined Apple 1.8 billion euros.',
   'fr': "L'UE a infligé une amende de 1,8 milliard d'euros à Apple."},
  ['Apple was hit with a 1.8 billion euro fine by the EU.',
   "Apple a écopé d'une amende de 1,8 milliard d'euros de la part de l'UE.",
   'غرّم الاتحاد الأوروبي شركة أبل 1.8 مليار يورو.'],
  ['The EU dropped its case against Apple without a fine.',
   "L'UE a abandonné ses poursuites contre Apple sans amende.",
   'أسقط الاتحاد الأوروبي قضيته ضد أبل دون فرض غرامة.'],
  ['If the EU fines Apple, the company will appeal.']),
 ({'ar': 'انهار الجسر في بالتيمور بعد أن صدمته سفينة شحن.',
   'en': 'The bridge in Baltimore collapsed after being hit by a cargo ship.',
   'fr': "Le pont de Baltimore s'est effondré après avoir été percuté par un cargo."},
  ['A cargo ship struck the bridge in Baltimore, causing it to collapse.',
   "Un porte-conteneurs a heurté le pont de Baltimore, qui s'est effondré.",
   'اصطدمت سفينة شحن بجسر بالتيمور ما أدى إلى انهياره.'],
  ['The bridge in Baltimore withstood the impact of a cargo ship.',
   "Le pont de Baltimore a résisté au choc d'un cargo.",
   'صمد جسر بالتيمور أمام اصطدام سفينة شحن به.'],
  [])]


@pytest.mark.slow
def test_causes_agents_titles_and_truces_are_never_shown_on_the_wrong_side() -> None:
    """Measured 2026-12-07: 11 opposites shown supporting before (bf16 and int8), none after;
    restatements shown supporting 24 of 90 (int8 23) before and after, none contradicting."""
    wrong, restated = read_battery(CAUSES_AND_TRUCES)
    assert wrong == []
    assert "contradicts" not in restated
    assert restated.count("supports") >= 20


@pytest.mark.slow
def test_elections_verdicts_crowds_and_collapses_are_never_shown_on_the_wrong_side() -> None:
    """Measured 2026-12-07: 13 opposites or prospects shown supporting before (bf16 and
    int8), none after; restatements shown supporting 44 of 90 (int8 41) before and after, none
    contradicting."""
    wrong, restated = read_battery(ELECTIONS_AND_CROWDS)
    assert wrong == []
    assert "contradicts" not in restated
    assert restated.count("supports") >= 37
