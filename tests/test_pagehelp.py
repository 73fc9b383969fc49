"""The page's helpers: shareable links, article detection, uploaded claims, failing feeds,
charts."""

from __future__ import annotations

from datetime import date

from corroborate.compare import compare_outlets
from corroborate.page.helpers import (
    EXAMPLE_CLAIM,
    claims_from_upload,
    comparison_frames,
    failing_feeds,
    filters_from_query,
    filters_to_query,
    looks_like_article,
    result_key,
)


def test_a_link_round_trips_the_claim_and_filters() -> None:
    chosen = {"date_from": date(2024, 1, 1), "date_to": date(2024, 2, 1), "languages": ["fr", "ar"],
              "outlets": ["Le Veilleur"], "top_k": 5}
    query = filters_to_query("Une affirmation", chosen)
    assert query == {"claim": "Une affirmation", "lang": "fr,ar", "outlet": "Le Veilleur",
                     "since": "2024-01-01", "until": "2024-02-01", "k": "5"}
    assert filters_from_query(query) == chosen


def test_bad_link_values_are_ignored() -> None:
    assert filters_from_query({"since": "yesterday", "k": "lots"}) == {
        "languages": [], "outlets": [], "date_from": None, "date_to": None, "top_k": None}


def test_a_claim_is_not_an_article_but_a_long_text_is() -> None:
    assert not looks_like_article(EXAMPLE_CLAIM)
    article = " ".join(["The minister said on Monday that the port would reopen next week."] * 8)
    assert looks_like_article(article)


def test_uploaded_claims_from_txt_and_csv() -> None:
    assert claims_from_upload("c.txt", "\ufeffone\n\n two \n".encode()) == ["one", "two"]
    assert claims_from_upload("c.csv", b"id,claim\n1,first\n2,\"second, with comma\"\n") == [
        "first", "second, with comma"]
    assert claims_from_upload("c.csv", b"only column\nanother\n") == ["only column", "another"]
    assert claims_from_upload("c.csv", b"") == []


def test_failing_feeds_are_those_with_an_error() -> None:
    status = {
        "feeds_detail": [
            {"outlet": "A", "last_error": None},
            {"outlet": "B", "last_error": "HTTP 404"},
        ]
    }
    assert [f["outlet"] for f in failing_feeds(status)] == ["B"]
    assert failing_feeds({}) == []


def test_result_key_depends_on_claim_and_filters() -> None:
    assert result_key("a", {"top_k": 3}) == result_key("a", {"top_k": 3})
    assert result_key("a", {"top_k": 3}) != result_key("a", {"top_k": 4})
    assert result_key("a", {"top_k": 3}) != result_key("b", {"top_k": 3})


def test_comparison_frames_of_an_empty_comparison() -> None:
    frames = comparison_frames(compare_outlets([], ["Outlet A"]))
    assert frames["volume"] == [{"outlet": "Outlet A", "articles": 0}]
    assert frames["heatmap"].to_dict()["mark"]["type"] == "rect"


def test_the_heatmap_keeps_every_outlet_and_claim_label() -> None:
    from corroborate.compare import Comparison

    outlets = tuple(f"Outlet number {i} of the sample corpus" for i in range(16))
    claims = ("The Islamic State claimed the two Kerman bombings of 3 January 2024 on Telegram.",
              "About 2,500 US troops are stationed in Iraq as part of the coalition.",
              "Iraq's prime minister said the US-led coalition should leave the country.")
    frames = comparison_frames(Comparison(claims=claims, outlets=outlets, cells=(), verdicts={},
                                          fact_checked={claims[1]: "False — Full Fact"}))
    spec = frames["heatmap"].to_dict()
    x, y = spec["encoding"]["x"], spec["encoding"]["y"]
    # Streamlit's chart theme drops overlapping labels and cuts them at 100 px; the axes say no
    for axis in (x["axis"], y["axis"]):
        assert axis["labelOverlap"] is False and axis["labelLimit"] >= 300
        assert axis["labelFlush"] is False
    assert y["sort"] == list(outlets)
    assert x["sort"] == ["C1", "C2", "C3"] and x["axis"]["labelAngle"] == 0
    values = spec["data"]["values"]
    assert {v["outlet"] for v in values} == set(outlets) and len(values) == 16 * 3
    assert {v["claim"] for v in values} == {"C1", "C2", "C3"}
    assert spec["height"] >= 16 * 22  # room for one label per outlet row
    # the short labels are spelled out in a table under the chart (and in each cell's tooltip)
    assert frames["claims"] == [
        {"label": f"C{i}", "claim": c,
         "already fact-checked": "False — Full Fact" if i == 2 else ""}
        for i, c in enumerate(claims, 1)]
    assert {v["text"] for v in values} == set(claims)


def test_the_page_watches_no_files() -> None:
    import tomllib
    from pathlib import Path

    from corroborate.demo.build import page_command
    from corroborate.settings import Settings

    cmd = page_command(Settings.load(env={}))
    assert cmd[cmd.index("--server.fileWatcherType") + 1] == "none"
    assert cmd[cmd.index("--server.runOnSave") + 1] == "false"
    # `streamlit run app.py` from the checkout reads the same from .streamlit/config.toml
    config = tomllib.loads(
        (Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml").read_text()
    )
    assert config["server"]["fileWatcherType"] == "none" and config["server"]["runOnSave"] is False
