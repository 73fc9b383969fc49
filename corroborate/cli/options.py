"""What the commands share: the run's settings, ``--data-dir``, the claim-filter options.

Also :func:`quiet_progress_bars`: model loading draws progress bars only with ``-v``; and
:func:`loading_notice`: one line on stderr when loading the models takes over a second.
"""

from __future__ import annotations

import functools
import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from ..dates import parse_date
from ..settings import Settings

# the keyword arguments of Engine.search that claim_filter_options collects
FILTER_NAMES: tuple[str, ...] = ("top_k", "date_from", "date_to", "languages", "outlets",
                                 "exclude_outlets", "exclude_urls", "claim_date", "evidence")


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
            root.obj = (Settings.load(data_dir=value) if root.obj is None
                        else root.obj.replace(data_dir=value))

    return click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
                        default=None, expose_value=False, callback=store, is_eager=True,
                        help="Data directory (default: $CORROBORATE_DATA_DIR or index/).")(f)


def _date(option: str, *, end_of_day: bool = False) -> Callable[..., Any]:
    """A callback reading the option's date (a bad one: one line naming ``option``)."""

    def parse(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Any:
        return parse_date(value, option=option, end_of_day=end_of_day)

    return parse


def claim_filter_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """The options of the commands that check claims (search, check-article, compare).

    They reach the command as one keyword argument, ``search``: the :meth:`Engine.search`
    keywords the user gave (unset options are left out, so the settings decide).
    """

    @functools.wraps(f)
    def command(*args: Any, **kw: Any) -> Any:
        chosen = {name: kw.pop(name) for name in FILTER_NAMES}
        kw["search"] = {k: v for k, v in chosen.items() if v not in (None, ())}
        return f(*args, **kw)

    for opt in reversed([
        click.option("--top-k", "-k", type=click.IntRange(min=1), default=None,
                     help="Articles shown per side (passages with --hits; default: top_k)."),
        click.option("--since", "date_from", default=None, metavar="DATE",
                     callback=_date("--since"),
                     help="Only evidence published on or after DATE (YYYY-MM-DD)."),
        click.option("--until", "date_to", default=None, metavar="DATE",
                     callback=_date("--until", end_of_day=True),
                     help="Only evidence published on or before DATE (YYYY-MM-DD)."),
        click.option("--language", "languages", multiple=True,
                     help="Only evidence in this language, e.g. en (repeatable)."),
        click.option("--outlet", "outlets", multiple=True,
                     help="Only evidence from this outlet (repeatable)."),
        click.option("--exclude-outlet", "exclude_outlets", multiple=True,
                     help="Leave out this outlet, e.g. the claim's own (repeatable)."),
        click.option("--exclude-url", "exclude_urls", multiple=True,
                     help="Leave out this article URL (repeatable)."),
        click.option("--claim-date", default=None, metavar="DATE",
                     callback=_date("--claim-date"),
                     help="The date the claim was made (with --evidence)."),
        click.option("--evidence", type=click.Choice(["before", "after"]), default=None,
                     help="With --claim-date: only evidence published before/after it."),
    ]):
        command = opt(command)
    return command


def quiet_progress_bars(verbose: int) -> None:
    """Without ``-v``, no "Loading weights" or download bars from the model libraries."""
    if verbose > 0:
        return
    os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"  # read when huggingface_hub is imported
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    if "huggingface_hub" in sys.modules:  # already imported (a second run in one process)
        from huggingface_hub.utils import disable_progress_bars

        disable_progress_bars()
    if "transformers" in sys.modules:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()


__all__ = ["FILTER_NAMES", "claim_filter_options", "data_dir_option", "quiet_progress_bars",
           "settings_of"]


LOADING_NOTICE = "corroborate: loading models (the encoder and the stance model)…"


@contextmanager
def loading_notice(after: float = 1.0, message: str = LOADING_NOTICE) -> Iterator[None]:
    """Print ``message`` (one line, on stderr) once the block has run ``after`` seconds."""
    timer = threading.Timer(after, lambda: click.echo(message, err=True))
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
