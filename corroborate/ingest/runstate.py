"""The bookkeeping of one ingest run: its report, counters, entry outcomes and article budget."""

from __future__ import annotations

import asyncio
import enum
from dataclasses import asdict, dataclass, field
from typing import Any, NamedTuple


class IngestFailure(NamedTuple):
    """One item that failed, and why."""

    url: str
    kind: str  # "feed" or "page"
    reason: str


@dataclass(frozen=True)
class IngestReport:
    """What one ingest run did.

    ``articles_new`` counts new original articles, ``articles_duplicate`` new articles whose
    text is an exact copy of one already stored (stored too, with ``duplicate_of``);
    ``articles_skipped`` counts entries already in the store (not fetched again);
    ``deferred`` counts entries left for a later run (over ``max_articles_per_feed``, or
    past the run's article limit): they are kept in the store and taken by the next runs,
    even when their feed is unchanged.
    """

    feeds_ok: int = 0
    feeds_unchanged: int = 0
    feeds_failed: int = 0
    feeds_skipped: int = 0  # not even fetched: the article limit was reached first
    articles_new: int = 0
    articles_duplicate: int = 0
    articles_failed: int = 0
    articles_skipped: int = 0
    passages_new: int = 0
    deferred: int = 0
    limit_reached: bool = False
    failures: tuple[IngestFailure, ...] = ()
    elapsed: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly view (failures as objects)."""
        out = asdict(self)
        out["failures"] = [f._asdict() for f in self.failures]
        return out


class Outcome(enum.Enum):
    """What became of one feed entry in a run."""

    NEW = "new"
    DUPLICATE = "duplicate"
    ALREADY = "already stored"
    FAILED = "failed"  # permanent: retrying the same body would fail again
    RETRY = "failed, worth retrying"  # transient: timeouts, 429, 5xx, transport errors
    LIMIT = "not fetched: article limit reached"


FINISHED = {Outcome.NEW, Outcome.DUPLICATE, Outcome.ALREADY, Outcome.FAILED}


@dataclass
class Counts:
    """The report's counters while the run goes (same names as :class:`IngestReport`)."""

    feeds_ok: int = 0
    feeds_unchanged: int = 0
    feeds_failed: int = 0
    feeds_skipped: int = 0
    articles_new: int = 0
    articles_duplicate: int = 0
    articles_failed: int = 0
    articles_skipped: int = 0
    passages_new: int = 0
    deferred: int = 0
    failures: list[IngestFailure] = field(default_factory=list)


class Slots:
    """The article budget: a page is only fetched when it could still be committed."""

    def __init__(self, limit: int | None) -> None:
        self.limit = limit
        self.committed = 0
        self.reserved = 0
        self._cond = asyncio.Condition()

    @property
    def exhausted(self) -> bool:
        return self.limit is not None and self.committed >= self.limit

    async def reserve(self) -> bool:
        if self.limit is None:
            return True
        async with self._cond:
            while True:
                if self.committed >= self.limit:
                    return False
                if self.committed + self.reserved < self.limit:
                    self.reserved += 1
                    return True
                await self._cond.wait()

    async def release(self, committed: bool) -> None:
        if self.limit is None:
            self.committed += committed
            return
        async with self._cond:
            self.reserved -= 1
            self.committed += committed
            self._cond.notify_all()


__all__ = ["FINISHED", "Counts", "IngestFailure", "IngestReport", "Outcome", "Slots"]
