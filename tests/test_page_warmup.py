"""The page's background model loading: its steps, its progress line, its outcome."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any

import pytest

from corroborate.errors import ModelError
from corroborate.page.warmup import ModelWarmup


class SlowEngine:
    """An engine whose warm-up stops at each step until the test lets it go on."""

    def __init__(self, fail: bool = False) -> None:
        self.go = threading.Event()
        self.at_step = threading.Event()
        self.calls = 0
        self.fail = fail

    def warm_up(self, on_step: Callable[[str, int, int], None] | None = None,
                **_: Any) -> None:
        self.calls += 1
        assert on_step is not None
        for done, what in enumerate(("the index and the encoder", "the stance model")):
            on_step(what, done, 2)
            self.at_step.set()
            self.go.wait(10)
            self.go.clear()
            if self.fail:
                raise ModelError("the stance model is not prepared")
        on_step("", 2, 2)


def test_the_loading_runs_in_the_background_and_says_where_it_stands() -> None:
    engine = SlowEngine()
    warmup = ModelWarmup(engine).start()
    assert warmup.start() is warmup  # idempotent: one loading per engine
    assert engine.at_step.wait(10)
    state = warmup.state()
    assert not state.finished and state.fraction == 0.0
    assert state.describe() == ("Loading models in the background: the index and the encoder "
                                "(1/2)…")
    assert not warmup.wait(0.05)  # a check asked now waits
    engine.at_step.clear()
    engine.go.set()
    assert engine.at_step.wait(10)
    assert warmup.state().describe().endswith("the stance model (2/2)…")
    assert warmup.state().fraction == 0.5
    engine.go.set()
    assert warmup.wait(10)
    state = warmup.state()
    assert state.ready and state.fraction == 1.0 and state.error is None
    assert state.describe().startswith("Models ready (loaded in ")
    assert engine.calls == 1
    # the loaded models are left out of later collections (each click would scan them)
    assert gc.get_freeze_count() > 0
    gc.unfreeze()


def test_a_failed_loading_is_kept_for_the_check_to_explain() -> None:
    engine = SlowEngine(fail=True)
    warmup = ModelWarmup(engine).start()
    engine.go.set()
    assert warmup.wait(10)
    state = warmup.state()
    assert state.finished and not state.ready
    assert isinstance(state.error, ModelError)
    assert state.describe() == "The models could not be loaded."


@pytest.mark.slow
def test_the_engine_warm_up_reports_its_steps_and_caches_no_reading(demo_engine: Any) -> None:
    from corroborate.engine import _WARM_UP_CLAIM

    steps: list[tuple[str, int, int]] = []
    demo_engine.warm_up(on_step=lambda *step: steps.append(step))
    assert [s[1] for s in steps] == [0, 1, 2, 3, 4] and {s[2] for s in steps} == {4}
    assert steps[1][0] == "the stance model" and steps[-1][0] == ""
    texts = [h.passage.text for h in demo_engine.hits([_WARM_UP_CLAIM], 10)[0]]
    model = demo_engine.stance_model
    assert texts and demo_engine.stance_cache.get_many(_WARM_UP_CLAIM, texts,
                                                       model.cache_key) == [None] * len(texts)
