"""FNC-1 style data (headline, body, stance): leak-free split, passages, the official score.

Split: headlines and bodies form a graph whose edges are the *related* rows (agree,
disagree, discuss); a connected component (one story: its headlines and its bodies) goes
wholly to train or to dev by a hash of its smallest node. An ``unrelated`` row is kept only
when its headline and its body fall on the same side, so train and dev share no headline and
no body.

Passages: a body is cut into passages the way the engine cuts articles
(``corroborate.ingest.passages.split_passages`` when present, else sentence grouping with the
same limits), and ranked against the headline with BM25 (``bm25s``; lexical, chosen over the e5
encoder for speed: it ranks ~20k passages in a second on a shared CPU). Evaluation classifies
the best ``k`` passages and aggregates them; training pairs (``research.mixture``) take the
best passage.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from .data import DEV, TRAIN, label_of, split_of
from .labels import NEUTRAL, UNRELATED

csv.field_size_limit(1 << 30)

RELATED_DEV_FRACTION = 0.2


@dataclass(frozen=True)
class StanceDoc:
    """One (headline, body) row with its document-level label and its split."""

    id: str
    headline: str
    body_id: str
    label: str
    split: str  # "train", "dev" or "" (dropped: headline and body on different sides)


def read_fnc(stances_csv: Path, bodies_csv: Path, *, source: str = "fnc1",
             dev_fraction: float = RELATED_DEV_FRACTION) -> tuple[list[StanceDoc], dict[str, str]]:
    """Rows and bodies of an FNC-1 format set, each row with its leak-free split.

    Returns:
        (rows, bodies by Body ID).
    """
    with Path(bodies_csv).open(encoding="utf-8", newline="") as fh:
        bodies = {row["Body ID"]: row["articleBody"] for row in csv.DictReader(fh)}
    with Path(stances_csv).open(encoding="utf-8", newline="") as fh:
        raw = [(row["Headline"], row["Body ID"],
                label_of(row["Stance"], stances_csv, f"row {n + 1}"))
               for n, row in enumerate(csv.DictReader(fh))]
    sides = component_sides(((h, b) for h, b, lab in raw if lab != UNRELATED), dev_fraction,
                            source)
    rows = []
    for i, (headline, body_id, label) in enumerate(raw):
        if label is None or body_id not in bodies:
            continue
        hs = sides.get(f"h:{headline}") or split_of(f"{source}:h:{headline}", dev_fraction)
        bs = sides.get(f"b:{body_id}") or split_of(f"{source}:b:{body_id}", dev_fraction)
        rows.append(StanceDoc(f"{source}/{i}", headline, body_id, label, hs if hs == bs else ""))
    return rows, bodies


def component_sides(
    edges: Iterable[tuple[str, str]], dev_fraction: float, source: str
) -> dict[str, str]:
    """Split side of every node of the headline–body graph, one side per component."""
    return {
        node: split_of(f"{source}:c:{root}", dev_fraction)
        for node, root in components(edges).items()
    }


def components(edges: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each node (``h:HEADLINE``, ``b:BODY``) of the headline–body graph of ``edges``, to its
    component's root (the component's smallest node): the stories that share headlines or bodies."""
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    pairs = [(f"h:{headline}", f"b:{body}") for headline, body in edges]
    nodes = sorted({node for pair in pairs for node in pair})
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    rows = np.fromiter((index[a] for a, _ in pairs), dtype=np.int64, count=len(pairs))
    cols = np.fromiter((index[b] for _, b in pairs), dtype=np.int64, count=len(pairs))
    graph = coo_matrix((np.ones(len(pairs), dtype=np.int8), (rows, cols)),
                       shape=(len(nodes), len(nodes)))
    _, labels = connected_components(graph, directed=False)
    roots: dict[int, str] = {}
    for node, label in zip(nodes, labels.tolist(), strict=True):  # sorted: the first is the least
        roots.setdefault(label, node)
    return {node: roots[label] for node, label in zip(nodes, labels.tolist(), strict=True)}


# --- passages -------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?؟。])[\"'”’)\]]*\s+|\n+")


def split_body(text: str, language: str = "en", *, max_tokens: int = 120, min_sentences: int = 2,
               max_sentences: int = 4) -> list[str]:
    """Passages of a body: the engine's splitter when available, else sentence grouping."""
    try:
        from ..ingest.passages import split_passages  # type: ignore[attr-defined, unused-ignore]
    except ImportError:
        return _group_sentences(text, max_tokens, min_sentences, max_sentences)
    found = split_passages("fnc", text, language, max_tokens=max_tokens,
                           min_sentences=min_sentences, max_sentences=max_sentences)
    return [p.text for p in found if p.text.strip()]


