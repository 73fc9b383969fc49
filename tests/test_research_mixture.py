"""The training mixture (research/mixture.py): synthetic unrelated pairs, in-context pairs, the
news documents' training passages, and leak-free dev splits of the real data."""

from __future__ import annotations

from collections import Counter

import pytest

from corroborate.stance import fnc
from corroborate.stance.data import DEV, TRAIN, StancePair
from research.mixture import synthesize_unrelated, training_pairs

from .conftest import need_shared


def _pair(i: int, label: str, lang: str = "en", group: str | None = None) -> StancePair:
    return StancePair(f"p{i}", f"claim {i}", f"passage {i}", label, "t", lang, group or f"g{i}")


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

    items = [
        StancePair(
            f"x/{i}",
            f"claim {i}",
            f"Premise number {i} says something",
            label,
            "xnli_fr_en",
            "fr-en" if i % 2 else "fr-ar",
            f"g{i}",
        )
        for i, label in zip(range(60), ["supports", "contradicts", "neutral"] * 20, strict=True)
    ]
    by_id = {p.id: p for p in items}
    made = in_context(items, 40, random.Random(3))
    assert len(made) == 40
    with_context = 0
    for p in made:
        source = by_id[p.id.removesuffix("/ctx")]
        assert (p.claim, p.label, p.group, p.lang) == (
            source.claim,
            source.label,
            source.group,
            source.lang,
        )
        assert source.passage in p.passage and len(p.passage) <= CONTEXT_CHARS
        others = [q for q in items if q.group != p.group and q.passage + "." in p.passage]
        # the context comes from other items whose passage is in the same language
        assert all(q.lang.split("-")[-1] == p.lang.split("-")[-1] for q in others)
        assert not any(q.group == p.group for q in others)
        with_context += bool(others)
    assert with_context >= 0.9 * len(made)  # a draw that would not fit is skipped


def test_a_chooser_picks_each_related_documents_passage_among_those_its_stance_is_read_from() -> (
    None
):
    story = " ".join(f"Filler sentence {i} about nothing in particular." for i in range(12))
    body = (
        "The mayor resigned on Friday, the council said. "
        + story
        + " The mayor denied resigning and said he stays in office. "
        + story
    )
    bp = fnc.BodyPassages({"b1": body, "b2": body})
    rows = [
        fnc.StanceDoc("fnc1/0", "Mayor resigns", "b1", "contradicts", TRAIN),
        fnc.StanceDoc("fnc1/1", "Mayor resigns", "b2", "unrelated", TRAIN),
        fnc.StanceDoc("fnc1/2", "Mayor resigns", "b2", "neutral", TRAIN),
        fnc.StanceDoc("fnc1/3", "Mayor resigns", "b1", "supports", DEV),
    ]
    top = bp.top("Mayor resigns", "b1", fnc.PASSAGES_PER_DOC)
    assert len(top) == fnc.PASSAGES_PER_DOC
    seen: list[tuple[str, int, str]] = []

    def last(claims, candidates, labels):  # type: ignore[no-untyped-def]
        seen.extend(
            (c, len(cs), lab) for c, cs, lab in zip(claims, candidates, labels, strict=True)
        )
        return [len(cs) - 1 for cs in candidates]

    pairs = {p.id: p for p in training_pairs(rows, bp, TRAIN, chooser=last)}
    # only the related training documents are asked about, with all their candidate passages
    assert seen == [("Mayor resigns", 3, "contradicts"), ("Mayor resigns", 3, "neutral")]
    assert set(pairs) == {"fnc1/0#2", "fnc1/1#0", "fnc1/2#2"}
    assert pairs["fnc1/0#2"].passage == top[-1] and pairs["fnc1/0#2"].label == "contradicts"
    assert pairs["fnc1/1#0"].passage == top[0]  # unrelated: the best passage, as without a chooser
    # without a chooser: the best passage of every document, as the shipped stages were trained
    assert [p.id for p in training_pairs(rows, bp, TRAIN)] == ["fnc1/0#0", "fnc1/1#0", "fnc1/2#0"]
    with pytest.raises(ValueError, match="candidate"):
        training_pairs(rows, bp, TRAIN, chooser=lambda c, cs, labs: [3 for _ in cs])


# --- the real data ----------------------------------------------------------------------------


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
        return Counter(
            p.source for p in build_mixture(data, seed=13, scale=0.05, with_docs=False, **kw).train
        )

    same, more = counts(), counts(news_scale=0.2)
    assert more["ans"] == 4 * same["ans"] > 0
    assert {k: v for k, v in more.items() if k != "ans"} == {
        k: v for k, v in same.items() if k != "ans"
    }


def test_negation_pairs_take_as_many_of_each_label_for_each_side_that_denies() -> None:
    """LingNLI's denials, balanced so that "one side denies" tells nothing of the label (in
    MNLI, SNLI and SICK it means a contradiction 60-98 % of the time); train groups only, and
    the other sources' draws do not move when they are added."""
    data = need_shared("data")
    from corroborate.stance.denials import denial
    from research.mixture import build_mixture, negation_pairs

    pairs = negation_pairs(data / "nli" / "lingnli_en.jsonl", 600, 13)
    cells = Counter((p.label, denial(p.claim) is not None) for p in pairs)
    assert set(cells.values()) == {100} and len(cells) == 6  # 3 labels × which side denies
    for p in pairs:
        assert (denial(p.claim) is None) != (denial(p.passage) is None)
    mix = build_mixture(data, seed=13, scale=0.05, with_docs=False)
    more = build_mixture(data, seed=13, scale=0.05, with_docs=False, negation_scale=0.1)
    added = [p for p in more.train if p.source == "lingnli_negation"]
    assert len(added) == 300 and Counter(p.label for p in added) == {
        "supports": 100, "contradicts": 100, "neutral": 100}
    assert Counter(p.id for p in more.train if p.source != "lingnli_negation") == Counter(
        p.id for p in mix.train)
    dev_groups = {p.group for p in more.dev["mnli"]}  # LingNLI is written on MNLI's premises
    assert not {p.group for p in added} & dev_groups
