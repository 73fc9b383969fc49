"""Ingest and rebuild on Ray (``ray_address``): same store, ids, index and searches as in-process,
and a worker node lost mid-run loses nothing and duplicates nothing."""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner

from corroborate.cli import main
from corroborate.cluster.connect import LOCAL_OBJECT_STORE_BYTES, check_address
from corroborate.cluster.workers import owner_of
from corroborate.demo.build import local_settings, sample_article_id
from corroborate.domain import FeedSpec
from corroborate.errors import ConfigError
from corroborate.layout import DataDir
from corroborate.settings import Settings
from corroborate.store.sqlite import Store

from .localserver import LocalServer, Response
from .test_ingest import BASE_DATE, rss, story_page

# --- without Ray ------------------------------------------------------------------------------


@pytest.mark.parametrize("address", ["local", "auto", "10.0.0.5:6379", "ray://head:10001",
                                     "ray://head", " local "])
def test_ray_addresses_of_every_form_are_accepted(address: str) -> None:
    assert check_address(address) == address.strip()


@pytest.mark.parametrize("address", ["head", "http://head:10001", "ray://", "a b:1", "local,auto"])
def test_a_malformed_ray_address_names_the_forms(address: str) -> None:
    with pytest.raises(ConfigError, match="use `local`, `auto`, `HOST:PORT` or `ray://"):
        check_address(address)


def test_every_host_belongs_to_one_fetching_worker() -> None:
    """Politeness holds cluster-wide only if all of a host's URLs go to one actor."""
    urls = [f"https://news{i}.example/feed.xml" for i in range(60)]
    owners = [owner_of(u, 3) for u in urls]
    assert set(owners) == {0, 1, 2}  # hosts are spread over the workers...
    for url, owner in zip(urls, owners, strict=True):  # ...and each stays with its own
        host = url.split("/")[2]
        assert owner_of(f"http://{host.upper()}/a/b.html?x=1", 3) == owner
        assert owner_of(f"https://{host}/robots.txt", 3) == owner


