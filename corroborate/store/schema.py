"""The store's schema as an ordered list of migrations, and the code that applies them.

The schema version lives in ``PRAGMA user_version`` (SQLite) or the table
``corroborate_schema`` (PostgreSQL). Opening a store applies, in order, every migration whose
version is above the database's, each in its own transaction (so a crash leaves it at the
last complete version). A database whose version is above the newest migration here was
written by a newer corroborate and is refused.

Adding a migration (stance cache, origins, ...): append ONE ``Migration`` to ``MIGRATIONS``
with the next version number and never edit a migration that has shipped — files in the wild
already carry it. ``sql`` is a script of ``;``-separated statements; use ``apply`` (a function
of the :class:`~corroborate.store.connection.Connection`) instead when the change needs
Python. Write SQLite's dialect with types in upper case (``INTEGER``, ``REAL``, ``TEXT``,
``BLOB``): the same script runs on PostgreSQL, translated by :mod:`corroborate.store.postgres`.
``tests/test_store.py`` checks the versions run 1..N without gaps and that every migration
applies to the previous schema, on both databases.

Example:
    Migration(2, "stance cache", '''
        CREATE TABLE stance_cache (
            claim_hash TEXT NOT NULL, passage_id INTEGER NOT NULL, model TEXT NOT NULL,
            label TEXT NOT NULL, probabilities TEXT NOT NULL,
            PRIMARY KEY (claim_hash, passage_id, model)
        );
    ''')

Column notes: dates are ISO 8601 UTC text (``2024-05-01T12:00:00+00:00``); passages'
``start``/``end`` are character offsets into ``articles.text`` (quote ``"end"`` in SQL: it
is a keyword); ``passages.id`` is the stable int64 id FAISS stores.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import StoreError
from .connection import Connection


@dataclass(frozen=True)
class Migration:
    """One step of the schema: ``sql`` (a script) or ``apply`` (a function of the connection)."""

    version: int
    name: str
    sql: str = ""
    apply: Callable[[Connection], None] | None = None


_V1 = """
CREATE TABLE feeds (
    url           TEXT PRIMARY KEY,
    outlet        TEXT NOT NULL DEFAULT '',
    homepage      TEXT NOT NULL DEFAULT '',
    language      TEXT NOT NULL DEFAULT '',
    country       TEXT NOT NULL DEFAULT '',
    tags          TEXT NOT NULL DEFAULT '',   -- comma-separated
    etag          TEXT,
    last_modified TEXT,
    content_hash  TEXT,                       -- sha256 of the last fully processed body
    last_fetch_at TEXT,
    last_status   INTEGER,
    last_error    TEXT,
    last_ok_at    TEXT,
    articles_seen INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
    id            TEXT PRIMARY KEY,           -- article_id_for(canonical url)
    url           TEXT NOT NULL UNIQUE,       -- canonical
    original_url  TEXT NOT NULL DEFAULT '',
    feed_url      TEXT NOT NULL DEFAULT '',
    outlet        TEXT NOT NULL DEFAULT '',
    title         TEXT NOT NULL DEFAULT '',
    author        TEXT NOT NULL DEFAULT '',
    published     TEXT,
    language      TEXT NOT NULL DEFAULT '',
    text          TEXT NOT NULL,
    content_hash  TEXT NOT NULL DEFAULT '',
    duplicate_of  TEXT,
    fetched_at    TEXT
);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE passages (
    id              INTEGER PRIMARY KEY,      -- passage_id_for(article id, start, end)
    article_id      TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,
    "start"         INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    text            TEXT NOT NULL,
    sentence_spans  TEXT NOT NULL DEFAULT ''  -- JSON [[start, end], ...] into the article
);
CREATE INDEX passages_article ON passages(article_id, idx);

CREATE TABLE fetch_log (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    url     TEXT NOT NULL,
    kind    TEXT NOT NULL,                    -- 'feed' or 'page'
    status  INTEGER,
    ok      INTEGER NOT NULL,
    reason  TEXT NOT NULL DEFAULT '',
    at      TEXT NOT NULL
);
CREATE INDEX fetch_log_at ON fetch_log(at);
CREATE INDEX fetch_log_url ON fetch_log(url);
"""

_V2_DEFERRED = """
CREATE TABLE deferred_entries (
    feed_url    TEXT NOT NULL,
    url         TEXT NOT NULL,                -- canonical URL of the article
    entry_url   TEXT NOT NULL,                -- the link as the feed gave it
    title       TEXT NOT NULL DEFAULT '',
    published   TEXT,
    summary     TEXT NOT NULL DEFAULT '',
    author      TEXT NOT NULL DEFAULT '',
    guid        TEXT NOT NULL DEFAULT '',
    language    TEXT NOT NULL DEFAULT '',     -- the feed's declared language
    deferred_at TEXT NOT NULL,
    PRIMARY KEY (feed_url, url)
);
"""

_V3_CLAIM_REVIEWS = """
ALTER TABLE feeds ADD COLUMN kind TEXT NOT NULL DEFAULT 'news';  -- 'news' or 'factcheck'

