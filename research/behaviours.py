"""Behaviour pairs for training, made from the shared parallel news sentences (en / fr / ar).

What a reader judges at a glance, taught directly (issue 20; FactCC-style edits, Kryscinski et
al. 2020):

- **invariance → supports**: a sentence against its translation; against itself set among its
  article's neighbouring sentences; the sentence with its last clause dropped (a less detailed
  claim) against the whole; the sentence against "officials said that …" + the sentence;
- **variance → contradicts**: a number, a year, a month or a country changed in the claim (the
  value must be present on both sides: translators sometimes write numbers as words); a named
  actor changed (two of the claim's names swapped, or one replaced by a name from another
  document; in the Latin-script side, the passage when the claim is Arabic); a negation
  inserted or removed (en, fr); the passage turned into a denial ("… denied that …");
- **same article, other sentence → neutral**;
- **twins**: one pair with its claim in two languages, the same reading expected of both (the
  cross-lingual consistency term of :func:`research.train.train`).

Rows are split by document (or by row where a set has no document ids) with
:func:`corroborate.stance.data.split_of`, so a dev document is never trained on.
"""

from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from corroborate.stance.conflict import COUNTRIES as COUNTRIES_ALL
from corroborate.stance.conflict import COUNTRY_COUNT, LANGS, MONTHS, find_name
from corroborate.stance.conflict import numbers as _numbers
from corroborate.stance.data import TRAIN, StancePair, split_of
from corroborate.stance.labels import CONTRADICTS, NEUTRAL, SUPPORTS

# news first: NTREX-128 and WMT newstest are news, FLORES Wikinews; UN and TICO are formal text
PARALLEL_FILES = ("ntrex", "wmt_newstest_enfr", "flores", "tico19", "un")
DEV_FRACTION = 0.2
MIN_WORDS = 6


@dataclass(frozen=True)
class Row:
    """One parallel sentence: its texts by language, its document and its place in it."""

    id: str
    texts: dict[str, str]
    doc: str
    position: int


_LIST_NUMBER = re.compile(r"^\s*(?:[0-9٠-٩]{1,3}|[a-z])\s*[-.)]\s+")


def read_parallel(folder: Path, files: Sequence[str] = PARALLEL_FILES) -> list[Row]:
    """Rows of the parallel files with at least two languages (a missing file is skipped)."""
    rows: list[Row] = []
    for stem in files:
        path = Path(folder) / f"{stem}.jsonl"
        if not path.exists():
            continue
        positions: dict[str, int] = defaultdict(int)
        with path.open(encoding="utf-8") as f:
            for n, line in enumerate(f):
                raw = json.loads(line)
                texts = {lang: _LIST_NUMBER.sub("", raw[lang]).strip() for lang in LANGS
                         if (raw.get(lang) or "").strip()}
                if len(texts) < 2:
                    continue
                # sets without document ids are in document order: blocks of 20 rows stand in
                doc = f"{stem}:{raw.get('doc') or n // 20}"
                rows.append(Row(str(raw["id"]), texts, doc, positions[doc]))
                positions[doc] += 1
    return rows


# ---------------------------------------------------------------- edits of one text

_TO_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
# the number pattern of the first behaviour-trained run (beh1): numbers of more than three digits
# count only when written with a separator ("2,500"), so years were changed through months only;
# kept so that the recorded command draws the same pairs
_NUMBER_AS_TRAINED = re.compile(
    r"(?<![\w.,])[0-9٠-٩]{1,3}(?:[,  .][0-9٠-٩]{3})*(?:[.,][0-9٠-٩]+)?(?![\w])")


def numbers(text: str) -> dict[str, list[re.Match[str]]]:
    """The numbers of ``text`` by value, as the behaviour pairs find them."""
    return _numbers(text, _NUMBER_AS_TRAINED)


def _other_number(value: str, rng: random.Random) -> str:
    n = int(value)
    if 1900 <= n <= 2100:  # a year
        return str(n + rng.choice((-3, -2, -1, 1, 2, 3)))
    if n <= 12:
        return str(rng.choice([k for k in range(2, 21) if k != n]))
    factor = rng.choice((0.25, 0.5, 2, 3, 10))
    new = max(1, round(n * factor))
    return str(new if new != n else n + 7)


