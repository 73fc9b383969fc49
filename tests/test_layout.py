"""The data-directory layout: every file the stages write is one DataDir names."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from corroborate.domain import StanceResult
from corroborate.index.vectors import ModelInfo, VectorIndex, write_lock
from corroborate.layout import INDEX_FILE_PATTERN, DataDir
from corroborate.settings import Settings
from corroborate.stance.cache import StanceCache
from corroborate.store.sqlite import Store


def named(layout: DataDir, path: Path) -> bool:
    fixed = {layout.store, layout.stance_cache, layout.feeds, layout.manifest, layout.lock,
             layout.demo_marker, layout.local_hosts, layout.factchecks}
    sqlite_sidecars = {Path(f"{p}{s}") for p in (layout.store, layout.stance_cache)
                       for s in ("-wal", "-shm", "-journal")}
    return path in fixed or path in sqlite_sidecars or bool(INDEX_FILE_PATTERN.match(path.name))


def test_every_file_written_to_a_data_dir_is_named_by_the_layout(tmp_path: Path) -> None:
    settings = Settings.load(env={}, data_dir=tmp_path / "data")
    layout = settings.layout
    layout.root.mkdir()
    assert settings.store_path == layout.store
    Store(settings.store_path).close()
    cache = StanceCache(layout.stance_cache)
    cache.put_many(
        "claim",
        ["passage"],
        "model-key",
        [StanceResult("supports", {"supports": 0.9, "contradicts": 0.1})],
    )
    cache.close()
    index = VectorIndex.create(ModelInfo("test-encoder", "fp-1", 8), settings)
    vectors = np.eye(8, dtype=np.float32)
    index.add(vectors, np.arange(1, 9, dtype=np.int64))
    with write_lock(layout.root):
        manifest = index.save(layout.root)
    assert layout.root / manifest.index_file == layout.index_file(manifest.generation)
    assert layout.manifest.is_file() and layout.store.is_file() and layout.stance_cache.is_file()
    from corroborate.domain import ClaimReview
    from corroborate.factcheck.vectors import update_factcheck_vectors
    from corroborate.store.reviews import add_claim_reviews

    class Encoder:
        fingerprint, dimension = "fp-1", 8

        def encode_passages(self, texts: list[str], batch_size: int | None = None) -> np.ndarray:
            return np.eye(8, dtype=np.float32)[: len(texts)]

    with Store(settings.store_path) as store:
        add_claim_reviews(store, [ClaimReview(1, "https://c.example/1", "A claim", "False",
                                              "false")])
        assert update_factcheck_vectors(settings, store, Encoder()) == 1
    assert layout.factchecks.is_file()
    strays = [p.name for p in layout.root.iterdir() if not named(layout, p)]
    assert strays == []


def test_a_data_dir_brings_its_own_feed_list(tmp_path: Path) -> None:
    layout = DataDir(tmp_path / "d")
    layout.root.mkdir()
    layout.feeds.write_text("url,outlet,language,country,tags\n", encoding="utf-8")
    settings = Settings.load(env={}).replace(data_dir=layout.root)
    assert Path(settings.feeds_file) == layout.feeds


def test_a_data_dir_brings_its_own_local_hosts(tmp_path: Path) -> None:
    layout = DataDir(tmp_path / "d")
    layout.root.mkdir()
    layout.local_hosts.write_text("127.0.0.1:8765\n", encoding="utf-8")
    assert Settings.load(env={}, data_dir=layout.root).local_hosts == ("127.0.0.1:8765",)
    moved = Settings.load(env={}).replace(data_dir=layout.root)
    assert moved.local_hosts == ("127.0.0.1:8765",)
    assert moved.replace(data_dir=tmp_path / "other").local_hosts == ()  # they stay with it
    chosen = Settings.load(env={}, local_hosts="10.0.0.2:80").replace(data_dir=layout.root)
    assert chosen.local_hosts == ("10.0.0.2:80",)  # one set on purpose is kept


def test_a_data_directory_open_in_this_process_is_copied_without_breaking_it(
        tmp_path: Path) -> None:
    """The tests copy the session's demo directory while its engine holds the stance cache
    open. A plain file copy drops this process's SQLite locks (POSIX locks are per process),
    so another process closing its connection deletes the -wal under ours ("database disk
    image is malformed" / "file is not a database"); the copy through SQLite keeps them."""
    import subprocess
    import sys

    from tests.demo_fixtures import copy_data_dir

    data = tmp_path / "data"
    cache = StanceCache(DataDir(data).stance_cache)
    reading = [StanceResult("supports", {"supports": 1.0})]
    cache.put_many("first", ["p"], "m", reading)
    copy = copy_data_dir(data, tmp_path / "copy")
    assert not (copy / "stance_cache.sqlite3-wal").exists()
    assert StanceCache(DataDir(copy).stance_cache).get_many("first", ["p"], "m") == reading
    other = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
             "c.execute('PRAGMA journal_mode=WAL'); c.execute('SELECT 1 FROM stance_cache'); "
             "c.close()")
    subprocess.run([sys.executable, "-c", other, str(DataDir(data).stance_cache)], check=True)
    StanceCache(DataDir(data).stance_cache).put_many("second", ["p"], "m", reading)
    assert cache.get_many("second", ["p"], "m") == reading
