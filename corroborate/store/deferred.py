"""Feed entries left for a later ingest run, kept in the store's ``deferred_entries`` table.

An ingest run takes at most ``max_articles_per_feed`` new entries of a feed (and stops at the
run's article limit); the entries it leaves are kept here, keyed by feed and canonical URL,
so the next runs take them even when the feed itself is unchanged (304 or the same body).
A feed's set is replaced whole once its entries were dealt with: an entry taken (stored, or
failed for good) is no longer in it.

Example:
    >>> replace_deferred(store, feed_url, [DeferredEntry(canonical, entry, "en")])
    >>> [d.canonical for d in deferred_entries(store, feed_url)]
    ['https://example.org/a']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from ..domain import FeedEntry
from .sqlite import Store

_COLS = "url, entry_url, title, published, summary, author, guid, language"


@dataclass(frozen=True)
class DeferredEntry:
    """One entry waiting for a later run: its canonical URL, the entry, the feed's language."""

    canonical: str
    entry: FeedEntry
    language: str = ""


def deferred_entries(store: Store, feed_url: str) -> list[DeferredEntry]:
    """The entries of ``feed_url`` left for a later run, in the order they were deferred."""
    rows = store.query(f"SELECT {_COLS} FROM deferred_entries WHERE feed_url = ? ORDER BY rowid",
                       (feed_url,))
    return [DeferredEntry(r["url"], FeedEntry(
        url=r["entry_url"], title=r["title"], published=_dt(r["published"]),
        summary=r["summary"], author=r["author"], guid=r["guid"]), r["language"]) for r in rows]


def deferred_count(store: Store, feed_url: str | None = None) -> int:
    """How many entries wait for a later run (of one feed, or of every feed)."""
    if feed_url is None:
        rows = store.query("SELECT COUNT(*) FROM deferred_entries")
    else:
        rows = store.query("SELECT COUNT(*) FROM deferred_entries WHERE feed_url = ?", (feed_url,))
    return int(rows[0][0])


def replace_deferred(store: Store, feed_url: str, entries: Sequence[DeferredEntry]) -> None:
    """Make ``entries`` the feed's whole deferred set (one transaction; repeats kept once)."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with store.transaction() as conn:
        conn.execute("DELETE FROM deferred_entries WHERE feed_url = ?", (feed_url,))
        conn.executemany(
            f"INSERT OR IGNORE INTO deferred_entries (feed_url, {_COLS}, deferred_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(feed_url, d.canonical, d.entry.url, d.entry.title, _iso(d.entry.published),
              d.entry.summary, d.entry.author, d.entry.guid, d.language, now) for d in entries])


def _iso(dt: datetime | None) -> str | None:
    if dt is None:
        return None
    return (dt if dt.tzinfo else dt.replace(tzinfo=UTC)).astimezone(UTC).isoformat()


def _dt(text: str | None) -> datetime | None:
    if not text:
        return None
    dt = datetime.fromisoformat(text)
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)


__all__ = ["DeferredEntry", "deferred_count", "deferred_entries", "replace_deferred"]
