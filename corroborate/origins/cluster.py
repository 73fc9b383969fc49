"""Independent-origin clustering: ten outlets printing one wire story are one origin.

Corroboration counts *independent* origins, not articles. Two articles are folded into one
origin when there is positive evidence that one derives from the other or that both derive
from one source:

* **verbatim copy** — the same text once whitespace and case are folded;
* **near-duplicate** — MinHash/LSH over word 3-shingles finds candidates, the exact shingle
  sets confirm them (Jaccard ≥ 0.5, or ≥ 0.8 of the shorter text contained in the longer:
  a trimmed reprint). Copies merge whatever their dates: shared wording is proof enough;
* **same wire credit and same story** — both credit one agency (``detect_wire_credit``),
  were published within ``window_days`` of each other, and tell the same story: in one
  language, word overlap ≥ ``story_overlap``; across languages (``Article.language``
  differs), a later article is a translation of the one earlier story it matches clearly
  best, by embedding cosine ≥ ``story_cosine`` when ``vectors`` are given, or by most of
  its names and numbers.

Nothing else merges. Two reports of the same event in different words without a shared
credit stay separate however similar their embeddings are: that is the independence we
count. Embeddings alone never merge: on the sample corpus, different stories of one agency
about one event reach cosine 0.95 while a story and its translation sit at 0.84-0.87, so
they only pick the best source of a credited translation. Unknown dates count as "within
the window".

Example:
    >>> clustering = cluster_origins(articles)
    >>> origin_counts(clustering).describe()
    '12 articles from 9 outlets, 3 independent origins'
"""

from __future__ import annotations

import heapq
import logging
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from urllib.parse import urlsplit

import numpy as np

from ..domain import Article
from .features import Doc, prepare_docs, sort_key
from .minhash import lsh_candidates
from .results import Fold, Origin, OriginClustering, plural
from .wire import WireAgency

log = logging.getLogger(__name__)

# priority of the kinds of evidence when explaining why a member joined (lower is better)
_VERBATIM, _NEAR_DUP, _EXCERPT, _WIRE = range(4)

_Edge = tuple[int, float, str, str, str]  # (kind, -strength, a, b, reason)


def cluster_origins(
    articles: Sequence[Article],
    *,
    vectors: Mapping[str, np.ndarray] | None = None,
    window_days: int = 3,
    shingle_size: int = 3,
    num_perm: int = 128,
    lsh_threshold: float = 0.3,
    near_duplicate_jaccard: float = 0.5,
    excerpt_containment: float = 0.8,
    story_cosine: float = 0.83,
    story_overlap: float = 0.4,
    anchor_overlap: float = 0.6,
    agencies: Sequence[WireAgency] | None = None,
) -> OriginClustering:
    """Group articles into independent origins: connected components of the evidence above.

    Args:
        articles: the articles to group (duplicated ids are counted once).
        vectors: article id -> embedding (any length, normalised here); articles without
            one simply lack that signal.
        window_days: wire-credited articles further apart than this are different origins
            (``Settings.origin_window_days``).
        shingle_size: words per shingle for near-duplicate detection.
        num_perm: MinHash permutations.
        lsh_threshold: Jaccard at which LSH proposes a candidate pair (kept low; candidates
            are confirmed on the exact shingle sets).
        near_duplicate_jaccard: exact shingle Jaccard that makes two texts copies.
        excerpt_containment: share of the shorter text's shingles found in the longer one
            that makes it a trimmed copy (texts of 20+ shingles).
        story_cosine: embedding cosine a same-credit article in another language needs to
            be a translation, when vectors are given (names and numbers must agree too, and
            it must be the clearly best match).
        story_overlap: word-set Jaccard at which two same-credit articles in one language
            tell one story.
        anchor_overlap: share of the shorter article's names and numbers (at least 2) found
            in a same-credit article in another language that may make it a translation.
        agencies: the agency table (default :data:`WIRE_AGENCIES`).

    Returns:
        An :class:`OriginClustering`. Origin ids are the id of the oldest member (undated
        articles sort last, ties by id), so they do not depend on the input order.

    Example:
        >>> result = cluster_origins(articles, vectors=vecs, window_days=3)
        >>> result.origin_of[articles[5].id]
        '3f2a...'
    """
    docs = prepare_docs(articles, shingle_size, agencies)
    ids = sorted(docs, key=lambda i: sort_key(docs[i]))
    edges: list[_Edge] = []

    def union(a: str, b: str, kind: int, strength: float, reason: str) -> None:
        edges.append((kind, -strength, a, b, reason))

    # (a) verbatim copies
    by_hash: dict[str, list[str]] = defaultdict(list)
    for i in ids:
        if docs[i].hash:
            by_hash[docs[i].hash].append(i)
    for group in by_hash.values():
        for other in group[1:]:
            union(group[0], other, _VERBATIM, 1.0, "verbatim copy")
    for i in ids:  # the store already found it to be a copy
        dup = docs[i].article.duplicate_of
        if dup and dup in docs and dup != i:
            union(dup, i, _VERBATIM, 1.0, "verbatim copy")

    # (b) near-duplicates: LSH proposes, exact shingle sets decide
    for a, b in lsh_candidates(docs, ids, num_perm, lsh_threshold):
        if docs[a].hash and docs[a].hash == docs[b].hash:
            continue
        sa, sb = docs[a].shingles, docs[b].shingles
        inter = len(sa & sb)
        jaccard = inter / len(sa | sb)
        smaller = min(len(sa), len(sb))
        containment = inter / smaller if smaller else 0.0
        if jaccard >= near_duplicate_jaccard:
            union(a, b, _NEAR_DUP, jaccard, f"near-duplicate (Jaccard {jaccard:.2f})")
        elif smaller >= 20 and containment >= excerpt_containment:
            union(a, b, _EXCERPT, containment,
                  f"near-duplicate excerpt (containment {containment:.2f}, Jaccard {jaccard:.2f})")

    # (c) same wire credit, same story, within the window
    by_agency: dict[str, list[str]] = defaultdict(list)
    for i in ids:
        for agency in docs[i].credits:
            by_agency[agency].append(i)
    # ... in one language the words tell (measured on the sample corpus: copies of one wire
    # story overlap >= 0.77, two stories of one agency on one event <= 0.24)
    for agency, group in by_agency.items():
        for x, a in enumerate(group):
            for b in group[x + 1:]:
                days = _days_apart(docs[a].date, docs[b].date)
                if (days is not None and days > window_days) or _cross_language(docs[a], docs[b]):
                    continue
                overlap = _overlap(docs[a].words, docs[b].words)
                if overlap >= story_overlap:
                    union(a, b, _WIRE, overlap, f"same wire credit ({agency}) and same story"
                          f"{_within(days)} (word overlap {overlap:.2f})")
    # ... across languages a translation joins the one earlier story it matches best
    unit = _unit_vectors(vectors, docs)
    components = _Components(ids, edges)
    for agency, group in by_agency.items():
        for t in group:
            link = _best_translation_source(t, group, docs, unit, components.of,
                                            window_days, story_cosine, anchor_overlap)
            if link is not None:
                source, strength, how, days = link
                union(source, t, _WIRE, strength, f"same wire credit ({agency}) and same story"
                      f"{_within(days)} (translation, {how})")
                components.joined(source, t)

    return _assemble(docs, ids, components.labels(), edges)


