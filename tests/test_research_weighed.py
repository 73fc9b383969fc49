"""research/weighed.py: what the calibrated engine shows on dev readings, weighed as it weighs."""

from __future__ import annotations

import json
from pathlib import Path

from corroborate.stance.calibration import Calibration
from corroborate.stance.evidence import EvidenceRule


def row(set_: str, gold: str, claim: str, text: str, s: float, c: float) -> dict[str, object]:
    return {"set": set_, "gold": gold, "claim": claim, "text": text,
            "probabilities": {"supports": s, "contradicts": c, "neutral": 1 - s - c,
                              "unrelated": 0.0}}


ROWS = [
    # a named claim leaning to support with nothing in conflict: step 2 makes it support
    row("xnli_en", "supports", "Casa Norte bought Lojas Sol.", "Casa Norte acquired Lojas Sol.",
        0.8, 0.17),
    # a claim naming nothing: the same reading is left to the network (under the threshold)
    row("xnli_en", "contradicts", "It is getting better.", "It is only getting worse.", 0.8, 0.17),
    # a confident support needs no step 2
    row("ans", "supports", "The river flooded.", "The river burst its banks.", 0.97, 0.01),
]


def test_step_two_shows_support_only_for_claims_that_name_something(tmp_path: Path) -> None:
    from research.weighed import read_readings, shown

    path = tmp_path / "readings.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in ROWS), "utf-8")
    rows = read_readings(path, None, tmp_path)  # an existing file is read, no model loaded
    cal = Calibration(2.0, {"supports": 0.78, "contradicts": 0.66}, evidence=EvidenceRule())
    result = shown(rows, cal)
    assert result["sets"]["xnli_en"]["supports"] == [1, 1]
    assert result["sets"]["ans"]["supports"] == [1, 1]
    assert result["pooled"]["supports"] == [2, 2]
    assert result["pooled"]["contradicts"] == [0, 0]  # no conflict a reader can see
    off = shown(rows, Calibration(2.0, {"supports": 0.78, "contradicts": 0.66},
                                  evidence=EvidenceRule(polar_min=2.0)))
    assert off["pooled"]["supports"] == [1, 1]  # without step 2 only the confident one


def test_calibration_raises_a_threshold_to_what_the_weighed_readings_need(tmp_path: Path) -> None:
    from research.calibrate import raise_to_weighed

    right = row("xnli_en", "supports", "The river flooded.", "The river burst its banks.",
                0.99, 0.0)
    # leaning to support with nothing in conflict: step 2 shows them as support, but they are not
    wrong = row("xnli_en", "contradicts", "Casa Norte bought Lojas Sol.",
                "Casa Norte acquired Lojas Sol.", 0.8, 0.17)
    path = tmp_path / "readings.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in [right] * 25 + [wrong] * 10), "utf-8")
    raw = Calibration(1.0, {"supports": 0.5, "contradicts": 0.5}, evidence=EvidenceRule())
    raised = raise_to_weighed(raw, path)
    assert raised.thresholds["supports"] == 0.99  # 0.97 (step 2's) would show the ten wrong
    assert raised.thresholds["contradicts"] == 0.5  # nothing shown there: left as it was
    assert raised.fitted_on["weighed"]["supports"]["precision"] == 1.0
    strict = Calibration(1.0, {"supports": 0.995, "contradicts": 0.5}, evidence=EvidenceRule())
    assert raise_to_weighed(strict, path).thresholds["supports"] == 0.995  # never lowered
