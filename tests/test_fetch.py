"""The fetcher against a real HTTP server on 127.0.0.1 (and MockTransport for public hosts)."""

from __future__ import annotations

import asyncio
import gzip
import itertools
import logging
import socket
import threading
import time
import zlib
from collections.abc import Callable
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler
from typing import Any

import httpx
import pytest

from corroborate.errors import (
    BlockedAddressError,
    ContentTypeError,
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    RedirectError,
    RobotsDisallowedError,
    TooLargeError,
)
from corroborate.ingest.fetch import Fetcher, FetchResult
from corroborate.ingest.responses import parse_content_type, parse_retry_after
from corroborate.settings import Settings

from .localserver import LocalServer, Request, Response

# A made-up feed written for these tests.
FEED = (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        b"<title>Test wire</title><item><title>Harbour reopens</title>"
        b"<link>http://example.org/a</link></item></channel></rss>")
PAGE = b"<html><head><title>A</title></head><body><p>Harbour reopens after storm.</p></body></html>"
RSS = {"Content-Type": "application/rss+xml; charset=UTF-8"}
HTML = {"Content-Type": "text/html; charset=utf-8"}


def fetch(settings: Settings, url: str, kind: Any = "feed", **kwargs: Any) -> FetchResult:
    async def go() -> FetchResult:
        async with Fetcher(settings) as fetcher:
            return await fetcher.fetch(url, kind=kind, **kwargs)
    return asyncio.run(go())


def fetch_many(settings: Settings, urls: list[str], kind: Any = "page") -> list[Any]:
    async def go() -> list[Any]:
        async with Fetcher(settings) as fetcher:
            return await asyncio.gather(*(fetcher.fetch(u, kind=kind) for u in urls),
                                        return_exceptions=True)
    return asyncio.run(go())


def sequence(*responses: Response) -> Callable[[Request], Response]:
    """A handler answering with ``responses`` in turn, then repeating the last one."""
    calls = iter(range(10_000))

    def handler(_req: Request) -> Response:
        return responses[min(next(calls), len(responses) - 1)]
    return handler


