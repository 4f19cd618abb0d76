"""Change-driven re-crawls: what a second run costs on a site with a sitemap, and what
reading sitemaps costs a site that has none.

    python bench/sitemap_recrawl.py [--pages 10000] [--changed 0.01] [--rounds 3]

Part 1. A local site of ``--pages`` articles (bench/sitegen.py) with a sitemap index
over sitemaps of at most 5,000 URLs, each ``<lastmod>`` its file's date. A first
``healthcorpus crawl`` takes it all; then ``--changed`` of the articles are edited (a
sentence added to a paragraph of their text, file date now, sitemap dates moved), and a
second crawl runs. Reported: the second run's requests (pages asked of the server, 304s
included, from its manifest, plus the sitemap files) against the site's size, and
whether every edited article got a new row with the new sentence.

Part 2. The same site without its sitemap, crawled in full (``--full``) with
``--sitemaps auto`` and ``--sitemaps off`` in alternating order: the median wall times
and their ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import env_with_repo, healthcorpus, machine, median, timed
from sitegen import build_site, serve

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
PER_SITEMAP = 5000
SENTENCE = "This paragraph was revised by the editors in December 2026."
# A paragraph of plain text: where an edit lands in the article, not in its furniture.
_PARAGRAPH = re.compile(rb"<p(?:\s[^>]*)?>(?=[^<]{120,})")
SETTINGS = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
            "-s", "CONCURRENT_REQUESTS=16", "-s", "HEALTHCORPUS_PROGRESS=off",
            "-s", "LOG_LEVEL=WARNING"]  # fmt: skip


def write_sitemaps(site: Path, base_url: str) -> list[str]:
    """The index and its sitemaps; returns their paths."""
    pages = sorted((site / "p").iterdir())
    names = []
    for start in range(0, len(pages), PER_SITEMAP):
        entries = "".join(
            f"<url><loc>{base_url}/p/{page.name}</loc><lastmod>{_date(page)}</lastmod></url>"
            for page in pages[start : start + PER_SITEMAP]
        )
        name = f"sitemap-{start // PER_SITEMAP}.xml"
        (site / name).write_text(f'<urlset xmlns="{SITEMAP_NS}">{entries}</urlset>')
        names.append(name)
    index = "".join(f"<sitemap><loc>{base_url}/{name}</loc></sitemap>" for name in names)
    (site / "sitemap.xml").write_text(f'<sitemapindex xmlns="{SITEMAP_NS}">{index}</sitemapindex>')
    return ["sitemap.xml", *names]


def _date(page: Path) -> str:
    return datetime.fromtimestamp(page.stat().st_mtime, UTC).isoformat(timespec="seconds")


def edit_some(site: Path, pages: int, share: float, texts: dict[str, str]) -> list[str]:
    """Edit ``share`` of the site's pages, spread over it: a sentence added at the start
    of a paragraph of the article's text (one the first run's record holds, so the
    edit is in the article, not in its furniture); returns their names."""
    target = max(1, round(pages * share))
    step = max(1, len(texts) // target)
    names = sorted(texts)
    edited: list[str] = []
    for offset in range(step):
        for name in names[offset::step]:
            if len(edited) == target:
                return edited
            if _edit(site / "p" / name, texts[name]):
                edited.append(name)
    return edited


def _edit(page: Path, text: str) -> bool:
    body = page.read_bytes()
    for match in _PARAGRAPH.finditer(body):
        if body.rfind(b"<script", 0, match.start()) > body.rfind(b"</script", 0, match.start()):
            continue  # a <p> inside a script's string (JSON-LD articleBody), not the page's
        words = body[match.end() : match.end() + 80].decode("utf-8", "ignore").split()[:6]
        if len(words) == 6 and " ".join(words) in text:  # the paragraph is the article's
            page.write_bytes(body[: match.end()] + SENTENCE.encode() + b" " + body[match.end() :])
            return True
    return False


def crawl(url: str, out_dir: Path, env: dict[str, str], *extra: str) -> tuple[float, dict]:
    elapsed, _, _ = timed(
        healthcorpus("crawl", f"{url}/", "--out", str(out_dir), *SETTINGS, *extra), env=env
    )
    manifests = sorted((out_dir / "_runs").glob("*.json"), key=os.path.getmtime)
    return elapsed, json.loads(manifests[-1].read_text())


def recrawl(args: argparse.Namespace, tmp: Path, env: dict[str, str]) -> dict:
    site = build_site(tmp / "site", args.pages)
    out = tmp / "out"
    with serve(site) as url:
        files = write_sitemaps(site, url)
        first_time, first = crawl(url, out, env)
        rows = pq.read_table(out, columns=["url", "text"]).to_pandas()
        texts = dict(zip(rows["url"].str.rsplit("/", n=1).str[-1], rows["text"], strict=True))
        time.sleep(1.1)  # file dates to the second: the edits must be seen as later
        edited = edit_some(site, args.pages, args.changed, texts)
        write_sitemaps(site, url)
        second_time, second = crawl(url, out, env)
    rows = pq.read_table(out, columns=["url", "text", "fetched_at"]).to_pandas()
    newest = rows.sort_values("fetched_at").groupby("url").tail(1).set_index("url")
    renewed = [
        name
        for name in edited
        if f"{url}/p/{name}" in newest.index and SENTENCE in newest.loc[f"{url}/p/{name}", "text"]
    ]
    sitemap_files = second["discovery"]["sitemap"]["files"]
    requests = second["pages_fetched"]
    return {
        "pages": args.pages,
        "first_run_pages_fetched": first["pages_fetched"],
        "first_run_records": first["records_written"],
        "first_run_skipped": first["skipped"],
        "first_run_seconds": round(first_time, 1),
        "edited": len(edited),
        "second_run_page_requests": requests,
        "second_run_sitemap_files": sitemap_files,
        "second_run_requests_share": round(requests / args.pages, 4),
        "second_run_unchanged_by_lastmod": second["pages_unchanged_by_lastmod"],
        "second_run_seconds": round(second_time, 1),
        "edited_with_new_row": len(renewed),
        "edited_without_new_row": sorted(set(edited) - set(renewed))[:10],
        "sitemap_files_on_site": len(files),
    }


def no_sitemap_cost(args: argparse.Namespace, tmp: Path, env: dict[str, str]) -> dict:
    site = build_site(tmp / "plain", args.speed_pages)
    times: dict[str, list[float]] = {"auto": [], "off": []}
    with serve(site) as url:
        for round_no in range(args.rounds):
            order = ("auto", "off") if round_no % 2 == 0 else ("off", "auto")
            for mode in order:
                out = tmp / f"plain-{mode}-{round_no}"
                elapsed, _ = crawl(url, out, env, "--full", "--sitemaps", mode)
                times[mode].append(elapsed)
    auto, off = median(times["auto"]), median(times["off"])
    return {
        "pages": args.speed_pages,
        "rounds": args.rounds,
        "auto_seconds": round(auto, 2),
        "off_seconds": round(off, 2),
        "ratio_auto_to_off": round(auto / off, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--changed", type=float, default=0.01)
    parser.add_argument("--speed-pages", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    env = env_with_repo()
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="hc-bench-sitemap-") as tmp:
        figures = {"date": time.strftime("%Y-%m-%d"), "machine": machine()}
        figures["recrawl"] = recrawl(args, Path(tmp), env)
        print(json.dumps(figures["recrawl"], indent=2))
        figures["no_sitemap"] = no_sitemap_cost(args, Path(tmp), env)
        print(json.dumps(figures["no_sitemap"], indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
