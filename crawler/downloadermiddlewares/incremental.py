"""Incremental re-crawls: conditional GETs for known pages, and resuming a stopped run.

For a page the crawl state knows (see :mod:`crawler.state`), the request carries the
validators of its last fetch (``If-None-Match``, ``If-Modified-Since``); an unchanged
page then costs a 304 with no body, and the spider goes on to the links the page had.
A page already checked by a run that was killed or stopped before its end is not asked
again at all: this middleware answers it with a local 304, flagged ``resumed``; so is a
page whose sitemap ``<lastmod>`` is not newer than our last check of it (flagged
``unchanged_by_lastmod``), unless that check is ``--recheck-days`` old or the host's
dates proved wrong before (see :meth:`crawler.session.CrawlSession.unchanged_by_lastmod`).

It sits after robots.txt (100) and before the page budget (110), so a resumed page is
neither fetched nor charged to ``--max-pages``; a real conditional GET is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from crawler.downloadermiddlewares.robots import is_site_file
from crawler.session import CrawlSession
from crawler.state import KnownPage
from crawler.stats_keys import (
    PAGES_NOT_MODIFIED,
    PAGES_RESUMED,
    PAGES_UNCHANGED_BY_LASTMOD,
    count_skipped,
)

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler

NOT_MODIFIED = 304
KNOWN_PAGE = "healthcorpus_known_page"
RESUMED = "resumed"
# Not asked again: the site's sitemap dates it as unchanged since our last check.
UNCHANGED_BY_LASTMOD = "unchanged_by_lastmod"
# Flags of a 304 made here, without a request to the site.
ANSWERED_FROM_STATE = frozenset({RESUMED, UNCHANGED_BY_LASTMOD})


def known_page(response: Response) -> KnownPage | None:
    """The state of a page answered with 304 (set by this middleware)."""
    page = response.meta.get(KNOWN_PAGE)
    return page if isinstance(page, KnownPage) else None


class IncrementalMiddleware:
    def __init__(self, crawler: Crawler, session: CrawlSession) -> None:
        self.crawler = crawler
        self.session = session

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("HEALTHCORPUS_INCREMENTAL", True):
            raise NotConfigured
        return cls(crawler, CrawlSession.of(crawler))

    async def process_request(self, request: Request) -> Response | None:
        if is_site_file(request) or KNOWN_PAGE in request.meta:
            return None  # robots.txt, or a retry/redirect of a request already handled
        page = self.session.known(request.url)
        if page is None:
            return None
        # A worker of a shared frontier takes requests others queued while it is still
        # reading the sitemaps: their dates decide whether a known page is asked.
        await self.session.listings_known.wait()
        request.meta[KNOWN_PAGE] = page
        # Let a 304 through to the spider (HttpErrorMiddleware drops non-2xx otherwise).
        allowed = request.meta.setdefault("handle_httpstatus_list", [])
        if NOT_MODIFIED not in allowed:
            allowed.append(NOT_MODIFIED)
        if self.session.done_by_unfinished_run(page):
            return Response(request.url, status=NOT_MODIFIED, request=request, flags=[RESUMED])
        if self.session.unchanged_by_lastmod(page):
            flags = [UNCHANGED_BY_LASTMOD]
            return Response(request.url, status=NOT_MODIFIED, request=request, flags=flags)
        if page.etag:
            request.headers.setdefault("If-None-Match", page.etag)
        if page.last_modified:
            request.headers.setdefault("If-Modified-Since", page.last_modified)
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        page = request.meta.get(KNOWN_PAGE)
        if response.status != NOT_MODIFIED or not isinstance(page, KnownPage):
            return response
        stats = self.crawler.stats
        assert stats is not None
        # Counted as last time: an unchanged article, or the same reason to skip it.
        count_skipped(stats, "unchanged" if page.is_article else page.outcome)
        if UNCHANGED_BY_LASTMOD in response.flags:
            # Not checked: its last check stays the one --recheck-days counts from.
            stats.inc_value(PAGES_UNCHANGED_BY_LASTMOD)
            return response
        if RESUMED in response.flags:
            stats.inc_value(PAGES_RESUMED)
        else:
            stats.inc_value(PAGES_NOT_MODIFIED)
        self.session.not_modified(page)
        self.session.maybe_checkpoint()
        return response
