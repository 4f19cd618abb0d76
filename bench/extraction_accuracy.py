"""Extraction accuracy on real pages: healthcorpus and trafilatura side by side, one run.

    python bench/extraction_accuracy.py [--rounds N] [--worst N] [--json OUT.json]
                                        [--no-trafilatura] [--no-script-swap] [--pages DIR]

Scores the three sets of ``bench/pages/`` (a copy of ``shared/bench``), each with the
metric its README defines (``bench/accuracy/metrics.py``):

- benchmark: article body, 4-token shingle F1 of the mean precision and recall;
- snippets: trafilatura's segment metric on our ``title + "\\n" + text``;
- readability: body shingle F1 against ``expected.html``, and headings F1 (the
  page's ``h2``-``h4`` against our section headings, pages with two or more).

Every figure is given for the tuning part, the **validation part** (sites the cleaner
was not tuned on: quote these) and all pages, as pinned in ``bench/split.json``;
then pages skipped by reason, the worst validation pages of each set; every page again
rewritten in Chinese script (``bench/accuracy/script_swap.py``), both extractors, own
script against Chinese script with script-neutral metrics (``--no-script-swap`` skips
it); and pages/s of each extractor on one core over all pages (median of ``--rounds``).
"""

from __future__ import annotations

import os

# Both extractors run in this one process with the settings of healthcorpus's ``clean``
# command and page workers: one OpenBLAS thread (set before numpy loads; its idle
# threads spin after each BLAS call) and the raised young-generation GC threshold.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

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
from bench.accuracy.script_swap import swap_page, with_whole_words
from bench.accuracy.sets import PAGES, PARTS, SETS, BenchPage, load_set, load_split
from crawler.gctune import tune_gc_for_cleaning

Extractor = Callable[[bytes, str], Extraction]
MIN_HEADINGS = 2  # headings F1 counts pages whose expected text has this many


def one_pass(extractor: Extractor, pages: list[BenchPage]) -> tuple[dict[str, Extraction], float]:
    """Outputs keyed by ``set/key``, and the seconds the pass over all pages took."""
    started = time.perf_counter()
    outputs = {f"{page.set}/{page.key}": extractor(page.body, page.url) for page in pages}
    return outputs, time.perf_counter() - started


def timed_passes(
    extractors: dict[str, Extractor], pages: list[BenchPage], rounds: int
) -> tuple[dict[str, dict[str, Extraction]], dict[str, list[float]]]:
    """Each extractor over all pages, ``rounds`` times, taking turns (the machine's speed
    drifts within minutes: each round's extractors see the same machine): the outputs
    of the last pass and the seconds of every pass."""
    outputs: dict[str, dict[str, Extraction]] = {}
    seconds: dict[str, list[float]] = {name: [] for name in extractors}
    for round_ in range(max(rounds, 1)):
        order = list(extractors) if round_ % 2 == 0 else list(reversed(extractors))
        for name in order:
            outputs[name], took = one_pass(extractors[name], pages)
            seconds[name].append(took)
    return outputs, seconds


def page_figure(page: BenchPage, out: Extraction) -> float:
    """One number per page for the worst-pages list: F1 of the page's own metric."""
    if page.set == "snippets":
        return segment_counts(out.titled_text, page.with_segments, page.without_segments).f1
    p, r = page_shingle_scores(out.text, page.truth)
    return f1(p or 0.0, r or 0.0)


def set_figures(
    name: str, pages: list[BenchPage], outputs: dict[str, Extraction], neutral: bool = False
) -> dict:
    """The set's figures over ``pages``; ``neutral``: the script-neutral forms of the
    metrics (CJK characters as tokens, segments blind to whitespace)."""
    figures: dict[str, float | int] = {"pages": len(pages)}
    if name == "snippets":
        counts = SegmentCounts()
        for page in pages:
            out = outputs[f"{page.set}/{page.key}"]
            counts.add(
                segment_counts(out.titled_text, page.with_segments, page.without_segments, neutral)
            )
        figures.update(f1=counts.f1, precision=counts.precision, recall=counts.recall)
        return figures
    scores = shingle_scores(((outputs[f"{p.set}/{p.key}"].text, p.truth) for p in pages), neutral)
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


