"""The Streamlit page, through streamlit's AppTest, over real indexes built with real models.

Every view and every state the issue names: a claim checked (both columns, summary, shareable
link, other-language label), an article split into claims, the outlet comparison, the index
view with Update now / Rebuild, no index yet, no model prepared, a failing feed, an empty
result, and untrusted feed text (``<script>``, ``onerror=``) rendered as text.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.localserver import LocalServer, Response

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
TIMEOUT = 600
KERMAN_FR = "L'État islamique a revendiqué les attentats de Kerman en Iran le 3 janvier 2024."
HOSTILE = ('A spokesman read the statement <script>alert("x")</script> and added '
           "<img src=x onerror=alert(1)> to the harbour fire record, officials said.")


def _app(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> AppTest:
    monkeypatch.setenv("CORROBORATE_DATA_DIR", str(data_dir))
    return AppTest.from_file(APP, default_timeout=TIMEOUT)


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def _messages(at: AppTest) -> str:
    return " ".join(x.value for x in [*at.warning, *at.info, *at.error, *at.success])


def _button(at: AppTest, label: str):  # type: ignore[no-untyped-def]
    return next(b for b in at.button if b.label == label)


def _view(at: AppTest, name: str) -> AppTest:
    return at.sidebar.radio[0].set_value(name).run()


# --- states without an index or with bad settings: no models needed ---------------------------
def test_no_index_yet_gives_a_next_step_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    at = _app(monkeypatch, tmp_path / "empty")
    at.run()
    assert not at.exception
    assert at.text_area(key="claim_text").value == (
        "L'État islamique a revendiqué les deux attentats de Kerman, en Iran, le 3 janvier 2024.")
    _button(at, "Check").click().run()
    assert not at.exception
    shown = _messages(at)
    assert "index" in shown.lower() and "corroborate ingest" in shown


def test_index_view_on_an_empty_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    at = _app(monkeypatch, tmp_path / "empty2")
    at.run()
    _view(at, "The index")
    assert not at.exception
    assert any("empty" in i.value.lower() for i in at.info)
    assert any("no vector index" in i.value.lower() for i in at.info)
    assert {m.label: m.value for m in at.metric}["Articles"] == "0"


def test_compare_without_an_index_explains(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    at = _app(monkeypatch, tmp_path / "empty3")
    at.run()
    _view(at, "Compare outlets")
    _button(at, "Compare").click().run()
    assert not at.exception
    assert "corroborate ingest" in _messages(at)


def test_a_bad_setting_is_a_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CORROBORATE_TOP_K", "many")
    at = _app(monkeypatch, tmp_path / "empty4")
    at.run()
    assert not at.exception
    assert "CORROBORATE_TOP_K" in _messages(at)


def test_results_per_side_default_to_the_top_k_setting(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CORROBORATE_TOP_K", "4")
    at = _app(monkeypatch, tmp_path / "empty5")
    at.run()
    assert not at.exception
    assert at.slider[0].label == "Results per side" and at.slider[0].value == 4
    monkeypatch.setenv("CORROBORATE_TOP_K", "40")  # above the slider's usual top: the slider grows
    at = _app(monkeypatch, tmp_path / "empty5")
    at.run()
    assert not at.exception and at.slider[0].value == 40 and at.slider[0].max == 40


# --- the demo index (real encoder and stance model) ----------------------------------------------
@pytest.mark.slow
def test_check_a_claim_shows_both_columns_and_the_summary(
    monkeypatch: pytest.MonkeyPatch, demo_dir: Path
) -> None:
    at = _app(monkeypatch, demo_dir)
    at.run()
    at.text_area(key="claim_text").input(KERMAN_FR).run()
    _button(at, "Check").click().run()
    assert not at.exception
    headers = [h.value for h in at.subheader]
    # a column counts its cards (one per origin) and, when copies fold in, its articles
    count = r"\((\d+|\d+ origins?, \d+ articles)\)"
    assert any(re.fullmatch(rf"Supporting {count}", h) for h in headers), headers
    assert any(re.fullmatch(rf"Contradicting {count}", h) for h in headers), headers
    cards = html.count('class="cb-card') if (html := _markdown(at)) else 0
    shown = sum(int(m.group(1)) for h in headers
                if (m := re.match(r"(?:Supporting|Contradicting) \((\d+)", h)))
    assert shown <= cards  # every origin counted in a heading has its card
    html = _markdown(at)
    banner = next(m.value for m in at.markdown if m.value.startswith('<div class="cb-verdict"'))
    for part in ("Supporting:", "Contradicting:", "independent origin", "outlets in all", " → "):
        assert part in banner
    assert html.count('class="cb-card') >= 3
    assert "<mark title=" in html  # the deciding or matching sentence is highlighted
    assert "in English" in html or "in Arabic" in html  # other-language evidence is labelled
    assert any(e.label.startswith("Related, no clear stance (") for e in at.expander)
    assert at.query_params["claim"] == KERMAN_FR  # shareable link
    # a rerun (e.g. opening an expander) shows the same result without searching again
    at.run()
    assert [h.value for h in at.subheader] == headers


@pytest.mark.slow
def test_a_fact_checked_claim_shows_the_box_above_the_columns(
    monkeypatch: pytest.MonkeyPatch, demo_dir: Path
) -> None:
    at = _app(monkeypatch, demo_dir)
    at.run()
    houran = ("Les forces américaines protègent des combattants de l'État islamique dans la "
              "vallée de Houran, dans l'ouest de l'Irak.")
    at.text_area(key="claim_text").input(houran).run()
    _button(at, "Check").click().run()
    assert not at.exception
    values = [m.value for m in at.markdown]
    box = next(i for i, v in enumerate(values) if v.startswith('<div class="cb-factcheck"'))
    banner = next(i for i, v in enumerate(values) if v.startswith('<div class="cb-verdict"'))
    assert box < banner  # first thing under the claim, above the verdict and the columns
    assert "Already fact-checked: " in values[box] and "Vérif&#x27;Express" in values[box]
    assert "29 Jan 2024" in values[box]


@pytest.mark.slow
def test_a_shared_link_runs_the_check_with_its_filters(
    monkeypatch: pytest.MonkeyPatch, demo_dir: Path
) -> None:
    at = _app(monkeypatch, demo_dir)
    at.query_params["claim"] = (
        "The Islamic State carried out the drone attack on the Homs military academy."
    )
    at.query_params["lang"] = "en"
    at.query_params["k"] = "3"
    at.run()
    assert not at.exception
    assert at.text_area(key="claim_text").value.startswith("The Islamic State carried out")
    assert [m.value for m in at.multiselect if m.label == "Languages"] == [["en"]]
    assert at.slider[0].value == 3
    headers = [h.value for h in at.subheader]
    assert any(h.startswith("Supporting (") for h in headers)
    html = _markdown(at)
    assert "cb-verdict" in html
    assert "French" not in html and "Arabic" not in html  # the language filter was applied
    for side in ("Supporting", "Contradicting"):
        count = int(next(h for h in headers if h.startswith(side)).split("(")[1].rstrip(")"))
        assert count <= 3


@pytest.mark.slow
def test_an_empty_result_says_so(monkeypatch: pytest.MonkeyPatch, demo_dir: Path) -> None:
    at = _app(monkeypatch, demo_dir)
    at.query_params["claim"] = KERMAN_FR
    at.query_params["since"] = "1990-01-01"  # the sample corpus is from 2023-2024
    at.query_params["until"] = "1990-12-31"
    at.run()
    assert not at.exception
    assert [d.value for d in at.date_input] == [date(1990, 1, 1), date(1990, 12, 31)]
    assert "Nothing in the index speaks to this claim" in _messages(at)
    assert "NOT ENOUGH COVERAGE" in _markdown(at)


@pytest.mark.slow
def test_an_article_is_split_into_claims_checked_one_or_all(
    monkeypatch: pytest.MonkeyPatch, demo_dir: Path
) -> None:
    article = (
        "Two explosions struck a memorial ceremony in Kerman, Iran, on 3 January 2024, "
        "killing about 95 people. "
        "The Islamic State claimed responsibility for the attack the next day "
        "in a statement on Telegram. "
        "Iranian officials had first blamed the United States and Israel. "
        "Is this really a coincidence? Nobody can say for sure. "
        "Meanwhile, Iraq's prime minister said on 5 January that the US-led coalition "
        "should leave the country, a day after a US strike in Baghdad killed the commander of "
        "an Iran-aligned militia."
    )
    at = _app(monkeypatch, demo_dir)
    at.run()
    at.text_area(key="claim_text").input(article).run()
    _button(at, "Check").click().run()
    assert not at.exception
    picker = next(m for m in at.multiselect if m.label == "Claims to check")
    assert any("Kerman" in o for o in picker.options)
    assert not any(o.strip().endswith("?") for o in picker.options)
    # the long last sentence is checked by its lead, and the page says the rest is not checked
    assert any(o.endswith("should leave the country.") for o in picker.options)
    assert any("leading statement" in c.value for c in at.caption)
    assert len(picker.value) == 1  # the first claim is checked right away
    assert _markdown(at).count('class="cb-claim"') == 1
    _button(at, "Check all claims").click().run()
    assert not at.exception
    picker = next(m for m in at.multiselect if m.label == "Claims to check")
    assert list(picker.value) == list(picker.options)
    assert _markdown(at).count('class="cb-claim"') == len(picker.options) >= 2
    assert _markdown(at).count('class="cb-verdict"') == len(picker.options)


@pytest.mark.slow
def test_a_long_claim_nobody_states_whole_offers_its_lead(
    monkeypatch: pytest.MonkeyPatch, demo_dir: Path
) -> None:
    long_claim = ("Le 4 janvier, l'État islamique a revendiqué les deux attentats de la ville "
                  "iranienne de Kerman, qui ont visé une cérémonie à la mémoire du commandant "
                  "Qassem Soleimani, tué par une frappe américaine en 2020.")
    lead = ("Le 4 janvier, l'État islamique a revendiqué les deux attentats de la ville "
            "iranienne de Kerman.")
    at = _app(monkeypatch, demo_dir)
    at.run()
    at.text_area(key="claim_text").input(long_claim).run()
    _button(at, "Check").click().run()
    assert not at.exception
    assert any(lead in m.value for m in at.info), _messages(at)
    _button(at, "Check the lead statement").click().run()
    assert not at.exception
    assert at.text_area(key="claim_text").value == lead
    assert any(h.value.startswith("Supporting (") and h.value != "Supporting (0)"
               for h in at.subheader), [h.value for h in at.subheader]
    assert not any(lead in m.value for m in at.info)  # the lead is checked: no offer again


@pytest.mark.slow
def test_compare_outlets_view(monkeypatch: pytest.MonkeyPatch, demo_dir: Path) -> None:
    at = _app(monkeypatch, demo_dir)
    at.run()
    _view(at, "Compare outlets")
    at.text_area(key="compare_claims").input(
        "The Islamic State claimed the Kerman bombings.\n"
        "About 2,500 US troops are stationed in Iraq."
    ).run()
    _button(at, "Compare").click().run()
    assert not at.exception
    headers = [h.value for h in at.subheader]
    assert "Outlet × claim" in headers and "Coverage over time" in headers
    assert [d.label for d in at.download_button] == ["Download CSV", "Download JSON"]
    # the comparison survives the rerun a download click causes; an uploaded file works too
    at.radio[0].set_value("Upload a file").run()
    assert "Outlet × claim" in [h.value for h in at.subheader]
    at.file_uploader[0].upload(
        "claims.csv", b"id,claim\n1,The Islamic State claimed the Kerman bombings.\n", "text/csv"
    ).run()
    assert any("1 claim to compare" in c.value for c in at.caption)


@pytest.mark.slow
def test_index_view_shows_counts_feeds_and_manifest(
    monkeypatch: pytest.MonkeyPatch, demo_dir: Path
) -> None:
    at = _app(monkeypatch, demo_dir)
    at.run()
    _view(at, "The index")
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["Articles"]) >= 80 and int(metrics["Passages"]) > int(metrics["Articles"])
    assert int(metrics["Feeds"]) >= 10
    assert len(at.dataframe) >= 3  # per outlet, per language, feeds
    assert at.json, "the index manifest is shown"
    assert {"Update now", "Rebuild"} <= {b.label for b in at.button}


@pytest.mark.slow
def test_update_now_on_the_demo_fetches_its_own_feeds(
    monkeypatch: pytest.MonkeyPatch, demo_dir: Path, tmp_path: Path
) -> None:
    from corroborate.demo.build import corpus_server
    from tests.demo_fixtures import copy_data_dir

    data = copy_data_dir(demo_dir, tmp_path / "demo")
    monkeypatch.delenv("CORROBORATE_ALLOW_PRIVATE_ADDRESSES", raising=False)
    at = _app(monkeypatch, data)
    at.run()
    _view(at, "The index")
    with corpus_server(data):  # what `corroborate demo` keeps running beside its page
        _button(at, "Update now").click().run()
    assert not at.exception
    done = [s.value for s in at.success if s.value.startswith("Update finished")]
    assert done and "failed 0." in done[0], _messages(at)
    assert "Some feeds failed" not in _messages(at)


@pytest.mark.slow
def test_a_missing_stance_model_is_explained(monkeypatch: pytest.MonkeyPatch, demo_dir: Path,
                                             tmp_path: Path) -> None:
    monkeypatch.setenv("CORROBORATE_STANCE_MODEL", str(tmp_path / "no-such-model"))
    at = _app(monkeypatch, demo_dir)
    at.query_params["claim"] = KERMAN_FR
    at.run()
    assert not at.exception
    shown = _messages(at)
    assert "model is not ready" in shown and "corroborate models prepare" in shown


# --- a tiny index of our own: hostile feed text, a failing feed, Update now and Rebuild ---------
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><link>{base}/</link>\
<description>d</description>
<item><title>Harbour fire: &lt;b onmouseover="x()"&gt;statement&lt;/b&gt;</title>\
<link>{base}/fire.html</link>
<pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate><description>The harbour fire.</description></item>
</channel></rss>"""
PAGE = """<html><head><title>Harbour fire statement</title></head><body><article>
<h1>Harbour fire statement</h1>
<p>The harbour authority of Port Velmar said on Tuesday &lt;script&gt;alert("x")&lt;/script&gt; \
that the fire
in warehouse 7 &lt;img src=x onerror=alert(1)&gt; destroyed 40 tonnes of grain and injured \
three dock workers.</p>
<p>A spokesman read the statement &lt;script&gt;alert("x")&lt;/script&gt; and added
&lt;img src=x onerror=alert(1)&gt; to the harbour fire record, officials said.</p>
<p>Investigators &lt;script&gt;alert("x")&lt;/script&gt; from the national fire service \
are expected to
publish a first report &lt;img src=x onerror=alert(1)&gt; on the causes of the blaze \
within two weeks.</p>
</article></body></html>"""


