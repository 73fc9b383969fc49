"""Checks and normalisation shared by the feed-list readers: URLs, languages, tags, outlets."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from ..errors import ParseError
from .urls import canonicalize

LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
_TAG_JUNK = re.compile(r"[^\w-]+")
_HOST_PREFIXES = ("www.", "feeds.", "feed.", "rss.", "rssfeeds.")


def check_url(value: str, what: str = "URL") -> str | None:
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


def unfeed(url: str) -> str:
    """The http(s) URL behind the old ``feed:`` pseudo-scheme (``feed://x`` → ``http://x``)."""
    if url[:5].lower() != "feed:":
        return url
    rest = url[5:]
    return rest if rest.lower().startswith(("http://", "https://")) else "http:" + rest


def norm_language(value: str) -> str | None:
    """A language code lower-cased with ``-`` (``EN_gb`` → ``en-gb``); "" stays ""; None if bad."""
    lang = value.strip().lower().replace("_", "-")
    return lang if not lang or LANGUAGE.match(lang) else None


def norm_tags(raw: Iterable[str]) -> tuple[str, ...]:
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


def url_key(url: str) -> str:
    """The form two feed URLs are compared in (canonical: host case, slash, tracking tags)."""
    return canonicalize(url)


__all__ = ["COUNTRY", "LANGUAGE", "check_url", "norm_language", "norm_tags", "outlet_from_url",
           "unfeed", "url_key"]
