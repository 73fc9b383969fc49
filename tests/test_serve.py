"""``corroborate serve`` end to end: two Ray Serve replicas on the demo index, on 127.0.0.1.

The server is the real command in a child process (its own local Ray); every answer is compared
with the in-process engine on the same data directory. The server is stopped with SIGTERM, as
a service manager stops it, and must shut Serve and Ray down and exit cleanly.
"""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from corroborate.cli import main
from corroborate.remote import RemoteEngine, decode_comparison, decode_result, search_params
from corroborate.settings import Settings

REPO = Path(__file__).resolve().parents[1]
STANCE_M = 10  # passages read per search, server and engine alike (the default 30 is slow here)

# (claim, query parameters beyond the claim, the same as Engine.search options)
QUERIES: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    ("L'EI a revendiqué les attentats de Kerman", {}, {}),
    ("ISIS claimed the Kerman bombings", {"k": 3}, {"top_k": 3}),
    ("ISIS claimed the Kerman bombings", {"lang": ["en", "fr"]}, {"languages": ("en", "fr")}),
    ("Gas prices doubled in a year", {"until": "2024-06-30"}, {"date_to": "2024-06-30"}),
    ("The bombings in Kerman killed more than 80 people", {"since": "2024-01-01", "k": 2},
     {"date_from": "2024-01-01", "top_k": 2}),
]


def test_search_params_follow_the_engine_keywords() -> None:
    from datetime import date

    params = search_params("a claim", {"top_k": 3, "languages": ("en", "fr"),
                                       "date_to": date(2024, 1, 3), "outlets": ()})
    assert params == {"claim": "a claim", "k": 3, "lang": ["en", "fr"], "until": "2024-01-03"}
    with pytest.raises(TypeError, match="wrong"):
        search_params("a claim", {"wrong": 1})


def test_an_unreachable_engine_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {"CORROBORATE_ENGINE_URL": f"http://127.0.0.1:{port}"}
    out = CliRunner().invoke(main, ["--data-dir", str(tmp_path), "search", "a claim"], env=env)
    assert out.exit_code == 1
    assert out.output.startswith(f"Error: the engine at http://127.0.0.1:{port} cannot be")
    assert "Traceback" not in out.output and len(out.output.strip().splitlines()) == 1


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def engine(demo_dir: Path) -> Any:
    """The in-process engine the server is compared with (the server's settings)."""
    from corroborate.engine import Engine

    from .demo_fixtures import demo_settings

    return Engine(settings=demo_settings(demo_dir).replace(stance_m=STANCE_M))


class ServeRun:
    """``corroborate serve --replicas 2`` on a data directory (see :func:`serve_running`)."""

    url = ""
    returncode: int | None = None
    output = ""


@contextmanager
def serve_running(data_dir: Path, env: dict[str, str]) -> Iterator[ServeRun]:
    """Start ``corroborate serve --replicas 2`` on ``data_dir`` with ``env`` over this
    environment, wait for ``/status``, and stop it with SIGTERM after (its return code and
    output are then on the run; a server that does not stop is killed, whole process group)."""
    run = ServeRun()
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "corroborate", "--data-dir", str(data_dir), "serve",
         "--replicas", "2", "--port", str(port), "--cpus-per-replica", "0.5"],
        env={**os.environ, "PYTHONPATH": str(REPO), "CORROBORATE_ENGINE_URL": "", **env},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    run.url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 420
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                if httpx.get(f"{run.url}/status", timeout=30).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(2)
        else:
            out = proc.stdout.read() if proc.poll() is not None and proc.stdout else ""
            pytest.fail(f"corroborate serve did not come up: {out[-2000:]}")
        yield run
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            run.output, _ = proc.communicate(timeout=120)
        except subprocess.TimeoutExpired:  # never leave Ray behind: its whole process group
            os.killpg(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
            pytest.fail(f"corroborate serve did not stop on SIGTERM: {out[-2000:]}")
        run.returncode = proc.returncode


@pytest.fixture(scope="module")
def server(demo_dir: Path) -> Iterator[str]:
    """``corroborate serve --replicas 2`` on the demo index; stopped with SIGTERM after."""
    env = {"CORROBORATE_RAY_ADDRESS": "", "CORROBORATE_STANCE_M": str(STANCE_M),
           # long enough for concurrent searches' stance requests to meet in one batch here
           "CORROBORATE_SERVE_BATCH_WAIT_MS": "1500"}
    with serve_running(demo_dir, env) as run:
        yield run.url
    assert run.returncode == 0, run.output[-2000:]
    assert "stopped" in run.output


def local_json(engine: Any, claim: str, options: dict[str, Any]) -> Any:
    """What `corroborate search --json` prints for this claim, as parsed JSON."""
    return json.loads(json.dumps(engine.search(claim, **options).to_dict(), ensure_ascii=False))


@pytest.mark.slow
def test_a_burst_of_50_searches_answers_what_the_engine_answers(server: str,
                                                                engine: Any) -> None:
    expected = [local_json(engine, claim, options) for claim, _, options in QUERIES]
    jobs = [i % len(QUERIES) for i in range(50)]

    def ask(i: int) -> tuple[int, int, Any]:
        claim, params, _ = QUERIES[i]
        r = httpx.get(f"{server}/search", params={"claim": claim, **params}, timeout=300)
        return i, r.status_code, r.json()

    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(ask, jobs))
    assert [status for _, status, _ in answers] == [200] * 50
    for i, _, body in answers:
        assert body == expected[i], QUERIES[i]
    assert expected[0]["supporting"] or expected[0]["contradicting"]  # the demo says something

    # the client engine gives back the same Result, and the CLI prints the same JSON
    settings = engine.settings.replace(engine_url=server)
    remote = RemoteEngine(settings)
    claim, _, options = QUERIES[1]
    assert remote.search(claim, **options).to_dict() == expected[1]
    assert decode_result(expected[1]).to_dict() == expected[1]
    out = CliRunner().invoke(main, ["--data-dir", str(engine.settings.data_dir), "search",
                                    claim, "-k", "3", "--json"],
                             env={"CORROBORATE_ENGINE_URL": server})
    assert out.exit_code == 0, out.output
    assert json.loads(out.output) == expected[1]


