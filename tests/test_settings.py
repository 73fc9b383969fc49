"""The settings object: precedence, types, clear errors, and every setting documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corroborate.cli.settings_cmd import markdown_table
from corroborate.errors import ConfigError
from corroborate.settings import Settings, registry

REPO = Path(__file__).resolve().parents[1]


def test_defaults_then_file_then_env_then_overrides(tmp_path: Path) -> None:
    cfg = tmp_path / "corroborate.toml"
    cfg.write_text('fetch_concurrency = 3\nper_host_delay = 2.5\n[corroborate]\nretries = 1\n')
    env = {"CORROBORATE_PER_HOST_DELAY": "0.25", "CORROBORATE_ALLOW_PRIVATE_ADDRESSES": "1"}
    s = Settings.load(config_file=cfg, env=env, retries=7)
    assert s.fetch_concurrency == 3  # file over default
    assert s.per_host_delay == 0.25  # env over file
    assert s.allow_private_addresses is True
    assert s.retries == 7  # explicit override over file
    assert Settings.load(env={}).fetch_concurrency == Settings().fetch_concurrency


def test_data_dir_from_env_and_store_path(tmp_path: Path) -> None:
    s = Settings.load(env={"CORROBORATE_DATA_DIR": str(tmp_path)})
    assert s.data_dir == tmp_path
    assert s.store_path == tmp_path / "corroborate.sqlite3"


@pytest.mark.parametrize(
    ("env", "needle"),
    [
        ({"CORROBORATE_FETCH_CONCURRENCY": "many"}, "CORROBORATE_FETCH_CONCURRENCY"),
        ({"CORROBORATE_RESPECT_ROBOTS": "perhaps"}, "respect_robots"),
    ],
)
def test_bad_env_values_name_the_variable(env: dict[str, str], needle: str) -> None:
    with pytest.raises(ConfigError, match=needle):
        Settings.load(env=env)


def test_unknown_key_in_config_file_is_named(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("fetch_concurency = 3\n")
    with pytest.raises(ConfigError, match="fetch_concurency"):
        Settings.load(config_file=cfg, env={})


def test_a_choice_setting_accepts_only_its_choices(tmp_path: Path) -> None:
    assert Settings.load(env={"CORROBORATE_STANCE_PRECISION": " BF16 "}).stance_precision == "bf16"
    with pytest.raises(
        ConfigError, match=r"CORROBORATE_STANCE_PRECISION.*one of auto, bf16, int8, fp32"
    ):
        Settings.load(env={"CORROBORATE_STANCE_PRECISION": "int4"})


def test_a_retired_setting_names_its_replacement(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("stance_quantize = false\n")
    with pytest.raises(ConfigError, match=r"stance_quantize.*replaced by stance_precision"):
        Settings.load(config_file=cfg, env={})


def test_malformed_config_file_names_the_file(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("fetch_concurrency = = 3\n")
    with pytest.raises(ConfigError, match=str(cfg)):
        Settings.load(config_file=cfg, env={})


def test_every_setting_is_documented_in_the_settings_doc() -> None:
    doc = (REPO / "docs" / "settings.md").read_text(encoding="utf-8")
    missing = [r.name for r in registry() if f"`{r.name}`" not in doc]
    assert not missing, f"settings missing from docs/settings.md's settings table: {missing}"
    assert all(r.help.strip() for r in registry())


def test_the_settings_table_is_the_one_generated_from_the_registry() -> None:
    doc = (REPO / "docs" / "settings.md").read_text(encoding="utf-8")
    table = re.search(r"<!-- settings:start -->\n(.*?)\n<!-- settings:end -->", doc, flags=re.S)
    assert table, "docs/settings.md lost its <!-- settings:start/end --> markers"
    assert table.group(1) == markdown_table(), (
        "docs/settings.md's table is out of step with the settings registry: "
        "run `python scripts/update_readme.py`"
    )
