"""End-to-end ``Engine.search`` latency on an index of ~100k passages (not a test).

The data directory is the demo's: the sample corpus served on 127.0.0.1 and ingested by the
real pipeline (httpx, extraction, the e5 encoder, FAISS), then grown with filler articles up
to ``--passages`` passages. Filler passages carry real news text (sentences of the FNC-1 and
ARC bodies in ``../shared/data``; the sample corpus's own sentences when that is absent), each
passage a distinct combination, with synthetic vectors drawn around the real passage vectors
(the covariance trick of ``bench/query.py``): embedding 100k passages would take ~20 minutes
on 2 cores, and the vectors are not what is measured here. Because the filler sits around the
real passages, a claim retrieves a mix of both and the stance stage classifies passages of
realistic length, as on a big real index.

Claims: the demo's seven French claims and the sample corpus's headlines (en/fr/ar). Each is
asked once **cold** (its stance results not cached; models already loaded) and then again
**repeated** (stance results from the SQLite cache). Reported: p50/p95 of the total and of each
stage (retrieve = encode + FAISS + SQLite, stance, aggregate), of the process's CPU time per
search (``cpu``: all threads; wall time on a busy machine also waits for a core), and the
engine's load time. Filler articles carry their origin features, as ingest stores them.

    .venv/bin/python bench/engine.py --passages 100000 --claims 40
    .venv/bin/python bench/engine.py --reuse /tmp/corroborate-bench-engine   # skip the build
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.query import synthetic  # noqa: E402
from corroborate.demo.build import build_demo  # noqa: E402
from corroborate.demo.corpus import load_corpus, load_demo_claims  # noqa: E402
from corroborate.domain import Article, Passage, article_id_for, content_hash, passage_id_for  # noqa: E402
from corroborate.index.vectors import VectorIndex, write_lock  # noqa: E402
from corroborate.ingest.passages import split_sentences  # noqa: E402
from corroborate.origins.features import origin_features  # noqa: E402
from corroborate.settings import Settings  # noqa: E402
from corroborate.stance.model import resolve_precision  # noqa: E402
from corroborate.store.sqlite import Store  # noqa: E402

SHARED = REPO.parent / "shared" / "data"
PASSAGES_PER_ARTICLE = 8
SENTENCES_PER_PASSAGE = 3


def ms(values: list[float]) -> dict[str, float]:
    """p50 and p95 in milliseconds."""
    ordered = sorted(values)
    return {"p50": round(statistics.median(ordered) * 1000, 1),
            "p95": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000, 1)}


def sentence_pool() -> tuple[list[str], str]:
    """Real news sentences for filler passages, and where they came from."""
    import csv

    texts: list[str] = []
    for rel in ("stance/fnc1/train_bodies.csv", "stance/arc/arc_bodies.csv"):
        path = SHARED / rel
        if path.exists():
            with path.open(encoding="utf-8", newline="") as fh:
                texts.extend(row["articleBody"] for row in csv.DictReader(fh))
    source = "FNC-1 and ARC bodies (../shared/data)"
    if not texts:
        texts = [a.body for a in load_corpus().articles]
        source = "the sample corpus (../shared/data absent)"
    pool: list[str] = []
    for text in texts:
        for start, end in split_sentences(text, "en"):
            sentence = " ".join(text[start:end].split())
            if 40 <= len(sentence) <= 400:
                pool.append(sentence)
    return sorted(set(pool)), source


def add_filler(settings: Settings, target: int, seed: int) -> dict[str, object]:
    """Grow the demo store and index with filler articles until it holds ``target`` passages."""
    rng = random.Random(seed)
    data_dir = Path(settings.data_dir)
    with Store(settings.store_path) as store:
        have = store.passage_count()
        need = max(0, target - have)
        pool, source = sentence_pool()
        base = datetime(2023, 9, 1, tzinfo=UTC)
        new_ids: list[int] = []
        articles = 0
        while len(new_ids) < need:
            n = min(PASSAGES_PER_ARTICLE, need - len(new_ids))
            chosen = [rng.sample(pool, SENTENCES_PER_PASSAGE) for _ in range(n)]
            bodies = [" ".join(sentences) for sentences in chosen]
            text = "\n\n".join(bodies)
            url = f"https://filler{articles % 200}.example/story/{articles}"
            aid = article_id_for(url)
            passages, offset = [], 0
            for i, (body, sentences) in enumerate(zip(bodies, chosen, strict=True)):
                start = text.index(body, offset)
                end = start + len(body)
                spans, cursor = [], start  # sentence offsets, as the real pipeline records them
                for sentence in sentences:
                    at = text.index(sentence, cursor)
                    spans.append((at, at + len(sentence)))
                    cursor = at + len(sentence)
                passages.append(
                    Passage(passage_id_for(aid, start, end), aid, i, start, end, body, tuple(spans))
                )
                offset = end
            article = Article(
                aid,
                url,
                f"Filler {articles % 200}",
                f"Filler story {articles}",
                text,
                "en",
                base + timedelta(hours=rng.randrange(24 * 150)),
                content_hash=content_hash(text),
            )
            # what ingest stores with every article (origin features: MinHash, credits, anchors)
            store.add_article(replace(article, origin=origin_features(article)), passages)
            new_ids.extend(p.id for p in passages)
            articles += 1
        total = store.passage_count()
    with write_lock(data_dir, wait=True):
        index = VectorIndex.load(data_dir, None, settings)
        real, real_ids = index.all_vectors()
        vectors = synthetic(real.astype(np.float32), len(new_ids), seed, 0.5)
        full = VectorIndex.build(
            index.model,
            np.vstack([real, vectors]),
            np.concatenate([real_ids, np.array(new_ids, dtype=np.int64)]),
            settings,
        )
        manifest = full.save(data_dir)
    return {"filler_articles": articles, "filler_passages": len(new_ids), "filler_text": source,
            "passages": total, "index_kind": manifest.kind, "index_factory": manifest.factory}


def claims(n: int) -> list[str]:
    """The demo's French claims, then sample headlines in a seeded order."""
    out = [c.claim for c in load_demo_claims()]
    titles = [a.title for a in load_corpus().articles]
    random.Random(7).shuffle(titles)
    return (out + titles)[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--passages", type=int, default=100_000)
    ap.add_argument("--claims", type=int, default=40)
    ap.add_argument("--work", type=Path, default=Path("/tmp/corroborate-bench-engine"),
                    help="data directory to build (replaced unless --reuse)")
    ap.add_argument("--reuse", type=Path, default=None, help="use an already built bench directory")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    build: dict[str, object] = {}
    data_dir = args.reuse or args.work
    settings = Settings.load(data_dir=data_dir)
    if args.reuse is None:
        if args.work.exists():
            shutil.rmtree(args.work)
        t0 = time.perf_counter()
        demo = build_demo(settings)
        build["demo_seconds"] = round(time.perf_counter() - t0, 1)
        build["demo_passages"] = demo.passages
        t0 = time.perf_counter()
        build.update(add_filler(settings, args.passages, args.seed))
        build["filler_seconds"] = round(time.perf_counter() - t0, 1)
    for suffix in ("", "-wal", "-shm"):  # a stale -wal would be replayed into a new cache
        (Path(data_dir) / f"stance_cache.sqlite3{suffix}").unlink(missing_ok=True)

    from corroborate import Engine

    t0 = time.perf_counter()
    engine = Engine(data_dir, settings=settings)
    engine.warm_up()
    engine.search("warm-up: the first forward passes allocate their buffers")
    load_seconds = time.perf_counter() - t0
    asked = claims(args.claims)
    stages: dict[str, dict[str, list[float]]] = {"cold": {}, "repeated": {}}
    for claim in asked:
        for kind in ("cold", "repeated"):
            cpu = time.process_time()
            result = engine.search(claim)
            # CPU seconds of the process (every thread): on a shared machine, wall time also
            # counts the waits for a core
            stages[kind].setdefault("cpu", []).append(time.process_time() - cpu)
            for stage, seconds in result.timings.items():
                stages[kind].setdefault(stage, []).append(seconds)
    report = {
        "passages": engine.searcher.index.count,
        "claims": len(asked),
        "stance_m": settings.stance_m,
        "retrieve_n": settings.retrieve_n,
        "stance_precision": resolve_precision(settings.stance_precision),
        "stance_max_length": settings.stance_max_length,
        "engine_load_seconds": round(load_seconds, 1),
        **{kind: {stage: ms(v) for stage, v in per.items()} for kind, per in stages.items()},
        "build": build,
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(
        f"{report['passages']:,} passages, {len(asked)} claims, "
        f"stance on the best {settings.stance_m} "
        f"of {settings.retrieve_n} retrieved; engine load {load_seconds:.1f} s"
    )
    for kind in ("cold", "repeated"):
        parts = ", ".join(f"{stage} p50 {v['p50']:.0f} ms / p95 {v['p95']:.0f} ms"
                          for stage, v in report[kind].items())  # type: ignore[attr-defined]
        print(f"{kind:9} {parts}")
    if build:
        print("build:", json.dumps(build))


if __name__ == "__main__":
    main()
