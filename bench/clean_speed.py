"""Cleaning speed: ``healthcorpus clean`` against trafilatura on the same saved pages.

    python bench/clean_speed.py [--pages 3000] [--rounds 3] [--json OUT.json]

Both run as whole commands over the same folder of pages (real pages of many sites
from bench/pages, the 10 corpus templates, the demo site; copied to ``--pages``
distinct files): ``healthcorpus clean DIR --format html --jobs 1`` (decode, clean,
full record, Parquet) and a process that runs trafilatura's default ``extract`` on
each file (text only). Each round runs them back to back, in alternating order, so a
busy machine slows both; the figures are medians, and the ratio is the one to compare
across machines.
Then ``--jobs`` = all cores, whose dataset must equal the ``--jobs 1`` one.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    env_with_repo,
    healthcorpus,
    machine,
    median,
    source_pages,
    timed,
    write_copies,
)


def trafilatura_worker(folder: Path) -> None:
    """Run in a child process: extract every page of ``folder`` with trafilatura."""
    import trafilatura

    extracted = 0
    for path in sorted(folder.iterdir()):
        if trafilatura.extract(path.read_bytes()):
            extracted += 1
    print(extracted)


def dataset_rows(out_dir: Path) -> list[tuple]:
    table = pq.read_table(out_dir, columns=["id", "content_hash", "text", "title"])
    return sorted(zip(*(table.column(c).to_pylist() for c in table.column_names), strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--trafilatura-worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.trafilatura_worker:
        trafilatura_worker(args.trafilatura_worker)
        return

    env = env_with_repo()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="hc-bench-clean-") as tmp:
        pages_dir = Path(tmp) / "pages"
        mix = write_copies(pages_dir, source_pages(), args.pages)
        print(f"machine: {machine()}")
        print(f"pages: {args.pages} ({', '.join(f'{k} {v}' for k, v in sorted(mix.items()))})")
        ours, theirs, parallel = [], [], []
        extracted = ""
        for round_no in range(args.rounds):
            out1 = Path(tmp) / f"out1-{round_no}"

            def run_ours(out1: Path = out1) -> None:
                elapsed, _, _ = timed(
                    healthcorpus("clean", str(pages_dir), "--format", "html", "--jobs", "1",
                                 "--out", str(out1)), env=env,
                )  # fmt: skip
                ours.append(args.pages / elapsed)

            def run_theirs() -> None:
                nonlocal extracted
                elapsed, _, result = timed(
                    [sys.executable, __file__, "--trafilatura-worker", str(pages_dir)], env=env
                )
                theirs.append(args.pages / elapsed)
                extracted = result.stdout.strip()

            # Alternating who goes first, so that neither always meets the same state.
            for run in (run_ours, run_theirs) if round_no % 2 == 0 else (run_theirs, run_ours):
                run()
            outn = Path(tmp) / f"outn-{round_no}"
            elapsed, _, _ = timed(
                healthcorpus("clean", str(pages_dir), "--format", "html", "--jobs", str(cores),
                             "--out", str(outn)), env=env,
            )  # fmt: skip
            parallel.append(args.pages / elapsed)
            same = dataset_rows(out1) == dataset_rows(outn)
            print(
                f"round {round_no + 1}: healthcorpus {ours[-1]:.1f} pages/s, "
                f"trafilatura {theirs[-1]:.1f} pages/s ({extracted} extracted), "
                f"healthcorpus --jobs {cores} {parallel[-1]:.1f} pages/s, "
                f"same dataset as --jobs 1: {same}"
            )
            if not same:
                raise SystemExit("--jobs N gave a different dataset from --jobs 1")
        rows = pq.read_metadata(next(iter(sorted(out1.glob("*.parquet"))))).num_rows
    figures = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": machine(),
        "pages": args.pages,
        "rounds": args.rounds,
        "healthcorpus_jobs1_pages_per_s": round(median(ours), 1),
        "trafilatura_pages_per_s": round(median(theirs), 1),
        "ratio_jobs1": round(median(ours) / median(theirs), 2),
        "ratio_jobs1_median_of_rounds": round(
            median([a / b for a, b in zip(ours, theirs, strict=True)]), 2
        ),
        f"healthcorpus_jobs{cores}_pages_per_s": round(median(parallel), 1),
        "ratio_all_cores": round(median(parallel) / median(theirs), 2),
        "records_in_first_part": rows,
    }
    ours_median = figures["healthcorpus_jobs1_pages_per_s"]
    print(
        f"\nmedian of {args.rounds}: healthcorpus --jobs 1 {ours_median}"
        f" pages/s, trafilatura {figures['trafilatura_pages_per_s']} pages/s: "
        f"ratio {figures['ratio_jobs1']}x (median of the rounds' own ratios: "
        f"{figures['ratio_jobs1_median_of_rounds']}x); --jobs {cores}: "
        f"{figures[f'healthcorpus_jobs{cores}_pages_per_s']} pages/s "
        f"({figures['ratio_all_cores']}x trafilatura on one core)"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
