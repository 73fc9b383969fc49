"""A session-wide demo index: the sample corpus ingested through the real pipeline (real models).

For development only, two variables shorten the loop (CI sets neither):
``CORROBORATE_TEST_DEMO_DIR`` reuses an already built demo data directory, and
``CORROBORATE_TEST_STANCE_MODEL`` points the engine at another stance model folder.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from corroborate.settings import Settings

_SQLITE_SIDECARS = ("-wal", "-shm", "-journal")


def copy_data_dir(source: Path, target: Path) -> Path:
    """A copy of a data directory that may be open in this process (the session's demo engine
    holds its stance cache open).

    SQLite files are copied through SQLite's backup API, never read as plain files: POSIX
    advisory locks belong to the process, so opening and closing any descriptor on a database
    or its ``-shm`` file (as ``shutil.copytree`` does) silently drops the locks of every SQLite
    connection of this process on it. Another process closing its own connection then takes
    itself for the last one and deletes the ``-wal`` and ``-shm`` files under them, and their
    next read fails with "file is not a database". The lock file is left behind.
    """
    target.mkdir(parents=True)
    for entry in source.iterdir():
        name = entry.name
        if name == "index.lock" or name.endswith(_SQLITE_SIDECARS):
            continue
        if entry.is_dir():
            copy_data_dir(entry, target / name)
        elif name.endswith((".sqlite3", ".sqlite", ".db")):
            src = sqlite3.connect(f"file:{entry}?mode=ro", uri=True)
            dst = sqlite3.connect(target / name)
            try:
                src.backup(dst)
            finally:
                dst.close()
                src.close()
        else:
            shutil.copy2(entry, target / name)
    return target


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
