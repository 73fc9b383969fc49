"""Fit a stance model's calibration on dev readings: ``python -m research.calibrate``.

    corroborate eval stance --format dev --sample 0 --fnc-sample 0 --other-sample 300 \\
        --no-calibration --model WEIGHTS --predictions-out DEV.jsonl
    python -m research.weighed --readings READINGS.jsonl --model WEIGHTS
    python -m research.calibrate --predictions DEV.jsonl --weighed READINGS.jsonl --out WEIGHTS

reads the uncalibrated dev readings (one row per pair or FNC-1/ARC document: ``set``, ``gold``,
``probabilities``) and writes ``WEIGHTS/calibration.json`` (:mod:`corroborate.stance.calibration`):

1. the temperature minimising the negative log-likelihood of every row (three-class sets, whose
   gold ``neutral`` also covers ``unrelated``, are scored on ``P(neutral) + P(unrelated)``);
2. per side, the lowest threshold at which the side's precision reaches the target on a pool in
   which every dev set has the same weight (each set drawn down to at most ``--per-set`` rows, so
   that MNLI's thousands of rows do not outvote news stance); the sets named by ``--sets``;
3. with ``--weighed`` (the pair readings with their texts that ``research.weighed`` writes),
   each threshold is raised, never lowered, to the lowest at which what the engine *shows*
   reaches the target: the readings weighed against their texts first (the evidence check
   gives support where the network leaned to it, :mod:`corroborate.stance.evidence`), then
   calibrated. Fitted on raw readings alone, the shipped support threshold showed support at
   precision 0.833 on the weighed pool.

The file records the figures it was fitted on: per set, the rows, the expected calibration error
before and after, and each side's precision and count at the chosen thresholds.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from corroborate.stance.calibration import (
    CALIBRATION_FILE,
    SIDES,
    TARGET_PRECISION,
    Calibration,
    expected_calibration_error,
    scale,
    side_threshold,
)
from corroborate.stance.evidence import EvidenceRule
from corroborate.stance.labels import NEUTRAL, UNRELATED

# the news-stance sets and the behavioural dev half, and XNLI in the three languages and across
DEFAULT_SETS = ("fnc1", "arc", "ans", "behaviour_dev", "xnli_en", "xnli_fr", "xnli_ar",
                "xnli_fr_en", "xnli_ar_en")


def read_rows(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Prediction rows of ``corroborate eval stance --predictions-out``, by set."""
    by_set: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                by_set[str(row.get("set", ""))].append(row)
    return dict(by_set)


def _three_class(rows: Sequence[Mapping[str, Any]]) -> bool:
    return all(r["gold"] != UNRELATED for r in rows)


def _folded(p: Mapping[str, float]) -> dict[str, float]:
    q = dict(p)
    q[NEUTRAL] = q.get(NEUTRAL, 0.0) + q.get(UNRELATED, 0.0)
    q[UNRELATED] = 0.0
    return q


def fit(by_set: Mapping[str, Sequence[Mapping[str, Any]]], sets: Sequence[str], *,
        precision: float = TARGET_PRECISION, per_set: int = 600, seed: int = 13) -> Calibration:
    """The calibration of these dev readings (see the module docstring)."""
    from scipy.optimize import minimize_scalar

    chosen = {name: list(by_set[name]) for name in sets if by_set.get(name)}
    if not chosen:
        raise SystemExit(f"none of the sets {', '.join(sets)} is in the predictions")
    rng = random.Random(seed)
    pool = {name: rng.sample(rows, min(per_set, len(rows))) for name, rows in chosen.items()}

    def prepared(rows: Sequence[Mapping[str, Any]], t: float) -> list[dict[str, float]]:
        out = [scale(r["probabilities"], t) for r in rows]
        return [_folded(p) for p in out] if _three_class(rows) else out

    def nll(t: float) -> float:
        import math

        return -sum(math.log(max(p[r["gold"]], 1e-12))
                    for rows in pool.values() for p, r in zip(prepared(rows, t), rows, strict=True))

    temperature = float(minimize_scalar(nll, bounds=(0.05, 20.0), method="bounded").x)
    flat_p = [p for rows in pool.values() for p in prepared(rows, temperature)]
    flat_g = [r["gold"] for rows in pool.values() for r in rows]
    thresholds, chosen_at = {}, {}
    for side in SIDES:
        t, prec, kept = side_threshold(flat_p, flat_g, side, precision=precision)
        thresholds[side] = round(t, 4)
        chosen_at[side] = {"pooled_precision": round(prec, 4), "kept": kept}
    cal = Calibration(round(temperature, 4), thresholds)
    per: dict[str, Any] = {}
    for name, rows in chosen.items():
        before = [_folded(r["probabilities"]) if _three_class(rows) else r["probabilities"]
                  for r in rows]
        after = prepared(rows, cal.temperature)
        gold = [r["gold"] for r in rows]
        figures: dict[str, Any] = {
            "n": len(rows),
            "ece_before": round(expected_calibration_error(before, gold), 4),
            "ece_after": round(expected_calibration_error(after, gold), 4)}
        for side in SIDES:
            shown = [g for p, g in zip(after, gold, strict=True)
                     if max(p, key=p.__getitem__) == side and p[side] >= thresholds[side]]
            figures[side] = {"shown": len(shown),
                             "precision": round(sum(g == side for g in shown) / len(shown), 4)
                             if shown else None}
        per[name] = figures
    return Calibration(cal.temperature, cal.thresholds, {
        "target_precision": precision, "per_set_cap": per_set, "seed": seed,
        "pooled": chosen_at, "sets": per})


