"""What denies: the words of a denial, those that only look like one, denials in other words.

A negation is a word that denies (:func:`denial`): "not only", "no fewer than", «لا يقل عن»
(no less than), «لا يزال» (still) and a litotes ("did not hesitate to") deny nothing and are
passed over; a restriction (« ne … que », "no more than": only) denies what a claim
restricts, not what a text does. Some words deny with no word of denial ("unharmed",
"remained closed", « sans accord », «دون», a privative word said of something: "remains
unidentified", «الجمهور غير مرئي»: :func:`denies_in_other_words`), and a denial can be
undone to ask what it denies (:func:`affirmed`: "did not resign" → "did resign"). Used by
:mod:`.conflict` (a negation conflict), :mod:`.acts` and :mod:`.reading`.

    >>> denial("The minister did not resign.").group()
    'not'
    >>> denial("Not only Haiti but also Cuba was hit.") is None
    True
    >>> affirmed("Le ministre n'a pas démissionné.")
    'Le ministre a démissionné.'
"""

from __future__ import annotations

import re

# the words of a denial, in three languages (:func:`denial` leaves out those that deny nothing)
_NEGATION = re.compile(
    r"\b(?:not|never|no|nobody|none|nothing|neither|nor|nowhere|denied|denies|deny|"
    r"rejected|false|"
    r"ne|pas|jamais|rien|aucun|aucune|personne|démenti|dément|démentent|nié|nie|faux)\b"
    r"|n't\b|\bn['’](?=\w)"
    r"|(?<!\w)و?(?:لم|لن|لا|ليس|ليست|نفى|نفت|ينفي|تنفي|نفي|غير صحيح|[بو]?ألا|لئلا)(?!\w)"
    r"|(?<!\w)ف(?:لن|لا|ليس|ليست)(?!\w)",  # «ولم», «فلا»: "and not", "so not"; «فلم» is a film
    flags=re.IGNORECASE)
# … which, where one of these begins, deny nothing: "not only", "not least", "no fewer than",
# "No. 2", "no-fly", « pas moins de », « n'importe », «لا سيما» (especially), «لا يقل عن» (no
# less than), «لا يزال» (still)
_NOT_DENIAL = re.compile(
    r"not\s+(?:only|least)\b|no\s+(?:fewer|less)\s+than\b|no\.\s?\d|no-(?!one\b)|"
    r"none\s+other\b|nothing\s+(?:but|less|short|new)\b|(?<=\bto\s)none\b|"
    r"pas\s+moins\b|n['’]importe\b|[وف]?لا\s+(?:سيما|[يت]قل|[يت]زال)"
    # a litotes affirms: "did not hesitate to criticise", « n'a pas hésité à », «لم يتردد في»
    r"|not\s+(?:hesitate|fail\s+to)|(?:n['’]\w+\s+)?pas\s+(?:hésité|manqué\s+de)|"
    r"[وف]?(?:لم|لا)\s+[يت](?:تردد|توان)"
    # … as does a failure to prevent: "could not prevent the protesters from entering", « n'a
    # pas pu empêcher », «لم تتمكن الشرطة من منع» (the protesters entered)
    r"|not\s+(?:been\s+able\s+to\s+)?prevent|(?:n['’]\w+\s+)?pas\s+(?:pu\s+)?empêch|"
    r"[وف]?(?:لم|لا)\s+[يت]تمكن\w*\s+(?:\S+\s+){0,3}?من\s+منع(?!\w)"
    # … and none left behind says all were taken out: "Not one of the 40 miners was left
    # behind", « Aucun des mineurs n'est resté sous terre », «لم يبق أي من عمال المناجم»
    r"|(?:not\s+(?:one|a\s+single)|none|no\s+one|nobody)\b(?:\s+\S+){0,10}?\s+"
    r"(?:(?:was|were|is|are)\s+left\s+(?:behind|underground|inside|trapped)|"
    r"remain(?:s|ed)?\s+(?:trapped|underground|inside|behind))\b|"
    r"(?:aucune?|personne)\b(?:\s+\S+){0,10}?\s+n['’](?:est|sont)\s+restée?s?\s+"
    r"(?:sous\s+terre|à\s+l['’]intérieur|bloquée?s?|coincée?s?|derrière)|"
    r"[وف]?لم\s+[يت]بق(?!\w)\s+(?:أي|أحد)(?!\w)", flags=re.IGNORECASE)
