"""The engine over the demo index, with the real encoder and the shipped stance model."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from corroborate.domain import StanceResult
from corroborate.results import SIDES

pytestmark = pytest.mark.slow

KERMAN_FR = "L'État islamique a revendiqué les attentats de Kerman, en Iran, en janvier 2024."
TROOPS_EN = "About 2,500 US troops are stationed in Iraq and about 900 in Syria."
EVIDENCE_KEYS = {"url", "title", "outlet", "language", "published", "passage", "start", "end",
                 "score", "stance", "probabilities", "origin", "copies", "highlight", "reading"}


def test_result_json_has_every_field(demo_engine: Any) -> None:
    d = demo_engine.search(KERMAN_FR).to_dict()
    assert {"claim", "supporting", "contradicting", "neutral", "summary", "verdict"} <= set(d)
    assert d["verdict"]["label"] in {
        "SUPPORTED",
        "CONTRADICTED",
        "CONFLICTING",
        "NOT ENOUGH COVERAGE",
    }
    assert "thresholds" in d["verdict"] and "not truth" in d["disclaimer"]
    every = [e for side in SIDES for e in d[side]]
    assert every, "the Kerman claim has coverage in the demo corpus"
    for e in every:
        assert set(e) >= EVIDENCE_KEYS
        assert set(e["probabilities"]) == {"supports", "contradicts", "neutral", "unrelated"}
        assert e["stance"] != "unrelated"
        assert 0 <= e["highlight"][0] < e["highlight"][1] <= len(e["passage"])
    for side in ("supporting", "contradicting", "neutral"):
        counts = d["summary"]["counts"][side]
        assert counts["origins"] <= counts["articles"] and counts["outlets"] <= counts["articles"]
        assert f"{counts['origins']} independent origin" in d["summary"]["described"][side]
    # counts cover all the coverage found; each side's list shows its top_k best
    assert (
        sum(sum(v for k, v in day.items() if k != "date") for day in d["summary"]["timeline"])
        == d["summary"]["articles"]
    )
    assert len(every) <= d["summary"]["articles"]


def test_passage_offsets_point_into_the_article(demo_engine: Any) -> None:
    from corroborate.store.sqlite import Store

    result = demo_engine.search(KERMAN_FR)
    with Store(demo_engine.settings.store_path) as store:
        for ev in [e for side in SIDES for e in result.side(side)][:10]:
            article = store.get_article(ev.article_id)
            assert article.text[ev.start:ev.end] == ev.passage


def test_wire_copies_fold_into_one_origin(demo_engine: Any) -> None:
    result = demo_engine.search(TROOPS_EN)
    every = [e for side in SIDES for e in result.side(side)]
    # one item per origin: reprints of one wire story are read once, count once
    assert len({e.origin for e in every}) == len(every)
    assert any(e.read_articles > 1 for e in every), "the wire story's reprints were read"
    folded = [c for e in every for c in e.copies]
    assert folded and all(c.reason for c in folded)


def test_a_repeated_claim_uses_the_stance_cache(
    demo_engine: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = demo_engine.search(TROOPS_EN + " (cache check)")
    import corroborate.stance as stance

    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("the stance model ran again for a cached claim")

    monkeypatch.setattr(stance, "classify_stance", refuse)
    again = demo_engine.search(TROOPS_EN + " (cache check)")
    assert again.to_dict()["supporting"] == first.to_dict()["supporting"]


def test_a_repeated_claim_reuses_its_assembled_result_and_nothing_else_does(
    demo_engine: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import corroborate.engine as engine_module

    claim = TROOPS_EN + " (assembly check)"
    first = demo_engine.search(claim)
    calls: list[str] = []
    real = engine_module.assemble

    def counting(claim_: str, *a: Any, **kw: Any) -> Any:
        calls.append(claim_)
        return real(claim_, *a, **kw)

    monkeypatch.setattr(engine_module, "assemble", counting)
    again = demo_engine.search(claim)
    assert calls == []  # origins are not grouped again for the same hits and readings
    strip = lambda r: {k: v for k, v in r.to_dict().items() if k != "timings"}  # noqa: E731
    assert strip(again) == strip(first)
    assert again.timings["aggregate"] < first.timings["aggregate"]
    demo_engine.search(claim, languages=["en"])  # other hits
    demo_engine.search(claim, stance_m=5)  # other readings
    demo_engine.search(claim, top_k=1)  # another option
    assert calls == [claim] * 3


def test_wire_copies_are_classified_once(demo_engine: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import corroborate.stance as stance

    seen: list[list[str]] = []
    real = stance.classify_stance

    def counting(claim: str, passages: list[str], **kw: Any) -> Any:
        seen.append(list(passages))
        return real(claim, passages, **kw)

    monkeypatch.setattr(stance, "classify_stance", counting)
    result = demo_engine.search(
        f"{KERMAN_FR} ({uuid.uuid4().hex})"
    )  # not cached: the model is asked
    sent = [" ".join(p.split()) for batch in seen for p in batch]
    assert sent and len(sent) == len(set(sent)), "a passage text was classified twice"
    assert any(e.read_articles > 1 for side in SIDES for e in result.side(side)), \
        "the sample corpus's verbatim wire reprints are read, and shown once"


def test_a_deciding_sentence_sets_the_side_and_is_highlighted(
    demo_engine: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import corroborate.stance as stance

    real = stance.classify_stance
    passages: set[str] = set()
    decisive = {"supports": 0.95, "contradicts": 0.01, "neutral": 0.03, "unrelated": 0.01}

    def one_sentence_decides(claim: str, texts: list[str], **kw: Any) -> Any:
        out = real(claim, texts, **kw)
        # the one sentence naming the toll of 95 is made decisive; whole passages keep their reading
        return [StanceResult("supports", decisive) if "95" in t and t not in passages else r
                for t, r in zip(texts, out, strict=True)]

    # a claim of its own: these readings stay out of others' cache
    claim = f"{KERMAN_FR} ({uuid.uuid4().hex})"
    from corroborate.stance.reldates import anchor_dates

    for h in demo_engine.searcher.search(
        claim, 100
    ):  # each passage as retrieved and as the model reads it
        passages.update(
            (h.passage.text, anchor_dates(h.passage.text, h.article.language, h.article.published,
                                          day=False))
        )
    monkeypatch.setattr(stance, "classify_stance", one_sentence_decides)
    result = demo_engine.search(claim, top_k=50)
    decided = [e for e in result.supporting if e.probabilities == decisive]
    assert decided, "a decisive sentence should put its article on the supporting side"
    for e in decided:
        a, b = e.highlight
        assert "95" in e.passage[a:b] and e.passage[a:b] != e.passage
        assert e.reading == "sentence"
    assert all(e.reading == "passage" for e in result.neutral)


def _texts_the_model_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text handed to the stance model from now on (the model still answers)."""
    import corroborate.stance as stance

    seen: list[str] = []
    real = stance.classify_stance

    def recording(claim: str, texts: list[str], **kw: Any) -> Any:
        seen.extend(texts)
        return real(claim, texts, **kw)

    monkeypatch.setattr(stance, "classify_stance", recording)
    return seen


