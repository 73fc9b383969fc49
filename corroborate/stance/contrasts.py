"""Words of two things a claim and a text may name that are not the same: a win and a draw,
gold and bronze, dollars and euros, Friday and Sunday.

These pairs only hold support back and are never a conflict: who won and who lost (won,
victory, « remporté », «فاز» / lost, was beaten, eliminated, « perdu », «خسر»), since "France
lost the final" agrees with "Argentina won it"; who survived and who was toppled or killed; a
record high and a low; "all" and a part ("half of", « la moitié », «نصف»); an act and its
undoing (opened / closed, joined / left, sanctions lifted / imposed: a crossing closed on
Sunday may open on Monday); and, since evidence check revision 32, a draw against a win or a
loss, most against a few, killed / injured / missing (and, in revision 35, homeless), arrested
/ released, how many times over (doubled, tripled, halved), how many in words (hundreds,
thousands, millions), the day of the week, a rate (per day, week, month, year), lawful /
unlawful, exports / imports, a currency, a life or a death sentence, state or private
ownership, the upper or the lower house, temporary / permanent, partial / total, voluntary /
compulsory, domestic / international travel, from the air / on the ground, a quarter of the
year, the opposition / the ruling party, civilians / soldiers, Shia / Sunni, hit / spared (a
storm), a medal, a place in a race or a vote ("finished third", « arrivé en tête », «حل
ثالثاً»; not "the first round"), "all" against "only 12 of", stable / rose or fell, stayed up /
relegated, goes on / ended, more / fewer than, overtook / still ahead, played down / warned
(session 26); since revision 34, held / collapsed (a truce, a bridge), dismissed / kept in
post, appointed or elected / a bid withdrawn, grew / shrank (an economy), dozens against
hundreds or thousands, kept unchanged / cut or raised, scored / missed, neutral / sided with,
violated / respected, ran out / enough, expired / extended, postponed / as scheduled, which
term or round (a third term, the second round). A text with both words ("lost a game but won
the title", "3 killed and 10 injured") leaves support possible.

A text with one word of a pair and not the claim's does not bear the claim out, however alike
the rest of the words: the evidence check holds support back (:func:`~.opposites.opposite_words`
reads these pairs with ``hold_only``). None is a conflict: two athletes, two days or two
currencies may both be in the story.
"""

from __future__ import annotations

import itertools

from .denials import MISSED, MISSED_AR, RAN_OUT, RAN_OUT_AR, VIOLATED, VIOLATED_AR