# … and a restriction ("no more than", « ne … que »: only) denies everything else: a claim
# that "Forbes n'a que des partisans" is denied by a text naming its critics, but a text
# saying « ne compte que 900 soldats » denies nothing of a claim that 900 are there
_RESTRICTION = re.compile(
    r"no\s+more\s+than\b|(?:ne\s+|n['’])(?:(?!(?:pas|plus|jamais|rien|aucune?|personne|"
    r"guère|point)\b)[^\W\d_]+(?:['’]|\s+)){1,3}qu(?:e\b|['’])", flags=re.IGNORECASE)
# three acts that deny with no word of denial, which the contrast table (:mod:`.contrasts`)
# also sets against their opposites (scored, respected, enough): one list each, here
MISSED = r"miss(?:ed|es)|(?<=\ba\s)raté|(?<=\bont\s)raté"  # « a raté », not "rate"
MISSED_AR = r"أهدر|أهدرت|أضاع|أضاعت"
VIOLATED = r"violat(?:ed|es)|breach(?:ed|es)|viol(?:é|ée|ent)|enfrei(?:nt|gnent)"
VIOLATED_AR = r"انتهك|انتهكت|ينتهك|تنتهك|خرق|خرقت"
RAN_OUT = r"r[au]n\s+out\s+of|à\s+court\s+de"
RAN_OUT_AR = r"نفد|نفدت|ينفد|نفاد"

