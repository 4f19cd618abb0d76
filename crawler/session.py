"""Everything a crawl keeps on disk, published together at checkpoints.

A crawl writes three things beside Scrapy: the Parquet dataset, the WARC archive of
the raw pages, and the page state that makes the next run incremental. Kill -9 can
strike at any moment, so they are published together, in an order that keeps them
consistent: at each checkpoint the open WARC segment is published, then the open
Parquet part, and only then the state of the pages they hold is committed. After a
crash the state is never ahead of the data: a page whose record was lost was never
marked as done, so the next run fetches it again in full.

The folder's lock is taken here too, so ``scrapy crawl`` is as safe as the CLI, and
what a killed run left behind (temporary files, a ``running`` manifest) is tidied up
before anything is written.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from twisted.internet.task import LoopingCall

from cleaning.dataset import DatasetWriter
from cleaning.dataset.lock import STATE_DIR, DatasetLock
from cleaning.dataset.manifest import WARC_DIR
from cleaning.dataset.recovery import recover_interrupted_runs
from crawler.runid import run_id_for
from crawler.state import ARTICLE, KnownPage, PageState

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from cleaning.dataset.schema import Record
    from cleaning.dataset.warc import WarcSegmentWriter
    from crawler.distributed.frontier import Frontier
    from crawler.distributed.page_state import RedisPageState
    from crawler.items import PageItem

logger = logging.getLogger(__name__)

_sessions: WeakKeyDictionary[Crawler, CrawlSession] = WeakKeyDictionary()


class CrawlSession:
    """The dataset writer, WARC writer and page state of one crawl."""

    def __init__(
        self,
        out_dir: Path,
        run_id: str,
        *,
        command: str = "crawl",
        incremental: bool = True,
        archive: bool = True,
        checkpoint_records: int = 1000,
        checkpoint_seconds: float = 300.0,
        frontier: Frontier | None = None,
        archive_level: int = 1,
    ) -> None:
        self.out_dir = out_dir
        self.run_id = run_id
        self.incremental = incremental
        self.checkpoint_records = max(1, checkpoint_records)
        self.checkpoint_seconds = checkpoint_seconds
        # A shared frontier (several workers, one folder): no folder lock, the state in
        # Redis, and only dead workers' leftovers are tidied up.
        self.frontier = frontier
        self.lock: DatasetLock | None = None
        self._heartbeat: LoopingCall | None = None
        if frontier is not None:
            # Join before writing anything: other workers tidy up only after runs that
            # joined and whose heartbeat then stopped.
            frontier.join()
            self._heartbeat = LoopingCall(self._beat)
            self._heartbeat.start(frontier.heartbeat_ttl / 3, now=False)
        else:
            self.lock = DatasetLock(out_dir, command=command, run_id=run_id)
            self.lock.acquire()
        try:
            self.recovery = recover_interrupted_runs(
                out_dir, frontier.is_alive if frontier is not None else None
            )
            self.state: PageState | RedisPageState
            if frontier is None:
                self.state = PageState(out_dir / STATE_DIR)
            else:
                from crawler.distributed.page_state import RedisPageState

                self.state = RedisPageState(frontier.server, frontier.keys)
        except BaseException:
            if self.lock is not None:
                self.lock.release()
            raise
        for name in self.recovery.temp_files_removed:
            logger.warning("Removed %s, left by an interrupted run", name)
        # Pages checked since this time were done by runs that did not finish.
        unfinished_since = self.state.begin_run()
        self.resume_since = unfinished_since if incremental else None
        if self.resume_since is not None:
            logger.warning("The last run on %s did not finish: resuming it", out_dir)
        self.writer = DatasetWriter(out_dir, run_id)
        self.warc: WarcSegmentWriter | None = None
        if archive:
            from cleaning.dataset.warc import WarcSegmentWriter

            self.warc = WarcSegmentWriter(out_dir / WARC_DIR, run_id, gzip_level=archive_level)
        # Pages yielded by the spider and not yet through the pipelines.
        self._in_pipeline: set[str] = set()
        # url -> state, for article pages whose record has not reached the writer yet.
        self._awaiting_record: dict[str, KnownPage] = {}
        # Called after each checkpoint, once its pages are committed (shared frontier).
        self.after_checkpoint: list[Callable[[], None]] = []
        # url -> state, to commit at the next checkpoint (its data is in the open files).
        self._pending: dict[str, KnownPage] = {}
        self._records_since_checkpoint = 0
        self._last_checkpoint = time.monotonic()
        self.parquet_files: list[Path] = []
        self.warc_files: list[Path] = []
        self.closed = False
        # Shared frontier: the other workers took this one for dead (it stalled past
        # the heartbeat's time to live) and took over its requests. It must write
        # nothing more, and its crawl stops (callbacks: the scheduler closes it).
        self.declared_dead = False
        self.on_declared_dead: list[Callable[[], None]] = []

    @classmethod
    def of(cls, crawler: Crawler) -> CrawlSession:
        """The session of ``crawler``, opened by whichever component asks first."""
        if crawler not in _sessions:
            settings = crawler.settings
            out = settings.get("HEALTHCORPUS_OUT")
            if not out:  # never guess where a dataset goes
                raise ValueError("HEALTHCORPUS_OUT (the dataset folder) is not set")
            frontier = None
            if name := settings.get("HEALTHCORPUS_FRONTIER"):
                from scrapy_redis import connection

                from crawler.distributed.frontier import Frontier

                server = connection.from_settings(settings)
                frontier = Frontier(
                    server,
                    name,
                    run_id_for(crawler),
                    heartbeat_ttl=settings.getfloat("HEALTHCORPUS_HEARTBEAT_TTL", 15.0),
                )
            _sessions[crawler] = cls(
                Path(out),
                run_id_for(crawler),
                frontier=frontier,
                command=settings.get("HEALTHCORPUS_COMMAND") or "crawl",
                incremental=settings.getbool("HEALTHCORPUS_INCREMENTAL", True),
                archive=settings.getbool("HEALTHCORPUS_ARCHIVE", True),
                archive_level=settings.getint("HEALTHCORPUS_ARCHIVE_GZIP_LEVEL", 1),
                checkpoint_records=settings.getint("HEALTHCORPUS_CHECKPOINT_RECORDS", 1000),
                checkpoint_seconds=settings.getfloat("HEALTHCORPUS_CHECKPOINT_SECONDS", 300.0),
            )
        return _sessions[crawler]

    # --- what the incremental crawl asks -------------------------------------------

    def known(self, url: str) -> KnownPage | None:
        """The page as last committed, or None for a page never fetched in full."""
        return self.state.get(url)

    def done_by_unfinished_run(self, page: KnownPage) -> bool:
        """Checked by a run that was stopped before its end: no need to ask again."""
        return self.resume_since is not None and page.checked_at >= self.resume_since

    def claim(self) -> Callable[[Record], str] | None:
        """How the version filter asks other workers about an article (None: alone)."""
        return self.frontier.claim if self.frontier is not None else None

    def known_article_urls(self) -> list[str]:
        return list(self.state.article_urls())

    # --- what happened to each page ------------------------------------------------

    def page_started(self, url: str) -> None:
        """The spider yielded this page; it is in the pipelines until settled."""
        self._in_pipeline.add(url)

    def in_progress(self, url: str) -> bool:
        """Not yet safely in published files with its state committed."""
        return url in self._in_pipeline or url in self._awaiting_record or url in self._pending

    def archive(self, item: PageItem) -> None:
        if self.warc is None or self.declared_dead:
            return
        if item.warc_member is not None:  # built by a page worker
            self.warc.write_member(item.warc_member)
        else:
            self.warc.write_response(
                item.url, item.http_status, None, item.headers, item.body, item.fetched_at
            )

    @property
    def archive_level(self) -> int | None:
        """The gzip level of the WARC records; None when the archive is off."""
        return self.warc.gzip_level if self.warc is not None else None

    def page_cleaned(self, item: PageItem, outcome: str) -> None:
        """``outcome`` is ``article`` (its record comes next) or the skip reason."""
        page = KnownPage(
            url=item.url,
            etag=item.header("ETag"),
            last_modified=item.header("Last-Modified"),
            outcome=outcome,
            links=tuple(item.links),
            checked_at=time.time(),
        )
        self._in_pipeline.discard(item.url)
        if outcome == ARTICLE:
            self._awaiting_record[item.url] = page
        else:
            self._pending[item.url] = page

    def not_modified(self, page: KnownPage) -> None:
        self._pending[page.url] = page.checked_now()

    def write_record(self, record: Record) -> None:
        if self.declared_dead:  # its page is another worker's now
            return
        self.writer.write(record)
        self._records_since_checkpoint += 1
        self.record_settled(record.url)

    def record_settled(self, url: str) -> None:
        """The page's record is written, or needs no row (unchanged, duplicate)."""
        if (page := self._awaiting_record.pop(url, None)) is not None:
            self._pending[url] = page

    def record_lost(self, url: str) -> None:
        """The record could not be written: the page must be fetched again next run."""
        self._in_pipeline.discard(url)
        self._awaiting_record.pop(url, None)

    # --- checkpoints ---------------------------------------------------------------

    def maybe_checkpoint(self) -> None:
        due = self._records_since_checkpoint >= self.checkpoint_records or (
            time.monotonic() - self._last_checkpoint >= self.checkpoint_seconds
        )
        if due:
            self.checkpoint()

    def checkpoint(self) -> None:
        """Publish the WARC segment, then the Parquet part, then commit their pages."""
        if self.declared_dead:
            return
        if self.warc is not None and (segment := self.warc.rotate()) is not None:
            self.warc_files.append(segment)
        if (part := self.writer.publish()) is not None:
            self.parquet_files.append(part)
        self.state.put_many(self._pending.values())
        self._pending.clear()
        self._records_since_checkpoint = 0
        self._last_checkpoint = time.monotonic()
        for callback in self.after_checkpoint:
            callback()

    def close_files(self) -> None:
        """Final checkpoint. Pages still awaiting a record were never written: they
        stay unknown to the state, so the next run fetches them again."""
        if self.closed:
            return
        self.closed = True
        self.checkpoint()
        self._awaiting_record.clear()
        self._in_pipeline.clear()

    def abort_files(self) -> None:
        """After a write failure: keep what is published, drop the open files."""
        self.closed = True
        self.writer.abort()
        if self.warc is not None:
            self.warc.abort()
        self._pending.clear()
        self._awaiting_record.clear()

    def _beat(self) -> None:
        assert self.frontier is not None
        try:
            alive = self.frontier.heartbeat()
        except Exception as exc:  # a blip of the Redis connection must not kill us
            logger.warning("Heartbeat to Redis failed: %s", exc)
            return
        if not alive and not self.declared_dead:
            self._declared_dead()

    def _declared_dead(self) -> None:
        """Going on would write pages the others have fetched again, and, once they
        have ended the crawl, start it over with an empty duplicate filter."""
        assert self.frontier is not None
        logger.error(
            "The other workers of frontier %r took this one for dead (no heartbeat for "
            "%g s): they have its pages; it stops without writing more",
            self.frontier.keys.name,
            self.frontier.heartbeat_ttl,
        )
        self.abort_files()
        self.declared_dead = True
        for callback in self.on_declared_dead:
            callback()

    def end(self, *, complete: bool) -> None:
        """The run is over; ``complete`` means it reached its end (or its page cap)."""
        if self._heartbeat is not None and self._heartbeat.running:
            self._heartbeat.stop()
        try:
            if complete:
                self.state.end_run()
            self.state.close()
            if self.frontier is not None:
                # Workers that died during the crawl are surely gone now: their
                # requests were handed out again only once their heartbeat expired.
                recover_interrupted_runs(self.out_dir, self.frontier.is_alive)
        finally:
            if self.lock is not None:
                self.lock.release()
