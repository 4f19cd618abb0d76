"""PageItem -> Record through ``cleaning.clean_html``, or a dropped, counted page.

With worker processes (crawler/clean_worker.py) the cleaning runs there and the
pipeline awaits it, so Scrapy keeps downloading meanwhile; Scrapy's own limit on the
bytes of responses being processed stops the downloads when the workers fall behind.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import DropItem
from scrapy.utils.reactor import is_asyncio_reactor_installed

from cleaning import CleanResult, Record
from crawler.clean_worker import clean_page, start_pool, use_profiles, worker_count
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
        profile_path: str | None = None,
        workers: int = 0,
    ) -> None:
        self.stats = stats
        self.crawl_id = crawl_id
        self.session = session
        self.profile_path = profile_path or None
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None
        # The crawl's own process cleans when there are no workers (one core, or a
        # reactor other than asyncio's, whose futures cannot be awaited here).
        use_profiles(self.profile_path)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        path = crawler.settings.get("HEALTHCORPUS_PROFILE")
        workers = worker_count(crawler.settings.get("HEALTHCORPUS_CLEAN_WORKERS"))
        return cls(crawler.stats, run_id_for(crawler), CrawlSession.of(crawler), path, workers)

    def open_spider(self) -> None:
        if self.workers and is_asyncio_reactor_installed():
            self.pool = start_pool(self.workers, self.profile_path)

    def close_spider(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    async def _clean(self, item: PageItem) -> CleanResult:
        args = (
            item.body,
            item.url,
            item.declared_encoding,
            item.fetched_at,
            item.http_status,
            self.crawl_id,
        )
        pool = self.pool
        if pool is None:
            return clean_page(*args)
        try:
            return await asyncio.wrap_future(pool.submit(clean_page, *args))
        except BrokenProcessPool:
            # A worker died (killed, out of memory): every page the pool held fails
            # here, each counted as lost; the first to notice starts new workers, once,
            # for the pages still to come (not shutting down the new pool again).
            if self.pool is pool:
                logger.error("A cleaning worker died; starting new ones")
                pool.shutdown(wait=False, cancel_futures=True)
                self.pool = start_pool(self.workers, self.profile_path)
            raise

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, PageItem):
            return item
        try:
            result = await self._clean(item)
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
