"""The article store (SQLite by default, PostgreSQL with ``database_url``), migrations, queries.

:func:`open_store` is how the rest of corroborate opens it: the SQLite file in the data
directory, or the PostgreSQL database ``settings.database_url`` names. Only the store moves to
PostgreSQL: the vector index files, the index manifest and the stance cache
(``stance_cache.sqlite3``) stay local files in the data directory.

Example:
    >>> with open_store(settings) as store:
    ...     store.stats().articles
    12
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .backends import open_connection
from .connection import check_database_url, is_database_url, redact
from .schema import store_tables
from .sqlite import Store

if TYPE_CHECKING:  # pragma: no cover
    from ..settings import Settings


def store_target(settings: Settings) -> str:
    """What ``settings`` store into: the database URL, or the SQLite file's path.

    Raises:
        ConfigError: ``database_url`` is neither empty nor a ``postgresql://`` URL.
    """
    url = check_database_url(settings.database_url.strip())
    return url or str(settings.store_path)


def describe_store(settings: Settings) -> str:
    """The store of ``settings`` for messages: the file's path, or the URL without password."""
    target = store_target(settings)
    return redact(target) if is_database_url(target) else target


def open_store(settings: Settings, *, create: bool = True) -> Store:
    """Open the store of ``settings`` (see :class:`Store` for ``create`` and the errors).

    Raises:
        ConfigError: a ``database_url`` that is not a PostgreSQL URL.
        StoreError: no store (``create=False``), an unreachable database, a newer schema.
    """
    return Store(store_target(settings), create=create)


def store_exists(settings: Settings) -> bool:
    """Whether the store of ``settings`` holds a schema already (the file exists, or the
    database has the store's tables).

    Raises:
        StoreError: the database cannot be reached.
    """
    target = store_target(settings)
    if not is_database_url(target):
        return settings.store_path.exists()
    conn = open_connection(target, create=False)
    try:
        return conn.schema_version() > 0
    finally:
        conn.close()


def erase_store(settings: Settings) -> None:
    """Delete the store of ``settings``: the SQLite file (and its WAL files), or the store's
    tables in the PostgreSQL database (other tables there are left alone)."""
    target = store_target(settings)
    if not is_database_url(target):
        for suffix in ("", "-wal", "-shm"):
            settings.store_path.with_name(settings.store_path.name + suffix).unlink(
                missing_ok=True)
        return
    from .postgres import PostgresConnection

    conn = open_connection(target)
    assert isinstance(conn, PostgresConnection)
    try:
        conn.drop_tables(reversed(store_tables()))
    finally:
        conn.close()


__all__ = ["Store", "describe_store", "erase_store", "open_store", "store_exists",
           "store_target"]
