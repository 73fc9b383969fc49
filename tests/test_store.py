"""The store on SQLite and on PostgreSQL: schema and migrations, feeds, articles with passages,
stats, threads (each test that takes ``store_target`` runs once per backend)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from corroborate.domain import (
    Article,
    ClaimReview,
    FeedEntry,
    FeedSpec,
    Passage,
    article_id_for,
    content_hash,
    passage_id_for,
)
from corroborate.errors import StoreError
from corroborate.settings import Settings
from corroborate.store import schema as store_schema
from corroborate.store.deferred import (
    DeferredEntry,
    deferred_count,
    deferred_entries,
    replace_deferred,
)
from corroborate.store.reviews import add_claim_reviews, claim_review_count, claim_reviews
from corroborate.store.schema import MIGRATIONS, Migration, latest_version, set_schema_version
from corroborate.store.sqlite import Store

TEXT = "First sentence here. Second one follows. A third closes the first passage. Last words."


def make_article(
    url: str, text: str = TEXT, outlet: str = "Example", **kw: object
) -> tuple[Article, list[Passage]]:
    """An article and passages cut at sentence ends (offsets into the text)."""
    aid = article_id_for(url)
    cut = text.index("Last")
    spans = [(0, cut - 1), (cut, len(text))]
    passages = [Passage(passage_id_for(aid, s, e), aid, i, s, e, text[s:e], ((s, e),))
                for i, (s, e) in enumerate(spans)]
    fields: dict = dict(
        id=aid,
        url=url,
        outlet=outlet,
        title="T",
        text=text,
        language="en",
        published=datetime(2024, 5, 1, 12, tzinfo=UTC),
        content_hash=content_hash(text),
    )
    fields.update(kw)
    return Article(**fields), passages


def test_fresh_store_is_created_in_wal_mode_at_the_latest_version(settings: Settings) -> None:
    assert not settings.store_path.parent.exists()
    with Store(settings.store_path) as store:
        assert store.version == latest_version()
        assert store.query("PRAGMA journal_mode")[0][0] == "wal"
        assert store.stats()["articles"] == 0
    assert settings.store_path.is_file()


def test_migrations_are_numbered_one_to_n_without_gaps() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert all(m.sql or m.apply for m in MIGRATIONS)


def test_every_migration_applies_on_top_of_the_previous_ones(
    new_store_target: Callable[[], str | Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # stop at each version in turn, then let the full list finish the job
    for stop in range(len(MIGRATIONS) + 1):
        target = new_store_target()
        monkeypatch.setattr(store_schema, "MIGRATIONS", MIGRATIONS[:stop])
        with Store(target) as store:
            assert store.version == stop
        monkeypatch.setattr(store_schema, "MIGRATIONS", MIGRATIONS)
        with Store(target) as store:
            assert store.version == latest_version()
            assert store.stats().articles == 0


def test_a_newer_store_is_refused_with_upgrade_advice(store_target: str | Path) -> None:
    with Store(store_target) as store, store.transaction() as conn:
        set_schema_version(conn, latest_version() + 1)
    with pytest.raises(StoreError, match="upgrade corroborate"):
        Store(store_target)


def test_a_failing_migration_rolls_back_and_names_itself(
    store_target: str | Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(store_target).close()
    bad = Migration(
        latest_version() + 1,
        "broken step",
        "CREATE TABLE extra (x INTEGER);\nSELECT * FROM nowhere;",
    )
    monkeypatch.setattr(store_schema, "MIGRATIONS", (*MIGRATIONS, bad))
    with pytest.raises(StoreError, match="broken step"):
        Store(store_target)
    monkeypatch.setattr(store_schema, "MIGRATIONS", MIGRATIONS)
    with Store(store_target) as store:  # nothing of the failed step was kept
        assert store.version == latest_version()
        with store.transaction() as conn:
            assert not conn.table_exists("extra")
            assert conn.table_exists("passages")


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable"):
        Store(path)


def test_missing_store_without_create_says_what_to_run(store_target: str | Path) -> None:
    with pytest.raises(StoreError, match="corroborate ingest"):
        Store(store_target, create=False)


def test_feed_upsert_keeps_fetch_state(store_target: str | Path) -> None:
    with Store(store_target) as store:
        store.upsert_feed(
            FeedSpec("https://a.example/rss", "A", language="en", tags=("world", "eu"))
        )
        store.record_feed_fetch("https://a.example/rss", status=200, ok=True, etag='"v1"',
                                content_hash="h1", new_articles=3)
        store.upsert_feed(FeedSpec("https://a.example/rss", "A renamed", language="fr"))
        state = store.feed_state("https://a.example/rss")
        assert state is not None
        assert state.spec.outlet == "A renamed" and state.spec.language == "fr"
        assert (state.etag, state.content_hash, state.articles_seen) == ('"v1"', "h1", 3)
        assert state.last_ok_at is not None and state.last_ok_at.tzinfo is not None
        # a failure keeps the validators and records the reason
        store.record_feed_fetch("https://a.example/rss", status=503, ok=False, error="HTTP 503")
        state = store.feed_state("https://a.example/rss")
        assert state is not None
        assert (state.etag, state.last_status, state.last_error) == ('"v1"', 503, "HTTP 503")
        assert store.feed_state("https://unknown.example/") is None


def test_article_with_passages_round_trips(store_target: str | Path) -> None:
    art, passages = make_article(
        "https://a.example/1",
        author="Jo",
        published=datetime(2024, 5, 1, 14, tzinfo=timezone(timedelta(hours=2))),
    )
    with Store(store_target) as store:
        assert store.add_article(art, passages)
        assert store.has_article("https://a.example/1")
        assert not store.has_article("https://a.example/2")
        back = store.get_article(art.id)
        assert back is not None
        assert back.published == datetime(2024, 5, 1, 12, tzinfo=UTC)  # stored as UTC
        assert back.published.utcoffset() == timedelta(0)
        assert back.fetched_at is not None and back.fetched_at.tzinfo is not None
        assert (back.text, back.author, back.content_hash) == (art.text, "Jo", art.content_hash)
        assert store.passages_of(art.id) == passages
        assert store.passage_count() == 2
        raw = store.query('SELECT published FROM articles')[0][0]
        assert raw == "2024-05-01T12:00:00+00:00"


def test_adding_the_same_url_twice_changes_nothing(store_target: str | Path) -> None:
    art, passages = make_article("https://a.example/1")
    with Store(store_target) as store:
        assert store.add_article(art, passages)
        assert not store.add_article(art, passages)
        assert store.article_count() == 1 and store.passage_count() == 2


def test_an_article_is_all_or_nothing(store_target: str | Path) -> None:
    art, passages = make_article("https://a.example/1")
    other, _ = make_article("https://a.example/2")
    # a passage id that is already taken makes the whole article fail, article row included
    clash = [Passage(passages[1].id, other.id, 0, 0, 5, TEXT[:5])]
    with Store(store_target) as store:
        store.add_article(art, passages)
        with pytest.raises(StoreError, match="could not store"):
            store.add_article(other, clash)
        assert not store.has_article("https://a.example/2")
        assert store.article_count() == 1 and store.passage_count() == 2


def test_passages_outside_the_text_or_of_another_article_are_rejected(
    store_target: str | Path,
) -> None:
    art, _ = make_article("https://a.example/1")
    with Store(store_target) as store:
        with pytest.raises(ValueError, match="outside"):
            store.add_article(art, [Passage(1, art.id, 0, 0, len(TEXT) + 5, "x")])
        with pytest.raises(ValueError, match="belongs to"):
            store.add_article(art, [Passage(1, "someone-else", 0, 0, 5, "x")])
        assert store.article_count() == 0


def test_article_by_hash_finds_the_original(store_target: str | Path) -> None:
    first, p1 = make_article("https://a.example/1", outlet="A")
    second, p2 = make_article("https://b.example/1", outlet="B", duplicate_of=first.id)
    with Store(store_target) as store:
        store.add_article(second, p2)  # the duplicate happens to be inserted first
        store.add_article(first, p1)
        found = store.article_by_hash(content_hash(TEXT))
        assert found is not None and found.id == first.id
        assert store.article_by_hash("nope") is None
        assert store.stats()["duplicates"] == 1


def test_get_passages_keeps_order_skips_unknown_and_batches(store_target: str | Path) -> None:
    with Store(store_target) as store:
        all_passages: list[Passage] = []
        for i in range(400):  # 800 passages: more than one IN (...) batch
            art, passages = make_article(f"https://a.example/{i}", text=f"Article {i}. " + TEXT,
                                         outlet=f"O{i % 3}")
            store.add_article(art, passages)
            all_passages += passages
        wanted = [p.id for p in reversed(all_passages)] + [12345]
        got = store.get_passages(wanted)
        assert [p.id for p, _ in got] == wanted[:-1]
        assert all(a.id == p.article_id for p, a in got)
        seen = [p.id for batch in store.iter_passages(batch_size=64) for p in batch]
        assert sorted(seen) == seen and set(seen) == {p.id for p in all_passages}
        assert store.passage_count() == 800


def test_articles_filters_and_orders_newest_first(store_target: str | Path) -> None:
    base = datetime(2024, 1, 1, tzinfo=UTC)
    with Store(store_target) as store:
        for i in range(6):
            art, ps = make_article(f"https://a.example/{i}", text=f"Text {i}. " + TEXT,
                                   outlet="A" if i % 2 else "B", language="fr" if i < 2 else "en",
                                   published=None if i == 5 else base + timedelta(days=i))
            store.add_article(art, ps)
        urls = [a.url[-1] for a in store.articles()]
        assert urls == ["4", "3", "2", "1", "0", "5"]
        assert [a.url[-1] for a in store.articles(outlet="A")] == ["3", "1", "5"]
        assert [a.url[-1] for a in store.articles(language="fr")] == ["1", "0"]
        assert [a.url[-1] for a in store.articles(since=base + timedelta(days=3))] == ["4", "3"]
        assert [a.url[-1] for a in store.articles(limit=2, offset=1)] == ["3", "2"]


def test_stats_counts_and_recent_errors(store_target: str | Path) -> None:
    with Store(store_target) as store:
        store.upsert_feed(FeedSpec("https://a.example/rss", "A"))
        for i, outlet in enumerate(["A", "A", "B"]):
            art, ps = make_article(f"https://x.example/{i}", text=f"{i}. " + TEXT, outlet=outlet,
                                   language="en" if i else "fr")
            store.add_article(art, ps)
        store.log_fetch("https://x.example/dead", "page", 404, False, "HTTP 404")
        store.log_fetch("https://x.example/ok", "page", 200, True, "")
        store.record_feed_fetch("https://a.example/rss", status=500, ok=False, error="HTTP 500")
        stats = store.stats()
        assert (stats["feeds"], stats["articles"], stats["passages"]) == (1, 3, 6)
        assert stats["per_outlet"] == {"A": 2, "B": 1}
        assert stats["per_language"] == {"en": 2, "fr": 1}
        assert stats["recent_errors"][0]["reason"] == "HTTP 404"
        assert len(stats["recent_errors"]) == 1
        assert stats["feeds_detail"][0]["last_error"] == "HTTP 500"
        assert stats["newest_published"] == "2024-05-01T12:00:00+00:00"


def test_store_is_usable_from_many_threads(store_target: str | Path) -> None:
    errors: list[BaseException] = []
    with Store(store_target) as store:
        def work(n: int) -> None:
            try:
                for i in range(20):
                    art, ps = make_article(f"https://t{n}.example/{i}", text=f"{n} {i}. " + TEXT)
                    store.add_article(art, ps)
                    store.get_passages([p.id for p in ps])
                    store.stats()
            except BaseException as exc:  # collected and re-raised below
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        assert store.article_count() == 80 and store.passage_count() == 160
        if store.backend == "sqlite":
            assert store.query("PRAGMA integrity_check")[0][0] == "ok"


def test_a_second_connection_reads_while_the_store_is_open(store_target: str | Path) -> None:
    with Store(store_target) as writer, Store(store_target) as reader:
        art, ps = make_article("https://a.example/1")
        writer.add_article(art, ps)
        assert reader.has_article("https://a.example/1")


def test_deferred_entries_round_trip_and_are_replaced_per_feed(store_target: str | Path) -> None:
    when = datetime(2024, 5, 1, 12, 30, 15, 250_000, tzinfo=UTC)
    a = DeferredEntry("https://a.org/1", FeedEntry("https://a.org/1?utm_source=x", "One", when,
                                                   "summary", "Ann", "g1"), "fr")
    b = DeferredEntry("https://a.org/2", FeedEntry("https://a.org/2", "Two"), "")
    with Store(store_target) as store:
        replace_deferred(store, "https://a.org/feed", [a, b, a])  # a repeat is kept once
        replace_deferred(store, "https://b.org/feed", [b])
        assert deferred_entries(store, "https://a.org/feed") == [a, b]
        assert (deferred_count(store), deferred_count(store, "https://b.org/feed")) == (3, 1)
        replace_deferred(store, "https://a.org/feed", [b])  # a was taken
        assert deferred_entries(store, "https://a.org/feed") == [b]
        replace_deferred(store, "https://a.org/feed", [])
        assert deferred_entries(store, "https://a.org/feed") == []
        assert deferred_entries(store, "https://b.org/feed") == [b]  # other feeds untouched


def test_stats_are_typed_and_keep_their_json(store_target: str | Path) -> None:
    from corroborate.store.queries import FeedHealth, StoreStats

    with Store(store_target) as store:
        store.upsert_feed(FeedSpec(url="https://a.example/rss", outlet="A"))
        art, ps = make_article("https://x.example/1", text=TEXT, outlet="A")
        store.add_article(art, ps)
        store.record_feed_fetch("https://a.example/rss", status=500, ok=False, error="HTTP 500")
        store.log_fetch("https://x.example/dead", "page", 404, False, "HTTP 404")
        stats = store.stats()
    assert isinstance(stats, StoreStats)
    assert (stats.feeds, stats.articles, stats.passages) == (1, 1, len(ps))
    assert stats.per_outlet == {"A": 1} and stats.recent_errors[0].reason == "HTTP 404"
    assert stats.failing_feeds == (FeedHealth("https://a.example/rss", "A", stats.feeds_detail[0]
                                              .last_fetch_at, 500, None, "HTTP 500", 0),)
    d = stats.to_dict()
    assert list(d) == ["path", "schema_version", "feeds", "articles", "duplicates", "passages",
                       "per_outlet", "per_language", "oldest_published", "newest_published",
                       "last_fetched_at", "feeds_detail", "recent_errors", "fact_checks"]
    assert set(d["feeds_detail"][0]) == {"url", "outlet", "last_fetch_at", "last_status",
                                         "last_ok_at", "last_error", "articles_seen"}
    assert set(d["recent_errors"][0]) == {"url", "kind", "status", "reason", "at"}
    assert stats["articles"] == d["articles"] == 1  # the older dict spelling still reads


def test_passage_queries_of_the_index(store_target: str | Path) -> None:
    with Store(store_target) as store:
        art, ps = make_article("https://x.example/1", text=TEXT, outlet="A")
        store.add_article(art, ps)
        assert sorted(store.all_passage_ids().tolist()) == sorted(p.id for p in ps)
        wanted = [ps[-1].id, 10**9, ps[0].id]  # an unknown id is left out, the rest by id
        assert store.passage_texts(wanted) == sorted((p.id, p.text) for p in (ps[0], ps[-1]))


def test_claim_reviews_round_trip_and_a_repeat_replaces(store_target: str | Path) -> None:
    first = ClaimReview(id=2**62 + 7, url="https://fc.example/1", claim="A dam burst",
                        rating="Faux", verdict="false", publisher="AFP", language="fr",
                        published=datetime(2024, 1, 5, tzinfo=UTC), rating_value=1.25,
                        best_rating=5.0, worst_rating=None)
    other = ClaimReview(id=3, url="https://fc.example/2", claim="Rates rose", rating="True",
                        verdict="true")
    with Store(store_target) as store:
        assert add_claim_reviews(store, [first, other]) == 2
        again = ClaimReview(**{**first.__dict__, "rating": "Trompeur", "verdict": "mixed"})
        add_claim_reviews(store, [again])
        assert claim_review_count(store) == 2
        assert claim_reviews(store) == [other, again]  # by id; the int64 id and floats exact
        assert claim_reviews(store, [again.id]) == [again]
        assert store.stats().fact_checks == 2


def test_text_is_ordered_by_code_point_and_ties_by_insertion(store_target: str | Path) -> None:
    # the same order on both backends: byte order (SQLite's BINARY; PostgreSQL's "C"), and
    # among equal dates the later insertion first
    with Store(store_target) as store:
        for i, outlet in enumerate(["b", "B", "é", "a", "Z"]):
            art, ps = make_article(f"https://o.example/{i}", text=f"{i}. " + TEXT, outlet=outlet)
            store.add_article(art, ps)
            store.upsert_feed(FeedSpec(f"https://o.example/{i}/rss", outlet))
        assert [f.spec.outlet for f in store.feeds()] == ["B", "Z", "a", "b", "é"]
        assert [a.outlet for a in store.articles()] == ["Z", "a", "é", "B", "b"]
        assert list(store.stats().per_outlet) == ["B", "Z", "a", "b", "é"]
