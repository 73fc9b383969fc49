"""The page's models, loaded in a background thread from the moment the page starts.

:class:`ModelWarmup` runs :meth:`Engine.warm_up` (the index and the encoder, the stance model,
the fact-checks, a first pass through them) in a daemon thread and says where it stands, so
the page can show a "loading models" state with its progress and a claim typed meanwhile
waits with that message instead of paying for the loading on its own click.

Example:
    >>> warmup = ModelWarmup(engine).start()
    >>> warmup.state().describe()
    'Loading models in the background: the stance model (2/4)…'
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WarmupState:
    """Where the loading stands: the step under way, steps done of all, the outcome."""

    step: str
    done: int
    total: int
    ready: bool
    error: BaseException | None
    seconds: float

    @property
    def finished(self) -> bool:
        """Loaded, or failed (a search then says why, as it would have without the warm-up)."""
        return self.ready or self.error is not None

    @property
    def fraction(self) -> float:
        return 1.0 if self.finished else self.done / max(self.total, 1)

    def describe(self) -> str:
        """One line for the page."""
        if self.ready:
            return f"Models ready (loaded in {self.seconds:.0f} s)."
        if self.error is not None:
            return "The models could not be loaded."
        where = f": {self.step} ({self.done + 1}/{self.total})" if self.step else ""
        return f"Loading models in the background{where}…"


class ModelWarmup:
    """Loads an engine's models once, in a daemon thread (``start`` is idempotent)."""

    def __init__(self, engine: Any) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._finished = threading.Event()
        self._thread: threading.Thread | None = None
        self._step, self._done, self._total = "", 0, 1
        self._error: BaseException | None = None
        self._started = time.monotonic()
        self._seconds = 0.0

    def start(self) -> ModelWarmup:
        with self._lock:
            if self._thread is None:
                self._started = time.monotonic()
                self._thread = threading.Thread(target=self._run, name="corroborate-warmup",
                                                daemon=True)
                self._thread.start()
        return self

    def _run(self) -> None:
        try:
            self._engine.warm_up(on_step=self._on_step)
            # The loaded models are ~500,000 long-lived objects: leave them out of every
            # later collection, or each click pays for scanning them (Streamlit collects after
            # every script run: about 0.3 s a click, bench/page.py).
            gc.collect()
            gc.freeze()
        except Exception as exc:  # the search that follows reports it to the user
            log.warning("loading the models failed: %s", exc)
            with self._lock:
                self._error = exc
        finally:
            with self._lock:
                self._seconds = time.monotonic() - self._started
            self._finished.set()

    def _on_step(self, what: str, done: int, total: int) -> None:
        with self._lock:
            self._step, self._done, self._total = what, done, total

    def state(self) -> WarmupState:
        with self._lock:
            finished = self._finished.is_set()
            return WarmupState(step=self._step, done=self._done, total=self._total,
                               ready=finished and self._error is None,
                               error=self._error if finished else None,
                               seconds=self._seconds if finished
                               else time.monotonic() - self._started)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait up to ``timeout`` seconds for the loading to finish; whether it has."""
        return self._finished.wait(timeout)


__all__ = ["ModelWarmup", "WarmupState"]
