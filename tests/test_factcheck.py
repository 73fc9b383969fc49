"""Fact-checks end to end: ingest stores them (with reasons for bad markup), the matcher finds
them (across languages with the real encoder), the engine, CLI and page carry them, and the
CLEF evaluation reads its files and scores as the task's scorer does."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner

from corroborate.cli import main
from corroborate.domain import ClaimReview, FeedSpec, review_id_for
from corroborate.factcheck.evaluate import average_precision, per_query, read_clef, summarise
from corroborate.factcheck.matching import FEATURES, FactCheckIndex, clean_query
from corroborate.ingest.run import ingest
from corroborate.page.render import fact_check_box
from corroborate.results import FactCheck, Result
from corroborate.settings import Settings
from corroborate.store.reviews import add_claim_reviews, claim_review_count, claim_reviews
from corroborate.store.sqlite import Store
from corroborate.verdict import decide_verdict

from .localserver import LocalServer, Response
from .test_ingest import BASE_DATE, rss, story_text

HOURAN_FR = ("Les forces américaines protègent des combattants de l'État islamique dans la "
             "vallée de Houran, dans l'ouest de l'Irak.")


def review(claim: str, rating: str = "False", verdict: str = "false", **kw: Any) -> ClaimReview:
    url = kw.pop("url", "https://check.example/" + str(abs(hash(claim))))
    return ClaimReview(id=review_id_for(url, claim), url=url, claim=claim, rating=rating,
                       verdict=verdict, **kw)


def test_reviews_round_trip_through_the_store(settings: Settings) -> None:
    r = review("A dam burst", "Faux", publisher="AFP Factuel", language="fr",
               published=datetime(2024, 1, 5, tzinfo=UTC), claimant="X", appearance="https://a",
               title="T", rating_value=1.0, best_rating=5.0, worst_rating=1.0, article_id="a1")
    with Store(settings.store_path) as store:
        assert add_claim_reviews(store, [r, r]) == 2
        assert claim_review_count(store) == 1  # the same review twice is one row
        assert claim_reviews(store) == [r]
        assert claim_reviews(store, [r.id, 42]) == [r]


def _page(n: int, markup: str) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in story_text(n))
    return (f"<!doctype html><html lang='en'><head><title>Check {n}</title>{markup}</head>"
            f"<body><article><h1>Check {n}</h1>{paras}</article></body></html>").encode()


def test_ingest_stores_claim_reviews_and_logs_bad_markup(settings: Settings,
                                                         local_server: LocalServer) -> None:
    good = json.dumps({"@context": "https://schema.org", "@graph": [
        {"@type": "ClaimReview", "claimReviewed": "The bridge was sold", "author":
         {"name": "Check Desk"}, "reviewRating": {"alternateName": "Pants on Fire"}},
        {"@type": "ClaimReview", "claimReviewed": "The port closed", "author": {"name": "Check"},
         "reviewRating": {"ratingValue": 5, "bestRating": 5, "worstRating": 1}}]})
    pages = {"/c/1.html": _page(1, f'<script type="application/ld+json">{good}</script>'),
             "/c/2.html": _page(2, '<script type="application/ld+json">{"@type": "ClaimReview",'
                                   ' "claimReviewed": </script>'),
             "/c/3.html": _page(3, "")}
    for path, body in pages.items():
        local_server.route(path, Response(200, body, {"Content-Type": "text/html"}))
    items = [(local_server.url(p), f"Check {i}", BASE_DATE) for i, p in enumerate(pages, 1)]
    local_server.route("/feed.xml",
                       Response(200, rss(items), {"Content-Type": "application/rss+xml"}))
    spec = FeedSpec(url=local_server.url("/feed.xml"), outlet="Check Desk", kind="factcheck")
    report = ingest(settings, [spec])
    assert report.articles_new == 3 and not report.failures  # bad markup fails no page
    with Store(settings.store_path) as store:
        found = {r.claim: (r.rating, r.verdict, r.publisher) for r in claim_reviews(store)}
        log = {e.url: e.reason for e in store.fetch_log()}
        kinds = [row["kind"] for row in store.query("SELECT kind FROM feeds")]
    assert found == {"The bridge was sold": ("Pants on Fire", "false", "Check Desk"),
                     "The port closed": ("5", "true", "Check")}
    assert "2 fact-check(s)" in log[items[0][0]]
    assert "ClaimReview JSON-LD block 1 unreadable" in log[items[1][0]]
    assert log[items[2][0]] == "" and kinds == ["factcheck"]


def _unit(v: list[float]) -> np.ndarray:
    a = np.array(v, dtype=np.float32)
    return a / np.linalg.norm(a)


def test_matcher_ranks_by_the_learned_score_and_keeps_the_threshold() -> None:
    claims = ["Ten thousand fighters vanished from the camps in 2019",
              "The bridge over the river was sold to a foreign company"]
    vecs = np.stack([_unit([1, 0.2, 0]), _unit([0, 1, 0.1])])
    index = FactCheckIndex([7, 9], claims, ["", ""], vecs, vecs)
    query = "Did 10,000 fighters vanish from the camps? #FakeNews https://t.co/x @someone"
    assert clean_query(query) == "Did 10,000 fighters vanish from the camps? Fake News someone"
    (found,) = index.match(_unit([1, 0.25, 0])[None, :], [query], k=2)
    assert [m.id for m in found] == [7, 9]
    assert set(found[0].features) == set(FEATURES) and found[0].score > found[1].score
    (kept,) = index.match(_unit([1, 0.25, 0])[None, :], [query], k=2, min_similarity=0.9)
    assert [m.id for m in kept] == [7]
    assert FactCheckIndex([], [], [], np.zeros((0, 3)), np.zeros((0, 3))).match(
        np.zeros((1, 3)), ["x"]) == [[]]


def test_clef_files_and_the_task_scorer(tmp_path: Path) -> None:
    (tmp_path / "q.tsv").write_text("\ttweet_content\n5\tA tweet\n6\tAnother\n", encoding="utf-8")
    (tmp_path / "c.tsv").write_text("\tvclaim\ttitle\n1\tClaim one\tTitle one\n2\tTwo\tT2\n",
                                    encoding="utf-8")
    (tmp_path / "r.qrels").write_text("5 0 2 1\n6 0 1 0\n", encoding="utf-8")
    data = read_clef(tmp_path / "q.tsv", tmp_path / "r.qrels", tmp_path / "c.tsv")
    assert data.query_ids == ["5", "6"] and data.claim_ids == [1, 2]
    assert data.titles == ["Title one", "T2"] and data.qrels == {"5": {2}}
    assert average_precision([3, 2, 1], {2}, 5) == 0.5 and average_precision([3], {2}, 1) == 0
    assert per_query([3, 2], {2, 9})["recall@10"] == 0.5
    summary = summarise([per_query([2], {2}), per_query([1, 2], {2})])
    assert summary["MAP@5"]["value"] == 0.75 and summary["MAP@1"]["value"] == 0.5
    assert summary["MRR"]["low"] <= 0.75 <= summary["MRR"]["high"]
    (tmp_path / "bad.qrels").write_text("5 0 two 1\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "fact-checks", "--format", "clef2020",
                                       "--queries", str(tmp_path / "q.tsv"),
                                       "--qrels", str(tmp_path / "bad.qrels"),
                                       "--claims", str(tmp_path / "c.tsv")])
    assert result.exit_code != 0 and "line 1" in result.output
    assert "Traceback" not in result.output


def _result(*checks: FactCheck) -> Result:
    return Result("claim", (), (), (), decide_verdict(0, 0), {}, fact_checks=checks)


def test_the_box_escapes_untrusted_text_and_drops_bad_links() -> None:
    hostile = FactCheck(claim="<script>alert(1)</script>", rating="<b>Faux</b>",
                        verdict="false", publisher="<img src=x onerror=alert(1)>",
                        published=datetime(2024, 1, 5, tzinfo=UTC), url="javascript:alert(1)",
                        language="ar", similarity=0.91, score=0.8)
    html = fact_check_box(_result(hostile))
    assert "<script>" not in html and "<img" not in html and "<b>Faux" not in html
    assert "&lt;b&gt;Faux&lt;/b&gt;" in html and 'href="#"' in html
    assert "Already fact-checked: " in html and "5 Jan 2024" in html and 'dir="rtl"' in html
    assert fact_check_box(_result()) == ""
    assert _result(hostile).to_dict()["fact_checks"][0]["rating"] == "<b>Faux</b>"


# --- real encoder ------------------------------------------------------------------------------
@pytest.mark.slow
def test_a_french_claim_finds_an_english_fact_check_with_the_real_encoder() -> None:
    from corroborate.encoder.embed import load_encoder
    from corroborate.factcheck.matching import calibrated_threshold

    encoder = load_encoder(Settings.load(env={}))
    claims = ["US forces are protecting Islamic State fighters in the Houran valley of "
              "western Iraq.",
              "Islamic State claimed the drone attack on the Homs military academy.",
              "Washington announced 1,500 more soldiers for Iraq and Syria.",
              "The European Central Bank raised its interest rates again in March."]
    vecs = encoder.encode_passages(claims)
    index = FactCheckIndex(range(4), claims, [""] * 4, vecs, vecs)
    query = clean_query(HOURAN_FR)
    (found,) = index.match(encoder.encode_queries([query]), [query], k=3,
                           min_similarity=calibrated_threshold())
    assert [m.id for m in found] == [0], [(m.id, round(m.similarity, 3)) for m in found]


# --- the demo (real models) ----------------------------------------------------------------------
@pytest.mark.slow
def test_the_demo_search_returns_the_fact_checks_of_its_claim(demo_dir: Path) -> None:
    result = CliRunner().invoke(main, ["search", HOURAN_FR, "--json", "--data-dir",
                                       str(demo_dir)])
    assert result.exit_code == 0, result.output
    checks = json.loads(result.stdout)["fact_checks"]
    assert checks and {c["verdict"] for c in checks} == {"false"}
    assert {c["language"] for c in checks} >= {"fr", "en"}  # across languages
    assert {"Vérif'Express", "Northgate Fact Check"} <= {c["publisher"] for c in checks}
    assert all(c["rating"] and c["url"] and c["published"] for c in checks)
    assert all("Houran" in c["claim"] or "حوران" in c["claim"] for c in checks)


@pytest.mark.slow
def test_claims_nobody_checked_show_no_fact_check(demo_engine: Any) -> None:
    kerman = "L'État islamique a revendiqué les attentats de Kerman, en Iran, en janvier 2024."
    assert demo_engine.fact_checks(kerman) == ()
    vanished = ("Plus de 10 000 combattants de l'État islamique ont tout simplement disparu en "
                "Irak après la défaite du groupe.")
    found = demo_engine.fact_checks(vanished)
    assert found and {f.verdict for f in found} <= {"other", "mostly false"}


@pytest.mark.slow
def test_check_article_and_compare_carry_them(demo_dir: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Selon des publications partagées des milliers de fois, les forces "
                       "américaines protègent des combattants de l'État islamique dans la vallée "
                       "de Houran, dans l'ouest de l'Irak. Le commandement irakien a démenti ces "
                       "informations mardi 23 janvier 2024.", encoding="utf-8")
    out = CliRunner().invoke(main, ["check-article", str(article), "--max-claims", "1",
                                    "--data-dir", str(demo_dir)])
    assert out.exit_code == 0, out.output
    assert "Already fact-checked: Faux (false) — Vérif'Express" in out.output
    claims = tmp_path / "claims.txt"
    claims.write_text(HOURAN_FR + "\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["compare", "--claims", str(claims), "--json", "--data-dir",
                                    str(demo_dir)])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["fact_checked"][HOURAN_FR].startswith("Faux — ")


def test_the_default_list_has_fact_checkers_in_six_languages() -> None:
    from corroborate.ingest.feedlist import load_feed_list

    from .conftest import REPO

    checkers = [f for f in load_feed_list(REPO / "index" / "feeds.csv") if f.kind == "factcheck"]
    assert len({f.language for f in checkers}) >= 6
    names = " ".join(f.outlet for f in checkers)
    for name in ("AFP Factuel", "AFP Fact Check", "Décodeurs", "Full Fact", "PolitiFact",
                 "FactCheck.org", "Snopes", "Misbar", "Fatabyyano", "Maldita", "CORRECTIV",
                 "Africa Check"):
        assert name in names, name


class CountingEncoder:
    """A stand-in encoder that counts what it encodes (vectors: one-hot by text hash)."""

    dimension = 16

    def __init__(self, fingerprint: str = "fp-a") -> None:
        self.fingerprint = fingerprint
        self.encoded = 0

    def encode_passages(self, texts: list[str], batch_size: int | None = None) -> np.ndarray:
        self.encoded += len(texts)
        return np.stack([np.eye(16, dtype=np.float32)[hash(t) % 16] for t in texts])


def test_fact_check_vectors_are_kept_and_completed(settings: Settings) -> None:
    from corroborate.factcheck.vectors import load_factcheck_index, update_factcheck_vectors

    with Store(settings.store_path) as store:
        add_claim_reviews(store, [review("First claim"), review("Second claim")])
        enc = CountingEncoder()
        assert update_factcheck_vectors(settings, store, enc) == 2 and enc.encoded == 4
        stamp = settings.layout.factchecks.stat().st_mtime_ns
        assert update_factcheck_vectors(settings, store, enc) == 0  # up to date: untouched
        assert settings.layout.factchecks.stat().st_mtime_ns == stamp
        add_claim_reviews(store, [review("Third claim")])
        index, reviews = load_factcheck_index(settings, store, enc)
        assert len(index) == 3 and enc.encoded == 6  # only the new one, in memory
        assert sorted(r.claim for r in reviews.values()) == ["First claim", "Second claim",
                                                             "Third claim"]
        other = CountingEncoder("fp-b")  # another model: every vector again
        assert update_factcheck_vectors(settings, store, other) == 3


@pytest.mark.slow
def test_eval_fact_checks_end_to_end_on_a_small_set(tmp_path: Path) -> None:
    (tmp_path / "q.tsv").write_text(
        "\ttweet_content\n"
        "1\tUS troops are shielding ISIS fighters in Iraq's Houran valley!! #Iraq https://t.co/x\n"
        "2\tBreaking: the ECB raised interest rates again this March @ecb\n", encoding="utf-8")
    (tmp_path / "c.tsv").write_text(
        "\tvclaim\ttitle\n"
        "10\tThe European Central Bank raised its rates in March.\tDid the ECB raise rates?\n"
        "11\tUS forces protect Islamic State fighters in the Houran valley.\tAre US troops "
        "protecting IS in Houran?\n"
        "12\tA dam burst in the north of the country.\tDid a dam burst?\n", encoding="utf-8")
    (tmp_path / "r.qrels").write_text("1 0 11 1\n2 0 10 1\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["eval", "fact-checks", "--format", "clef2020",
                                    "--queries", str(tmp_path / "q.tsv"),
                                    "--qrels", str(tmp_path / "r.qrels"),
                                    "--claims", str(tmp_path / "c.tsv"),
                                    "--cache-dir", str(tmp_path / "cache"), "--json"])
    assert out.exit_code == 0, out.output
    report = json.loads(out.stdout)
    assert (report["queries"], report["claims"], report["format"]) == (2, 3, "clef2020")
    assert report["measures"]["MAP@5"]["value"] == 1.0
    assert set(report["measures"]) == {"MAP@1", "MAP@3", "MAP@5", "MRR", "recall@10"}
    assert list((tmp_path / "cache").glob("factcheck-*.npy"))  # vectors kept for the next run
