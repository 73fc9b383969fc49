"""The domain, as frozen dataclasses shared by every stage.

Ids are stable: an article's id is a hash of its canonical URL, a passage's id is a 63-bit
integer derived from its article id and offsets (FAISS needs int64 ids).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

STANCE_LABELS: tuple[str, ...] = ("supports", "contradicts", "neutral", "unrelated")


def stable_hash(*parts: str) -> str:
    """Hex SHA-256 of the parts joined by a separator that cannot occur in text."""
    h = hashlib.sha256()
    for i, part in enumerate(parts):
        if i:
            h.update(b"\x1f")
        h.update(part.encode("utf-8"))
    return h.hexdigest()


def article_id_for(canonical_url: str) -> str:
    """The id of the article at a canonical URL (24 hex chars)."""
    return stable_hash(canonical_url)[:24]


def passage_id_for(article_id: str, start: int, end: int) -> int:
    """A stable positive int64 id for a passage (what FAISS stores)."""
    digest = hashlib.sha256(f"{article_id}:{start}:{end}".encode()).digest()
    return int.from_bytes(digest[:8], "big") & 0x7FFF_FFFF_FFFF_FFFF


def content_hash(text: str) -> str:
    """Hash of normalised text, to spot exact duplicates (whitespace and case folded)."""
    return stable_hash(" ".join(text.split()).casefold())


@dataclass(frozen=True)
class FeedSpec:
    """One feed of a feed list."""

    url: str
    outlet: str
    homepage: str = ""
    language: str = ""
    country: str = ""
    tags: tuple[str, ...] = ()
    kind: str = "news"  # one of FEED_KINDS: "factcheck" for a fact-checker's feed


FEED_KINDS: tuple[str, ...] = ("news", "factcheck")


@dataclass(frozen=True)
class FeedEntry:
    """One item of a parsed feed: where the article is and what the feed says of it."""

    url: str
    title: str = ""
    published: datetime | None = None
    summary: str = ""
    author: str = ""
    guid: str = ""


@dataclass(frozen=True)
class ParsedFeed:
    """A parsed feed: its entries plus what the parser had to say."""

    title: str
    entries: tuple[FeedEntry, ...]
    format: str = ""  # e.g. "rss20", "atom10", "json1"
    warning: str = ""  # set when the feed was ill-formed but still parsed (the reason)
    language: str = ""


@dataclass(frozen=True)
class ExtractedPage:
    """What extraction found in an article page."""

    text: str
    title: str = ""
    author: str = ""
    date: datetime | None = None
    language: str = ""


@dataclass(frozen=True)
class OriginFeatures:
    """What origin clustering reads of an article, computed once when it is stored.

    ``version`` names the recipe (shingle size, MinHash permutations and seed, the wire-agency
    table): features of another recipe are ignored and recomputed (``rebuild`` rewrites them).
    """

    version: str
    hash: str  # content_hash of the text (of the title when the text is empty); '' if neither
    credits: tuple[str, ...]  # the wire agencies it credits, strongest first
    anchors: tuple[str, ...]  # its names and numbers, sorted
    minhash: bytes  # the MinHash signature of its word shingles (uint32 LE); b'' without words


@dataclass(frozen=True)
class Article:
    """A stored article: clean text plus metadata. ``published`` is the feed's date first."""

    id: str
    url: str  # canonical
    outlet: str
    title: str
    text: str
    language: str
    published: datetime | None = None
    author: str = ""
    feed_url: str = ""
    original_url: str = ""
    content_hash: str = ""
    duplicate_of: str | None = None  # id of an earlier article with the same content hash
    fetched_at: datetime | None = None
    # derived from the fields above, stored with the article (None: not computed yet)
    origin: OriginFeatures | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Passage:
    """A few consecutive sentences of an article, with offsets into ``Article.text``."""

    id: int
    article_id: str
    index: int  # position within the article, from 0
    start: int
    end: int
    text: str
    sentence_spans: tuple[tuple[int, int], ...] = field(default=())  # offsets into the article


@dataclass(frozen=True)
class StanceResult:
    """The stance of a passage towards a claim."""

    label: str  # one of STANCE_LABELS
    probabilities: dict[str, float]  # every label of STANCE_LABELS


@dataclass(frozen=True)
class SearchHit:
    """A retrieved passage with the article it comes from."""

    passage: Passage
    article: Article
    score: float


@dataclass(frozen=True)
class Claim:
    """A check-worthy statement of a text. ``start``/``end`` point at its sentence in the input;
    ``text`` may be made self-contained (an attribution from the previous sentence prefixed) and
    may be the sentence's lead statement, ``rest`` then holding the clauses left unchecked."""

    text: str
    start: int
    end: int
    score: float
    reasons: tuple[str, ...] = ()  # e.g. ("number", "date", "named-entity", "attribution")
    speaker: str | None = None  # who the statement is attributed to, when it is
    rest: str = ""  # the sentence's incidental clauses, not checked (claims.lead_statement)


def review_id_for(url: str, claim: str) -> int:
    """A stable positive int64 id for a fact-check (its page URL and the claim it reviews)."""
    digest = hashlib.sha256(f"{url}\x1f{' '.join(claim.split())}".encode()).digest()
    return int.from_bytes(digest[:8], "big") & 0x7FFF_FFFF_FFFF_FFFF


@dataclass(frozen=True)
class ClaimReview:
    """A fact-checker's published verdict on a claim (schema.org ``ClaimReview``).

    ``rating`` is the rating as published (its ``alternateName``, else its name or value);
    ``verdict`` the same on the common scale (see :mod:`corroborate.factcheck.ratings`).
    """

    id: int
    url: str  # the fact-check's page
    claim: str  # claimReviewed
    rating: str
    verdict: str  # false, mostly false, mixed, mostly true, true, other
    publisher: str = ""
    published: datetime | None = None
    language: str = ""
    claimant: str = ""  # who made the claim (itemReviewed.author)
    appearance: str = ""  # where the claim appeared (itemReviewed.appearance)
    title: str = ""  # the fact-check's headline
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    article_id: str = ""  # the stored article whose page carried it
