"""Rebuild is safe: SIGKILL at any moment leaves the previous index serving, readers keep theirs.

A small real store (part of the bundled fictional sample corpus) indexed with the real
encoder; ``python -m corroborate rebuild`` runs in a subprocess and is killed early, while
encoding, and on either side of each rename of the save. For the save moments the subprocess
runs the same command through a wrapper that pauses around ``os.replace`` and says so on
stderr, so the kill lands exactly there.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

from corroborate.domain import Article, article_id_for
from corroborate.errors import IndexError_
from corroborate.index.build import rebuild
from corroborate.index.search import Searcher
from corroborate.index.vectors import MANIFEST_NAME, VectorIndex, read_manifest
from corroborate.ingest.passages import split_passages
from corroborate.settings import Settings
from corroborate.store.sqlite import Store

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
QUERIES = (
    "No group has claimed the drone attack on the Homs military academy",
    "Le bilan de l'attaque contre l'académie militaire de Homs",
    "Islamic State still has thousands of fighters in Iraq and Syria",
)
# Runs the CLI with a pause before and after every os.replace, announced on stderr.
WRAPPER = """
import os, sys, time
_replace = os.replace
def _paused_replace(src, dst):
    name = os.path.basename(str(dst))
    print("BEFORE-REPLACE " + name, file=sys.stderr, flush=True)
    time.sleep(2.0)
    _replace(src, dst)
    print("AFTER-REPLACE " + name, file=sys.stderr, flush=True)
    time.sleep(2.0)
