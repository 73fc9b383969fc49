"""The page's latency in a real headless browser: load to "models ready", then claims (not a test).

Starts the Streamlit page (the command ``corroborate demo`` runs) on the demo index, opens it in
Debian's chromium through Playwright, and measures:

* **ready**: from the page's first load to the "Models ready" line (the page loads the
  encoder and the stance model in the background as soon as it starts);
* **new**: for each of ``--claims`` claims never asked (sample-corpus headlines and the demo's
  French claims, each with a word the stance cache has not seen), the time from the Check
  click to the end of the script run that shows its verdict;
* **repeated**: the same claims again in a second browser tab (a new page session, so the
  engine answers them again, its stance readings now cached).

    .venv/bin/python bench/page.py                              # builds the demo in /tmp
    .venv/bin/python bench/page.py --data-dir /tmp/demo/data --claims 10 --json
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

READY = "Models ready"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def stats(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"p50": round(statistics.median(ordered), 2),
            "p95": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 2),
            "first": round(values[0], 2)}


def claims(n: int) -> list[str]:
    """Claims the engine has not read yet: demo claims and headlines, each made new by a tag
    (a stance reading is cached per claim text)."""
    import random

    from corroborate.demo.corpus import load_corpus, load_demo_claims

    titles = [a.title for a in load_corpus().articles]
    random.Random(11).shuffle(titles)
    base = [c.claim for c in load_demo_claims()][:n // 2] + titles
    tag = uuid.uuid4().hex[:6]
    return [f"{text} ({tag})" for text in base[:n]]


# the page is done with a claim when its URL carries the claim (the click's script run sets it)
# and no script run is going on: a run too quick for a poll to see it running still counts
DONE = """claim => new URLSearchParams(location.search).get('claim') === claim
    && document.querySelector('[data-testid="stApp"]')
        .getAttribute('data-test-script-state') !== 'running'"""


def ask(page: Any, claim: str, timeout: float = 600.0) -> float:
    """Type ``claim``, press Check, and time until its verdict is on the page."""
    box = page.get_by_label("A claim, or a whole article")
    box.fill(claim)
    start = time.perf_counter()
    page.get_by_role("button", name="Check").first.click()
    page.wait_for_function(DONE, arg=claim, timeout=timeout * 1000)
    page.locator(".cb-verdict").first.wait_for(timeout=60_000)
    return time.perf_counter() - start


def open_ready(browser: Any, url: str) -> tuple[Any, float]:
    """A new tab on the page; seconds from navigation to "Models ready"."""
    page = browser.new_page(viewport={"width": 1400, "height": 1400})
    start = time.perf_counter()
    page.goto(url)
    page.get_by_text(READY).first.wait_for(timeout=600_000)
    return page, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=None,
                    help="a demo data directory (default: build one in --work)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/corroborate-bench-page"))
    ap.add_argument("--claims", type=int, default=10)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from playwright.sync_api import sync_playwright

    from corroborate.demo.build import build_demo, page_command
    from corroborate.settings import Settings

    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("Debian's chromium is needed (apt-get install chromium)")
    data_dir = args.data_dir
    if data_dir is None:
        data_dir = args.work / "data"
        if not (data_dir / "manifest.json").exists():
            build_demo(Settings.load(env={}, data_dir=data_dir))
    port = free_port()
    env = {**os.environ, "CORROBORATE_DATA_DIR": str(data_dir)}
    args.work.mkdir(parents=True, exist_ok=True)
    log = (args.work / "streamlit.log").open("w")
    proc = subprocess.Popen(page_command(Settings.load(env={}), port=port), env=env, stdout=log,
                            stderr=subprocess.STDOUT, cwd=REPO)
    url = f"http://127.0.0.1:{port}"
    report: dict[str, Any] = {"data_dir": str(data_dir), "claims": args.claims}
    try:
        import httpx

        started = time.perf_counter()
        while time.perf_counter() - started < 120:
            try:
                if httpx.get(url + "/_stcore/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        report["server_start_seconds"] = round(time.perf_counter() - started, 2)
        asked = claims(args.claims)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            try:
                page, ready = open_ready(browser, url)
                report["load_to_ready_seconds"] = round(ready, 2)
                report["new"] = stats([ask(page, c) for c in asked])
                again, _ = open_ready(browser, url)
                report["repeated"] = stats([ask(again, c) for c in asked])
            finally:
                browser.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"page on {data_dir}: server up in {report['server_start_seconds']} s, "
          f"load → ready {report['load_to_ready_seconds']} s")
    for kind in ("new", "repeated"):
        v = report[kind]
        print(f"{kind:9} {args.claims} claims: first {v['first']} s, p50 {v['p50']} s, "
              f"p95 {v['p95']} s")


if __name__ == "__main__":
    main()