AR = r"(?<!\w)[وبلفك]?(?:ال)?"  # an Arabic word's clinging prefixes and article
_AR = AR

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
HOLD_ONLY: tuple[tuple[str, str], ...] = (
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
     rf"|{_AR}(?:فتحت|يفتح|تفتح|افتتح|افتتحت|أعاد\s+فتح|أعادت\s+فتح|مفتوح|مفتوحا|مفتوحة)(?!\w)",
     r"\b(?:clos(?:ed|es|ing|ure)(?![\s-]+doors?\b)|shut(?:s|ting)?|"
     rf"ferm(?:é|ée|és|ées|e|ent|er|eture))\b"
     rf"|{_AR}(?:أغلق|أغلقت|يغلق|تغلق|إغلاق|اغلاق|مغلق|مغلقا|مغلقة)(?!\w)"),
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
     r"un\s+tiers|un\s+quart|only\s+\d[\d,.]*\s+of|seule?s\s+\d[\d\s]*\s+d(?:es|e)\b)\b"
     rf"|{_AR}(?:نصف|بعض|ثلث|ربع)(?!\w)|\d+\s+فقط\s+من(?!\w)"),
    # failing to prevent and preventing: "could not prevent the protesters from entering"
    # against "stopped the protesters from entering", « a empêché », «منعت»
    (r"\bnot\s+(?:been\s+able\s+to\s+)?prevent|\bpas\s+(?:pu\s+)?empêch"
     r"|(?<!\w)[وف]?(?:لم|لا)\s+[يت]تمكن\w*\s+(?:\S+\s+){0,3}?من\s+منع(?!\w)",
     r"\b(?:prevented|stopped|blocked|empêch(?:é|ée|és|ées|e|ent))\b"
     rf"|(?<!من\s){_AR}(?:منع|منعت|منعوا)(?!\w)"),
    # a level kept and a change: "Prices were stable in March", «استقرت الأسعار» against
    # "rose sharply"
    (r"\b(?:stable|steady|unchanged|flat|stagnated|stables|inchangée?s?|stagn(?:é|e|ent))\b"
     rf"|{_AR}(?:استقر|استقرت|مستقر|مستقرة|ثابت|ثابتة)(?!\w)|(?<!\w)[وب]?دون\s+تغيير(?!\w)",
     r"\b(?:rose|risen|increased|jumped|surged|soared|climbed|fell|fallen|dropped|declined|"
     r"plunged|slumped|augment(?:é|ée|és|ées|ent)|baiss(?:é|ée|és|ées|ent)|grimp(?:é|ée|ent)|"
     r"chut(?:é|ée|ent)|recul(?:é|ée|ent)|cut|cuts|lowered|raised|hiked|réduit|abaissé|relevé)\b"
     rf"|{_AR}(?:ارتفع|ارتفعت|انخفض|انخفضت|تراجع|تراجعت|زادت|قفز|قفزت)(?!\w)"
     rf"|{_AR}(?:خفض|خفضت|يخفض|تخفض|رفع|رفعت)\s+(?:\S+\s+){{0,3}}?(?:ال)?(?:فائدة|أسعار|سعر|معدل)"),
    # staying up and going down: "Leeds stayed in the Premier League", « s'est maintenu »
    # against "were relegated", «هبط ليدز من الدوري»
    (r"\b(?:stay(?:ed|s)?\s+(?:up|in\s+the)|avoided\s+relegation|maintenu|maintien)\b"
     rf"|{_AR}(?:بقي|بقاء)(?!\w)",
     r"\b(?:relegated|relegation|relégué|relégation|rétrogradé)\b"
     rf"|{_AR}(?:هبط|هبوط)\s+(?:\S+\s+){{0,2}}?(?:من|إلى)(?!\w)"),
    # an act going on and one ended: "The strike continues", « se poursuit » against "has
    # ended", «انتهى الإضراب»
    (r"\b(?:continu(?:es|ed|e|ent)|goes\s+on|ongoing|se\s+poursui(?:t|vent)|still\s+going)\b"
     rf"|{_AR}(?:يتواصل|تتواصل|يستمر|تستمر|متواصل|متواصلة|مستمر|مستمرة)(?!\w)",
     r"\b(?:ended|is\s+over|called\s+off|pris\s+fin|terminée?|achevée?)\b"
     rf"|{_AR}(?:انتهى|انتهت|انتهاء)(?!\w)"),
    # a comparison and its opposite: "Kenya won more medals than Ethiopia" against "fewer …
    # than", « plus … que » against « moins … que », «أكثر من» against «أقل من» (never a
    # conflict: "Ethiopia won fewer medals than Kenya" says the same, the other way round)
    (r"\b(?:more|larger|bigger|longer|higher|greater|older|richer)(?:\s+\S+){0,2}?\s+than\b"
     r"|\bplus\s+(?:de\s+\S+|grande?s?|longu?e?s?|élevée?s?|peuplée?s?|importante?s?|"
     r"riches?|âgée?s?)\s+qu(?:e\b|['’])"
     r"|(?<!\w)(?:أكثر|أكبر|أطول|أعلى|أغنى)\s+(?:من|منه|منها)(?!\w)",
     r"\b(?:fewer|less|smaller|shorter|lower|younger|poorer)(?:\s+\S+){0,2}?\s+than\b"
     r"|\b(?:moins\s+(?:de\s+\S+|\S+)|plus\s+(?:petite?s?|courte?s?|faibles?|basse?s?|"
     r"jeunes?|pauvres?))\s+qu(?:e\b|['’])"
     r"|(?<!\w)(?:أقل|أصغر|أقصر|أدنى|أفقر)\s+(?:من|منه|منها)(?!\w)"),
    # overtaking and a lead kept: "India overtook China" against "China remains the most
    # populous, ahead of India", « reste … devant », «لا تزال … متقدمة على»
    (r"\b(?:overt(?:ook|aken|akes)|surpass(?:ed|es)|dépass(?:é|ée|e|ent)|devanc(?:é|ée|e|ent))\b"
     rf"|{_AR}(?:تجاوز|تجاوزت|تخطى|تخطت)(?!\w)",
     r"\b(?:remains?|remained|still|reste|restent|demeure|toujours)\b(?:\s+\S+){0,8}?\s+"
     r"(?:ahead\s+of|devant|en\s+tête)\b"
     r"|(?<!\w)(?:لا\s+تزال|لا\s+يزال|ظلت|ظل|ما\s+زالت|ما\s+زال)\s+(?:\S+\s+){0,6}?"
     r"(?:متقدمة|متقدما|متقدم|متصدرة|في\s+الصدارة)(?!\w)"),
    # a risk played down and one warned of: "played down the risk of an eruption" against
    # "warned that an eruption was imminent", « a minimisé » / « a averti », «قلل» / «حذر»
    (r"\b(?:play(?:ed|s)?\s+down|downplay(?:ed|s)?|minimis(?:é|ée|e|ent)|minimiz(?:ed|es))\b"
     rf"|{_AR}(?:قلل|قللت|يقلل|تقلل)\s+(?:\S+\s+){{0,2}}?من(?!\w)",
     r"\b(?:warn(?:ed|s|ing)?|averti|avertissent|alert(?:é|ent)|mis\s+en\s+garde)\b"
     rf"|{_AR}(?:حذر|حذرت|يحذر|تحذر)(?!\w)"),
    # what held and what collapsed: "The truce held over the weekend", « a tenu », «صمدت
    # الهدنة», "the bridge withstood the impact" against "collapsed", « a volé en éclats »,
    # «انهارت» ("held" only at a clause's end or before "over", "through", "firm": not "held
    # talks", « a tenu une conférence »)
    (r"\b(?:held(?=\s*[.,;]|\s+(?:over|through|firm|until|despite|during|overnight)\b)|"
     r"withst(?:ood|ands?)|(?:was|were|been|is|are)\s+respected|"
     r"(?:a|ont)\s+tenu(?=\s*[.,;]|\s+(?:bon|ce|cette|tout|jusqu|pendant|malgré)\b)|"
     r"tien(?:t|nent)\s+bon|(?:a|ont)\s+résisté|(?:a|ont)\s+été\s+respectée?s?)\b"
     rf"|{_AR}(?:صمد|صمدت|يصمد|تصمد|صمود|احترمت|احتُرمت)(?!\w)",
     r"\b(?:collaps(?:ed|es|ing)|crumbled|broke\s+down|fell\s+apart|effondrée?s?|"
     r"écroulée?s?|volé\s+en\s+éclats)\b"
     rf"|{_AR}(?:انهار|انهارت|ينهار|تنهار|انهيار)(?!\w)"),
    # dismissed and kept in post: "Zelensky dismissed his army chief", «أقال» against "kept
    # him in his post", « maintenu à son poste », «أبقى … في منصبه» (not "dismissed reports")
    (r"\b(?:dismissed(?!\s+(?:the\s+|as\s+)?(?:reports?|rumou?rs?|claims?|allegations?|"
     r"suggestions?|speculation|accusations?|charges?|case|lawsuit|appeal|idea|concerns?|"
     r"criticism|fears?))|sacked|ousted|limogée?s?|démise?s?\s+de\s+ses\s+fonctions|"
     r"congédiée?s?)\b|(?<!\w)[وف]?(?:أقال|أقالت|إقالة|يقيل|تقيل|أعفى|أعفت)(?!\w)",
     r"\b(?:kept\s+(?:\S+\s+){0,6}?in\s+(?:his|her|their)\s+(?:post|job|position|role)|"
     r"(?:stay(?:s|ed|ing)?|remain(?:s|ed|ing)?)\s+in\s+(?:his|her|their)\s+(?:post|job|"
     r"position|role)|maintenue?s?\s+(?:\S+\s+){0,6}?(?:à|en)\s+(?:son|leur)\s+poste|"
     r"(?:reste|restait|restera|demeure)\s+en\s+poste)\b"
     r"|(?<!\w)[وف]?(?:أبقى|أبقت|يبقي|تبقي|إبقاء)\s+(?:\S+\s+){0,6}?في\s+منصب\w*"),
    # appointed or elected, and a bid withdrawn: "Rutte was appointed" against "withdrew his
    # bid", « a retiré sa candidature », «سحب ترشحه»
    (r"\b(?:appointed|named|nominated|elected|nommée?s?|désignée?s?|élue?s?)\b"
     rf"|{_AR}(?:عين|عُيّن|عيّن|عينت|تعيين|انتخب|انتُخب|انتخبت|انتُخبت)(?!\w)",
     r"\b(?:withdr(?:ew|awn|aws)\s+(?:his|her|its|their)\s+(?:bid|candidacy|candidature|"
     r"nomination)|pulled\s+out\s+of\s+the\s+(?:race|running|contest)|dropped\s+out|"
     r"abandoned\s+(?:his|her|its|their)\s+bid|retir(?:é|ée|e|ent)\s+sa\s+candidature|"
     r"désist(?:é|ée|e|ent))\b"
     rf"|{_AR}(?:سحب|سحبت|انسحب|انسحبت)\s+(?:\S+\s+){{0,3}}?(?:ترشح\w*|من\s+السباق)"),
    # an economy grown and one shrunk: "grew by 0.3 %", « croissance », «نما» against
    # "shrank", "contracted", « contraction », «انكمش»
    (r"\b(?:grew|grown|expanded|growth|croissance)\b"
     r"|(?<!\w)[وف]?(?:نما|نمت|ينمو|تنمو|نمو)(?!\w)",
     r"\b(?:shr(?:ank|unk|inks)|contracted|contraction|contractée?|recession|récession)\b"
     rf"|{_AR}(?:انكمش|انكمشت|ينكمش|انكماش|ركود)(?!\w)"),
    # a penalty scored and one missed: "scored the penalty", « a transformé », «سجل» against
    # "missed", « a raté », «أهدر»
    (r"\b(?:scored|converted|transform(?:é|e|ent))\b|(?<!\w)[وف]?(?:سجل|سجلت)(?!\w)",
     rf"\b(?:{MISSED})\b|(?<!\w)[وف]?(?:{MISSED_AR})(?!\w)"),
    # neutral and siding with one: "stayed neutral", «التزمت الحياد» against "sided with
    # Azerbaijan", « s'est rangée du côté », «انحازت»
    (r"\b(?:neutral|neutrality|neutres?|neutralité)\b"
     r"|(?<!\w)[وبل]?(?:ال)?(?:حياد|محايد|محايدة)(?!\w)",
     r"\b(?:sided\s+with|took\s+the\s+side|rangée?s?\s+du\s+côté|pris\s+parti\s+pour)\b"
     r"|(?<!\w)[وف]?(?:انحاز|انحازت)(?!\w)"),
    # a truce violated and one respected: "violated the ceasefire", « a violé », «انتهك» against
    # "respected", « a respecté », «احترم»
    (rf"\b(?:{VIOLATED}|violations?|breach)\b"  # and the nouns: "violations" of a truce
     rf"|(?<!\w)[وف]?(?:{VIOLATED_AR}|انتهاك|انتهاكات|خروقات)(?!\w)",
     r"\b(?:respect(?:ed|s)|respect(?:é|ée|és|ées|ent))\b"
     r"|(?<!\w)[وف]?(?:احترم|احترمت|يحترم|تحترم|احتُرم|احتُرمت)(?!\w)"),
    # a supply run out and one that lasts: "ran out of fuel", « à court de », «نفد» against
    # "has enough fuel", « suffisamment », «ما يكفي»
    (rf"\b(?:{RAN_OUT})\b|(?<!\w)[وف]?(?:{RAN_OUT_AR})(?!\w)",
     r"\b(?:enough|sufficient|suffisamment|assez\s+de)\b|(?<!\w)(?:ما\s+)?(?:يكفي|كاف|كافية)(?!\w)"),
    # a treaty expired and one extended: "expired", « a expiré », «انتهت صلاحية» against
    # "extended", « prolongé », «مُدد»
    (r"\b(?:expired|expires|lapsed|expir(?:é|ée|e|ent))\b|انتهت\s+صلاحية|انتهاء\s+صلاحية",
     r"\b(?:extended|renewed|prolong(?:é|ée|és|ées)|reconduite?s?|renouvelée?s?)\b"
     r"|(?<!\w)[وف]?(?:مدد|مددت|مُدد|مُددت|تمديد|جدد|جددت|تجديد)(?!\w)"),
    # put off and held on time: "the elections were postponed", « reportées », «تأجلت» against
    # "took place as scheduled", « à la date prévue », «في موعدها» (not «أجل»: «من أجل», "for")
    (r"\b(?:postponed|delayed|put\s+off|report(?:é|ée|és|ées)|ajourn(?:é|ée|és|ées))\b"
     r"|(?<!\w)[وف]?(?:تأجل|تأجلت|أرجئ|أرجئت|تأجيل|إرجاء)(?!\w)",
     r"\b(?:as\s+(?:scheduled|planned)|on\s+(?:schedule|time)|à\s+la\s+date\s+prévue|"
     r"comme\s+prévu|à\s+l['’]heure)\b|(?<!\w)في\s+(?:موعده|موعدها|موعدهم|الموعد\s+المحدد)(?!\w)"),
    # a storm's path: "hit Cuba" against "spared Cuba", « a épargné Cuba »
    (r"\b(?:hit|struck|slammed|battered|ravaged|lashed|frapp(?:é|ée|e|ent)|dévast(?:é|ée|e|ent))\b"
     rf"|{_AR}(?:ضرب|ضربت|اجتاح|اجتاحت)(?!\w)",
     r"\b(?:spared|spares|épargn(?:é|ée|és|ées|e|ent))\b"),
    # most and a few: "Most of the hostages were released" against "Only a few of them"
    (r"\b(?:most\s+of|the\s+bulk\s+of|la\s+plupart|la\s+majeure\s+partie|l['’]essentiel)\b"
     rf"|{_AR}(?:معظم|أغلب|غالبية|أغلبية)(?!\w)",
     r"\b(?:(?:only\s+)?a\s+few\s+of|few\s+of|a\s+handful\s+of|quelques-un(?:e)?s|"
     r"une\s+poignée|peu\s+d['’]entre)\b"
     rf"|{_AR}(?:قلة|قليل|بضعة)(?!\w)"),
    # killed, injured, missing and homeless: "3 killed, 10 injured and 2 missing" has all three
    *itertools.combinations((
        r"\b(?:killed|dead|died|deaths?|death\s+toll|tuée?s?|morts?|mortes|décès|décédée?s?)\b"
        rf"|{_AR}(?:قتل|قتلى|مقتل|توفي|وفاة|وفيات|حتفه|حتفهم|مصرع)(?!\w)",
        r"\b(?:injured|injuries|wounded|hurt|blessée?s?|blessures?)\b"
        rf"|{_AR}(?:أصيب|أصيبوا|إصابة|إصابات|جرحى|جريح|مصاب|مصابين|جرح)(?!\w)",
        r"\b(?:missing|disparue?s?)\b"
        rf"|{_AR}(?:مفقود|مفقودين|مفقودون|فُقد|فُقدوا)(?!\w)",
        # … and left homeless: "left 1.5 million homeless", « sans abri », «بلا مأوى»
        r"\b(?:homeless|sans[\s-]abris?)\b|(?<!\w)(?:بلا|دون|بدون)\s+مأوى(?!\w)"
        rf"|{_AR}(?:مشرد|مشردين|مشردون)(?!\w)"), 2),
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
    # how many, in words: dozens, hundreds, thousands (tens or hundreds of thousands too),
    # millions
    *itertools.combinations((
        r"\b(?:dozens|(?:a\s+few|several)\s+dozen)\b(?!\s+of\s+thousands)"
        r"|\bdizaines\b(?!\s+de\s+milliers)"
        r"|(?<!\w)(?:ال)?عشرات(?!\w)(?!\s+(?:ال)?آلاف)",
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
    # temporary and permanent; partial and total; voluntary and compulsory
    (r"\b(?:temporar(?:y|ily)|provisional(?:ly)?|for\s+the\s+time\s+being|temporaires?|"
     r"temporairement|provisoires?|provisoirement)\b|(?<!\w)(?:ال)?مؤقت(?:ا|اً|ة)?(?!\w)",
     r"\b(?:permanent(?:ly)?|for\s+good|definitive(?:ly)?|définitif|définitive?s?|"
     r"définitivement)\b|(?<!\w)(?:بشكل\s+)?(?:دائم|دائمة|نهائي|نهائيا|نهائياً)(?!\w)"),
    (r"\b(?:partial(?:ly)?|partiel(?:le)?s?|partiellement)\b"
     r"|(?<!\w)(?:ال)?(?:جزئي|جزئية|جزئيا|جزئياً)(?!\w)",
     r"\b(?:(?<!a\s)total(?!\s+(?:of|de)\b)|totale|totalement|complete(?:ly)?|complète|"
     r"complètement)\b|(?<!\w)(?:ال)?(?:كلي|كلية|كليا|كلياً|بالكامل)(?!\w)"),
    (r"\b(?:voluntar(?:y|ily)|volunteers?|volontaires?|volontariat|volontairement)\b"
     r"|(?<!\w)(?:ال)?(?:طوعي|طوعية|طوعا|طوعاً|تطوع\w*)(?!\w)",
     r"\b(?:compulsory|mandatory|obligatory|conscription|obligatoires?)\b"
     r"|(?<!\w)(?:ال)?(?:إلزامي|إلزامية|إجباري|إجبارية|تجنيد)(?!\w)"),
    # domestic and international travel or markets
    (r"\b(?:domestic|internal)\s+(?:flights?|routes?|services?|travel|tourism|market)\b"
     r"|\b(?:vols?|lignes?|liaisons?|marché|tourisme)\s+(?:intérieure?s?|domestiques?)\b"
     r"|(?<!\w)(?:ال)?(?:رحلات|رحلة|سوق)\w*\s+(?:ال)?داخلي\w*",
     r"\b(?:international|foreign)\s+(?:flights?|routes?|services?|travel|tourism|market)\b"
     r"|\b(?:vols?|lignes?|liaisons?|marché|tourisme)\s+internationa(?:l|le|les|ux)\b"
     r"|(?<!\w)(?:ال)?(?:رحلات|رحلة|سوق)\w*\s+(?:ال)?(?:دولي|خارجي)\w*"),
    # from the air or on the ground
    (r"\b(?:air\s*strikes?|air\s+raids?|aerial|warplanes?|from\s+the\s+air|"
     r"frappes?\s+aériennes?|raids?\s+aériens?|bombardements?\s+aériens?|aviation)\b"
     r"|(?<!\w)(?:ال)?(?:غارات?|غارة)\s+(?:ال)?جوي\w*|(?<!\w)(?:ال)?طائرات\s+(?:ال)?حربية",
     r"\bground\s+(?:offensive|operation|invasion|assault|incursion|troops|forces)\b"
     r"|\b(?:offensive|opération|invasion|incursion)\s+terrestre\b"
     r"|(?<!\w)(?:ال)?(?:هجوم|هجوما|هجوماً|عملية|اجتياح|توغل|قوات)\s+(?:ال)?بر(?:ي|ية|يا|ياً)(?!\w)"),
    # a quarter of the year: "in the second quarter", « au deuxième trimestre », «الربع الثاني»,
    # "the April-June quarter", Q2
    *itertools.combinations(tuple(
        rf"\b(?:{en}\s+quarter|q{n}|{months}|{fr}\s+trimestre)\b"
        rf"|(?<!\w)(?:ال)?ربع\s+(?:ال)?{ar}(?!\w)" for n, en, fr, ar, months in (
            (1, "first", "premier", "أول", r"january-march|janvier-mars"),
            (2, "second", "deuxième|second", "ثاني", r"april-june|avril-juin"),
            (3, "third", "troisième", "ثالث", r"july-september|juillet-septembre"),
            (4, "fourth", "quatrième|dernier", "رابع|أخير",
             r"october-december|octobre-décembre"))), 2),
    # the opposition and the ruling party
    (r"\b(?:opposition|oppositions)\b|(?<!\w)[وبل]?(?:ال)?معارضة(?!\w)",
     r"\b(?:ruling|governing)\s+(?:party|coalition|AKP)\b|\bparti\s+au\s+pouvoir\b"
     r"|\bmajorité\s+présidentielle\b|(?<!\w)[وبل]?(?:ال)?(?:حزب|ائتلاف)\s+(?:ال)?حاكم(?!\w)"),
    # civilians and soldiers or fighters
    (r"\b(?:civilians?|civils?)\b|(?<!\w)(?:ال)?(?:مدني|مدنيين|مدنيون)(?!\w)",
     r"\b(?:soldiers?|troops|servicemen|militants?|fighters?|soldats?|militaires|combattants?)\b"
     r"|(?<!\w)(?:ال)?(?:جنود|جنديا|جندي|عسكريين|عسكريون|مقاتلين|مقاتلون|مسلحين)(?!\w)"),
    # the two branches of Islam («السنة» is also "the year")
    (r"\b(?:shia|shias|shiite|shiites|chiites?)\b"
     r"|(?<!\w)(?:ال)?(?:شيعي|شيعية|شيعياً|شيعيا|الشيعة|للشيعة)(?!\w)",
     r"\b(?:sunni|sunnis|sunnites?)\b|(?<!\w)(?:ال)?(?:سني|سنية|سنياً|سنيا)(?!\w)"
     r"|أهل\s+السنة"),
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
    # which term or round: "won a third term" against "a second term", « un deuxième mandat »,
    # «بولاية ثانية»; "the first round" against "the second round", « le second tour »
    *itertools.combinations(tuple(
        rf"\b{en}\s+(?:term|mandate|round)\b|\b(?:{fr})\s+(?:mandat|tour|quinquennat)\b"
        rf"|(?<!\w)[وبل]?(?:ال)?(?:ولاية|جولة)\s+(?:ال)?(?:{ar})(?!\w)" for en, fr, ar in (
            ("first", "premier", "أولى"), ("second", "deuxième|second", "ثانية"),
            ("third", "troisième", "ثالثة"), ("fourth", "quatrième", "رابعة"),
            ("fifth", "cinquième", "خامسة"))), 2),
    # places in a race or a vote: "finished third" against "finished first" (not "the first
    # round", « le premier tour », «الجولة الأولى»)
    *itertools.combinations(tuple(_place(*words) for words in _PLACES), 2),
)
