"""Stance data: label mapping, leak-free splits, sampling, FNC-1 passages (fast; some read
../shared)."""

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
)
from corroborate.stance.labels import fold_three, map_label

from .conftest import need_shared


@pytest.mark.parametrize(
    ("raw", "label"),
    [
        ("agree", "supports"),
        ("entailment", "supports"),
        ("SUPPORTS", "supports"),
        ("FAVOR", "supports"),
        ("disagree", "contradicts"),
        ("contradiction", "contradicts"),
        ("REFUTES", "contradicts"),
        ("AGAINST", "contradicts"),
        ("discuss", "neutral"),
        ("neutral", "neutral"),
        ("other", "neutral"),
        ("NOT ENOUGH INFO", "neutral"),
        ("unrelated", "unrelated"),
        (" Entailment ", "supports"),
        # the spellings of FEVER / Climate-FEVER dumps and others: case, _ - and spaces do not
        # matter
        ("NOT_ENOUGH_INFO", "neutral"),
        ("not-enough-info", "neutral"),
        ("Not  Enough Info", "neutral"),
        ("NEI", "neutral"),
        ("SUPPORTED", "supports"),
        ("REFUTED", "contradicts"),
        ("CONTRADICTION", "contradicts"),
        ("Neutral", "neutral"),
        ("AGREE", "supports"),
        ("Disagree", "contradicts"),
        ("DISCUSS", "neutral"),
        ("Unrelated", "unrelated"),
    ],
)
def test_map_label_covers_every_vocabulary(raw: str, label: str) -> None:
    assert map_label(raw) == label


def test_two_way_labels_never_teach_contradicts() -> None:
    assert map_label("not_entailment") is None
    assert map_label("non-entailment") is None
    assert map_label("NOT ENTAILMENT") is None


