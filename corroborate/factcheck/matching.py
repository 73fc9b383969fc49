"""Matching a claim against fact-checked claims: dense e5 + BM25 candidates, a learned rerank.

A :class:`FactCheckIndex` holds, for every reviewed claim, two e5 passage vectors (the claim
reviewed, and the fact-check's headline) and a BM25 index over both texts. A query's
candidates are the union of the best dense and the best BM25 matches; each gets features
(dense similarities, BM25 share of the query's best, reciprocal ranks on both sides, shared
words, numbers and names) and a score, a logistic model over them whose weights are fitted on
the CLEF-2020 *train* split only (``weights.json``, written by ``bench/factcheck_fit.py``).
A match is *shown* when its dense similarity clears the calibrated ``fact_check_min_similarity``
(a dense figure, so a French claim can find an English fact-check with no word in common);
shown matches are ordered by the reranker's score.

The same class serves the engine (over the store's reviews) and ``corroborate eval
fact-checks`` (over CLEF's verified claims), so the evaluation measures what the engine does.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

import numpy as np

FEATURES: tuple[str, ...] = (
    "dense_claim", "dense_title", "dense_max", "dense_gap", "dense_rr", "bm25_share", "bm25_rr",
    "chars_claim", "chars_title", "word_overlap", "bigram_overlap", "number_overlap",
    "name_overlap", "bias")
_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_NAME = re.compile(r"\b[A-Z][\w'-]+")
_URL = re.compile(r"https?://\S+|pic\.twitter\.com/\S+|www\.\S+")
_STOP = frozenset([
    "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "is", "are", "was", "were",
    "be", "been", "by", "with", "at", "from", "as", "that", "this", "it", "its", "his", "her",
    "their", "they", "he", "she", "we", "you", "i", "not", "no", "but", "has", "have", "had",
    "will", "would", "can", "le", "la", "les", "de", "des", "du", "un", "une", "et", "ou", "est",
    "sont", "en", "au", "aux", "pour", "par", "sur", "que", "qui", "dans", "pas", "el", "los",
    "las", "del", "y", "o", "es", "son", "por", "para", "con", "que", "se", "al", "der", "die",
    "das", "und", "ist", "sind", "ein", "eine", "nicht", "zu", "mit", "von", "im", "den", "dem",
    "في", "من", "على", "إلى", "الى", "عن", "أن", "ان", "هذا", "هذه", "التي", "الذي", "و"
])


def clean_query(text: str) -> str:
    """A claim as the matcher reads it: links dropped, hashtags split into words, @ dropped."""
    text = _URL.sub(" ", text)
    text = re.sub(r"#(\w+)", lambda m: re.sub(r"(?<=[a-z])(?=[A-Z])", " ", m.group(1)), text)
    text = text.replace("@", "")
    return " ".join(text.split())


def terms(text: str) -> list[str]:
    """Lower-cased words (accents kept), stop words and one-letter words dropped."""
    return [w for w in (m.casefold() for m in _WORD.findall(text))
            if len(w) > 1 and w not in _STOP]


@dataclass(frozen=True)
class Match:
    """One fact-checked claim matched to a query."""

    id: int  # the review's id (the CLEF claim id in the evaluation)
    score: float  # the reranker's score (a probability of a match)
    similarity: float  # the dense similarity (the shown figure)
    features: dict[str, float]


@lru_cache(maxsize=1)
def _shipped() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("weights.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def shipped_weights() -> dict[str, float]:
    """The reranker weights shipped with the package (feature → weight)."""
    return {name: float(_shipped()["weights"].get(name, 0.0)) for name in FEATURES}


def calibrated_threshold() -> float:
    """The display threshold fitted with the shipped weights (a dense similarity)."""
    return float(_shipped()["min_similarity"])


class FactCheckIndex:
    """Reviewed claims searchable by dense vectors and BM25.

    Args:
        ids: one int64 id per reviewed claim.
        claims, titles: the claim reviewed and the fact-check's headline ("" when none).
        claim_vectors, title_vectors: their e5 passage vectors (normalised, one row per id).
    """

    def __init__(self, ids: Sequence[int] | np.ndarray, claims: Sequence[str],
                 titles: Sequence[str], claim_vectors: np.ndarray,
                 title_vectors: np.ndarray) -> None:
        self.ids = np.asarray(ids, dtype=np.int64)
        self.claims = list(claims)
        self.titles = list(titles)
        self.claim_vectors = np.asarray(claim_vectors, dtype=np.float32)
        self.title_vectors = np.asarray(title_vectors, dtype=np.float32)
        self._terms = [set(terms(f"{c} {t}")) for c, t in zip(self.claims, self.titles,
                                                                strict=True)]
        self._numbers = [set(_NUMBER.findall(f"{c} {t}")) for c, t in zip(self.claims,
                                                                           self.titles,
                                                                           strict=True)]
        self._names = [{n.casefold() for n in _NAME.findall(f"{c} {t}")}
                       for c, t in zip(self.claims, self.titles, strict=True)]
        self._bigrams = [_bigrams(terms(f"{c} {t}")) for c, t in zip(self.claims, self.titles,
                                                                      strict=True)]
        self._bm25: Any = None
        self._chars: Any = None
        if len(self.ids):
            from sklearn.feature_extraction.text import TfidfVectorizer

            self._chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5),
                                          sublinear_tf=True, lowercase=True, dtype=np.float32)
            self._chars.fit(self.claims + [t for t in self.titles if t])
            self._claim_chars = self._chars.transform(self.claims)
            self._title_chars = self._chars.transform(self.titles)
            import bm25s

            logging.getLogger("bm25s").setLevel(logging.WARNING)  # it sets DEBUG on import
            self._bm25 = bm25s.BM25(k1=1.2, b=0.75, method="lucene", dtype="float64")
            self._bm25.index([terms(f"{c} {t}") or ["\x00"] for c, t in
                              zip(self.claims, self.titles, strict=True)], show_progress=False)

    def __len__(self) -> int:
        return len(self.ids)

    def _bm25_scores(self, query: str) -> np.ndarray:
        vocab = self._bm25.vocab_dict if self._bm25 is not None else {}
        wanted = [vocab[t] for t in sorted(set(terms(query))) if t in vocab]
        if not wanted:
            return np.zeros(len(self.ids))
        return np.asarray(self._bm25.get_scores_from_ids(wanted), dtype=np.float64)

    def match(self, query_vectors: np.ndarray, queries: Sequence[str], k: int = 5, *,
              candidates: int = 30, weights: dict[str, float] | None = None,
              min_similarity: float | None = None) -> list[list[Match]]:
        """The ``k`` best fact-checked claims for each query, best first.

        Args:
            query_vectors: e5 *query* vectors of the cleaned queries, one row each.
            queries: the query texts (for BM25 and word features; cleaned here).
            k: matches kept per query.
            candidates: dense and BM25 candidates taken per query before reranking.
            weights: reranker weights (default: the shipped ones).
            min_similarity: keep only matches whose dense similarity reaches this.
        """
        w = weights or shipped_weights()
        out: list[list[Match]] = []
        if not len(self.ids):
            return [[] for _ in queries]
        qv = np.asarray(query_vectors, dtype=np.float32)
        sim_claim = qv @ self.claim_vectors.T
        sim_title = qv @ self.title_vectors.T
        for row, query in enumerate(queries):
            feats = self.features(clean_query(query), sim_claim[row], sim_title[row], candidates)
            matches = []
            for idx, f in feats.items():
                z = sum(w[name] * f[name] for name in FEATURES)
                score = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
                if min_similarity is not None and f["dense_max"] < min_similarity:
                    continue
                matches.append(Match(int(self.ids[idx]), score, f["dense_max"], f))
            matches.sort(key=lambda m: (-m.score, -m.similarity, m.id))
            out.append(matches[:k])
        return out

    def features(self, query: str, sim_claim: np.ndarray, sim_title: np.ndarray,
                 candidates: int) -> dict[int, dict[str, float]]:
        """Candidate index → its features, for one (cleaned) query."""
        n = len(self.ids)
        take = min(candidates, n)
        dense = np.maximum(sim_claim, sim_title)
        dense_top = np.argsort(-dense, kind="stable")[:take]
        bm25 = self._bm25_scores(query)
        bm25_top = np.argsort(-bm25, kind="stable")[:take]
        bm25_top = bm25_top[bm25[bm25_top] > 0]
        dense_rank = {int(i): r for r, i in enumerate(dense_top, 1)}
        bm25_rank = {int(i): r for r, i in enumerate(bm25_top, 1)}
        best_bm25 = float(bm25.max()) if n else 0.0
        q_list = terms(query)
        q_terms, q_bigrams = set(q_list), _bigrams(q_list)
        q_numbers = set(_NUMBER.findall(query))
        q_names = {m.casefold() for m in _NAME.findall(query)}
        pool = list(dict.fromkeys([*map(int, dense_top), *map(int, bm25_top)]))
        q_chars = self._chars.transform([query])
        chars_claim = (self._claim_chars[pool] @ q_chars.T).toarray().ravel()
        chars_title = (self._title_chars[pool] @ q_chars.T).toarray().ravel()
        top_dense = float(dense[dense_top[0]]) if take else 0.0
        out: dict[int, dict[str, float]] = {}
        for n, idx in enumerate(pool):
            out[idx] = {
                "dense_claim": float(sim_claim[idx]),
                "dense_title": float(sim_title[idx]) if self.titles[idx] else
                float(sim_claim[idx]),
                "dense_max": float(dense[idx]),
                "dense_gap": top_dense - float(dense[idx]),
                "dense_rr": 1.0 / dense_rank[idx] if idx in dense_rank else 0.0,
                "bm25_share": float(bm25[idx]) / best_bm25 if best_bm25 > 0 else 0.0,
                "bm25_rr": 1.0 / bm25_rank[idx] if idx in bm25_rank else 0.0,
                "chars_claim": float(chars_claim[n]),
                "chars_title": float(chars_title[n]) if self.titles[idx] else
                float(chars_claim[n]),
                "word_overlap": _share(q_terms, self._terms[idx]),
                "bigram_overlap": _share(q_bigrams, self._bigrams[idx]),
                "number_overlap": _share(q_numbers, self._numbers[idx]),
                "name_overlap": _share(q_names, self._names[idx]),
                "bias": 1.0,
            }
        return out


def _bigrams(words: list[str]) -> set[str]:
    return {f"{a} {b}" for a, b in pairwise(words)}


def _share(query: set[str], doc: set[str]) -> float:
    """Share of the document's items found in the query (0 when it has none)."""
    if not doc or not query:
        return 0.0
    return len(query & doc) / len(doc)


__all__ = ["FEATURES", "FactCheckIndex", "Match", "calibrated_threshold", "clean_query",
           "shipped_weights", "terms"]
