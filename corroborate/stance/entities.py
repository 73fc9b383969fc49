"""Which well-known actors and places a text names, in English, French or Arabic alike.

The evidence check (:mod:`.evidence`) asks whether a passage names what the claim names:
support needs the claim's names, and a contradiction needs the same event. Within Latin script
a capitalised word can be looked up as it is; across scripts ("Kerman" and "كرمان") or across
languages ("État islamique" and "Islamic State") it cannot, so this table names the actors
and places that news in the three languages share: countries and capitals (the conflict
table's), groups and institutions, the region's cities and leaders. A name outside the table
is only checked within Latin script, word for word.

Matching is lenient, because a missing name can only hold a reading back: Latin aliases
match as the start of a word, ignoring case and accents ("Iran" finds "iranienne"), except
short all-capital ones ("IS", "US", "EI"), which match as written; Arabic aliases match
anywhere, without vowel marks, because Arabic attaches articles, prepositions and endings
("إيران" in "الإيرانية"). A region of the Americas ("South American", « Amérique latine »,
«أمريكا اللاتينية») names no country, not even through its "American": it is an entity of its
own, ``americas``.

    >>> sorted(named("L'État islamique a revendiqué les attentats de Kerman, en Iran."))
    ['iran', 'is', 'kerman']
    >>> sorted(named("سورية تدين التفجيرين في كرمان وتعزي الجمهورية الإسلامية الإيرانية"))
    ['iran', 'kerman', 'syria']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType

from .conflict import COUNTRIES, COUNTRY_COUNT

Span = tuple[int, int]

# id: aliases in any of en / fr / ar (one flat list: a text in any language is searched for all)
_TABLE: dict[str, tuple[str, ...]] = {
    # groups and institutions
    "is": ("Islamic State", "ISIS", "ISIL", "IS", "Daesh", "Daech", "État islamique", "EI",
           "داعش", "الدولة الإسلامية", "تنظيم الدولة", "الدولة الاسلامية"),
    "us": ("United States", "US", "U.S.", "USA", "America", "Washington", "Pentagon",
           "États-Unis", "Etats-Unis", "Amérique", "américain", "Pentagone",
           "الولايات المتحدة", "أمريكا", "أميركا", "الأمريكي", "الأميركي", "واشنطن",
           "البنتاغون", "البنتاجون"),
    "un": ("United Nations", "UN", "Nations unies", "ONU", "الأمم المتحدة"),
    "nato": ("NATO", "OTAN", "الناتو", "حلف شمال الأطلسي", "حلف الأطلسي"),
    "eu": ("European Union", "EU", "Union européenne", "UE", "الاتحاد الأوروبي"),
    "hezbollah": ("Hezbollah", "Hizbollah", "Hizballah", "حزب الله"),
    "hamas": ("Hamas", "حماس"),
    "al-qaeda": ("al-Qaeda", "al-Qaida", "Al-Qaïda", "Al Qaïda", "تنظيم القاعدة"),
    "taliban": ("Taliban", "talibans", "طالبان"),
    "sdf": ("Syrian Democratic Forces", "SDF", "Forces démocratiques syriennes", "FDS",
            "قوات سوريا الديمقراطية", "قسد"),
    "hts": ("Hayat Tahrir al-Sham", "HTS", "Hayat Tahrir al-Cham", "هيئة تحرير الشام"),
    "imf": ("International Monetary Fund", "IMF", "Fonds monétaire international", "FMI",
            "صندوق النقد الدولي"),
    "world-bank": ("World Bank", "Banque mondiale", "البنك الدولي"),
    "who": ("World Health Organization", "WHO", "Organisation mondiale de la santé", "OMS",
            "منظمة الصحة العالمية"),
    "red-cross": ("Red Cross", "Croix-Rouge", "الصليب الأحمر"),
    "houthis": ("Houthi", "Houthis", "Ansar Allah", "الحوثي", "أنصار الله"),
    "wagner": ("Wagner", "فاغنر"),
    "pkk": ("PKK", "Kurdistan Workers' Party", "Parti des travailleurs du Kurdistan",
            "حزب العمال الكردستاني"),
    "icc": ("International Criminal Court", "ICC", "Cour pénale internationale", "CPI",
            "المحكمة الجنائية الدولية", "الجنائية الدولية"),
    "icj": ("International Court of Justice", "ICJ", "Cour internationale de justice", "CIJ",
            "محكمة العدل الدولية", "العدل الدولية"),
    "security-council": ("Security Council", "Conseil de sécurité", "مجلس الأمن"),
    "general-assembly": ("General Assembly", "Assemblée générale", "الجمعية العامة"),
    "iaea": ("International Atomic Energy Agency", "IAEA", "Atomic Energy Agency",
             "Agence internationale de l'énergie atomique", "AIEA", "الوكالة الدولية للطاقة الذرية",
             "وكالة الطاقة الذرية"),
    "wto": ("World Trade Organization", "WTO", "Organisation mondiale du commerce", "OMC",
            "منظمة التجارة العالمية"),
    "african-union": ("African Union", "Union africaine", "الاتحاد الأفريقي", "الاتحاد الإفريقي"),
    "arab-league": ("Arab League", "League of Arab States", "Ligue arabe", "جامعة الدول العربية",
                    "الجامعة العربية"),
    "gcc": ("Gulf Cooperation Council", "GCC", "Conseil de coopération du Golfe", "CCG",
            "مجلس التعاون الخليجي", "مجلس التعاون لدول الخليج"),
    "ecb": ("European Central Bank", "ECB", "Banque centrale européenne", "BCE",
            "البنك المركزي الأوروبي", "المركزي الأوروبي"),
    "fed": ("Federal Reserve", "Réserve fédérale", "الاحتياطي الفيدرالي", "الاحتياطي الفدرالي",
            "الاحتياطي الاتحادي"),
    "boe": ("Bank of England", "Banque d'Angleterre", "Banque d’Angleterre", "بنك إنجلترا",
            "بنك انجلترا"),
    "european-commission": ("European Commission", "Commission européenne",
                            "المفوضية الأوروبية"),
    "european-parliament": ("European Parliament", "Parlement européen", "البرلمان الأوروبي"),
    "opec": ("OPEC", "OPEP", "أوبك"),
    # the region's cities and areas
    "kerman": ("Kerman", "كرمان"),
    "homs": ("Homs", "حمص"),
    "houran": ("Houran", "Hauran", "Horan", "حوران"),
    "anbar": ("Anbar", "الأنبار"),
    "baghdad": ("Baghdad", "Bagdad", "بغداد"),
    "damascus": ("Damascus", "Damas", "دمشق"),
    "tehran": ("Tehran", "Téhéran", "طهران"),
    "mosul": ("Mosul", "Mossoul", "الموصل"),
    "raqqa": ("Raqqa", "Rakka", "الرقة"),
    "aleppo": ("Aleppo", "Alep", "حلب"),
    "idlib": ("Idlib", "إدلب"),
    "deir-ez-zor": ("Deir ez-Zor", "Deir ez-Zor", "Deir Ezzor", "دير الزور"),
    "erbil": ("Erbil", "Irbil", "أربيل"),
    "kirkuk": ("Kirkuk", "Kirkouk", "كركوك"),
    "fallujah": ("Fallujah", "Falloujah", "الفلوجة"),
    "basra": ("Basra", "Bassora", "البصرة"),
    "beirut": ("Beirut", "Beyrouth", "بيروت"),
    "gaza": ("Gaza", "غزة"),
    "jerusalem": ("Jerusalem", "Jérusalem", "القدس"),
    "kabul": ("Kabul", "Kaboul", "كابول"),
    "ankara": ("Ankara", "أنقرة"),
    "riyadh": ("Riyadh", "Riyad", "الرياض"),
    "sanaa": ("Sanaa", "Sanaa", "صنعاء"),
    "khartoum": ("Khartoum", "الخرطوم"),
    "rafah": ("Rafah", "رفح"),
    "khan-younis": ("Khan Younis", "Khan Yunis", "Khan Younès", "خان يونس"),
    "west-bank": ("West Bank", "Cisjordanie", "الضفة الغربية"),
    "kyiv": ("Kyiv", "Kiev", "Kiev", "كييف"),
    "kharkiv": ("Kharkiv", "Kharkov", "خاركيف"),
    "donetsk": ("Donetsk", "دونيتسك"),
    "crimea": ("Crimea", "Crimée", "القرم"),
    "bamako": ("Bamako", "باماكو"),
    "niamey": ("Niamey", "نيامي"),
    # leaders in the region's news
    "sudani": ("Mohammed Shia al-Sudani", "Mohammed Chia al-Soudani", "al-Sudani", "Sudani",
               "al-Soudani", "Soudani", "السوداني"),
    "assad": ("Assad", "الأسد"),
    "erdogan": ("Erdogan", "Erdoğan", "أردوغان"),
    "netanyahu": ("Netanyahu", "Netanyahou", "نتنياهو"),
    "khamenei": ("Khamenei", "خامنئي"),
    "putin": ("Putin", "Poutine", "بوتين"),
    "biden": ("Biden", "بايدن"),
    "trump": ("Trump", "ترامب"),
    "macron": ("Macron", "ماكرون"),
    "zelensky": ("Zelensky", "Zelenskyy", "Zelenski", "زيلينسكي"),
}
# an organ names its organisation: «مجلس الأمن الدولي» names the UN its claim may name
_PART_OF = {"security-council": "un", "general-assembly": "un"}
# Arabic spellings the conflict table leaves out ("سورية" beside "سوريا")
_MORE = {"syria": ("سوري",), "lebanon": ("لبناني",), "jordan": ("أردن",)}


def fold(text: str) -> str:
    """Lower case without accents or Arabic vowel marks ("État" and "etat" match)."""
    return fold_mapped(text)[0]


def fold_mapped(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index it came from in ``text``."""
    if text.isascii():  # folding is lower case alone, character for character
        return text.lower(), list(range(len(text)))
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        out.append(folded)
        where.extend([i] * len(folded))
    return "".join(out), where


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """One character folded: lower case, decomposed, without its combining marks."""
    return "".join(c for c in unicodedata.normalize("NFD", ch.lower())
                   if not unicodedata.combining(c))


