"""Words of opposite direction a claim and a text may use: "above" and "below", "rose" and "fell".

A text that says "Flag Hill rises 700 ft above sea level" does not bear out "Flag Hill is below
sea level", however alike the rest of the words are; the network reads such pairs as support
with high confidence (0.8–0.9 on the dev sets). The evidence check holds support back where
the claim has one word of a pair and not its opposite, and the text has the opposite
(:func:`opposite_words`); the reader is told which two words (:func:`~.evidence.unconfirmed`).

It never makes a contradiction: "exports rose as imports fell" has both directions, about two
things, and only a reader can pair them. The pairs, in en / fr / ar:

- position: above / below, « au-dessus » / « en dessous », «فوق» / «تحت»;
- direction of a change: rose, increased, grew, higher / fell, decreased, declined, dropped,
  lower; « hausse », « augmente » / « baisse », « diminue », « recule », « chute »;
  «ارتفع», «زيادة» / «انخفض», «تراجع», «هبط»;
- the compass: north / south, east / west (not French « est », which is also "is");
- the time of day: at night, overnight / during the day, « la nuit » / « le jour », «ليلا» /
  «نهارا»;
- majority / minority.
"""

from __future__ import annotations

import functools
import re

_AR = r"(?<!\w)[وبلفك]?(?:ال)?"  # an Arabic word's clinging prefixes and article
_PAIRS: tuple[tuple[str, str], ...] = (
    (rf"\babove\b|\bau-dessus\b|{_AR}فوق(?!\w)",
     rf"\b(?:below|beneath)\b|\ben\s+dessous\b|\bau-dessous\b|{_AR}تحت(?!\w)"),
    (r"\b(?:rose|risen|rising|rises|increased?|increases|increasing|grew|grown|higher|hausses?|"
     r"augment(?:e|ent|é|ée|és|ées|ation|ations)|en\s+hausse)\b"
     rf"|{_AR}(?:ارتفع|ارتفعت|يرتفع|ترتفع|ارتفاع|زيادة|زاد|زادت)(?!\w)",
     r"\b(?:fell|fallen|falling|falls|decreased?|decreases|decreasing|declined|declines|"
     r"declining|dropped|shrank|lower|baisses?|diminu(?:e|ent|é|ée|és|ées|tion)|"
     r"recul(?:e|ent|é|ée)?|chut(?:e|es|ent|é|ée))\b"
     rf"|{_AR}(?:انخفض|انخفضت|ينخفض|تنخفض|انخفاض|تراجع|تراجعت|يتراجع|هبط|هبطت)(?!\w)"),
    (rf"\b(?:north|northern|nord)\b|{_AR}(?:شمال|شمالي|شمالية)(?!\w)",
     rf"\b(?:south|southern|sud)\b|{_AR}(?:جنوب|جنوبي|جنوبية)(?!\w)"),
    (rf"\b(?:east|eastern|orientale?s?)\b|{_AR}(?:شرق|شرقي|شرقية)(?!\w)",
     rf"\b(?:west|western|ouest|occidentale?s?)\b|{_AR}(?:غرب|غربي|غربية)(?!\w)"),
    (rf"\b(?:at\s+night|overnight|la\s+nuit|le\s+soir)\b|{_AR}(?:ليلا|ليلاً|ليل)(?!\w)",
     r"\b(?:during\s+the\s+day|daytime|in\s+daylight|pendant\s+la\s+journée|en\s+journée|"
     rf"le\s+jour)\b|{_AR}(?:نهارا|نهاراً|نهار)(?!\w)"),
    (rf"\b(?:majority|majorité)\b|{_AR}(?:غالبية|أغلبية)(?!\w)",
     rf"\b(?:minority|minorité)\b|{_AR}(?:أقلية)(?!\w)"),
)


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    return tuple((re.compile(a, flags=re.IGNORECASE), re.compile(b, flags=re.IGNORECASE))
                 for a, b in _PAIRS)


def opposite_words(claim: str, text: str) -> tuple[str, str] | None:
    """The claim's word and the text's opposite one, where the claim has one word of a pair and
    not its opposite and the text has the opposite; or None.

    >>> opposite_words("Flag Hill is below sea level.", "Flag Hill rises 700 ft above sea level.")
    ('below', 'above')
    >>> opposite_words("Les exportations ont reculé en mars.", "Exports fell in March.") is None
    True
    """
    for one, other in _patterns():
        for mine, theirs in ((one, other), (other, one)):
            said = mine.search(claim)
            if said is None or theirs.search(claim):
                continue
            opposite = theirs.search(text)
            if opposite is not None:
                return said.group(), opposite.group()
    return None