def _group_sentences(
    text: str, max_tokens: int, min_sentences: int, max_sentences: int
) -> list[str]:
    sentences = [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]
    out: list[str] = []
    current: list[str] = []
    size = 0
    for sentence in sentences:
        tokens = approx_tokens(sentence)
        full = len(current) >= max_sentences or (
            size + tokens > max_tokens and len(current) >= min_sentences
        )
        if current and (full or (size + tokens > max_tokens and size >= max_tokens // 2)):
            out.append(" ".join(current))
            current, size = [], 0
        current.append(sentence)
        size += tokens
    if current:
        out.append(" ".join(current))
    return out


def approx_tokens(text: str) -> int:
    """Rough subword count (words × 1.3), the unit of the passage limits."""
    return math.ceil(len(text.split()) * 1.3)


_WORD = re.compile(r"\w+", re.UNICODE)


def _terms(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text) if len(w) > 1]


class BM25:
    """Okapi BM25 (Lucene's idf and length normalisation, k1=1.2, b=0.75) over a fixed
    collection of passages, scored by ``bm25s``; terms are :func:`_terms`."""

    K1, B = 1.2, 0.75
    CACHED_QUERIES = 64  # documents come in runs sharing a headline: keep its scores

    def __init__(self, passages: Sequence[str]) -> None:
        import bm25s

        self.size = len(passages)
        self.index = bm25s.BM25(k1=self.K1, b=self.B, method="lucene", dtype="float64")
        if passages:
            self.index.index([_terms(p) for p in passages], show_progress=False)
        self._scores: dict[str, Any] = {}

    def scores(self, query: str) -> Any:
        """BM25 of every passage for ``query`` (a numpy array in passage order)."""
        import numpy as np

        if query not in self._scores:
            ids = self.index.get_tokens_ids(sorted(set(_terms(query)))) if self.size else []
            found = self.index.get_scores_from_ids(ids) if ids else np.zeros(self.size)
            if len(self._scores) >= self.CACHED_QUERIES:
                self._scores.pop(next(iter(self._scores)))
            self._scores[query] = found
        return self._scores[query]

    def score(self, query: str, index: int) -> float:
        """BM25 of passage ``index`` for ``query``."""
        return float(self.scores(query)[index])


class PassageRanking(Protocol):
    """Picks the passages of a body that the stance model reads for a headline."""

    def top(self, headline: str, body_id: str, k: int) -> list[str]: ...


class BodyPassages:
    """Every body split into passages, with BM25 ranking against a headline."""

    def __init__(self, bodies: Mapping[str, str], language: str = "en") -> None:
        self.spans: dict[str, tuple[int, int]] = {}
        texts: list[str] = []
        for body_id, body in bodies.items():
            parts = split_body(body, language) or [body[:1000]]
            self.spans[body_id] = (len(texts), len(texts) + len(parts))
            texts.extend(parts)
        self.texts = texts
        self.bm25 = BM25(texts)

    def top(self, headline: str, body_id: str, k: int) -> list[str]:
        """The ``k`` passages of a body most similar to the headline, best first."""
        start, end = self.spans[body_id]
        scores = self.bm25.scores(headline)
        ranked = sorted(range(start, end), key=lambda i: (-float(scores[i]), i))
        return [self.texts[i] for i in ranked[:k]]


class DenseRanking:
    """A body's passages ranked by the e5 encoder's cosine similarity to the headline.

    This is how the engine's search picks passages (BM25 is the cheaper default). Vectors are
    computed once, on the first ``prepare``/``top`` that needs them, for the bodies asked about.
    """

    def __init__(self, passages: BodyPassages, encoder: Any) -> None:
        self.passages = passages
        self.encoder = encoder
        self._vectors: dict[int, Any] = {}
        self._queries: dict[str, Any] = {}

    def prepare(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Encode, in two batches, the headlines and the passages of the bodies of ``pairs``."""
        pairs = list(pairs)
        heads = sorted({h for h, _ in pairs} - set(self._queries))
        rows = sorted(
            {i for _, b in pairs for i in range(*self.passages.spans[b])} - set(self._vectors)
        )
        if heads:
            self._queries.update(zip(heads, self.encoder.encode_queries(heads), strict=True))
        if rows:
            vecs = self.encoder.encode_passages([self.passages.texts[i] for i in rows])
            self._vectors.update(zip(rows, vecs, strict=True))

    def top(self, headline: str, body_id: str, k: int) -> list[str]:
        """The ``k`` passages of a body closest to the headline, best first."""
        self.prepare([(headline, body_id)])
        start, end = self.passages.spans[body_id]
        q = self._queries[headline]
        ranked = sorted(range(start, end), key=lambda i: (-float(self._vectors[i] @ q), i))
        return [self.passages.texts[i] for i in ranked[:k]]


PASSAGES_PER_DOC = (
    3  # a document's stance is read from its best-matching passages, as the engine does
)

# --- the official FNC-1 score ----------------------------------------------------------------

FNC_RELATED_WEIGHT = 0.25  # the FNC-1 score: a correct related/unrelated decision
FNC_STANCE_WEIGHT = 0.75  # ... plus the exact stance of a related pair


def fnc_score(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, float, float]:
    """The FNC-1 score: (score, best possible score, relative score).

    0.25 for each correct related/unrelated decision, plus 0.75 for the exact label of a
    related pair (supports/contradicts/neutral = agree/disagree/discuss).
    """
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    score = best = 0.0
    for g, p in zip(gold, predicted, strict=True):
        g_related, p_related = g != UNRELATED, p != UNRELATED
        best += FNC_RELATED_WEIGHT + FNC_STANCE_WEIGHT if g_related else FNC_RELATED_WEIGHT
        if g_related == p_related:
            score += FNC_RELATED_WEIGHT
        if g_related and g == p:
            score += FNC_STANCE_WEIGHT
    return score, best, (score / best if best else 0.0)


__all__ = [
    "BM25",
    "DEV",
    "FNC_RELATED_WEIGHT",
    "FNC_STANCE_WEIGHT",
    "NEUTRAL",
    "TRAIN",
    "BodyPassages",
    "DenseRanking",
    "PassageRanking",
    "StanceDoc",
    "approx_tokens",
    "component_sides",
    "components",
    "fnc_score",
    "read_fnc",
    "split_body",
]
