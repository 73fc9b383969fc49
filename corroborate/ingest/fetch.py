"""The only network code of corroborate: polite, bounded, guarded HTTP GETs with httpx.

Every request goes through the same path:

1. :func:`corroborate.ingest.netguard.check_url` on the URL and on every redirect hop
   (redirects are followed by hand, never by httpx, so no hop escapes the guard); a private
   address passes only with ``allow_private_addresses`` or when its ``host:port`` is one of
   ``local_hosts`` (your own servers: the demo's sample server);
2. robots.txt of the hop's origin when ``respect_robots`` (:class:`RobotsCache`);
3. a per-host slot (``per_host_concurrency``), a global slot (``fetch_concurrency``) and
   the per-host pacing gate (``per_host_delay``, or a larger robots ``Crawl-delay``; none
   for ``local_hosts`` beyond their Crawl-delay);
4. the exchange under ``total_timeout`` (connect/read timeouts are httpx's; the total one
   covers streaming the body too, so a server dripping a byte at a time cannot hold us);
5. the body streamed raw and decoded here, so the size cap applies to *decoded* bytes
   with bounded memory (a gzip bomb stops at the cap);
6. retries (run by tenacity) with exponential backoff and full jitter on transport errors,
   429 and 5xx, honouring ``Retry-After`` up to ``max_retry_after`` (beyond it: an error).

Every failure is a :class:`~corroborate.errors.FetchError` subclass with a short ``reason``
(and ``status`` when there was one); httpx exceptions never escape.

Limitation: the address check resolves the host name and httpx resolves it again when it
connects, so DNS rebinding between the two is possible (see netguard's docstring).

Example:
    >>> async with Fetcher(settings) as fetcher:
    ...     result = await fetcher.fetch("https://example.org/feed.xml", kind="feed")
    >>> result.status, result.content_type
    (200, 'application/rss+xml')
"""

from __future__ import annotations

import asyncio
import functools
import logging
import socket
import ssl
import time
from dataclasses import dataclass, field
from types import TracebackType
from typing import Literal
from urllib.parse import urldefrag, urljoin, urlsplit

import httpx
import tenacity

from ..errors import (
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    RedirectError,
    RobotsDisallowedError,
)
from ..settings import Settings
from .netguard import address_of, check_url
from .responses import (
    check_content_type,
    is_retryable_status,
    parse_content_type,
    parse_retry_after,
    read_body,
    status_line,
)
from .robots import RobotsCache, origin_of

log = logging.getLogger(__name__)

Kind = Literal["feed", "page"]
_AnyKind = Literal["feed", "page", "robots"]

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_CRAWL_DELAY = 10.0  # a robots Crawl-delay above this is capped (one host must not stall a run)
MAX_BACKOFF = 30.0
ROBOTS_MAX_BYTES = 512_000  # Google reads the first 500 KiB of a robots.txt

ACCEPT = {
    "feed": "application/rss+xml, application/atom+xml, application/feed+json, "
            "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5",
    "page": "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5",
    "robots": "text/plain, */*;q=0.5",
}


@dataclass(frozen=True)
class FetchResult:
    """One successful fetch (or a 304 Not Modified).

    Attributes:
        url: final URL after redirects.
        status: 200 (or another 2xx), or 304 when not modified.
        content: the body with content-encoding (gzip, deflate) undone; b"" when not modified.
        content_type: media type without parameters, lowercased ("" if absent).
        charset: the ``charset`` parameter of Content-Type, lowercased, if any.
        etag: the ETag to send next time (the old one kept when a 304 omits it).
        last_modified: the Last-Modified to send next time (likewise).
        not_modified: the server answered 304 to our conditional GET.
        elapsed: seconds for the whole fetch, redirects, retries and waits included.
    """

    url: str
    status: int
    content: bytes
    content_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None
    not_modified: bool
    elapsed: float


@dataclass(frozen=True)
class _Answer:
    """One HTTP exchange as far as we read it."""

    url: str
    status: int
    headers: httpx.Headers
    content: bytes = b""


class _Transient(Exception):  # an internal signal, never raised out of the fetcher
    """A failure worth retrying; ``error`` is what to raise when retries run out, ``why``
    what the retry's log line says, ``retry_after`` the server's wish in seconds."""

    def __init__(self, error: FetchError, *, why: str = "",
                 retry_after: float | None = None) -> None:
        super().__init__(error.reason)
        self.error = error
        self.why = why or error.reason
        self.retry_after = retry_after


def _wait(backoff: tenacity.wait.wait_base, state: tenacity.RetryCallState) -> float:
    """The server's Retry-After when it sent one (already checked against the limit), else
    the jittered backoff."""
    error = state.outcome.exception() if state.outcome is not None else None
    if isinstance(error, _Transient) and error.retry_after is not None:
        return error.retry_after
    return float(backoff(state))


