"""The offline demo server: the bundled FICTIONAL sample corpus as a small web of news sites.

A real HTTP server (stdlib ``ThreadingHTTPServer``) on 127.0.0.1 serves, for every outlet of
:mod:`corroborate.demo.corpus`:

    /feeds/<feed id>.xml                      RSS 2.0 (link, title, pubDate, guid, description,
                                              dc:creator), newest first
    /<outlet>/<yyyy>/<mm>/<article id>.html   one article page with realistic boilerplate
                                              (nav, cookie banner, related links, footer)
    /<outlet>/                                the outlet's front page
    /opml                                     every feed with its outlet name (OPML 2.0)
    /robots.txt                               allows everything
    /                                         an index saying the data is fictional

Pages are rendered once at start-up; answers carry an ``ETag`` and honour ``If-None-Match``
(304), so conditional fetching can be exercised. Everything rendered from the corpus is
escaped: titles and bodies are data, never markup.

Example:
    >>> with DemoServer() as server:          # doctest: +SKIP
    ...     feeds = server.feed_urls()        # FeedSpec list for ingest
    ...     server.write_feed_list("demo-feeds.csv")
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import os
import tempfile
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..domain import FeedSpec
from .corpus import SampleArticle, SampleCorpus, SampleOutlet, load_corpus
from .markup import claim_review_markup

logger = logging.getLogger(__name__)

FEED_LIST_COLUMNS: tuple[str, ...] = ("url", "outlet", "homepage", "language", "country", "tags",
                                       "kind")
FICTION_NOTE = ("Fictional sample data written for the corroborate demo; not real reporting. "
                "Outlets, domains, bylines and texts are invented.")
RSS_TYPE = "application/rss+xml; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"

# Interface words of the rendered pages, per language (the body text is the article's own).
_WORDS: dict[str, dict[str, str]] = {
    "en": {"by": "By", "related": "More from", "home": "Home", "world": "World",
           "politics": "Politics", "business": "Business", "sport": "Sport",
           "cookies": "We use cookies to improve your experience.", "accept": "Accept",
           "share": "Share this article", "newsletter": "Sign up for our morning briefing",
           "rights": "All rights reserved."},
    "fr": {"by": "Par", "related": "À lire aussi sur", "home": "Accueil", "world": "Monde",
           "politics": "Politique", "business": "Économie", "sport": "Sports",
           "cookies": "Nous utilisons des cookies pour améliorer votre expérience.",
           "accept": "Accepter", "share": "Partager cet article",
           "newsletter": "Recevez notre lettre d'information", "rights": "Tous droits réservés."},
    "ar": {"by": "بقلم", "related": "اقرأ أيضاً في", "home": "الرئيسية", "world": "العالم",
           "politics": "سياسة", "business": "اقتصاد", "sport": "رياضة",
           "cookies": "نستخدم ملفات تعريف الارتباط لتحسين تجربتك.", "accept": "موافق",
           "share": "شارك المقال", "newsletter": "اشترك في نشرتنا الصباحية",
           "rights": "جميع الحقوق محفوظة."},
}


@dataclass(frozen=True)
class _Resource:
    """One pre-rendered answer."""

    body: bytes
    content_type: str
    etag: str
    last_modified: str


def _resource(text: str, content_type: str, modified: datetime | None = None) -> _Resource:
    body = text.encode("utf-8")
    etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
    stamp = format_datetime(modified or datetime(2024, 3, 31, tzinfo=UTC), usegmt=True)
    return _Resource(body, content_type, etag, stamp)


def _e(value: str) -> str:
    """Escape text for HTML/XML content and double-quoted attributes."""
    return escape(value, quote=True)


def _words(language: str) -> dict[str, str]:
    return _WORDS.get(language, _WORDS["en"])


class DemoServer:
    """The sample corpus served over HTTP on a local port.

    Args:
        corpus: what to serve; the bundled sample corpus by default.
        host: address to bind; keep the default loopback address.
        port: port to bind; 0 picks a free one (see ``base_url``).

    Example:
        >>> with DemoServer() as server:                        # doctest: +SKIP
        ...     httpx.get(server.feed_urls()[0].url).status_code
        200
    """

    def __init__(self, corpus: SampleCorpus | None = None, host: str = "127.0.0.1",
                 port: int = 0) -> None:
        self.corpus = corpus if corpus is not None else load_corpus()
        self.hits: Counter[str] = Counter()  # path -> number of GET/HEAD requests
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer((host, port), _handler_for(self))
        self._httpd.daemon_threads = True
        bound_host, bound_port = self._httpd.server_address[:2]
        self.host = str(bound_host)
        self.port = int(bound_port)
        url_host = f"[{self.host}]" if ":" in self.host else self.host
        self.base_url = f"http://{url_host}:{self.port}"
        self._site = _render_site(self.corpus, self.base_url)
        self._thread: threading.Thread | None = None
        self._serving = threading.Event()

    # --- life cycle ---------------------------------------------------------------------

    def start(self) -> DemoServer:
        """Serve in a background thread; returns self."""
        if self._thread is None:
            self._serving.set()
            self._thread = threading.Thread(target=self._httpd.serve_forever,
                                            name="demoserver", daemon=True)
            self._thread.start()
            logger.info("demo server on %s (%s articles)", self.base_url,
                        len(self.corpus.articles))
        return self

    def stop(self) -> None:
        """Stop serving (in a thread or in ``serve_forever``) and release the port."""
        if self._serving.is_set():
            self._serving.clear()
            self._httpd.shutdown()  # blocks until serve_forever has returned
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()

    def serve_forever(self) -> None:
        """Serve in the calling thread until interrupted or ``stop()`` (for a CLI command)."""
        logger.info("demo server on %s", self.base_url)
        self._serving.set()
        try:
            self._httpd.serve_forever()
        except KeyboardInterrupt:
            self._serving.clear()
            logger.info("demo server interrupted")
        finally:
            if not self._serving.is_set():
                self._httpd.server_close()

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- addresses ----------------------------------------------------------------------

    def url(self, path: str) -> str:
        """The absolute URL of a path on this server."""
        return self.base_url + (path if path.startswith("/") else "/" + path)

    def article_url(self, article_id: str) -> str:
        """The URL of an article's page (KeyError when unknown)."""
        return self.url(self.corpus.article(article_id).path)

    def feed_urls(self) -> list[FeedSpec]:
        """Every feed as a FeedSpec: URL on this server, outlet name, fictional homepage,
        language, country and tags."""
        specs = []
        for outlet in self.corpus.outlets:
            for feed in outlet.feeds:
                specs.append(FeedSpec(url=self.url(feed.path), outlet=outlet.name,
                                      homepage=outlet.homepage, language=outlet.language,
                                      country=outlet.country, tags=outlet.tags,
                                      kind="factcheck" if "factcheck" in outlet.tags
                                      else "news"))
        return specs

    def write_feed_list(self, path: str | os.PathLike[str]) -> Path:
        """Write the feeds as the project's CSV feed list (tags joined by ``;``).

        Returns:
            The path written (atomically replaced).
        """
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                writer = csv.writer(fh, lineterminator="\n")
                writer.writerow(FEED_LIST_COLUMNS)
                for spec in self.feed_urls():
                    writer.writerow([spec.url, spec.outlet, spec.homepage, spec.language,
                                     spec.country, ";".join(spec.tags), spec.kind])
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return target

    def paths(self) -> list[str]:
        """Every path the server answers with 200."""
        return sorted(self._site)

    def _lookup(self, path: str) -> _Resource | None:
        with self._lock:
            self.hits[path] += 1
        return self._site.get(path)


