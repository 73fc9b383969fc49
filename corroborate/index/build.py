"""Filling the vector index: as ingest stores passages, and from scratch (``rebuild``).

* :class:`IndexingSink` plugs into ingest (the :class:`~corroborate.ingest.run.PassageSink`
  protocol). ``add`` only queues; a background thread encodes the queue in length-sorted
  batches and adds the vectors, so the network never waits on the encoder and the encoder
  never waits on the network. It saves a new index generation every
  ``settings.index_save_every`` passages and at ``close``, so a kill loses little; and when it
  starts it queues the passages that are in the store but not in the index (left over by a
  killed run, a run without ``--index``, or one that found the index busy).
* :func:`rebuild` re-embeds every stored passage into a new generation and swaps it in
  atomically: readers keep the old index until the swap, and killing it at any moment
  leaves the previous index as it was. The model may differ from the previous build's. It
  also recomputes every article's origin features (:func:`fill_origin_features`; an ingest
  fills those an older store lacks).

Only one process writes the index at a time (:func:`~corroborate.index.vectors.write_lock`).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ..domain import Article, Passage
from ..errors import IndexError_
from .vectors import (
    EncoderLike,
    IndexBusyError,
    ModelInfo,
    VectorIndex,
    read_manifest,
    write_lock,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..domain import FeedSpec
    from ..ingest.run import IngestReport
    from ..ingest.workers import IngestWorkers
    from ..settings import Settings
    from ..store.sqlite import Store

log = logging.getLogger(__name__)

# (id, text) batches in, (ids, vectors) batches out, in any order: how a rebuild embeds
EmbedStream = Callable[[Iterable[list[tuple[int, str]]]], Iterator[tuple[np.ndarray, np.ndarray]]]

_STOP = object()
_CHUNKS_PER_ENCODE = 8  # batches handed to the encoder at once (it length-sorts them)
_LINGER = 0.25  # seconds the worker waits for a fuller chunk before encoding what it has


@dataclass(frozen=True)
class _CatchUp:
    """Passages in the store but not in the index, to be read and encoded by the worker."""

    ids: np.ndarray


@dataclass(frozen=True)
class RebuildReport:
    """What a rebuild did."""

    passages: int
    generation: int
    model: str
    kind: str
    factory: str
    seconds: float
    origin_features: int = 0  # articles whose origin features were recomputed

    def to_dict(self) -> dict[str, Any]:
        return {"passages": self.passages, "generation": self.generation, "model": self.model,
                "kind": self.kind, "factory": self.factory, "seconds": round(self.seconds, 2),
                "origin_features": self.origin_features}


def open_index(settings: Settings, model: ModelInfo) -> VectorIndex:
    """The current index when there is one (checked against ``model``), else an empty one."""
    if read_manifest(settings.data_dir) is None:
        return VectorIndex.create(model, settings)
    return VectorIndex.load(settings.data_dir, model, settings)


class IndexingSink:
    """Embeds committed passages in the background and keeps the saved index up to date.

    Holds the index write lock from construction to :meth:`close`.

    Args:
        settings: data directory, batch size, save interval, index thresholds.
        store: the store, read for the catch-up of passages not yet indexed.
        encoder: the passage encoder (``corroborate.encoder.embed.load_encoder(settings)``).
        catch_up: also index the stored passages missing from the index.

    Raises:
        IndexBusyError: another ingest or rebuild is writing the index.
        IndexError_: the saved index was built with another model (run ``corroborate rebuild``).

    Example:
        >>> sink = IndexingSink(settings, store, load_encoder(settings))
        >>> report = ingest(settings, feeds, sink=sink)   # ingest calls sink.close()
        >>> sink.indexed
        412
    """

    def __init__(self, settings: Settings, store: Store, encoder: EncoderLike, *,
                 catch_up: bool = True) -> None:
        self.settings = settings
        self.store = store
        self.encoder = encoder
        self.indexed = 0  # passages added to the index by this sink
        self.saves = 0
        self.error: BaseException | None = None
        self._queue: queue.Queue[Any] = queue.Queue()  # unbounded: add() never blocks ingest
        self._chunk = max(1, settings.embedding_batch_size) * _CHUNKS_PER_ENCODE
        self._closed = False
        self._lock_cm = write_lock(settings.data_dir)
        self._lock_cm.__enter__()
        try:
            self.index = open_index(settings, ModelInfo.of(encoder))
            self._dirty = self.index.manifest is None  # a new index gets saved even if empty
            self._since_save = 0
            if catch_up:
                missing = np.setdiff1d(store.all_passage_ids(), self.index.ids(),
                                       assume_unique=False)
                if len(missing):
                    log.info("indexing %s stored passages missing from the index", len(missing))
                    self._queue.put(_CatchUp(missing))
        except BaseException:
            self._lock_cm.__exit__(None, None, None)
            raise
        self._thread = threading.Thread(target=self._run, name="corroborate-indexing", daemon=True)
        self._thread.start()

    # --- the PassageSink protocol ---------------------------------------------------------

    def add(self, article: Article, passages: Sequence[Passage]) -> None:
        """Queue one committed article's passages (returns at once)."""
        if self._closed:
            raise RuntimeError("IndexingSink.add after close")
        if passages and self.error is None:
            self._queue.put([(p.id, p.text) for p in passages])

    def close(self) -> None:
        """Encode what is queued, save the index, release the lock.

        Raises:
            IndexError_: encoding or saving failed; the passages stay in the store and the
                next ingest or rebuild indexes them.
        """
        if self._closed:
            return
        self._closed = True
        self._queue.put(_STOP)
        self._thread.join()
        try:
            if self.error is None and self._dirty:
                self._save()
            if self.error is None:
                _update_fact_checks(self.settings, self.store, self.encoder)
        finally:
            self._lock_cm.__exit__(None, None, None)
        if self.error is not None:
            raise IndexError_(
                f"indexing stopped: {self.error!r}; the passages are stored and the next "
                "`corroborate ingest` or `corroborate rebuild` indexes them"
            ) from self.error

    def __enter__(self) -> IndexingSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the worker thread ----------------------------------------------------------------

    def _run(self) -> None:
        pending: list[tuple[int, str]] = []
        stop = False
        try:
            while True:
                try:
                    item = self._queue.get(timeout=_LINGER if pending else None)
                except queue.Empty:
                    item = None  # the network is slow: encode what we have
                stop = item is _STOP
                if isinstance(item, _CatchUp):
                    self._catch_up(item.ids)
                    continue
                if isinstance(item, list):
                    pending += item
                    if len(pending) < self._chunk:
                        continue
                while pending and (len(pending) >= self._chunk or item is None or stop):
                    batch, pending = pending[: self._chunk], pending[self._chunk:]
                    self._encode_and_add(batch)
                if stop:
                    return
        except BaseException as exc:  # recorded and raised by close(); ingest carries on
            log.exception("indexing failed; passages stay in the store for the next run")
            self.error = exc
            while not stop and self._queue.get() is not _STOP:  # let close() through
                pass

    def _catch_up(self, ids: np.ndarray) -> None:
        for start in range(0, len(ids), self._chunk):
            self._encode_and_add(self.store.passage_texts(ids[start:start + self._chunk].tolist()))

    def _encode_and_add(self, batch: list[tuple[int, str]]) -> None:
        added = _add_passages(self.index, self.encoder, batch, self.settings)
        self.indexed += added
        self._since_save += added
        self._dirty = self._dirty or added > 0
        if self._since_save >= max(1, self.settings.index_save_every):
            self._save()

    def _save(self) -> None:
        self.index.upgrade_if_large(self.settings)
        self.index.save(self.settings.data_dir)
        self.saves += 1
        self._since_save = 0
        self._dirty = False


