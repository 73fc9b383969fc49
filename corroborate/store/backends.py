"""Picks the store's backend from its target: a path is a SQLite file, a URL a PostgreSQL database.

Example:
    >>> open_connection("postgresql://news@db.example/corroborate").kind
    'postgresql'
"""

from __future__ import annotations

from pathlib import Path

from ..errors import StoreError
from .connection import Connection, SqliteConnection, is_database_url


def open_connection(target: str | Path, *, create: bool = True) -> Connection:
    """Open the SQLite file at ``target``, or the PostgreSQL database it names.

    Raises:
        StoreError: the file is missing (``create=False``) or not a database; the database
            cannot be reached, or psycopg is not installed.
    """
    if is_database_url(target):
        try:
            from .postgres import PostgresConnection  # psycopg only for those who use it
        except ImportError as exc:
            raise StoreError(f"a PostgreSQL store needs psycopg 3 ({exc}): "
                             "pip install 'psycopg[binary]'") from exc
        return PostgresConnection(str(target))
    return SqliteConnection(target, create=create)


__all__ = ["open_connection"]
