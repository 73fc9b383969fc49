"""What a text says of the act a claim states: called off, put off, refused, or not done yet.

Two kinds of words make a text that names every word of a claim say something else of its act,
and the network reads both as support (research/NOTEBOOK.md, *What a text says of the claim's act*):

**Called off** (:func:`called_off`). "Unions at Renault's Douai plant called off the planned
strike" against "Workers at the Renault plant in Douai went on strike"; « L'Allemagne a reporté
la fermeture de ses trois dernières centrales » against « L'Allemagne a fermé … »; "Japan
scrubbed the launch of its H3 rocket" against "Japan launched its H3 rocket"; «رفض الرئيس
الكيني التوقيع على قانون المالية» against «وقع الرئيس الكيني على قانون المالية» (17 of 54 such
pairs in three languages shown supporting before). Such a text does not support the claim, and
the word is a conflict the card shows: where the network reads a contradiction, it may now be
shown (ten Arabic news pairs of the ANS dev set, read contradicting at 0.97–0.99, had been held
back for want of a conflict to point at). A called-off act is never *made* a contradiction:
"The launch, postponed twice, took place on Saturday" states the claim. The words, in en / fr /
ar: called off, cancelled, scrapped, scrubbed, aborted, postponed, deferred, shelved,
suspended, vetoed, refused or declined to; « annulé », « reporté », « ajourné », « différé »,
« suspendu », « renoncé à », « refusé de », « mis son veto »; «ألغى», «إلغاء», «أرجأ», «أجّل»,
«تأجيل», «رفض» before a verbal noun. A refusal to speak ("declined to comment", « a refusé de
commenter », «رفض التعليق») calls nothing off; nor do «من أجل» (for) and «أجلت» (also
"evacuated"), which are left out.

**Not done** (:func:`not_done`). "Kenya's president is expected to sign the finance bill into
law next week" against "Kenya's president signed the finance bill into law"; « L'Allemagne
envisage de fermer … »; «يدرس الاتحاد الأوروبي منح أوكرانيا قرضا» (the EU is studying a loan)
against "The European Union agreed a loan"; "Will Germany close its last three nuclear power
plants?" (24 of 66 such pairs shown supporting before). A plan, a forecast, a possibility, a
call, a threat, a promise, a request or a question is not the act, nor its denial: support is
held back, and it is no conflict. The words: plans, intends, is expected, set or due to, is
considering, the favourite or tipped to (« favori pour », «الأوفر حظاً»), proposed, urged,
requested, demanded, asked for, called on or for, threatened,
promised, vowed, pledged, seeks, aims, wants or hopes to, a question asking whether ("Will
…?"; not "Who is …?", which takes the act as done); « envisage de », « prévoit de »,
« devrait », « pourrait », « a promis de », « menace de », « propose », « a demandé »,
« exige », « réclame », « appelle à », « exhorte », « discute », « étudie », « souhaite »,
« veut », « espère », « n'exclut pas », « sur le point de », « est-ce que … ? », « va-t-elle
… ? »; «تعتزم», «تخطط», «من المتوقع», «يتوقع», «قد» before a verb in the present, «سوف»,
«تدرس», «اقترح», «طالب … ب», «طلب», «حث», «هدد», «وعد», «تعهد», «يسعى», «يريد», «يأمل», «هل».
They are verbs: the nouns and participles of the act itself ("approved the proposal", "the
proposed budget", "oil demand", « la proposition de loi », «المقترح») are no plan.
A claim that is itself a demand (« a exigé un départ rapide ») is not held back by a text
that "called for" it. The future is not done either (:func:`futures`: "will hold", « va
organiser », « organisera », «ستجري»), but not in a relative clause ("the law, which will take
effect in July, was signed", « une commission qui se réunira ») nor a reader's ("as we will
see"). Nor is what may be ("could destroy", "may have stolen", « peut-être », « aurait pu »,
«ربما»), but « pourra » is left out (« pourra être administré » is what « est autorisé »
allows), and so is a modal after "I", "you", "we", "they" or "it" ("as you may have seen").

Either word counts where the claim has none of its kind and it stands in a clause that states
the claim's matter (:func:`anchors`), or anywhere when no matter of the claim can be found in
the text (an Arabic text against an Arabic claim with no number or known name).

    >>> [m.group() for m in calls_off("Unions called off the strike; the firm declined to "
    ...                               "comment.")]
    ['called off']
    >>> [m.group() for m in calls_off("أرجأت ألمانيا إغلاق آخر ثلاث محطات نووية من أجل الشتاء")]
    ['أرجأت']
    >>> [m.group() for m in not_done_words("Will Germany close its plants?")]
    ['Will Germany close its plants?']
    >>> not_done_words("Who is the mayor convicted of bribery?")
    []
"""

