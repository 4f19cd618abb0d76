"""Extraction accuracy on real pages: healthcorpus and trafilatura side by side, one run.

    python bench/extraction_accuracy.py [--rounds N] [--worst N] [--json OUT.json]
                                        [--no-trafilatura] [--pages DIR]

Scores the three sets of ``bench/pages/`` (a copy of ``shared/bench``), each with the
metric its README defines (``bench/accuracy/metrics.py``):

- benchmark: article body, 4-token shingle F1 of the mean precision and recall;
- snippets: trafilatura's segment metric on our ``title + "\\n" + text``;
- readability: body shingle F1 against ``expected.html``, and headings F1 (the
  page's ``h2``-``h4`` against our section headings, pages with two or more).

Every figure is given for the tuning part, the **validation part** (sites the cleaner
was not tuned on: quote these) and all pages, as pinned in ``bench/split.json``;
then pages skipped by reason, the worst validation pages of each set, and pages/s of
each extractor on one core over all pages (median of ``--rounds``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.accuracy.extractors import (
    Extraction,
    healthcorpus,
    trafilatura_headings,
    trafilatura_text,
)
from bench.accuracy.metrics import (
    SegmentCounts,
    f1,
    heading_counts,
    page_shingle_scores,
    segment_counts,
    shingle_scores,
)
from bench.accuracy.sets import PAGES, PARTS, SETS, BenchPage, load_set, load_split

Extractor = Callable[[bytes, str], Extraction]
MIN_HEADINGS = 2  # headings F1 counts pages whose expected text has this many


def extract_all(
    extractor: Extractor, pages: list[BenchPage], rounds: int
) -> tuple[dict[str, Extraction], float]:
    """Outputs keyed by ``set/key``, and the median seconds of one pass over all pages."""
    outputs: dict[str, Extraction] = {}
    timings = []
    for _ in range(max(rounds, 1)):
        started = time.perf_counter()
        for page in pages:
            outputs[f"{page.set}/{page.key}"] = extractor(page.body, page.url)
        timings.append(time.perf_counter() - started)
    return outputs, statistics.median(timings)


def page_figure(page: BenchPage, out: Extraction) -> float:
    """One number per page for the worst-pages list: F1 of the page's own metric."""
    if page.set == "snippets":
        return segment_counts(out.titled_text, page.with_segments, page.without_segments).f1
    p, r = page_shingle_scores(out.text, page.truth)
    return f1(p or 0.0, r or 0.0)


def set_figures(name: str, pages: list[BenchPage], outputs: dict[str, Extraction]) -> dict:
    figures: dict[str, float | int] = {"pages": len(pages)}
    if name == "snippets":
        counts = SegmentCounts()
        for page in pages:
            out = outputs[f"{page.set}/{page.key}"]
            counts.add(segment_counts(out.titled_text, page.with_segments, page.without_segments))
        figures.update(f1=counts.f1, precision=counts.precision, recall=counts.recall)
        return figures
    scores = shingle_scores((outputs[f"{p.set}/{p.key}"].text, p.truth) for p in pages)
    figures.update(f1=scores.f1, precision=scores.precision, recall=scores.recall)
    if name == "readability":
        tp = fp = fn = counted = 0
        for page in pages:
            if len(page.headings) < MIN_HEADINGS:
                continue
            counted += 1
            a, b, c = heading_counts(outputs[f"{page.set}/{page.key}"].headings, page.headings)
            tp, fp, fn = tp + a, fp + b, fn + c
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        figures.update(
            headings_f1=f1(precision, recall),
            headings_precision=precision,
            headings_recall=recall,
            headings_pages=counted,
        )
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=PAGES, help="the three sets' folder")
    parser.add_argument("--no-trafilatura", action="store_true", help="ours only")
    parser.add_argument("--rounds", type=int, default=1, help="timing passes (median)")
    parser.add_argument("--worst", type=int, default=8, help="worst validation pages per set")
    parser.add_argument("--json", type=Path, help="write every figure here")
    args = parser.parse_args()

    split = load_split()
    sets = {name: load_set(name, args.pages) for name in SETS}
    every_page = [page for name in SETS for page in sets[name]]
    runs: dict[str, tuple[dict[str, Extraction], float]] = {
        "healthcorpus": extract_all(healthcorpus, every_page, args.rounds)
    }
    if not args.no_trafilatura:
        runs["trafilatura"] = extract_all(trafilatura_text, every_page, args.rounds)
        outputs = runs["trafilatura"][0]
        for page in sets["readability"]:
            outputs[f"readability/{page.key}"].headings = trafilatura_headings(page.body)

    report: dict = {"pages": len(every_page), "rounds": args.rounds, "sets": {}}
    print(f"{len(every_page)} pages of {args.pages}; figures: tune / VALIDATE / all")
    for name in SETS:
        report["sets"][name] = {}
        parts = {part: [p for p in sets[name] if split[name][p.key] == part] for part in PARTS}
        parts["all"] = sets[name]
        print(f"\n{name} ({', '.join(f'{k} {len(v)}' for k, v in parts.items())})")
        for who, (outputs, _seconds) in runs.items():
            figures = {part: set_figures(name, pages, outputs) for part, pages in parts.items()}
            report["sets"][name][who] = figures
            keys = [k for k in figures["all"] if k not in ("pages", "headings_pages")]
            for key in keys:
                cells = " / ".join(f"{figures[part][key]:.3f}" for part in (*PARTS, "all"))
                print(f"  {who:<13} {key:<19} {cells}")
        ours = runs["healthcorpus"][0]
        skipped = {
            part: Counter(
                ours[f"{name}/{p.key}"].skip_reason
                for p in pages
                if ours[f"{name}/{p.key}"].skip_reason
            )
            for part, pages in parts.items()
        }
        report["sets"][name]["skipped"] = {part: dict(c) for part, c in skipped.items()}
        for part in (*PARTS, "all"):
            total = sum(skipped[part].values())
            reasons = ", ".join(f"{r} {n}" for r, n in skipped[part].most_common())
            print(
                f"  skipped ({part}): {total} of {len(parts[part])}"
                + (f" ({reasons})" if total else "")
            )
        worst = sorted(parts["validate"], key=lambda p: page_figure(p, ours[f"{name}/{p.key}"]))
        print("  worst validation pages:")
        for page in worst[: args.worst]:
            out = ours[f"{name}/{page.key}"]
            note = f" [{out.skip_reason}]" if out.skip_reason else ""
            print(f"    {page_figure(page, out):.3f} {page.key[:24]:<24} {page.url[:70]}{note}")

    print()
    seconds = {who: s for who, (_o, s) in runs.items()}
    for who, s in seconds.items():
        print(
            f"speed {who:<13} {len(every_page) / s:7.1f} pages/s (median of {args.rounds})"
        )
    report["pages_per_s"] = {who: len(every_page) / s for who, s in seconds.items()}
    if "trafilatura" in seconds:
        ratio = seconds["trafilatura"] / seconds["healthcorpus"]
        report["speed_ratio"] = ratio
        print(f"speed ratio healthcorpus/trafilatura: {ratio:.2f}x")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
