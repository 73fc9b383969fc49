"""The index write lock: one process writes a data directory's index at a time."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import IndexError_
from ..layout import DataDir


class IndexBusyError(IndexError_):
    """Another process holds the index write lock."""


def _record_holder(fd: int) -> None:
    """Write "pid N" into the lock file just taken, for the message another writer gets."""
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"pid {os.getpid()}".encode("ascii"), 0)


def _holder(path: Path) -> str:
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        text = ""
    return text[:64] or "another process"


@contextlib.contextmanager
def write_lock(data_dir: str | os.PathLike[str], *, wait: bool = False) -> Iterator[None]:
    """Hold the index write lock of ``data_dir`` (one writer at a time: ingest or rebuild).

    The lock is an OS file lock (``filelock``) on the data directory's ``index.lock``, so it
    is released when the holder exits, however it exits. The holder's pid is written into
    the file while it holds it.

    Raises:
        IndexBusyError: another process holds it and ``wait`` is false.
    """
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    path = DataDir(data_dir).lock
    # not thread-local: a holder may release it from another thread (the indexing sink);
    # the file is kept on release and no soft-lock marker is ever written beside it
    lock = FileLock(path, timeout=-1 if wait else 0, mode=0o644, thread_local=False,
                    preserve_lock_file=True, on_acquired=_record_holder)
    try:
        lock.acquire()
    except Timeout as exc:
        raise IndexBusyError(
            f"the index in {data_dir} is being written by {_holder(path)} (an ingest or a "
            "rebuild); wait for it to finish and try again"
        ) from exc
    try:
        yield
    finally:
        try:
            with contextlib.suppress(OSError):
                os.truncate(path, 0)
        finally:
            lock.release()


__all__ = ["IndexBusyError", "write_lock"]
