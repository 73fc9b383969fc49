"""Document stance from passage readings: the engine's rule against its variants and a learned one
(not a test).

An article's stance is aggregated from the readings of its best passages
(:func:`corroborate.stance.aggregate_document_stance`: the most polar passage decides when it is
polar enough, sentences of undecided related passages may stand in for them). This reads every
FNC-1/ARC dev document once — its 3 best BM25 passages, and every sentence of each related
passage — and then scores, without reading again:

- the engine's rule at its defaults and at other thresholds (polar 0.4–0.6, sentence 0.7–never);
- a multinomial logistic regression over 21 summaries of the readings (per label: the max, mean
  and min over passages, the max and mean over sentences, in logs; and the passage count),
  cross-fitted: fitted on four fifths of the stories and scored on the fifth, five times, so
  that no document is scored by a fit that saw it (stories are the connected components of
  the headline–body graph of related rows, the same grouping as the train/dev split).

    .venv/bin/python bench/doc_aggregation.py                     # the shipped model, FNC-1 and ARC
    .venv/bin/python bench/doc_aggregation.py --model DIR --readings /tmp/readings.json
    .venv/bin/python bench/doc_aggregation.py --readings /tmp/readings.json   # reuse saved readings

Needs ../shared/data and scikit-learn (a dependency of sentence-transformers).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from corroborate.domain import STANCE_LABELS  # noqa: E402
from corroborate.stance.aggregate import (  # noqa: E402
    DEFAULT_POLAR_THRESHOLD,
    DEFAULT_SENTENCE_THRESHOLD,
    aggregate_document_stance,
    sentence_reading,
    worth_reading_sentences,
)
from corroborate.stance.fnc import PASSAGES_PER_DOC, components, fnc_score  # noqa: E402
from corroborate.stance.model import to_results  # noqa: E402

Reading = dict[str, Any]  # {"p": passage probabilities, "s": [sentence probabilities]}


def read_dev_documents(
    model_dir: str | None, data_dir: Path, names: list[str]
) -> dict[str, list[dict[str, Any]]]:
    """Every dev document of ``names``: gold label, story keys, passage and sentence readings."""
    from corroborate.settings import Settings
    from corroborate.stance.evaluate import read_documents
    from corroborate.stance.model import load_stance_model
    from research.mixture import build_mixture

    model = load_stance_model(Settings.load(), path=model_dir)
    mix = build_mixture(data_dir, seed=13, scale=0.001)
    out: dict[str, list[dict[str, Any]]] = {}
    for name in names:
        started = time.perf_counter()
        docs, ranking = mix.dev_docs[name]
        # every related passage is read sentence by sentence, so any threshold can be tried later
        spans, raw = read_documents(model, docs, ranking, PASSAGES_PER_DOC,
                                    lambda r: r.probabilities["unrelated"] < 0.5)
        passages, sentences = raw.passages, raw.sentences
        readings: list[Reading] = [{"p": r.probabilities, "s": [x.probabilities for x in mine]}
                                   for r, mine in zip(passages, sentences, strict=True)]
        out[name] = [
            {"gold": d.label, "headline": d.headline, "body": d.body_id, "readings": readings[a:b]}
            for d, (a, b) in zip(docs, spans, strict=True)
        ]
        print(
            f"read {name}: {len(docs)} documents, {len(passages)} passages, "
            f"{sum(map(len, sentences))} sentences "
            f"in {time.perf_counter() - started:.0f} s",
            file=sys.stderr,
        )
    return {"model": model.fingerprint, **out}  # type: ignore[dict-item]


def rule_label(doc: dict[str, Any], polar_threshold: float, sentence_threshold: float) -> str:
    """The engine's rule (sentences read only where the engine would read them)."""
    read = []
    for r in doc["readings"]:
        passage = to_results([r["p"]])[0]
        sentences = (
            to_results(r["s"])
            if worth_reading_sentences(passage, threshold=sentence_threshold)
            else []
        )
        j = sentence_reading(passage, sentences, threshold=sentence_threshold)
        read.append(passage if j is None else sentences[j])
    return aggregate_document_stance(read, polar_threshold=polar_threshold).label


def features(doc: dict[str, Any]) -> np.ndarray:
    passages = np.array([[r["p"][k] for k in STANCE_LABELS] for r in doc["readings"]])
    sent = [[s[k] for k in STANCE_LABELS] for r in doc["readings"] for s in r["s"]]
    sentences = np.array(sent) if sent else passages
    summaries = np.concatenate(
        [passages.max(0), passages.mean(0), passages.min(0), sentences.max(0), sentences.mean(0)]
    )
    return np.concatenate([np.log(summaries + 1e-4), [len(doc["readings"])]])


