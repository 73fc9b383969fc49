"""Starting and stopping the server: Ray (a local one, or the cluster of ``ray_address``),
Serve's HTTP proxy on host:port, and the replicas of the API.

A local Ray is kept small (no dashboard, a 128 MB object store): the replicas exchange
nothing through it, each loads the data directory itself.
"""

from __future__ import annotations

import logging
import signal
import socket
import threading
from collections.abc import Callable
from typing import Any

from ..errors import ConfigError, ServiceError
from ..settings import Settings

log = logging.getLogger(__name__)

APP_NAME = "corroborate"
LOCAL_OBJECT_STORE_BYTES = 128 * 1024 * 1024


def _check_port(host: str, port: int) -> None:
    """Fail with one line now rather than leave Serve's proxy retrying a busy port."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise ConfigError(f"cannot serve on {host}:{port} ({exc.strerror}): choose another "
                              "--port or --host") from exc


def connect_ray(settings: Settings) -> None:
    """Start a local Ray, or join the cluster at ``ray_address`` (``auto``, ``ray://...``)."""
    import ray

    if ray.is_initialized():
        return
    address = settings.ray_address.strip()
    try:
        if address in ("", "local"):
            # "local": a new Ray of our own even where `ray start` runs another on this machine
            ray.init(address="local", include_dashboard=False,
                     object_store_memory=LOCAL_OBJECT_STORE_BYTES, log_to_driver=False,
                     logging_level=logging.WARNING)
        else:
            ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise ServiceError(f"cannot start or join Ray at {address or 'local'!r}: "
                           f"{' '.join(str(exc).split())}") from exc


def start(settings: Settings, *, replicas: int = 1, host: str = "127.0.0.1", port: int = 8000,
          cpus_per_replica: float = 1.0) -> str:
    """Serve the API of ``settings``' data directory; returns its URL once every replica is up.

    Raises:
        ConfigError: the port is taken, or a bad replica count.
        ServiceError: Ray could not be started or joined, or the replicas did not start.
    """
    if replicas < 1:
        raise ConfigError(f"replicas should be 1 or more, not {replicas}")
    if cpus_per_replica <= 0:
        raise ConfigError(f"cpus per replica should be more than 0, not {cpus_per_replica}")
    if not settings.ray_address.strip() or settings.ray_address.strip() == "local":
        _check_port(host, port)
    connect_ray(settings)
    from ray import serve

    from .app import build_app

    try:
        serve.start(http_options={"host": host, "port": port})
        serve.run(build_app(settings, replicas=replicas, cpus_per_replica=cpus_per_replica),
                  name=APP_NAME, route_prefix="/")
    except Exception as exc:  # Ray's many failure types: one line, and nothing left running
        stop()
        raise ServiceError(f"the server did not start: {' '.join(str(exc).split())[:500]}"
                           ) from exc
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def stop() -> None:
    """Shut Serve and this process's Ray connection down (each step tried even if one fails)."""
    import ray

    try:
        if ray.is_initialized():
            from ray import serve

            serve.shutdown()
    finally:
        ray.shutdown()


def serve_forever(settings: Settings, *, on_ready: Callable[[str], Any] | None = None,
                  **options: Any) -> None:
    """:func:`start`, then wait for Ctrl-C or SIGTERM, then :func:`stop`."""
    done = threading.Event()

    def finish(_signum: int, _frame: Any) -> None:
        done.set()

    url = start(settings, **options)
    # after Ray's start: ray.init puts in a SIGTERM handler of its own that aborts the process
    previous = {sig: signal.signal(sig, finish) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        if on_ready is not None:
            on_ready(url)
        while not done.wait(1.0):
            pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        stop()

__all__ = ["connect_ray", "serve_forever", "start", "stop"]