def _handler_for(server: DemoServer) -> type[BaseHTTPRequestHandler]:
    """A request handler class bound to one DemoServer."""

    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "corroborate-demo/1"
        # Headers and body go out in two writes; without this, Nagle plus delayed ACKs
        # add ~40 ms to every keep-alive request.
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: object) -> None:
            logger.debug("%s - %s", self.address_string(), format % args)

        def do_GET(self) -> None:
            self._answer(send_body=True)

        def do_HEAD(self) -> None:
            self._answer(send_body=False)

        def _answer(self, send_body: bool) -> None:
            path = unquote(urlsplit(self.path).path) or "/"
            res = server._lookup(path)
            if res is None:
                res = _resource(_not_found_page(), HTML_TYPE)
                self._send(404, res, send_body)
            elif self.headers.get("If-None-Match", "") == res.etag:
                self._send(304, res, send_body=False, with_body=False)
            else:
                self._send(200, res, send_body)

        def _send(self, status: int, res: _Resource, send_body: bool,
                  with_body: bool = True) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", res.content_type)
                self.send_header("ETag", res.etag)
                self.send_header("Last-Modified", res.last_modified)
                self.send_header("Content-Length", str(len(res.body) if with_body else 0))
                self.end_headers()
                if send_body and with_body:
                    self.wfile.write(res.body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

    return _Handler


# --- rendering ----------------------------------------------------------------------------


def _render_site(corpus: SampleCorpus, base_url: str) -> dict[str, _Resource]:
    """Every page, feed and document of the site, by path."""
    site: dict[str, _Resource] = {
        "/": _resource(_index_page(corpus), HTML_TYPE),
        "/robots.txt": _resource("User-agent: *\nAllow: /\n", "text/plain; charset=utf-8"),
        "/opml": _resource(_opml(corpus, base_url), "text/x-opml; charset=utf-8"),
    }
    for outlet in corpus.outlets:
        own = sorted((a for a in corpus.articles if a.outlet == outlet.id),
                     key=lambda a: a.published, reverse=True)
        site[f"/{outlet.id}/"] = _resource(_outlet_page(outlet, own), HTML_TYPE)
        for feed in outlet.feeds:
            items = corpus.articles_of_feed(feed.id)
            newest = items[0].published if items else None
            site[feed.path] = _resource(_rss(corpus, outlet, feed.id, items, base_url),
                                        RSS_TYPE, newest)
        for article in own:
            related = _related(article, own)
            site[article.path] = _resource(_article_page(article, outlet, related, base_url),
                                           HTML_TYPE, article.published)
    return site


def _related(article: SampleArticle, own: list[SampleArticle], n: int = 3) -> list[SampleArticle]:
    """The outlet's n other articles closest in time (the 'related' box)."""
    others = [a for a in own if a.id != article.id]
    others.sort(key=lambda a: abs((a.published - article.published).total_seconds()))
    return others[:n]


def _rss(corpus: SampleCorpus, outlet: SampleOutlet, feed_id: str,
         items: list[SampleArticle], base_url: str) -> str:
    feed = corpus.feed(feed_id)
    built = items[0].published if items else datetime(2024, 3, 31, tzinfo=UTC)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:atom="http://www.w3.org/2005/Atom">',
        "<channel>",
        f"<title>{_e(feed.title)}</title>",
        f"<link>{_e(base_url + '/' + outlet.id + '/')}</link>",
        f"<description>{_e(outlet.name + ' — ' + FICTION_NOTE)}</description>",
        f"<language>{_e(outlet.language)}</language>",
        f"<copyright>{_e(FICTION_NOTE)}</copyright>",
        f"<lastBuildDate>{format_datetime(built, usegmt=True)}</lastBuildDate>",
        f'<atom:link href="{_e(base_url + feed.path)}" rel="self" type="application/rss+xml"/>',
    ]
    for a in items:
        link = base_url + a.path
        lead = a.paragraphs[0] if a.paragraphs else ""
        lines += [
            "<item>",
            f"<title>{_e(a.title)}</title>",
            f"<link>{_e(link)}</link>",
            f'<guid isPermaLink="true">{_e(link)}</guid>',
            f"<pubDate>{format_datetime(a.published, usegmt=True)}</pubDate>",
            f"<dc:creator>{_e(a.author or outlet.name)}</dc:creator>",
            f"<description>{_e(lead)}</description>",
            "</item>",
        ]
    lines += ["</channel>", "</rss>", ""]
    return "\n".join(lines)


