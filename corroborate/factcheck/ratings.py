"""A fact-checker's rating, as published, mapped to one common scale.

The scale is :data:`SCALE`: ``false``, ``mostly false``, ``mixed``, ``mostly true``, ``true``
and ``other`` (satire, unproven, missing context, anything unread). A numeric ``ratingValue``
between ``worstRating`` and ``bestRating`` decides when the three are there; otherwise the
rating's words do, in English, French, Arabic, Spanish and German (the most specific phrase
wins: "mostly false" before "false", "غير صحيح" before "صحيح").

Example:
    >>> map_rating("Faux")
    'false'
    >>> map_rating("", value=4, best=5, worst=1)
    'mostly true'
"""

from __future__ import annotations

import re
import unicodedata

SCALE: tuple[str, ...] = ("false", "mostly false", "mixed", "mostly true", "true", "other")

# (common label, phrases), most specific first: the first phrase found decides
_PHRASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("other", (
        "satire", "satirical", "unproven", "unverified", "unsupported", "no evidence",
        "needs context", "missing context", "lacks context", "out of context", "not rated",
        "research in progress", "explainer", "opinion",
        "satirique", "parodie", "non prouve", "non verifie", "invérifiable", "inverifiable",
        "manque de contexte", "sans preuve", "hors contexte",
        "ساخر", "غير مؤكد", "غير مثبت", "لا دليل", "سياق ناقص", "خارج السياق",
        "satira", "sin evidencia", "sin pruebas", "no hay pruebas", "no verificado",
        "falta contexto", "fuera de contexto",
        "satire", "unbelegt", "nicht belegt", "fehlender kontext", "fehlt kontext",
        "aus dem kontext",
    )),
    ("mostly false", (
        "mostly false", "largely false", "mostly incorrect", "misleading", "inaccurate",
        "plutot faux", "en grande partie faux", "trompeur", "trompeuse", "inexact", "inexacte",
        "exagere", "exageree",
        "زائف جزئيا", "خاطئ جزئيا", "مضلل", "مضللة", "غير دقيق", "عنوان مضلل",
        "mayormente falso", "mayormente falsa", "enganoso", "enganosa", "inexacto",
        "groesstenteils falsch", "grosstenteils falsch", "uberwiegend falsch",
        "ueberwiegend falsch", "irrefuhrend", "irrefuehrend",
    )),
    ("mostly true", (
        "mostly true", "largely true", "mostly correct", "largely accurate", "mostly accurate",
        "plutot vrai", "en grande partie vrai", "globalement vrai",
        "صحيح في الغالب", "صحيح إلى حد كبير", "صحيح الى حد كبير",
        "mayormente verdadero", "mayormente cierto", "casi verdadero",
        "groesstenteils richtig", "grosstenteils richtig", "uberwiegend richtig",
        "ueberwiegend richtig", "grosstenteils wahr",
    )),
    ("mixed", (
        "half true", "half-true", "mixture", "mixed", "partly true", "partly false",
        "partially true", "partially false", "half right",
        "a moitie vrai", "en partie vrai", "en partie faux", "partiellement vrai",
        "partiellement faux", "a nuancer", "mitige", "vrai et faux",
        "صحيح جزئيا", "نصف صحيح", "بين الصحة والخطأ",
        "verdad a medias", "medio verdadero", "parcialmente falso", "parcialmente verdadero",
        "parcialmente cierto", "teilweise falsch", "teilweise richtig", "teilweise wahr",
        "halb wahr", "halbwahr",
    )),
    ("false", (
        "not true", "pants on fire", "false", "fake", "incorrect", "wrong", "fabricated",
        "hoax", "debunked", "untrue", "four pinocchios",
        "pas vrai", "faux", "fausse", "intox", "infox", "fake news", "errone", "erronee",
        "غير صحيح", "ليس صحيحا", "زائف", "زائفة", "كاذب", "كاذبة", "خاطئ", "خاطئة", "خطأ",
        "مفبرك", "مفبركة", "ملفق",
        "no es cierto", "no es verdad", "falso", "falsa", "bulo", "mentira",
        "nicht richtig", "stimmt nicht", "nicht wahr", "falsch", "frei erfunden", "erfunden",
        "fake",
    )),
    ("true", (
        "true", "correct", "accurate", "verified", "confirmed",
        "vrai", "vraie", "exact", "exacte", "confirme",
        "صحيح", "صحيحة", "حقيقي", "مؤكد",
        "verdadero", "verdadera", "cierto", "cierta", "verdad", "correcto",
        "richtig", "wahr", "stimmt", "korrekt", "bestatigt", "bestaetigt",
    )),
)

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _fold(text: str) -> str:
    """Casefold, drop accents and Arabic diacritics, punctuation to spaces."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w\s-]", " ", text).replace("_", " ")
    return " ".join(text.split())


def _compile() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for label, phrases in _PHRASES:
        folded = sorted({_fold(p) for p in phrases} | {_fold(p.translate(_GERMAN))
                                                        for p in phrases}, key=len, reverse=True)
        alternatives = "|".join(re.escape(p) for p in folded if p)
        out.append((label, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")))
    return out


_PATTERNS = _compile()


def to_number(value: object) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).strip().replace(",", "."))
    except ValueError:
        return None


def map_numeric(value: object, best: object, worst: object) -> str | None:
    """The common label of ``value`` on the ``worst``..``best`` scale, or None if unusable."""
    v, b, w = to_number(value), to_number(best), to_number(worst)
    if v is None or b is None or w is None or b == w:
        return None
    if not min(b, w) <= v <= max(b, w):
        return None
    share = (v - w) / (b - w)  # 0 = worst (false), 1 = best (true)
    for limit, label in ((0.125, "false"), (0.375, "mostly false"), (0.625, "mixed"),
                         (0.875, "mostly true")):
        if share < limit:
            return label
    return "true"


def map_words(words: str) -> str:
    """The common label of a rating's words (en, fr, ar, es, de); ``other`` if none fits."""
    folded = _fold(words)
    if not folded:
        return "other"
    germanised = _fold(words.translate(_GERMAN))
    best: tuple[int, int, str] | None = None
    # the earliest phrase in the text wins ("False. Mostly true elsewhere" is false); at the
    # same position the more specific family (listed first) wins
    for rank, (label, pattern) in enumerate(_PATTERNS):
        for text in (folded, germanised):
            found = pattern.search(text)
            if found and (best is None or (found.start(), rank) < best[:2]):
                best = (found.start(), rank, label)
    return best[2] if best else "other"


def map_rating(words: str, *, value: object = None, best: object = None,
               worst: object = None) -> str:
    """The common label: by the numeric value when it sits on a valid scale, else by words."""
    numeric = map_numeric(value, best, worst)
    if numeric is not None:
        return numeric
    return map_words(words)


__all__ = ["SCALE", "map_numeric", "map_rating", "map_words", "to_number"]
