"""The crawl's page workers (crawler/clean_worker.py), shared by the spider and pipelines.

The cleaning pipeline starts them when the spider opens and stops them when it
closes; the spider sends each HTML page to them (``process``) and awaits its links,
archive record and cleaned record. Without workers (one core, ``-s
HEALTHCORPUS_CLEAN_WORKERS=0``, a reactor other than asyncio's) ``of`` is None and
all of it happens in the crawl's own process, as before.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from crawler.clean_worker import ProcessedPage, process_page, start_pool

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from crawler.items import PageItem

logger = logging.getLogger(__name__)

_running: WeakKeyDictionary[Crawler, PageWorkers] = WeakKeyDictionary()
# Workers started before Scrapy's engine (see prestart), waiting to be adopted.
_prestarted: tuple[int, str | None, ProcessPoolExecutor] | None = None


def prestart(workers: int, profile_path: str | None) -> None:
    """Start the worker processes now: each needs about 0.6 s to import the cleaner,
    which then overlaps with Scrapy's own start instead of holding up the first pages.
    ``PageWorkers`` adopts them when the spider opens; ``discard_prestarted`` stops
    them if it never does."""
    global _prestarted
    discard_prestarted()
    if workers > 0:
        _prestarted = (workers, profile_path, start_pool(workers, profile_path))


def discard_prestarted() -> None:
    global _prestarted
    if _prestarted is not None:
        _prestarted[2].shutdown(wait=True, cancel_futures=True)
        _prestarted = None


def _adopt_or_start(workers: int, profile_path: str | None) -> ProcessPoolExecutor:
    global _prestarted
    if _prestarted is not None and _prestarted[:2] == (workers, profile_path):
        pool, _prestarted = _prestarted[2], None
        return pool
    discard_prestarted()
    return start_pool(workers, profile_path)


class PageWorkers:
    """A process pool that replaces itself once when one of its workers dies."""

    def __init__(
        self, workers: int, profile_path: str | None, crawl_id: str, archive_level: int | None
    ) -> None:
        self.workers = workers
        self.profile_path = profile_path
        self.crawl_id = crawl_id
        self.archive_level = archive_level  # None: the archive is off
        self.pool: ProcessPoolExecutor | None = _adopt_or_start(workers, profile_path)

    @classmethod
    def of(cls, crawler: Crawler) -> PageWorkers | None:
        """The running workers of ``crawler``; None when its pages are done in-process."""
        return _running.get(crawler)

    @classmethod
    def start(
        cls,
        crawler: Crawler,
        workers: int,
        profile_path: str | None,
        crawl_id: str,
        archive_level: int | None,
    ) -> PageWorkers:
        running = cls(workers, profile_path, crawl_id, archive_level)
        _running[crawler] = running
        return running

    def stop(self, crawler: Crawler) -> None:
        _running.pop(crawler, None)
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    async def process(self, item: PageItem) -> ProcessedPage:
        """The worker's links, archive record and record for ``item``.

        Raises BrokenProcessPool when the worker holding the page died (killed, out of
        memory): every page the pool held fails so, and the first to notice starts
        new workers, once, for the pages still to come.
        """
        pool = self.pool
        if pool is None:
            raise BrokenProcessPool("the page workers are stopped")
        try:
            future = pool.submit(
                process_page,
                item.url,
                item.http_status,
                item.headers,
                item.body,
                item.fetched_at,
                item.declared_encoding,
                self.crawl_id,
                self.archive_level,
            )
            return await asyncio.wrap_future(future)
        except BrokenProcessPool:
            if self.pool is pool:
                logger.error("A cleaning worker died; starting new ones")
                pool.shutdown(wait=False, cancel_futures=True)
                self.pool = start_pool(self.workers, self.profile_path)
            raise
