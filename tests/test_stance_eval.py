"""Stance evaluation: metrics, the FNC-1 score, document aggregation, the CLI's argument checks."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from corroborate.cli import main
from corroborate.domain import StanceResult
from corroborate.stance import aggregate_document_stance
from corroborate.stance.data import StancePair
from corroborate.stance.evaluate import (
    bootstrap_intervals,
    compute_metrics,
    format_report,
    is_three_class,
    stratified_docs,
)
from corroborate.stance.fnc import StanceDoc, fnc_score


def test_fnc_score_on_a_hand_built_example() -> None:
    gold = ["supports", "contradicts", "neutral", "unrelated", "unrelated"]
    pred = ["supports", "neutral", "unrelated", "unrelated", "supports"]
    score, best, relative = fnc_score(gold, pred)
    # exact related: 1.0; related but wrong class: 0.25; related called unrelated: 0;
    # unrelated right: 0.25; unrelated called related: 0
    assert score == pytest.approx(1.0 + 0.25 + 0 + 0.25 + 0)
    assert best == pytest.approx(3 * 1.0 + 2 * 0.25)
    assert relative == pytest.approx(1.5 / 3.5)
    assert fnc_score(gold, gold)[2] == pytest.approx(1.0)
    with pytest.raises(ValueError):
        fnc_score(gold, pred[:2])


def test_metrics_on_a_hand_built_example() -> None:
    labels = ("supports", "contradicts", "neutral")
    gold = ["supports", "supports", "contradicts", "neutral", "neutral", "neutral"]
    pred = ["supports", "neutral", "contradicts", "neutral", "neutral", "supports"]
    r = compute_metrics(gold, pred, labels, "toy")
    assert r.n == 6 and r.accuracy == pytest.approx(4 / 6, abs=1e-4)
    assert r.confusion == [[1, 0, 1], [0, 1, 0], [1, 0, 2]]
    assert r.per_class["supports"].precision == pytest.approx(0.5)
    assert r.per_class["supports"].recall == pytest.approx(0.5)
    assert r.per_class["contradicts"].f1 == pytest.approx(1.0)
    assert r.per_class["neutral"].f1 == pytest.approx(2 * (2 / 3) * (2 / 3) / (4 / 3), abs=1e-4)
    assert r.macro_f1 == pytest.approx((0.5 + 1.0 + 2 / 3) / 3, abs=1e-3)
    assert "macro-F1" in format_report(r)
    with pytest.raises(ValueError, match="not in"):
        compute_metrics(["supports"], ["unrelated"], labels)


def test_bootstrap_intervals_hold_the_figure_and_narrow_with_more_items() -> None:
    import random

    labels = ("supports", "contradicts", "neutral", "unrelated")
    rng = random.Random(5)

    def noisy(n: int) -> tuple[list[str], list[str]]:
        gold = [rng.choice(labels) for _ in range(n)]
        return gold, [g if rng.random() < 0.7 else rng.choice(labels) for g in gold]

    small, large = noisy(300), noisy(3000)
    widths = []
    for gold, pred in (small, large):
        ci = bootstrap_intervals(gold, pred, labels, fnc=True)
        point = compute_metrics(gold, pred, labels)
        assert ci["accuracy"][0] < point.accuracy < ci["accuracy"][1]
        assert ci["macro_f1"][0] < point.macro_f1 < ci["macro_f1"][1]
        assert ci["fnc_relative"][0] < fnc_score(gold, pred)[2] < ci["fnc_relative"][1]
        widths.append(ci["accuracy"][1] - ci["accuracy"][0])
    # about ±5 points of accuracy on 300 items, and sqrt(10) times narrower on 3000
    assert 0.07 < widths[0] < 0.14 and 2.5 < widths[0] / widths[1] < 4.0
    # a perfect run cannot move: every resample scores 1
    assert bootstrap_intervals(small[0], small[0], labels) == {
        "accuracy": (1.0, 1.0),
        "macro_f1": (1.0, 1.0),
    }
    # three-class data has no FNC-1 score; the interval of the report shows in its table
    three = ("supports", "contradicts", "neutral")
    gold3 = [g for g in small[0] if g in three]
    assert "fnc_relative" not in bootstrap_intervals(gold3, gold3, three, fnc=True)
    from dataclasses import replace

    report = compute_metrics(*small, labels, "toy")
    assert "[" not in format_report(report).splitlines()[0]
    shown = format_report(replace(report, ci95=bootstrap_intervals(*small, labels))).splitlines()[0]
    assert "accuracy=" in shown and "95% bootstrap" in shown


def test_three_class_detection() -> None:
    nli = [
        StancePair("a", "c", "p", "supports", "s", "en", "g"),
        StancePair("b", "c", "p", "neutral", "s", "en", "h"),
    ]
    assert is_three_class(nli)
    assert not is_three_class([*nli, StancePair("c", "c", "p", "unrelated", "s", "en", "i")])


def _r(s: float, c: float, n: float, u: float) -> StanceResult:
    probs = {"supports": s, "contradicts": c, "neutral": n, "unrelated": u}
    return StanceResult(max(probs, key=lambda k: probs[k]), probs)


def test_aggregation_strongest_polar_passage_wins() -> None:
    doc = aggregate_document_stance([_r(.1, .1, .7, .1), _r(.2, .7, .05, .05), _r(.6, .1, .2, .1)])
    assert doc.label == "contradicts" and doc.probabilities["contradicts"] == pytest.approx(.7)


def test_aggregation_falls_back_to_neutral_then_unrelated() -> None:
    assert aggregate_document_stance([_r(.3, .2, .4, .1), _r(.1, .1, .1, .7)]).label == "neutral"
    assert (
        aggregate_document_stance([_r(0.1, 0.1, 0.2, 0.6), _r(0.05, 0.05, 0.1, 0.8)]).label
        == "unrelated"
    )
    assert (
        aggregate_document_stance([_r(0.45, 0.1, 0.1, 0.35)], polar_threshold=0.4).label
        == "supports"
    )
    with pytest.raises(ValueError):
        aggregate_document_stance([])


def test_a_decidedly_polar_sentence_overrules_its_passage() -> None:
    from corroborate.stance.aggregate import sentence_reading

    passage = _r(.3, .1, .55, .05)
    assert sentence_reading(passage, [_r(.1, .1, .7, .1), _r(.05, .8, .1, .05)]) == 1
    # not polar enough, or no more polar than the passage: the passage's reading stands
    assert sentence_reading(passage, [_r(.6, .1, .2, .1)]) is None
    assert sentence_reading(_r(.9, 0, .1, 0), [_r(.8, .1, .1, 0)]) is None
    assert sentence_reading(passage, [_r(.6, .1, .2, .1)], threshold=0.5) == 0
    assert sentence_reading(passage, []) is None


def test_only_passages_of_several_real_sentences_are_read_sentence_by_sentence() -> None:
    from corroborate.stance.aggregate import readable_sentences

    text = (
        "PARIS (AIP) — The minister resigned on Monday. "
        "Her deputy will take over until a vote in June."
    )
    spans = [(0, 13), (14, 46), (47, len(text))]
    assert readable_sentences(text, spans) == [
        (14, 46),
        (47, len(text)),
    ]  # the dateline is not read alone
    assert (
        readable_sentences(text, spans[:2]) == []
    )  # a single readable sentence: the passage says it all


class _Reader:
    """Stands in for the model: one sentence is decisive, every other text is neutral."""

    def __init__(self, decisive: str) -> None:
        self.decisive = decisive
        self.seen: list[str] = []

    def predict(self, claims: list[str], passages: list[str]) -> list[dict[str, float]]:
        self.seen.extend(passages)
        return [
            {"supports": 0.9, "contradicts": 0, "neutral": 0.1, "unrelated": 0}
            if p == self.decisive
            else {"supports": 0.2, "contradicts": 0.1, "neutral": 0.65, "unrelated": 0.05}
            for p in passages
        ]


def test_documents_are_read_sentence_by_sentence_only_when_asked() -> None:
    from corroborate.stance.evaluate import evaluate_docs
    from corroborate.stance.fnc import BodyPassages

    decisive = "The ministry confirmed on Monday that the dam had burst after the storm."
    body = ("Rescue teams reached the valley late on Sunday evening after the heavy rain. "
            f"{decisive} Officials said more rain was expected in the region this week.")
    docs = [StanceDoc("d1", "The dam burst after the storm", "b1", "supports", "dev")]
    passages = BodyPassages({"b1": body})
    reader = _Reader(decisive)
    plain = evaluate_docs(reader, docs, passages)  # type: ignore[arg-type]
    assert plain.accuracy == 0.0 and decisive not in reader.seen  # the passage alone reads neutral
    read = evaluate_docs(_Reader(decisive), docs, passages, sentences=True)  # type: ignore[arg-type]
    assert read.accuracy == 1.0 and read.extra["sentences"] is True


def test_stratified_docs_keep_label_shares() -> None:
    docs = [
        StanceDoc(f"d{i}", f"h{i}", str(i), "unrelated" if i < 75 else "supports", "dev")
        for i in range(100)
    ]
    chosen = stratified_docs(docs, 20, seed=2)
    assert len(chosen) == 20 and sum(d.label == "supports" for d in chosen) == 5


def test_eval_cli_checks_its_arguments_before_loading_a_model() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["eval", "stance", "--format", "fnc1"])
    assert result.exit_code == 2 and "--stances" in result.output
    result = runner.invoke(main, ["eval", "stance", "--format", "jsonl"])
    assert result.exit_code == 2 and "needs FILE" in result.output
    result = runner.invoke(main, ["eval", "stance", "--format", "csv"])
    assert result.exit_code == 2


def test_dense_ranking_finds_the_passage_the_engine_would_when_words_do_not_match(encoder) -> None:  # type: ignore[no-untyped-def]
    from corroborate.stance.fnc import BodyPassages, DenseRanking

    body = (
        "Le marché aux fleurs ouvre ses portes chaque samedi matin. "
        "Les visiteurs y trouvent des tulipes. "
        "\n\n"
        "Le gouvernement a démissionné hier soir après le vote de défiance du Parlement. "
        "Le Premier ministre a remis sa lettre au président.\n\n"
        "La météo annonce de la pluie pour la fin de semaine. Les températures baissent."
    )
    passages = BodyPassages({"b1": body}, "fr")
    assert len(passages.texts) == 3
    headline = "Cabinet quits after losing the support of lawmakers"
    # no word in common: BM25 cannot tell the passages apart and keeps the body's order
    assert passages.top(headline, "b1", 1)[0].startswith("Le marché")
    dense = DenseRanking(passages, encoder)
    dense.prepare([(headline, "b1")])
    assert dense.top(headline, "b1", 1)[0].startswith("Le gouvernement a démissionné")
    assert len(dense.top(headline, "b1", 5)) == 3


def test_eval_cli_names_a_row_with_an_unknown_label_instead_of_a_traceback(tmp_path: Path) -> None:
    import json

    path = tmp_path / "fever.jsonl"
    rows = [{"premise": "Paris is in France.", "hypothesis": "Paris is French.",
             "label": "SUPPORTS"},
            {"id": "f2", "premise": "It rained.", "hypothesis": "It was dry.", "label": "MAYBE"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "stance", "--format", "jsonl", str(path)])
    assert result.exit_code == 1 and not isinstance(result.exception, KeyError | ValueError)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    assert str(path) in lines[0] and "line 2" in lines[0] and "f2" in lines[0]
    assert "'MAYBE'" in lines[0]
    assert "Traceback" not in result.output


def test_eval_dev_says_it_needs_the_research_folder_where_it_is_missing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "research", None)  # as in an installed wheel: no research/
    monkeypatch.delitem(sys.modules, "research.devreport", raising=False)
    result = CliRunner().invoke(main, ["eval", "stance", "--format", "dev"])
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: --format dev needs the research/ folder of a source checkout (the training "
        "mixture builds the dev splits); run it from the repository root, or score a file with "
        "--format fnc1, jsonl or xnli-tsv")


class _ByClaim:
    """Stands in for the model: reads a pair as supporting when its claim says so, else neutral."""

    def predict(self, claims: list[str], passages: list[str]) -> list[dict[str, float]]:
        yes = {"supports": .8, "contradicts": .1, "neutral": .05, "unrelated": .05}
        other = {"supports": .1, "contradicts": .1, "neutral": .75, "unrelated": .05}
        return [yes if "yes" in c else other for c in claims]


def test_pairs_with_a_category_are_also_scored_per_category() -> None:
    from corroborate.stance.evaluate import evaluate_pairs

    pairs = [StancePair(f"r{i}", claim, "p", label, "s", "en", f"g{i}", category)
             for i, (claim, label, category) in enumerate([
                 ("yes a", "supports", "negation"), ("no b", "supports", "negation"),
                 ("no c", "neutral", "negation"), ("yes d", "supports", "numbers"),
                 ("no e", "contradicts", "")])]
    rows: list[dict[str, object]] = []
    model: Any = _ByClaim()
    report = evaluate_pairs(model, pairs, "behaviour", sink=rows.append)
    assert report.extra["per_category"] == {"": {"n": 1, "accuracy": 0.0},
                                            "negation": {"n": 3, "accuracy": 0.6667},
                                            "numbers": {"n": 1, "accuracy": 1.0}}
    assert report.as_dict()["extra"]["per_category"]["numbers"] == {"n": 1, "accuracy": 1.0}
    table = format_report(report)
    assert "category" in table and any(line.split() == ["negation", "0.667", "3"]
                                       for line in table.splitlines())
    assert rows[0]["category"] == "negation" and "category" not in rows[4]
    plain = evaluate_pairs(model, [replace(p, category="") for p in pairs], "plain")
    assert "per_category" not in plain.extra and "category" not in format_report(plain)


def test_the_dev_report_is_found_from_a_checkouts_root_by_the_installed_script(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`corroborate eval stance --format dev` from the repository root: the console script does
    not look in the working directory, so the command adds it when it holds research/."""
    import sys

    import click

    from corroborate.cli.stance_cmd import DEV_NEEDS_RESEARCH, _dev_report

    repo = Path(__file__).resolve().parents[1]
    monkeypatch.setattr(sys, "path", [p for p in sys.path
                                      if p not in ("", ".") and Path(p).resolve() != repo])
    for name in [m for m in sys.modules if m == "research" or m.startswith("research.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(click.ClickException) as err:
        _dev_report()
    assert err.value.message == DEV_NEEDS_RESEARCH
    monkeypatch.chdir(repo)
    assert _dev_report().__name__ == "research.devreport"
