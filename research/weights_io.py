"""Write shipped stance weights: the trained tensors in size-capped shards and their meta.

The write side of :mod:`corroborate.stance.shipped` (which reads, fingerprints and assembles
them): only training and averaging write weights, so this lives outside the package.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from corroborate.stance.shipped import INT8_SCALE_SUFFIX, META_FILE, shard_paths

SHARD_LIMIT_BYTES = 19_000_000  # tracked files over 20 MB are flagged: stay under


def pack_int8(tensor: Any) -> tuple[Any, Any]:
    """A weight matrix → (int8 matrix, fp32 scale per row): symmetric, per output row."""
    import torch

    scale = (tensor.detach().to(torch.float32).abs().amax(dim=1) / 127.0).clamp(min=1e-12)
    q = torch.round(tensor.detach().to(torch.float32) / scale[:, None]).clamp(-127, 127)
    q = q.to(torch.int8)
    return q.contiguous(), scale.contiguous()


def save_shipped(model: Any, out_dir: Path, trainable: Sequence[str], meta: Mapping[str, Any],
                 storage: str = "fp16") -> list[Path]:
    """Write the trained tensors (shards under the size limit) and ``stance_meta.json``.

    ``storage``: ``fp16`` for every tensor, or ``int8``: weight matrices as int8 with a scale
    per output row (half the bytes; what int8 inference does to them anyway), the rest fp16.
    """
    state = model.state_dict()
    return save_tensors({name: state[name].detach().cpu() for name in trainable}, out_dir, meta,
                        storage=storage)


def save_tensors(tensors: Mapping[str, Any], out_dir: Path, meta: Mapping[str, Any],
                 storage: str = "fp16") -> list[Path]:
    """Write ``tensors`` (in their order) as shipped weights: shards under the size limit and
    ``stance_meta.json``."""
    import torch
    from safetensors.torch import save_file

    if storage not in ("fp16", "int8"):
        raise ValueError(f"storage {storage!r}: use fp16 or int8")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in shard_paths(out_dir):
        old.unlink()
    shards: list[dict[str, Any]] = [{}]
    size = 0
    for name, tensor in tensors.items():
        if storage == "int8" and tensor.dim() == 2:
            q, scale = pack_int8(tensor)
            parts = {name: q, name + INT8_SCALE_SUFFIX: scale}
        else:
            parts = {name: tensor.to(torch.float16).contiguous().clone()}
        nbytes = sum(t.numel() * t.element_size() for t in parts.values())
        if shards[-1] and size + nbytes > SHARD_LIMIT_BYTES:
            shards.append({})
            size = 0
        shards[-1].update(parts)
        size += nbytes
    paths = []
    for i, shard in enumerate(shards):
        path = out_dir / f"stance-{i + 1:02d}-of-{len(shards):02d}.safetensors"
        save_file(shard, str(path), metadata={"format": "pt"})
        paths.append(path)
    tmp = out_dir / (META_FILE + ".tmp")
    tmp.write_text(json.dumps({**meta, "storage": storage}, indent=2, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    os.replace(tmp, out_dir / META_FILE)
    return paths
