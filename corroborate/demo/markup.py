"""The schema.org ClaimReview markup the demo server puts in its fictional fact-checks' pages."""

from __future__ import annotations

from typing import Any

from .corpus import SampleArticle, SampleOutlet


def claim_review_markup(a: SampleArticle, outlet: SampleOutlet, url: str, iso: str
                        ) -> dict[str, Any] | None:
    """The schema.org ClaimReview of a fictional fact-check (None for other articles)."""
    if not a.review_claim:
        return None
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": a.review_rating}
    if a.review_scale:
        value, _, best = a.review_scale.partition("/")
        rating.update(ratingValue=int(value), bestRating=int(best), worstRating=1)
    item: dict[str, Any] = {"@type": "Claim"}
    if a.review_claimant:
        item["author"] = {"@type": "Organization", "name": a.review_claimant}
    if a.review_appearance:
        item["appearance"] = [{"@type": "CreativeWork", "url": a.review_appearance}]
    return {"@context": "https://schema.org", "@type": "ClaimReview", "url": url,
            "claimReviewed": a.review_claim, "datePublished": iso, "inLanguage": a.language,
            "author": {"@type": "Organization", "name": outlet.name, "url": outlet.homepage},
            "reviewRating": rating, "itemReviewed": item}


__all__ = ["claim_review_markup"]