def change_number(claim: str, passage: str, rng: random.Random) -> tuple[str, str] | None:
    """``claim`` with one number that ``passage`` also states changed, and its kind.

    Returns ``(edited claim, "date" | "number")`` or ``None`` when no number is shared.
    """
    shared = sorted(set(numbers(claim)) & set(numbers(passage)))
    shared = [v for v in shared if v and len(v) < 10]
    if not shared:
        return None
    value = rng.choice(shared)
    new = _other_number(value, rng)
    kind = "date" if 1900 <= int(value) <= 2100 else "number"
    m = numbers(claim)[value][0]
    if any("٠" <= ch <= "٩" for ch in m.group()):
        new = new.translate(_TO_ARABIC_INDIC)
    return claim[:m.start()] + new + claim[m.end():], kind


# the place table of the training runs so far: conflict.py's countries without the eight it
# added later (from Iran on), then its capitals; swaps stay within countries or within capitals
COUNTRIES = COUNTRIES_ALL[:38] + COUNTRIES_ALL[COUNTRY_COUNT:]
_COUNTRY_COUNT = 38
_find = find_name


def _swap_from_table(claim: str, claim_lang: str, passage: str, passage_lang: str,
                     table: Sequence[Sequence[str]], kinds: Sequence[range],
                     rng: random.Random) -> str | None:
    li, lj = LANGS.index(claim_lang), LANGS.index(passage_lang)
    hits = [k for k, names in enumerate(table)
            if _find(claim, names[li], claim_lang) and _find(passage, names[lj], passage_lang)]
    if not hits:
        return None
    k = rng.choice(hits)
    pool = next(r for r in kinds if k in r)
    others = [j for j in pool if j != k and not _find(passage, table[j][lj], passage_lang)
              and not _find(claim, table[j][li], claim_lang)]
    if not others:
        return None
    m = _find(claim, table[k][li], claim_lang)
    assert m is not None
    return claim[:m.start()] + table[rng.choice(others)][li] + claim[m.end():]


def change_place(claim: str, claim_lang: str, passage: str, passage_lang: str,
                 rng: random.Random) -> str | None:
    """``claim`` with a country (or a capital) both sides name replaced by another one."""
    return _swap_from_table(claim, claim_lang, passage, passage_lang, COUNTRIES,
                            (range(_COUNTRY_COUNT), range(_COUNTRY_COUNT, len(COUNTRIES))), rng)


# a name: capitalised words (with their particles) that do not open the sentence, or two or
# more that do; the words below are capitalised without being names
_PARTICLES = "de|du|des|la|le|al|el|bin|van|von|da|di"
_NAME = re.compile(rf"(?<![\w.'’-])(?:[A-ZÀ-Þ][\w’'-]+)(?:\s+(?:(?:{_PARTICLES})\s+)?"
                   r"[A-ZÀ-Þ][\w’'-]+)*")
_NOT_NAMES = frozenset(re.findall(r"\w+", """the a an this that these those it its in on at
    after before during for from with by of to as and but or if when while he she they we i you
    his her their our mr mrs ms dr president minister prime premier king queen le la les un une
    des ce cette il elle ils elles nous on en au aux dans sur pour par avec selon mais et ou si
    quand lors monsieur madame m mme monday tuesday wednesday thursday friday saturday sunday
    lundi mardi mercredi jeudi vendredi samedi dimanche"""))
_MONTH_WORDS = frozenset(m.lower() for lang in ("en", "fr") for m in MONTHS[lang])


