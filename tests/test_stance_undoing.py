"""An act and its undoing: opened and closed, joined and left, sanctions lifted and imposed
(evidence check revision 30, :mod:`corroborate.stance.opposites`).

A fresh battery (5 stories in en/fr/ar, written before the rule: the Rafah crossing, Sweden
and NATO, EU sanctions on Syria, a journalist in Istanbul, disposable vapes in France) found
**15 of 45 opposites shown supporting** (int8): «أغلقت مصر معبر رفح» against "Egypt opened the
Rafah border crossing", "Sweden left NATO" against "Sweden joined NATO", « L'Union européenne a
imposé de nouvelles sanctions à la Syrie » against «رفع الاتحاد الأوروبي عقوباته عن سوريا». Such
a text now holds support back (a pair that only holds back: a crossing closed on Sunday may
open on Monday, and a text with both words may still support). Arrested / released and
banned / authorised were not misread.
"""

from __future__ import annotations

import pytest

from corroborate.stance.evidence import weigh
from corroborate.stance.opposites import opposite_spans, opposite_words

from .test_stance_evidence import probs
from .test_stance_probes import _read_both_ways


@pytest.mark.parametrize(("claim", "text", "words"), [
    ("Egypt opened the Rafah border crossing on Monday.",
     "أغلقت مصر معبر رفح الحدودي يوم الاثنين.", ("opened", "أغلقت")),
    ("فتحت مصر معبر رفح الحدودي يوم الاثنين.",
     "L'Égypte a fermé lundi le point de passage de Rafah.", ("فتحت", "fermé")),
    ("Sweden joined NATO in March.", "La Suède a quitté l'OTAN en mars.", ("joined", "quitté")),
    ("L'Union européenne a levé ses sanctions contre la Syrie.",
     "فرض الاتحاد الأوروبي عقوبات جديدة على سوريا.", ("levé", "فرض")),
])
def test_an_undone_act_holds_support_back_and_is_no_conflict(
        claim: str, text: str, words: tuple[str, str]) -> None:
    assert opposite_words(claim, text) == words
    assert opposite_spans(claim, text) is None
    assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back


@pytest.mark.parametrize(("claim", "text"), [
    ("Soldiers opened fire on the protesters.", "The road to the square was closed."),
    ("Egypt opened the Rafah crossing.",
     "Talks were held behind closed doors before Egypt opened the Rafah crossing."),
    ("Egypt opened the Rafah crossing.", "Egypt closed the crossing on Sunday and opened it "
                                          "again on Monday."),
])
def test_what_undoes_nothing(claim: str, text: str) -> None:
    assert opposite_words(claim, text) is None


BATTERY = [
    ({
        "en": "Egypt opened the Rafah border crossing on Monday.",
        "fr": "L'Égypte a ouvert lundi le point de passage de Rafah.",
        "ar": "فتحت مصر معبر رفح الحدودي يوم الاثنين.",
    }, [
        "The Rafah crossing was opened by Egyptian authorities on Monday.",
        "Les autorités égyptiennes ont ouvert lundi le terminal de Rafah.",
        "فتحت السلطات المصرية معبر رفح يوم الاثنين.",
    ], [
        "Egypt closed the Rafah border crossing on Monday.",
        "L'Égypte a fermé lundi le point de passage de Rafah.",
        "أغلقت مصر معبر رفح الحدودي يوم الاثنين.",
    ]),
    ({
        "en": "Sweden joined NATO in March.",
        "fr": "La Suède a rejoint l'OTAN en mars.",
        "ar": "انضمت السويد إلى حلف الناتو في مارس.",
    }, [
        "In March Sweden became a member of NATO.",
        "En mars, la Suède est devenue membre de l'OTAN.",
        "أصبحت السويد عضوا في حلف الناتو في مارس.",
    ], [
        "Sweden left NATO in March.",
        "La Suède a quitté l'OTAN en mars.",
        "انسحبت السويد من حلف الناتو في مارس.",
    ]),
    ({
        "en": "The European Union lifted its sanctions on Syria.",
        "fr": "L'Union européenne a levé ses sanctions contre la Syrie.",
        "ar": "رفع الاتحاد الأوروبي عقوباته عن سوريا.",
    }, [
        "EU sanctions against Syria were lifted, the bloc said.",
        "Les sanctions de l'UE visant la Syrie ont été levées, a annoncé Bruxelles.",
        "أعلن الاتحاد الأوروبي رفع العقوبات المفروضة على سوريا.",
    ], [
        "The European Union imposed new sanctions on Syria.",
        "L'Union européenne a imposé de nouvelles sanctions à la Syrie.",
        "فرض الاتحاد الأوروبي عقوبات جديدة على سوريا.",
    ]),
    ({
        "en": "Police in Istanbul released the detained journalist.",
        "fr": "La police d'Istanbul a libéré le journaliste détenu.",
        "ar": "أفرجت الشرطة في إسطنبول عن الصحفي المحتجز.",
    }, [
        "The journalist held by police in Istanbul was freed.",
        "Le journaliste détenu par la police à Istanbul a été remis en liberté.",
        "أطلقت شرطة إسطنبول سراح الصحفي المعتقل.",
    ], [
        "Police in Istanbul arrested the journalist.",
        "La police d'Istanbul a arrêté le journaliste.",
        "اعتقلت الشرطة في إسطنبول الصحفي.",
    ]),
    ({
        "en": "France banned the sale of disposable vapes.",
        "fr": "La France a interdit la vente de cigarettes électroniques jetables.",
        "ar": "حظرت فرنسا بيع السجائر الإلكترونية التي تستعمل لمرة واحدة.",
    }, [
        "The sale of single-use e-cigarettes is now prohibited in France.",
        ("La vente des puffs, ces cigarettes électroniques jetables, est désormais interdite en "
         "France."),
        "أصبح بيع السجائر الإلكترونية أحادية الاستعمال محظورا في فرنسا.",
    ], [
        "France authorised the sale of disposable vapes.",
        "La France a autorisé la vente de cigarettes électroniques jetables.",
        "سمحت فرنسا ببيع السجائر الإلكترونية التي تستعمل لمرة واحدة.",
    ]),
]


@pytest.mark.slow
def test_an_undone_act_is_never_shown_supporting() -> None:
    """Measured 2026-12-07 (int8 / fp32, evidence check revision 29 → 30): opposites shown
    supporting 15 / 14 → 0 / 0 of 45; restatements shown supporting 27 / 28 → 27 / 28 of 45,
    none contradicting."""
    restated, opposite = _read_both_ways(
        [(list(claims.values()), same, opposite) for claims, same, opposite in BATTERY])
    assert "supports" not in opposite
    assert "contradicts" not in restated
    assert restated.count("supports") >= 22
