"""The vector index with real FAISS on synthetic normalised vectors (no model needed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
import pytest

from corroborate.domain import Article, Passage, article_id_for, passage_id_for
from corroborate.errors import IndexError_
from corroborate.index.filters import SearchFilters, filter_passage_ids
from corroborate.index.lock import IndexBusyError, write_lock
from corroborate.index.manifest import MANIFEST_NAME, ModelInfo, read_manifest
from corroborate.index.vectors import VectorIndex
from corroborate.layout import index_file_name
from corroborate.settings import Settings
from corroborate.store.sqlite import Store

MODEL = ModelInfo("test-encoder", "fp-1", 32)


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def clustered(n: int, d: int, seed: int = 0, clusters: int = 50) -> np.ndarray:
    """Vectors like text embeddings: topics in a low-dimensional subspace plus a little noise.

    The subspace and the topics depend on ``d`` and ``clusters`` only, so corpora and queries
    drawn with different seeds live in the same space.
    """
    world = np.random.default_rng(d * 1_000 + clusters)
    latent = 16
    basis = unit(world.standard_normal((latent, d)))
    centres = world.standard_normal((clusters, latent))
    rng = np.random.default_rng(seed)
    z = centres[rng.integers(0, clusters, n)] + 0.6 * rng.standard_normal((n, latent))
    return unit(z @ basis + 0.1 * rng.standard_normal((n, d)))


def passage_ids(n: int, seed: int = 1) -> np.ndarray:
    """Ids spread over the int64 range like real passage ids."""
    rng = np.random.default_rng(seed)
    return np.unique(rng.integers(1, 2**63 - 1, n * 2, dtype=np.int64))[:n]


def brute(queries: np.ndarray, vectors: np.ndarray, ids: np.ndarray, k: int) -> np.ndarray:
    scores = queries @ vectors.T
    return ids[np.argsort(-scores, axis=1, kind="stable")[:, :k]]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.load(env={}, data_dir=tmp_path / "data", index_exact_threshold=1_000,
                         index_factory="HNSW16,Flat", hnsw_ef_search=64, hnsw_ef_construction=40)


def test_exact_below_threshold_approximate_from_it(settings: Settings) -> None:
    vectors, ids = clustered(1_500, MODEL.dimension), passage_ids(1_500)
    small = VectorIndex.build(MODEL, vectors[:999], ids[:999], settings)
    big = VectorIndex.build(MODEL, vectors, ids, settings)
    assert (small.kind, small.factory) == ("exact", "Flat")
    assert (big.kind, big.factory) == ("approximate", "HNSW16,Flat")
    assert big.count == 1_500 and sorted(big.ids()) == sorted(ids)


def test_incremental_adds_switch_to_approximate_and_keep_ids(settings: Settings) -> None:
    vectors, ids = clustered(1_200, MODEL.dimension), passage_ids(1_200)
    index = VectorIndex.create(MODEL, settings)
    for start in range(0, 1_200, 300):
        index.add(vectors[start:start + 300], ids[start:start + 300])
        index.upgrade_if_large(settings)
    assert index.kind == "approximate"
    _, found = index.search(vectors[:20], 1)
    assert (found[:, 0] == ids[:20]).mean() >= 0.95  # a passage finds itself, by its passage id


def test_hits_are_passage_ids_and_duplicates_are_skipped(settings: Settings) -> None:
    vectors, ids = clustered(200, MODEL.dimension), passage_ids(200)
    index = VectorIndex.create(MODEL, settings)
    assert index.add(vectors, ids) == 200
    assert index.add(vectors[:50], ids[:50]) == 0  # already there
    extra = clustered(2, MODEL.dimension, seed=99)
    assert index.add(np.vstack([extra[:1], extra[:1]]), np.array([7, 7])) == 1
    scores, found = index.search(vectors[:10], 3)
    assert list(found[:, 0]) == list(ids[:10])
    assert np.allclose(scores[:, 0], 1.0, atol=1e-5)
    assert index.count == 201


def test_wrong_dimension_is_refused(settings: Settings) -> None:
    index = VectorIndex.create(MODEL, settings)
    with pytest.raises(IndexError_, match="dimension 32"):
        index.add(np.ones((2, 16), dtype=np.float32), np.array([1, 2]))


def test_save_load_round_trip_and_generations(settings: Settings) -> None:
    data = Path(settings.data_dir)
    vectors, ids = clustered(1_300, MODEL.dimension), passage_ids(1_300)
    index = VectorIndex.build(MODEL, vectors, ids, settings)
    queries = unit(vectors[:25] + 0.05)
    with write_lock(data):
        first = index.save(data)
        second = index.save(data)
        third = index.save(data)
    assert (first.generation, second.generation, third.generation) == (1, 2, 3)
    on_disk = sorted(p.name for p in data.glob("passages.*.faiss"))
    assert on_disk == [index_file_name(2), index_file_name(3)]  # current + previous
    manifest = json.loads((data / MANIFEST_NAME).read_text())
    assert manifest["model"] == {"name": "test-encoder", "fingerprint": "fp-1", "dimension": 32}
    assert manifest["count"] == 1_300 and manifest["kind"] == "approximate"
    assert manifest["metric"] == "inner_product" and manifest["factory"] == "HNSW16,Flat"
    assert manifest["index_file"] == index_file_name(3)
    assert {"created", "updated", "corroborate_version", "index_sha256", "index_size"} <= set(
        manifest
    )

    loaded = VectorIndex.load(data, MODEL, settings, verify=True)
    assert loaded.kind == "approximate" and loaded.count == 1_300
    for a, b in zip(index.search(queries, 10), loaded.search(queries, 10), strict=True):
        assert np.array_equal(a, b)


def test_a_crash_between_index_and_manifest_keeps_the_previous_pair(settings: Settings) -> None:
    data = Path(settings.data_dir)
    vectors, ids = clustered(300, MODEL.dimension), passage_ids(300)
    index = VectorIndex.build(MODEL, vectors[:200], ids[:200], settings)
    with write_lock(data):
        index.save(data)
    # the next save got as far as writing its index file, then died before the manifest
    index.add(vectors[200:], ids[200:])
    import faiss

    faiss.write_index(index.index, str(data / index_file_name(2)))
    (data / ".passages.000003.faiss.999.tmp").write_bytes(b"half a file")
    loaded = VectorIndex.load(data, MODEL, settings)
    assert loaded.count == 200 and read_manifest(data).generation == 1  # type: ignore[union-attr]
    with write_lock(data):
        manifest = loaded.save(data)
    assert manifest.generation == 3  # never reuses the orphan's name
    assert sorted(p.name for p in data.iterdir() if "faiss" in p.name) == [
        index_file_name(1),
        index_file_name(3),
    ]


def test_a_damaged_index_file_is_reported(settings: Settings) -> None:
    data = Path(settings.data_dir)
    index = VectorIndex.build(MODEL, clustered(50, 32), passage_ids(50), settings)
    with write_lock(data):
        manifest = index.save(data)
    with (data / manifest.index_file).open("ab") as f:
        f.write(b"junk")
    with pytest.raises(IndexError_, match="rebuild"):
        VectorIndex.load(data, MODEL, settings)


@pytest.mark.parametrize("other", [
    ModelInfo("other-encoder", "fp-1", 32),
    ModelInfo("test-encoder", "fp-2", 32),
    ModelInfo("test-encoder", "fp-1", 64),
])
def test_an_index_of_another_model_is_refused(settings: Settings, other: ModelInfo) -> None:
    data = Path(settings.data_dir)
    with write_lock(data):
        VectorIndex.build(MODEL, clustered(50, 32), passage_ids(50), settings).save(data)
    with pytest.raises(IndexError_) as err:
        VectorIndex.load(data, other, settings)
    message = str(err.value)
    assert f"the index in {data} was built with test-encoder (fingerprint fp-1" in message
    assert f"the configured model is {other.name} (fingerprint {other.fingerprint}" in message
    assert "run `corroborate rebuild`" in message


def test_a_missing_index_says_what_to_run(settings: Settings) -> None:
    with pytest.raises(
        IndexError_, match=r"no vector index in .*corroborate ingest.*corroborate rebuild"
    ):
        VectorIndex.load(settings.data_dir, MODEL, settings)


def test_one_writer_at_a_time(settings: Settings) -> None:
    with (write_lock(settings.data_dir),
          pytest.raises(IndexBusyError, match="being written by pid"),
          write_lock(settings.data_dir)):
        pass
    with write_lock(settings.data_dir):  # released
        pass


def _filter_case(n: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    vectors, ids = clustered(n, MODEL.dimension, seed), passage_ids(n, seed)
    rng = np.random.default_rng(seed)
    allow = rng.choice(ids, n // 20, replace=False)  # a 5% slice, like one outlet
    queries = unit(clustered(8, MODEL.dimension, seed + 1))
    return vectors, ids, allow, queries


def test_flat_filters_inside_faiss_and_returns_k(settings: Settings) -> None:
    vectors, ids, allow, queries = _filter_case(900, 3)
    index = VectorIndex.build(MODEL, vectors, ids, settings)
    assert index.kind == "exact"
    _, found = index.search(queries, 10, allow=allow)
    keep = np.isin(ids, allow)
    assert np.array_equal(found, brute(queries, vectors[keep], ids[keep], 10))
    deny = brute(queries[:1], vectors, ids, 5)[0]
    _, found = index.search(queries[:1], 10, deny=deny)
    assert not np.isin(found, deny).any() and (found >= 0).all()
    _, found = index.search(queries[:1], 10, allow=allow[:3])
    assert sorted(found[0][:3]) == sorted(allow[:3]) and (found[0][3:] == -1).all()


@pytest.mark.parametrize("exact_max", [0, 50_000], ids=["over-fetch", "exact-subset"])
def test_approximate_filters_return_k(settings: Settings, exact_max: int) -> None:
    vectors, ids, allow, queries = _filter_case(4_000, 4)
    index = VectorIndex.build(
        MODEL, vectors, ids, settings.replace(index_filter_exact_max=exact_max)
    )
    assert index.kind == "approximate" and index.filter_exact_max == exact_max
    _, found = index.search(queries, 10, allow=allow)
    assert (found >= 0).all() and np.isin(found, allow).all()
    keep = np.isin(ids, allow)
    truth = brute(queries, vectors[keep], ids[keep], 10)
    recall = np.mean([len(set(f) & set(t)) / 10 for f, t in zip(found, truth, strict=True)])
    assert recall >= (1.0 if exact_max else 0.9)
    deny = truth[:, :3].ravel()
    _, found = index.search(queries, 10, deny=deny)
    assert (found >= 0).all() and not np.isin(found, deny).any()


def test_ivf_factory_trains_and_refuses_too_few_vectors(settings: Settings) -> None:
    ivf = settings.replace(index_factory="IVF16,Flat", ivf_nprobe=16)
    vectors, ids = clustered(1_200, MODEL.dimension), passage_ids(1_200)
    index = VectorIndex.build(MODEL, vectors, ids, ivf)
    assert index.kind == "approximate"
    _, found = index.search(vectors[:10], 1)
    assert list(found[:, 0]) == list(ids[:10])  # nprobe = nlist: exhaustive
    _, found = index.search(vectors[:3], 5, allow=ids[500:520])  # exact subset via the direct map
    assert np.isin(found, ids[500:520]).all()
    with pytest.raises(IndexError_, match="needs at least"):
        VectorIndex.build(MODEL, vectors, ids, ivf.replace(index_factory="IVF256,Flat"))


def test_hnsw_recall_at_10_against_exact(tmp_path: Path) -> None:
    d, n = 64, 20_000  # bench/query.py measures the real dimension at 10k..1M
    s = Settings.load(
        env={}, data_dir=tmp_path, index_exact_threshold=1, index_factory="HNSW32,Flat"
    )
    vectors, ids = clustered(n, d, 5, clusters=200), passage_ids(n, 5)
    model = ModelInfo("m", "f", d)
    approx = VectorIndex.build(model, vectors, ids, s)
    queries = unit(clustered(200, d, 6, clusters=200))
    _, found = approx.search(queries, 10)
    truth = brute(queries, vectors, ids, 10)
    recall = np.mean([len(set(f) & set(t)) / 10 for f, t in zip(found, truth, strict=True)])
    assert recall >= 0.95, recall


# --- filters over a real store -------------------------------------------------------------

def _article(
    url: str, outlet: str, lang: str, published: datetime | None
) -> tuple[Article, list[Passage]]:
    aid = article_id_for(url)
    text = f"First sentence of {url}. Second sentence of it."
    article = Article(id=aid, url=url, outlet=outlet, title=url, text=text, language=lang,
                      published=published, original_url=url + "?utm_source=x")
    half = len(text) // 2
    passages = [Passage(passage_id_for(aid, 0, half), aid, 0, 0, half, text[:half]),
                Passage(passage_id_for(aid, half, len(text)), aid, 1, half, len(text), text[half:])]
    return article, passages


def test_filters_become_allowed_or_denied_passage_ids(store_target: str | Path) -> None:
    """On SQLite, then on PostgreSQL (``store_target``)."""
    rows = [
        ("https://a.example/1", "Alpha", "en", datetime(2024, 5, 1, 9, tzinfo=UTC)),
        ("https://a.example/2", "Alpha", "fr", datetime(2024, 5, 3, 23, tzinfo=UTC)),
        ("https://b.example/1", "Beta", "en", datetime(2024, 5, 4, 0, tzinfo=UTC)),
        ("https://c.example/1", "Gamma", "ar", None),
    ]
    ids: dict[str, set[int]] = {}
    with Store(store_target) as store:
        for url, outlet, lang, published in rows:
            article, passages = _article(url, outlet, lang, published)
            store.add_article(article, passages)
            ids[url] = {p.id for p in passages}

        def allowed(**kw: object) -> set[int]:
            allow, deny = filter_passage_ids(store, SearchFilters(**kw))  # type: ignore[arg-type]
            assert deny is None and allow is not None
            return set(allow.tolist())

        def denied(**kw: object) -> set[int]:
            allow, deny = filter_passage_ids(store, SearchFilters(**kw))  # type: ignore[arg-type]
            assert allow is None and deny is not None
            return set(deny.tolist())

        a1, a2, b1, c1 = (ids[u] for u, *_ in rows)
        assert filter_passage_ids(store, None) == (None, None)
        assert filter_passage_ids(store, SearchFilters()) == (None, None)
        assert allowed(outlets=("alpha",)) == a1 | a2
        assert allowed(languages=("EN", "ar")) == a1 | b1 | c1
        assert allowed(date_from=date(2024, 5, 2)) == a2 | b1
        assert allowed(date_to=date(2024, 5, 3)) == a1 | a2  # the whole day, undated left out
        assert allowed(date_to=datetime(2024, 5, 3, 12, tzinfo=UTC)) == a1
        assert (
            allowed(outlets=("Alpha", "Beta"), exclude_urls=("https://a.example/2/#x",)) == a1 | b1
        )
        assert allowed(languages=("en",), exclude_outlets=("Beta",)) == a1
        assert denied(exclude_outlets=("gamma",)) == c1
        assert denied(exclude_urls=("https://b.example/1?utm_source=x",)) == b1  # the original URL
        article_b = article_id_for("https://b.example/1")
        assert denied(exclude_article_ids=(article_b,), exclude_outlets=("Gamma",)) == b1 | c1


def test_a_writer_in_another_process_blocks_until_it_is_done(settings: Settings) -> None:
    code = ("import sys, time\n"
            "from corroborate.index.lock import write_lock\n"
            "with write_lock(sys.argv[1]):\n"
            "    print('held', flush=True)\n"
            "    time.sleep(1.5)\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    holder = subprocess.Popen([sys.executable, "-c", code, str(settings.data_dir)],
                              stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(IndexBusyError) as busy, write_lock(settings.data_dir):
            pass
        assert str(settings.data_dir) in str(busy.value)
        assert f"pid {holder.pid}" in str(busy.value)
        started = time.monotonic()
        with write_lock(settings.data_dir, wait=True):
            assert holder.poll() is not None or time.monotonic() - started > 0.5
    finally:
        holder.wait(timeout=30)
    assert holder.returncode == 0
