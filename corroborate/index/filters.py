"""The store queries the vector index needs: passage ids, texts by id, ids passing search filters.

Kept apart from :mod:`corroborate.store.sqlite` (the store's own API) so the index's needs stay in
one place; everything goes through :meth:`Store.query`, read-only.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import numpy as np

from ..errors import ParseError
from ..ingest.urls import canonicalize
from ..store.sqlite import Store

_BATCH = 500  # ids per IN (...) query, under SQLite's variable limit


@dataclass(frozen=True)
class SearchFilters:
    """Which passages a search may return. Empty tuples and ``None`` mean "no constraint".

    Outlet and language names match case-insensitively. ``date_from``/``date_to`` bound the
    article's published date, inclusive; a plain ``date`` for ``date_to`` covers that whole
    day (UTC). A date bound leaves out undated articles. ``exclude_urls`` (as given and
    canonicalised) are compared with both the canonical and the original URL of an article.
    """

    outlets: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    date_from: date | datetime | None = None
    date_to: date | datetime | None = None
    exclude_outlets: tuple[str, ...] = ()
    exclude_urls: tuple[str, ...] = ()
    exclude_article_ids: tuple[str, ...] = ()

    @property
    def restricts(self) -> bool:
        """Whether some passages are ruled in (outlets, languages, dates)."""
        return bool(self.outlets or self.languages or self.date_from or self.date_to)

    @property
    def excludes(self) -> bool:
        """Whether some passages are ruled out by name (outlets, URLs, article ids)."""
        return bool(self.exclude_outlets or self.exclude_urls or self.exclude_article_ids)


def all_passage_ids(store: Store) -> np.ndarray:
    """Every stored passage id (int64)."""
    rows = store.query("SELECT id FROM passages")
    return np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))


def passage_texts(store: Store, ids: Sequence[int]) -> list[tuple[int, str]]:
    """``(id, text)`` of the stored passages among ``ids``, in id order."""
    out: list[tuple[int, str]] = []
    for chunk in _chunks([int(i) for i in ids]):
        marks = ",".join("?" * len(chunk))
        out += [(int(r[0]), str(r[1])) for r in
                store.query(f"SELECT id, text FROM passages WHERE id IN ({marks})", chunk)]
    out.sort()
    return out


def filter_passage_ids(store: Store, filters: SearchFilters | None
                       ) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Turn filters into ``(allow, deny)`` passage-id arrays for :meth:`VectorIndex.search`.

    With any restricting filter the result is ``(allowed ids, None)``, exclusions applied.
    With exclusions only it is ``(None, excluded ids)``, which stays small however big the
    store is. Without filters it is ``(None, None)``.

    Args:
        store: the store.
        filters: the filters (``None``: none).
    """
    if filters is None or not (filters.restricts or filters.excludes):
        return None, None
    where, params = _exclusions(filters)
    if not filters.restricts:
        sql = ("SELECT p.id FROM passages p JOIN articles a ON a.id = p.article_id WHERE "
               + " OR ".join(where))
        return None, _ids(store.query(sql, params))
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
        values.append(_iso(_as_datetime(filters.date_from, end=False)))
    if filters.date_to is not None:
        upper = _as_datetime(filters.date_to, end=True)
        clauses.append("a.published < ?" if not isinstance(filters.date_to, datetime) else "a.published <= ?")
        values.append(_iso(upper))
    if where:
        clauses.append("NOT (" + " OR ".join(where) + ")")
        values += params
    sql = ("SELECT p.id FROM passages p JOIN articles a ON a.id = p.article_id WHERE "
           + " AND ".join(clauses))
    return _ids(store.query(sql, values)), None


def _exclusions(filters: SearchFilters) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if filters.exclude_outlets:
        where.append(f"lower(a.outlet) IN ({_marks(filters.exclude_outlets)})")
        params += [o.casefold() for o in filters.exclude_outlets]
    if filters.exclude_urls:
        urls = set(filters.exclude_urls)
        for url in filters.exclude_urls:
            with contextlib.suppress(ParseError):  # not a URL we can canonicalise: as given
                urls.add(canonicalize(url))
        marks = _marks(urls)
        where.append(f"a.url IN ({marks}) OR a.original_url IN ({marks})")
        params += sorted(urls) * 2
    if filters.exclude_article_ids:
        where.append(f"a.id IN ({_marks(filters.exclude_article_ids)})")
        params += list(filters.exclude_article_ids)
    return where, params


def _as_datetime(value: date | datetime, *, end: bool) -> datetime:
    """A datetime bound: a plain date is its day's start (``end``: the next day's start)."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    day = value + timedelta(days=1) if end else value
    return datetime.combine(day, time(0), tzinfo=UTC)


def _iso(dt: datetime) -> str:
    """The store's date spelling (ISO 8601 UTC, seconds) so text comparison orders correctly."""
    return dt.astimezone(UTC).isoformat(timespec="seconds")


def _marks(values: Any) -> str:
    return ",".join("?" * len(values))


def _ids(rows: list[Any]) -> np.ndarray:
    return np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))


def _chunks(items: list[int]) -> Iterator[list[int]]:
    for i in range(0, len(items), _BATCH):
        yield items[i:i + _BATCH]
