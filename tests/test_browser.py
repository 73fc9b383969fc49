"""End to end in a real headless browser: Debian's chromium driven by Playwright.

Starts the page on 127.0.0.1 over the demo index, submits a claim, waits for both columns,
and saves a screenshot (docs/screenshot.png is refreshed from it by hand for the README).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[1]
pytestmark = [pytest.mark.slow, pytest.mark.browser]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def page_server(demo_dir: Path, tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "CORROBORATE_DATA_DIR": str(demo_dir)}
    log = (tmp_path / "streamlit.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"), "--server.address", "127.0.0.1",
         "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        env=env, stdout=log, stderr=subprocess.STDOUT, cwd=REPO,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if httpx.get(url + "/_stcore/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        else:
            pytest.fail("the page did not start: " + (tmp_path / "streamlit.log").read_text()[-2000:])
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_check_a_claim_in_a_real_browser(page_server: str, tmp_path: Path) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("Debian's chromium is not installed (scripts/test.sh installs it with apt-get as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=chromium,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1600})
            page.goto(page_server, wait_until="networkidle")
            box = page.get_by_label("A claim, or a whole article")
            box.wait_for(timeout=60_000)
            box.fill("The Islamic State claimed responsibility for the two bombings in Kerman, Iran.")
            page.get_by_role("button", name="Check").first.click()
            page.get_by_text("Supporting (", exact=False).wait_for(timeout=240_000)
            page.get_by_text("Contradicting (", exact=False).wait_for(timeout=60_000)
            # evidence cards rendered as HTML, verdict banner present
            assert page.locator(".cb-verdict").count() >= 1
            assert page.locator(".cb-card").count() >= 1
            shot = tmp_path / "page.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
            target = os.environ.get("CORROBORATE_SCREENSHOT")
            if target:
                shutil.copy(shot, target)
        finally:
            browser.close()
