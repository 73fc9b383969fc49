"""Feed lists: the project CSV, OPML, and plain lists of URLs.

The project's own format is CSV with the header ``url,outlet,homepage,language,country,tags``
(``url`` and ``outlet`` required, the other columns optional and in any order; ``tags``
separated by ``;``; lines starting with ``#`` are comments, blank lines are skipped)::

    # wire agencies
    url,outlet,homepage,language,country,tags
    https://feeds.bbci.co.uk/news/world/rss.xml,BBC News,https://www.bbc.com/news,en,GB,public-broadcaster

:func:`load_feed_list` detects the format: XML (or a ``.opml``/``.xml`` name) means OPML; a
``.csv`` name, or a first line with a comma outside a ``.txt`` file, means CSV; anything else
is a plain list (one URL a line, the outlet taken from the host). A bad file fails at once with :class:`FeedListError` naming the file,
the line and what was wrong. Duplicate URLs (compared in canonical form) are an error in CSV
and plain lists; in OPML a feed filed under two folders is one feed with both folders as tags.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import re
import tempfile
import xml.sax
import xml.sax.handler
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

import defusedxml
import defusedxml.sax

from ..domain import FeedSpec
from ..errors import FeedListError, ParseError
from .urls import canonicalize

logger = logging.getLogger(__name__)

CSV_COLUMNS: tuple[str, ...] = ("url", "outlet", "homepage", "language", "country", "tags")
REQUIRED_COLUMNS: tuple[str, ...] = ("url", "outlet")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_TAG_JUNK = re.compile(r"[^\w-]+")
_HOST_PREFIXES = ("www.", "feeds.", "feed.", "rss.", "rssfeeds.")


# --- validation helpers -------------------------------------------------------------------


def _check_url(value: str, what: str = "URL") -> str | None:
    """The reason an http(s) URL is unusable, or None when it is fine."""
    if not value:
        return f"empty {what}"
    if any(ch.isspace() for ch in value):
        return f"{what} {value!r} contains whitespace"
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https"):
        scheme = f"{parts.scheme!r}" if parts.scheme else "no scheme"
        return f"bad {what} scheme {scheme} in {value!r} (use http:// or https://)"
    if not parts.hostname:
        return f"{what} {value!r} has no host"
    try:
        canonicalize(value)
    except ParseError as exc:
        return f"bad {what} {value!r}: {exc.reason}"
    return None


def _unfeed(url: str) -> str:
    """The http(s) URL behind the old ``feed:`` pseudo-scheme (``feed://x`` → ``http://x``)."""
    if url[:5].lower() != "feed:":
        return url
    rest = url[5:]
    return rest if rest.lower().startswith(("http://", "https://")) else "http:" + rest


def _norm_language(value: str) -> str | None:
    lang = value.strip().lower().replace("_", "-")
    return lang if not lang or _LANGUAGE.match(lang) else None


def _norm_tags(raw: Iterable[str]) -> tuple[str, ...]:
    """Lower-case, hyphenate, drop empties and repeats, keep order."""
    tags: list[str] = []
    for tag in raw:
        slug = _TAG_JUNK.sub("-", tag.strip().lower()).strip("-")
        if slug and slug not in tags:
            tags.append(slug)
    return tuple(tags)


def outlet_from_url(url: str) -> str:
    """A readable outlet name from a feed URL's host (``feeds.bbci.co.uk`` → ``bbci.co.uk``)."""
    host = (urlsplit(url).hostname or "").lower()
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix):]
            break
    return host


def _key(url: str) -> str:
    return canonicalize(url)


# --- reading ------------------------------------------------------------------------------


def load_feed_list(path: str | os.PathLike[str]) -> list[FeedSpec]:
    """Read a feed list in any supported format (OPML, project CSV, plain URL list).

    Args:
        path: the file to read.

    Returns:
        The feeds, in file order.

    Raises:
        FeedListError: the file is missing, unreadable, or invalid; the message names the file,
            the line and the problem (bad URL scheme, missing column, duplicate URL...).

    Example:
        >>> feeds = load_feed_list("index/feeds.csv")
        >>> feeds[0].outlet
        'Associated Press'
    """
    name = str(path)
    data = _read_bytes(name)
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<") or Path(name).suffix.lower() in (".opml", ".xml"):
        return _parse_opml(data, name)
    text = _decode(data, name)
    first = _first_content_line(text)
    suffix = Path(name).suffix.lower()
    # A comma means CSV (a headerless CSV must not pass for a list of odd URLs), except in a
    # .txt file, where a URL with a comma is taken at its word.
    if suffix == ".csv" or (suffix != ".txt" and first is not None and "," in first[1]):
        return _parse_csv(text, name)
    return _parse_plain(text, name)


def import_opml(path: str | os.PathLike[str]) -> list[FeedSpec]:
    """Read an OPML subscription list (folders become tags).

    Raises:
        FeedListError: malformed XML, not OPML, or a feed outline with a bad URL.

    Example:
        >>> [f.outlet for f in import_opml("subscriptions.opml")][:1]
        ['Daring Fireball']
    """
    name = str(path)
    return _parse_opml(_read_bytes(name), name)