# words that deny with no word of denial ("escaped unharmed", "kept her post", "remained
# closed", "ended without a deal", « sortis indemnes », « est resté fermé », «دون اتفاق»,
# «ظل مغلقا»): a side saying one may state the other side's denial in other words
_DENIES_IN_OTHER_WORDS = re.compile(
    # "without", « sans », «دون» of a manner deny nothing: "without warning", « sans préavis »
    r"\b(?:without(?!\s+(?:warning|notice|delay|prior|hesitation))|surviv(?:e|es|ed)|"
    r"unharmed|unhurt|unscathed|uninjured|intact|unchanged|unable|fail(?:s|ed)?|"
    r"refus(?:e|es|ed)|declin(?:e|es|ed)|avoid(?:s|ed)?|escap(?:e|es|ed)|spared|kept|keeps?|"
    r"absen(?:ce|t)|lack(?:s|ed)?|acquit(?:s|ted)|cleared|"
    r"sans(?!\s+(?:doute|prévenir|préavis|délai|tarder|attendre|hésit))|survécu|"
    r"surviv(?:ent|ait)|indemnes?|intacte?s?|inchangée?s?|conserv(?:e|ent|é|ée)|"
    r"échou(?:e|ent|é)|refus(?:ent|é|ée)|renonc(?:e|ent|é)|évit(?:e|ent|é)|épargnée?s?|"
    r"faute\s+de|absence|manque|acquittée?s?|incapables?|"
    # a lack: "deprived of electricity", « privé d'électricité », « dépourvu de »
    r"deprived\s+of|devoid\s+of|privée?s?(?=\s+d)|dépourvue?s?(?=\s+d)|"
    # a miss, a breach, a supply run out ("missed the penalty": "did not score"; "violated the
    # ceasefire": "did not respect it"; "ran out of fuel": "has no fuel left")
    rf"{MISSED}|{VIOLATED}|{RAN_OUT}|"
    # a charge disputed: "rejected the accusations", « conteste toute faute »
    r"reject(?:s|ed)|contest(?:s|ed)|disput(?:e|es|ed)|contest(?:e|ent|é)|rejet(?:te|tent|é)|"
    # … or a report dismissed: "dismissed reports that he had resigned", « a balayé les rumeurs »
    r"dismiss(?:es|ed)\s+(?:the\s+|all\s+|as\s+\w+\s+)?(?:reports?|claims?|rumou?rs?|"
    r"allegations?|suggestions?|accusations?|speculation)|"
    r"balay(?:e|ent|é)\s+(?:les|ces|toutes?\s+les)\s+(?:rumeurs|informations|accusations|"
    r"allégations)|"
    # a ban: "banned from wrestling shows" says "no women in wrestling shows", « interdit »
    r"bann(?:ed|ing)|barred|prohibit(?:s|ed)?|forb(?:ade|idden)|prevent(?:s|ed)|"
    r"interdite?s?|interdi(?:sent|t)|empêchée?s?|prohibée?s?|"
    # a level kept: "held its key rate steady", « a maintenu son taux », "left … unchanged"
    r"(?:held|holds|left|leaves)\s+(?:[\w-]+\s+){0,4}(?:steady|unchanged|intact)|"
    r"maint(?:enu|enue|ient|iennent)|"
    # an act kept up: "kept operating", « a continué de fonctionner », «واصل العمل»
    r"continu(?:e|es|ed|ing)\s+to|carried\s+on|continu(?:e|ent|é)\s+(?:de|à|d['’])|poursuivi)\b"
    # a state kept: "remained closed", "stayed afloat", « est resté fermé », «ظل مغلقا»
    r"|\b(?:remain(?:s|ed)?|stay(?:s|ed)?|rest(?:e|ent|é|ée|és|ées)|demeur(?:e|ent|é|ée))\s+"
    r"(?:closed|shut|open|afloat|in\s+(?:place|power|office|custody)|at\s+large|silent|calm|"
    r"steady|stable|fermée?s?|ouverte?s?|à\s+flot|en\s+(?:place|poste|détention)|"
    r"au\s+pouvoir|silencieu|calme|stables?)"
    # staying up: "stayed in the Premier League" says "was not relegated"
    r"|\bstay(?:s|ed)\s+(?:up|in\s+the)\b"
    # a job kept: "insisted he was staying in his job", « restait en poste »
    r"|\b(?:stay(?:s|ed|ing)?|remain(?:s|ed|ing)?)\s+in\s+(?:his|her|their|the)\s+"
    r"(?:job|post|role|seat|position)\b|\brest(?:ait|aient|era|eront)\s+en\s+(?:poste|fonction)\b"
    # a delivery blocked: "aid deliveries were blocked" says "no aid trucks entered"
    r"|\b(?:(?:was|were|been)\s+blocked|(?:été|sont|est)\s+bloquée?s?)\b"  # not "trapped" miners
    # an exception: "every EU country except Hungary backed" says "Hungary did not back"
    r"|\b(?:except|apart\s+from|with\s+the\s+exception\s+of|sauf|excepté|"
    r"à\s+l['’]exception\s+d(?:e\b|u\b|es\b|['’]))"
    # overtaking: "India overtook China" says "China is no longer the most populous"
    r"|\b(?:overt(?:ook|aken|akes)|surpass(?:ed|es)|dépass(?:é|ée|e|ent)|devanc(?:é|ée|e|ent))\b"
    # sitting out: "sat out the vote", "boycotted"; a state still held: "the truce was still
    # holding"
    r"|\b(?:s[ai]ts?\s+out|boycott(?:s|ed)?|boycotté|still\s+(?:holding|standing|in\s+place))\b"
    # an act that stopped: "production has ended", "stayed away", « a cessé », «توقف»
    r"|\b(?:ended(?!\s+(?:up|with|in|on|at|after|without|by)\b)|ceased|stopped|halted|"
    r"(?:stay(?:s|ed)?|kept)\s+away|cess(?:e|ent|é)|(?:pris|mis)\s+fin)\b"
    r"|(?<!\w)[وف]?(?P<ar>(?:دون|بدون)(?!\s+(?:سابق|إنذار|تأخير|تردد|مقدمات))|سالما|سالمين|"
    r"سالمة|سالمون|احتفظ|احتفظت|أبقى|أبقت|رفض|رفضت|فشل|فشلت|امتنع|امتنعت|تجنب|نجا|نجت|غياب|"
    r"تفتقر|يفتقر|تفتقد|يفتقد|افتقار|محروم|محرومة|محرومون|محرومين|"
    rf"{MISSED_AR}|{VIOLATED_AR}|{RAN_OUT_AR}|"
    r"عدم|خال|خالية|برأ|برأت|تبرئة|غاب|غابت|تغيب|تغيبت|واصل|واصلت|استمر|استمرت|"
    r"توقف|توقفت|أوقف|أوقفت|(?:انتهى|انتهت)(?!\s+ب\w*\s+المطاف)|"
    r"منع|منعت|يمنع|تمنع|حظر|حظرت|يحظر|تحظر|قاطع|قاطعت|"
    r"(?:بقي|بقيت|بقوا)(?=\s+(?:\S+\s+){0,2}?في(?!\w))|تجاوز|تجاوزت|تخطى|تخطت|باستثناء|ما\s+عدا)(?!\w)"
    # a vote against: "voted against the budget" says "did not vote for it" (the word that
    # denies is "against", « contre », «ضد»: the other side may well say "vote")
    r"|(?:\bvot(?:ed|es|e|ing)\s+|\bvot(?:é|e|ent)\s+|"
    r"(?<!\w)[وف]?(?:صوت|صوتت|صوتوا|يصوت|تصوت)\s+(?:\S+\s+){0,4}?)"
    r"(?P<against>against|contre|ضد)(?!\w)"
    r"|(?<!\w)[وف]?(?P<kept>ظل|ظلت|بقي|بقيت|باق|باقية|باقون|كان|كانت)\s+(?:\w+\s+){0,2}?"
    r"(?P<state>مغلق|مفتوح|هادئ|طافي|سليم|صامد|في\s+منصب)",
    flags=re.IGNORECASE)
