"""The passage encoder as a pool of Ray actors (on GPUs when the cluster has them).

:class:`RayEncoder` has the encoder's interface (``name``, ``fingerprint``, ``dimension``,
``encode_passages``, ``encode_queries``), so the index's own code (the ingest's
:class:`~corroborate.index.build.IndexingSink`, :func:`~corroborate.index.build.rebuild`) runs
unchanged with the cluster doing the encoding: each call is cut into contiguous shards, one
per actor, and the vectors come back in order. An actor whose node dies restarts elsewhere
and its pending shard is encoded again (encoding is a pure function), so nothing is lost and
the index, keyed by passage id, takes nothing twice.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..settings import Settings

log = logging.getLogger(__name__)

ENCODER_CPUS = 0.5  # logical CPUs an encoder actor reserves when it has no GPU


class EncoderActor:
    """A Ray actor: the configured encoder, loaded once (moved to its GPU if it has one)."""

    def __init__(self, settings: Settings) -> None:
        import ray

        from ..encoder.embed import load_encoder

        self.encoder = load_encoder(settings)
        if ray.get_gpu_ids():
            import torch

            if torch.cuda.is_available():  # a CPU build of torch on a GPU node stays on CPU
                self.encoder.to_device("cuda")
            else:
                log.warning("this node has a GPU but torch has no CUDA: encoding on CPU")

    def info(self) -> tuple[str, str, int]:
        return (str(self.encoder.name), str(self.encoder.fingerprint),
                int(self.encoder.dimension))

    def encode(self, texts: list[str], queries: bool, batch_size: int | None) -> np.ndarray:
        if queries:
            return self.encoder.encode_queries(texts, batch_size=batch_size)
        return self.encoder.encode_passages(texts, batch_size=batch_size)


class EncodeBatch(EncoderActor):
    """A Ray Data callable class: ``{"id", "text"}`` numpy batches to ``{"id", "vector"}``.

    Refuses to encode when this node's encoder is not the one the index is built with.
    """

    def __init__(self, settings: Settings, fingerprint: str) -> None:
        super().__init__(settings)
        if self.encoder.fingerprint != fingerprint:
            from ..errors import ModelError

            raise ModelError(f"a node's encoder is {self.encoder.fingerprint}, not {fingerprint}")
        self.batch_size = settings.embedding_batch_size

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        vectors = self.encoder.encode_passages([str(t) for t in batch["text"]],
                                               batch_size=self.batch_size)
        return {"id": np.asarray(batch["id"], dtype=np.int64), "vector": vectors}


class RayEncoder:
    """``workers`` encoder actors behind the encoder interface.

    Args:
        settings: the model settings (each actor loads ``load_encoder(settings)``).
        workers: actors to start.
        gpus: give each actor a GPU (the cluster has at least ``workers`` of them).

    Raises:
        ModelError: the model cannot be loaded on the cluster.
    """

    def __init__(self, settings: Settings, workers: int, *, gpus: bool = False) -> None:
        import ray

        from ..errors import ModelError

        remote: Any = ray.remote(EncoderActor).options(
            num_cpus=0 if gpus else ENCODER_CPUS, num_gpus=1 if gpus else 0,
            max_restarts=-1, max_task_retries=-1, scheduling_strategy="SPREAD")
        self.batch_size = settings.embedding_batch_size
        self._actors: list[Any] = [remote.remote(settings) for _ in range(max(1, workers))]
        self._next = 0
        try:
            infos = ray.get([a.info.remote() for a in self._actors])
        except ray.exceptions.RayTaskError as exc:
            self.close()
            raise ModelError(f"the encoder could not be loaded on the Ray cluster: "
                             f"{str(exc.cause) or type(exc.cause).__name__}") from exc
        self.name, self.fingerprint, self.dimension = infos[0]
        if any(info != infos[0] for info in infos):
            self.close()
            raise ModelError(f"the cluster's nodes load different encoders: {sorted(set(infos))}")

    def encode_passages(self, texts: Sequence[str], *, batch_size: int | None = None,
                        show_progress: bool = False) -> np.ndarray:
        """Embed passages on the actors: ``(len(texts), dimension)`` float32, in order."""
        return self._spread(list(texts), False, batch_size)

    def encode_queries(self, texts: Sequence[str], *, batch_size: int | None = None,
                       show_progress: bool = False) -> np.ndarray:
        """Embed queries on the actors: ``(len(texts), dimension)`` float32, in order."""
        return self._spread(list(texts), True, batch_size)

    def _spread(self, texts: list[str], queries: bool, batch_size: int | None) -> np.ndarray:
        import ray

        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        size = max(1, batch_size or self.batch_size)
        # no shard smaller than a batch: a tiny call goes to one actor (the next in turn)
        shards = max(1, min(len(self._actors), -(-len(texts) // size)))
        bounds = np.linspace(0, len(texts), shards + 1).astype(int)
        refs = []
        for i in range(shards):
            actor = self._actors[(self._next + i) % len(self._actors)]
            refs.append(actor.encode.remote(texts[bounds[i]:bounds[i + 1]], queries, batch_size))
        self._next = (self._next + shards) % len(self._actors)
        return np.vstack(ray.get(refs)).astype(np.float32, copy=False)

    def close(self) -> None:
        """Stop the actors."""
        import ray

        for actor in self._actors:
            ray.kill(actor)
        self._actors = []

    def __enter__(self) -> RayEncoder:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


__all__ = ["ENCODER_CPUS", "EncodeBatch", "EncoderActor", "RayEncoder"]
