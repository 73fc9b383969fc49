"""``corroborate check-article`` and ``corroborate compare``: thin shells over :class:`Engine`.

``corroborate search`` (in ``index_cmd``) goes through the engine too.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .options import claim_filter_options, data_dir_option, loading_notice, settings_of

if TYPE_CHECKING:  # pragma: no cover
    from ..results import Result


def read_text_arg(path: str) -> str:
    """The text of FILE, or of standard input for ``-``."""
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise click.BadParameter(f"{path} does not exist") from exc
    except UnicodeDecodeError as exc:
        raise click.BadParameter(f"{path} is not UTF-8 text ({exc.reason})") from exc


def print_result_text(result: Result, unchecked: str = "") -> None:
    """A terminal rendering of one result (``unchecked``: the rest of the claim's sentence)."""
    d = result.to_dict()
    v = d["verdict"]
    click.echo(f"Claim: {d['claim']}")
    if unchecked:
        click.echo(f"Not checked, the rest of its sentence: “{unchecked}”")
    click.echo(f"Verdict: {v.get('label')} — {v.get('explanation', '')}")
    for f in d.get("fact_checks", []):
        date = (f["published"] or "")[:10]
        click.echo(f"Already fact-checked: {f['rating'] or f['verdict']} ({f['verdict']}) — "
                   f"{f['publisher'] or 'unknown publisher'}, {date} · similarity "
                   f"{f['similarity']:.2f}\n    “{f['claim'][:200]}”\n    {f['url']}")
    for side in ("supporting", "contradicting", "neutral"):
        items = d[side]
        click.echo(f"\n{side.upper()} — {d['summary']['described'][side]}")
        for e in items:
            date = (e["published"] or "")[:10]
            click.echo(f"  [{e['stance']} {e['confidence']:.2f}] {e['outlet']} · {date} · "
                       f"{e['language']} · {e['title']}")
            click.echo(f"    {e['url']}")
            click.echo(f"    “{e['passage'][:300]}”")
            if e["copies"]:
                carried = ", ".join(sorted({c["outlet"] for c in e["copies"]}))
                click.echo(f"    also carried by: {carried}")
    click.echo(f"\n{d['disclaimer']}")


@click.command("check-article")
@click.argument("file")
@click.option("--max-claims", type=int, default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True,
              help="One JSON document: claims with their results.")
@claim_filter_options
@data_dir_option
@click.pass_context
def check_article(ctx: click.Context, file: str, max_claims: int, as_json: bool,
                  search: dict[str, Any]) -> None:
    """Extract the check-worthy claims of an article and corroborate each.

    Example:

    \b
        corroborate check-article article.txt --exclude-outlet "The Cradle" --json
    """
    from ..remote import open_engine

    engine = open_engine(settings_of(ctx))
    text = read_text_arg(file)
    with loading_notice():
        engine.warm_up(first_pass=False)
    pairs = engine.check_article(text, max_claims=max_claims, **search)
    if as_json:
        out = [{"claim": c.text, "start": c.start, "end": c.end, "speaker": c.speaker,
                "unchecked": c.rest, "result": r.to_dict()} for c, r in pairs]
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    for i, (claim, result) in enumerate(pairs, 1):
        click.echo(f"\n=== {i}/{len(pairs)} ===")
        print_result_text(result, claim.rest)


@click.command("compare")
@click.option("--claims", "claims_file", required=True,
              help="File with one claim per line (or - for stdin).")
@click.option("--article", is_flag=True,
              help="Treat the file as an article and compare on its claims.")
@click.option("--csv", "csv_out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the outlet × claim matrix as CSV to this file.")
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON.")
@claim_filter_options
@data_dir_option
@click.pass_context
def compare(ctx: click.Context, claims_file: str, article: bool, csv_out: Path | None,
            as_json: bool, search: dict[str, Any]) -> None:
    """Compare outlets over a set of claims: who covered, backed, disputed or ignored each.

    Example:

    \b
        corroborate compare --claims claims.txt --csv matrix.csv
    """
    from ..remote import open_engine

    engine = open_engine(settings_of(ctx))
    text = read_text_arg(claims_file)
    if article:
        claims = [c.text for c in engine.extract_claims(text, max_claims=10)]
    else:
        claims = [line.strip() for line in text.splitlines()
                  if line.strip() and not line.startswith("#")]
    if not claims:
        raise click.UsageError(f"no claims in {claims_file}")
    with loading_notice():
        engine.warm_up(first_pass=False)
    comparison = engine.compare(claims, **search)
    if csv_out is not None:
        csv_out.write_text(comparison.to_csv(), encoding="utf-8")
        click.echo(f"wrote {csv_out}", err=True)
    if as_json:
        click.echo(comparison.to_json())
    elif csv_out is None:
        for claim in comparison.claims:
            click.echo(f"\n{claim}  [{comparison.verdicts.get(claim)}]")
            for outlet in comparison.outlets:
                cell = comparison.cell(outlet, claim)
                click.echo(f"  {outlet:<32} {cell.stance:<12} {cell.articles} article(s)")


def register(group: click.Group) -> None:
    group.add_command(check_article)
    group.add_command(compare)
