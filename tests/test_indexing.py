"""Indexing as ingest goes: only new passages are embedded, leftovers are caught up, saves happen.

Real pieces throughout: pages on a local HTTP server, the real ingest, the real encoder, FAISS.
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta
from typing import Any

import numpy as np
import pytest

from corroborate.domain import Article, FeedSpec, article_id_for
from corroborate.index.build import IndexingSink, index_new_passages, ingest_and_index
from corroborate.index.filters import all_passage_ids
from corroborate.index.search import Searcher
from corroborate.index.vectors import VectorIndex, read_manifest, write_lock
from corroborate.ingest.passages import split_passages
from corroborate.settings import Settings
from corroborate.store.sqlite import Store

from .localserver import LocalServer, Response
from .test_ingest import BASE_DATE, rss, story_page

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def encoder() -> Any:
    from corroborate.encoder.embed import load_encoder

    return load_encoder(Settings.load(env={}))


def serve(server: LocalServer, pages: range) -> FeedSpec:
    """One feed listing story pages ``pages`` (the feed is replaced on each call)."""
    items = []
    for n in pages:
        server.route(
            f"/story/{n}",
            Response(200, story_page(n), {"Content-Type": "text/html; charset=utf-8"}),
        )
        items.append(
            (server.url(f"/story/{n}"), f"Story number {n}", BASE_DATE + timedelta(hours=n))
        )
    server.route("/feed.xml", Response(200, rss(items), {"Content-Type": "application/rss+xml"}))
    return FeedSpec(server.url("/feed.xml"), "Daily")


def index_ids(settings: Settings) -> set[int]:
    return set(VectorIndex.load(settings.data_dir, None).ids().tolist())


def stored_ids(settings: Settings) -> set[int]:
    with Store(settings.store_path) as store:
        return set(all_passage_ids(store).tolist())


def test_ingest_indexes_new_passages_only(local_server: LocalServer, settings: Settings,
                                          encoder: Any, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="corroborate.index.build")
    ingest_and_index(settings, [serve(local_server, range(3))])
    first = index_ids(settings)
    assert first and first == stored_ids(settings)
    assert read_manifest(settings.data_dir).generation == 1  # type: ignore[union-attr]

    caplog.clear()
    report = ingest_and_index(settings, [serve(local_server, range(5))])
    assert report.articles_new == 2
    both = index_ids(settings)
    assert both == stored_ids(settings) and first < both
    assert f"indexed {len(both) - len(first)} passages ({len(both)} in the index)" in caplog.text

    with Searcher(settings, encoder=encoder) as searcher:
        hit = searcher.search("plans for a second bridge over the river", 1)[0]
    assert "second bridge" in hit.passage.text


def test_stored_but_unindexed_passages_are_caught_up(settings: Settings, encoder: Any) -> None:
    with Store(settings.store_path) as store:
        for n in range(2):
            url = f"https://example.org/{n}"
            aid = article_id_for(url)
            text = (
                f"Story {n}. The harbour reopened after the storm. "
                "Ferries run again to the islands."
            )
            store.add_article(
                Article(id=aid, url=url, outlet="O", title="t", text=text, language="en"),
                split_passages(aid, text, "en"),
            )
        assert index_new_passages(settings, store, encoder) == store.passage_count()
        assert index_new_passages(settings, store, encoder) == 0  # nothing left to do
    assert index_ids(settings) == stored_ids(settings)


def test_periodic_saves_and_a_busy_index(local_server: LocalServer, settings: Settings,
                                         encoder: Any) -> None:
    frequent = settings.replace(index_save_every=4, embedding_batch_size=2)
    with Store(frequent.store_path) as store:
        sink = IndexingSink(frequent, store, encoder)
        for n in range(3):
            url = f"https://example.org/s{n}"
            aid = article_id_for(url)
            text = " ".join(f"Sentence {i} of story {n} about the harbour." for i in range(8))
            article = Article(id=aid, url=url, outlet="O", title="t", text=text, language="en")
            passages = split_passages(aid, text, "en", max_sentences=2)
            store.add_article(article, passages)
            sink.add(article, passages)
            # a slow network: the worker encodes what it has once nothing new comes
            deadline = time.monotonic() + 120
            while sink.indexed < store.passage_count() and time.monotonic() < deadline:
                time.sleep(0.05)
        sink.close()
        assert sink.saves == 3 and sink.indexed == store.passage_count() == 12
    assert read_manifest(frequent.data_dir).generation == sink.saves  # type: ignore[union-attr]

    # while another process writes the index, ingest stores without indexing...
    with write_lock(settings.data_dir):
        report = ingest_and_index(settings, [serve(local_server, range(2))])
    assert report.articles_new == 2
    missing = stored_ids(settings) - index_ids(settings)
    assert missing
    # ...and the next run picks those passages up
    ingest_and_index(settings, [serve(local_server, range(2))])
    assert index_ids(settings) == stored_ids(settings)
    vectors = VectorIndex.load(settings.data_dir, None).vectors(np.array(sorted(missing)))
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
