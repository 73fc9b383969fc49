"""Whether a text reports the claim's act as alleged (accused, charged, suspected) or as a
report denied, not done.

"The health minister was accused of taking bribes from a drug company" does not bear out "The
health minister took bribes from a drug company", however alike the words; nor does « soupçonné
d'avoir touché des pots-de-vin » or «اتُهم وزير الصحة بتلقي رشاوى». The network read such
pairs as support (session 25's probes: 2 of 9 shown supporting, at 0.8 and more). An accusation
is no denial either: it holds support back and is never a conflict.

The words, in en / fr / ar: accused (… of), charged with, suspected of, indicted for or on;
« accusé de / d'avoir », « soupçonné de », « mis en examen pour », « inculpé de / pour »;
«اتهم», «اتُهم», «متهم», «يشتبه», «المشتبه»; not «بتهمة», which is also the "for" of a sentence
passed («بسجنه 12 عاماً بتهمة الفساد»: two ANS dev supports held back). They count where
the claim has none of them (nor "suspect", « suspect », «مشتبه»: "police arrested 14
suspects" is stated by « quatorze personnes soupçonnées … ont été interpellées ») and they
stand in a clause that states the claim's matter (:func:`~.acts.anchors`), or anywhere when
none of it can be found.

A report denied is no more the act: "The president of Ghana dismissed reports that he had
resigned" was read as support of "The president of Ghana resigned" at 0.89 (session 26's
battery of denials). "denied", "dismissed", "rejected", "refuted", « a démenti », « a balayé »,
« a rejeté », «نفى», «نفت» before reports, rumours, claims or allegations («التقارير»,
«الأنباء», «الشائعات») hold support back where the claim denies nothing; a claim that denies
("did not resign") is what such a text states. And a claim that denies, or reports a
denial, is not borne out by a text that denies nothing (:func:`denial_unstated`).

    >>> alleged("The health minister took bribes from a drug company.",
    ...         "The health minister was accused of taking bribes from a drug company.")
    'accused of'
    >>> report_denied("The president of Ghana resigned.",
    ...               "The president of Ghana dismissed reports that he had resigned.")
    'dismissed reports'
    >>> alleged("Police arrested 14 suspects in Mombasa.",
    ...         "Fourteen people suspected of smuggling were arrested in Mombasa.") is None
    True
"""

from __future__ import annotations

import re

from .acts import in_the_claims_matter
from .corrections import correcting
from .denials import denial, denies_in_other_words, privative

_ALLEGED = re.compile(
    r"\b(?:accus(?:ed|es|ing)\s+(?:[\w'’-]+\s+){0,4}?of|charged\s+with|suspected\s+of|"
    r"indicted\s+(?:for|on)|accusée?s?\s+d(?:e\b|['’])|soupçonnée?s?\s+d(?:e\b|['’])|"
    r"mise?s?\s+en\s+examen\s+pour|inculpée?s?\s+(?:de\b|d['’]|pour\b))"
    r"|(?<!\w)[وف]?(?:اتهم|اتُهم|اتهمت|اتُهمت|اتهموا|يتهم|تتهم|متهم|متهمة|متهمون|متهمين|"
    r"يشتبه|يُشتبه|المشتبه)(?!\w)",
    flags=re.IGNORECASE)
# a claim that is itself about an accusation or suspects
_CLAIM_ALLEGES = re.compile(r"\b(?:suspect\w*|soupçon\w*|accus\w*|alleg\w*|charged|indicted)\b"
                            r"|مشتبه|متهم|اتهام|تهمة", flags=re.IGNORECASE)


def alleged(claim: str, text: str) -> str | None:
    """The words by which ``text`` reports the claim's act as alleged ("was accused of",
    « soupçonné d' », «اتُهم»), where the claim has none of its own, in a clause that states
    the claim's matter; or None."""
    if _CLAIM_ALLEGES.search(claim) or _ALLEGED.search(claim):
        return None
    found = in_the_claims_matter(claim, text, list(_ALLEGED.finditer(text)))
    return None if found is None else found.group()


# a report denied: "dismissed reports that", « a démenti les rumeurs de », «نفى التقارير عن»
_REPORT_DENIED = re.compile(
    r"\b(?:den(?:ied|ies|y)|dismiss(?:ed|es)|reject(?:ed|s)|refut(?:ed|es)|démenti|dément|"
    r"balayé|balaye|rejeté|rejette)\s+(?:(?:the|all|any|les|des|ces|toutes?\s+les)\s+)?"
    r"(?:[\w'’-]+\s+)?(?:reports?|claims?|rumou?rs?|allegations?|speculation|suggestions?|"
    r"informations?|rumeurs?|allégations?|affirmations?)\b"
    r"|(?<!\w)[وف]?(?:نفى|نفت|ينفي|تنفي|نفوا)\s+(?:\S+\s+){0,3}?"
    r"(?:ال)?(?:تقارير|أنباء|شائعات|مزاعم|ادعاءات|معلومات)(?!\w)",
    flags=re.IGNORECASE)


def report_denied(claim: str, text: str) -> str | None:
    """The words by which ``text`` denies reports of the claim's act ("dismissed reports",
    « a démenti les rumeurs », «نفى التقارير»), where the claim denies nothing, in a clause
    that states the claim's matter; or None."""
    if denial(claim) is not None:
        return None
    found = in_the_claims_matter(claim, text, list(_REPORT_DENIED.finditer(text)))
    return None if found is None else found.group()


# a claim that reports a denial: "The coach denied that he had resigned", « a démenti avoir
# démissionné », «نفى أنه استقال»
_DENIES = re.compile(r"\b(?:den(?:ied|ies|y)|démenti|dément|nié|nie)\b"
                     r"|(?<!\w)[وف]?(?:نفى|نفت|ينفي|تنفي|نفوا)(?!\w)", flags=re.IGNORECASE)


def denial_unstated(claim: str, text: str) -> str | None:
    """The word by which the claim reports a denial ("denied that he had resigned") or denies
    ("not", a privative word said of something: "was uninhabited") where ``text`` denies
    nothing, in words of denial or in other words: « L'entraîneur a annoncé sa démission »
    does not bear out « L'entraîneur a démenti avoir démissionné » (session 26's battery of
    attributions, read as support), nor "Eleven families lived in the block" « L'immeuble
    était inhabité ». None where the text denies too ("the suspect remains unidentified"
    bears out "police have not identified the suspect").

    >>> denial_unstated("The coach denied that he had resigned.",
    ...                 "The coach announced his resignation.")
    'denied'
    >>> denial_unstated("The coach denied that he had resigned.",
    ...                 "The coach said he had not resigned.") is None
    True
    >>> denial_unstated("The block was uninhabited.", "Eleven families lived in the block.")
    'was uninhabited'
    """
    said = _DENIES.search(claim) or denial(claim) or privative(claim)
    if (said is None or denial(text) is not None or denies_in_other_words(text, claim)
            or correcting(text) is not None):  # "in Doha rather than Cairo" denies Cairo
        return None
    return said.group()