def script_swap_section(
    sets: dict[str, list[BenchPage]],
    split: dict[str, dict[str, str]],
    extractors: dict[str, Extractor],
    own_outputs: dict[str, dict[str, Extraction]],
) -> dict:
    """Every page again in Chinese script (``bench/accuracy/script_swap.py``), against
    the same page in its own script, both scored with the script-neutral metrics: what
    each extractor's accuracy owes to the script."""
    print("\nscript swap: the same pages in Chinese script (half GBK), script-neutral metrics")
    print("  figures: own script -> Chinese script, tune / VALIDATE / all")
    report: dict = {}
    for name in SETS:
        own = [with_whole_words(p) for p in sets[name]]
        swapped = [swap_page(p) for p in sets[name]]
        report[name] = {}
        for who, extractor in extractors.items():
            outputs = {f"{p.set}/{p.key}": extractor(p.body, p.url) for p in swapped}
            if who == "trafilatura" and name == "readability":
                for p in swapped:
                    outputs[f"{p.set}/{p.key}"].headings = trafilatura_headings(p.body)
            cells, report[name][who] = [], {}
            for part in (*PARTS, "all"):
                keep = [i for i, p in enumerate(own) if part == "all" or split[name][p.key] == part]
                before = set_figures(name, [own[i] for i in keep], own_outputs[who], neutral=True)
                after = set_figures(name, [swapped[i] for i in keep], outputs, neutral=True)
                report[name][who][part] = {"own_script": before, "chinese_script": after}
                cells.append(f"{before['f1']:.3f} -> {after['f1']:.3f}")
            skipped = sum(1 for out in outputs.values() if out.skip_reason)
            note = f"  (skipped {skipped})" if who == "healthcorpus" else ""
            print(f"  {name:<11} {who:<13} f1  {' / '.join(cells)}{note}")
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=PAGES, help="the three sets' folder")
    parser.add_argument("--no-trafilatura", action="store_true", help="ours only")
    parser.add_argument(
        "--rounds", type=int, default=1, help="timing passes of each extractor, taking turns"
    )
    parser.add_argument("--worst", type=int, default=8, help="worst validation pages per set")
    parser.add_argument("--json", type=Path, help="write every figure here")
    parser.add_argument(
        "--no-script-swap", action="store_true", help="skip the pages rewritten in Chinese script"
    )
    args = parser.parse_args()

    tune_gc_for_cleaning()
    split = load_split()
    sets = {name: load_set(name, args.pages) for name in SETS}
    every_page = [page for name in SETS for page in sets[name]]
    extractors: dict[str, Extractor] = {"healthcorpus": healthcorpus}
    if not args.no_trafilatura:
        extractors["trafilatura"] = trafilatura_text
    all_outputs, seconds = timed_passes(extractors, every_page, args.rounds)
    if not args.no_trafilatura:
        for page in sets["readability"]:
            all_outputs["trafilatura"][f"readability/{page.key}"].headings = trafilatura_headings(
                page.body
            )
    runs = {name: (all_outputs[name], seconds[name]) for name in extractors}

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

    if not args.no_script_swap:
        report["script_swap"] = script_swap_section(sets, split, extractors, all_outputs)

    print()
    for who, took in seconds.items():
        rate = len(every_page) / statistics.median(took)
        report.setdefault("pages_per_s", {})[who] = rate
        print(f"speed {who:<13} {rate:7.1f} pages/s (one core, median of {len(took)} passes)")
    if "trafilatura" in seconds:
        ours_s, theirs_s = seconds["healthcorpus"], seconds["trafilatura"]
        ratios = [t / h for t, h in zip(theirs_s, ours_s, strict=True)]
        ratio = statistics.median(theirs_s) / statistics.median(ours_s)
        report["speed_ratio"] = ratio
        report["speed_ratio_rounds"] = ratios
        rounds = ", ".join(f"{r:.2f}" for r in ratios)
        print(
            f"speed ratio healthcorpus/trafilatura: {ratio:.2f}x "
            f"(median of the rounds' ratios {statistics.median(ratios):.2f}x; rounds {rounds})"
        )
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
