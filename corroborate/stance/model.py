"""The stance cross-encoder: assemble it from the base encoder + shipped weights, load it, run it.

What ships (``corroborate/stance/weights/``) is only what training changed: the upper
encoder layers, the pooler and the classification head, in fp16 safetensors shards, plus
``stance_meta.json`` (labels, architecture, which tensors come from the base and their
digest). Everything else — above all the 250k-token word-embedding matrix — is frozen during
training and taken unchanged from multilingual-e5-small (``corroborate.encoder.embed.prepare_model``)
at load time. The assembled model is a standard ``BertForSequenceClassification`` folder in
``settings.model_cache_dir/stance-<fingerprint[:16]>`` that ``transformers`` and
sentence-transformers' ``CrossEncoder`` both load; labels come from its config's ``id2label``.

Example:
    >>> results = classify_stance("The bridge reopened on Monday.",
    ...                           ["Traffic crossed the bridge again on Monday."])  # doctest: +SKIP
    >>> results[0].label  # doctest: +SKIP
    'supports'
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain import STANCE_LABELS, StanceResult
from ..errors import ModelError

if TYPE_CHECKING:
    from ..settings import Settings

log = logging.getLogger(__name__)

WEIGHTS_DIR = Path(__file__).resolve().parent / "weights"
META_FILE = "stance_meta.json"
SHARD_GLOB = "stance-*.safetensors"
SHARD_LIMIT_BYTES = 19_000_000  # tracked files over 20 MB are flagged: stay under
CLAIM_PREFIX = "query: "  # e5's own prefixes keep the inputs close to what the base has seen
PASSAGE_PREFIX = "passage: "


@dataclass
class StanceModel:
    """A loaded stance model: ``predict`` returns probabilities over :data:`STANCE_LABELS`."""

    model: Any  # transformers.PreTrainedModel
    tokenizer: Any
    fingerprint: str
    max_length: int
    path: Path | None = None
    precision: str = "fp32"  # "fp32", "int8" (dynamic quantisation) or "bf16"
    batch_size: int = 32
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def cache_key(self) -> str:
        """The weights' fingerprint plus how they run (precision, token cap): results differ with both."""
        return f"{self.fingerprint}:{self.precision}:{self.max_length}"

    @property
    def id2label(self) -> dict[int, str]:
        """The model's own label mapping (from its config)."""
        return {int(k): str(v) for k, v in self.model.config.id2label.items()}

    def predict(self, claims: Sequence[str], passages: Sequence[str],
                on_progress: Callable[[int, int], None] | None = None) -> list[dict[str, float]]:
        """Probabilities over :data:`STANCE_LABELS` for each (claim, passage) pair."""
        import torch

        if len(claims) != len(passages):
            raise ValueError("claims and passages differ in length")
        order = sorted(range(len(claims)), key=lambda i: len(claims[i]) + len(passages[i]))
        out: list[dict[str, float]] = [{} for _ in claims]
        id2label = self.id2label
        unknown = set(id2label.values()) - set(STANCE_LABELS)
        if unknown:
            raise ModelError(f"stance model labels {sorted(unknown)} are not stance labels "
                             f"{list(STANCE_LABELS)}")
        with self._lock, torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                idx = order[start:start + self.batch_size]
                enc = encode_pairs(self.tokenizer, [claims[i] for i in idx],
                                   [passages[i] for i in idx], self.max_length)
                probs = torch.softmax(self.model(**enc).logits.float(), dim=-1).tolist()
                for i, row in zip(idx, probs, strict=True):
                    named = {id2label[j]: float(p) for j, p in enumerate(row)}
                    out[i] = {label: named.get(label, 0.0) for label in STANCE_LABELS}
                if on_progress is not None:
                    on_progress(min(start + self.batch_size, len(order)), len(order))
        return out


def encode_pairs(tokenizer: Any, claims: Sequence[str], passages: Sequence[str], max_length: int) -> Any:
    """Tokenise (claim, passage) pairs the way training did: e5 prefixes, dynamic padding."""
    return tokenizer([CLAIM_PREFIX + c for c in claims], [PASSAGE_PREFIX + p for p in passages],
                     truncation="longest_first", max_length=max_length, padding=True,
                     return_tensors="pt")


def to_results(probabilities: Sequence[Mapping[str, float]]) -> list[StanceResult]:
    """StanceResults (label = the most probable) from probability rows."""
    return [StanceResult(max(STANCE_LABELS, key=lambda k, p=p: p.get(k, 0.0)),  # type: ignore[misc]
                         {k: float(p.get(k, 0.0)) for k in STANCE_LABELS}) for p in probabilities]


# --- shipped weights ----------------------------------------------------------------------

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
                         "train them with `corroborate train-stance --out DIR`") from exc
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
        folder = parent_dir(weights_dir, meta)  # checks the recorded parent fingerprint, so reuse it
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
        raise ModelError(f"stance weights {weights_dir} are built on {folder}, which holds no stance weights")
    seen, step = {Path(weights_dir).resolve()}, folder
    while True:  # a chain that comes back to itself would never finish assembling
        if step in seen:
            raise ModelError(f"stance weights {weights_dir}: their chain of parent weights loops back to {step}")
        seen.add(step)
        above = read_meta(step).get("parent")
        if not above:
            break
        step = (step / str(above)).resolve()
    expected = meta.get("parent_fingerprint")
    if expected and weights_fingerprint(folder) != expected:
        raise ModelError(f"stance weights {weights_dir} were trained on other weights than those now in {folder} "
                         f"(fingerprint {str(expected)[:16]} expected); retrain them with --parent")
    return folder


