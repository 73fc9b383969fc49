"""The feed list of a data directory: which file it is, reading it, merging feeds into it.

``settings.feeds_file`` is the list, except when only the data directory was moved: the default
feeds_file belongs to the default data directory, so then the data directory's own
``feeds.csv`` is read once it exists and always written.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from .domain import FeedSpec
from .errors import FeedListError
from .settings import Settings, registry


def feeds_path(settings: Settings, *, writing: bool = False) -> Path:
    """The feed list file of ``settings`` (see the module's docstring)."""
    defaults = {r.name: r.default for r in registry()}
    if (Path(settings.feeds_file) == Path(defaults["feeds_file"])
            and Path(settings.data_dir) != Path(defaults["data_dir"])):
        own = settings.layout.feeds
        if writing or own.exists():
            return own
    return Path(settings.feeds_file)


def load_feeds(path: str | Path) -> list[FeedSpec]:
    """The feeds of ``path`` (OPML, the project CSV or one URL a line).

    Raises:
        FeedListError: no such file (says how to make one), or one that cannot be read.
    """
    from .ingest.feedlist import load_feed_list

    path = Path(path)
    if not path.exists():
        raise FeedListError(str(path), None, "no such feed list: pass --feeds FILE (OPML, CSV or "
                            "a list of URLs) or add feeds with `corroborate feeds add URL "
                            "--outlet NAME`")
    return load_feed_list(path)


def add_feeds(settings: Settings, specs: Iterable[FeedSpec]) -> tuple[Path, int, int]:
    """Merge ``specs`` into the feed list (a feed with the same URL is replaced).

    Returns:
        ``(path written, feeds before, feeds after)``.
    """
    from .ingest.feedlist import add_feed, write_feed_list

    path = feeds_path(settings, writing=True)
    feeds = load_feeds(path) if path.exists() else []
    before = len(feeds)
    for spec in specs:
        feeds = add_feed(feeds, spec)
    write_feed_list(path, feeds)
    return path, before, len(feeds)


def export_feeds(feeds: Sequence[FeedSpec], fmt: str) -> str:
    """``feeds`` as OPML (``fmt="opml"``) or as the project CSV, exactly as the list is written."""
    from .ingest.feedlist import export_opml, write_feed_list

    if fmt == "opml":
        return export_opml(feeds)
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "feeds.csv"
        write_feed_list(target, feeds)
        return target.read_text(encoding="utf-8")


__all__ = ["add_feeds", "export_feeds", "feeds_path", "load_feeds"]
