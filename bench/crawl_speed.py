"""Crawl speed: ``healthcorpus crawl`` against a bare Scrapy spider, same site, same settings.

    python bench/crawl_speed.py [--pages 2000] [--rounds 3] [--concurrency 16]

One local site (bench/sitegen.py: copies of real and corpus pages, linked breadth
first) served by a separate process on 127.0.0.1. Each round crawls it with
bench/bare_spider.py (follow links, nothing else) and with ``healthcorpus crawl``
(cleaning, WARC archive and Parquet on), in alternating order, with the same ``-s``
settings: concurrency, no AutoThrottle, no delay, robots.txt obeyed. Pages/s is pages
fetched over the wall time of the whole command; figures are medians, and the ratio
is the figure that carries across machines.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import env_with_repo, healthcorpus, machine, median, timed
from sitegen import build_site, serve

BENCH = Path(__file__).resolve().parent


def same_settings(concurrency: int) -> list[str]:
    settings = {
        "CONCURRENT_REQUESTS": concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
        # Our project's own value; the anchor gets it too, as it saves Scrapy work.
        "CONCURRENT_ITEMS": 16,
        "AUTOTHROTTLE_ENABLED": False,
        "DOWNLOAD_DELAY": 0,
        "ROBOTSTXT_OBEY": True,
        "LOG_LEVEL": "WARNING",
        "TELNETCONSOLE_ENABLED": False,
    }
    return [arg for name, value in settings.items() for arg in ("-s", f"{name}={value}")]


def crawl_bare(
    url: str, concurrency: int, env: dict[str, str], cwd: Path
) -> tuple[float, int, float]:
    """Run from a folder outside the repo: no scrapy.cfg, so none of our project's
    settings, middlewares or pipelines, only Scrapy's defaults and ``-s``."""
    elapsed, rss, result = timed(
        [sys.executable, "-m", "scrapy", "runspider", str(BENCH / "bare_spider.py"),
         "-a", f"start_url={url}/", *same_settings(concurrency)],
        env={k: v for k, v in env.items() if k != "SCRAPY_SETTINGS_MODULE"}, cwd=cwd,
    )  # fmt: skip
    pages = int(result.stdout.split("pages_fetched=")[1].split()[0])
    return elapsed, pages, rss


def crawl_ours(
    url: str, out_dir: Path, concurrency: int, env: dict[str, str]
) -> tuple[float, int, float]:
    elapsed, rss, _ = timed(
        healthcorpus("crawl", f"{url}/", "--out", str(out_dir), "--full",
                     *same_settings(concurrency), "-s", "HEALTHCORPUS_PROGRESS=off"),
        env=env,
    )  # fmt: skip
    manifest = json.loads(next((out_dir / "_runs").glob("*.json")).read_text())
    return elapsed, int(manifest["pages_fetched"]), rss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    env = env_with_repo()
    bare_rates, our_rates = [], []
    with tempfile.TemporaryDirectory(prefix="hc-bench-crawl-") as tmp:
        site = build_site(Path(tmp) / "site", args.pages)
        print(f"machine: {machine()}")
        print(f"site: {args.pages} pages (+ home page), concurrency {args.concurrency}")
        with serve(site) as url:
            for round_no in range(args.rounds):
                runs = {}
                order = ("bare", "ours") if round_no % 2 == 0 else ("ours", "bare")
                for who in order:
                    if who == "bare":
                        runs[who] = crawl_bare(url, args.concurrency, env, Path(tmp))
                    else:
                        out_dir = Path(tmp) / f"out-{round_no}"
                        runs[who] = crawl_ours(url, out_dir, args.concurrency, env)
                (b_time, b_pages, b_rss), (o_time, o_pages, o_rss) = runs["bare"], runs["ours"]
                bare_rates.append(b_pages / b_time)
                our_rates.append(o_pages / o_time)
                print(
                    f"round {round_no + 1}: bare Scrapy {b_pages} pages in {b_time:.1f} s "
                    f"({bare_rates[-1]:.1f} pages/s, {b_rss:.0f} MiB); healthcorpus "
                    f"{o_pages} pages in {o_time:.1f} s ({our_rates[-1]:.1f} pages/s, "
                    f"{o_rss:.0f} MiB); ratio {our_rates[-1] / bare_rates[-1]:.2f}"
                )
    figures = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": machine(),
        "pages": args.pages,
        "concurrency": args.concurrency,
        "bare_scrapy_pages_per_s": round(median(bare_rates), 1),
        "healthcorpus_pages_per_s": round(median(our_rates), 1),
        "ratio": round(median(our_rates) / median(bare_rates), 2),
        # Each round runs both back to back: the ratio within a round is the least
        # disturbed by the other load on a shared machine.
        "median_round_ratio": round(
            median([ours / bare for ours, bare in zip(our_rates, bare_rates, strict=True)]), 2
        ),
    }
    print(
        f"\nmedian of {args.rounds}: bare Scrapy {figures['bare_scrapy_pages_per_s']} pages/s, "
        f"healthcorpus {figures['healthcorpus_pages_per_s']} pages/s: ratio {figures['ratio']} "
        f"(median of the rounds' own ratios: {figures['median_round_ratio']})"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