def test_a_bad_row_of_a_jsonl_file_is_named_with_its_line_and_label(tmp_path: Path) -> None:
    from corroborate.errors import CorroborateError
    from corroborate.stance.data import DataFileError

    path = tmp_path / "climate.jsonl"
    rows = [{"premise": "Ice sheets are melting.", "hypothesis": "Ice is melting.",
             "label": "SUPPORTS"},
            {"id": "c7", "premise": "Sea level rose.", "hypothesis": "Seas fell.",
             "label": "NOT_ENOUGH_INFO", "category": "numbers"},
            {"id": "c8", "premise": "It rained.", "hypothesis": "It was wet.", "label": "DISPUTED"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        list(read_jsonl_pairs(path))
    assert isinstance(info.value, CorroborateError)
    message = str(info.value)
    assert str(path) in message and "line 3" in message and "c8" in message
    assert "'DISPUTED'" in message
    assert "\n" not in message
    path.write_text("\n".join(json.dumps(r) for r in rows[:2]) + "\n", encoding="utf-8")
    pairs = list(read_jsonl_pairs(path))
    assert [(p.label, p.category) for p in pairs] == [("supports", ""), ("neutral", "numbers")]
    for line, why in (("{not json", "not a JSON object"), ('["a list"]', "not a JSON object"),
                      ('{"premise": "p", "label": "SUPPORTS"}', "no hypothesis")):
        path.write_text(json.dumps(rows[0]) + "\n\n" + line + "\n", encoding="utf-8")
        with pytest.raises(DataFileError, match=f"line 3: {why}"):
            list(read_jsonl_pairs(path))


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
    items = (
        [_pair(i, "neutral") for i in range(700)]
        + [_pair(1000 + i, "supports") for i in range(290)]
        + [_pair(2000 + i, "contradicts") for i in range(10)]
    )
    chosen = stratified_sample(items, 100, seed=3)
    counts = Counter(p.label for p in chosen)
    assert len(chosen) == 100
    assert counts["neutral"] == 70 and counts["supports"] == 29 and counts["contradicts"] == 1
    assert chosen == stratified_sample(items, 100, seed=3)
    assert [p.id for p in chosen] != [p.id for p in stratified_sample(items, 100, seed=4)]
    assert stratified_sample(items[:5], 10, seed=1) == items[:5]


def test_jsonl_reader_groups_translations_by_pair_id_and_drops_two_way(tmp_path: Path) -> None:
    en, fr = tmp_path / "sick__dev.jsonl", tmp_path / "sick_fr__dev.jsonl"
    en.write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {
                    "id": "sick/dev/0",
                    "premise": "A cat sleeps.",
                    "hypothesis": "A cat is asleep.",
                    "label": "entailment",
                    "lang": "en",
                },
                {
                    "id": "sick/dev/1",
                    "premise": "A dog runs.",
                    "hypothesis": "A dog sits.",
                    "label": "not_entailment",
                    "lang": "en",
                },
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    fr.write_text(
        json.dumps(
            {
                "id": "sick_fr/dev/0",
                "premise": "Un chat dort.",
                "hypothesis": "Un chat est endormi.",
                "label": "entailment",
                "lang": "fr",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    a = list(read_jsonl_pairs(en, source="sick", group_by="id", group_prefix="sick"))
    b = list(read_jsonl_pairs(fr, source="sick_fr", group_by="id", group_prefix="sick"))
    assert len(a) == 1 and a[0].group == b[0].group == "sick:dev/0"
    assert (a[0].claim, a[0].passage) == ("A cat is asleep.", "A cat sleeps.")  # hypothesis = claim


def test_xnli_rows_share_their_group_across_languages(tmp_path: Path) -> None:
    (tmp_path / "dev-en.tsv").write_text(
        "It rains.\tThe ground is wet.\tneutral\nIt rains.\tIt is dry.\tcontradiction\n",
        encoding="utf-8",
    )
    (tmp_path / "dev-fr.tsv").write_text(
        "Il pleut.\tLe sol est mouillé.\tneutral\nIl pleut.\tIl fait sec.\tcontradiction\n",
        encoding="utf-8",
    )
    en, fr = read_xnli_tsv(tmp_path / "dev-en.tsv"), read_xnli_tsv(tmp_path / "dev-fr.tsv")
    assert [p.group for p in en] == [p.group for p in fr] == ["xnli:0", "xnli:1"]
    assert fr[1].label == "contradicts" and fr[0].lang == "fr"


def test_fnc_split_keeps_headlines_and_bodies_apart(tmp_path: Path) -> None:
    bodies = tmp_path / "bodies.csv"
    stances = tmp_path / "stances.csv"
    bodies.write_text(
        "Body ID,articleBody\n"
        + "".join(f'{i},"Body text number {i}. It says things."\n' for i in range(60)),
        encoding="utf-8",
    )
    rows = ["Headline,Body ID,Stance"]
    for story in range(20):  # each story: 1 headline, 3 bodies, related
        rows += [
            f"Story {story} headline,{3 * story + j},{('agree', 'disagree', 'discuss')[j]}"
            for j in range(3)
        ]
        rows += [f"Story {story} headline,{(3 * story + 7) % 60},unrelated"]
    stances.write_text("\n".join(rows) + "\n", encoding="utf-8")
    docs, texts = fnc.read_fnc(stances, bodies, dev_fraction=0.3)
    assert len(texts) == 60
    for side_a, side_b in ((TRAIN, DEV), (DEV, TRAIN)):
        heads = {d.headline for d in docs if d.split == side_a}
        assert not heads & {d.headline for d in docs if d.split == side_b}
        assert not {d.body_id for d in docs if d.split == side_a} & {
            d.body_id for d in docs if d.split == side_b
        }
    related = [d for d in docs if d.label != "unrelated"]
    assert all(d.split in (TRAIN, DEV) for d in related)  # related rows are never dropped
    assert {d.split for d in docs if d.label == "unrelated"} <= {TRAIN, DEV, ""}


def test_components_join_stories_that_share_a_headline_or_a_body() -> None:
    edges = [("h2", "b1"), ("h1", "b1"), ("h1", "b2"), ("h3", "b3"), ("h4", "b4"), ("h4", "b3")]
    assert fnc.components(edges) == {
        "h:h1": "b:b1", "h:h2": "b:b1", "b:b1": "b:b1", "b:b2": "b:b1",
        "h:h3": "b:b3", "h:h4": "b:b3", "b:b3": "b:b3", "b:b4": "b:b3"}
    assert fnc.components([]) == {}


def test_bm25_scores_as_okapi_with_lucenes_idf() -> None:
    import math

    passages = ["the volcano erupted", "the volcano slept and the village slept", "bake the cake"]
    bm25 = fnc.BM25(passages)
    lengths = [3, 7, 3]  # terms of more than one letter
    avg = sum(lengths) / 3

    def expected(index: int, term_counts: dict[str, int], df: dict[str, int]) -> float:
        total = 0.0
        for term, tf in term_counts.items():
            idf = math.log(1 + (3 - df[term] + 0.5) / (df[term] + 0.5))
            total += idf * tf / (tf + 1.2 * (0.25 + 0.75 * lengths[index] / avg))
        return total

    df = {"volcano": 2, "village": 1}
    assert bm25.score("Volcano village volcano", 0) == pytest.approx(
        expected(0, {"volcano": 1}, df))
    assert bm25.score("Volcano village volcano", 1) == pytest.approx(
        expected(1, {"volcano": 1, "village": 1}, df))
    assert bm25.score("Volcano village", 2) == 0.0
    assert bm25.score("words found nowhere", 1) == 0.0
    assert fnc.BM25([]).scores("anything").shape == (0,)


def test_real_fnc1_and_arc_splits_are_those_the_shipped_model_was_trained_and_gated_on() -> None:
    """The split (which component of the headline–body graph is dev) must never move: the
    shipped weights were trained on the train side and the floors measured on the dev side."""
    import hashlib

    root = need_shared("data", "stance")
    expected = {
        "fnc1": (49972, 4793, "4689f88aaf7562958bbeb2624486f39f26661d3a5da2f5a18ade77b08e9cf003"),
        "arc": (14233, 1159, "d4220e028f338e634f8b6fe75960f06db95ab96728cbfa1c71496cc8103c56ad")}
    for name, stances, bodies in (("fnc1", "fnc1/train_stances.csv", "fnc1/train_bodies.csv"),
                                  ("arc", "arc/arc_stances_train.csv", "arc/arc_bodies.csv")):
        docs, _ = fnc.read_fnc(root / stances, root / bodies, source=name)
        digest = hashlib.sha256("\n".join(f"{d.id}\t{d.split}" for d in docs).encode()).hexdigest()
        assert (len(docs), sum(d.split == DEV for d in docs), digest) == expected[name], name


def test_sentence_grouping_and_bm25_ranking() -> None:
    text = " ".join(f"Sentence number {i} is here." for i in range(10)) + \
        " The volcano erupted near the village on Sunday. Ash covered the roads."
    parts = fnc._group_sentences(text, max_tokens=120, min_sentences=2, max_sentences=4)
    assert all(1 <= len([s for s in p.split(".") if s.strip()]) <= 4 for p in parts)
    assert " ".join(parts).split() == text.split()
    bp = fnc.BodyPassages({"b": text, "c": "Nothing to see. Really nothing."})
    assert "volcano" in bp.top("Volcano erupts near village", "b", 1)[0]
    assert len(bp.top("anything", "b", 99)) == len(parts)


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
