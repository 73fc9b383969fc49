"""The main job: the bundled sample corpus served on 127.0.0.1, ingested and indexed for real."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from corroborate.cli import main
from corroborate.demo.build import sample_article_id
from corroborate.demo.corpus import load_corpus, load_demo_claims
from corroborate.stance.model import resolve_precision

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


# The demo's labelled (claim, article) judgements, the seven claims and their rewordings in en and
# ar (21 searches, 276 judgements), read with the shipped model, its calibration, per-side
# thresholds and evidence check (int8, 2026-12-03, `bench/demo_truth.py --cold --rewordings`):
# 112 on their side (0.41); shown supporting right 42 of 42; nothing labelled shown as
# contradicting; none on the opposite side; no origin on both sides. Before the evidence check's
# third revision (hyphenated names and titles): 100; before its second (entities in any script,
# reported claims, the same event): 96, supporting 27 of 29 (two articles labelled contradicting
# shown as supporting), one related article shown as contradicting; before the evidence check:
# 83, contradicting right 2 of 10. Without calibration:
# 112 (0.41), but 40 shown as contradicting of which 32 wrong. These floors and ceilings fail
# the build when the trade of coverage for fewer confident errors is lost.
DEMO_AGREEMENT_FLOOR = 0.37
SUPPORTING_PRECISION_FLOOR = 0.95
WRONG_CONTRADICTIONS_CEILING = 1  # labelled supporting or related, shown as contradicting
OPPOSITE_CEILING = 0  # labelled on one side, shown on the other


def test_engine_agrees_with_the_demo_ground_truth_above_its_floor(demo_engine: Any) -> None:
    from corroborate.demo.build import demo_agreement

    claims = load_demo_claims()
    agreement = demo_agreement(demo_engine, rewordings=True)
    labelled = sum(len(c.supports) + len(c.contradicts) + len(c.related) for c in claims)
    assert agreement.total == labelled * 3  # each claim, then in English and in Arabic
    assert agreement.rate >= DEMO_AGREEMENT_FLOOR, agreement.to_dict()
    assert agreement.both_sides == 0  # one origin, one reading
    assert (agreement.precision("supporting") or 0) >= SUPPORTING_PRECISION_FLOOR
    wrong = sum(n for (truth, got), n in agreement.confusion.items()
                if got == "contradicting" and truth != "contradicting")
    assert wrong <= WRONG_CONTRADICTIONS_CEILING, agreement.to_dict()
    opposite = sum(n for (truth, got), n in agreement.confusion.items()
                   if {truth, got} == {"supporting", "contradicting"})
    assert opposite <= OPPOSITE_CEILING, agreement.to_dict()
    # the cards behind those counts, for a reader: each names its search, side, label, sentence
    cards = agreement.wrong_cards
    assert all(c.shown != c.truth and c.sentence for c in cards)
    assert len([c for c in cards if c.shown == "contradicting"]) <= wrong
    assert len([c for c in cards if c.truth in ("supporting", "contradicting")]) <= opposite


# The English and Arabic reports date the claim of responsibility "on Thursday" / «يوم الخميس»;
# the claim says "en janvier 2024": the engine writes relative dates out to the month
# (corroborate/stance/reldates.py, setting stance_anchor_dates). The wire stories in French (AIP)
# and English (GWS, read through its credited Arabic translation) support it; the state-affiliated
# outlet that disputes it is the one contradiction.
def test_french_kerman_claim_finds_support_in_other_languages_and_one_dissent(
        demo_engine: Any) -> None:
    result = demo_engine.search(KERMAN_FR, top_k=30)
    languages = {e.language for e in result.supporting}
    assert {"fr", "ar"} <= languages, [(e.outlet, e.language) for e in result.supporting]
    assert result.summary["counts"]["supporting"]["origins"] >= 2
    supporting_origins = {e.origin for e in result.supporting}
    assert not supporting_origins & {e.origin for e in result.contradicting}
    assert all(e.outlet == "منبر الشام" for e in result.contradicting)


def test_claim_attributing_homs_to_the_islamic_state_is_not_shown_as_supported(
        demo_engine: Any) -> None:
    """Nobody claimed the Homs attack: the reports saying so must not be read as supporting."""
    result = demo_engine.search(HOMS_IS_FR, top_k=30)
    assert result.verdict.label != "SUPPORTED"
    supporting = {sample_article_id(e.url) for e in result.supporting}
    assert not supporting & {"gazetteoronte-homs-deuil-bilan", "npb-homs-no-claim",
                             "nafidhat-homs-man-yaqif-wara", "meridian-homs-academy-analysis"}


def test_a_contradicting_card_highlights_what_contradicts_not_the_rumour_it_reports(
        demo_engine: Any) -> None:
    """Vérif'Express opens by reporting the posts that said IS claimed the Homs attack; the
    card that contradicts the claim shows its verdict sentence, never that report."""
    result = demo_engine.search(HOMS_IS_FR, top_k=30)
    shown = {sample_article_id(e.url): e.passage[e.highlight[0]:e.highlight[1]]
             for e in result.contradicting}
    for sentence in shown.values():
        assert "des publications ont affirmé" not in sentence, shown
    if "verifexpress-homs-revendication" in shown:
        assert "n'a pas revendiqué" in shown["verifexpress-homs-revendication"], shown


def test_a_denial_of_a_description_is_no_contradiction_of_the_figures_it_confirms(
        demo_engine: Any) -> None:
    """The issue's rewording: officials "rejected that description, noting that" the presence
    remains at the claim's figures. The denial is about the description; no article says the
    figures are wrong, so none is shown contradicting them and the verdict is not CONTRADICTED."""
    result = demo_engine.search(
        "The United States keeps about 2,500 troops in Iraq and about 900 in Syria.", top_k=30)
    assert not result.contradicting, [(e.outlet, e.passage[e.highlight[0]:e.highlight[1]])
                                      for e in result.contradicting]
    assert result.verdict.label != "CONTRADICTED"


def test_a_denial_of_something_else_does_not_contradict_for_it(demo_engine: Any) -> None:
    """The coalition-talks wire says the talks are « pas … des négociations sur un retrait
    immédiat », then gives the troop levels: the network reads the levels against "1,500 more
    soldiers" as a contradiction, and the denial, about the talks, is what a reader would have
    been shown. The Guard-rotation report, whose denial is of the claim, still contradicts it
    (bf16); on a host without bf16 units (int8) it is shown with no clear stance: a missed
    contradiction, never a support."""
    result = demo_engine.search(
        "Washington a annoncé l'envoi de 1 500 soldats supplémentaires en Irak et en Syrie.",
        top_k=30)
    shown = {sample_article_id(e.url): e.passage[e.highlight[0]:e.highlight[1]]
             for e in result.contradicting}
    for sentence in shown.values():
        assert "négociations" not in sentence and "مفاوضات" not in sentence, shown
    supporting = {sample_article_id(e.url) for e in result.supporting}
    assert "npb-national-guard-rotation" not in supporting
    if resolve_precision(demo_engine.settings.stance_precision) != "int8":
        assert "npb-national-guard-rotation" in shown, shown


def test_a_report_saying_the_group_supports_a_claim_naming_it(demo_engine: Any) -> None:
    """Pars Dispatch writes "the sources said the group had more than 35,000 fighters"; the
    article names the group (Daesh) before: the sentence supports the English claim naming it."""
    result = demo_engine.search("ISIS had more than 35,000 fighters in Iraq at its peak.",
                                top_k=30)
    shown = {sample_article_id(e.url): e.passage[e.highlight[0]:e.highlight[1]]
             for e in result.supporting}
    assert "the group had more than 35,000 fighters" in shown.get(
        "parsdispatch-isis-10000-disappeared", ""), shown
    assert not result.contradicting


def test_the_motivating_article_is_checked_by_its_leads(demo_engine: Any) -> None:
    """The French opinion article's long sentences are checked by their lead statements: the
    Kerman claim of responsibility, cut before its relative clause, finds the French wire report
    supporting it; none of the article's claims is shown contradicted."""
    from .conftest import need_shared

    article = need_shared("examples", "000_b9e706d75d322fc7.txt").read_text(encoding="utf-8")
    pairs = demo_engine.check_article(article, max_claims=10)
    assert len(pairs) == 10
    (kerman,) = [(c, r) for c, r in pairs if "Kerman" in c.text and "revendiqu" in c.text]
    claim, result = kerman
    assert claim.rest.startswith("qui ont ciblé")
    assert [e.outlet for e in result.supporting], result.verdict.explanation
    assert all(e.language == "fr" for e in result.supporting)
    assert not [(c.text, e.outlet) for c, r in pairs for e in r.contradicting]


