"""The stance cross-encoder: load it (shipped weights assembled onto the base), run it.

The shipped weights hold only what training changed; :mod:`corroborate.stance.shipped` assembles
them with multilingual-e5-small into a standard ``BertForSequenceClassification`` folder in
``settings.model_cache_dir/stance-<fingerprint[:16]>`` that ``transformers`` and
sentence-transformers' ``CrossEncoder`` both load; labels come from its config's ``id2label``.
This module loads such a folder in the precision asked for and classifies (claim, passage)
pairs. The network reads the claim with the passage's own name for each entity both name in
one language (:func:`~corroborate.stance.entities.align_names`: it reads "ISIS" against
"Islamic State" as another actor).

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
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain import STANCE_LABELS, StanceResult
from ..errors import ModelError
from ..lang import detect_language
from .calibration import NONE, Calibration, load_calibration, to_result
from .entities import align_names
from .shipped import META_FILE, WEIGHTS_DIR, assembled_dir

if TYPE_CHECKING:
    from ..settings import Settings

CLAIM_PREFIX = "query: "  # e5's own prefixes keep the inputs close to what the base has seen
PASSAGE_PREFIX = "passage: "
NAMES_VERSION = 1  # how the claim's names are aligned with the passage's (entities.align_names)
_language = functools.lru_cache(maxsize=4096)(detect_language)


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
    calibration: Calibration = NONE  # temperature and per-side thresholds (calibration.py)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def cache_key(self) -> str:
        """The weights' fingerprint plus how they run (precision, token cap) and their
        calibration: results differ with each."""
        key = f"{self.fingerprint}:{self.precision}:{self.max_length}:names-{NAMES_VERSION}"
        return key if self.calibration == NONE else f"{key}:cal-{self.calibration.digest}"

    @property
    def id2label(self) -> dict[int, str]:
        """The model's own label mapping (from its config)."""
        return {int(k): str(v) for k, v in self.model.config.id2label.items()}

    def predict(self, claims: Sequence[str], passages: Sequence[str],
                on_progress: Callable[[int, int], None] | None = None, *,
                raw: bool = False) -> list[dict[str, float]]:
        """Probabilities over :data:`STANCE_LABELS` for each (claim, passage) pair, calibrated
        (``raw``: as the network gives them, for fitting a calibration)."""
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
                enc = encode_pairs(self.tokenizer,
                                   [align_names(claims[i], passages[i], _language) for i in idx],
                                   [passages[i] for i in idx], self.max_length)
                probs = torch.softmax(self.model(**enc).logits.float(), dim=-1).tolist()
                for i, row in zip(idx, probs, strict=True):
                    named = {id2label[j]: float(p) for j, p in enumerate(row)}
                    out[i] = {label: named.get(label, 0.0) for label in STANCE_LABELS}
                    if not raw:
                        out[i] = self.calibration.apply(out[i], claims[i], passages[i])
                if on_progress is not None:
                    on_progress(min(start + self.batch_size, len(order)), len(order))
        return out


def encode_pairs(
    tokenizer: Any, claims: Sequence[str], passages: Sequence[str], max_length: int
) -> Any:
    """Tokenise (claim, passage) pairs the way training did: e5 prefixes, dynamic padding."""
    return tokenizer([CLAIM_PREFIX + c for c in claims], [PASSAGE_PREFIX + p for p in passages],
                     truncation="longest_first", max_length=max_length, padding=True,
                     return_tensors="pt")


