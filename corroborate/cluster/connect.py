"""Connecting to the Ray cluster that ``ray_address`` names (or starting a local one).

``local`` starts Ray on this machine, small (no dashboard, a 200 MB object store) and stops
it afterwards; ``auto``, ``HOST:PORT`` and ``ray://HOST:PORT`` join a running cluster, whose
nodes must have corroborate installed. A session the caller already opened (``ray.init`` in
a notebook, a test fixture) is used as it is and left open.
"""

from __future__ import annotations

import logging
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigError
from ..settings import Settings

log = logging.getLogger(__name__)

LOCAL_OBJECT_STORE_BYTES = 200 * 2**20
PROBE_SECONDS = 5.0  # Ray itself waits minutes on an address where nothing listens
_ADDRESS = re.compile(r"^(local|auto|ray://[^\s/:]+(:\d+)?|[^\s/:]+:\d+)$")


@dataclass(frozen=True)
class ClusterShape:
    """What the connected cluster offers: its CPUs and GPUs, and how many workers to start."""

    cpus: float
    gpus: float
    workers: int


def check_address(address: str) -> str:
    """The address, stripped, when it has one of the accepted forms.

    Raises:
        ConfigError: it has none of them (the message lists them).
    """
    value = address.strip()
    if not _ADDRESS.match(value):
        raise ConfigError(
            f"ray_address {address!r} is not a Ray address: use `local`, `auto`, `HOST:PORT` "
            "or `ray://HOST:PORT`, or leave it empty to ingest in this process")
    return value


def import_ray() -> Any:
    """The ``ray`` module, or a ConfigError saying how to install it."""
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - ray is a dependency
        raise ConfigError("ray_address is set but Ray is not installed: "
                          "pip install 'ray[data]'") from exc
    return ray


@contextmanager
def ray_session(settings: Settings) -> Iterator[ClusterShape]:
    """Connect to (or start) the cluster of ``settings.ray_address`` for the block's duration.

    Raises:
        ConfigError: the address is malformed or nothing answers there.
    """
    address = check_address(settings.ray_address)
    ray = import_ray()
    owned = not ray.is_initialized()
    if owned:
        _connect(ray, address)
    try:
        yield shape_of(ray, settings)
    finally:
        if owned:
            ray.shutdown()


def _probe(address: str) -> None:
    """Fail fast, with one line, when nothing listens at a ``HOST:PORT`` address."""
    if address in ("local", "auto"):
        return
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host:  # ray://HOST without a port: the client's default
        host, port = port, "10001"
    try:
        socket.create_connection((host, int(port)), timeout=PROBE_SECONDS).close()
    except OSError as exc:
        raise ConfigError(
            f"cannot reach the Ray cluster at {address!r} (ray_address): "
            f"{exc.strerror or type(exc).__name__}; start one with `ray start --head`, use "
            "`local`, or leave ray_address empty") from exc


def _connect(ray: Any, address: str) -> None:
    _probe(address)
    options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                               "configure_logging": False}
    try:
        if address == "local":
            ray.init(object_store_memory=LOCAL_OBJECT_STORE_BYTES, **options)
        else:
            ray.init(address=address, **options)
    except Exception as exc:  # Ray raises ConnectionError, RuntimeError, ValueError...
        ray.shutdown()
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise ConfigError(
            f"cannot reach the Ray cluster at {address!r} (ray_address): {first}; start one "
            "with `ray start --head`, use `local`, or leave ray_address empty") from exc
    log.info("connected to Ray at %s", address)


def shape_of(ray: Any, settings: Settings) -> ClusterShape:
    """The cluster's resources and the number of workers to start on it."""
    resources = ray.cluster_resources()
    cpus = float(resources.get("CPU", 0.0))
    gpus = float(resources.get("GPU", 0.0))
    if settings.ray_workers > 0:
        workers = settings.ray_workers
    elif gpus >= 1:
        workers = int(gpus)
    else:
        workers = max(1, int(cpus) // 2)
    return ClusterShape(cpus, gpus, workers)


__all__ = ["ClusterShape", "check_address", "import_ray", "ray_session", "shape_of"]
