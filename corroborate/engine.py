"""The engine the CLI and the page stand on: a claim in, supporting and contradicting coverage out.

    retrieve (vindex) → stance on the best passages (cached) → one stance per article
    (its strongest passage) → independent origins → verdict + summary

Orchestration only: the stages live in their packages, the result's assembly in
:mod:`corroborate.assemble`. The store, index and feed-list work of the command line goes
through here too (:meth:`Engine.store_stats`, :meth:`Engine.ingest`, :meth:`Engine.feeds`...).

Example:
    >>> from corroborate import Engine
    >>> engine = Engine("demo-data")                     # doctest: +SKIP
    >>> result = engine.search("ISIS claimed the Kerman bombings")  # doctest: +SKIP
    >>> result.verdict.label, [e.outlet for e in result.supporting]  # doctest: +SKIP
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .assemble import article_vectors, assemble, select_for_stance
from .dates import DateLike
from .domain import SearchHit, StanceResult
from .filters import ClaimError, SearchFilters, checked_claim
from .results import Result
from .settings import Settings
from .stance.anaphora import resolve_group
from .stance.reldates import anchor_dates
from .upkeep import Progress, Upkeep

if TYPE_CHECKING:  # pragma: no cover
    from .claims import Claim
    from .compare import Comparison
    from .index.search import Searcher

log = logging.getLogger(__name__)

Filters = SearchFilters  # the name this module used to give them
_WARM_UP_CLAIM = "The minister said on Monday that 12 people were killed in the attack."
__all__ = ["ClaimError", "Engine", "Filters", "Progress", "select_for_stance"]


class Engine(Upkeep):
    """Corroboration over one data directory. Thread-safe; models and the index load once.

    Args:
        data_dir: the data directory (default: the settings' ``data_dir``).
        settings: settings to use (default: ``Settings.load()``).
        classify: runs the stance model on (claim, texts) in place of
            :func:`~corroborate.stance.classify_stance` (the server batches requests with it);
            the cache is consulted first either way.

    The store, index and feed-list side (status, ingest, rebuild, feeds) is in :class:`Upkeep`.

    Raises (on first use, not at construction):
        IndexError_: no index yet, or one built with another model (says what to run).
        ModelError: a model is missing or unprepared.
    """

    def __init__(self, data_dir: str | Path | None = None, *,
                 settings: Settings | None = None,
                 classify: Callable[[str, list[str]], list[StanceResult]] | None = None
                 ) -> None:
        base = settings or Settings.load()
        self.settings = base.replace(data_dir=Path(data_dir)) if data_dir is not None else base
        self._lock = threading.RLock()
        self._searcher: Searcher | None = None
        self._stance_model: Any = None
        self._cache: Any = None
        self._fact_checks: Any = None
        self._classify_fn = classify
        self._assembled = _Recent(64)  # assembled results of recent searches (_assembly_key)

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

    @property
    def fact_check_lookup(self) -> Any:
        """Matches claims against the stored fact-checks (see :mod:`corroborate.factcheck`)."""
        with self._lock:
            if self._fact_checks is None:
                from .factcheck.lookup import FactCheckLookup

                searcher = self.searcher
                self._fact_checks = FactCheckLookup(self.settings, searcher.store,
                                                    searcher.encoder)
            return self._fact_checks

    def fact_checks(self, claim: str, k: int | None = None) -> tuple[Any, ...]:
        """The fact-checkers' published verdicts on claims close to ``claim``, best first."""
        claim = checked_claim(claim, self.settings.max_claim_chars)
        return self.fact_check_lookup.find([claim], k)[0]

    def warm_up(self, *, stance: bool = True, first_pass: bool = True,
                on_step: Callable[[str, int, int], None] | None = None) -> None:
        """Load what a search needs now rather than on the first search: the index and the
        encoder; with ``stance``, the stance model and the fact-check vectors; with
        ``first_pass`` too, one search's work on a fixed claim (buffers allocated, lazy
        imports done; nothing is cached).

        ``on_step(what, done, total)`` is called before each step and once at the end
        (``what`` then empty).
        """
        steps: list[tuple[str, Callable[[], object]]] = [
            ("the index and the encoder", lambda: self.searcher)]
        if stance:
            steps += [("the stance model", lambda: self.stance_model),
                      ("the fact-checks", lambda: self.fact_check_lookup)]
            if first_pass:
                steps.append(("a first pass through the models", self._first_pass))
        for done, (what, step) in enumerate(steps):
            if on_step is not None:
                on_step(what, done, len(steps))
            step()
        if on_step is not None:
            on_step("", len(steps), len(steps))

    def _first_pass(self) -> None:
        """One search's work on a fixed claim without touching the stance cache."""
        from .origins import cluster_origins
        from .stance import classify_stance

        s = self.settings
        hits = self.searcher.search(_WARM_UP_CLAIM, s.retrieve_n, SearchFilters.of())
        best = select_for_stance(hits, 4, min_score=-1.0)
        classify_stance(_WARM_UP_CLAIM, [h.passage.text for h in best] or [_WARM_UP_CLAIM],
                        model=self.stance_model)
        cluster_origins([h.article for h in hits],
                        vectors=article_vectors(hits, self.searcher.index.vectors))
        assemble(_WARM_UP_CLAIM, [], [], [], top_k=1, filters=SearchFilters.of())
        self.fact_check_lookup.find([_WARM_UP_CLAIM])

    # --- checking a claim ----------------------------------------------------------------------
    def search(self, claim: str, *, top_k: int | None = None, date_from: DateLike = None,
               date_to: DateLike = None, languages: Iterable[str] = (),
               outlets: Iterable[str] = (), exclude_outlets: Iterable[str] = (),
               exclude_urls: Iterable[str] = (), claim_date: DateLike = None,
               evidence: str | None = None, retrieve_n: int | None = None,
               stance_m: int | None = None) -> Result:
        """Find the coverage that supports and contradicts ``claim``.

        Args:
            claim: the claim, in any language (at most ``max_claim_chars`` characters).
            top_k: articles kept per side (default: settings.top_k).
            date_from, date_to: only evidence published in this range (inclusive).
            languages, outlets: only evidence in these languages / from these outlets.
            exclude_outlets, exclude_urls: leave out the claim's own source.
            claim_date, evidence: with evidence="before" or "after", only evidence published
                before/after the claim's date.
            retrieve_n, stance_m: passages retrieved, and how many of the best get a stance.

        Returns:
            A :class:`~corroborate.results.Result` (``to_dict()`` for JSON).

        Raises:
            ClaimError: an empty claim, or one long enough to be an article.
            DateError, EvidenceWindowError: a date or ``evidence`` that cannot be read.
        """
        s = self.settings
        claim = checked_claim(claim, s.max_claim_chars)
        filters = SearchFilters.of(
            date_from=date_from, date_to=date_to, languages=languages, outlets=outlets,
            exclude_outlets=exclude_outlets, exclude_urls=exclude_urls, claim_date=claim_date,
            evidence=evidence)
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        hits = self.searcher.search(claim, retrieve_n or s.retrieve_n, filters)
        timings["retrieve"] = time.perf_counter() - t0
        t1 = time.perf_counter()
        best = select_for_stance(hits, stance_m or s.stance_m, min_score=s.min_score)
        stances, deciding = self._stances(claim, best)
        timings["stance"] = time.perf_counter() - t1
        t2 = time.perf_counter()
        key = _assembly_key(claim, hits, best, stances, deciding, filters,
                            (top_k or s.top_k, s.origin_window_days, s.verdict_min_origins,
                             self.searcher.generation))
        result = self._assembled.get(key)
        if result is None:
            result = assemble(claim, hits, best, stances, top_k=top_k or s.top_k,
                              filters=filters, deciding=deciding,
                              vectors=article_vectors(hits, self.searcher.index.vectors),
                              origin_window_days=s.origin_window_days,
                              min_origins=s.verdict_min_origins)
            self._assembled.put(key, result)
        timings["aggregate"] = time.perf_counter() - t2
        t3 = time.perf_counter()
        checked = self.fact_check_lookup.find([claim])[0]
        timings["fact_checks"] = time.perf_counter() - t3
        timings["total"] = time.perf_counter() - t0
        return Result(result.claim, result.supporting, result.contradicting, result.neutral,
                      result.verdict, result.summary, result.language, result.filters, timings,
                      fact_checks=checked)

    def hits(self, claims: Sequence[str], k: int | None = None, **filters: Any
             ) -> list[list[SearchHit]]:
        """The ``k`` stored passages closest to each claim, best first: no stance, no verdict.

        ``filters`` are the filter options of :meth:`search` (dates, languages, outlets...).
        """
        texts = [checked_claim(c, self.settings.max_claim_chars) for c in claims]
        chosen = SearchFilters.of(**filters)
        out: list[list[SearchHit]] = []
        for start in range(0, len(texts), 64):
            out += self.searcher.search_many(texts[start:start + 64], k or self.settings.top_k,
                                             chosen)
        return out

    def _stances(self, claim: str, hits: Sequence[SearchHit]
                 ) -> tuple[list[StanceResult], dict[int, tuple[int, int]]]:
        """Stance of each hit's passage and, by passage id, the sentence that decided it (if any),
        read through :mod:`corroborate.stance.reading` (as the evaluation reads)."""
        from .stance.reading import read_passages

        s = self.settings
        passages = [h.passage for h in hits]
        readings = read_passages(
            lambda _claims, texts: self._classify(claim, texts), [claim] * len(hits),
            [p.text for p in passages],
            lambda i: [(a - passages[i].start, b - passages[i].start)
                       for a, b in passages[i].sentence_spans],
            sentences=s.stance_sentences, threshold=s.stance_sentence_threshold,
            prepare=lambda i, text: self._readable(hits[i], text), contradiction_sentence=True,
            affirm=self.stance_model.calibration.evidence is not None)
        deciding = {h.passage.id: r.sentence for h, r in zip(hits, readings, strict=True)
                    if r.sentence}
        return [r.result for r in readings], deciding

    def _readable(self, hit: SearchHit, text: str) -> str:
        """The text the stance model reads: "the group" named as the article names it (see
        :mod:`.stance.anaphora`) and, with ``stance_anchor_dates``, its relative dates ("on
        Thursday") written out from the article's publication date, to the month (see
        :mod:`.reldates`: a report's day never conflicts with the event's)."""
        article = hit.article
        text = resolve_group(text, f"{article.title}\n{article.text[:hit.passage.end]}")
        if not self.settings.stance_anchor_dates:
            return text
        return anchor_dates(text, article.language, article.published, day=False)

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
            fresh = (self._classify_fn(claim, texts) if self._classify_fn is not None
                     else classify_stance(claim, texts, model=model))
            self.stance_cache.put_many(claim, texts, model.cache_key, fresh)
            for idx, r in zip(groups.values(), fresh, strict=True):
                for i in idx:
                    cached[i] = r
        return [r for r in cached if r is not None]

    # --- articles, comparisons -------------------------------------------------------------------
    def extract_claims(self, text: str, *, language: str | None = None,
                       max_claims: int = 20) -> list[Claim]:
        """Check-worthy claim sentences of an article, best first
        (see :mod:`corroborate.claims`)."""
        from .claims import extract_claims

        return extract_claims(text, language=language, max_claims=max_claims)

    def check_article(self, text: str, *, max_claims: int = 10,
                      **options: Any) -> list[tuple[Claim, Result]]:
        """Extract the claims of an article and corroborate each
        (``options`` as for :meth:`search`)."""
        return [(c, self.search(c.text, **options))
                for c in self.extract_claims(text, max_claims=max_claims)]

    def compare(self, claims: Sequence[str], *, on_progress: Progress | None = None,
                **options: Any) -> Comparison:
        """Outlet × claim matrix of stance for a set of claims (see :mod:`corroborate.compare`)."""
        from .compare import compare_outlets

        results = []
        for i, claim in enumerate(claims):
            results.append(self.search(claim, **options))
            if on_progress:
                on_progress(i + 1, len(claims))
        return compare_outlets(results, self.known_outlets())


def _assembly_key(claim: str, hits: Sequence[SearchHit], best: Sequence[SearchHit],
                  stances: Sequence[StanceResult], deciding: dict[int, tuple[int, int]],
                  filters: SearchFilters, rest: tuple[Any, ...]) -> tuple[Any, ...]:
    """Everything :func:`~.assemble.assemble` reads, so that a search asked again with the same
    hits and readings reuses its result (origins are grouped once, not again on every click):
    each hit's passage, article (all but its text, which the content hash stands for) and score,
    the stances read, the options, and the index generation (the article vectors)."""
    def article(a: Any) -> tuple[Any, ...]:
        return (a.id, a.url, a.outlet, a.title, a.language, a.published, a.author,
                a.content_hash, a.duplicate_of, len(a.text))

    return (claim, tuple((h.passage, article(h.article), h.score) for h in hits),
            tuple(h.passage.id for h in best),
            tuple((r.label, tuple(sorted(r.probabilities.items()))) for r in stances),
            tuple(sorted(deciding.items())), filters, rest)


class _Recent:
    """A small least-recently-used map, safe across threads."""

    def __init__(self, size: int) -> None:
        from collections import OrderedDict

        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: Any, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

