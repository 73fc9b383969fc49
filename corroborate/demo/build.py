"""The offline demo: the bundled sample corpus served on 127.0.0.1, ingested for real.

``build_demo`` starts :class:`~corroborate.demo.server.DemoServer`, ingests its feeds through
the real httpx path into the data directory, embeds and indexes the passages, and records
what it built in ``demo.json``: the fingerprints, and the address the sample server had, since
the stored article and feed URLs carry it. Running it again reuses the build while the corpus
and the models are unchanged. ``corroborate demo`` then serves the corpus again on that address
(:func:`corpus_server`) for as long as the page runs, so headlines link somewhere and
**Update now** finds its feeds (the build records that one address in the data directory's
``local_hosts.txt``, so its settings trust it and no other private address).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..layout import DataDir
from ..settings import Settings

log = logging.getLogger(__name__)

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
APP_FILE = Path(__file__).resolve().parents[2] / "app.py"


@dataclass(frozen=True)
class DemoBuild:
    """What the demo build did (or found already built)."""

    data_dir: Path
    reused: bool
    articles: int
    passages: int
    report: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"data_dir": str(self.data_dir), "reused": self.reused, "articles": self.articles,
                "passages": self.passages, "ingest": self.report}


def corpus_fingerprint() -> str:
    """Hash of every file of the bundled sample corpus."""
    h = hashlib.sha256()
    for path in sorted(CORPUS_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(path.relative_to(CORPUS_DIR).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _read_marker(data_dir: Path) -> dict[str, Any] | None:
    try:
        data: dict[str, Any] = json.loads(DataDir(data_dir).demo_marker.read_text(encoding="utf-8"))
        return data
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def _write_marker(data_dir: Path, payload: dict[str, Any]) -> None:
    tmp = DataDir(data_dir).demo_marker.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(payload, indent=2), encoding="utf-8")
    os.replace(tmp, DataDir(data_dir).demo_marker)


def _model_fingerprint(settings: Settings) -> str:
    from ..encoder.embed import load_encoder

    return str(load_encoder(settings).fingerprint)


def build_demo(settings: Settings, *, on_progress: Callable[[int, int], None] | None = None,
               force: bool = False) -> DemoBuild:
    """Build (or reuse) the demo index in ``settings.data_dir``.

    With ``database_url`` set the store is that PostgreSQL database (which must be empty or
    hold this demo's earlier build; a rebuild erases the store's tables there).

    Raises:
        ConfigError: the data directory (or the database) holds a store that is not a demo
            build.
        StoreError: the database cannot be reached.
    """
    from ..encoder.embed import prepare_model
    from ..index.build import ingest_and_index
    from ..index.vectors import read_manifest
    from ..store import describe_store, erase_store, open_store, store_exists
    from .server import DemoServer, load_corpus

    data_dir = Path(settings.data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    marker = _read_marker(data_dir)
    # with database_url the store is elsewhere: the marker names the database it filled
    shared = bool(settings.database_url.strip())
    store_name = describe_store(settings)
    same_store = marker is not None and (not shared or marker.get("store") == store_name)
    if not same_store and store_exists(settings):
        raise ConfigError(
            f"{store_name} already holds a store that is not this demo build; give "
            "`corroborate demo` an empty database" if shared else
            f"{data_dir} already holds an index that is not a demo build; "
            "give `corroborate demo` another --data-dir"
        )
    prepare_model(settings)
    fingerprint = corpus_fingerprint()
    model = _model_fingerprint(settings)
    if (not force and marker and marker.get("status") == "complete"
            and same_store
            and marker.get("corpus") == fingerprint and marker.get("model") == model
            and _recorded_server(marker) is not None
            and DataDir(data_dir).recorded_local_hosts()
            and read_manifest(data_dir) is not None):
        with open_store(settings) as store:
            stats = store.stats()
        log.info("reusing the demo index in %s", data_dir)
        return DemoBuild(
            data_dir, True, int(stats["articles"]), int(stats["passages"]), marker.get("report", {})
        )
    if marker is not None:
        # an interrupted or outdated demo build: the new build's sample server gets a new port,
        # so the old URLs would not match; start from a clean directory instead
        log.info("discarding the previous demo build in %s", data_dir)
        for child in data_dir.iterdir():
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
        if shared and same_store:
            erase_store(settings)
    _write_marker(data_dir, {"status": "building", "corpus": fingerprint, "model": model,
                             "store": store_name, "started": datetime.now(UTC).isoformat()})
    corpus = load_corpus()
    local = local_settings(settings).replace(max_articles_per_feed=0,
                                             feeds_file=DataDir(data_dir).feeds)
    with DemoServer(corpus) as server:
        server.write_feed_list(DataDir(data_dir).feeds)
        if local.ray_address:  # the same run with a Ray cluster fetching, extracting, encoding
            from ..cluster.pipeline import ingest_on_ray

            report = ingest_on_ray(local, server.feed_urls(), on_progress=on_progress)
        else:
            report = ingest_and_index(local, server.feed_urls(), on_progress=on_progress)
        address = {"host": server.host, "port": server.port}
    with open_store(settings) as store:
        stats = store.stats()
    report_dict = report.to_dict()
    # the data directory remembers that its own sample server is local (and only that one):
    # updates from the page or the CLI fetch its feeds with the private-address guard still on
    DataDir(data_dir).local_hosts.write_text(f"{address['host']}:{address['port']}\n",
                                             encoding="utf-8")
    _write_marker(data_dir, {"status": "complete", "corpus": fingerprint, "model": model,
                             "finished": datetime.now(UTC).isoformat(), "report": report_dict,
                             "store": store_name, "server": address})
    return DemoBuild(data_dir, False, int(stats["articles"]), int(stats["passages"]), report_dict)


def local_settings(settings: Settings) -> Settings:
    """The fetch settings for the demo's own sample server: a loopback address, fetched fast."""
    return settings.replace(allow_private_addresses=True, per_host_delay=0.0,
                            per_host_concurrency=max(4, settings.per_host_concurrency))


