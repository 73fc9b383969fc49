"""The Streamlit page, through streamlit's AppTest, over a real index built with real models."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
TIMEOUT = 600


def _app(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> AppTest:
    monkeypatch.setenv("CORROBORATE_DATA_DIR", str(data_dir))
    return AppTest.from_file(APP, default_timeout=TIMEOUT)


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_no_index_yet_gives_a_next_step_not_a_traceback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    at = _app(monkeypatch, tmp_path / "empty")
    at.run()
    assert not at.exception
    assert at.text_area(key="claim_text").value  # opens with an example claim ready to check
    at.button[0].click().run()
    assert not at.exception
    shown = " ".join(w.value for w in at.warning) + " ".join(i.value for i in at.info)
    assert "index" in shown.lower() and "corroborate" in shown


def test_index_view_on_an_empty_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    at = _app(monkeypatch, tmp_path / "empty2")
    at.run()
    at.sidebar.radio[0].set_value("The index").run()
    assert not at.exception
    assert any("empty" in i.value.lower() or "no vector index" in i.value.lower() for i in at.info)


@pytest.mark.slow
def test_check_a_claim_shows_both_columns(monkeypatch: pytest.MonkeyPatch, demo_dir: Path) -> None:
    at = _app(monkeypatch, demo_dir)
    at.run()
    at.text_area(key="claim_text").input(
        "L'État islamique a revendiqué les attentats de Kerman en Iran le 3 janvier 2024.").run()
    at.button[0].click().run()
    assert not at.exception
    headers = [h.value for h in at.subheader]
    assert any(h.startswith("Supporting (") for h in headers)
    assert any(h.startswith("Contradicting (") for h in headers)
    html = _markdown(at)
    assert "cb-verdict" in html and "cb-card" in html
    assert at.query_params["claim"].startswith("L'État islamique")  # shareable link


@pytest.mark.slow
def test_a_shared_link_runs_the_check(monkeypatch: pytest.MonkeyPatch, demo_dir: Path) -> None:
    at = _app(monkeypatch, demo_dir)
    at.query_params["claim"] = "The Islamic State carried out the drone attack on the Homs military academy."
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    assert any(h.value.startswith("Supporting (") for h in at.subheader)
    assert "cb-verdict" in _markdown(at)


@pytest.mark.slow
def test_an_article_is_split_into_claims(monkeypatch: pytest.MonkeyPatch, demo_dir: Path) -> None:
    article = (
        "Two explosions struck a memorial ceremony in Kerman, Iran, on 3 January 2024, killing about 95 people. "
        "The Islamic State claimed responsibility for the attack the next day in a statement on Telegram. "
        "Iranian officials had first blamed the United States and Israel. "
        "Is this really a coincidence? Nobody can say for sure. "
        "Meanwhile, Iraq's prime minister said on 5 January that the US-led coalition should leave the country."
    )
    at = _app(monkeypatch, demo_dir)
    at.run()
    at.text_area(key="claim_text").input(article).run()
    at.button[0].click().run()
    assert not at.exception
    assert at.multiselect, "the claims of the article are offered for checking"
    options = at.multiselect[-1].options
    assert any("Kerman" in o for o in options)
    assert not any(o.strip().endswith("?") for o in options)


@pytest.mark.slow
def test_compare_outlets_view(monkeypatch: pytest.MonkeyPatch, demo_dir: Path) -> None:
    at = _app(monkeypatch, demo_dir)
    at.run()
    at.sidebar.radio[0].set_value("Compare outlets").run()
    at.text_area(key="compare_claims").input(
        "The Islamic State claimed the Kerman bombings.\nAbout 2,500 US troops are stationed in Iraq.").run()
    at.button[0].click().run()
    assert not at.exception
    headers = [h.value for h in at.subheader]
    assert "Outlet × claim" in headers and "Coverage over time" in headers


@pytest.mark.slow
def test_index_view_shows_counts_and_manifest(monkeypatch: pytest.MonkeyPatch, demo_dir: Path) -> None:
    at = _app(monkeypatch, demo_dir)
    at.run()
    at.sidebar.radio[0].set_value("The index").run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["Articles"]) >= 80 and int(metrics["Passages"]) > int(metrics["Articles"])
    assert at.json, "the index manifest is shown"
