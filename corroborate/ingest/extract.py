"""Article pages → clean text plus title, author and date (trafilatura).

trafilatura runs with ``favor_precision``: boilerplate (menus, related links, comments) costs
more in a corroboration index than a missed paragraph, because a stray "most read" list
would match many claims. The measured trade-off is in ``bench/extraction.py``.

Bytes are decoded here, not by trafilatura: a BOM, then strict UTF-8, then the charset the
page declares, then charset-normalizer's guess, and as a last resort UTF-8 with replacement
characters. Invalid or mislabelled bytes therefore never raise, they cost a few characters.

A page whose text is shorter than :data:`MIN_TEXT_CHARS` (CJK characters count double, as
they carry about twice the content of a Latin letter) raises ``ParseError("no article text
found ...")``: below that, what trafilatura keeps is a teaser, a paywall notice or a caption,
not something worth checking claims against.
"""

from __future__ import annotations

import codecs
import html as html_module
import logging
import re
from datetime import UTC, datetime

from ..domain import ExtractedPage
from ..errors import ParseError
from ..lang import detect_language

logger = logging.getLogger(__name__)

MIN_TEXT_CHARS = 200  #: shortest accepted article text (CJK characters count double)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"


def decode_html(data: bytes) -> str:
    """Decode page bytes without ever failing (see the module docstring for the order)."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace").lower()
        if name in ("iso-8859-1", "latin-1", "us-ascii", "ascii"):
            name = "windows-1252"  # what browsers do: the superset of Latin-1
        try:
            codecs.lookup(name)
        except LookupError:
            logger.debug("unknown declared charset %r", name)
        else:
            if codecs.lookup(name).name != "utf-8":
                return data.decode(name, "replace")
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, "replace")
    except (ImportError, LookupError) as exc:
        logger.debug("charset detection failed: %r", exc)
    return data.decode("utf-8", "replace")


def _parse_date(value: str | None) -> datetime | None:
    """An aware UTC datetime from trafilatura's date string, or None."""
    if not value:
        return None
    for fmt in (_DATE_FORMAT, "%Y-%m-%d"):
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        return parsed.astimezone(UTC)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        logger.debug("unreadable page date %r", value)
        return None
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(UTC)


def _clean_text(text: str) -> str:
    """One paragraph a line, no blank lines, no trailing spaces."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _choose_title(found: str, document: str) -> str:
    """trafilatura's title, unless it is a lone word and the page's <title> says more."""
    if len(found.split()) > 1:
        return found
    m = _TITLE.search(document[:200_000])
    fallback = " ".join(html_module.unescape(m.group(1)).split()) if m else ""
    return fallback if len(fallback.split()) > 1 else found


def _content_length(text: str) -> int:
    return len(text) + len(_CJK.findall(text))


def extract_article(html: bytes | str, url: str, *, favor_precision: bool = True) -> ExtractedPage:
    """Extract an article's text and metadata from its page.

    Args:
        html: the page, as fetched (bytes in any encoding) or already decoded.
        url: the page's URL (helps trafilatura with relative links and site rules).
        favor_precision: trafilatura's precision mode (on by default; see the module docstring).

    Returns:
        The text (one paragraph a line), title, author, date (aware UTC, or None) and the
        detected language ("" when unsure).

    Raises:
        ParseError: "no article text found" when the extracted text is missing or shorter
            than :data:`MIN_TEXT_CHARS`; "extraction failed" when trafilatura breaks.

    Example:
        >>> page = extract_article(body, "https://www.lemonde.fr/international/article/x.html")
        >>> page.title, page.date
        ('Au Proche-Orient, ...', datetime.datetime(2024, 1, 5, 0, 0, tzinfo=datetime.timezone.utc))
    """
    from trafilatura import bare_extraction

    document = decode_html(html) if isinstance(html, bytes) else html
    if not document.strip():
        raise ParseError(url, "no article text found: the page is empty")
    try:
        result = bare_extraction(
            document,
            url=url,
            favor_precision=favor_precision,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            # No extensive search: it guesses from free text ("© 2024" becomes 2024-01-01);
            # a missing date is better than a wrong one, and the feed's date comes first.
            date_extraction_params={"extensive_search": False, "original_date": True,
                                    "outputformat": _DATE_FORMAT},
        )
    except Exception as exc:  # trafilatura/lxml errors on broken markup: keep the reason
        logger.warning("trafilatura failed on %s: %r", url, exc)
        raise ParseError(url, f"extraction failed: {type(exc).__name__}: {exc}") from None
    fields = result if isinstance(result, dict) else {
        key: getattr(result, key, None) for key in ("text", "title", "author", "date")
    }
    text = _clean_text(fields.get("text") or "")
    if _content_length(text) < MIN_TEXT_CHARS:
        found = f"only {len(text)} characters" if text else "nothing"
        raise ParseError(url, f"no article text found ({found}; need {MIN_TEXT_CHARS})")
    return ExtractedPage(
        text=text,
        title=_choose_title(" ".join((fields.get("title") or "").split()), document),
        author=" ".join((fields.get("author") or "").split()),
        date=_parse_date(fields.get("date")),
        language=detect_language(text),
    )


def _as_utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC)


def choose_published(feed_date: datetime | None, page_date: datetime | None) -> datetime | None:
    """The article's publication date: the feed's when it has one, else the page's.

    Feeds state when the outlet published the item; page dates are guessed from markup and
    are often a "last updated" stamp. Naive datetimes are taken as UTC; the result is UTC.

    Example:
        >>> choose_published(None, datetime(2024, 1, 5, tzinfo=UTC))
        datetime.datetime(2024, 1, 5, 0, 0, tzinfo=datetime.timezone.utc)
    """
    return _as_utc(feed_date) if feed_date is not None else _as_utc(page_date)


__all__ = ["MIN_TEXT_CHARS", "choose_published", "decode_html", "extract_article"]
