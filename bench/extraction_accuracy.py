"""Body-text accuracy on real pages with ground truth: healthcorpus vs trafilatura, one run.

    python bench/extraction_accuracy.py [--bench ../shared/bench] [--no-trafilatura]
                                        [--per-page] [--json OUT.json]

The metric is the one ``shared/bench/README.md`` defines (4-token shingles, per-page
TP/FP/FN, mean precision and recall over pages, F1 of the means), so figures compare
with published ones. Pages/s is measured on the same pages in the same run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cleaning import clean_html

_TOKEN = re.compile(r"\w+")
DEFAULT_BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench"


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < 4:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def page_scores(predicted: str, truth: str) -> tuple[float | None, float | None]:
    """(precision, recall) of one page; None where the README says to leave it out."""
    pred, true = shingles(predicted), shingles(truth)
    tp = sum((pred & true).values())
    fp = sum(pred.values()) - tp
    fn = sum(true.values()) - tp
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return precision, recall


def score(predictions: dict[str, str], truth: dict[str, str]) -> dict[str, float]:
    precisions, recalls = [], []
    for key, true_text in truth.items():
        p, r = page_scores(predictions.get(key, ""), true_text)
        if p is not None:
            precisions.append(p)
        if r is not None:
            recalls.append(r)
    p = statistics.fmean(precisions)
    r = statistics.fmean(recalls)
    return {"f1": 2 * p * r / (p + r), "precision": p, "recall": r}


def ours(html: str, url: str) -> str:
    result = clean_html(html, url=url)
    return result.record.text if result.record else ""


def trafilatura_extract(html: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def run(
    name: str,
    extractor: Callable[[str, str], str],
    pages: dict[str, tuple[str, str]],
    truth: dict[str, str],
    rounds: int,
) -> dict[str, object]:
    predictions: dict[str, str] = {}
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        for key, (html, url) in pages.items():
            predictions[key] = extractor(html, url)
        timings.append(time.perf_counter() - start)
    result: dict[str, object] = dict(score(predictions, truth))
    result["pages_per_s"] = len(pages) / statistics.median(timings)
    result["name"] = name
    result["predictions"] = predictions
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--no-trafilatura", action="store_true")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds (median)")
    parser.add_argument("--per-page", action="store_true", help="print the worst pages")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()

    truth_raw = json.loads((args.bench / "ground-truth.json").read_text())
    truth = {k: v["articleBody"] for k, v in truth_raw.items()}
    pages = {
        k: (
            gzip.decompress((args.bench / "html" / f"{k}.html.gz").read_bytes()).decode(
                "utf-8", "replace"
            ),
            v["url"],
        )
        for k, v in truth_raw.items()
    }
    results = [run("healthcorpus", ours, pages, truth, args.rounds)]
    if not args.no_trafilatura:
        results.append(run("trafilatura 2.3.1", trafilatura_extract, pages, truth, args.rounds))

    print(f"{len(pages)} pages, {args.rounds} timing rounds (median)")
    print(f"{'extractor':<20} {'F1':>6} {'prec':>6} {'recall':>6} {'pages/s':>8}")
    for r in results:
        print(
            f"{r['name']:<20} {r['f1']:6.3f} {r['precision']:6.3f} {r['recall']:6.3f} "
            f"{r['pages_per_s']:8.1f}"
        )
    if len(results) == 2:
        print(
            f"speed ratio healthcorpus/trafilatura: "
            f"{results[0]['pages_per_s'] / results[1]['pages_per_s']:.2f}x"
        )
    if args.per_page:
        preds = results[0]["predictions"]
        assert isinstance(preds, dict)
        rows = []
        for key, true_text in truth.items():
            p, r = page_scores(preds.get(key, ""), true_text)
            rows.append((min(p or 0, r or 0), p, r, key))
        for _worst, p, r, key in sorted(rows)[:20]:
            print(
                f"{key[:12]} p={p if p is None else round(p, 3)} "
                f"r={r if r is None else round(r, 3)} {truth_raw[key]['url'][:80]}"
            )
    if args.json:
        args.json.write_text(
            json.dumps(
                [{k: v for k, v in r.items() if k != "predictions"} for r in results], indent=2
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
