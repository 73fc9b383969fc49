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

Some pairs only hold support back and are never a conflict: who won and who lost (won,
victory, « remporté », «فاز» / lost, was beaten, eliminated, « perdu », «خسر»), since "France
lost the final" agrees with "Argentina won it"; who survived and who was toppled or killed; a
record high and a low; "all" and a part ("half of", « la moitié », «نصف»); an act and its
undoing (opened / closed, joined / left, sanctions lifted / imposed: a crossing closed on
Sunday may open on Monday); and, since evidence check revision 32, a draw against a win or a
loss, most against a few, killed / injured / missing, arrested / released, how many times
over (doubled, tripled, halved), how many in words (hundreds, thousands, millions), the day of
the week, a rate (per day, week, month, year), lawful / unlawful, exports / imports, a
currency, a life or a death sentence, state or private ownership, the upper or the lower
house, a medal, a place in a race or a vote
("finished third", « arrivé en tête », «حل ثالثاً»; not "the first round"). A text with both
words ("lost a game but won the title", "3 killed and 10 injured") leaves support possible.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

_AR = r"(?<!\w)[وبلفك]?(?:ال)?"  # an Arabic word's clinging prefixes and article
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


# a place in a race or a vote, after a verb of finishing: en, fr, ar words of each place
_FINISHED = (r"\b(?:finish(?:ed|es|ing)?|came(?:\s+in)?|comes|placed|ranked|ranks|ended)\s+"
             r"(?:(?:a\s+)?(?:distant|close|joint|equal)\s+)?")
_ARRIVE = (r"\b(?:arrivée?s?|classée?s?|terminée?s?|fini|placée?s?|hissée?s?)\s+(?:à\s+la\s+|"
           r"en\s+)?")
_AR_PLACE = r"(?<!\w)[وف]?(?:حل|حلت|حلوا|جاء|جاءت|احتل|احتلت)\s+(?:في\s+)?(?:المركز\s+|المرتبة\s+)?"
_PLACES = (
    ("first|top", "premiers?|premières?|tête", "أولا|أولاً", "الأول|الأولى",
     r"\btopped\b|(?<!\w)[وف]?(?:تصدر|تصدرت)(?!\w)"),
    ("second", "deuxièmes?|seconde?s?", "ثانيا|ثانياً", "الثاني|الثانية", None),
    ("third", "troisièmes?", "ثالثا|ثالثاً", "الثالث|الثالثة", None),
    ("fourth", "quatrièmes?", "رابعا|رابعاً", "الرابع|الرابعة", None),
    ("fifth", "cinquièmes?", "خامسا|خامساً", "الخامس|الخامسة", None),
    ("last", "derni(?:er|ère)s?", "أخيرا|أخيراً", "الأخير|الأخيرة", None),
)


def _place(en: str, fr: str, ar_adverb: str, ar: str, also: str | None) -> str:
    """The words of one place: "finished third", "in third place", « arrivé troisième »,
    « à la troisième place », «حل ماكرون ثالثا», «المركز الثالث» (and "topped", «تصدر» for
    first); the Arabic adverb may follow the verb's subject, the adjective only a place."""
    return (rf"{_FINISHED}(?:{en})\b|\bin\s+(?:{en})\s+place\b|{_ARRIVE}(?:{fr})\b"
            rf"|\b(?:à\s+la|en)\s+(?:{fr})\s+place\b"
            rf"|{_AR_PLACE}(?:\S+\s+){{0,3}}?(?:{ar_adverb})(?!\w)"
            rf"|(?<!\w)(?:ب|في\s+)?(?:ال)?(?:مركز|مرتبة)\s+(?:{ar})(?!\w)"
            + (f"|{also}" if also else ""))


_WON = (r"\b(?:won|wins|winning|winners?|victory|victorious|clinched|remport(?:é|ée|e|ent)|"
        r"gagn(?:é|ée|e|ent)|vainqueurs?|victoire|sacrée?)\b"
        rf"|{_AR}(?:فاز|فازت|يفوز|تفوز|فوز|بفوز|توج|توجت|تتويج)(?!\w)")
