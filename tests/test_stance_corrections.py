"""A text that corrects a name of the claim ("…, not at Mombasa port") contradicts it
(evidence check revision 22, :mod:`corroborate.stance.corrections`).

Such a text states every other word of the claim, so the network read the behavioural dev
half's seven corrections as support (0.41–0.78), and the check could only hold that back:
they were shown with no clear stance. Now the correction is a conflict the card shows, and
where the network reads one statement, the pair is a contradiction. The battery of the slow
test was written after the rule, on other stories, in en/fr/ar."""

from __future__ import annotations

import pytest

from corroborate.stance.corrections import correction, corrects
from corroborate.stance.evidence import shown_conflicts, weigh

from .test_stance_probes import _read_both_ways


def probs(s: float, c: float, n: float, u: float = 0.0) -> dict[str, float]:
    return {"supports": s, "contradicts": c, "neutral": n, "unrelated": u}


@pytest.mark.parametrize(("claim", "text", "name", "phrase"), [
    ("Kenyan police arrested 14 smugglers in a raid at Mombasa port.",
     "The raid took place in Nairobi, not at Mombasa port as initially reported.",
     "Mombasa", "not at Mombasa port as initially reported"),
    ("L'accord a été signé à Cúcuta.", "L'accord a été signé à San Antonio, et non à Cúcuta.",
     "Cúcuta", "et non à Cúcuta"),
    # Arabic names outside the entity table, compared word for word within Arabic script
    ("خرج القطار عن السكة قرب مدينة بوزنان.",
     "خرج القطار عن السكة قرب مدينة فروتسواف، وليس قرب بوزنان كما ذكرت تقارير أولية.",
     "بوزنان", "وليس قرب بوزنان كما ذكرت تقارير أولية"),
    # « …، لا العاصمة » : "…, not the capital"
    ("أقيم الحفل في العاصمة تونس.", "احتضنت مدينة الحمامات، لا العاصمة تونس، حفل الاختتام.",
     "تونس", "لا العاصمة تونس"),
])
def test_a_correction_names_the_claims_name_and_the_phrase(claim: str, text: str, name: str,
                                                           phrase: str) -> None:
    said, found = correction(claim, text) or ((0, 0), (0, 0))
    assert name in claim[said[0]:said[1]]
    assert text[found[0]:found[1]] == phrase == corrects(claim, text)


@pytest.mark.parametrize(("claim", "text"), [
    # "not only" and its kin correct nothing
    ("The storm hit Mombasa on Monday.", "The storm hit not only Mombasa but also Malindi."),
    ("ضربت العاصفة مدينة مومباسا", "ضربت العاصفة مدينة ماليندي وليس فقط مومباسا"),
    ("The storm hit Mombasa on Monday.", "The storm hit a town, not far from Mombasa."),
    ("La tempête a frappé Mombasa.", "La tempête a frappé un village, non loin de Mombasa."),
    # ", noting that …" is no ", not"
    ("The United States keeps about 2,500 troops in Iraq.",
     "Officials rejected that description, noting that the US presence remains unchanged."),
    # a headline's capitalised common words are no names; "so as not to" is a purpose
    ("Macaulay Culkin Dead: Actor Once Again Victim Of Death Hoax",
     "This is not the first death hoax aimed at the actor."),
    ("The Africa Cup of Nations is held in even years.",
     "It moved to odd years so as not to clash with the FIFA World Cup."),
    # « …، لا سيما » is "especially", not a correction
    ("ضربت العاصفة مدينة مومباسا", "ضربت العاصفة عدة مدن، لا سيما مومباسا"),
    # the text corrects a name the claim does not have
    ("The accord was signed in Cúcuta.", "It was signed in Cúcuta, not in Caracas as planned."),
    # a short common Arabic word is no name
    ("عقد الاجتماع يوم الاثنين", "عقد الاجتماع يوم الاثنين وليس يوم الأحد"),
])
def test_what_is_no_correction(claim: str, text: str) -> None:
    assert correction(claim, text) is None


def test_a_correction_across_scripts_holds_support_back_but_is_no_conflict() -> None:
    """"Lusaka" cannot be compared with «لوساكا»: the Arabic correction was shown supporting
    the English claim (5 of the slow test's 18 corrections, revision 21)."""
    claim = "The summit was held in Lusaka on Friday."
    text = "عقدت القمة يوم الجمعة في هراري وليس في لوساكا كما أعلن سابقا."
    assert corrects(claim, text) == "وليس في لوساكا كما أعلن سابقا"
    assert correction(claim, text) is None
    assert "supports" in weigh(claim, text, probs(0.9, 0.05, 0.05)).held_back
    # a claim in the text's script is compared by its names: another name is no correction
    assert corrects("عقدت القمة في هراري", text) is None