def names_in(text: str) -> list[re.Match[str]]:
    """A Latin-script sentence's named actors (not countries, capitals, months or days)."""
    found = []
    for m in _NAME.finditer(text):
        words = m.group().split()
        if not text[:m.start()].strip() and len(words) < 2:
            continue  # the sentence's first word
        if all(w.lower().strip("'’") in _NOT_NAMES or w.lower() in _MONTH_WORDS for w in words):
            continue
        if any(_find(m.group(), names[k], lang) and len(names[k]) >= len(m.group()) - 1
               for names in COUNTRIES_ALL for k, lang in enumerate(LANGS) if lang != "ar"):
            continue
        found.append(m)
    return found


def change_actor(text: str, pool: Sequence[str], rng: random.Random) -> str | None:
    """``text`` (Latin script) with two of its names swapped or one replaced by a name from
    ``pool`` (names of other documents)."""
    found = names_in(text)
    distinct = {m.group(): m for m in found}
    if not distinct:
        return None
    if len(distinct) >= 2 and rng.random() < 0.5:
        first, second = sorted(rng.sample(list(distinct.values()), 2), key=lambda m: m.start())
        return (text[:first.start()] + second.group() + text[first.end():second.start()]
                + first.group() + text[second.end():])
    m = rng.choice(list(distinct.values()))
    others = [n for n in pool if n.lower() not in text.lower()]
    if not others:
        return None
    new = rng.choice(others)
    return text.replace(m.group(), new)


def change_month(claim: str, claim_lang: str, passage: str, passage_lang: str,
                 rng: random.Random) -> str | None:
    """``claim`` with a month both sides name replaced by another one."""
    table = list(zip(*(MONTHS[lang] for lang in LANGS), strict=True))
    if claim_lang == "en":  # "May" is also a verb: leave it alone
        table = [row if row[0] != "May" else ("\0", "\0", "\0") for row in table]
    return _swap_from_table(claim, claim_lang, passage, passage_lang, table, (range(12),), rng)


_EN_AUX = re.compile(r"\b(is|are|was|were|has|have|had|will|would|can|could|should|must|did|does)"
                     r"(\s+not\b|n't\b)?", flags=re.IGNORECASE)
_FR_NEG = re.compile(r"\b(?:ne\s+|n')(\w+)\s+(?:pas|plus|jamais)\b", flags=re.IGNORECASE)
_FR_VERB = re.compile(r"\b(est|sont|était|étaient|a|ont|avait|avaient|sera|seront|va|vont|"
                      r"peut|peuvent|doit|doivent)\b")


def negate(text: str, lang: str) -> str | None:
    """``text`` with its first auxiliary negated, or its negation removed (en, fr only)."""
    if lang == "en":
        m = _EN_AUX.search(text)
        if m is None or m.start() == 0:
            return None
        if m.group(2):  # remove the negation
            return text[:m.start()] + m.group(1) + text[m.end():]
        return text[:m.end()] + " not" + text[m.end():]
    if lang == "fr":
        m = _FR_NEG.search(text)
        if m is not None:
            return text[:m.start()] + m.group(1) + text[m.end():]
        m = _FR_VERB.search(text)
        if m is None or m.start() == 0:
            return None
        verb = m.group(1)
        neg = ("n'" if verb[0] in "aeéiou" else "ne ") + verb + " pas"
        return text[:m.start()] + neg + text[m.end():]
    return None


# "<someone> said that …" (supports) and "<someone> denied that …" (contradicts), per language
SAID = {"en": ("Officials said that {s}", "According to the authorities, {s}",
               "The ministry confirmed that {s}"),
        "fr": ("Les autorités ont indiqué que {s}", "Selon les autorités, {s}",
               "Le ministère a confirmé que {s}"),
        "ar": ("وقال مسؤولون إن {s}", "ووفقا للسلطات، {s}", "وأكدت الوزارة أن {s}")}
DENIED = {"en": ("Officials denied that {s}", "The authorities rejected reports that {s}",
                 "It is false that {s}, the ministry said"),
          "fr": ("Les autorités ont démenti que {s}", "Le ministère a nié que {s}",
                 "Il est faux que {s}, a affirmé le ministère"),
          "ar": ("ونفى مسؤولون أن {s}", "ونفت السلطات التقارير التي أفادت بأن {s}",
                 "وقالت الوزارة إنه من غير الصحيح أن {s}")}


