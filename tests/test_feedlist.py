"""Feed lists: detection of the three formats, errors naming file and line, round trips."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corroborate.domain import FeedSpec
from corroborate.errors import FeedListError
from corroborate.ingest.feedlist import (
    add_feed,
    export_opml,
    import_opml,
    load_feed_list,
    outlet_from_url,
    write_feed_list,
)
from corroborate.ingest.urls import canonicalize

from .conftest import REPO, need_shared

HEADER = "url,outlet,homepage,language,country,tags\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_project_csv_with_comments_blank_lines_and_tags(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "feeds.csv",
        (
            "# my feeds\n\n"
            + HEADER
            + "https://feeds.bbci.co.uk/news/world/rss.xml,BBC News,https://www.bbc.com,EN,gb,"
            "public-broadcaster; international\n"
            + "# a comment between rows\n\n"
            + '"https://example.com/rss?a=1,2","Example, Inc",,,,\n'
        ),
    )
    feeds = load_feed_list(path)
    assert feeds == [
        FeedSpec("https://feeds.bbci.co.uk/news/world/rss.xml", "BBC News", "https://www.bbc.com",
                 "en", "GB", ("public-broadcaster", "international")),
        FeedSpec("https://example.com/rss?a=1,2", "Example, Inc"),
    ]


def test_csv_columns_in_any_order_and_optional(tmp_path: Path) -> None:
    path = write(tmp_path, "f.csv", "outlet,url\nExample,https://example.com/feed\n")
    assert load_feed_list(path) == [FeedSpec("https://example.com/feed", "Example")]


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        (HEADER + "ftp://example.com/rss,Example,,,,\n", 2, "bad URL scheme 'ftp'"),
        (HEADER + "example.com/rss,Example,,,,\n", 2, "bad URL scheme no scheme"),
        ("url,homepage\nhttps://example.com/rss,\n", 1, "missing 'outlet' column"),
        ("url,outlet,feed_type\nhttps://example.com/rss,E,rss\n", 1, "unknown column 'feed_type'"),
        (HEADER + "https://a.com/rss,A,,,,\n\nhttps://A.com/rss#x,B,,,,\n", 4, "duplicate URL"),
        (HEADER + "https://a.com/rss,,,,,\n", 2, "empty outlet"),
        (HEADER + "https://a.com/rss,A,,english,,\n", 2, "bad language 'english'"),
        (HEADER + "https://a.com/rss,A,,en,France,\n", 2, "bad country 'France'"),
        (HEADER + "https://a.com/rss,A,javascript:alert(1),en,,\n", 2, "bad homepage URL scheme"),
        (HEADER + "https://a.com/rss,A,,en,FR,x,extra\n", 2, "7 fields but the header has 6"),
        (HEADER + '"https://a.com/rss,A\n', 2, "malformed CSV"),
        ("https://a.com/rss,A,,en,FR,wire\n", 1, "no header line"),
    ],
)
def test_csv_errors_name_file_line_and_problem(
    tmp_path: Path, body: str, line: int, words: str
) -> None:
    path = write(tmp_path, "bad.csv", body)
    with pytest.raises(FeedListError) as info:
        load_feed_list(path)
    assert info.value.path == str(path)
    assert info.value.line == line
    assert words in str(info.value)
    assert str(info.value).startswith(f"{path}:{line}: ")


def test_plain_url_list(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "feeds.list",
        "# plain\nhttps://feeds.bbci.co.uk/news/rss.xml\n\n"
        "  https://www.lemonde.fr/rss/une.xml  \n",
    )
    feeds = load_feed_list(path)
    assert [f.outlet for f in feeds] == ["bbci.co.uk", "lemonde.fr"]
    assert feeds[1].url == "https://www.lemonde.fr/rss/une.xml"
    path = write(tmp_path, "feeds.txt", "https://example.com/rss?ids=1,2\nfeed://example.org/rss\nfeed:https://example.net/a\n")
    assert [f.url for f in load_feed_list(path)] == [
        "https://example.com/rss?ids=1,2", "http://example.org/rss", "https://example.net/a"]


def test_plain_list_errors(tmp_path: Path) -> None:
    path = write(tmp_path, "feeds.txt", "https://a.com/rss\nhttps://a.com/rss/\n")
    with pytest.raises(FeedListError, match=r"feeds.txt:2: duplicate URL .* \(first on line 1\)"):
        load_feed_list(path)
    path = write(tmp_path, "feeds2.txt", "https://a.com/rss\nnot a url\n")
    with pytest.raises(FeedListError, match=r"feeds2.txt:2: .*whitespace"):
        load_feed_list(path)


def test_not_utf8_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(HEADER.encode() + b"https://a.com/rss,Caf\xe9,,,,\n")
    with pytest.raises(FeedListError, match=r"latin.csv:2: not UTF-8"):
        load_feed_list(path)
    with pytest.raises(FeedListError, match="cannot read"):
        load_feed_list(tmp_path / "nope.csv")


OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>t</title></head>
  <body>
    <outline text="News">
      <outline text="Middle East" title="Middle East">
        <outline type="rss" text="Al Jazeera" xmlUrl="https://www.aljazeera.com/xml/rss/all.xml"
                 htmlUrl="https://www.aljazeera.com" language="en"/>
      </outline>
      <outline type="rss" title="Le Monde" text="ignored" xmlUrl="https://www.lemonde.fr/rss/une.xml"/>
    </outline>
    <outline text="Wires">
      <outline type="rss" text="Al Jazeera again" xmlUrl="https://www.aljazeera.com/xml/rss/all.xml"/>
    </outline>
    <outline type="rss" xmlUrl="https://feeds.bbci.co.uk/news/rss.xml" \
category="/public broadcaster,/uk/europe"/>
  </body>
</opml>
"""


