"""The index manifest and its generation files: what is current, written atomically.

On disk, in the data directory::

    manifest.json           the current generation: its file, size and sha256, the model that
                            built it (name, fingerprint, dimension), counts, dates
    passages.000007.faiss   the index of generation 7 (the current one)
    passages.000006.faiss   the previous generation, kept for readers that read the old manifest

Every save writes a NEW generation file (temp file, fsync, rename, fsync of the directory),
then the manifest the same way. The manifest names the file, so the pair on disk is always
consistent: a crash before the manifest is replaced leaves the previous generation current
and an orphan file that the next writer deletes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

import numpy as np

from .._version import __version__
from ..errors import IndexError_
from ..layout import INDEX_FILE_PATTERN, MANIFEST_FILE, index_file_name

MANIFEST_NAME = MANIFEST_FILE
FORMAT_VERSION = 1


class EncoderLike(Protocol):
    """What the index needs of an encoder (``corroborate.encoder.embed.Encoder`` fits)."""

    @property
    def name(self) -> str: ...

    @property
    def fingerprint(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def encode_queries(self, texts: list[str], *, batch_size: int | None = None,
                       show_progress: bool = False) -> np.ndarray: ...

    def encode_passages(self, texts: list[str], *, batch_size: int | None = None,
                        show_progress: bool = False) -> np.ndarray: ...


@dataclass(frozen=True)
class ModelInfo:
    """The encoder an index was built with; vectors of two models never mix."""

    name: str
    fingerprint: str
    dimension: int

    @classmethod
    def of(cls, encoder: EncoderLike) -> ModelInfo:
        """The info of a loaded encoder."""
        return cls(str(encoder.name), str(encoder.fingerprint), int(encoder.dimension))


@dataclass(frozen=True)
class Manifest:
    """What ``manifest.json`` records about the current index."""

    generation: int
    index_file: str
    index_size: int
    index_sha256: str
    model: ModelInfo
    count: int
    kind: str  # "exact" or "approximate"
    factory: str
    metric: str
    created: str  # when this build started from scratch (rebuild or first ingest)
    updated: str  # when this generation was saved
    build_id: str  # changes on every rebuild, not on incremental saves
    corroborate_version: str = __version__
    format: int = FORMAT_VERSION

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str, where: str) -> Manifest:
        """Parse a manifest; a damaged one raises :class:`IndexError_` naming the file."""
        try:
            data = json.loads(text)
            data["model"] = ModelInfo(**data["model"])
            return cls(**data)
        except (ValueError, TypeError, KeyError) as exc:
            raise IndexError_(
                f"{where} is damaged ({exc}); run `corroborate rebuild` to rebuild the index"
            ) from exc


@dataclass(frozen=True)
class GenerationFile:
    """A generation file just written: its number, name, size and sha256."""

    generation: int
    name: str
    size: int
    sha256: str


def now() -> str:
    """The current UTC time as the manifest writes it."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def read_manifest(data_dir: str | os.PathLike[str]) -> Manifest | None:
    """The manifest in ``data_dir``, or ``None`` when there is no index yet."""
    path = Path(data_dir) / MANIFEST_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return Manifest.from_json(text, str(path))


def require_manifest(data_dir: str | os.PathLike[str]) -> Manifest:
    """The manifest in ``data_dir``.

    Raises:
        IndexError_: there is no index yet; the message says what to run.
    """
    manifest = read_manifest(data_dir)
    if manifest is None:
        raise IndexError_(
            f"there is no vector index in {data_dir}: run `corroborate ingest` to fetch "
            "and index articles, or `corroborate rebuild` to index the stored ones"
        )
    return manifest


def check_model(manifest: Manifest, model: ModelInfo | None, data_dir: Path) -> None:
    """Refuse an index built with another encoder than the configured one.

    Raises:
        IndexError_: the name, fingerprint or dimension differ; the message says to rebuild.
    """
    if model is None:
        return
    built = manifest.model
    mine = (model.name, model.fingerprint, model.dimension)
    if (built.name, built.fingerprint, built.dimension) != mine:
        raise IndexError_(
            f"the index in {data_dir} was built with {built.name} (fingerprint "
            f"{built.fingerprint}, dimension {built.dimension}); the configured model is "
            f"{model.name} (fingerprint {model.fingerprint}, dimension {model.dimension}) — "
            "run `corroborate rebuild`"
        )


def check_index_file(path: Path, manifest: Manifest, verify: bool) -> None:
    """Refuse a generation file whose size (and with ``verify``, sha256) the manifest denies.

    Raises:
        FileNotFoundError: the file is gone (a writer pruned it; the caller retries).
        IndexError_: the file is damaged; the message says to rebuild.
    """
    size = path.stat().st_size
    if size != manifest.index_size:
        raise IndexError_(
            f"{path} has {size} bytes but the manifest says {manifest.index_size}: the index is "
            "damaged; run `corroborate rebuild`"
        )
    if verify and file_sha256(path) != manifest.index_sha256:
        raise IndexError_(
            f"{path} does not match the sha256 in the manifest; run `corroborate rebuild`"
        )


def write_generation(data_dir: Path, current: Manifest | None,
                     write: Callable[[str], None]) -> GenerationFile:
    """Write the next generation file through ``write(path)``: temp file, fsync, rename.

    The generation number is one past both the manifest's and any file on disk, so an orphan
    left by a crashed writer is never overwritten while a reader may hold it.
    """
    generation = 1 + max([current.generation if current else 0, *_generations_on_disk(data_dir)])
    name = index_file_name(generation)
    tmp = data_dir / f".{name}.{os.getpid()}.tmp"
    try:
        write(str(tmp))
        size, digest = _fsync_and_hash(tmp)
        os.replace(tmp, data_dir / name)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    _fsync_dir(data_dir)
    return GenerationFile(generation, name, size, digest)


def publish_manifest(data_dir: Path, manifest: Manifest, previous: Manifest | None) -> None:
    """Make ``manifest`` current, then delete every generation but it and ``previous``."""
    _atomic_write_text(data_dir / MANIFEST_NAME, manifest.to_json())
    _prune(data_dir, keep={manifest.generation, previous.generation if previous else -1})


def file_sha256(path: Path) -> str:
    """The sha256 of a file, read in 1 MiB chunks."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _generations_on_disk(data_dir: Path) -> list[int]:
    return [int(m.group(1)) for p in data_dir.iterdir() if (m := INDEX_FILE_PATTERN.match(p.name))]


def _prune(data_dir: Path, keep: set[int]) -> None:
    """Delete index files of other generations and leftover temp files (writer holds the lock)."""
    for path in data_dir.iterdir():
        m = INDEX_FILE_PATTERN.match(path.name)
        stale_tmp = path.name.startswith(".passages.") and path.name.endswith(".tmp")
        if (m and int(m.group(1)) not in keep) or stale_tmp:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


def _fsync_and_hash(path: Path) -> tuple[int, str]:
    """fsync a freshly written file and return its size and sha256."""
    h = hashlib.sha256()
    size = 0
    with path.open("rb+") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
            size += len(chunk)
        os.fsync(f.fileno())
    return size, h.hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so readers see the old or the new file, never a mix."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    _fsync_dir(path.parent)


__all__ = [
    "MANIFEST_NAME",
    "EncoderLike",
    "GenerationFile",
    "Manifest",
    "ModelInfo",
    "check_index_file",
    "check_model",
    "file_sha256",
    "publish_manifest",
    "read_manifest",
    "require_manifest",
    "write_generation",
]
