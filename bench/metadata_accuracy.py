"""Article metadata on Mozilla Readability's test pages: ours and trafilatura's, side by side.

    python bench/metadata_accuracy.py [--rounds 3]

Scores, on the tuning part, the **validation part** (quote these) and all pages of
``bench/split.json``, against each page's ``expected-metadata.json``:

- byline right: of the pages stating a byline, those where the record names authors
  and every name occurs in the byline (compared case- and punctuation-blind: Readability
  keeps "By " leads, roles and dates in its byline);
- date right: of the pages stating ``publishedTime``, those whose ``published_at`` is
  the same UTC day;
- no date: of the pages stating none, those with no ``published_at``.

Then the cost: the median time per page of the whole cleaning, of its metadata step
alone, and of trafilatura's ``extract_metadata`` and ``htmldate.find_date`` (the
libraries the issue names), in one run so that the machine's noise hits all alike.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.accuracy.sets import PAGES, PARTS, READABILITY_URL, load_set, load_split
from cleaning.extractor import pipeline
from cleaning.extractor.metadata import dates


def normalized(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


def byline_right(authors: list[str], byline: str) -> bool:
    expected = normalized(byline)
    return bool(authors) and all(normalized(a) and normalized(a) in expected for a in authors)


def utc_day(value: str | datetime | None) -> str | None:
    if value is None:
        return None
    stamp = value if isinstance(value, datetime) else dates.parse_machine_date(value)
    return stamp.astimezone(UTC).date().isoformat() if stamp else None


def ours(body: bytes) -> tuple[list[str], datetime | None]:
    record = pipeline.clean_html(body, url=READABILITY_URL).record
    return (record.authors, record.published_at) if record else ([], None)


def trafilatura_metadata(body: bytes) -> tuple[list[str], str | None]:
    from trafilatura.metadata import extract_metadata

    found = extract_metadata(body.decode("utf-8", "replace"), default_url=READABILITY_URL)
    if found is None:
        return [], None
    authors = [a.strip() for a in (found.author or "").split(";") if a.strip()]
    return authors, found.date


def score(pages: list, outputs: dict[str, tuple[list[str], object]]) -> dict[str, str]:
    bylines = dated = undated = 0
    byline_ok = date_ok = undated_ok = 0
    for page in pages:
        expected = page.metadata
        authors, published = outputs[page.key]
        if expected.get("byline"):
            bylines += 1
            byline_ok += byline_right(authors, expected["byline"])
        if expected.get("publishedTime"):
            dated += 1
            date_ok += utc_day(published) == utc_day(expected["publishedTime"])
        else:
            undated += 1
            undated_ok += published is None
    return {
        "byline right": f"{byline_ok}/{bylines} = {byline_ok / max(bylines, 1):.3f}",
        "date right": f"{date_ok}/{dated} = {date_ok / max(dated, 1):.3f}",
        "no date": f"{undated_ok}/{undated} = {undated_ok / max(undated, 1):.3f}",
    }


def median_ms(fn: Callable[[bytes], object], bodies: list[bytes], rounds: int) -> float:
    per_round = []
    for _ in range(rounds):
        start = time.perf_counter()
        for body in bodies:
            fn(body)
        per_round.append((time.perf_counter() - start) / len(bodies) * 1000)
    return statistics.median(per_round)


def metadata_share(bodies: list[bytes], rounds: int) -> tuple[float, float]:
    """Median ms per page of the whole cleaning and of its metadata step within it."""
    spent = [0.0]
    original = pipeline.read_page_metadata

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start

    pipeline.read_page_metadata = timed
    try:
        totals, parts = [], []
        for _ in range(rounds):
            spent[0] = 0.0
            start = time.perf_counter()
            for body in bodies:
                pipeline.clean_html(body, url=READABILITY_URL)
            totals.append((time.perf_counter() - start) / len(bodies) * 1000)
            parts.append(spent[0] / len(bodies) * 1000)
    finally:
        pipeline.read_page_metadata = original
    return statistics.median(totals), statistics.median(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds (median)")
    args = parser.parse_args()
    pages = load_set("readability")
    for page in pages:
        folder = PAGES / "readability" / page.key
        page.metadata = json.loads((folder / "expected-metadata.json").read_text("utf-8"))
    split = load_split()["readability"]
    parts = {part: [p for p in pages if split[p.key] == part] for part in PARTS}
    parts["all"] = pages
    outputs = {
        "healthcorpus": {p.key: ours(p.body) for p in pages},
        "trafilatura": {p.key: trafilatura_metadata(p.body) for p in pages},
    }
    for part in ("tune", "validate", "all"):
        print(f"{part} ({len(parts[part])} pages)")
        for name, found in outputs.items():
            figures = score(parts[part], found)
            print(f"  {name:13} " + "   ".join(f"{k} {v}" for k, v in figures.items()))
    print("misses on the validation part (healthcorpus):")
    for page in parts["validate"]:
        authors, published = outputs["healthcorpus"][page.key]
        expected = page.metadata
        if expected.get("byline") and not byline_right(authors, expected["byline"]):
            print(f"  {page.key}: authors {authors} for byline {expected['byline']!r}")
        if utc_day(published) != utc_day(expected.get("publishedTime")):
            print(f"  {page.key}: date {utc_day(published)} for {expected.get('publishedTime')}")
    bodies = [p.body for p in pages]
    from htmldate import find_date
    from trafilatura.metadata import extract_metadata

    total, metadata = metadata_share(bodies, args.rounds)
    trafilatura = median_ms(
        lambda b: extract_metadata(b.decode("utf-8", "replace")), bodies, args.rounds
    )
    htmldate = median_ms(
        lambda b: find_date(b.decode("utf-8", "replace"), extensive_search=False),
        bodies,
        args.rounds,
    )
    print(f"cost per page, median of {args.rounds} rounds over {len(bodies)} pages (one core):")
    print(f"  healthcorpus clean_html          {total:7.2f} ms")
    print(f"    of which the metadata step     {metadata:7.2f} ms ({metadata / total:.1%})")
    print(f"  trafilatura extract_metadata     {trafilatura:7.2f} ms")
    share = htmldate / total
    print(f"  htmldate find_date (fast mode)   {htmldate:7.2f} ms ({share:.0%} of clean_html)")
    import extruct

    for syntaxes in (
        ["json-ld", "opengraph"],
        ["json-ld", "microdata", "opengraph", "rdfa", "dublincore"],
    ):
        cost = median_ms(
            lambda b, s=syntaxes: extruct.extract(
                b.decode("utf-8", "replace"), syntaxes=s, errors="ignore"
            ),
            bodies,
            args.rounds,
        )
        label = f"extruct {'+'.join(syntaxes)}"
        print(f"  {label:32} {cost:7.2f} ms ({cost / total:.0%} of clean_html)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
