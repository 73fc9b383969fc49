"""Who a sentence attributes its statement to: "according to X", "X said", "قال X إن"."""

from __future__ import annotations

import re

_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "on", "nous", "he", "she", "they", "it", "we",
                       "i", "je", "هو", "هي"})
_DETERMINERS = frozenset({"un", "une", "des", "le", "la", "les", "the", "a", "an"})
_AR_LETTER = r"[\u0600-\u06FF]"

_SP = r"(?P<sp>[^,;:«»\"“”()]{2,120}?)"
_SPEAKER_PATTERNS: tuple[re.Pattern[str], ...] = (
    # "Comme le raconte à The Cradle un officier ... :"
    re.compile(r"^(?:Comme|Ainsi que)\s+(?:le\s+|l['’])?(?:raconte|explique|dit|confie|affirme|"
               r"souligne|rapporte|indique|précise|confirme)\s+"
               r"(?:à\s+(?:(?:[A-Z][\w'’-]*|de|du)\s+)+)?"
               + _SP + r"\s*:?\s*$"),
    # "As an Iraqi intelligence officer tells The Cradle:"
    re.compile(r"^As\s+" + _SP + r"\s+(?:tells|told|says|said|explains|explained|puts it|notes)\b"),
    # "according to X," / "selon X," / "d'après X,"
    re.compile(r"(?<!\w)(?:[Aa]ccording to|[Ss]elon|[Dd]['’]après|[Aa]s reported by)\s+" + _SP
               + r"(?=\s*[,;:«\"“(]|\s*$|\.(?:\s|$))"),
    # Arabic: "وفقا لـ X،" / "حسب X،"
    re.compile(r"(?:وفقا|وفقاً)\s+ل(?:ـ)?\s*(?P<sp>[^،,:.«»\"]{2,80}?)(?=\s*[،,:«\".]|$)"),
    re.compile(r"(?<![\u0600-\u06FF])(?:حسب|بحسب)\s+(?P<sp>[^،,:.«»\"]{2,80}?)(?=\s*[،,:«\".]|$)"),
    # Arabic verb first: "قال وزير الداخلية إن ..."
    re.compile(r"(?:^|\s)[وف]?(?:قال|قالت|أعلن|أعلنت|أكد|أكدت|صرح|صرحت|أفاد|أفادت|ذكر|ذكرت)\s+"
               r"(?P<sp>[^،,:.«»\"]{2,80}?)\s+(?:إن|أن|إنه|أنه|إنها|أنها|في بيان)(?=\s|$)"),
    # «...», révèle-t-il / ajoute-t-elle: a pronoun, resolved by the caller
    re.compile(r"[»”\"],?\s*[^\W\d_]+-t?-(?P<sp>il|elle|ils|elles)\b"),
    # "X said ..." / "X a déclaré ..." (an apposition between commas is skipped)
    re.compile(r"^" + _SP + r"(?:,\s[^,]{1,160},)?(?:\s+(?:has|have|had|also|later|then|"
               r"reportedly|previously))*\s+(?:said|says|told|stated|announced|"
               r"confirmed|added|warned|explained|a\s+(?:(?:également|aussi|encore|déjà)\s+)?"
               r"(?:déclaré|affirmé|annoncé|indiqué|confirmé|"
               r"expliqué|ajouté|averti|précisé|souligné|assuré)|déclarent|déclare|affirment|"
               r"affirme|annonce|indiquent|indique|confirment|confirme|expliquent|explique|ajoute|"
               r"raconte|révèle|précise|souligne|admettent)\b"),
    # "..., officials said." / "..., a déclaré le ministre."
    re.compile(r",\s*" + _SP + r"\s+(?:said|says|told\s+\w+(?:\s+\w+)?|added|reported)"
               r"(?:\s+on\s+\w+)?\s*[.!]?[»”\"]?\s*$"),
    re.compile(r",[»”\"]?\s*(?:said|a\s+(?:déclaré|affirmé|indiqué|précisé|ajouté)|déclare|affirme|"
               r"indique|précise|ajoute)\s+(?P<sp>[^,.;:«»\"]{2,80})"),
)
_NOT_SPEAKER_START = re.compile(
    r"^(?:dans|en|au|aux|à|le \d|la \d|il y a|in|on|at|for|after|before|since|plus|more|"
    r"parallèlement|auparavant|however|mais|but|et|and|\d)\b", re.IGNORECASE)


def find_speaker(sentence: str) -> str | None:
    """Who a sentence attributes its statement to ("according to X", "X said"), or ``None``.

    Pronouns ("il", "they") are returned as they are; :func:`extract_claims` resolves them.
    """
    s = sentence.strip()
    for pattern in _SPEAKER_PATTERNS:
        m = pattern.search(s)
        if not m:
            continue
        sp = _clean_speaker(m.group("sp"))
        if sp:
            return sp
    return None


def _clean_speaker(sp: str) -> str | None:
    sp = sp.strip(" \t,.;:-–—«»\"“”'")
    tokens = sp.split()
    # "مسؤول عراقي لرويترز": drop the one it was said to (a trailing ل-word)
    if len(tokens) >= 2 and re.match(r"^ل(?!ل)(?!ا)" + _AR_LETTER, tokens[-1]):
        tokens = tokens[:-1]
        sp = " ".join(tokens)
    # a number inside means the match ran over a clause ("officials lowered the toll to 84")
    if not tokens or len(tokens) > 15 or _NOT_SPEAKER_START.match(sp) or re.search(r"\d", sp):
        return None
    return sp


def is_pronoun(sp: str) -> bool:
    return sp.casefold() in _PRONOUNS


def named_person(sentence: str) -> str | None:
    """The first run of two or more capitalised words (a person's name), if any."""
    for m in re.finditer(r"(?<!\w)(?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+", sentence):
        # "à The Cradle", "told Reuters": the addressee, not the speaker
        if not re.search(r"(?:\b(?:à|au|to|by|par|média)|«|\")\s*$", sentence[:m.start()]):
            return m.group()
    return None


def attributed_text(sentence: str, speaker: str, language: str) -> str:
    """The sentence made self-contained: "Selon X : ...", "According to X: ...", "وفقا لـX: ..."."""
    body = sentence.strip()
    if body[:1] in "«“\"":
        body = body[1:].lstrip()
    for opening, closing in (("«", "»"), ("“", "”")):
        if closing in body and opening not in body:
            body = body.replace(closing, "", 1)
    if body.count('"') % 2:
        body = body.replace('"', "", 1)
    first, _, rest = speaker.partition(" ")
    if first.casefold() in _DETERMINERS and rest:
        speaker = f"{first.casefold()} {rest}"
    if language == "fr":
        return f"Selon {speaker} : {body}"
    if language == "ar":
        return f"وفقا لـ{speaker}: {body}"
    return f"According to {speaker}: {body}"


def intro_speaker(sentence: str) -> str | None:
    """The speaker of an intro line without an attribution verb we know ("Un témoin :")."""
    head = sentence.strip().rstrip(":").strip()
    if 0 < len(head.split()) <= 8 and not _NOT_SPEAKER_START.match(head):
        return head
    return None


__all__ = ["attributed_text", "find_speaker", "intro_speaker", "is_pronoun", "named_person"]
