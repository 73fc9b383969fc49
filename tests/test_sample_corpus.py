"""The bundled sample corpus keeps its contract: fictional, sizeable, multilingual, consistent."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from corroborate.demo.corpus import (
    CORPUS_DIR,
    SampleCorpus,
    load_corpus,
    load_demo_claims,
    origin_of,
)
from corroborate.errors import ParseError

TAGS = {"wire", "public-broadcaster", "national-paper", "regional", "state-affiliated",
        "factcheck"}


@pytest.fixture(scope="module")
def corpus() -> SampleCorpus:
    return load_corpus()


def test_corpus_is_labelled_fictional(corpus: SampleCorpus) -> None:
    raw = json.loads((CORPUS_DIR / "outlets.json").read_text(encoding="utf-8"))
    assert raw["sample"] is True and corpus.sample is True
    assert all(f["sample"] is True for o in raw["outlets"] for f in o["feeds"])
    assert "FICTIONAL" in corpus.note
    readme = " ".join((CORPUS_DIR / "README.md").read_text(encoding="utf-8").split())
    assert "FICTIONAL SAMPLE DATA" in readme and "not real reporting" in readme.lower()
    # Every homepage sits under the reserved .example TLD, so none can be a real outlet's site.
    assert all(re.match(r"^https://[a-z0-9.-]+\.example/$", o.homepage) for o in corpus.outlets)


def test_size_languages_and_word_counts(corpus: SampleCorpus) -> None:
    assert len(corpus.articles) >= 80
    langs = Counter(a.language for a in corpus.articles)
    assert {"en", "fr", "ar"} <= set(langs)
    assert langs["en"] >= 40 and langs["fr"] >= 20 and langs["ar"] >= 15, langs
    bad = [(a.id, a.word_count) for a in corpus.articles if not 150 <= a.word_count <= 400]
    assert bad == []
    assert all(len(a.paragraphs) >= 3 and a.title and a.author for a in corpus.articles)


def test_outlets_are_distinct_and_complete(corpus: SampleCorpus) -> None:
    assert len(corpus.outlets) >= 12
    names = [o.name for o in corpus.outlets]
    assert len(set(names)) == len(names)
    assert len({o.homepage for o in corpus.outlets}) == len(corpus.outlets)
    assert sum("wire" in o.tags for o in corpus.outlets) >= 2
    for o in corpus.outlets:
        assert o.feeds and o.language in {"en", "fr", "ar"} and re.fullmatch(r"[A-Z]{2}", o.country)
        assert set(o.tags) <= TAGS, o.tags
    # Every feed has items, and every outlet publishes.
    assert all(corpus.articles_of_feed(f.id) for f in corpus.feeds)


def test_references_resolve(corpus: SampleCorpus) -> None:
    feeds = {f.id: f for f in corpus.feeds}
    for a in corpus.articles:
        outlet = corpus.outlet(a.outlet)
        assert feeds[a.feed].outlet == outlet.id
        assert a.language == outlet.language, a.id
        assert a.published.tzinfo is not None


def test_dates_span_several_months(corpus: SampleCorpus) -> None:
    dates = [a.published for a in corpus.articles]
    assert min(dates) >= datetime(2023, 10, 1, tzinfo=UTC)
    assert max(dates) <= datetime(2024, 3, 31, 23, 59, tzinfo=UTC)
    assert (max(dates) - min(dates)).days >= 90
    assert len({(d.year, d.month) for d in dates}) >= 6


def test_wire_stories_and_their_copies(corpus: SampleCorpus) -> None:
    originals = [
        a for a in corpus.articles if a.wire_of is None and len(corpus.copies_of(a.id)) >= 2
    ]
    assert len(originals) >= 4
    relations = Counter(c.relation for o in originals for c in corpus.copies_of(o.id))
    assert relations["verbatim"] >= 4 and relations["edited"] >= 4 and relations["translation"] >= 2
    for original in originals:
        assert "wire" in corpus.outlet(original.outlet).tags
        for copy in corpus.copies_of(original.id):
            assert copy.outlet != original.outlet
            assert copy.published > original.published
            assert copy.credit == original.credit and copy.credit in copy.body
            if copy.relation == "verbatim":
                assert copy.body == original.body and copy.language == original.language
            elif copy.relation == "edited":
                same = set(copy.paragraphs) & set(original.paragraphs)
                assert copy.body != original.body or copy.title != original.title
                assert len(same) >= len(original.paragraphs) - 2, copy.id
            else:
                assert copy.language != original.language
    # Copies never chain: a copy points at an original, which is no copy itself.
    assert all(corpus.article(a.wire_of).wire_of is None for a in corpus.articles if a.wire_of)


# Keywords that show each demo theme is covered in each language (all must occur).
TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    "kerman-is-claim": {"en": ("Kerman", "Islamic State", "claim"),
                        "fr": ("Kerman", "État islamique", "revendiqu"),
                        "ar": ("كرمان", "تبن")},
    "homs-academy": {"en": ("Homs", "academy", "drone"), "fr": ("Homs", "académie", "drones"),
                     "ar": ("حمص", "الكلية الحربية", "مسيّر")},
    "isis-strength": {"en": ("5,000", "7,000"), "fr": ("5 000", "7 000"),
                      "ar": ("داعش", "ألف")},
    "us-forces": {"en": ("2,500", "900", "Syria"), "fr": ("2 500", "900", "Syrie"),
                  "ar": ("2500", "900", "سورية")},
}


@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_key_topics_in_every_language(corpus: SampleCorpus, topic: str) -> None:
    for lang, words in TOPICS[topic].items():
        hits = [a.id for a in corpus.articles
                if a.language == lang and all(w in a.title + " " + a.body for w in words)]
        assert hits, f"{topic}: no {lang} article has all of {words}"


def test_disagreements_are_present(corpus: SampleCorpus) -> None:
    def outlets_saying(*words: str) -> set[str]:
        return {a.outlet for a in corpus.articles if all(w in a.body for w in words)}

    # Kerman tolls: 103 first, lowered to 84, then 95.
    for toll in ("103", "84", "95"):
        assert len(outlets_saying("Kerman", toll) | outlets_saying("كرمان", toll)) >= 2, toll
    # Homs tolls: 89 (health ministry) against 123 (war monitor).
    assert len(outlets_saying("Homs", "89")) >= 2 and len(outlets_saying("Homs", "123")) >= 2
    # Off-topic distractors exist.
    distractors = [a for a in corpus.articles if "distractor" in a.notes]
    assert len(distractors) >= 5 and {a.language for a in distractors} == {"en", "fr", "ar"}


def test_demo_claims_ground_truth(corpus: SampleCorpus) -> None:
    claims = {c.id: c for c in load_demo_claims(corpus)}
    assert len(claims) >= 4 and all(c.language == "fr" for c in claims.values())

    def origins(ids: tuple[str, ...]) -> set[str]:
        return {origin_of(corpus, i) for i in ids}

    kerman = claims["kerman-is-claim"]
    assert len(origins(kerman.supports)) >= 5 and len(origins(kerman.contradicts)) >= 2
    assert {corpus.article(i).language for i in kerman.supports} == {"en", "fr", "ar"}
    homs = claims["homs-is-attack"]
    assert len(origins(homs.contradicts)) >= 2 and len(homs.supports) == 1
    lone = claims["isis-10000-disappeared"]
    assert len(lone.supports) == 1 and len(origins(lone.contradicts)) >= 2
    troops = claims["us-troops-2500-900"]
    # Many articles, fewer independent origins: the wire copies collapse.
    assert len(origins(troops.supports)) < len(troops.supports)


def test_loader_rejects_broken_references(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS_DIR, root, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    target = root / "articles" / "wire_copies.txt"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("wire_of: gws-kerman-is-claim", "wire_of: no-such-story", 1),
                      encoding="utf-8")
    with pytest.raises(ParseError, match="no-such-story"):
        load_corpus(root)
    target.write_text(text.replace("feed: meridian-world", "feed: npb-world", 1), encoding="utf-8")
    with pytest.raises(ParseError, match="is not a feed of"):
        load_corpus(root)
    target.write_text(text.replace("relation: verbatim", "relation: copied", 1), encoding="utf-8")
    with pytest.raises(ParseError, match="relation"):
        load_corpus(root)
