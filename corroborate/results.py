"""What the engine returns: evidence, per-claim results, outlet comparisons.

Plain frozen dataclasses with ``to_dict()`` so the CLI prints JSON and the page renders
them without knowing how they were computed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .filters import SearchFilters
from .stance.conflict import Conflict
from .verdict import DISCLAIMER, Verdict

SIDES: tuple[str, ...] = ("supporting", "contradicting", "neutral")
SIDE_OF_LABEL: dict[str, str] = {
    "supports": "supporting",
    "contradicts": "contradicting",
    "neutral": "neutral",
}

def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True)
class Copy:
    """An article folded into another article's origin (a reprint or a rewrite)."""

    article_id: str
    url: str
    title: str
    outlet: str
    published: datetime | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "published": _iso(self.published),
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Evidence:
    """One article's stance towards the claim, carried by its strongest passage."""

    article_id: str
    url: str
    title: str
    outlet: str
    language: str
    published: datetime | None
    passage: str
    start: int  # offsets of the passage in the article text
    end: int
    highlight: tuple[int, int]  # offsets in ``passage`` of the deciding or best-matching sentence
    score: float  # retrieval similarity of the passage to the claim
    stance: str
    probabilities: dict[str, float]
    origin: str  # id of the independent origin this article belongs to
    copies: tuple[Copy, ...] = ()  # other articles of the same origin (on any side)
    reading: str = "passage"  # "sentence": the highlighted sentence alone decided the stance
    # where the claim and the highlighted sentence conflict (contradictions): spans in the claim
    # and in ``passage``
    conflicts: tuple[Conflict, ...] = ()
    # this origin's articles read for the claim (its copies and translations take this reading)
    read_articles: int = 1
    # articles of the same origin read on the other side: the origin disagrees with itself
    dissent: tuple[str, ...] = ()
    # on a card with no clear stance: why the evidence check does not count it as support
    # ("it does not name “Kerman”"), for the reader to check (stance/evidence.py)
    unconfirmed: tuple[str, ...] = ()

    @property
    def confidence(self) -> float:
        return self.probabilities.get(self.stance, 0.0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "url": self.url,
            "title": self.title,
            "outlet": self.outlet,
            "language": self.language,
            "published": _iso(self.published),
            "passage": self.passage,
            "start": self.start,
            "end": self.end,
            "highlight": list(self.highlight),
            "score": round(self.score, 4),
            "stance": self.stance,
            "confidence": round(self.confidence, 4),
            "probabilities": {k: round(v, 4) for k, v in self.probabilities.items()},
            "origin": self.origin,
            "copies": [c.to_dict() for c in self.copies],
            "reading": self.reading,
            "conflicts": [c.to_dict() for c in self.conflicts],
            "read_articles": self.read_articles,
            "dissent": list(self.dissent),
            "unconfirmed": list(self.unconfirmed),
        }


@dataclass(frozen=True)
class SideSummary:
    """Counts behind one side: articles, distinct outlets, independent origins."""

    articles: int
    outlets: int
    origins: int

    def to_dict(self) -> dict[str, int]:
        return {"articles": self.articles, "outlets": self.outlets, "origins": self.origins}

    def describe(self) -> str:
        return (f"{self.articles} article{'s' * (self.articles != 1)} from {self.outlets} "
                f"outlet{'s' * (self.outlets != 1)}, {self.origins} independent "
                f"origin{'s' * (self.origins != 1)}")


@dataclass(frozen=True)
class FactCheck:
    """A fact-checker's published verdict on a claim close to the one searched."""

    claim: str  # the claim the fact-checker reviewed
    rating: str  # as published ("Faux", "Pants on Fire", "زائف")
    verdict: str  # on the common scale: false, mostly false, mixed, mostly true, true, other
    publisher: str
    published: datetime | None
    url: str
    language: str
    similarity: float  # dense similarity of the reviewed claim to the searched one
    score: float  # the reranker's match score (0..1)
    claimant: str = ""
    appearance: str = ""
    title: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim": self.claim,
            "rating": self.rating,
            "verdict": self.verdict,
            "publisher": self.publisher,
            "published": _iso(self.published),
            "url": self.url,
            "language": self.language,
            "similarity": round(self.similarity, 4),
            "score": round(self.score, 4),
            "claimant": self.claimant,
            "appearance": self.appearance,
            "title": self.title,
        }


@dataclass(frozen=True)
class Result:
    """Everything the engine found for one claim."""

    claim: str
    supporting: tuple[Evidence, ...]
    contradicting: tuple[Evidence, ...]
    neutral: tuple[Evidence, ...]
    verdict: Verdict
    summary: dict[str, Any]
    language: str = ""
    filters: SearchFilters = field(default_factory=SearchFilters)
    timings: dict[str, float] = field(default_factory=dict)
    fact_checks: tuple[FactCheck, ...] = ()  # published verdicts on close claims, best first

    def side(self, name: str) -> tuple[Evidence, ...]:
        if name not in SIDES:
            raise ValueError(f"side should be one of {', '.join(SIDES)}, not {name!r}")
        evidence: tuple[Evidence, ...] = getattr(self, name)
        return evidence

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim": self.claim,
            "language": self.language,
            "verdict": self.verdict.to_dict(),
            "summary": self.summary,
            "supporting": [e.to_dict() for e in self.supporting],
            "contradicting": [e.to_dict() for e in self.contradicting],
            "neutral": [e.to_dict() for e in self.neutral],
            "fact_checks": [f.to_dict() for f in self.fact_checks],
            "filters": self.filters.to_dict(),
            "disclaimer": DISCLAIMER,
        }
