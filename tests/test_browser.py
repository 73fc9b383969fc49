"""End to end in a real headless browser: Debian's chromium driven by Playwright.

Starts the page on 127.0.0.1 over the demo index, submits a claim, waits for both columns,
and saves a screenshot. With ``CORROBORATE_SCREENSHOT=docs/screenshot.png`` the run also
refreshes the README's screenshot.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from corroborate.demo.build import page_command
from corroborate.settings import Settings

REPO = Path(__file__).resolve().parents[1]
# a demo claim the sample corpus supports (cards in the Supporting column for the screenshot)
CLAIM = "L'État islamique a revendiqué les attentats de Kerman, en Iran, en janvier 2024."
# a demo claim fictional fact-checkers reviewed (ClaimReview markup in the sample corpus)
FACT_CHECKED = ("Les forces américaines protègent des combattants de l'État islamique dans la "
                "vallée de Houran, dans l'ouest de l'Irak.")
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
    # the command `corroborate demo` runs (it watches no files)
    proc = subprocess.Popen(page_command(Settings.load(env={}), port=port),
                            env=env, stdout=log, stderr=subprocess.STDOUT, cwd=REPO)
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
            pytest.fail(
                "the page did not start: " + (tmp_path / "streamlit.log").read_text()[-2000:]
            )
        yield url
        log.flush()
        shown = (tmp_path / "streamlit.log").read_text()
        print("streamlit log tail:", shown[-3000:])  # shown on failure
        assert "Inotify" not in shown
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
        pytest.skip(
            "Debian's chromium is not installed (scripts/test.sh installs it with apt-get as root)"
        )
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=chromium,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1700})
            page.goto(page_server, wait_until="networkidle")
            box = page.get_by_label("A claim, or a whole article")
            box.wait_for(timeout=60_000)
            assert "Kerman" in box.input_value()  # opens with the French example claim
            box.fill(CLAIM)
            page.get_by_role("button", name="Check").first.click()
            # a column counts its cards (one per origin) and the articles folded into them
            count = r"\((\d+|\d+ origins?, \d+ articles)\)$"
            # .first: while a rerun replaces the page, a heading is briefly there twice
            page.get_by_text(re.compile(rf"^Supporting {count}")).first.wait_for(timeout=300_000)
            page.get_by_text(re.compile(rf"^Contradicting {count}")).first.wait_for(timeout=60_000)
            page.locator(".cb-verdict").first.wait_for(timeout=60_000)
            # the models finish loading in the background; the page reruns once when they do
            # (the heading is briefly drawn twice while the rerun replaces the page), then
            # holds one of each column
            page.get_by_text(re.compile(r"^Models ready")).first.wait_for(timeout=300_000)
            expect(page.get_by_text(re.compile(r"^Supporting \("))).to_have_count(1)
            expect(page.get_by_text(re.compile(r"^Contradicting \("))).to_have_count(1)
            # the two columns sit side by side
            left = page.get_by_text(re.compile(r"^Supporting \(")).bounding_box()
            right = page.get_by_text(re.compile(r"^Contradicting \(")).bounding_box()
            assert (
                left and right and right["x"] > left["x"] + 300 and abs(right["y"] - left["y"]) < 5
            )
            page.get_by_text("Related, no clear stance").click()
            page.locator(".cb-card").first.wait_for(timeout=60_000)
            assert (
                page.locator(".cb-card mark").count() >= 1
            )  # the matching sentence is highlighted
            assert "claim=" in page.url  # a shareable link
            time.sleep(1)  # let the last fragments paint
            shot = tmp_path / "page.png"
            page.screenshot(path=str(shot), type="png")
            assert shot.stat().st_size > 10_000
            target = os.environ.get("CORROBORATE_SCREENSHOT")
            if target:
                page.get_by_text("Related, no clear stance").click()  # collapse again
                # back to the top (the click scrolled down): the README shows the claim
                # and the verdict
                page.evaluate(
                    "document.querySelectorAll('*')"
                    ".forEach(e => { if (e.scrollTop) e.scrollTop = 0; });"
                    " window.scrollTo(0, 0);"
                )
                time.sleep(1)
                page.screenshot(path=target, type="png")
            # a claim fact-checkers have reviewed: their verdicts sit above the two columns
            box.fill(FACT_CHECKED)
            page.get_by_role("button", name="Check").first.click()
            checked = page.locator(".cb-factcheck").first
            checked.wait_for(timeout=300_000)
            assert "Already fact-checked: Faux" in checked.inner_text()
            columns = page.get_by_text(re.compile(r"^Supporting \(")).bounding_box()
            placed = checked.bounding_box()
            assert placed and columns and placed["y"] < columns["y"]
        finally:
            browser.close()


def test_the_models_load_while_the_page_opens_and_a_claim_waits_for_them(
        page_server: str) -> None:
    """The page starts loading the models at once with a visible progress state; a claim
    checked meanwhile waits with that message (the page stays live), then gets its result, and
    the page says when the models are ready."""
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip(
            "Debian's chromium is not installed (scripts/test.sh installs it with apt-get as root)"
        )
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=chromium,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1400})
            page.goto(page_server)
            page.get_by_text(re.compile(r"^Loading models in the background")).first.wait_for(
                timeout=60_000)
            box = page.get_by_label("A claim, or a whole article")
            box.fill(CLAIM)
            page.get_by_role("button", name="Check").first.click()
            # the click meets models still loading: it waits, saying so and showing the step
            page.get_by_text(re.compile(r"^Your check starts as soon as the models are loaded"
                                        )).first.wait_for(timeout=60_000)
            # .first: the rerun that follows the loading briefly draws the heading twice
            page.get_by_text(re.compile(r"^Supporting \(")).first.wait_for(timeout=300_000)
            page.locator(".cb-verdict").first.wait_for(timeout=60_000)
            page.get_by_text(re.compile(r"^Models ready \(loaded in \d+ s\)")).first.wait_for(
                timeout=60_000)
            expect(page.get_by_text(re.compile(r"^Supporting \("))).to_have_count(1)
        finally:
            browser.close()
