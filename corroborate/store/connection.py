"""The store's database connection behind one interface: a SQLite file or a PostgreSQL database.

:class:`Connection` is all the store's code sees: ``execute``/``executemany``/``query`` with
SQLite's dialect (``?`` placeholders, ``INSERT OR IGNORE``, ``rowid``; see
:mod:`corroborate.store.postgres` for how PostgreSQL is made to read it), explicit
transactions, and the schema version. :func:`corroborate.store.backends.open_connection`
picks the backend from the target: a path is a SQLite file, a ``postgresql://`` URL a
PostgreSQL database.

Example:
    >>> conn = SqliteConnection("index/corroborate.sqlite3")
    >>> conn.query("SELECT COUNT(*) n FROM articles")[0]["n"]
    0
"""

from __future__ import annotations

import logging
import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, ClassVar, Protocol
from urllib.parse import urlsplit, urlunsplit

from ..errors import ConfigError, StoreError

log = logging.getLogger(__name__)

POSTGRES_SCHEMES = ("postgresql", "postgres")


class Cursor(Protocol):
    """What ``execute`` returns: the affected row count and the rows."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


class Connection(ABC):
    """One open database (not thread-safe by itself: the :class:`Store` holds a lock).

    Rows index by position and by column name. Statements run in autocommit mode unless
    inside :meth:`begin` … :meth:`commit`.
    """

    kind: ClassVar[str]
    #: the errors of the driver: any failure, and a broken constraint
    error: type[Exception]
    integrity_error: type[Exception]

    def __init__(self, location: str) -> None:
        self.location = location  # a path, or a URL without its password (for messages)

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        """Run one statement (SQLite dialect) and return its cursor."""

    @abstractmethod
    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement once per row of parameters."""

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Run a read query and return all rows."""
        return list(self.execute(sql, params).fetchall())

    @abstractmethod
    def begin(self) -> None:
        """Start a write transaction (a writer waits for the others)."""

    def commit(self) -> None:
        self.execute("COMMIT")

    def rollback(self) -> None:
        self.execute("ROLLBACK")

    @property
    @abstractmethod
    def in_transaction(self) -> bool:
        """Whether a transaction is open."""

    @abstractmethod
    def schema_version(self) -> int:
        """The schema version recorded in the database (0: none yet)."""

    @abstractmethod
    def set_schema_version(self, version: int) -> None:
        """Record the schema version (inside the migration's transaction)."""

    def lock_schema(self) -> None:  # noqa: B027 - SQLite's BEGIN IMMEDIATE is the lock
        """Inside a transaction: wait until no other process is migrating the schema."""

    @abstractmethod
    def table_exists(self, name: str) -> bool:
        """Whether the table ``name`` exists."""

    @abstractmethod
    def close(self) -> None:
        """Close the connection (idempotent)."""


class SqliteConnection(Connection):
    """A SQLite file in WAL mode (created with its folder when ``create``)."""

    kind = "sqlite"
    error = sqlite3.Error
    integrity_error = sqlite3.IntegrityError

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        super().__init__(str(self.path))
        if not self.path.exists():
            if not create:
                raise StoreError(f"no store at {self.path}: run `corroborate ingest` first")
            self.path.parent.mkdir(parents=True, exist_ok=True)
        # autocommit mode: transactions are explicit (BEGIN IMMEDIATE ... COMMIT)
        self._raw = sqlite3.connect(self.path, isolation_level=None, timeout=30.0,
                                    check_same_thread=False)
        self._raw.row_factory = sqlite3.Row
        try:
            self._raw.execute("PRAGMA busy_timeout = 30000")
            mode = self._raw.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                log.warning("store %s: journal mode is %s, not WAL", self.path, mode)
            # NORMAL is durable against a process crash in WAL mode (only an OS crash can
            # lose the last commits), and much faster than FULL.
            self._raw.execute("PRAGMA synchronous = NORMAL")
            self._raw.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as exc:
            self._raw.close()
            raise StoreError(f"{self.path} is not a usable corroborate store: {exc}") from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        return self._raw.execute(sql, tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self._raw.executemany(sql, rows)

    def begin(self) -> None:
        self._raw.execute("BEGIN IMMEDIATE")

    @property
    def in_transaction(self) -> bool:
        return self._raw.in_transaction

    def schema_version(self) -> int:
        return int(self._raw.execute("PRAGMA user_version").fetchone()[0])

    def set_schema_version(self, version: int) -> None:
        # PRAGMA takes no parameters; the version is an int from our own table
        self._raw.execute(f"PRAGMA user_version = {int(version)}")

    def table_exists(self, name: str) -> bool:
        return bool(self._raw.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchall())

    def close(self) -> None:
        self._raw.close()


def is_database_url(target: str | Path) -> bool:
    """Whether ``target`` names a PostgreSQL database rather than a SQLite file."""
    return isinstance(target, str) and target.split(":", 1)[0].lower() in POSTGRES_SCHEMES


def check_database_url(url: str) -> str:
    """``url`` if it is empty or a ``postgresql://`` URL.

    Raises:
        ConfigError: any other value (the message says what is accepted).
    """
    if url and not is_database_url(url):
        raise ConfigError(
            f"database_url {redact(url)!r} is not a PostgreSQL URL: leave it empty for the "
            "SQLite file in the data directory, or give postgresql://user@host:port/database")
    return url


def redact(url: str) -> str:
    """``url`` without its password (for messages and ``corroborate status``)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unreadable URL>"
    netloc = parts.netloc
    if parts.password is not None:
        user, _, host = netloc.rpartition("@")
        netloc = f"{user.split(':', 1)[0]}:***@{host}"
    query = "&".join("password=***" if q.lower().startswith("password=") else q
                     for q in parts.query.split("&")) if parts.query else ""
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


__all__ = ["Connection", "Cursor", "SqliteConnection", "check_database_url",
           "is_database_url", "redact"]
