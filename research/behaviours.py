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

from corroborate.stance.conflict import LANGS, find_name
from corroborate.stance.data import TRAIN, StancePair, split_of
from corroborate.stance.labels import CONTRADICTS, NEUTRAL, SUPPORTS

from .edits import (
    COUNTRIES,
    DENIED,
    DENIED_OTHER,
    MIN_WORDS,
    SAID,
    change_actor,
    change_month,
    change_number,
    change_place,
    change_role,
    drop_last_clause,
    embed_clause,
    names_in,
    negate,
    numbers,
)

# news first: NTREX-128 and WMT newstest are news, FLORES Wikinews; UN and TICO are formal text
PARALLEL_FILES = ("ntrex", "wmt_newstest_enfr", "flores", "tico19", "un")
DEV_FRACTION = 0.2


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
    # off by default (0: no draw, so recorded commands draw the same pairs); a denial of
    # something else before the sentence confirmed, against the denial kind's word shortcut
    ("denial_other", 0.0, SUPPORTS),
    # off by default too: the act given to another name the passage also names (a role swap)
    ("role", 0.0, CONTRADICTS),
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

    def near(self, row: Row, lang: str) -> list[str]:
        """The sentences before and after ``row`` in ``lang``."""
        doc = self.by_doc[row.doc]
        return [o.texts[lang] for o in (doc.get(row.position - 1), doc.get(row.position + 1))
                if o is not None and lang in o.texts]

    def context(self, row: Row, lang: str, text: str, *, always: bool = False) -> str:
        """``text`` (the row's sentence, maybe edited) among its neighbours, half the time
        (or ``always``)."""
        if not always and self.rng.random() < 0.5:
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

    def far(self, row: Row, lang: str) -> list[Row]:
        """The rows of ``row``'s document two or more sentences away, long enough, in ``lang``."""
        return [r for p, r in self.by_doc[row.doc].items() if abs(p - row.position) >= 2
                and lang in r.texts and len(r.texts[lang].split()) >= MIN_WORDS]

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
        elif kind == "denial_other":
            far = self.far(row, b)
            other = rng.choice(far).texts[b] if far and rng.random() < 0.5 else None
            passage = self.context(row, b, embed_clause(sentence, b, DENIED_OTHER, rng, other))
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
        elif kind == "role":  # edit the Latin side; the passage carries the sentences around it
            side = a if a != "ar" else b
            if side == "ar" or not row.doc.startswith("ntrex:"):  # news, whose names are actors
                return None
            swapped = change_role(claim if side == a else sentence, self.near(row, side), rng)
            if swapped is None:
                return None
            if side == a:
                claim = swapped
            passage = self.context(row, b, sentence if side == a else swapped, always=True)
        elif kind == "negation":
            negated = negate(claim, a)
            if negated is None:
                return None
            claim, passage = negated, self.context(row, b, sentence)
        elif kind == "other_sentence":
            far = self.far(row, b)
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
            if find_name(row.texts[claim_lang], names[li], claim_lang) and \
                    not find_name(pair.claim, names[li], claim_lang):
                put = [j for j, other in enumerate(COUNTRIES)
                       if find_name(pair.claim, other[li], claim_lang)
                       and not find_name(row.texts[claim_lang], other[li], claim_lang)]
                at = find_name(claim, names[lc], c)
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
        if share <= 0:  # left out: nothing drawn for it
            continue
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


