"""The shipped stance weights: read them, fingerprint them, and assemble them onto the base.

What ships (``corroborate/stance/weights/``) is only what training changed: the upper
encoder layers, the pooler and the classification head, in fp16 (or int8 + scale) safetensors
shards, plus ``stance_meta.json`` (labels, architecture, which tensors come from the base and
their digest). Everything else — above all the 250k-token word-embedding matrix — is frozen
during training and taken unchanged from multilingual-e5-small
(``corroborate.encoder.embed.prepare_model``) at load time. :func:`assemble` writes the full
``BertForSequenceClassification`` folder that :mod:`corroborate.stance.model` loads. Writing
shipped weights is training's job (``research/weights_io.py``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain import STANCE_LABELS
from ..errors import ModelError

if TYPE_CHECKING:
    from ..settings import Settings

log = logging.getLogger(__name__)

WEIGHTS_DIR = Path(__file__).resolve().parent / "weights"
META_FILE = "stance_meta.json"
SHARD_GLOB = "stance-*.safetensors"
INT8_SCALE_SUFFIX = ".int8_scale"  # beside an int8 weight matrix: its fp32 scale per output row
TRAIN_HINT = "train them with `python -m research.train --out DIR` in a source checkout"


def read_meta(weights_dir: Path) -> dict[str, Any]:
    """The ``stance_meta.json`` of a shipped-weights folder.

    Raises:
        ModelError: the folder holds no shipped stance weights.
    """
    path = Path(weights_dir) / META_FILE
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"no stance weights in {weights_dir} ({META_FILE} missing or unreadable); "
                         + TRAIN_HINT) from exc
    if not isinstance(meta, dict):
        raise ModelError(f"{path} is not a JSON object")
    return meta


def shard_paths(weights_dir: Path) -> list[Path]:
    """The weight shards of a shipped-weights folder, in order."""
    return sorted(Path(weights_dir).glob(SHARD_GLOB))


def weights_fingerprint(weights_dir: Path) -> str:
    """sha256 over the shipped shards and the base fingerprint they were trained on."""
    meta = read_meta(weights_dir)
    h = hashlib.sha256()
    for path in shard_paths(weights_dir):
        h.update(path.name.encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
    h.update(str(meta.get("base_fingerprint", "")).encode())
    if meta.get("parent"):
        folder = parent_dir(weights_dir, meta)  # checks the recorded parent fingerprint: reuse it
        h.update(str(meta.get("parent_fingerprint") or weights_fingerprint(folder)).encode())
    return h.hexdigest()


def parent_dir(weights_dir: Path, meta: Mapping[str, Any]) -> Path:
    """The weights a folder was trained on top of (``parent`` in its meta, relative to it).

    A smaller model (``train --layers N --parent DIR``) keeps the parent's lower layers frozen
    and ships only what it trained; the parent's tensors complete it at assembly.

    Raises:
        ModelError: the parent is missing or is not the weights the child was trained on.
    """
    folder = (Path(weights_dir) / str(meta["parent"])).resolve()
    if not (folder / META_FILE).is_file():
        raise ModelError(f"stance weights {weights_dir} are built on {folder}, which holds no "
                         "stance weights")
    seen, step = {Path(weights_dir).resolve()}, folder
    while True:  # a chain that comes back to itself would never finish assembling
        if step in seen:
            raise ModelError(f"stance weights {weights_dir}: their chain of parent weights loops "
                             f"back to {step}")
        seen.add(step)
        above = read_meta(step).get("parent")
        if not above:
            break
        step = (step / str(above)).resolve()
    expected = meta.get("parent_fingerprint")
    if expected and weights_fingerprint(folder) != expected:
        raise ModelError(f"stance weights {weights_dir} were trained on other weights than those "
                         f"now in {folder} "
                         f"(fingerprint {str(expected)[:16]} expected); retrain them with --parent")
    return folder


def load_tensors(weights_dir: Path, *, with_parents: bool = False) -> dict[str, Any]:
    """The tensors a weights folder ships (int8 ones unpacked); ``with_parents``: under them,
    its parents'."""
    from safetensors.torch import load_file

    tensors: dict[str, Any] = {}
    meta = read_meta(weights_dir) if with_parents else {}
    if meta.get("parent"):
        tensors.update(load_tensors(parent_dir(weights_dir, meta), with_parents=True))
    own: dict[str, Any] = {}
    for path in shard_paths(weights_dir):
        own.update(load_file(str(path)))
    tensors.update(unpack_int8(own))
    return tensors


def base_fingerprint(base_dir: Path) -> str:
    """The fingerprint the e5 conversion recorded (``corroborate_model.json``), or ``unknown``."""
    try:
        data = json.loads((Path(base_dir) / "corroborate_model.json").read_text(encoding="utf-8"))
        return str(data.get("fingerprint") or "unknown")
    except (OSError, ValueError):
        return "unknown"


