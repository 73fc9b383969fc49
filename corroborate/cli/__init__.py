"""The ``corroborate`` command line: a thin shell over the library.

Each command group lives in its own module below and exposes ``register(group)``. Options
shared by every command (data directory, config file, verbosity) are read here once and the
resulting :class:`~corroborate.settings.Settings` travels in ``ctx.obj``.
"""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import CorroborateError
from ..settings import Settings

# Modules under corroborate.cli that contribute commands (each has register(group)).
COMMAND_MODULES: tuple[str, ...] = (
    "settings_cmd",
    "ingest_cmd",
    "index_cmd",
    "engine_cmd",
    "demo_cmd",
    "claims_cmd",
    "stance_cmd",
    "models_cmd",
)


class _Group(click.Group):
    """Turns library errors into a clean message and exit code 1 (no traceback)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CorroborateError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Data directory (default: $CORROBORATE_DATA_DIR or index/).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Config file (default: $CORROBORATE_CONFIG or ./corroborate.toml).")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.version_option(package_name="corroborate")
@click.pass_context
def main(ctx: click.Context, data_dir: Path | None, config_file: Path | None, verbose: int) -> None:
    """Cross-source corroboration search for news.

    Build a local index from news feeds, then see which outlets support a claim, which
    contradict it, and how many independent origins stand behind each side.
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s")
    try:
        ctx.obj = Settings.load(config_file=config_file, data_dir=data_dir)
    except CorroborateError as exc:
        raise click.UsageError(str(exc)) from exc


def settings_of(ctx: click.Context, **overrides: Any) -> Settings:
    """The settings of this run, with a command's own options applied (``None`` ignored)."""
    settings: Settings = ctx.find_root().obj
    changes = {k: v for k, v in overrides.items() if v is not None}
    return settings.replace(**changes) if changes else settings


def data_dir_option(f: Any) -> Any:
    """``--data-dir`` on a subcommand too (``corroborate search --data-dir D ...``)."""

    def store(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
        if value is not None:
            root = ctx.find_root()
            root.obj = Settings.load(data_dir=value) if root.obj is None else root.obj.replace(data_dir=value)

    return click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                        expose_value=False, callback=store, is_eager=True,
                        help="Data directory (default: $CORROBORATE_DATA_DIR or index/).")(f)


for _name in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_name}").register(main)