def test_opml_nested_folders_become_tags(tmp_path: Path) -> None:
    path = write(tmp_path, "subs.opml", OPML)
    feeds = import_opml(path)
    assert load_feed_list(path) == feeds
    assert feeds[0] == FeedSpec(
        "https://www.aljazeera.com/xml/rss/all.xml",
        "Al Jazeera",
        "https://www.aljazeera.com",
        "en",
        "",
        ("news", "middle-east", "wires"),
    )
    assert feeds[1] == FeedSpec("https://www.lemonde.fr/rss/une.xml", "Le Monde", tags=("news",))
    assert feeds[2].outlet == "bbci.co.uk"
    assert feeds[2].tags == ("public-broadcaster", "uk", "europe")


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        (
            "<opml><body><outline xmlUrl='https://a.com/rss'></body></opml>",
            1,
            "malformed XML: mismatched tag",
        ),
        (
            "<?xml version='1.0'?>\n<rss version='2.0'><channel/></rss>",
            2,
            "not OPML: the root element is <rss>",
        ),
        (
            "<opml>\n<body>\n<outline text='x' xmlUrl='file:///etc/passwd'/></body></opml>",
            3,
            "bad xmlUrl scheme 'file'",
        ),
        ('<!DOCTYPE opml [<!ENTITY a "aaaa">]><opml><body/></opml>', 1, "refusing XML"),
    ],
)
def test_opml_errors(tmp_path: Path, body: str, line: int, words: str) -> None:
    path = write(tmp_path, "bad.opml", body)
    with pytest.raises(FeedListError) as info:
        load_feed_list(path)
    assert info.value.line == line
    assert words in str(info.value)


BOMB = """<?xml version="1.0"?>
<!DOCTYPE opml [
  <!ENTITY a "aaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<opml version="2.0"><body><outline text="&d;" xmlUrl="https://a.com/rss"/></body></opml>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<opml version="2.0"><body><outline text="&x;" xmlUrl="https://a.com/rss"/></body></opml>
"""


@pytest.mark.parametrize("body", [BOMB, EXTERNAL], ids=["entity-expansion", "external-entity"])
def test_hostile_opml_is_refused_in_one_line(tmp_path: Path, body: str) -> None:
    path = write(tmp_path, "hostile.opml", body)
    with pytest.raises(FeedListError) as info:
        import_opml(path)
    message = str(info.value)
    assert "refusing XML with DTD/entity declarations" in message and "\n" not in message
    assert message.startswith(f"{path}:")


def test_opml_export_import_round_trip(tmp_path: Path) -> None:
    feeds = [
        FeedSpec("https://feeds.bbci.co.uk/arabic/rss.xml", "BBC News عربي & co <x>", "https://www.bbc.com/arabic",
                 "ar", "GB", ("public-broadcaster", "international")),
        FeedSpec("https://example.com/rss?a=1&b=2", "Example"),
    ]
    text = export_opml(feeds)
    path = write(tmp_path, "out.opml", text)
    assert import_opml(path) == feeds


