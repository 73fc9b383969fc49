"""The engine's data-directory side: store statistics, ingest, rebuild and the feed list.

:class:`Upkeep` is a base of :class:`~corroborate.engine.Engine`, so the command line and the
page reach the store, the index and the feed list through the engine only.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .domain import FeedSpec
from .errors import FeedListError
from .settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    from .index.search import RebuildReport, Searcher
    from .ingest.run import IngestReport
    from .store.queries import StoreStats

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


class Upkeep:
    """Status, ingest, rebuild and feed-list operations over ``self.settings``' data directory."""

    settings: Settings
    _lock: threading.RLock
    _searcher: Searcher | None

    # --- what the data directory holds ------------------------------------------------------
    def store_stats(self, recent_errors: int = 10) -> StoreStats:
        """Counts and health of the store (``to_dict()`` is ``corroborate status --json``).

        Raises:
            StoreError: there is no store yet (says what to run).
        """
        from .store import open_store

        with open_store(self.settings, create=False) as store:
            return store.stats(recent_errors=recent_errors)

    def status(self) -> dict[str, Any]:
        """The store's statistics as a dict plus the index ``manifest`` (zero counts and no
        manifest when there is no store yet)."""
        from .store import store_exists

        if not store_exists(self.settings):
            return {"feeds": 0, "articles": 0, "passages": 0, "per_outlet": {},
                    "per_language": {}}
        stats = self.store_stats(recent_errors=20).to_dict()
        stats["manifest"] = self.manifest()
        return stats

    def manifest(self) -> dict[str, Any] | None:
        """The vector index's manifest, or None when there is no index yet."""
        from .index.search import read_manifest

        manifest = read_manifest(self.settings.data_dir)
        return asdict(manifest) if manifest is not None else None

    def known_outlets(self) -> list[str]:
        """Every outlet of the feed list and the store (for "who ignored it")."""
        names: set[str] = set()
        try:
            if Path(self.settings.feeds_file).is_file():
                names.update(f.outlet for f in self.feeds(self.settings.feeds_file))
        except FeedListError as exc:  # a broken feed list must not break a comparison
            log.warning("outlets of the feed list left out of the comparison: %s", exc)
        names.update(self.status().get("per_outlet", {}).keys())
        return sorted(names)

    # --- the feed list -------------------------------------------------------------------------
    def feeds_file(self, *, writing: bool = False) -> Path:
        """The feed list file (see :func:`corroborate.feedbook.feeds_path`)."""
        from .feedbook import feeds_path

        return feeds_path(self.settings, writing=writing)

    def feeds(self, path: str | Path | None = None) -> list[FeedSpec]:
        """The feeds of ``path`` (default: :meth:`feeds_file`).

        Raises:
            FeedListError: no such list (says how to make one) or an unreadable one.
        """
        from .feedbook import load_feeds

        return load_feeds(path if path is not None else self.feeds_file())

    def add_feeds(self, specs: Iterable[FeedSpec]) -> tuple[Path, int, int]:
        """Merge feeds into the feed list: ``(path written, feeds before, feeds after)``."""
        from .feedbook import add_feeds

        return add_feeds(self.settings, specs)

    def export_feeds(self, fmt: str = "opml") -> str:
        """The feed list as OPML (``"opml"``) or as the project CSV (``"csv"``)."""
        from .feedbook import export_feeds

        return export_feeds(self.feeds(), fmt)

    # --- filling the store and the index ---------------------------------------------------------
    def ingest(self, feeds: Sequence[FeedSpec] | str | Path | None = None, *,
               max_articles: int | None = None, on_progress: Progress | None = None,
               index: bool = True) -> IngestReport:
        """Fetch the feeds and store their new articles; with ``index``, embed and index the
        new passages as they are committed.

        Args:
            feeds: the feeds, or a feed list file (default: :meth:`feeds_file`).
            max_articles: stop after this many new articles (default: the setting).
            on_progress: called as ``on_progress(done, total)``.
            index: index the new passages too.
        """
        if feeds is None or isinstance(feeds, str | Path):
            feeds = self.feeds(feeds)
        if self.settings.ray_address:
            from .cluster.pipeline import ingest_on_ray

            report = ingest_on_ray(self.settings, feeds, max_articles=max_articles,
                                   on_progress=on_progress, index=index)
        elif index:
            from .index.build import ingest_and_index

            report = ingest_and_index(self.settings, feeds, max_articles=max_articles,
                                      on_progress=on_progress)
        else:
            from .ingest.run import ingest

            report = ingest(self.settings, feeds, max_articles=max_articles,
                            on_progress=on_progress)
        self._reload()
        return report

    def update(self, *, feeds_file: str | Path | None = None, on_progress: Progress | None = None,
               max_articles: int | None = None) -> IngestReport:
        """Incremental ingest of the feed list (new articles are embedded and indexed)."""
        from .ingest.feedlist import load_feed_list

        feeds = load_feed_list(Path(feeds_file or self.settings.feeds_file))
        return self.ingest(feeds, max_articles=max_articles, on_progress=on_progress)

    def rebuild(self, *, on_progress: Progress | None = None) -> RebuildReport:
        """Re-embed every passage into a new index and swap it in atomically (the passages
        encoded on the Ray cluster when ``ray_address`` is set)."""
        if self.settings.ray_address:
            from .cluster.pipeline import rebuild_on_ray

            report = rebuild_on_ray(self.settings, on_progress=on_progress)
        else:
            from .index.search import rebuild

            report = rebuild(self.settings, on_progress=on_progress)
        self._reload()
        return report

    def _reload(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.reload_if_changed()


__all__ = ["Upkeep"]
