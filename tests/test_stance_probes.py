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