from __future__ import annotations

import re

from ..clauses import clause_spans
from ..lang import detect_language
from .denials import denial, denies_in_other_words
from .entities import fold, named
from .figures import numbers
from .propernames import WORD as _WORD
from .propernames import is_latin

# what a refusal to speak refuses: "declined to comment", « refusé de commenter », «التعليق»
_SPEAK = (r"(?:comment|confirm|say|elaborate|discuss|disclose|give|provide|answer|respond|"
          r"speak|reveal|identify|name|specify|be\s+(?:named|identified)|deny)\b")
_PARLER = (r"(?:commenter|confirmer|s['’]exprimer|répondre|préciser|dire|donner|divulguer|"
           r"révéler|démentir|indiquer)\b")
_AR_SPEAK = r"(?:\S+\s+){0,2}(?:ال)?(?:تعليق|إدلاء|كشف|رد|إفصاح|تأكيد)"
_CALLS_OFF = re.compile(
    r"\b(?:call(?:ed|s|ing)?\s+off|cancel(?:l?ed|s|l?ing|lations?)|scrap(?:ped|s|ping)|"
    r"scrubbed|abort(?:ed|s)|postpon(?:ed|es|ing|ement)|deferred|shelved|"
    r"suspend(?:ed|s|ing)|vetoe?(?:d|s)|mis\s+son\s+veto|"
    r"annul(?:ée|ées|és|é|ent|e|ation)|report(?:ée|ées|és|é)|ajourn(?:ée|ées|és|é|ement)|"
    r"différ(?:ée|ées|és|é)|suspendu(?:es|e|s)?)(?!\w)"
    rf"|\b(?:refus|declin)(?:ed|es|ing)\s+to\s+(?!{_SPEAK})"
    rf"|\brefus(?:e|ent|é)\s+d(?:e\s+|['’])(?!{_PARLER})"
    r"|\brenonc(?:e|ent|é)\s+(?:à|au|aux)\b"
    r"|(?<!\w)[وف]?(?:[أا]لغى|[أا]لغت|[أا]لغوا|[أا]لغي|[أا]لغيت|[إا]لغاء|ب[إا]لغاء|يلغي|تلغي|"
    r"[أا]رجأ|[أا]رجأت|[إا]رجاء|"
    r"يرجئ|ترجئ|تأجيل|بتأجيل|تأجل|تأجلت|يؤجل|تؤجل|أجّل|أجّلت)(?!\w)"
    r"|(?<!من\s)(?<!في\s)(?<!\w)أجل(?!\w)"
    rf"|(?<!\w)[وف]?(?:رفض|رفضت|رفضوا|يرفض|ترفض)(?!\w)(?!\s+{_AR_SPEAK})(?=\s+(?:ال)?\w+)",
    flags=re.IGNORECASE)


def calls_off(text: str) -> list[re.Match[str]]:
    """The words of ``text`` that say an act was called off, put off or refused."""
    return list(_CALLS_OFF.finditer(text))


# an Arabic claim's suspension («علّق الاتحاد مشاركة السودان»), not in _CALLS_OFF: «تعليق» is
# also a comment; a claim that suspends is not called off by a text saying "suspended"
_AR_SUSPENDS = re.compile(r"(?<!\w)[وف]?(?:[يت]?عل\u0651?ق(?:ت|وا)?|ب?تعليق)(?!\w)")


