"""A real HTTP server on 127.0.0.1 for tests: static files plus programmable routes.

Routes map a path to a function ``handler(req) -> Response`` or to a raw writer
``raw(req_handler)`` that writes the whole answer itself (slow drips, endless bodies,
broken framing). Every request is recorded in ``server.requests``.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

CONTENT_TYPES = {
    ".xml": "application/xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".rdf": "application/rdf+xml",
    ".json": "application/json",
    ".opml": "text/x-opml",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html",
    ".txt": "text/plain",
}


class _QuietServer(ThreadingHTTPServer):
    """A client closing its keep-alive connection is normal here, not a traceback on stderr
    (which would land in whatever a concurrent CliRunner is capturing)."""

    def handle_error(self, request: object, client_address: object) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Request:
    method: str
    path: str
    query: str
    headers: dict[str, str]
    arrived: float = 0.0  # time.monotonic() when the request arrived

    def header(self, name: str) -> str | None:
        """A request header by case-insensitive name."""
        wanted = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == wanted), None)


Handler = Callable[[Request], Response]
RawHandler = Callable[[BaseHTTPRequestHandler], None]


class LocalServer:
    """Start with ``with LocalServer() as srv:``; ``srv.url('/x')`` gives an absolute URL."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.raw_routes: dict[str, RawHandler] = {}
        self.static: list[tuple[str, Path]] = []
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        server = self

        class _H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # header and body are separate sends: no 40 ms stalls

            def log_message(self, *args: object) -> None:  # keep test output quiet
                pass

            def do_GET(self) -> None:
                self._handle(send_body=True)

            def do_HEAD(self) -> None:
                self._handle(send_body=False)

            def _handle(self, send_body: bool) -> None:
                parts = urlsplit(self.path)
                req = Request(self.command, parts.path, parts.query, dict(self.headers.items()),
                              time.monotonic())
                with server._lock:
                    server.requests.append(req)
                raw = server.raw_routes.get(parts.path)
                if raw is not None:
                    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                        raw(self)
                    self.close_connection = True
                    return
                resp = server._answer(req)
                try:
                    self.send_response(resp.status)
                    headers = {"Content-Length": str(len(resp.body)), **resp.headers}
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    if send_body:
                        self.wfile.write(resp.body)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

        self.httpd = _QuietServer(("127.0.0.1", 0), _H)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        # a short poll interval makes shutdown() (every test's teardown) 50 ms instead of 500
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        return self.base_url + (path if path.startswith("/") else "/" + path)

    def route(self, path: str, handler: Handler | Response) -> None:
        """Answer ``path`` with a fixed response or a function of the request."""
        self.routes[path] = handler if callable(handler) else (lambda _r, _x=handler: _x)

    def raw(self, path: str, writer: RawHandler) -> None:
        """Let ``writer`` produce the whole answer on the socket."""
        self.raw_routes[path] = writer

    def serve_dir(self, prefix: str, directory: Path) -> None:
        """Serve files below ``directory`` at ``prefix`` (content type from the suffix)."""
        self.static.append((prefix.rstrip("/") + "/", Path(directory)))

    def hits(self, path: str) -> int:
        with self._lock:
            return sum(1 for r in self.requests if r.path == path)

    def _answer(self, req: Request) -> Response:
        handler = self.routes.get(req.path)
        if handler is not None:
            return handler(req)
        for prefix, directory in self.static:
            if req.path.startswith(prefix):
                rel = req.path[len(prefix):]
                target = (directory / rel).resolve()
                if directory.resolve() in target.parents and target.is_file():
                    name = target.name[:-3] if target.name.endswith(".gz") else target.name
                    ctype = CONTENT_TYPES.get(Path(name).suffix.lower(), "application/octet-stream")
                    headers = {"Content-Type": ctype}
                    if target.name.endswith(".gz"):
                        headers["Content-Encoding"] = "gzip"
                    return Response(200, target.read_bytes(), headers)
        if req.path == "/robots.txt":
            return Response(404, b"not found", {"Content-Type": "text/plain"})
        return Response(404, b"not found", {"Content-Type": "text/plain"})
