"""Count what happened to each page request, for the run manifest.

Placed before retries and redirects in the chain, ``process_response`` and
``process_exception`` see each page's final outcome exactly once: a response (fetched,
maybe an HTTP error) or an exception that no retry recovered from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from crawler.downloadermiddlewares.incremental import ANSWERED_FROM_STATE, NOT_MODIFIED
from crawler.downloadermiddlewares.robots import is_site_file
from crawler.failures import REDIRECT_NOT_FOLLOWED, TOO_LARGE, oversize_download
from crawler.stats_keys import PAGES_FETCHED, count_error, count_skipped

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

# The page is gone: the site's broken link, not a failure of the crawl.
GONE_STATUSES = frozenset({404, 410})


def status_reason(status: int) -> str:
    return f"http_{status}"


class FetchStatsMiddleware:
    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler.stats)

    def process_response(self, request: Request, response: Response) -> Response:
        if is_site_file(request) or ANSWERED_FROM_STATE.intersection(response.flags):
            return response  # robots.txt, or a page not fetched (answered from the state)
        self.stats.inc_value(PAGES_FETCHED)
        if response.status in GONE_STATUSES:
            count_skipped(self.stats, status_reason(response.status))
        elif 300 <= response.status < 400 and response.status != NOT_MODIFIED:
            # A redirect that RedirectMiddleware did not follow: no Location, or one to
            # a scheme we never fetch (file:, ftp: ...).
            count_skipped(self.stats, REDIRECT_NOT_FOLLOWED)
        elif response.status >= 400:
            count_error(self.stats, status_reason(response.status), source=response.url)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        # IgnoreRequest is a decision (robots.txt, offsite, page budget), not a failure;
        # robots.txt refusals are counted from Scrapy's own `robotstxt/forbidden`.
        if is_site_file(request) or isinstance(exception, IgnoreRequest):
            return
        if oversize_download(exception):
            count_skipped(self.stats, TOO_LARGE)
            return
        name = type(exception).__name__
        count_error(
            self.stats, f"download/{name}", source=request.url, detail=f"{name}: {exception}"
        )