# --- the demo keeps serving its corpus while its page runs ---------------------------------------
def _copy_of(demo_dir: Path, tmp_path: Path) -> Path:
    """A copy of the session's demo build (an update writes into it; the original stays as
    built)."""
    from tests.demo_fixtures import copy_data_dir

    return copy_data_dir(demo_dir, tmp_path / "demo-copy")


def _stored_urls(data_dir: Path) -> list[str]:
    import sqlite3

    with sqlite3.connect(data_dir / "corroborate.sqlite3") as db:
        return [row[0] for row in db.execute("SELECT url FROM articles ORDER BY url")]


def test_an_update_of_the_demo_fetches_its_own_feeds_and_refuses_other_local_ones(
        demo_dir: Path, tmp_path: Path) -> None:
    import httpx

    from corroborate import Engine
    from corroborate.demo.build import corpus_server
    from corroborate.ingest.feedlist import load_feed_list
    from tests.demo_fixtures import demo_settings
    from tests.localserver import LocalServer, Response

    data = _copy_of(demo_dir, tmp_path)
    settings = demo_settings(data)
    assert settings.allow_private_addresses is False  # the demo opens no private address globally
    feeds = load_feed_list(settings.feeds_file)
    update = Engine(settings=settings).update  # the page's and the CLI's update
    with corpus_server(data) as server:
        assert settings.local_hosts == (f"{server.host}:{server.port}",)
        url = _stored_urls(data)[0]
        assert url.startswith(server.base_url)
        assert httpx.get(url, timeout=10).status_code == 200  # the headline links answer
        report = update()
        assert report.feeds_failed == 0, report.to_dict()
        assert report.feeds_ok + report.feeds_unchanged == len(feeds)
        assert report.articles_new == 0 and report.articles_failed == 0
        # another loopback feed in the same list is not the demo's own: still refused
        with LocalServer() as other:
            other.route(
                "/feed.xml", Response(200, b"<rss/>", {"Content-Type": "application/rss+xml"})
            )
            mixed = tmp_path / "mixed.csv"
            mixed.write_text(settings.feeds_file.read_text(encoding="utf-8")
                             + f"{other.base_url}/feed.xml,Elsewhere,,en,,\n", encoding="utf-8")
            report = update(feeds_file=mixed)
            assert report.feeds_failed == 1 and not other.requests
            assert "refusing 127.0.0.1" in report.failures[0].reason, report.failures


