"""Sentences and passages, with exact character offsets into the article text.

Sentences: each line of the text is a paragraph (extraction puts one paragraph per line).
Breaks are found by a regex at ``. ! ? … 。 ！ ？ ؟ ۔`` (plus closing quotes, brackets and
citation marks such as ``[12]``) for every language; then

* a break after a dotted or short capitalised token ("U.S.", "Ave.") is doubtful, and for
  the languages pysbd supports (en, fr, ar, de, es, ru, zh, fa, ur, it, nl, pl, ja... see
  :data:`PYSBD_LANGUAGES`) pysbd, with its per-language abbreviation lists, decides it;
* a closing quote or bracket after a full stop stays with its sentence (``“...。”``);
* a break before a lower-case letter, or after a known abbreviation or an initial
  (``janv.``, ``Sr.``, ``J.``), is dropped.

pysbd is not the primary splitter: on the readability pages it ignores breaks inside quoted
dialogue (“Nope. Still nothing.”) and after citation marks, and it is about fifty times
slower (1.5 s for a 30,000-character article). Spans never include surrounding whitespace
and together they cover every non-space character of the text.

Passages: consecutive sentences grouped greedily into passages of ``min_sentences`` to
``max_sentences`` sentences and at most ``max_tokens`` approximate tokens (a word, a CJK
character or a punctuation mark each count one). A passage closes at a paragraph end once it
has ``min_sentences``. A sentence longer than ``max_tokens`` is cut at clause punctuation,
else between words (between characters for CJK), so no passage exceeds the bound.
"""

from __future__ import annotations

import itertools
import logging
import re
from dataclasses import dataclass

from ..domain import Passage, passage_id_for
from ..errors import ConfigError

logger = logging.getLogger(__name__)

PYSBD_LANGUAGES: frozenset[str] = frozenset({
    "am", "ar", "bg", "da", "de", "el", "en", "es", "fa", "fr", "hi", "hy", "it", "ja", "kk",
    "mr", "my", "nl", "pl", "ru", "sk", "ur", "zh",
})
_PYSBD_MAX_CHARS = 4000  # pysbd's regexes get slow on huge paragraphs; the regex splitter copes

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+|[^\w\s]")
_CLAUSE_PUNCT = frozenset(",;:،؛，；：、—–")
_CLOSERS = "\"'”’»)]}」』）】›"
_TERMINAL = ".!?…。！？؟۔"
# A candidate break: terminal punctuation, closing quotes/brackets, then space (or nothing
# after the full-width and Arabic marks, which are not followed by a space in CJK text).
_BREAK = re.compile(
    rf"[.!?…؟۔]+[{re.escape(_CLOSERS)}]*(?:\[\d{{1,3}}\])*(?=\s|$)"  # "[12]": a citation mark
    rf"|[。！？]+[{re.escape(_CLOSERS)}]*"
)
_ABBREVIATIONS = frozenset(
    """
mr mrs ms dr prof st jr sr vs etc eg ie gen col lt sgt capt gov sen rep inc ltd co corp
jan feb apr jun jul aug sep oct nov dec mt ft approx dept fig
mme mlle mm janv févr avr juil déc env cf
hr fr nr bzw usw zb ca dt str abs
sra srta dña av pág núm
""".split()  # noqa: SIM905 - a word list reads best as words
)
_LAST_WORD = re.compile(r"(?:^|[\s(\[«“\"'])([^\W\d_][\w.]*)$")
_LOWER_START = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class _Unit:
    """A sentence (or a piece of an overlong one) ready to be grouped."""

    start: int
    end: int
    tokens: int
    paragraph: int


def count_tokens(text: str) -> int:
    """Approximate tokens: words, CJK characters and punctuation marks each count one."""
    return sum(1 for _ in _TOKEN.finditer(text))


# --- sentences ---------------------------------------------------------------------------------


def _pysbd_cuts(paragraph: str, language: str) -> list[int] | None:
    """Sentence end offsets from pysbd, or None when its output cannot be located."""
    import pysbd

    segmenter = pysbd.Segmenter(language=language, clean=False)
    cuts: list[int] = []
    cursor = 0
    for sentence in segmenter.segment(paragraph):
        piece = sentence.strip()
        if not piece:
            continue
        found = paragraph.find(piece, cursor)
        if found < 0:
            return None
        cursor = found + len(piece)
        cuts.append(cursor)
    return cuts


