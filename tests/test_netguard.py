"""The SSRF guard: address classes, schemes, name resolution."""

from __future__ import annotations

import asyncio
import ipaddress

import pytest

from corroborate.errors import BlockedAddressError, FetchError
from corroborate.ingest.netguard import check_url, classify_address


def check(url: str, allow_private: bool = False) -> None:
    asyncio.run(check_url(url, allow_private=allow_private))


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("127.0.0.1", "loopback"),
        ("127.5.6.7", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.1", "private"),
        ("10.255.255.255", "private"),
        ("172.16.0.1", "private"),
        ("172.31.255.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("fc00::1", "private"),
        ("fd12:3456::1", "private"),
        ("fe80::1", "link-local"),
        ("::ffff:127.0.0.1", "IPv4-mapped form of 127.0.0.1, a loopback"),
        ("::ffff:10.0.0.1", "IPv4-mapped form of 10.0.0.1, a private"),
        ("2002:7f00:1::1", "6to4 form of 127.0.0.1, a loopback"),
        ("64:ff9b::a9fe:a9fe", "NAT64 form of 169.254.169.254, a link-local"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("100.64.0.1", "carrier-grade NAT"),
        ("100.127.255.254", "carrier-grade NAT"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("192.0.2.1", "private"),  # TEST-NET-1 documentation range
    ],
)
def test_refused_address_classes(address: str, expected: str) -> None:
    reason = classify_address(ipaddress.ip_address(address))
    assert reason is not None
    assert expected in reason


@pytest.mark.parametrize(
    "address",
    ["93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:2800:220:1::1",
     "::ffff:93.184.216.34", "64:ff9b::5db8:d822"],
)
def test_public_addresses_are_allowed(address: str) -> None:
    assert classify_address(ipaddress.ip_address(address)) is None


def test_public_ip_literal_url_passes_without_dns() -> None:
    check("http://93.184.216.34/feed.xml")
    check("https://[2606:2800:220:1::1]:8443/feed.xml")


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("http://127.0.0.1:8080/feed", "refusing 127.0.0.1 (loopback address)"),
        ("http://[::1]/feed", "refusing ::1 (loopback address)"),
        ("http://10.1.2.3/", "refusing 10.1.2.3 (private address)"),
        ("http://169.254.169.254/latest/meta-data/", "refusing 169.254.169.254 (link-local"),
        ("http://[::ffff:127.0.0.1]/", "IPv4-mapped form of 127.0.0.1"),
        ("http://0.0.0.0:8000/", "refusing 0.0.0.0 (unspecified address)"),
    ],
)
def test_private_literals_are_refused_with_the_opt_in_hint(url: str, shown: str) -> None:
    with pytest.raises(BlockedAddressError) as info:
        check(url)
    assert shown in info.value.reason
    assert "--allow-private-addresses" in info.value.reason
    assert "CORROBORATE_ALLOW_PRIVATE_ADDRESSES=1" in info.value.reason
    assert info.value.url == url


def test_localhost_resolves_to_loopback_and_is_refused() -> None:
    with pytest.raises(BlockedAddressError) as info:
        check("http://localhost:8000/feed.xml")
    assert "for host localhost" in info.value.reason
    assert "loopback address" in info.value.reason


def test_legacy_numeric_host_is_resolved_and_refused() -> None:
    # "127.1" is not an IP literal for ipaddress, but the C resolver reads it as 127.0.0.1
    with pytest.raises(BlockedAddressError, match=r"127\.0\.0\.1 \(loopback"):
        check("http://127.1/")


def test_allow_private_lets_local_addresses_through() -> None:
    check("http://127.0.0.1:8080/feed", allow_private=True)
    check("http://localhost/feed", allow_private=True)
    check("http://[fe80::1]/", allow_private=True)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("file:///etc/passwd", "refusing scheme file:"),
        ("ftp://example.org/feed.xml", "refusing scheme ftp:"),
        ("gopher://example.org/", "refusing scheme gopher:"),
        ("javascript:alert(1)", "refusing scheme javascript:"),
        ("example.org/feed.xml", "URL has no scheme"),
    ],
)
def test_schemes_other_than_http_are_refused(url: str, shown: str) -> None:
    with pytest.raises(BlockedAddressError) as info:
        check(url, allow_private=True)
    assert shown in info.value.reason


def test_upper_case_scheme_is_accepted() -> None:
    check("HTTP://127.0.0.1/", allow_private=True)


@pytest.mark.parametrize("url", ["http:///feed.xml", "https://:443/"])
def test_missing_host_is_refused(url: str) -> None:
    with pytest.raises(BlockedAddressError, match="no host"):
        check(url, allow_private=True)


def test_invalid_port_is_refused() -> None:
    with pytest.raises(BlockedAddressError, match="invalid URL"):
        check("http://example.org:99999/", allow_private=True)


def test_unresolvable_host_is_a_dns_failure() -> None:
    # .invalid is reserved (RFC 2606) and never resolves, online or not
    with pytest.raises(FetchError) as info:
        check("http://no-such-host.invalid/feed.xml")
    assert not isinstance(info.value, BlockedAddressError)
    assert "DNS lookup failed" in info.value.reason
