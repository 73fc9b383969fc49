"""Stance pairs from the real labelled sets: readers, label mapping, leak-free dev splits.

Every pair carries a *group* key; a group is entirely train or entirely dev, decided by a
hash of the key (:func:`split_of`), so the split is stable across runs and machines.
Groups are chosen so that nothing seen in training leaks into a dev item:

- NLI rows: the premise text (MNLI/SNLI/CAD/... reuse premises across hypotheses and sets);
- SICK and SICK-FR: the pair id (they are the same pairs in two languages). ArNLI, also
  SICK, uses other splits and ids, so its translations cannot be told apart and it is left out;
- XNLI dev en/fr/ar: the row index, the same for the three languages (parallel rows);
- X-Stance: the question, so dev questions are unseen;
- ANS: its own train/dev files; FNC-1 and ARC: see :mod:`corroborate.stance.fnc`.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .labels import UNRELATED, map_label

TRAIN, DEV = "train", "dev"
# the shared data folder beside a checkout (training, the dev report and the eval CLI default to it)
SHARED_DATA_DIR = Path(__file__).resolve().parents[3] / "shared" / "data"
DEFAULT_DEV_FRACTION = 0.1

csv.field_size_limit(1 << 30)


@dataclass(frozen=True)
class StancePair:
    """One labelled (claim, passage) pair."""

    id: str
    claim: str
    passage: str
    label: str  # one of STANCE_LABELS
    source: str  # e.g. "fnc1", "mnli", "xnli_fr"
    lang: str
    group: str  # split key: a group is all train or all dev


def split_of(group: str, dev_fraction: float = DEFAULT_DEV_FRACTION, salt: str = "stance-v1") -> str:
    """``"dev"`` or ``"train"`` for a group key, stable across runs (a hash, not a RNG)."""
    digest = hashlib.sha256(f"{salt}\x1f{group}".encode()).digest()
    return DEV if int.from_bytes(digest[:8], "big") / 2**64 < dev_fraction else TRAIN


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


# --- readers -----------------------------------------------------------------------------

def read_jsonl_pairs(path: Path, *, source: str | None = None, group_by: str = "premise",
                     group_prefix: str | None = None) -> Iterator[StancePair]:
    """Pairs of a jsonl file (``premise`` = evidence, ``hypothesis`` = claim, ``label``).

    Rows whose label is two-way negative (``not_entailment``) are skipped. ``group_by``:
    ``premise``, ``hypothesis`` or ``id`` (the row id without its dataset prefix, under
    ``group_prefix``: give translations of one set the same prefix).
    """
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if not line.strip():
                continue
            row = json.loads(line)
            label = map_label(str(row["label"]), numeric_nli=True)
            if label is None:
                continue
            row_id = str(row.get("id") or f"{Path(path).stem}/{n}")
            name = source or str(row.get("dataset") or Path(path).stem)
            if group_by == "id":
                group = f"{group_prefix or name}:{row_id.split('/', 1)[-1]}"
            else:
                group = f"{group_by}:{_norm(str(row[group_by]))}"
            yield StancePair(row_id, str(row["hypothesis"]), str(row["premise"]), label, name,
                             str(row.get("lang") or ""), group)


def read_xnli_tsv(path: Path, lang: str | None = None) -> list[StancePair]:
    """XNLI dev rows (premise, hypothesis, label); group = row index (parallel across languages)."""
    lang = lang or Path(path).stem.rsplit("-", 1)[-1]
    out = []
    with Path(path).open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or not parts[0]:
                continue
            label = map_label(parts[2], numeric_nli=True)
            if label is None:
                continue
            out.append(StancePair(f"xnli_{lang}/{i}", parts[1], parts[0], label, f"xnli_{lang}", lang,
                                  f"xnli:{i}"))
    return out


def read_rte3_fr(path: Path) -> list[StancePair]:
    """RTE3-FR (id, language, premise, hypothesis, label, label_text, ...)."""
    out = []
    with Path(path).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            label = map_label(row["label_text"])
            if label is None:
                continue
            out.append(StancePair(f"rte3_fr/{row['id']}", row["hypothesis"], row["premise"], label,
                                  "rte3_fr", "fr", f"rte3_fr:{row['id']}"))
    return out


def read_ans(path: Path, split_name: str) -> list[StancePair]:
    """ANS (s1 = the reference title = evidence, s2 = the claim, stance)."""
    out = []
    with Path(path).open(encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            label = map_label(row["stance"])
            if label is None:
                continue
            out.append(StancePair(f"ans/{split_name}/{i}", row["s2"], row["s1"], label, "ans", "ar",
                                  f"ans:{split_name}:{i}"))
    return out


def read_pairs_file(path: Path, fmt: str) -> list[StancePair]:
    """Read an evaluation file: ``jsonl`` or ``xnli-tsv`` (``fnc1`` goes through fnc.py)."""
    if fmt == "jsonl":
        return list(read_jsonl_pairs(path))
    if fmt == "xnli-tsv":
        return read_xnli_tsv(path)
    raise ValueError(f"unknown pairs format {fmt!r}; valid: jsonl, xnli-tsv, fnc1")


# --- sampling and synthesis -----------------------------------------------------------------

def stratified_sample(items: Sequence[StancePair], n: int, seed: int) -> list[StancePair]:
    """``n`` items keeping the label shares (largest remainder), in a stable order.

    Every label present keeps at least one item when ``n`` allows it.
    """
    if n >= len(items):
        return list(items)
    by_label: dict[str, list[StancePair]] = defaultdict(list)
    for item in items:
        by_label[item.label].append(item)
    total = len(items)
    quotas = {k: n * len(v) / total for k, v in by_label.items()}
    take = {k: max(1, int(q)) for k, q in quotas.items()}
    left = n - sum(take.values())
    for k in sorted(quotas, key=lambda k: quotas[k] - int(quotas[k]), reverse=True):
        if left <= 0:
            break
        take[k] += 1
        left -= 1
    while sum(take.values()) > n:  # the min-one rule overshot: trim the biggest
        biggest = max(take, key=lambda k: take[k])
        take[biggest] -= 1
    rng = random.Random(seed)
    chosen: list[StancePair] = []
    for label in sorted(by_label):
        pool = list(by_label[label])
        rng.shuffle(pool)
        chosen.extend(pool[: take[label]])
    chosen.sort(key=lambda p: p.id)
    return chosen


def synthesize_unrelated(pairs: Sequence[StancePair], n: int, seed: int) -> list[StancePair]:
    """``n`` ``unrelated`` pairs: a claim with the premise of another group, same language."""
    rng = random.Random(seed)
    by_lang: dict[str, list[StancePair]] = defaultdict(list)
    for p in pairs:
        by_lang[p.lang].append(p)
    langs = sorted(by_lang)
    weights = [len(by_lang[lang]) for lang in langs]
    out: list[StancePair] = []
    tries = 0
    while len(out) < n and tries < 20 * n:
        tries += 1
        pool = by_lang[rng.choices(langs, weights)[0]]
        a, b = rng.choice(pool), rng.choice(pool)
        if a.group == b.group or _norm(a.passage) == _norm(b.passage):
            continue
        out.append(replace(a, id=f"{a.id}~{b.id}", passage=b.passage, label=UNRELATED,
                           source=f"{a.source}+unrelated"))
    return out


def label_counts(pairs: Iterable[StancePair]) -> dict[str, int]:
    """Counts per label, sorted by label."""
    return dict(sorted(Counter(p.label for p in pairs).items()))
