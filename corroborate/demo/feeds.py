"""Updates of a demo data directory: its own sample-server feeds are local, every other feed is not.

A demo build records the one address its sample server listened on (``local_feed_hosts`` in
``demo.json``). An update splits the feed list: feeds on that address are fetched with
private addresses allowed (they are the demo's own loopback feeds), every other feed with the
settings as they are, so a loopback or private feed someone adds is still refused.

Example:
    >>> report = update(Settings.load(data_dir="demo-data"))    # doctest: +SKIP
    >>> report.feeds_failed
    0
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..domain import FeedSpec
from ..layout import DataDir
from ..settings import Settings


def local_feed_hosts(data_dir: str | os.PathLike[str]) -> frozenset[str]:
    """The ``host:port`` addresses a demo build of ``data_dir`` recorded as its own (none when
    the directory is not a complete demo build)."""
    try:
        marker = json.loads(DataDir(data_dir).demo_marker.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return frozenset()
    if not isinstance(marker, dict) or marker.get("status") != "complete":
        return frozenset()
    hosts = marker.get("local_feed_hosts")
    return (
        frozenset(h for h in hosts if isinstance(h, str))
        if isinstance(hosts, list)
        else frozenset()
    )


def feed_address(url: str) -> str:
    """``host:port`` of a URL (default ports filled in); empty when the URL has no host."""
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        return ""
    return f"{parts.hostname}:{port}" if parts.hostname else ""


def split_feeds(feeds: Sequence[FeedSpec], hosts: frozenset[str]
                ) -> tuple[list[FeedSpec], list[FeedSpec]]:
    """(the feeds on one of ``hosts``, every other feed), each in list order."""
    local = [f for f in feeds if feed_address(f.url) in hosts]
    return local, [f for f in feeds if feed_address(f.url) not in hosts]


def merge_reports(reports: Sequence[Any]) -> Any:
    """One ingest report adding up several (counts and times summed, failures joined)."""
    first = reports[0]
    values: dict[str, Any] = {}
    for field in dataclasses.fields(first):
        parts = [getattr(r, field.name) for r in reports]
        if isinstance(parts[0], bool):
            values[field.name] = any(parts)
        elif isinstance(parts[0], tuple):
            values[field.name] = tuple(x for p in parts for x in p)
        else:
            values[field.name] = sum(parts)
    return dataclasses.replace(first, **values)


def update(settings: Settings, *, feeds_file: str | os.PathLike[str] | None = None,
           on_progress: Callable[[int, int], None] | None = None) -> Any:
    """Fetch the feed list of ``settings`` and index what is new, trusting only the demo's own
    feed address as local (see the module docstring). Returns the ingest report.

    Raises:
        FeedListError: the feed list is missing or malformed.
        IndexError_, ModelError: as :func:`corroborate.index.build.ingest_and_index`.
    """
    from ..index.build import ingest_and_index
    from ..ingest.feedlist import load_feed_list
    from .build import local_settings

    feeds = load_feed_list(Path(feeds_file or settings.feeds_file))
    local, others = split_feeds(feeds, local_feed_hosts(settings.data_dir))
    reports = []
    if local:
        reports.append(ingest_and_index(local_settings(settings), local, on_progress=on_progress))
    if others or not local:
        reports.append(ingest_and_index(settings, others, on_progress=on_progress))
    return merge_reports(reports)
