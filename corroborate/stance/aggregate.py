"""Document-level stance from passage-level stance (the engine and the FNC-1 evaluation share it).

An article's stance is carried by its strongest passage:

1. the *polar strength* of a passage is ``max(P(supports), P(contradicts))``; the passage with
   the highest polar strength wins when that strength is at least ``polar_threshold`` — the
   article takes that passage's larger polar label and its probabilities;
2. otherwise, when any passage is related (``P(unrelated) < 0.5``), the article is ``neutral``
   (it discusses the claim without taking a side), with the probabilities of its most
   related passage;
3. otherwise it is ``unrelated``, with the probabilities of its most related passage.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..domain import STANCE_LABELS, StanceResult
from .labels import CONTRADICTS, NEUTRAL, SUPPORTS, UNRELATED

DEFAULT_POLAR_THRESHOLD = 0.5


def aggregate_document_stance(passage_results: Sequence[StanceResult], *,
                              polar_threshold: float = DEFAULT_POLAR_THRESHOLD) -> StanceResult:
    """The stance of a document given the stance of (some of) its passages.

    Args:
        passage_results: one result per passage, in any order.
        polar_threshold: the polar probability a passage needs to decide the document.

    Returns:
        A :class:`StanceResult` whose label follows the rules of the module docstring and
        whose probabilities are those of the deciding passage.

    Raises:
        ValueError: no passage results.

    Example:
        >>> r = StanceResult("supports", {"supports": .8, "contradicts": .1, "neutral": .05, "unrelated": .05})
        >>> aggregate_document_stance([r]).label
        'supports'
    """
    if not passage_results:
        raise ValueError("aggregate_document_stance needs at least one passage result")

    def polar(r: StanceResult) -> float:
        return max(r.probabilities.get(SUPPORTS, 0.0), r.probabilities.get(CONTRADICTS, 0.0))

    strongest = max(passage_results, key=polar)
    if polar(strongest) >= polar_threshold:
        p = strongest.probabilities
        label = SUPPORTS if p.get(SUPPORTS, 0.0) >= p.get(CONTRADICTS, 0.0) else CONTRADICTS
        return StanceResult(label, _complete(p))
    most_related = min(passage_results, key=lambda r: r.probabilities.get(UNRELATED, 0.0))
    related = most_related.probabilities.get(UNRELATED, 0.0) < 0.5
    return StanceResult(NEUTRAL if related else UNRELATED, _complete(most_related.probabilities))


def _complete(probabilities: dict[str, float]) -> dict[str, float]:
    return {label: float(probabilities.get(label, 0.0)) for label in STANCE_LABELS}
