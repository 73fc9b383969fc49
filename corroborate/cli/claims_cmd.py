"""``corroborate claims FILE|-``: the check-worthy claims of an article, best first."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TextIO

import click


@click.command("claims")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--json", "as_json", is_flag=True, help="Print JSON (a list of claims).")
@click.option("--lang", "language", default=None, metavar="XX",
              help="Language of the article (ISO 639-1, e.g. fr); detected when omitted.")
@click.option("--max", "max_claims", type=click.IntRange(min=1), default=20, show_default=True,
              help="Most claims shown.")
@click.option("--order", type=click.Choice(["score", "document"]), default="score",
              show_default=True, help="Best first, or in the order they appear in the article.")
def claims_command(file: TextIO, as_json: bool, language: str | None, max_claims: int,
                   order: str) -> None:
    """Extract the check-worthy claims of an article (a file, or - for standard input).

    Each claim comes with its score, the reasons behind it (number, date, named-entity,
    event, attribution, causal; penalties start with "-") and its speaker when it is an
    attributed statement. Offsets point into the input text. A long sentence is checked by its
    lead statement; the clauses left are shown as not checked.

    Example:

    \b
        corroborate claims article.txt --lang fr --max 10
        cat article.txt | corroborate claims - --json
    """
    from ..claims import extract_claims

    text = file.read()
    claims = extract_claims(text, language=language, max_claims=max_claims, order=order)
    if as_json:
        click.echo(json.dumps([asdict(c) for c in claims], indent=2, ensure_ascii=False))
        return
    if not claims:
        click.echo("No check-worthy claim found.")
        return
    for n, claim in enumerate(claims, 1):
        click.echo(f"{n:2d}. [{claim.score:.2f}] {claim.text}")
        details = f"reasons: {', '.join(claim.reasons)}"
        if claim.speaker:
            details += f" | speaker: {claim.speaker}"
        click.echo(f"    {details} | chars {claim.start}-{claim.end}")
        if claim.rest:
            click.echo(f"    not checked, the rest of the sentence: {claim.rest}")


def register(group: click.Group) -> None:
    group.add_command(claims_command)