def test_the_default_path_never_imports_ray(settings: Settings, monkeypatch: Any) -> None:
    """With ray_address empty, ingest runs exactly as before: Ray is not even importable."""
    from corroborate.engine import Engine

    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` would now raise ImportError
    with LocalServer() as srv:
        srv.route("/feed.xml", Response(200, rss(
            [(srv.url(f"/s{n}.html"), f"Story {n}", BASE_DATE) for n in range(3)]),
            {"Content-Type": "application/rss+xml"}))
        for n in range(3):
            srv.route(f"/s{n}.html", Response(200, story_page(n), {"Content-Type": "text/html"}))
        report = Engine(settings=settings).ingest([FeedSpec(url=srv.url("/feed.xml"),
                                                            outlet="Daily")], index=False)
    assert report.articles_new == 3 and not report.failures


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize("command", [["rebuild"], ["ingest"]])
def test_an_unreachable_cluster_is_one_clear_line(tmp_path: Path, command: list[str]) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("http://127.0.0.1:9/feed.xml\n", encoding="utf-8")
    address = f"127.0.0.1:{_closed_port()}"
    args = [*command, "--feeds", str(feeds)] if command == ["ingest"] else command
    result = CliRunner().invoke(main, ["--data-dir", str(tmp_path / "data"), *args],
                                env={"CORROBORATE_RAY_ADDRESS": address})
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: cannot reach the Ray cluster at '{address}' (ray_address): Connection refused; "
        "start one with `ray start --head`, use `local`, or leave ray_address empty"]


# --- with Ray: a local instance, and a simulated cluster of three nodes ---------------------

DEMO_CLAIMS = 2  # searched on both data directories (each search runs the stance model)


@pytest.fixture(scope="module")
def demo_server() -> Iterator[Any]:
    from corroborate.demo.server import DemoServer, load_corpus

    with DemoServer(load_corpus()) as server:
        yield server


def demo_run_settings(data_dir: Path, **changes: Any) -> Settings:
    """What ``build_demo`` ingests with: the sample server is local and fetched fast."""
    return local_settings(Settings.load(env={}, data_dir=data_dir)).replace(
        max_articles_per_feed=0, **changes)


@pytest.fixture(scope="module")
def in_process(demo_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus ingested and indexed the default way (no Ray)."""
    from corroborate.engine import Engine

    data = tmp_path_factory.mktemp("in-process") / "data"
    report = Engine(settings=demo_run_settings(data)).ingest(demo_server.feed_urls())
    assert not report.failures
    return data


@pytest.fixture
def local_ray() -> Iterator[None]:
    import ray

    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=LOCAL_OBJECT_STORE_BYTES,
             log_to_driver=False)
    try:
        yield
    finally:
        ray.shutdown()


@pytest.fixture
def three_nodes() -> Iterator[Any]:
    """A head (no CPUs: it only drives) and two worker nodes of 2 logical CPUs each."""
    import ray
    from ray.cluster_utils import Cluster

    small = {"object_store_memory": 100 * 2**20}
    cluster = Cluster(initialize_head=True,
                      head_node_args={"num_cpus": 0, "include_dashboard": False, **small})
    try:
        for _ in range(2):
            cluster.add_node(num_cpus=2, **small)
        cluster.wait_for_nodes()
        ray.init(address=cluster.address, log_to_driver=False)
        yield cluster
    finally:
        ray.shutdown()
        cluster.shutdown()


def snapshot(data_dir: Path, *, relative: bool = False) -> dict[str, Any]:
    """Articles, passages and index ids of a data directory (``relative``: keyed by the sample
    corpus's article id and offsets, for builds served on another port)."""
    from corroborate.index.vectors import VectorIndex, read_manifest

    with Store(DataDir(data_dir).store, create=False) as store:
        arts = store.query("SELECT id, url, content_hash, language, outlet, duplicate_of "
                           "FROM articles")
        rows = store.query('SELECT p.id, p.article_id, p."start", p."end", p.text, a.url '
                           "FROM passages p JOIN articles a ON a.id = p.article_id")
    manifest = read_manifest(data_dir)
    assert manifest is not None
    ids = VectorIndex.load(data_dir, None).ids()
    key = (lambda url, aid: sample_article_id(url)) if relative else (lambda url, aid: aid)
    return {
        "articles": {key(a["url"], a["id"]): (a["content_hash"], a["language"], a["outlet"])
                     for a in arts},
        "duplicates": sum(a["duplicate_of"] is not None for a in arts),
        "passages": sorted((key(p["url"], p["article_id"]), p["start"], p["end"], p["text"])
                           for p in rows),
        "passage_ids": sorted(int(p["id"]) for p in rows),
        "index_ids": sorted(int(i) for i in ids),
        "manifest_count": manifest.count,
    }


def searched(data_dir: Path) -> list[dict[str, Any]]:
    """Verdict, and per side each origin's articles (its evidence and copies) and stance, for
    the first demo claims. Which article of an origin leads it is left out: verbatim copies
    score the same, and which was stored first (the original) depends on commit order, which
    is concurrent with or without Ray."""
    from corroborate.demo.corpus import load_demo_claims
    from corroborate.engine import Engine

    engine = Engine(settings=Settings.load(env={}, data_dir=data_dir))
    out = []
    for claim in load_demo_claims()[:DEMO_CLAIMS]:
        result = engine.search(claim.claim)
        out.append({"verdict": result.verdict.label, **{
            side: sorted((sorted([e.url, *(c.url for c in e.copies)]), e.stance)
                         for e in result.side(side))
            for side in ("supporting", "contradicting", "neutral")}})
    return out


@pytest.mark.slow
def test_ingest_and_rebuild_on_a_local_ray_match_the_default_path(
        demo_server: Any, in_process: Path, local_ray: None, tmp_path: Path) -> None:
    from corroborate.engine import Engine
    from corroborate.index.vectors import VectorIndex

    data = tmp_path / "data"
    engine = Engine(settings=demo_run_settings(data, ray_address="local"))
    report = engine.ingest(demo_server.feed_urls())
    assert not report.failures
    expected, got = snapshot(in_process), snapshot(data)
    assert got == expected  # the same articles, passages and ids, each indexed once
    assert got["index_ids"] == got["passage_ids"]
    assert searched(data) == searched(in_process)  # evidence URLs, stances, verdicts

    # a rebuild on the cluster re-embeds every passage: the same vectors as in-process
    rebuilt = engine.rebuild()
    assert rebuilt.passages == len(expected["passage_ids"])
    ids = np.array(expected["index_ids"], dtype=np.int64)
    ours = VectorIndex.load(data, None).vectors(ids)
    theirs = VectorIndex.load(in_process, None).vectors(ids)
    assert np.abs(ours - theirs).max() < 1e-4


@pytest.mark.slow
def test_a_worker_node_lost_mid_demo_build_loses_nothing_and_duplicates_nothing(
        in_process: Path, three_nodes: Any, tmp_path: Path) -> None:
    """``demo --no-page`` on a cluster of three nodes; one worker node dies halfway."""
    from corroborate.demo.build import build_demo

    victim = three_nodes.worker_nodes and sorted(three_nodes.worker_nodes,
                                                 key=lambda n: n.unique_id)[0]
    removed: list[int] = []

    def remove_a_node_halfway(done: int, total: int) -> None:
        if not removed and done >= 50:
            removed.append(done)
            three_nodes.remove_node(victim)

    data = tmp_path / "data"
    settings = Settings.load(env={}, data_dir=data, ray_address=three_nodes.address,
                             ray_workers=2)
    built = build_demo(settings, on_progress=remove_a_node_halfway)
    assert removed, "the run ended before the node could be removed"
    assert built.report["failures"] == []
    expected, got = snapshot(in_process, relative=True), snapshot(data, relative=True)
    assert got["articles"] == expected["articles"]
    assert got["passages"] == expected["passages"]  # nothing lost, nothing twice
    assert got["index_ids"] == got["passage_ids"]  # each passage indexed exactly once
    assert got["manifest_count"] == len(got["passage_ids"])
    assert built.articles == len(expected["articles"])


@pytest.mark.slow
def test_one_worker_fetches_each_host_so_its_limits_hold_cluster_wide(
        settings: Settings, local_ray: None) -> None:
    """Two fetching actors, two feeds on one host allowing one request at a time: the server
    never sees two at once, and every article arrives."""
    import threading
    import time

    from corroborate.engine import Engine

    lock = threading.Lock()
    state = {"now": 0, "most": 0}

    def slowly(body: bytes, ctype: str) -> Any:
        def answer(_request: Any) -> Response:
            with lock:
                state["now"] += 1
                state["most"] = max(state["most"], state["now"])
            time.sleep(0.05)
            with lock:
                state["now"] -= 1
            return Response(200, body, {"Content-Type": ctype})
        return answer

    with LocalServer() as srv:
        feeds = []
        for f in range(2):
            items = [(srv.url(f"/f{f}/s{n}.html"), f"Story {f}-{n}", BASE_DATE) for n in range(4)]
            srv.route(f"/feed{f}.xml", slowly(rss(items), "application/rss+xml"))
            for n in range(4):
                srv.route(f"/f{f}/s{n}.html", slowly(story_page(10 * f + n), "text/html"))
            feeds.append(FeedSpec(url=srv.url(f"/feed{f}.xml"), outlet=f"Outlet {f}"))
        polite = settings.replace(ray_address="local", ray_workers=2, per_host_concurrency=1)
        report = Engine(settings=polite).ingest(feeds, index=False)
    assert report.articles_new == 8 and not report.failures
    assert state["most"] == 1
