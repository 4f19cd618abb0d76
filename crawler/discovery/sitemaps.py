"""A crawl's sitemaps and feeds: fetched before its first page, bounded, counted.

``--sitemaps auto`` (the default) reads, for every start host, the ``Sitemap:`` lines
of its robots.txt and ``/sitemap.xml``, and any start URL that is itself a sitemap or a
feed; sitemap indexes are followed (nested ones too, up to ``MAX_DEPTH``), and feeds
named by ``<link rel="alternate">`` on start pages are read as they are met. The pages
they list are crawled beside the ones links lead to. ``only`` crawls what the listings
name and nothing else; ``off`` reads only the listings given as start URLs.

Sitemaps are read before the first page is asked for, so that every page request,
whether a sitemap or a link led to it, already knows the page's ``<lastmod>``: that is
how a re-crawl skips the articles the site says are unchanged
(:mod:`crawler.downloadermiddlewares.incremental`). With a shared frontier each worker
reads them itself (a few files; the pages they list are queued once).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http.request import NO_CALLBACK
from scrapy.spidermiddlewares.httperror import HttpError

from crawler.discovery.listings import (
    ATOM,
    NOT_A_LISTING,
    RSS,
    Listing,
    ListingRefused,
    read_listing,
)
from crawler.downloadermiddlewares.robots import LISTING
from crawler.links import page_url
from crawler.scope import SiteScope, host_key

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

AUTO, ONLY, OFF = "auto", "only", "off"
MODES = (AUTO, ONLY, OFF)
SITEMAP, FEED = "sitemap", "feed"
MAX_DEPTH = 3  # index -> index -> sitemap: deeper nesting is refused
PRIORITY = 1000  # listings before pages, when they go through the scheduler
LISTING_DEPTH = "healthcorpus_listing_depth"  # meta: sitemap indexes above this one
STATS_PREFIX = "healthcorpus/discovery/"
LISTING_HINTS = (".xml", ".xml.gz", ".rss", ".atom", "/feed", "/rss", "sitemap", "/atom")


def looks_like_listing(url: str) -> bool:
    """A start URL named as sitemaps and feeds are (read as one first, then as a page)."""
    path = urlsplit(url).path.lower().rstrip("/")
    return any(hint.rstrip("/") in path for hint in LISTING_HINTS) or path.endswith(
        (".xml", ".gz", ".rss", ".atom")
    )


@dataclass(slots=True)
class SiteListings:
    """The pages the crawl's sitemaps and feeds list, with their dates."""

    scope: SiteScope
    max_files: int = 1000
    max_urls: int = 1_000_000
    lastmod: dict[str, float | None] = field(default_factory=dict)  # in scope, file order
    hosts: set[tuple[str, int | None]] = field(default_factory=set)  # hosts with a sitemap
    files_seen: set[str] = field(default_factory=set)
    not_listings: set[str] = field(default_factory=set)  # answered, but not with a listing

    def add(self, listing: Listing, kind: str, stats: DiscoveryStats, base: str) -> list[str]:
        """Take a page listing (read from ``base``) in; returns its new in-scope URLs."""
        new = []
        stats[f"{kind}/urls_found"] += len(listing.entries) + listing.dropped
        if listing.dropped:
            stats[f"{kind}/refused/too_many_urls"] += listing.dropped
        for entry in listing.entries:
            url = page_url(entry.url, base)
            if url is None or not self.scope.contains(url):
                stats[f"{kind}/refused/out_of_scope"] += 1  # or not a page: a PDF, an image
                continue
            if url in self.lastmod:
                self._keep_newest(url, entry.lastmod)
                continue
            if len(self.lastmod) >= self.max_urls:
                stats[f"{kind}/refused/too_many_urls"] += 1
                continue
            self.lastmod[url] = entry.lastmod
            stats[f"{kind}/urls_in_scope"] += 1
            new.append(url)
        return new

    def _keep_newest(self, url: str, lastmod: float | None) -> None:
        known = self.lastmod[url]
        if lastmod is not None and (known is None or lastmod > known):
            self.lastmod[url] = lastmod

    def listed(self, url: str) -> bool:
        return url in self.lastmod

    def lastmod_of(self, url: str) -> float | None:
        return self.lastmod.get(url)

    def has_sitemap(self, url: str) -> bool:
        return host_key(url) in self.hosts