# an act tried and not achieved: "failed to retake", "unable to", « a échoué à », « sans
# parvenir à », «فشل في», «عجز عن», «أخفق»
_FAILED = re.compile(
    r"\b(?:fail(?:ed|s|ing)?\s+(?:to|in)\b|failed\s+(?:attempt|bid|effort)s?\b|unable\s+to\b|"
    r"échou(?:é|e|ent|ait|aient)\b|incapables?\s+de\b|sans\s+parvenir\b|en\s+vain\b)"
    r"|(?<!\w)[وف]?(?:فشل|فشلت|فشلوا|يفشل|تفشل|عجز|عجزت|عجزوا|أخفق|أخفقت|أخفقوا)(?!\w)",
    flags=re.IGNORECASE)


def fails(text: str) -> list[re.Match[str]]:
    """The words of ``text`` that say an act was tried and not achieved."""
    return list(_FAILED.finditer(text))


# a question asking whether (not "who is …?", which takes the act as done): "Will …?",
# « Est-ce que … ? », « L'Allemagne va-t-elle … ? », «هل»
_QUESTION = (r"(?:^|(?<=[.!?؟:»\"]\s))(?:will|would|is|are|was|were|did|does|do|has|have|had|"
             r"can|could|should|shall|est-ce\s+qu)\b[^.!?؟]*[?؟]"
             r"|\b\w+-(?:t-)?(?:il|elle|ils|elles|on)\b(?=[^.!?؟]*[?؟])"
             r"|(?<![\w\u064b-\u065f])[وف]?هل(?!\w)")
_ASKS = re.compile(_QUESTION, flags=re.IGNORECASE)


_NOT_DONE = re.compile(
    r"\b(?:plan(?:s|ned|ning)?\s+to|intend(?:s|ed|ing)?\s+to|"
    r"(?:is|are|was|were|be|been)\s+(?:expected|set|due|poised|likely|scheduled)\s+to|"
    # a prospect: "the favourite to win", « favorite pour », «الأوفر حظاً»
    r"favou?rites?\s+to|tipped\s+to|on\s+course\s+to|favori(?:te)?s?\s+pour|"
    r"pressentie?s?\s+pour|"
    r"(?:is|are|was|were)\s+considering|consider(?:s|ed)?\s+\w+ing|"
    # verbs, not the nouns and participles of the act itself ("approved the proposal", "the
    # proposed budget", "oil demand", "at the request of")
    r"(?<!\bthe\s)(?<!\ba\s)(?<!\bits\s)(?<!\btheir\s)(?:proposed|proposes)(?!\w)|"
    r"(?:urg(?:ed|es|ing)|requested|demanded)(?!\w)|"
    r"call(?:ed|s|ing)?\s+(?:on|for)\b|ask(?:ed|s|ing)?\s+(?:[\w'’-]+\s+){0,4}?for\b|"
    r"threat(?:en|ened|ens|ening)\s+to|promis(?:ed|es|ing)\s+to|"
    # an order given, not carried out: "ordered troops to withdraw", « a ordonné … de »
    r"order(?:ed|s|ing)\s+(?:[\w'’-]+\s+){0,4}?to\b|ordonn(?:é|e|ent)\s+(?:[\w'’-]+\s+){0,4}?d(?:e\b|['’])|"
    # a plan's noun: « un projet visant à relever »
    r"visant\s+à|"
    r"vow(?:ed|s|ing)?\s+to|pledg(?:ed|es|ing)\s+to|(?:seek|seeks|sought|aims?|aimed|wants?|"
    r"wanted|hopes?|hoped)\s+to|"
    r"(?:envisag(?:e|ent|é|eait)|prévo(?:it|ient|yait)|(?:a|ont)\s+promis|prome(?:t|ttent)|"
    r"menacent|menace|(?:a|ont)\s+menacé|sur\s+le\s+point)\s+d(?:e\b|['’])|"
    r"appel(?:le|lent|é)\s+à\b|"
    r"n['’]exclu(?:t|ent)\s+pas\b|(?:a|ont)\s+demandé|(?:devr(?:ait|aient|a|ont)|"
    r"pourr(?:ait|aient)|exig(?:e|ent|é|ée)|réclam(?:e|ent|é|ée)|"
    r"propose|proposent|(?:a|ont)\s+proposé|exhort(?:e|ent|é)|discut(?:e|ent)|étudi(?:e|ent)|"
    r"souhait(?:e|ent)|veu(?:t|lent)|espèr(?:e|ent))(?!\w)(?!\s+dire))"
    rf"|{_QUESTION}"
    r"|(?<![\w\u064b-\u065f])[وف]?(?:تعتزم|يعتزم|يعتزمون|تخطط|يخطط|المتوقع|متوقع|يتوقع|تتوقع|يتوقعون|سوف|"
    r"تدرس|يدرس|اقترح|اقترحت|طالبت|طالبوا|يطالب|تطالب|مطالبة|مطالبات|حث|حثت|هدد|هددت|يهدد|تهدد|"
    r"وعد|وعدت|تعهد|تعهدت|يسعى|تسعى|يريد|تريد|يأمل|تأمل|طلب|طلبت|يطلب|تطلب)(?!\w)"
    r"|(?<!\w)قد\s+[يت]\w+|(?<!\w)(?:ال)?أوفر\s+حظ(?:ا|اً|ًا)?(?!\w)"
    # a plan to: «خطة لرفع»; an order: «أمر بوتين القوات بالانسحاب» (not «الأمر», a matter)
    r"|(?<!\w)[وب]?(?:ال)?خط(?:ة|ط)\s+ل\w+"
    r"|(?<!\w)[وف]?(?:أمر|أمرت|يأمر|تأمر)(?!\w)(?=(?:\s+\S+){0,5}?\s+ب\w)"
    # «طالب» demanded, not «طالب» a student: opening a sentence or after «و», with a word
    # with «ب» (for) within the next eight
    r"|(?:(?<![^.،,:؛!؟?\s])(?<!\w\s)|(?<!\w)[وف])طالب(?!\w)(?=(?:\s+\S+){0,7}?\s+ب\w)",
    flags=re.IGNORECASE)


