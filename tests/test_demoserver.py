"""The demo server serves the sample corpus as real feeds and pages over HTTP on 127.0.0.1."""

from __future__ import annotations

import csv
import html
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as ET
import feedparser
import httpx
import pytest
from protego import Protego

from corroborate.demo.corpus import (
    SampleArticle,
    SampleCorpus,
    SampleFeed,
    SampleOutlet,
)
from corroborate.demo.server import FEED_LIST_COLUMNS, DemoServer


@pytest.fixture(scope="module")
def server() -> Iterator[DemoServer]:
    with DemoServer() as srv:
        yield srv


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5.0) as c:
        yield c


def test_binds_a_free_loopback_port(server: DemoServer) -> None:
    assert server.host == "127.0.0.1" and server.port > 0
    assert server.base_url == f"http://127.0.0.1:{server.port}"
    with DemoServer(corpus=server.corpus) as other:
        assert other.port != server.port


def test_every_feed_is_valid_rss_listing_its_articles(server: DemoServer,
                                                      client: httpx.Client) -> None:
    specs = server.feed_urls()
    assert len(specs) == len(server.corpus.feeds)
    by_url = {server.url(f.path): f for f in server.corpus.feeds}
    for spec in specs:
        resp = client.get(spec.url)
        assert resp.status_code == 200
        assert resp.headers["content-type"].startswith("application/rss+xml")
        parsed = feedparser.parse(resp.content)
        assert not parsed.bozo, (spec.url, parsed.get("bozo_exception"))
        assert parsed.version == "rss20"
        assert "Fictional sample data" in parsed.feed.description
        assert "Fictional sample data" in parsed.feed.rights
        expected = server.corpus.articles_of_feed(by_url[spec.url].id)
        assert [e.link for e in parsed.entries] == [server.url(a.path) for a in expected]
        for entry, article in zip(parsed.entries, expected, strict=True):
            assert entry.title == article.title
            assert entry.id == entry.link
            assert entry.author == article.author
            assert datetime(*entry.published_parsed[:6], tzinfo=UTC) == article.published
            assert entry.summary == article.paragraphs[0]


def test_feed_specs_carry_outlet_metadata(server: DemoServer) -> None:
    specs = server.feed_urls()
    outlet_of = {server.url(f.path): server.corpus.outlet(f.outlet) for f in server.corpus.feeds}
    for spec in specs:
        outlet = outlet_of[spec.url]
        assert (spec.outlet, spec.homepage, spec.language, spec.country, spec.tags) == (
            outlet.name, outlet.homepage, outlet.language, outlet.country, outlet.tags)
    assert {s.language for s in specs} == {"en", "fr", "ar"}


def test_every_article_page_is_served(server: DemoServer, client: httpx.Client) -> None:
    for article in server.corpus.articles:
        resp = client.get(server.url(article.path))
        assert resp.status_code == 200, article.id
        assert resp.headers["content-type"] == "text/html; charset=utf-8"
        page = resp.text
        assert f'<html lang="{article.language}"' in page
        assert ('dir="rtl"' in page) == (article.language == "ar")
        assert f"<h1>{html.escape(article.title)}</h1>" in page
        assert f'<time datetime="{article.published:%Y-%m-%dT%H:%M:%SZ}">' in page
        assert page.count("<article>") == 1
        for paragraph in article.paragraphs:
            assert f"<p>{html.escape(paragraph)}</p>" in page
        # Boilerplate an extractor has to strip.
        assert "<nav" in page and "<footer" in page and 'class="related"' in page


def test_article_links_and_index(server: DemoServer, client: httpx.Client) -> None:
    article = server.corpus.articles[0]
    assert server.article_url(article.id) == server.url(article.path)
    page = client.get(server.article_url(article.id)).text
    related = [a for a in server.corpus.articles if a.outlet == article.outlet and a is not article]
    assert any(f'href="{html.escape(a.path)}"' in page for a in related)
    index = client.get(server.url("/"))
    assert index.status_code == 200 and "Fictional sample data" in index.text
    front = client.get(server.url(f"/{article.outlet}/"))
    assert front.status_code == 200 and html.escape(article.title) in front.text


def test_robots_allows_everything(server: DemoServer, client: httpx.Client) -> None:
    resp = client.get(server.url("/robots.txt"))
    assert resp.status_code == 200
    robots = Protego.parse(resp.text)
    assert robots.can_fetch(server.article_url(server.corpus.articles[0].id), "corroborate")


