"""How often the engine puts a demo article on the side its ground truth says (not a test).

The sample corpus's ``demo_claims.json`` labels, for each of its seven French claims, which
articles support it, which contradict it and which only discuss it. This builds (or reuses) the
demo index, searches every claim and prints, per claim, the articles on the right side, then
the confusion of truth × engine side ("not found": the engine did not show the article).
Stance results are cached per model and setting, so a second run is quick; ``--cold`` empties
the stance cache first and so also measures the stance stage's time per claim.

    .venv/bin/python bench/demo_truth.py                       # default settings
    .venv/bin/python bench/demo_truth.py --no-sentences        # passage readings only
    .venv/bin/python bench/demo_truth.py --cold --no-sentences   # and the stance time it saves
    .venv/bin/python bench/demo_truth.py --no-anchor-dates --precision int8 --max-length 96
    .venv/bin/python bench/demo_truth.py --model DIR --data-dir /tmp/demo-data --json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from corroborate.demo.build import build_demo, demo_agreement  # noqa: E402
from corroborate.settings import Settings  # noqa: E402
from corroborate.stance.model import PRECISIONS  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=Path("/tmp/corroborate-demo-truth"))
    ap.add_argument("--model", default=None, help="stance model folder (default: the shipped one)")
    ap.add_argument("--sentences", action=argparse.BooleanOptionalAction, default=None,
                    help="read passages sentence by sentence (default: the setting)")
    ap.add_argument(
        "--sentence-threshold",
        type=float,
        default=None,
        help="polar probability a sentence needs to decide its passage (default: the setting)",
    )
    ap.add_argument("--anchor-dates", action=argparse.BooleanOptionalAction, default=None,
                    help="write out passages' relative dates for the model (default: the setting)")
    ap.add_argument("--precision", choices=("auto", *PRECISIONS), default=None,
                    help="how the stance model computes (default: the setting)")
    ap.add_argument(
        "--max-length", type=int, default=None, help="stance token cap (default: the setting)"
    )
    ap.add_argument(
        "--cold", action="store_true", help="empty the stance cache first (times the stance stage)"
    )
    ap.add_argument("--rewordings", action="store_true",
                    help="also search each claim reworded in English and Arabic (same truth)")
    ap.add_argument("--calibration", action=argparse.BooleanOptionalAction, default=None,
                    help="calibrated stance with per-side thresholds (default: the setting)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    import torch

    torch.set_num_threads(args.threads)
    changes: dict[str, object] = (
        {} if args.sentences is None else {"stance_sentences": args.sentences}
    )
    if args.sentence_threshold is not None:
        changes["stance_sentence_threshold"] = args.sentence_threshold
    for name, value in (
        ("stance_anchor_dates", args.anchor_dates),
        ("stance_precision", args.precision),
        ("stance_max_length", args.max_length),
        ("stance_calibration", args.calibration),
    ):
        if value is not None:
            changes[name] = value
    settings = Settings.load(env={}, data_dir=args.data_dir, stance_model=args.model).replace(
        **changes
    )
    build_demo(settings)
    from corroborate import Engine

    if args.cold:
        for suffix in ("", "-wal", "-shm"):  # a stale -wal would be replayed into a new cache
            (Path(settings.data_dir) / f"stance_cache.sqlite3{suffix}").unlink(missing_ok=True)
    engine = Engine(settings=settings)
    engine.warm_up()
    started = time.perf_counter()
    agreement = demo_agreement(engine, rewordings=args.rewordings)
    seconds = time.perf_counter() - started
    if args.json:
        print(
            json.dumps(
                {
                    "settings": {
                        "stance_model": settings.stance_model,
                        "stance_sentences": settings.stance_sentences,
                        "stance_sentence_threshold": settings.stance_sentence_threshold,
                        "stance_anchor_dates": settings.stance_anchor_dates,
                        "stance_precision": engine.stance_model.precision,
                        "stance_max_length": settings.stance_max_length,
                        "stance_calibration": settings.stance_calibration,
                        "rewordings": args.rewordings,
                    },
                    "seconds": round(seconds, 1),
                    **agreement.to_dict(),
                },
                indent=2,
            )
        )
        return 0
    for claim_id, (ok, n) in agreement.per_claim.items():
        print(f"{claim_id:28s} {ok:3d}/{n}")
    print(
        f"{'all':28s} {agreement.correct:3d}/{agreement.total} = {agreement.rate:.3f}  "
        f"({seconds:.0f} s)"
    )
    for side in ("supporting", "contradicting"):
        p = agreement.precision(side)
        print(f"shown {side}: precision {'-' if p is None else f'{p:.3f}'}")
    print(f"origins counted on both sides: {agreement.both_sides}")
    if args.cold:
        import statistics

        print(
            "stance stage per claim: "
            f"p50 {statistics.median(agreement.stance_seconds) * 1000:.0f} ms, "
            f"max {max(agreement.stance_seconds) * 1000:.0f} ms"
        )
    for (truth, got), n in sorted(agreement.confusion.items()):
        print(f"  truth {truth:13s} engine {got:13s} {n}")
    print(f"labelled cards shown on the wrong side: {len(agreement.wrong_cards)}")
    for card in agreement.wrong_cards:
        print(f"  {card.search}: shown {card.shown} {card.probability:.2f}, labelled "
              f"{card.truth}: {card.outlet} ({card.language}): {card.sentence[:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
