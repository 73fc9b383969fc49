"""What the calibrated engine would show on the pair dev sets: ``python -m research.weighed``.

    python -m research.weighed --readings READINGS.jsonl [--model WEIGHTS] [--polar-min X]
        [--support-min Y] [--no-step2]

``calibrate.py`` fits its thresholds on the network's raw readings; the engine weighs each
reading against the two texts first (``corroborate/stance/evidence.py``), which holds some sides
back and, in step 2, moves contradiction mass to support. This tool measures the result:

1. it reads the raw readings of the calibration's pair sets (XNLI en/fr/ar and across languages,
   ANS, the behavioural dev half), each pair read whole, from ``--readings`` or, when that file
   does not exist yet, with the model, and writes them there with their texts;
2. it draws at most ``--per-set`` rows of each set (seed 13, as ``calibrate.py`` draws its pool);
3. it weighs and calibrates every row with the model's ``calibration.json`` (or its evidence rule
   changed by the options) and prints, per set and pooled, the sides shown and how many are
   right, and the lowest support threshold reaching the target precision on the weighed pool.

FNC-1 and ARC are read as documents (several passages each) and are left out.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from corroborate.stance.calibration import (
    SIDES,
    TARGET_PRECISION,
    decide,
    load_calibration,
    side_threshold,
)
from corroborate.stance.data import SHARED_DATA_DIR
from corroborate.stance.evidence import EvidenceRule

SETS = ("xnli_en", "xnli_fr", "xnli_ar", "xnli_fr_en", "xnli_ar_en", "ans", "behaviour_dev")
NO_STEP2 = 2.0  # a polar_min no reading reaches


def read_readings(path: Path, model_spec: str | None, data_dir: Path) -> list[dict[str, Any]]:
    """Step 1: the raw readings of :data:`SETS`, from ``path`` or read with the model."""
    if path.is_file():
        return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    from corroborate.settings import Settings
    from corroborate.stance.data import read_jsonl_pairs
    from corroborate.stance.model import load_stance_model

    from .devreport import BEHAVIOUR_DEV
    from .mixture import build_mixture

    mix = build_mixture(data_dir, seed=13, scale=0.001)  # the dev splits do not depend on scale
    sets = {name: mix.dev[name] for name in SETS if name in mix.dev}
    sets["behaviour_dev"] = list(read_jsonl_pairs(BEHAVIOUR_DEV, source="behaviour_dev"))
    model = load_stance_model(Settings.load(), model_spec)
    rows = []
    for name, pairs in sets.items():
        probs = model.predict([p.claim for p in pairs], [p.passage for p in pairs], raw=True)
        rows += [{"set": name, "id": p.id, "gold": p.label, "lang": p.lang,
                  "category": p.category, "claim": p.claim, "text": p.passage,
                  "probabilities": pr} for p, pr in zip(pairs, probs, strict=True)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return rows


def _pool(rows: Sequence[dict[str, Any]], per_set: int, seed: int
          ) -> dict[str, list[dict[str, Any]]]:
    """Step 2: at most ``per_set`` rows of each set, drawn as ``calibrate.py`` draws its pool."""
    by_set: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_set.setdefault(r["set"], []).append(r)
    rng = random.Random(seed)
    return {name: rng.sample(by_set[name], min(per_set, len(by_set[name])))
            for name in sorted(by_set, key=lambda n: SETS.index(n) if n in SETS else len(SETS))}


def shown(rows: Sequence[dict[str, Any]], calibration: Any, per_set: int = 600,
          seed: int = 13) -> dict[str, Any]:
    """Steps 2 and 3: per set and pooled, each side's (shown, right), and the support threshold
    the weighed pool needs for the target precision."""
    out: dict[str, Any] = {"sets": {}}
    flat_p, flat_g = [], []
    for name, drawn in _pool(rows, per_set, seed).items():
        counts = {side: [0, 0] for side in SIDES}
        for r in drawn:
            p = calibration.apply(r["probabilities"], r["claim"], r["text"])
            label = decide(p, calibration)
            if label in counts:
                counts[label][0] += 1
                counts[label][1] += r["gold"] == label
            flat_p.append(p)
            flat_g.append(r["gold"])
        out["sets"][name] = counts
    out["pooled"] = {side: [sum(c[side][i] for c in out["sets"].values()) for i in (0, 1)]
                     for side in SIDES}
    t, precision, kept = side_threshold(flat_p, flat_g, "supports", precision=TARGET_PRECISION)
    out["support_threshold_for_target"] = {"threshold": round(t, 4),
                                           "precision": round(precision, 4), "kept": kept}
    return out


def weighed_thresholds(rows: Sequence[dict[str, Any]], calibration: Any, *,
                       precision: float = TARGET_PRECISION, per_set: int = 600,
                       seed: int = 13) -> dict[str, tuple[float, float, int]]:
    """Per side, ``(threshold, precision there, kept)``: the lowest threshold at which what
    the engine shows of the pool (each reading weighed, then calibrated) reaches ``precision``.

    ``calibrate.py`` fits its thresholds on the network's raw readings; weighing moves mass
    (step 2 of the evidence check gives support) and holds sides back, so what is shown can fall
    under the target at those thresholds. A side held back sits just under the threshold it was
    weighed with and is never counted at a threshold at least as high."""
    flat_p, flat_g = [], []
    for drawn in _pool(rows, per_set, seed).values():
        flat_p += [calibration.apply(r["probabilities"], r["claim"], r["text"]) for r in drawn]
        flat_g += [r["gold"] for r in drawn]
    return {side: side_threshold(flat_p, flat_g, side, precision=precision) for side in SIDES}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m research.weighed",
                                 description=__doc__.splitlines()[0])
    ap.add_argument("--readings", type=Path, required=True,
                    help="raw readings with their texts: read if it exists, else written")
    ap.add_argument("--model", default=None, help="stance weights (default: the shipped ones)")
    ap.add_argument("--data", type=Path, default=SHARED_DATA_DIR, help="the shared data folder")
    ap.add_argument("--per-set", type=int, default=600, help="rows drawn per set (600)")
    ap.add_argument("--polar-min", type=float, default=None, help="step 2's polar level")
    ap.add_argument("--support-min", type=float, default=None, help="step 2's support level")
    ap.add_argument("--no-step2", action="store_true", help="never move mass to support")
    args = ap.parse_args(argv)
    from corroborate.settings import Settings
    from corroborate.stance.model import calibration_dir

    rows = read_readings(args.readings, args.model, args.data)
    cal = load_calibration(calibration_dir(Settings.load(), args.model))
    rule = cal.evidence or EvidenceRule()
    if args.polar_min is not None or args.support_min is not None:
        rule = replace(
            rule, polar_min=rule.polar_min if args.polar_min is None else args.polar_min,
            support_min=rule.support_min if args.support_min is None else args.support_min)
    if args.no_step2:
        rule = replace(rule, polar_min=NO_STEP2)
    result = shown(rows, replace(cal, evidence=rule), per_set=args.per_set)
    lines = [f"evidence rule {rule}, thresholds {cal.thresholds}"]
    for name, c in result["sets"].items():
        lines.append(f"  {name:<14} " + "  ".join(
            f"{side} {right}/{n}" for side, (n, right) in c.items()))
    for side, (n, right) in result["pooled"].items():
        lines.append(f"pooled {side}: {right} right of {n} shown"
                     + (f" (precision {right / n:.3f})" if n else ""))
    f = result["support_threshold_for_target"]
    lines.append(f"support threshold for precision {TARGET_PRECISION} on the weighed pool: "
                 f"{f['threshold']} (precision {f['precision']}, {f['kept']} kept)")
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