# a privative word said of something, not a word of its name ("unknown gunmen", «مسلحون
# مجهولون», « travailleurs illégaux» deny nothing): "the suspect remains unidentified", "the
# strike was illegal", « le virus est invisible », «هوية المهاجم ما زالت مجهولة», «الجمهور غير
# مرئي» (a definite noun, then «غير» and an indefinite word) may state a denial in other words
_PRIVATIVE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|remains?|remained|stays?|stayed|became|become|"
    r"declared|ruled|found|deemed|considered|left|est|sont|était|étaient|sera|seront|"
    r"rest(?:e|ent|ait|aient)|demeur(?:e|ent|ait)|été|jugée?s?|déclarée?s?|devenue?s?)\s+"
    r"(?:(?:still|largely|completely|entirely|totally|wholly|now|toujours|encore|totalement|"
    r"complètement|largement|parfaitement|désormais)\s+)?"
    r"(?P<word>unidentified|unknown|unnamed|illegal|unlawful|illicit|invisible|unseen|"
    r"impossible|unpaid|unarmed|unavailable|unemployed|uninhabited|unoccupied|incomplete|"
    r"unfinished|unsigned|inactive|unanswered|undisclosed|unsuccessful|unopposed|unaware|"
    r"unclear|invalid|ineligible|unsolved|unresolved|unpunished|undetected|unnoticed|"
    r"unreported|inconnue?s?|illégale?s?|illégaux|illicites?|invisibles?|impossibles?|"
    r"impayée?s?|désarmée?s?|indisponibles?|inachevée?s?|inhabitée?s?|inoccupée?s?|"
    r"inactive?s?|incomplète?s?|introuvables?|invalides?|inéligibles?|impunie?s?|"
    r"non\s+(?:identifiée?s?|armée?s?|payée?s?|signée?s?|résolue?s?|élucidée?s?))\b"
    r"|(?:(?<!\w)[وفبل]?ال\w+|(?<!\w)[وف]?(?:ما|لا)\s+(?:زال|زالت|يزال|تزال|يزالون)|"
    r"(?<!\w)[وف]?(?:ظل|ظلت|بقي|بقيت|كان|كانت|أصبح|أصبحت|بات|باتت))\s+"
    r"(?P<ar>مجهول\w*|مستحيل\w*|أعزل|عزل|غير\s+(?!ال)(?:م\w{2,}|قانوني\w*|شرعي\w*|"
    r"صالح\w*|كاف\w*|واضح\w*|قادر\w*))(?!\w)"
    # … and wages owed: "months of unpaid wages", « salaires impayés », «رواتب غير مدفوعة»
    r"|\b(?P<wages>unpaid\s+(?:wages|salaries|pay)|(?:salaires|arriérés)\s+impayés)\b"
    r"|(?<!\w)(?:رواتب|أجور|مستحقات)\s+(?P<owed>غير\s+مدفوعة)", flags=re.IGNORECASE)
