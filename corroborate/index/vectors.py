"""The persistent FAISS index of passage vectors: inner product over L2-normalised vectors.

FAISS ids are the passages' stable int64 ids (:func:`corroborate.domain.passage_id_for`), so a
hit maps straight back to the store. Below ``settings.index_exact_threshold`` passages the
index is exact (``IDMap2,Flat``); from there on it is built from ``settings.index_factory``
(an approximate index, also wrapped in ``IDMap2``).

Saving writes a new generation file and then the manifest that names it
(:mod:`corroborate.index.manifest`); one process writes at a time
(:func:`corroborate.index.lock.write_lock`). The manifest, model and lock names are
re-exported here for the modules that import them from this one.

Example:
    >>> index = VectorIndex.create(ModelInfo("e5", "abc", 384), settings)
    >>> index.add(vectors, passage_ids)
    >>> index.save(settings.data_dir)
    >>> scores, ids = VectorIndex.load(settings.data_dir, ModelInfo("e5", "abc", 384)).search(q, 10)
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import IndexError_
from ..layout import index_file_name
from .lock import IndexBusyError, write_lock
from .manifest import (
    MANIFEST_NAME,
    EncoderLike,
    Manifest,
    ModelInfo,
    check_index_file,
    check_model,
    now,
    publish_manifest,
    read_manifest,
    require_manifest,
    write_generation,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..settings import Settings

log = logging.getLogger(__name__)

METRIC = "inner_product"
EXACT_FACTORY = "Flat"
# Below this many training vectors an IVF quantizer is poor; such indexes stay exact.
_MIN_TRAIN_PER_LIST = 39
_TRAIN_PER_LIST = 64


def _faiss() -> Any:
    import faiss

    return faiss


class VectorIndex:
    """A FAISS index of passage vectors plus what the manifest says about it.

    Not safe for concurrent ``add``/``search`` from several threads; concurrent searches are.
    """

    def __init__(self, index: Any, model: ModelInfo, *, kind: str, factory: str,
                 created: str | None = None, build_id: str | None = None,
                 manifest: Manifest | None = None) -> None:
        self.index = index  # faiss.IndexIDMap2 (typed Any: the SWIG classes are untyped)
        self.model = model
        self.kind = kind
        self.factory = factory
        self.created = created or now()
        self.build_id = build_id or uuid.uuid4().hex
        self.manifest = manifest  # the manifest this index was loaded from or last saved as
        self.ef_search = 128
        self.nprobe = 32
        self.filter_exact_max = 50_000
        self._ids_cache: np.ndarray | None = None
        self._sorted_ids_cache: np.ndarray | None = None

    # --- making ----------------------------------------------------------------------------

    @classmethod
    def create(cls, model: ModelInfo, settings: Settings | None = None) -> VectorIndex:
        """An empty exact index for ``model``'s vectors."""
        faiss = _faiss()
        inner = faiss.IndexFlatIP(model.dimension)
        index = cls(faiss.IndexIDMap2(inner), model, kind="exact", factory=EXACT_FACTORY)
        if settings is not None:
            index.tune(settings)
        return index

    @classmethod
    def build(cls, model: ModelInfo, vectors: np.ndarray, ids: np.ndarray,
              settings: Settings) -> VectorIndex:
        """A complete index over ``vectors``: exact or approximate by the configured threshold."""
        index = cls.create(model, settings)
        index.add(vectors, ids)
        index.upgrade_if_large(settings)
        return index

    def tune(self, settings: Settings) -> None:
        """Take the search-time knobs (efSearch, nprobe, exact-filter size) from settings."""
        self.ef_search = int(settings.hnsw_ef_search)
        self.nprobe = int(getattr(settings, "ivf_nprobe", self.nprobe))
        self.filter_exact_max = int(getattr(settings, "index_filter_exact_max",
                                            self.filter_exact_max))

    # --- contents ----------------------------------------------------------------------------

    @property
    def count(self) -> int:
        return int(self.index.ntotal)

    def __len__(self) -> int:
        return self.count

    @property
    def dimension(self) -> int:
        return int(self.index.d)

    def ids(self) -> np.ndarray:
        """Every passage id in the index (int64, insertion order)."""
        if self._ids_cache is None or len(self._ids_cache) != self.count:
            self._ids_cache = _faiss().vector_to_array(self.index.id_map).astype(np.int64)
        return self._ids_cache

    def contains(self, ids: np.ndarray) -> np.ndarray:
        """A boolean mask: which of ``ids`` are already in the index."""
        if self._sorted_ids_cache is None or len(self._sorted_ids_cache) != self.count:
            self._sorted_ids_cache = np.sort(self.ids())
        known = self._sorted_ids_cache
        ids = np.asarray(ids, dtype=np.int64)
        if not len(known):
            return np.zeros(len(ids), dtype=bool)
        pos = np.clip(np.searchsorted(known, ids), 0, len(known) - 1)
        return np.asarray(known[pos] == ids)

    def add(self, vectors: np.ndarray, ids: np.ndarray) -> int:
        """Add vectors under passage ids; ids already present are skipped. Returns how many
        were added.

        Raises:
            IndexError_: wrong dimension, or vectors and ids of different lengths.
        """
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        ids = np.ascontiguousarray(ids, dtype=np.int64)
        if vectors.ndim != 2 or vectors.shape[1] != self.dimension:
            raise IndexError_(f"vectors of shape {vectors.shape} do not fit an index of "
                              f"dimension {self.dimension}")
        if len(vectors) != len(ids):
            raise IndexError_(f"{len(vectors)} vectors but {len(ids)} ids")
        # a passage stored twice would come back twice from every search
        _, first = np.unique(ids, return_index=True)
        keep = np.zeros(len(ids), dtype=bool)
        keep[first] = True
        keep &= ~self.contains(ids)
        if not keep.any():
            return 0
        self.index.add_with_ids(vectors[keep], ids[keep])
        self._ids_cache = self._sorted_ids_cache = None
        return int(keep.sum())

    def vectors(self, ids: np.ndarray) -> np.ndarray:
        """The stored vectors of ``ids`` (exact for flat storage, decoded for quantised)."""
        ids = np.ascontiguousarray(ids, dtype=np.int64)
        out = np.empty((len(ids), self.dimension), dtype=np.float32)
        if len(ids):
            self.index.reconstruct_batch(ids, out)
        return out

    def all_vectors(self) -> tuple[np.ndarray, np.ndarray]:
        """Every (vector, id) of the index, in insertion order."""
        ids = self.ids()
        inner = _faiss().downcast_index(self.index.index)
        out = np.empty((len(ids), self.dimension), dtype=np.float32)
        if len(ids):
            inner.reconstruct_n(0, len(ids), out)
        return out, ids.copy()

    def upgrade_if_large(self, settings: Settings) -> bool:
        """Turn an exact index into the configured approximate one once it reaches the threshold."""
        if self.kind != "exact" or self.count < settings.index_exact_threshold:
            return False
        factory = settings.index_factory
        if factory.strip() in ("", EXACT_FACTORY):
            return False
        started = time.monotonic()
        vectors, ids = self.all_vectors()
        self.index = _build_approximate(factory, vectors, ids, settings)
        self.kind, self.factory = "approximate", factory
        self._ids_cache = self._sorted_ids_cache = None
        log.info("index of %s passages converted to %s in %.1fs", len(ids), factory,
                 time.monotonic() - started)
        return True

    # --- searching -------------------------------------------------------------------------

    def search(self, queries: np.ndarray, k: int, *, allow: np.ndarray | None = None,
               deny: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` best passages per query: ``(scores, ids)`` of shape ``(n, k)``, ids ``-1``
        past the end.

        Args:
            queries: L2-normalised float32 vectors, shape ``(n, dimension)``.
            k: results per query.
            allow: only these passage ids may be returned (``None``: all).
            deny: these passage ids may not be returned.

        A flat index filters inside FAISS (an ``IDSelector``), so it returns ``k`` results
        whenever ``k`` passages pass the filter. An approximate index scores a small allowed
        set exactly from its stored vectors and otherwise over-fetches with a growing ``k``.
        """
        queries = np.ascontiguousarray(np.atleast_2d(queries), dtype=np.float32)
        if queries.shape[1] != self.dimension:
            raise IndexError_(f"query vectors of dimension {queries.shape[1]} do not fit an "
                              f"index of dimension {self.dimension}")
        n = len(queries)
        if k <= 0 or self.count == 0 or (allow is not None and len(allow) == 0):
            width = max(k, 0)
            return (np.full((n, width), -np.inf, dtype=np.float32),
                    np.full((n, width), -1, dtype=np.int64))
        allow = None if allow is None else np.unique(np.asarray(allow, dtype=np.int64))
        if deny is not None:
            deny = np.unique(np.asarray(deny, dtype=np.int64)) if len(deny) else None
        if allow is not None and deny is not None:
            allow = np.setdiff1d(allow, deny, assume_unique=True)
            deny = None
            if not len(allow):
                return self.search(queries, k, allow=allow)
        if self.kind == "exact":
            return self._search_selected(queries, k, allow, deny)
        if allow is not None and len(allow) <= self.filter_exact_max:
            return self._search_subset(queries, k, allow)
        return self._search_overfetch(queries, k, allow, deny)

    def _params(self, selector: Any = None) -> Any:
        faiss = _faiss()
        inner = faiss.downcast_index(self.index.index)
        if isinstance(inner, faiss.IndexHNSW):
            params = faiss.SearchParametersHNSW()
            params.efSearch = self.ef_search
        elif isinstance(inner, faiss.IndexIVF):
            params = faiss.SearchParametersIVF()
            params.nprobe = self.nprobe
        elif selector is None:
            return None
        else:
            params = faiss.SearchParameters()
        if selector is not None:
            params.sel = selector
        return params

    def _raw_search(self, queries: np.ndarray, k: int,
                    selector: Any = None) -> tuple[np.ndarray, np.ndarray]:
        params = self._params(selector)
        if params is not None and hasattr(params, "efSearch") and params.efSearch < k:
            params.efSearch = k  # HNSW cannot return more than efSearch results
        scores, ids = self.index.search(queries, k, params=params)
        return scores, ids.astype(np.int64, copy=False)

    def _search_selected(self, queries: np.ndarray, k: int, allow: np.ndarray | None,
                         deny: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        faiss = _faiss()
        selector = None
        keep: list[Any] = []  # the selectors must outlive the search call
        if allow is not None:
            selector = faiss.IDSelectorBatch(allow)
            keep.append(allow)
        elif deny is not None:
            base = faiss.IDSelectorBatch(deny)
            selector = faiss.IDSelectorNot(base)
            keep += [deny, base]
        result = self._raw_search(queries, k, selector)
        del keep
        return result

    def _search_subset(self, queries: np.ndarray, k: int,
                       allow: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        present = allow[self.contains(allow)]
        vectors = self.vectors(present)
        scores = queries @ vectors.T
        return _top_k(scores, present, k)

    def _search_overfetch(self, queries: np.ndarray, k: int, allow: np.ndarray | None,
                          deny: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        total = self.count
        if allow is not None:
            # enough that the expected number of allowed hits is about 2k
            fetch = min(total, max(2 * k, int(np.ceil(2 * k * total / max(len(allow), 1)))))
        else:
            fetch = min(total, k + (0 if deny is None else len(deny)))
        blocked = allow if allow is not None else deny
        while True:
            scores, ids = self._raw_search(queries, fetch)
            mask = ids >= 0
            if blocked is not None:
                member = np.isin(ids, blocked)
                mask &= member if allow is not None else ~member
            if fetch >= total or bool((mask.sum(axis=1) >= k).all()):
                break
            fetch = min(total, fetch * 4)
        out_scores = np.full((len(queries), k), -np.inf, dtype=np.float32)
        out_ids = np.full((len(queries), k), -1, dtype=np.int64)
        for row in range(len(queries)):
            chosen = np.flatnonzero(mask[row])[:k]
            out_scores[row, : len(chosen)] = scores[row, chosen]
            out_ids[row, : len(chosen)] = ids[row, chosen]
        return out_scores, out_ids

    # --- persistence ---------------------------------------------------------------------------

    @classmethod
    def load(cls, data_dir: str | os.PathLike[str], model: ModelInfo | None,
             settings: Settings | None = None, *, verify: bool = False) -> VectorIndex:
        """Load the current generation named by the manifest.

        Args:
            data_dir: the data directory.
            model: the configured encoder; ``None`` skips the model check (tools only).
            settings: search-time knobs (efSearch, nprobe).
            verify: also check the file's sha256 (reads it twice).

        Raises:
            IndexError_: no index yet (says to run ingest or rebuild), an index built with
                another model (says to run rebuild), or a damaged file.
        """
        data_dir = Path(data_dir)
        for attempt in range(5):
            manifest = require_manifest(data_dir)
            check_model(manifest, model, data_dir)
            path = data_dir / manifest.index_file
            try:
                index = _read_index_file(path, manifest, verify)
            except FileNotFoundError:
                # a writer replaced the manifest and pruned this file after we read it
                time.sleep(0.05 * (attempt + 1))
                continue
            vi = cls(index, manifest.model, kind=manifest.kind, factory=manifest.factory,
                     created=manifest.created, build_id=manifest.build_id, manifest=manifest)
            if settings is not None:
                vi.tune(settings)
            return vi
        raise IndexError_(f"the index in {data_dir} kept changing while being loaded; try again")

    def save(self, data_dir: str | os.PathLike[str]) -> Manifest:
        """Write a new generation and make it current, atomically. Hold :func:`write_lock`.

        Returns:
            the manifest now on disk.
        """
        data_dir = Path(data_dir)
        data_dir.mkdir(parents=True, exist_ok=True)
        current = read_manifest(data_dir)
        written = write_generation(data_dir, current,
                                   lambda path: _faiss().write_index(self.index, path))
        manifest = Manifest(
            generation=written.generation, index_file=written.name, index_size=written.size,
            index_sha256=written.sha256, model=self.model, count=self.count, kind=self.kind,
            factory=self.factory, metric=METRIC, created=self.created, updated=now(),
            build_id=self.build_id,
        )
        publish_manifest(data_dir, manifest, current)
        self.manifest = manifest
        log.info("saved index generation %s (%s passages) in %s", written.generation,
                 self.count, data_dir)
        return manifest


def _build_approximate(factory: str, vectors: np.ndarray, ids: np.ndarray,
                       settings: Settings) -> Any:
    """An ``IDMap2`` over ``factory`` (inner product), trained on a sample when it needs it."""
    faiss = _faiss()
    try:
        base = faiss.index_factory(vectors.shape[1], factory, faiss.METRIC_INNER_PRODUCT)
    except RuntimeError as exc:
        raise IndexError_(
            f"index_factory {factory!r} is not a valid FAISS factory string: {exc}"
        ) from exc
    # ``base`` owns the C++ object: keep it referenced, use the downcast view for knobs only
    inner = faiss.downcast_index(base)
    if isinstance(inner, faiss.IndexHNSW):
        inner.hnsw.efConstruction = int(getattr(settings, "hnsw_ef_construction", 40))
    if not inner.is_trained:
        has_ivf = isinstance(inner, faiss.IndexIVF | faiss.IndexPreTransform)
        ivf = faiss.extract_index_ivf(inner) if has_ivf else None
        lists = int(ivf.nlist) if ivf is not None else 1
        need = _MIN_TRAIN_PER_LIST * lists
        if len(vectors) < need:
            raise IndexError_(
                f"index_factory {factory!r} needs at least {need} vectors to train, the index has "
                f"{len(vectors)}: raise index_exact_threshold or use fewer lists"
            )
        # 64 points per list trains the quantizer well; more only slows k-means down
        rng = np.random.default_rng(0)
        cap = _TRAIN_PER_LIST * lists
        if len(vectors) <= cap:
            sample = vectors
        else:
            sample = vectors[rng.choice(len(vectors), cap, replace=False)]
        inner.train(np.ascontiguousarray(sample))
    wrapped = faiss.IndexIDMap2(base)  # keeps a reference to ``base``
    wrapped.add_with_ids(np.ascontiguousarray(vectors), np.ascontiguousarray(ids))
    ivf = _ivf_of(inner)
    if ivf is not None:
        ivf.make_direct_map()  # so a filtered search can read stored vectors back
    return wrapped


def _ivf_of(index: Any) -> Any:
    faiss = _faiss()
    try:
        return faiss.extract_index_ivf(index)
    except RuntimeError:
        return None


def _top_k(scores: np.ndarray, ids: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The best ``k`` columns of each row of ``scores``, padded with ``-1`` ids."""
    n = scores.shape[0]
    out_scores = np.full((n, k), -np.inf, dtype=np.float32)
    out_ids = np.full((n, k), -1, dtype=np.int64)
    m = min(k, scores.shape[1])
    if m == 0:
        return out_scores, out_ids
    part = np.argpartition(-scores, m - 1, axis=1)[:, :m]
    part_scores = np.take_along_axis(scores, part, axis=1)
    order = np.argsort(-part_scores, axis=1, kind="stable")
    best = np.take_along_axis(part, order, axis=1)
    out_scores[:, :m] = np.take_along_axis(scores, best, axis=1)
    out_ids[:, :m] = ids[best]
    return out_scores, out_ids


def _read_index_file(path: Path, manifest: Manifest, verify: bool) -> Any:
    check_index_file(path, manifest, verify)  # FileNotFoundError is handled by the caller
    try:
        index = _faiss().read_index(str(path))
    except RuntimeError as exc:
        raise IndexError_(f"{path} cannot be read ({exc}); run `corroborate rebuild`") from exc
    if index.ntotal != manifest.count or index.d != manifest.model.dimension:
        raise IndexError_(
            f"{path} holds {index.ntotal} vectors of dimension {index.d}, not what the "
            "manifest says; run `corroborate rebuild`"
        )
    return index


__all__ = [
    "MANIFEST_NAME",
    "EncoderLike",
    "IndexBusyError",
    "Manifest",
    "ModelInfo",
    "VectorIndex",
    "check_model",
    "index_file_name",
    "read_manifest",
    "require_manifest",
    "write_lock",
]
