"""Check-worthy claims from a whole article, in its own language, by transparent heuristics.

Each sentence is scored by what makes a statement checkable against other outlets, with
the same lexicons for English, French and Arabic (no model, nothing to download):

===============  ======  ===============================================================
reason           points  cue
===============  ======  ===============================================================
number           +1.5    digits (not a bare year); +1.0 for spelled quantities ("dozens")
date             +1.0    month or weekday names, years, "last week", "hier", "أمس"
named-entity     +0.5    each capitalised span not opening the sentence, acronym or known
                         place/organisation, Arabic title/place cues (at most +1.5)
event            +1.0    killed, attack, claimed responsibility, revendiqué, هجوم، تبنى ...
attribution      +0.75   said, according to, selon, a déclaré, قال، وفقا ل، حسب ...
causal           +0.5    because, after, caused, en raison de, à la suite de, بسبب ...
-opinion         -1.5    each opinion or rhetorical marker (at most -3): "I think",
                         "nous devons", "il est évident", "coïncidence", "shameful", يجب ...
-exclamation     -1.0    ends with "!"
-short / -long   -2/-0.5 fewer than 6 words / more than 60 (-1.5 past 90)
-intro           -1.0    ends with ":" (it announces a quote; the quote is the claim)
===============  ======  ===============================================================

Questions (ending in "?" or "؟", "Est-ce ...", "هل ...") and headings (a short line without
final punctuation) are never claims. A claim needs ``min_score`` points and at least one of
number, date, named entity or event. Attributed statements keep their speaker; a quote
announced by the previous sentence ("Comme le raconte à X un officier ... :" then «...»)
gets the speaker and a self-contained text ("Selon un officier ... : ..."), while its
offsets still point at the original sentence.

A sentence of more than ``lead_words`` words packs several statements, and no outlet repeats
them all in one passage: it is checked by its *lead*, the text before its first incidental
clause (:mod:`corroborate.clauses`: ", qui …", ", killing …", ", a day after …"), when that
lead has 8 words or more, keeps every figure of the sentence and is still a claim.
``Claim.rest`` holds what was left unchecked.

Example:
    >>> claims = extract_claims(article_text, language="fr", max_claims=10)
    >>> claims[0].text, claims[0].score, claims[0].reasons
    ('Le 4 janvier, ISIS a officiellement revendiqué ...', 6.25, ('number', 'date', ...))
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from .clauses import balanced, cut_points
from .domain import Claim
from .speakers import attributed_text, find_speaker, intro_speaker, is_pronoun, named_person

log = logging.getLogger(__name__)

ORDERS = ("score", "document")
LEAD_WORDS = 20  # a longer sentence is checked by its lead statement

# --- lexicons (regex fragments; Latin ones match case-insensitively on word boundaries) -----

_ATTRIBUTION = (
    r"according to", r"said", r"says", r"told", r"tells", r"stated", r"announced", r"confirmed",
    r"reported", r"citing", r"quoted", r"selon", r"d['’]après", r"a déclaré", r"ont déclaré",
    r"déclare\w*", r"a affirmé", r"affirm\w*", r"a annoncé", r"annonc\w*", r"a indiqué",
    r"indiqu\w*", r"expliqu\w*", r"confirm\w*", r"ajout\w*", r"rapport\w*", r"révèl\w*",
    r"a averti", r"admett\w*", r"racont\w*", r"a précisé", r"cité\w*",
)
_ATTRIBUTION_AR = ("قال", "أعلن", "حسب", "بحسب", "وفقا", "وفقاً", "أكد", "صرح", "أفاد", "ذكر",
                   "أشار", "نقل")
_CAUSAL = (
    r"because", r"due to", r"as a result", r"caus\w*", r"led to", r"owing to", r"after",
    r"following", r"in retaliation", r"à la suite d\w*", r"en raison d\w*", r"à cause d\w*",
    r"suite à", r"causé\w*", r"provoqu\w*", r"entraîn\w*", r"après", r"en représailles",
)
_CAUSAL_AR = ("بسبب", "نتيجة", "إثر", "جراء", "أدى إلى", "أدت إلى", "بعد")
_EVENT = (
    r"kill\w*", r"dead", r"died", r"death toll", r"wounded", r"injur\w*", r"attack\w*",
    r"bomb\w*", r"explosion\w*", r"blast\w*", r"strikes?", r"struck", r"shell\w*", r"fired",
    r"claimed responsibility", r"arrest\w*", r"detained", r"captur\w*", r"seiz\w*", r"deploy\w*",
    r"troops", r"soldiers", r"fighters", r"withdr\w*", r"invad\w*", r"launch\w*", r"hostages?",
    r"massacre\w*", r"execut\w*", r"tu(?:é|ée|és|ées|ant|er)", r"morts?", r"décès", r"bless\w*",
    r"attaqu\w*", r"attentat\w*", r"frapp\w*", r"bombard\w*", r"revendiqu\w*",
    r"arrêt(?:é|ée|és|ées)",
    r"déploi\w*", r"déploy\w*", r"troupes", r"soldats", r"combattants", r"retrait", r"envoy\w*",
    r"enverr\w*", r"otages?", r"explos\w*",
)
_EVENT_AR = ("هجوم", "هجمات", "تبنى", "تبنت", "قتل", "قتلى", "مقتل", "أصيب", "إصابة", "جرحى",
             "انفجار", "تفجير", "اعتقال", "اعتقل", "نشر", "قوات", "جنود", "غارة", "غارات", "قصف",
             "انسحاب", "مسلحين", "مقاتل", "قتيل", "ضحايا", "استهدف", "أوقع")
_OPINION = (
    r"I think", r"I believe", r"in my (?:view|opinion)", r"we must", r"we should", r"shameful",
    r"disgrace\w*", r"outrage\w*", r"obviously", r"of course", r"it is (?:evident|clear|obvious)",
    r"coincidences?", r"ironic\w*", r"irony", r"undeniabl\w*", r"cannot be ignored",
    r"il est (?:évident|clair)", r"évidemment", r"nous devons", r"il faut", r"je pense",
    r"je crois", r"à mon avis", r"honteu\w*", r"scandal\w*", r"coïncidences?", r"bien sûr",
    r"l['’]ironie", r"ironie", r"on ne peut plus", r"ne peu\w* plus être ignoré\w*",
    r"nous savons", r"tout à fait extraordinaire",
)
_OPINION_AR = ("يجب", "ينبغي", "من الواضح", "أعتقد", "أظن", "برأيي", "عار", "مخز", "بالطبع",
               "لا شك", "للأسف")
_QUANTITY = (
    r"dozens", r"hundreds", r"thousands", r"millions?", r"billions?", r"two", r"three", r"four",
    r"five", r"six", r"seven", r"eight", r"nine", r"ten", r"eleven", r"twelve", r"twenty",
    r"fifty", r"hundred", r"dizaines", r"centaines?", r"milliers", r"milliards?", r"deux",
    r"trois", r"quatre", r"cinq", r"sept", r"huit", r"neuf", r"dix", r"onze", r"douze", r"treize",
    r"quinze", r"vingt", r"cent", r"mille",
)
_QUANTITY_AR = ("عشرات", "مئات", "آلاف", "ملايين", "مليون", "ألف", "اثنان", "اثنين", "ثلاثة",
                "أربعة", "خمسة", "عشرة", "عشرين", "مئة", "مائة")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday",
              "Thursday", "Friday", "Saturday", "Sunday")
_DATE_WORDS = (
    r"janvier", r"février", r"mars", r"avril", r"mai", r"juin", r"juillet", r"août", r"septembre",
    r"octobre", r"novembre", r"décembre", r"lundi", r"mardi", r"mercredi", r"jeudi", r"vendredi",
    r"samedi", r"dimanche", r"yesterday", r"last (?:week|month|year)", r"hier",
    r"la semaine dernière", r"le mois dernier", r"l['’]année dernière",
    r"earlier this (?:week|month|year)",
)
_DATE_AR = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
            "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران",
            "تموز", "آب", "أيلول", "تشرين", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة",
            "السبت", "الأحد", "أمس", "الأسبوع الماضي", "الشهر الماضي", "العام الماضي")
_KNOWN_NAMES = frozenset({
    "washington", "israël", "israel", "iran", "irak", "iraq", "syrie", "syria", "gaza", "liban",
    "lebanon", "bagdad", "baghdad", "damas", "damascus", "beyrouth", "beirut", "téhéran", "tehran",
    "moscou", "moscow", "kyiv", "kiev", "ukraine", "russie", "russia", "hezbollah", "hamas",
    "daech", "isis", "pentagon", "pentagone", "kremlin", "paris", "london", "londres",
})
_ENTITY_AR_PLACES = ("العراق", "سوريا", "سورية", "إيران", "إسرائيل", "غزة", "لبنان", "بيروت",
                     "بغداد", "دمشق", "طهران", "حمص", "كرمان", "الأنبار", "واشنطن",
                     "الولايات المتحدة", "الأمم المتحدة", "داعش", "حزب الله", "حماس", "الأردن",
                     "تركيا", "روسيا", "أوكرانيا", "مصر", "القاهرة", "السعودية", "الرياض", "فرنسا",
                     "باريس", "البنتاغون", "الموصل", "حلب", "الكرملين")
_ENTITY_AR_CUES = (r"(?:الرئيس|وزير|وزيرة|رئيس الوزراء|الأمين العام|المتحدث باسم|مدينة|محافظة|"
                   r"وكالة|حركة|تنظيم|جماعة|حزب|جيش|شركة|جامعة)\s+[\u0600-\u06FF]+")
_CONNECTORS = frozenset({"de", "du", "des", "d'", "d’", "of", "the", "al", "el", "la", "le",
                         "bin", "ben", "von", "van", "abu", "abou"})
_QUESTION_START = re.compile(
    r"^[«\"“'‘(\s]*(?:est-ce|n['’]est-ce|is it|isn['’]t it|are we|هل|أليس|أفلا)\b", re.IGNORECASE)

_AR_CLITIC = r"(?<![\u0600-\u06FF])(?:و|ف|ب|ل|ال|وال|بال|لل|فال|وب|ول)?"


def _latin(words: tuple[str, ...], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", flags)


def _arabic(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(_AR_CLITIC + "(?:" + "|".join(map(re.escape, words)) + ")")


_RE = {
    "attribution": (_latin(_ATTRIBUTION), _arabic(_ATTRIBUTION_AR)),
    "causal": (_latin(_CAUSAL), _arabic(_CAUSAL_AR)),
    "event": (_latin(_EVENT), _arabic(_EVENT_AR)),
    "opinion": (_latin(_OPINION), _arabic(_OPINION_AR)),
    "quantity": (_latin(_QUANTITY), _arabic(_QUANTITY_AR)),
    "date": (_latin(_DATE_WORDS), _arabic(_DATE_AR)),
}
_MONTH_EN = _latin(_MONTHS_EN, 0)
_NUMBER = re.compile(r"\d+(?:[\s\u00a0\u202f.,]\d{3})*(?:[.,]\d+)?")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
_ENTITY_AR = (re.compile(_AR_CLITIC + "(?:" + "|".join(map(re.escape, _ENTITY_AR_PLACES)) + ")"),
              re.compile(_ENTITY_AR_CUES))

# --- scoring --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SentenceScore:
    """The score of one sentence and why (``reasons`` include penalties, prefixed "-")."""

    score: float
    reasons: tuple[str, ...]
    checkable: bool  # has a number, date, named entity or event
    skip: str | None = None  # "question" or "heading": never a claim


def score_sentence(sentence: str, *, own_line: bool = False,
                   attributed: bool = False) -> SentenceScore:
    """Score one sentence by the table in the module docstring.

    Args:
        sentence: the sentence text.
        own_line: the sentence is a whole line (lines without final punctuation are headings).
        attributed: a previous sentence attributed it ("X told us:"), worth "attribution".
    """
    s = sentence.strip()
    bare = s.rstrip("»”\"’')] ")
    if bare.endswith(("?", "؟")) or _QUESTION_START.search(s):
        return SentenceScore(0.0, ("-question",), False, skip="question")
    words = re.findall(r"\w+", s)
    if own_line and not re.search(r"[.!:…»”\"]$", s) and len(words) <= 12:
        return SentenceScore(0.0, ("-heading",), False, skip="heading")
    points: dict[str, float] = {}
    numbers = [n for n in _NUMBER.findall(s) if not _YEAR.match(n)]
    if numbers:
        points["number"] = 1.5
    elif _any(_RE["quantity"], s):
        points["number"] = 1.0
    year = any(_YEAR.match(n) for n in _NUMBER.findall(s))
    if _MONTH_EN.search(s) or _any(_RE["date"], s) or year:
        points["date"] = 1.0
    entities = _count_entities(s)
    if entities:
        points["named-entity"] = min(1.5, 0.5 * entities)
    if _any(_RE["event"], s):
        points["event"] = 1.0
    if attributed or _any(_RE["attribution"], s):
        points["attribution"] = 0.75
    if _any(_RE["causal"], s):
        points["causal"] = 0.5
    opinions = sum(len(p.findall(s)) for p in _RE["opinion"])
    if opinions:
        points["-opinion"] = -min(3.0, 1.5 * opinions)
    if bare.endswith("!"):
        points["-exclamation"] = -1.0
    if len(words) < 6:
        points["-short"] = -2.0
    elif len(words) > 90:
        points["-long"] = -1.5
    elif len(words) > 60:
        points["-long"] = -0.5
    if s.endswith(":"):
        points["-intro"] = -1.0
    checkable = any(k in points for k in ("number", "date", "named-entity", "event"))
    return SentenceScore(round(sum(points.values()), 2), tuple(points), checkable)


def _any(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def _count_entities(s: str) -> int:
    """Capitalised spans not opening the sentence, acronyms, known names, Arabic cues."""
    spans: list[str] = []
    current: list[str] = []
    pending_connectors = 0
    for n, m in enumerate(_TOKEN.finditer(s)):
        tok = m.group()
        before = s[max(0, m.start() - 2):m.start()]
        opening = n == 0 or re.search(r"[«\"“:(]\s*$", before) is not None
        acronym = len(tok) >= 2 and tok.isupper()
        cap = tok[0].isupper() and len(tok) >= 2 and not _MONTH_EN.fullmatch(tok)
        if cap and (not opening or acronym or tok.casefold() in _KNOWN_NAMES):
            current.append(tok)
            pending_connectors = 0
        elif current and tok.casefold().rstrip("-") in _CONNECTORS and pending_connectors < 2:
            pending_connectors += 1
        else:
            if current:
                spans.append(" ".join(current))
            current, pending_connectors = [], 0
    if current:
        spans.append(" ".join(current))
    arabic = {m.group() for p in _ENTITY_AR for m in p.finditer(s)}
    return len(set(spans)) + len(arabic)


# --- sentences ------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset({"m", "mm", "mme", "mmes", "mr", "mrs", "ms", "dr", "st", "gen", "lt",
                            "col", "sgt", "prof", "no", "vs", "etc", "jr", "sr", "u.s", "p", "cf",
                            "janv", "févr", "sept", "oct", "nov", "déc", "jan", "feb", "aug"})
_BOUNDARY = re.compile(r"[.!?؟…]+[»”\"’')\]]*\s+")
_NEXT_STARTS = re.compile(r"[«\"“'‘(\[–—-]?\s*(?:[^\W\d_]|\d)")


def _split_local(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within text[start:end] (one line): punctuation + space + a new start."""
    spans = []
    cut = start
    for m in _BOUNDARY.finditer(text, start, end):
        nxt = text[m.end():m.end() + 3]
        if not nxt or not _NEXT_STARTS.match(nxt):
            continue
        head = nxt.lstrip("«\"“'‘([–—- ")
        if head[:1].islower():
            continue
        word = re.search(r"([\w.]+)$", text[cut:m.start()])
        w = word.group(1) if word else ""
        if text[m.start()] == "." and w and (w.casefold() in _ABBREVIATIONS or
                                             (len(w) == 1 and w.isupper())):
            continue
        spans.append((cut, m.end()))
        cut = m.end()
    spans.append((cut, end))
    return spans


