"""OPML subscription lists: reading them (folders become tags) and writing them.

Reading goes through defusedxml's SAX parser, which refuses DTD entity declarations (no
"billion laughs", no external entities), reports malformed XML with its line, and lets the
reader take every attribute it needs (``htmlUrl``, ``language``, ``country``, ``category``).
A feed filed under two folders is one feed with both folders as tags.
"""

from __future__ import annotations

import logging
import os
import xml.sax
import xml.sax.handler
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import quoteattr

import defusedxml
import defusedxml.sax

from ..domain import FEED_KINDS, FeedSpec
from ..errors import FeedListError
from .feedcheck import (
    COUNTRY,
    check_url,
    norm_language,
    norm_tags,
    outlet_from_url,
    unfeed,
    url_key,
)

logger = logging.getLogger(__name__)


def import_opml(path: str | os.PathLike[str]) -> list[FeedSpec]:
    """Read an OPML subscription list (folders become tags).

    Raises:
        FeedListError: unreadable file, malformed XML, not OPML, or a feed outline with a
            bad URL.

    Example:
        >>> [f.outlet for f in import_opml("subscriptions.opml")][:1]
        ['Daring Fireball']
    """
    name = str(path)
    try:
        data = Path(name).read_bytes()
    except OSError as exc:
        reason = f"cannot read the feed list: {exc.strerror or exc}"
        raise FeedListError(name, None, reason) from None
    return parse_opml(data, name)


class _OpmlHandler(xml.sax.handler.ContentHandler):
    """Collects feed outlines; folder outlines (no xmlUrl) push a tag."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.feeds: list[FeedSpec] = []
        self.lines: dict[str, int] = {}
        self.index: dict[str, int] = {}
        self.folders: list[str | None] = []
        self.root: str | None = None
        self.in_body = False

    def _line(self) -> int | None:
        locator = getattr(self, "_locator", None)
        return locator.getLineNumber() if locator is not None else None

    def startElement(self, tag: str, attrs: xml.sax.xmlreader.AttributesImpl) -> None:
        if self.root is None:
            self.root = tag
            if tag.lower() != "opml":
                raise FeedListError(
                    self.name, self._line(),
                    f"not OPML: the root element is <{tag}> (expected <opml>; "
                    "an RSS/Atom feed goes in a feed list as a URL, not as a file)",
                )
        if tag == "body":
            self.in_body = True
        if tag != "outline" or not self.in_body:
            return
        lowered = {k.lower(): (v or "").strip() for k, v in attrs.items()}
        url = unfeed(lowered.get("xmlurl", ""))
        label = lowered.get("title") or lowered.get("text") or ""
        if not url:
            self.folders.append(label or None)
            return
        self.folders.append(None)  # a feed outline closes like a folder with no tag
        self._add_feed(url, label, lowered)

    def _add_feed(self, url: str, label: str, attrs: dict[str, str]) -> None:
        line = self._line()
        problem = check_url(url, "xmlUrl")
        if problem:
            raise FeedListError(self.name, line, problem)
        homepage = attrs.get("htmlurl", "")
        if homepage and check_url(homepage) is not None:
            logger.warning("%s:%s: ignoring unusable htmlUrl %r", self.name, line, homepage)
            homepage = ""
        language = norm_language(attrs.get("language", "")) or ""
        country = attrs.get("country", "").upper()
        categories = [
            part for cat in attrs.get("category", "").split(",") for part in cat.split("/")
        ]
        tags = norm_tags([f for f in self.folders if f] + categories)
        spec = FeedSpec(
            url=url,
            outlet=label or outlet_from_url(url),
            homepage=homepage,
            language=language,
            country=country if COUNTRY.match(country) else "",
            tags=tags,
            kind=kind if (kind := attrs.get("kind", "").lower()) in FEED_KINDS else "news",
        )
        key = url_key(url)
        if key in self.index:  # the same feed in two folders: one feed, both folders as tags
            i = self.index[key]
            old = self.feeds[i]
            self.feeds[i] = replace(old, tags=norm_tags(old.tags + tags))
            logger.info("%s:%s: %s already listed on line %s; merged its tags",
                        self.name, line, url, self.lines[key])
            return
        self.index[key] = len(self.feeds)
        self.lines[key] = line or 0
        self.feeds.append(spec)

    def endElement(self, tag: str) -> None:
        if tag == "outline" and self.in_body and self.folders:
            self.folders.pop()
        elif tag == "body":
            self.in_body = False


def parse_opml(data: bytes, name: str) -> list[FeedSpec]:
    """The feeds of an OPML document (``name`` is the file, for error messages)."""
    # Raw bytes: expat honours the document's own encoding declaration and BOM.
    handler = _OpmlHandler(name)
    try:
        defusedxml.sax.parseString(data, handler)
    except xml.sax.SAXParseException as exc:
        raise FeedListError(
            name, exc.getLineNumber(),
            f"malformed XML: {exc.getMessage()} (column {exc.getColumnNumber()})"
        ) from None
    except defusedxml.DefusedXmlException as exc:
        raise FeedListError(name, handler._line(),
                            f"refusing XML with DTD/entity declarations ({exc})") from None
    if handler.root is None:
        raise FeedListError(name, None, "malformed XML: no root element")
    return handler.feeds


def export_opml(feeds: Sequence[FeedSpec], title: str = "corroborate feeds") -> str:
    """An OPML 2.0 document listing the feeds (tags go in the ``category`` attribute).

    Example:
        >>> export_opml([FeedSpec("https://example.com/rss", "Example")]).startswith("<?xml")
        True
    """
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{_esc(title)}</title></head>",
        "  <body>",
    ]
    for feed in feeds:
        attrs = [
            ("type", "rss"), ("text", feed.outlet), ("title", feed.outlet), ("xmlUrl", feed.url),
            ("htmlUrl", feed.homepage), ("language", feed.language), ("country", feed.country),
            ("category", ",".join(f"/{tag}" for tag in feed.tags)),
            ("kind", feed.kind if feed.kind != "news" else ""),
        ]
        rendered = " ".join(f"{k}={quoteattr(v)}" for k, v in attrs if v)
        lines.append(f"    <outline {rendered}/>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _esc(value: str) -> str:
    return quoteattr(value)[1:-1]


__all__ = ["export_opml", "import_opml", "parse_opml"]
