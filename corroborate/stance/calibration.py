"""Calibrated stance probabilities and the per-side thresholds below which no side is taken.

A model's raw probabilities are over-confident; two things are fitted on the dev sets
(``python -m research.calibrate``) and shipped beside the weights in ``calibration.json``:

1. a **temperature** ``T``: every probability row becomes ``softmax(log p / T)``, the
   temperature minimising the dev sets' negative log-likelihood (Guo et al. 2017);
2. a **threshold per side**: the calibrated probability a reading of ``supports`` or
   ``contradicts`` needs before it is shown as such, the lowest at which that side's precision
   on the dev sets reaches :data:`TARGET_PRECISION`. Below it the reading is ``neutral``: related
   to the claim, no clear stance (:func:`decide`).

With an ``evidence`` rule, each reading is first weighed against the two texts (support needs
the claim's names, one statement with nothing in conflict is support, a contradiction needs a
visible conflict: :mod:`.evidence`), then scaled, and a side it holds back is kept just under
its threshold.

Without a ``calibration.json`` the temperature is 1 and both thresholds are
:data:`DEFAULT_THRESHOLD` (the plain most-probable label, as before calibration existed).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..domain import STANCE_LABELS, StanceResult
from ..errors import ModelError
from .evidence import EvidenceRule, weigh
from .labels import CONTRADICTS, NEUTRAL, SUPPORTS

CALIBRATION_FILE = "calibration.json"
TARGET_PRECISION = 0.85
DEFAULT_THRESHOLD = 0.5
HOLD_MARGIN = 1e-3  # a side the evidence check holds back stays this far under its threshold
SIDES = (SUPPORTS, CONTRADICTS)


@dataclass(frozen=True)
class Calibration:
    """The temperature and the per-side thresholds of one model, and what they were fitted on."""

    temperature: float = 1.0
    thresholds: dict[str, float] = field(
        default_factory=lambda: dict.fromkeys(SIDES, DEFAULT_THRESHOLD))
    fitted_on: dict[str, Any] = field(default_factory=dict)
    evidence: EvidenceRule | None = None  # weigh readings against the texts first (evidence.py)

    @property
    def digest(self) -> str:
        """Identifies the calibration (results cached under one are not another's)."""
        parts: list[Any] = [self.temperature, sorted(self.thresholds.items())]
        if self.evidence is not None:
            parts.append(sorted(asdict(self.evidence).items()))
        return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:12]

    def threshold(self, side: str) -> float:
        return float(self.thresholds.get(side, DEFAULT_THRESHOLD))

    def apply(self, probabilities: Mapping[str, float], claim: str | None = None,
              text: str | None = None) -> dict[str, float]:
        """The calibrated probabilities of one reading (every label of :data:`STANCE_LABELS`);
        given the claim and the text read, weighed against them first when this calibration
        has an evidence rule (:func:`~.evidence.weigh`)."""
        if self.evidence is None or claim is None or text is None:
            return scale(probabilities, self.temperature)
        weighed = weigh(claim, text, probabilities, self.evidence)
        out = scale(weighed.probabilities, self.temperature)
        for side in weighed.held_back:  # just under its threshold: never shown, barely changed
            cap = max(0.0, self.threshold(side) - HOLD_MARGIN)
            if out[side] > cap:
                out[NEUTRAL] += out[side] - cap
                out[side] = cap
        return out

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, ensure_ascii=False) + "\n"


NONE = Calibration()


def scale(probabilities: Mapping[str, float], temperature: float) -> dict[str, float]:
    """``softmax(log p / temperature)`` over :data:`STANCE_LABELS` (a zero stays zero)."""
    if temperature == 1.0:
        return {k: float(probabilities.get(k, 0.0)) for k in STANCE_LABELS}
    logs = {k: math.log(max(float(probabilities.get(k, 0.0)), 1e-12)) / temperature
            for k in STANCE_LABELS}
    top = max(logs.values())
    exp = {k: math.exp(v - top) for k, v in logs.items()}
    total = sum(exp.values())
    return {k: v / total for k, v in exp.items()}


def _top(probabilities: Mapping[str, float]) -> str:
    """The most probable label (the first of :data:`STANCE_LABELS` on ties)."""
    return max(STANCE_LABELS, key=lambda k: probabilities.get(k, 0.0))


