"""The crawl's page workers, shared by the spider and pipelines.

Scrapy runs in one thread, and that thread is the crawl's bottleneck. On a machine
with a spare core the spider hands each HTML page to a worker process
(``HEALTHCORPUS_CLEAN_WORKERS``, ``auto`` = the cores but one, at most 4) and goes on
fetching; the worker (crawler/clean_worker.py) reads the page's links, builds its
WARC record and cleans it, and all three come back together (``ProcessedPage``). The
spider follows the links, the archive pipeline appends the record bytes, the
cleaning pipeline takes the record: the crawl's own process does none of that work,
and does not even import the cleaner.

The cleaning pipeline starts the workers when the spider opens and stops them when
it closes; the spider awaits ``process`` for each HTML page. Without workers (one
core, ``-s HEALTHCORPUS_CLEAN_WORKERS=0``, a reactor other than asyncio's) ``of`` is
None and all of it happens in the crawl's own process.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from crawler.worker_pool import WorkerPool

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from cleaning.result import CleanResult
    from crawler.items import PageItem

MAX_AUTO_WORKERS = 4

logger = logging.getLogger(__name__)

_running: WeakKeyDictionary[Crawler, PageWorkers] = WeakKeyDictionary()
# Workers started before Scrapy's engine (see prestart), waiting to be adopted.
_prestarted: tuple[int, str | None, WorkerPool] | None = None


@dataclass(slots=True)
class ProcessedPage:
    """What a worker made of a fetched page."""

    links: list[str]  # every link of the page, as crawler.links.page_links reads them
    warc_member: bytes | None  # its WARC response record (None: archive off)
    result: CleanResult | None  # its record or skip reason; None when cleaning failed
    error: tuple[str, str, str] | None = None  # (exception type, message, traceback)


def worker_count(setting: str | int | None) -> int:
    """``auto`` -> the cores but one (0 on a single core: clean in the crawl's process)."""
    if setting in (None, "", "auto"):
        return max(0, min((os.cpu_count() or 1) - 1, MAX_AUTO_WORKERS))
    count = int(setting)
    if count < 0:
        raise ValueError(f"HEALTHCORPUS_CLEAN_WORKERS must be auto or >= 0, got {setting}")
    return count


def start_pool(workers: int, profile_path: str | None) -> WorkerPool:
    """Spawned, not forked: a fork of a process running an event loop and open files
    is not safe. Workers start importing the cleaner at once, while robots.txt and the
    first pages are fetched."""
    return WorkerPool(
        workers,
        task="crawler.clean_worker:process_page",
        setup="crawler.clean_worker:start_worker",
        setup_args=(profile_path,),
    )


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
        _prestarted[2].shutdown()
        _prestarted = None


def _adopt_or_start(workers: int, profile_path: str | None) -> WorkerPool:
    global _prestarted
    if _prestarted is not None and _prestarted[:2] == (workers, profile_path):
        pool, _prestarted = _prestarted[2], None
        return pool
    discard_prestarted()
    return start_pool(workers, profile_path)


def _log_broken(pool: WorkerPool) -> None:
    if pool.closed:
        logger.error("A cleaning worker died before it was ready; pages go uncleaned")
    else:
        logger.error("A cleaning worker died; starting new ones")


class PageWorkers:
    """The crawl's worker pool (crawler/worker_pool.py), with the crawl's settings."""

    def __init__(
        self, workers: int, profile_path: str | None, crawl_id: str, archive_level: int | None
    ) -> None:
        self.workers = workers
        self.profile_path = profile_path
        self.crawl_id = crawl_id
        self.archive_level = archive_level  # None: the archive is off
        self.pool: WorkerPool | None = _adopt_or_start(workers, profile_path)
        self.pool.on_broken = _log_broken

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
            self.pool.shutdown()
            self.pool = None

    async def process(self, item: PageItem) -> ProcessedPage:
        """The worker's links, archive record and record for ``item``.

        Raises BrokenProcessPool when the worker holding the page died (killed, out of
        memory): every page that worker held fails so, and a new worker takes its
        place for the pages still to come.
        """
        pool = self.pool
        if pool is None:
            raise BrokenProcessPool("the page workers are stopped")
        return await pool.submit(
            item.url,
            item.http_status,
            item.headers,
            item.body,
            item.fetched_at,
            item.declared_encoding,
            self.crawl_id,
            self.archive_level,
        )
