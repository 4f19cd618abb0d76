"""Honour robots.txt ``Crawl-delay``, which Scrapy parses but never applies.

Scrapy 2.19's robots.txt parsers (protego by default) read ``Crawl-delay`` and the
``robots_parsed`` signal hands us each parser, but nothing in Scrapy uses the value.
This extension turns it into a per-host floor under the download slot's delay:

- the floor is set when the host's robots.txt is parsed, and re-applied each time a
  request reaches that host's slot and each time a response comes back, because
  AutoThrottle lowers slot delays on fast responses and Scrapy re-creates slots that
  sat idle for a minute;
- jitter is switched off for that slot, so the gap between two requests is never
  shorter than what the site asked for (Scrapy's default jitter is +-50%);
- a delay above ``HEALTHCORPUS_MAX_CRAWL_DELAY`` is clamped, with one warning, so a
  robots.txt with ``Crawl-delay: 86400`` cannot stall a crawl for days.

With a Crawl-delay the slot sends one request at a time (Scrapy's downloader does
so whenever a slot has a delay), which is what site owners mean by it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.exceptions import NotConfigured

from crawler.stats_keys import CRAWL_DELAY_PREFIX

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.robotstxt import RobotParser

logger = logging.getLogger(__name__)


class CrawlDelay:
    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        if not (
            settings.getbool("ROBOTSTXT_OBEY")
            and settings.getbool("HEALTHCORPUS_OBEY_CRAWL_DELAY")
        ):
            raise NotConfigured
        self.crawler = crawler
        self.max_delay = settings.getfloat("HEALTHCORPUS_MAX_CRAWL_DELAY")
        # Matched against robots.txt groups the way RobotsTxtMiddleware matches them.
        self.user_agent: str = settings.get("ROBOTSTXT_USER_AGENT") or settings.get(
            "USER_AGENT"
        )
        self.floors: dict[str, float] = {}  # download slot key -> seconds
        crawler.signals.connect(self.robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(self.enforce, signal=signals.request_reached_downloader)
        # Connected after AutoThrottle (a built-in extension with a lower order), so
        # this runs after it has adjusted the delay for the same response.
        crawler.signals.connect(self.enforce, signal=signals.response_downloaded)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def robots_parsed(self, robotparser: RobotParser, request: Request) -> None:
        delay = robotparser.crawl_delay(self.user_agent)
        if delay is None or delay <= 0:
            return
        key = self.crawler.engine.downloader.get_slot_key(request)
        if delay > self.max_delay:
            logger.warning(
                "robots.txt of %s asks for a Crawl-delay of %g s; using %g s "
                "(HEALTHCORPUS_MAX_CRAWL_DELAY)",
                key,
                delay,
                self.max_delay,
            )
            delay = self.max_delay
        self.floors[key] = delay
        self.crawler.stats.set_value(CRAWL_DELAY_PREFIX + key, delay)
        logger.info("Crawl-delay of %s: %g s (robots.txt)", key, delay)
        self.enforce(request=request)

    def enforce(self, request: Request, **_: object) -> None:
        """Raise the slot's delay to the host's floor (no-op for hosts without one)."""
        if not self.floors:
            return
        downloader = self.crawler.engine.downloader
        key = request.meta.get(downloader.DOWNLOAD_SLOT) or downloader.get_slot_key(request)
        floor = self.floors.get(key)
        slot = downloader.slots.get(key)
        if floor is None or slot is None:
            return
        slot.jitter = 0.0
        if slot.delay < floor:
            slot.delay = floor
