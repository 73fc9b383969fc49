"""Ingest and rebuild with a Ray cluster behind them: the same runs, other hands.

The ingest run itself (:func:`~corroborate.ingest.run.ingest`) stays in this process and
keeps every decision and every write: which feeds changed, which entries to take or defer,
the article limit, the fetch log, deduplication, and the commits into the store (then through
the :class:`~corroborate.ingest.run.PassageSink` seam into the index). The cluster does the
work: fetching, with each host owned by one actor (:mod:`corroborate.cluster.workers`);
extraction and passage splitting as tasks; encoding in a pool of actors
(:mod:`corroborate.cluster.encoders`). Ids are stable hashes and the store and the index skip
what they already hold, so a retried task (a node lost mid-run) adds nothing twice, and what
was in flight is done again rather than lost.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..domain import FeedSpec
from ..ingest.run import IngestReport
from ..settings import Settings
from .connect import ray_session

if TYPE_CHECKING:  # pragma: no cover
    from ..index.build import RebuildReport

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


def ingest_on_ray(settings: Settings, feeds: Sequence[FeedSpec], *,
                  max_articles: int | None = None, on_progress: Progress | None = None,
                  index: bool = True) -> IngestReport:
    """:func:`~corroborate.index.build.ingest_and_index` (or, without ``index``, the plain
    ingest) with the cluster of ``settings.ray_address`` fetching, extracting and encoding.

    Raises:
        ConfigError: ``ray_address`` is malformed or unreachable.
        ModelError: the encoder cannot be loaded on the cluster.
        IndexError_: the index was built with another model (run ``corroborate rebuild``).

    Example:
        >>> settings = Settings.load(ray_address="local")
        >>> ingest_on_ray(settings, load_feed_list(settings.feeds_file)).articles_new
        412
    """
    from .workers import RayWorkers

    with ray_session(settings) as shape:
        log.info("ingest on Ray: %s workers (%s CPUs, %s GPUs)", shape.workers, shape.cpus,
                 shape.gpus)
        workers = RayWorkers(shape.workers)
        if not index:
            from ..ingest.run import ingest

            return ingest(settings, feeds, max_articles=max_articles, on_progress=on_progress,
                          workers=workers)
        from ..index.build import ingest_and_index
        from .encoders import RayEncoder

        with RayEncoder(settings, shape.workers, gpus=shape.gpus >= 1) as encoder:
            return ingest_and_index(settings, feeds, max_articles=max_articles,
                                    on_progress=on_progress, encoder=encoder, workers=workers)


def rebuild_on_ray(settings: Settings, on_progress: Progress | None = None) -> RebuildReport:
    """:func:`~corroborate.index.build.rebuild` with the passages encoded by a Ray Data
    pipeline on the cluster (:mod:`corroborate.cluster.dataflow`); the encoder loaded here
    names the model and encodes the few fact-checks.

    Returns:
        The :class:`~corroborate.index.build.RebuildReport`.

    Raises:
        ConfigError: ``ray_address`` is malformed or unreachable.
        ModelError: a node's encoder differs from this one, or encoding failed there.
    """
    from ..encoder.embed import load_encoder
    from ..index.build import rebuild
    from .dataflow import ray_data_embed

    with ray_session(settings) as shape:
        encoder = load_encoder(settings)
        return rebuild(settings, on_progress, encoder=encoder,
                       embed=ray_data_embed(settings, shape, encoder.fingerprint))


__all__ = ["ingest_on_ray", "rebuild_on_ray"]
