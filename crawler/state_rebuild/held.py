"""What a dataset folder says about its pages besides the archive: the rows of its
Parquet parts, and how its crawls were started (their run manifests).

The parts say which articles the crawl wrote, so that no article is written twice
after a repair; the manifests give the crawl's scope (which of a page's links it
kept) and the site profile it cleaned with.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pyarrow.parquet as pq

from cleaning.dataset.dedup import HeldRows, dataset_files
from cleaning.dataset.manifest import MANIFEST_DIR, RunManifest
from crawler.scope import SiteScope

_COLUMNS = ["id", "content_hash", "site", "url", "fetched_at"]


@dataclass(frozen=True, slots=True)
class HeldArticle:
    """The latest row of one URL."""

    id: str
    url: str
    fetched_at: float  # unix time; 0.0 when the row does not say


@dataclass(slots=True)
class DatasetRows:
    held: HeldRows = field(default_factory=HeldRows)  # as the crawl's version filter reads them
    ids: set[str] = field(default_factory=set)
    # url -> {fetched_at in ms: id}: the rows written from a fetch of that URL
    fetches: dict[str, dict[int, str]] = field(default_factory=dict)
    latest: dict[str, HeldArticle] = field(default_factory=dict)  # url -> its latest row
    unreadable: list[str] = field(default_factory=list)  # "<part>: <reason>"

    def add(self, record_id: str, content_hash: str, site: str, url: str, at: datetime | None):
        self.held.add(record_id, content_hash, site, url)
        self.ids.add(record_id)
        stamp = at.timestamp() if at is not None else 0.0
        self.fetches.setdefault(url, {})[round(stamp * 1000)] = record_id
        latest = self.latest.get(url)
        if latest is None or stamp >= latest.fetched_at:
            self.latest[url] = HeldArticle(record_id, url, stamp)

    def written_from(self, url: str, fetched_at: datetime | None) -> str | None:
        """The id of the row written from the fetch of ``url`` at ``fetched_at`` (the
        archived response's WARC-Date, which is the row's ``fetched_at``), if any."""
        rows = self.fetches.get(url)
        if not rows or fetched_at is None:
            return None
        # The row keeps milliseconds, the WARC-Date microseconds: truncated or rounded.
        ms = int(fetched_at.timestamp() * 1000)
        return rows.get(ms) or rows.get(ms + 1)


def dataset_rows(folder: Path) -> DatasetRows:
    """Every row of the folder's parts; a part that cannot be read is named, not fatal
    (its articles are then unknown to the rebuilt state: fetched again in full)."""
    rows = DatasetRows()
    for path in dataset_files(folder):
        try:
            table = pq.read_table(path, columns=_COLUMNS)
        except Exception as exc:  # a damaged part must not stop the repair
            rows.unreadable.append(f"{path.name}: {type(exc).__name__}: {exc}")
            continue
        columns = [table.column(name).to_pylist() for name in _COLUMNS]
        for row in zip(*columns, strict=True):
            rows.add(*row)
    return rows


@dataclass(frozen=True, slots=True)
class CrawlSettings:
    """How the folder's crawls were started, as far as the state depends on it."""

    start_urls: tuple[str, ...] = ()
    subdomains: bool = False
    profile: str | None = None  # the site profile file of the latest crawl

    def scope(self) -> SiteScope:
        return SiteScope(self.start_urls, allow_subdomains=self.subdomains)


def crawl_settings(folder: Path) -> CrawlSettings:
    """From the run manifests of the folder's crawls (unreadable ones are passed over):
    every start URL, subdomains if any crawl admitted them, the latest profile."""
    start_urls: dict[str, None] = {}
    subdomains = False
    profile = None
    for path in sorted((folder / MANIFEST_DIR).glob("*.json")):
        try:
            settings = RunManifest.read(path).settings
        except (OSError, ValueError, TypeError):
            continue
        urls = settings.get("start_urls") or []
        if not urls:  # not a crawl (clean, upgrade ...)
            continue
        start_urls.update(dict.fromkeys(str(url) for url in urls))
        # A setting from the command line is a string ("True"), the default a bool.
        subdomains = subdomains or str(settings.get("HEALTHCORPUS_SUBDOMAINS")).lower() in (
            "1",
            "true",
        )
        profile = settings.get("HEALTHCORPUS_PROFILE") or None
    return CrawlSettings(tuple(start_urls), subdomains, profile)
