"""The shipped stance model: files, fingerprint, pinned hand-written pairs, the dev quality gate.

Training, averaging and distillation (``research/``) are tested in test_research_train.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborate.domain import STANCE_LABELS
from corroborate.errors import ModelError
from corroborate.settings import Settings
from corroborate.stance.model import resolve_model_dir
from corroborate.stance.shipped import (
    META_FILE,
    WEIGHTS_DIR,
    read_meta,
    shard_paths,
    weights_fingerprint,
)

from .conftest import need_shared

FLOORS = WEIGHTS_DIR / "floors.json"


def test_shipped_weights_are_small_and_self_describing() -> None:
    shards = shard_paths(WEIGHTS_DIR)
    assert shards, "no shipped stance weights"
    sizes = [p.stat().st_size for p in shards]
    assert max(sizes) <= 20_000_000 and sum(sizes) <= 45_000_000
    meta = read_meta(WEIGHTS_DIR)
    assert [meta["labels"][str(i)] for i in range(len(STANCE_LABELS))] == list(STANCE_LABELS)
    assert meta["base_digest"]
    # reproducible: each trained run records its command with its seed, and the stage it
    # continued from
    runs = meta.get("averaged", [meta])
    assert runs and all(
        f"--seed {run['seed']}" in run["command"] and run["init"]["command"] for run in runs
    )
    assert (WEIGHTS_DIR / "README.md").is_file()


def test_fingerprint_covers_the_weights(tmp_path: Path) -> None:
    fp = weights_fingerprint(WEIGHTS_DIR)
    assert fp == weights_fingerprint(WEIGHTS_DIR) and len(fp) == 64
    copy = tmp_path / "w"
    copy.mkdir()
    for p in [*shard_paths(WEIGHTS_DIR), WEIGHTS_DIR / META_FILE]:
        (copy / p.name).write_bytes(p.read_bytes())
    assert weights_fingerprint(copy) == fp
    first = shard_paths(copy)[0]
    data = bytearray(first.read_bytes())
    data[-1] ^= 1
    first.write_bytes(bytes(data))
    assert weights_fingerprint(copy) != fp


def test_a_folder_without_a_model_is_refused(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(ModelError, match="neither"):
        resolve_model_dir(settings, tmp_path)


def test_auto_precision_is_bf16_only_where_the_cpu_multiplies_bf16(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from corroborate.stance import model as stance_model_module

    monkeypatch.setattr(stance_model_module, "native_bf16", lambda: True)
    assert stance_model_module.resolve_precision("auto") == "bf16"
    monkeypatch.setattr(stance_model_module, "native_bf16", lambda: False)
    assert stance_model_module.resolve_precision("auto") == "int8"
    assert (
        stance_model_module.resolve_precision("bf16") == "bf16"
    )  # asked for: obeyed (slow without AMX)
    with pytest.raises(ModelError, match="int4"):
        stance_model_module.resolve_precision("int4")



@pytest.mark.parametrize(("amx", "avx512_bf16", "native"), [
    (True, False, True), (False, True, True), (False, False, False)])
def test_bf16_units_are_amx_or_avx512_bf16(monkeypatch: pytest.MonkeyPatch, amx: bool,
                                           avx512_bf16: bool, native: bool) -> None:
    """Both multiply bf16 in hardware (AVX-512 BF16: 496 against int8's 682 ms for 30 pairs on
    a 2-core host without AMX); a CPU with neither emulates bf16, slowly."""
    import torch

    from corroborate.stance.model import native_bf16

    monkeypatch.setattr(torch.cpu, "_is_amx_tile_supported", lambda: amx)
    monkeypatch.setattr(torch.cpu, "get_capabilities",
                        lambda: {"amx_bf16": amx, "avx512_bf16": avx512_bf16})
    native_bf16.cache_clear()  # asked once per process: ask again, and forget it after
    try:
        assert native_bf16() is native
    finally:
        native_bf16.cache_clear()

# --- the real model -------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def stance_model():  # type: ignore[no-untyped-def]
    from corroborate.stance import load_stance_model

    return load_stance_model(Settings.load(env={}, stance_calibration=False))  # the raw network


# Hand-written, clear-cut pairs: (claim, passage, label).
PINNED = [
    (
        "The city council approved the new budget on Tuesday.",
        "On Tuesday the city council voted to approve the new budget.",
        "supports",
    ),
    (
        "The city council approved the new budget on Tuesday.",
        "On Tuesday the city council rejected the new budget.",
        "contradicts",
    ),
    (
        "The city council approved the new budget on Tuesday.",
        "Add two cups of flour and a pinch of salt, then bake the cake for forty minutes.",
        "unrelated",
    ),
    (
        "Le président a démissionné hier soir.",
        "Hier soir, le président a annoncé sa démission.",
        "supports",
    ),
    (
        "Le président a démissionné hier soir.",
        "Hier soir, le président a déclaré qu'il ne démissionnerait pas "
        "et qu'il resterait en poste.",
        "contradicts",
    ),
    (
        "Le président a démissionné hier soir.",
        "Cette recette de tarte aux pommes demande du beurre, du sucre et de la cannelle.",
        "unrelated",
    ),
    ("ارتفعت أسعار النفط اليوم", "سجلت أسعار النفط ارتفاعا كبيرا اليوم", "supports"),
    ("ارتفعت أسعار النفط اليوم", "انخفضت أسعار النفط اليوم", "contradicts"),
    ("ارتفعت أسعار النفط اليوم", "فاز الفريق بالمباراة النهائية لكرة القدم", "unrelated"),
    (
        "The factory will close next year.",
        "Workers gathered outside the factory on Monday as reports about its future circulated; "
        "the company said no decision had been made.",
        "neutral",
    ),
    (
        "L'usine fermera l'année prochaine.",
        "Des salariés se sont rassemblés devant l'usine lundi ; "
        "la direction affirme qu'aucune décision n'a été prise.",
        "neutral",
    ),
    (
        "ستغلق الشركة مصنعها العام المقبل",
        "تجمع عمال المصنع يوم الاثنين وقالت الشركة إنه لم يتخذ أي قرار بعد بشأن مستقبله",
        "neutral",
    ),
]


# Pairs the shipped model (three stages: 64.9k + 36.6k + 49.2k training pairs) gets wrong: kept
# visible as xfail so a retrained model that fixes them shows up as XPASS, and a regression
# elsewhere still fails.
# (The previous model, 10.7k pairs, missed 0, 1, 4, 8, 10 and 11.)
KNOWN_MISSES = {4, 8, 11}


@pytest.mark.slow
@pytest.mark.parametrize("index", [
    pytest.param(i, marks=pytest.mark.xfail(reason="known miss of the shipped model", strict=True))
    if i in KNOWN_MISSES else i for i in range(len(PINNED))])
def test_pinned_pairs(stance_model, index: int) -> None:  # type: ignore[no-untyped-def]
    from corroborate.stance import classify_stance

    claim, passage, label = PINNED[index]
    result = classify_stance(claim, [passage], model=stance_model)[0]
    assert set(result.probabilities) == set(STANCE_LABELS)
    assert sum(result.probabilities.values()) == pytest.approx(1.0, abs=1e-4)
    assert result.label == label, result.probabilities


@pytest.mark.slow
def test_model_exposes_labels_and_fingerprint(stance_model) -> None:  # type: ignore[no-untyped-def]
    assert sorted(stance_model.id2label.values()) == sorted(STANCE_LABELS)
    assert stance_model.fingerprint == weights_fingerprint(WEIGHTS_DIR)
    from corroborate.stance import classify_stance

    assert classify_stance("anything", [], model=stance_model) == []


@pytest.mark.slow
def test_every_precision_reads_the_pinned_pairs_as_fp32_does() -> None:
    """bf16 and int8 are speed steps: on clear-cut pairs they must not change a label."""
    from corroborate.stance import classify_stance, load_stance_model

    claims, passages = [c for c, _, _ in PINNED], [p for _, p, _ in PINNED]
    runs = {}
    for precision in ("fp32", "int8", "bf16"):
        model = load_stance_model(Settings.load(env={}, stance_precision=precision))
        assert model.precision == precision and precision in model.cache_key
        runs[precision] = [
            classify_stance(c, [p], model=model)[0] for c, p in zip(claims, passages, strict=True)
        ]
    for precision in ("int8", "bf16"):
        assert [r.label for r in runs[precision]] == [r.label for r in runs["fp32"]], precision
    drift = max(abs(a.probabilities[k] - b.probabilities[k])
                for a, b in zip(runs["bf16"], runs["fp32"], strict=True) for k in STANCE_LABELS)
    assert drift < 0.05  # bf16 keeps fp32's exponent range: its probabilities stay close


def _native_precisions() -> list[str]:
    from corroborate.stance.model import native_bf16

    return ["bf16", "int8"] if native_bf16() else ["int8"]


@pytest.mark.slow
@pytest.mark.parametrize("precision", _native_precisions())
def test_dev_quality_gate(precision: str) -> None:
    """Macro-F1 on a fixed stratified dev sample must not drop below the recorded floors, in
    every precision ``auto`` can choose on this machine (bf16 with AMX, int8 everywhere)."""
    data = need_shared("data")
    from corroborate.settings import Settings
    from corroborate.stance import load_stance_model
    from research.devreport import engine_reading, evaluate_dev

    # the network's own readings: calibration and its thresholds are a display layer, held to
    # the behavioural suite's floors (test_stance_behaviour.py) and the demo's (test_demo.py)
    stance_model = load_stance_model(Settings.load(env={}, stance_precision=precision,
                                                   stance_calibration=False))

    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    spec = floors["sample"]
    reports = {
        r.name: r
        for r in evaluate_dev(
            stance_model,
            data,
            sample=spec["pairs"],
            fnc_sample=spec["fnc_docs"],
            seed=spec["seed"],
            only=tuple(floors["macro_f1"]),
            reading=engine_reading(Settings()),
        )
    }
    low = {name: (reports[name].macro_f1, floor) for name, floor in floors["macro_f1"].items()
           if reports[name].macro_f1 < floor}
    assert not low, f"macro-F1 below floor (measured, floor): {low}"
    assert reports["fnc1"].fnc_relative is not None
    assert reports["fnc1"].fnc_relative >= floors["fnc1_relative"]
