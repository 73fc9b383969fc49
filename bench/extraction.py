"""Extraction quality on the Scrapinghub article-extraction benchmark (181 real pages).

For each page, ``extract_article`` runs on ``html/<id>.html.gz`` and its text is compared with
the ground truth ``articleBody``: token-level precision, recall and F1 over lower-cased word
tokens (bags of words, counted with multiplicity). Reported micro-averaged (over all tokens of
all pages) and as the mean per page. A page where extraction raises ParseError counts as an
empty extraction (precision, recall and F1 of 0 for that page).

Usage:
    .venv/bin/python bench/extraction.py   # precision mode (the default) and balanced
    .venv/bin/python bench/extraction.py --modes precision recall balanced --limit 50
    .venv/bin/python bench/extraction.py --json bench/results/extraction.json
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from corroborate.errors import ParseError  # noqa: E402
from corroborate.ingest.extract import extract_article  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "extraction" / "scrapinghub"
_WORD = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    """Lower-cased word tokens with their counts."""
    return Counter(_WORD.findall(text.lower()))


@dataclass(frozen=True)
class Score:
    mode: str
    pages: int
    failures: int
    micro_precision: float
    micro_recall: float
    micro_f1: float
    mean_precision: float
    mean_recall: float
    mean_f1: float
    seconds_per_page: float


def _prf(common: int, predicted: int, expected: int) -> tuple[float, float, float]:
    p = common / predicted if predicted else 0.0
    r = common / expected if expected else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(data_dir: Path, mode: str, limit: int | None) -> Score:
    """Run extraction in one mode over the benchmark and score it."""
    truth = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    items = sorted(truth.items())[:limit]
    common_sum = predicted_sum = expected_sum = failures = 0
    per_page: list[tuple[float, float, float]] = []
    started = time.perf_counter()
    for page_id, record in items:
        html = gzip.decompress((data_dir / "html" / f"{page_id}.html.gz").read_bytes())
        try:
            if mode == "recall":
                from trafilatura import extract  # the library's own recall mode, for comparison

                text = (
                    extract(html, url=record["url"], favor_recall=True, include_comments=False)
                    or ""
                )
            else:
                text = extract_article(
                    html, record["url"], favor_precision=(mode == "precision")
                ).text
        except ParseError:
            text = ""
            failures += 1
        got, want = tokens(text), tokens(record["articleBody"])
        common = sum((got & want).values())
        n_got, n_want = sum(got.values()), sum(want.values())
        common_sum += common
        predicted_sum += n_got
        expected_sum += n_want
        per_page.append(_prf(common, n_got, n_want))
    elapsed = time.perf_counter() - started
    micro = _prf(common_sum, predicted_sum, expected_sum)
    n = len(per_page) or 1
    return Score(
        mode=mode,
        pages=len(per_page),
        failures=failures,
        micro_precision=round(micro[0], 4),
        micro_recall=round(micro[1], 4),
        micro_f1=round(micro[2], 4),
        mean_precision=round(sum(s[0] for s in per_page) / n, 4),
        mean_recall=round(sum(s[1] for s in per_page) / n, 4),
        mean_f1=round(sum(s[2] for s in per_page) / n, 4),
        seconds_per_page=round(elapsed / n, 3),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the scrapinghub folder")
    parser.add_argument(
        "--modes",
        nargs="+",
        default=["precision", "balanced"],
        choices=["precision", "balanced", "recall"],
        help="precision: extract_article's default; balanced: favor_precision=False; "
        "recall: plain trafilatura.extract(favor_recall=True)",
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--json", type=Path, default=None, help="also write the scores here")
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").exists():
        print(
            f"no benchmark data at {args.data} (expected ground-truth.json and html/)",
            file=sys.stderr,
        )
        return 2

    scores = [evaluate(args.data, mode, args.limit) for mode in args.modes]
    header = f"{'mode':<10} {'pages':>5} {'fail':>4} {'microP':>7} {'microR':>7} {'microF1':>7} " \
             f"{'meanP':>7} {'meanR':>7} {'meanF1':>7} {'s/page':>7}"
    print(header)
    print("-" * len(header))
    for s in scores:
        print(
            f"{s.mode:<10} {s.pages:>5} {s.failures:>4} "
            f"{s.micro_precision:>7.3f} {s.micro_recall:>7.3f} "
            f"{s.micro_f1:>7.3f} {s.mean_precision:>7.3f} {s.mean_recall:>7.3f} {s.mean_f1:>7.3f} "
            f"{s.seconds_per_page:>7.3f}"
        )
    payload = {"benchmark": "scrapinghub article-extraction", "metric": "bag-of-words token P/R/F1",
               "scores": [asdict(s) for s in scores]}
    print(json.dumps(payload, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