def _best_translation_source(
    t: str, group: Sequence[str], docs: Mapping[str, Doc], unit: Mapping[str, np.ndarray],
    root_of: Callable[[str], int], window_days: int, min_cos: float, min_anchor: float,
) -> tuple[str, float, str, float | None] | None:
    """The earlier same-credit story in another language that ``t`` translates, if clear.

    Whole-article embeddings cannot tell one agency's stories on one event apart (cosine up
    to 0.95 between different stories, 0.84-0.87 between a story and its translation on
    the sample corpus), so a candidate needs ``min_anchor`` of the shorter text's names and
    numbers (at least 2) and, when both have vectors, cosine ``min_cos``; then it must beat
    every other candidate origin clearly (by cosine, else by shared anchors).
    """
    me = docs[t]
    best: dict[int, tuple[tuple[float, float, int], str, str, float | None]] = {}
    for y in group:
        other = docs[y]
        if y == t or not _cross_language(me, other) or sort_key(other) >= sort_key(me):
            continue
        days = _days_apart(me.date, other.date)
        if days is not None and days > window_days:
            continue
        va, vb = unit.get(t), unit.get(y)
        cos = float(va @ vb) if va is not None and vb is not None and va.shape == vb.shape else None
        shared = len(me.anchors & other.anchors)
        smaller = min(len(me.anchors), len(other.anchors))
        share = shared / smaller if smaller else 0.0
        # names and numbers must agree in any case: a lone embedding match can be another
        # story of the agency (a Kerman translation matched a coalition story at 0.84)
        if shared < 2 or share < min_anchor:
            continue
        if cos is not None and cos >= min_cos:
            how = f"cosine {cos:.2f}, {shared} shared names and numbers"
        elif cos is None:
            how = f"{shared} shared names and numbers"
        else:
            continue
        key = (cos if cos is not None else 0.0, share, shared)
        root = root_of(y)
        if root not in best or key > best[root][0]:
            best[root] = (key, y, how, days)
    if not best:
        return None
    ranked = sorted(best.values(), key=lambda item: item[0], reverse=True)
    if len(ranked) > 1:
        (c1, s1, n1), (c2, s2, n2) = ranked[0][0], ranked[1][0]
        clear = c1 - c2 >= 0.01 if c1 and c2 else (s1, n1) > (s2, n2)
        if not clear:
            log.debug("%s: ambiguous translation source, left as its own origin", t)
            return None
    key, source, how, days = ranked[0]
    return source, key[0] or key[1], how, days



