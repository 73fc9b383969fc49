"""The engine the CLI and the page stand on: a claim in, supporting and contradicting coverage out.

    retrieve (vindex) → stance on the best passages (cached) → one stance per article
    (its strongest passage) → independent origins → verdict + summary

Example:
    >>> from corroborate import Engine
    >>> engine = Engine("index")                         # doctest: +SKIP
    >>> result = engine.search("ISIS claimed the Kerman bombings")  # doctest: +SKIP
    >>> result.verdict.label, len(result.supporting)     # doctest: +SKIP
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from datetime import time as dtime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .domain import Article, Passage, SearchHit, StanceResult
from .errors import FeedListError
from .results import SIDE_OF_LABEL, SIDES, Copy, Evidence, Result, SideSummary
from .settings import Settings
from .stance.reldates import anchor_dates

if TYPE_CHECKING:  # pragma: no cover
    from .claims import Claim
    from .compare import Comparison
    from .index.search import Searcher

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Filters:
    """What evidence may be used. Dates are inclusive; ``None`` means no bound."""

    date_from: datetime | None = None
    date_to: datetime | None = None
    languages: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    exclude_outlets: tuple[str, ...] = ()
    exclude_urls: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
            "languages": list(self.languages),
            "outlets": list(self.outlets),
            "exclude_outlets": list(self.exclude_outlets),
            "exclude_urls": list(self.exclude_urls),
        }


def as_datetime(value: date | datetime | str | None, *, end_of_day: bool = False) -> datetime | None:
    """Parse a date or datetime (ISO text accepted) into an aware UTC datetime."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value) if "T" in value or " " in value else date.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"invalid date {value!r}: use YYYY-MM-DD or an ISO 8601 datetime") from exc
    if not isinstance(value, datetime):
        value = datetime.combine(value, dtime.max if end_of_day else dtime.min)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def claim_window(claim_date: date | datetime | str | None, evidence: str | None,
                 filters: Filters) -> Filters:
    """Narrow ``filters`` to evidence published before or after the claim's date."""
    when = as_datetime(claim_date)
    if when is None or not evidence:
        return filters
    if evidence not in ("before", "after"):
        raise ValueError(f"evidence should be 'before' or 'after' the claim date, not {evidence!r}")
    if evidence == "before":
        end = when if filters.date_to is None else min(filters.date_to, when)
        return Filters(filters.date_from, end, filters.languages, filters.outlets,
                       filters.exclude_outlets, filters.exclude_urls)
    start = when if filters.date_from is None else max(filters.date_from, when)
    return Filters(start, filters.date_to, filters.languages, filters.outlets,
                   filters.exclude_outlets, filters.exclude_urls)