def embed_clause(text: str, lang: str, templates: Mapping[str, Sequence[str]],
                 rng: random.Random) -> str:
    """``text`` as the clause of a reporting template ("Officials said that …")."""
    s = text.rstrip(" .")
    if lang in ("en", "fr") and len(s) > 1 and s[0].isupper() and not s[1].isupper():
        first = s.split(" ", 1)[0]
        if first.lower() in _COMMON_STARTS:
            s = s[0].lower() + s[1:]
    return rng.choice(templates[lang]).format(s=s) + "."


_STARTS = ("the a an this these those it its in on at after before some many most more several "
           "le la les un une des ce cette ces il elle ils elles dans en après avant plusieurs "
           "certains selon")
_COMMON_STARTS = frozenset(_STARTS.split())  # first words lowered when a sentence becomes a clause


def drop_last_clause(text: str) -> str | None:
    """``text`` without its last clause (after the last comma), when enough is left."""
    head, sep, tail = text.rstrip(" .").rpartition(", ")
    if not sep or len(head.split()) < MIN_WORDS or len(tail.split()) < 3:
        return None
    if re.search(r"\b(not|no|never|ne|pas|jamais|sans|without|but|mais)\b|لا|لم|لن|ليس", tail):
        return None
    return head + "."


# ---------------------------------------------------------------- pairs

# each kind's share of the behaviour pairs: (kind, share, label)
KINDS: tuple[tuple[str, float, str], ...] = (
    ("translation", 0.30, SUPPORTS), ("own_sentence", 0.10, SUPPORTS),
    ("less_detailed", 0.10, SUPPORTS), ("missing_detail", 0.10, SUPPORTS),
    ("attribution", 0.08, SUPPORTS),
    ("number", 0.12, CONTRADICTS), ("date", 0.07, CONTRADICTS), ("place", 0.08, CONTRADICTS),
    ("actor", 0.08, CONTRADICTS),
    ("negation", 0.08, CONTRADICTS), ("denial", 0.07, CONTRADICTS),
    ("other_sentence", 0.15, NEUTRAL),
)
CONTEXT_CHARS = 420
# the sets whose rows name their document (elsewhere a block of rows stands in for one)
REAL_DOCS = ("ntrex:", "un:")
# how often a row is drawn: news and Arabic up, formal and medical text down
WEIGHTS = {"ntrex": 3.0, "wmt_newstest_enfr": 1.0, "flores": 2.0, "tico19": 0.5, "un": 0.4}
ARABIC_WEIGHT = 2.5


