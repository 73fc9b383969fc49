"""``corroborate eval stance``: score the stance model on labelled data.

Training and averaging stance weights are research tools of a source checkout
(``python -m research.train``, ``python -m research.average``), not user commands.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import click

from ..stance.data import SHARED_DATA_DIR as DEFAULT_DATA
from ..stance.model import PRECISIONS


@click.command("stance")
@click.argument(
    "file", required=False, type=click.Path(dir_okay=False, exists=True, path_type=Path)
)
@click.option("--format", "fmt", type=click.Choice(["fnc1", "jsonl", "xnli-tsv", "dev"]),
              required=True,
              help="fnc1: --stances/--bodies; jsonl/xnli-tsv: FILE (jsonl rows: premise, "
                   "hypothesis, label, optional id and category: accuracy per category); "
                   "dev: every dev split under --data (a source checkout's research/).")
@click.option(
    "--stances", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None
)
@click.option(
    "--bodies", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None
)
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_DATA,
    show_default=True,
    help="The shared data folder (for --format dev).",
)
@click.option("--sample", type=int, default=0, help="Stratified sample of N rows (0: all).")
@click.option(
    "--fnc-sample", type=int, default=0, help="With --format dev: documents per FNC-1/ARC dev set."
)
@click.option(
    "--other-sample",
    type=int,
    default=None,
    help="With --format dev: items per dev set other than FNC-1, XNLI and ANS (default: --sample).",
)
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--model", "model_path", type=click.Path(path_type=Path), default=None,
              help="Model folder or stance weights folder (default: the shipped model).")
@click.option(
    "--precision",
    type=click.Choice(["auto", *PRECISIONS]),
    default=None,
    help=(
        "How the model computes (default: the stance_precision setting; "
        "auto = bf16 on CPUs with bf16 units (AMX or AVX-512 BF16), else int8)."
    ),
)
@click.option("--max-length", type=int, default=None, help="Token cap (default: setting).")
@click.option(
    "--sentences/--no-sentences",
    default=None,
    help="FNC-1/ARC documents: also read passages sentence by sentence, as the engine does "
    "(default: the stance_sentences setting).",
)
@click.option(
    "--calibration/--no-calibration",
    default=None,
    help="Calibrated probabilities, a side held back below its threshold (default: the "
    "stance_calibration setting); --no-calibration: the raw most-probable label.",
)
@click.option(
    "--rank",
    type=click.Choice(["bm25", "e5"]),
    default="bm25",
    show_default=True,
    help="FNC-1/ARC documents: which passages the model reads — BM25's best, or the e5 encoder's "
    "(as the engine's search picks them; encodes every passage of the bodies judged).",
)
@click.option(
    "--threads",
    type=int,
    default=None,
    help="Torch threads (default: torch's; 1 is fastest on a busy CPU).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--predictions-out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write one JSON line per row: id, gold, predicted, probabilities.")
@click.pass_context
def eval_stance_command(
    ctx: click.Context,
    file: Path | None,
    fmt: str,
    stances: Path | None,
    bodies: Path | None,
    data_dir: Path,
    sample: int,
    fnc_sample: int,
    other_sample: int | None,
    seed: int,
    model_path: Path | None,
    precision: str | None,
    max_length: int | None,
    sentences: bool | None,
    calibration: bool | None,
    rank: str,
    threads: int | None,
    as_json: bool,
    predictions_out: Path | None,
) -> None:
    """Score the stance model on labelled data (accuracy, macro-F1, per class, confusion).

    Example:
        corroborate eval stance --format fnc1 --stances train_stances.csv
        --bodies train_bodies.csv --sample 500
    """
    from ..stance import evaluate as ev
    from ..stance.model import load_stance_model
    from .options import settings_of

    settings = settings_of(ctx, stance_precision=precision, stance_max_length=max_length,
                           stance_sentences=sentences, stance_calibration=calibration)
    reading = ev.engine_reading(settings)
    if fmt == "dev":
        _dev_report()  # before a model is loaded: a wheel without research/ stops here
    if fmt == "fnc1" and (stances is None or bodies is None):
        raise click.UsageError("--format fnc1 needs --stances FILE and --bodies FILE")
    if fmt in ("jsonl", "xnli-tsv") and file is None:
        raise click.UsageError(f"--format {fmt} needs FILE")
    pairs = None
    if fmt in ("jsonl", "xnli-tsv"):  # read first: a bad row is reported before the model loads
        from ..stance.data import read_pairs_file, stratified_sample

        assert file is not None
        pairs = read_pairs_file(file, fmt)
        if sample:
            pairs = stratified_sample(pairs, sample, seed)
    if threads:
        import torch

        torch.set_num_threads(threads)
    model = load_stance_model(settings, model_path)
    with contextlib.ExitStack() as stack:
        sink = None
        if predictions_out is not None:
            sink = ev.jsonl_sink(stack.enter_context(predictions_out.open("w", encoding="utf-8")))
        encoder = None
        if rank == "e5" and fmt in ("dev", "fnc1"):
            from ..encoder.embed import load_encoder

            encoder = load_encoder(settings)
        if pairs is not None:
            assert file is not None
            reports = [ev.evaluate_pairs(model, pairs, file.name, sink=sink, **reading)]
        else:
            reports = _run(model, fmt, stances, bodies, data_dir, sample, fnc_sample, other_sample,
                           seed, sink, reading, encoder)
    if as_json:
        click.echo(json.dumps({"model": str(model.path), "fingerprint": model.fingerprint,
                               "precision": model.precision, "max_length": model.max_length,
                               "reports": [r.as_dict() for r in reports]}, indent=2))
        return
    click.echo(
        f"model {model.path} ({model.fingerprint[:16]}, {model.precision}, "
        f"max_length={model.max_length})"
    )
    for report in reports:
        click.echo(ev.format_report(report))


def _run(model: Any, fmt: str, stances: Path | None, bodies: Path | None, data_dir: Path,
         sample: int, fnc_sample: int, other_sample: int | None, seed: int, sink: Any,
         reading: dict[str, Any], encoder: Any = None) -> list[Any]:
    """The documents of ``--format dev`` or ``fnc1``. ``reading``: how they are read
    (``evaluate_docs``' sentence options); ``encoder``: rank their passages with it, not BM25."""
    from ..stance import evaluate as ev
    from ..stance.fnc import BodyPassages, DenseRanking, PassageRanking, read_fnc

    if fmt == "dev":
        return _dev_report().evaluate_dev(model, data_dir, sample=sample, fnc_sample=fnc_sample,
                                          other_sample=other_sample, seed=seed, sink=sink,
                                          reading=reading, encoder=encoder)
    assert stances is not None and bodies is not None
    rows, body_texts = read_fnc(stances, bodies)
    docs = ev.stratified_docs(rows, sample, seed) if sample else rows
    used = {d.body_id for d in docs}
    bm25 = BodyPassages({k: v for k, v in body_texts.items() if k in used})
    passages: PassageRanking = bm25 if encoder is None else DenseRanking(bm25, encoder)
    return [ev.evaluate_docs(model, docs, passages, stances.name, sink=sink, **reading)]


DEV_NEEDS_RESEARCH = ("--format dev needs the research/ folder of a source checkout (the training "
                      "mixture builds the dev splits); run it from the repository root, or score a "
                      "file with --format fnc1, jsonl or xnli-tsv")


def _dev_report() -> Any:
    """``research.devreport``, or one clear error where it is missing (an installed wheel)."""
    import importlib
    import sys

    try:
        return importlib.import_module("research.devreport")
    except ModuleNotFoundError as exc:
        if exc.name not in ("research", "research.devreport"):
            raise
    # the installed `corroborate` script does not look in the working directory: a source
    # checkout's root, where the message sends the user, is added when it holds research/
    root = Path.cwd()
    if not (root / "research" / "devreport.py").is_file():
        raise click.ClickException(DEV_NEEDS_RESEARCH)
    sys.path.insert(0, str(root))
    try:
        return importlib.import_module("research.devreport")
    except ModuleNotFoundError as exc:
        if exc.name not in ("research", "research.devreport"):
            raise
        raise click.ClickException(DEV_NEEDS_RESEARCH) from None


def register(group: click.Group) -> None:
    """Add ``eval stance`` (creating the ``eval`` group when no other module has)."""
    eval_group = group.commands.get("eval")
    if not isinstance(eval_group, click.Group):
        eval_group = click.Group("eval", help="Score components on labelled data.")
        group.add_command(eval_group)
    eval_group.add_command(eval_stance_command)
