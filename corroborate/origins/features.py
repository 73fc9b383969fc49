"""What origin clustering reads of each article: shingles, words, anchors, credits, hash, date.

Per-article work depends only on the article's text, so it is kept between calls: the engine
clusters the ~100 articles a claim retrieved on every search, mostly the same ones again
(440 ms → a few ms per search).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..domain import Article, content_hash
from .wire import WireAgency, detect_wire_credits, story_anchors

_WORD = re.compile(r"\w+")
_PREP_CACHE_SIZE = 5000
_prep_cache: OrderedDict[tuple[object, ...], Prepared] = OrderedDict()
_prep_lock = threading.Lock()


@dataclass
class Prepared:
    """What depends on an article's text alone (cached across calls)."""

    shingles: set[str]
    words: set[str]
    anchors: set[str]
    credits: tuple[str, ...]
    hash: str
    signatures: dict[int, object] = field(default_factory=dict)  # num_perm -> MinHash


@dataclass
class Doc:
    """One article being clustered: the article, its aware date and its prepared features."""

    article: Article
    date: datetime | None
    prepared: Prepared

    @property
    def shingles(self) -> set[str]:
        return self.prepared.shingles

    @property
    def words(self) -> set[str]:
        return self.prepared.words

    @property
    def anchors(self) -> set[str]:
        return self.prepared.anchors

    @property
    def credits(self) -> tuple[str, ...]:
        return self.prepared.credits

    @property
    def hash(self) -> str:
        return self.prepared.hash


def prepare_docs(articles: Sequence[Article], k: int,
                 agencies: Sequence[WireAgency] | None) -> dict[str, Doc]:
    """Per-article shingles, word sets, anchors, credits and hashes (cached per text)."""
    docs: dict[str, Doc] = {}
    for art in articles:
        if art.id in docs:
            continue
        docs[art.id] = Doc(article=art, date=_aware(art.published),
                           prepared=_prepared(art, k, agencies))
    return docs


def _prepared(art: Article, k: int, agencies: Sequence[WireAgency] | None) -> Prepared:
    body = art.text if art.text.strip() else art.title
    key = (art.id, art.text, art.title, art.author, k) if agencies is None else None
    if key is not None:
        with _prep_lock:
            hit = _prep_cache.get(key)
            if hit is not None:
                _prep_cache.move_to_end(key)
                return hit
    tokens = _WORD.findall(body.casefold())
    if len(tokens) >= k:
        shingles = {" ".join(tokens[j:j + k]) for j in range(len(tokens) - k + 1)}
    else:
        shingles = {" ".join(tokens)} if tokens else set()
    prep = Prepared(
        shingles=shingles,
        words={t for t in tokens if len(t) >= 3},
        anchors=story_anchors(body),
        credits=detect_wire_credits(art.text, art.author, art.title, agencies=agencies),
        # computed here, not taken from the store: one function for every article
        hash=content_hash(body) if body.strip() else "",
    )
    if key is not None:
        with _prep_lock:
            _prep_cache[key] = prep
            while len(_prep_cache) > _PREP_CACHE_SIZE:
                _prep_cache.popitem(last=False)
    return prep


def sort_key(doc: Doc) -> tuple[str, ...]:
    """Oldest first; undated last; ties by id (ISO strings sort like the dates)."""
    date = doc.date.astimezone(UTC).isoformat() if doc.date else "~"
    return (date, doc.article.id)


def _aware(value: datetime | None) -> datetime | None:
    """A timezone-aware datetime (naive ones are taken as UTC)."""
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


__all__ = ["Doc", "Prepared", "prepare_docs", "sort_key"]