def _recorded_server(marker: dict[str, Any] | None) -> tuple[str, int] | None:
    server = (marker or {}).get("server")
    if not isinstance(server, dict):
        return None
    host, port = server.get("host"), server.get("port")
    return (host, port) if isinstance(host, str) and isinstance(port, int) else None


def corpus_server(data_dir: str | os.PathLike[str]) -> Any:
    """A :class:`~corroborate.demo.server.DemoServer` (not started) on the address the demo
    build of ``data_dir`` used, so the stored article and feed URLs answer again.

    Raises:
        ConfigError: ``data_dir`` holds no complete demo build, or its address is taken.
    """
    from .server import DemoServer

    marker = _read_marker(Path(data_dir))
    address = _recorded_server(marker) if marker and marker.get("status") == "complete" else None
    if address is None:
        raise ConfigError(f"{data_dir} holds no complete demo build; run `corroborate demo` first")
    host, port = address
    try:
        return DemoServer(host=host, port=port)
    except OSError as exc:
        raise ConfigError(
            f"the demo's sample server cannot listen on {host}:{port} again ({exc.strerror}); "
            "stop whatever uses that port (another `corroborate demo`?), or rebuild the demo "
            "on a new port with `corroborate demo --force`") from exc


def page_command(
    settings: Settings, *, port: int | None = None, headless: bool = True
) -> list[str]:
    """The command line that starts the Streamlit page on this data directory.

    The page watches no files (``server.fileWatcherType none``): a watcher over the checkout
    and its ``.venv`` overflows inotify and floods the log, and the page is not edited live.
    """
    if not APP_FILE.is_file():
        raise ConfigError(f"the page {APP_FILE} is missing; run from a checkout of corroborate")
    import sys

    return [sys.executable, "-m", "streamlit", "run", str(APP_FILE),
            "--server.address", "127.0.0.1", "--server.port", str(port or settings.page_port),
            "--server.headless", "true" if headless else "false",
            "--browser.gatherUsageStats", "false", "--client.toolbarMode", "minimal",
            "--server.fileWatcherType", "none", "--server.runOnSave", "false"]


# --- how well the engine agrees with the demo's ground truth ------------------------------------
GOLD_SIDE = {"supports": "supporting", "contradicts": "contradicting", "related": "neutral"}
NOT_FOUND = "not found"


