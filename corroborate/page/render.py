"""HTML for the page's evidence cards. Everything from feeds is untrusted: it is escaped here.

Kept out of ``app.py`` so the escaping is tested without a browser and the page stays thin.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..results import Copy, Evidence, Result

LANGUAGE_NAMES = {
    "en": "English", "fr": "French", "ar": "Arabic", "de": "German", "es": "Spanish",
    "it": "Italian", "pt": "Portuguese", "ru": "Russian", "tr": "Turkish", "fa": "Persian",
    "he": "Hebrew", "zh": "Chinese", "ja": "Japanese", "ku": "Kurdish", "nl": "Dutch",
}
RTL = {"ar", "fa", "he", "ur", "ku"}
VERDICT_COLOURS = {
    "SUPPORTED": "#1b7f3b", "CONTRADICTED": "#b3261e", "CONFLICTING": "#b26a00",
    "NOT ENOUGH COVERAGE": "#5f6368",
}


def esc(value: Any) -> str:
    """Escape text for HTML bodies and attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


def safe_url(url: str) -> str:
    """Only http(s) links are rendered as links; anything else (javascript:, data:) is dropped."""
    return url if url.lower().startswith(("http://", "https://")) else "#"


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code or "unknown language")


def highlighted_passage(ev: Evidence) -> str:
    """The passage, escaped, with the sentence that decided its stance (else the sentence
    closest to the claim) wrapped in <mark>, and within it the values that conflict with the
    claim in <b class="cb-conflict">."""
    n = len(ev.passage)
    start, end = ev.highlight
    start, end = max(0, min(start, n)), max(0, min(end, n))
    conflicts = sorted((max(0, min(a, n)), max(0, min(b, n)), c.kind)
                       for c in ev.conflicts if c.passage for a, b in [c.passage])
    if end <= start and not conflicts:
        return esc(ev.passage)
    why = ("this sentence decided the stance" if ev.reading == "sentence"
           else "the sentence closest to the claim")
    cuts = sorted({0, n, start, end, *(x for a, b, _ in conflicts for x in (a, b))})
    out = []
    for a, b in itertools.pairwise(cuts):
        if a >= b:
            continue
        text = esc(ev.passage[a:b])
        kind = next((k for ca, cb, k in conflicts if ca <= a and b <= cb), None)
        if kind is not None:
            title = f"conflicts with the claim: {esc(kind)}"
            text = f'<b class="cb-conflict" title="{title}">{text}</b>'
        if start <= a and b <= end:
            text = f'<mark title="{why}">{text}</mark>'
        out.append(text)
    return "".join(out)


def conflict_lines(ev: Evidence, claim: str) -> str:
    """What conflicts, side by side: "number: the claim says “40”, this sentence “14”"."""
    rows = []
    for c in ev.conflicts:
        said = f"the claim says “{esc(claim[c.claim[0]:c.claim[1]])}”" if c.claim and claim \
            else "the claim has none"
        found = (f"this sentence “{esc(ev.passage[c.passage[0]:c.passage[1]])}”" if c.passage
                 else "this sentence has none")
        rows.append(f"<div>{esc(c.kind)}: {said}, {found}</div>")
    return f'<div class="cb-conflicts">{"".join(rows)}</div>' if rows else ""