def _cross_language(a: Doc, b: Doc) -> bool:
    la, lb = a.article.language[:2].lower(), b.article.language[:2].lower()
    return bool(la and lb and la != lb)


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _unit_vectors(vectors: Mapping[str, np.ndarray] | None,
                  docs: Mapping[str, Doc]) -> dict[str, np.ndarray]:
    """The given vectors of clustered articles, L2-normalised."""
    out: dict[str, np.ndarray] = {}
    for i, v in (vectors or {}).items():
        if i not in docs:
            continue
        arr = np.asarray(v, dtype=np.float32).ravel()
        norm = float(np.linalg.norm(arr))
        if norm > 0 and math.isfinite(norm):
            out[i] = arr / norm
    return out


class _Components:
    """Which articles the evidence so far connects (scipy's connected components).

    Every edge found before the translation step is in place when this is made; a
    translation link recomputes the components only when it joins two of them.
    """

    def __init__(self, ids: Sequence[str], edges: list[_Edge]) -> None:
        self._index = {i: n for n, i in enumerate(ids)}
        self._edges = edges
        self._labels = _component_labels(self._index, edges)

    def of(self, i: str) -> int:
        """The component of article ``i`` (a label, the same for every member)."""
        return int(self._labels[self._index[i]])

    def joined(self, a: str, b: str) -> None:
        """An edge between ``a`` and ``b`` was added."""
        if self.of(a) != self.of(b):
            self._labels = _component_labels(self._index, self._edges)

    def labels(self) -> np.ndarray:
        """The component label of each article, in the order of ``ids``."""
        return self._labels


def _component_labels(index: Mapping[str, int], edges: Sequence[_Edge]) -> np.ndarray:
    from scipy.sparse import coo_array
    from scipy.sparse.csgraph import connected_components

    rows = np.fromiter((index[a] for _, _, a, _, _ in edges), dtype=np.int64, count=len(edges))
    cols = np.fromiter((index[b] for _, _, _, b, _ in edges), dtype=np.int64, count=len(edges))
    n = len(index)
    graph = coo_array((np.ones(len(edges), dtype=np.int8), (rows, cols)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return np.asarray(labels)


def _assemble(docs: Mapping[str, Doc], ids: Sequence[str], labels: np.ndarray,
              edges: list[_Edge]) -> OriginClustering:
    """Origins from the connected components, each member explained by its best edge."""
    members: dict[int, list[str]] = defaultdict(list)
    for n, i in enumerate(ids):  # ids are oldest first, so members are too
        members[int(labels[n])].append(i)
    adjacency: dict[str, list[tuple[int, float, str, str]]] = defaultdict(list)
    for kind, neg, a, b, reason in edges:
        adjacency[a].append((kind, neg, b, reason))
        adjacency[b].append((kind, neg, a, reason))
    origins = []
    origin_of: dict[str, str] = {}
    # an origin's id is its oldest member; origins come oldest first
    for group in sorted(members.values(), key=lambda g: sort_key(docs[g[0]])):
        root = group[0]
        for i in group:
            origin_of[i] = root
        origins.append(Origin(
            id=root,
            article_ids=tuple(group),
            outlets=tuple(sorted({_outlet(docs[i].article) for i in group})),
            wire=_majority_credit(docs, group),
            folded=_explain(root, set(group), adjacency, docs),
        ))
    outlet_of = {i: _outlet(docs[i].article) for i in ids}
    log.debug("clustered %s articles into %s origins", len(ids), len(origins))
    return OriginClustering(origin_of=origin_of, origins=tuple(origins), outlet_of=outlet_of)


def _explain(root: str, group: set[str],
             adjacency: Mapping[str, list[tuple[int, float, str, str]]],
             docs: Mapping[str, Doc]) -> tuple[Fold, ...]:
    """A spanning tree from the root that prefers the strongest kind of evidence (Prim)."""
    seen = {root}
    heap: list[tuple[int, float, tuple[str, ...], tuple[str, ...], str, str, str]] = []

    def push(u: str) -> None:
        for kind, neg, v, reason in adjacency.get(u, ()):
            if v in group and v not in seen:
                # ties: older articles first, explained by older members
                heapq.heappush(heap, (kind, neg, sort_key(docs[v]), sort_key(docs[u]), v, u,
                                      reason))

    push(root)
    folds = []
    while heap:
        _, _, _, _, v, u, reason = heapq.heappop(heap)
        if v in seen:
            continue
        seen.add(v)
        folds.append(Fold(article_id=v, into=u, reason=reason))
        push(v)
    return tuple(folds)


def _majority_credit(docs: Mapping[str, Doc], group: Sequence[str]) -> str | None:
    counts = Counter(c for i in group for c in docs[i].credits[:1])
    return counts.most_common(1)[0][0] if counts else None


def _outlet(article: Article) -> str:
    return article.outlet or urlsplit(article.url).hostname or article.id


def _days_apart(a: datetime | None, b: datetime | None) -> float | None:
    if a is None or b is None:
        return None
    return abs((a - b).total_seconds()) / 86400


def _within(days: float | None) -> str:
    if days is None:
        return ""
    if days < 1:
        return " the same day"
    whole = math.ceil(days)
    return f" within {plural(whole, 'day')}"


__all__ = ["cluster_origins"]