def not_done_words(text: str) -> list[re.Match[str]]:
    """The words of ``text`` that present an act as planned, expected, possible, urged or
    asked about rather than done."""
    return list(_NOT_DONE.finditer(text))


# words of four letters or more that carry no claim's matter
_FUNCTION_WORDS = frozenset((
    "that", "this", "with", "from", "about", "have", "been", "were", "which", "their", "there",
    "they", "after", "before", "said", "says", "also", "into", "more", "than", "over", "under",
    "some", "such", "what", "when", "where", "will", "would", "could", "should", "dans", "avec",
    "pour", "sont", "etait", "etre", "plus", "cette", "leur", "leurs", "mais", "selon", "apres",
    "avant", "environ", "quelque", "entre", "aussi", "comme", "tous", "toutes", "sans", "sous",
    "vers", "chez", "dont", "elle", "elles", "nous", "vous", "encore", "deja"))


def anchors(claim: str, text: str) -> list[int]:
    """Where ``text`` states the claim's matter: its numbers, its entities (any script) and,
    both in Latin script, its words of four letters or more."""
    figures = numbers(claim)
    at = [m.start() for value, found in numbers(text).items() if value in figures
          for m in found]
    in_claim = named(claim)
    at += [a for key, (a, _) in named(text).items() if key in in_claim]
    if is_latin(claim) and is_latin(text):
        words = {w for m in _WORD.finditer(claim) if len(w := fold(m.group())) >= 4
                 and w not in _FUNCTION_WORDS}
        at += [m.start() for m in _WORD.finditer(text) if fold(m.group()) in words]
    return at


def called_off(claim: str, text: str) -> str | None:
    """The word by which ``text`` says the claim's act was called off, put off or refused
    ("called off the planned strike" against "went on strike"), where the claim has no such
    word, denies nothing, and the word stands in a clause that states the claim's matter (or
    the text states none of it that can be found: an Arabic text against an Arabic claim with
    no number or known name); or None.

    >>> called_off("Workers at the Renault plant went on strike.",
    ...            "Unions at the Renault plant called off the strike.")
    'called off'
    >>> called_off("Workers at the Renault plant went on strike.",
    ...            "Workers at the Renault plant went on strike; talks were called off.") is None
    True
    """
    found = called_off_match(claim, text)
    return None if found is None else found.group()


