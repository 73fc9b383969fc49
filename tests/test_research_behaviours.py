"""The behaviour pairs and twins of research/behaviours.py, and how the trainer takes twins."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from .conftest import need_shared


def test_edits_change_one_value_both_sides_state() -> None:
    from research.edits import change_month, change_number, change_place, negate

    rng = random.Random(1)
    claim = "The council approved 1,200 new homes in March, officials in Lyon said."
    edited, kind = change_number(claim, "Le conseil a approuvé 1 200 logements en mars.", rng)
    assert kind == "number" and "1,200" not in edited and edited != claim
    assert change_number(claim, "Le conseil a approuvé des logements.", rng) is None  # not shared
    moved = change_month(claim, "en", "Le conseil a approuvé 1 200 logements en mars.", "fr", rng)
    assert moved is not None and "March" not in moved
    assert change_place("The summit opened in France.", "en",
                        "Le sommet s'est ouvert en France.", "fr", rng) not in (
        None, "The summit opened in France.")
    assert negate("The bridge was closed on Monday.", "en") == \
        "The bridge was not closed on Monday."
    assert negate("The bridge wasn't closed.", "en") == "The bridge was closed."
    assert negate("Le pont a fermé lundi.", "fr") == "Le pont n'a pas fermé lundi."
    assert negate("Le pont n'a pas fermé lundi.", "fr") == "Le pont a fermé lundi."


def test_an_actor_edit_swaps_or_replaces_a_name_not_a_place_or_a_date() -> None:
    from research.edits import change_actor, names_in

    text = "Casa Norte agreed on Monday to buy Lojas Sol, chief executive Ana Prado said in Brazil."
    assert [m.group() for m in names_in(text)] == ["Casa Norte", "Lojas Sol", "Ana Prado"]
    assert names_in("The talks in France ended in March.") == []  # countries, months
    seen = {change_actor(text, ["Rui Costa"], random.Random(seed)) for seed in range(30)}
    assert text not in seen and None not in seen
    assert any("Lojas Sol agreed" in s and "buy Casa Norte" in s for s in seen)  # a swap
    assert any("Rui Costa" in s for s in seen)  # a name from elsewhere
    assert all("Monday" in s and "Brazil" in s for s in seen)
    assert change_actor("The bridge was closed on Monday.", ["Rui Costa"], random.Random(1)) is None


def test_twins_batch_side_by_side_among_the_others() -> None:
    import torch

    from research.train import interleave, symmetric_kl, twin_batches_of

    twins = twin_batches_of(10, 5, 4)
    assert twins == [[10, 11, 12, 13], [14, 15, 16, 17], [18, 19]]
    batches = interleave([[0, 1], [2, 3], [4, 5]], twins, seed=3)
    assert sorted(map(tuple, batches)) == sorted(map(tuple, [[0, 1], [2, 3], [4, 5], *twins]))
    assert [b for b in batches if b[0] >= 10] == twins  # their order kept
    same = torch.tensor([[2.0, 0.0, -1.0, 0.0]])
    assert symmetric_kl(same, same).item() == pytest.approx(0.0, abs=1e-7)
    assert symmetric_kl(same, -same).item() > 1.0


def test_a_device_this_machine_lacks_is_refused_in_one_line(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]
                                                              ) -> None:
    import torch

    from research.train import parse_args

    data = tmp_path / "data"
    (data / "nli").mkdir(parents=True)
    (data / "stance").mkdir()
    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU: --device cuda is accepted here")
    with pytest.raises(SystemExit):
        parse_args(["--out", str(tmp_path / "o"), "--data", str(data), "--base", str(tmp_path),
                    "--device", "cuda"])
    assert "--device cuda: no such device here" in capsys.readouterr().err
    config = parse_args(["--out", str(tmp_path / "o"), "--data", str(data), "--base",
                         str(tmp_path), "--device", "cpu", "--behaviour-scale", "0.5"])
    assert config.device == "cpu" and config.behaviour_scale == 0.5


def test_behaviour_pairs_from_the_parallel_sentences() -> None:
    from corroborate.stance.data import DEV, TRAIN, split_of
    from research.behaviours import DEV_FRACTION, behaviour_pairs, read_parallel

    rows = read_parallel(need_shared("data", "parallel"), files=("ntrex",))
    pairs, twins = behaviour_pairs(rows, 600, seed=5, twins=60)
    kinds = {p.source for p in pairs}
    assert {"beh_translation", "beh_number", "beh_other_sentence", "beh_denial",
            "beh_actor"} <= kinds
    assert all(split_of(p.group.removeprefix("beh:"), DEV_FRACTION) == TRAIN for p in pairs)
    dev_docs = {r.doc for r in rows if split_of(r.doc, DEV_FRACTION) == DEV}
    assert dev_docs and not any(p.group.removeprefix("beh:") in dev_docs for p in pairs)
    by_label = {p.source: p.label for p in pairs}
    assert by_label["beh_translation"] == "supports" and by_label["beh_number"] == "contradicts"
    assert twins and all(a.label == b.label and a.passage == b.passage
                         and a.lang.split("-")[0] != b.lang.split("-")[0] for a, b in twins)
    cross = sum(p.lang.split("-")[0] != p.lang.split("-")[1] for p in pairs)
    assert cross > len(pairs) / 3
    # a claim that says more than its passage, with nothing against it, supports
    missing = [p for p in pairs if p.source == "beh_missing_detail"]
    assert missing and all(p.label == "supports" for p in missing)
    # shares can be replaced: a kind at 0 is left out, the others keep theirs
    fewer, _ = behaviour_pairs(rows, 600, seed=5, shares={"number": 0, "denial": 0.2})
    got = Counter(p.source for p in fewer)
    assert "beh_number" not in got and got["beh_denial"] > Counter(
        p.source for p in pairs)["beh_denial"]
    # a denial of something else before the sentence confirmed is support (off by default)
    assert "beh_denial_other" not in {p.source for p in pairs}
    other, _ = behaviour_pairs(rows, 600, seed=5, shares={"denial_other": 0.2})
    denials = [p for p in other if p.source == "beh_denial_other"]
    assert len(denials) > 60 and all(p.label == "supports" for p in denials)


def test_a_denial_of_something_else_keeps_the_sentence_confirmed() -> None:
    import random

    from research.edits import DENIED_OTHER, embed_clause

    rng = random.Random(3)
    seen = set()
    for _ in range(40):
        text = embed_clause("The bridge reopened on Monday.", "en", DENIED_OTHER, rng,
                            "Traffic was diverted for a week.")
        assert text.endswith("the bridge reopened on Monday.")
        seen.add("traffic was diverted for a week" in text.lower())
    assert seen == {True, False}  # with the other sentence as what is denied, and without
    alone = {embed_clause("Le pont a rouvert lundi.", "fr", DENIED_OTHER, random.Random(k))
             for k in range(20)}
    assert all("{o}" not in t and t.endswith("le pont a rouvert lundi.") for t in alone)


def test_behaviour_kind_shares_are_named_on_the_command_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from research.train import parse_args

    data = tmp_path / "data"
    (data / "nli").mkdir(parents=True)
    (data / "stance").mkdir()
    base = ["--out", str(tmp_path / "o"), "--data", str(data), "--base", str(tmp_path)]
    config = parse_args([*base, "--behaviour-kinds", "number=0.06, negation=0"])
    assert config.behaviour_shares == (("number", 0.06), ("negation", 0.0))
    for bad, said in (("numbr=0.1", "unknown behaviour kind 'numbr'"),
                      ("number", "expected KIND=SHARE"), ("number=-1", "expected KIND=SHARE")):
        with pytest.raises(SystemExit):
            parse_args([*base, "--behaviour-kinds", bad])
        assert said in capsys.readouterr().err


@pytest.mark.slow
def test_a_short_run_with_twins_trains_and_ships(tmp_path: Path, e5_model_dir: Path) -> None:
    """The trainer end to end with twins and the consistency term, on the device argument's
    CPU path (the same code runs with --device cuda)."""
    from corroborate.stance.data import StancePair
    from corroborate.stance.shipped import read_meta
    from research.train import TrainConfig, train

    pairs = [StancePair(f"p{i}", "The bridge reopened on Monday.",
                        "Traffic crossed the bridge again on Monday.", "supports", "hand", "en",
                        f"g{i}") for i in range(4)]
    twins = [(StancePair("t", "The bridge reopened.", "Le pont a rouvert.", "supports", "h",
                         "en-fr", "t"),
              StancePair("t2", "Le pont a rouvert.", "Le pont a rouvert.", "supports", "h",
                         "fr-fr", "t"))] * 2
    config = TrainConfig(out_dir=tmp_path / "w", base_dir=e5_model_dir, data_dir=tmp_path,
                         layers=2, freeze_layers=1, batch_size=4, max_length=32,
                         checkpoint_minutes=60, device="cpu", command="test")
    report = train(config, pairs, twins=twins)
    assert report.steps == 2 and report.pairs == 8  # one batch of pairs, one of twins
    meta = read_meta(tmp_path / "w")
    assert meta["twins"] == 2 and meta["config"]["device"] == "cpu"


def test_calibration_is_fitted_on_dev_predictions_and_shipped_beside_the_weights(
        tmp_path: Path) -> None:
    """Over-confident dev readings: the tool writes a temperature above 1 and thresholds that
    reach the precision on the pooled sets, and the model folder then loads with them."""
    import json

    from corroborate.stance.calibration import CALIBRATION_FILE, load_calibration
    from research.calibrate import main

    rng = random.Random(7)
    labels = ("supports", "contradicts", "neutral", "unrelated")
    with (tmp_path / "dev.jsonl").open("w", encoding="utf-8") as fh:
        for name in ("fnc1", "xnli_fr"):
            for i in range(300):
                gold = labels[i % (4 if name == "fnc1" else 3)]
                strength = rng.uniform(0.9, 0.99)  # stated at 90-99%, right 70% of the time
                said = gold if rng.random() < 0.7 else rng.choice(
                    [x for x in labels[:3] if x != gold])
                p = {k: (1 - strength) / 3 for k in labels}
                p[said] = strength
                fh.write(json.dumps({"set": name, "id": f"{name}{i}", "gold": gold,
                                     "predicted": said, "probabilities": p}) + "\n")
    weights = tmp_path / "weights"
    weights.mkdir()
    assert main(["--predictions", str(tmp_path / "dev.jsonl"), "--out", str(weights),
                 "--sets", "fnc1,xnli_fr,missing"]) == 0
    cal = load_calibration(weights)
    assert cal.temperature > 1.0
    assert all(0.5 <= t <= 1.0 for t in cal.thresholds.values())
    assert weights.joinpath(CALIBRATION_FILE).is_file()
    fitted = json.loads((weights / CALIBRATION_FILE).read_text())["fitted_on"]
    assert set(fitted["sets"]) == {"fnc1", "xnli_fr"}
    for figures in fitted["sets"].values():
        assert figures["ece_after"] < figures["ece_before"]


def test_a_role_edit_gives_the_act_to_another_name_of_the_story() -> None:
    from research.edits import change_role

    text = "West came in as a late replacement for the singer Ariana Grande on Saturday."
    near = ["The show's creator said Mac Miller cancelled for personal reasons."]
    seen = {change_role(text, near, random.Random(seed)) for seed in range(40)}
    assert "Ariana Grande came in as a late replacement for the singer West on Saturday." \
        not in seen  # names of different lengths are not swapped into each other's place
    assert "West came in as a late replacement for the singer Mac Miller on Saturday." in seen
    assert None not in seen and text not in seen
    # two names joined by "and" stay: "A and B met" says what "B and A met" says
    assert change_role("Sophie Martin and Ariana Grande met in Lyon on Monday.", [],
                       random.Random(1)) is None
    # a word opening a quote or a sentence is no actor to hand the act to
    assert change_role('He said: "Once the government agrees, we can open."', [],
                       random.Random(1)) is None
