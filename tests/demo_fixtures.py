"""A session-wide demo index: the sample corpus ingested through the real pipeline (real models).

For development only, two variables shorten the loop (CI sets neither):
``CORROBORATE_TEST_DEMO_DIR`` reuses an already built demo data directory, and
``CORROBORATE_TEST_STANCE_MODEL`` points the engine at another stance model folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from corroborate.settings import Settings


def demo_settings(data_dir: Path) -> Settings:
    """Default settings on ``data_dir`` (plus the development stance override, if set)."""
    override = os.environ.get("CORROBORATE_TEST_STANCE_MODEL")
    return Settings.load(env={}, data_dir=data_dir, stance_model=override or None)


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory holding the demo index (built once per test session)."""
    from corroborate.demo.build import build_demo

    prebuilt = os.environ.get("CORROBORATE_TEST_DEMO_DIR")
    if prebuilt:
        return Path(prebuilt)
    data_dir = tmp_path_factory.mktemp("demo") / "data"
    build_demo(demo_settings(data_dir))
    return data_dir


@pytest.fixture(scope="session")
def demo_engine(demo_dir: Path) -> Any:
    from corroborate import Engine

    return Engine(settings=demo_settings(demo_dir))