def not_done(claim: str, text: str) -> str | None:
    """The word by which ``text`` presents the claim's act as planned, expected, possible,
    urged or asked about rather than done ("is expected to sign" against "signed", a question),
    where the claim has no such word nor a modal of its own ("could", « peut », «يمكن»: a claim
    of what may be) and the word stands in a clause that states the claim's matter (as
    :func:`called_off`); or None.

    >>> not_done("Kenya's president signed the finance bill into law.",
    ...          "Kenya's president is expected to sign the finance bill into law next week.")
    'is expected to'
    >>> not_done("Kenya's president could sign the finance bill.",
    ...          "Kenya's president is expected to sign the finance bill next week.") is None
    True

    In one language, a plan must be of the claim's act: the verb it governs is one of the
    claim's words ("scheduled to depart" says nothing of "Pier 90 is in New York"):

    >>> not_done("Pier 90 is located in New York City.",
    ...          "The ship is scheduled to depart from Pier 90 in New York City.") is None
    True
    """
    if _MODAL.search(claim) or not_done_words(claim) or futures(claim):
        return None
    words = sorted(_plans_of(claim, text) + futures(text), key=lambda m: m.start())
    found = in_the_claims_matter(claim, text, words)
    return None if found is None else found.group()


def asked(claim: str, text: str) -> str | None:
    """The words by which ``text`` asks whether the claim's matter is so ("Was anyone killed
    in the earthquake?", « Le séisme a-t-il fait des victimes ? », «هل قتل أحد»), where the
    claim asks nothing: a question states nothing, so it neither supports nor denies.

    >>> asked("No one was killed in the earthquake in Peru.",
    ...       "Was anyone killed in the earthquake in Peru?")
    'Was anyone killed in the earthquake in Peru?'
    """
    if _ASKS.search(claim):
        return None
    found = in_the_claims_matter(claim, text, list(_ASKS.finditer(text)))
    return None if found is None else found.group()


# the act in the future: "will hold" (not "the will of the people", "political will"), "is
# going to", « va organiser », « organisera », « reconnaîtra » (lower case, not "caméra"), «سوف»
# (a plan's word) and «ستجري», «سيصوت» (not «سيارة», «سياسة», «ستة», nor a noun in «ة»)
_FUTURE = re.compile(
    r"(?<![\w'’])(?<!\bthe\s)(?<!\ba\s)(?<!\bpolitical\s)(?<!\btheir\s)(?<!\bhis\s)"
    r"(?<!\bher\s)(?<!\bits\s)(?<!\bgood\s)(?<!\bfree\s)(?<!\bown\s)(?<!\bour\s)"
    # … nor a reader's or a speaker's: "as we will see", "you will find", "I'll call"
    r"(?<!\b[Ww]e\s)(?<!\b[Yy]ou\s)(?<!\bI\s)"
    # … nor one in a relative clause, of something else: "a panel that will meet", « qui se
    # réunira », «التي ستجتمع»
    r"(?<!\bwhich\s)(?<!\bthat\s)(?<!\bwho\s)"
    r"(?:[Ww]ill|[Ss]hall)\b(?!\s+(?:of|to)\b)|(?<!\bI)(?<![Ww]e)(?<![Yy]ou)'ll\b"
    r"|\b(?:is|are|was|were)\s+going\s+to\b"
    # … or what may be: "could destroy", "might have spread", "may have stolen" (not "could
    # not", nor the month), « peut-être », « aurait pu », «ربما», «من المحتمل»
    r"|(?<!\b[Ww]e\s)(?<!\b[Yy]ou\s)(?<!\bI\s)(?<!\b[Tt]hey\s)(?<!\b[Ii]t\s)(?<!\bthat\s)"
    r"(?<!\bwhich\s)(?<!\bwho\s)\b(?:[Cc]ould|[Mm]ight|may)\s+(?:well\s+|also\s+|even\s+)?(?:have\s+)?"
    r"(?!not\b)[a-z]+\b(?<!n't)|\bpeut-être\b|\baurai(?:t|ent)\s+pu\b"
    r"|(?<!\w)[وف]?(?:ربما|يحتمل|المحتمل|محتمل)(?!\w)"
    r"|(?<!\bqui\s)(?<!\bqui\sse\s)(?<!\bqui\sne\s)(?<!\bqui\sy\s)"
    r"\b(?:va|vont)\s+(?:[^\W\d_]+\s+)?[^\W\d_]+(?:er|ir|re|oir)\b"
    r"|(?<!\bqui\s)(?<!\bqui\sse\s)(?<!\bqui\sne\s)(?<!\bqui\sy\s)(?<!\bqui\ss['’])"
    r"\b(?:sera|seront|aura|auront|fera|feront|ira|iront"
    # (« pourra », « devra », « faudra » say what may or must be: left out as « pourrait »)
    r"|(?!(?:camera|extra|ultra|cobra|zebra|tundra|mantra|algebra|chimera|opera|sierra|"
    r"pourr\w*|devr\w*|faudr\w*|"
    r"mascara|terra|tiara|hydra|contra|sutra|tantra|guerra|vertebra|riviera|caméra)\b)"
    r"[a-zàâçéèêëîïôûùüÿœ]{2,}(?:era|eront|iras?|iront|dra|dront|tra|tront|rra|rront|ura|"
    r"uront))\b"
    r"|(?<!\w)(?<!التي\s)(?<!الذي\s)(?<!الذين\s)[وف]?(?!(?:سيكون|ستكون)\s+من\s)"
    # nouns and names in «سي», «ست»: by their start, or whole
    r"(?!(?:سيار|سياس|سياد|سياق|سيطر|سيناريو|سيبير|ستاد|ستار|ستان|ستريت|ستيف|ستوديو|ستوكهولم|"
    r"ستالين|ستراتيج)|(?:سيد|سيدة|سيدي|سيدات|سير|سيرة|سيف|سيول|سيناء|سينا|سيما|سيتي|سيئ|سيئة|"
    r"سيفيك|سيبسا|سيلة|سيمون|سيغيف|سيجال|ستة|ستين|ستون)(?!\w))"
    r"س[يت][^\W\d_]{2,}(?<![ة])(?<!ات)(?!\w)")