def index_new_passages(settings: Settings, store: Store, encoder: EncoderLike) -> int:
    """Index every stored passage that is not in the index yet; returns how many were added.

    Raises:
        IndexBusyError: another ingest or rebuild is writing the index.
        IndexError_: the index was built with another model (run ``corroborate rebuild``).
    """
    sink = IndexingSink(settings, store, encoder)
    sink.close()
    return sink.indexed


def ingest_and_index(settings: Settings, feeds: Sequence[FeedSpec], *,
                     max_articles: int | None = None,
                     on_progress: Callable[[int, int], None] | None = None,
                     encoder: EncoderLike | None = None,
                     workers: IngestWorkers | None = None) -> IngestReport:
    """Ingest the feeds and index the new passages as they are committed.

    When another process is writing the index, the articles are stored without indexing
    (a warning says so) and the next ingest or rebuild indexes them. ``encoder`` (default:
    ``load_encoder(settings)``) and ``workers`` (default: this process) let the Ray pipeline
    put a cluster behind the same run.

    Raises:
        IndexError_: the index was built with another model (run ``corroborate rebuild``).
        ModelError: the encoder is not prepared.
    """
    from ..encoder.embed import load_encoder
    from ..ingest.run import ingest
    from ..store import open_store

    encoder = encoder if encoder is not None else load_encoder(settings)
    store = open_store(settings)
    try:
        try:
            sink: IndexingSink | None = IndexingSink(settings, store, encoder)
        except IndexBusyError as exc:
            log.warning("%s; storing articles without indexing them this time", exc)
            sink = None
        report = ingest(settings, feeds, max_articles=max_articles, on_progress=on_progress,
                        sink=sink, workers=workers)
        if sink is not None:
            log.info("indexed %s passages (%s in the index)", sink.indexed, sink.index.count)
        fill_origin_features(store)  # rows of a store written before they were stored
        return report
    finally:
        store.close()