def test_write_feed_list_atomic_round_trip(tmp_path: Path) -> None:
    feeds = load_feed_list(REPO / "index" / "feeds.csv")
    target = tmp_path / "sub" / "feeds.csv"
    write_feed_list(target, feeds)
    assert load_feed_list(target) == feeds
    write_feed_list(tmp_path / "feeds.opml", feeds)
    assert load_feed_list(tmp_path / "feeds.opml") == feeds
    assert sorted(p.name for p in target.parent.iterdir()) == ["feeds.csv"]  # no temp file left
    with pytest.raises(FeedListError, match="bad URL scheme"):
        write_feed_list(target, [FeedSpec("gopher://x.org/", "X")])
    assert load_feed_list(target) == feeds  # a failed write leaves the old file alone


def test_add_feed_dedupes_by_canonical_url() -> None:
    feeds = [FeedSpec("https://a.com/rss", "A"), FeedSpec("https://b.com/rss", "B")]
    updated = add_feed(feeds, FeedSpec("HTTPS://A.com/rss/?utm_source=x", "A renamed"))
    assert [f.outlet for f in updated] == ["A renamed", "B"]
    assert [f.outlet for f in feeds] == ["A", "B"]  # the input is not mutated
    assert len(add_feed(feeds, FeedSpec("https://c.com/rss", "C"))) == 3
    with pytest.raises(FeedListError, match="bad URL scheme"):
        add_feed(feeds, FeedSpec("mailto:x@y.z", "X"))
    with pytest.raises(FeedListError, match="bad language 'english'"):
        add_feed(feeds, FeedSpec("https://c.com/rss", "C", language="english"))
    with pytest.raises(FeedListError, match="empty outlet"):
        add_feed(feeds, FeedSpec("https://c.com/rss", "  "))
    added = add_feed(
        [], FeedSpec(" https://c.com/rss ", "C", language="EN", country="fr", tags=("Wire", ""))
    )
    assert added == [
        FeedSpec("https://c.com/rss", "C", language="en", country="FR", tags=("wire",))
    ]


def test_write_refuses_duplicates(tmp_path: Path) -> None:
    with pytest.raises(FeedListError, match=r"feed #2: duplicate URL .* \(same as feed #1\)"):
        write_feed_list(
            tmp_path / "f.csv",
            [FeedSpec("https://a.com/rss", "A"), FeedSpec("https://a.com/rss/", "B")],
        )


def test_outlet_from_url() -> None:
    assert outlet_from_url("https://www.lemonde.fr/rss/une.xml") == "lemonde.fr"
    assert outlet_from_url("https://feeds.bbci.co.uk/news/rss.xml") == "bbci.co.uk"
    assert outlet_from_url("https://rss.com/feed") == "rss.com"


def test_default_feed_list_is_broad() -> None:
    feeds = load_feed_list(REPO / "index" / "feeds.csv")
    assert len(feeds) >= 40
    languages = {f.language for f in feeds}
    assert {"en", "fr", "ar"} <= languages and len(languages) >= 6
    assert len({f.country for f in feeds}) >= 10
    tags = {t for f in feeds for t in f.tags}
    assert {"wire", "public-broadcaster", "state-affiliated", "national-paper", "regional"} <= tags
    assert all(f.language and f.country and f.tags and f.homepage for f in feeds)


@pytest.mark.parametrize("name", ["Subs.opml", "SubsNoTitleAttributes.opml"])
def test_real_opml_files(name: str) -> None:
    path = need_shared("data", "feeds", "netnewswire", name)
    feeds = load_feed_list(path)
    raw = re.findall(r'xmlUrl="([^"]+)"', path.read_text(encoding="utf-8"))
    expected = {canonicalize(u.replace("&amp;", "&")) for u in raw}
    assert len(feeds) == len(expected) > 200
    assert {canonicalize(f.url) for f in feeds} == expected
    assert all(f.outlet for f in feeds)
    assert feeds[0].outlet == "Daring Fireball"
    assert feeds[0].homepage == "http://daringfireball.net/"
    folders = {t for f in feeds for t in f.tags}
    assert {"programming", "macintosh", "weblogs", "writers"} <= folders