class Engine:
    """Corroboration over one data directory. Thread-safe; models and the index load once.

    Args:
        data_dir: the data directory (default: the settings' ``data_dir``).
        settings: settings to use (default: ``Settings.load()``).

    Raises (on first use, not at construction):
        IndexError_: no index yet, or one built with another model (says what to run).
        ModelError: a model is missing or unprepared.
    """

    def __init__(self, data_dir: str | Path | None = None, *, settings: Settings | None = None) -> None:
        base = settings or Settings.load()
        self.settings = base.replace(data_dir=Path(data_dir)) if data_dir is not None else base
        self._lock = threading.RLock()
        self._searcher: Searcher | None = None
        self._stance_model: Any = None
        self._cache: Any = None

    # --- the parts, loaded lazily and once ----------------------------------------------------
    @property
    def searcher(self) -> Searcher:
        with self._lock:
            if self._searcher is None:
                from .index.search import Searcher

                self._searcher = Searcher(self.settings)
            else:
                self._searcher.reload_if_changed()
            return self._searcher

    @property
    def stance_model(self) -> Any:
        with self._lock:
            if self._stance_model is None:
                from .stance import load_stance_model

                self._stance_model = load_stance_model(self.settings)
            return self._stance_model

    @property
    def stance_cache(self) -> Any:
        with self._lock:
            if self._cache is None:
                from .stance.cache import StanceCache

                self._cache = StanceCache(self.settings.layout.stance_cache)
            return self._cache

    def warm_up(self) -> None:
        """Load the index, the encoder and the stance model now rather than on first search."""
        _ = self.searcher
        _ = self.stance_model

    # --- checking a claim ------------------------------------------------------------------------
    def search(
        self,
        claim: str,
        *,
        top_k: int | None = None,
        date_from: date | datetime | str | None = None,
        date_to: date | datetime | str | None = None,
        languages: Iterable[str] = (),
        outlets: Iterable[str] = (),
        exclude_outlets: Iterable[str] = (),
        exclude_urls: Iterable[str] = (),
        claim_date: date | datetime | str | None = None,
        evidence: str | None = None,
        retrieve_n: int | None = None,
        stance_m: int | None = None,
    ) -> Result:
        """Find the coverage that supports and contradicts ``claim``.

        Args:
            claim: the claim, in any language.
            top_k: articles kept per side (default: settings.top_k).
            date_from, date_to: only evidence published in this range (inclusive).
            languages, outlets: only evidence in these languages / from these outlets.
            exclude_outlets, exclude_urls: leave out the claim's own source.
            claim_date, evidence: with evidence="before" or "after", only evidence published
                before/after the claim's date.
            retrieve_n, stance_m: passages retrieved, and how many of the best get a stance.

        Returns:
            A :class:`~corroborate.results.Result` (``to_dict()`` for JSON).
        """
        claim = " ".join(claim.split())
        if not claim:
            raise ValueError("the claim is empty")
        s = self.settings
        top_k = top_k or s.top_k
        filters = Filters(
            as_datetime(date_from), as_datetime(date_to, end_of_day=True),
            tuple(languages), tuple(outlets), tuple(exclude_outlets), tuple(exclude_urls),
        )
        filters = claim_window(claim_date, evidence, filters)
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        hits = self._retrieve(claim, retrieve_n or s.retrieve_n, filters)
        timings["retrieve"] = time.perf_counter() - t0
        t1 = time.perf_counter()
        best = select_for_stance(hits, stance_m or s.stance_m, min_score=s.min_score)
        stances, deciding = self._stances(claim, best)
        timings["stance"] = time.perf_counter() - t1
        t2 = time.perf_counter()
        result = self._assemble(claim, hits, best, stances, top_k, filters, deciding)
        timings["aggregate"] = time.perf_counter() - t2
        timings["total"] = time.perf_counter() - t0
        return Result(result.claim, result.supporting, result.contradicting, result.neutral,
                      result.verdict, result.summary, result.language, result.filters, timings)

    def _retrieve(self, claim: str, n: int, filters: Filters) -> list[SearchHit]:
        from .index.search import SearchFilters

        sf = SearchFilters(
            outlets=filters.outlets, languages=filters.languages,
            date_from=filters.date_from, date_to=filters.date_to,
            exclude_outlets=filters.exclude_outlets, exclude_urls=filters.exclude_urls,
        )
        return list(self.searcher.search(claim, n, sf))

    def _stances(self, claim: str, hits: Sequence[SearchHit]
                 ) -> tuple[list[StanceResult], dict[int, tuple[int, int]]]:
        """Stance of each hit's passage and, by passage id, the sentence that decided it (if any).

        Read through :mod:`corroborate.stance.reading` (the evaluation reads the same way): with
        ``stance_sentences`` a related passage whose own reading is not decisive is also read
        sentence by sentence; the deciding sentence is what the page highlights.
        """
        from .stance.reading import read_passages

        s = self.settings
        passages = [h.passage for h in hits]
        readings = read_passages(
            lambda _claims, texts: self._classify(claim, texts), [claim] * len(hits),
            [p.text for p in passages],
            lambda i: [(a - passages[i].start, b - passages[i].start) for a, b in passages[i].sentence_spans],
            sentences=s.stance_sentences, threshold=s.stance_sentence_threshold,
            prepare=lambda i, text: self._readable(hits[i], text))
        deciding = {h.passage.id: r.sentence for h, r in zip(hits, readings, strict=True) if r.sentence}
        return [r.result for r in readings], deciding

    def _readable(self, hit: SearchHit, text: str) -> str:
        """The text the stance model reads: with ``stance_anchor_dates``, its relative dates
        ("on Thursday") written out from the article's publication date (see :mod:`.reldates`)."""
        if not self.settings.stance_anchor_dates:
            return text
        return anchor_dates(text, hit.article.language, hit.article.published)

    def _classify(self, claim: str, passages: Sequence[str]) -> list[StanceResult]:
        """Stance of each text towards the claim, from the cache where possible."""
        if not passages:
            return []
        model = self.stance_model
        cached = self.stance_cache.get_many(claim, passages, model.cache_key)
        # wire copies repeat the same passage word for word: classify each distinct text once
        groups: dict[str, list[int]] = {}
        for i, r in enumerate(cached):
            if r is None:
                groups.setdefault(" ".join(passages[i].split()), []).append(i)
        if groups:
            from .stance import classify_stance

            texts = [passages[idx[0]] for idx in groups.values()]
            fresh = classify_stance(claim, texts, model=model)
            self.stance_cache.put_many(claim, texts, model.cache_key, fresh)
            for idx, r in zip(groups.values(), fresh, strict=True):
                for i in idx:
                    cached[i] = r
        return [r for r in cached if r is not None]

    def _assemble(self, claim: str, hits: Sequence[SearchHit], best: Sequence[SearchHit],
                  stances: Sequence[StanceResult], top_k: int, filters: Filters,
                  deciding: dict[int, tuple[int, int]] | None = None) -> Result:
        from .origins.cluster import cluster_origins
        from .stance import aggregate_document_stance
        from .verdict import decide_verdict

        by_article: dict[str, list[tuple[SearchHit, StanceResult]]] = defaultdict(list)
        for hit, stance in zip(best, stances, strict=True):
            by_article[hit.article.id].append((hit, stance))
        # origins over every retrieved article, so reprints that were not classified still fold in
        articles = {h.article.id: h.article for h in hits}
        clustering = cluster_origins(list(articles.values()), vectors=self._article_vectors(hits),
                                     window_days=self.settings.origin_window_days)
        origin_of = clustering.origin_of

        evidence: list[Evidence] = []
        for article_id, pairs in by_article.items():
            doc = aggregate_document_stance([s for _, s in pairs])
            if doc.label == "unrelated" or doc.label not in SIDE_OF_LABEL:
                continue
            strongest = _strongest(pairs, doc.label)
            evidence.append(_evidence(claim, strongest, doc, origin_of.get(article_id, article_id),
                                      (deciding or {}).get(strongest[0].passage.id)))

        # copies: other articles of the same origin
        members: dict[str, list[Article]] = defaultdict(list)
        for art in articles.values():
            members[origin_of.get(art.id, art.id)].append(art)
        reasons = getattr(clustering, "reasons", {}) or {}
        sides: dict[str, list[Evidence]] = {name: [] for name in SIDES}
        for ev in evidence:
            copies = tuple(
                Copy(a.id, a.url, a.title, a.outlet, a.published, str(reasons.get(a.id, "same origin")))
                for a in sorted(members[ev.origin], key=_published_key) if a.id != ev.article_id
            )
            ev = _with_copies(ev, copies)
            sides[SIDE_OF_LABEL[ev.stance]].append(ev)
        for name in SIDES:
            sides[name].sort(key=lambda e: (-e.confidence * e.score, e.published is None))

        counts = {name: _side_summary(items) for name, items in sides.items()}
        verdict = decide_verdict(
            counts["supporting"].origins, counts["contradicting"].origins,
            min_origins=self.settings.verdict_min_origins,
            supporting=counts["supporting"], contradicting=counts["contradicting"],
        )
        summary = _summary(sides, counts, len(hits), len(best))
        from .ingest.lang import detect_language

        return Result(
            claim=claim,
            supporting=tuple(sides["supporting"][:top_k]),
            contradicting=tuple(sides["contradicting"][:top_k]),
            neutral=tuple(sides["neutral"][:top_k]),
            verdict=verdict,
            summary=summary,
            language=detect_language(claim),
            filters=filters.to_dict(),
        )

    def _article_vectors(self, hits: Sequence[SearchHit]) -> dict[str, Any]:
        """Per article, the mean of its retrieved passages' vectors (for same-story checks)."""
        import numpy as np

        if not hits:
            return {}
        ids = np.array([h.passage.id for h in hits], dtype=np.int64)
        vectors = self.searcher.index.vectors(ids)
        grouped: dict[str, list[Any]] = defaultdict(list)
        for hit, vec in zip(hits, vectors, strict=True):
            grouped[hit.article.id].append(vec)
        return {aid: np.mean(vs, axis=0) for aid, vs in grouped.items()}

    # --- articles, comparisons, the index -------------------------------------------------------------
    def extract_claims(self, text: str, *, language: str | None = None, max_claims: int = 20) -> list[Claim]:
        """Check-worthy claim sentences of an article, best first (see :mod:`corroborate.claims`)."""
        from .claims import extract_claims

        return extract_claims(text, language=language, max_claims=max_claims)

    def check_article(self, text: str, *, max_claims: int = 10, **options: Any) -> list[tuple[Claim, Result]]:
        """Extract the claims of an article and corroborate each (``options`` as for :meth:`search`)."""
        return [(c, self.search(c.text, **options)) for c in self.extract_claims(text, max_claims=max_claims)]

    def compare(self, claims: Sequence[str], *, on_progress: Progress | None = None, **options: Any) -> Comparison:
        """Outlet × claim matrix of stance for a set of claims (see :mod:`corroborate.compare`)."""
        from .compare import compare_outlets

        results = []
        for i, claim in enumerate(claims):
            results.append(self.search(claim, **options))
            if on_progress:
                on_progress(i + 1, len(claims))
        return compare_outlets(results, self.known_outlets())

    def known_outlets(self) -> list[str]:
        """Every outlet of the feed list and the store (for "who ignored it")."""
        names: set[str] = set()
        try:
            from .ingest.feedlist import load_feed_list

            if Path(self.settings.feeds_file).is_file():
                names.update(f.outlet for f in load_feed_list(self.settings.feeds_file))
        except FeedListError as exc:  # a broken feed list must not break a comparison
            log.warning("outlets of the feed list left out of the comparison: %s", exc)
        names.update(self.status().get("per_outlet", {}).keys())
        return sorted(names)

    def status(self) -> dict[str, Any]:
        """Counts of feeds, articles and passages, per outlet and language; recent errors; manifest."""
        from .store.sqlite import Store

        if not self.settings.store_path.exists():
            return {"feeds": 0, "articles": 0, "passages": 0, "per_outlet": {}, "per_language": {}}
        with Store(self.settings.store_path) as store:
            stats: dict[str, Any] = dict(store.stats())
        stats["manifest"] = self.manifest()
        return stats

    def manifest(self) -> dict[str, Any] | None:
        """The vector index's manifest, or None when there is no index yet."""
        from dataclasses import asdict

        from .index.search import read_manifest

        manifest = read_manifest(self.settings.data_dir)
        return asdict(manifest) if manifest is not None else None

    def update(self, *, feeds_file: str | Path | None = None, on_progress: Progress | None = None,
               max_articles: int | None = None) -> Any:
        """Incremental ingest of the feed list (new articles are embedded and indexed)."""
        from .index.build import ingest_and_index
        from .ingest.feedlist import load_feed_list

        feeds = load_feed_list(Path(feeds_file or self.settings.feeds_file))
        report = ingest_and_index(self.settings, feeds, max_articles=max_articles, on_progress=on_progress)
        with self._lock:
            if self._searcher is not None:
                self._searcher.reload_if_changed()
        return report

    def rebuild(self, *, on_progress: Progress | None = None) -> Any:
        """Re-embed every passage into a new index and swap it in atomically."""
        from .index.search import rebuild

        out = rebuild(self.settings, on_progress=on_progress)
        with self._lock:
            if self._searcher is not None:
                self._searcher.reload_if_changed()
        return out


