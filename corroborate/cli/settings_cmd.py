"""``corroborate settings``: every setting, its value now, and where to change it."""

from __future__ import annotations

import json

import click

from ..settings import registry


@click.command("settings")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def settings_command(ctx: click.Context, as_json: bool) -> None:
    """Show every setting with its current value, environment variable and help.

    Example:
        corroborate settings --json
    """
    from . import settings_of

    current = settings_of(ctx).as_dict()
    rows = [
        {"name": r.name, "value": current[r.name], "env": r.env_var, "type": r.type, "help": r.help}
        for r in registry()
    ]
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for row in rows:
        click.echo(f"{row['name']} = {row['value']!r}\n    {row['env']}: {row['help']}")


def register(group: click.Group) -> None:
    group.add_command(settings_command)
