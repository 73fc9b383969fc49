"""The files of a data directory, named in one place.

A data directory (``index/`` by default, ``demo-data/`` for the demo) holds::

    corroborate.sqlite3        the article store (feeds, articles, passages, fetch log);
                               absent when ``database_url`` puts the store in PostgreSQL
    stance_cache.sqlite3       stance readings already computed, by claim, passage and model
    feeds.csv                  the data directory's own feed list, when it has one
    manifest.json              the current index generation (see corroborate.index.vectors)
    passages.NNNNNN.faiss      one generation of the FAISS index
    index.lock                 held by the one process writing the index
    demo.json                  the demo build's marker (corpus and model fingerprints)
    local_hosts.txt            host:port of its own local servers (the demo's), one a line
    factchecks.npz             e5 vectors of the stored fact-checks' claims and headlines

Every module that reads or writes one of these asks :class:`DataDir` for its path.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

STORE_FILE = "corroborate.sqlite3"
STANCE_CACHE_FILE = "stance_cache.sqlite3"
FEEDS_FILE = "feeds.csv"
MANIFEST_FILE = "manifest.json"
LOCK_FILE = "index.lock"
DEMO_MARKER_FILE = "demo.json"
LOCAL_HOSTS_FILE = "local_hosts.txt"
FACTCHECKS_FILE = "factchecks.npz"
INDEX_FILE_PATTERN = re.compile(r"^passages\.(\d{6,})\.faiss$")


@dataclass(frozen=True)
class DataDir:
    """The paths of one data directory (nothing is created by naming them).

    Example:
        >>> DataDir("index").store
        PosixPath('index/corroborate.sqlite3')
    """

    root: Path

    def __init__(self, root: str | os.PathLike[str]) -> None:
        object.__setattr__(self, "root", Path(root))

    @property
    def store(self) -> Path:
        return self.root / STORE_FILE

    @property
    def stance_cache(self) -> Path:
        return self.root / STANCE_CACHE_FILE

    @property
    def feeds(self) -> Path:
        return self.root / FEEDS_FILE

    @property
    def manifest(self) -> Path:
        return self.root / MANIFEST_FILE

    @property
    def lock(self) -> Path:
        return self.root / LOCK_FILE

    @property
    def demo_marker(self) -> Path:
        return self.root / DEMO_MARKER_FILE

    @property
    def local_hosts(self) -> Path:
        return self.root / LOCAL_HOSTS_FILE

    @property
    def factchecks(self) -> Path:
        return self.root / FACTCHECKS_FILE

    def recorded_local_hosts(self) -> tuple[str, ...]:
        """The ``host:port`` addresses recorded in :attr:`local_hosts` (none without the file)."""
        try:
            text = self.local_hosts.read_text(encoding="utf-8")
        except FileNotFoundError:
            return ()
        return tuple(line.strip() for line in text.splitlines() if line.strip())

    def index_file(self, generation: int) -> Path:
        """The FAISS file of one index generation."""
        return self.root / index_file_name(generation)


def index_file_name(generation: int) -> str:
    """The file name of one generation's index."""
    return f"passages.{generation:06d}.faiss"
