"""Where a text says a name of the claim is not so: "…, not by X", « et non à X », «وليس X».

Fact-checks and follow-ups correct a report in so many words: "the raid took place at a depot
in Nairobi, not at Mombasa port as initially reported". Every other word of the claim is in
such a text, so the network reads it as support (0.4–0.8 on the behavioural dev half). The
evidence check (:mod:`.evidence`) never lets it support the claim, and where the network reads
one statement, shows it as the contradiction it is, the two spans side by side
(:func:`correction`). What follows the correcting words must name a name of the claim: an
entity of the table in any language (:mod:`.entities`), a name capitalised on both sides (in
Latin script: not a headline's capitalised common word, "not the first death hoax") or a word
of five letters or more (both in Arabic script). "Not only", "not far from", "not least", "so
as not to" correct nothing, nor does a claim that negates something itself ("… not by X"
against "… not by X" is agreement). Across scripts, names cannot be compared: a
correcting phrase there only holds support back (:func:`corrects`).

    >>> claim = "The raid took place at Mombasa port."
    >>> corrects(claim, "It took place in Nairobi, not at Mombasa port as first reported.")
    'not at Mombasa port as first reported'
"""

from __future__ import annotations

import re

from .entities import named
from .propernames import WORD, is_latin, name_core

Span = tuple[int, int]

# the correcting words; what follows (up to the clause's end) is what the text says is not so
_CORRECTION = re.compile(
    r"(?:,\s*not\b|(?<!\bas\s)(?<!order\s)\bnot\s+(?:by|in|at|from|the|to|on|with|for)\b"
    r"|\brather\s+than\b|\binstead\s+of\b|\band\s+not\b|\bet\s+non(?:\s+pas)?\b|\bnon\s+pas\b"
    r"|\bplutôt\s+qu(?:e\b|')|\bau\s+lieu\s+d(?:e\b|u\b|es\b|')|\bet\s+pas\b"
    r"|(?<!\w)(?:وليس|وليست|بدلا\s+من|بدلاً\s+من)(?!\w)"
    r"|[,،]\s*لا(?=\s+(?:ال|في|من|على|إلى|ب)\w))"
    r"(?!\s+(?:only|just|merely|far|least|yet|long|even|surprisingly|necessarily|seulement|"
    r"uniquement|loin|seul|seule|فقط)(?!\w))"
    r"(?P<what>[^.,;:!?،؛()]{0,80})", flags=re.IGNORECASE)
_CLAIM_NEGATES = re.compile(
    r"\b(?:not|never|no|rather|instead|non|pas|jamais|plutôt|lieu)\b|n't\b"
    r"|(?<!\w)(?:لم|لن|لا|ليس|ليست|بدلا|بدلاً)(?!\w)", flags=re.IGNORECASE)
_AR_WORD = re.compile(r"[\u0621-\u064a]+")
_AR_PREFIX = re.compile(r"^(?:[وفبلك]?ال|لل|[وفبلك](?=[\u0621-\u064a]{4}))")


def correction(claim: str, text: str) -> tuple[Span, Span] | None:
    """The span of the claim's name that ``text`` says is not so, and the span of the phrase
    of ``text`` that says it; or None.

    >>> correction("Signed in Cúcuta.", "Signé à San Antonio, et non à Cúcuta comme prévu.")
    ((10, 16), (21, 48))
    """
    if _CLAIM_NEGATES.search(claim):
        return None
    entities = named(claim)
    words = ({core: m.span() for i, m in enumerate(WORD.finditer(claim))
              if i > 0 and (core := name_core(m.group())) is not None}
             if is_latin(claim) else
             {core: m.span() for m in _AR_WORD.finditer(claim)
              if len(core := _AR_PREFIX.sub("", m.group())) >= 5})
    for m in _CORRECTION.finditer(text):
        what = m.group("what")
        said = next((span for key, span in entities.items() if key in named(what)), None)
        if said is None and is_latin(claim):  # a name is capitalised in the text too
            found = {name_core(w.group()) for w in WORD.finditer(what)}
            said = next((span for w, span in words.items() if w in found), None)
        elif said is None:
            found = {_AR_PREFIX.sub("", w.group()) for w in _AR_WORD.finditer(what)}
            said = next((span for w, span in words.items() if w in found), None)
        if said is not None:
            start = m.start() + len(m.group()) - len(m.group().lstrip(" ,،"))
            end = m.start() + len(m.group().rstrip())
            return said, (start, end)
    return None


def correcting(text: str) -> re.Match[str] | None:
    """The first correcting phrase of ``text`` ("rather than Cairo", « au lieu de Paris »,
    «بدلا من القاهرة»): a denial of what follows it."""
    return _CORRECTION.search(text)


def corrects(claim: str, text: str) -> str | None:
    """The phrase of ``text`` that says a name of the claim is not so ("rather than from the
    Drouant restaurant in Paris"), or None. Across scripts, where names cannot be compared
    ("Lusaka" and «لوساكا»), any correcting phrase of a claim that negates nothing: such a
    text may correct the claim, so it does not confirm it (nor is it a conflict).

    >>> corrects("The summit was held in Lusaka.", "عقدت القمة في هراري وليس في لوساكا.")
    'وليس في لوساكا'
    """
    spans = correction(claim, text)
    if spans is not None:
        return text[spans[1][0]:spans[1][1]]
    if is_latin(claim) == is_latin(text) or _CLAIM_NEGATES.search(claim):
        return None
    m = next((m for m in _CORRECTION.finditer(text) if re.search(r"[^\W\d_]", m["what"])),
             None)
    return None if m is None else m.group().strip(" ,،")