def load_tensors(weights_dir: Path, *, with_parents: bool = False) -> dict[str, Any]:
    """The tensors a weights folder ships (int8 ones unpacked); ``with_parents``: under them, its parents'."""
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
        h.update(state[name].detach().to(torch.float32).contiguous().numpy().tobytes())
    return h.hexdigest()


INT8_SCALE_SUFFIX = ".int8_scale"  # beside an int8 weight matrix: its fp32 scale per output row


def pack_int8(tensor: Any) -> tuple[Any, Any]:
    """A weight matrix → (int8 matrix, fp32 scale per row): symmetric, per output row."""
    import torch

    scale = (tensor.detach().to(torch.float32).abs().amax(dim=1) / 127.0).clamp(min=1e-12)
    q = torch.round(tensor.detach().to(torch.float32) / scale[:, None]).clamp(-127, 127).to(torch.int8)
    return q.contiguous(), scale.contiguous()


def unpack_int8(tensors: Mapping[str, Any]) -> dict[str, Any]:
    """Shipped tensors with int8 weight matrices turned back into fp32 (scale × int8)."""
    import torch

    out = {k: v for k, v in tensors.items() if not k.endswith(INT8_SCALE_SUFFIX)}
    for key, scale in tensors.items():
        if key.endswith(INT8_SCALE_SUFFIX):
            name = key[: -len(INT8_SCALE_SUFFIX)]
            if name not in out or out[name].dim() != 2 or out[name].shape[0] != scale.shape[0]:
                raise ModelError(f"shipped stance weights: the int8 scale {key} fits no weight matrix beside it")
            out[name] = out[name].to(torch.float32) * scale.to(torch.float32)[:, None]
    return out


def save_shipped(model: Any, out_dir: Path, trainable: Sequence[str], meta: Mapping[str, Any],
                 storage: str = "fp16") -> list[Path]:
    """Write the trained tensors (shards under the size limit) and ``stance_meta.json``.

    ``storage``: ``fp16`` for every tensor, or ``int8``: weight matrices as int8 with a scale
    per output row (half the bytes; what int8 inference does to them anyway), the rest fp16.
    """
    state = model.state_dict()
    return save_tensors({name: state[name].detach() for name in trainable}, out_dir, meta, storage=storage)


