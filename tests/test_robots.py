"""robots.txt cache: rules, failure policy, one fetch per origin, Crawl-delay."""

from __future__ import annotations

import asyncio
import socket
from typing import Any

import pytest

from corroborate.ingest.fetch import Fetcher
from corroborate.ingest.robots import RobotsCache, origin_of, product_token
from corroborate.settings import Settings

from .localserver import LocalServer, Response

ROBOTS = (b"User-agent: *\nDisallow: /private/\nAllow: /private/open\n\n"
          b"User-agent: otherbot\nDisallow: /\n")


def run_with_cache(settings: Settings, work: Any) -> Any:
    """Run ``work(cache)`` with a RobotsCache that fetches through a real Fetcher."""
    async def go() -> Any:
        async with Fetcher(settings) as fetcher:
            cache = RobotsCache(fetcher.fetch_robots_txt, settings.user_agent)
            return await work(cache)
    return asyncio.run(go())


def test_rules_apply_to_our_agent(settings: Settings, local_server: LocalServer) -> None:
    local_server.route("/robots.txt", Response(200, ROBOTS, {"Content-Type": "text/plain"}))

    async def work(cache: RobotsCache) -> list[bool]:
        return [await cache.allowed(local_server.url(p))
                for p in ("/news/1", "/private/x", "/private/open", "/robots.txt")]
    assert run_with_cache(settings, work) == [True, False, True, True]
    assert local_server.hits("/robots.txt") == 1


def test_concurrent_first_requests_fetch_robots_once(
    settings: Settings, local_server: LocalServer
) -> None:
    local_server.route("/robots.txt", Response(200, ROBOTS, {}))

    async def work(cache: RobotsCache) -> list[bool]:
        return list(await asyncio.gather(*(cache.allowed(local_server.url(f"/news/{i}"))
                                           for i in range(10))))
    assert run_with_cache(settings, work) == [True] * 10
    assert local_server.hits("/robots.txt") == 1


def test_each_origin_has_its_own_rules(settings: Settings, local_server: LocalServer) -> None:
    local_server.route("/robots.txt", Response(200, b"User-agent: *\nDisallow: /\n", {}))
    with LocalServer() as other:

        async def work(cache: RobotsCache) -> tuple[bool, bool, list[str]]:
            return (
                await cache.allowed(local_server.url("/a")),
                await cache.allowed(other.url("/a")),
                cache.fetched(),
            )
        blocked, allowed, origins = run_with_cache(settings, work)
    assert (blocked, allowed) == (False, True)
    assert origins == [local_server.base_url, other.base_url]


@pytest.mark.parametrize("status", [401, 403, 404, 410])
def test_client_errors_mean_no_rules(
    settings: Settings, local_server: LocalServer, status: int
) -> None:
    local_server.route("/robots.txt", Response(status, b"User-agent: *\nDisallow: /\n", {}))

    async def work(cache: RobotsCache) -> bool:
        return await cache.allowed(local_server.url("/a"))
    assert run_with_cache(settings, work) is True


@pytest.mark.parametrize("status", [500, 503])
def test_server_errors_allow_and_are_logged(settings: Settings, local_server: LocalServer,
                                            caplog: pytest.LogCaptureFixture, status: int) -> None:
    local_server.route("/robots.txt", Response(status, b"User-agent: *\nDisallow: /\n", {}))

    async def work(cache: RobotsCache) -> bool:
        return await cache.allowed(local_server.url("/a"))
    assert run_with_cache(settings, work) is True
    assert f"answered HTTP {status}; allowing all" in caplog.text


def test_unreachable_host_allows_and_is_logged(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]

    async def work(cache: RobotsCache) -> bool:
        return await cache.allowed(f"http://127.0.0.1:{port}/a")
    assert run_with_cache(settings, work) is True
    assert "unavailable (could not connect: connection refused); allowing all" in caplog.text


def test_crawl_delay_is_exposed(settings: Settings, local_server: LocalServer) -> None:
    local_server.route("/robots.txt", Response(200, b"User-agent: corroborate\nCrawl-delay: 2.5\n\n"
                                                    b"User-agent: *\nCrawl-delay: 9\n", {}))

    async def work(cache: RobotsCache) -> tuple[float | None, float | None]:
        before = cache.crawl_delay(local_server.url("/"))
        await cache.allowed(local_server.url("/a"))
        return before, cache.crawl_delay(local_server.url("/any/page"))
    assert run_with_cache(settings, work) == (None, 2.5)


def test_origin_of() -> None:
    assert origin_of("HTTPS://Example.ORG:443/a/b?c") == "https://example.org"
    assert origin_of("http://example.org:8080/x") == "http://example.org:8080"
    assert origin_of("http://[::1]:9000/") == "http://[::1]:9000"


def test_product_token() -> None:
    assert (
        product_token("corroborate/0.1 (news corroboration research tool; +https://x)")
        == "corroborate"
    )
    assert product_token("Mozilla/5.0 (X11)") == "Mozilla"
