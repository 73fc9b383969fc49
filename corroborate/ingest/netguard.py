"""SSRF guard: refuse URLs whose scheme is not http(s) or whose host is not a public address.

A feed list is user input, and feeds and pages redirect wherever they like, so every URL
the fetcher touches (every redirect hop included) passes :func:`check_url` first. Unless
local addresses are explicitly allowed, the host must be a public IP literal or a name
whose *every* resolved address is public: loopback, private, link-local, multicast,
shared (CGNAT), reserved and unspecified addresses are refused, and so are IPv6 forms
that embed one of those (IPv4-mapped ``::ffff:a.b.c.d``, 6to4 ``2002::/16``, NAT64
``64:ff9b::/96``).

Limitation (DNS rebinding): the name is resolved here and again by httpx when it
connects, so a hostile DNS server could answer differently the second time. Pinning the
checked address into the connection would close that gap; for a news reader fetching
public feeds the check-then-connect window is an accepted risk.

Example:
    >>> await check_url("https://example.org/feed.xml", allow_private=False)
    >>> await check_url("http://localhost/feed", allow_private=False)
    Traceback (most recent call last):
    BlockedAddressError: http://localhost/feed: refusing 127.0.0.1 (loopback address) ...
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

from ..errors import BlockedAddressError, FetchError

ALLOWED_SCHEMES = ("http", "https")
OPT_IN_HINT = (
    "set --allow-private-addresses / CORROBORATE_ALLOW_PRIVATE_ADDRESSES=1 to allow local feeds"
)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# RFC 6598 shared address space: not "private" to the ipaddress module, but never public.
_SHARED = ipaddress.IPv4Network("100.64.0.0/10")
# RFC 6052 well-known NAT64 prefix: the last 32 bits are the IPv4 address really reached.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def address_of(url: str) -> str:
    """``host:port`` of a URL, the default port filled in; empty when it has no host.

    Example:
        >>> address_of("http://127.0.0.1:8765/feeds/a.xml"), address_of("https://example.org/x")
        ('127.0.0.1:8765', 'example.org:443')
    """
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        return ""
    return f"{parts.hostname}:{port}" if parts.hostname else ""


async def check_url(url: str, *, allow_private: bool, timeout: float = 10.0) -> None:
    """Refuse a URL that is not http(s) or whose host is not a public address.

    Args:
        url: the absolute URL about to be requested.
        allow_private: when true only the scheme and host presence are checked (local
            feeds, tests, the demo), but the host name must still resolve.
        timeout: seconds allowed for the DNS lookup.

    Raises:
        BlockedAddressError: bad scheme, no host, or a non-public address.
        FetchError: the host name does not resolve ("DNS lookup failed").

    Example:
        >>> await check_url("http://169.254.169.254/latest/meta-data", allow_private=False)
        Traceback (most recent call last):
        BlockedAddressError: ...: refusing 169.254.169.254 (link-local address); ...
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise BlockedAddressError(url, f"invalid URL ({exc})") from exc
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        shown = f"refusing scheme {scheme}:" if scheme else "URL has no scheme"
        raise BlockedAddressError(url, f"{shown} (only http and https are fetched)")
    host = parts.hostname
    if not host:
        raise BlockedAddressError(url, "URL has no host")
    literal = _parse_ip(host)
    if literal is not None:
        if not allow_private:
            problem = classify_address(literal)
            if problem is not None:
                raise BlockedAddressError(url, f"refusing {literal} ({problem}); {OPT_IN_HINT}")
        return
    addresses = await _resolve(url, host, port or (443 if scheme == "https" else 80), timeout)
    if allow_private:
        return
    for address in addresses:
        problem = classify_address(address)
        if problem is not None:
            raise BlockedAddressError(
                url, f"refusing {address} ({problem}) for host {host}; {OPT_IN_HINT}"
            )


def classify_address(address: IPAddress) -> str | None:
    """Why ``address`` is refused (e.g. "loopback address"), or None when it is public."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded, form = _embedded_ipv4(address)
        if embedded is not None:
            inner = classify_address(embedded)
            return f"{form} form of {embedded}, a {inner}" if inner else None
    if address.is_unspecified:
        return "unspecified address"
    if address.is_loopback:
        return "loopback address"
    if address.is_link_local:
        return "link-local address"
    if address.is_multicast:
        return "multicast address"
    if isinstance(address, ipaddress.IPv4Address) and address in _SHARED:
        return "shared/carrier-grade NAT address"
    if address.is_reserved:
        return "reserved address"
    if address.is_private:
        return "private address"
    if not address.is_global:
        return "non-public address"
    return None


def _embedded_ipv4(address: ipaddress.IPv6Address) -> tuple[ipaddress.IPv4Address | None, str]:
    """The IPv4 address an IPv6 address stands for (mapped, 6to4, NAT64), if any."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped, "IPv4-mapped"
    if address.sixtofour is not None:
        return address.sixtofour, "6to4"
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF), "NAT64"
    return None, ""


def _parse_ip(text: str) -> IPAddress | None:
    """The address when ``text`` is an IP literal (scope id dropped), else None."""
    try:
        return ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None


async def _resolve(url: str, host: str, port: int, timeout: float) -> list[IPAddress]:
    """Every address ``host`` resolves to (a name must yield at least one)."""
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(timeout):
            infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError, TimeoutError) as exc:
        # Legacy numeric forms ("127.1", "0x7f.1", "2130706433") are resolved by
        # getaddrinfo as IPv4 addresses and so land in the address checks below.
        raise FetchError(url, f"DNS lookup failed for host {host}") from exc
    addresses: list[IPAddress] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        address = _parse_ip(str(sockaddr[0]))
        if address is not None and address not in addresses:
            addresses.append(address)
    if not addresses:
        raise FetchError(url, f"DNS lookup failed for host {host} (no addresses)")
    return addresses