def is_arabic(text: str) -> bool:
    """Whether ``text`` has any character of the Arabic block (an alias, a passage)."""
    return any("\u0600" <= c <= "\u06ff" for c in text)


def _key(name: str) -> str:
    return fold(name).replace(" ", "-")


# countries are context more often than the subject ("near Rustenburg" for "in South Africa"):
# the evidence check does not ask for them (a changed country is a conflict, conflict.py)
COUNTRIES_KEYS = frozenset(_key(row[0]) for row in COUNTRIES[:COUNTRY_COUNT])


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[str, ...]]:
    """Every entity's aliases: the table above, then the conflict table's countries and
    capitals (an alias already taken stays with its first entity: "Washington" is the US)."""
    out = {k: v + _MORE.get(k, ()) for k, v in _TABLE.items()}
    taken = {fold(a) for aliases in out.values() for a in aliases}
    for row in COUNTRIES:
        key = _key(row[0])
        free = tuple(a for a in row if fold(a) not in taken)
        if free:
            out[key] = out.get(key, ()) + free + _MORE.get(key, ())
            taken.update(fold(a) for a in free)
    return out


Literals = tuple[str, ...]


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, Literals, re.Pattern[str] | None, Literals,
                               re.Pattern[str] | None], ...]:
    """Per entity: a pattern for the folded text (Latin aliases at word starts, Arabic ones
    anywhere) and one for the text as written (short all-capital aliases, whole words), each
    after the literals one of which a text must contain to match it (a quick test that most
    entities fail)."""
    out = []
    for key, aliases in table().items():
        folded, exact = [], []
        for alias in aliases:
            if is_arabic(alias):
                # a name ending in alef loses it before an ending ("أيرلندا", "الأيرلندية")
                stem = alias[:-1] if alias.endswith("ا") and len(alias) >= 5 else alias
                folded.append(("", fold(stem)))
            elif alias.isupper() and len(alias.replace(".", "")) <= 4:
                exact.append((r"(?<![\w.])", alias, r"(?!\w)"))
            else:
                folded.append((r"(?<!\w)", fold(alias)))
        out.append((
            key, tuple(lit for _, lit in folded),
            re.compile("|".join(b + re.escape(lit) for b, lit in folded)) if folded else None,
            tuple(lit for _, lit, _ in exact),
            re.compile("|".join(b + re.escape(lit) + a for b, lit, a in exact))
            if exact else None))
    return tuple(out)


