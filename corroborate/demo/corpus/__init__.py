"""The bundled sample corpus: FICTIONAL news articles written for the offline demo.

Nothing here is real reporting (see ``README.md`` beside this file): the outlets, domains,
bylines and texts were written for corroborate so that the demo and its tests run on a fresh,
offline machine. The events are public, widely reported facts, paraphrased; where real sources
disagreed, different fictional outlets carry different versions on purpose.

Layout::

    sample_corpus/
        outlets.json       outlets, their feeds, and the top-level "sample": true marker
        articles/*.txt     article blocks, several per file
        demo_claims.json   example claims (French) with the articles that support/contradict them

An article block starts with ``=== <id>``, then ``key: value`` header lines, a blank line, and
the body (paragraphs separated by blank lines) up to the next ``===`` line::

    === gws-kerman-is-claim
    outlet: gws
    feed: gws-mideast
    language: en
    published: 2024-01-04T18:05:00Z
    author: GWS staff
    title: Islamic State claims Kerman bombings
    credit: GWS
    wire_of:
    relation:
    notes: wire original

    KERMAN, Iran (GWS) — ...

``credit`` is the wire agency credited in the text, ``wire_of`` the id of the wire story an
article copies (ground truth for origin clustering) and ``relation`` how: ``verbatim``,
``edited`` or ``translation``. A fictional fact-check also has ``review_claim`` (the claim it
reviews), ``review_rating`` (as published), optionally ``review_scale`` (``value/best``, worst
being 1), ``review_claimant`` and ``review_appearance``: the demo server publishes them as
schema.org ClaimReview markup in the page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ...errors import ParseError

CORPUS_DIR = Path(__file__).resolve().parent
RELATIONS: tuple[str, ...] = ("", "verbatim", "edited", "translation")
_HEADER_KEYS = frozenset(
    {"outlet", "feed", "language", "published", "author", "title", "credit", "wire_of",
     "relation", "notes", "review_claim", "review_rating", "review_scale", "review_claimant",
     "review_appearance"}
)
_REQUIRED_KEYS = ("outlet", "feed", "language", "published", "title")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class SampleFeed:
    """One feed of a sample outlet; served at ``/feeds/<id>.xml``."""

    id: str
    outlet: str  # outlet id
    title: str

    @property
    def path(self) -> str:
        """The feed's path on the demo server."""
        return f"/feeds/{self.id}.xml"


@dataclass(frozen=True)
class SampleOutlet:
    """A fictional outlet: its name, fictional homepage, language, country, tags and feeds."""

    id: str
    name: str
    homepage: str
    language: str
    country: str
    tags: tuple[str, ...]
    feeds: tuple[SampleFeed, ...]


@dataclass(frozen=True)
class SampleArticle:
    """One fictional article of the sample corpus."""

    id: str
    outlet: str  # outlet id
    feed: str  # feed id
    language: str
    published: datetime  # timezone-aware, UTC
    title: str
    body: str  # paragraphs separated by a blank line
    author: str = ""
    credit: str = ""  # wire agency credited in the text, e.g. "GWS"
    wire_of: str | None = None  # id of the wire story this one copies
    relation: str = ""  # one of RELATIONS: how it copies ``wire_of``
    notes: str = ""
    review_claim: str = ""  # a fact-check: the claim it reviews (published as ClaimReview)
    review_rating: str = ""  # the rating as the fact-checker words it
    review_scale: str = ""  # "value/best" (worst is 1), or ""
    review_claimant: str = ""
    review_appearance: str = ""

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The body's paragraphs."""
        return tuple(p.strip() for p in self.body.split("\n\n") if p.strip())

    @property
    def word_count(self) -> int:
        """Whitespace-separated words of the body."""
        return len(self.body.split())

    @property
    def path(self) -> str:
        """The article page's path on the demo server."""
        return f"/{self.outlet}/{self.published:%Y/%m}/{self.id}.html"