os.replace = _paused_replace
from corroborate.cli import main
main(prog_name="corroborate")
"""


@pytest.fixture(scope="module")
def encoder() -> Any:
    from corroborate.encoder.embed import load_encoder

    return load_encoder(Settings.load(env={}))


def store_articles(store: Store, articles: list[Any], outlets: dict[str, str]) -> None:
    """Store sample-corpus articles with their passages, as ingest would."""
    for a in articles:
        text = a.body.strip()
        url = f"https://{a.outlet}.example/{a.id}"
        aid = article_id_for(url)
        article = Article(id=aid, url=url, outlet=outlets[a.outlet], title=a.title, text=text,
                          language=a.language, published=a.published)
        store.add_article(article, split_passages(aid, text, a.language))


@pytest.fixture(scope="module")
def base_dir(tmp_path_factory: pytest.TempPathFactory, encoder: Any) -> Path:
    """A data directory with 20 stored articles and their index (generation 1)."""
    from corroborate.demo.corpus import load_corpus

    corpus = load_corpus()
    outlets = {o.id: o.name for o in corpus.outlets}
    data = tmp_path_factory.mktemp("rebuild") / "data"
    settings = Settings.load(env={}, data_dir=data)
    with Store(settings.store_path) as store:
        store_articles(store, list(corpus.articles[:20]), outlets)
        assert store.passage_count() > 64  # two batches or more at batch size 2
    rebuild(settings, encoder=encoder)
    return data


@pytest.fixture
def data_dir(base_dir: Path, tmp_path: Path) -> Iterator[Path]:
    """A private copy of the indexed data directory; no rebuild outlives the test."""
    target = tmp_path / "data"
    shutil.copytree(base_dir, target)
    yield target
    for run in Run.started:
        if run.proc.poll() is None:
            run.proc.kill()
            run.proc.wait()
    Run.started.clear()


def answers(searcher: Searcher) -> list[list[tuple[int, float]]]:
    return [[(h.passage.id, h.score) for h in searcher.search(q, 8)] for q in QUERIES]


class Run:
    """``corroborate rebuild`` in a subprocess, its stderr read line by line.

    ``verbose`` adds ``-vv`` (a line per batch): only when the test reads stderr as it goes;
    a small ``batch_size`` makes several batches of the small store.
    """

    started: ClassVar[list[Run]] = []

    def __init__(self, data_dir: Path, *, paused_saves: bool = False, verbose: bool = True,
                 batch_size: int = 32) -> None:
        env = {**os.environ, "CORROBORATE_DATA_DIR": str(data_dir),
               "CORROBORATE_EMBEDDING_BATCH_SIZE": str(batch_size), "PYTHONUNBUFFERED": "1"}
        head = (
            [sys.executable, "-c", WRAPPER]
            if paused_saves
            else [sys.executable, "-m", "corroborate"]
        )
        args = [*head, *(["-vv"] if verbose else []), "rebuild"]
        self.proc = subprocess.Popen(args, cwd=REPO, env=env, stderr=subprocess.PIPE,
                                     stdout=subprocess.DEVNULL, text=True)
        self.seen: list[str] = []
        Run.started.append(self)

    def wait_for(self, needle: str, timeout: float = 300) -> None:
        assert self.proc.stderr is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.proc.stderr.readline()
            if not line:
                raise AssertionError(f"rebuild ended before {needle!r}: {''.join(self.seen[-20:])}")
            self.seen.append(line)
            if needle in line:
                return
        raise AssertionError(f"no {needle!r} within {timeout}s")

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        assert self.proc.returncode == -signal.SIGKILL

    def finish(self) -> None:
        assert self.proc.stderr is not None
        self.seen += self.proc.stderr.readlines()
        assert self.proc.wait(timeout=600) == 0, "".join(self.seen[-20:])


def settings_for(data_dir: Path) -> Settings:
    return Settings.load(env={}, data_dir=data_dir)


def assert_previous_index_intact(data_dir: Path, encoder: Any,
                                 before: list[list[tuple[int, float]]], generation: int) -> None:
    manifest = read_manifest(data_dir)
    assert manifest is not None and manifest.generation == generation
    VectorIndex.load(data_dir, None, verify=True)  # file and manifest agree, byte for byte
    with Searcher(settings_for(data_dir), encoder=encoder) as searcher:
        assert answers(searcher) == before


@pytest.mark.parametrize("moment", [
    "early",
    "mid-encoding",
    "before-index-rename",
    "after-index-rename",
    "before-manifest-rename",
])
def test_sigkill_leaves_the_previous_index_serving(
    data_dir: Path, encoder: Any, moment: str
) -> None:
    with Searcher(settings_for(data_dir), encoder=encoder) as searcher:
        before = answers(searcher)
    assert all(before)
    run = Run(data_dir, paused_saves=moment not in ("early", "mid-encoding"),
              batch_size=2 if moment == "mid-encoding" else 32)
    if moment == "early":
        time.sleep(0.3)
    elif moment == "mid-encoding":
        run.wait_for("passages embedded")
    elif moment == "before-index-rename":
        run.wait_for("BEFORE-REPLACE passages.000002.faiss")
    elif moment == "after-index-rename":
        run.wait_for("AFTER-REPLACE passages.000002.faiss")
        assert (data_dir / "passages.000002.faiss").exists()  # the new file is there, unused
    else:
        run.wait_for("BEFORE-REPLACE manifest.json")
    run.kill()
    assert_previous_index_intact(data_dir, encoder, before, generation=1)


def test_a_reader_keeps_serving_during_a_rebuild_then_reloads(data_dir: Path, encoder: Any) -> None:
    settings = settings_for(data_dir)
    searcher = Searcher(settings, encoder=encoder)
    before = answers(searcher)
    # a new article, stored but not indexed: only the rebuilt index knows it
    text = ("A fictional hailstorm flattened the saffron fields of Torbat in a single night. "
            "Growers in the fictional valley said nine tenths of the crop was lost.")
    aid = article_id_for("https://news.example/saffron")
    with Store(settings.store_path) as store:
        store.add_article(Article(id=aid, url="https://news.example/saffron", outlet="News",
                                  title="Hail ruins saffron", text=text, language="en"),
                          split_passages(aid, text, "en"))
    claim = "hail destroyed the saffron harvest"
    # what a killed rebuild leaves behind (an unused index file) does not hinder the next one
    (data_dir / "passages.000002.faiss").write_bytes(b"an orphan from a killed rebuild")
    run = Run(data_dir, verbose=False)
    searches = 0
    while run.proc.poll() is None:
        assert answers(searcher) == before  # the old generation, untouched by the rebuild
        assert searcher.search(claim, 1)[0].article.id != aid
        searches += 1
        time.sleep(0.5)  # a reader, not a load test: leave the CPU to the rebuild
    run.finish()
    assert searches > 0
    assert searcher.generation == 1 and answers(searcher) == before  # until it reloads
    assert searcher.reload_if_changed() is True and searcher.generation == 3
    assert searcher.reload_if_changed() is False
    assert searcher.search(claim, 1)[0].article.id == aid
    assert all(answers(searcher))
    leftovers = sorted(
        p.name for p in data_dir.iterdir() if "faiss" in p.name or p.name.endswith(".tmp")
    )
    assert leftovers == ["passages.000001.faiss", "passages.000003.faiss"]
    searcher.close()


def test_a_model_change_is_refused_until_rebuild(data_dir: Path, encoder: Any) -> None:
    settings = settings_for(data_dir)
    path = data_dir / MANIFEST_NAME
    manifest = json.loads(path.read_text())
    manifest["model"]["fingerprint"] = "an-older-conversion"
    path.write_text(json.dumps(manifest))
    with pytest.raises(
        IndexError_, match=r"fingerprint an-older-conversion.*run `corroborate rebuild`"
    ):
        Searcher(settings, encoder=encoder)
    report = rebuild(settings, encoder=encoder)
    assert report.generation == 2
    with Searcher(settings, encoder=encoder) as searcher:
        assert all(answers(searcher))
