"""Name what happened to a page request that never reached the spider's callback.

Download failures (timeouts, refused connections ...) and HTTP error statuses are
counted by FetchStatsMiddleware where they happen. What it cannot see ends in the
request's errback as an ``IgnoreRequest`` raised further down the chain: a redirect
loop, a body over ``DOWNLOAD_MAXSIZE`` once decompressed (a gzip bomb), a redirect
out of the crawl's scope. Those are decisions about a broken or hostile page, not
failures of the crawl: they are counted as skipped, each under its own reason.

Scrapy tells these apart only by their messages, which are matched here, in one place.
"""

from __future__ import annotations

from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError

TOO_LARGE = "too_large"
TOO_MANY_REDIRECTS = "too_many_redirects"
REDIRECT_LOOP = "redirect_loop"
REDIRECT_TO_SEEN_PAGE = "redirect_to_seen_page"  # e.g. /old -> /new, /new crawled anyway
REDIRECT_NOT_FOLLOWED = "redirect_not_followed"  # no Location, or to file:, ftp: ...
OUT_OF_SCOPE = "redirect_out_of_scope"

# Substrings of Scrapy 2.19's messages (downloader handlers, HttpCompressionMiddleware,
# RedirectMiddleware, OffsiteMiddleware).
_IGNORED = (
    ("larger than download max size", TOO_LARGE),
    ("exceeded DOWNLOAD_MAXSIZE", TOO_LARGE),
    ("max redirections reached", TOO_MANY_REDIRECTS),
    ("Filtered offsite request", OUT_OF_SCOPE),
)


def oversize_download(exception: BaseException) -> bool:
    """A download the handler cut off at ``DOWNLOAD_MAXSIZE`` (a policy, not a failure).

    Scrapy 2.19's HTTP/1.1 handler cancels a download for that reason only: with a
    message when Content-Length announced the size, with none (Twisted's bare
    CancelledError) when the body grew past the cap while streaming. Timeouts and
    lost connections have their own exceptions.
    """
    return isinstance(exception, DownloadCancelledError)


def skipped_reason(exception: BaseException) -> str | None:
    """The skip reason of an ``IgnoreRequest`` that nobody else counts, or None.

    None for HTTP errors (counted with their status), robots.txt refusals (Scrapy's
    ``robotstxt/forbidden``) and the page budget (a limit the user set).
    """
    if not isinstance(exception, IgnoreRequest) or isinstance(exception, HttpError):
        return None
    message = str(exception)
    for needle, reason in _IGNORED:
        if needle in message:
            return reason
    return None