def evidence_card(ev: Evidence, claim_language: str = "", claim: str = "") -> str:
    """One evidence card as HTML: outlet, date, language, linked headline, passage, confidence,
    what conflicts with ``claim`` (a contradiction) and whether the origin disagrees with
    itself."""
    date = ev.published.strftime("%d %b %Y") if ev.published else "date unknown"
    lang = language_name(ev.language)
    other_language = bool(claim_language and ev.language and ev.language != claim_language)
    lang_badge = (
        f'<span class="cb-badge cb-lang" title="a different language from the claim">'
        f"in {esc(lang)}</span>"
        if other_language
        else f'<span class="cb-meta">{esc(lang)}</span>'
    )
    direction = ' dir="rtl"' if ev.language in RTL else ""
    copies = ""
    if ev.copies:
        outlets = sorted({c.outlet for c in ev.copies if c.outlet != ev.outlet})
        n = len(outlets)
        if n:
            copies = (f'<div class="cb-copies">also carried by {n} other outlet{"s" * (n != 1)}'
                      f" (same origin)</div>")
    if ev.unconfirmed:
        copies += (f'<div class="cb-unconfirmed">not counted as support: '
                   f'{esc("; ".join(ev.unconfirmed))}</div>')
    if ev.dissent:
        k = len(ev.dissent)
        copies += (f'<div class="cb-dissent">{k} other article{"s" * (k != 1)} of this origin '
                   f'{"were" if k != 1 else "was"} read the other way: this story is counted '
                   "once, on this side; check it yourself</div>")
    return (
        f'<div class="cb-card cb-{esc(ev.stance)}">'
        f'<div class="cb-head"><b><bdi>{esc(ev.outlet)}</bdi></b> · {esc(date)} · '
        f'{lang_badge}</div>'
        f'<div class="cb-title"{direction}><a href="{esc(safe_url(ev.url))}" '
        'target="_blank" rel="noopener noreferrer">'
        f"{esc(ev.title or ev.url)}</a></div>"
        f'<blockquote class="cb-passage"{direction}>{highlighted_passage(ev)}</blockquote>'
        f'<div class="cb-conf">stance: {esc(ev.stance)}'
        f'{" (from the highlighted sentence)" * (ev.reading == "sentence")}'
        f" · confidence {ev.confidence:.0%} · similarity {ev.score:.2f}</div>"
        f"{conflict_lines(ev, claim)}{copies}</div>"
    )


def verdict_banner(result: Result) -> str:
    """The summary line: verdict, counts per side, independent origins, outlets, date span."""
    v = result.verdict
    label = getattr(v, "label", str(v))
    colour = VERDICT_COLOURS.get(label, "#5f6368")
    s = result.summary
    described = s.get("described", {})
    span = s.get("date_span")
    span_text = f" · {esc(span[0][:10])} → {esc(span[1][:10])}" if span else ""
    outlets = int(s.get("outlets", 0) or 0)
    return (
        f'<div class="cb-verdict" style="border-left:6px solid {colour}">'
        f'<span class="cb-verdict-label" style="color:{colour}">{esc(label)}</span>'
        f'<div class="cb-sides"><span><b style="color:#1b7f3b">Supporting:</b> '
        f"{esc(described.get('supporting', '0 articles'))}</span>"
        f'<span><b style="color:#b3261e">Contradicting:</b> '
        f"{esc(described.get('contradicting', '0 articles'))}</span>"
        f"<span>{outlets} outlet{'s' * (outlets != 1)} in all{span_text}</span></div>"
        f'<div class="cb-explain">{esc(getattr(v, "explanation", ""))}</div></div>'
    )


def fact_check_box(result: Result) -> str:
    """"Already fact-checked: False — AFP Factuel, 5 Jan 2024", one line per published verdict
    on a close claim, with the claim the fact-checker reviewed and a link; "" when none."""
    if not result.fact_checks:
        return ""
    rows = []
    for f in result.fact_checks:
        date = f"{f.published.day} {f.published:%b %Y}" if f.published else "date unknown"
        direction = ' dir="rtl"' if f.language in RTL else ""
        publisher = f.publisher or "unknown publisher"
        rows.append(
            f'<div class="cb-fc-row"><b>Already fact-checked: '
            f'<span class="cb-fc-rating cb-fc-{esc(f.verdict.replace(" ", "-"))}"><bdi>'
            f"{esc(f.rating or f.verdict)}</bdi></span></b> — <bdi>{esc(publisher)}</bdi>, "
            f"{esc(date)}"
            f' <span class="cb-meta">({esc(f.verdict)} · similarity {f.similarity:.2f})</span>'
            f'<div class="cb-fc-claim"{direction}>“<a href="{esc(safe_url(f.url))}" '
            f'target="_blank" rel="noopener noreferrer">{esc(f.claim)}</a>”</div></div>')
    return f'<div class="cb-factcheck">{"".join(rows)}</div>'


def claim_heading(number: int, claim: str) -> str:
    """The heading above one claim's result when an article's claims are checked."""
    return f'<div class="cb-claim">Claim {number}: <span dir="auto">{esc(claim)}</span></div>'


SAME_ORIGIN = "same origin, also found for this claim"


