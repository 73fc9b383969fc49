"""The training mixture and the dev sets, read from the shared data folder.

Each source contributes its train groups up to a cap (scaled by ``scale``); every source
trained on has a dev split of its own (:mod:`corroborate.stance.data` explains the groups).
Sources left out, and why: RTE (en) and SciTail and ArbTEDS are two-way (not_entailment);
RTE (en) also contains the English of RTE3-FR; ArNLI re-splits SICK under other ids, so its
translations of SICK/SICK-FR dev pairs cannot be kept out; FraCaS-FR and the FEVER triggers
are tiny test suites.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from corroborate.stance import fnc
from corroborate.stance.data import (
    DEV,
    TRAIN,
    StancePair,
    norm_text,
    read_ans,
    read_jsonl_pairs,
    read_rte3_fr,
    read_xnli_tsv,
    split_of,
)
from corroborate.stance.labels import CONTRADICTS, UNRELATED


@dataclass(frozen=True)
class JsonlSource:
    """NLI-style jsonl files read as one source."""

    name: str
    files: tuple[str, ...]
    cap: int
    group_by: str = "premise"
    group_prefix: str | None = None
    dev_fraction: float = 0.1


JSONL_SOURCES: tuple[JsonlSource, ...] = (
    JsonlSource("mnli", ("mnli__dev_matched", "mnli__dev_mismatched_partial_taxinli",
                         "mnli__train_subset_taxinli"), 7000),
    JsonlSource("snli", ("snli__dev", "snli__test"), 3000),
    JsonlSource("anli", tuple(f"anli__{s}_r{r}" for s in ("dev", "test") for r in (1, 2, 3)), 3000),
    JsonlSource("cad_nli", ("cad_nli__train", "cad_nli__dev", "cad_nli__test"), 1500),
    JsonlSource("conjnli", ("conjnli__adversarial_train", "conjnli__dev"), 1500),
    JsonlSource("sick", ("sick__train", "sick__dev", "sick__test"), 2000, "id", "sick"),
    JsonlSource("sick_fr", ("sick_fr__train", "sick_fr__dev", "sick_fr__test"), 4000, "id", "sick"),
    JsonlSource("vitaminc", ("vitaminc_real__test", "vitaminc_synthetic__test"), 2500),
    JsonlSource("fever", ("fever__dev_supports_refutes",), 2000, "hypothesis"),
    JsonlSource("healthver", ("healthver__dev", "healthver__test"), 1500, "hypothesis"),
    JsonlSource("covidfact", ("covidfact__all",), 800),
    JsonlSource("xstance", ("xstance__valid_de", "xstance__valid_fr"), 3500, "hypothesis"),
)
XNLI_DEV_FRACTION = 0.4  # XNLI is the cross-lingual yardstick: keep a big dev part
RTE3_FR_DEV_FRACTION = 0.3
CAPS = {"xnli": 10_000, "rte3_fr": 10_000, "ans": 10_000,
        "fnc1_related": 9000, "fnc1_unrelated": 3000, "arc_related": 2000, "arc_unrelated": 700}
# The scarce sources in the languages the engine is weakest in (French and Arabic NLI, Arabic
# news stance) are seen twice; so are FNC-1/ARC's rare `disagree` pairs (2% of FNC-1 rows).
REPEAT = {"xnli_fr": 2, "xnli_ar": 2, "rte3_fr": 2, "ans": 2}
RARE_REPEAT = 2
UNRELATED_SHARE = 0.1  # synthetic unrelated pairs, as a share of the NLI-style pairs
# Cross-lingual pairs (claim in one language, passage in another): the engine's everyday case,
# a French claim judged against English or Arabic coverage. XNLI's en/fr/ar rows are parallel
# and SICK/SICK-FR share pair ids, so a row's label holds across its translations. Not scaled
# by ``scale`` (``cross_scale`` instead), so a short second stage can focus on them.
CROSS_CAPS = {"xnli_cross": 9000, "sick_cross": 3000}
CROSS_DEV = (("fr", "en"), ("ar", "en"))  # claim language, passage language
# In-context pairs: a cross-lingual pair whose premise is set among other sentences of its own
# language, as the engine sees evidence (a passage of a few sentences, one of which carries the
# stance). Off unless ``context_scale`` > 0 (the third training stage uses it).
CONTEXT_CAP = 9000
CONTEXT_SENTENCES = (1, 3)  # other sentences around the premise: at least, at most
# Behaviour pairs (invariance, variance, same-article neutral; research/behaviours.py) and twins
BEHAVIOUR_CAP = 20_000
TWIN_CAP = 3000
# Denials with every label (:func:`negation_pairs`): LingNLI's train pairs in which one side
# denies and the other does not, as many of each label. In MNLI, SNLI and SICK such a pair is
# a contradiction 60-98 % of the time, and the network learned "a denial → contradicts". Off
# unless ``negation_scale`` > 0; drawn after every other source, so other draws do not move.
NEGATION_CAP = 3000
CONTEXT_CHARS = 400  # passage length bound, so that the 128-token cap never cuts the premise off


def cross_lingual(by_lang: dict[str, Sequence[StancePair]], name: str) -> list[StancePair]:
    """Every (claim language ≠ passage language) combination of parallel pairs sharing a group."""
    index = {lang: {p.group: p for p in pairs} for lang, pairs in by_lang.items()}
    out = []
    for claim_lang, claims in index.items():
        for passage_lang, passages in index.items():
            if claim_lang == passage_lang:
                continue
            for group, c in claims.items():
                q = passages.get(group)
                if q is None or q.label != c.label:
                    continue
                out.append(
                    StancePair(
                        f"{name}_{claim_lang}_{passage_lang}/{c.id}",
                        c.claim,
                        q.passage,
                        c.label,
                        f"{name}_{claim_lang}_{passage_lang}",
                        f"{claim_lang}-{passage_lang}",
                        group,
                    )
                )
    return out


_ENDS = frozenset(".!?…\"'»”)؟")


def in_context(pairs: Sequence[StancePair], n: int, rng: random.Random) -> list[StancePair]:
    """``n`` of ``pairs`` with each premise placed among other premises of its language.

    The label is kept: the other sentences come from unrelated items (other groups), so the
    premise alone still decides whether the passage supports or contradicts the claim.
    """
    by_lang: dict[str, list[StancePair]] = {}
    for p in pairs:
        by_lang.setdefault(p.lang.split("-")[-1], []).append(p)
    out = []
    for p in _take(pairs, n, rng):
        pool = by_lang[p.lang.split("-")[-1]]
        others: list[str] = []
        size = len(p.passage)
        for _ in range(rng.randint(*CONTEXT_SENTENCES)):  # a draw that does not fit is skipped
            q = rng.choice(pool)
            if (
                q.group != p.group
                and q.passage not in others
                and size + len(q.passage) < CONTEXT_CHARS
            ):
                others.append(q.passage)
                size += len(q.passage) + 1
        sentences = [*others]
        sentences.insert(rng.randint(0, len(others)), p.passage)
        text = " ".join(s if s.rstrip()[-1:] in _ENDS else s.rstrip() + "." for s in sentences)
        out.append(StancePair(f"{p.id}/ctx", p.claim, text, p.label,
                              f"{p.source}_ctx", p.lang, p.group))
    return out


def synthesize_unrelated(pairs: Sequence[StancePair], n: int, seed: int) -> list[StancePair]:
    """``n`` ``unrelated`` pairs: a claim with the premise of another group, same language."""
    rng = random.Random(seed)
    by_lang: dict[str, list[StancePair]] = defaultdict(list)
    for p in pairs:
        by_lang[p.lang].append(p)
    langs = sorted(by_lang)
    weights = [len(by_lang[lang]) for lang in langs]
    out: list[StancePair] = []
    tries = 0
    while len(out) < n and tries < 20 * n:
        tries += 1
        pool = by_lang[rng.choices(langs, weights)[0]]
        a, b = rng.choice(pool), rng.choice(pool)
        if a.group == b.group or norm_text(a.passage) == norm_text(b.passage):
            continue
        out.append(replace(a, id=f"{a.id}~{b.id}", passage=b.passage, label=UNRELATED,
                           source=f"{a.source}+unrelated"))
    return out


def negation_pairs(path: Path, n: int, seed: int) -> list[StancePair]:
    """Up to ``n`` pairs of the NLI file ``path`` (LingNLI) whose claim or passage denies
    something and whose other side does not, as many of each label (entailment,
    contradiction, neutral) for each side that denies; train groups only (by premise, as
    MNLI's, whose premises LingNLI shares)."""
    from corroborate.stance.denials import denial

    cells: dict[tuple[str, bool], list[StancePair]] = defaultdict(list)
    for p in read_jsonl_pairs(path, source="lingnli_negation", group_by="premise"):
        claim_denies = denial(p.claim) is not None
        if split_of(p.group, 0.1) == TRAIN and claim_denies != (denial(p.passage) is not None):
            cells[p.label, claim_denies].append(p)
    rng = random.Random(seed)
    each = min([n // max(1, len(cells))] + [len(v) for v in cells.values()])
    return [p for cell in sorted(cells) for p in _take(cells[cell], each, rng)]


def label_counts(pairs: Iterable[StancePair]) -> dict[str, int]:
    """Counts per label, sorted by label."""
    return dict(sorted(Counter(p.label for p in pairs).items()))


EvidenceChooser = Callable[[Sequence[str], Sequence[Sequence[str]], Sequence[str]], list[int]]
"""``(headlines, candidate passages of each, labels) -> the candidate each training pair uses``."""


def training_pairs(rows: Sequence[fnc.StanceDoc], passages: fnc.PassageRanking, split: str = TRAIN,
                   *, source: str = "fnc1", lang: str = "en", per_doc: int = 1,
                   chooser: EvidenceChooser | None = None) -> list[StancePair]:
    """(headline, passage) pairs carrying the document's label, for one split.

    By default each document gives its ``per_doc`` best passages (BM25). With ``chooser``, each
    *related* document gives one pair whose passage the chooser picks among the document's
    :data:`fnc.PASSAGES_PER_DOC` best (the passages its stance will be read from); unrelated
    documents keep their best passage. The pair id ends in the rank of the passage used.
    """
    kept = [row for row in rows if row.split == split]
    if chooser is None:
        return [StancePair(f"{row.id}#{j}", row.headline, passage, row.label, source, lang,
                           f"{source}:b:{row.body_id}")
                for row in kept
                for j, passage in enumerate(passages.top(row.headline, row.body_id, per_doc))]
    tops = [passages.top(row.headline, row.body_id,
                         1 if row.label == UNRELATED else fnc.PASSAGES_PER_DOC)
            for row in kept]
    related = [i for i, row in enumerate(kept) if row.label != UNRELATED and len(tops[i]) > 1]
    picks = dict.fromkeys(range(len(kept)), 0)
    if related:
        chosen = chooser([kept[i].headline for i in related], [tops[i] for i in related],
                         [kept[i].label for i in related])
        if len(chosen) != len(related) or any(not 0 <= j < len(tops[i])
                                              for i, j in zip(related, chosen, strict=True)):
            raise ValueError("the evidence chooser must pick one of each document's candidate "
                             "passages")
        picks.update(zip(related, chosen, strict=True))
    return [StancePair(f"{row.id}#{picks[i]}", row.headline, tops[i][picks[i]], row.label, source,
                       lang, f"{source}:b:{row.body_id}")
            for i, row in enumerate(kept) if tops[i]]


@dataclass
class Mixture:
    """Training pairs, pair-level dev sets per source, and the FNC-1/ARC dev documents."""

    train: list[StancePair] = field(default_factory=list)
    # pairs whose claims are the same sentence in two languages: one reading expected of both
    twins: list[tuple[StancePair, StancePair]] = field(default_factory=list)
    dev: dict[str, list[StancePair]] = field(default_factory=dict)
    dev_docs: dict[str, tuple[list[fnc.StanceDoc], fnc.BodyPassages]] = field(default_factory=dict)


def _take(pairs: Sequence[StancePair], cap: int, rng: random.Random) -> list[StancePair]:
    pool = list(pairs)
    rng.shuffle(pool)
    return pool[:cap]


def build_mixture(data_dir: Path, *, seed: int = 13, scale: float = 1.0, with_docs: bool = True,
                  cross_scale: float | None = None, context_scale: float = 0.0,
                  news_scale: float | None = None, behaviour_scale: float = 0.0,
                  behaviour_shares: Mapping[str, float] | None = None,
                  negation_scale: float = 0.0, chooser: EvidenceChooser | None = None) -> Mixture:
    """Read every source under ``data_dir`` (the shared ``data`` folder) into a mixture.

    Args:
        data_dir: the folder holding ``nli/`` and ``stance/``.
        seed: sampling seed (caps, synthetic unrelated pairs).
        scale: multiplies every cap (0.1 for a quick run).
        with_docs: also build FNC-1/ARC body passages (needed for their train pairs and dev).
        cross_scale: multiplies the cross-lingual caps (default: ``scale``).
        context_scale: multiplies :data:`CONTEXT_CAP`, the in-context cross-lingual pairs.
        news_scale: multiplies the news-stance caps (FNC-1, ARC, ANS; default: ``scale``).
        chooser: picks the passage of each related FNC-1/ARC training document among its best
            (:func:`training_pairs`; default: the BM25-best passage).
        behaviour_scale: multiplies :data:`BEHAVIOUR_CAP` and :data:`TWIN_CAP`, the behaviour
            pairs and twins of :mod:`research.behaviours` (0: none).
        behaviour_shares: some behaviour kinds' shares replaced (``{"number": 0.06}``; 0: none of
            that kind; :func:`research.behaviours.kind_shares`).
        negation_scale: multiplies :data:`NEGATION_CAP`, denials of every label
            (:func:`negation_pairs`; 0: none).
    """
    rng = random.Random(seed)
    data_dir = Path(data_dir)
    mix = Mixture()
    nli_train: list[StancePair] = []

    read: dict[str, list[StancePair]] = {}

    def add(name: str, pairs: Sequence[StancePair], cap: int, dev_fraction: float) -> None:
        read[name] = list(pairs)
        train = [p for p in pairs if split_of(p.group, dev_fraction) == TRAIN]
        mix.dev[name] = [p for p in pairs if split_of(p.group, dev_fraction) == DEV]
        nli_train.extend(_take(train * REPEAT.get(name, 1), max(1, int(cap * scale)), rng))

    for src in JSONL_SOURCES:
        pairs: list[StancePair] = []
        for stem in src.files:
            pairs.extend(read_jsonl_pairs(data_dir / "nli" / f"{stem}.jsonl", source=src.name,
                                          group_by=src.group_by, group_prefix=src.group_prefix))
        add(src.name, pairs, src.cap, src.dev_fraction)
    for lang in ("en", "fr", "ar"):
        add(f"xnli_{lang}", read_xnli_tsv(data_dir / "stance" / "xnli" / f"dev-{lang}.tsv", lang),
            CAPS["xnli"], XNLI_DEV_FRACTION)
    add("rte3_fr", read_rte3_fr(data_dir / "stance" / "rte3_fr" / "RTE3-FR-dev-set-3class.tsv"),
        CAPS["rte3_fr"], RTE3_FR_DEV_FRACTION)
    cross_scale = scale if cross_scale is None else cross_scale
    cross = {
        "xnli_cross": (
            cross_lingual({lang: read[f"xnli_{lang}"] for lang in ("en", "fr", "ar")}, "xnli"),
            XNLI_DEV_FRACTION,
        ),
        "sick_cross": (cross_lingual({"en": read["sick"], "fr": read["sick_fr"]}, "sick"), 0.1),
    }
    for key, (pairs, dev_fraction) in cross.items():
        train = [p for p in pairs if split_of(p.group, dev_fraction) == TRAIN]
        nli_train.extend(_take(train, int(CROSS_CAPS[key] * cross_scale), rng))
        if context_scale > 0:  # the context cap is shared out as the cross-lingual caps are
            share = CROSS_CAPS[key] / sum(CROSS_CAPS.values())
            nli_train.extend(in_context(train, int(CONTEXT_CAP * share * context_scale), rng))
    for claim_lang, passage_lang in CROSS_DEV:
        name = f"xnli_{claim_lang}_{passage_lang}"
        mix.dev[name] = [p for p in cross["xnli_cross"][0]
                         if p.source == name and split_of(p.group, XNLI_DEV_FRACTION) == DEV]
    mix.train.extend(nli_train)
    mix.train.extend(synthesize_unrelated(nli_train, int(len(nli_train) * UNRELATED_SHARE), seed))
    # ANS has its own dev file; its "other" rows are mostly unrelated titles (folded into neutral)
    ans_train = read_ans(data_dir / "stance" / "ans" / "train.csv", "train")
    news_scale = scale if news_scale is None else news_scale
    mix.train.extend(_take(ans_train * REPEAT["ans"], int(CAPS["ans"] * news_scale), rng))
    mix.dev["ans"] = read_ans(data_dir / "stance" / "ans" / "dev.csv", "dev")
    if with_docs:
        for name, stances, bodies in (("fnc1", "fnc1/train_stances.csv", "fnc1/train_bodies.csv"),
                                      ("arc", "arc/arc_stances_train.csv", "arc/arc_bodies.csv")):
            rows, body_texts = fnc.read_fnc(
                data_dir / "stance" / stances, data_dir / "stance" / bodies, source=name
            )
            passages = fnc.BodyPassages(body_texts)
            mix.dev_docs[name] = ([r for r in rows if r.split == DEV], passages)
            pairs = training_pairs(rows, passages, TRAIN, source=name, chooser=chooser)
            related = [p for p in pairs if p.label != UNRELATED]
            related += [p for p in related if p.label == CONTRADICTS] * (RARE_REPEAT - 1)
            unrelated = [p for p in pairs if p.label == UNRELATED]
            mix.train.extend(_take(related, int(CAPS[f"{name}_related"] * news_scale), rng))
            mix.train.extend(_take(unrelated, int(CAPS[f"{name}_unrelated"] * news_scale), rng))
    if behaviour_scale > 0:
        from .behaviours import behaviour_pairs, read_parallel

        pairs, twins = behaviour_pairs(read_parallel(data_dir / "parallel"),
                                       int(BEHAVIOUR_CAP * behaviour_scale), seed,
                                       twins=int(TWIN_CAP * behaviour_scale),
                                       shares=behaviour_shares)
        mix.train.extend(pairs)
        mix.twins.extend(twins)
    if negation_scale > 0:
        mix.train.extend(negation_pairs(data_dir / "nli" / "lingnli_en.jsonl",
                                        int(NEGATION_CAP * negation_scale), seed))
    rng.shuffle(mix.train)
    return mix
