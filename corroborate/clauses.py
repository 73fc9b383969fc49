"""Where a long sentence's incidental clauses begin, so a claim can be its leading statement.

An article's sentences pack several statements into one: « ISIS a revendiqué les attentats de
Kerman, qui ont ciblé des cérémonies … », "The blasts killed 90 people, a day after …". No
outlet repeats all of them in one sentence, so such a sentence is neither supported nor
contradicted by anything a reader could point at, and the stance model (rightly) reads a claim
that says more than its passage as neutral. The sentence's *lead* — its text up to the first
incidental clause — is one statement that other outlets do repeat.

A cut point is where, after a comma (Arabic « ، »), a semicolon or a dash, one of these begins:

===================  ==========================================================================
kind                 en / fr / ar
===================  ==========================================================================
relative clause      which, who, where / qui, dont, où, lequel / الذي، التي، الذين، حيث
result or manner     killing, leaving, saying / tuant, faisant, blessant / مما، ما أسفر، ما أدى
contrast or context  but, while, a day after, in a / mais, tandis que, un jour, dans une / فيما،
                     بينما، لكن، في حين
a dash or ";"        — … ; …
===================  ==========================================================================

A relative clause set off on both sides ("The officer, who asked not to be named, said …")
is an aside inside the statement, not the start of another: it is no cut point. Choosing among
the cut points (the lead must keep the sentence's figures and stay check-worthy) is
:func:`corroborate.claims.extract_claims`'s job; this module only finds them.

    >>> s = "ISIS claimed the two bombings in Kerman, which targeted a memorial ceremony."
    >>> [s[:n] for n in cut_points(s)]
    ['ISIS claimed the two bombings in Kerman']
"""

from __future__ import annotations

import re
from itertools import pairwise

_RELATIVE = (
    r"which", r"who", r"whom", r"whose", r"where",
    r"qui", r"dont", r"où", r"lequel", r"laquelle", r"lesquels", r"lesquelles", r"auxquels",
    r"auxquelles", r"ce qui", r"ce que",
)
_RELATIVE_AR = ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "حيث")
_ADDED = (
    r"killing", r"wounding", r"injuring", r"leaving", r"causing", r"prompting", r"sparking",
    r"saying", r"adding", r"but", r"while", r"whereas", r"although", r"even though", r"in an?",
    r"a day", r"days", r"just", r"illegally",
    r"tuant", r"faisant", r"blessant", r"causant", r"provoquant", r"entraînant", r"laissant",
    r"mais", r"alors que", r"tandis que", r"bien que", r"même si", r"dans une?", r"un jour",
    r"deux jours", r"quelques", r"illégalement", r"soit",
)
_ADDED_AR = ("مما", "ما أدى", "ما أسفر", "فيما", "بينما", "لكن", "ولكن", "وذلك", "في حين")
# what opens a statement's verb after an aside: "X, who asked not to be named, said …"
_VERB_AFTER = re.compile(
    r"\s*(?:a|ont|avait|avaient|est|sont|était|sera|has|have|had|is|are|was|were|will|would|"
    r"said|says|told|added|confirmed|announced|a déclaré|affirme|déclare|indique|"
    r"قال|أكد|أعلن|ذكر|أضاف|أشار)\b", re.IGNORECASE)

_LATIN_CUT = re.compile(r",\s+(?:(?P<rel>" + "|".join(_RELATIVE) + r")|" + "|".join(_ADDED)
                        + r")\b", re.IGNORECASE)
_ARABIC_CUT = re.compile(r"،\s*(?:(?P<rel>" + "|".join(_RELATIVE_AR) + r")|"
                         + "|".join(_ADDED_AR) + r")(?=\s|$)")
_PUNCT_CUT = re.compile(r"\s+[–—]\s+|[;؛]\s+")


def _aside(sentence: str, after: int) -> bool:
    """The relative clause starting at ``after`` closes with a comma and the statement's verb
    follows: an aside, not a cut."""
    close = re.search(r"[,،]", sentence[after:])
    return close is not None and _VERB_AFTER.match(sentence, after + close.end()) is not None


def cut_points(sentence: str) -> list[int]:
    """Offsets in ``sentence`` where an incidental clause begins, in order (see the table).

    ``sentence[:n].rstrip()`` is then a statement; nothing is checked about it here (length,
    figures, check-worthiness are the caller's choice).
    """
    points: set[int] = set()
    for pattern in (_LATIN_CUT, _ARABIC_CUT):
        for m in pattern.finditer(sentence):
            if m.group("rel") and _aside(sentence, m.end()):
                continue
            points.add(m.start())
    points.update(m.start() for m in _PUNCT_CUT.finditer(sentence))
    return sorted(points)