def raw_headers(handler: BaseHTTPRequestHandler, extra: str) -> None:
    handler.wfile.write(("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                         + extra + "Connection: close\r\n\r\n").encode())


# --- successes --------------------------------------------------------------------------------


def test_feed_200_with_validators(settings: Settings, local_server: LocalServer) -> None:
    local_server.route(
        "/feed.xml",
        Response(
            200, FEED, {**RSS, "ETag": '"v1"', "Last-Modified": "Tue, 24 Nov 2026 10:00:00 GMT"}
        ),
    )
    result = fetch(settings, local_server.url("/feed.xml"))
    assert result.status == 200
    assert result.content == FEED
    assert result.url == local_server.url("/feed.xml")
    assert (result.content_type, result.charset) == ("application/rss+xml", "utf-8")
    assert result.etag == '"v1"'
    assert result.last_modified == "Tue, 24 Nov 2026 10:00:00 GMT"
    assert not result.not_modified
    assert result.elapsed > 0
    request = next(r for r in local_server.requests if r.path == "/feed.xml")
    assert request.header("User-Agent") == settings.user_agent
    assert request.header("If-None-Match") is None
    assert request.header("Accept-Encoding") == "gzip, deflate"


def test_conditional_get_answers_304(settings: Settings, local_server: LocalServer) -> None:
    def handler(req: Request) -> Response:
        if req.header("If-None-Match") == '"v1"':
            return Response(304, b"", {"ETag": '"v1"'})
        return Response(200, FEED, {**RSS, "ETag": '"v1"'})
    local_server.route("/feed.xml", handler)
    since = "Tue, 24 Nov 2026 10:00:00 GMT"
    result = fetch(settings, local_server.url("/feed.xml"), etag='"v1"', last_modified=since)
    assert result.not_modified
    assert result.status == 304
    assert result.content == b""
    assert result.etag == '"v1"'
    assert result.last_modified == since  # kept: the 304 did not repeat it
    request = next(r for r in local_server.requests if r.path == "/feed.xml")
    assert request.header("If-None-Match") == '"v1"'
    assert request.header("If-Modified-Since") == since


def test_unusable_validator_is_left_out(settings: Settings, local_server: LocalServer) -> None:
    local_server.route("/feed.xml", Response(200, FEED, RSS))
    result = fetch(settings, local_server.url("/feed.xml"), etag="\u201cv1\u201d")
    assert result.status == 200
    request = next(r for r in local_server.requests if r.path == "/feed.xml")
    assert request.header("If-None-Match") is None


def test_gzip_deflate_and_raw_deflate_bodies_are_decoded(settings: Settings,
                                                         local_server: LocalServer) -> None:
    raw_deflate = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    bodies = {
        "/gz.xml": (gzip.compress(FEED), "gzip"),
        "/two-members.xml": (gzip.compress(FEED[:50]) + gzip.compress(FEED[50:]), "gzip"),
        "/zlib.xml": (zlib.compress(FEED), "deflate"),
        "/raw.xml": (raw_deflate.compress(FEED) + raw_deflate.flush(), "deflate"),
    }
    for path, (body, encoding) in bodies.items():
        local_server.route(path, Response(200, body, {**RSS, "Content-Encoding": encoding}))
        assert fetch(settings, local_server.url(path)).content == FEED, path


# --- HTTP errors and retries --------------------------------------------------------------------


def test_404_is_not_retried(settings: Settings, local_server: LocalServer) -> None:
    with pytest.raises(HTTPStatusError) as info:
        fetch(settings, local_server.url("/missing.xml"))
    assert info.value.reason == "HTTP 404 Not Found"
    assert info.value.status == 404
    assert local_server.hits("/missing.xml") == 1


def test_500_then_success_is_retried(settings: Settings, local_server: LocalServer) -> None:
    error = Response(500, b"oops", {"Content-Type": "text/plain"})
    local_server.route("/feed.xml", sequence(error, error, Response(200, FEED, RSS)))
    result = fetch(settings.replace(retries=3), local_server.url("/feed.xml"))
    assert result.content == FEED
    assert local_server.hits("/feed.xml") == 3


def test_persistent_503_fails_after_the_retries(
    settings: Settings, local_server: LocalServer
) -> None:
    local_server.route("/feed.xml", Response(503, b"", {}))
    with pytest.raises(HTTPStatusError) as info:
        fetch(settings.replace(retries=2), local_server.url("/feed.xml"))
    assert info.value.reason == "HTTP 503 Service Unavailable after 2 retries"
    assert info.value.status == 503
    assert local_server.hits("/feed.xml") == 3


def test_429_retry_after_is_honoured(settings: Settings, local_server: LocalServer,
                                     caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="corroborate.ingest.fetch")
    local_server.route("/feed.xml", sequence(Response(429, b"", {"Retry-After": "1"}),
                                             Response(200, FEED, RSS)))
    result = fetch(settings.replace(retries=3), local_server.url("/feed.xml"))
    assert result.content == FEED
    attempts = [r for r in local_server.requests if r.path == "/feed.xml"]
    assert len(attempts) == 2
    # backoff_base is 0.01 s in tests: only the Retry-After header can explain this gap
    assert attempts[1].arrived - attempts[0].arrived >= 0.95
    assert "HTTP 429 Too Many Requests (Retry-After 1s)" in caplog.text


def test_503_retry_after_as_a_date_is_honoured_and_logged(
        settings: Settings, local_server: LocalServer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="corroborate.ingest.fetch")
    when = formatdate(time.time() + 3, usegmt=True)  # whole seconds: 2 to 3 s from now (slack)
    local_server.route("/feed.xml", sequence(Response(503, b"", {"Retry-After": when}),
                                             Response(200, FEED, RSS)))
    url = local_server.url("/feed.xml")
    assert fetch(settings.replace(retries=2), url).content == FEED
    attempts = [r for r in local_server.requests if r.path == "/feed.xml"]
    assert len(attempts) == 2 and attempts[1].arrived - attempts[0].arrived >= 0.9
    line = next(r.getMessage() for r in caplog.records if r.getMessage().startswith("retry "))
    assert line.startswith(f"retry 1/2 of {url} in ") and "HTTP 503 Service Unavailable" in line


def test_429_after_all_retries(settings: Settings, local_server: LocalServer) -> None:
    local_server.route("/feed.xml", Response(429, b"", {}))
    with pytest.raises(HTTPStatusError) as info:
        fetch(settings.replace(retries=3), local_server.url("/feed.xml"))
    assert info.value.reason == "HTTP 429 Too Many Requests after 3 retries"
    assert local_server.hits("/feed.xml") == 4


def test_retry_after_beyond_the_limit_fails_at_once(
    settings: Settings, local_server: LocalServer
) -> None:
    local_server.route("/feed.xml", Response(503, b"", {"Retry-After": "3600"}))
    with pytest.raises(HTTPStatusError) as info:
        fetch(settings.replace(max_retry_after=30.0), local_server.url("/feed.xml"))
    assert "Retry-After of 3600s exceeds max_retry_after (30s)" in info.value.reason
    assert info.value.status == 503
    assert local_server.hits("/feed.xml") == 1


def test_parse_retry_after() -> None:
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None
    ahead = parse_retry_after(formatdate(time.time() + 100, usegmt=True))
    assert ahead is not None and 95 <= ahead <= 101
    assert parse_retry_after(formatdate(time.time() - 100, usegmt=True)) == 0.0


def test_dead_host_is_a_fetch_error(settings: Settings) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # closed now: nothing listens on the port
    with pytest.raises(FetchError) as info:
        fetch(settings.replace(retries=1, respect_robots=False), f"http://127.0.0.1:{port}/feed.xml")
    assert info.value.reason == "could not connect: connection refused after 1 retry"
    assert info.value.status is None


def test_truncated_body_is_retried_then_reported(
    settings: Settings, local_server: LocalServer
) -> None:
    def short(handler: BaseHTTPRequestHandler) -> None:
        raw_headers(handler, "Content-Length: 1000\r\n")
        handler.wfile.write(FEED[:20])
    local_server.raw("/feed.xml", short)
    with pytest.raises(FetchError) as info:
        fetch(settings.replace(retries=1), local_server.url("/feed.xml"))
    assert info.value.reason.startswith("broken answer")
    assert local_server.hits("/feed.xml") == 2


@pytest.mark.parametrize(
    ("answer", "expected"),
    [(b"HTTP/1.1 abc OK\r\n\r\n", "broken answer: illegal status line"),
     (b"", "broken answer: Server disconnected without sending a response"),
     (b"HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\nxx", "broken answer: bad Content-Length"),
     (b"HTTP/1.1 302 Found\r\nLocation: http://[oops/\r\nContent-Length: 0\r\n\r\n",
      "invalid redirect location 'http://[oops/'"),
     (b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\nContent-Length: 2\r\n\r\nxx",
      "unsupported content encoding 'br'"),
     (b"HTTP/1.1 999 Odd\r\nContent-Length: 0\r\n\r\n", "HTTP 999")],
)
def test_malformed_answers_are_fetch_errors(settings: Settings, local_server: LocalServer,
                                            answer: bytes, expected: str) -> None:
    local_server.raw("/feed.xml", lambda handler: handler.wfile.write(answer))
    with pytest.raises(FetchError) as info:
        fetch(settings.replace(retries=0), local_server.url("/feed.xml"))
    assert info.value.reason.startswith(expected)


# --- redirects ----------------------------------------------------------------------------------


def test_redirect_chain_within_the_limit(settings: Settings, local_server: LocalServer) -> None:
    local_server.route("/a", Response(301, b"", {"Location": "/b"}))
    local_server.route("/b", Response(302, b"", {"Location": local_server.url("/c?x=1#frag")}))
    local_server.route("/c", Response(200, FEED, RSS))
    result = fetch(settings.replace(max_redirects=2), local_server.url("/a"))
    assert result.url == local_server.url("/c?x=1")
    assert result.content == FEED


def test_redirect_loop(settings: Settings, local_server: LocalServer) -> None:
    local_server.route("/x", Response(302, b"", {"Location": "/y"}))
    local_server.route("/y", Response(307, b"", {"Location": "/x"}))
    with pytest.raises(RedirectError) as info:
        fetch(settings, local_server.url("/x"))
    assert "redirect loop" in info.value.reason
    assert local_server.hits("/x") == 1


def test_too_many_redirects(settings: Settings, local_server: LocalServer) -> None:
    for i in range(10):
        local_server.route(f"/r{i}", Response(308, b"", {"Location": f"/r{i + 1}"}))
    with pytest.raises(RedirectError) as info:
        fetch(settings.replace(max_redirects=3), local_server.url("/r0"))
    assert info.value.reason.startswith("more than 3 redirects")
    assert [local_server.hits(f"/r{i}") for i in range(5)] == [1, 1, 1, 1, 0]


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://127.0.0.1/feed.xml"])
def test_redirect_to_another_scheme_is_refused(settings: Settings, local_server: LocalServer,
                                               target: str) -> None:
    local_server.route("/feed.xml", Response(302, b"", {"Location": target}))
    with pytest.raises(BlockedAddressError) as info:
        fetch(settings, local_server.url("/feed.xml"))
    assert info.value.url == local_server.url("/feed.xml")
    assert info.value.reason.startswith(f"redirect to {target} refused: refusing scheme")


def test_private_address_refused_without_the_opt_in(
    settings: Settings, local_server: LocalServer
) -> None:
    local_server.route("/feed.xml", Response(200, FEED, RSS))
    with pytest.raises(BlockedAddressError) as info:
        fetch(settings.replace(allow_private_addresses=False), local_server.url("/feed.xml"))
    assert "loopback address" in info.value.reason
    assert local_server.requests == []  # not even robots.txt was asked for


def test_one_of_your_own_local_hosts_is_fetched_and_no_other(
    settings: Settings, local_server: LocalServer
) -> None:
    from corroborate.ingest.netguard import address_of

    local_server.route("/feed.xml", Response(200, FEED, RSS))
    own = settings.replace(allow_private_addresses=False,
                           local_hosts=(address_of(local_server.url("/")),))
    assert fetch(own, local_server.url("/feed.xml")).status == 200
    with LocalServer() as other:  # another loopback server: still refused
        other.route("/feed.xml", Response(200, FEED, RSS))
        with pytest.raises(BlockedAddressError, match="loopback address"):
            fetch(own, other.url("/feed.xml"))
        assert other.requests == []


def test_your_own_local_hosts_are_not_paced(settings: Settings, local_server: LocalServer) -> None:
    from corroborate.ingest.netguard import address_of

    local_server.route("/a", Response(200, PAGE, HTML))
    urls = [local_server.url(f"/a?n={i}") for i in range(3)]
    fetch_many(settings.replace(per_host_delay=2.0, per_host_concurrency=3, respect_robots=False,
                                local_hosts=(address_of(local_server.url("/")),)), urls)
    starts = sorted(r.arrived for r in local_server.requests)
    assert len(starts) == 3 and starts[-1] - starts[0] < 1.0  # per_host_delay would take 4 s


def _public_host_redirecting_to(target: str, seen: list[str]) -> httpx.MockTransport:
    """A stand-in for a public server (a literal public address) that redirects to ``target``."""
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(302, headers={"Location": target})
    return httpx.MockTransport(handler)


@pytest.mark.parametrize(
    ("target", "shown"),
    [("http://169.254.169.254/latest/meta-data/", "169.254.169.254 (link-local address)"),
     ("http://10.0.0.7:8080/admin", "10.0.0.7 (private address)"),
     ("http://localhost:9/", "(loopback address) for host localhost")],
)
def test_every_redirect_hop_is_address_checked(settings: Settings, target: str, shown: str) -> None:
    seen: list[str] = []
    transport = _public_host_redirecting_to(target, seen)

    async def go() -> FetchResult:
        async with Fetcher(
            settings.replace(allow_private_addresses=False), transport=transport
        ) as f:
            return await f.fetch("http://93.184.216.34/feed.xml", kind="feed")
    with pytest.raises(BlockedAddressError) as info:
        asyncio.run(go())
    assert info.value.url == "http://93.184.216.34/feed.xml"
    assert f"redirect to {target} refused" in info.value.reason
    assert shown in info.value.reason
    assert seen == ["http://93.184.216.34/robots.txt", "http://93.184.216.34/feed.xml"]


# --- caps and timeouts --------------------------------------------------------------------------


def test_endless_response_stops_at_the_cap(settings: Settings, local_server: LocalServer) -> None:
    sent = []

    def endless(handler: BaseHTTPRequestHandler) -> None:
        raw_headers(handler, "")
        block = b"<item>" + b"x" * 65_000 + b"</item>"
        deadline = time.monotonic() + 20  # never outlive the test by much
        while time.monotonic() < deadline:
            handler.wfile.write(block)
            sent.append(len(block))
    local_server.raw("/feed.xml", endless)
    with pytest.raises(TooLargeError) as info:
        fetch(settings.replace(max_feed_bytes=300_000), local_server.url("/feed.xml"))
    assert (
        info.value.reason == "body larger than the feed size cap of 300000 bytes (max_feed_bytes)"
    )
    assert info.value.status == 200


def test_declared_length_over_the_cap_is_refused_before_reading(settings: Settings,
                                                                local_server: LocalServer) -> None:
    local_server.route("/big.html", Response(200, b"x" * 5000, HTML))
    with pytest.raises(TooLargeError, match="max_page_bytes"):
        fetch(settings.replace(max_page_bytes=1000), local_server.url("/big.html"), kind="page")


def test_gzip_bomb_stops_at_the_cap(settings: Settings, local_server: LocalServer) -> None:
    bomb = gzip.compress(b"\0" * 30_000_000, compresslevel=9)
    assert len(bomb) < 100_000
    local_server.route("/feed.xml", Response(200, bomb, {**RSS, "Content-Encoding": "gzip"}))
    with pytest.raises(TooLargeError) as info:
        fetch(settings.replace(max_feed_bytes=1_000_000), local_server.url("/feed.xml"))
    assert "feed size cap of 1000000 bytes" in info.value.reason


def test_corrupt_gzip_is_a_fetch_error(settings: Settings, local_server: LocalServer) -> None:
    local_server.route(
        "/feed.xml", Response(200, b"not gzip at all", {**RSS, "Content-Encoding": "gzip"})
    )
    with pytest.raises(FetchError, match="corrupt gzip body"):
        fetch(settings, local_server.url("/feed.xml"))


def test_slow_drip_hits_the_total_timeout(settings: Settings, local_server: LocalServer) -> None:
    def drip(handler: BaseHTTPRequestHandler) -> None:
        raw_headers(handler, "Content-Length: 100\r\n")
        for _ in range(100):
            handler.wfile.write(b"x")
            time.sleep(0.5)
    local_server.raw("/feed.xml", drip)
    # each byte comes well within the read timeout; only the total timeout can stop this
    tuned = settings.replace(read_timeout=2.0, total_timeout=1.5, retries=3)
    with pytest.raises(FetchTimeoutError) as info:
        fetch(tuned, local_server.url("/feed.xml"))
    assert info.value.reason == "total timeout: no complete answer within 1.5s"
    assert local_server.hits("/feed.xml") == 1  # a total timeout is not retried


def test_stalled_server_hits_the_read_timeout_and_is_retried(settings: Settings,
                                                             local_server: LocalServer) -> None:
    def stall(handler: BaseHTTPRequestHandler) -> None:
        raw_headers(handler, "Content-Length: 100\r\n")
        handler.wfile.write(b"<rss>")
        time.sleep(1.5)
    local_server.raw("/feed.xml", stall)
    with pytest.raises(FetchTimeoutError) as info:
        fetch(settings.replace(read_timeout=0.3, retries=1), local_server.url("/feed.xml"))
    assert info.value.reason == "read timeout: nothing received for 0.3s after 1 retry"
    assert local_server.hits("/feed.xml") == 2


# --- content types ------------------------------------------------------------------------------


@pytest.mark.parametrize("ctype", ["image/png", "video/mp4", "application/pdf"])
def test_unusable_page_type_is_refused(
    settings: Settings, local_server: LocalServer, ctype: str
) -> None:
    local_server.route("/a", Response(200, b"\x89PNG....", {"Content-Type": ctype}))
    with pytest.raises(ContentTypeError) as info:
        fetch(settings, local_server.url("/a"), kind="page")
    assert info.value.reason.startswith(f"content type {ctype} is not usable as a page")


@pytest.mark.parametrize(
    ("kind", "ctype"),
    [
        ("feed", "text/html; charset=iso-8859-1"),
        ("feed", "application/octet-stream"),
        ("feed", "application/x-rss+xml"),
        ("feed", "application/feed+json"),
        ("feed", "text/plain"),
        ("feed", ""),
        ("page", "text/html"),
        ("page", "application/xhtml+xml"),
        ("page", "text/plain"),
    ],
)
def test_usable_types_are_accepted(settings: Settings, local_server: LocalServer,
                                   kind: str, ctype: str) -> None:
    local_server.route("/a", Response(200, PAGE, {"Content-Type": ctype} if ctype else {}))
    assert fetch(settings, local_server.url("/a"), kind=kind).content == PAGE


def test_feed_refuses_an_image(settings: Settings, local_server: LocalServer) -> None:
    local_server.route("/feed", Response(200, b"GIF89a", {"Content-Type": "image/gif"}))
    with pytest.raises(ContentTypeError, match="image/gif"):
        fetch(settings, local_server.url("/feed"))


def test_parse_content_type() -> None:
    assert parse_content_type('Text/HTML; Charset="UTF-8"') == ("text/html", "utf-8")
    assert parse_content_type("") == ("", None)
    assert parse_content_type("application/xml") == ("application/xml", None)


# --- robots.txt ---------------------------------------------------------------------------------


def test_robots_disallow_and_one_robots_fetch_per_host(
    settings: Settings, local_server: LocalServer
) -> None:
    local_server.route("/robots.txt", Response(200, b"User-agent: *\nDisallow: /private/\n",
                                               {"Content-Type": "text/plain"}))
    for path in ("/news/1", "/news/2", "/news/3", "/private/x"):
        local_server.route(path, Response(200, PAGE, HTML))
    urls = [local_server.url(p) for p in ("/news/1", "/news/2", "/news/3", "/private/x")]
    results = fetch_many(settings.replace(per_host_concurrency=4), urls)
    assert [r.status for r in results[:3]] == [200, 200, 200]
    assert isinstance(results[3], RobotsDisallowedError)
    assert "robots.txt" in results[3].reason and "disallows" in results[3].reason
    assert local_server.hits("/private/x") == 0
    assert local_server.hits("/robots.txt") == 1


def test_robots_group_for_our_product_token(settings: Settings, local_server: LocalServer) -> None:
    local_server.route("/robots.txt", Response(200, b"User-agent: corroborate\nDisallow: /\n\n"
                                                    b"User-agent: *\nAllow: /\n", {}))
    local_server.route("/a", Response(200, PAGE, HTML))
    with pytest.raises(RobotsDisallowedError):
        fetch(settings, local_server.url("/a"), kind="page")
    assert (
        fetch(settings.replace(respect_robots=False), local_server.url("/a"), kind="page").status
        == 200
    )


@pytest.mark.parametrize("status", [403, 500])
def test_unavailable_robots_allows_all(
    settings: Settings, local_server: LocalServer, status: int
) -> None:
    local_server.route("/robots.txt", Response(status, b"User-agent: *\nDisallow: /\n", {}))
    local_server.route("/a", Response(200, PAGE, HTML))
    assert fetch(settings, local_server.url("/a"), kind="page").status == 200
    assert local_server.hits("/robots.txt") == 1  # robots.txt is never retried


def test_crawl_delay_spaces_requests(settings: Settings, local_server: LocalServer) -> None:
    local_server.route("/robots.txt", Response(200, b"User-agent: *\nCrawl-delay: 0.5\n", {}))
    for i in range(3):
        local_server.route(f"/p{i}", Response(200, PAGE, HTML))

    async def go() -> float | None:
        async with Fetcher(settings) as fetcher:
            await asyncio.gather(*(fetcher.fetch(local_server.url(f"/p{i}"), kind="page")
                                   for i in range(3)))
            return fetcher.robots.crawl_delay(local_server.url("/"))
    assert asyncio.run(go()) == 0.5
    starts = sorted(r.arrived for r in local_server.requests if r.path.startswith("/p"))
    assert len(starts) == 3
    # the starts are 0.5 s apart; arrival times add connection jitter, hence the margin
    assert all(b - a >= 0.3 for a, b in itertools.pairwise(starts))


# --- limits -------------------------------------------------------------------------------------


class _Gauge:
    """Counts requests being handled at once (the handler sleeps to overlap them)."""

    def __init__(self) -> None:
        self.now = 0
        self.peak = 0
        self._lock = threading.Lock()

    def handler(self, _req: Request) -> Response:
        with self._lock:
            self.now += 1
            self.peak = max(self.peak, self.now)
        time.sleep(0.25)
        with self._lock:
            self.now -= 1
        return Response(200, PAGE, HTML)


def test_per_host_concurrency_is_never_exceeded(
    settings: Settings, local_server: LocalServer
) -> None:
    gauge = _Gauge()
    local_server.route("/slow", gauge.handler)
    urls = [local_server.url(f"/slow?n={i}") for i in range(6)]
    results = fetch_many(settings.replace(per_host_concurrency=2, fetch_concurrency=8), urls)
    assert all(isinstance(r, FetchResult) for r in results)
    assert gauge.peak == 2


def test_global_concurrency_spans_hosts(settings: Settings, local_server: LocalServer) -> None:
    gauge = _Gauge()
    local_server.route("/slow", gauge.handler)
    # the same server under two host names: two per-host budgets, one global one
    other = local_server.url("/slow").replace("127.0.0.1", "localhost")
    urls = [
        local_server.url("/slow?n=1"),
        local_server.url("/slow?n=2"),
        other + "?n=3",
        other + "?n=4",
    ]
    results = fetch_many(settings.replace(per_host_concurrency=2, fetch_concurrency=3), urls)
    assert all(isinstance(r, FetchResult) for r in results), results
    assert gauge.peak == 3


def test_per_host_delay_spaces_request_starts(
    settings: Settings, local_server: LocalServer
) -> None:
    local_server.route("/a", Response(200, PAGE, HTML))
    urls = [local_server.url(f"/a?n={i}") for i in range(3)]
    fetch_many(
        settings.replace(per_host_delay=0.4, per_host_concurrency=3, respect_robots=False), urls
    )
    starts = sorted(r.arrived for r in local_server.requests)
    assert len(starts) == 3
    assert all(b - a >= 0.25 for a, b in itertools.pairwise(starts))


def test_kind_must_be_feed_or_page(settings: Settings) -> None:
    with pytest.raises(ValueError, match="kind must be"):
        fetch(settings, "http://127.0.0.1:9/", kind="image")
