"""A session-wide demo index: the sample corpus ingested through the real pipeline (real models)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.settings import Settings


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory holding the demo index (built once per test session)."""
    from corroborate.demo import build_demo

    data_dir = tmp_path_factory.mktemp("demo") / "data"
    build_demo(Settings.load(env={}, data_dir=data_dir))
    return data_dir


@pytest.fixture(scope="session")
def demo_engine(demo_dir: Path):  # type: ignore[no-untyped-def]
    from corroborate import Engine

    return Engine(settings=Settings.load(env={}, data_dir=demo_dir))
