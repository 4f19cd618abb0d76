"""Keep every request, redirects included, inside the crawl's scope (crawler.scope).

Replaces Scrapy's OffsiteMiddleware (same place, same IgnoreRequest and stats), whose
host-name-only rule lets a redirect reach another port or any subdomain, and which
does not look at the scheme at all.
"""

from __future__ import annotations

from scrapy import Request, Spider
from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.exceptions import IgnoreRequest

from crawler.failures import OUT_OF_SCOPE
from crawler.scope import SiteScope
from crawler.stats_keys import count_skipped


class ScopeMiddleware(OffsiteMiddleware):
    def should_follow(self, request: Request, spider: Spider) -> bool:
        scope: SiteScope | None = getattr(spider, "scope", None)
        if scope is None:  # another project's spider: Scrapy's rule
            return super().should_follow(request, spider)
        return scope.contains(request.url)

    def request_scheduled(self, request: Request, spider: Spider) -> None:
        """Requests are checked when scheduled; the engine drops refused ones without
        calling their errback, so a redirect that leaves the scope is counted here."""
        try:
            super().request_scheduled(request, spider)
        except IgnoreRequest:
            if request.meta.get("redirect_urls"):
                count_skipped(self.stats, OUT_OF_SCOPE)
            raise
