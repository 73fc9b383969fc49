"""Canonical URLs: one spelling per article, so the same story fetched twice is one article.

The rules, in order (each one is tested in tests/test_urls.py):

* surrounding whitespace and control characters are removed (courlan's ``scrub_url`` idea,
  without its guessing at doubled URLs);
* scheme and host are lower-cased, the host is IDNA-encoded (``bücher.de`` →
  ``xn--bcher-kva.de``) and loses a trailing dot; a default port (80/443) is dropped;
* the path gets RFC 3986 dot-segment removal, percent-encoding normalisation (escapes of
  unreserved characters decoded, other escapes upper-cased, spaces and non-ASCII encoded as
  UTF-8) and loses a trailing slash unless it is the root (``/a/b/`` → ``/a/b``);
* tracking parameters (``utm_*``, ``fbclid``, ``gclid``, ``mc_cid``, ``ref``, ``xtor``... see
  :data:`TRACKING_PARAMS` and :data:`TRACKING_PREFIXES`) are removed, the remaining ones are
  sorted by name (a stable sort: repeated names keep their order) and their encoding
  normalised; blank values are kept (``?a=&b`` stays meaningful) and ``&amp;`` left
  escaped by a careless feed counts as ``&``;
* the fragment is dropped.

courlan (which trafilatura brings along) is not used: its ``normalize_url`` strips
content-bearing parameters (``uid``, ``source``, ``cid``) and blank values (``?a=&b``),
re-quotes ``+`` and ``;`` in paths, keeps dot segments, fragments and non-ASCII hosts; its
``check_url``/``is_valid_url`` filter for crawling (e.g. refuse ``.jpg`` links) rather than
check a feed URL. The result here is predictable and idempotent:
``canonicalize(canonicalize(u)) == canonicalize(u)``.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit, urlunsplit

from ..errors import ParseError

#: Query parameters that only say how a reader arrived, never which page they want.
TRACKING_PARAMS: frozenset[str] = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "twclid", "yclid", "igshid", "ttclid",
        "mc_cid", "mc_eid", "ref", "ref_src", "ref_url", "referrer", "cmpid", "cmp", "intcmp",
        "ocid", "xtor", "xtref", "smid", "smtyp", "spm", "ncid", "sr_share", "mkt_tok",
        "_ga", "_gl", "_hsenc", "_hsmi", "hsctatracking", "oly_anon_id", "oly_enc_id",
        "rb_clickid", "s_cid", "vero_id", "wt.mc_id", "guccounter", "guce_referrer",
        "guce_referrer_sig", "__twitter_impression", "at_medium", "at_campaign",
    }
)
#: Name prefixes of tracking-parameter families (Google Analytics, AT Internet, comScore...).
TRACKING_PREFIXES: tuple[str, ...] = ("utm_", "at_", "ns_", "itm_", "pk_", "mtm_", "wt.", "hmb_")

_DEFAULT_PORTS = {"http": 80, "https": 443}
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# Characters that may stand literally in a path or query (RFC 3986 pchar plus "/" and "?").
_PATH_SAFE = _UNRESERVED | frozenset("!$&'()*+,;=:@/")
_QUERY_PART_SAFE = _UNRESERVED | frozenset("!$'()*+,;:@/?")  # "&" and "=" separate parts
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_CONTROL = "".join(map(chr, range(0x21)))


def is_tracking_param(name: str) -> bool:
    """True when a query parameter name is a known tracking parameter."""
    key = name.lower()
    return key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES)


def _normalise_encoding(part: str, safe: frozenset[str]) -> str:
    """Decode escapes of unreserved characters, upper-case other escapes, encode the unsafe."""
    out: list[str] = []
    i = 0
    while i < len(part):
        ch = part[i]
        if ch == "%":
            m = _ESCAPE.match(part, i)
            if m:
                decoded = chr(int(m.group(1), 16))
                out.append(decoded if decoded in _UNRESERVED else "%" + m.group(1).upper())
                i += 3
                continue
            out.append("%25")  # a stray "%" is data, not an escape
        elif ch in safe:
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))
        i += 1
    return "".join(out)


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4: resolve "." and ".." segments."""
    output: list[str] = []
    for segment in path.split("/"):
        if segment == "..":
            if len(output) > 1:
                output.pop()
        elif segment != ".":
            output.append(segment)
    result = "/".join(output)
    if path.endswith(("/.", "/..")):
        result += "/"
    return result if result.startswith("/") else "/" + result


def _host(parts: SplitResult, url: str) -> str:
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise ParseError(url, "not a URL with a host (expected http://host/...)")
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise ParseError(url, f"invalid international host name {host!r}: {exc}") from None
    host = host.lower()
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        raise ParseError(url, f"invalid port in {parts.netloc!r}") from None
    if port is not None and port != _DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{port}"
    if parts.username is not None:
        userinfo = parts.username + (f":{parts.password}" if parts.password is not None else "")
        host = f"{userinfo}@{host}"
    return host


def _query(query: str) -> str:
    kept: list[tuple[str, str]] = []
    for item in query.split("&"):
        if not item:
            continue
        name, eq, value = item.partition("=")
        while name.lower().startswith("amp;"):  # "&amp;" left escaped by a careless feed
            name = name[4:]
        if not name and not eq:
            continue
        if is_tracking_param(name.replace("%5F", "_").replace("%5f", "_")):
            continue
        name = _normalise_encoding(name, _QUERY_PART_SAFE)
        value = _normalise_encoding(value, _QUERY_PART_SAFE | {"="})
        kept.append((name, f"{name}{eq}{value}"))
    kept.sort(key=lambda pair: pair[0])  # stable: repeated names keep their order
    return "&".join(text for _, text in kept)


def canonicalize(url: str) -> str:
    """The canonical spelling of an http(s) URL (see the module docstring for the rules).

    Args:
        url: an absolute http or https URL.

    Returns:
        The canonical URL.

    Raises:
        ParseError: the URL is not an absolute http(s) URL with a host, or its port is invalid.

    Example:
        >>> canonicalize("HTTPS://Example.COM:443/a/./b/?utm_source=x&b=2&a=1#top")
        'https://example.com/a/b?a=1&b=2'
    """
    cleaned = url.strip(_CONTROL + "\u200b\ufeff")
    parts = urlsplit(cleaned)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        shown = f"{scheme!r}" if scheme else "none"
        raise ParseError(url, f"unsupported URL scheme {shown} (expected http or https)")
    host = _host(parts, url)
    path = _normalise_encoding(_remove_dot_segments(parts.path or "/"), _PATH_SAFE)
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    return urlunsplit((scheme, host, path, _query(parts.query), ""))


__all__ = ["TRACKING_PARAMS", "TRACKING_PREFIXES", "canonicalize", "is_tracking_param"]
