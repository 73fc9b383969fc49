"""ClaimReview extraction on the markup shapes fact-checkers publish, and rating mapping."""

from __future__ import annotations

import json

import pytest

from corroborate.factcheck import extract_claim_reviews
from corroborate.factcheck.ratings import SCALE, map_numeric, map_rating, map_words

URL = "https://factcheck.example/2024/01/05/truck"


def page(*blocks: str, body: str = "<p>An article.</p>") -> str:
    scripts = "".join(f'<script type="application/ld+json">{b}</script>' for b in blocks)
    return f"<html><head><title>T</title>{scripts}</head><body>{body}</body></html>"


SINGLE = {
    "@context": "https://schema.org", "@type": "ClaimReview",
    "url": URL, "claimReviewed": "A truck killed 40 civilians in the Houran valley",
    "datePublished": "2024-01-05",
    "author": {"@type": "Organization", "name": "AFP Factuel"},
    "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
                     "alternateName": "Faux"},
    "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "A blogger"},
                     "appearance": [{"@type": "CreativeWork", "url": "https://x.example/p/1"}]},
    "inLanguage": "fr",
}


def test_single_object_carries_every_field() -> None:
    found = extract_claim_reviews(page(json.dumps(SINGLE)).encode(), URL, language="en",
                                  title="Headline", article_id="a1")
    assert found.problems == ()
    (r,) = found.reviews
    assert r.claim == SINGLE["claimReviewed"]
    assert (r.rating, r.verdict) == ("Faux", "false")
    assert (r.rating_value, r.best_rating, r.worst_rating) == (1.0, 5.0, 1.0)
    assert r.publisher == "AFP Factuel"
    assert r.published is not None and r.published.isoformat().startswith("2024-01-05")
    assert r.language == "fr"  # the markup's own language wins over the page's
    assert r.claimant == "A blogger"
    assert r.appearance == "https://x.example/p/1"
    assert (r.url, r.title, r.article_id) == (URL, "Headline", "a1")


def test_graph_form_and_arrays_give_several_reviews() -> None:
    two = [dict(SINGLE, claimReviewed="First claim"),
           dict(SINGLE, claimReviewed="Second claim",
                reviewRating={"alternateName": "Mostly true"})]
    graph = {"@context": "https://schema.org",
             "@graph": [{"@type": "WebPage", "name": "x"}, {"@type": "NewsArticle",
                                                            "review": two[0]}, two[1]]}
    for markup in (json.dumps(graph), json.dumps(two)):
        found = extract_claim_reviews(page(markup), URL)
        assert sorted((r.claim, r.verdict) for r in found.reviews) == [
            ("First claim", "false"), ("Second claim", "mostly true")]


def test_type_as_list_and_word_only_rating_and_missing_fields() -> None:
    bare = {"@type": ["ClaimReview", "Review"], "claimReviewed": "The dam was bombed",
            "reviewRating": {"@type": "Rating", "alternateName": "زائف"}}
    (r,) = extract_claim_reviews(page(json.dumps(bare)), URL, language="ar").reviews
    assert (r.rating, r.verdict, r.language) == ("زائف", "false", "ar")
    assert (r.publisher, r.published, r.claimant, r.appearance) == ("", None, "", "")
    assert r.url == URL  # no url in the markup: the page's


def test_malformed_json_ld_gives_a_reason_and_keeps_the_good_block() -> None:
    broken = '{"@type": "ClaimReview", "claimReviewed": "x" "reviewRating": }'
    found = extract_claim_reviews(page(broken, json.dumps(SINGLE)), URL)
    assert [r.claim for r in found.reviews] == [SINGLE["claimReviewed"]]
    assert len(found.problems) == 1 and "JSON-LD block 1 unreadable" in found.problems[0]


def test_trailing_commas_and_missing_claim() -> None:
    sloppy = '{"@type": "ClaimReview", "claimReviewed": "Sloppy", "reviewRating": ' \
             '{"alternateName": "False",},}'
    empty = json.dumps({"@type": "ClaimReview", "reviewRating": {"alternateName": "False"}})
    found = extract_claim_reviews(page(sloppy, empty), URL)
    assert [r.claim for r in found.reviews] == ["Sloppy"]
    assert any("without claimReviewed" in p for p in found.problems)


