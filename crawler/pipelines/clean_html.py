"""PageItem -> Record through ``cleaning.clean_html``, or a dropped, counted page.

With page workers (crawler/page_workers.py, started here) the page was cleaned by a
worker before it got here, while Scrapy kept downloading; Scrapy's own limit on the
bytes of responses being processed stops the downloads when the workers fall behind.
Without them the page is cleaned here, in the crawl's process.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn

from scrapy.exceptions import DropItem
from scrapy.utils.reactor import is_asyncio_reactor_installed

from cleaning import CleanResult, Record
from crawler.items import PageItem
from crawler.page_workers import PageWorkers, worker_count
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
        crawler: Crawler,
        crawl_id: str,
        session: CrawlSession,
        profile_path: str | None = None,
        workers: int = 0,
    ) -> None:
        self.crawler = crawler
        self.stats: StatsCollector = crawler.stats
        self.crawl_id = crawl_id
        self.session = session
        self.profile_path = profile_path or None
        self.workers = workers
        self.page_workers: PageWorkers | None = None
        self._clean_here: Callable[..., CleanResult] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        path = crawler.settings.get("HEALTHCORPUS_PROFILE")
        workers = worker_count(crawler.settings.get("HEALTHCORPUS_CLEAN_WORKERS"))
        return cls(crawler, run_id_for(crawler), CrawlSession.of(crawler), path, workers)

    def open_spider(self) -> None:
        if self.workers and is_asyncio_reactor_installed():
            self.page_workers = PageWorkers.start(
                self.crawler,
                self.workers,
                self.profile_path,
                self.crawl_id,
                self.session.archive_level,
            )

    def close_spider(self) -> None:
        if self.page_workers is not None:
            self.page_workers.stop(self.crawler)
            self.page_workers = None

    def _clean(self, item: PageItem) -> CleanResult:
        """The worker's result, or the page cleaned here when no worker had it."""
        if item.clean_error is not None:
            kind, message, trace = item.clean_error
            raise CleaningFailed(kind, message, trace)
        if item.cleaned is not None:
            return item.cleaned
        if self._clean_here is None:
            self._clean_here = self._cleaner_in_this_process()
        return self._clean_here(
            item.body,
            item.url,
            item.declared_encoding,
            item.fetched_at,
            item.http_status,
            self.crawl_id,
        )

    def _cleaner_in_this_process(self) -> Callable[..., CleanResult]:
        """The crawl's own process cleans when there are no workers (one core, or a
        reactor other than asyncio's, whose futures cannot be awaited here); only
        then does it import the cleaner."""
        from crawler.clean_worker import clean_page, use_profiles

        use_profiles(self.profile_path)
        return clean_page

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, PageItem):
            return item
        try:
            result = self._clean(item)
        except CleaningFailed as exc:
            self._failed(item, exc.kind, exc.message, exc.trace)
        except Exception as exc:  # any cleaner bug: count it, name it, go on
            self._failed(item, type(exc).__name__, str(exc), traceback.format_exc())
        if result.record is None:
            reason = result.skip_reason or "unknown"
            count_skipped(self.stats, reason)
            self.session.page_cleaned(item, reason)
            raise DropItem(f"{reason}: {item.url}", log_level=DROP_LOG_LEVEL)
        # Remembered as done only once the record is safely written (see CrawlSession).
        self.session.page_cleaned(item, ARTICLE)
        record: Record = result.record
        return record

    def _failed(self, item: PageItem, kind: str, message: str, trace: str) -> NoReturn:
        reason = f"cleaning/{kind}"
        count_error(self.stats, reason, source=item.url, detail=f"{reason}: {message}")
        logger.error("Cleaning failed for %s: %s: %s", item.url, kind, message)
        if trace:
            logger.debug("Traceback of the cleaning failure for %s:\n%s", item.url, trace)
        self.session.record_lost(item.url)
        raise DropItem(f"{reason}: {item.url}", log_level=DROP_LOG_LEVEL)


class CleaningFailed(Exception):
    """A failure reported by a page worker (or its death), named as it happened there."""

    def __init__(self, kind: str, message: str, trace: str = "") -> None:
        super().__init__(f"{kind}: {message}")
        self.kind, self.message, self.trace = kind, message, trace
