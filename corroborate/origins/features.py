"""What origin clustering reads of each article: shingles, words, anchors, credits, hash, date.

The costly part (the MinHash signature, the wire credits, the story anchors) is computed once
when an article is stored (:func:`origin_features`, kept in ``Article.origin``) so a search
only reads it; shingles and word sets are made from the text only for the few articles that
need them (LSH candidates, same-credit pairs). Articles without stored features (an older
store, another recipe) get them computed here, and every article's prepared features are
kept between calls: the engine clusters the ~100 articles a claim retrieved on every search,
mostly the same ones again.
"""

from __future__ import annotations

import functools
import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np

from ..domain import Article, OriginFeatures, content_hash
from .wire import WIRE_AGENCIES, WireAgency, detect_wire_credits, story_anchors

_WORD = re.compile(r"\w+")
_PREP_CACHE_SIZE = 5000
_prep_cache: OrderedDict[tuple[object, ...], Prepared] = OrderedDict()
_prep_lock = threading.Lock()

SHINGLE_SIZE = 3  # words per shingle of the stored signature
NUM_PERM = 128  # MinHash permutations of the stored signature
MINHASH_SEED = 1
# bump when detect_wire_credits, story_anchors, the shingles or the hash change what they give
_RECIPE = 1
FEATURES_VERSION = "o{}-k{}-p{}-s{}-{}".format(
    _RECIPE, SHINGLE_SIZE, NUM_PERM, MINHASH_SEED,
    hashlib.sha256(repr(WIRE_AGENCIES).encode("utf-8")).hexdigest()[:12])


def origin_features(article: Article) -> OriginFeatures:
    """The features of ``article`` to store with it (what :func:`prepare_docs` reads back)."""
    prep = _compute(article, SHINGLE_SIZE, None)
    sig = b""
    if prep.shingles:
        values = _minhash_of(prep.shingles, NUM_PERM).hashvalues
        sig = np.asarray(values, dtype="<u4").tobytes()  # MinHash values are below 2**32
    return OriginFeatures(version=FEATURES_VERSION, hash=prep.hash, credits=prep.credits,
                          anchors=tuple(sorted(prep.anchors)), minhash=sig)


class Prepared:
    """What depends on an article's text alone (cached across calls).

    ``anchors``, ``credits``, ``hash`` and the signature are given (stored or computed);
    ``shingles`` and ``words`` are made from the text on first use.
    """

    def __init__(self, body: str, k: int, anchors: set[str], credits: tuple[str, ...],
                 hash: str, has_shingles: bool | None = None) -> None:
        self._body = body
        self._k = k
        self._tokens: list[str] | None = None
        self._shingles: set[str] | None = None
        self._words: set[str] | None = None
        self._has_shingles = has_shingles
        self.anchors = anchors
        self.credits = credits
        self.hash = hash
        self.signatures: dict[int, Any] = {}  # num_perm -> MinHash

    def _tokenized(self) -> list[str]:
        if self._tokens is None:
            self._tokens = _WORD.findall(self._body.casefold())
        return self._tokens

    @property
    def shingles(self) -> set[str]:
        if self._shingles is None:
            tokens, k = self._tokenized(), self._k
            if len(tokens) >= k:
                self._shingles = {" ".join(tokens[j:j + k]) for j in range(len(tokens) - k + 1)}
            else:
                self._shingles = {" ".join(tokens)} if tokens else set()
        return self._shingles

    @property
    def has_shingles(self) -> bool:
        """Whether the text has any word (known from the stored signature without reading it)."""
        if self._has_shingles is None:
            self._has_shingles = bool(self.shingles)
        return self._has_shingles

    @property
    def words(self) -> set[str]:
        if self._words is None:
            self._words = {t for t in self._tokenized() if len(t) >= 3}
        return self._words
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
    key = (art.id, art.text, art.title, art.author, k) if agencies is None else None
    if key is not None:
        with _prep_lock:
            hit = _prep_cache.get(key)
            if hit is not None:
                _prep_cache.move_to_end(key)
                return hit
    prep = _stored(art, k, agencies) or _compute(art, k, agencies)
    if key is not None:
        with _prep_lock:
            _prep_cache[key] = prep
            while len(_prep_cache) > _PREP_CACHE_SIZE:
                _prep_cache.popitem(last=False)
    return prep


def _body(art: Article) -> str:
    return art.text if art.text.strip() else art.title


def _compute(art: Article, k: int, agencies: Sequence[WireAgency] | None) -> Prepared:
    """The features computed from the article's text."""
    body = _body(art)
    return Prepared(
        body, k,
        anchors=story_anchors(body),
        credits=detect_wire_credits(art.text, art.author, art.title, agencies=agencies),
        # computed here, not taken from the store's content_hash: one function for every article
        hash=content_hash(body) if body.strip() else "",
    )


def _stored(art: Article, k: int, agencies: Sequence[WireAgency] | None) -> Prepared | None:
    """The features stored with the article, when they follow the recipe asked for."""
    feats = art.origin
    if (feats is None or feats.version != FEATURES_VERSION or agencies is not None
            or k != SHINGLE_SIZE):
        return None
    prep = Prepared(_body(art), k, anchors=set(feats.anchors), credits=feats.credits,
                    hash=feats.hash, has_shingles=bool(feats.minhash))
    if feats.minhash:
        sig = _minhash_template(NUM_PERM).copy()
        sig.hashvalues = np.frombuffer(feats.minhash, dtype="<u4").astype(np.uint64)
        prep.signatures[NUM_PERM] = sig
    return prep


@functools.lru_cache(maxsize=4)
def _minhash_template(num_perm: int) -> Any:
    from datasketch import MinHash  # imported here: a second to load

    return MinHash(num_perm=num_perm, seed=MINHASH_SEED)  # permutations are costly: draw once


def _minhash_of(shingles: set[str], num_perm: int) -> Any:
    """The MinHash of a set of shingles."""
    sig = _minhash_template(num_perm).copy()
    sig.update_batch([s.encode("utf-8") for s in shingles])
    return sig


def signature(prepared: Prepared, num_perm: int) -> Any:
    """The MinHash of a document's shingles (kept with its prepared features)."""
    sig = prepared.signatures.get(num_perm)
    if sig is None:
        sig = _minhash_of(prepared.shingles, num_perm)
        prepared.signatures[num_perm] = sig
    return sig


def sort_key(doc: Doc) -> tuple[str, ...]:
    """Oldest first; undated last; ties by id (ISO strings sort like the dates)."""
    date = doc.date.astimezone(UTC).isoformat() if doc.date else "~"
    return (date, doc.article.id)


def _aware(value: datetime | None) -> datetime | None:
    """A timezone-aware datetime (naive ones are taken as UTC)."""
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


__all__ = ["FEATURES_VERSION", "Doc", "Prepared", "origin_features", "prepare_docs",
           "signature", "sort_key"]