def _read_bytes(name: str) -> bytes:
    try:
        return Path(name).read_bytes()
    except OSError as exc:
        raise FeedListError(name, None, f"cannot read the feed list: {exc.strerror or exc}") from None


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FeedListError(name, line, f"not UTF-8 text (byte {exc.start}): save the file as UTF-8") from None


def _first_content_line(text: str) -> tuple[int, str] | None:
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return number, stripped
    return None


def _parse_plain(text: str, name: str) -> list[FeedSpec]:
    feeds: list[FeedSpec] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        url = _unfeed(line.strip())
        if not url or url.startswith("#"):
            continue
        problem = _check_url(url)
        if problem:
            raise FeedListError(name, number, problem)
        key = _key(url)
        if key in seen:
            raise FeedListError(name, number, f"duplicate URL {url!r} (first on line {seen[key]})")
        seen[key] = number
        feeds.append(FeedSpec(url=url, outlet=outlet_from_url(url)))
    return feeds


def _parse_csv(text: str, name: str) -> list[FeedSpec]:
    header: list[str] | None = None
    feeds: list[FeedSpec] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            row = next(csv.reader([line], strict=True))
        except csv.Error as exc:
            raise FeedListError(name, number, f"malformed CSV: {exc}") from None
        row = [cell.strip() for cell in row]
        if header is None:
            header = _check_header(row, name, number)
            continue
        if len(row) > len(header):
            raise FeedListError(
                name, number,
                f"{len(row)} fields but the header has {len(header)} ({','.join(header)}); "
                "quote values that contain commas",
            )
        record = dict(zip(header, row + [""] * (len(header) - len(row)), strict=True))
        spec = _spec_from_record(record, name, number)
        key = _key(spec.url)
        if key in seen:
            raise FeedListError(name, number, f"duplicate URL {spec.url!r} (first on line {seen[key]})")
        seen[key] = number
        feeds.append(spec)
    if header is None:
        raise FeedListError(name, None, "empty feed list: no header line")
    return feeds


def _check_header(row: list[str], name: str, number: int) -> list[str]:
    if row and urlsplit(row[0]).scheme:
        raise FeedListError(
            name, number,
            f"no header line: the first line must name the columns ({','.join(CSV_COLUMNS)})",
        )
    header = [cell.lower() for cell in row]
    unknown = [col for col in header if col not in CSV_COLUMNS]
    if unknown:
        raise FeedListError(
            name, number,
            f"unknown column {unknown[0]!r} in the header (valid columns: {', '.join(CSV_COLUMNS)})",
        )
    for col in REQUIRED_COLUMNS:
        if col not in header:
            raise FeedListError(
                name, number,
                f"missing {col!r} column in the header {','.join(row)!r} "
                f"(expected {','.join(CSV_COLUMNS)})",
            )
    repeated = sorted({col for col in header if header.count(col) > 1})
    if repeated:
        raise FeedListError(name, number, f"column {repeated[0]!r} appears twice in the header")
    return header


def _spec_from_record(record: dict[str, str], name: str, number: int | None) -> FeedSpec:
    url = _unfeed(record["url"])
    problem = _check_url(url)
    if problem:
        raise FeedListError(name, number, problem)
    outlet = record["outlet"]
    if not outlet:
        raise FeedListError(name, number, f"empty outlet for {url!r} (every feed needs an outlet name)")
    homepage = record.get("homepage", "")
    if homepage and (problem := _check_url(homepage, "homepage URL")):
        raise FeedListError(name, number, problem)
    language = _norm_language(record.get("language", ""))
    if language is None:
        raise FeedListError(
            name, number, f"bad language {record['language']!r} (use an ISO 639-1 code such as en, fr, ar)"
        )
    country = record.get("country", "").upper()
    if country and not _COUNTRY.match(country):
        raise FeedListError(
            name, number, f"bad country {record['country']!r} (use an ISO 3166 alpha-2 code such as GB, FR, QA)"
        )
    tags = _norm_tags(record.get("tags", "").split(";"))
    return FeedSpec(url=url, outlet=outlet, homepage=homepage, language=language,
                    country=country, tags=tags)


