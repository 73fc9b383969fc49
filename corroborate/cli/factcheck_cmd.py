"""``corroborate eval fact-checks``: the engine's fact-check matching scored on CLEF-2020."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .options import settings_of

_FILE = click.Path(dir_okay=False, exists=True, path_type=Path)


@click.command("fact-checks")
@click.option("--format", "fmt", type=click.Choice(["clef2020"]), required=True,
              help="clef2020: CheckThat! 2020 task 2 (verified-claim retrieval) files.")
@click.option("--queries", type=_FILE, required=True, help="Tweets: id<TAB>text (TSV).")
@click.option("--qrels", type=_FILE, required=True, help="Judgements: query 0 claim relevance.")
@click.option("--claims", type=_FILE, required=True,
              help="Verified claims: id<TAB>vclaim<TAB>title (TSV).")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Keep the claim and query vectors here between runs (encoding 10k claims "
                   "takes minutes on a CPU).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def eval_fact_checks_command(ctx: click.Context, fmt: str, queries: Path, qrels: Path,
                             claims: Path, cache_dir: Path | None, as_json: bool) -> None:
    """Match tweets against verified claims with the engine's fact-check matcher.

    Reports MAP@1, MAP@3, MAP@5, MRR and recall@10 with 95 % bootstrap intervals.

    Example:

    \b
        corroborate eval fact-checks --format clef2020 \\
            --queries ../shared/data/retrieval/clef2020/dev/tweets.queries.tsv \\
            --qrels ../shared/data/retrieval/clef2020/dev/tweet-vclaim-pairs.qrels \\
            --claims ../shared/data/retrieval/clef2020/verified_claims.docs.tsv
    """
    from ..encoder.embed import load_encoder
    from ..factcheck.evaluate import MEASURES, evaluate_clef, read_clef

    data = read_clef(queries, qrels, claims)
    if not data.qrels:
        raise click.UsageError(f"{qrels}: no relevant pair")
    encoder = load_encoder(settings_of(ctx))
    report = evaluate_clef(data, encoder, cache_dir=cache_dir)
    report.pop("rankings")
    report["format"] = fmt
    if as_json:
        click.echo(json.dumps(report, indent=2))
        return
    click.echo(f"{report['queries']} queries against {report['claims']} verified claims")
    for name in MEASURES:
        m = report["measures"][name]
        click.echo(f"  {name:<10} {m['value']:.3f}  (95% CI {m['low']:.3f}–{m['high']:.3f})")
    shown = report["display"]
    click.echo(f"display threshold {shown['min_similarity']:.3f}: best match shown for "
               f"{shown['shown']:.1%} of the queries, right {shown['precision']:.1%} of the time")


def register(group: click.Group) -> None:
    """Add ``eval fact-checks`` (creating the ``eval`` group when no other module has)."""
    eval_group = group.commands.get("eval")
    if not isinstance(eval_group, click.Group):
        eval_group = click.Group("eval", help="Score components on labelled data.")
        group.add_command(eval_group)
    eval_group.add_command(eval_fact_checks_command)