def tensors_digest(state: Mapping[str, Any], names: Sequence[str]) -> str:
    """sha256 of some tensors (fp32 bytes, sorted names): proves the base did not change."""
    import torch

    h = hashlib.sha256()
    for name in sorted(names):
        h.update(name.encode())
        h.update(state[name].detach().to("cpu", torch.float32).contiguous().numpy().tobytes())
    return h.hexdigest()


def unpack_int8(tensors: Mapping[str, Any]) -> dict[str, Any]:
    """Shipped tensors with int8 weight matrices turned back into fp32 (scale × int8)."""
    import torch

    out = {k: v for k, v in tensors.items() if not k.endswith(INT8_SCALE_SUFFIX)}
    for key, scale in tensors.items():
        if key.endswith(INT8_SCALE_SUFFIX):
            name = key[: -len(INT8_SCALE_SUFFIX)]
            if name not in out or out[name].dim() != 2 or out[name].shape[0] != scale.shape[0]:
                raise ModelError(f"shipped stance weights: the int8 scale {key} fits no weight "
                                 "matrix beside it")
            out[name] = out[name].to(torch.float32) * scale.to(torch.float32)[:, None]
    return out


def build_from_base(base_dir: Path, num_hidden_layers: int | None = None) -> Any:
    """A ``BertForSequenceClassification`` over the base encoder, labels from STANCE_LABELS."""
    from transformers import AutoModelForSequenceClassification

    kwargs: dict[str, Any] = {
        "num_labels": len(STANCE_LABELS),
        "id2label": dict(enumerate(STANCE_LABELS)),
        "label2id": {label: i for i, label in enumerate(STANCE_LABELS)},
    }
    if num_hidden_layers:
        kwargs["num_hidden_layers"] = num_hidden_layers
    return AutoModelForSequenceClassification.from_pretrained(str(base_dir), local_files_only=True,
                                                              **kwargs)


def assemble(base_dir: Path, weights_dir: Path, out_dir: Path) -> Path:
    """Base encoder + shipped weights → a full model folder at ``out_dir`` (atomic).

    Raises:
        ModelError: the base's frozen tensors differ from those the weights were trained on,
            or the shipped tensors do not fit the architecture.
    """
    import torch
    from transformers import AutoTokenizer

    meta = read_meta(weights_dir)
    model = build_from_base(base_dir, meta.get("num_hidden_layers"))
    shipped = load_tensors(weights_dir)
    unknown = sorted(set(shipped) - set(model.state_dict()))
    if unknown:
        raise ModelError(f"shipped stance weights hold tensors the model lacks: {unknown[:5]}")
    if meta.get("parent"):  # the parent's tensors this (smaller) model has
        load_parent(model, parent_dir(weights_dir, meta))
    state = model.state_dict()
    from_base = [n for n in state if n not in shipped]
    digest = tensors_digest(state, from_base)
    if meta.get("base_digest") and digest != meta["base_digest"]:
        raise ModelError(
            f"the base encoder in {base_dir} differs from the one the stance weights were trained "
            "on "
            f"(base {base_fingerprint(base_dir)}, trained on {meta.get('base_fingerprint')}); "
            "re-run `corroborate prepare-model` or retrain them (`python -m research.train`)")
    model.load_state_dict({k: v.to(torch.float32) for k, v in shipped.items()}, strict=False)
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    try:
        model.save_pretrained(str(tmp), safe_serialization=True)
        tokenizer = AutoTokenizer.from_pretrained(str(base_dir), local_files_only=True)
        tokenizer.save_pretrained(str(tmp))
        info = {**meta, "fingerprint": weights_fingerprint(weights_dir),
                "assembled_from": str(base_dir)}
        (tmp / META_FILE).write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n",
                                     encoding="utf-8")
        if out_dir.exists():
            shutil.rmtree(out_dir)
        os.replace(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    log.info("assembled stance model %s from %s + %s", out_dir, base_dir, weights_dir)
    return out_dir


def load_parent(model: Any, weights_dir: Path) -> list[str]:
    """Load into ``model`` the tensors of ``weights_dir`` (and its parents) that it has; return
    their names."""
    import torch

    state = model.state_dict()
    tensors = {k: v.to(torch.float32)
               for k, v in load_tensors(weights_dir, with_parents=True).items() if k in state}
    model.load_state_dict(tensors, strict=False)
    return sorted(tensors)


def assembled_dir(settings: Settings, weights_dir: Path | None = None) -> Path:
    """The folder of the assembled stance model, building it on first use.

    Raises:
        ModelError: no shipped weights, or the base encoder cannot be prepared.
    """
    weights_dir = Path(weights_dir) if weights_dir is not None else WEIGHTS_DIR
    fingerprint = weights_fingerprint(weights_dir)
    out = Path(settings.model_cache_dir) / f"stance-{fingerprint[:16]}"
    if (out / "config.json").is_file() and (out / META_FILE).is_file():
        return out
    from ..encoder.embed import prepare_model  # type: ignore[attr-defined, unused-ignore]

    base = Path(prepare_model(settings))
    return assemble(base, weights_dir, out)
