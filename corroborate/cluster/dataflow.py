"""A rebuild's embedding as a Ray Data pipeline: stored passages → encoder actor pool → vectors.

The rebuild (:func:`~corroborate.index.build.rebuild`) reads the store in batches and adds what
comes back to the new index; :func:`ray_data_embed` is the stream in between. The passages go
into datasets of at most ``CHUNK_PASSAGES`` (so the driver never holds more of their text),
each mapped by a fixed pool of :class:`~corroborate.cluster.encoders.EncodeBatch` actors (a GPU
each when the cluster has them). Batches come back in any order, each with its passage ids; a
batch lost with its node is computed again by Ray Data, and the index skips an id it holds.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from ..errors import ModelError
from ..index.build import EmbedStream
from ..settings import Settings
from .connect import ClusterShape
from .encoders import ENCODER_CPUS, EncodeBatch

CHUNK_PASSAGES = 50_000
_ENCODE_BATCHES = 8  # encoder batches per Ray Data batch (the encoder length-sorts within)


def ray_data_embed(settings: Settings, shape: ClusterShape, fingerprint: str) -> EmbedStream:
    """The :data:`~corroborate.index.build.EmbedStream` of a rebuild on the connected cluster.

    Raises (when iterated):
        ModelError: a node's encoder differs from ``fingerprint``, or encoding failed there.
    """

    def embed(batches: Iterable[list[tuple[int, str]]]) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        import ray
        import ray.data

        ray.data.DataContext.get_current().enable_progress_bars = False
        items = itertools.chain.from_iterable(batches)
        while chunk := list(itertools.islice(items, CHUNK_PASSAGES)):
            dataset = ray.data.from_items([{"id": pid, "text": text} for pid, text in chunk])
            gpus = shape.gpus >= 1
            options: dict[str, Any] = {"num_gpus": 1} if gpus else {"num_cpus": ENCODER_CPUS}
            vectors = dataset.map_batches(
                EncodeBatch, fn_constructor_args=(settings, fingerprint), batch_format="numpy",
                batch_size=max(1, settings.embedding_batch_size) * _ENCODE_BATCHES,
                concurrency=shape.workers, **options)
            try:
                for out in vectors.iter_batches(batch_size=None, batch_format="numpy"):
                    yield (np.asarray(out["id"], dtype=np.int64),
                           np.asarray(out["vector"], dtype=np.float32))
            except ray.exceptions.RayError as exc:
                first = (str(exc).strip().splitlines() or [type(exc).__name__])[-1]
                raise ModelError(f"encoding on the Ray cluster failed: {first}") from exc

    return embed


__all__ = ["CHUNK_PASSAGES", "ray_data_embed"]
