"""What officials said: a denial reported, a job kept, deliveries blocked, a risk played down
(evidence check revision 33).

A battery of attributed statements (6 stories in en/fr/ar, written before the rules: Hamas
saying it had not received a proposal, a ministry confirming a strike on a hospital, police
ruling out terrorism, the UN saying no aid trucks entered Gaza, a coach denying he had
resigned, officials playing down the risk of an eruption) found **13 restatements shown
contradicting** (int8; 15 fp32), the most of any battery so far:

- "The UN said no aid trucks entered Gaza on Sunday" against "aid deliveries into Gaza were
  blocked on Sunday", « ont été bloquées » (6 of 9): "blocked", « bloquées » now say a denial
  in other words;
- "The Marseille coach denied that he had resigned" against "insisted he was staying in his
  job", « restait en poste », «باق في منصبه» (7): a job kept says it too;

and 2 opposites shown supporting (1 fp32): « L'entraîneur de Marseille a démenti avoir
démissionné » against « a annoncé sa démission » (a claim that reports a denial is not borne
out by a text that denies nothing: ``allegations.denial_unstated``), and "played down the risk
of an eruption" against «حذر … من أن ثوران إتنا وشيك» (played down / warned:
``contrasts.HOLD_ONLY``).
"""

from __future__ import annotations

import pytest

from corroborate.stance.allegations import denial_unstated
from corroborate.stance.denials import denies_in_other_words
from corroborate.stance.evidence import weigh
from corroborate.stance.opposites import opposite_words

from .test_stance_evidence import probs
from .test_stance_places_and_accusations import read_battery


def test_a_job_kept_and_deliveries_blocked_restate_a_denial() -> None:
    for claim, text in (
            ("The Marseille coach denied that he had resigned.",
             "The Marseille coach insisted he was staying in his job."),
            ("نفى مدرب مرسيليا أنه استقال.",
             "L'entraîneur de Marseille a assuré qu'il restait en poste."),
            ("The Marseille coach denied that he had resigned.",
             "أكد مدرب مرسيليا أنه باق في منصبه."),
            ("The UN said no aid trucks entered Gaza on Sunday.",
             "According to the UN, aid deliveries into Gaza were blocked on Sunday."),
            ("Selon l'ONU, aucun camion d'aide n'est entré à Gaza dimanche.",
             "L'ONU indique que les livraisons d'aide vers Gaza ont été bloquées dimanche.")):
        assert "contradicts" in weigh(claim, text, probs(0.1, 0.85, 0.05)).held_back, text
    # "trapped" miners, « les mineurs bloqués », deny nothing: the fifth earlier battery
    # showed three failures to reach them supporting the claim while they did
    assert denies_in_other_words("Les secouristes ont atteint vendredi les mineurs bloqués.",
                                 "Rescuers failed to reach the trapped miners.") == []
    # … and not against a text that says the same word the other way
    assert "contradicts" not in weigh(
        "The road to the border was not blocked.", "Protesters blocked the road to the border.",
        probs(0.1, 0.85, 0.05)).held_back


def test_a_denial_reported_is_not_borne_out_by_a_text_that_denies_nothing() -> None:
    claim = "L'entraîneur de Marseille a démenti avoir démissionné."
    assert denial_unstated(claim, "L'entraîneur de Marseille a annoncé sa démission.") == "démenti"
    assert "supports" in weigh(claim, "L'entraîneur de Marseille a annoncé sa démission.",
                               probs(0.9, 0.05, 0.05)).held_back
    for text in ("The Marseille coach said he had not resigned.",
                 "L'entraîneur de Marseille a assuré qu'il restait en poste.",
                 "نفى مدرب مرسيليا استقالته."):
        assert denial_unstated(claim, text) is None, text
    assert denial_unstated("The coach resigned.", "The coach announced his resignation.") is None


def test_a_risk_played_down_is_not_a_warning() -> None:
    for claim in ("Officials played down the risk of an eruption at Etna.",
                  "قلل المسؤولون من خطر ثوران بركان إتنا."):
        for text in ("حذر المسؤولون من أن ثوران بركان إتنا وشيك.",
                     "Les autorités ont averti qu'une éruption de l'Etna était imminente."):
            assert opposite_words(claim, text) is not None


