"""Cleaning on a Dask cluster: ``clean --dask`` with one and two workers, against ``--jobs``.

    python bench/dask_clean.py [--pages 2400] [--warcs 16] [--rounds 3] [--json OUT.json]

The same WARC files for every run: ``--pages`` distinct article pages (the real pages
of bench/pages, the corpus templates and the demo site, copied with a copy number as
in bench/clean_speed.py) in ``--warcs`` WARC files, one Dask task each. Four runs of
the whole command a round, in a rotating order so that none always meets the same
state of a shared machine: ``--jobs 1``, ``--jobs 2``, ``--dask`` on a LocalCluster of
one worker and on one of two workers (one thread each, on 127.0.0.1; both clusters
started before the first round and warmed up by one small run, so that the figures are
those of workers that are already running, as on a real cluster). The figures are
medians of the rounds; every dataset must equal the ``--jobs 1`` one.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import (
    distinct_copies,
    env_with_repo,
    healthcorpus,
    machine,
    median,
    source_pages,
    timed,
)

from cleaning.dataset.warc import WarcSegmentWriter

T0 = datetime(2026, 1, 5, 8, 0, 0, tzinfo=UTC)
HOST = "http://bench.example"


def write_warcs(folder: Path, pages: int, warcs: int) -> int:
    """``pages`` distinct pages dealt in turn into ``warcs`` WARC files; returns pages."""
    writers = [WarcSegmentWriter(folder, f"bench{k:02d}") for k in range(warcs)]
    count = 0
    for i, (name, page) in enumerate(distinct_copies(source_pages(), pages)):
        headers = [("Content-Type", "text/html; charset=utf-8")]
        url = f"{HOST}/{name}"
        writers[i % warcs].write_response(
            url, 200, "OK", headers, page.body, T0 + timedelta(seconds=i)
        )
        count += 1
    for writer in writers:
        writer.close()
    return count


def dataset_rows(out_dir: Path) -> list[tuple]:
    columns = ["id", "content_hash", "url", "title", "text", "fetched_at"]
    table = pq.read_table(sorted(out_dir.glob("*.parquet")), columns=columns)
    return sorted(zip(*(table.column(c).to_pylist() for c in columns), strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2400)
    parser.add_argument("--warcs", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    from distributed import LocalCluster

    env = env_with_repo()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="hc-bench-dask-") as tmp:
        warc_dir = Path(tmp) / "warc"
        pages = write_warcs(warc_dir, args.pages, args.warcs)
        warm = Path(tmp) / "warm"
        write_warcs(warm, 40, 2)
        print(f"machine: {machine()}")
        print(f"pages: {pages} in {args.warcs} WARC files; load average {load_before[0]:.2f}")
        clusters = {
            n: LocalCluster(
                n_workers=n,
                processes=True,
                threads_per_worker=1,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=logging.WARNING,
            )
            for n in (1, 2)
        }
        try:
            runs: dict[str, list[str]] = {
                "jobs1": ["--jobs", "1"],
                "jobs2": ["--jobs", "2"],
                "dask1": ["--dask", clusters[1].scheduler_address],
                "dask2": ["--dask", clusters[2].scheduler_address],
            }
            for name in ("dask1", "dask2"):  # workers import the cleaner once
                timed(healthcorpus("clean", str(warm), "--out", str(Path(tmp) / name),
                                   *runs[name]), env=env)  # fmt: skip
            speeds: dict[str, list[float]] = {name: [] for name in runs}
            reference: list[tuple] | None = None
            for round_no in range(args.rounds):
                order = list(runs)[round_no % 4 :] + list(runs)[: round_no % 4]
                line = []
                for name in order:
                    out = Path(tmp) / f"{name}-{round_no}"
                    elapsed, _, _ = timed(
                        healthcorpus("clean", str(warc_dir), "--out", str(out), *runs[name]),
                        env=env,
                    )
                    speeds[name].append(pages / elapsed)
                    rows = dataset_rows(out)
                    if reference is None:
                        reference = rows
                    elif rows != reference:
                        raise SystemExit(f"{name}: a different dataset from the first run")
                    line.append(f"{name} {speeds[name][-1]:.1f}")
                print(f"round {round_no + 1} ({', '.join(order)}): {', '.join(line)} pages/s")
        finally:
            for cluster in clusters.values():
                cluster.close()
    load_after = os.getloadavg()
    med: Callable[[str], float] = lambda name: round(median(speeds[name]), 1)  # noqa: E731
    figures = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "machine": machine(),
        "pages": pages,
        "warcs": args.warcs,
        "rounds": args.rounds,
        "load_average_before_after": [round(load_before[0], 2), round(load_after[0], 2)],
        **{f"{name}_pages_per_s": med(name) for name in speeds},
        **{f"{name}_rounds": [round(s, 1) for s in speeds[name]] for name in speeds},
        "dask2_over_dask1": round(med("dask2") / med("dask1"), 2),
        "dask2_over_dask1_median_of_rounds": round(
            median([b / a for a, b in zip(speeds["dask1"], speeds["dask2"], strict=True)]), 2
        ),
        "dask1_over_jobs1": round(med("dask1") / med("jobs1"), 2),
        "dask2_over_jobs2": round(med("dask2") / med("jobs2"), 2),
        "jobs2_over_jobs1": round(med("jobs2") / med("jobs1"), 2),
        "same_dataset": True,
    }
    print(
        f"\nmedian of {args.rounds}: --jobs 1 {med('jobs1')}, --jobs 2 {med('jobs2')}, "
        f"--dask 1 worker {med('dask1')}, 2 workers {med('dask2')} pages/s; "
        f"2 workers / 1 worker {figures['dask2_over_dask1']}x (rounds' own ratios: "
        f"{figures['dask2_over_dask1_median_of_rounds']}x), dask 1 worker / --jobs 1 "
        f"{figures['dask1_over_jobs1']}x, dask 2 / --jobs 2 {figures['dask2_over_jobs2']}x; "
        f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
