"""Words of opposite direction a claim and a text may use: "above" and "below", "rose" and "fell".

A text that says "Flag Hill rises 700 ft above sea level" does not bear out "Flag Hill is below
sea level", however alike the rest of the words are; the network reads such pairs as support
with high confidence (0.8–0.9 on the dev sets). The evidence check holds support back where
the claim has one word of a pair and not its opposite, and the text has the opposite
(:func:`opposite_words`); the reader is told which two words (:func:`~.evidence.unconfirmed`).

Where the text states nearly every other word of the claim, the two words are a conflict
(:func:`opposite_spans`), which lets a contradiction be shown ("Inflation rose in March"
against "Inflation fell in March"); "Exports rose" against "Imports fell" is two things, and
"exports rose as imports fell" has both directions: neither is a conflict. The pairs, in en /
fr / ar:

- position: above / below, « au-dessus » / « en dessous », «فوق» / «تحت»;
- direction of a change: rose, increased, grew, climbed, jumped, surged, higher / fell,
  decreased, declined, dropped, plunged, slowed, lower; « hausse », « augmente », « grimpé »,
  « bondi » / « baisse », « diminue », « recule », « chute », « tombé à », « ralenti »;
  «ارتفع», «زيادة», «قفز» / «انخفض», «تراجع», «هبط», «تباطأ»; and of a level set: raised,
  hiked / cut, lowered, reduced, slashed, a rate, a price, a tax or a forecast within three
  words ("raised its key rate", not "raised concerns" nor "cut ties"), « relevé » /
  « abaissé », «رفع» / «خفض» before «سعر», «معدل», «نسبة»;
- the compass: north / south, east / west (not French « est », which is also "is");
- the time of day: at night, overnight / during the day, « la nuit » / « le jour », «ليلا» /
  «نهارا»;
- majority / minority;
- the outcome of a vote or a review: approved, adopted, accepted / rejected, « approuvé »,
  « adopté » / « rejeté », «أقر», «صادق» / «رفض» (not "refused to comment", «رفض التعليق»);
- the outcome of a trial: convicted, found guilty / acquitted, cleared of, « condamné » /
  « acquitté », «أدان» / «برأ».

Some pairs only hold support back and are never a conflict (:mod:`.contrasts`: who won and
who lost, a medal, a place, a currency, the day of the week …).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from .contrasts import AR as _AR
from .contrasts import HOLD_ONLY as _HOLD_ONLY

# what is raised or cut when a level moves ("raised its key rate", not "raised concerns"; "cut
# taxes", not "cut ties"), within the three words after the verb
_LEVEL = (r"(?:[\w'’-]+\s+){0,3}(?:rates?|taux|prices?|prix|taxe?s?|tariffs?|tarifs?|impôts?|"
          r"interest|forecasts?|prévisions?|estimates?|target|objectif|output|production)\b")
_AR_LEVEL = r"(?:\S+\s+){0,3}(?:ال)?(?:سعر|أسعار|معدل|نسبة|ضريبة|الضرائب|الرسوم|توقعات|إنتاج)"
_PAIRS: tuple[tuple[str, str], ...] = (
    (rf"\babove\b|\bau-dessus\b|{_AR}فوق(?!\w)",
     rf"\b(?:below|beneath)\b|\ben\s+dessous\b|\bau-dessous\b|{_AR}تحت(?!\w)"),
    (r"\b(?:rose|risen|rising|rises|increased?|increases|increasing|grew|grown|higher|hausses?|"
     r"climbed|jumped|surged|soared|accelerated|grimpée?|bondi|flambée?|accélérée?|"
     r"augment(?:e|ent|é|ée|és|ées|ation|ations)|en\s+hausse)\b"
     rf"|\b(?:raised|raises|raising|hiked|hikes|relevée?|relève|rehaussée?)\s+{_LEVEL}"
     rf"|{_AR}(?:ارتفع|ارتفعت|يرتفع|ترتفع|ارتفاع|زيادة|زاد|زادت|قفز|قفزت|تسارع)(?!\w)"
     rf"|{_AR}(?:رفع|رفعت|يرفع|ترفع)\s+{_AR_LEVEL}",
     r"\b(?:fell|fallen|falling|falls|decreased?|decreases|decreasing|declined|declines|"
     r"declining|dropped|shrank|lower|baisses?|diminu(?:e|ent|é|ée|és|ées|tion)|"
     r"plunged|plummeted|slumped|tumbled|slowed|dégringolée?|plongée?|ralenti|"
     r"tomb(?:é|ée|és|ées|e|ent)\s+(?:à|sous)|"
     r"recul(?:e|ent|é|ée)?|chut(?:e|es|ent|é|ée))\b"
     rf"|\b(?:cut|cuts|lowered|lowers|reduced|reduces|slashed|abaissée?|abaisse|baissée?|"
     rf"réduite?)\s+{_LEVEL}"
     rf"|{_AR}(?:انخفض|انخفضت|ينخفض|تنخفض|انخفاض|تراجع|تراجعت|يتراجع|هبط|هبطت|هوى|هوت|تباطأ|"
     rf"تباطأت)(?!\w)|{_AR}(?:خفض|خفضت|يخفض|تخفض|تخفيض)\s+{_AR_LEVEL}"),
    (rf"\b(?:north|northern|nord)\b|{_AR}(?:شمال|شمالي|شمالية)(?!\w)",
     rf"\b(?:south|southern|sud)\b|{_AR}(?:جنوب|جنوبي|جنوبية)(?!\w)"),
    (rf"\b(?:east|eastern|orientale?s?)\b|{_AR}(?:شرق|شرقي|شرقية)(?!\w)",
     rf"\b(?:west|western|ouest|occidentale?s?)\b|{_AR}(?:غرب|غربي|غربية)(?!\w)"),
    (rf"\b(?:at\s+night|overnight|la\s+nuit|le\s+soir)\b|{_AR}(?:ليلا|ليلاً|ليل)(?!\w)",
     r"\b(?:during\s+the\s+day|daytime|in\s+daylight|pendant\s+la\s+journée|en\s+journée|"
     rf"le\s+jour)\b|{_AR}(?:نهارا|نهاراً|نهار)(?!\w)"),
    (rf"\b(?:majority|majorité)\b|{_AR}(?:غالبية|أغلبية)(?!\w)",
     rf"\b(?:minority|minorité)\b|{_AR}(?:أقلية)(?!\w)"),
    # the outcome of a vote or a review ("refused to comment" is no outcome: not listed)
    (r"\b(?:approved?|approves|approving|adopted|accepted|approuvée?s?|adoptée?s?|"
     rf"acceptée?s?|validée?s?)\b|{_AR}(?:أقر|أقرت|أقروا|صادق|صادقت|إقرار|المصادقة)(?!\w)",
     r"\b(?:rejected|rejects|rejecting|voted\s+down|rejetée?s?|rejette|rejettent|rejet)\b"
     rf"|{_AR}(?:رفض|رفضت|رفضوا|يرفض|ترفض)(?!\w)(?!(?:\s+\S+){{0,2}}\s+(?:ال)?تعليق)"),
    # the outcome of a trial
    (r"\b(?:convicted|convicts|found\s+guilty|condamnée?s?|condamnation|reconnue?s?\s+"
     rf"coupables?)\b|{_AR}(?:أدان|أدانت|إدانة|بإدانة)(?!\w)",
     r"\b(?:acquitted|acquits|acquittal|cleared\s+of|found\s+not\s+guilty|acquittée?s?|"
     rf"acquittement|relaxée?s?|relaxe)\b|{_AR}(?:برأ|برأت|تبرئة|بتبرئة)(?!\w)"),
)


@functools.lru_cache(maxsize=2)
def _patterns(hold_only: bool = False) -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    return tuple((re.compile(a, flags=re.IGNORECASE), re.compile(b, flags=re.IGNORECASE))
                 for a, b in (_HOLD_ONLY if hold_only else _PAIRS))


# words that say nothing of what moved: "rose" is about "inflation", not "the", «في» or "year"
_FUNCTION_WORDS = (
    "the and for was were has have had are but not its his her their this that with from into "
    "over after before been will would than also which while when where who les des une est "
    "sont pas qui que par sur aux ont été était étaient avec dans pour plus leur leurs cette "
    "ces mais comme selon entre après avant sous vers été être على من في إلى الى عن مع بعد "
    "قبل رغم بسبب يوم هذا هذه ذلك تلك التي الذي الذين كان كانت قد لقد حيث عند منذ خلال بين "
    "تحت فوق "
    # nor when: "rose last year" and "fell last year" may be two things of one year
    "last year years week weeks month months today yesterday dernier dernière année semaine "
    "mois hier aujourd الماضي الماضية العام عام الأسبوع الشهر اليوم أمس")
_FUNCTION = frozenset(_FUNCTION_WORDS.split())
_LETTERS = re.compile(r"[^\W\d_]+")
_AR_PREFIX = re.compile(r"^(?:[وفبلك]?ال|لل|[وفبلك])(?=\w{3})")


def _stem(word: str) -> str:
    """A word's comparable part: Latin words by their first five letters, accents kept;
    Arabic ones without a clinging prefix and the article, by their first four."""
    word = word.casefold()
    if "\u0600" <= word[0] <= "\u06ff":
        return _AR_PREFIX.sub("", word).replace("أ", "ا").replace("إ", "ا")[:4]
    return word[:5]


def same_matter(claim: str, text: str, skip: tuple[int, int]) -> bool:
    """Whether ``text`` states nearly every word of ``claim`` besides the span ``skip`` (its
    word of direction, its figure): all of them, or all but one in four. "Exports rose" is not
    about the imports that fell, nor «أسعار النفط» about «أسعار الذهب»."""
    mine = [_stem(m.group()) for m in _LETTERS.finditer(claim)
            if not skip[0] <= m.start() < skip[1] and len(m.group()) >= 3
            and m.group().casefold() not in _FUNCTION
            and _AR_PREFIX.sub("", m.group()) not in _FUNCTION]
    theirs = {_stem(m.group()) for m in _LETTERS.finditer(text) if len(m.group()) >= 3}
    missing = sum(stem not in theirs for stem in mine)
    return bool(mine) and missing <= len(mine) // 4


def _opposites(claim: str, text: str, *, only_theirs: bool, hold_only: bool = False
               ) -> Iterator[tuple[re.Match[str], re.Match[str]]]:
    """Each word of the claim whose opposite the text has, where the claim has one word of a
    pair and not its opposite (and, ``only_theirs``, the text not the claim's word), with the
    text's opposite word; of the pairs that only hold support back, with ``hold_only``."""
    for one, other in _patterns(hold_only):
        for mine, theirs in ((one, other), (other, one)):
            said = mine.search(claim)
            if said is None or theirs.search(claim) or (only_theirs and mine.search(text)):
                continue
            opposite = theirs.search(text)
            if opposite is not None:
                yield said, opposite


def opposite_spans(claim: str, text: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Where the claim has one word of a pair and not its opposite, and the text the opposite
    and not the claim's word, about the same matter (:func:`same_matter`): "Inflation rose"
    against "Inflation fell", but not against "prices fell as wages rose" nor "Imports fell":
    the two words' spans; or None.

    >>> opposite_spans("Inflation rose in March.", "Inflation fell in March.")
    ((10, 14), (10, 14))
    >>> opposite_spans("Exports rose in May.", "Imports fell in May.") is None
    True
    """
    return next(((said.span(), opposite.span())
                 for said, opposite in _opposites(claim, text, only_theirs=True)
                 if same_matter(claim, text, said.span())
                 and not compares(claim, said) and not compares(text, opposite)), None)


# a comparison: "higher than", « plus élevée qu'en », «أعلى من»
_THAN = re.compile(r"(?:\s+\S+){0,3}?\s+(?:than|qu(?:e\b|['’]))", flags=re.IGNORECASE)
_AR_THAN = re.compile(r"\s+(?:من|منه|منها)(?!\w)")


def compares(text: str, word: re.Match[str]) -> bool:
    """Whether ``word`` compares two things ("Inflation in Egypt is lower than in Turkey"): the
    two compared may stand in either order, so a comparison the other way round may say the
    same ("higher in Turkey than in Egypt"). Such words hold support back
    (:data:`~.contrasts.HOLD_ONLY`) and are never a conflict."""
    return (_THAN.match(text, word.end()) is not None
            or (word.group()[:1] == "أ" and _AR_THAN.match(text, word.end()) is not None))


def opposite_words(claim: str, text: str) -> tuple[str, str] | None:
    """The claim's word and the text's opposite one, where the claim has one word of a pair and
    not its opposite and the text has the opposite; or None.

    >>> opposite_words("Flag Hill is below sea level.", "Flag Hill rises 700 ft above sea level.")
    ('below', 'above')
    >>> opposite_words("Les exportations ont reculé en mars.", "Exports fell in March.") is None
    True
    """
    found = itertools.chain(_opposites(claim, text, only_theirs=False),
                            _opposites(claim, text, only_theirs=True, hold_only=True))
    return next(((said.group(), opposite.group()) for said, opposite in found), None)