def test_a_correction_read_as_one_statement_is_a_contradiction() -> None:
    claim = "Kenyan police arrested 14 smugglers in a raid at Mombasa port."
    text = ("The raid in which Kenyan police arrested 14 smugglers took place in Nairobi, "
            "not at Mombasa port as initially reported.")
    # the network reads every shared word as support: the check shows the correction instead
    w = weigh(claim, text, probs(0.5, 0.35, 0.15))
    assert w.probabilities["contradicts"] == pytest.approx(0.85)
    assert w.probabilities["supports"] == 0.0
    assert w.held_back == {"supports"}
    # a reading that is not one statement keeps its mass, but may not be shown as support
    w = weigh(claim, text, probs(0.4, 0.2, 0.4))
    assert w.probabilities["contradicts"] == 0.2 and w.held_back == {"supports"}
    # the card shows the name and the correcting phrase side by side
    kinds = {c.kind: c for c in shown_conflicts(claim, text)}
    said = kinds["correction"]
    assert said.claim is not None and said.passage is not None
    assert claim[said.claim[0]:said.claim[1]] == "Mombasa"
    assert text[said.passage[0]:said.passage[1]].startswith("not at Mombasa port")


def test_the_page_shows_a_correction_side_by_side_escaped() -> None:
    from corroborate.page.render import evidence_card
    from corroborate.results import Evidence

    claim = "The accord was signed in <i>Cúcuta</i>."
    passage = "The accord was signed in <b>San Antonio</b>, not in Cúcuta as planned."
    ev = Evidence("a", "https://a.example", "t", "Outlet", "en", None, passage, 0, len(passage),
                  (0, len(passage)), 0.9, "contradicts", probs(0.0, 0.9, 0.1), "a",
                  conflicts=tuple(shown_conflicts(claim, passage)))
    html = evidence_card(ev, "en", claim)
    assert "correction: the claim says “Cúcuta”" in html
    assert "<b>San" not in html and "&lt;b&gt;San Antonio" in html


# (claims, the same fact restated, the fact corrected): other stories than the dev half's
CORRECTIONS = [
    (["The summit was held in Lusaka on Friday.",
      "Le sommet s'est tenu vendredi à Lusaka.",
      "عقدت القمة يوم الجمعة في لوساكا."],
     ["On Friday the summit took place in Lusaka.",
      "C'est à Lusaka que le sommet a eu lieu vendredi.",
      "انعقدت القمة في لوساكا يوم الجمعة."],
     ["The summit was held in Harare on Friday, not in Lusaka as first announced.",
      "Le sommet s'est tenu vendredi à Harare, et non à Lusaka comme annoncé.",
      "عقدت القمة يوم الجمعة في هراري وليس في لوساكا كما أعلن سابقا."]),
    (["The new bridge was designed by Meridian Works.",
      "Le nouveau pont a été conçu par Meridian Works.",
      "صمم الجسر الجديد مكتب ميريديان ووركس."],
     ["Meridian Works designed the new bridge.",
      "C'est Meridian Works qui a conçu le nouveau pont.",
      "مكتب ميريديان ووركس هو الذي صمم الجسر الجديد."],
     ["The new bridge was designed by Atlas Partners, not by Meridian Works.",
      "Le nouveau pont a été conçu par Atlas Partners, et non par Meridian Works.",
      "صمم الجسر الجديد مكتب أطلس بارتنرز وليس مكتب ميريديان ووركس."]),
]


@pytest.mark.slow
def test_a_correction_is_never_shown_supporting() -> None:
    """Measured 2026-12-06 (int8, AVX2 host), revision 21 → 22: the corrections (18 pairs in 9
    language pairs) shown supporting **5 → 0** (a Latin-script claim against an Arabic
    correction, whose names cannot be compared: such a phrase now holds support back),
    contradicting 0 → 10 (within one script; across scripts, a Latin name is not found in an
    Arabic correction, so no conflict is shown); the same fact restated (18) shown supporting
    11, contradicting 0, before and after."""
    same, corrected = _read_both_ways(CORRECTIONS)
    assert "supports" not in corrected and corrected.count("contradicts") >= 8
    assert "contradicts" not in same and same.count("supports") >= 9
