"""Feed bytes → entries: RSS 0.9x/1.0/2.0, Atom and RDF through feedparser; JSON Feed directly.

Order of work in :func:`parse_feed`:

1. JSON Feed (a JSON object with a ``https://jsonfeed.org/version/...`` version) is read with
   :mod:`json`.
2. XML is first checked for hostile DTDs: entity declarations that could expand (parameter
   entities, external entities, entity values referencing other entities: billion laughs,
   XXE) are refused before any XML parser sees the document. A harmless DOCTYPE, with no
   internal subset or with plain-text entities only, is let through.
3. feedparser parses the bytes (always from a stream: given raw bytes it would also try them
   as a file name). A feed feedparser flags as ill-formed ("bozo") is still used when it yields
   entries, and ``ParsedFeed.warning`` keeps the reason.

Entries without a usable http(s) link are skipped; links are resolved against the feed URL;
``published`` is an aware UTC datetime (published, else updated) or None.
"""

from __future__ import annotations

import html
import io
import json
import logging
import re
import time
import xml.sax
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from ..domain import FeedEntry, ParsedFeed
from ..errors import ParseError

logger = logging.getLogger(__name__)

ENTITY_REFUSAL = "refusing XML entity declarations (possible entity-expansion attack)"
_HEAD_LIMIT = 1 << 20  # bytes of the document read for the prolog check
_MAX_SAFE_ENTITIES = 64
_MAX_ENTITY_VALUE = 1024
_ENTITY_DECL = re.compile(r"<!ENTITY\s+(%\s*)?(\S+)\s+(.*?)>", re.DOTALL)
_SAFE_ENTITY_VALUE = re.compile(
    r"""^(?:"(?:[^"&%]|&\#[0-9]+;|&\#x[0-9a-fA-F]+;)*"|'(?:[^'&%]|&\#[0-9]+;|&\#x[0-9a-fA-F]+;)*')\s*$"""
)
_SUBSET_END = re.compile(r"\]\s*>")
_ELEMENT_NAME = re.compile(r"<([^\s/>!?]+)")
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_JSON_FEED_VERSION = re.compile(r"^https?://jsonfeed\.org/version/(\d+)(?:\.(\d+))?/?$")


# --- the hostile-XML guard -------------------------------------------------------------------


@dataclass(frozen=True)
class _Prolog:
    """What precedes the root element: the root's name and any DOCTYPE internal subset."""

    root: str  # "" when no element was found
    subset: str | None  # the internal DTD subset, None when there is none
    ran_out: bool = False  # the text ended while still in the prolog


