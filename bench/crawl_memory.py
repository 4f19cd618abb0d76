"""Memory: peak RSS of ``healthcorpus crawl`` on N pages and on 10 x N pages.

    python bench/crawl_memory.py [--pages 500] [--factor 10]

A crawl that runs every night on a growing site must not need more memory as the
site grows: state lives on disk (SQLite, Parquet parts, WARC segments), not in the
process. Both crawls run on sites built the same way (bench/sitegen.py), with the
default settings; the figure is the ratio of the two peaks (target: <= 1.3).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import env_with_repo, healthcorpus, machine, timed
from sitegen import build_site, serve


def peak_rss(pages: int, tmp: Path, env: dict[str, str]) -> tuple[float, float, int]:
    """(peak RSS MiB, seconds, pages fetched) of one crawl of a ``pages``-page site."""
    site = build_site(tmp / f"site-{pages}", pages)
    out_dir = tmp / f"out-{pages}"
    with serve(site) as url:
        elapsed, rss, _ = timed(
            healthcorpus("crawl", f"{url}/", "--out", str(out_dir),
                         "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "HEALTHCORPUS_PROGRESS=off"),
            env=env,
        )  # fmt: skip
    manifest = json.loads(next((out_dir / "_runs").glob("*.json")).read_text())
    return rss, elapsed, int(manifest["pages_fetched"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    env = env_with_repo()
    print(f"machine: {machine()}")
    results = {}
    with tempfile.TemporaryDirectory(prefix="hc-bench-mem-") as tmp:
        for pages in (args.pages, args.pages * args.factor):
            rss, elapsed, fetched = peak_rss(pages, Path(tmp), env)
            results[pages] = rss
            print(f"{fetched} pages fetched in {elapsed:.0f} s: peak RSS {rss:.0f} MiB")
    small, large = results[args.pages], results[args.pages * args.factor]
    figures = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": machine(),
        f"peak_rss_mib_{args.pages}": round(small),
        f"peak_rss_mib_{args.pages * args.factor}": round(large),
        "ratio": round(large / small, 2),
    }
    print(f"\npeak RSS grows {figures['ratio']}x when the crawl grows {args.factor}x")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
