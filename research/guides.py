"""Earlier stance weights guiding a training run: the evidence chooser and the distillation teacher.

The chooser picks the passage each related news document is trained on; the teacher's
probabilities for every training pair join the labels as targets.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from corroborate.stance.aggregate import polar
from corroborate.stance.data import StancePair
from corroborate.stance.labels import CONTRADICTS, NEUTRAL, SUPPORTS

from .mixture import EvidenceChooser

log = logging.getLogger("research.train")  # the trainer's progress log, as before the split


def evidence_chooser(model: Any, *, neutral: bool = True) -> EvidenceChooser:
    """Pick each related news document's training passage the way its stance will be read.

    A document's stance is carried by its most polar passage (:mod:`.aggregate`), but its label
    says nothing about *which* passage carries it, and the BM25-best passage is often a neutral
    one (the headline's words, not the article's verdict). So, among the document's best
    passages, ``model`` (weights trained before) picks:

    - for a ``supports``/``contradicts`` document, the passage it reads most as that label (the
      passage most likely to hold the article's side);
    - for a ``neutral`` document, the passage it reads as most polar (the one most likely to be
      taken for a side, so the one to learn is neutral); with ``neutral=False``, the best-matching
      passage, as without a chooser.

    This is multiple-instance learning with the maximum, as the document's stance is aggregated.
    """
    from corroborate.stance.model import to_results

    def choose(claims: Sequence[str], candidates: Sequence[Sequence[str]],
               labels: Sequence[str]) -> list[int]:
        flat = to_results(model.predict([c for c, cs in zip(claims, candidates, strict=True)
                                         for _ in cs],
                                        [x for cs in candidates for x in cs]))
        picks: list[int] = []
        start = 0
        for cs, label in zip(candidates, labels, strict=True):
            read = flat[start:start + len(cs)]
            start += len(cs)
            if label in (SUPPORTS, CONTRADICTS):
                picks.append(max(range(len(read)), key=lambda j: read[j].probabilities[label]))
            elif label == NEUTRAL and neutral:
                picks.append(max(range(len(read)), key=lambda j: polar(read[j])))
            else:
                picks.append(0)
        return picks

    return choose


def teacher_targets(teacher_dir: Path, pairs: Sequence[StancePair], max_length: int,
                    threads: int) -> list[dict[str, float]]:
    """The probabilities of the stance weights in ``teacher_dir`` for every training pair, read
    as the student is trained: the same prefixes and token cap."""
    import torch

    from corroborate.settings import Settings
    from corroborate.stance.model import load_stance_model

    torch.set_num_threads(threads)
    teacher = load_stance_model(Settings.load(stance_max_length=max_length), path=teacher_dir)
    log.info("teacher %s (%s, %s): reading %d pairs", teacher_dir, teacher.fingerprint[:16],
             teacher.precision, len(pairs))
    started = time.monotonic()
    last = [started]

    def progress(done: int, total: int) -> None:
        if time.monotonic() - last[0] > 60 or done == total:
            last[0] = time.monotonic()
            log.info("teacher read %d/%d pairs in %.1f min", done, total, (last[0] - started) / 60)

    return teacher.predict([p.claim for p in pairs], [p.passage for p in pairs],
                           on_progress=progress)