def save_tensors(tensors: Mapping[str, Any], out_dir: Path, meta: Mapping[str, Any], storage: str = "fp16") -> list[Path]:
    """Write ``tensors`` (in their order) as shipped weights: shards under the size limit and ``stance_meta.json``."""
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
    tmp.write_text(json.dumps({**meta, "storage": storage}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, out_dir / META_FILE)
    return paths


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
    return AutoModelForSequenceClassification.from_pretrained(str(base_dir), local_files_only=True, **kwargs)


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
            f"the base encoder in {base_dir} differs from the one the stance weights were trained on "
            f"(base {base_fingerprint(base_dir)}, trained on {meta.get('base_fingerprint')}); "
            "re-run `corroborate prepare-model` or retrain with `corroborate train-stance`")
    model.load_state_dict({k: v.to(torch.float32) for k, v in shipped.items()}, strict=False)
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    try:
        model.save_pretrained(str(tmp), safe_serialization=True)
        AutoTokenizer.from_pretrained(str(base_dir), local_files_only=True).save_pretrained(str(tmp))
        info = {**meta, "fingerprint": weights_fingerprint(weights_dir), "assembled_from": str(base_dir)}
        (tmp / META_FILE).write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        if out_dir.exists():
            shutil.rmtree(out_dir)
        os.replace(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    log.info("assembled stance model %s from %s + %s", out_dir, base_dir, weights_dir)
    return out_dir


def load_parent(model: Any, weights_dir: Path) -> list[str]:
    """Load into ``model`` the tensors of ``weights_dir`` (and its parents) that it has; return their names."""
    import torch

    state = model.state_dict()
    tensors = {k: v.to(torch.float32) for k, v in load_tensors(weights_dir, with_parents=True).items() if k in state}
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


def resolve_model_dir(settings: Settings, path: str | os.PathLike[str] | None = None) -> Path:
    """The full model folder for ``path`` or ``settings.stance_model`` (``default``: shipped)."""
    spec = str(path) if path is not None else settings.stance_model
    if spec in ("", "default"):
        return assembled_dir(settings)
    folder = Path(spec).expanduser()
    if (folder / "config.json").is_file():
        return folder
    if (folder / META_FILE).is_file():  # shipped-format weights (a training output)
        return assembled_dir(settings, folder)
    raise ModelError(f"stance model {spec!r} is neither `default`, a model folder (config.json) "
                     f"nor a stance weights folder ({META_FILE})")


PRECISIONS = ("bf16", "int8", "fp32")


@functools.cache
def native_bf16() -> bool:
    """Whether this CPU multiplies bf16 matrices in hardware (Intel AMX): bf16 then runs the
    stance model about twice as fast as int8 or fp32 (bench/stance.py); elsewhere bf16 is
    emulated and slow. Asked once per process."""
    try:
        import torch

        return bool(torch.cpu._is_amx_tile_supported()) and bool(
            torch.cpu.get_capabilities().get("amx_bf16", False))
    except (AttributeError, RuntimeError):  # an older torch: read the CPU flags ourselves
        try:
            flags = Path("/proc/cpuinfo").read_text(encoding="ascii", errors="replace")
        except OSError:
            return False
        return " amx_bf16" in flags and " amx_tile" in flags


def resolve_precision(requested: str) -> str:
    """``auto`` becomes ``bf16`` on a CPU with AMX bf16 units, else ``int8``; others are kept.

    Raises:
        ModelError: an unknown precision.
    """
    if requested == "auto":
        return "bf16" if native_bf16() else "int8"
    if requested not in PRECISIONS:
        raise ModelError(f"unknown stance precision {requested!r}: use auto, {', '.join(PRECISIONS)}")
    return requested


def load_from_dir(folder: Path, *, precision: str, max_length: int) -> StanceModel:
    """Load a full stance model folder, run in ``precision`` (bf16, int8 or fp32; see :func:`resolve_precision`)."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    precision = resolve_precision(precision)
    model = AutoModelForSequenceClassification.from_pretrained(str(folder), local_files_only=True)
    model.eval()
    if precision == "int8":
        quantize_int8(model)
    elif precision == "bf16":
        model.to(torch.bfloat16)
    tokenizer = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
    try:
        fingerprint = str(json.loads((folder / META_FILE).read_text(encoding="utf-8"))["fingerprint"])
    except (OSError, ValueError, KeyError):
        fingerprint = _file_digest(folder / "model.safetensors")
    return StanceModel(model, tokenizer, fingerprint, max_length, folder, precision)


def _keeps_fp32(name: str) -> bool:
    """The feed-forward output projections (``layer.N.output.dense``) stay fp32.

    Their input is the GELU output, whose few large activations one per-tensor int8 scale
    cannot hold: quantising them alone cut XNLI dev accuracy from 0.68 to 0.50, while every
    other Linear together costs about two points (bench/stance.py reports the figures).
    """
    return name.endswith(".output.dense") and ".attention." not in name


def quantize_int8(model: Any) -> Any:
    """Int8 dynamic quantisation (per output channel) of the Linear layers that tolerate it, in place."""
    from ..encoder.embed import quantize_int8 as quantize_linear_int8

    return quantize_linear_int8(model, keep_fp32=_keeps_fp32)


def _file_digest(path: Path) -> str:
    h = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return "unknown"
    return h.hexdigest()


_CACHE: dict[tuple[Any, ...], StanceModel] = {}
_CACHE_LOCK = threading.Lock()


def load_stance_model(settings: Settings | None = None, path: str | os.PathLike[str] | None = None) -> StanceModel:
    """The stance model of these settings, loaded once per process.

    Args:
        settings: uses ``stance_model``, ``stance_precision``, ``stance_max_length``,
            ``model_cache_dir`` (default: ``Settings.load()``).
        path: a model folder or stance weights folder instead of ``settings.stance_model``.

    Returns:
        A :class:`StanceModel`; ``.fingerprint`` identifies the weights.

    Raises:
        ModelError: the model is missing or does not match its base.

    Example:
        >>> model = load_stance_model(Settings.load())  # doctest: +SKIP
        >>> model.fingerprint[:8]  # doctest: +SKIP
    """
    import torch

    from ..settings import Settings as _Settings

    settings = settings or _Settings.load()
    folder = resolve_model_dir(settings, path)
    precision = resolve_precision(settings.stance_precision)
    key = (str(folder), precision, settings.stance_max_length)
    with _CACHE_LOCK:
        if key not in _CACHE:
            if torch.get_num_threads() > (os.cpu_count() or 1):
                torch.set_num_threads(os.cpu_count() or 1)
            _CACHE[key] = load_from_dir(folder, precision=precision, max_length=settings.stance_max_length)
        return _CACHE[key]


def classify_stance(claim: str, passages: Sequence[str], *, settings: Settings | None = None,
                    model: StanceModel | None = None) -> list[StanceResult]:
    """The stance of each passage towards the claim.

    Args:
        claim: the claim, any language.
        passages: evidence passages.
        settings: picks the model when ``model`` is not given.
        model: an already loaded :class:`StanceModel`.

    Returns:
        One :class:`StanceResult` per passage, in order (label + probabilities over all
        four labels).

    Example:
        >>> classify_stance("Paris is in France.", ["Paris is the capital of France."])[0].label  # doctest: +SKIP
        'supports'
    """
    if not passages:
        return []
    model = model or load_stance_model(settings)
    return to_results(model.predict([claim] * len(passages), list(passages)))
