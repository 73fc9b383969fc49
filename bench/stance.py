"""Stance speed and the accuracy cost of each speed step (not a test).

Speed: classify 30 (claim, passage) pairs of realistic length — FNC-1 dev headlines with
their best-matching body passages (the engine's input) — ``--repeats`` times; p50/p90 ms.
Accuracy: macro-F1 on a fixed stratified dev sample (XNLI fr, ANS, FNC-1 documents) for each
configuration (bf16 / int8 / fp32, max length).

    .venv/bin/python bench/stance.py --repeats 10 --threads 2 [--model DIR]
        [--configs int8:96,bf16:96] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # research/ (the training mixture) sits beside the package

from corroborate.settings import Settings  # noqa: E402
from corroborate.stance.data import stratified_sample  # noqa: E402
from corroborate.stance.evaluate import evaluate_docs, evaluate_pairs, stratified_docs  # noqa: E402
from corroborate.stance.model import load_stance_model, native_bf16  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
CONFIGS = (
    ("bf16", 128),
    ("int8", 128),
    ("fp32", 128),
    ("bf16", 96),
    ("int8", 96),
    ("fp32", 96),
    ("bf16", 192),
    ("int8", 192),
)


def realistic_pairs(n: int = 30) -> tuple[list[str], list[str]]:
    """(claims, passages): FNC-1 dev headlines and their best passages."""
    from research.mixture import build_mixture

    mix = build_mixture(SHARED, scale=0.001)
    docs, passages = mix.dev_docs["fnc1"]
    related = [d for d in docs if d.label != "unrelated"][: n]
    return [d.headline for d in related], [
        passages.top(d.headline, d.body_id, 1)[0] for d in related
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--model", default=None, help="model or weights folder (default: the shipped model)"
    )
    ap.add_argument("--configs", default=None,
                    help="precision:max_length pairs to run, comma-separated (default: "
                         + ",".join(f"{p}:{n}" for p, n in CONFIGS) + ")")
    ap.add_argument("--repeats", type=int, default=10)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument(
        "--sample",
        type=int,
        default=200,
        help="dev pairs per set for the accuracy column (0: skip)",
    )
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    import torch

    torch.set_num_threads(args.threads)
    claims, texts = realistic_pairs()
    from research.mixture import build_mixture

    mix = build_mixture(SHARED, scale=0.001)
    sets = {"xnli_fr": stratified_sample(mix.dev["xnli_fr"], args.sample, 13),
            "ans": stratified_sample(mix.dev["ans"], args.sample, 13)}
    fnc_docs, fnc_passages = mix.dev_docs["fnc1"]
    fnc_chosen = stratified_docs(fnc_docs, args.sample // 2, 13)
    rows = []
    configs = CONFIGS
    if args.configs:
        try:
            configs = tuple(
                (p, int(n)) for p, n in (part.split(":") for part in args.configs.split(","))
            )
        except ValueError:
            ap.error(
                f"--configs {args.configs!r}: expected precision:max_length pairs, "
                "e.g. int8:96,bf16:96"
            )
        if unknown := {p for p, _ in configs} - {"bf16", "int8", "fp32"}:
            ap.error(f"--configs: unknown precision {sorted(unknown)[0]!r} (bf16, int8 or fp32)")
    for name, max_length in configs:
        if name == "bf16" and not native_bf16():
            print(
                f"skipping bf16 at {max_length}: this CPU has no bf16 units (AMX, AVX-512 BF16) "
                "(emulated bf16 is slow)",
                flush=True,
            )
            continue
        settings = Settings.load(env={}, stance_precision=name, stance_max_length=max_length)
        model = load_stance_model(settings, args.model)
        model.predict(claims[:4], texts[:4])  # warm-up
        times = []
        for _ in range(args.repeats):
            t = time.perf_counter()
            model.predict(claims, texts)
            times.append((time.perf_counter() - t) * 1000)
        row: dict[str, object] = {"config": name, "max_length": max_length, "pairs": len(claims),
                                  "p50_ms": round(statistics.median(times), 1),
                                  "p90_ms": round(sorted(times)[int(0.9 * (len(times) - 1))], 1)}
        if args.sample:
            for set_name, pairs in sets.items():
                row[f"{set_name}_macro_f1"] = evaluate_pairs(model, pairs, set_name).macro_f1
            fnc = evaluate_docs(model, fnc_chosen, fnc_passages)
            row["fnc1_macro_f1"], row["fnc1_relative"] = fnc.macro_f1, fnc.fnc_relative
        rows.append(row)
        if not args.json:
            print(row, flush=True)
    if args.json:
        print(json.dumps({"threads": args.threads, "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