def decide(probabilities: Mapping[str, float], calibration: Calibration = NONE) -> str:
    """The label shown for (calibrated) probabilities: the most probable, except that a side
    whose probability is under its threshold becomes ``neutral`` (no clear stance)."""
    label = _top(probabilities)
    if label in SIDES and probabilities.get(label, 0.0) < calibration.threshold(label):
        return NEUTRAL
    return label


def to_result(probabilities: Mapping[str, float], calibration: Calibration = NONE) -> StanceResult:
    """A :class:`StanceResult` of already calibrated probabilities, labelled by :func:`decide`."""
    probs = {k: float(probabilities.get(k, 0.0)) for k in STANCE_LABELS}
    return StanceResult(decide(probs, calibration), probs)


def load_calibration(folder: Path | None) -> Calibration:
    """The ``calibration.json`` of a weights or model folder (:data:`NONE` when it has none).

    Raises:
        ModelError: the file exists but is not a calibration.
    """
    if folder is None:
        return NONE
    path = Path(folder) / CALIBRATION_FILE
    if not path.is_file():
        return NONE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        temperature = float(raw["temperature"])
        thresholds = {side: float(raw["thresholds"][side]) for side in SIDES}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"{path}: not a stance calibration ({exc})") from exc
    if not temperature > 0 or not all(0.0 <= t <= 1.0 for t in thresholds.values()):
        raise ModelError(f"{path}: temperature must be > 0 and thresholds within 0–1")
    evidence = raw.get("evidence")
    try:
        rule = None if evidence is None else EvidenceRule(float(evidence["polar_min"]),
                                                          float(evidence["support_min"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{path}: evidence needs polar_min and support_min ({exc})") from exc
    return Calibration(temperature, thresholds, dict(raw.get("fitted_on") or {}), rule)


# ---------------------------------------------------------------- fitting and measuring


def fit_temperature(rows: Sequence[Mapping[str, float]], gold: Sequence[str]) -> float:
    """The temperature minimising the negative log-likelihood of ``gold`` (0.05–20)."""
    from scipy.optimize import minimize_scalar

    if not rows:
        return 1.0

    def nll(t: float) -> float:
        return -sum(math.log(max(scale(p, t)[g], 1e-12)) for p, g in zip(rows, gold, strict=True))

    return float(minimize_scalar(nll, bounds=(0.05, 20.0), method="bounded").x)


def expected_calibration_error(rows: Sequence[Mapping[str, float]], gold: Sequence[str],
                               bins: int = 15) -> float:
    """ECE of the most probable label: ``Σ |accuracy − confidence| × share`` over equal-width
    confidence bins."""
    if not rows:
        return 0.0
    sums: list[list[float]] = [[0.0, 0.0, 0.0] for _ in range(bins)]  # n, confidence, right
    for p, g in zip(rows, gold, strict=True):
        label = _top(p)
        conf = float(p.get(label, 0.0))
        b = sums[min(bins - 1, int(conf * bins))]
        b[0] += 1
        b[1] += conf
        b[2] += float(label == g)
    return sum(abs(right - conf) for n, conf, right in sums if n) / len(rows)


def side_threshold(rows: Sequence[Mapping[str, float]], gold: Sequence[str], side: str, *,
                   precision: float = TARGET_PRECISION, floor: float = DEFAULT_THRESHOLD,
                   min_kept: int = 20) -> tuple[float, float, int]:
    """The lowest threshold (at least ``floor``) at which readings of ``side`` reach
    ``precision``; returns ``(threshold, precision there, readings kept)``.

    A reading counts for ``side`` when ``side`` is its most probable label and its probability
    is at least the threshold. When no threshold reaches the precision with ``min_kept``
    readings, the one with the best precision is returned.
    """
    scored = sorted(
        (float(p.get(side, 0.0)), g == side) for p, g in zip(rows, gold, strict=True)
        if _top(p) == side)
    best = (0.99, 0.0, 0)
    right = sum(ok for _, ok in scored)
    for i, (value, ok) in enumerate(scored):  # threshold = value keeps scored[i:]
        kept = len(scored) - i
        first = i == 0 or scored[i - 1][0] < value  # ties: a threshold keeps all of them
        if first and value >= floor and kept >= min_kept:
            prec = right / kept
            if prec >= precision:
                return value, prec, kept
            if prec > best[1]:
                best = (value, prec, kept)
        right -= ok
    return best
