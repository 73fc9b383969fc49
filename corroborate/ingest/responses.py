"""Reading and judging HTTP responses: bodies under a decoded-size cap, types, statuses.

The fetcher streams bodies raw and decodes gzip/deflate here, with ``max_length`` on every
inflate call, so the size cap applies to decoded bytes and memory stays bounded by it: a
few kilobytes of gzip that inflate to gigabytes stop at the cap.
"""

from __future__ import annotations

import email.utils
import http
import time
import zlib

import httpx

from ..errors import ContentTypeError, FetchError, TooLargeError

# Real feeds are often mislabelled, so plain text, HTML and octet-stream are let through
# to the feed parser, which decides.
FEED_TYPES = frozenset({"text/xml", "text/plain", "text/html", "application/octet-stream"})
FEED_SUBTYPE_HINTS = ("xml", "rss", "atom", "rdf", "json")
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
# 501 Not Implemented and 505 HTTP Version Not Supported will not change on a retry.
_NO_RETRY_5XX = frozenset({501, 505})


class Inflater:
    """Incremental gzip/deflate decoding whose output never exceeds the cap."""

    def __init__(self, encoding: str) -> None:
        self.gzip = encoding != "deflate"
        self._z = self._new()
        self._started = False

    def _new(self, raw: bool = False) -> zlib._Decompress:
        if raw:
            return zlib.decompressobj(-zlib.MAX_WBITS)
        return zlib.decompressobj(16 + zlib.MAX_WBITS if self.gzip else zlib.MAX_WBITS)

    def feed(self, data: bytes, out: bytearray, cap: int) -> None:
        """Decode ``data`` into ``out``; stop (return) as soon as ``out`` exceeds ``cap``."""
        while data and len(out) <= cap:
            try:
                # max_length keeps one call from inflating more than we are willing to hold.
                chunk = self._z.decompress(data, self._room(out, cap))
            except zlib.error:
                if self._started or self.gzip:
                    raise
                # "deflate" is often sent as raw deflate without the zlib header.
                self._z = self._new(raw=True)
                chunk = self._z.decompress(data, self._room(out, cap))
            self._started = True
            out += chunk
            tail = self._z.unconsumed_tail
            if self._z.eof:
                rest = self._z.unused_data
                if not (self.gzip and rest.startswith(b"\x1f\x8b")):
                    return  # trailing bytes after the stream are ignored
                self._z = self._new()  # concatenated gzip members
                tail = rest
            elif not chunk and tail == data:
                return
            data = tail

    @staticmethod
    def _room(out: bytearray, cap: int) -> int:
        """Output allowed from one inflate call: up to one byte past the cap, 256 KiB at most."""
        return min(cap + 1 - len(out), 262_144)

    def flush(self, out: bytearray) -> None:
        out += self._z.flush()


async def read_body(response: httpx.Response, url: str, kind: str, cap: int) -> bytes:
    """Stream the body, undoing content-encoding, and stop past ``cap`` decoded bytes."""
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if encoding in ("", "identity"):
        inflater = None
    elif encoding in ("gzip", "x-gzip", "deflate"):
        inflater = Inflater("deflate" if encoding == "deflate" else "gzip")
    else:
        raise FetchError(
            url, f"unsupported content encoding {encoding!r}", status=response.status_code
        )
    too_large = TooLargeError(
        url, f"body larger than the {kind} size cap of {cap} bytes"
             + ("" if kind == "robots" else f" (max_{kind}_bytes)"), status=response.status_code)
    declared = response.headers.get("content-length", "")
    if inflater is None and declared.isdigit() and int(declared) > cap:
        raise too_large
    out = bytearray()
    try:
        async for chunk in response.aiter_raw():
            if inflater is None:
                out += chunk
            else:
                inflater.feed(chunk, out, cap)
            if len(out) > cap:
                raise too_large
        if inflater is not None:
            inflater.flush(out)
    except zlib.error as exc:
        raise FetchError(
            url, f"corrupt {encoding} body ({exc})", status=response.status_code
        ) from exc
    if len(out) > cap:
        raise too_large
    return bytes(out)


def check_content_type(url: str, kind: str, header: str, status: int | None = None) -> None:
    """Raise ContentTypeError unless the Content-Type suits ``kind`` (absent is allowed)."""
    media_type, _ = parse_content_type(header)
    if not media_type or is_acceptable_type(media_type, kind):
        return
    wanted = ("an XML, RSS, Atom, RDF or JSON feed type" if kind == "feed"
              else "text/html, application/xhtml+xml or text/plain")
    raise ContentTypeError(url, f"content type {media_type} is not usable as a {kind} "
                                f"(expected {wanted})", status=status)


def is_acceptable_type(media_type: str, kind: str) -> bool:
    """Whether a parameter-less, lowercased media type is acceptable for ``kind``."""
    if kind == "page":
        return media_type in PAGE_TYPES
    if media_type in FEED_TYPES:
        return True
    main, _, subtype = media_type.partition("/")
    return main in ("application", "text") and any(h in subtype for h in FEED_SUBTYPE_HINTS)


def parse_content_type(header: str) -> tuple[str, str | None]:
    """("text/html", "utf-8") from "text/html; charset=UTF-8"; ("", None) when empty."""
    media_type, *params = header.split(";")
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return media_type.strip().lower(), charset


# --- statuses and errors -------------------------------------------------------------------


def is_retryable_status(status: int) -> bool:
    """429 and 5xx (but not 501/505) are worth another try."""
    return status == 429 or (500 <= status < 600 and status not in _NO_RETRY_5XX)


def status_line(status: int) -> str:
    """"HTTP 404 Not Found"."""
    try:
        phrase = http.HTTPStatus(status).phrase
    except ValueError:
        phrase = ""
    return f"HTTP {status} {phrase}".rstrip()


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), or None."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # HTTP-dates are GMT; a naive result means the zone was missing
        return None
    return max(0.0, when.timestamp() - time.time())
