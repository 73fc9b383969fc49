"""The training run's configuration and its command-line options (``python -m research.train``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corroborate.stance.data import SHARED_DATA_DIR

__all__ = ["DESCRIPTION", "TrainConfig", "TrainReport", "build_parser", "parse_args"]

DESCRIPTION = "Train the stance cross-encoder (CPU or GPU): ``python -m research.train --out DIR``."


@dataclass(frozen=True)
class TrainConfig:
    """Every knob of a training run (recorded in the shipped ``stance_meta.json``)."""

    out_dir: Path
    base_dir: Path
    data_dir: Path
    seed: int = 13
    scale: float = 1.0
    freeze_layers: int = 4
    max_length: int = 128
    batch_size: int = 16
    lr: float = 8e-5
    head_lr: float = 5e-4
    warmup: float = 0.05
    weight_decay: float = 0.01
    max_minutes: float = 85.0
    checkpoint_minutes: float = 20.0
    # on a quiet 2-core machine; on a shared CPU one thread beats two (OpenMP barriers stall)
    threads: int = 2
    # start from these shipped weights (a second stage) instead of a new head
    init_dir: Path | None = None
    cross_scale: float | None = None  # multiplies the cross-lingual caps (default: scale)
    # multiplies the news-stance caps: FNC-1, ARC, ANS (default: scale)
    news_scale: float | None = None
    context_scale: float = 0.0  # multiplies the in-context cross-lingual cap (0: none)
    # keep only the lower N encoder layers (a smaller, faster model); None: all
    layers: int | None = None
    # build on these shipped weights: their frozen tensors join the base, the rest start from them
    parent_dir: Path | None = None
    # how the shipped weight matrices are stored: fp16, or int8 with a scale per row
    storage: str = "fp16"
    # these weights pick each related news document's training passage (evidence_chooser)
    evidence_dir: Path | None = None
    # ... neutral documents included (their most polar passage); False: sides only
    evidence_neutral: bool = True
    # bf16 autocast for forward and backward (fp32 master weights): fast on CPUs with AMX
    bf16: bool = False
    # a teacher: these weights' probabilities for every pair join the labels as targets
    distill_dir: Path | None = None
    distill_weight: float = 0.5  # the teacher's share of the loss (the labels' is the rest)
    # both distributions are softened by this before they are compared
    distill_temperature: float = 2.0
    # behaviour pairs and cross-lingual twins (research/behaviours.py): a multiple of their caps
    behaviour_scale: float = 0.0
    # some behaviour kinds' shares replaced: (("number", 0.06), ...); 0 leaves a kind out
    behaviour_shares: tuple[tuple[str, float], ...] = ()
    # denials of every label from LingNLI (research/mixture.py, NEGATION_CAP): a multiple
    negation_scale: float = 0.0
    # weight of the twins' consistency term: symmetric KL between the two claims' readings
    consistency_weight: float = 1.0
    # where the model trains: cpu, cuda, cuda:N (bf16 autocast follows it)
    device: str = "cpu"
    # passes over the mixture (each shuffled and bucketed afresh)
    epochs: int = 1
    # a pack (research/pack.py): the mixture and the slim base come from it, not from data_dir
    pack_dir: Path | None = None
    command: str = ""


@dataclass
class TrainReport:
    """What a run did."""

    steps: int = 0
    pairs: int = 0
    seconds: float = 0.0
    final_loss: float = 0.0
    checks: list[dict[str, Any]] = field(default_factory=list)


def build_parser(prog: str = "python -m research.train") -> argparse.ArgumentParser:
    """The training options of ``python -m research.train``."""
    ap = argparse.ArgumentParser(prog=prog, description=DESCRIPTION)
    ap.add_argument("--out", required=True, type=Path,
                    help="folder for the weights (shipped format) and checkpoints")
    ap.add_argument("--base", type=Path, default=None,
                    help="converted e5 folder (default: prepare_model)")
    ap.add_argument("--data", type=Path, default=SHARED_DATA_DIR,
                    help="the shared data folder (nli/, stance/; default: %(default)s)")
    ap.add_argument("--init", type=Path, default=None, help="continue from these shipped weights")
    ap.add_argument("--parent", type=Path, default=None,
                    help="build on these shipped weights (with --layers: a smaller model that "
                         "keeps their frozen lower layers and ships only what it trains; the rest "
                         "also starts from them)")
    ap.add_argument("--cross-scale", type=float, default=None,
                    help="multiplies the cross-lingual caps (default: --scale)")
    ap.add_argument("--news-scale", type=float, default=None,
                    help="multiplies the news-stance caps: FNC-1, ARC, ANS (default: --scale)")
    ap.add_argument("--layers", type=int, default=None,
                    help="keep only the lower N of the 12 encoder layers (smaller and faster; "
                         "default: all)")
    ap.add_argument("--storage", choices=("fp16", "int8"), default="fp16",
                    help="how the weights are shipped: fp16, or weight matrices in int8 with a "
                         "scale per row (half the size; default: %(default)s)")
    ap.add_argument("--bf16", action="store_true",
                    help="bf16 autocast (fp32 master weights): about twice as fast on CPUs with "
                         "AMX bf16 units")
    ap.add_argument("--evidence-from", type=Path, default=None, metavar="WEIGHTS",
                    help="pick each related FNC-1/ARC training document's passage among its best "
                         "with these stance weights: the one read most as the document's label, or "
                         "for a neutral document the most polar one (default: the BM25-best "
                         "passage)")
    ap.add_argument("--evidence-sides-only", action="store_true",
                    help="with --evidence-from, pick only for supports/contradicts documents "
                         "(neutral ones keep their best-matching passage)")
    ap.add_argument("--distill-from", type=Path, default=None, metavar="WEIGHTS",
                    help="distillation: these stance weights (the teacher) first read every "
                         "training pair, and their probabilities join the labels as targets "
                         "(default: labels only)")
    ap.add_argument("--distill-weight", type=float, default=0.5,
                    help="the teacher's share of the loss, 0-1 (default: %(default)s)")
    ap.add_argument("--distill-temperature", type=float, default=2.0,
                    help="softens the teacher's and the student's distributions before they are "
                         "compared (default: %(default)s)")
    ap.add_argument("--behaviour-scale", type=float, default=0.0,
                    help="behaviour pairs (translation, own sentence, changed number/date/place, "
                         "negation, denial, same-article neutral) and cross-lingual twins from the "
                         "parallel sentences: a multiple of their caps (default: none)")
    ap.add_argument("--behaviour-kinds", default="", metavar="KIND=SHARE,...",
                    help="replace some behaviour kinds' shares of the behaviour pairs, e.g. "
                         "number=0.06,negation=0 (0 leaves a kind out; default: the shares in "
                         "research/behaviours.py)")
    ap.add_argument("--consistency-weight", type=float, default=1.0,
                    help="weight of the twins' consistency term (default: %(default)s)")
    ap.add_argument("--device", default="cpu",
                    help="cpu, cuda or cuda:N; with --bf16 the autocast follows the device "
                         "(default: %(default)s)")
    ap.add_argument("--epochs", type=int, default=1,
                    help="passes over the mixture, each shuffled afresh (default: %(default)s)")
    ap.add_argument("--pack", type=Path, default=None, metavar="DIR",
                    help="train on a pack written by python -m research.pack (its mixture, its "
                         "check pairs and its slim base; the mixture options are then ignored)")
    ap.add_argument("--negation-scale", type=float, default=0.0,
                    help="LingNLI pairs where one side denies, as many of each label (a "
                         "multiple of 3,000; default 0: none)")
    ap.add_argument("--context-scale", type=float, default=0.0,
                    help="multiplies the cap of in-context cross-lingual pairs (default 0: none)")
    for name, default, what in (
        ("seed", 13, "sampling and initialisation seed"),
        ("freeze-layers", 4, "lower encoder layers kept frozen"),
        ("max-length", 128, "token cap"),
        ("batch-size", 16, "pairs per step"),
        ("threads", 2, "torch threads (1 is faster when other jobs share the CPU)"),
    ):
        ap.add_argument(f"--{name}", type=int, default=default,
                        help=f"{what} (default: %(default)s)")
    for name, fdefault, what in (
        ("scale", 1.0, "multiplies every source's cap"),
        ("lr", 8e-5, "encoder learning rate"),
        ("head-lr", 5e-4, "pooler and head learning rate"),
        ("max-minutes", 85.0, "time budget (the learning rate decays to fit)"),
        ("checkpoint-minutes", 20.0, "minutes between checkpoints"),
    ):
        ap.add_argument(f"--{name}", type=float, default=fdefault,
                        help=f"{what} (default: %(default)s)")
    return ap


def parse_args(argv: Sequence[str] | None = None, *, prog: str = "python -m research.train",
               settings: Any = None) -> TrainConfig:
    """Command-line options → :class:`TrainConfig`.

    The base defaults to ``prepare_model(settings)`` (the converted e5 of those settings, or of
    ``Settings.load()``).
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    ap = build_parser(prog)
    args = ap.parse_args(argv)
    if args.epochs < 1:
        ap.error(f"--epochs {args.epochs}: must be 1 or more")
    if args.pack is not None:
        from .pack import PACK_FILES

        missing = [f for f in PACK_FILES if not (args.pack / f).is_file()]
        if missing:
            ap.error(f"--pack {args.pack}: not a pack (missing {', '.join(missing)}; "
                     "write one with python -m research.pack)")
        if args.evidence_from or args.distill_from:
            ap.error("--pack: --evidence-from and --distill-from need the shared data")
    elif not (args.data / "nli").is_dir() or not (args.data / "stance").is_dir():
        ap.error(f"--data {args.data}: not the shared data folder "
                 "(it needs nli/ and stance/; see ../shared/README.md)")
    if not 0.0 <= args.distill_weight <= 1.0:
        ap.error(f"--distill-weight {args.distill_weight}: must be between 0 and 1")
    if args.device != "cpu":
        import torch

        if not args.device.startswith("cuda") or not torch.cuda.is_available():
            ap.error(f"--device {args.device}: no such device here (cpu, or cuda where torch "
                     "sees a GPU)")
    shares = parse_behaviour_kinds(ap, args.behaviour_kinds)
    if args.distill_temperature <= 0:
        ap.error(f"--distill-temperature {args.distill_temperature}: must be above 0")
    for flag, folder in (("--init", args.init), ("--parent", args.parent),
                         ("--evidence-from", args.evidence_from),
                         ("--distill-from", args.distill_from)):
        if folder is not None and not (folder / "stance_meta.json").is_file():
            ap.error(f"{flag} {folder}: no stance_meta.json there "
                     "(expected a folder of shipped stance weights)")
    base = args.base
    if base is None and args.pack is not None:
        base = args.pack / "base"  # converted from the pack when the run starts
    elif base is None:
        from corroborate.encoder.embed import prepare_model  # type: ignore[attr-defined, unused-ignore]
        from corroborate.settings import Settings

        base = Path(prepare_model(settings if settings is not None else Settings.load()))
    return TrainConfig(out_dir=args.out, base_dir=base, data_dir=args.data, seed=args.seed,
                       scale=args.scale, freeze_layers=args.freeze_layers,
                       max_length=args.max_length, batch_size=args.batch_size,
                       lr=args.lr, head_lr=args.head_lr, max_minutes=args.max_minutes,
                       checkpoint_minutes=args.checkpoint_minutes, threads=args.threads,
                       init_dir=args.init, cross_scale=args.cross_scale,
                       context_scale=args.context_scale,
                       news_scale=args.news_scale, parent_dir=args.parent, storage=args.storage,
                       layers=args.layers, bf16=args.bf16, evidence_dir=args.evidence_from,
                       evidence_neutral=not args.evidence_sides_only,
                       distill_dir=args.distill_from,
                       distill_weight=args.distill_weight,
                       distill_temperature=args.distill_temperature,
                       behaviour_scale=args.behaviour_scale, behaviour_shares=shares,
                       negation_scale=args.negation_scale,
                       consistency_weight=args.consistency_weight, device=args.device,
                       epochs=args.epochs, pack_dir=args.pack,
                       command=f"{prog} " + " ".join(argv))


def parse_behaviour_kinds(ap: argparse.ArgumentParser, text: str) -> tuple[tuple[str, float], ...]:
    """``--behaviour-kinds number=0.06,negation=0`` → (("number", 0.06), ("negation", 0.0))."""
    from .behaviours import kind_shares

    out: list[tuple[str, float]] = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        kind, sep, value = item.partition("=")
        try:
            share = float(value)
        except ValueError:
            share = -1.0
        if not sep or share < 0:
            ap.error(f"--behaviour-kinds {item!r}: expected KIND=SHARE with a share of 0 or more")
        out.append((kind.strip(), share))
    try:
        kind_shares(dict(out))
    except ValueError as exc:
        ap.error(f"--behaviour-kinds: {exc}")
    return tuple(out)