CREATE TABLE claim_reviews (
    id            INTEGER PRIMARY KEY,        -- review_id_for(url, claim): the fact-check index id
    article_id    TEXT NOT NULL DEFAULT '',   -- the stored article whose page carried it
    url           TEXT NOT NULL,              -- the fact-check's page
    claim         TEXT NOT NULL,              -- claimReviewed
    rating        TEXT NOT NULL DEFAULT '',   -- as published (alternateName, name or value)
    verdict       TEXT NOT NULL DEFAULT 'other',  -- on the common scale
    rating_value  REAL,
    best_rating   REAL,
    worst_rating  REAL,
    publisher     TEXT NOT NULL DEFAULT '',
    published     TEXT,
    language      TEXT NOT NULL DEFAULT '',
    claimant      TEXT NOT NULL DEFAULT '',   -- itemReviewed.author
    appearance    TEXT NOT NULL DEFAULT '',   -- itemReviewed.appearance (a URL)
    title         TEXT NOT NULL DEFAULT '',   -- the fact-check's headline
    added_at      TEXT NOT NULL
);
CREATE INDEX claim_reviews_article ON claim_reviews(article_id);
"""

# what origin clustering reads of an article, computed when it is stored (NULL: not yet, as
# in a store written before this migration; searches compute those, rebuild fills them)
_V4_ORIGIN_FEATURES = """
ALTER TABLE articles ADD COLUMN origin_version TEXT;   -- the recipe (OriginFeatures.version)
ALTER TABLE articles ADD COLUMN origin_hash TEXT;      -- content hash of the text
ALTER TABLE articles ADD COLUMN origin_credits TEXT;   -- JSON list of wire agencies
ALTER TABLE articles ADD COLUMN origin_anchors TEXT;   -- JSON list of names and numbers
ALTER TABLE articles ADD COLUMN origin_minhash BLOB;   -- MinHash signature, uint32 LE
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "feeds, articles, passages, fetch log", _V1),
    Migration(2, "feed entries deferred to a later ingest run", _V2_DEFERRED),
    Migration(3, "fact-checks (ClaimReview) and the feeds' kind", _V3_CLAIM_REVIEWS),
    Migration(4, "origin features stored with each article", _V4_ORIGIN_FEATURES),
)


def latest_version() -> int:
    """The schema version this code writes."""
    return MIGRATIONS[-1].version if MIGRATIONS else 0


def schema_version(conn: Connection) -> int:
    """The version recorded in the database."""
    return conn.schema_version()


def set_schema_version(conn: Connection, version: int) -> None:
    """Record ``version`` (inside a transaction; tests use it to fake a newer store)."""
    conn.set_schema_version(version)


def store_tables() -> list[str]:
    """The tables the migrations create, in order (for erasing a store)."""
    return [m.group(1) for migration in MIGRATIONS
            for m in re.finditer(r"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?\"?(\w+)",
                                 migration.sql, re.I)]


def migrate(conn: Connection, path: str = "") -> int:
    """Bring the database to :func:`latest_version`; return the version it was at.

    Each migration runs in its own transaction together with its version bump, and the
    version is re-read inside it (after the schema lock) so two processes opening a fresh
    store cannot both apply it.

    Raises:
        StoreError: the database is newer than this code, or a migration failed.
    """
    start = schema_version(conn)
    _refuse_newer(start, path)
    for migration in MIGRATIONS:
        if migration.version <= start:
            continue
        try:
            conn.begin()
            conn.lock_schema()
            current = schema_version(conn)
            _refuse_newer(current, path)
            if current >= migration.version:  # another process got there first
                conn.commit()
                continue
            for statement in _statements(migration.sql):
                conn.execute(statement)
            if migration.apply is not None:
                migration.apply(conn)
            set_schema_version(conn, migration.version)
            conn.commit()
        except conn.error as exc:
            if conn.in_transaction:
                conn.rollback()
            raise StoreError(
                f"{path or 'store'}: migration {migration.version} ({migration.name}) failed: "
                f"{' '.join(str(exc).split())}"
            ) from exc
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise
    return start


def _refuse_newer(version: int, path: str) -> None:
    if version > latest_version():
        raise StoreError(
            f"{path or 'store'} has schema version {version} but this corroborate knows up to "
            f"{latest_version()}: upgrade corroborate (pip install -U corroborate) to open it"
        )


def _statements(script: str) -> list[str]:
    """Split a script into complete statements (``;`` inside strings/triggers respected)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip().strip(";").strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        raise StoreError(f"incomplete SQL statement in a migration: {buf.strip()[:80]!r}")
    return out
