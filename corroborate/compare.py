"""Comparing outlets over a set of claims: who covered each claim, who backed it, who disputed it.

The matrix is outlet × claim; each cell holds the outlet's stance on that claim (the stance
of its most confident article), how many of its articles spoke to it, and their origins.
Outlets of the feed list that never covered a claim are listed as such: silence is data too.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .results import SIDES, Evidence, Result

STANCE_OF_SIDE = {"supporting": "supports", "contradicting": "contradicts", "neutral": "neutral"}
NOT_COVERED = "not covered"


@dataclass(frozen=True)
class Cell:
    """One outlet's coverage of one claim."""

    outlet: str
    claim: str
    stance: str  # supports / contradicts / neutral / mixed / "not covered"
    articles: int
    supporting: int
    contradicting: int
    neutral: int
    origins: tuple[str, ...]
    urls: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "outlet": self.outlet, "claim": self.claim, "stance": self.stance,
            "articles": self.articles, "supporting": self.supporting,
            "contradicting": self.contradicting, "neutral": self.neutral,
            "origins": list(self.origins), "urls": list(self.urls),
        }


@dataclass(frozen=True)
class Comparison:
    """Outlet × claim stance matrix plus coverage volume and the outlets that stayed silent."""

    claims: tuple[str, ...]
    outlets: tuple[str, ...]
    cells: tuple[Cell, ...]
    verdicts: dict[str, str]
    timeline: tuple[tuple[str, str, int], ...] = ()  # (day, stance, articles) over all claims
    fact_checked: dict[str, str] = field(default_factory=dict)  # claim → "False — Publisher"

    def cell(self, outlet: str, claim: str) -> Cell:
        for c in self.cells:
            if c.outlet == outlet and c.claim == claim:
                return c
        return Cell(outlet, claim, NOT_COVERED, 0, 0, 0, 0, (), ())

    def volume(self) -> dict[str, int]:
        """Articles per outlet over all claims (coverage volume)."""
        out: Counter[str] = Counter()
        for c in self.cells:
            out[c.outlet] += c.articles
        return {o: out.get(o, 0) for o in self.outlets}

    def silent(self) -> dict[str, list[str]]:
        """Per claim, the known outlets that never covered it."""
        return {claim: [o for o in self.outlets if self.cell(o, claim).stance == NOT_COVERED]
                for claim in self.claims}

    def to_dict(self) -> dict[str, Any]:
        return {
            "claims": list(self.claims),
            "outlets": list(self.outlets),
            "verdicts": self.verdicts,
            "fact_checked": self.fact_checked,
            "matrix": [self.cell(o, c).to_dict() for o in self.outlets for c in self.claims],
            "volume": self.volume(),
            "not_covered": self.silent(),
            "timeline": [{"date": d, "stance": st, "articles": n} for d, st, n in self.timeline],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_csv(self) -> str:
        """One row per (outlet, claim), for spreadsheets and R/pandas."""
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(["outlet", "claim", "stance", "articles", "supporting", "contradicting",
                    "neutral", "origins", "urls"])
        for o in self.outlets:
            for claim in self.claims:
                c = self.cell(o, claim)
                w.writerow([o, claim, c.stance, c.articles, c.supporting, c.contradicting,
                            c.neutral, len(c.origins), " ".join(c.urls)])
        return buf.getvalue()


def compare_outlets(results: Sequence[Result], known_outlets: Sequence[str] = ()) -> Comparison:
    """Build the comparison from per-claim results; ``known_outlets`` adds the silent ones."""
    grouped: dict[tuple[str, str], list[tuple[str, Evidence]]] = defaultdict(list)
    outlets: set[str] = set(known_outlets)
    days: Counter[tuple[str, str]] = Counter()
    for r in results:
        for side in SIDES:
            for e in r.side(side):
                grouped[(e.outlet, r.claim)].append((side, e))
                outlets.add(e.outlet)
                if e.published is not None:
                    days[(e.published.date().isoformat(), STANCE_OF_SIDE[side])] += 1
    cells = []
    for (outlet, claim), items in grouped.items():
        n = Counter(side for side, _ in items)
        stance = _cell_stance(n)
        cells.append(Cell(
            outlet=outlet, claim=claim, stance=stance, articles=len(items),
            supporting=n["supporting"], contradicting=n["contradicting"], neutral=n["neutral"],
            origins=tuple(sorted({e.origin for _, e in items})),
            urls=tuple(e.url for _, e in items),
        ))
    ordered = sorted(outlets, key=lambda o: (-sum(c.articles for c in cells if c.outlet == o), o))
    verdicts = {r.claim: r.verdict.label for r in results}
    timeline = tuple((d, st, n) for (d, st), n in sorted(days.items()))
    checked = {r.claim: f"{r.fact_checks[0].rating or r.fact_checks[0].verdict} — "
                        f"{r.fact_checks[0].publisher or 'unknown publisher'}"
               for r in results if r.fact_checks}
    return Comparison(
        tuple(r.claim for r in results), tuple(ordered), tuple(cells), verdicts, timeline,
        checked,
    )


def _cell_stance(n: Counter[str]) -> str:
    if n["supporting"] and n["contradicting"]:
        return "mixed"
    if n["supporting"]:
        return "supports"
    if n["contradicting"]:
        return "contradicts"
    return "neutral"