def test_hostile_nesting_is_a_reason_not_a_crash() -> None:
    deep = '{"@type": "ClaimReview", "claimReviewed": ' + "[" * 100_000 + "]" * 100_000 + "}"
    found = extract_claim_reviews(page(deep, json.dumps(SINGLE)), URL)
    assert [r.claim for r in found.reviews] == [SINGLE["claimReviewed"]]
    assert found.problems and "unreadable" in found.problems[0]
    # deep but parseable: every level a ClaimReview whose claim is the next level down
    n = 900
    nested = '{"@type": "ClaimReview", "claimReviewed": [' * n + '"x"' + "]}" * n
    extract_claim_reviews(page(nested), URL)  # whatever it finds, it does not raise


def test_pages_without_markup_cost_nothing() -> None:
    assert extract_claim_reviews(page(json.dumps({"@type": "NewsArticle"})), URL).reviews == ()
    assert extract_claim_reviews(b"\xff\xfe garbage", URL).problems == ()


MICRODATA = """<html><body>
<div itemscope itemtype="https://schema.org/ClaimReview">
  <link itemprop="url" href="https://factcheck.example/md">
  <span itemprop="claimReviewed">Ten thousand fighters vanished from the camps</span>
  <div itemprop="author" itemscope itemtype="https://schema.org/Organization">
    <span itemprop="name">Full Fact</span></div>
  <meta itemprop="datePublished" content="2024-02-01">
  <div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">
    <meta itemprop="ratingValue" content="2"><meta itemprop="bestRating" content="5">
    <meta itemprop="worstRating" content="1">
    <span itemprop="alternateName">Misleading</span></div>
</div></body></html>"""

RDFA = """<html><body vocab="https://schema.org/">
<div typeof="ClaimReview">
  <span property="claimReviewed">The bridge was closed for a year</span>
  <div property="reviewRating" typeof="Rating">
    <span property="alternateName">Plutôt vrai</span></div>
  <div property="author" typeof="Organization"><span property="name">Les Décodeurs</span></div>
</div></body></html>"""


def test_microdata() -> None:
    pytest.importorskip("extruct")
    (r,) = extract_claim_reviews(MICRODATA, URL).reviews
    assert r.claim == "Ten thousand fighters vanished from the camps"
    assert (r.rating, r.verdict, r.publisher) == ("Misleading", "mostly false", "Full Fact")
    assert r.url == "https://factcheck.example/md"


def test_rdfa() -> None:
    pytest.importorskip("extruct")
    (r,) = extract_claim_reviews(RDFA, URL).reviews
    assert (r.claim, r.verdict, r.publisher) == (
        "The bridge was closed for a year", "mostly true", "Les Décodeurs")


@pytest.mark.parametrize(("words", "label"), [
    ("False", "false"), ("Pants on Fire!", "false"), ("Mostly False", "mostly false"),
    ("Half True", "mixed"), ("Mostly true", "mostly true"), ("True", "true"),
    ("Not true", "false"), ("Satire", "other"), ("Missing context", "other"),
    ("Faux", "false"), ("Plutôt faux", "mostly false"), ("Trompeur", "mostly false"),
    ("Vrai", "true"), ("Partiellement faux", "mixed"),
    ("زائف", "false"), ("غير صحيح", "false"), ("مضلل", "mostly false"), ("صحيح", "true"),
    ("زائف جزئياً", "mostly false"), ("صحيح جزئياً", "mixed"),
    ("Falso", "false"), ("Engañoso", "mostly false"), ("Verdad a medias", "mixed"),
    ("Cierto", "true"), ("No es cierto", "false"),
    ("Falsch", "false"), ("Größtenteils falsch", "mostly false"), ("Teilweise falsch", "mixed"),
    ("Richtig", "true"), ("Stimmt nicht", "false"), ("Irreführend", "mostly false"),
    ("", "other"), ("Something else entirely", "other"),
])
def test_rating_words_in_five_languages(words: str, label: str) -> None:
    assert map_words(words) == label
    assert label in SCALE


def test_numeric_rating_wins_when_on_a_valid_scale() -> None:
    assert [map_numeric(v, 5, 1) for v in (1, 2, 3, 4, 5)] == [
        "false", "mostly false", "mixed", "mostly true", "true"]
    assert map_numeric(0, 1, 0) == "false" and map_numeric("1", "1", "0") == "true"
    assert map_rating("True", value=1, best=5, worst=1) == "false"
    # outside the scale, or no scale: the words decide
    assert map_rating("True", value=9, best=5, worst=1) == "true"
    assert map_rating("Faux", value=1) == "false"
    assert map_numeric(3, 3, 3) is None