@dataclass(frozen=True)
class SampleCorpus:
    """Outlets, feeds and articles of the sample corpus, with lookups."""

    outlets: tuple[SampleOutlet, ...]
    articles: tuple[SampleArticle, ...]
    note: str = ""
    sample: bool = True

    @property
    def feeds(self) -> tuple[SampleFeed, ...]:
        """Every feed of every outlet, in outlet order."""
        return tuple(f for o in self.outlets for f in o.feeds)

    def outlet(self, outlet_id: str) -> SampleOutlet:
        """The outlet with this id (KeyError when unknown)."""
        for o in self.outlets:
            if o.id == outlet_id:
                return o
        raise KeyError(outlet_id)

    def feed(self, feed_id: str) -> SampleFeed:
        """The feed with this id (KeyError when unknown)."""
        for f in self.feeds:
            if f.id == feed_id:
                return f
        raise KeyError(feed_id)

    def article(self, article_id: str) -> SampleArticle:
        """The article with this id (KeyError when unknown)."""
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)

    def articles_of_feed(self, feed_id: str) -> list[SampleArticle]:
        """The articles of a feed, newest first (feed order)."""
        return sorted((a for a in self.articles if a.feed == feed_id),
                      key=lambda a: a.published, reverse=True)

    def copies_of(self, article_id: str) -> list[SampleArticle]:
        """The articles that copy a wire story (verbatim, edited or translated)."""
        return [a for a in self.articles if a.wire_of == article_id]


@dataclass(frozen=True)
class DemoClaim:
    """An example claim with ground truth: which sample articles support or contradict it."""

    id: str
    claim: str
    language: str
    supports: tuple[str, ...]
    contradicts: tuple[str, ...]
    related: tuple[str, ...] = ()  # on topic, neither clearly for nor against
    notes: str = ""
    # the claim said again in other languages and words, same truth: (language, text)
    rewordings: tuple[tuple[str, str], ...] = ()


def origin_of(corpus: SampleCorpus, article_id: str) -> str:
    """The ground-truth origin of an article: the wire story it copies, else itself."""
    article = corpus.article(article_id)
    return article.wire_of or article.id


