"""Near-duplicate candidates: MinHash signatures of word shingles and LSH collisions."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from .features import Doc, signature

if TYPE_CHECKING:
    from datasketch import MinHash


@functools.lru_cache(maxsize=8)
def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """LSH bands and rows for a threshold (datasketch integrates for them: ~40 ms each time)."""
    from datasketch.lsh import _optimal_param

    b, r = _optimal_param(threshold, num_perm, 0.5, 0.5)
    return int(b), int(r)


def lsh_candidates(docs: Mapping[str, Doc], ids: Sequence[str], num_perm: int,
                   threshold: float) -> set[tuple[str, str]]:
    """Pairs (older, newer) whose MinHash signatures collide in the LSH index.

    ``ids`` are oldest first; the exact shingle sets decide which candidates are copies.
    """
    from datasketch import MinHashLSH  # imported here: a second to load

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm,
                     params=_lsh_params(threshold, num_perm))
    sigs: dict[str, MinHash] = {}
    for i in ids:
        if not docs[i].prepared.has_shingles:
            continue
        m = signature(docs[i].prepared, num_perm)
        sigs[i] = m
        lsh.insert(i, m)
    order = {i: n for n, i in enumerate(ids)}
    pairs: set[tuple[str, str]] = set()
    for i, m in sigs.items():
        for j in lsh.query(m):
            if j != i:
                a, b = sorted((i, j), key=order.__getitem__)
                pairs.add((a, b))
    return pairs


__all__ = ["lsh_candidates"]