def _regex_cuts(paragraph: str) -> list[int]:
    """Sentence end offsets at terminal punctuation (abbreviations are handled by _repair)."""
    return [m.end() for m in _BREAK.finditer(paragraph)]


def _after_abbreviation(paragraph: str, cut: int) -> bool:
    """True when the text before ``cut`` ends with an abbreviation or an initial plus "."."""
    before = paragraph[:cut].rstrip(_CLOSERS + " ")
    if not before.endswith(".") or before.endswith(".."):
        return False
    word = _LAST_WORD.search(before[:-1])
    if word is None:
        return False
    token = word.group(1).replace(".", "").lower()
    return token in _ABBREVIATIONS or len(word.group(1)) == 1


def _repair(paragraph: str, cuts: list[int]) -> list[int]:
    """Keep closers with their sentence; drop breaks before a lower-case start or after an
    abbreviation or initial."""
    fixed: list[int] = []
    for cut in cuts:
        while cut < len(paragraph) and paragraph[cut] in _CLOSERS:
            if paragraph[cut] in "\"'" and paragraph[cut + 1:cut + 2].isalnum():
                break  # an ASCII quote glued to a word opens the next sentence
            cut += 1
        rest = paragraph[cut:].lstrip()
        if rest and rest[0].islower() and _LOWER_START.match(rest[0]):
            continue  # "le 5 janv. à Paris": not a sentence start
        if rest and _after_abbreviation(paragraph, cut):
            continue  # "Sr. García", "J. Smith"
        if fixed and cut <= fixed[-1]:
            continue
        fixed.append(cut)
    return fixed


def _ambiguous(paragraph: str, cut: int) -> bool:
    """A break after a dotted or short capitalised token ("U.S.", "Ave.", "Gen."): maybe an
    abbreviation that our short list does not know."""
    before = paragraph[:cut].rstrip(_CLOSERS + " ")
    if not before.endswith(".") or before.endswith("..") or cut >= len(paragraph.rstrip()):
        return False
    word = _LAST_WORD.search(before[:-1])
    if word is None:
        return False
    token = word.group(1)
    return "." in token or (len(token) <= 3 and token[0].isupper())


def _arbitrate(paragraph: str, language: str, cuts: list[int], doubtful: list[int]) -> list[int]:
    """Keep a doubtful break only where pysbd (with its per-language abbreviations) agrees."""
    try:
        found = _pysbd_cuts(paragraph, language)
    except Exception as exc:  # a pysbd bug must not lose an article: keep our breaks
        logger.debug("pysbd failed on a %s paragraph: %r", language, exc)
        return cuts
    if found is None:
        return cuts
    rejected = {c for c in doubtful if not any(abs(c - p) <= 3 for p in found)}
    return [c for c in cuts if c not in rejected]


def _base_language(language: str) -> str:
    return language.strip().lower().replace("_", "-").split("-")[0]