# a region of the Americas is not the United States: "South American", "Latin America", « les
# pays latino-américains », « Amérique centrale », "the Americas", «أمريكا اللاتينية»
AMERICAS = re.compile(
    r"\b(?:(?:south|latin|central|north)[\s-]+americ\w*|(?:the\s+)?americas|pan-americ\w*|"
    r"inter-americ\w*|(?:sud|nord|latino|centre|centro)-am[ée]ricain\w*|(?:pan|centr)am[ée]ricain\w*|"
    r"am[ée]rique\s+(?:du\s+sud|du\s+nord|latine|centrale)|(?:les\s+)?am[ée]riques|"
    r"(?:the\s+)?american\s+continent|continent\s+am[ée]ricain)\b"
    r"|(?<!\w)(?:[وبل]?ال)?(?:أمريك|أميرك)(?:ا|ي|ية)\s+(?:ال)?(?:جنوبية|لاتينية|وسطى|شمالية)(?!\w)"
    r"|(?<!\w)[وبل]?(?:ال)?(?:أمريك|أميرك)(?:تين|يتين|تان)(?!\w)", flags=re.IGNORECASE)


def without_americas(text: str) -> str:
    """``text`` with the regions of the Americas blanked out (same length, so spans hold):
    they name no country of the table, least of all the United States (:mod:`.territories`
    reads them as a region of their own)."""
    return AMERICAS.sub(lambda m: " " * len(m.group()), text)


