"""Verdicts: every branch of the rule, the counts and thresholds carried, the disclaimer."""

from __future__ import annotations

import json

import pytest

from corroborate.errors import ConfigError
from corroborate.origins import CoverageCount
from corroborate.verdict import (
    CONFLICTING,
    CONTRADICTED,
    NOT_ENOUGH_COVERAGE,
    SUPPORTED,
    VERDICT_LABELS,
    decide_verdict,
)


@pytest.mark.parametrize(("s", "c", "min_origins", "label"), [
    (2, 0, 2, SUPPORTED),
    (7, 0, 2, SUPPORTED),
    (0, 2, 2, CONTRADICTED),
    (0, 5, 3, CONTRADICTED),
    (1, 1, 2, CONFLICTING),
    (6, 1, 2, CONFLICTING),  # a lone dissenting origin is not outvoted
    (1, 6, 2, CONFLICTING),
    (1, 1, 5, CONFLICTING),  # disagreement is reported even below min_origins
    (0, 0, 2, NOT_ENOUGH_COVERAGE),
    (1, 0, 2, NOT_ENOUGH_COVERAGE),
    (0, 1, 2, NOT_ENOUGH_COVERAGE),
    (2, 0, 3, NOT_ENOUGH_COVERAGE),
    (1, 0, 1, SUPPORTED),
])
def test_labels(s: int, c: int, min_origins: int, label: str) -> None:
    verdict = decide_verdict(s, c, min_origins=min_origins)
    assert verdict.label == label
    assert verdict.label in VERDICT_LABELS
    assert (verdict.supporting.origins, verdict.contradicting.origins) == (s, c)
    assert verdict.min_origins == min_origins
    assert verdict.disclaimer.startswith("corroborate reports coverage, not truth: ")


def test_explanations_name_both_sides() -> None:
    assert decide_verdict(3, 0).explanation == (
        "3 independent origins support the claim (2 needed) and none contradicts it.")
    assert decide_verdict(0, 2).explanation == (
        "2 independent origins contradict the claim (2 needed) and none supports it.")
    assert decide_verdict(4, 1).explanation == (
        "Independent origins disagree: 4 independent origins support the claim and "
        "1 independent origin contradicts it.")
    assert decide_verdict(0, 0).explanation == (
        "No independent origin in the index supports or contradicts the claim.")
    assert decide_verdict(1, 0).explanation == (
        "Only 1 independent origin supports the claim and none contradicts it; "
        "2 are needed on one side.")
    assert decide_verdict(0, 1).explanation == (
        "Only 1 independent origin contradicts the claim and none supports it; "
        "2 are needed on one side.")


def test_stricter_conflict_threshold_still_names_the_dissent() -> None:
    verdict = decide_verdict(5, 1, min_conflict_origins=2)
    assert verdict.label == SUPPORTED
    assert verdict.explanation == (
        "5 independent origins support the claim (2 needed); 1 independent origin contradicts it.")
    assert decide_verdict(1, 5, min_conflict_origins=2).label == CONTRADICTED
    assert decide_verdict(2, 2, min_conflict_origins=2).label == CONFLICTING
    few = decide_verdict(1, 1, min_origins=2, min_conflict_origins=2)
    assert few.label == NOT_ENOUGH_COVERAGE
    assert "too few to say" in few.explanation


def test_side_counts_are_carried_and_explained() -> None:
    sup = CoverageCount(articles=10, outlets=7, origins=2)
    con = CoverageCount(articles=1, outlets=1, origins=1)
    verdict = decide_verdict(2, 1, supporting=sup, contradicting=con)
    assert verdict.label == CONFLICTING
    assert (verdict.supporting.articles, verdict.supporting.outlets) == (10, 7)
    assert "2 independent origins (10 articles from 7 outlets) support" in verdict.explanation
    assert "1 independent origin (1 article from 1 outlet) contradicts" in verdict.explanation
    data = json.loads(json.dumps(verdict.to_dict()))
    assert data["label"] == "CONFLICTING"
    assert data["thresholds"] == {"min_origins": 2, "min_conflict_origins": 1}
    assert data["supporting"] == {"origins": 2, "articles": 10, "outlets": 7}
    assert data["disclaimer"] == verdict.disclaimer


def test_bad_input() -> None:
    with pytest.raises(ConfigError, match="verdict_min_origins must be at least 1"):
        decide_verdict(1, 0, min_origins=0)
    with pytest.raises(ConfigError, match="min_conflict_origins"):
        decide_verdict(1, 0, min_conflict_origins=0)
    with pytest.raises(ValueError, match="supporting_origins must be >= 0"):
        decide_verdict(-1, 0)
    with pytest.raises(ValueError, match=r"contradicting\.origins is 3"):
        decide_verdict(0, 1, contradicting=CoverageCount(articles=3, outlets=3, origins=3))