def _sentence_spans(text: str, language: str) -> list[tuple[int, int, bool]]:
    """(start, end, whole_line) of every sentence, line by line, whitespace trimmed.

    Uses ``corroborate.ingest.passages.split_sentences`` when it exists and refines its spans with
    the local rule, so a quote of several sentences still yields one claim per sentence.
    """
    other: Callable[[str, str], list[tuple[int, int]]] | None
    try:
        from .ingest.passages import split_sentences as other
    except ImportError:
        other = None
    out: list[tuple[int, int, bool]] = []
    for line in re.finditer(r"[^\n]+", text):
        pieces = [(line.start() + a, line.start() + b) for a, b in other(line.group(), language)] \
            if other is not None else [(line.start(), line.end())]
        pieces = _merge_clauses(text, pieces)
        spans = [sub for a, b in pieces for sub in _split_local(text, a, b)]
        trimmed = [(a + len(text[a:b]) - len(text[a:b].lstrip()),
                    b - len(text[a:b]) + len(text[a:b].rstrip())) for a, b in spans]
        trimmed = [(a, b) for a, b in trimmed if b > a]
        for a, b in trimmed:
            out.append((a, b, len(trimmed) == 1))
    return out


def _merge_clauses(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a span that ends on a comma (",", "،", ";") to the next: a clause, not a sentence."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and text[out[-1][0]:out[-1][1]].rstrip().endswith((",", "،", ";", "؛")):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _figures(text: str) -> set[str]:
    return {re.sub(r"\D", "", n) for n in _NUMBER.findall(text) if not _YEAR.match(n)}


def lead_statement(sentence: str, *, min_score: float = 2.0, min_words: int = 8) -> str | None:
    """The sentence up to its first incidental clause, when that is a claim of its own.

    The lead needs ``min_words`` words, must not cut a quote or a bracket, keeps every figure
    of the sentence (a figure is often the point: "… 25,000 were killed, while 10,000 simply
    disappeared"), and is itself check-worthy (``min_score`` points and a
    number, date, named entity or event). ``None`` when no cut point gives one.

    Example:
        >>> lead_statement("Two explosions killed 90 people in Kerman on Wednesday, a day "
        ...                "after the killing of a Hamas leader in Beirut.")
        'Two explosions killed 90 people in Kerman on Wednesday.'
    """
    end = _lead_end(sentence, min_score=min_score, min_words=min_words)
    return None if end is None else sentence[:end] + "."


def _lead_end(sentence: str, *, min_score: float, min_words: int = 8) -> int | None:
    """Where :func:`lead_statement`'s lead ends in ``sentence`` (``None``: it has none)."""
    figures = _figures(sentence)
    for n in cut_points(sentence):
        head = sentence[:n].rstrip(" ,،;؛–—")
        if len(re.findall(r"\w+", head)) < min_words or not balanced(sentence[n:]):
            continue
        if not figures <= _figures(head):
            continue
        result = score_sentence(head)
        if result.checkable and result.score >= min_score:
            return len(head)
    return None


def lead_of(claim: str, *, lead_words: int = LEAD_WORDS) -> str | None:
    """The lead statement of a claim typed as one sentence, when it has more than
    ``lead_words`` words and a lead (:func:`lead_statement`): what to offer a user whose long
    claim no outlet states as a whole."""
    words = claim.split()
    return lead_statement(" ".join(words)) if len(words) > lead_words else None


def _detect_language(text: str) -> str:
    from .lang import detect_language

    return detect_language(text)


# --- entry point ----------------------------------------------------------------------------


def extract_claims(text: str, *, language: str | None = None, max_claims: int = 20,
                   order: str = "score", min_score: float = 2.0,
                   lead_words: int = LEAD_WORDS) -> list[Claim]:
    """The check-worthy claims of an article, best first (or in document order).

    Args:
        text: the article (any language; best in English, French, Arabic).
        language: its ISO 639-1 code; detected when ``None``.
        max_claims: most claims returned (the best ones by score).
        order: ``"score"`` (best first, ties in document order) or ``"document"`` (the same
            claims in the order they appear).
        min_score: fewest points a sentence needs.
        lead_words: a longer sentence is checked by its lead (:func:`lead_statement`);
            0 checks whole sentences.

    Returns:
        :class:`~corroborate.domain.Claim` objects; ``text[c.start:c.end]`` is the sentence,
        ``c.text`` what is checked (its lead, made self-contained), ``c.rest`` what is not.

    Raises:
        ValueError: ``order`` is not "score" or "document".

    Example:
        >>> [c.text for c in extract_claims("Officials said 14 people died in Valmora on Tuesday.")]
        ['Officials said 14 people died in Valmora on Tuesday.']
    """
    if order not in ORDERS:
        raise ValueError(f"order must be 'score' or 'document' (got {order!r})")
    if max_claims <= 0 or not text.strip():
        return []
    lang = (language or _detect_language(text)).lower()[:2]
    candidates: list[Claim] = []
    pending: str | None = None  # speaker announced by an intro sentence ("... :")
    in_quote = False
    last_name: str | None = None
    last_speaker: str | None = None
    for start, end, own_line in _sentence_spans(text, lang):
        sentence = text[start:end]
        result = score_sentence(sentence, own_line=own_line, attributed=pending is not None)
        speaker = find_speaker(sentence)
        if speaker and is_pronoun(speaker):
            speaker = last_speaker or last_name
        # inside an announced quote the announced speaker wins ("..., ont-ils déclaré")
        inherited = pending
        opens_quote = sentence.lstrip()[:1] in "«“\""
        if pending is not None and not in_quote and not opens_quote:
            pending = None  # "X said:" then a plain sentence: it is the only one attributed
        elif pending is not None and opens_quote:
            in_quote = True
        if in_quote and re.search(r"[»”]|\"\W*$", sentence):
            in_quote, pending = False, None
        if sentence.rstrip().endswith(":"):
            pending = speaker or intro_speaker(sentence)
            in_quote = False
        last_name = named_person(sentence) or last_name
        last_speaker = inherited or speaker
        if result.skip or not result.checkable or result.score < min_score:
            continue
        claim_text = sentence.strip()
        rest = ""
        if lead_words and len(re.findall(r"\w+", claim_text)) > lead_words:
            cut = _lead_end(claim_text, min_score=min_score)
            if cut is not None:
                claim_text, rest = claim_text[:cut] + ".", claim_text[cut:].lstrip(" ,،;؛–—")
        reasons = result.reasons
        if inherited:
            claim_text = attributed_text(claim_text, inherited, lang)
            speaker = inherited
        candidates.append(Claim(text=claim_text, start=start, end=end, score=result.score,
                                reasons=reasons, speaker=speaker, rest=rest))
    seen: set[str] = set()
    ranked = []
    for claim in sorted(candidates, key=lambda c: (-c.score, c.start)):
        if claim.text not in seen:
            seen.add(claim.text)
            ranked.append(claim)
    ranked = ranked[:max_claims]
    if order == "document":
        ranked.sort(key=lambda c: c.start)
    log.debug("%s claims from %s candidate sentences (%s)", len(ranked), len(candidates), lang)
    return ranked


__all__ = ["LEAD_WORDS", "ORDERS", "Claim", "SentenceScore", "extract_claims", "find_speaker",
           "lead_of", "lead_statement", "score_sentence"]
