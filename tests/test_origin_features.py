"""Origin features are computed once, stored with the article, and only read by a search.

Clustering from the stored features gives exactly what clustering from the text gives (on the
whole sample corpus: copies, wire rewrites, credited translations), and with stored features
a search computes no wire credit, no names and numbers and no MinHash. The store keeps them
(migration 4), fills the rows an older store lacks, and ``rebuild`` recomputes every row.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from corroborate.domain import Article, article_id_for
from corroborate.origins import cluster_origins
from corroborate.origins import features as features_module
from corroborate.origins.features import FEATURES_VERSION, origin_features
from corroborate.store import schema as store_schema
from corroborate.store.origins import fill_origin_features, missing_origin_features
from corroborate.store.sqlite import Store


def sample_articles() -> list[Article]:
    """The bundled (fictional) sample corpus as articles, as ingest would store them."""
    from corroborate.dates import parse_date
    from corroborate.demo.corpus import load_corpus

    out = []
    for a in load_corpus().articles:
        url = f"https://{a.outlet}.example/{a.id}"
        out.append(Article(id=article_id_for(url), url=url, outlet=a.outlet, title=a.title,
                           text=a.body.strip(), language=a.language,
                           published=parse_date(str(a.published)), author=a.author))
    return out


def _shape(clustering: Any) -> tuple[Any, ...]:
    return (clustering.origin_of, clustering.origins, clustering.outlet_of)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    features_module._prep_cache.clear()


def _no_text_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every per-article computation a search should no longer do fail loudly."""
    def boom(*_: Any, **__: Any) -> Any:
        raise AssertionError("computed at search time")

    monkeypatch.setattr(features_module, "detect_wire_credits", boom)
    monkeypatch.setattr(features_module, "story_anchors", boom)
    monkeypatch.setattr(features_module, "_minhash_of", boom)


def test_stored_features_cluster_exactly_as_the_text_does(
        monkeypatch: pytest.MonkeyPatch) -> None:
    articles = sample_articles()
    rng = np.random.default_rng(3)
    vectors = {a.id: rng.normal(size=8) for a in articles}
    from_text = cluster_origins(articles, vectors=vectors)
    assert len(from_text.origins) < len(articles)  # the corpus has copies to fold
    stored = [replace(a, origin=origin_features(a)) for a in articles]
    features_module._prep_cache.clear()
    _no_text_work(monkeypatch)
    from_store = cluster_origins(stored, vectors=vectors)
    assert _shape(from_store) == _shape(from_text)
    assert any(o.wire for o in from_store.origins)  # wire credits read back
    assert any(f.reason.startswith("near-duplicate") or f.reason == "verbatim copy"
               for o in from_store.origins for f in o.folded)


def test_features_of_another_recipe_or_other_parameters_are_recomputed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    articles = sample_articles()[:30]
    stale = [replace(a, origin=replace(origin_features(a), version="old", credits=("Bogus",)))
             for a in articles]
    assert all(o.wire != "Bogus" for o in cluster_origins(stale).origins)
    features_module._prep_cache.clear()
    fresh = [replace(a, origin=origin_features(a)) for a in articles]
    _no_text_work(monkeypatch)
    with pytest.raises(AssertionError, match="computed at search time"):
        cluster_origins(fresh, shingle_size=4)  # another shingle size: not what was stored


def test_an_article_without_words_stores_an_empty_signature() -> None:
    art = Article(id="x", url="https://a.example/x", outlet="a", title="", text="  ",
                  language="en")
    feats = origin_features(art)
    assert feats.minhash == b"" and feats.hash == "" and feats.version == FEATURES_VERSION
    sig = origin_features(replace(art, text="One two three four five."))
    assert len(sig.minhash) == 128 * 4


def test_the_store_keeps_the_features_and_fills_old_rows(
    store_target: str | Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On SQLite, then on PostgreSQL (``store_target``)."""
    articles = sample_articles()[:12]
    # a store written before migration 4: its rows have no features
    monkeypatch.setattr(store_schema, "MIGRATIONS", store_schema.MIGRATIONS[:3])
    with Store(store_target) as old, old.transaction() as conn:
        for a in articles[:8]:
            conn.execute("INSERT INTO articles (id, url, outlet, title, author, language, "
                         "published, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (a.id, a.url, a.outlet, a.title, a.author, a.language,
                          a.published.isoformat() if a.published else None, a.text))
    monkeypatch.undo()
    with Store(store_target) as store:
        assert store.version == store_schema.latest_version()
        assert all(a.origin is None for a in store.get_articles(a.id for a in articles).values())
        for a in articles[8:]:  # written by this version: features stored with the article
            assert store.add_article(replace(a, origin=origin_features(a)), [])
        got = store.get_articles(a.id for a in articles)
        for a in articles[8:]:
            assert got[a.id].origin == origin_features(a)
        assert missing_origin_features(store, FEATURES_VERSION) == 8
        assert fill_origin_features(store, origin_features, FEATURES_VERSION,
                                    batch_size=3) == 8
        assert missing_origin_features(store, FEATURES_VERSION) == 0
        got = store.get_articles(a.id for a in articles)
        assert all(got[a.id].origin == origin_features(got[a.id]) for a in articles)
        # a new recipe: every row is recomputed
        assert fill_origin_features(store, origin_features, "o-next") == 12


@pytest.mark.slow
def test_demo_search_reads_the_stored_features_and_gives_identical_results(
        demo_engine: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from corroborate.demo.corpus import load_demo_claims
    from corroborate.store.sqlite import Store as StoreClass

    with StoreClass(demo_engine.settings.store_path) as store:
        assert missing_origin_features(store, FEATURES_VERSION) == 0  # computed at ingest
    claims = [c.claim for c in load_demo_claims()]

    def answers() -> list[dict[str, Any]]:
        out = []
        for claim in claims:
            d = demo_engine.search(claim).to_dict()
            d.pop("timings", None)
            out.append(d)
        return out

    features_module._prep_cache.clear()
    monkeypatch.setattr(features_module, "_stored", lambda *_: None)  # from the text
    from_text = answers()
    monkeypatch.undo()
    features_module._prep_cache.clear()
    _no_text_work(monkeypatch)
    assert answers() == from_text


@pytest.mark.slow
def test_rebuild_recomputes_every_article_s_features(tmp_path: Path) -> None:
    from corroborate.index.build import rebuild
    from corroborate.ingest.passages import split_passages
    from corroborate.settings import Settings

    settings = Settings.load(env={}, data_dir=tmp_path / "data")
    articles = sample_articles()[:5]
    with Store(settings.store_path) as store:
        for a in articles:  # features of an older recipe, and none at all
            old = replace(origin_features(a), version="old") if a is articles[0] else None
            store.add_article(replace(a, origin=old), split_passages(a.id, a.text, a.language))
    report = rebuild(settings)
    assert report.origin_features == 5 and report.to_dict()["origin_features"] == 5
    with Store(settings.store_path) as store:
        got = store.get_articles(a.id for a in articles)
        assert all(got[a.id].origin == origin_features(a) for a in articles)
        assert missing_origin_features(store, FEATURES_VERSION) == 0
