"""Turning classified passages into a result: evidence per article, copies, sides, verdict, summary.

The engine retrieves passages and reads their stance; this module decides which passages are
worth reading (:func:`select_for_stance`) and assembles what it read into a
:class:`~corroborate.results.Result` (:func:`assemble`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from .domain import Article, Passage, SearchHit, StanceResult
from .filters import SearchFilters
from .results import SIDE_OF_LABEL, SIDES, Copy, Evidence, Result, SideSummary
from .stance.conflict import Conflict


def select_for_stance(hits: Sequence[SearchHit], m: int, *, min_score: float,
                      per_article: int = 2) -> list[SearchHit]:
    """The passages whose stance is worth classifying, at most ``m``.

    Multilingual encoders rank passages in the claim's own language first, so taking the top
    ``m`` would hide coverage in other languages; languages take turns instead (each in score
    order), and one article contributes at most ``per_article`` passages.
    """
    queues: dict[str, list[SearchHit]] = defaultdict(list)
    taken: Counter[str] = Counter()
    for hit in hits:  # already best first
        if hit.score < min_score or taken[hit.article.id] >= per_article:
            continue
        taken[hit.article.id] += 1
        queues[hit.article.language].append(hit)
    chosen: list[SearchHit] = []
    order = sorted(queues, key=lambda lang: -queues[lang][0].score)
    while len(chosen) < m and any(queues.values()):
        for lang in order:
            if queues[lang] and len(chosen) < m:
                chosen.append(queues[lang].pop(0))
    return sorted(chosen, key=lambda h: -h.score)


def assemble(claim: str, hits: Sequence[SearchHit], best: Sequence[SearchHit],
             stances: Sequence[StanceResult], *, top_k: int, filters: SearchFilters,
             deciding: Mapping[int, tuple[int, int]] | None = None,
             vectors: Mapping[str, Any] | None = None, origin_window_days: int = 3,
             min_origins: int = 2) -> Result:
    """The result for ``claim``.

    Args:
        claim: the (normalised) claim.
        hits: every retrieved passage, best first (their articles fold into origins).
        best, stances: the passages whose stance was read, and each one's stance.
        top_k: articles kept per side.
        filters: the filters the search used (carried in the result).
        deciding: by passage id, the sentence that decided a passage's stance.
        vectors: per article id, a vector for same-story checks between articles.
        origin_window_days, min_origins: the origin clustering window and the verdict's bar.
    """
    from .lang import detect_language
    from .origins import cluster_origins
    from .stance import aggregate_document_stance
    from .verdict import decide_verdict

    by_article: dict[str, list[tuple[SearchHit, StanceResult]]] = defaultdict(list)
    for hit, stance in zip(best, stances, strict=True):
        by_article[hit.article.id].append((hit, stance))
    # origins over every retrieved article, so reprints that were not classified still fold in
    articles = {h.article.id: h.article for h in hits}
    clustering = cluster_origins(list(articles.values()), vectors=dict(vectors or {}),
                                 window_days=origin_window_days)
    origin_of = clustering.origin_of

    evidence: list[Evidence] = []
    for article_id, pairs in by_article.items():
        doc = aggregate_document_stance([s for _, s in pairs])
        if doc.label == "unrelated" or doc.label not in SIDE_OF_LABEL:
            continue
        strongest = _strongest(pairs, doc.label)
        evidence.append(_evidence(claim, strongest, doc, origin_of.get(article_id, article_id),
                                  (deciding or {}).get(strongest[0].passage.id)))
    evidence = one_reading_per_origin(evidence)

    # copies: other articles of the same origin
    members: dict[str, list[Article]] = defaultdict(list)
    for art in articles.values():
        members[origin_of.get(art.id, art.id)].append(art)
    reasons = getattr(clustering, "reasons", {}) or {}
    sides: dict[str, list[Evidence]] = {name: [] for name in SIDES}
    for ev in evidence:
        copies = tuple(
            Copy(a.id, a.url, a.title, a.outlet, a.published,
                 str(reasons.get(a.id, "same origin")))
            for a in sorted(members[ev.origin], key=_published_key) if a.id != ev.article_id
        )
        ev = replace(ev, copies=copies)
        sides[SIDE_OF_LABEL[ev.stance]].append(ev)
    for name in SIDES:
        sides[name].sort(key=lambda e: (-e.confidence * e.score, e.published is None))

    counts = {name: _side_summary(items) for name, items in sides.items()}
    verdict = decide_verdict(
        counts["supporting"].origins, counts["contradicting"].origins,
        min_origins=min_origins,
        supporting=counts["supporting"], contradicting=counts["contradicting"],
    )
    return Result(
        claim=claim,
        supporting=tuple(sides["supporting"][:top_k]),
        contradicting=tuple(sides["contradicting"][:top_k]),
        neutral=tuple(sides["neutral"][:top_k]),
        verdict=verdict,
        summary=_summary(sides, counts, len(hits), len(best)),
        language=detect_language(claim),
        filters=filters,
    )


POLAR = ("supports", "contradicts")


def one_reading_per_origin(evidence: Sequence[Evidence]) -> list[Evidence]:
    """One evidence item per origin: its copies and translations are one story and take one
    reading, the most confident one that takes a side (else the most confident); articles of
    the origin read on the other side are named in ``dissent`` and never count as a second
    side."""
    by_origin: dict[str, list[Evidence]] = defaultdict(list)
    for ev in evidence:
        by_origin[ev.origin].append(ev)
    out = []
    for items in by_origin.values():
        # copies read alike tie: the same article leads whichever order they were found in
        best = max(items, key=lambda e: (e.stance in POLAR, round(e.confidence, 4),
                                         round(e.score, 4), e.url))
        dissent = tuple(e.article_id for e in items
                        if e.stance in POLAR and best.stance in POLAR and e.stance != best.stance)
        out.append(replace(best, read_articles=len(items), dissent=dissent))
    return out


def article_vectors(hits: Sequence[SearchHit], vectors_of: Callable[[Any], Any]
                    ) -> dict[str, Any]:
    """Per article, the mean of its retrieved passages' vectors (for same-story checks).

    ``vectors_of``: the index's ``vectors`` (an int64 array of passage ids → their vectors).
    """
    import numpy as np

    if not hits:
        return {}
    ids = np.array([h.passage.id for h in hits], dtype=np.int64)
    grouped: dict[str, list[Any]] = defaultdict(list)
    for hit, vec in zip(hits, vectors_of(ids), strict=True):
        grouped[hit.article.id].append(vec)
    return {aid: np.mean(vs, axis=0) for aid, vs in grouped.items()}


def _published_key(a: Article) -> tuple[bool, str]:
    return (a.published is None, a.published.isoformat() if a.published else "")


def _strongest(pairs: Sequence[tuple[SearchHit, StanceResult]], label: str
               ) -> tuple[SearchHit, StanceResult]:
    """The passage that carries the article's stance: the most confident one read with that
    label. A passage read as leaning that way but held back (a contradiction no sentence
    carries, a support the evidence check stopped) never stands for the side another passage
    decided: the card would show the reader a text that does not say what its label does."""
    return max(pairs, key=lambda p: (p[1].label == label, p[1].probabilities.get(label, 0.0),
                                     p[0].score))


def _evidence(claim: str, pair: tuple[SearchHit, StanceResult], doc: StanceResult, origin: str,
              sentence: tuple[int, int] | None = None) -> Evidence:
    """``sentence``: offsets in the passage of the sentence that decided its stance, if one did."""
    from .stance.evidence import shown_conflicts, unconfirmed

    hit, stance = pair
    p: Passage = hit.passage
    a: Article = hit.article
    highlight = sentence or _best_sentence(claim, p)
    conflicts: tuple[Conflict, ...] = ()
    if doc.label == "contradicts":  # where the claim and the sentence conflict, in passage offsets
        at = highlight[0]
        conflicts = tuple(
            replace(c, passage=(c.passage[0] + at, c.passage[1] + at) if c.passage else None)
            for c in shown_conflicts(claim, p.text[highlight[0]:highlight[1]]))
    return Evidence(
        article_id=a.id, url=a.url, title=a.title, outlet=a.outlet, language=a.language,
        published=a.published, passage=p.text, start=p.start, end=p.end,
        highlight=highlight, score=float(hit.score), stance=doc.label,
        probabilities=dict(stance.probabilities), origin=origin,
        reading="sentence" if sentence else "passage", conflicts=conflicts,
        unconfirmed=unconfirmed(claim, p.text) if doc.label in ("neutral", "unrelated") else (),
    )


def _best_sentence(claim: str, passage: Passage) -> tuple[int, int]:
    """Offsets within the passage of the sentence sharing most words with the claim."""
    spans = ([(s - passage.start, e - passage.start) for s, e in passage.sentence_spans]
             or [(0, len(passage.text))])
    words = {w for w in _words(claim) if len(w) > 2}
    if not words:
        return spans[0]

    def overlap(span: tuple[int, int]) -> float:
        sent = set(_words(passage.text[span[0]:span[1]]))
        return len(words & sent) / (1 + len(sent) ** 0.5)

    return max(spans, key=overlap)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _side_summary(items: Sequence[Evidence]) -> SideSummary:
    return SideSummary(sum(e.read_articles for e in items), len({e.outlet for e in items}),
                       len({e.origin for e in items}))


def _summary(sides: dict[str, list[Evidence]], counts: dict[str, SideSummary],
             retrieved: int, classified: int) -> dict[str, Any]:
    every = [e for items in sides.values() for e in items]
    dates = sorted(e.published for e in every if e.published is not None)
    timeline: dict[str, Counter[str]] = defaultdict(Counter)
    for name, items in sides.items():
        for e in items:
            if e.published is not None:
                timeline[e.published.date().isoformat()][name] += 1
    return {
        "counts": {name: c.to_dict() for name, c in counts.items()},
        "described": {name: c.describe() for name, c in counts.items()},
        "articles": len(every),
        "outlets": len({e.outlet for e in every}),
        "origins": len({e.origin for e in every}),
        "languages": sorted({e.language for e in every if e.language}),
        "date_span": [dates[0].isoformat(), dates[-1].isoformat()] if dates else None,
        "timeline": [{"date": d, **{name: timeline[d].get(name, 0) for name in SIDES}}
                     for d in sorted(timeline)],
        "retrieved_passages": retrieved,
        "classified_passages": classified,
    }
