"""The ``articles`` spider: fetch every page of the start URLs' hosts, hand HTML on.

It does not decide what an article is: every HTML page becomes a ``PageItem`` and the
cleaning pipeline keeps the articles, so the rule lives in one place (``cleaning``).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from scrapy import Request, Spider, signals
from scrapy.http import HtmlResponse, Response
from w3lib.encoding import http_content_type_encoding

from crawler.discovery.feeds import feed_links
from crawler.discovery.sitemaps import (
    AUTO,
    FEED,
    LISTING_DEPTH,
    MODES,
    OFF,
    ONLY,
    SITEMAP,
    DiscoveryStats,
    SiteListings,
    index_children,
    listing_request,
    read_sitemaps,
    refusal_reason,
    take_in,
)
from crawler.downloadermiddlewares.incremental import NOT_MODIFIED, known_page
from crawler.downloadermiddlewares.robots import LISTING
from crawler.failures import REDIRECT_LOOP, REDIRECT_TO_SEEN_PAGE, skipped_reason
from crawler.items import PageItem
from crawler.links import page_links
from crawler.page_workers import PageWorkers
from crawler.scope import SiteScope, host_key
from crawler.session import CrawlSession
from crawler.signals import request_finished
from crawler.stats_keys import ARTICLES_UNLISTED, count_skipped

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

logger = logging.getLogger(__name__)

START_PAGE = "healthcorpus_start_page"  # a start URL's page: its feeds are read


def parse_start_urls(value: str | Iterable[str] | None) -> list[str]:
    """``-a start_urls=a,b`` arrives as one string; the CLI passes a list."""
    if value is None:
        return []
    parts = value.split(",") if isinstance(value, str) else list(value)
    return [part.strip() for part in parts if part.strip()]


class ArticlesSpider(Spider):
    """Crawl the hosts of ``start_urls``; yield a ``PageItem`` for every HTML page."""

    name = "articles"

    def __init__(
        self,
        start_urls: str | Iterable[str] | None = None,
        max_pages: str | int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.start_urls = parse_start_urls(start_urls)
        if not self.start_urls:
            raise ValueError("the articles spider needs start_urls (-a start_urls=URL[,URL])")
        bad = [url for url in self.start_urls if host_key(url) is None]
        if bad:
            raise ValueError(f"not an http(s) URL: {', '.join(bad)}")
        self.scope = SiteScope(self.start_urls)
        # For tools that read Scrapy's attribute; ScopeMiddleware enforces `scope`.
        self.allowed_domains = self.scope.hostnames
        self.max_pages = int(max_pages) if max_pages not in (None, "") else None
        self.listings = SiteListings(self.scope)
        self.sitemap_mode = AUTO  # the HEALTHCORPUS_SITEMAPS setting, read in from_crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> ArticlesSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.scope.allow_subdomains = crawler.settings.getbool("HEALTHCORPUS_SUBDOMAINS")
        crawler.signals.connect(spider.request_dropped, signal=signals.request_dropped)
        spider.sitemap_mode = str(crawler.settings.get("HEALTHCORPUS_SITEMAPS") or AUTO).lower()
        if spider.sitemap_mode not in MODES:
            raise ValueError(f"HEALTHCORPUS_SITEMAPS must be one of {', '.join(MODES)}")
        if spider.max_pages is not None:
            # Spiders are built before the settings freeze, so the argument can still
            # set the budget that PageBudgetMiddleware reads.
            crawler.settings.set("HEALTHCORPUS_MAX_PAGES", spider.max_pages, priority="spider")
        return spider

    async def start(self) -> AsyncIterator[Request]:
        mode = self.sitemap_mode
        settings = self.crawler.settings
        self.listings.max_files = settings.getint("HEALTHCORPUS_SITEMAP_MAX_FILES", 1000)
        self.listings.max_urls = settings.getint("HEALTHCORPUS_SITEMAP_MAX_URLS", 1_000_000)
        # Sitemaps first: every page request then knows the page's <lastmod>.
        try:
            pages = await read_sitemaps(self.crawler, self.listings, self.start_urls, mode=mode)
        finally:  # page requests wait for this (IncrementalMiddleware), even after a failure
            recheck_days = settings.getfloat("HEALTHCORPUS_RECHECK_DAYS", 7.0)
            unlisted = self.session.listings_read(self.listings, recheck_days)
            self.crawler.stats.set_value(ARTICLES_UNLISTED, unlisted)
        # Not dont_filter (Scrapy's default for start URLs): the home page is linked from
        # every page, and must not be fetched a second time through one of those links.
        if mode != ONLY:
            for url in pages:
                yield self.page_request(url, start=True)
        for url in list(self.listings.lastmod):
            yield self.page_request(url)
        # Articles of earlier runs are checked again even when no page links to them
        # any more (a listing that only shows the newest ones).
        if mode != ONLY:
            for url in self.known_article_urls():
                yield self.page_request(url)

    def known_article_urls(self) -> list[str]:
        if not self.crawler.settings.getbool("HEALTHCORPUS_INCREMENTAL", True):
            return []
        urls = self.session.known_article_urls()
        return self.in_scope(urls)

    async def parse(self, response: Response, **kwargs: Any) -> AsyncIterator[PageItem | Request]:
        page_url: str | None = None
        try:
            if response.status == NOT_MODIFIED:
                # Unchanged since the last run: go on to the links it had then.
                known = known_page(response)
                for url in known.links if known and self.follows_links else ():
                    if self.scope.contains(url):
                        yield self.page_request(url)
                return
            if not isinstance(response, HtmlResponse):
                # A start URL (or a link) that is a sitemap or a feed after all.
                if (listed := self.listing_found(response, SITEMAP)) is not None:
                    for request in listed:
                        yield request
                else:
                    count_skipped(self.crawler.stats, "not_html")
                return
            page_url = response.url
            item = PageItem(
                url=page_url,
                body=response.body,
                declared_encoding=declared_encoding(response),
                http_status=response.status,
                fetched_at=datetime.now(UTC),
                headers=header_pairs(response),
            )
            await self.process_page(item, response)
            self.session.page_started(page_url)
            yield item
            if response.meta.get(START_PAGE) and self.sitemap_mode != OFF:
                for url in feed_links(response):
                    if self.scope.contains(url):
                        yield listing_request(
                            url, FEED, callback=self.parse_listing, errback=self.listing_failed
                        )
            for url in item.links if self.follows_links else ():
                yield self.page_request(url)
        finally:
            self.finished(response.request, page_url)

    @property
    def follows_links(self) -> bool:
        """``--sitemaps only``: the pages the listings name, and nothing else."""
        return self.sitemap_mode != ONLY

    def parse_listing(self, response: Response) -> list[Request]:
        """A sitemap or feed met during the crawl (a feed named by a start page, a
        sitemap of an index): the pages it lists, or the sitemaps of an index."""
        return self.listing_found(response, response.meta.get(LISTING, SITEMAP)) or []

    def listing_found(self, response: Response, kind: str) -> list[Request] | None:
        """Requests for what a listing names; None when the response is not one."""
        stats = DiscoveryStats(self.crawler)
        taken = take_in(self.listings, response, kind, stats, probe=LISTING not in response.meta)
        if taken is None:
            return None
        listing, new_urls = taken
        if not listing.is_index:
            return [self.page_request(url) for url in new_urls]
        depth = int(response.meta.get(LISTING_DEPTH, 0))
        return [
            listing_request(
                url, SITEMAP, child_depth, callback=self.parse_listing, errback=self.listing_failed
            )
            for url, child_depth in index_children(
                self.listings, listing, stats, depth, response.url
            )
        ]

    def listing_failed(self, failure: Failure) -> None:
        """A sitemap or feed met during the crawl that could not be had: counted."""
        request = getattr(failure, "request", None)
        kind = request.meta.get(LISTING, SITEMAP) if request is not None else SITEMAP
        DiscoveryStats(self.crawler)[f"{kind}/refused/{refusal_reason(failure.value)}"] += 1

    async def process_page(self, item: PageItem, response: HtmlResponse) -> None:
        """Fill in the page's links, and with page workers its archive record and its
        cleaned record (done in a worker process while the crawl goes on)."""
        workers = PageWorkers.of(self.crawler)
        if workers is not None:
            try:
                done = await workers.process(item)
            except Exception as exc:  # the worker died: its record is lost, not its links
                item.clean_error = (type(exc).__name__, str(exc), "")
            else:
                item.links = self.in_scope(done.links)
                item.warc_member = done.warc_member
                item.cleaned = done.result
                item.clean_error = done.error
                return
        item.links = self.in_scope(page_links(response))

    @property
    def session(self) -> CrawlSession:
        return CrawlSession.of(self.crawler)

    def finished(self, request: Request | None, page_url: str | None) -> None:
        if request is not None:
            self.crawler.signals.send_catch_log(
                request_finished, request=request, page_url=page_url
            )

    def page_request(self, url: str, *, start: bool = False) -> Request:
        meta = {START_PAGE: True} if start else None
        return Request(url, callback=self.parse, errback=self.page_failed, meta=meta)

    def page_failed(self, failure: Failure) -> None:
        """A page that could not be fetched, or answered with an HTTP error.

        FetchStatsMiddleware has counted it already; handling it here only stops Scrapy
        from logging a traceback for what is an ordinary network failure.
        """
        logger.debug("Page failed: %s", failure.getErrorMessage())
        if reason := skipped_reason(failure.value):
            count_skipped(self.crawler.stats, reason)
        self.finished(getattr(failure, "request", None), None)

    def request_dropped(self, request: Request, **_: Any) -> None:
        """The duplicate filter drops a redirect to a page already seen without a word:
        count it, as a loop if the page is in the redirect's own chain."""
        chain = request.meta.get("redirect_urls")
        if chain:
            reason = REDIRECT_LOOP if request.url in chain else REDIRECT_TO_SEEN_PAGE
            count_skipped(self.crawler.stats, reason)

    def in_scope(self, urls: Iterable[str]) -> list[str]:
        """The links to pages of the crawled hosts, in their order."""
        return [url for url in urls if self.scope.contains(url)]


def header_pairs(response: Response) -> list[tuple[str, str]]:
    """Response headers as text pairs, repeated headers kept (for the WARC archive)."""
    return [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in response.headers.items()
        for value in values
    ]


def declared_encoding(response: Response) -> str | None:
    """The charset of the Content-Type header, if any (meta tags are cleaning's job)."""
    content_type = response.headers.get("Content-Type")
    if not content_type:
        return None
    return http_content_type_encoding(content_type.decode("latin-1"))
