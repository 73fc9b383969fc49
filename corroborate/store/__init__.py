"""The article store: SQLite, its schema migrations and the queries the stages need."""

from .sqlite import Store

__all__ = ["Store"]
