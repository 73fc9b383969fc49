"""robots.txt, read once per origin per run and cached (parsed by protego).

Failure policy, chosen so a flaky robots.txt never blocks a whole outlet silently:

- 2xx: parsed; its rules (and ``Crawl-delay``) apply to our user agent.
- 4xx (404, 403, 410...): there are no rules, everything is allowed.
- 5xx, timeouts, refused connections: allowed, and logged at WARNING, so it shows.

The text is fetched through a callable given by the caller (the fetcher), so this module
holds no network code and the fetcher's limits, address guard and caps apply to it too.

Example:
    >>> robots = RobotsCache(fetcher.fetch_robots_txt, settings.user_agent)
    >>> await robots.allowed("https://example.org/news/1.html")
    True
    >>> robots.crawl_delay("https://example.org/")
    None
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

from ..errors import FetchError

log = logging.getLogger(__name__)

# (status, text) of GET <origin>/robots.txt; raises FetchError on transport trouble.
FetchText = Callable[[str], Awaitable[tuple[int, str]]]


@dataclass(frozen=True)
class _Rules:
    """What one origin's robots.txt said (``parser`` None: everything allowed)."""

    parser: Protego | None
    note: str


class RobotsCache:
    """robots.txt rules per origin, fetched at most once each, safe under concurrency.

    Args:
        fetch_text: ``async (robots_url) -> (status, text)``; raises FetchError when the
            request fails outright.
        user_agent: our User-Agent header; its product token ("corroborate") is what the
            ``User-agent:`` lines of robots.txt are matched against.
    """

    def __init__(self, fetch_text: FetchText, user_agent: str) -> None:
        self._fetch_text = fetch_text
        self.agent = product_token(user_agent)
        self._rules: dict[str, _Rules] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's origin lets our user agent fetch it."""
        rules = await self._rules_for(origin_of(url))
        return rules.parser is None or rules.parser.can_fetch(url, self.agent)

    def crawl_delay(self, url: str) -> float | None:
        """The Crawl-delay (seconds) for the origin of ``url`` (any URL on it), if one was read."""
        rules = self._rules.get(origin_of(url))
        if rules is None or rules.parser is None:
            return None
        return rules.parser.crawl_delay(self.agent)

    def fetched(self) -> list[str]:
        """Origins whose robots.txt has been looked up (in order)."""
        return list(self._rules)

    async def _rules_for(self, origin: str) -> _Rules:
        cached = self._rules.get(origin)
        if cached is not None:
            return cached
        # One lock per origin: concurrent first requests to a host wait for one fetch.
        lock = self._locks.setdefault(origin, asyncio.Lock())
        async with lock:
            cached = self._rules.get(origin)
            if cached is None:
                cached = await self._load(origin)
                self._rules[origin] = cached
            return cached

    async def _load(self, origin: str) -> _Rules:
        robots_url = origin + "/robots.txt"
        try:
            status, text = await self._fetch_text(robots_url)
        except FetchError as exc:
            log.warning("robots.txt of %s unavailable (%s); allowing all", origin, exc.reason)
            return _Rules(None, f"unavailable: {exc.reason}")
        if 200 <= status < 300:
            return _Rules(Protego.parse(text), "parsed")
        if 400 <= status < 500:
            log.debug("robots.txt of %s: HTTP %s, no rules", origin, status)
            return _Rules(None, f"HTTP {status}: no rules")
        log.warning("robots.txt of %s answered HTTP %s; allowing all", origin, status)
        return _Rules(None, f"HTTP {status}: allowing all")


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of a URL, lowercased, default ports dropped."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    default = {"http": 80, "https": 443}.get(scheme)
    return f"{scheme}://{host}" + (f":{port}" if port and port != default else "")


def product_token(user_agent: str) -> str:
    """The product token of a User-Agent ("corroborate/0.1 (...)" -> "corroborate")."""
    token = user_agent.strip().split(" ", 1)[0].split("/", 1)[0]
    return token or user_agent