@lru_cache(maxsize=4096)
def named(text: str) -> Mapping[str, Span]:
    """The table's entities that ``text`` names, each with the span of its first mention
    (read-only and cached: the evidence check asks for one claim against every passage); an
    organ names its organisation (the Security Council, the UN)."""
    found = _named(text)
    for part, whole in _PART_OF.items():
        if part in found:
            found.setdefault(whole, found[part])
    return MappingProxyType(found)


def _named(text: str) -> dict[str, Span]:
    region = AMERICAS.search(text)  # a region of the Americas is an entity of its own
    text = without_americas(text)
    folded, where = fold_mapped(text)
    found: dict[str, Span] = {} if region is None else {"americas": region.span()}
    for key, loose_in, loose, exact_in, exact in _patterns():
        if loose is not None and any(lit in folded for lit in loose_in):
            m = loose.search(folded)
            if m is not None and m.end() > m.start():
                found[key] = (where[m.start()], where[m.end() - 1] + 1)
                continue
        if exact is not None and any(lit in text for lit in exact_in):
            e = next((e for e in exact.finditer(text)
                      if not (e.group() in COMMON_CAPITALS and shouting(text))), None)
            if e is not None:
                found[key] = e.span()
    return found


# short capitals that are also words, which a headline in capitals writes: "WHAT IS", "HELP
# US", « UN HOMME », « L'EAU POTABLE »
COMMON_CAPITALS = frozenset(("IS", "US", "UN", "EAU"))