def futures(text: str) -> list[re.Match[str]]:
    """The words of ``text`` that put an act in the future ("will hold", « organisera »,
    «ستجري»)."""
    return list(_FUTURE.finditer(text))


def _plans_of(claim: str, text: str) -> list[re.Match[str]]:
    """:func:`not_done_words` of ``text``, but where ``text`` is in the claim's language, those
    that govern a verb ("plans to …", « envisage de … », « devrait … ») only when the verb is one
    of the claim's words (its first four letters)."""
    words = not_done_words(text)
    if not words or detect_language(text) != detect_language(claim):
        return words
    stems = {fold(w.group())[:4] for w in _WORD.finditer(claim)}
    out = []
    for m in words:
        verb = _GOVERNED.match(text, m.end()) if _GOVERNS.search(m.group()) else None
        if verb is None or fold(verb.group(1))[:4] in stems:
            out.append(m)
    return out


# a plan's word that governs the verb after it, and that verb
_GOVERNS = re.compile(r"(?:\bto|\bd(?:e|['’])|devr\w*|pourr\w*)\s*$", flags=re.IGNORECASE)
_GOVERNED = re.compile(r"\s*(?:(?:be|être|se|s['’])\s*)?([^\W\d_]{2,})")


# a claim's modal: it states what may be, which a plan or a forecast does not gainsay
# a claim of what may, will or must be ("a military plan was needed", « il fallait »)
_MODAL = re.compile(r"\b(?:may|might|could|can|would|will|must|should|needed|necessary|"
                    r"peut|peuvent|pourra|pourront|pourrait|pourraient|sera|seront|faut|fallait|"
                    r"nécessaire|doit|doivent)\b"
                    r"|(?<!\w)(?:يمكن|ربما|قد|يجب|ينبغي|الضروري|ضروري)(?!\w)",
                    flags=re.IGNORECASE)


def called_off_match(claim: str, text: str) -> re.Match[str] | None:
    """:func:`called_off`'s word as a match, for its span in ``text``; None where the claim
    denies the act itself ("The president did not sign the bill" agrees with «رفض الرئيس
    التوقيع على القانون», the refusal)."""
    if denial(claim) is not None or calls_off(claim) or _AR_SUSPENDS.search(claim):
        return None
    return in_the_claims_matter(claim, text, calls_off(text))


