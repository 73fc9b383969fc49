"""Read-only queries over the store: typed statistics, passage ids and texts, filtered ids.

The SQL behind :meth:`Store.stats`, :meth:`Store.all_passage_ids`, :meth:`Store.passage_texts`
and :meth:`Store.filtered_passage_ids`; everything goes through :meth:`Store.query`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np

from ..dates import utc_iso

if TYPE_CHECKING:  # pragma: no cover
    from ..filters import SearchFilters
    from .sqlite import Store

_BATCH = 500  # ids per IN (...) query, under SQLite's variable limit


@dataclass(frozen=True)
class FeedHealth:
    """One feed as the store last saw it."""

    url: str
    outlet: str
    last_fetch_at: str | None
    last_status: int | None
    last_ok_at: str | None
    last_error: str | None
    articles_seen: int

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "outlet": self.outlet, "last_fetch_at": self.last_fetch_at,
                "last_status": self.last_status, "last_ok_at": self.last_ok_at,
                "last_error": self.last_error, "articles_seen": self.articles_seen}


@dataclass(frozen=True)
class Failure:
    """One failed fetch of the log."""

    url: str
    kind: str
    status: int | None
    reason: str
    at: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "kind": self.kind, "status": self.status,
                "reason": self.reason, "at": self.at}


@dataclass(frozen=True)
class StoreStats:
    """Counts and health of the store. ``to_dict()`` is the JSON of ``corroborate status``.

    ``per_outlet``/``per_language`` count articles, most first; the dates are ISO text.
    ``stats["articles"]`` (the keys of ``to_dict()``) still works for older callers.
    """

    path: str
    schema_version: int
    feeds: int
    articles: int
    duplicates: int
    passages: int
    per_outlet: dict[str, int]
    per_language: dict[str, int]
    oldest_published: str | None
    newest_published: str | None
    last_fetched_at: str | None
    feeds_detail: tuple[FeedHealth, ...]
    recent_errors: tuple[Failure, ...]  # newest first
    fact_checks: int = 0  # ClaimReview verdicts kept

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path, "schema_version": self.schema_version, "feeds": self.feeds,
            "articles": self.articles, "duplicates": self.duplicates, "passages": self.passages,
            "per_outlet": dict(self.per_outlet), "per_language": dict(self.per_language),
            "oldest_published": self.oldest_published,
            "newest_published": self.newest_published,
            "last_fetched_at": self.last_fetched_at,
            "feeds_detail": [f.to_dict() for f in self.feeds_detail],
            "recent_errors": [e.to_dict() for e in self.recent_errors],
            "fact_checks": self.fact_checks,
        }

    def __getitem__(self, key: str) -> Any:
        return self.to_dict()[key]

    @property
    def failing_feeds(self) -> tuple[FeedHealth, ...]:
        """The feeds whose last fetch failed."""
        return tuple(f for f in self.feeds_detail if f.last_error)


def store_stats(store: Store, recent_errors: int = 20) -> StoreStats:
    """The :class:`StoreStats` of ``store`` with its ``recent_errors`` latest failures."""
    one = store.query
    dates = one("SELECT MIN(published), MAX(published), MAX(fetched_at) FROM articles")[0]
    return StoreStats(
        path=store.location,
        schema_version=store.version,
        feeds=int(one("SELECT COUNT(*) FROM feeds")[0][0]),
        articles=store.article_count(),
        duplicates=int(one("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL")[0][0]),
        passages=store.passage_count(),
        per_outlet={r[0]: r[1] for r in one(
            "SELECT outlet, COUNT(*) n FROM articles GROUP BY outlet ORDER BY n DESC, outlet")},
        per_language={r[0]: r[1] for r in one(
            "SELECT language, COUNT(*) n FROM articles GROUP BY language "
            "ORDER BY n DESC, language")},
        oldest_published=dates[0],
        newest_published=dates[1],
        last_fetched_at=dates[2],
        feeds_detail=tuple(
            FeedHealth(f.url, f.spec.outlet, utc_iso(f.last_fetch_at), f.last_status,
                       utc_iso(f.last_ok_at), f.last_error, f.articles_seen)
            for f in store.feeds()),
        recent_errors=tuple(
            Failure(e.url, e.kind, e.status, e.reason, utc_iso(e.at))
            for e in store.fetch_log(failures_only=True, limit=recent_errors)),
        fact_checks=int(one("SELECT COUNT(*) FROM claim_reviews")[0][0]),
    )


def all_passage_ids(store: Store) -> np.ndarray:
    """Every stored passage id (int64)."""
    return _ids(store.query("SELECT id FROM passages"))


def passage_texts(store: Store, ids: Sequence[int]) -> list[tuple[int, str]]:
    """``(id, text)`` of the stored passages among ``ids``, in id order."""
    out: list[tuple[int, str]] = []
    for chunk in _chunks([int(i) for i in ids]):
        out += [(int(r[0]), str(r[1])) for r in store.query(
            f"SELECT id, text FROM passages WHERE id IN ({_marks(chunk)})", chunk)]
    out.sort()
    return out


def filtered_passage_ids(store: Store, filters: SearchFilters | None
                         ) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Turn filters into ``(allow, deny)`` passage-id arrays for a vector search.

    With any restricting filter the result is ``(allowed ids, None)``, exclusions applied.
    With exclusions only it is ``(None, excluded ids)``, which stays small however big the
    store is. Without filters it is ``(None, None)``. URLs are matched as given (the index
    adds their canonical forms).
    """
    if filters is None or not (filters.restricts or filters.excludes):
        return None, None
    where, params = _exclusions(filters)
    base = "SELECT p.id FROM passages p JOIN articles a ON a.id = p.article_id WHERE "
    if not filters.restricts:
        return None, _ids(store.query(base + " OR ".join(where), params))
    clauses: list[str] = []
    values: list[Any] = []
    if filters.outlets:
        clauses.append(f"lower(a.outlet) IN ({_marks(filters.outlets)})")
        values += [o.casefold() for o in filters.outlets]
    if filters.languages:
        clauses.append(f"lower(a.language) IN ({_marks(filters.languages)})")
        values += [lang.casefold() for lang in filters.languages]
    if filters.date_from is not None:
        clauses.append("a.published >= ?")
        values.append(utc_iso(_bound(filters.date_from, end=False)))
    if filters.date_to is not None:
        exact = isinstance(filters.date_to, datetime)
        clauses.append("a.published <= ?" if exact else "a.published < ?")
        values.append(utc_iso(_bound(filters.date_to, end=True)))
    if where:
        clauses.append("NOT (" + " OR ".join(where) + ")")
        values += params
    return _ids(store.query(base + " AND ".join(clauses), values)), None


def _exclusions(filters: SearchFilters) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if filters.exclude_outlets:
        where.append(f"lower(a.outlet) IN ({_marks(filters.exclude_outlets)})")
        params += [o.casefold() for o in filters.exclude_outlets]
    if filters.exclude_urls:
        urls = sorted(set(filters.exclude_urls))
        marks = _marks(urls)
        where.append(f"a.url IN ({marks}) OR a.original_url IN ({marks})")
        params += urls * 2
    if filters.exclude_article_ids:
        where.append(f"a.id IN ({_marks(filters.exclude_article_ids)})")
        params += list(filters.exclude_article_ids)
    return where, params


def _bound(value: date | datetime, *, end: bool) -> datetime:
    """A datetime bound: a plain date is its day's start (``end``: the next day's start)."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    day = value + timedelta(days=1) if end else value
    return datetime.combine(day, time(0), tzinfo=UTC)



def _marks(values: Any) -> str:
    return ",".join("?" * len(values))


def _ids(rows: list[Any]) -> np.ndarray:
    return np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))


def _chunks(items: list[int]) -> Iterator[list[int]]:
    for i in range(0, len(items), _BATCH):
        yield items[i:i + _BATCH]
