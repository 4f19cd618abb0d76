"""PageItem -> the raw WARC archive beside the dataset (``DIR/_warc/``), unchanged.

It runs before cleaning (200 < 300), so every fetched HTML page is archived, articles
or not: a better cleaner, or a changed idea of what an article is, can then re-process
the whole crawl offline (``healthcorpus clean DIR/_warc/*.warc.gz``) without fetching
it again. ``--no-archive`` (``HEALTHCORPUS_ARCHIVE=0``) turns it off.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import NotConfigured

from cleaning.dataset.manifest import WARC_DIR
from crawler.disk_errors import is_disk_error, stop_for_disk_error
from crawler.items import PageItem
from crawler.session import CrawlSession
from crawler.stats_keys import count_error

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class WarcArchivePipeline:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("HEALTHCORPUS_ARCHIVE", True):
            raise NotConfigured
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if isinstance(item, PageItem):
            try:
                CrawlSession.of(self.crawler).archive(item)
            except OSError as exc:  # the page is still cleaned and kept
                reason = f"archive/{type(exc).__name__}"
                count_error(self.crawler.stats, reason, source=item.url, detail=str(exc))
                if is_disk_error(exc):  # one line, and the crawl stops
                    stop_for_disk_error(self.crawler, exc.filename or self._warc_dir(), exc)
                else:
                    logger.error("Could not archive %s: %s", item.url, exc)
        return item

    def _warc_dir(self) -> str:
        session = CrawlSession.of(self.crawler)
        return str(session.out_dir / WARC_DIR)
