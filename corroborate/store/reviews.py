"""Fact-checkers' verdicts (ClaimReview) kept in the store's ``claim_reviews`` table.

Example:
    >>> add_claim_reviews(store, found.reviews)
    1
    >>> [r.verdict for r in claim_reviews(store)]
    ['false']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from ..dates import utc_iso
from ..domain import ClaimReview
from .sqlite import Store

_COLS = ("id, article_id, url, claim, rating, verdict, rating_value, best_rating, worst_rating, "
         "publisher, published, language, claimant, appearance, title")


def add_claim_reviews(store: Store, reviews: Sequence[ClaimReview]) -> int:
    """Store reviews (one transaction); a review already stored is replaced. Returns the count."""
    if not reviews:
        return 0
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with store.transaction() as conn:
        conn.executemany(
            f"INSERT OR REPLACE INTO claim_reviews ({_COLS}, added_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(r.id, r.article_id, r.url, r.claim, r.rating, r.verdict, r.rating_value,
              r.best_rating, r.worst_rating, r.publisher, utc_iso(r.published), r.language,
              r.claimant, r.appearance, r.title, now) for r in reviews])
    return len(reviews)


def claim_reviews(store: Store, ids: Iterable[int] | None = None) -> list[ClaimReview]:
    """The stored reviews (those with these ids, else all), in id order."""
    if ids is None:
        rows = store.query(f"SELECT {_COLS} FROM claim_reviews ORDER BY id")
    else:
        wanted = [int(i) for i in ids]
        rows = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            rows += store.query(f"SELECT {_COLS} FROM claim_reviews WHERE id IN "
                                f"({','.join('?' * len(chunk))}) ORDER BY id", chunk)
    return [ClaimReview(
        id=int(r["id"]), url=r["url"], claim=r["claim"], rating=r["rating"],
        verdict=r["verdict"], publisher=r["publisher"], published=_dt(r["published"]),
        language=r["language"], claimant=r["claimant"], appearance=r["appearance"],
        title=r["title"], rating_value=r["rating_value"], best_rating=r["best_rating"],
        worst_rating=r["worst_rating"], article_id=r["article_id"]) for r in rows]


def claim_review_count(store: Store) -> int:
    """How many reviews the store holds."""
    return int(store.query("SELECT COUNT(*) FROM claim_reviews")[0][0])


def _dt(text: str | None) -> datetime | None:
    if not text:
        return None
    dt = datetime.fromisoformat(text)
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)


__all__ = ["add_claim_reviews", "claim_review_count", "claim_reviews"]
