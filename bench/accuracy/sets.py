"""The three sets of real pages in ``bench/pages/`` and the fixed tune/validate split.

Each page belongs to a *site*; the split (``bench/split.json``, made once by
``bench/make_split.py``) puts every site wholly on one side, so a rule fitted to a
site's template on the tuning side cannot lift the validation figures.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

BENCH = Path(__file__).resolve().parent.parent
PAGES = BENCH / "pages"
SPLIT_FILE = BENCH / "split.json"
SETS = ("benchmark", "snippets", "readability")
PARTS = ("tune", "validate")
# Readability's test pages have no URL of their own; its test suite uses this one.
READABILITY_URL = "http://fakehost/test/page.html"


@dataclass(slots=True)
class BenchPage:
    """One page with what its set says about it."""

    set: str
    key: str
    url: str
    site: str
    body: bytes
    truth: str = ""  # benchmark and readability: the article text
    with_segments: list[str] = field(default_factory=list)  # snippets
    without_segments: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)  # readability: h2-h4 kept
    metadata: dict = field(default_factory=dict)  # readability: expected-metadata.json


def registered_site(url: str) -> str:
    """The site a URL belongs to: its host without ``www.``; for Wayback Machine copies,
    the archived URL's host; for the snippet set's ``hard::name.html`` keys, the name's
    leading part (each names one site)."""
    if "::" in url and "://" not in url:
        name = url.split("::", 1)[1].removesuffix(".html")
        return name.split("-", 1)[0].lower()
    parts = urlsplit(url)
    if parts.netloc == "web.archive.org":
        inner = re.sub(r"^/web/\d+[a-z_]*/", "", parts.path)
        if "://" not in inner:
            inner = "http://" + inner
        return registered_site(inner)
    return parts.netloc.lower().removeprefix("www.").split(":")[0]


def readability_site(name: str) -> str:
    """``nytimes-2`` and ``nytimes-4`` are one site; a synthetic case is its own."""
    return re.sub(r"-\d+$", "", name)


def _gunzip(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes())


def load_benchmark(root: Path = PAGES) -> Iterator[BenchPage]:
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        entry = truth[key]
        yield BenchPage(
            "benchmark",
            key,
            entry["url"],
            registered_site(entry["url"]),
            _gunzip(root / "html" / f"{key}.html.gz"),
            truth=entry["articleBody"],
        )


def load_snippets(root: Path = PAGES) -> Iterator[BenchPage]:
    evaldata = json.loads((root / "snippets" / "evaldata.json").read_text(encoding="utf-8"))
    for name in sorted(evaldata):
        entry = evaldata[name]
        url = entry["url"]
        yield BenchPage(
            "snippets",
            name.removesuffix(".html"),
            url if "://" in url else "http://" + registered_site(url) + "/page.html",
            registered_site(url),
            _gunzip(root / "snippets" / "html" / f"{name}.gz"),
            with_segments=list(entry.get("with") or []),
            without_segments=list(entry.get("without") or []),
        )


def load_readability(root: Path = PAGES) -> Iterator[BenchPage]:
    from bench.accuracy.expected_html import expected_text_and_headings

    for folder in sorted(p for p in (root / "readability").iterdir() if p.is_dir()):
        text, headings = expected_text_and_headings(_gunzip(folder / "expected.html.gz"))
        yield BenchPage(
            "readability",
            folder.name,
            READABILITY_URL,
            readability_site(folder.name),
            _gunzip(folder / "source.html.gz"),
            truth=text,
            headings=headings,
        )


LOADERS = {"benchmark": load_benchmark, "snippets": load_snippets, "readability": load_readability}


def load_set(name: str, root: Path = PAGES) -> list[BenchPage]:
    return list(LOADERS[name](root))


def split_sites(sites: set[str]) -> dict[str, str]:
    """Sites ordered by a hash of their name, then dealt alternately to the two parts:
    a deterministic, even split that no one chose page by page."""
    ordered = sorted(sites, key=lambda s: hashlib.sha256(s.encode()).hexdigest())
    return {site: PARTS[i % 2] for i, site in enumerate(ordered)}


def load_split(path: Path = SPLIT_FILE) -> dict[str, dict[str, str]]:
    """{set: {page key: part}} as pinned in ``bench/split.json``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: {key: part for part in PARTS for key in data[name][part]} for name in SETS}
