"""canonicalize: each rule, idempotence, and real feed item URLs."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import pytest

from corroborate.errors import ParseError
from corroborate.ingest.urls import canonicalize, is_tracking_param

from .conftest import need_shared


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://Example.COM/a", "https://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/a/b/", "https://example.com/a/b"),
        ("https://example.com/", "https://example.com/"),
        ("https://example.com/a/./b/../c", "https://example.com/a/c"),
        ("https://example.com/a#section-2", "https://example.com/a"),
        ("https://example.com/%7Euser/%c3%a9t%C3%A9", "https://example.com/~user/%C3%A9t%C3%A9"),
        ("https://example.com/été 2024", "https://example.com/%C3%A9t%C3%A9%202024"),
        ("https://example.com/a%2Fb", "https://example.com/a%2Fb"),
        ("https://example.com/news+politics;v=1", "https://example.com/news+politics;v=1"),
        ("https://bücher.de/x", "https://xn--bcher-kva.de/x"),
        ("https://example.com./x", "https://example.com/x"),
        ("  https://example.com/x\n", "https://example.com/x"),
        ("https://example.com/p?b=2&a=1", "https://example.com/p?a=1&b=2"),
        ("https://example.com/p?a=2&b=1&a=1", "https://example.com/p?a=2&a=1&b=1"),
        ("https://example.com/p?a=&b", "https://example.com/p?a=&b"),
        ("https://example.com/p?q=caf%c3%a9&r=%41", "https://example.com/p?q=caf%C3%A9&r=A"),
        ("https://example.com/p?utm_source=rss&utm_medium=x&id=7", "https://example.com/p?id=7"),
        ("https://example.com/p?fbclid=abc&gclid=d&mc_cid=1&mc_eid=2", "https://example.com/p"),
        ("https://example.com/p?ref=tw&cmpid=x&ocid=y&xtor=RSS-1", "https://example.com/p"),
        ("https://www.bbc.co.uk/news/world-1?at_medium=RSS&at_campaign=KARANGA",
         "https://www.bbc.co.uk/news/world-1"),
        ("https://example.com/p?UTM_Source=x&CMP=share", "https://example.com/p"),
        ("https://example.com/p?uid=5&source=feed&page=2", "https://example.com/p?page=2&source=feed&uid=5"),
        ("https://example.com/p?a=1&amp;utm_source=x&amp;b=2", "https://example.com/p?a=1&b=2"),
        ("http://[::1]:8080/x", "http://[::1]:8080/x"),
        ("https://example.com/100%", "https://example.com/100%25"),
    ],
)
def test_rules(url: str, expected: str) -> None:
    assert canonicalize(url) == expected
    assert canonicalize(expected) == expected


@pytest.mark.parametrize(
    "url", ["ftp://example.com/x", "mailto:a@b.c", "/relative/path", "https:///nohost", ""]
)
def test_rejects_non_http_urls_with_a_reason(url: str) -> None:
    with pytest.raises(ParseError) as info:
        canonicalize(url)
    assert "scheme" in info.value.reason or "host" in info.value.reason


def test_tracking_param_names() -> None:
    assert is_tracking_param("utm_campaign")
    assert is_tracking_param("FBCLID")
    assert not is_tracking_param("id")
    assert not is_tracking_param("page")


def test_idempotent_on_real_feed_links() -> None:
    root = need_shared("data", "feeds")
    links: set[str] = set()
    pattern = re.compile(rb"""https?://[^\s"'<>\]]+""")
    for path in sorted((root / "rss-parser" / "input").iterdir()) + sorted(
        (root / "netnewswire").iterdir()
    ):
        links.update(
            html.unescape(m.decode("utf-8", "replace")) for m in pattern.findall(path.read_bytes())
        )
    assert len(links) > 500
    for link in links:
        try:
            first = canonicalize(link)
        except ParseError:
            continue
        assert canonicalize(first) == first, link
        assert first.startswith(("http://", "https://"))
        parts = urlsplit(first)
        assert not parts.fragment
        names = [item.partition("=")[0] for item in parts.query.split("&") if item]
        assert not any(is_tracking_param(name) for name in names), first
        assert names == sorted(names)
