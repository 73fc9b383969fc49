"""Small, testable helpers of the Streamlit page: query strings, article detection, charts.

The page (``app.py``) only draws widgets; what it needs to compute lives here.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..compare import Comparison
from ..dates import parse_date
from ..errors import DateError

# The example claim the page opens with (French, from the theme of the demo corpus).
EXAMPLE_CLAIM = (
    "L'État islamique a revendiqué les deux attentats de Kerman, en Iran, le 3 janvier 2024."
)
LONG_TEXT_CHARS = 400
STANCE_ORDER = ["supports", "contradicts", "mixed", "neutral", "not covered"]
STANCE_COLOURS = ["#1b7f3b", "#b3261e", "#b26a00", "#9aa0a6", "#f1f3f4"]


def looks_like_article(text: str) -> bool:
    """True when the text is an article (several sentences, long) rather than one claim."""
    text = text.strip()
    sentences = [s for s in re.split(r"(?<=[.!?؟。])\s+", text) if s.strip()]
    return len(text) > LONG_TEXT_CHARS and len(sentences) >= 3


def _list(value: Any) -> list[str]:
    if not value:
        return []
    return [v for v in str(value).split(",") if v]


def _date(value: Any) -> date | None:
    """A date of a shared link (``since``/``until``); an unreadable one is ignored."""
    try:
        parsed = parse_date(str(value) if value else None, option="link date")
    except DateError:
        return None
    return parsed.date() if parsed else None


def filters_from_query(params: dict[str, Any]) -> dict[str, Any]:
    """Filters encoded in a shareable link (``?claim=...&lang=fr,en&since=2024-01-01``)."""
    top_k = str(params.get("k") or "")
    return {
        "languages": _list(params.get("lang")),
        "outlets": _list(params.get("outlet")),
        "date_from": _date(params.get("since")),
        "date_to": _date(params.get("until")),
        "top_k": int(top_k) if top_k.isdigit() else None,
    }


def filters_to_query(claim: str, chosen: dict[str, Any]) -> dict[str, str]:
    """The query string that reproduces this check."""
    out = {"claim": claim}
    if chosen.get("languages"):
        out["lang"] = ",".join(chosen["languages"])
    if chosen.get("outlets"):
        out["outlet"] = ",".join(chosen["outlets"])
    if chosen.get("date_from"):
        out["since"] = chosen["date_from"].isoformat()
    if chosen.get("date_to"):
        out["until"] = chosen["date_to"].isoformat()
    if chosen.get("top_k"):
        out["k"] = str(chosen["top_k"])
    return out


def claims_from_upload(name: str, data: bytes) -> list[str]:
    """Claims of an uploaded file: one per line (.txt), or the ``claim`` (else first) column
    (.csv)."""
    import csv
    import io

    text = data.decode("utf-8-sig", "replace")
    if not name.lower().endswith(".csv"):
        return [line.strip() for line in text.splitlines() if line.strip()]
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return []
    header = [h.strip().lower() for h in rows[0]]
    col = header.index("claim") if "claim" in header else 0
    body = rows[1:] if "claim" in header else rows
    return [r[col].strip() for r in body if len(r) > col and r[col].strip()]


def failing_feeds(status: dict[str, Any]) -> list[dict[str, Any]]:
    """Feeds whose last fetch failed (the store clears ``last_error`` on the next success)."""
    return [feed for feed in status.get("feeds_detail") or [] if feed.get("last_error")]


def result_key(claim: str, chosen: dict[str, Any]) -> str:
    """A stable key for one check (claim + filters), to keep its result across reruns."""
    return repr((claim, sorted((k, str(v)) for k, v in chosen.items())))


def claim_labels(claims: list[str]) -> dict[str, str]:
    """Short axis labels for the claims: C1, C2, … (the full text goes in a table below)."""
    return {c: f"C{i}" for i, c in enumerate(claims, 1)}


def comparison_frames(comparison: Comparison) -> dict[str, Any]:
    """Altair charts and tables for the comparison view.

    Every outlet and every claim keeps its axis label: claims are labelled C1, C2, … (the
    ``claims`` table spells them out) and no label is dropped for overlapping (Streamlit's
    chart theme prunes and truncates labels unless the axis says otherwise).
    """
    import altair as alt

    labels = claim_labels(list(comparison.claims))
    cells = [
        {
            "outlet": o,
            "claim": labels[c],
            "text": c,
            "stance": cell.stance,
            "articles": cell.articles,
        }
        for o in comparison.outlets
        for c in comparison.claims
        for cell in [comparison.cell(o, c)]
    ]
    def every_label(**more: Any) -> Any:
        return alt.Axis(labelOverlap=False, labelLimit=400, labelFlush=False, labelBound=False,
                        **more)

    heatmap = (
        alt.Chart(alt.Data(values=cells)).mark_rect(stroke="white")
        .encode(
            x=alt.X("claim:N", title=None, sort=list(labels.values()),
                    axis=every_label(labelAngle=0, orient="top")),
            y=alt.Y("outlet:N", title=None, sort=list(comparison.outlets),
                    axis=every_label(labelFontSize=12)),
            color=alt.Color("stance:N", scale=alt.Scale(domain=STANCE_ORDER, range=STANCE_COLOURS)),
            tooltip=["outlet:N", "claim:N", alt.Tooltip("text:N", title="claim text"), "stance:N",
                     "articles:Q"],
        )
        .properties(height=max(160, 26 * len(comparison.outlets)))
    )
    points = [{"date": d, "stance": s, "articles": n} for d, s, n in comparison.timeline]
    timeline = (
        alt.Chart(alt.Data(values=points)).mark_bar()
        .encode(
            x=alt.X("date:T", title=None),
            y=alt.Y("articles:Q", stack=True),
            color=alt.Color("stance:N", scale=alt.Scale(domain=STANCE_ORDER, range=STANCE_COLOURS)),
            tooltip=["date:T", "stance:N", "articles:Q"],
        )
        .properties(height=220)
    )
    volume = [{"outlet": o, "articles": n} for o, n in comparison.volume().items()]
    claims = [{"label": label, "claim": claim,
               "already fact-checked": comparison.fact_checked.get(claim, "")}
              for claim, label in labels.items()]
    return {"heatmap": heatmap, "timeline": timeline, "volume": volume, "claims": claims}