def rebuild(settings: Settings, on_progress: Callable[[int, int], None] | None = None, *,
            encoder: EncoderLike | None = None,
            embed: EmbedStream | None = None) -> RebuildReport:
    """Re-embed every stored passage into a new index generation and make it current.

    Nothing is written until the new index is complete; then the new file and the manifest
    replace the old ones atomically. Killing it at any moment leaves the previous index.

    Args:
        settings: the settings (the configured model is the one used).
        on_progress: called as ``on_progress(done, total)`` after each batch.
        encoder: an already loaded encoder (default: ``load_encoder(settings)``).
        embed: what turns the stored ``(id, text)`` batches into ``(ids, vectors)`` batches
            (default: ``encoder``, batch after batch; the Ray pipeline passes a Ray Data
            pipeline). The ``encoder`` names the model and encodes the fact-checks.

    Returns:
        A :class:`RebuildReport`.

    Raises:
        StoreError: there is no store yet (run ``corroborate ingest``).
        IndexBusyError: another ingest or rebuild is writing the index.

    Example:
        >>> rebuild(settings).passages
        12873
    """
    from ..store import open_store

    started = time.monotonic()
    with write_lock(settings.data_dir), open_store(settings, create=False) as store:
        if encoder is None:
            from ..encoder.embed import load_encoder

            encoder = load_encoder(settings)
        model = ModelInfo.of(encoder)
        index = VectorIndex.create(model, settings)
        total = store.passage_count()
        batch_size = max(1, settings.embedding_batch_size) * _CHUNKS_PER_ENCODE * 4
        stream = embed if embed is not None else _embed_here(encoder, settings)
        done = 0
        if on_progress is not None:
            on_progress(0, total)
        stored = ([(p.id, p.text) for p in passages]
                  for passages in store.iter_passages(batch_size=batch_size))
        for ids, vectors in stream(stored):
            index.add(vectors, ids)
            done += len(ids)
            log.debug("rebuild: %s/%s passages embedded", done, total)
            if on_progress is not None:
                on_progress(done, max(total, done))
        # passages committed while we were reading (an ingest that found the index busy)
        missing = np.setdiff1d(store.all_passage_ids(), index.ids())
        late = (store.passage_texts(missing[start:start + batch_size].tolist())
                for start in range(0, len(missing), batch_size))
        for ids, vectors in stream(late):
            index.add(vectors, ids)
            done += len(ids)
            if on_progress is not None:
                on_progress(done, max(total, done))
        index.upgrade_if_large(settings)
        features = fill_origin_features(store, recompute=True)
        manifest = index.save(settings.data_dir)
        settings.layout.factchecks.unlink(missing_ok=True)  # the model may have changed
        _update_fact_checks(settings, store, encoder)
    report = RebuildReport(passages=index.count, generation=manifest.generation, model=model.name,
                           kind=index.kind, factory=index.factory,
                           seconds=time.monotonic() - started, origin_features=features)
    log.info("rebuild: %s", report.to_dict())
    return report


def fill_origin_features(store: Store, *, recompute: bool = False) -> int:
    """Compute the origin features of the stored articles that lack the current recipe's
    (every article with ``recompute``); returns how many were written."""
    from ..origins.features import FEATURES_VERSION, origin_features
    from ..store.origins import fill_origin_features as fill

    started = time.monotonic()
    done = fill(store, origin_features, FEATURES_VERSION, recompute=recompute)
    if done:
        log.info("origin features of %s articles computed in %.1f s", done,
                 time.monotonic() - started)
    return done


def _update_fact_checks(settings: Settings, store: Store, encoder: EncoderLike) -> None:
    """Bring the fact-check vectors up to date (a failure costs only a re-encode at search)."""
    from ..factcheck.vectors import update_factcheck_vectors

    try:
        update_factcheck_vectors(settings, store, encoder)
    except Exception:  # searches encode what the file lacks; never fail an ingest over it
        log.exception("fact-check vectors not updated")


def _embed_here(encoder: EncoderLike, settings: Settings) -> EmbedStream:
    """The default :data:`EmbedStream`: ``encoder`` in this process, batch after batch."""

    def embed(batches: Iterable[list[tuple[int, str]]]) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        for items in batches:
            if items:
                # the encoder length-sorts its input, so each of its batches pads little
                vectors = encoder.encode_passages([text for _, text in items],
                                                  batch_size=settings.embedding_batch_size)
                yield np.array([pid for pid, _ in items], dtype=np.int64), vectors

    return embed


def _add_passages(index: VectorIndex, encoder: EncoderLike, items: list[tuple[int, str]],
                  settings: Settings) -> int:
    """Encode ``(id, text)`` items and add them; returns how many were new to the index."""
    if not items:
        return 0
    # the encoder length-sorts its input, so each of its batches pads little
    vectors = encoder.encode_passages([text for _, text in items],
                                      batch_size=settings.embedding_batch_size)
    return index.add(vectors, np.array([pid for pid, _ in items], dtype=np.int64))


__all__ = [
    "EmbedStream",
    "IndexingSink",
    "RebuildReport",
    "fill_origin_features",
    "index_new_passages",
    "ingest_and_index",
    "open_index",
    "rebuild",
]
