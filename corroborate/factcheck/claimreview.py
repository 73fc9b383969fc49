"""ClaimReview markup (JSON-LD, microdata, RDFa) read out of a fetched page.

Every ``ClaimReview`` object anywhere in the page counts: a single JSON-LD object, an array,
the ``@graph`` form, one nested in an article's ``review`` or ``hasPart``, microdata
(``itemtype=".../ClaimReview"``) and RDFa (both read by extruct). JSON-LD blocks are parsed
one by one so a malformed block costs only itself: it comes back as a *problem* (a short
reason the ingest writes in the fetch log), never as an exception.

Example:
    >>> found = extract_claim_reviews(html, "https://factuel.example/x", language="fr")
    >>> [(r.claim, r.rating, r.verdict) for r in found.reviews]
    [('Un camion a tué 40 civils', 'Faux', 'false')]
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..domain import ClaimReview, review_id_for
from .ratings import map_rating, to_number

log = logging.getLogger(__name__)

_SCRIPT = re.compile(
    rb"<script\b[^>]*type\s*=\s*[\"']?application/ld\+json[^>]*>(.*?)</script\s*>",
    re.IGNORECASE | re.DOTALL)
_MAX_DEPTH = 12
_MAX_REVIEWS = 50


@dataclass(frozen=True)
class FoundReviews:
    """The reviews of one page and what was wrong with its markup (reasons, maybe empty)."""

    reviews: tuple[ClaimReview, ...] = ()
    problems: tuple[str, ...] = field(default=())


def has_claim_review(body: bytes | str) -> bool:
    """Cheap test: could the page carry ClaimReview markup at all?"""
    raw = body.encode("utf-8", "replace") if isinstance(body, str) else body
    return b"claimreview" in raw.lower()


def extract_claim_reviews(body: bytes | str, url: str, *, language: str = "",
                          title: str = "", article_id: str = "") -> FoundReviews:
    """Every ClaimReview of a page.

    Args:
        body: the page (bytes as fetched, or text).
        url: the page's URL (the review's URL when the markup gives none; base for RDFa).
        language: the page's language, for reviews that do not declare theirs.
        title: the page's headline, kept beside each review.
        article_id: the stored article the page became, if any.

    Returns:
        :class:`FoundReviews`: the reviews (at most 50, de-duplicated) and the problems.
    """
    if not has_claim_review(body):
        return FoundReviews()
    raw = body.encode("utf-8", "replace") if isinstance(body, str) else body
    problems: list[str] = []
    objects: list[Any] = []
    for n, match in enumerate(_SCRIPT.finditer(raw), 1):
        block = match.group(1)
        if b"claimreview" not in block.lower():
            continue
        parsed, problem = _parse_json_ld(block)
        if problem:
            problems.append(f"ClaimReview JSON-LD block {n} unreadable: {problem}")
        else:
            objects.append(parsed)
    objects += _microdata_and_rdfa(raw, url, problems)
    reviews: dict[int, ClaimReview] = {}
    for obj in _claim_review_objects(objects):
        try:
            review, problem = _review(obj, url, language, title, article_id)
        except (RecursionError, TypeError, ValueError, AttributeError) as exc:
            review, problem = None, f"ClaimReview unreadable: {type(exc).__name__}"
        if problem:
            problems.append(problem)
        elif review is not None and len(reviews) < _MAX_REVIEWS:
            reviews.setdefault(review.id, review)
    return FoundReviews(tuple(reviews.values()), tuple(dict.fromkeys(problems)))


def _parse_json_ld(block: bytes) -> tuple[Any, str]:
    text = block.decode("utf-8", "replace").strip()
    # wrappers some CMSs leave around the JSON
    text = re.sub(r"^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$", "", text).strip()
    try:
        return json.loads(text, strict=False), ""
    except RecursionError:
        return None, "nested too deeply"
    except ValueError as first:
        # the commonest breakage: trailing commas before } or ]
        try:
            return json.loads(re.sub(r",\s*([}\]])", r"\1", text), strict=False), ""
        except (ValueError, RecursionError):
            return None, f"{type(first).__name__}: {str(first)[:120]}"


def _microdata_and_rdfa(raw: bytes, url: str, problems: list[str]) -> list[Any]:
    """Microdata and RDFa items, turned into JSON-LD-like plain dicts (keys without IRIs)."""
    if not re.search(rb"item(?:type|scope)|typeof\s*=|vocab\s*=", raw, re.IGNORECASE):
        return []
    try:
        import extruct

        data = extruct.extract(raw, base_url=url, syntaxes=["microdata", "rdfa"],
                               uniform=True, errors="strict")
    except Exception as exc:  # extruct surfaces lxml/rdflib errors of every kind
        problems.append(f"ClaimReview microdata/RDFa unreadable: {type(exc).__name__}: "
                        f"{str(exc)[:120]}")
        return []
    rdfa = data.get("rdfa", [])
    nodes = {n["@id"]: n for n in rdfa if isinstance(n, dict) and n.get("@id")}
    return [_plain(item, nodes=nodes) for item in [*data.get("microdata", []), *rdfa]]


def _key(name: str) -> str:
    if name.startswith("@"):
        return name
    return re.split(r"[/#:]", name)[-1]


def _plain(value: Any, depth: int = 0, nodes: dict[str, Any] | None = None) -> Any:
    """RDFa's expanded, flattened form (IRIs as keys, ``[{"@value": x}]``, nodes referred to
    by ``{"@id": ...}``) to plain nested values."""
    if depth > _MAX_DEPTH:
        return None
    if isinstance(value, list):
        items = [_plain(v, depth + 1, nodes) for v in value]
        return items[0] if len(items) == 1 else items
    if isinstance(value, dict):
        if set(value) <= {"@value", "@language", "@type"} and "@value" in value:
            return value["@value"]
        if set(value) == {"@id"} and nodes and value["@id"] in nodes:
            value = nodes[value["@id"]]
        out = {_key(k): _plain(v, depth + 1, nodes) for k, v in value.items()}
        if "@type" in out:
            types = out["@type"] if isinstance(out["@type"], list) else [out["@type"]]
            out["@type"] = [_key(str(t)) for t in types]
        return out
    return value


def _is_claim_review(obj: dict[str, Any]) -> bool:
    types = obj.get("@type", obj.get("type", ()))
    types = types if isinstance(types, list) else [types]
    return any(isinstance(t, str) and _key(t) == "ClaimReview" for t in types)


def _claim_review_objects(objects: list[Any]) -> Iterator[dict[str, Any]]:
    """Every ClaimReview dict, however deep (``@graph``, arrays, ``review``, ``hasPart``)."""
    todo: list[tuple[Any, int]] = [(o, 0) for o in objects]
    while todo:
        obj, depth = todo.pop(0)
        if depth > _MAX_DEPTH:
            continue
        if isinstance(obj, list):
            todo += [(o, depth + 1) for o in obj]
        elif isinstance(obj, dict):
            if _is_claim_review(obj):
                yield obj
                continue
            todo += [(v, depth + 1) for v in obj.values() if isinstance(v, dict | list)]


def _text(value: Any) -> str:
    """A plain string out of a string, a number, a {"name"/"@value"} object or a list."""
    if isinstance(value, list):
        return next((t for t in (_text(v) for v in value) if t), "")
    if isinstance(value, dict):
        for key in ("name", "@value", "text", "alternateName", "headline", "legalName"):
            if value.get(key):
                return _text(value[key])
        return ""
    if isinstance(value, bool) or value is None:
        return ""
    return " ".join(str(value).split())


def _url(value: Any) -> str:
    if isinstance(value, list):
        return next((u for u in (_url(v) for v in value) if u), "")
    if isinstance(value, dict):
        return _url(value.get("url") or value.get("@id") or "")
    text = _text(value)
    return text if text.startswith(("http://", "https://")) else ""


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _date(value: Any) -> datetime | None:
    text = _text(value)
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            return datetime.fromisoformat(text[:10])
        except ValueError:
            return None


def _review(obj: dict[str, Any], page_url: str, language: str, title: str,
            article_id: str) -> tuple[ClaimReview | None, str]:
    item = _first(obj.get("itemReviewed")) or {}
    item = item if isinstance(item, dict) else {}
    claim = _text(obj.get("claimReviewed")) or _text(item.get("text")) or _text(item.get("name"))
    if not claim:
        return None, "ClaimReview without claimReviewed: skipped"
    rating = _first(obj.get("reviewRating")) or {}
    rating = rating if isinstance(rating, dict) else {"alternateName": rating}
    words = (_text(rating.get("alternateName")) or _text(rating.get("name"))
             or _text(rating.get("ratingExplanation")))
    value = rating.get("ratingValue")
    best, worst = rating.get("bestRating"), rating.get("worstRating")
    published_words = words or _text(value)
    appearance = item.get("appearance") or item.get("firstAppearance")
    url = _url(obj.get("url")) or page_url
    return ClaimReview(
        id=review_id_for(url, claim), url=url, claim=claim[:1000],
        rating=published_words[:200],
        verdict=map_rating(words, value=_first(value), best=_first(best), worst=_first(worst)),
        publisher=_text(obj.get("author")) or _text(obj.get("publisher")),
        published=_date(obj.get("datePublished")) or _date(obj.get("dateCreated")),
        language=(_text(obj.get("inLanguage")) or language).split("-")[0].lower()[:8],
        claimant=_text(item.get("author")), appearance=_url(appearance),
        title=title or _text(obj.get("name")) or _text(obj.get("headline")),
        rating_value=to_number(_first(value)), best_rating=to_number(_first(best)),
        worst_rating=to_number(_first(worst)), article_id=article_id), ""


__all__ = ["FoundReviews", "extract_claim_reviews", "has_claim_review"]