# « une personne a été tuée »: after a determiner, « personne » is a person, not "nobody"
_A_PERSON = re.compile(r"\b(?:une|la|cette|chaque|toute|seule|même|de|quelle)\s+$",
                       flags=re.IGNORECASE)

# a denial that points back at something said before: "rejected that description", "denied
# it", « a démenti ces informations », « l'a démenti », «نفى هذه الأنباء»
_POINTS_BACK = re.compile(
    r"\b(?:it|them|this|that|these|those|such|reports?|claims?|allegations?|rumou?rs?|"
    r"description|account|story|cela|ça|ceci|cette|ces|cet|informations?|allégations?|"
    r"rumeurs?|affirmations?|récit|version)\b|\bl['’](?:a|ont|avait|avaient)\b|"
    r"(?<!\w)(?:هذا|هذه|ذلك|تلك|هؤلاء|الأنباء|التقارير|الادعاءات|المزاعم|الشائعات)(?!\w)",
    flags=re.IGNORECASE)


def points_back(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``text[start:end]`` refers to something said before it (a demonstrative, a
    pronoun, "the reports"): what it denies is then not in it."""
    return _POINTS_BACK.search(text, start, len(text) if end is None else end) is not None


def denial(text: str, start: int = 0, end: int | None = None, *,
           restriction: bool = False) -> re.Match[str] | None:
    """The first word of ``text[start:end]`` that denies something ("not", « ne … pas »,
    «لم»), passing over those that deny nothing ("not only", «لا سيما»), and over a
    restriction (« ne … que », "no more than") unless ``restriction`` (a claim's: see
    ``_RESTRICTION``)."""
    passed = 0  # the end of a phrase that denies nothing: its other words deny nothing either
    for m in _NEGATION.finditer(text, start, len(text) if end is None else end):
        if m.start() < passed or (
                not restriction and _RESTRICTION.match(text, m.start()) is not None):
            continue
        if (nothing := _NOT_DENIAL.match(text, m.start())) is not None:
            passed = nothing.end()  # « Aucun des mineurs n'est resté sous terre »: the « n' »
        elif not (m.group().lower() == "personne" and _A_PERSON.search(text, 0, m.start())):
            return m
    return None


def denies_in_other_words(text: str, other: str) -> list[re.Match[str]]:
    """The words of ``text`` that deny with no word of denial ("unharmed", "kept", "without",
    « indemnes », « resté fermé », «دون»), but those ``other`` shares: "The minister kept her
    post" may say "she did not resign" in other words, but not what "she did not keep her
    post" denies, nor "The mayor was acquitted" what "the mayor was not acquitted" does."""
    folded = other.casefold()
    found = [m for m in _DENIES_IN_OTHER_WORDS.finditer(text) if not _shared(m, folded)]
    return found + [m for m in _PRIVATIVE.finditer(text) if not _privative_shared(m, folded)]


def privative(text: str) -> re.Match[str] | None:
    """The first privative word ``text`` says of something ("the strike was illegal", « est
    invisible », «الجمهور غير مرئي», "unpaid wages"), or None: a denial in other words."""
    return _PRIVATIVE.search(text)


def _privative_shared(m: re.Match[str], folded: str) -> bool:
    """Whether the other side (``folded``) has the privative word ``m`` found: by its first
    five letters ("unide" of "unidentified"; « non ident » of « non identifié »), «غير» with
    the word after it by its first four."""
    word = (m.group("word") or m.group("ar") or m.group("owed")
            or m.group("wages").split()[0]).casefold()
    if word.startswith("غير"):
        return re.search(rf"غير\s+{re.escape(word.split()[-1][:4])}", folded) is not None
    return word[:9 if word.startswith("non") else 5] in folded  # "non ident", not "ident"


def _shared(m: re.Match[str], folded: str) -> bool:
    """Whether the other side (``folded``) has the word ``m`` found, by its stem: five letters
    ("acquit" of "acquitted"), four of a short word ("keep" of "keeps"), an Arabic verb's
    without the letter its tense puts first («حتفظ» of «احتفظت» in «لا تحتفظ»), a short Arabic
    word whole, the state a side says was kept («مغلق» of «ظل المطار مغلقا»); of several
    words, the first or the last ("held" or "steady" of "held its rate steady")."""
    if m.group("kept"):  # «ظل … مغلقا»: the state kept is the word
        return m.group("state") in folded
    if m.group("against"):  # "voted against": "against" is the word, not "vote"
        return re.search(rf"(?<!\w){m.group('against')}(?!\w)", folded) is not None
    if m.group("ar"):  # a short word («دون», «نجا») whole: two of its letters are everywhere
        word = m.group("ar")
        return (word[1:5] in folded if len(word) > 3 else
                re.search(rf"(?<!\w)[وفبل]?{word}(?!\w)", folded) is not None)
    # "held its rate steady": "held" or "steady"; not the "to" of "continued to"
    words = m.group().casefold().split()
    return any((word[:5] if len(word) > 5 else word[:4]) in folded
               or (word in _KEPT and _KEPT[word] in folded)
               for word in {words[0], words[-1] if len(words[-1]) > 3 else words[0]})


_KEPT = {"kept": "keep", "keep": "kept", "held": "hold", "holds": "held", "sat": "sit",
         "sit": "sat", "left": "leave", "leaves": "left"}


# what a denying word becomes when the denial is undone (:func:`affirmed`): "" drops it
_AFFIRM = {"not": "", "never": "", "no": "", "nobody": "somebody", "none": "some",
           "nothing": "something", "neither": "both", "nor": "and", "nowhere": "somewhere",
           "denied": "confirmed",
           "denies": "confirms", "deny": "confirm", "rejected": "accepted", "false": "true",
           "ne": "", "n'": "", "n’": "", "pas": "", "jamais": "", "rien": "quelque chose",
           "aucun": "un", "aucune": "une", "personne": "quelqu'un", "démenti": "confirmé",
           "dément": "confirme", "démentent": "confirment", "nié": "confirmé", "nie": "confirme",
           "faux": "vrai", "لم": "", "لن": "", "لا": "", "ليس": "", "ليست": "", "نفى": "أكد",
           "نفت": "أكدت", "ينفي": "يؤكد", "تنفي": "تؤكد", "نفي": "تأكيد", "غير صحيح": "صحيح",
           "ألا": "أن", "بألا": "بأن", "وألا": "وأن", "لئلا": "لكي"}
_NO_ONE = re.compile(r"[\s-](one)\b", flags=re.IGNORECASE)  # "no one", "no-one": nobody
_SPACES = re.compile(r"\s*")
_CONTRACTED = {"ca": "can", "wo": "will", "sha": "shall"}  # "can't" → "can", "won't" → "will"


def affirmed(text: str) -> str | None:
    """``text`` with every denial undone ("did not resign" → "did resign", « n'a pas
    démissionné » → « a démissionné », «لم تستقل» → «تستقل», "denied" → "confirmed"), or None
    when it denies nothing: what it would say if it did not deny. Used to ask whether a denial
    denies what a claim states or says the same thing in other words ("did not resign" against
    "kept her post")."""
    out: list[str] = []
    at = 0
    while (m := denial(text, at)) is not None:
        word = m.group()
        head = text[at:m.start()]
        if word.lower() == "n't":
            stem = re.search(r"(\w+)$", head)
            if stem and stem.group(1).lower() in _CONTRACTED:
                head = head[:stem.start()] + _CONTRACTED[stem.group(1).lower()]
            out.append(head)
        elif word.lower() == "no" and (one := _NO_ONE.match(text, m.end())) is not None:
            # "no one" → "someone"
            out.append(head + ("Some" if word[0].isupper() else "some") + one.group(1))
            at = one.end()
            continue
        elif word[:1] in "وف" and word[1:] in _AFFIRM:  # «ونفى» → «وأكد», «ولم يعلن» → «ويعلن»
            out.append(head + word[0] + _AFFIRM[word[1:]])
            if not _AFFIRM[word[1:]]:  # the conjunction clings to the next word
                at = _SPACES.match(text, m.end()).end()  # type: ignore[union-attr]
                continue
        else:
            out.append(head + _AFFIRM.get(word.lower(), ""))
        at = m.end()
    if not out:
        return None
    result = "".join(out) + text[at:]
    result = re.sub(r"[ \t]{2,}", " ", re.sub(r"[ \t]+([,.;:!?])", r"\1", result)).strip()
    if text[:1].isupper() and result[:1].islower():  # "No agreement …" → "Agreement …"
        result = result[0].upper() + result[1:]
    return result


# "for the first time in 11 years" says "had not … for 11 years" (« pour la première fois
# depuis », «لأول مرة منذ»): a denial over a span of time before the act restates it
_FIRST_TIME = re.compile(r"\bfirst\s+time\s+(?:in|since)\b|\bpremière\s+fois\s+depuis\b"
                         r"|(?<!\w)لأول\s+مرة\s+منذ(?!\w)", flags=re.IGNORECASE)
_OVER_A_SPAN = re.compile(
    r"\b(?:for|in|since)\s+(?:[\w-]+\s+){0,3}?(?:years?|decades?|months?|weeks?)\b"
    r"|\bsince\s+\d{4}\b|\bdepuis\b|(?<!\w)منذ(?!\w)", flags=re.IGNORECASE)


def first_time_restated(plain: str, denying: str) -> bool:
    """Whether ``plain`` says an act happened for the first time in a while ("raised rates for
    the first time in 11 years") and ``denying`` denies it over a span of time ("had not raised
    rates for 11 years before this hike", « n'avait pas relevé ses taux depuis 11 ans »): the
    same fact, no conflict.

    >>> first_time_restated("The ECB raised rates for the first time in 11 years.",
    ...                     "The ECB had not raised rates for 11 years before this hike.")
    True
    >>> first_time_restated("The ECB raised rates for the first time in 11 years.",
    ...                     "The ECB did not raise rates on Thursday.")
    False
    """
    if _FIRST_TIME.search(plain) is None or (found := denial(denying)) is None:
        return False
    return _OVER_A_SPAN.search(denying, found.end()) is not None