_LOST = (r"\b(?:lost|loses|losing|losers?|(?:was|were|been)\s+(?:beaten|defeated)|suffered\s+"
         r"(?:a\s+)?defeat|eliminated|knocked\s+out|perdu|perd|perdent|été\s+battue?s?|défaite|"
         rf"éliminée?s?)\b|{_AR}(?:خسر|خسرت|يخسر|تخسر|خسارة|هزيمة|أقصي|أقصيت|ودع|ودعت)(?!\w)")
_DRAW = (r"\b(?:drew\s+(?:with|against|\d)|(?:ended|finished)\s+(?:in\s+)?a\s+(?:\S+\s+)?draw|"
         r"\d+-\d+\s+draw|tied\s+(?:with|\d)|match\s+nul|partag\w+\s+les\s+points)\b"
         rf"|{_AR}(?:تعادل|تعادلت|التعادل|بالتعادل)(?!\w)")


# pairs that only hold support back, never conflict: who won and who lost is often two names'
# story ("France lost the final" agrees with "Argentina won it"), so a text with the claim's
# word too ("lost a game but won the title") leaves support possible
_HOLD_ONLY: tuple[tuple[str, str], ...] = (
    # who won, who lost and a draw; "beat" (also "police beat protesters", who "were beaten")
    # only against a draw
    *itertools.combinations((_WON, _LOST, _DRAW), 2),
    (r"\b(?:beat|(?:a|ont)\s+battu)\b|(?<!\w)[وف]?(?:تغلب|تغلبت|هزم|هزمت)(?!\w)", _DRAW),
    # who survived and who was toppled or killed: "survived a coup attempt" against "was
    # toppled in a coup", « a été renversé », «أطيح»
    (r"\b(?:surviv(?:ed|es)|survécu|surviv(?:ent|ait))\b"
     rf"|{_AR}(?:نجا|نجت|ينجو|تنجو|نجاة)(?!\w)",
     r"\b(?:toppled|overthrown|overthrew|ousted|deposed|killed|assassinated|renversée?s?|"
     r"destituée?s?|tuée?s?|assassinée?s?)\b"
     rf"|{_AR}(?:أطيح|أطاح|أطاحت|إطاحة|قتل|قتلت|اغتيل|اغتيلت|اغتيال|مقتل)(?!\w)"),
    # a record high and a low: "closed at a record high" against "at its lowest level in a
    # year" (« un niveau record » is a high; «مستوى قياسي» may be either, so it is the high's
    # only where the text has no «أدنى»)
    (r"\b(?:record\s+high|all-time\s+high|highest|plus\s+haut|niveau\s+record|"
     rf"record\s+historique)\b|{_AR}(?:أعلى|قياسي|قياسية)(?!\w)",
     rf"\b(?:record\s+low|lowest|plus\s+bas)\b|{_AR}(?:أدنى)(?!\w)"),
    # an act and its undoing: opened and closed ("opened fire", "closed-door", Fatah «فتح»
    # are not), joined and left, sanctions lifted and imposed
    (r"\b(?:(?:re)?open(?:ed|s|ing)?(?![\s-]+(?:fire|letter|ended|air|source)\b)|"
     r"(?:r?ouv(?:ert|erte|erts|ertes|re|rent|rir))(?!\s+le\s+feu))\b"
     rf"|{_AR}(?:فتحت|يفتح|تفتح|افتتح|افتتحت|أعاد\s+فتح|أعادت\s+فتح)(?!\w)",
     r"\b(?:clos(?:ed|es|ing|ure)(?![\s-]+doors?\b)|shut(?:s|ting)?|"
     rf"ferm(?:é|ée|és|ées|e|ent|er|eture))\b|{_AR}(?:أغلق|أغلقت|يغلق|تغلق|إغلاق|اغلاق)(?!\w)"),
    (r"\b(?:join(?:ed|s|ing)?|rejoin(?:t|ts|dre|ait)?|adhér(?:é|e|ent|er))\b"
     rf"|{_AR}(?:انضم|انضمت|ينضم|تنضم|انضمام)(?!\w)",
     r"\b(?:left|leaves|leaving|quit(?:s|ted)?|withdr(?:ew|awn|aws)|exit(?:ed|s)?|"
     r"quitt(?:é|e|ent|er)|retir(?:é|ée|e|ent)\s+de|sorti(?:e|es|s)?\s+de)\b"
     rf"|{_AR}(?:انسحب|انسحبت|ينسحب|تنسحب|انسحاب)(?!\w)"),
    (r"\b(?:lift(?:ed|s|ing)?|eased|lev(?:é|ée|ées|és|er)|lève)\b"
     rf"|{_AR}(?:رفع|رفعت|يرفع|ترفع)\s+(?:\S+\s+){{0,2}}(?:ال)?(?:عقوب|حظر|حصار)",
     r"\b(?:impos(?:ed|es|ing)|slapped|imposée?s?|impos(?:e|ent|é))\b"
     rf"|{_AR}(?:فرض|فرضت|يفرض|تفرض)(?!\w)"),
    # all and a part: "All 300 homes were destroyed" against "Half of the 300 homes"
    (r"\b(?:all|every|entire|tous|toutes|totalité|entièrement)\b"
     rf"|{_AR}(?:جميع|كافة)(?!\w)",
     r"\b(?:half|some\s+of|part\s+of|a\s+third|a\s+quarter|moitié|une\s+partie|"
     rf"un\s+tiers|un\s+quart)\b|{_AR}(?:نصف|بعض|ثلث|ربع)(?!\w)"),
    # most and a few: "Most of the hostages were released" against "Only a few of them"
    (r"\b(?:most\s+of|the\s+bulk\s+of|la\s+plupart|la\s+majeure\s+partie|l['’]essentiel)\b"
     rf"|{_AR}(?:معظم|أغلب|غالبية|أغلبية)(?!\w)",
     r"\b(?:(?:only\s+)?a\s+few\s+of|few\s+of|a\s+handful\s+of|quelques-un(?:e)?s|"
     r"une\s+poignée|peu\s+d['’]entre)\b"
     rf"|{_AR}(?:قلة|قليل|بضعة)(?!\w)"),
    # killed, injured and missing: "3 killed, 10 injured and 2 missing" has all three
    *itertools.combinations((
        r"\b(?:killed|dead|died|deaths?|death\s+toll|tuée?s?|morts?|mortes|décès|décédée?s?)\b"
        rf"|{_AR}(?:قتل|قتلى|مقتل|توفي|وفاة|وفيات|حتفه|حتفهم|مصرع)(?!\w)",
        r"\b(?:injured|injuries|wounded|hurt|blessée?s?|blessures?)\b"
        rf"|{_AR}(?:أصيب|أصيبوا|إصابة|إصابات|جرحى|جريح|مصاب|مصابين|جرح)(?!\w)",
        r"\b(?:missing|disparue?s?)\b"
        rf"|{_AR}(?:مفقود|مفقودين|مفقودون|فُقد|فُقدوا)(?!\w)"), 2),
    # arrested and released: "was released on bail after being arrested" has both
    (r"\b(?:arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|jailed|taken\s+into\s+custody|"
     r"apprehended|arrêtée?s?|interpellée?s?|incarcérée?s?|écrouée?s?|garde\s+à\s+vue)\b"
     rf"|{_AR}(?:اعتقل|اعتقلت|اعتقال|القبض|احتجز|احتجزت|احتجاز)(?!\w)",
     r"\b(?:released|freed|set\s+free|libérée?s?|relâchée?s?|remise?s?\s+en\s+liberté)\b"
     rf"|{_AR}(?:أفرج|أفرجت|الإفراج|يفرج|تفرج)(?!\w)|(?:أطلق|أطلقت|إطلاق)\s+سراح"),
    # how many times over: doubled, tripled, quadrupled, halved («تضاعف» alone is doubled)
    *itertools.combinations((
        r"\b(?:doubled|doubling|twice\s+as|two-fold|doublée?s?|deux\s+fois\s+plus)\b"
        rf"|{_AR}(?:تضاعف|تضاعفت|يتضاعف)(?!\w)(?!\s+(?:\S+\s+){{0,6}}?مرات)|(?<!\w)ضعف\s+(?:ال)?\w+",
        r"\b(?:tripled|tripling|three\s+times|triplée?s?|trois\s+fois\s+plus)\b"
        r"|(?:ثلاثة|ثلاث)\s+(?:أضعاف|مرات)",
        r"\b(?:quadrupled|four\s+times|quadruplée?s?|quatre\s+fois\s+plus)\b"
        r"|(?:أربعة|أربع)\s+(?:أضعاف|مرات)",
        r"\b(?:halved|by\s+half|divisée?s?\s+par\s+deux|de\s+moitié)\b"
        rf"|{_AR}(?:النصف|نصف)(?!\w)"), 2),
    # how many, in words: hundreds, thousands (tens or hundreds of thousands too), millions
    *itertools.combinations((
        r"\bhundreds\b(?!\s+of\s+thousands)|\bcentaines\b(?!\s+de\s+milliers)"
        r"|(?<!\w)(?:ال)?مئات(?!\s+(?:ال)?آلاف)(?!\w)",
        r"\b(?:thousands|milliers)\b|(?<!\w)(?:ال)?(?:آلاف|ألوف)(?!\w)",
        r"\bmillions\b|(?<!\w)(?:ال)?ملايين(?!\w)"), 2),
    # the day of the week: "on Sunday" against "on Friday" (a report's day may be another:
    # never a conflict)
    *itertools.combinations(tuple(
        rf"\b(?:{en}|{fr})\b|(?<!\w)(?:يوم\s+|ليلة\s+|ب)?{ar}(?!\w)" for en, fr, ar in (
            ("monday", "lundi", "الاثنين|الإثنين"), ("tuesday", "mardi", "الثلاثاء"),
            ("wednesday", "mercredi", "الأربعاء"), ("thursday", "jeudi", "الخميس"),
            ("friday", "vendredi", "الجمعة"), ("saturday", "samedi", "السبت"),
            ("sunday", "dimanche", "الأحد"))), 2),
    # a rate: per day, per week, per month, per year (not «في العام», also "in the year")
    *itertools.combinations(tuple(
        rf"\b(?:(?:per|every|each)\s+{en}|{adverb}|(?:par|chaque)\s+{fr})\b"
        rf"|(?<!\w)(?:{ar})(?!\w)" for en, adverb, fr, ar in (
            ("day", "daily|quotidiennement", "jour|journée",
             r"يوميا|يومياً|كل\s+يوم"),
            ("week", "weekly", "semaine", r"أسبوعيا|أسبوعياً|كل\s+أسبوع"),
            ("month", "monthly", "mois", r"شهريا|شهرياً|كل\s+شهر"),
            ("year", "yearly|annually", "an|année",
             r"سنويا|سنوياً|كل\s+(?:عام|سنة)"))), 2),
    # a currency: "$1.5 billion" against "€1.5 billion" ("$1.5bn (€1.4bn)" has both)
    *itertools.combinations((
        r"\$|\b(?:dollars?|usd)\b|(?<!\w)(?:ال)?دولار(?:ات)?(?!\w)",
        r"€|\b(?:euros?|eur)\b|(?<!\w)(?:ال)?يورو(?!\w)",
        r"£|\b(?:pounds?\s+sterling|sterling|livres?\s+sterling)\b"
        r"|(?<!\w)(?:ال)?(?:جنيه|إسترليني)(?!\w)",
        r"¥|\b(?:yen|yuan|renminbi)\b|(?<!\w)(?:ال)?(?:ين|يوان)(?!\w)"), 2),
    # a sentence for life against death
    (r"\b(?:life\s+(?:in\s+prison|sentence|imprisonment|term)|perpétuité)\b"
     r"|(?<!\w)(?:بال|ال)?(?:مؤبد|سجن\s+المؤبد)(?!\w)|مدى\s+الحياة",
     r"\b(?:sentenced\s+(?:\S+\s+){0,4}?to\s+death|death\s+(?:sentence|penalty)|"
     r"condamnée?s?\s+(?:\S+\s+){0,4}?à\s+mort|"
     r"peine\s+(?:de\s+mort|capitale))\b|(?<!\w)(?:بال|ال)?إعدام(?!\w)"),
    # owned by the state or privately
    (r"\b(?:state-owned|owned\s+by\s+the\s+state|publicly[\s-]owned|nationali[sz]ed|"
     r"(?:compagnie|entreprise|société)\s+publique|appartient\s+à\s+l['’]État|"
     r"détenue?\s+par\s+l['’]État)\b|مملوكة?\s+للدولة|(?<!\w)(?:شركة|مؤسسة)\s+حكومية",
     r"\b(?:privately[\s-]owned|private\s+(?:company|firm|carrier|airline|hands|owner)|"
     r"privati[sz]ed|(?:compagnie|entreprise|société)\s+privée|privatisée?)\b"
     r"|(?<!\w)(?:شركة|مؤسسة)\s+خاصة|القطاع\s+الخاص|(?<!\w)(?:خصخصة|خصخصت)"),
    # the upper and the lower house: "the Senate approved" against "the National Assembly"
    (r"\b(?:senate|senators?|sénat|sénateurs?|sénatrices?|house\s+of\s+lords)\b"
     r"|مجلس\s+الشيوخ|مجلس\s+الأعيان",
     r"\b(?:national\s+assembly|house\s+of\s+(?:representatives|commons)|lower\s+house|"
     r"assemblée\s+nationale|députée?s?)\b|مجلس\s+النواب|الجمعية\s+الوطنية|مجلس\s+العموم"),
    # lawful and not: "ruled the strike illegal" against "… legal"
    (r"\b(?:legal|lawful|constitutional|légale?s?|licite|constitutionnelle?)\b"
     r"|(?<!غير\s)(?<!\w)(?:قانوني|قانونية|شرعي|شرعية|دستوري|دستورية)(?!\w)",
     r"\b(?:illegal|unlawful|unconstitutional|illégale?s?|illicite|inconstitutionnelle?)\b"
     r"|غير\s+(?:قانوني|قانونية|شرعي|شرعية|دستوري|دستورية)(?!\w)|مخالف\w*\s+للقانون"),
    # exports and imports
    (r"\b(?:exports?|exported|exportations?|exporté(?:e|s|es)?)\b"
     rf"|{_AR}(?:صادرات|تصدير)(?!\w)",  # not «صدر», «يصدر»: issued
     r"\b(?:imports?|imported|importations?|importé(?:e|s|es)?)\b"
     rf"|{_AR}(?:واردات|استيراد|استوردت|يستورد|تستورد)(?!\w)"),
    # medals: gold, silver, bronze (« l'or », « médaille d'argent »; not « or », "but")
    *itertools.combinations((
        r"\bgold(?:en)?\b|\b(?:l['’]|d['’]|en\s+)or\b"
        rf"|{_AR}(?:ذهبية|الذهبية|ذهب)(?!\w)",
        r"\bsilver\b|\b(?:médaille|médailles)\s+d['’]argent\b|\bremport\w*\s+l['’]argent\b"
        rf"|{_AR}(?:فضية|الفضية|فضة)(?!\w)",
        rf"\bbronze\b|{_AR}(?:برونزية|البرونزية|برونز)(?!\w)"), 2),
    # places in a race or a vote: "finished third" against "finished first" (not "the first
    # round", « le premier tour », «الجولة الأولى»)
    *itertools.combinations(tuple(_place(*words) for words in _PLACES), 2),
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
                 if same_matter(claim, text, said.span())), None)


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
