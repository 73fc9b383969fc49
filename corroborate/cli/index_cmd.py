"""``corroborate search`` and ``corroborate rebuild``: thin shells over :class:`Engine`.

The hit formatting (:func:`hit_to_dict`, :func:`echo_hits`) is shared with other commands
that show retrieved passages.
"""

from __future__ import annotations

import json
import shlex
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from .options import claim_filter_options, data_dir_option, loading_notice, settings_of

if TYPE_CHECKING:  # pragma: no cover
    from ..domain import SearchHit


def hit_to_dict(hit: SearchHit, rank: int | None = None) -> dict[str, Any]:
    """A hit as JSON: passage, its article's metadata and the score."""
    a, p = hit.article, hit.passage
    out: dict[str, Any] = {
        "score": round(hit.score, 4),
        "passage_id": p.id,
        "text": p.text,
        "url": a.url,
        "title": a.title,
        "outlet": a.outlet,
        "language": a.language,
        "published": a.published.isoformat() if a.published else None,
        "article_id": a.id,
        "passage_index": p.index,
        "start": p.start,
        "end": p.end,
    }
    if rank is not None:
        out = {"rank": rank, **out}
    return out


def echo_hits(hits: Sequence[SearchHit], *, width: int = 100) -> None:
    """Print hits for a reader: rank, score, outlet, language, date, URL, title, passage."""
    if not hits:
        click.echo("no passages found")
        return
    for rank, hit in enumerate(hits, 1):
        a = hit.article
        day = a.published.date().isoformat() if a.published else "undated"
        click.echo(f"{rank:>2}. {hit.score:.3f}  {a.outlet or '?'} [{a.language or '?'}] {day}  "
                   f"{a.url}")
        if a.title:
            click.echo(f"    {a.title}")
        for line in textwrap.wrap(" ".join(hit.passage.text.split()), width=width - 4):
            click.echo(f"    {line}")
        click.echo()


@click.command("rebuild")
@data_dir_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def rebuild_command(ctx: click.Context, as_json: bool) -> None:
    """Re-embed every stored passage with the configured model into a new index.

    The previous index keeps serving until the new one is complete, then it is swapped in
    atomically; interrupting the rebuild leaves the previous index as it was.

    Example:

    \b
        corroborate rebuild --data-dir news/
    """
    from tqdm import tqdm

    from ..engine import Engine

    bar = tqdm(total=0, unit="passage", desc="rebuild", disable=None, leave=False)

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    try:
        report = Engine(settings=settings_of(ctx)).rebuild(on_progress=progress)
    finally:
        bar.close()
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
        return
    click.echo(f"indexed {report.passages} passages with {report.model} ({report.kind}, "
               f"{report.factory}) in {report.seconds:.1f}s: generation {report.generation}")


@click.command("search")
@click.argument("claim", required=False)
@data_dir_option
@click.option("--queries", "queries_file", type=click.File("r", encoding="utf-8"), default=None,
              help="Answer every claim of FILE (one a line; - for stdin), one JSON line each.")
@click.option("--hits", "hits_only", is_flag=True,
              help="Show the retrieved passages only (no stance, no verdict): fast, for batch "
              "work.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@claim_filter_options
@click.pass_context
def search_command(ctx: click.Context, claim: str | None, queries_file: Any, hits_only: bool,
                   as_json: bool, search: dict[str, Any]) -> None:
    """Check CLAIM (any language): supporting, contradicting and neutral coverage, with a verdict.

    With --hits, show the stored passages closest to CLAIM instead, best first. With
    --queries FILE, answer every claim of the file (one a line), one JSON line each.
    A whole article is checked with `corroborate check-article FILE`.

    Examples:

    \b
        corroborate search "L'EI a revendiqué les attentats de Kerman" --json
        corroborate search --hits "Le prix du gaz a doublé en un an" --language fr -k 5
        corroborate search --queries claims.txt --since 2024-01-01
    """
    from ..claims import lead_of
    from ..filters import checked_claim
    from ..remote import open_engine
    from .engine_cmd import print_result_text

    if (claim is None) == (queries_file is None):
        raise click.UsageError("give either a CLAIM or --queries FILE")
    claims = ([line.strip() for line in queries_file if line.strip()]
              if queries_file is not None else [str(claim)])
    engine = open_engine(settings_of(ctx))
    for text in claims:  # a bad claim is said before seconds go into loading the models
        checked_claim(text, engine.settings.max_claim_chars)
    with loading_notice():
        engine.warm_up(stance=not hits_only, first_pass=False)
    if hits_only:
        options = dict(search)
        every = engine.hits(claims, options.pop("top_k", None), **options)
        for text, hits in zip(claims, every, strict=True):
            found = {"query": text, "hits": [hit_to_dict(h, i) for i, h in enumerate(hits, 1)]}
            if queries_file is not None:
                click.echo(json.dumps(found, ensure_ascii=False))
            elif as_json:
                click.echo(json.dumps(found, indent=2, ensure_ascii=False))
            else:
                echo_hits(hits)
        return
    for text in claims:
        result = engine.search(text, **search)
        if queries_file is not None:
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        elif as_json:
            click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        else:
            print_result_text(result)
            lead = lead_of(text) if not (result.supporting or result.contradicting) else None
            if lead is not None:
                click.echo(f"\nThis claim packs several statements, and no outlet states them "
                           f"all in one passage. Its lead statement can be checked on its own:\n"
                           f"  corroborate search {_quoted(lead)}")


def _quoted(text: str) -> str:
    """``text`` as one shell word, in double quotes where that needs no escape."""
    return f'"{text}"' if not set('"$`\\!') & set(text) else shlex.quote(text)


def register(group: click.Group) -> None:
    group.add_command(rebuild_command)
    group.add_command(search_command)


__all__ = ["echo_hits", "hit_to_dict", "register"]
