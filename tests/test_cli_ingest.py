"""The ingest, status and feeds commands, through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from corroborate.cli import main
from corroborate.ingest.feedlist import load_feed_list
from corroborate.settings import Settings
from corroborate.store.sqlite import Store

from .localserver import LocalServer
from .test_ingest import Site, rss, stories
from .test_store import make_article


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no stray corroborate.toml or index/ from the checkout
    for name in ("CORROBORATE_DATA_DIR", "CORROBORATE_FEEDS_FILE", "CORROBORATE_CONFIG",
                 "CORROBORATE_ALLOW_PRIVATE_ADDRESSES"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "data"


def cli(data_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--data-dir", str(data_dir), *args], catch_exceptions=False)


def test_status_without_a_store_says_what_to_run(data_dir: Path) -> None:
    result = cli(data_dir, "status")
    assert result.exit_code == 1
    assert "corroborate ingest" in result.output
    assert not data_dir.exists()  # status never creates a store


def test_status_json_reports_counts_and_errors(data_dir: Path) -> None:
    settings = Settings.load(env={}, data_dir=data_dir)
    with Store(settings.store_path) as store:
        for i, outlet in enumerate(["A", "B"]):
            art, ps = make_article(
                f"https://x.example/{i}",
                text=f"Story {i}. " + "Some words here. " * 3 + "Last words.",
                outlet=outlet,
            )
            store.add_article(art, ps)
        store.log_fetch("https://x.example/gone", "page", 404, False, "HTTP 404 Not Found")
    result = cli(data_dir, "status", "--json")
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    assert (stats["articles"], stats["passages"]) == (2, 4)
    assert stats["per_outlet"] == {"A": 1, "B": 1}
    assert stats["recent_errors"][0]["reason"] == "HTTP 404 Not Found"
    text = cli(data_dir, "status").output
    assert "2 articles" in text and "HTTP 404 Not Found" in text
    # --data-dir after the command name works too
    late = CliRunner().invoke(main, ["status", "--data-dir", str(data_dir), "--json"])
    assert late.exit_code == 0 and json.loads(late.stdout)["articles"] == 2


def test_feeds_add_list_export_import_round_trip(data_dir: Path, tmp_path: Path) -> None:
    r = cli(data_dir, "feeds", "add", "https://www.example.com/rss", "--outlet", "Example",
            "--language", "en", "--country", "GB", "--tag", "world", "--tag", "wire")
    assert r.exit_code == 0, r.output
    assert (
        cli(
            data_dir, "feeds", "add", "https://other.example.org/feed.xml", "--outlet", "Other",
            "--kind", "factcheck",
        ).exit_code
        == 0
    )
    feeds_csv = data_dir / "feeds.csv"
    assert feeds_csv.is_file()
    listed = json.loads(cli(data_dir, "feeds", "list", "--json").stdout)
    assert [f["outlet"] for f in listed] == ["Example", "Other"]
    assert listed[0]["tags"] == ["world", "wire"] and listed[0]["country"] == "GB"
    assert [f["kind"] for f in listed] == ["news", "factcheck"]
    assert "[fact-checker]" in cli(data_dir, "feeds", "list").output
    # replacing a feed with the same URL keeps one entry
    cli(data_dir, "feeds", "add", "https://www.example.com/rss", "--outlet", "Example News")
    assert [f.outlet for f in load_feed_list(feeds_csv)] == ["Example News", "Other"]

    opml = cli(data_dir, "feeds", "export", "--format", "opml").output
    assert "<opml" in opml and "https://other.example.org/feed.xml" in opml
    csv_out = cli(data_dir, "feeds", "export", "--format", "csv").output
    assert csv_out.splitlines()[0] == "url,outlet,homepage,language,country,tags,kind"

    exported = tmp_path / "out.opml"
    exported.write_text(opml, encoding="utf-8")
    other = tmp_path / "other"
    r = cli(other, "feeds", "import", str(exported))
    assert r.exit_code == 0, r.output
    assert [(f.url, f.outlet, f.kind) for f in load_feed_list(other / "feeds.csv")] == \
        [(f.url, f.outlet, f.kind) for f in load_feed_list(feeds_csv)]
    # importing again adds nothing
    cli(other, "feeds", "import", str(exported))
    assert len(load_feed_list(other / "feeds.csv")) == 2


def test_feeds_add_refuses_a_bad_url(data_dir: Path) -> None:
    r = cli(data_dir, "feeds", "add", "ftp://example.com/feed", "--outlet", "X")
    assert r.exit_code == 1 and "scheme" in r.output


def test_ingest_with_a_bad_feed_list_fails_fast_naming_the_line(
    data_dir: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("url,outlet\nhttps://a.example/rss,A\nftp://b.example/rss,B\n", encoding="utf-8")
    r = cli(data_dir, "ingest", "--feeds", str(bad), "--no-index")
    assert r.exit_code == 1
    assert f"{bad}:3" in r.output
    assert not (data_dir / "corroborate.sqlite3").exists()


def test_ingest_without_a_feed_list_says_how_to_make_one(data_dir: Path) -> None:
    r = cli(data_dir, "ingest", "--no-index")
    assert r.exit_code == 1 and "corroborate feeds add" in r.output


def test_ingest_prints_a_summary_with_each_failure(
    data_dir: Path, local_server: LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CORROBORATE_PER_HOST_DELAY", "0")
    monkeypatch.setenv("CORROBORATE_RETRIES", "0")
    site = Site(local_server)
    items = [*stories(site, [1, 2]), (local_server.url("/news/missing.html"), "gone", None)]
    feed_url = site.feed("/feed.xml", rss(items))
    plain = tmp_path / "feeds.txt"
    plain.write_text(f"{feed_url}\n", encoding="utf-8")  # a plain list of URLs works too

    refused = cli(data_dir, "ingest", "--feeds", str(plain), "--no-index", "--json")
    assert refused.exit_code == 0
    assert json.loads(refused.stdout)["feeds_failed"] == 1  # private address, no opt-in

    r = cli(data_dir, "ingest", "--feeds", str(plain), "--no-index", "--allow-private-addresses")
    assert r.exit_code == 0, r.output
    assert "1 ok, 0 unchanged, 0 failed" in r.output
    assert "2 new, 0 duplicate, 1 failed" in r.output
    assert "missing.html" in r.output and "404" in r.output

    again = cli(
        data_dir,
        "ingest",
        "--feeds",
        str(plain),
        "--no-index",
        "--allow-private-addresses",
        "--json",
    )
    report = json.loads(again.stdout)
    assert (report["feeds_unchanged"], report["articles_new"]) == (1, 0)


def test_a_data_dir_without_its_own_list_reads_the_default_one(
    data_dir: Path, tmp_path: Path
) -> None:
    shipped = tmp_path / "index" / "feeds.csv"  # the default feeds_file, relative to the cwd
    shipped.parent.mkdir()
    shipped.write_text("url,outlet\nhttps://shipped.example/rss,Shipped\n", encoding="utf-8")
    assert [f["outlet"] for f in json.loads(cli(data_dir, "feeds", "list", "--json").stdout)] == [
        "Shipped"
    ]
    cli(data_dir, "feeds", "add", "https://mine.example/rss", "--outlet", "Mine")
    assert [f.outlet for f in load_feed_list(data_dir / "feeds.csv")] == ["Mine"]
    assert [f["outlet"] for f in json.loads(cli(data_dir, "feeds", "list", "--json").stdout)] == [
        "Mine"
    ]
    assert shipped.read_text(encoding="utf-8").count("\n") == 2  # the shipped list is untouched