def _decode_head(data: bytes, limit: int) -> str:
    """The start of the document as text, enough to read the prolog in any XML encoding."""
    head = data[:limit]
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                       (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(codec, "replace")
    stripped = head.lstrip(b" \t\r\n")  # BOM-less UTF-16/32 still starts with "<" and nulls
    for start, codec in ((b"<\x00\x00\x00", "utf-32-le"), (b"\x00\x00\x00<", "utf-32-be"),
                         (b"<\x00", "utf-16-le"), (b"\x00<", "utf-16-be")):
        if stripped.startswith(start) or head.startswith(start):
            return head.decode(codec, "replace")
    return head.decode("latin-1")  # every ASCII-compatible encoding reads the markup alike


def _read_prolog(text: str) -> _Prolog:
    """Walk the XML declaration, comments, PIs and DOCTYPE up to the root element."""
    pos = 0
    subset: str | None = None
    n = len(text)
    while pos < n:
        while pos < n and (text[pos].isspace() or text[pos] == "\ufeff"):
            pos += 1
        if text.startswith("<?", pos):
            end = text.find("?>", pos)
            pos = n if end < 0 else end + 2
        elif text.startswith("<!--", pos):
            end = text.find("-->", pos)
            pos = n if end < 0 else end + 3
        elif text[pos:pos + 9].upper() == "<!DOCTYPE":
            bracket = text.find("[", pos)
            close = text.find(">", pos)
            if bracket < 0 or (0 <= close < bracket):
                pos = n if close < 0 else close + 1
                continue
            closing = _SUBSET_END.search(text, bracket)
            subset = text[bracket + 1:closing.start() if closing else n]
            pos = n if closing is None else closing.end()
        elif text.startswith("<", pos):
            m = _ELEMENT_NAME.match(text, pos)
            return _Prolog(m.group(1) if m else "", subset)
        else:
            return _Prolog("", subset)
    return _Prolog("", subset, ran_out=True)


def _entity_problem(subset: str) -> str | None:
    """Why a DTD internal subset is unsafe, or None when its entities cannot expand."""
    declarations = _ENTITY_DECL.findall(subset)
    if not declarations:
        return None if "<!ENTITY" not in subset else "an unterminated entity declaration"
    if len(declarations) > _MAX_SAFE_ENTITIES:
        return f"{len(declarations)} entity declarations"
    for percent, name, rest in declarations:
        if percent:
            return f"parameter entity %{name}"
        if re.match(r"(SYSTEM|PUBLIC)\b", rest.strip()):
            return f"external entity &{name};"
        if len(rest) > _MAX_ENTITY_VALUE or not _SAFE_ENTITY_VALUE.match(rest.strip()):
            return f"entity &{name}; whose value references other entities"
    return None


def check_xml_safety(data: bytes, source: str) -> str:
    """Refuse DTDs whose entities could expand; return the root element's name ("" if none).

    Raises:
        ParseError: with :data:`ENTITY_REFUSAL` and the offending declaration.
    """
    head = _decode_head(data, _HEAD_LIMIT)
    prolog = _read_prolog(head)
    if prolog.ran_out and len(data) > _HEAD_LIMIT:
        # Whatever follows could be a DTD we never saw: refuse rather than guess.
        raise ParseError(
            source, f"refusing XML whose prolog (DOCTYPE, comments) exceeds {_HEAD_LIMIT} bytes"
        )
    if prolog.subset is not None:
        # Every declaration in the head, not only the subset as scanned: a "]>" inside an
        # entity value would otherwise end the subset early and hide what follows.
        problem = _entity_problem(head)
        if problem:
            raise ParseError(source, f"{ENTITY_REFUSAL}: {problem}")
    return prolog.root


# --- helpers ----------------------------------------------------------------------------------


def _text(value: Any) -> str:
    """Plain text from a feed field that may hold HTML and entities."""
    if not isinstance(value, str) or not value:
        return ""
    if "<" in value:
        value = _TAG.sub(" ", value)
    return _SPACE.sub(" ", html.unescape(value)).strip()


def _struct_to_datetime(value: Any) -> datetime | None:
    if not isinstance(value, time.struct_time):
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (ValueError, OverflowError):
        return None


def _resolve(link: Any, base: str) -> str | None:
    """An absolute http(s) URL, or None when the link is unusable."""
    if not isinstance(link, str) or not link.strip():
        return None
    try:
        absolute = urljoin(base, link.strip())
        parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return absolute


def _describe(exc: BaseException | None) -> str:
    """A short reason for a feedparser bozo exception."""
    if exc is None:
        return ""
    if isinstance(exc, xml.sax.SAXParseException):
        return f"malformed XML: {exc.getMessage()} at line {exc.getLineNumber()}"
    message = str(exc).strip() or type(exc).__name__
    return message if len(message) < 300 else message[:297] + "..."


# --- JSON Feed --------------------------------------------------------------------------------


def _json_date(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        # Fall back on feedparser's forgiving date parser (RFC 822 and friends).
        return _struct_to_datetime(feedparser.datetimes._parse_date(value))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _json_author(item: dict[str, Any]) -> str:
    authors = item.get("authors")
    if isinstance(authors, list):
        names = [a.get("name", "") for a in authors if isinstance(a, dict)]
        return ", ".join(n for n in names if isinstance(n, str) and n)
    author = item.get("author")
    if isinstance(author, dict) and isinstance(author.get("name"), str):
        return str(author["name"])
    return ""


def _parse_json_feed(data: bytes, url: str) -> ParsedFeed:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ParseError(url, f"malformed JSON: not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ParseError(
            url, f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    if not isinstance(doc, dict):
        raise ParseError(url, f"not a feed: JSON {type(doc).__name__}, expected a JSON Feed object")
    version = doc.get("version")
    match = _JSON_FEED_VERSION.match(version) if isinstance(version, str) else None
    if match is None:
        raise ParseError(
            url,
            "not a feed: JSON without a https://jsonfeed.org/version/... version "
            f"(got {version!r})",
        )
    items = doc.get("items")
    if not isinstance(items, list):
        raise ParseError(url, "empty feed: JSON Feed without an items list")
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for item in items:
        if not isinstance(item, dict):
            continue
        link = _resolve(item.get("url"), url) or _resolve(item.get("external_url"), url)
        if link is None and isinstance(item.get("id"), str) and item["id"].startswith(("http://", "https://")):
            link = _resolve(item["id"], url)
        if link is None or link in seen:
            continue
        seen.add(link)
        summary = item.get("summary") or item.get("content_text") or item.get("content_html") or ""
        entries.append(
            FeedEntry(
                url=link,
                title=_text(item.get("title")),
                published=_json_date(item.get("date_published"))
                or _json_date(item.get("date_modified")),
                summary=_text(summary),
                author=_json_author(item) or _json_author(doc),
                guid=str(item.get("id", "")),
            )
        )
    if not entries:
        raise ParseError(
            url,
            "empty feed"
            if not items
            else f"empty feed: {len(items)} items, none with a usable link",
        )
    fmt = f"json{match.group(1)}{match.group(2) or '0'}"
    language = doc.get("language") if isinstance(doc.get("language"), str) else ""
    return ParsedFeed(title=_text(doc.get("title")), entries=tuple(entries), format=fmt,
                      language=str(language or "").lower())


# --- RSS / Atom / RDF -------------------------------------------------------------------------


def _entry_link(entry: Any) -> Any:
    link = entry.get("link")
    if link:
        return link
    for candidate in entry.get("links", []) or []:
        if candidate.get("href") and candidate.get("rel", "alternate") == "alternate":
            return candidate["href"]
    return None


def _looks_like_json(data: bytes, content_type: str) -> bool:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return head == b"{" or ("json" in content_type.lower() and head != b"<")


def parse_feed(data: bytes, url: str, *, content_type: str = "") -> ParsedFeed:
    """Parse a feed body into its entries.

    Args:
        data: the raw body, in whatever encoding the feed uses.
        url: the feed's URL (entry links are resolved against it; errors name it).
        content_type: the Content-Type header, when known (helps with encodings).

    Returns:
        The parsed feed; ``warning`` is set when the feed was ill-formed but still usable.

    Raises:
        ParseError: the body is not a feed ("not a feed: looks like an HTML page"), is
            malformed beyond use ("malformed XML: ... at line N"), declares entities that
            could expand, or yields no entry with a link ("empty feed").

    Example:
        >>> feed = parse_feed(body, "https://www.france24.com/en/rss")
        >>> feed.entries[0].url
        'https://www.france24.com/en/middle-east/...'
    """
    if not data.strip():
        raise ParseError(url, "empty feed: the body is empty")
    if _looks_like_json(data, content_type):
        return _parse_json_feed(data, url)
    root = check_xml_safety(data, url)

    # Without a type feedparser warns "no Content-type specified"; application/xml makes it
    # follow the document's own encoding declaration, which is what we want then. No
    # content-location: feedparser would "resolve" guids too; links are resolved below.
    headers = {"content-type": content_type or "application/xml"}
    try:
        result = feedparser.parse(io.BytesIO(data), response_headers=headers,
                                  resolve_relative_uris=False, sanitize_html=True)
    except Exception as exc:  # feedparser is not supposed to raise; keep the reason if it does
        logger.warning("feedparser raised on %s: %r", url, exc)
        raise ParseError(url, f"unparseable feed: {type(exc).__name__}: {exc}") from None

    warning = _describe(result.get("bozo_exception")) if result.get("bozo") else ""
    raw_entries = result.get("entries", []) or []
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for entry in raw_entries:
        link = _resolve(_entry_link(entry), url)
        if link is None or link in seen:
            continue
        seen.add(link)
        published = None
        for key in ("published_parsed", "updated_parsed", "created_parsed"):
            # dict.get: FeedParserDict.get would map updated->published with a warning.
            published = _struct_to_datetime(dict.get(entry, key))
            if published is not None:
                break
        entries.append(FeedEntry(
            url=link,
            title=_text(entry.get("title")),
            published=published,
            summary=_text(entry.get("summary")),
            author=_text(entry.get("author")),
            guid=str(entry.get("id", "") or ""),
        ))

    version = result.get("version", "") or ""
    if not entries:
        raise ParseError(url, _why_empty(root, version, warning, len(raw_entries)))
    feed_info = result.get("feed", {}) or {}
    return ParsedFeed(
        title=_text(feed_info.get("title")),
        entries=tuple(entries),
        format=version or "unknown",
        warning=warning,
        language=str(feed_info.get("language", "") or "").strip().lower(),
    )


def _why_empty(root: str, version: str, warning: str, raw_count: int) -> str:
    """The clearest reason a document gave no entries."""
    if root.lower() in ("html", "head", "body"):
        return "not a feed: looks like an HTML page"
    if not root:
        return "not a feed: no XML root element (is this plain text?)"
    if warning.startswith("malformed XML"):
        return warning
    if raw_count:
        return f"empty feed: {raw_count} entries, none with a usable http(s) link"
    if not version:
        detail = f" ({warning})" if warning else ""
        return (f"not a feed: unrecognised root element <{root}> "
                f"(expected rss, feed or rdf:RDF){detail}")
    return "empty feed"


__all__ = ["ENTITY_REFUSAL", "check_xml_safety", "parse_feed"]
