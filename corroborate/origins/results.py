"""What origin clustering returns: origins, the reason each member joined, coverage counts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Fold:
    """One article folded into an origin: which member it joined through, and why."""

    article_id: str
    into: str  # the member it is a copy of / shares the story with
    reason: str  # "verbatim copy", "near-duplicate (Jaccard 0.87)", ...


@dataclass(frozen=True)
class Origin:
    """One independent origin: its articles, oldest first. ``id`` is the oldest's id."""

    id: str
    article_ids: tuple[str, ...]
    outlets: tuple[str, ...]
    wire: str | None = None  # the agency most members credit, if any
    folded: tuple[Fold, ...] = ()  # every member but the first, with its reason


@dataclass(frozen=True)
class CoverageCount:
    """How many articles, outlets and independent origins stand behind a set of articles."""

    articles: int
    outlets: int
    origins: int

    def describe(self) -> str:
        """E.g. "10 articles from 7 outlets, 2 independent origins"."""
        return (f"{plural(self.articles, 'article')} from {plural(self.outlets, 'outlet')}, "
                f"{plural(self.origins, 'independent origin')}")


@dataclass(frozen=True)
class OriginClustering:
    """The result of :func:`cluster_origins`."""

    origin_of: Mapping[str, str]  # article id -> origin id
    origins: tuple[Origin, ...]  # oldest origin first
    outlet_of: Mapping[str, str] = field(default_factory=dict)  # article id -> outlet

    def origin(self, article_id: str) -> Origin:
        """The origin an article belongs to (``KeyError`` for an unknown id)."""
        oid = self.origin_of[article_id]
        return next(o for o in self.origins if o.id == oid)

    @property
    def reasons(self) -> dict[str, str]:
        """Article id -> why it was folded into its origin (an origin's first member: none)."""
        return {f.article_id: f.reason for o in self.origins for f in o.folded}

    def counts(self, article_ids: Iterable[str] | None = None) -> CoverageCount:
        """Articles, outlets and origins among ``article_ids`` (default: all)."""
        return origin_counts(self, article_ids)


def origin_counts(clustering: OriginClustering,
                  article_ids: Iterable[str] | None = None) -> CoverageCount:
    """Count articles, distinct outlets and distinct origins among some clustered articles.

    Args:
        clustering: the result of :func:`cluster_origins`.
        article_ids: the articles of one side (e.g. those supporting a claim); default all.
            Ids that were not clustered raise ``KeyError``.

    Returns:
        A :class:`CoverageCount`; ``.describe()`` gives "N articles from M outlets, K
        independent origins".
    """
    ids = list(dict.fromkeys(clustering.origin_of if article_ids is None else article_ids))
    origins = {clustering.origin_of[i] for i in ids}
    outlets = {clustering.outlet_of.get(i, "") or i for i in ids}
    return CoverageCount(articles=len(ids), outlets=len(outlets), origins=len(origins))


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


__all__ = ["CoverageCount", "Fold", "Origin", "OriginClustering", "origin_counts", "plural"]
