"""``corroborate ingest``, ``corroborate status`` and ``corroborate feeds ...``: thin shells.

The feed list commands work on the engine's feed list (``Engine.feeds_file``: the project CSV,
written atomically).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..domain import FEED_KINDS, FeedSpec
from .options import data_dir_option, settings_of

if TYPE_CHECKING:  # pragma: no cover
    from ..engine import Engine


def _engine(ctx: click.Context, **overrides: Any) -> Engine:
    from ..engine import Engine

    return Engine(settings=settings_of(ctx, **overrides))


@click.command("ingest")
@data_dir_option
@click.option("--feeds", "feeds_file", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Feed list: OPML, the project CSV or one URL a line "
              "(default: the feeds_file setting).")
@click.option("--max-articles", type=click.IntRange(min=0), default=None,
              help="Stop after this many new articles (0: no limit; default: max_articles).")
@click.option("--allow-private-addresses", is_flag=True, default=None,
              help="Allow feeds and pages on loopback/private addresses (local feeds, demos).")
@click.option("--index/--no-index", default=True, show_default=True,
              help="Embed and index the new passages as they are stored.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def ingest_command(ctx: click.Context, feeds_file: Path | None, max_articles: int | None,
                   allow_private_addresses: bool | None, index: bool, as_json: bool) -> None:
    """Fetch the feeds and store their new articles, with every failure and its reason.

    Example:

    \b
        corroborate ingest --feeds feeds.opml --max-articles 200
    """
    from tqdm import tqdm

    engine = _engine(ctx, allow_private_addresses=allow_private_addresses or None)
    feeds = engine.feeds(feeds_file)
    bar = tqdm(total=len(feeds), unit="item", desc="ingest", disable=None, leave=False)

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    try:
        report = engine.ingest(feeds, max_articles=max_articles, on_progress=progress,
                               index=index)
    finally:
        bar.close()
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(f"feeds:    {report.feeds_ok} ok, {report.feeds_unchanged} unchanged, "
               f"{report.feeds_failed} failed" +
               (f", {report.feeds_skipped} skipped" if report.feeds_skipped else ""))
    click.echo(f"articles: {report.articles_new} new, {report.articles_duplicate} duplicate, "
               f"{report.articles_failed} failed, {report.articles_skipped} already stored, "
               f"{report.deferred} deferred to the next run "
               f"({report.passages_new} passages) in {report.elapsed:.1f}s")
    if report.limit_reached:
        click.echo("stopped at the article limit (--max-articles)")
    for failure in report.failures:
        click.echo(f"  failed {failure.kind} {failure.url}: {failure.reason}")


@click.command("status")
@data_dir_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--errors", "n_errors", type=click.IntRange(min=0), default=10, show_default=True,
              help="Recent failures to show.")
@click.pass_context
def status_command(ctx: click.Context, as_json: bool, n_errors: int) -> None:
    """What the store holds: feeds, articles and passages, per outlet and language, and the
    latest failures with their reasons.

    Example:

    \b
        corroborate status --json
    """
    stats = _engine(ctx).store_stats(recent_errors=n_errors)
    if as_json:
        click.echo(json.dumps(stats.to_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(f"store {stats.path} (schema {stats.schema_version})")
    click.echo(f"{stats.feeds} feeds, {stats.articles} articles "
               f"({stats.duplicates} exact duplicates), {stats.passages} passages, "
               f"{stats.fact_checks} fact-checks (ClaimReview)")
    if stats.newest_published:
        click.echo(f"published {stats.oldest_published} .. {stats.newest_published}; "
                   f"last fetched {stats.last_fetched_at}")
    for title, counts in (("outlets", stats.per_outlet), ("languages", stats.per_language)):
        if counts:
            click.echo(f"{title}: " + ", ".join(f"{k or '?'} {v}" for k, v in counts.items()))
    if stats.failing_feeds:
        click.echo(f"{len(stats.failing_feeds)} feeds failing:")
        for f in stats.failing_feeds:
            click.echo(f"  {f.url}: {f.last_error} (last ok {f.last_ok_at or 'never'})")
    if stats.recent_errors:
        click.echo("recent failures:")
        for e in stats.recent_errors:
            click.echo(f"  {e.at} {e.kind} {e.url}: {e.reason}")


@click.group("feeds")
def feeds_group() -> None:
    """Show and edit the feed list (the feeds_file setting, default index/feeds.csv)."""


@feeds_group.command("list")
@data_dir_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def feeds_list(ctx: click.Context, as_json: bool) -> None:
    """List the feeds.

    Example:

    \b
        corroborate feeds list --json
    """
    feeds = _engine(ctx).feeds()
    if as_json:
        click.echo(json.dumps([_feed_dict(f) for f in feeds], indent=2, ensure_ascii=False))
        return
    for f in feeds:
        extra = " ".join(x for x in (f.language, f.country, ",".join(f.tags),
                                     "[fact-checker]" if f.kind == "factcheck" else "") if x)
        click.echo(f"{f.outlet}\t{f.url}" + (f"\t{extra}" if extra else ""))


@feeds_group.command("add")
@data_dir_option
@click.argument("url")
@click.option("--outlet", required=True, help="Name of the outlet publishing the feed.")
@click.option("--homepage", default="", help="The outlet's home page.")
@click.option("--language", default="", help="Language code of the feed (e.g. en, fr, ar).")
@click.option("--country", default="", help="Two-letter country code of the outlet.")
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable).")
@click.option("--kind", type=click.Choice(FEED_KINDS), default="news", show_default=True,
              help="factcheck: a fact-checker's feed (its ClaimReview verdicts are matched "
                   "against searched claims; ClaimReview is read from every page anyway).")
@click.pass_context
def feeds_add(ctx: click.Context, url: str, outlet: str, homepage: str, language: str,
              country: str, tags: tuple[str, ...], kind: str) -> None:
    """Add a feed (or replace the one with the same URL).

    Example:

    \b
        corroborate feeds add https://www.france24.com/fr/rss --outlet "France 24" --language fr
    """
    spec = FeedSpec(url=url, outlet=outlet, homepage=homepage, language=language,
                    country=country, tags=tuple(tags), kind=kind)
    path, _before, after = _engine(ctx).add_feeds([spec])
    click.echo(f"{outlet} {url} -> {path} ({after} feeds)")


@feeds_group.command("import")
@data_dir_option
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
def feeds_import(ctx: click.Context, file: Path) -> None:
    """Merge the feeds of an OPML file (or CSV, or URL list) into the feed list.

    Example:

    \b
        corroborate feeds import subscriptions.opml
    """
    engine = _engine(ctx)
    path, before, after = engine.add_feeds(engine.feeds(file))
    click.echo(f"imported {file}: {after - before} new feeds, {after} in {path}")


@feeds_group.command("export")
@data_dir_option
@click.option("--format", "fmt", type=click.Choice(["opml", "csv"]), default="opml",
              show_default=True, help="Output format.")
@click.pass_context
def feeds_export(ctx: click.Context, fmt: str) -> None:
    """Print the feed list as OPML (for feed readers) or as the project CSV.

    Example:

    \b
        corroborate feeds export --format opml > feeds.opml
    """
    click.echo(_engine(ctx).export_feeds(fmt), nl=False)


def _feed_dict(f: FeedSpec) -> dict[str, Any]:
    return {"url": f.url, "outlet": f.outlet, "homepage": f.homepage, "language": f.language,
            "country": f.country, "tags": list(f.tags), "kind": f.kind}


def register(group: click.Group) -> None:
    group.add_command(ingest_command)
    group.add_command(status_command)
    group.add_command(feeds_group)
