"""The main job: the bundled sample corpus served on 127.0.0.1, ingested and indexed for real."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from corroborate.cli import main
from corroborate.demo.corpus import load_corpus, load_demo_claims

pytestmark = pytest.mark.slow

KERMAN_FR = "L'État islamique a revendiqué les attentats de Kerman, en Iran, en janvier 2024."
HOMS_IS_FR = ("Le 5 octobre 2023, l'État islamique a attaqué par drone une cérémonie de remise "
              "de diplômes à l'académie militaire de Homs.")


def test_demo_index_holds_the_whole_corpus(demo_engine: Any) -> None:
    corpus = load_corpus()
    status = demo_engine.status()
    assert status["articles"] == len(corpus.articles)  # reprints are kept, as their own articles
    assert status["duplicates"] >= 4  # verbatim wire copies are recorded as duplicates
    assert status["passages"] > 2 * len(corpus.articles)
    assert set(status["per_language"]) >= {"en", "fr", "ar"}
    assert len(status["per_outlet"]) >= 12
    manifest = status["manifest"]
    assert manifest and manifest["count"] == status["passages"]
    assert not status.get("recent_errors")


def test_rerunning_the_demo_reuses_what_is_built(demo_dir: Path) -> None:
    result = CliRunner().invoke(main, ["demo", "--data-dir", str(demo_dir), "--no-page", "--json"])
    assert result.exit_code == 0, result.output
    built = json.loads(result.stdout)
    assert built["reused"] is True and built["articles"] == len(load_corpus().articles)


# Share of the demo's labelled (claim, article) judgements the engine gets right, with the shipped
# model and the default reading (bf16, max length 96, sentence reading, relative dates written
# out): 40 of 92 (0.43); int8 39. Without the dates written out 37 (0.40), without the sentence
# reading 35 (0.38), with neither 32 (0.35) (`bench/demo_truth.py --cold [--precision int8]
# [--no-anchor-dates] [--no-sentences]`). The floor fails the build when either reading is lost.
DEMO_AGREEMENT_FLOOR = 0.41


def test_engine_agrees_with_the_demo_ground_truth_above_its_floor(demo_engine: Any) -> None:
    from corroborate.demo.build import demo_agreement

    agreement = demo_agreement(demo_engine)
    assert agreement.total == sum(len(c.supports) + len(c.contradicts) + len(c.related)
                                  for c in load_demo_claims())
    assert agreement.rate >= DEMO_AGREEMENT_FLOOR, agreement.to_dict()


# The English and Arabic reports date the claim of responsibility "on Thursday" / «يوم الخميس»;
# the claim says "en janvier 2024". Until the engine wrote relative dates out from each
# article's publication date (corroborate/reldates.py, setting stance_anchor_dates), the model
# read them as neutral towards the dated claim and this check was a strict xfail.
def test_french_kerman_claim_finds_support_in_english_and_arabic(demo_engine: Any) -> None:
    result = demo_engine.search(KERMAN_FR, top_k=30)
    languages = {e.language for e in result.supporting}
    assert {"en", "ar"} <= languages, [(e.outlet, e.language) for e in result.supporting]
    assert result.summary["counts"]["supporting"]["origins"] >= 2


def test_claim_attributing_homs_to_the_islamic_state_finds_contradiction(demo_engine: Any) -> None:
    result = demo_engine.search(HOMS_IS_FR, top_k=30)
    assert result.contradicting, "outlets saying no group claimed the Homs attack contradict it"
    assert result.verdict.label in {"CONTRADICTED", "CONFLICTING"}