@dataclass(frozen=True)
class WrongCard:
    """A card the engine showed on a side its article's label disagrees with."""

    search: str  # the claim id, with ``@<language>`` for a rewording
    shown: str  # the side the card is in
    truth: str  # the article's label for this claim
    outlet: str
    language: str
    probability: float  # of the side shown
    sentence: str  # the deciding or best-matching sentence

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Agreement:
    """Per labelled (claim, article): the side the engine put the article on, against the truth."""

    per_claim: dict[
        str, tuple[int, int]
    ]  # claim id → (articles on the right side, articles labelled)
    confusion: dict[tuple[str, str], int]  # (true side, engine's side or "not found") → count
    stance_seconds: tuple[float, ...] = ()  # per claim, the engine's stance stage
    # origins the engine counted on both the supporting and the contradicting side, in all
    both_sides: int = 0
    # the cards shown on a side their label does not give them (what a hand check reads first)
    wrong_cards: tuple[WrongCard, ...] = ()

    def precision(self, side: str) -> float | None:
        """Of the labelled articles the engine showed on ``side``, the share labelled so."""
        shown = sum(n for (_, got), n in self.confusion.items() if got == side)
        right = self.confusion.get((side, side), 0)
        return right / shown if shown else None

    @property
    def correct(self) -> int:
        return sum(ok for ok, _ in self.per_claim.values())

    @property
    def total(self) -> int:
        return sum(n for _, n in self.per_claim.values())

    @property
    def rate(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "correct": self.correct,
            "total": self.total,
            "rate": round(self.rate, 4),
            "per_claim": {k: list(v) for k, v in self.per_claim.items()},
            "stance_seconds": [round(x, 3) for x in self.stance_seconds],
            "precision": {side: None if (p := self.precision(side)) is None else round(p, 4)
                          for side in ("supporting", "contradicting")},
            "both_sides": self.both_sides,
            "wrong_cards": [c.to_dict() for c in self.wrong_cards],
            "confusion": [
                {"truth": t, "engine": e, "count": n}
                for (t, e), n in sorted(self.confusion.items())
            ],
        }


def sample_article_id(url: str) -> str:
    """The sample corpus id of a demo article, from its URL (``…/<id>.html``)."""
    from urllib.parse import urlsplit

    return urlsplit(url).path.rsplit("/", 1)[-1].removesuffix(".html")


def demo_agreement(engine: Any, claims: Any = None, *, rewordings: bool = False) -> Agreement:
    """Search every demo claim and score the sides against ``demo_claims.json``.

    An article counts on a side when it is evidence there or a copy (same origin) of such
    evidence; articles the engine leaves out count as ``not found``. ``rewordings``: also search
    each claim's rewordings (other languages, other words, the same truth), each scored as a
    claim of its own (``<id>@<language>``).
    """
    from collections import Counter

    from ..results import SIDES
    from .corpus import load_demo_claims

    per_claim: dict[str, tuple[int, int]] = {}
    confusion: Counter[tuple[str, str]] = Counter()
    seconds: list[float] = []
    wrong: list[WrongCard] = []
    both = 0
    searches = [(c.id, c.claim, c) for c in (claims if claims is not None else load_demo_claims())]
    if rewordings:
        searches += [(f"{c.id}@{lang}", text, c) for _, _, c in list(searches)
                     for lang, text in c.rewordings]
    for search_id, text, claim in searches:
        result = engine.search(text, top_k=1000)
        both += len({e.origin for e in result.supporting}
                    & {e.origin for e in result.contradicting})
        seconds.append(result.timings.get("stance", 0.0))
        placed: dict[str, str] = {}
        for side in SIDES:
            for ev in result.side(side):
                placed[sample_article_id(ev.url)] = side
        for side in SIDES:
            for ev in result.side(side):
                for copy in ev.copies:
                    placed.setdefault(sample_article_id(copy.url), side)
        truth = {**{a: GOLD_SIDE["supports"] for a in claim.supports},
                 **{a: GOLD_SIDE["contradicts"] for a in claim.contradicts},
                 **{a: GOLD_SIDE["related"] for a in claim.related}}
        ok = 0
        for article, side in truth.items():
            got = placed.get(article, NOT_FOUND)
            confusion[(side, got)] += 1
            ok += got == side
        per_claim[search_id] = (ok, len(truth))
        for side in ("supporting", "contradicting"):
            for ev in result.side(side):
                label = truth.get(sample_article_id(ev.url))
                if label is not None and label != side:
                    wrong.append(WrongCard(search_id, side, label, ev.outlet, ev.language,
                                           round(ev.confidence, 3),
                                           ev.passage[ev.highlight[0]:ev.highlight[1]]))
    return Agreement(per_claim, dict(confusion), tuple(seconds), both, tuple(wrong))
