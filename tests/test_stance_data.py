"""Stance data: label mapping, leak-free splits, sampling, FNC-1 passages (fast; some read ../shared)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from corroborate.stance import fnc
from corroborate.stance.data import (
    DEV,
    TRAIN,
    StancePair,
    read_jsonl_pairs,
    read_xnli_tsv,
    split_of,
    stratified_sample,
    synthesize_unrelated,
)
from corroborate.stance.labels import fold_three, map_label

from .conftest import need_shared


@pytest.mark.parametrize(("raw", "label"), [
    ("agree", "supports"), ("entailment", "supports"), ("SUPPORTS", "supports"), ("FAVOR", "supports"),
    ("disagree", "contradicts"), ("contradiction", "contradicts"), ("REFUTES", "contradicts"),
    ("AGAINST", "contradicts"), ("discuss", "neutral"), ("neutral", "neutral"), ("other", "neutral"),
    ("NOT ENOUGH INFO", "neutral"), ("unrelated", "unrelated"), (" Entailment ", "supports"),
])
def test_map_label_covers_every_vocabulary(raw: str, label: str) -> None:
    assert map_label(raw) == label


def test_two_way_labels_never_teach_contradicts() -> None:
    assert map_label("not_entailment") is None
    assert map_label("non-entailment") is None


def test_numeric_labels_only_when_asked_and_unknown_labels_raise() -> None:
    assert map_label("2", numeric_nli=True) == "contradicts"
    assert map_label("0", numeric_nli=True) == "supports"
    with pytest.raises(ValueError, match="unknown stance label"):
        map_label("2")
    with pytest.raises(ValueError, match="known:"):
        map_label("maybe")


def test_fold_three() -> None:
    assert [fold_three(x) for x in ("supports", "contradicts", "neutral", "unrelated")] == \
        ["supports", "contradicts", "neutral", "neutral"]


def test_split_of_is_stable_and_near_the_fraction() -> None:
    keys = [f"group-{i}" for i in range(4000)]
    first = [split_of(k, 0.2) for k in keys]
    assert first == [split_of(k, 0.2) for k in keys]
    share = first.count(DEV) / len(first)
    assert 0.17 < share < 0.23
    assert {split_of(k, 0.0) for k in keys} == {TRAIN}


def _pair(i: int, label: str, lang: str = "en", group: str | None = None) -> StancePair:
    return StancePair(f"p{i}", f"claim {i}", f"passage {i}", label, "t", lang, group or f"g{i}")


def test_stratified_sample_keeps_shares_and_every_label() -> None:
    items = [_pair(i, "neutral") for i in range(700)] + [_pair(1000 + i, "supports") for i in range(290)] + \
        [_pair(2000 + i, "contradicts") for i in range(10)]
    chosen = stratified_sample(items, 100, seed=3)
    counts = Counter(p.label for p in chosen)
    assert len(chosen) == 100
    assert counts["neutral"] == 70 and counts["supports"] == 29 and counts["contradicts"] == 1
    assert chosen == stratified_sample(items, 100, seed=3)
    assert [p.id for p in chosen] != [p.id for p in stratified_sample(items, 100, seed=4)]
    assert stratified_sample(items[:5], 10, seed=1) == items[:5]


def test_synthesized_unrelated_pairs_cross_groups_within_a_language() -> None:
    items = [_pair(i, "supports", lang="fr" if i % 2 else "en") for i in range(40)]
    made = synthesize_unrelated(items, 30, seed=1)
    assert len(made) == 30
    by_passage = {p.passage: p for p in items}
    for p in made:
        assert p.label == "unrelated"
        donor = by_passage[p.passage]
        assert donor.group != p.group and donor.lang == p.lang


def test_in_context_pairs_keep_the_label_and_set_the_premise_among_unrelated_sentences() -> None:
    import random

    from research.mixture import CONTEXT_CHARS, in_context

    items = [StancePair(f"x/{i}", f"claim {i}", f"Premise number {i} says something", label,
                        "xnli_fr_en", "fr-en" if i % 2 else "fr-ar", f"g{i}")
             for i, label in zip(range(60), ["supports", "contradicts", "neutral"] * 20, strict=True)]
    by_id = {p.id: p for p in items}
    made = in_context(items, 40, random.Random(3))
    assert len(made) == 40
    with_context = 0
    for p in made:
        source = by_id[p.id.removesuffix("/ctx")]
        assert (p.claim, p.label, p.group, p.lang) == (source.claim, source.label, source.group, source.lang)
        assert source.passage in p.passage and len(p.passage) <= CONTEXT_CHARS
        others = [q for q in items if q.group != p.group and q.passage + "." in p.passage]
        # the context comes from other items whose passage is in the same language
        assert all(q.lang.split("-")[-1] == p.lang.split("-")[-1] for q in others)
        assert not any(q.group == p.group for q in others)
        with_context += bool(others)
    assert with_context >= 0.9 * len(made)  # a draw that would not fit is skipped


def test_jsonl_reader_groups_translations_by_pair_id_and_drops_two_way(tmp_path: Path) -> None:
    en, fr = tmp_path / "sick__dev.jsonl", tmp_path / "sick_fr__dev.jsonl"
    en.write_text("\n".join(json.dumps(r) for r in [
        {"id": "sick/dev/0", "premise": "A cat sleeps.", "hypothesis": "A cat is asleep.", "label": "entailment", "lang": "en"},
        {"id": "sick/dev/1", "premise": "A dog runs.", "hypothesis": "A dog sits.", "label": "not_entailment", "lang": "en"},
    ]) + "\n", encoding="utf-8")
    fr.write_text(json.dumps({"id": "sick_fr/dev/0", "premise": "Un chat dort.", "hypothesis": "Un chat est endormi.",
                              "label": "entailment", "lang": "fr"}) + "\n", encoding="utf-8")
    a = list(read_jsonl_pairs(en, source="sick", group_by="id", group_prefix="sick"))
    b = list(read_jsonl_pairs(fr, source="sick_fr", group_by="id", group_prefix="sick"))
    assert len(a) == 1 and a[0].group == b[0].group == "sick:dev/0"
    assert (a[0].claim, a[0].passage) == ("A cat is asleep.", "A cat sleeps.")  # hypothesis = claim


def test_xnli_rows_share_their_group_across_languages(tmp_path: Path) -> None:
    (tmp_path / "dev-en.tsv").write_text("It rains.\tThe ground is wet.\tneutral\nIt rains.\tIt is dry.\tcontradiction\n",
                                         encoding="utf-8")
    (tmp_path / "dev-fr.tsv").write_text("Il pleut.\tLe sol est mouillé.\tneutral\nIl pleut.\tIl fait sec.\tcontradiction\n",
                                         encoding="utf-8")
    en, fr = read_xnli_tsv(tmp_path / "dev-en.tsv"), read_xnli_tsv(tmp_path / "dev-fr.tsv")
    assert [p.group for p in en] == [p.group for p in fr] == ["xnli:0", "xnli:1"]
    assert fr[1].label == "contradicts" and fr[0].lang == "fr"


def test_fnc_split_keeps_headlines_and_bodies_apart(tmp_path: Path) -> None:
    bodies = tmp_path / "bodies.csv"
    stances = tmp_path / "stances.csv"
    bodies.write_text("Body ID,articleBody\n" + "".join(f'{i},"Body text number {i}. It says things."\n'
                                                        for i in range(60)), encoding="utf-8")
    rows = ["Headline,Body ID,Stance"]
    for story in range(20):  # each story: 1 headline, 3 bodies, related
        rows += [f"Story {story} headline,{3 * story + j},{('agree', 'disagree', 'discuss')[j]}" for j in range(3)]
        rows += [f"Story {story} headline,{(3 * story + 7) % 60},unrelated"]
    stances.write_text("\n".join(rows) + "\n", encoding="utf-8")
    docs, texts = fnc.read_fnc(stances, bodies, dev_fraction=0.3)
    assert len(texts) == 60
    for side_a, side_b in ((TRAIN, DEV), (DEV, TRAIN)):
        heads = {d.headline for d in docs if d.split == side_a}
        assert not heads & {d.headline for d in docs if d.split == side_b}
        assert not {d.body_id for d in docs if d.split == side_a} & {d.body_id for d in docs if d.split == side_b}
    related = [d for d in docs if d.label != "unrelated"]
    assert all(d.split in (TRAIN, DEV) for d in related)  # related rows are never dropped
    assert {d.split for d in docs if d.label == "unrelated"} <= {TRAIN, DEV, ""}


def test_sentence_grouping_and_bm25_ranking() -> None:
    text = " ".join(f"Sentence number {i} is here." for i in range(10)) + \
        " The volcano erupted near the village on Sunday. Ash covered the roads."
    parts = fnc._group_sentences(text, max_tokens=120, min_sentences=2, max_sentences=4)
    assert all(1 <= len([s for s in p.split(".") if s.strip()]) <= 4 for p in parts)
    assert " ".join(parts).split() == text.split()
    bp = fnc.BodyPassages({"b": text, "c": "Nothing to see. Really nothing."})
    assert "volcano" in bp.top("Volcano erupts near village", "b", 1)[0]
    assert len(bp.top("anything", "b", 99)) == len(parts)


def test_a_chooser_picks_each_related_documents_passage_among_those_its_stance_is_read_from() -> None:
    story = " ".join(f"Filler sentence {i} about nothing in particular." for i in range(12))
    body = ("The mayor resigned on Friday, the council said. " + story
            + " The mayor denied resigning and said he stays in office. " + story)
    bp = fnc.BodyPassages({"b1": body, "b2": body})
    rows = [fnc.StanceDoc("fnc1/0", "Mayor resigns", "b1", "contradicts", TRAIN),
            fnc.StanceDoc("fnc1/1", "Mayor resigns", "b2", "unrelated", TRAIN),
            fnc.StanceDoc("fnc1/2", "Mayor resigns", "b2", "neutral", TRAIN),
            fnc.StanceDoc("fnc1/3", "Mayor resigns", "b1", "supports", DEV)]
    top = bp.top("Mayor resigns", "b1", fnc.PASSAGES_PER_DOC)
    assert len(top) == fnc.PASSAGES_PER_DOC
    seen: list[tuple[str, int, str]] = []

    def last(claims, candidates, labels):  # type: ignore[no-untyped-def]
        seen.extend((c, len(cs), lab) for c, cs, lab in zip(claims, candidates, labels, strict=True))
        return [len(cs) - 1 for cs in candidates]

    pairs = {p.id: p for p in fnc.training_pairs(rows, bp, TRAIN, chooser=last)}
    # only the related training documents are asked about, with all their candidate passages
    assert seen == [("Mayor resigns", 3, "contradicts"), ("Mayor resigns", 3, "neutral")]
    assert set(pairs) == {"fnc1/0#2", "fnc1/1#0", "fnc1/2#2"}
    assert pairs["fnc1/0#2"].passage == top[-1] and pairs["fnc1/0#2"].label == "contradicts"
    assert pairs["fnc1/1#0"].passage == top[0]  # unrelated: the best passage, as without a chooser
    # without a chooser: the best passage of every document, as the shipped stages were trained
    assert [p.id for p in fnc.training_pairs(rows, bp, TRAIN)] == ["fnc1/0#0", "fnc1/1#0", "fnc1/2#0"]
    with pytest.raises(ValueError, match="candidate"):
        fnc.training_pairs(rows, bp, TRAIN, chooser=lambda c, cs, labs: [3 for _ in cs])


# --- the real data ----------------------------------------------------------------------------

def test_real_fnc1_split_has_no_headline_or_body_overlap() -> None:
    root = need_shared("data", "stance", "fnc1")
    docs, _ = fnc.read_fnc(root / "train_stances.csv", root / "train_bodies.csv")
    train = [d for d in docs if d.split == TRAIN]
    dev = [d for d in docs if d.split == DEV]
    assert len(dev) > 3000 and len(train) > 20000
    assert not {d.headline for d in train} & {d.headline for d in dev}
    assert not {d.body_id for d in train} & {d.body_id for d in dev}
    assert {d.label for d in dev} == {"supports", "contradicts", "neutral", "unrelated"}


def test_real_mixture_keeps_dev_groups_and_translations_out_of_training() -> None:
    data = need_shared("data")
    from research.mixture import build_mixture

    mix = build_mixture(data, seed=13, scale=0.05, with_docs=False, context_scale=0.05)
    assert any(p.source.endswith("_ctx") for p in mix.train)
    train_groups = {p.group for p in mix.train}
    for name, pairs in mix.dev.items():
        assert pairs, name
        assert not {p.group for p in pairs} & train_groups, name
    # parallel XNLI rows: a dev row index is dev in every language
    dev_rows = {lang: {p.group for p in mix.dev[f"xnli_{lang}"]} for lang in ("en", "fr", "ar")}
    assert dev_rows["en"] == dev_rows["fr"] == dev_rows["ar"]
    # SICK and SICK-FR are the same pairs: same dev ids
    assert {p.group for p in mix.dev["sick"]} == {p.group for p in mix.dev["sick_fr"]}
    assert "unrelated" in {p.label for p in mix.train}


def test_news_scale_changes_only_the_news_stance_share() -> None:
    data = need_shared("data")
    from collections import Counter

    from research.mixture import build_mixture

    def counts(**kw: float) -> Counter[str]:
        return Counter(p.source for p in build_mixture(data, seed=13, scale=0.05, with_docs=False, **kw).train)

    same, more = counts(), counts(news_scale=0.2)
    assert more["ans"] == 4 * same["ans"] > 0
    assert {k: v for k, v in more.items() if k != "ans"} == {k: v for k, v in same.items() if k != "ans"}
