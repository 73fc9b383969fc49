"""The article store: feeds, articles, passages and a fetch log, in SQLite or PostgreSQL.

By default the store is one SQLite file (WAL) in the data directory; with ``database_url``
set it is a PostgreSQL database with the same schema, migrations and queries (the SQL is
written once, in SQLite's dialect; :mod:`corroborate.store.connection` carries it to either).
One :class:`Store` holds one connection shared by every thread behind a lock (the page is
multi-threaded; SQLite serialises writers anyway). WAL lets other processes read while an
ingest writes. Each article is written with all its passages in ONE transaction, so a crash
at any moment leaves whole articles or nothing. The schema and its migrations live in
:mod:`corroborate.store.schema`.

Dates are stored as ISO 8601 UTC text and come back as aware ``datetime`` objects.

Example:
    >>> with open_store(settings) as store:   # or Store(settings.store_path)
    ...     store.add_article(article, passages)
    ...     store.stats().articles
    1
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..dates import utc_iso
from ..domain import Article, FeedSpec, Passage
from ..errors import StoreError
from .backends import open_connection
from .connection import Connection
from .origins import origin_columns, origin_from_row
from .schema import migrate

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from ..filters import SearchFilters
    from .queries import StoreStats

log = logging.getLogger(__name__)

_BATCH = 500  # ids per IN (...) query, well under SQLite's variable limit
_NO_LIMIT = 2**63 - 1  # LIMIT -1 is SQLite's "no limit"; PostgreSQL refuses a negative one
_ARTICLE_COLS = ("id, url, outlet, title, text, language, published, author, feed_url, "
                 "original_url, content_hash, duplicate_of, fetched_at, origin_version, "
                 "origin_hash, origin_credits, origin_anchors, origin_minhash")
_PASSAGE_COLS = 'id, article_id, idx, "start", "end", text, sentence_spans'


@dataclass(frozen=True)
class FeedState:
    """A feed as the store knows it: the list entry plus what the last fetches found."""

    spec: FeedSpec
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    last_fetch_at: datetime | None = None
    last_status: int | None = None
    last_error: str | None = None
    last_ok_at: datetime | None = None
    articles_seen: int = 0

    @property
    def url(self) -> str:
        return self.spec.url


@dataclass(frozen=True)
class FetchLogEntry:
    """One row of the fetch log: what was fetched, when, and how it went."""

    url: str
    kind: str
    status: int | None
    ok: bool
    reason: str
    at: datetime


class Store:
    """The store at ``target``: a SQLite file (created with its folder on first use) or the
    PostgreSQL database a ``postgresql://`` URL names (its tables created on first use).

    Args:
        target: the database file, usually ``settings.store_path``, or a database URL
            (``settings.database_url``); :func:`corroborate.store.open_store` picks one.
        create: when False, a missing file (or a database without the store's tables)
            raises instead of being created.

    Raises:
        StoreError: the file is missing (``create=False``) or not a database, the database
            cannot be reached, or it was written by a newer corroborate.
    """

    def __init__(self, target: str | Path, *, create: bool = True) -> None:
        self._lock = threading.RLock()
        self._conn: Connection = open_connection(target, create=create)
        self.location = self._conn.location
        self.path = Path(target) if self._conn.kind == "sqlite" else None
        try:
            if not create and self._conn.schema_version() == 0:
                raise StoreError(f"no store in {self.location}: run `corroborate ingest` first")
            migrate(self._conn, self.location)
        except self._conn.error as exc:
            self._conn.close()
            raise StoreError(f"{self.location} is not a usable corroborate store: "
                             f"{' '.join(str(exc).split())}") from exc
        except BaseException:
            self._conn.close()
            raise

    # --- lifecycle ----------------------------------------------------------------------

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self._conn.kind

    def close(self) -> None:
        """Close the connection (idempotent)."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        """The schema version of the database."""
        with self._lock:
            return self._conn.schema_version()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction: committed on success, rolled back on error.

        For modules that keep their own tables in the store (origins, ...): write SQLite's
        dialect, the connection translates it for PostgreSQL.
        """
        with self._lock:
            self._conn.begin()
            try:
                yield self._conn
            except BaseException:
                self._conn.rollback()
                raise
            self._conn.commit()

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Run a read query and return all rows (rows index by position and by name)."""
        with self._lock:
            return self._conn.query(sql, params)

    # --- feeds --------------------------------------------------------------------------

    def upsert_feed(self, spec: FeedSpec) -> None:
        """Insert a feed or update its list fields, keeping its fetch state."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO feeds (url, outlet, homepage, language, country, tags, kind) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET "
                "outlet = excluded.outlet, homepage = excluded.homepage, "
                "language = excluded.language, country = excluded.country, tags = excluded.tags, "
                "kind = excluded.kind",
                (spec.url, spec.outlet, spec.homepage, spec.language, spec.country,
                 ",".join(spec.tags), spec.kind),
            )

    def feed_state(self, url: str) -> FeedState | None:
        """What the store knows of the feed at ``url`` (None if never seen)."""
        rows = self.query(f"SELECT {_FEED_COLS} FROM feeds WHERE url = ?", (url,))
        return _feed_from_row(rows[0]) if rows else None

    def feeds(self) -> list[FeedState]:
        """Every feed the store knows, by outlet then URL."""
        return [_feed_from_row(r) for r in
                self.query(f"SELECT {_FEED_COLS} FROM feeds ORDER BY outlet, url")]

    def record_feed_fetch(
        self,
        url: str,
        *,
        status: int | None,
        ok: bool,
        error: str = "",
        etag: str | None = None,
        last_modified: str | None = None,
        content_hash: str | None = None,
        new_articles: int = 0,
        at: datetime | None = None,
    ) -> None:
        """Record the outcome of fetching a feed.

        Validators (``etag``, ``last_modified``, ``content_hash``) are only overwritten when
        given: ingest passes them once every entry of the body has been dealt with, so a run
        that stops half-way fetches the same body in full next time.
        """
        when = utc_iso(at or _now())
        sets = ["last_fetch_at = ?", "last_status = ?", "articles_seen = articles_seen + ?"]
        params: list[Any] = [when, status, new_articles]
        if ok:
            sets += ["last_ok_at = ?", "last_error = NULL"]
            params.append(when)
        else:
            sets.append("last_error = ?")
            params.append(error or "failed")
        for column, value in (("etag", etag), ("last_modified", last_modified),
                              ("content_hash", content_hash)):
            if value is not None:
                sets.append(f"{column} = ?")
                params.append(value)
        with self.transaction() as conn:
            conn.execute("INSERT OR IGNORE INTO feeds (url) VALUES (?)", (url,))
            conn.execute(f"UPDATE feeds SET {', '.join(sets)} WHERE url = ?", (*params, url))

    # --- articles and passages ----------------------------------------------------------

    def has_article(self, canonical_url: str) -> bool:
        """Whether an article with this canonical URL is stored."""
        return bool(self.query("SELECT 1 FROM articles WHERE url = ? LIMIT 1", (canonical_url,)))

    def article_by_hash(self, content_hash: str) -> Article | None:
        """The first stored article (an original, not a duplicate) with this content hash."""
        rows = self.query(
            f"SELECT {_ARTICLE_COLS} FROM articles WHERE content_hash = ? "
            "ORDER BY duplicate_of IS NOT NULL, rowid LIMIT 1", (content_hash,))
        return _article_from_row(rows[0]) if rows else None

    def add_article(self, article: Article, passages: Sequence[Passage]) -> bool:
        """Store an article and all its passages in one transaction.

        Returns:
            True if stored; False if an article with the same canonical URL already was
            (nothing is changed then).

        Raises:
            ValueError: a passage belongs to another article or its offsets fall outside
                the text (a programming error upstream).
            StoreError: the write failed (e.g. a passage id already used by another article).
        """
        for p in passages:
            if p.article_id != article.id:
                raise ValueError(f"passage {p.id} belongs to {p.article_id}, not {article.id}")
            if not 0 <= p.start <= p.end <= len(article.text):
                raise ValueError(f"passage {p.id} offsets {p.start}:{p.end} outside the text")
        try:
            with self.transaction() as conn:
                cur = conn.execute(
                    f"INSERT OR IGNORE INTO articles ({_ARTICLE_COLS}) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (article.id, article.url, article.outlet, article.title, article.text,
                     article.language, utc_iso(article.published), article.author,
                     article.feed_url, article.original_url, article.content_hash,
                     article.duplicate_of, utc_iso(article.fetched_at or _now()),
                     *origin_columns(article.origin)),
                )
                if cur.rowcount == 0:
                    return False
                conn.executemany(
                    f"INSERT INTO passages ({_PASSAGE_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(p.id, p.article_id, p.index, p.start, p.end, p.text,
                      json.dumps([list(s) for s in p.sentence_spans]) if p.sentence_spans else "")
                     for p in passages],
                )
        except self._conn.integrity_error as exc:
            raise StoreError(f"could not store article {article.url}: {exc}") from exc
        return True

    def get_article(self, article_id: str) -> Article | None:
        """The article with this id, or None."""
        return self.get_articles([article_id]).get(article_id)

    def get_articles(self, ids: Iterable[str]) -> dict[str, Article]:
        """Articles by id (ids not stored are absent from the result)."""
        out: dict[str, Article] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            marks = ",".join("?" * len(chunk))
            for row in self.query(f"SELECT {_ARTICLE_COLS} FROM articles WHERE id IN ({marks})",
                                  chunk):
                art = _article_from_row(row)
                out[art.id] = art
        return out

    def articles(
        self,
        *,
        outlet: str | None = None,
        language: str | None = None,
        feed_url: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        include_duplicates: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Article]:
        """Stored articles, newest published first (undated last), optionally filtered."""
        where: list[str] = []
        params: list[Any] = []
        for column, value in (("outlet", outlet), ("language", language), ("feed_url", feed_url)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        if since is not None:
            where.append("published >= ?")
            params.append(utc_iso(since))
        if until is not None:
            where.append("published < ?")
            params.append(utc_iso(until))
        if not include_duplicates:
            where.append("duplicate_of IS NULL")
        sql = f"SELECT {_ARTICLE_COLS} FROM articles"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY published IS NULL, published DESC, rowid DESC LIMIT ? OFFSET ?"
        params += [_NO_LIMIT if limit is None else limit, offset]
        return [_article_from_row(r) for r in self.query(sql, params)]

    def articles_after(self, after: str = "", limit: int = 500, *,
                       lacking_origin: str | None = None) -> list[Article]:
        """Up to ``limit`` articles with ids above ``after``, in id order (keyset paging);
        with ``lacking_origin``, only those without origin features of that recipe."""
        where, params = "id > ?", [after]
        if lacking_origin is not None:
            where += " AND (origin_version IS NULL OR origin_version <> ?)"
            params.append(lacking_origin)
        return [_article_from_row(r) for r in self.query(
            f"SELECT {_ARTICLE_COLS} FROM articles WHERE {where} ORDER BY id LIMIT ?",
            (*params, limit))]

    def passages_of(self, article_id: str) -> list[Passage]:
        """The passages of one article, in order."""
        return [_passage_from_row(r) for r in self.query(
            f"SELECT {_PASSAGE_COLS} FROM passages WHERE article_id = ? ORDER BY idx",
            (article_id,))]

    def get_passages(self, ids: Sequence[int]) -> list[tuple[Passage, Article]]:
        """Passages with their articles, in the order of ``ids`` (unknown ids are skipped).

        Example:
            >>> [(p.text, a.outlet) for p, a in store.get_passages([hit_id])]
        """
        wanted = [int(i) for i in ids]
        found: dict[int, Passage] = {}
        for chunk in _chunks(list(dict.fromkeys(wanted))):
            marks = ",".join("?" * len(chunk))
            for row in self.query(
                    f"SELECT {_PASSAGE_COLS} FROM passages WHERE id IN ({marks})", chunk):
                p = _passage_from_row(row)
                found[p.id] = p
        articles = self.get_articles(p.article_id for p in found.values())
        return [(found[i], articles[found[i].article_id]) for i in wanted
                if i in found and found[i].article_id in articles]

    def iter_passages(self, batch_size: int = 1000) -> Iterator[list[Passage]]:
        """Every passage, in batches, ordered by id (for rebuilding the vector index).

        Uses keyset paging, so passages committed during the iteration may or may not be seen.
        """
        last = -1
        while True:
            rows = self.query(
                f"SELECT {_PASSAGE_COLS} FROM passages WHERE id > ? ORDER BY id LIMIT ?",
                (last, batch_size))
            if not rows:
                return
            batch = [_passage_from_row(r) for r in rows]
            last = batch[-1].id
            yield batch

    def passage_count(self) -> int:
        """How many passages are stored."""
        return int(self.query("SELECT COUNT(*) FROM passages")[0][0])

    def article_count(self) -> int:
        """How many articles are stored (duplicates included)."""
        return int(self.query("SELECT COUNT(*) FROM articles")[0][0])

    # --- fetch log and stats ------------------------------------------------------------

    def log_fetch(self, url: str, kind: str, status: int | None, ok: bool, reason: str = "",
                  at: datetime | None = None) -> None:
        """Append one outcome to the fetch log (``kind``: 'feed' or 'page')."""
        with self.transaction() as conn:
            conn.execute("INSERT INTO fetch_log (url, kind, status, ok, reason, at) "
                         "VALUES (?, ?, ?, ?, ?, ?)",
                         (url, kind, status, int(ok), reason, utc_iso(at or _now())))

    def fetch_log(self, *, failures_only: bool = False, url: str | None = None,
                  limit: int = 100) -> list[FetchLogEntry]:
        """The latest fetch-log rows, newest first."""
        where: list[str] = []
        params: list[Any] = []
        if failures_only:
            where.append("ok = 0")
        if url is not None:
            where.append("url = ?")
            params.append(url)
        sql = "SELECT url, kind, status, ok, reason, at FROM fetch_log"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id DESC LIMIT ?"
        return [FetchLogEntry(r["url"], r["kind"], r["status"], bool(r["ok"]), r["reason"],
                              _dt(r["at"]) or _now())
                for r in self.query(sql, (*params, limit))]

    def stats(self, recent_errors: int = 20) -> StoreStats:
        """Counts and health of the store (``to_dict()`` for JSON; see :class:`StoreStats`),
        with the ``recent_errors`` latest failures."""
        from .queries import store_stats

        return store_stats(self, recent_errors)

    # --- read-only queries of the vector index (SQL in :mod:`.queries`) ----------------------
    def all_passage_ids(self) -> np.ndarray:
        """Every stored passage id (int64)."""
        from .queries import all_passage_ids

        return all_passage_ids(self)

    def passage_texts(self, ids: Sequence[int]) -> list[tuple[int, str]]:
        """``(id, text)`` of the stored passages among ``ids``, in id order."""
        from .queries import passage_texts

        return passage_texts(self, ids)

    def filtered_passage_ids(self, filters: SearchFilters | None
                             ) -> tuple[np.ndarray | None, np.ndarray | None]:
        """``(allow, deny)`` passage ids for ``filters`` (see :mod:`.queries`)."""
        from .queries import filtered_passage_ids

        return filtered_passage_ids(self, filters)


# --- row conversion -------------------------------------------------------------------------

_FEED_COLS = ("url, outlet, homepage, language, country, tags, etag, last_modified, "
              "content_hash, last_fetch_at, last_status, last_error, last_ok_at, articles_seen")


def _now() -> datetime:
    return datetime.now(UTC)



def _dt(text: str | None) -> datetime | None:
    if not text:
        return None
    dt = datetime.fromisoformat(text)
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(items), _BATCH):
        yield items[i:i + _BATCH]