def stories(docs: list[dict[str, Any]]) -> list[str]:
    """Connected components of the headline–body graph of related rows (unrelated rows go with
    their body)."""
    roots = components((d["headline"], d["body"]) for d in docs if d["gold"] != "unrelated")
    return [roots.get("b:" + d["body"], "b:" + d["body"]) for d in docs]


def folds(keys: list[str], k: int) -> np.ndarray:
    """Whole stories into ``k`` folds of about equal size (largest first)."""
    sizes = Counter(keys)
    load = [0] * k
    fold_of: dict[str, int] = {}
    for key in sorted(sizes, key=lambda x: (-sizes[x], x)):
        f = min(range(k), key=lambda i: load[i])
        fold_of[key] = f
        load[f] += sizes[key]
    return np.array([fold_of[key] for key in keys])


def scores(gold: list[str], predicted: list[str]) -> dict[str, Any]:
    from sklearn.metrics import f1_score

    found = sum(g == p == "contradicts" for g, p in zip(gold, predicted, strict=True))
    return {
        "macro_f1": round(
            float(f1_score(gold, predicted, labels=list(STANCE_LABELS), average="macro")), 4
        ),
        "fnc_relative": round(fnc_score(gold, predicted)[2], 4),
        "contradicts_found": f"{found}/{gold.count('contradicts')}",
    }


def compare(docs: list[dict[str, Any]], k: int = 5) -> list[dict[str, Any]]:
    from sklearn.linear_model import LogisticRegression

    gold = [d["gold"] for d in docs]
    rows = []
    for pt in (0.4, DEFAULT_POLAR_THRESHOLD, 0.6):
        for st in (0.7, DEFAULT_SENTENCE_THRESHOLD, 0.9, 1.01):
            default = pt == DEFAULT_POLAR_THRESHOLD and st == DEFAULT_SENTENCE_THRESHOLD
            rows.append({"aggregation": f"rule, polar {pt}, sentence {st if st <= 1 else 'never'}"
                                        + (" (the engine's)" if default else ""),
                         **scores(gold, [rule_label(d, pt, st) for d in docs])})
    x = np.array([features(d) for d in docs])
    y = np.array(gold)
    fold = folds(stories(docs), k)
    for c in (0.1, 1.0):
        for weights in (None, "balanced"):
            predicted = np.empty(len(y), dtype=object)
            for f in range(k):
                fit = LogisticRegression(C=c, class_weight=weights, max_iter=2000).fit(
                    x[fold != f], y[fold != f]
                )
                predicted[fold == f] = fit.predict(x[fold == f])
            rows.append(
                {
                    "aggregation": (
                        f"logistic regression, C={c}, class weights {weights}, {k}-fold by story"
                    ),
                    **scores(gold, list(predicted)),
                }
            )
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].replace("\n", " "))
    ap.add_argument("--model", default=None, help="stance model folder (default: the shipped one)")
    ap.add_argument(
        "--data", type=Path, default=REPO.parent / "shared" / "data", help="the shared data folder"
    )
    ap.add_argument("--sets", default="fnc1,arc", help="dev sets to read (default: %(default)s)")
    ap.add_argument("--readings", type=Path, default=None,
                    help="save the readings here, or reuse them when the file exists")
    ap.add_argument("--json", action="store_true", help="print JSON")
    args = ap.parse_args(argv)
    if args.readings is not None and args.readings.is_file():
        data = json.loads(args.readings.read_text(encoding="utf-8"))
    else:
        if not (args.data / "stance").is_dir():
            ap.error(
                f"--data {args.data}: no stance/ folder (the shared data, see ../shared/README.md)"
            )
        data = read_dev_documents(args.model, args.data, args.sets.split(","))
        if args.readings is not None:
            args.readings.write_text(json.dumps(data), encoding="utf-8")
    report = {name: compare(docs) for name, docs in data.items() if name != "model"}
    if args.json:
        print(json.dumps({"model": data["model"], "sets": report}, indent=1))
        return 0
    print(f"model {data['model'][:16]}")
    for name, rows in report.items():
        print(f"\n{name} ({len(data[name])} documents)")
        for r in rows:
            print(
                f"  {r['aggregation']:<66} macro-F1 {r['macro_f1']:.4f}  "
                f"relative {r['fnc_relative']:.4f}"
                f"  contradicts found {r['contradicts_found']}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
