"""``corroborate rebuild`` and ``corroborate search``: thin shells over :mod:`corroborate.index.search`.

The hit formatting (:func:`hit_to_dict`, :func:`echo_hits`) is shared with other commands
that show retrieved passages.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import click

from . import data_dir_option

if TYPE_CHECKING:  # pragma: no cover
    from ..domain import SearchHit
    from ..index.search import SearchFilters


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
        click.echo(f"{rank:>2}. {hit.score:.3f}  {a.outlet or '?'} [{a.language or '?'}] {day}  {a.url}")
        if a.title:
            click.echo(f"    {a.title}")
        for line in textwrap.wrap(" ".join(hit.passage.text.split()), width=width - 4):
            click.echo(f"    {line}")
        click.echo()


def _parse_day(value: str | None, option: str) -> date | datetime | None:
    """``YYYY-MM-DD`` (a whole day) or an ISO datetime."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD) or ISO datetime",
                                 param_hint=option) from exc


def filters_from_options(outlets: Sequence[str], languages: Sequence[str], since: str | None,
                         until: str | None, exclude_outlets: Sequence[str],
                         exclude_urls: Sequence[str]) -> SearchFilters | None:
    """The :class:`SearchFilters` of the command-line options (``None`` when there are none)."""
    from ..index.search import SearchFilters

    filters = SearchFilters(
        outlets=tuple(outlets), languages=tuple(languages),
        date_from=_parse_day(since, "--since"), date_to=_parse_day(until, "--until"),
        exclude_outlets=tuple(exclude_outlets), exclude_urls=tuple(exclude_urls),
    )
    return filters if filters.restricts or filters.excludes else None


@click.command("rebuild")
@data_dir_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def rebuild_command(ctx: click.Context, as_json: bool) -> None:
    """Re-embed every stored passage with the configured model into a new index.

    The previous index keeps serving until the new one is complete, then it is swapped in
    atomically; interrupting the rebuild leaves the previous index as it was.

    Example:
        corroborate rebuild --data-dir news/
    """
    from tqdm import tqdm

    from ..index.search import rebuild
    from . import settings_of

    settings = settings_of(ctx)
    bar = tqdm(total=0, unit="passage", desc="rebuild", disable=None, leave=False)

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    try:
        report = rebuild(settings, on_progress=progress)
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
@click.option("--top-k", "-k", type=click.IntRange(min=1), default=10, show_default=True,
              help="Articles per side (passages with --hits).")
@click.option("--queries", "queries_file", type=click.File("r", encoding="utf-8"), default=None,
              help="Answer every claim of FILE (one a line; - for stdin), one JSON line each.")
@click.option("--outlet", "outlets", multiple=True, help="Only these outlets (repeatable).")
@click.option("--language", "languages", multiple=True, help="Only these languages, e.g. en (repeatable).")
@click.option("--since", default=None, help="Only articles published on or after DATE (YYYY-MM-DD).")
@click.option("--until", default=None, help="Only articles published on or before DATE (YYYY-MM-DD).")
@click.option("--exclude-outlet", "exclude_outlets", multiple=True, help="Leave out this outlet (repeatable).")
@click.option("--exclude-url", "exclude_urls", multiple=True, help="Leave out this article (repeatable).")
@click.option("--hits", "hits_only", is_flag=True,
              help="Show the retrieved passages only (no stance, no verdict): fast, for batch work.")
@click.option("--claim-date", default=None, help="The date the claim was made (with --evidence).")
@click.option("--evidence", type=click.Choice(["before", "after"]), default=None,
              help="With --claim-date: only evidence published before/after it.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def search_command(ctx: click.Context, claim: str | None, top_k: int, queries_file: Any,
                   outlets: tuple[str, ...], languages: tuple[str, ...], since: str | None,
                   until: str | None, exclude_outlets: tuple[str, ...],
                   exclude_urls: tuple[str, ...], hits_only: bool, claim_date: str | None,
                   evidence: str | None, as_json: bool) -> None:
    """Check CLAIM (any language): supporting, contradicting and neutral coverage, with a verdict.

    With --hits, show the stored passages closest to CLAIM instead, best first. With
    --queries FILE, answer every claim of the file (one a line), one JSON line each.

    Example:
        corroborate search "L'EI a revendiqué les attentats de Kerman" --json
        corroborate search --hits "Le prix du gaz a doublé en un an" --language fr -k 5
    """
    from . import settings_of

    if (claim is None) == (queries_file is None):
        raise click.UsageError("give either a CLAIM or --queries FILE")
    claims = ([line.strip() for line in queries_file if line.strip()]
              if queries_file is not None else [str(claim)])
    settings = settings_of(ctx)
    if hits_only:
        _print_hits(settings, claims, top_k, filters_from_options(
            outlets, languages, since, until, exclude_outlets, exclude_urls),
            batch=queries_file is not None, as_json=as_json)
        return
    from ..engine import Engine
    from .engine_cmd import print_result_text

    engine = Engine(settings=settings)
    options: dict[str, Any] = {
        "top_k": top_k, "date_from": since, "date_to": until, "languages": languages,
        "outlets": outlets, "exclude_outlets": exclude_outlets, "exclude_urls": exclude_urls,
        "claim_date": claim_date, "evidence": evidence,
    }
    for text in claims:
        result = engine.search(text, **options)
        if queries_file is not None:
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        elif as_json:
            click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        else:
            print_result_text(result)


def _print_hits(settings: Any, claims: list[str], top_k: int, filters: Any, *,
                batch: bool, as_json: bool) -> None:
    """Passage hits only: one JSON line per claim in batch mode."""
    from ..index.search import Searcher

    with Searcher(settings) as searcher:
        if batch:
            for start in range(0, len(claims), 64):
                chunk = claims[start:start + 64]
                for text, hits in zip(chunk, searcher.search_many(chunk, top_k, filters), strict=True):
                    click.echo(json.dumps({"query": text, "hits": [hit_to_dict(h, i) for i, h in enumerate(hits, 1)]},
                                          ensure_ascii=False))
            return
        hits = searcher.search(claims[0], top_k, filters)
    if as_json:
        click.echo(json.dumps({"query": claims[0], "hits": [hit_to_dict(h, i) for i, h in enumerate(hits, 1)]},
                              indent=2, ensure_ascii=False))
        return
    echo_hits(hits)


def register(group: click.Group) -> None:
    group.add_command(rebuild_command)
    group.add_command(search_command)


__all__ = ["echo_hits", "filters_from_options", "hit_to_dict", "register"]