class _Maker:
    """Draws rows and builds one pair of a kind at a time (``None`` when the row does not fit)."""

    def __init__(self, rows: Sequence[Row], rng: random.Random) -> None:
        self.rows = list(rows)
        self.rng = rng
        self.by_doc: dict[str, dict[int, Row]] = defaultdict(dict)
        for r in self.rows:
            self.by_doc[r.doc][r.position] = r
        self._names: dict[str, list[str]] = {}

    def names(self, lang: str) -> list[str]:
        """Names (see :func:`names_in`) from a sample of the rows in ``lang``."""
        if lang not in self._names:
            sample = [r.texts[lang] for r in self.rows[::7] if lang in r.texts]
            self._names[lang] = sorted({m.group() for t in sample for m in names_in(t)})
        return self._names[lang]

    def context(self, row: Row, lang: str, text: str) -> str:
        """``text`` (the row's sentence, maybe edited) among its neighbours, half the time."""
        if self.rng.random() < 0.5:
            return text
        doc = self.by_doc[row.doc]
        before = doc.get(row.position - 1)
        after = doc.get(row.position + 1)
        parts = [text]
        for side, other in (("before", before), ("after", after)):
            if other is None or lang not in other.texts:
                continue
            extra = other.texts[lang]
            if sum(map(len, parts)) + len(extra) > CONTEXT_CHARS:
                continue
            parts = [extra, *parts] if side == "before" else [*parts, extra]
        return " ".join(p if p.rstrip()[-1:] in ".!?»\"'؟" else p.rstrip() + "." for p in parts)

    def langs(self, row: Row, *, cross: bool | None = None) -> tuple[str, str]:
        langs = sorted(row.texts)
        a = self.rng.choice(langs)
        if cross is None:
            cross = self.rng.random() < 0.6
        others = [lang for lang in langs if lang != a] if cross else [a]
        return a, self.rng.choice(others)

    def make(self, kind: str, row: Row) -> tuple[StancePair, str] | None:
        """One pair of ``kind`` from ``row``, and the claim language a twin could take."""
        rng = self.rng
        a, b = self.langs(row, cross=True if kind == "translation" else None)
        claim, sentence = row.texts[a], row.texts[b]
        if len(claim.split()) < MIN_WORDS or len(sentence.split()) < MIN_WORDS:
            return None
        passage = sentence
        if kind in ("translation", "own_sentence"):
            if kind == "own_sentence":
                a = b
                claim = sentence
                passage = self.context(row, b, sentence)
                if passage == sentence:
                    return None
            else:
                passage = self.context(row, b, sentence)
        elif kind == "less_detailed":
            shorter = drop_last_clause(claim)
            if shorter is None:
                return None
            claim, passage = shorter, self.context(row, b, sentence)
        elif kind == "missing_detail":  # the claim says more than the passage, nothing against it
            shorter = drop_last_clause(sentence)
            if shorter is None or len(shorter.split()) < len(sentence.split()) / 2:
                return None  # a fragment, not a statement with a detail left out
            passage = self.context(row, b, shorter)
        elif kind == "attribution":
            passage = self.context(row, b, embed_clause(sentence, b, SAID, rng))
        elif kind == "denial":
            passage = self.context(row, b, embed_clause(sentence, b, DENIED, rng))
        elif kind in ("number", "date"):
            edited = change_number(claim, sentence, rng)
            if kind == "date" and (edited is None or edited[1] != "date"):
                month = change_month(claim, a, sentence, b, rng)
                edited = None if month is None else (month, "date")
            if edited is None or edited[1] != kind:
                return None
            claim, passage = edited[0], self.context(row, b, sentence)
        elif kind == "place":
            edited_place = change_place(claim, a, sentence, b, rng)
            if edited_place is None:
                return None
            claim, passage = edited_place, self.context(row, b, sentence)
        elif kind == "actor":
            if a != "ar":  # the claim's actor changed; a Latin passage must name the original
                renamed = change_actor(claim, self.names(a), rng)
                if renamed is None or (b != "ar" and not any(
                        m.group() in sentence for m in names_in(claim))):
                    return None
                claim, passage = renamed, self.context(row, b, sentence)
            elif b != "ar":  # an Arabic claim: the passage's actor changed
                renamed = change_actor(sentence, self.names(b), rng)
                if renamed is None:
                    return None
                passage = self.context(row, b, renamed)
            else:
                return None
        elif kind == "negation":
            negated = negate(claim, a)
            if negated is None:
                return None
            claim, passage = negated, self.context(row, b, sentence)
        elif kind == "other_sentence":
            doc = self.by_doc[row.doc]
            far = [r for p, r in doc.items() if abs(p - row.position) >= 2 and b in r.texts
                   and len(r.texts[b].split()) >= MIN_WORDS]
            if not far or not row.doc.startswith(REAL_DOCS):
                return None
            passage = rng.choice(far).texts[b]
        else:
            raise ValueError(f"unknown behaviour kind {kind!r}")
        label = {k: lab for k, _, lab in KINDS}[kind]
        pair = StancePair(f"beh/{kind}/{row.id}/{a}-{b}", claim, passage, label, f"beh_{kind}",
                          f"{a}-{b}", f"beh:{row.doc}")
        return pair, a


TWIN_KINDS = ("translation", "number", "other_sentence", "place")


