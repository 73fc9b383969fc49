"""Scaling out end to end (issue 22's "done when"): the demo built through a local Ray into
PostgreSQL holds what the default build holds, searching it gives the default's evidence, and
``corroborate serve --replicas 2`` on it answers ``/search`` with what ``search --json`` prints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from corroborate.cli import main
from corroborate.settings import Settings
from corroborate.store import open_store

from .pgserver import PgServer
from .test_serve import serve_running
from .test_store_postgres import CLAIMS, _evidence

REPO = Path(__file__).resolve().parents[1]
pytest.importorskip("ray", reason="ray is not installed (pyproject lists it)")


def _serve_search(data_dir: Path, env: dict[str, str], claims: tuple[str, ...]) -> list[Any]:
    """``/search`` of each claim from ``corroborate serve --replicas 2`` on ``data_dir``."""
    answers = []
    with serve_running(data_dir, env) as run:
        for claim in claims:
            got = httpx.get(f"{run.url}/search", params={"claim": claim}, timeout=300)
            assert got.status_code == 200, got.text
            answers.append(got.json())
    return answers


@pytest.mark.slow
def test_the_demo_through_ray_into_postgresql_searches_and_serves_like_the_default(
        demo_dir: Path, pg_server: PgServer, tmp_path: Path) -> None:
    url = pg_server.create_database("scaled")
    data = tmp_path / "scaled"
    env = {"CORROBORATE_DATABASE_URL": url, "CORROBORATE_RAY_ADDRESS": "local"}
    built = CliRunner(env=env).invoke(main, ["demo", "--no-page", "--json",
                                             "--data-dir", str(data)])
    assert built.exit_code == 0, built.output
    assert not (data / "corroborate.sqlite3").exists()  # the articles live in PostgreSQL
    default = Settings.load(env={}, data_dir=demo_dir)
    scaled = Settings.load(env=env, data_dir=data)
    with open_store(default, create=False) as a, open_store(scaled, create=False) as b:
        assert b.backend == "postgresql"
        assert (b.article_count(), b.passage_count()) == (a.article_count(), a.passage_count())
    search_env = {"CORROBORATE_DATABASE_URL": url, "CORROBORATE_RAY_ADDRESS": ""}
    for claim in CLAIMS:
        assert _evidence(data, claim, search_env, by_origin=True) == _evidence(
            demo_dir, claim, {}, by_origin=True), claim
    served = _serve_search(data, search_env, CLAIMS)
    for claim, answer in zip(CLAIMS, served, strict=True):
        printed = CliRunner(env=search_env).invoke(
            main, ["search", claim, "--json", "--data-dir", str(data)])
        assert printed.exit_code == 0, printed.output
        assert answer == json.loads(printed.stdout), claim