def raise_to_weighed(cal: Calibration, readings: Path, *, precision: float = TARGET_PRECISION,
                     per_set: int = 600) -> Calibration:
    """Step 3: each threshold raised to the one the weighed readings need for ``precision``
    (:func:`research.weighed.weighed_thresholds`), never lowered; the figures go to
    ``fitted_on["weighed"]``."""
    from .weighed import read_readings, weighed_thresholds

    if not readings.is_file():
        raise SystemExit(f"{readings}: no such readings (python -m research.weighed --readings "
                         f"{readings} --model WEIGHTS writes them)")
    rows = read_readings(readings, None, readings.parent)
    if not rows:
        raise SystemExit(f"{readings}: no readings")
    fitted = weighed_thresholds(rows, cal, precision=precision, per_set=per_set)
    thresholds = {side: max(cal.threshold(side), round(fitted[side][0], 4)) if fitted[side][2]
                  else cal.threshold(side) for side in SIDES}  # a side never shown stays
    figures = {side: {"threshold": round(t, 4), "precision": round(p, 4), "kept": kept}
               for side, (t, p, kept) in fitted.items()}
    return replace(cal, thresholds=thresholds,
                   fitted_on={**cal.fitted_on, "weighed": {"readings": len(rows), **figures}})


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m research.calibrate",
                                 description=__doc__.splitlines()[0])
    ap.add_argument("--predictions", type=Path, required=True,
                    help="uncalibrated dev predictions (eval stance --no-calibration "
                         "--predictions-out)")
    ap.add_argument("--out", type=Path, required=True, help="the weights folder to calibrate")
    ap.add_argument("--sets", default=",".join(DEFAULT_SETS),
                    help="dev sets fitted on, comma-separated (default: %(default)s)")
    ap.add_argument("--precision", type=float, default=TARGET_PRECISION,
                    help="each side's precision on the pooled dev sets (default: %(default)s)")
    ap.add_argument("--per-set", type=int, default=600,
                    help="rows drawn from each set into the pool (default: %(default)s)")
    ap.add_argument("--weighed", type=Path, default=None,
                    help="pair readings with their texts (python -m research.weighed "
                         "--readings): raise each threshold to what the weighed readings need")
    ap.add_argument("--no-evidence", action="store_true",
                    help="ship no evidence rule (readings are not weighed against the texts "
                         "before calibration: corroborate/stance/evidence.py)")
    args = ap.parse_args(argv)
    cal = fit(read_rows(args.predictions), args.sets.split(","), precision=args.precision,
              per_set=args.per_set)
    if not args.no_evidence:
        cal = replace(cal, evidence=EvidenceRule())
        if args.weighed is not None:
            cal = raise_to_weighed(cal, args.weighed, precision=args.precision,
                                   per_set=args.per_set)
    (args.out / CALIBRATION_FILE).write_text(cal.to_json(), encoding="utf-8")
    lines = [f"temperature {cal.temperature}, thresholds {cal.thresholds} -> "
             f"{args.out / CALIBRATION_FILE}"]
    for side, f in cal.fitted_on.get("weighed", {}).items():
        if side in SIDES:
            lines.append(f"  weighed {side}: {f['threshold']} (precision {f['precision']}, "
                         f"{f['kept']} kept)")
    for name, f in cal.fitted_on["sets"].items():
        sides = "  ".join(f"{s} {f[s]['precision']} of {f[s]['shown']}" for s in SIDES)
        lines.append(f"  {name:<14} n={f['n']:<5} ECE {f['ece_before']:.3f} -> "
                     f"{f['ece_after']:.3f}  {sides}")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