def _log_retry(url: str, retries: int, state: tenacity.RetryCallState) -> None:
    error = state.outcome.exception() if state.outcome is not None else None
    why = error.why if isinstance(error, _Transient) else str(error)
    delay = state.next_action.sleep if state.next_action is not None else 0.0
    log.info("retry %s/%s of %s in %.2fs: %s", state.attempt_number, retries, url, delay, why)


@dataclass
class _Host:
    """Per-host limits: concurrent requests and the earliest next request start."""

    slots: asyncio.Semaphore
    gate: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_start: float = 0.0


class Fetcher:
    """Async HTTP fetcher with limits, retries, caps and guards; use as a context manager.

    Args:
        settings: fetch settings (user agent, limits, timeouts, caps, robots, private
            address opt-in).
        transport: an httpx transport to use instead of the network (e.g.
            ``httpx.MockTransport`` in tests); limits then come from the transport.

    Example:
        >>> async with Fetcher(settings) as fetcher:
        ...     feed = await fetcher.fetch(url, kind="feed", etag=old_etag)
        ...     if not feed.not_modified:
        ...         parse_feed(feed.content, feed.url)

    One Fetcher serves one event loop (its limits are asyncio primitives) and one run: its
    robots.txt cache and per-host pacing live as long as it does.
    """

    def __init__(
        self, settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.settings = settings
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self._slots = asyncio.Semaphore(max(1, settings.fetch_concurrency))
        self._hosts: dict[str, _Host] = {}
        self.robots = RobotsCache(self.fetch_robots_txt, settings.user_agent)

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        self._client = httpx.AsyncClient(
            transport=self._transport,
            timeout=httpx.Timeout(connect=s.connect_timeout, read=s.read_timeout,
                                  write=s.read_timeout, pool=s.total_timeout),
            limits=httpx.Limits(max_connections=max(1, s.fetch_concurrency),
                                max_keepalive_connections=max(1, s.fetch_concurrency)),
            verify=_ssl_context(),
            follow_redirects=False,  # redirects are followed by hand, each hop address-checked
            trust_env=False,  # no proxies or .netrc from the environment: settings say it all
            # We decode bodies ourselves (size cap on decoded bytes), so offer only what we decode.
            headers={"User-Agent": s.user_agent, "Accept-Encoding": "gzip, deflate"},
        )
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def fetch(self, url: str, *, kind: Kind, etag: str | None = None,
                    last_modified: str | None = None) -> FetchResult:
        """GET ``url`` as a feed or an article page.

        Args:
            url: absolute http(s) URL.
            kind: ``"feed"`` or ``"page"``: picks the size cap and the acceptable content types.
            etag: ETag from the last fetch, sent as If-None-Match.
            last_modified: Last-Modified from the last fetch, sent as If-Modified-Since.

        Returns:
            The result; ``not_modified`` is true (and ``content`` empty) on a 304.

        Raises:
            FetchError: or a subclass (BlockedAddressError, RobotsDisallowedError,
                HTTPStatusError, TooLargeError, ContentTypeError, RedirectError,
                FetchTimeoutError), with a short ``reason``.

        Example:
            >>> r = await fetcher.fetch("https://example.org/a.html", kind="page")
            >>> r.content_type, r.charset
            ('text/html', 'utf-8')
        """
        if kind not in ("feed", "page"):
            raise ValueError(f"kind must be 'feed' or 'page', not {kind!r}")
        started = time.monotonic()
        headers = {"Accept": ACCEPT[kind]}
        # Validators are only an optimisation: one that cannot go in a header is left out.
        if etag and etag.isascii():
            headers["If-None-Match"] = etag
        if last_modified and last_modified.isascii():
            headers["If-Modified-Since"] = last_modified
        cap = self.settings.max_feed_bytes if kind == "feed" else self.settings.max_page_bytes
        answer = await self._follow(url, kind, headers, cap, retries=self.settings.retries,
                                    check_robots=self.settings.respect_robots)
        content_type, charset = parse_content_type(answer.headers.get("content-type", ""))
        not_modified = answer.status == 304
        return FetchResult(
            url=answer.url,
            status=answer.status,
            content=b"" if not_modified else answer.content,
            content_type=content_type,
            charset=charset,
            etag=answer.headers.get("etag") or (etag if not_modified else None),
            last_modified=answer.headers.get("last-modified")
            or (last_modified if not_modified else None),
            not_modified=not_modified,
            elapsed=time.monotonic() - started,
        )

    async def fetch_robots_txt(self, robots_url: str) -> tuple[int, str]:
        """(status, text) of a robots.txt; error statuses are returned, not raised."""
        try:
            answer = await self._follow(robots_url, "robots", {"Accept": ACCEPT["robots"]},
                                        ROBOTS_MAX_BYTES, retries=0, check_robots=False)
        except HTTPStatusError as exc:
            return exc.status or 0, ""
        return answer.status, answer.content.decode("utf-8", errors="replace").lstrip("\ufeff")

    # --- redirects and retries -------------------------------------------------------------

    async def _follow(self, url: str, kind: _AnyKind, headers: dict[str, str], cap: int, *,
                      retries: int, check_robots: bool) -> _Answer:
        """Fetch ``url`` following redirects by hand, checking every hop."""
        await self._guard(url, url)
        current, seen = url, {url}
        hops = 0
        while True:
            if check_robots and not await self.robots.allowed(current):
                raise RobotsDisallowedError(
                    url, f"robots.txt of {origin_of(current)} disallows {current}"
                )
            answer = await self._with_retries(current, kind, headers, cap, retries)
            if answer.status not in REDIRECT_STATUSES:
                return answer
            location = answer.headers.get("location", "").strip()
            if not location:
                raise HTTPStatusError(
                    url,
                    f"{status_line(answer.status)} without a Location header",
                    status=answer.status,
                )
            try:
                target = urldefrag(urljoin(current, location)).url
            except ValueError as exc:
                raise RedirectError(url, f"invalid redirect location {location!r}",
                                    status=answer.status) from exc
            if hops >= self.settings.max_redirects:
                raise RedirectError(url, f"more than {self.settings.max_redirects} redirects "
                                         f"(max_redirects), last to {target}", status=answer.status)
            if target in seen:
                raise RedirectError(url, f"redirect loop: {current} redirects back to {target}",
                                    status=answer.status)
            await self._guard(url, target)
            log.debug("redirect %s -> %s (%s)", current, target, answer.status)
            seen.add(target)
            current = target
            hops += 1

    async def _guard(self, url: str, target: str) -> None:
        """check_url on ``target``; for a redirect hop the error names the original URL."""
        try:
            allow = (self.settings.allow_private_addresses
                     or address_of(target) in self.settings.local_hosts)
            await check_url(target, allow_private=allow, timeout=self.settings.connect_timeout)
        except FetchError as exc:
            if target == url:
                raise
            raise type(exc)(url, f"redirect to {target} refused: {exc.reason}") from exc

    async def _with_retries(self, url: str, kind: _AnyKind, headers: dict[str, str], cap: int,
                            retries: int) -> _Answer:
        """One hop: retry transport errors, 429 and 5xx; other 4xx/5xx become HTTPStatusError.

        tenacity runs the loop: up to ``retries`` retries, each after the server's
        Retry-After when it sent one, else after exponential backoff with full jitter.
        """
        retrying = tenacity.AsyncRetrying(
            stop=tenacity.stop_after_attempt(retries + 1),
            wait=functools.partial(_wait, self._backoff),
            retry=tenacity.retry_if_exception_type(_Transient),
            before_sleep=functools.partial(_log_retry, url, retries),
            reraise=True,
        )
        try:
            return await retrying(self._checked_attempt, url, kind, headers, cap)
        except _Transient as transient:
            error = transient.error
            after = f" after {retries} {'retry' if retries == 1 else 'retries'}" if retries else ""
            raise type(error)(error.url, error.reason + after, status=error.status) from transient

    async def _checked_attempt(self, url: str, kind: _AnyKind, headers: dict[str, str],
                               cap: int) -> _Answer:
        """One attempt; a retryable status becomes :class:`_Transient`, an error status an
        :class:`HTTPStatusError` (as does a Retry-After beyond ``max_retry_after``)."""
        answer = await self._attempt(url, kind, headers, cap)
        status = answer.status
        if not is_retryable_status(status):
            if status >= 400 or (300 <= status < 400 and status not in REDIRECT_STATUSES
                                 and status != 304):
                raise HTTPStatusError(url, status_line(status), status=status)
            return answer
        retry_after = parse_retry_after(answer.headers.get("retry-after"))
        if retry_after is not None and retry_after > self.settings.max_retry_after:
            raise HTTPStatusError(
                url, f"{status_line(status)}: Retry-After of {retry_after:.0f}s exceeds "
                     f"max_retry_after ({self.settings.max_retry_after:g}s)", status=status)
        why = status_line(status) + (f" (Retry-After {retry_after:g}s)"
                                     if retry_after is not None else "")
        raise _Transient(HTTPStatusError(url, status_line(status), status=status),
                         why=why, retry_after=retry_after)

    @property
    def _backoff(self) -> tenacity.wait.wait_base:
        """Exponential backoff with full jitter: uniform in [0, base * 2**(attempt - 1)]."""
        return tenacity.wait_random_exponential(multiplier=self.settings.backoff_base,
                                                max=MAX_BACKOFF)

    # --- one exchange ------------------------------------------------------------------------

    async def _attempt(
        self, url: str, kind: _AnyKind, headers: dict[str, str], cap: int
    ) -> _Answer:
        """One request under the host and global limits and the total timeout."""
        host = self._host(url)
        # Host slot before the global one, so a busy host waits without holding global slots.
        async with host.slots, self._slots:
            await self._wait_turn(host, url)
            total = self.settings.total_timeout
            try:
                async with asyncio.timeout(total):
                    return await self._exchange(url, kind, headers, cap)
            except TimeoutError as exc:
                # Not retried: a server this slow would cost total_timeout per attempt.
                raise FetchTimeoutError(
                    url, f"total timeout: no complete answer within {total:g}s"
                ) from exc

    def _host(self, url: str) -> _Host:
        key = (urlsplit(url).hostname or "").lower()
        host = self._hosts.get(key)
        if host is None:
            host = self._hosts[key] = _Host(
                asyncio.Semaphore(max(1, self.settings.per_host_concurrency))
            )
        return host

    async def _wait_turn(self, host: _Host, url: str) -> None:
        """Space request starts to one host by per_host_delay (or a larger Crawl-delay)."""
        # politeness is for other people's servers: our own local ones are not paced
        own = address_of(url) in self.settings.local_hosts
        delay = 0.0 if own else self.settings.per_host_delay
        if self.settings.respect_robots:
            crawl_delay = self.robots.crawl_delay(url)
            if crawl_delay:
                delay = max(delay, min(crawl_delay, MAX_CRAWL_DELAY))
        async with host.gate:
            wait = host.next_start - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            host.next_start = time.monotonic() + delay

    async def _exchange(
        self, url: str, kind: _AnyKind, headers: dict[str, str], cap: int
    ) -> _Answer:
        """Send the request and, for a 2xx, stream the body; httpx errors become FetchErrors."""
        if self._client is None:
            raise RuntimeError("use the Fetcher as `async with Fetcher(settings) as fetcher:`")
        try:
            request = self._client.build_request("GET", url, headers=headers)
        except (httpx.InvalidURL, httpx.HTTPError, ValueError) as exc:
            raise FetchError(url, f"invalid URL or request ({exc})") from exc
        try:
            response = await self._client.send(request, stream=True)
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
            raise _classify_httpx_error(url, exc, self.settings) from exc
        try:
            status = response.status_code
            if not 200 <= status < 300:
                return _Answer(url, status, response.headers)
            if kind != "robots":
                check_content_type(url, kind, response.headers.get("content-type", ""), status)
            content = await read_body(response, url, kind, cap)
            return _Answer(url, status, response.headers, content)
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
            raise _classify_httpx_error(
                url, exc, self.settings, status=response.status_code
            ) from exc
        finally:
            await response.aclose()


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One verifying TLS context (certifi's CA bundle) per process: building it costs ~0.4 s."""
    return httpx.create_ssl_context(trust_env=False)


def _classify_httpx_error(url: str, exc: Exception, settings: Settings,
                          status: int | None = None) -> Exception:
    """An httpx exception as a FetchError, wrapped in _Transient when a retry may help."""
    s = _root_cause(exc)
    error: FetchError
    if isinstance(exc, httpx.ConnectTimeout):
        error = FetchTimeoutError(
            url, f"connect timeout ({settings.connect_timeout:g}s)", status=status
        )
    elif isinstance(exc, httpx.ReadTimeout):
        error = FetchTimeoutError(
            url, f"read timeout: nothing received for {settings.read_timeout:g}s", status=status
        )
    elif isinstance(exc, httpx.TimeoutException):
        error = FetchTimeoutError(url, f"timeout ({type(exc).__name__})", status=status)
    elif isinstance(exc, httpx.ConnectError):
        error = FetchError(url, f"could not connect: {s}", status=status)
    elif isinstance(exc, httpx.RemoteProtocolError):
        error = FetchError(url, f"broken answer: {s}", status=status)
    elif isinstance(exc, httpx.NetworkError):
        error = FetchError(url, f"network error: {s}", status=status)
    else:
        return FetchError(url, f"request failed: {s}", status=status)
    return _Transient(error)


def _root_cause(exc: BaseException) -> str:
    """The most telling message in an exception chain ("connection refused")."""
    innermost: BaseException = exc
    cursor: BaseException | None = exc
    for _ in range(10):
        if cursor is None:
            break
        innermost = cursor
        cursor = cursor.__cause__ or cursor.__context__
    if isinstance(innermost, ConnectionRefusedError):
        return "connection refused"
    if isinstance(innermost, socket.gaierror):
        return "DNS lookup failed"
    if isinstance(innermost, OSError) and innermost.strerror:
        return innermost.strerror.lower() if innermost.errno else innermost.strerror
    return str(exc).strip().rstrip(".") or type(exc).__name__


__all__ = ["ACCEPT", "FetchResult", "Fetcher", "Kind"]