@pytest.mark.slow
def test_concurrent_fresh_claims_share_stance_batches(server: str) -> None:
    """Claims the stance cache has not seen: the replicas batch their stance requests."""
    base = random.randrange(10**5, 10**6)  # numbers no earlier run put in the stance cache
    claims = [f"The Kerman bombings killed {n} people on 3 January" for n in range(base, base + 6)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        codes = list(pool.map(lambda c: httpx.get(f"{server}/search", params={"claim": c},
                                                  timeout=300).status_code, claims))
    assert codes == [200] * len(claims)
    replicas: dict[int, dict[str, int]] = {}
    for _ in range(20):  # /status answers from either replica
        body = httpx.get(f"{server}/status", timeout=60).json()
        replicas[body["server"]["pid"]] = body["server"]
    assert len(replicas) == 2
    assert sum(r["stance_requests"] for r in replicas.values()) >= len(claims)
    assert max(r["largest_stance_batch"] for r in replicas.values()) >= 2


@pytest.mark.slow
def test_status_claims_compare_and_openapi(server: str, engine: Any) -> None:
    status = httpx.get(f"{server}/status", timeout=60).json()
    assert status["articles"] == engine.status()["articles"] > 0
    assert status["manifest"]["model"] == engine.status()["manifest"]["model"]

    text = ("The interior minister said on Thursday that 84 people were killed in the two "
            "explosions in Kerman. The weather was mild.")
    r = httpx.post(f"{server}/claims", json={"text": text, "max": 5}, timeout=60)
    assert r.status_code == 200
    claims = r.json()
    assert claims[0]["text"].startswith("The interior minister said")
    assert [c.text for c in engine.extract_claims(text, max_claims=5)] == [
        c["text"] for c in claims]

    pair = [QUERIES[0][0], QUERIES[3][0]]
    r = httpx.post(f"{server}/compare", json={"claims": pair, "k": 3}, timeout=300)
    assert r.status_code == 200
    expected = json.loads(engine.compare(pair, top_k=3).to_json())
    assert r.json() == expected
    assert decode_comparison(expected).to_dict() == expected

    spec = httpx.get(f"{server}/openapi.json", timeout=30).json()
    assert {"/search", "/status", "/claims", "/compare"} <= set(spec["paths"])
    names = {p["name"] for p in spec["paths"]["/search"]["get"]["parameters"]}
    assert {"claim", "lang", "since", "until", "k"} <= names


@pytest.mark.slow
@pytest.mark.parametrize(("method", "path", "payload", "status", "needle"), [
    ("GET", "/search", {"claim": "  "}, 400, "the claim is empty"),
    ("GET", "/search", {"claim": "x", "since": "yesterday"}, 400, "since: 'yesterday' is not"),
    ("GET", "/search", {"claim": "x", "until": "2024-13-45"}, 400, "until: '2024-13-45'"),
    ("GET", "/search", {"claim": "x", "k": "0"}, 422, "k: Input should be greater than"),
    ("GET", "/search", {"claim": "x", "evidence": "during", "claim_date": "2024-01-01"}, 400,
     "evidence"),
    ("POST", "/claims", {"text": ""}, 400, "the article is empty"),
    ("POST", "/claims", {"max": 3}, 422, "text: Field required"),
    ("POST", "/compare", {"claims": []}, 400, "no claims to compare"),
])
def test_bad_input_is_a_4xx_with_one_clear_line(server: str, method: str, path: str,
                                                payload: dict[str, Any], status: int,
                                                needle: str) -> None:
    if method == "GET":
        r = httpx.get(f"{server}{path}", params=payload, timeout=60)
    else:
        r = httpx.post(f"{server}{path}", json=payload, timeout=60)
    assert r.status_code == status
    error = r.json()["error"]
    assert needle in error and "\n" not in error and "Traceback" not in error


def test_remote_engine_says_what_it_cannot_do(tmp_path: Path) -> None:
    settings = Settings.load(env={}, data_dir=tmp_path, engine_url="http://127.0.0.1:9")
    remote = RemoteEngine(settings)
    from corroborate.errors import CorroborateError

    with pytest.raises(CorroborateError, match="update is not available through the engine"):
        remote.update()