def shouting(text: str) -> bool:
    """Whether ``text`` is written in capitals (a headline), so that its short capitals may be
    words: at least 12 Latin letters, four in five of them capitals."""
    letters = [c for c in text if c.isalpha() and c.isascii()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def alias_words(keys: Iterable[str]) -> frozenset[str]:
    """The folded words of the Latin aliases of these entities ("etat", "islamique", ...)."""
    words = set()
    for key in keys:
        for alias in table().get(key, ()):
            if not is_arabic(alias):
                words.update(re.findall(r"[^\W\d_]+", fold(alias)))
    return frozenset(words)


def _whole(text: str, span: Span) -> bool:
    """Whether ``span`` is a whole name in ``text``, not the start of a longer word
    ("Iran" in "iranienne", "إيران" in "الإيرانية")."""
    a, b = span
    return (a == 0 or not text[a - 1].isalnum()) and (b == len(text) or not text[b].isalnum())


def _longest_alias_at(text: str, start: int, key: str) -> Span | None:
    """The span of entity ``key``'s name written at ``start`` in ``text``, as long as its
    aliases reach: the longest one there, grown by any alias that overlaps its end
    ("تنظيم الدولة" and "الدولة الإسلامية" give "تنظيم الدولة الإسلامية"); case- and
    accent-blind."""
    aliases = table().get(key, ())
    end: int | None = None
    grew = True
    while grew:
        grew = False
        for alias in aliases:
            for s in range(start, (end or start) + 1):
                stop = s + len(alias)
                if (stop > (end or start) and fold(text[s:stop]) == fold(alias)
                        and _whole(text, (s, stop))):
                    end, grew = stop, True
    return None if end is None else (start, end)


def align_names(claim: str, text: str, language: Callable[[str], str]) -> str:
    """The claim as the stance network should read it against ``text``: each table entity
    both name, written the way ``text`` writes it.

    The network reads a synonym of a name as another actor: "ISIS claimed the two bombings
    in Kerman" against "Islamic State claimed the two bombings in Kerman" reads contradicts
    (0.65), the same sentence with "Islamic State" supports (0.88); "Washington" against "The
    United States", "داعش" against "تنظيم الدولة الإسلامية" likewise. Only whole names in one
    script are replaced, a Latin one only where it is capitalised ("américain" is an
    adjective) and both texts are in one language (``language``, known and equal): across
    languages a replaced name makes a mixed sentence the network reads no better. Names the
    table does not hold, and entities only one text names, are left alone.
    """
    in_claim = named(claim)
    if not in_claim:
        return claim
    in_text = named(text)
    swaps: list[tuple[Span, str]] = []
    for key, span in in_claim.items():
        where = in_text.get(key)
        if where is None:
            continue
        mine = _longest_alias_at(claim, span[0], key)
        theirs = _longest_alias_at(text, where[0], key)
        if mine is None or theirs is None:
            continue
        own, other = claim[mine[0]:mine[1]], text[theirs[0]:theirs[1]]
        if fold(own) == fold(other) or is_arabic(own) != is_arabic(other):
            continue
        if not is_arabic(own) and not (own[:1].isupper() and other[:1].isupper()):
            continue
        swaps.append((mine, other))
    latin = [s for s in swaps if not is_arabic(s[1])]
    if latin:  # the table's Arabic names are Arabic; Latin ones are English, French, ...
        lang = language(claim)
        if not lang or lang != language(text):
            swaps = [s for s in swaps if is_arabic(s[1])]
    if not swaps:
        return claim
    names = {claim[a:b]: other for (a, b), other in swaps}
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(names, key=len,
                                                                       reverse=True)) + r")(?!\w)")
    return pattern.sub(lambda m: names[m.group(0)], claim)