class DiscoveryStats:
    """Counts under ``STATS_PREFIX`` in Scrapy's stats (so they reach the manifest)."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    def __getitem__(self, key: str) -> int:
        return int(self.stats.get_value(STATS_PREFIX + key, 0))

    def __setitem__(self, key: str, value: int) -> None:
        self.stats.set_value(STATS_PREFIX + key, value)


def listing_request(url: str, kind: str, depth: int = 0, **kwargs: Any) -> Request:
    return Request(url, priority=PRIORITY, meta={LISTING: kind, LISTING_DEPTH: depth}, **kwargs)


async def robots_sitemaps(crawler: Crawler, start_url: str) -> list[str]:
    """The ``Sitemap:`` lines of the host's robots.txt, read through Scrapy's robots.txt
    middleware (so the file is fetched once for both uses), or fetched when robots.txt
    is not obeyed."""
    from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware

    request = Request(start_url)
    for middleware in crawler.engine.downloader.middleware.middlewares:
        if isinstance(middleware, RobotsTxtMiddleware):
            parser = await middleware.robot_parser(request)
            robots = getattr(parser, "rp", None)
            return [str(url) for url in getattr(robots, "sitemaps", ())]
    from protego import Protego

    parts = urlsplit(start_url)
    robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
    try:
        response = await crawler.engine.download_async(
            Request(robots_url, meta={"dont_obey_robotstxt": True}, callback=NO_CALLBACK)
        )
    except Exception:
        return []
    if response.status != 200:
        return []
    return list(Protego.parse(response.body.decode("utf-8", "replace")).sitemaps)


async def read_sitemaps(
    crawler: Crawler,
    listings: SiteListings,
    start_urls: Iterable[str],
    *,
    mode: str,
) -> list[str]:
    """Fetch and read the crawl's sitemaps (and listing start URLs); returns the start
    URLs that turned out to be pages after all."""
    stats = DiscoveryStats(crawler)
    roots: list[tuple[str, str, bool]] = []  # (url, kind, probe: a 404 is no news)
    start_urls = list(start_urls)
    for url in start_urls:
        if looks_like_listing(url):
            roots.append((url, SITEMAP, False))
    if mode != OFF:
        for host_url in _one_per_host(start_urls):
            for url in await robots_sitemaps(crawler, host_url):
                roots.append((urljoin(host_url, url), SITEMAP, False))
            roots.append((urljoin(host_url, "/sitemap.xml"), SITEMAP, True))
    level = [(url, kind, probe, 0) for url, kind, probe in roots]
    while level:
        found = await asyncio.gather(*(_fetch(crawler, listings, stats, *job) for job in level))
        level = [
            (url, SITEMAP, False, child_depth)
            for (base, _, _, depth), listing in zip(level, found, strict=True)
            if listing is not None
            for url, child_depth in index_children(listings, listing, stats, depth, base)
        ]
    # A start URL named like a listing that answered with something else is a page.
    pages = [
        url for url in start_urls if not looks_like_listing(url) or url in listings.not_listings
    ]
    return pages


def index_children(
    listings: SiteListings, listing: Listing, stats: DiscoveryStats, depth: int, base: str
) -> list[tuple[str, int]]:
    """(url, depth) of the sitemaps an index at ``depth`` (read from ``base``) names
    that may be read: of the crawl's hosts, not nested deeper than ``MAX_DEPTH`` (both
    counted when not)."""
    if not listing.is_index:
        return []
    children = []
    for entry in listing.entries:
        url = page_url(entry.url, base, pages_only=False)
        if url is None or not listings.scope.contains(url):
            stats[f"{SITEMAP}/refused/out_of_scope"] += 1
        elif depth + 1 > MAX_DEPTH:
            stats[f"{SITEMAP}/refused/too_deep"] += 1
        else:
            children.append((url, depth + 1))
    return children


def refusal_reason(error: BaseException) -> str:
    """Why a listing could not be had, as the manifest counts it."""
    if isinstance(error, HttpError):
        return f"http_{error.response.status}"
    if isinstance(error, IgnoreRequest):  # other hosts are filtered before asking
        return "robots_txt"
    return "download"


async def _fetch(
    crawler: Crawler,
    listings: SiteListings,
    stats: DiscoveryStats,
    url: str,
    kind: str,
    probe: bool,
    depth: int,
) -> Listing | None:
    """Fetch one listing file and take it in; None when it is not one, or was not had."""
    if url in listings.files_seen:
        return None
    listings.files_seen.add(url)
    if not listings.scope.contains(url):
        stats[f"{kind}/refused/out_of_scope"] += 1
        return None
    if len(listings.files_seen) > listings.max_files:
        stats[f"{kind}/refused/too_many_files"] += 1
        return None
    try:
        response = await crawler.engine.download_async(
            listing_request(url, kind, depth, callback=NO_CALLBACK)
        )
    except Exception as exc:
        stats[f"{kind}/refused/{refusal_reason(exc)}"] += 1
        logger.info("Sitemap %s not fetched: %s", url, exc)
        return None
    taken = take_in(listings, response, kind, stats, probe=probe)
    return taken[0] if taken is not None else None


def take_in(
    listings: SiteListings,
    response: Response,
    kind: str,
    stats: DiscoveryStats,
    *,
    probe: bool = False,
) -> tuple[Listing, list[str]] | None:
    """Read a fetched listing into ``listings``: the listing and the page URLs it
    added; None when it is not one (counted)."""
    if response.status != 200:
        if not (probe and response.status == 404):
            stats[f"{kind}/refused/http_{response.status}"] += 1
        return None
    try:
        listing = read_listing(response.body)
    except ListingRefused as exc:
        if exc.reason == NOT_A_LISTING:
            listings.not_listings.add(response.request.url if response.request else response.url)
        if not (probe and exc.reason == NOT_A_LISTING):
            stats[f"{kind}/refused/{exc.reason}"] += 1
            logger.info("Listing %s refused: %s", response.url, exc)
        return None
    kind = FEED if listing.kind in (RSS, ATOM) else SITEMAP
    stats[f"{kind}/files"] += 1
    if listing.is_index:
        return listing, []
    if kind == SITEMAP and (key := host_key(response.url)) is not None:
        listings.hosts.add(key)
    return listing, listings.add(listing, kind, stats, response.url)


def _one_per_host(urls: Iterable[str]) -> list[str]:
    seen, out = set(), []
    for url in urls:
        key = host_key(url)
        if key is not None and key not in seen:
            seen.add(key)
            out.append(url)
    return out
