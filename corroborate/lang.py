"""Offline language identification with py3langid (ISO 639-1 codes).

py3langid is a naive Bayes model over byte n-grams, shipped inside the package (no download).
Its normalised probability is calibrated for length, so one threshold serves short and long
texts. Text that is too short, or on which the model is unsure, gets ``""`` rather than a
guess: a wrong language would send a passage to the wrong sentence splitter. For scripts
that belong to one language (Han without kana, kana, Hangul, Hebrew, Greek, Thai) the script
decides when the model is unsure, which rescues short headlines.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from typing import Any

logger = logging.getLogger(__name__)

MIN_LETTERS = 6  #: fewer letters than this (CJK characters count double) → ""
MIN_CONFIDENCE = 0.5  #: model probability below this → script rule or ""
_MAX_CHARS = 5000  # the first few thousand characters decide as well as the whole text
_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|[#@]\w+")
_SCRIPT_LANGUAGE: tuple[tuple[str, re.Pattern[str]], ...] = (  # single-language scripts
    ("ja", re.compile(r"[\u3040-\u30ff]")),  # kana
    ("ko", re.compile(r"[\u1100-\u11ff\uac00-\ud7af]")),
    ("he", re.compile(r"[\u05d0-\u05ea]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("zh", re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")),
)
_LETTER = re.compile(r"[^\W\d_]")


_IDENTIFIER_LOCK = threading.Lock()


@functools.lru_cache(maxsize=1)
def _load_identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _identifier() -> Any:
    """The py3langid model with normalised probabilities, loaded once (~3 s) even when
    several threads ask for it at the same moment."""
    with _IDENTIFIER_LOCK:
        return _load_identifier()


def _letters(text: str) -> tuple[int, dict[str, int]]:
    """A weighted letter count (CJK counts double) and counts per single-language script."""
    scripts = {lang: n for lang, pattern in _SCRIPT_LANGUAGE if (n := len(pattern.findall(text)))}
    wide = scripts.get("zh", 0) + scripts.get("ja", 0) + scripts.get("ko", 0)
    return len(_LETTER.findall(text)) + wide, scripts


def _script_language(scripts: dict[str, int], letters: int) -> str:
    """The language a dominant single-language script implies, or ""."""
    if scripts.get("ja"):  # kana only occurs in Japanese, mixed with Han characters
        return "ja"
    if not scripts:
        return ""
    language, n = max(scripts.items(), key=lambda item: item[1])
    weight = 2 if language in ("zh", "ko") else 1
    return language if n * weight >= 0.6 * letters else ""


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language, or "" when too short or uncertain.

    Args:
        text: any text; URLs, e-mail addresses and hashtags are ignored.

    Returns:
        A two-letter code such as "en", "fr", "ar", or "".

    Example:
        >>> detect_language("Le ministre a déclaré mardi que les négociations reprendraient.")
        'fr'
    """
    sample = _NOISE.sub(" ", text[:_MAX_CHARS])
    letters, scripts = _letters(sample)
    if letters < MIN_LETTERS:
        return ""
    language, confidence = _identifier().classify(sample)
    by_script = _script_language(scripts, letters)
    if by_script and (language != by_script or confidence < MIN_CONFIDENCE):
        # A script owned by one language beats a weak or contrary n-gram guess.
        return by_script if not (by_script == "zh" and language in ("ja", "zh")) else language
    if confidence < MIN_CONFIDENCE or len(language) != 2:
        logger.debug("language uncertain (%s at %.2f) for %r", language, confidence, sample[:60])
        return ""
    return str(language)


__all__ = ["MIN_CONFIDENCE", "MIN_LETTERS", "detect_language"]
