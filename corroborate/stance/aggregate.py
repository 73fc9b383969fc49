"""Document-level stance from passage-level stance (the engine and the FNC-1 evaluation share it).

An article's stance is carried by its strongest passage:

1. a passage read as taking a side (its label is ``supports`` or ``contradicts``: the most
   probable label, at or above that side's calibrated threshold, see
   :mod:`corroborate.stance.calibration`) with a probability of at least ``polar_threshold``
   can decide; the most confident of them wins and the article takes its label and
   probabilities;
2. otherwise, when any passage is related (``P(unrelated) < 0.5``), the article is ``neutral``
   (it discusses the claim without taking a side), with the probabilities of its most
   related passage;
3. otherwise it is ``unrelated``, with the probabilities of its most related passage.

A passage can also be read sentence by sentence (:func:`sentence_reading`): news passages hold
several sentences, and the model, trained mostly on one-sentence premises, can miss the one that
takes a side. A sentence's reading replaces its passage's when it takes a side, decidedly (at
least ``sentence_threshold``) and more strongly than the passage's own reading.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..domain import STANCE_LABELS, StanceResult
from .labels import CONTRADICTS, NEUTRAL, SUPPORTS, UNRELATED

DEFAULT_POLAR_THRESHOLD = 0.5
DEFAULT_SENTENCE_THRESHOLD = 0.8


def polar(result: StanceResult) -> float:
    """How strongly a reading takes a side: ``max(P(supports), P(contradicts))``."""
    return max(result.probabilities.get(SUPPORTS, 0.0), result.probabilities.get(CONTRADICTS, 0.0))


MIN_SENTENCE_CHARS = 25  # shorter "sentences" (datelines, captions, bylines) are not read alone


def readable_sentences(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentence spans of ``text`` worth a reading of their own: none when only one is."""
    kept = [(a, b) for a, b in spans if len(text[a:b].strip()) >= MIN_SENTENCE_CHARS]
    return kept if len(kept) > 1 else []


def worth_reading_sentences(
    passage: StanceResult, *, threshold: float = DEFAULT_SENTENCE_THRESHOLD
) -> bool:
    """Whether a passage's sentences deserve readings of their own: it is related to the claim
    (``P(unrelated) < 0.5``) and its own reading is not already decisive."""
    return passage.probabilities.get(UNRELATED, 0.0) < 0.5 and polar(passage) < threshold


def sentence_reading(passage: StanceResult, sentences: Sequence[StanceResult], *,
                     threshold: float = DEFAULT_SENTENCE_THRESHOLD) -> int | None:
    """Which sentence's reading replaces the passage's, if any.

    Example:
        >>> neutral = StanceResult("neutral", {"supports": .2, "contradicts": .1, "neutral": .7,
        ...                                    "unrelated": 0})
        >>> strong = StanceResult("supports", {"supports": .9, "contradicts": 0, "neutral": .1,
        ...                                    "unrelated": 0})
        >>> sentence_reading(neutral, [neutral, strong])
        1
        >>> sentence_reading(strong, [neutral]) is None
        True
    """
    sided = [i for i, r in enumerate(sentences) if r.label in (SUPPORTS, CONTRADICTS)]
    if not sided:
        return None
    best = max(sided, key=lambda i: polar(sentences[i]))
    strength = polar(sentences[best])
    return best if strength >= threshold and strength > polar(passage) else None


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
        >>> r = StanceResult("supports", {"supports": .8, "contradicts": .1, "neutral": .05,
        ...                               "unrelated": .05})
        >>> aggregate_document_stance([r]).label
        'supports'
    """
    if not passage_results:
        raise ValueError("aggregate_document_stance needs at least one passage result")

    sided = [r for r in passage_results if r.label in (SUPPORTS, CONTRADICTS)
             and r.probabilities.get(r.label, 0.0) >= polar_threshold]
    if sided:
        strongest = max(sided, key=lambda r: r.probabilities.get(r.label, 0.0))
        return StanceResult(strongest.label, _complete(strongest.probabilities))
    most_related = min(passage_results, key=lambda r: r.probabilities.get(UNRELATED, 0.0))
    related = most_related.probabilities.get(UNRELATED, 0.0) < 0.5
    return StanceResult(NEUTRAL if related else UNRELATED, _complete(most_related.probabilities))


def _complete(probabilities: dict[str, float]) -> dict[str, float]:
    return {label: float(probabilities.get(label, 0.0)) for label in STANCE_LABELS}