def _twin(pair: StancePair, row: Row, claim_lang: str, kind: str,
          rng: random.Random) -> StancePair | None:
    """``pair`` with its claim in another language of ``row``, edited the same way."""
    others = [lang for lang in row.texts if lang != claim_lang]
    if not others or kind not in TWIN_KINDS:
        return None
    c = rng.choice(others)
    claim = row.texts[c]
    if kind == "number":  # the same value changed to the same new value
        old = numbers(row.texts[claim_lang])
        new = numbers(pair.claim)
        gone = sorted(set(old) - set(new))
        came = sorted(set(new) - set(old))
        if len(gone) != 1 or len(came) != 1 or gone[0] not in numbers(claim):
            return None
        m = numbers(claim)[gone[0]][0]
        claim = claim[:m.start()] + came[0] + claim[m.end():]
    elif kind == "place":
        li, lc = LANGS.index(claim_lang), LANGS.index(c)
        swapped = None
        for names in COUNTRIES:
            if _find(row.texts[claim_lang], names[li], claim_lang) and \
                    not _find(pair.claim, names[li], claim_lang):
                put = [j for j, other in enumerate(COUNTRIES)
                       if _find(pair.claim, other[li], claim_lang)
                       and not _find(row.texts[claim_lang], other[li], claim_lang)]
                at = _find(claim, names[lc], c)
                if len(put) == 1 and at is not None:
                    swapped = claim[:at.start()] + COUNTRIES[put[0]][lc] + claim[at.end():]
                break
        if swapped is None:
            return None
        claim = swapped
    passage_lang = pair.lang.split("-")[1]
    return StancePair(f"{pair.id}/twin-{c}", claim, pair.passage, pair.label, pair.source + "_twin",
                      f"{c}-{passage_lang}", pair.group)


def kind_shares(overrides: Mapping[str, float] | None = None) -> list[tuple[str, float, str]]:
    """:data:`KINDS` with some shares replaced (``{"number": 0.06}``; 0 leaves a kind out)."""
    overrides = dict(overrides or {})
    unknown = sorted(set(overrides) - {k for k, _, _ in KINDS})
    if unknown:
        raise ValueError(f"unknown behaviour kind {unknown[0]!r} "
                         f"(known: {', '.join(k for k, _, _ in KINDS)})")
    return [(k, overrides.get(k, share), label) for k, share, label in KINDS]


def behaviour_pairs(rows: Sequence[Row], n: int, seed: int, *, twins: int = 0,
                    split: str = TRAIN, shares: Mapping[str, float] | None = None,
                    ) -> tuple[list[StancePair], list[tuple[StancePair, StancePair]]]:
    """About ``n`` behaviour pairs (shared out by :data:`KINDS`, with ``shares`` overriding some
    kinds' shares) and up to ``twins`` twin pairs from the rows of ``split``."""
    kinds = kind_shares(shares)
    rng = random.Random(seed)
    pool = [r for r in rows if split_of(r.doc, DEV_FRACTION) == split
            and not r.texts.get("en", "").rstrip().endswith("?")]
    weights = [WEIGHTS.get(r.doc.split(":", 1)[0], 1.0) * (ARABIC_WEIGHT if "ar" in r.texts else 1)
               for r in pool]
    maker = _Maker(pool, rng)
    pairs: list[StancePair] = []
    twin_pairs: list[tuple[StancePair, StancePair]] = []
    twin_share = sum(share for kind, share, _ in kinds if kind in TWIN_KINDS) or 1.0
    for kind, share, _label in kinds:
        want = int(n * share)
        twin_want = int(twins * share / twin_share) if kind in TWIN_KINDS else 0
        made = twinned = 0
        for row in rng.choices(pool, weights, k=60 * max(1, want)) if pool else ():
            if made >= want:
                break
            got = maker.make(kind, row)
            if got is None:
                continue
            pair, claim_lang = got
            pairs.append(pair)
            made += 1
            if twinned < twin_want:
                twin = _twin(pair, row, claim_lang, kind, rng)
                if twin is not None:
                    twin_pairs.append((pair, twin))
                    twinned += 1
    rng.shuffle(pairs)
    rng.shuffle(twin_pairs)
    return pairs, twin_pairs