@pytest.mark.slow
def test_update_rebuild_failing_feed_and_hostile_text(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, local_server: LocalServer
) -> None:
    base = local_server.base_url
    local_server.route("/feed.xml", Response(200, RSS.format(base=base).encode(),
                                             {"Content-Type": "application/rss+xml"}))
    local_server.route(
        "/fire.html", Response(200, PAGE.encode(), {"Content-Type": "text/html; charset=utf-8"})
    )
    data = tmp_path / "data"
    data.mkdir()
    (data / "feeds.csv").write_text(
        "url,outlet,homepage,language,country,tags\n"
        f"{base}/feed.xml,Harbour Gazette <i>,,en,,\n"
        f"{base}/gone.xml,Gone Daily,,en,,\n", encoding="utf-8")
    monkeypatch.setenv("CORROBORATE_ALLOW_PRIVATE_ADDRESSES", "true")
    monkeypatch.setenv("CORROBORATE_PER_HOST_DELAY", "0")
    monkeypatch.setenv("CORROBORATE_RETRIES", "0")
    at = _app(monkeypatch, data)
    at.run()
    _view(at, "The index")
    _button(at, "Update now").click().run()
    assert not at.exception
    assert any("1 new articles" in s.value for s in at.success), _messages(at)
    assert "Some feeds failed" in _messages(at)
    at.run()  # the counts and the feeds' last status as the next visit shows them
    shown = _messages(at)
    assert "1 feed failed on the last fetch: Gone Daily" in shown and "Next step" in shown
    assert {m.label: m.value for m in at.metric}["Articles"] == "1"
    assert at.json
    _button(at, "Rebuild").click().run()
    assert not at.exception
    assert any("Rebuild finished" in s.value for s in at.success)

    _view(at, "Check a claim")
    at.text_area(key="claim_text").input(HOSTILE).run()
    _button(at, "Check").click().run()
    assert not at.exception
    # every passage of the article carries the hostile text, so whichever one a card shows has it
    cards = [m.value for m in at.markdown if m.value.startswith('<div class="cb-card')]
    assert cards, "the hostile article is found (on some side)"
    html = "\n".join(cards)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Harbour Gazette &lt;i&gt;" in html
    assert not re.search(r"<\s*(script|img|i>|b\s)", html, re.IGNORECASE)
    assert "onerror=alert" not in html.replace("&lt;img src=x onerror=alert(1)&gt;", "")
