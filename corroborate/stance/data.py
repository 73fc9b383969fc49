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
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataFileError
from .labels import map_label

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
    category: str = ""  # an evaluation set's own grouping of its rows (a jsonl row's ``category``)



def label_of(raw: object, path: Path | str, row: str, *, numeric_nli: bool = False) -> str | None:
    """:func:`~corroborate.stance.labels.map_label` of a file's row, or :class:`DataFileError`."""
    try:
        return map_label(str(raw), numeric_nli=numeric_nli)
    except ValueError:
        raise DataFileError(path, row, f"unknown stance label {raw!r} (known: supports/agree/"
                                       "entailment, contradicts/disagree/contradiction/refutes, "
                                       "neutral/discuss/not enough info, unrelated)") from None


def split_of(
    group: str, dev_fraction: float = DEFAULT_DEV_FRACTION, salt: str = "stance-v1"
) -> str:
    """``"dev"`` or ``"train"`` for a group key, stable across runs (a hash, not a RNG)."""
    digest = hashlib.sha256(f"{salt}\x1f{group}".encode()).digest()
    return DEV if int.from_bytes(digest[:8], "big") / 2**64 < dev_fraction else TRAIN


def norm_text(text: str) -> str:
    return " ".join(text.split()).casefold()


# --- readers -----------------------------------------------------------------------------

def read_jsonl_pairs(path: Path, *, source: str | None = None, group_by: str = "premise",
                     group_prefix: str | None = None) -> Iterator[StancePair]:
    """Pairs of a jsonl file (``premise`` = evidence, ``hypothesis`` = claim, ``label``; optional
    ``id``, ``lang`` and ``category``).

    Rows whose label is two-way negative (``not_entailment``) are skipped; a row that is not a
    JSON object, lacks a field or has a label of no known vocabulary raises
    :class:`DataFileError` naming the file, the line (and the row's id) and what is wrong.
    ``group_by``:
    ``premise``, ``hypothesis`` or ``id`` (the row id without its dataset prefix, under
    ``group_prefix``: give translations of one set the same prefix).
    """
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if not line.strip():
                continue
            where = f"line {n + 1}"
            try:
                row = json.loads(line)
            except ValueError as exc:
                raise DataFileError(path, where, f"not a JSON object ({exc})") from None
            if not isinstance(row, dict):
                raise DataFileError(path, where, "not a JSON object")
            missing = [key for key in ("premise", "hypothesis", "label") if row.get(key) is None]
            if missing:
                raise DataFileError(path, where, f"no {', '.join(missing)} (a row needs premise, "
                                                 "hypothesis and label)")
            if row.get("id"):
                where += f" (id {row['id']})"
            label = label_of(row["label"], path, where, numeric_nli=True)
            if label is None:
                continue
            row_id = str(row.get("id") or f"{Path(path).stem}/{n}")
            name = source or str(row.get("dataset") or Path(path).stem)
            if group_by == "id":
                group = f"{group_prefix or name}:{row_id.split('/', 1)[-1]}"
            else:
                group = f"{group_by}:{norm_text(str(row[group_by]))}"
            yield StancePair(row_id, str(row["hypothesis"]), str(row["premise"]), label, name,
                             str(row.get("lang") or ""), group, str(row.get("category") or ""))


def read_xnli_tsv(path: Path, lang: str | None = None) -> list[StancePair]:
    """XNLI dev rows (premise, hypothesis, label); group = row index (parallel across languages)."""
    lang = lang or Path(path).stem.rsplit("-", 1)[-1]
    out = []
    with Path(path).open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or not parts[0]:
                continue
            label = label_of(parts[2], path, f"line {i + 1}", numeric_nli=True)
            if label is None:
                continue
            out.append(
                StancePair(
                    f"xnli_{lang}/{i}", parts[1], parts[0], label, f"xnli_{lang}", lang, f"xnli:{i}"
                )
            )
    return out


def read_rte3_fr(path: Path) -> list[StancePair]:
    """RTE3-FR (id, language, premise, hypothesis, label, label_text, ...)."""
    out = []
    with Path(path).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            label = label_of(row["label_text"], path, f"id {row['id']}")
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
            label = label_of(row["stance"], path, f"row {i + 1}")
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


# --- sampling -----------------------------------------------------------------

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
