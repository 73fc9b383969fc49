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


# --- the demo keeps serving its corpus while its page runs ---------------------------------------
def _copy_of(demo_dir: Path, tmp_path: Path) -> Path:
    """A copy of the session's demo build (an update writes into it; the original stays as
    built)."""
    import shutil

    return Path(shutil.copytree(demo_dir, tmp_path / "demo-copy",
                                ignore=shutil.ignore_patterns("index.lock")))


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
