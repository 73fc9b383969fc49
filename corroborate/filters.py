"""What a search takes: a checked claim and the one :class:`SearchFilters` (engine, index, CLI).

Example:
    >>> f = SearchFilters(languages=("fr",), date_to=parse_date("2024-01-03"))
    >>> within_claim_window(f, "2024-01-02", "before").date_to.isoformat()
    '2024-01-02T00:00:00+00:00'
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from .dates import DateLike, parse_date
from .errors import ClaimError, EvidenceWindowError


def checked_claim(claim: str, max_chars: int) -> str:
    """``claim`` with its whitespace collapsed.

    Raises:
        ClaimError: nothing left, or more than ``max_chars`` characters (an article: the
            message points to ``corroborate check-article``).
    """
    text = " ".join(claim.split())
    if not text:
        raise ClaimError("the claim is empty: type a claim to check")
    if len(text) > max_chars:
        raise ClaimError(
            f"the claim is {len(text):,} characters long (max_claim_chars is {max_chars:,}): "
            "it looks like an article; check its claims with `corroborate check-article FILE`")
    return text



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

    @classmethod
    def of(cls, *, date_from: DateLike = None, date_to: DateLike = None,
           languages: Any = (), outlets: Any = (), exclude_outlets: Any = (),
           exclude_urls: Any = (), claim_date: DateLike = None,
           evidence: str | None = None) -> SearchFilters:
        """Filters from search options: dates parsed (``date_to``'s plain date is its whole
        day), sequences made tuples, then narrowed to the claim's window (see
        :func:`within_claim_window`)."""
        filters = cls(
            outlets=tuple(outlets), languages=tuple(languages),
            date_from=parse_date(date_from, option="date_from"),
            date_to=parse_date(date_to, option="date_to", end_of_day=True),
            exclude_outlets=tuple(exclude_outlets), exclude_urls=tuple(exclude_urls),
        )
        return within_claim_window(filters, claim_date, evidence)

    @property
    def restricts(self) -> bool:
        """Whether some passages are ruled in (outlets, languages, dates)."""
        return bool(self.outlets or self.languages or self.date_from or self.date_to)

    @property
    def excludes(self) -> bool:
        """Whether some passages are ruled out by name (outlets, URLs, article ids)."""
        return bool(self.exclude_outlets or self.exclude_urls or self.exclude_article_ids)

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly view (as a result carries it)."""
        return {
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
            "languages": list(self.languages),
            "outlets": list(self.outlets),
            "exclude_outlets": list(self.exclude_outlets),
            "exclude_urls": list(self.exclude_urls),
        }


def within_claim_window(filters: SearchFilters, claim_date: DateLike,
                        evidence: str | None) -> SearchFilters:
    """Narrow ``filters`` to evidence published before or after the claim's date."""
    when = parse_date(claim_date, option="claim_date")
    if when is None or not evidence:
        return filters
    if evidence not in ("before", "after"):
        raise EvidenceWindowError(
            f"evidence should be 'before' or 'after' the claim date, not {evidence!r}")
    if evidence == "before":
        end = when if filters.date_to is None else min(_aware(filters.date_to, end=True), when)
        return replace(filters, date_to=end)
    start = when if filters.date_from is None else max(_aware(filters.date_from, end=False), when)
    return replace(filters, date_from=start)


def _aware(value: date | datetime, *, end: bool) -> datetime:
    out = parse_date(value, end_of_day=end)
    assert out is not None
    return out


__all__ = ["ClaimError", "EvidenceWindowError", "SearchFilters", "checked_claim",
           "within_claim_window"]