def _feed_from_row(r: Any) -> FeedState:
    spec = FeedSpec(url=r["url"], outlet=r["outlet"], homepage=r["homepage"],
                    language=r["language"], country=r["country"],
                    tags=tuple(t for t in r["tags"].split(",") if t))
    return FeedState(spec=spec, etag=r["etag"], last_modified=r["last_modified"],
                     content_hash=r["content_hash"], last_fetch_at=_dt(r["last_fetch_at"]),
                     last_status=r["last_status"], last_error=r["last_error"],
                     last_ok_at=_dt(r["last_ok_at"]), articles_seen=r["articles_seen"])


def _article_from_row(r: Any) -> Article:
    return Article(id=r["id"], url=r["url"], outlet=r["outlet"], title=r["title"],
                   text=r["text"], language=r["language"], published=_dt(r["published"]),
                   author=r["author"], feed_url=r["feed_url"], original_url=r["original_url"],
                   content_hash=r["content_hash"], duplicate_of=r["duplicate_of"],
                   fetched_at=_dt(r["fetched_at"]), origin=origin_from_row(r))


def _passage_from_row(r: Any) -> Passage:
    spans: tuple[tuple[int, int], ...] = (
        tuple((int(s[0]), int(s[1])) for s in json.loads(r["sentence_spans"]))
        if r["sentence_spans"] else ())
    return Passage(id=r["id"], article_id=r["article_id"], index=r["idx"], start=r["start"],
                   end=r["end"], text=r["text"],
                   sentence_spans=spans)