def split_sentences(text: str, language: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` into ``text``, in order, without surrounding whitespace.

    Args:
        text: the article text (one paragraph per line).
        language: an ISO 639-1 code ("" or an unsupported code uses the regex splitter).

    Returns:
        Spans covering every non-space character of ``text``.

    Example:
        >>> split_sentences("Hello there. How are you?", "en")
        [(0, 12), (13, 25)]
    """
    lang = _base_language(language)
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        paragraph = line.group()
        if not paragraph.strip():
            continue
        cuts = _regex_cuts(paragraph)
        doubtful = [c for c in cuts if _ambiguous(paragraph, c)]
        if doubtful and lang in PYSBD_LANGUAGES and len(paragraph) <= _PYSBD_MAX_CHARS:
            cuts = _arbitrate(paragraph, lang, cuts, doubtful)
        bounds = [0, *_repair(paragraph, cuts), len(paragraph)]
        for a, b in itertools.pairwise(bounds):
            piece = paragraph[a:b]
            stripped = piece.strip()
            if stripped:
                start = line.start() + a + (len(piece) - len(piece.lstrip()))
                spans.append((start, start + len(stripped)))
    return spans


# --- passages ----------------------------------------------------------------------------------


def _split_long(text: str, start: int, end: int, max_tokens: int) -> list[tuple[int, int, int]]:
    """Cut an overlong sentence into pieces of at most ``max_tokens`` tokens: (start, end, n)."""
    tokens = [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:end])]
    pieces: list[tuple[int, int, int]] = []
    i = 0
    while i < len(tokens):
        j = min(i + max_tokens, len(tokens))  # exclusive
        if j < len(tokens):
            # Prefer the last clause mark in the window, if it leaves a piece of some size.
            for k in range(j - 1, i + max_tokens // 3, -1):
                if text[tokens[k][0]] in _CLAUSE_PUNCT:
                    j = k + 1
                    break
        pieces.append((tokens[i][0], tokens[j - 1][1], j - i))
        i = j
    return pieces


def _units(text: str, language: str, max_tokens: int) -> list[_Unit]:
    units: list[_Unit] = []
    paragraph = 0
    previous_end = 0
    for start, end in split_sentences(text, language):
        if "\n" in text[previous_end:start]:
            paragraph += 1
        previous_end = end
        n = count_tokens(text[start:end])
        if n <= max_tokens:
            units.append(_Unit(start, end, n, paragraph))
        else:
            units.extend(
                _Unit(a, b, k, paragraph) for a, b, k in _split_long(text, start, end, max_tokens)
            )
    return units


def split_passages(
    article_id: str,
    text: str,
    language: str,
    *,
    max_tokens: int = 120,
    min_sentences: int = 2,
    max_sentences: int = 4,
) -> list[Passage]:
    """Group an article's sentences into passages with exact offsets.

    Args:
        article_id: the article's id (passage ids derive from it and the offsets).
        text: the article text; every passage satisfies ``text[p.start:p.end] == p.text``.
        language: ISO 639-1 code for sentence splitting ("" for the generic splitter).
        max_tokens: hard upper bound on a passage's approximate tokens.
        min_sentences: fewest sentences in a passage when the bound and the text allow it.
        max_sentences: most sentences in a passage.

    Returns:
        The passages in order, ``index`` counting from 0.

    Raises:
        ConfigError: the bounds are inconsistent (e.g. ``min_sentences > max_sentences``).

    Example:
        >>> [p.text for p in split_passages("a1", "One. Two. Three.", "en")]
        ['One. Two. Three.']
    """
    if max_tokens < 8:
        raise ConfigError(f"passage max_tokens must be at least 8 (got {max_tokens})")
    if not 1 <= min_sentences <= max_sentences:
        raise ConfigError(
            "need 1 <= passage min_sentences <= max_sentences "
            f"(got {min_sentences} and {max_sentences})"
        )
    groups: list[list[_Unit]] = []
    current: list[_Unit] = []
    tokens = 0
    for unit in _units(text, language, max_tokens):
        if current and (
            len(current) >= max_sentences
            or tokens + unit.tokens > max_tokens
            or (len(current) >= min_sentences and unit.paragraph != current[-1].paragraph)
        ):
            groups.append(current)
            current, tokens = [], 0
        current.append(unit)
        tokens += unit.tokens
    if current:
        groups.append(current)
    if len(groups) > 1 and len(groups[-1]) < min_sentences:
        merged = groups[-2] + groups[-1]
        if len(merged) <= max_sentences and sum(u.tokens for u in merged) <= max_tokens:
            groups[-2:] = [merged]

    passages: list[Passage] = []
    for index, group in enumerate(groups):
        start, end = group[0].start, group[-1].end
        passages.append(Passage(
            id=passage_id_for(article_id, start, end),
            article_id=article_id,
            index=index,
            start=start,
            end=end,
            text=text[start:end],
            sentence_spans=tuple((u.start, u.end) for u in group),
        ))
    return passages


__all__ = ["PYSBD_LANGUAGES", "count_tokens", "split_passages", "split_sentences"]