# (claims, restatements, opposites, texts that are neither)
BATTERY = [({'en': 'Hamas said it had not received the proposal.',
   'fr': 'Le Hamas a affirmé ne pas avoir reçu la proposition.',
   'ar': 'قالت حماس إنها لم تتسلم المقترح.'},
  ['Hamas denied receiving the proposal.',
   'Le Hamas a démenti avoir reçu la proposition.',
   'نفت حماس تسلمها المقترح.'],
  ['Hamas confirmed that it had received the proposal.',
   'Le Hamas a confirmé avoir reçu la proposition.',
   'أكدت حماس تسلمها المقترح.'],
  []),
 ({'en': 'The ministry confirmed that the hospital in Khan Younis was hit.',
   'fr': "Le ministère a confirmé que l'hôpital de Khan Younès avait été touché.",
   'ar': 'أكدت الوزارة أن المستشفى في خان يونس أصيب.'},
  ['The hospital in Khan Younis was hit, the ministry said.',
   "L'hôpital de Khan Younès a été touché, a indiqué le ministère.",
   'أصيب المستشفى في خان يونس بحسب الوزارة.'],
  ['The ministry denied that the hospital in Khan Younis was hit.',
   "Le ministère a démenti que l'hôpital de Khan Younès ait été touché.",
   'نفت الوزارة إصابة المستشفى في خان يونس.'],
  []),
 ({'en': 'Police ruled out terrorism in the Solingen fire.',
   'fr': "La police a exclu la piste terroriste dans l'incendie de Solingen.",
   'ar': 'استبعدت الشرطة فرضية الإرهاب في حريق زولينغن.'},
  ['Police said the Solingen fire was not a terrorist act.',
   "Selon la police, l'incendie de Solingen n'était pas un acte terroriste.",
   'قالت الشرطة إن حريق زولينغن لم يكن عملاً إرهابياً.'],
  ['Police said the Solingen fire was a terrorist attack.',
   "La police a qualifié l'incendie de Solingen d'attentat terroriste.",
   'قالت الشرطة إن حريق زولينغن كان عملاً إرهابياً.'],
  []),
 ({'en': 'The UN said no aid trucks entered Gaza on Sunday.',
   'fr': "Selon l'ONU, aucun camion d'aide n'est entré à Gaza dimanche.",
   'ar': 'قالت الأمم المتحدة إنه لم تدخل أي شاحنة مساعدات إلى غزة يوم الأحد.'},
  ['According to the UN, aid deliveries into Gaza were blocked on Sunday.',
   "L'ONU indique que les livraisons d'aide vers Gaza ont été bloquées dimanche.",
   'ذكرت الأمم المتحدة أن إيصال المساعدات إلى غزة توقف يوم الأحد.'],
  ['The UN said 200 aid trucks entered Gaza on Sunday.',
   "Selon l'ONU, 200 camions d'aide sont entrés à Gaza dimanche.",
   'قالت الأمم المتحدة إن 200 شاحنة مساعدات دخلت غزة يوم الأحد.'],
  []),
 ({'en': 'The Marseille coach denied that he had resigned.',
   'fr': "L'entraîneur de Marseille a démenti avoir démissionné.",
   'ar': 'نفى مدرب مرسيليا أنه استقال.'},
  ['The Marseille coach insisted he was staying in his job.',
   "L'entraîneur de Marseille a assuré qu'il restait en poste.",
   'أكد مدرب مرسيليا أنه باق في منصبه.'],
  ['The Marseille coach announced his resignation.',
   "L'entraîneur de Marseille a annoncé sa démission.",
   'أعلن مدرب مرسيليا استقالته.'],
  []),
 ({'en': 'Officials played down the risk of an eruption at Etna.',
   'fr': "Les autorités ont minimisé le risque d'une éruption de l'Etna.",
   'ar': 'قلل المسؤولون من خطر ثوران بركان إتنا.'},
  ['Officials said an eruption at Etna was unlikely.',
   "Les autorités ont jugé peu probable une éruption de l'Etna.",
   'قال المسؤولون إن ثوران بركان إتنا غير مرجح.'],
  ['Officials warned that an eruption at Etna was imminent.',
   "Les autorités ont averti qu'une éruption de l'Etna était imminente.",
   'حذر المسؤولون من أن ثوران بركان إتنا وشيك.'],
  [])]


@pytest.mark.slow
def test_attributed_statements_are_never_shown_on_the_wrong_side() -> None:
    """Measured 2026-12-07: 15 on the wrong side before (13 contradicting) int8, 16 (15) fp32;
    none after; restatements shown supporting 10 of 54 (11 fp32) and right contradictions 28
    (31) before and after."""
    wrong, restated = read_battery(BATTERY)
    assert wrong == []
    assert restated.count("supports") >= 8