def to_results(probabilities: Sequence[Mapping[str, float]],
               calibration: Calibration = NONE) -> list[StanceResult]:
    """StanceResults from (calibrated) probability rows: the most probable label, or
    ``neutral`` for a side under its threshold (:func:`~.calibration.decide`)."""
    return [to_result(p, calibration) for p in probabilities]


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
    """Whether this CPU multiplies bf16 matrices in hardware: Intel AMX (bf16 then runs the
    stance model about twice as fast as int8 or fp32) or AVX-512 BF16 dot products (about a
    quarter faster than int8 on a 2-core host without AMX, 505 against 691 ms for 30 pairs;
    bench/stance.py). Elsewhere bf16 is emulated and slow. Asked once per process."""
    try:
        import torch

        caps = torch.cpu.get_capabilities()
        amx = bool(torch.cpu._is_amx_tile_supported()) and bool(caps.get("amx_bf16", False))
        return amx or bool(caps.get("avx512_bf16", False))
    except (AttributeError, RuntimeError):  # an older torch: read the CPU flags ourselves
        try:
            flags = Path("/proc/cpuinfo").read_text(encoding="ascii", errors="replace")
        except OSError:
            return False
        return (" amx_bf16" in flags and " amx_tile" in flags) or " avx512_bf16" in flags


def resolve_precision(requested: str) -> str:
    """``auto`` becomes ``bf16`` on a CPU with bf16 units (:func:`native_bf16`), else ``int8``;
    others are kept.

    Raises:
        ModelError: an unknown precision.
    """
    if requested == "auto":
        return "bf16" if native_bf16() else "int8"
    if requested not in PRECISIONS:
        raise ModelError(
            f"unknown stance precision {requested!r}: use auto, {', '.join(PRECISIONS)}"
        )
    return requested


def calibration_dir(settings: Settings, path: str | os.PathLike[str] | None = None) -> Path:
    """Where the calibration of ``path`` or ``settings.stance_model`` lies: beside the weights
    (the shipped ones for ``default``), not in the assembled folder, so that a calibration fitted
    again takes effect without assembling again."""
    spec = str(path) if path is not None else settings.stance_model
    return WEIGHTS_DIR if spec in ("", "default") else Path(spec).expanduser()


def load_from_dir(folder: Path, *, precision: str, max_length: int,
                  calibration: Calibration = NONE) -> StanceModel:
    """Load a full stance model folder, run in ``precision`` (bf16, int8 or fp32; see
    :func:`resolve_precision`), its probabilities calibrated by ``calibration``."""
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
        fingerprint = str(
            json.loads((folder / META_FILE).read_text(encoding="utf-8"))["fingerprint"]
        )
    except (OSError, ValueError, KeyError):
        fingerprint = _file_digest(folder / "model.safetensors")
    return StanceModel(model, tokenizer, fingerprint, max_length, folder, precision,
                       calibration=calibration)


def _keeps_fp32(name: str) -> bool:
    """The feed-forward output projections (``layer.N.output.dense``) stay fp32.

    Their input is the GELU output, whose few large activations one per-tensor int8 scale
    cannot hold: quantising them alone cut XNLI dev accuracy from 0.68 to 0.50, while every
    other Linear together costs about two points (bench/stance.py reports the figures).
    """
    return name.endswith(".output.dense") and ".attention." not in name


def quantize_int8(model: Any) -> Any:
    """Int8 dynamic quantisation (per output channel) of the Linear layers that tolerate it,
    in place."""
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


def load_stance_model(
    settings: Settings | None = None, path: str | os.PathLike[str] | None = None
) -> StanceModel:
    """The stance model of these settings, loaded once per process.

    Args:
        settings: uses ``stance_model``, ``stance_precision``, ``stance_max_length``,
            ``stance_calibration``, ``model_cache_dir`` (default: ``Settings.load()``).
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
    calibration = (load_calibration(calibration_dir(settings, path))
                   if settings.stance_calibration else NONE)
    key = (str(folder), precision, settings.stance_max_length, calibration.digest)
    with _CACHE_LOCK:
        if key not in _CACHE:
            if torch.get_num_threads() > (os.cpu_count() or 1):
                torch.set_num_threads(os.cpu_count() or 1)
            _CACHE[key] = load_from_dir(
                folder, precision=precision, max_length=settings.stance_max_length,
                calibration=calibration,
            )
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
        >>> classify_stance("Paris is in France.",  # doctest: +SKIP
        ...                 ["Paris is the capital of France."])[0].label
        'supports'
    """
    if not passages:
        return []
    model = model or load_stance_model(settings)
    return to_results(model.predict([claim] * len(passages), list(passages)), model.calibration)
