"""Telling robots.txt fetches apart from page fetches."""

from __future__ import annotations

from scrapy import Request
from scrapy.utils.httpobj import urlparse_cached


def is_robots_txt(request: Request) -> bool:
    """RobotsTxtMiddleware's own request: not a page, never counted or budgeted."""
    return bool(request.meta.get("dont_obey_robotstxt")) and (
        urlparse_cached(request).path == "/robots.txt"
    )
