"""The ``corroborate`` command line: a thin shell over the library.

Each command group lives in its own module below and exposes ``register(group)``. Options
shared by every command (data directory, config file, verbosity) are read here once and the
resulting :class:`~corroborate.settings.Settings` travels in ``ctx.obj``. The commands reach
the store, the index and the models through :class:`~corroborate.engine.Engine` only.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import CorroborateError
from ..settings import Settings
from .options import data_dir_option, quiet_progress_bars, settings_of


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
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              default=None,
              help="Config file (default: $CORROBORATE_CONFIG or ./corroborate.toml).")
@click.option("-v", "--verbose", count=True,
              help="More log output and the models' loading bars (-vv for debug).")
@click.version_option(package_name="corroborate")
@click.pass_context
def main(ctx: click.Context, data_dir: Path | None, config_file: Path | None,
         verbose: int) -> None:
    """Cross-source corroboration search for news.

    Build a local index from news feeds, then see which outlets support a claim, which
    contradict it, and how many independent origins stand behind each side.
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG),
                        format="%(levelname)s %(name)s: %(message)s")
    quiet_progress_bars(verbose)
    try:
        ctx.obj = Settings.load(config_file=config_file, data_dir=data_dir)
    except CorroborateError as exc:
        raise click.UsageError(str(exc)) from exc


# the command modules (imported after ``main``; each adds its commands with register(group))
from . import (  # noqa: E402
    claims_cmd,
    demo_cmd,
    engine_cmd,
    factcheck_cmd,
    index_cmd,
    ingest_cmd,
    models_cmd,
    serve_cmd,
    settings_cmd,
    stance_cmd,
)

for _module in (settings_cmd, ingest_cmd, index_cmd, engine_cmd, demo_cmd, claims_cmd,
                stance_cmd, factcheck_cmd, models_cmd, serve_cmd):
    _module.register(main)

__all__ = ["data_dir_option", "main", "settings_of"]