def in_the_claims_matter(claim: str, text: str, words: list[re.Match[str]]
                          ) -> re.Match[str] | None:
    """The first of ``words`` (found in ``text``) that stands in a clause stating the claim's
    matter, or the first of them when no matter of the claim can be found in the text."""
    if not words:
        return None
    at = anchors(claim, text)
    spans = clause_spans(text)
    return next((m for m in words if not at or any(
        a <= m.start() < b and any(a <= x < b for x in at) for a, b in spans)), None)


# a state kept where the claim may state a change: "flights remained grounded" (against
# "flights resumed"), "stayed closed", « sont restés cloués au sol », «ظل المطار مغلقا»
_KEPT_STATE = re.compile(
    # not a state before the change: "reopened after staying closed for three years", « après
    # être restées fermées », «بعد أن ظلت مغلقة»
    r"(?<!\bafter\s)(?<!\bêtre\s)"
    r"\b(?:remain(?:s|ed)?|stay(?:s|ed)?|rest(?:e|ent|é|ée|és|ées)|"
    r"demeur(?:e|ent|é|ée|és|ées)|(?:is|are|was|were)\s+still)\s+(?:[^\W\d_]+\s+){0,2}?"
    r"(?P<state>closed|shut|grounded|suspended|halted|open|in\s+place|in\s+power|in\s+office|"
    r"at\s+large|unchanged|steady|stable|blocked|frozen|on\s+hold|fermée?s?|ouverte?s?|"
    r"cloués?\s+au\s+sol|suspendue?s?|bloquée?s?|inchangée?s?|en\s+place|au\s+pouvoir|"
    r"en\s+poste|gelée?s?|à\s+l['’]arrêt)(?!\w)"
    r"|(?<!بعد\s)(?<!أن\s)(?<!في\s)(?<!\w)[وف]?(?:ظل|ظلت|ظلوا|بقي|بقيت|بقوا|لا\s+يزال|لا\s+تزال|ما\s+زال|ما\s+زالت)\s+"
    r"(?:\S+\s+){0,6}?(?P<ar_state>مغلق|مفتوح|معلق|متوقف|مجمد|في\s+منصب|في\s+السلطة)\w*",
    flags=re.IGNORECASE)


def kept_state(claim: str, text: str) -> str | None:
    """The words by which ``text`` says a state was kept ("flights remained grounded", « est
    resté fermé », «ظل المطار مغلقا») where the claim denies nothing, keeps no state itself
    and does not name that state (a claim "the airport was closed" is stated by "it remained
    closed"), in a clause that states the claim's matter (as :func:`called_off`); or None.
    Such a text does not support a claim of a change ("flights resumed"), nor is it a
    conflict: the claim may state the same state in other words ("flights were suspended").

    >>> kept_state("Flights resumed at Lisbon airport on 3 March.",
    ...            "Flights remained grounded at Lisbon airport on 3 March.")
    'remained grounded'
    >>> kept_state("The airport was closed on 3 March.",
    ...            "The airport remained closed on 3 March.") is None
    True
    """
    if denial(claim) is not None or _KEPT_STATE.search(claim):
        return None
    folded = fold(claim)
    words = [m for m in _KEPT_STATE.finditer(text)
             if fold((m.group("state") or m.group("ar_state")).split()[0])[:5] not in folded]
    found = in_the_claims_matter(claim, text, words)
    return None if found is None else found.group()


def failed(claim: str, text: str) -> str | None:
    """The word by which ``text`` says an act was tried and not achieved ("failed to reach",
    « a échoué à », «فشل في») where the claim denies nothing, has no such word and states no
    failure in other words itself ("survived a coup attempt": the coup failed), in a clause
    that states the claim's matter (as :func:`called_off`); or None. Such a text does not
    support the claim, but it is no conflict either: what failed may be another actor's act
    ("the coup attempt against him failed" states that he survived it).

    >>> failed("Rescuers reached the trapped miners on Friday.",
    ...        "Rescuers failed to reach the trapped miners on Friday.")
    'failed to'
    >>> failed("The president survived a coup attempt.",
    ...        "A coup attempt against the president failed.") is None
    True
    """
    if (denial(claim) is not None or calls_off(claim) or fails(claim)
            or denies_in_other_words(claim, "")):
        return None
    found = in_the_claims_matter(claim, text, fails(text))
    return None if found is None else found.group()


