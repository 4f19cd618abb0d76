"""``HEALTHCORPUS_MAX_PAGES``: fetch at most N pages, then close the spider.

Scrapy's CLOSESPIDER_PAGECOUNT counts responses, robots.txt included, and lets the
requests already in flight through, so a crawl capped at N fetches more than N
pages. This charges each page request once when it is about to be downloaded, and
each redirect it follows as one more page (so a site cannot stretch the budget with
chains of redirects); retries are free. It refuses requests past the budget, and
closes the spider when the budget is spent; the requests in flight still complete.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy import Request
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.defer import deferred_from_coro

from crawler.downloadermiddlewares.robots import is_site_file

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler
    from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)

CHARGED = "healthcorpus_budget_charged"
CLOSE_REASON = "max_pages"


class PageBudgetMiddleware:
    def __init__(self, crawler: Crawler, max_pages: int) -> None:
        self.crawler = crawler
        self.max_pages = max_pages
        self.charged = 0
        self._closing: Deferred[None] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        max_pages = crawler.settings.getint("HEALTHCORPUS_MAX_PAGES")
        if max_pages < 0:
            raise ValueError(f"HEALTHCORPUS_MAX_PAGES must be >= 0, got {max_pages}")
        if max_pages == 0:
            # No message: with one, Scrapy logs a warning for a perfectly normal setup.
            raise NotConfigured
        return cls(crawler, max_pages)

    def process_request(self, request: Request) -> None:
        if is_site_file(request):
            return
        # Scrapy copies meta to retries and redirects; a redirect adds one hop.
        hop = request.meta.get("redirect_times", 0)
        if request.meta.get(CHARGED) == hop:
            return  # a retry of a request already paid for
        if self.charged >= self.max_pages:
            raise IgnoreRequest(f"page budget of {self.max_pages} spent")
        request.meta[CHARGED] = hop
        self.charged += 1
        if self.charged == self.max_pages:
            logger.info("Page budget of %d reached, closing the spider", self.max_pages)
            self._close()

    def _close(self) -> None:
        assert self.crawler.engine is not None
        # Kept, with an errback, so a failure to close is logged rather than lost.
        self._closing = deferred_from_coro(
            self.crawler.engine.close_spider_async(reason=CLOSE_REASON)
        )
        self._closing.addErrback(
            lambda failure: logger.error("Could not close the spider: %s", failure.value)
        )
