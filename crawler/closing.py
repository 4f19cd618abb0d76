"""Closing the crawl from anywhere (a pipeline, a Redis client), once, with a reason."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.utils.defer import deferred_from_coro

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


def close_crawl(crawler: Crawler, reason: str) -> None:
    """Ask the engine to close the spider with ``reason`` (the manifest's close reason)."""
    if crawler.engine is None:
        return
    closing = deferred_from_coro(crawler.engine.close_spider_async(reason=reason))
    closing.addErrback(
        lambda failure: logger.error("Could not close the spider: %s", failure.value)
    )
