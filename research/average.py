"""Average stance weights trained from one start:
``python -m research.average --out DIR A B [C ...]``.

Weights continued from the same stage (``train --init STAGE``, different mixtures or options)
sit close enough together that their element-wise mean is itself a working model — a
"uniform model soup" — and it often keeps most of what each run gained while losing less of
what each forgot. The mean is uniform on purpose: no mixing weights are tuned on the dev sets.

Only weights over the same base, with the same tensors and the same architecture, can be
averaged; anything else is refused with a message naming the folder and what differs.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from corroborate.errors import ModelError
from corroborate.stance.shipped import load_tensors, read_meta, weights_fingerprint

from .weights_io import save_tensors

log = logging.getLogger(__name__)

# What the assembled model needs from the meta; every ingredient must agree on it.
SHARED_KEYS = (
    "labels",
    "num_hidden_layers",
    "base_fingerprint",
    "base_digest",
    "base_tokenizer_sha256",
    "prefixes",
    "max_length",
)
# Copied from the first ingredient as information (they describe the architecture, not a run).
COPIED_KEYS = ("freeze_layers", "from_base")
# What each ingredient's meta contributes to the record of how the average was made.
PROVENANCE_KEYS = ("command", "seed", "training", "train_source_counts", "init")


def average_weights(folders: Sequence[Path], out_dir: Path, *, command: str = "") -> list[Path]:
    """Write the element-wise mean of the shipped tensors of ``folders`` to ``out_dir`` (fp16).

    Returns:
        The shard paths written.

    Raises:
        ModelError: fewer than two folders, an output folder that is one of them, a folder
            without weights, weights built on parent weights, or weights that differ in base,
            architecture or tensors.
    """
    import torch

    folders = [Path(f) for f in folders]
    if len(folders) < 2:
        raise ModelError(f"averaging needs at least two weights folders, got {len(folders)}")
    resolved = {f.resolve() for f in folders}
    if len(resolved) < len(folders):
        raise ModelError(
            "the same weights folder is given twice: a uniform average takes each once"
        )
    if Path(out_dir).resolve() in resolved:
        raise ModelError(
            f"--out {out_dir} is one of the weights averaged: write the average to a new folder"
        )
    metas = [read_meta(f) for f in folders]
    for folder, m in zip(folders, metas, strict=True):
        if m.get("parent"):
            raise ModelError(
                f"{folder}: built on parent weights ({m['parent']}); only self-contained "
                "weights can be averaged"
            )
    first, first_meta = folders[0], metas[0]
    for folder, m in zip(folders[1:], metas[1:], strict=True):
        for key in SHARED_KEYS:
            if m.get(key) != first_meta.get(key):
                raise ModelError(
                    f"{folder} differs from {first} in {key} ({m.get(key)!r} against "
                    f"{first_meta.get(key)!r}): weights can only be averaged over the same base "
                    "and architecture"
                )
    tensors = [load_tensors(f) for f in folders]
    for folder, ts in zip(folders[1:], tensors[1:], strict=True):
        missing, extra = sorted(set(tensors[0]) - set(ts)), sorted(set(ts) - set(tensors[0]))
        if missing or extra:
            raise ModelError(
                f"{folder} ships other tensors than {first} "
                f"(missing {missing[:3]}, extra {extra[:3]}): "
                "they were trained with different frozen layers"
            )
        for name, tensor in tensors[0].items():
            if tuple(ts[name].shape) != tuple(tensor.shape):
                raise ModelError(f"{folder}: tensor {name} has shape {tuple(ts[name].shape)}, "
                                 f"{first} has {tuple(tensor.shape)}")
    mean: dict[str, Any] = {}
    for name in tensors[0]:  # the first folder's order, so the shards split as its did
        mean[name] = torch.stack([ts[name].float() for ts in tensors]).mean(dim=0)
    meta: dict[str, Any] = {
        key: first_meta[key] for key in (*SHARED_KEYS, *COPIED_KEYS) if key in first_meta
    }
    meta["command"] = command
    meta["averaged"] = [{"folder": str(folder), "fingerprint": weights_fingerprint(folder),
                         **{key: m[key] for key in PROVENANCE_KEYS if key in m}}
                        for folder, m in zip(folders, metas, strict=True)]
    paths = save_tensors(mean, out_dir, meta, storage="fp16")
    log.info("averaged %d weights folders (%d tensors) into %s", len(folders), len(mean), out_dir)
    return paths


def build_parser(prog: str = "python -m research.average") -> argparse.ArgumentParser:
    """The options of ``python -m research.average``."""
    ap = argparse.ArgumentParser(prog=prog, description=__doc__.splitlines()[0].split(":")[0])
    ap.add_argument(
        "--out", required=True, type=Path, help="folder for the averaged weights (shipped format)"
    )
    ap.add_argument(
        "weights", nargs="+", type=Path, help="two or more folders of shipped stance weights"
    )
    return ap


def main(argv: Sequence[str] | None = None, *, prog: str = "python -m research.average") -> Path:
    """Parse the options, average, and return the output folder; a refused input exits with its
    message."""
    argv = list(sys.argv[1:] if argv is None else argv)
    ap = build_parser(prog)
    args = ap.parse_args(argv)
    try:
        average_weights(args.weights, args.out, command=f"{prog} " + " ".join(argv))
    except ModelError as exc:
        ap.error(str(exc))
    return Path(args.out)


if __name__ == "__main__":
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    sys.stdout.write(f"averaged weights in {main()}\n")
