"""One fetched page → an article and its passages (the CPU-bound step of an ingest).

Runs in a worker thread: decode, extract, pick the date (feed first) and the language (the
text's, else what the page, the feed list or the feed declared), hash, split into passages,
compute what origin clustering reads (wire credits, names and numbers, MinHash), and read the
fact-checks (ClaimReview markup) the page carries, whatever the feed's kind.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from ..domain import (
    Article,
    ClaimReview,
    FeedEntry,
    FeedSpec,
    Passage,
    article_id_for,
    content_hash,
)
from ..errors import FetchError, FetchTimeoutError, HTTPStatusError, ParseError
from ..factcheck.claimreview import extract_claim_reviews
from ..lang import detect_language
from ..origins.features import origin_features
from ..settings import Settings
from .extract import choose_published, extract_article
from .fetch import FetchResult
from .passages import split_passages

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PreparedArticle:
    """A page turned into an article (``duplicate_of`` not yet known) and its passages, with
    the fact-checks its markup carries and what was wrong with that markup."""

    article: Article
    passages: list[Passage]
    reviews: tuple[ClaimReview, ...] = ()
    review_problems: tuple[str, ...] = ()


def prepare_article(settings: Settings, spec: FeedSpec, entry: FeedEntry, canonical: str,
                    result: FetchResult, feed_language: str = "") -> PreparedArticle:
    """Extract the page, pick date and language, split passages.

    Args:
        settings: passage bounds.
        spec: the feed-list entry (outlet, declared language).
        entry: the feed item (its date and title win over the page's).
        canonical: the canonical URL of the entry (the article id derives from it).
        result: the fetched page.
        feed_language: the language the feed itself declares.

    Raises:
        ParseError: nothing usable in the page (its ``reason`` says what).
    """
    body = page_body(result)
    page = extract_article(body, result.url)
    text = page.text
    if not text.strip():
        raise ParseError(entry.url, "extraction found no text")
    language = pick_language(text, page.language, spec.language, feed_language)
    aid = article_id_for(canonical)
    passages = split_passages(
        aid, text, language,
        max_tokens=settings.passage_max_tokens,
        min_sentences=settings.passage_min_sentences,
        max_sentences=settings.passage_max_sentences)
    if not passages:
        raise ParseError(entry.url, "no passages in the extracted text")
    article = Article(
        id=aid, url=canonical, outlet=spec.outlet, title=entry.title or page.title, text=text,
        language=language, published=choose_published(entry.published, page.date),
        author=entry.author or page.author, feed_url=spec.url, original_url=entry.url,
        content_hash=content_hash(text), fetched_at=datetime.now(UTC))
    # what origin clustering reads of it, computed once here rather than at every search
    article = replace(article, origin=origin_features(article))
    try:
        found = extract_claim_reviews(body, canonical, language=language, title=article.title,
                                      article_id=aid)
    except Exception as exc:  # hostile markup costs the page its fact-checks, never the page
        log.exception("ClaimReview extraction crashed on %s", canonical)
        return PreparedArticle(article, passages, (), (
            f"ClaimReview extraction crashed: {type(exc).__name__}",))
    return PreparedArticle(article, passages, found.reviews, found.problems)


def page_body(result: FetchResult) -> bytes | str:
    """The page as text when the HTTP charset is what decodes it, else the bytes.

    The HTTP header's charset outranks the page's own ``<meta>`` (as in browsers), but UTF-8
    bytes stay bytes: a header saying Latin-1 over UTF-8 content is a common server lie.
    """
    charset = (result.charset or "").lower()
    if not charset or charset in ("utf-8", "utf8"):
        return result.content
    try:
        result.content.decode("utf-8")
        return result.content
    except UnicodeDecodeError:
        pass
    if charset in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
        charset = "windows-1252"  # what browsers do: the superset of Latin-1
    try:
        return result.content.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return result.content  # a wrong or unknown label: let the extractor sniff


def pick_language(text: str, *declared: str) -> str:
    """The detected language of the text, else the first declared one, else ""."""
    detected = detect_language(text)
    if detected:
        return detected
    for lang in declared:
        if lang:
            return lang.split("-")[0].lower()
    return ""


def is_transient(exc: FetchError) -> bool:
    """Whether the same URL could well work next time (timeouts, 429, 5xx, transport)."""
    if isinstance(exc, FetchTimeoutError):
        return True
    if isinstance(exc, HTTPStatusError):
        return exc.status is not None and (exc.status == 429 or exc.status >= 500)
    return type(exc) is FetchError  # plain FetchError: connection refused, reset, DNS...


__all__ = ["PreparedArticle", "is_transient", "page_body", "pick_language", "prepare_article"]