# --- helpers ---------------------------------------------------------------------------------------
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


def _published_key(a: Article) -> tuple[bool, str]:
    return (a.published is None, a.published.isoformat() if a.published else "")


def _strongest(pairs: Sequence[tuple[SearchHit, StanceResult]], label: str) -> tuple[SearchHit, StanceResult]:
    """The passage that carries the article's stance: the most confident one for that label."""
    return max(pairs, key=lambda p: (p[1].probabilities.get(label, 0.0), p[0].score))


def _evidence(claim: str, pair: tuple[SearchHit, StanceResult], doc: StanceResult, origin: str,
              sentence: tuple[int, int] | None = None) -> Evidence:
    """``sentence``: offsets in the passage of the sentence that decided its stance, if one did."""
    hit, stance = pair
    p: Passage = hit.passage
    a: Article = hit.article
    return Evidence(
        article_id=a.id, url=a.url, title=a.title, outlet=a.outlet, language=a.language,
        published=a.published, passage=p.text, start=p.start, end=p.end,
        highlight=sentence or _best_sentence(claim, p), score=float(hit.score), stance=doc.label,
        probabilities=dict(stance.probabilities), origin=origin,
        reading="sentence" if sentence else "passage",
    )


def _with_copies(ev: Evidence, copies: tuple[Copy, ...]) -> Evidence:
    from dataclasses import replace

    return replace(ev, copies=copies)


def _best_sentence(claim: str, passage: Passage) -> tuple[int, int]:
    """Offsets within the passage of the sentence sharing most words with the claim."""
    spans = [(s - passage.start, e - passage.start) for s, e in passage.sentence_spans] or [(0, len(passage.text))]
    words = {w for w in _words(claim) if len(w) > 2}
    if not words:
        return spans[0]

    def overlap(span: tuple[int, int]) -> float:
        sent = set(_words(passage.text[span[0]:span[1]]))
        return len(words & sent) / (1 + len(sent) ** 0.5)

    return max(spans, key=overlap)


def _words(text: str) -> list[str]:
    import re

    return re.findall(r"\w+", text.casefold())


def _side_summary(items: Sequence[Evidence]) -> SideSummary:
    return SideSummary(len(items), len({e.outlet for e in items}), len({e.origin for e in items}))


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

