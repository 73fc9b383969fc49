"""The evidence check: readings weighed against what the claim and the text state, before the
calibration decides (support needs the claim's names, one statement with nothing in conflict is
support, a contradiction needs a conflict a reader can see, a conflict never adds one)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborate.domain import STANCE_LABELS
from corroborate.errors import ModelError
from corroborate.stance.calibration import (
    CALIBRATION_FILE,
    Calibration,
    decide,
    load_calibration,
)
from corroborate.stance.evidence import EvidenceRule, missing_names, names, weigh
from corroborate.stance.model import StanceModel

SHIPPED = Path(__file__).resolve().parents[1] / "corroborate" / "stance" / "weights"


def probs(s: float, c: float, n: float, u: float = 0.0) -> dict[str, float]:
    return dict(zip(STANCE_LABELS, (s, c, n, u), strict=True))


def test_a_translation_the_network_reads_as_half_contradiction_is_support() -> None:
    # the case: the same sentence in French and English, read as contradicts by the net
    torn = probs(0.72, 0.25, 0.03)
    w = weigh("L'État islamique a revendiqué les attentats de Kerman.",
              "The Islamic State claimed the Kerman bombings.", torn)
    out = w.probabilities
    assert out["supports"] == pytest.approx(0.97) and out["contradicts"] == 0.0
    assert sum(out.values()) == pytest.approx(1.0)
    assert w.held_back == {"contradicts"}


def test_a_contradiction_no_reader_can_point_at_is_no_stance() -> None:
    # "Paris is the capital of France." vs "Paris has many museums.": nothing conflicts
    read = probs(0.05, 0.63, 0.3, 0.02)
    w = weigh("Paris is the capital of France.", "Paris has many museums.", read)
    # nothing conflicts (a country one side leaves out is no conflict), and the text does not
    # name France, so it supports nothing either; the probabilities stay the network's
    assert w.held_back == {"contradicts", "supports"} and w.probabilities == read
    cal = Calibration(1.0, {"supports": 0.7, "contradicts": 0.6}, evidence=EvidenceRule())
    shown = cal.apply(read, "Paris is the capital of France.", "Paris has many museums.")
    assert decide(shown, cal) == "neutral"
    assert shown["contradicts"] == pytest.approx(0.599)  # just under its threshold
    assert sum(shown.values()) == pytest.approx(1.0)


@pytest.mark.parametrize(("claim", "text"), [
    ("The flood killed 40 people in Passau.", "The flood killed 14 people in Passau."),
    ("Islamic State claimed the bombings in Kerman.",
     "Islamic State has not claimed the bombings in Kerman."),
    ("تبنى تنظيم الدولة الإسلامية تفجيري كرمان في إيران.",
     "Le groupe État islamique n'a pas revendiqué les attentats de Kerman en Iran."),
])
def test_a_contradiction_with_a_visible_conflict_stands_and_is_never_turned_to_support(
        claim: str, text: str) -> None:
    read = probs(0.2, 0.75, 0.05)
    assert weigh(claim, text, read).probabilities == read
    assert "contradicts" not in weigh(claim, text, read).held_back
    # a conflict never adds contradiction either: a supporting reading keeps its support
    support = probs(0.85, 0.1, 0.05)
    assert weigh(claim, text, support).probabilities == support


def test_a_text_without_the_claims_names_does_not_support_it() -> None:
    claim = "The ceasefire with the FRN rebels was mediated by Angola."
    text = "The ceasefire with the FRN rebels was mediated by Rwanda."
    assert missing_names(claim, text) == ["angola"]
    w = weigh(claim, text, probs(0.9, 0.07, 0.03))
    # and with nothing in conflict (no table names Rwanda), no contradiction is shown either
    assert w.held_back == {"supports", "contradicts"}


def test_names_are_matched_without_accents_or_case_and_never_across_scripts() -> None:
    assert names("The strike paralysed the port of Marseille on Monday in March.") == [
        "marseille"]  # weekdays and months are not names (and the first word never is)
    assert missing_names("Le séisme a frappé Béjaïa.", "An earthquake struck BEJAIA.") == []
    assert names("Le 5 octobre, l'État islamique a frappé.") == ["etat"]  # elided article
    # Arabic text: names are transliterated, so none can be found missing
    assert missing_names("Daniel Kiprop broke the record in Berlin.",
                         "حطم العداء دانيال كيبروب الرقم القياسي في برلين") == []


def test_the_calibration_weighs_only_when_it_has_a_rule_and_the_texts(tmp_path: Path) -> None:
    thresholds = {"supports": 0.7, "contradicts": 0.6}
    plain = Calibration(1.0, thresholds)
    checked = Calibration(1.0, thresholds, evidence=EvidenceRule())
    torn = probs(0.72, 0.25, 0.03)
    claim, text = "The IS claimed the Kerman bombings.", "The IS claimed the Kerman attacks."
    assert plain.apply(torn, claim, text) == pytest.approx(torn)
    assert checked.apply(torn) == pytest.approx(torn)  # no texts: nothing to weigh against
    assert decide(checked.apply(torn, claim, text), checked) == "supports"
    assert plain.digest != checked.digest  # cached readings of one are not the other's
    model = StanceModel(None, None, "f" * 64, 96, calibration=checked)
    assert model.cache_key.endswith(checked.digest)
    (tmp_path / CALIBRATION_FILE).write_text(checked.to_json(), encoding="utf-8")
    assert load_calibration(tmp_path) == checked
    broken = json.loads(checked.to_json()) | {"evidence": {"polar_min": 0.8}}
    (tmp_path / CALIBRATION_FILE).write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(ModelError, match="evidence needs polar_min and support_min"):
        load_calibration(tmp_path)


def test_the_shipped_calibration_checks_the_evidence() -> None:
    cal = load_calibration(SHIPPED)
    assert cal.evidence == EvidenceRule()