def _opml(corpus: SampleCorpus, base_url: str) -> str:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<opml version="2.0">',
        "<head><title>corroborate demo feeds (fictional sample data)</title></head>",
        "<body>",
    ]
    for outlet in corpus.outlets:
        for feed in outlet.feeds:
            attrs: list[tuple[str, str]] = [
                ("type", "rss"), ("text", outlet.name), ("title", outlet.name),
                ("xmlUrl", base_url + feed.path), ("htmlUrl", outlet.homepage),
                ("language", outlet.language), ("country", outlet.country),
                ("category", ",".join(f"/{t}" for t in outlet.tags)),
            ]
            rendered = " ".join(f'{k}="{_e(v)}"' for k, v in attrs if v)
            lines.append(f"<outline {rendered}/>")
    lines += ["</body>", "</opml>", ""]
    return "\n".join(lines)


def _page(language: str, title: str, head: str, body: str) -> str:
    """A whole HTML document (right-to-left for Arabic)."""
    direction = ' dir="rtl"' if language == "ar" else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(language)}"{direction}>\n<head>\n'
        f'<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n{head}</head>\n<body>\n{body}</body>\n</html>\n"
    )


def _chrome(outlet: SampleOutlet) -> tuple[str, str]:
    """The site header (with nav and cookie banner) and footer of an outlet."""
    w = _words(outlet.language)
    home = f"/{_e(outlet.id)}/"
    nav = "".join(f'<li><a href="{home}#{key}">{_e(w[key])}</a></li>'
                  for key in ("world", "politics", "business", "sport"))
    header = (f'<div class="cookie-banner" role="dialog"><p>{_e(w["cookies"])}</p>'
              f'<button type="button">{_e(w["accept"])}</button></div>\n'
              f'<header class="site-header"><a class="logo" href="{home}">{_e(outlet.name)}</a>\n'
              f'<nav aria-label="sections"><ul><li><a href="{home}">{_e(w["home"])}</a></li>{nav}'
              f"</ul></nav></header>\n")
    footer = (f'<footer class="site-footer"><p class="newsletter"><a href="{home}#newsletter">'
              f'{_e(w["newsletter"])}</a></p>\n<p>© 2024 {_e(outlet.name)}. {_e(w["rights"])} '
              f'<a href="/">{_e(FICTION_NOTE)}</a></p></footer>\n')
    return header, footer