def test_passages_only_when_sentence_reading_is_off(
    demo_engine: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _texts_the_model_reads(monkeypatch)
    monkeypatch.setattr(
        demo_engine,
        "settings",
        demo_engine.settings.replace(stance_sentences=False, stance_anchor_dates=False),
    )
    # texts read as stored ("the group" left as written: stance/anaphora.py has its own tests)
    monkeypatch.setattr("corroborate.engine.resolve_group", lambda text, _context: text)
    claim = f"{TROOPS_EN} ({uuid.uuid4().hex})"  # not cached, so the model is asked
    result = demo_engine.search(claim)
    stored = {h.passage.text for h in demo_engine.searcher.search(claim, 100)}
    whole = [t for t in seen if t in stored]
    assert whole
    # the one exception: a passage read whole as contradicting has its sentences read, to find
    # the one that carries the contradiction (or to show it with no clear stance)
    sentences = [t for t in seen if t not in stored]
    assert all(any(t in p for p in stored) for t in sentences)
    assert not sentences or result.contradicting or result.neutral


def test_the_model_reads_relative_dates_written_out_and_the_page_shows_the_text(
        demo_engine: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from corroborate.stance.reldates import anchor_dates

    seen = _texts_the_model_reads(monkeypatch)
    monkeypatch.setattr(
        demo_engine, "settings", demo_engine.settings.replace(stance_sentences=False)
    )
    claim = f"{KERMAN_FR} ({uuid.uuid4().hex})"
    result = demo_engine.search(claim, top_k=50)
    hits = demo_engine.searcher.search(claim, 100)
    dated = [h for h in hits if "Thursday" in h.passage.text and h.article.published is not None
             and h.article.language == "en"]
    assert dated, "the demo's English Kerman coverage says 'on Thursday'"
    read = {anchor_dates(h.passage.text, "en", h.article.published, day=False) for h in dated}
    assert read & set(seen) and all("January 2024" in t for t in read & set(seen))
    shown = [e.passage for side in SIDES for e in result.side(side)]
    assert shown and not any(
        "Thursday, 4 January 2024" in p for p in shown
    )  # the page shows the article's text


def test_filters_languages_outlets_dates_and_exclusions(demo_engine: Any) -> None:
    only_ar = demo_engine.search(KERMAN_FR, languages=["ar"])
    assert all(e.language == "ar" for side in SIDES for e in only_ar.side(side))
    base = demo_engine.search(KERMAN_FR)
    outlet = next(e.outlet for side in SIDES for e in base.side(side))
    without = demo_engine.search(KERMAN_FR, exclude_outlets=[outlet])
    assert all(e.outlet != outlet for side in SIDES for e in without.side(side))
    before = demo_engine.search(KERMAN_FR, claim_date="2024-01-03", evidence="before")
    cutoff = datetime(2024, 1, 3, tzinfo=UTC)
    assert all(
        e.published is None or e.published <= cutoff for side in SIDES for e in before.side(side)
    )
    with pytest.raises(ValueError, match="before"):
        demo_engine.search(KERMAN_FR, claim_date="2024-01-03", evidence="later")


def test_compare_lists_outlets_that_never_covered_a_claim(demo_engine: Any) -> None:
    comparison = demo_engine.compare([KERMAN_FR, TROOPS_EN])
    d = comparison.to_dict()
    assert set(d["claims"]) == {KERMAN_FR, TROOPS_EN}
    assert len(d["outlets"]) >= 12  # every outlet of the demo feed list, covered or not
    assert any(d["not_covered"][c] for c in d["claims"])
    csv_text = comparison.to_csv()
    assert csv_text.splitlines()[0].startswith("outlet,claim,stance")
    assert len(csv_text.splitlines()) == 1 + len(d["outlets"]) * 2
    json.loads(comparison.to_json())


def test_extract_claims_from_an_article(demo_engine: Any) -> None:
    text = (
        "Is this a coincidence? Two explosions killed about 95 people in Kerman on 3 January 2024. "
        "The Islamic State claimed responsibility the next day, according to its Amaq agency."
    )
    claims = demo_engine.extract_claims(text)
    assert claims and not any(c.text.endswith("?") for c in claims)
    assert any("Kerman" in c.text for c in claims)


def test_search_command_prints_the_engine_result(demo_dir: Any, tmp_path: Any) -> None:
    from click.testing import CliRunner

    from corroborate.cli import main

    runner = CliRunner()
    out = runner.invoke(
        main, ["search", KERMAN_FR, "--data-dir", str(demo_dir), "--json", "--top-k", "3"]
    )
    assert out.exit_code == 0, out.output
    d = json.loads(out.stdout)
    assert d["claim"] == KERMAN_FR and {
        "supporting",
        "contradicting",
        "neutral",
        "summary",
        "verdict",
    } <= set(d)
    assert all(len(d[side]) <= 3 for side in SIDES)
    queries = tmp_path / "claims.txt"
    queries.write_text(f"{KERMAN_FR}\n\n{TROOPS_EN}\n", encoding="utf-8")
    batch = runner.invoke(main, ["search", "--queries", str(queries), "--data-dir", str(demo_dir)])
    assert batch.exit_code == 0, batch.output
    assert [json.loads(line)["claim"] for line in batch.stdout.splitlines()] == [
        KERMAN_FR,
        TROOPS_EN,
    ]
    text = runner.invoke(main, ["search", TROOPS_EN, "--data-dir", str(demo_dir)])
    assert text.exit_code == 0 and "Verdict:" in text.output and "not truth" in text.output
    assert "lead statement" not in text.output
    # a long claim nobody states as a whole: the command to check its lead statement
    long_claim = ("Le 4 janvier, l'État islamique a revendiqué les deux attentats de la ville "
                  "iranienne de Kerman, qui ont visé une cérémonie à la mémoire du commandant "
                  "Qassem Soleimani, tué par une frappe américaine en 2020.")
    text = runner.invoke(main, ["search", long_claim, "--data-dir", str(demo_dir)])
    assert text.exit_code == 0, text.output
    assert ('corroborate search "Le 4 janvier, l\'État islamique a revendiqué les deux '
            'attentats de la ville iranienne de Kerman."') in text.output


def test_the_readme_python_example_runs_as_written(demo_dir: Any, monkeypatch: Any,
                                                   capsys: Any) -> None:
    """The README's Python block, run on the demo index, prints the output the README shows."""
    import os
    import re

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    code, shown = re.search(r"```python\n(.*?)```\s*```text\n(.*?)```", readme, re.S).groups()
    assert 'Engine("demo-data")' in code
    monkeypatch.chdir(demo_dir.parent)
    for name in [n for n in os.environ if n.startswith("CORROBORATE_")]:
        if name != "CORROBORATE_STANCE_MODEL":
            monkeypatch.delenv(name)
    if os.environ.get("CORROBORATE_TEST_STANCE_MODEL"):  # the development override, if set
        monkeypatch.setenv("CORROBORATE_STANCE_MODEL", os.environ["CORROBORATE_TEST_STANCE_MODEL"])
    namespace: dict[str, Any] = {}
    exec(compile(code.replace('"demo-data"', repr(demo_dir.name)), "README.md", "exec"), namespace)
    printed = capsys.readouterr().out.splitlines()
    expected = shown.strip().splitlines()
    assert len(printed) == len(expected)
    assert printed[:-1] == expected[:-1]
    # the last line ends with a confidence: equal up to the precision the host runs the model in
    *words, confidence = printed[-1].split()
    *shown_words, shown_confidence = expected[-1].split()
    assert words[-2:] == shown_words[-2:]  # language and stance
    # one origin is read once, through its most confident copy: which of the wire story's
    # near-identical copies that is turns on the third decimal, so on the precision (bf16, int8)
    best = namespace["best"]
    assert " ".join(shown_words[:-2]) in {best.outlet, *(c.outlet for c in best.copies)}
    assert " ".join(words[:-2]) == best.outlet
    assert abs(float(confidence) - float(shown_confidence)) <= 0.03


def test_the_command_line_draws_no_loading_bars_without_v(demo_dir: Any) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("CORROBORATE_")}
    if os.environ.get("CORROBORATE_TEST_STANCE_MODEL"):
        env["CORROBORATE_STANCE_MODEL"] = os.environ["CORROBORATE_TEST_STANCE_MODEL"]
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    env.pop("HF_HUB_DISABLE_PROGRESS_BARS", None)
    claim = f"{TROOPS_EN} ({uuid.uuid4().hex[:8]})"  # not cached: the stance model loads

    def search(*verbose: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "corroborate", *verbose, "--data-dir",
                               str(demo_dir), "search", claim, "--json"], env=env,
                              capture_output=True, text=True, timeout=600, check=False)

    quiet = search()
    assert quiet.returncode == 0, quiet.stderr
    assert json.loads(quiet.stdout)["claim"] == claim
    assert "Loading weights" not in quiet.stderr and "it/s]" not in quiet.stderr, quiet.stderr
    assert "Loading weights" in search("-v").stderr  # the bars are there to hide
