"""Telling the site's own files (robots.txt, sitemaps, feeds) apart from page fetches."""

from __future__ import annotations

from scrapy import Request
from scrapy.utils.httpobj import urlparse_cached

# Meta key of a request for a sitemap or a feed: its value is the kind of file.
LISTING = "healthcorpus_listing"


def is_robots_txt(request: Request) -> bool:
    """RobotsTxtMiddleware's own request: not a page, never counted or budgeted."""
    return bool(request.meta.get("dont_obey_robotstxt")) and (
        urlparse_cached(request).path == "/robots.txt"
    )


def is_site_file(request: Request) -> bool:
    """robots.txt, a sitemap or a feed: not a page, so neither counted among the pages
    fetched, nor charged to the page budget, nor a conditional GET of the page state
    (sitemap fetches are counted on their own, see :mod:`crawler.discovery`)."""
    return LISTING in request.meta or is_robots_txt(request)
