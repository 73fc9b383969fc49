"""``corroborate settings``: every setting, its value now, and where to change it."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..settings import registry


@click.command("settings")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--markdown", is_flag=True, help="Print the defaults as the README's Markdown table.")
@click.pass_context
def settings_command(ctx: click.Context, as_json: bool, markdown: bool) -> None:
    """Show every setting with its current value, environment variable and help.

    Example:

    \b
        corroborate settings --json
    """
    from .options import settings_of

    current = settings_of(ctx).as_dict()
    rows = [
        {"name": r.name, "value": current[r.name], "env": r.env_var, "type": r.type, "help": r.help}
        for r in registry()
    ]
    if markdown:
        click.echo(markdown_table())
        return
    if as_json:
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for row in rows:
        click.echo(f"{row['name']} = {row['value']!r}\n    {row['env']}: {row['help']}")


def markdown_table() -> str:
    """The settings registry as a Markdown table (defaults, not current values)."""
    lines = ["| setting | environment variable | default | what it does |", "|---|---|---|---|"]
    for r in registry():
        default = str(r.default).replace(str(Path.home()), "~")
        lines.append(f"| `{r.name}` | `{r.env_var}` | `{default}` | {r.help} |")
    return "\n".join(lines)


def register(group: click.Group) -> None:
    group.add_command(settings_command)
