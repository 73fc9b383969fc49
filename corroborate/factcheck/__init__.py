"""Fact-checks: ClaimReview read from pages, ratings on one scale, claims matched to them."""

from .claimreview import FoundReviews, extract_claim_reviews, has_claim_review
from .ratings import SCALE, map_rating

__all__ = ["SCALE", "FoundReviews", "extract_claim_reviews", "has_claim_review", "map_rating"]