def test_opml_lists_every_feed_with_its_outlet(server: DemoServer, client: httpx.Client) -> None:
    resp = client.get(server.url("/opml"))
    assert resp.status_code == 200
    root = ET.fromstring(resp.content)
    outlines: list[Element] = [o for o in root.iter("outline") if o.get("xmlUrl")]
    listed = {(o.get("xmlUrl"), o.get("text")) for o in outlines}
    assert listed == {(s.url, s.outlet) for s in server.feed_urls()}
    assert all(client.get(str(o.get("xmlUrl"))).status_code == 200 for o in outlines[:3])


def test_write_feed_list_csv(server: DemoServer, tmp_path: Path) -> None:
    path = server.write_feed_list(tmp_path / "sub" / "feeds.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[0]) == FEED_LIST_COLUMNS
    expected = [[s.url, s.outlet, s.homepage, s.language, s.country, ";".join(s.tags), s.kind]
                for s in server.feed_urls()]
    assert rows[1:] == expected
    assert any(r[1] == "La Gazette de l'Oronte" for r in rows)  # quotes survive the CSV


def test_conditional_get_head_and_404(server: DemoServer, client: httpx.Client) -> None:
    url = server.feed_urls()[0].url
    first = client.get(url)
    etag = first.headers["etag"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    head = client.head(url)
    assert head.status_code == 200 and head.content == b""
    assert int(head.headers["content-length"]) == len(first.content)
    assert client.get(server.url("/nope/missing.html")).status_code == 404
    assert server.hits[server.corpus.feeds[0].path] >= 3


def _hostile_corpus() -> SampleCorpus:
    feed = SampleFeed(id="evil-news", outlet="evil", title='Evil "feed" <b>')
    outlet = SampleOutlet(id="evil", name="Evil & Co <i>", homepage="https://evil.example/",
                          language="en", country="GB", tags=("regional",), feeds=(feed,))
    body = ("First <script>alert('x')</script> paragraph & more.\n\n"
            "Second </p></article><h1>fake</h1> paragraph.\n\nThird paragraph.")
    article = SampleArticle(
        id="evil-story", outlet="evil", feed="evil-news", language="en",
        published=datetime(2024, 1, 2, 3, 4, tzinfo=UTC),
        title="Breaking <script>alert(1)</script></script> & \"quotes\"",
        body=body, author='Eve "<img src=x onerror=alert(1)>"')
    return SampleCorpus(outlets=(outlet,), articles=(article,))


def test_everything_rendered_is_escaped(client: httpx.Client) -> None:
    corpus = _hostile_corpus()
    article = corpus.articles[0]
    with DemoServer(corpus=corpus) as srv:
        page = client.get(srv.article_url(article.id)).text
        feed = client.get(srv.feed_urls()[0].url)
        opml = client.get(srv.url("/opml")).text
        front = client.get(srv.url("/evil/")).text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "<h1>fake</h1>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("</script>") == 1  # only the JSON-LD block closes a script element
    assert page.count("<article>") == 1 and page.count("</article>") == 1
    assert "<i>" not in front and "Evil &amp; Co &lt;i&gt;" in front
    assert "<i>" not in opml
    parsed = feedparser.parse(feed.content)
    assert not parsed.bozo
    assert "<script>" not in feed.text and "&lt;script&gt;" in feed.text


def test_serve_forever_stops_cleanly() -> None:
    srv = DemoServer()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        assert httpx.get(srv.url("/robots.txt"), timeout=5.0).status_code == 200
    finally:
        srv.stop()
    thread.join(timeout=5)
    assert not thread.is_alive()
    with pytest.raises(httpx.ConnectError):
        httpx.get(srv.url("/robots.txt"), timeout=2.0)


@pytest.mark.parametrize("article_id", ["gws-kerman-is-claim", "gazetteoronte-homs-deuil-bilan",
                                        "nafidhat-homs-man-yaqif-wara"])
def test_boilerplate_is_strippable(server: DemoServer, client: httpx.Client,
                                   article_id: str) -> None:
    import trafilatura

    article = server.corpus.article(article_id)
    page = client.get(server.article_url(article_id)).text
    text = trafilatura.extract(page, url=server.article_url(article_id), favor_precision=True)
    assert text is not None
    for paragraph in article.paragraphs:
        assert paragraph in text
    assert "cookie" not in text.lower() and "©" not in text
    related = [a for a in server.corpus.articles if a.outlet == article.outlet and a is not article]
    assert not any(a.title in text for a in related)