# --- OPML ---------------------------------------------------------------------------------


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
        url = _unfeed(lowered.get("xmlurl", ""))
        label = lowered.get("title") or lowered.get("text") or ""
        if not url:
            self.folders.append(label or None)
            return
        self.folders.append(None)  # a feed outline closes like a folder with no tag
        self._add_feed(url, label, lowered)

    def _add_feed(self, url: str, label: str, attrs: dict[str, str]) -> None:
        line = self._line()
        problem = _check_url(url, "xmlUrl")
        if problem:
            raise FeedListError(self.name, line, problem)
        homepage = attrs.get("htmlurl", "")
        if homepage and _check_url(homepage) is not None:
            logger.warning("%s:%s: ignoring unusable htmlUrl %r", self.name, line, homepage)
            homepage = ""
        language = _norm_language(attrs.get("language", "")) or ""
        categories = [
            part for cat in attrs.get("category", "").split(",") for part in cat.split("/")
        ]
        tags = _norm_tags([f for f in self.folders if f] + categories)
        spec = FeedSpec(
            url=url,
            outlet=label or outlet_from_url(url),
            homepage=homepage,
            language=language,
            country=attrs.get("country", "").upper() if _COUNTRY.match(attrs.get("country", "").upper()) else "",
            tags=tags,
        )
        key = _key(url)
        if key in self.index:  # the same feed in two folders: one feed, both folders as tags
            i = self.index[key]
            old = self.feeds[i]
            self.feeds[i] = replace(old, tags=_norm_tags(old.tags + tags))
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


def _parse_opml(data: bytes, name: str) -> list[FeedSpec]:
    # Raw bytes: expat honours the document's own encoding declaration and BOM.
    handler = _OpmlHandler(name)
    try:
        defusedxml.sax.parseString(data, handler)
    except xml.sax.SAXParseException as exc:
        raise FeedListError(
            name, exc.getLineNumber(), f"malformed XML: {exc.getMessage()} (column {exc.getColumnNumber()})"
        ) from None
    except defusedxml.DefusedXmlException as exc:
        raise FeedListError(name, handler._line(), f"refusing XML with DTD/entity declarations ({exc})") from None
    if handler.root is None:
        raise FeedListError(name, None, "malformed XML: no root element")
    return handler.feeds


# --- writing ------------------------------------------------------------------------------


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
        ]
        rendered = " ".join(f"{k}={quoteattr(v)}" for k, v in attrs if v)
        lines.append(f"    <outline {rendered}/>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _esc(value: str) -> str:
    return quoteattr(value)[1:-1]


def _to_csv(feeds: Sequence[FeedSpec]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for f in feeds:
        writer.writerow([f.url, f.outlet, f.homepage, f.language, f.country, ";".join(f.tags)])
    return buf.getvalue()


def write_feed_list(path: str | os.PathLike[str], feeds: Sequence[FeedSpec]) -> None:
    """Write feeds atomically: OPML when the name ends in ``.opml``, else the project CSV.

    The file is written to a temporary file beside it and moved into place with
    ``os.replace``, so a reader never sees half a list.

    Raises:
        FeedListError: a feed has an invalid URL, two feeds share a URL, or the file cannot
            be written.

    Example:
        >>> write_feed_list("index/feeds.csv", load_feed_list("subscriptions.opml"))
    """
    name = str(path)
    seen: dict[str, int] = {}
    for number, feed in enumerate(feeds, 1):
        if problem := _check_url(feed.url):
            raise FeedListError(name, None, f"feed #{number} ({feed.outlet!r}): {problem}")
        key = _key(feed.url)
        if key in seen:  # the file would not load again
            raise FeedListError(name, None, f"feed #{number}: duplicate URL {feed.url!r} (same as feed #{seen[key]})")
        seen[key] = number
    body = export_opml(feeds) if name.lower().endswith(".opml") else _to_csv(feeds)
    target = Path(name)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(body)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise FeedListError(name, None, f"cannot write the feed list: {exc.strerror or exc}") from None


def normalise_spec(spec: FeedSpec, source: str = "<new feed>") -> FeedSpec:
    """Validate a feed as a CSV row would be, and normalise it (language "EN" → "en", country
    "fr" → "FR", tags slugged).

    Raises:
        FeedListError: a bad URL or homepage, an empty outlet, a bad language or country code.
    """
    record = {"url": spec.url.strip(), "outlet": spec.outlet.strip(), "homepage": spec.homepage.strip(),
              "language": spec.language, "country": spec.country, "tags": ";".join(spec.tags)}
    return _spec_from_record(record, source, None)


def add_feed(feeds: Sequence[FeedSpec], spec: FeedSpec) -> list[FeedSpec]:
    """A new list with ``spec`` added; a feed with the same (canonical) URL is replaced in place.

    The new feed is validated and normalised first (see :func:`normalise_spec`).

    Raises:
        FeedListError: the spec's URL is not an http(s) URL, its outlet is empty, or its
            language or country code is invalid.

    Example:
        >>> add_feed([], FeedSpec("https://example.com/rss", "Example"))[0].outlet
        'Example'
    """
    spec = normalise_spec(spec)
    key = _key(spec.url)
    out = list(feeds)
    for i, feed in enumerate(out):
        if _key(feed.url) == key:
            out[i] = spec
            return out
    out.append(spec)
    return out


__all__ = [
    "CSV_COLUMNS",
    "add_feed",
    "export_opml",
    "import_opml",
    "load_feed_list",
    "normalise_spec",
    "outlet_from_url",
    "write_feed_list",
]
