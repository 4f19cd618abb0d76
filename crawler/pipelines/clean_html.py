"""PageItem -> Record through ``cleaning.clean_html``, or a dropped, counted page."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import DropItem

from cleaning import Record, clean_html
from cleaning.profiles import Profiles
from crawler.items import PageItem
from crawler.runid import run_id_for
from crawler.session import CrawlSession
from crawler.state import ARTICLE
from crawler.stats_keys import count_error, count_skipped

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

# Dropped pages are already counted by reason; a log line each is noise except at DEBUG.
DROP_LOG_LEVEL = "DEBUG"


class CleanHtmlPipeline:
    """Cleans each page; a cleaner exception costs one page, never the crawl."""

    def __init__(
        self,
        stats: StatsCollector,
        crawl_id: str,
        session: CrawlSession,
        profiles: Profiles | None = None,
    ) -> None:
        self.stats = stats
        self.crawl_id = crawl_id
        self.session = session
        self.profiles = profiles

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        path = crawler.settings.get("HEALTHCORPUS_PROFILE")
        profiles = Profiles.load(path) if path else None
        return cls(crawler.stats, run_id_for(crawler), CrawlSession.of(crawler), profiles)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, PageItem):
            return item
        try:
            result = clean_html(
                item.body,
                url=item.url,
                declared_encoding=item.declared_encoding,
                fetched_at=item.fetched_at,
                http_status=item.http_status,
                crawl_id=self.crawl_id,
                profile=self.profiles.for_url(item.url) if self.profiles else None,
            )
        except Exception as exc:  # any cleaner bug: count it, name it, go on
            reason = f"cleaning/{type(exc).__name__}"
            count_error(self.stats, reason, source=item.url, detail=f"{reason}: {exc}")
            logger.error("Cleaning failed for %s: %s: %s", item.url, type(exc).__name__, exc)
            logger.debug("Traceback of the cleaning failure for %s", item.url, exc_info=True)
            self.session.record_lost(item.url)
            raise DropItem(f"{reason}: {item.url}", log_level=DROP_LOG_LEVEL) from exc
        if result.record is None:
            reason = result.skip_reason or "unknown"
            count_skipped(self.stats, reason)
            self.session.page_cleaned(item, reason)
            raise DropItem(f"{reason}: {item.url}", log_level=DROP_LOG_LEVEL)
        # Remembered as done only once the record is safely written (see CrawlSession).
        self.session.page_cleaned(item, ARTICLE)
        record: Record = result.record
        return record