# what the text says came without the claim's thing: "ended without an agreement" (against
# "ended with an agreement"), « sans accord », «دون اتفاق», «من دون أي اتفاق»
_WITHOUT = re.compile(
    r"\b(?:without|sans)\s+(?:(?:a|an|any|the|un|une|aucune?|le|la|les)\s+|[ld]['’])?"
    r"(?P<what>[^\W\d_]{3,})"
    r"|(?<!\w)(?:من\s+)?(?:دون|بدون)\s+(?:أي\s+)?(?P<ar>[^\W\d_]{3,})",
    flags=re.IGNORECASE)
# one thing a text may lack, named in en / fr / ar, by each word's first letters
_LACKED = (("agree", "deal", "accord", "entent", "اتفاق", "صفق"),
           ("result", "outcom", "résult", "issue", "نتيج"),
           ("breakth", "progress", "avancée", "percée", "progrès", "اختراق", "تقدم"),
           ("decision", "ruling", "verdict", "décision", "قرار", "حكم"),
           ("casualt", "injur", "victim", "blessé", "victime", "إصاب", "ضحايا", "خسائر"))


_AR_CLINGING = re.compile(r"^(?:[وفبلك]?ال|لل|[وفبلك])(?=\w{3})")


def _bare(word: str) -> str:
    """A word folded, without an Arabic word's clinging prefixes and article («باتفاق»)."""
    return _AR_CLINGING.sub("", fold(word))


def _lacked(word: str) -> int | None:
    word = _bare(word)
    return next((k for k, stems in enumerate(_LACKED)
                 if any(word.startswith(fold(s)) for s in stems)), None)


def lacks(claim: str, text: str) -> str | None:
    """The words by which ``text`` says the claim's act came without the claim's thing
    ("ended without an agreement" against "ended with an agreement on a ceasefire", « sans
    accord », «دون اتفاق»): the word after "without" is one of the claim's (its first five
    letters) or, across languages, a thing of the same kind in the claim (an agreement, a
    result, a breakthrough, a decision, casualties), in a clause that states the claim's
    matter; where the claim denies nothing and has no "without" of its own; or None. A denial
    of such a thing counts too ("no agreement was reached", « aucun accord », «لم يتم التوصل
    إلى أي اتفاق»). It holds support back and is no conflict ("a deal on prisoners, without
    agreement on a truce").

    >>> lacks("The talks in Geneva ended with an agreement on a ceasefire.",
    ...       "Les pourparlers de Genève se sont achevés sans accord de cessez-le-feu.")
    'sans accord'
    >>> lacks("A strike killed five people in Kharkiv.",
    ...       "A strike killed five people in Kharkiv without warning.") is None
    True
    """
    if denial(claim) is not None or _WITHOUT.search(claim):
        return None
    mine = {_bare(m.group())[:5] for m in _WORD.finditer(claim) if len(m.group()) >= 4}
    kinds = {k for m in _WORD.finditer(claim) if (k := _lacked(m.group())) is not None}
    words = [m for m in _WITHOUT.finditer(text)
             if _bare(w := m.group("what") or m.group("ar"))[:5] in mine or _lacked(w) in kinds]
    words += [m for m in _denials(text) if any(
        _lacked(w.group()) in kinds for w in _WORD.finditer(" ".join(
            text[m.end():].split()[:_DENIED_WITHIN])))]
    found = in_the_claims_matter(claim, text, sorted(words, key=lambda m: m.start()))
    return None if found is None else found.group()


_DENIED_WITHIN = 6  # words after a denial that may name what it denies


def _denials(text: str) -> list[re.Match[str]]:
    """Every word of ``text`` that denies something (:func:`~.denials.denial`)."""
    found, at = [], 0
    while (m := denial(text, at)) is not None:
        found.append(m)
        at = m.end()
    return found