def test_corroborate_demo_serves_the_corpus_for_as_long_as_its_page_runs(
        demo_dir: Path, tmp_path: Path) -> None:
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time

    import httpx

    data = _copy_of(demo_dir, tmp_path)
    article = _stored_urls(data)[0]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    repo = Path(__file__).resolve().parents[1]
    log = tmp_path / "demo.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-c", "from corroborate.cli import main; main()", "demo",
             "--data-dir", str(data), "--port", str(port)],
            env={**os.environ, "PYTHONPATH": str(repo)}, stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 240
            while time.monotonic() < deadline and proc.poll() is None:
                try:
                    if (
                        httpx.get(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).status_code
                        == 200
                    ):
                        break
                except httpx.HTTPError:
                    time.sleep(0.5)
            else:
                pytest.fail("the page did not start: " + log.read_text()[-3000:])
            assert httpx.get(article, timeout=10).status_code == 200  # the headlines link somewhere
            proc.send_signal(signal.SIGTERM)  # stops the page and the sample server with it
            assert proc.wait(timeout=30) is not None
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
    with pytest.raises(httpx.ConnectError):
        httpx.get(article, timeout=2)
    shown = log.read_text()
    assert "Serving the sample corpus at http://127.0.0.1:" in shown
    assert "Inotify" not in shown and "Watchdog" not in shown