def _article_page(a: SampleArticle, outlet: SampleOutlet, related: list[SampleArticle],
                  base_url: str) -> str:
    w = _words(a.language)
    url = base_url + a.path
    iso = a.published.strftime("%Y-%m-%dT%H:%M:%SZ")
    lead = a.paragraphs[0] if a.paragraphs else ""
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
          "datePublished": iso, "inLanguage": a.language, "url": url,
          "author": {"@type": "Person", "name": a.author or outlet.name},
          "publisher": {"@type": "Organization", "name": outlet.name}}
    review = claim_review_markup(a, outlet, url, iso)
    # one page in three of each form fact-checkers use: @graph (fr), an array (ar), two blocks
    markup: Any = ld
    if review and a.language == "fr":
        markup = {"@context": "https://schema.org", "@graph": [ld, review]}
    elif review and a.language == "ar":
        markup = [ld, review]
    # "<" escaped as \u003c so no title can close the script element early.
    ld_text = json.dumps(markup, ensure_ascii=False).replace("<", "\\u003c")
    if review and a.language not in ("fr", "ar"):
        ld_text += ("</script>\n<script type=\"application/ld+json\">"
                    + json.dumps(review, ensure_ascii=False).replace("<", "\\u003c"))
    head = (f'<meta name="description" content="{_e(lead[:200])}">\n'
            f'<meta name="author" content="{_e(a.author)}">\n'
            f'<meta property="og:type" content="article">\n'
            f'<meta property="og:title" content="{_e(a.title)}">\n'
            f'<meta property="og:site_name" content="{_e(outlet.name)}">\n'
            f'<meta property="og:url" content="{_e(url)}">\n'
            f'<meta property="article:published_time" content="{iso}">\n'
            f'<link rel="canonical" href="{_e(url)}">\n'
            f'<script type="application/ld+json">{ld_text}</script>\n')
    header, footer = _chrome(outlet)
    paragraphs = "\n".join(f"<p>{_e(p)}</p>" for p in a.paragraphs)
    byline = (f'<p class="byline">{_e(w["by"])} <span class="author">{_e(a.author)}</span> · '
              if a.author else '<p class="byline">')
    human = a.published.strftime("%d/%m/%Y %H:%M UTC")
    links = "\n".join(f'<li><a href="{_e(r.path)}">{_e(r.title)}</a></li>' for r in related)
    body = (f"{header}<main>\n<article>\n<h1>{_e(a.title)}</h1>\n"
            f'{byline}<time datetime="{iso}">{_e(human)}</time></p>\n{paragraphs}\n'
            f'<p class="share"><a href="{_e(outlet.homepage)}share">{_e(w["share"])}</a></p>\n'
            f"</article>\n<aside class=\"related\"><h2>{_e(w['related'])} {_e(outlet.name)}</h2>\n"
            f"<ul>\n{links}\n</ul></aside>\n</main>\n{footer}")
    return _page(a.language, f"{a.title} | {outlet.name}", head, body)


