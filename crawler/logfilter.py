"""Keep the command line's log readable: no tracebacks for ordinary network failures.

A refused connection or a timeout is an expected outcome of crawling the web. Scrapy
logs some of them with a full traceback (e.g. when robots.txt cannot be fetched); the
``healthcorpus`` command keeps the one-line message and drops the traceback, unless
``-vv`` asks for everything.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import exceptions as scrapy_exceptions

NETWORK_ERRORS: tuple[type[BaseException], ...] = (
    scrapy_exceptions.DownloadConnectionRefusedError,
    scrapy_exceptions.CannotResolveHostError,
    scrapy_exceptions.DownloadTimeoutError,
    scrapy_exceptions.DownloadCancelledError,
    scrapy_exceptions.DownloadFailedError,
    scrapy_exceptions.ResponseDataLossError,
    ConnectionError,
    TimeoutError,
)


class NetworkTracebackFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, NETWORK_ERRORS) or type(exc).__module__.startswith(
            "twisted.internet.error"
        ):
            record.exc_info = None
            record.exc_text = None
        return True


def quiet_network_tracebacks(**_: Any) -> None:
    """Install the filter on the root logger's handlers (Scrapy installs its own there).

    Takes keyword arguments so it can be connected to a Scrapy signal directly.
    """
    for handler in logging.getLogger().handlers:
        handler.addFilter(NetworkTracebackFilter())