def load_demo_claims(corpus: SampleCorpus | None = None,
                     root: Path | None = None) -> tuple[DemoClaim, ...]:
    """The example claims of ``demo_claims.json``, checked against the corpus.

    Raises:
        ParseError: the file is malformed or names an article the corpus lacks.

    Example:
        >>> claims = load_demo_claims()
        >>> claims[0].language
        'fr'
    """
    root = Path(root) if root is not None else CORPUS_DIR
    corpus = corpus if corpus is not None else load_corpus(root)
    path = root / "demo_claims.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        claims = tuple(
            DemoClaim(id=str(c["id"]), claim=str(c["claim"]), language=str(c["language"]),
                      supports=tuple(c.get("supports", [])),
                      contradicts=tuple(c.get("contradicts", [])),
                      related=tuple(c.get("related", [])), notes=str(c.get("notes", "")),
                      rewordings=tuple(sorted((str(k), str(v)) for k, v in
                                              (c.get("rewordings") or {}).items())))
            for c in raw["claims"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ParseError(str(path), f"unreadable demo claims: {exc!r}") from exc
    known = {a.id for a in corpus.articles}
    for claim in claims:
        named = claim.supports + claim.contradicts + claim.related
        unknown = sorted(set(named) - known)
        if unknown:
            raise ParseError(str(path), f"{claim.id}: unknown articles {unknown}")
        if len(set(named)) != len(named):
            raise ParseError(str(path), f"{claim.id}: an article is listed twice")
    return claims


def load_corpus(root: Path | None = None) -> SampleCorpus:
    """Load and check the bundled sample corpus (or one laid out the same way under ``root``).

    Args:
        root: directory holding ``outlets.json`` and ``articles/``; the bundled one by default.

    Returns:
        The corpus, articles sorted by publication time.

    Raises:
        ParseError: a file is malformed or an article names an unknown outlet, feed or wire story.

    Example:
        >>> corpus = load_corpus()
        >>> corpus.sample
        True
    """
    root = Path(root) if root is not None else CORPUS_DIR
    outlets_file = root / "outlets.json"
    try:
        raw = json.loads(outlets_file.read_text(encoding="utf-8"))
        outlets = tuple(_outlet(o) for o in raw["outlets"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ParseError(str(outlets_file), f"unreadable outlets file: {exc!r}") from exc
    articles: list[SampleArticle] = []
    for path in sorted((root / "articles").glob("*.txt")):
        articles.extend(_parse_blocks(path))
    corpus = SampleCorpus(
        outlets=outlets,
        articles=tuple(sorted(articles, key=lambda a: (a.published, a.id))),
        note=str(raw.get("note", "")),
        sample=bool(raw.get("sample", False)),
    )
    _check(corpus, str(root))
    return corpus


def _outlet(o: dict[str, object]) -> SampleOutlet:
    """An outlet from its JSON object."""
    oid = str(o["id"])
    feeds = o.get("feeds") or []
    assert isinstance(feeds, list)
    tags = o.get("tags") or []
    assert isinstance(tags, list)
    return SampleOutlet(
        id=oid,
        name=str(o["name"]),
        homepage=str(o.get("homepage", "")),
        language=str(o.get("language", "")),
        country=str(o.get("country", "")),
        tags=tuple(str(t) for t in tags),
        feeds=tuple(SampleFeed(id=str(f["id"]), outlet=oid, title=str(f.get("title", f["id"])))
                    for f in feeds),
    )


def _split_blocks(text: str) -> Iterator[tuple[int, str, list[str]]]:
    """(line number, id, lines) of each ``=== id`` block of a file."""
    start, aid = 0, ""
    lines: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("=== "):
            if aid:
                yield start, aid, lines
            start, aid, lines = number, line[4:].strip(), []
        elif aid:
            lines.append(line)
        elif line.strip():
            raise ValueError(f"line {number}: text before the first '=== id' line")
    if aid:
        yield start, aid, lines


def _parse_blocks(path: Path) -> list[SampleArticle]:
    """The article blocks of one file."""
    try:
        text = path.read_text(encoding="utf-8")
        return [_article(aid, lines, path, n) for n, aid, lines in _split_blocks(text)]
    except (OSError, ValueError) as exc:
        raise ParseError(str(path), str(exc)) from exc


def _article(aid: str, lines: list[str], path: Path, number: int) -> SampleArticle:
    """One article from the lines after its ``=== id`` line."""
    where = f"{path.name}:{number} ({aid})"
    if not _ID.match(aid):
        raise ValueError(f"{where}: bad id, use lowercase letters, digits and '-'")
    headers: dict[str, str] = {}
    i = 0
    while i < len(lines) and lines[i].strip():
        key, sep, value = lines[i].partition(":")
        key = key.strip()
        if not sep or key not in _HEADER_KEYS:
            raise ValueError(f"{where}: bad header line {lines[i]!r}; keys: {sorted(_HEADER_KEYS)}")
        headers[key] = value.strip()
        i += 1
    missing = [k for k in _REQUIRED_KEYS if not headers.get(k)]
    if missing:
        raise ValueError(f"{where}: missing headers {missing}")
    paragraphs = [" ".join(p.split()) for p in "\n".join(lines[i:]).split("\n\n")]
    body = "\n\n".join(p for p in paragraphs if p)
    published = datetime.fromisoformat(headers["published"].replace("Z", "+00:00"))
    if published.tzinfo is None:
        raise ValueError(f"{where}: published needs a timezone (end it with Z)")
    relation = headers.get("relation", "")
    if relation not in RELATIONS:
        raise ValueError(f"{where}: relation {relation!r} is not one of {RELATIONS}")
    return SampleArticle(
        id=aid,
        outlet=headers["outlet"],
        feed=headers["feed"],
        language=headers["language"],
        published=published.astimezone(UTC),
        title=headers["title"],
        body=body,
        author=headers.get("author", ""),
        credit=headers.get("credit", ""),
        wire_of=headers.get("wire_of") or None,
        relation=relation,
        notes=headers.get("notes", ""),
        review_claim=headers.get("review_claim", ""),
        review_rating=headers.get("review_rating", ""),
        review_scale=headers.get("review_scale", ""),
        review_claimant=headers.get("review_claimant", ""),
        review_appearance=headers.get("review_appearance", ""),
    )


def _check(corpus: SampleCorpus, source: str) -> None:
    """Every reference resolves, ids are unique, copies say how they copy."""
    feeds = {f.id: f for f in corpus.feeds}
    outlet_ids = {o.id for o in corpus.outlets}
    if len(outlet_ids) != len(corpus.outlets) or len(feeds) != len(corpus.feeds):
        raise ParseError(source, "duplicate outlet or feed id")
    ids = [a.id for a in corpus.articles]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ParseError(source, f"duplicate article ids: {dupes}")
    known = set(ids)
    for a in corpus.articles:
        if a.outlet not in outlet_ids:
            raise ParseError(source, f"{a.id}: unknown outlet {a.outlet!r}")
        if a.feed not in feeds or feeds[a.feed].outlet != a.outlet:
            raise ParseError(source, f"{a.id}: feed {a.feed!r} is not a feed of {a.outlet!r}")
        if a.wire_of is not None and (a.wire_of not in known or a.wire_of == a.id):
            raise ParseError(source, f"{a.id}: wire_of {a.wire_of!r} is not another article")
        if (a.wire_of is None) != (a.relation == ""):
            raise ParseError(source, f"{a.id}: set wire_of and relation together")


__all__ = [
    "CORPUS_DIR",
    "RELATIONS",
    "DemoClaim",
    "SampleArticle",
    "SampleCorpus",
    "SampleFeed",
    "SampleOutlet",
    "load_corpus",
    "load_demo_claims",
    "origin_of",
]
