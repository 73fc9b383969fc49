"""A throwaway PostgreSQL server for the tests: initdb in a temporary directory, pg_ctl start/stop.

The server runs as a non-root user (initdb refuses root): as the ``postgres`` system user when
the tests run as root (CI), else as the current user. It listens on 127.0.0.1 on a free port
(and on a unix socket inside its own directory), trusts local connections, and is stopped and
deleted by :meth:`PgServer.stop`. ``find_pg_bin()`` is None where PostgreSQL is not installed
(the tests that need it skip then).

Example:
    >>> with PgServer() as pg:
    ...     url = pg.create_database("t1")   # postgresql://postgres@127.0.0.1:PORT/t1
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

PG_USER = "postgres"


def find_pg_bin() -> Path | None:
    """The folder holding initdb and pg_ctl (Debian's newest /usr/lib/postgresql/N/bin)."""
    env = os.environ.get("CORROBORATE_TEST_PG_BIN")
    candidates = [env] if env else sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
        if Path(p).parent.name.isdigit() else 0, reverse=True)
    which = shutil.which("initdb")
    if which and not env:
        candidates.append(str(Path(which).parent))
    for folder in candidates:
        if (Path(folder) / "initdb").is_file() and (Path(folder) / "pg_ctl").is_file():
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    """One PostgreSQL cluster in a temporary directory, started on construction."""

    def __init__(self, bin_dir: Path | None = None) -> None:
        found = bin_dir or find_pg_bin()
        if found is None:
            raise RuntimeError("PostgreSQL's initdb and pg_ctl were not found")
        self.bin = found
        # as root, under /tmp: the postgres user must be able to reach the folder, which a
        # TMPDIR inside root's home would not let it
        as_root = os.geteuid() == 0
        self.root = Path(tempfile.mkdtemp(
            prefix="corroborate-pg-", dir="/tmp" if as_root and Path("/tmp").is_dir() else None))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self._as: list[str] = []
        if as_root:
            user = pwd.getpwnam(PG_USER)  # KeyError: Debian's package creates this user
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self._as = ["runuser", "-u", PG_USER, "--"]
        self.port = 0
        self._running = False
        try:
            self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust",
                      "-E", "UTF8", "--locale=C", "--no-sync")
            self._start()
        except BaseException:
            self.stop()
            raise

    def _run(self, tool: str, *args: str) -> None:
        result = subprocess.run([*self._as, str(self.bin / tool), *args], capture_output=True,
                                text=True, timeout=120, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"{tool} failed ({result.returncode}): "
                               f"{(result.stderr or result.stdout).strip()[-2000:]}")

    def _start(self) -> None:
        last: Exception | None = None
        for _ in range(3):  # a free port can be taken between choosing it and listening
            self.port = _free_port()
            options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} "
                       "-c fsync=off -c full_page_writes=off -c synchronous_commit=off "
                       "-c max_connections=50 -c shared_buffers=32MB")
            try:
                self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options,
                          "-w", "-t", "60", "start")
                self._running = True
                return
            except RuntimeError as exc:
                last = exc
        raise RuntimeError(f"PostgreSQL did not start: {last}; log: {self._log_tail()}")

    def _log_tail(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-1500:]
        except OSError:
            return ""

    def url(self, database: str = "postgres") -> str:
        """The connection URL of ``database`` on this server."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Create an empty database and return its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return self.url(name)

    def stop(self) -> None:
        """Stop the server and delete its directory (idempotent)."""
        if self._running:
            self._running = False
            with contextlib.suppress(RuntimeError):
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> PgServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