def _outlet_page(outlet: SampleOutlet, own: list[SampleArticle]) -> str:
    header, footer = _chrome(outlet)
    items = "\n".join(
        f'<li><a href="{_e(a.path)}">{_e(a.title)}</a> '
        f'<time datetime="{a.published:%Y-%m-%dT%H:%M:%SZ}">{a.published:%Y-%m-%d}</time></li>'
        for a in own)
    feeds = " ".join(f'<a href="{_e(f.path)}">RSS: {_e(f.title)}</a>' for f in outlet.feeds)
    links = "\n".join(f'<link rel="alternate" type="application/rss+xml" title="{_e(f.title)}" '
                      f'href="{_e(f.path)}">' for f in outlet.feeds)
    body = (f"{header}<main>\n<h1>{_e(outlet.name)}</h1>\n<p>{feeds}</p>\n"
            f"<ul>\n{items}\n</ul>\n</main>\n{footer}")
    return _page(outlet.language, outlet.name, links + "\n", body)


def _index_page(corpus: SampleCorpus) -> str:
    rows = "\n".join(
        f'<li><a href="/{_e(o.id)}/">{_e(o.name)}</a> ({_e(o.language)}, {_e(o.country)}, '
        f'{_e(", ".join(o.tags))}): '
        + " ".join(f'<a href="{_e(f.path)}">{_e(f.title)}</a>' for f in o.feeds) + "</li>"
        for o in corpus.outlets)
    body = (
        f"<main>\n<h1>corroborate demo</h1>\n<p><strong>{_e(FICTION_NOTE)}</strong></p>\n"
        f'<p>{_e(corpus.note)}</p>\n<p><a href="/opml">OPML</a></p>\n<ul>\n{rows}\n</ul>\n</main>\n'
    )
    return _page("en", "corroborate demo: fictional sample outlets", "", body)


def _not_found_page() -> str:
    return _page(
        "en", "Not found", "", '<main><h1>Not found</h1><p><a href="/">Index</a></p></main>\n'
    )


# A callable used by a future CLI command: ``serve(port=8765)`` blocks until Ctrl-C.
def serve(port: int = 0, host: str = "127.0.0.1",
          on_ready: Callable[[DemoServer], None] | None = None) -> None:
    """Serve the bundled sample corpus until interrupted; ``on_ready`` sees the server first."""
    server = DemoServer(host=host, port=port)
    if on_ready is not None:
        on_ready(server)
    server.serve_forever()


__all__ = ["FEED_LIST_COLUMNS", "FICTION_NOTE", "DemoServer", "load_corpus", "serve"]
