"""The command line as a thin shell: its imports, its one-line errors, its help, its dates."""

from __future__ import annotations

import ast
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from corroborate.cli import main
from corroborate.dates import DateError, parse_date
from corroborate.engine import ClaimError, Engine
from corroborate.filters import EvidenceWindowError, SearchFilters
from corroborate.settings import Settings

CLI_DIR = Path(__file__).resolve().parents[1] / "corroborate" / "cli"


def run(tmp_path: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--data-dir", str(tmp_path / "data"), *args])


def imported_modules(path: Path) -> set[str]:
    """The absolute names of every module ``path`` imports (relative imports resolved)."""
    package = "corroborate.cli"
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(x for x in (base, node.module or "") if x)
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def test_no_command_module_reaches_past_the_engine_into_the_store_or_the_index() -> None:
    modules = sorted(CLI_DIR.glob("*.py"))
    assert len(modules) >= 8
    offenders = {
        p.name: sorted(n for n in imported_modules(p)
                       if n.startswith(("corroborate.store", "corroborate.index")))
        for p in modules
    }
    assert not {k: v for k, v in offenders.items() if v}
    # the check sees through relative imports: index/filters.py (two dots up) uses the store
    assert "corroborate.store.sqlite" in imported_modules(CLI_DIR.parent / "index" / "filters.py")


@pytest.mark.parametrize("claim", ["", "   \t  "])
def test_an_empty_claim_gets_one_line_and_a_failing_exit(tmp_path: Path, claim: str) -> None:
    result = run(tmp_path, "search", claim)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: the claim is empty: type a claim to check"]
    assert "Traceback" not in result.output


def test_an_article_given_as_a_claim_points_to_check_article(tmp_path: Path) -> None:
    article = "The council met on Monday and voted on the budget. " * 400  # ~20,000 characters
    result = run(tmp_path, "search", article)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "looks like an article" in lines[0]
    assert "corroborate check-article" in lines[0] and "max_claim_chars" in lines[0]
    with pytest.raises(ClaimError, match="check-article"):
        Engine(tmp_path / "data", settings=Settings.load(env={})).search(article)


def test_the_claim_length_limit_is_a_setting(tmp_path: Path) -> None:
    settings = Settings.load(env={"CORROBORATE_MAX_CLAIM_CHARS": "20"}, data_dir=tmp_path)
    with pytest.raises(ClaimError, match="20"):
        Engine(settings=settings).search("a claim longer than twenty characters")
    with pytest.raises(ClaimError, match="empty"):
        Engine(settings=settings).hits([" "])


@pytest.mark.parametrize("option", ["--since", "--until", "--claim-date"])
def test_a_bad_date_gets_one_line_naming_its_option(tmp_path: Path, option: str) -> None:
    result = run(tmp_path, "search", "Floods closed the port", option, "2024-13-01")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {option}: '2024-13-01'")
    assert "YYYY-MM-DD" in lines[0]


@pytest.mark.parametrize("command", ["search", "check-article", "compare"])
def test_the_claim_commands_share_their_filter_options(command: str) -> None:
    out = CliRunner().invoke(main, [command, "--help"]).output
    for option in ("--since", "--until", "--language", "--outlet", "--exclude-outlet",
                   "--exclude-url", "--claim-date", "--evidence", "--top-k"):
        assert option in out, (command, option)


def test_search_help_prints_one_example_a_line() -> None:
    out = CliRunner().invoke(main, ["search", "--help"]).output
    lines = [line.strip() for line in out.splitlines()]
    examples = [line for line in lines if line.startswith("corroborate search ")]
    assert len(examples) == 3
    assert 'corroborate search "L\'EI a revendiqué les attentats de Kerman" --json' in examples
    assert ("corroborate search --hits \"Le prix du gaz a doublé en un an\" --language fr -k 5"
            in examples)


def test_parse_date_reads_dates_and_datetimes_as_utc() -> None:
    assert parse_date("2024-01-03") == datetime(2024, 1, 3, tzinfo=UTC)
    end = parse_date("2024-01-03", end_of_day=True)
    assert end is not None and end.date() == date(2024, 1, 3) and end.hour == 23
    assert parse_date("2024-01-03T14:00+02:00") == datetime(2024, 1, 3, 12, tzinfo=UTC)
    assert parse_date(date(2024, 1, 3)) == datetime(2024, 1, 3, tzinfo=UTC)
    assert parse_date(None) is None and parse_date("") is None
    with pytest.raises(DateError, match="--since: 'Jan 3'"):
        parse_date("Jan 3", option="--since")


def test_filters_narrow_to_the_claim_window_and_keep_their_json() -> None:
    f = SearchFilters.of(date_to="2024-01-10", languages=["fr"], claim_date="2024-01-03",
                         evidence="before")
    assert f.date_to == datetime(2024, 1, 3, tzinfo=UTC) and f.languages == ("fr",)
    after = SearchFilters.of(date_from="2024-01-01", claim_date="2024-01-03", evidence="after")
    assert after.date_from == datetime(2024, 1, 3, tzinfo=UTC)
    assert SearchFilters.of(outlets=["A"]).to_dict() == {
        "date_from": None, "date_to": None, "languages": [], "outlets": ["A"],
        "exclude_outlets": [], "exclude_urls": []}
    with pytest.raises(EvidenceWindowError, match="before"):
        SearchFilters.of(claim_date="2024-01-03", evidence="later")


def test_the_loading_notice_waits_a_second_and_says_one_line(
        capsys: pytest.CaptureFixture[str]) -> None:
    import time

    from corroborate.cli.options import LOADING_NOTICE, loading_notice

    with loading_notice(after=1.0):
        time.sleep(0.05)  # a load that is quick: nothing said
    time.sleep(1.1)
    assert capsys.readouterr().err == ""
    with loading_notice(after=0.2):
        time.sleep(0.6)
    captured = capsys.readouterr()
    assert captured.err == LOADING_NOTICE + "\n" and captured.out == ""