def as_copy(ev: Evidence) -> Copy:
    """An evidence item folded into another card of its origin, as a row of that card's copies."""
    return Copy(ev.article_id, ev.url, ev.title, ev.outlet, ev.published, SAME_ORIGIN)


def cards_by_origin(items: Sequence[Evidence]) -> list[Evidence]:
    """One card per independent origin, in the order the origins first appear.

    The card is the origin's most confident evidence; the origin's other evidence items and
    every copy any of them carries are folded into the card's copies, once each, never the
    card's own article.
    """
    groups: dict[str, list[Evidence]] = {}
    for ev in items:
        groups.setdefault(ev.origin or ev.article_id, []).append(ev)
    cards = []
    for members in groups.values():
        card = max(members, key=lambda e: e.confidence)  # the first one on ties
        copies: dict[str, Copy] = {}
        folded = [c for ev in members if ev is not card for c in (*ev.copies, as_copy(ev))]
        for copy in (*card.copies, *folded):  # the reason the engine gave wins over ours
            if copy.article_id != card.article_id:
                copies.setdefault(copy.article_id, copy)
        cards.append(replace(card, copies=tuple(copies.values())))
    return cards


def copies_rows(ev: Evidence) -> Sequence[dict[str, str]]:
    """Plain rows (no HTML) for the "also carried by" table."""
    return [{"outlet": c.outlet, "title": c.title, "url": c.url,
             "published": c.published.date().isoformat() if c.published else "",
             "why folded": c.reason} for c in ev.copies]


CSS = """
<style>
.cb-card{border:1px solid #ddd;border-radius:8px;padding:.6rem .8rem;margin:.4rem 0;background:#fff}
.cb-supports{border-left:5px solid #1b7f3b}.cb-contradicts{border-left:5px solid #b3261e}
.cb-neutral{border-left:5px solid #9aa0a6}
.cb-head{font-size:.85rem;color:#444}.cb-title{font-weight:600;margin:.2rem 0}
.cb-passage{margin:.3rem 0;padding:.2rem .6rem;border-left:3px solid #eee;color:#222}
.cb-passage mark{background:#fff3a3;padding:0 .1rem}
.cb-conflict{color:#b3261e;text-decoration:underline}
.cb-conflicts,.cb-dissent{font-size:.8rem;color:#b3261e}
.cb-unconfirmed{font-size:.8rem;color:#5f6368}
.cb-conf,.cb-copies,.cb-meta{font-size:.8rem;color:#555}
.cb-badge{font-size:.75rem;background:#e8f0fe;color:#1a4fa3;border-radius:4px;padding:0 .3rem}
.cb-verdict{padding:.5rem .8rem;background:#f8f9fa;border-radius:6px;margin:.5rem 0}
.cb-factcheck{padding:.5rem .8rem;background:#fff8e1;border:1px solid #f0c36d;border-radius:6px;
margin:.5rem 0}.cb-fc-row{margin:.2rem 0}.cb-fc-claim{font-size:.9rem;color:#333}
.cb-fc-false,.cb-fc-mostly-false{color:#b3261e}.cb-fc-true,.cb-fc-mostly-true{color:#1b7f3b}
.cb-fc-mixed{color:#b26a00}.cb-fc-other{color:#5f6368}
.cb-claim{font-size:1.15rem;font-weight:600;margin:1.2rem 0 .2rem;padding-top:.6rem;\
border-top:1px solid #ddd}
.cb-passage[dir=rtl]{border-left:none;border-right:3px solid #eee;text-align:right}
.cb-verdict-label{font-weight:700;font-size:1.1rem}
.cb-sides{display:flex;flex-wrap:wrap;gap:.3rem 1.6rem;margin-top:.2rem}\
.cb-explain{font-size:.85rem;color:#555;margin-top:.2rem}
</style>
"""


def side_count(origins: int, articles: int) -> str:
    """A column's count: its cards (one per origin) and, when copies fold in, its articles.

    Example:
        >>> side_count(7, 9), side_count(3, 3)
        ('7 origins, 9 articles', '3')
    """
    if origins == articles:
        return str(articles)
    return f"{origins} origin{'s' * (origins != 1)}, {articles} articles"