# the statements a sentence carries inside its clauses (:func:`statements`)
_PRONOUN = r"which|who|qui|الذي|التي|الذين|اللذين|اللتين|اللواتي"
_CLAUSE = r"(?:[^,;:!?،؛()«»\"“”]|(?<=\d)[,.](?=\d))+"  # to the clause's end; "2,500" is one
_RELATIVE_STATEMENT = re.compile(
    r"(?P<head>(?:[^\s,،;؛:()]+\s+){0,5}[^\s,،;؛:()]+)\s*[,،]\s*(?:" + _PRONOUN
    + r")\s+(?P<body>" + _CLAUSE + r")", re.IGNORECASE)
_NOTING = re.compile(
    r"[,،]\s*(?:noting|saying|adding|stressing|stating|explaining|indiquant|précisant|"
    r"soulignant|ajoutant|affirmant|rappelant|expliquant|مؤكد(?:ين|[اةً]*)|"
    r"مشير(?:ين|[اةً]*)\s+إلى|موضح(?:ين|[اةً]*))"
    r"\s+(?:that\s+|que\s+|qu['’]|أن\s*|إلى\s+أن\s*)(?P<body>.+)$", re.IGNORECASE)
_AND_THAT = re.compile(r"\s+(?:and\s+that|et\s+que|et\s+qu['’]|وأن)\s*", re.IGNORECASE)
_DETERMINER = re.compile(r"(?:the|a|an|its|their|his|her|des|les|la|le|du|au|aux|ces|ses|"
                         r"leurs|leur)$|(?:l|d)['’]", re.IGNORECASE)
_MIN_STATEMENT_WORDS = 4


def _head(words: list[str]) -> list[str]:
    """The noun phrase a relative clause hangs on: from the last determiner of ``words``
    ("… retrait immédiat des troupes américaines" → "des troupes américaines"), else its last
    two words."""
    for i in range(len(words) - 1, -1, -1):
        if _DETERMINER.match(words[i]):
            return words[i:]
    return words[-2:]


def statements(sentence: str) -> list[str]:
    """The statements ``sentence`` makes inside its clauses, each written as a sentence of its
    own: a non-restrictive relative clause with the noun it hangs on (« … des troupes
    américaines, qui comptent environ 2 500 soldats en Irak » → « des troupes américaines
    comptent environ 2 500 soldats en Irak. »), and what a participle of saying reports
    (", noting that the overall presence remains at about 2,500" → "The overall presence
    remains at about 2,500."). The main clause's own statement is the sentence itself; a
    denial or a rumour around a clause is the reader's (the stance check's) to see in it.

        >>> statements("Officials rejected the report, noting that the force numbers 2,500.")
        ['The force numbers 2,500.']
    """
    out: list[str] = []
    for m in _RELATIVE_STATEMENT.finditer(sentence):
        body = m.group("body").strip().rstrip(".")
        if len(body.split()) >= _MIN_STATEMENT_WORDS:
            text = " ".join([*_head(m.group("head").split()), body])
            out.append(text[0].upper() + text[1:] + ".")
    for m in _NOTING.finditer(sentence):
        for part in _AND_THAT.split(m.group("body").strip()):
            part = part.strip().rstrip(".")
            if len(part.split()) >= _MIN_STATEMENT_WORDS:
                out.append(part[0].upper() + part[1:] + ".")
    return list(dict.fromkeys(out))


def clause_spans(sentence: str) -> list[tuple[int, int]]:
    """``sentence`` cut into its clauses: at each incidental clause (:func:`cut_points`) and
    where a participle of saying reports something (", noting that …", « , soulignant que … »).
    One span, the whole, when it has none."""
    cuts = set(cut_points(sentence)) | {m.start() for m in _NOTING.finditer(sentence)}
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(sentence)), len(sentence)]
    return [(a, b) for a, b in pairwise(bounds) if b > a]


def balanced(text: str) -> bool:
    """Every quote and bracket opened in ``text`` is closed (a lead does not cut a quote)."""
    return (text.count("«") == text.count("»") and text.count("“") == text.count("”")
            and text.count('"') % 2 == 0 and text.count("(") == text.count(")")
            and text.count("[") == text.count("]"))


__all__ = ["balanced", "clause_spans", "cut_points", "statements"]
