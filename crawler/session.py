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

import asyncio
import logging
import sqlite3
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

import pyarrow as pa
from twisted.internet.task import LoopingCall

from cleaning.dataset import DatasetWriter
from cleaning.dataset.lock import STATE_DIR, DatasetLock
from cleaning.dataset.manifest import WARC_DIR
from cleaning.dataset.recovery import recover_interrupted_runs
from cleaning.dataset.upgrade import SHARED_WAIT_SECONDS, upgrade_before_writing
from crawler.aliases import ParamLearner
from crawler.disk_errors import WritesRefused, state_write_error
from crawler.distributed.outage import RedisUnavailable
from crawler.runid import run_id_for
from crawler.scope import host_label
from crawler.state import ALIAS, ARTICLE, STATE_FILE, KnownPage, PageState, StateUnwritable

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from cleaning.dataset.manifest import RunManifest
    from cleaning.dataset.schema import Record
    from cleaning.dataset.warc import WarcSegmentWriter
    from crawler.discovery.sitemaps import SiteListings
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
        alias_evidence: int = 2,
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
        self._last_beat = 0.0  # monotonic time of the last heartbeat Redis answered
        # v2 parts must not land beside v1 ones (readers take one file's schema);
        # `healthcorpus crawl` has done it already, `scrapy crawl` has not. A worker does
        # it before joining: waiting for another one's upgrade must not stop its heartbeat.
        self.upgrade = upgrade_before_writing(
            out_dir,
            command=command,
            run_id=run_id,
            wait_seconds=SHARED_WAIT_SECONDS if frontier is not None else 0.0,
        )
        if frontier is not None:
            # Join before writing anything: other workers tidy up only after runs that
            # joined and whose heartbeat then stopped.
            frontier.join()
            self._last_beat = time.monotonic()
            self._heartbeat = LoopingCall(self._beat)  # started once the setup is done
            if frontier.outage is not None:  # back from a pause: tell the others at once
                frontier.outage.on_recovered.append(lambda _: _call_soon(self._beat))
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
        # Query parameters learned not to change a host's articles (crawler/aliases.py).
        self.aliases = self._param_learner(alias_evidence)
        for name in self.recovery.temp_files_removed:
            logger.warning("Removed %s, left by an interrupted run", name)
        for line in self.upgrade.lines():
            logger.warning("%s", line)
        # Pages checked since this time were done by runs that did not finish.
        try:
            unfinished_since = self.state.begin_run()
        except sqlite3.OperationalError as exc:  # a disk with no room left for it
            self.state.close()
            if self.lock is not None:
                self.lock.release()
            raise StateUnwritable(
                f"{out_dir / STATE_DIR / STATE_FILE}: cannot write the crawl state: {exc}"
            ) from None
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
        # A write the disk refused: the crawl stops (callbacks: the parquet pipeline).
        self.write_failed: WritesRefused | None = None
        self.on_write_failed: list[Callable[[WritesRefused], None]] = []
        # Shared frontier: Redis came back empty (callbacks: the scheduler reseeds it).
        self.on_frontier_lost: list[Callable[[], None]] = []
        # What the crawl's sitemaps and feeds list (set by the spider once read).
        self.listings: SiteListings | None = None
        # The run's manifest as the crawl ended, even if the disk refused to store it.
        self.final_manifest: RunManifest | None = None
        self.listings_known = asyncio.Event()
        self._recheck_seconds = 0.0
        self._lastmod_untrusted: set[str] = set()
        if self._heartbeat is not None and frontier is not None:
            # Beat at once: the setup since joining (recovery, state, files) blocks the
            # reactor, and on a loaded machine it can take a good part of the TTL.
            self._heartbeat.start(frontier.heartbeat_ttl / 3, now=True)

    def _param_learner(self, evidence: int) -> ParamLearner:
        if self.frontier is None:
            return ParamLearner(self.state, evidence)
        from crawler.distributed.alias_gate import SharedAliasGate, SharedPathIndex

        server, keys = self.frontier.server, self.frontier.keys
        return ParamLearner(
            self.state,
            evidence,
            shared=True,
            gate=SharedAliasGate(server, keys),
            paths=SharedPathIndex(server, keys),
        )

    @classmethod
    def existing(cls, crawler: Crawler) -> CrawlSession | None:
        """The session of ``crawler`` if one was opened (not opening one)."""
        return _sessions.get(crawler)

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
                from crawler.distributed.setup import open_frontier

                frontier = open_frontier(crawler, name)
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
                alias_evidence=settings.getint("HEALTHCORPUS_ALIAS_EVIDENCE", 2),
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

    def claim_text(self) -> Callable[[Record], tuple[str, str]] | None:
        """How the version filter asks other workers about a text (None: alone)."""
        return self.frontier.claim_text if self.frontier is not None else None

    def known_article_urls(self) -> list[str]:
        return list(self.state.article_urls())

    # --- what the sitemaps say -----------------------------------------------------

    def listings_read(self, listings: SiteListings, recheck_days: float) -> int:
        """The crawl's sitemaps are read: from now on a known page they date as not
        changed since its last check is not asked again (until ``recheck_days`` after
        that check). Known articles of hosts with a sitemap that it no longer lists
        are marked so in the state; returns how many."""
        self.listings = listings
        self.listings_known.set()
        self._recheck_seconds = recheck_days * 86400.0
        self._lastmod_untrusted = self.state.lastmod_untrusted()
        known = [url for url in self.state.article_urls() if listings.has_sitemap(url)]
        unlisted = [url for url in known if not listings.listed(url)]
        self.state.mark_unlisted(unlisted, (url for url in known if listings.listed(url)))
        return len(unlisted)

    def unchanged_by_lastmod(self, page: KnownPage) -> bool:
        listings = self.listings
        if listings is None:
            return False
        lastmod = listings.lastmod_of(page.url)
        return (
            lastmod is not None
            and lastmod <= page.checked_at
            and time.time() - page.checked_at < self._recheck_seconds
            and host_label(page.url) not in self._lastmod_untrusted
        )

    def new_version_written(self, url: str) -> None:
        """A new version of a page was written. If the sitemap dated the page as not
        changed since our last check, the host's ``<lastmod>`` is wrong: its pages get
        conditional GETs from now on."""
        if self.listings is None or (lastmod := self.listings.lastmod_of(url)) is None:
            return
        page = self.state.get(url)
        host = host_label(url)
        if page is None or lastmod > page.checked_at or host in self._lastmod_untrusted:
            return
        self._lastmod_untrusted.add(host)
        self.state.distrust_lastmod(host)
        logger.warning(
            "%s changed although its sitemap <lastmod> did not move: the sitemap dates of "
            "%s are not trusted from now on (its pages get conditional GETs)",
            url,
            host,
        )

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
            self.aliases.gate.judged(item.url)

    def not_modified(self, page: KnownPage) -> None:
        self._pending[page.url] = page.checked_now()

    def write_record(self, record: Record) -> None:
        if self.declared_dead or self.write_failed is not None:  # another's, or stopping
            return
        try:
            self.writer.write(record)
        except (OSError, pa.ArrowException) as exc:
            raise self._writes_refused(exc) from exc
        self._records_since_checkpoint += 1
        self.record_settled(record.url)

    def record_settled(self, url: str) -> None:
        """The page's record is written, or needs no row (unchanged, duplicate)."""
        if (page := self._awaiting_record.pop(url, None)) is not None:
            self._pending[url] = page
        self.aliases.gate.judged(url)

    def record_alias(self, url: str, held_url: str | None) -> None:
        """The page holds the text of an article held under ``held_url``: no row, and
        the state calls it an ``alias``; its URL teaches the host's parameters."""
        if (page := self._awaiting_record.get(url)) is not None:
            self._awaiting_record[url] = replace(page, outcome=ALIAS)
        if held_url:
            self.aliases.alias_seen(url, held_url)

    def record_lost(self, url: str) -> None:
        """The record could not be written: the page must be fetched again next run."""
        self._in_pipeline.discard(url)
        self._awaiting_record.pop(url, None)
        self.aliases.gate.judged(url)

    # --- checkpoints ---------------------------------------------------------------

    def maybe_checkpoint(self) -> None:
        due = self._records_since_checkpoint >= self.checkpoint_records or (
            time.monotonic() - self._last_checkpoint >= self.checkpoint_seconds
        )
        if due:
            with suppress(WritesRefused):  # the crawl is stopping for it (on_write_failed)
                self.checkpoint()

    def checkpoint(self) -> None:
        """Publish the WARC segment, then the Parquet part, then commit their pages.
        Raises :class:`WritesRefused` when the disk refuses one of them."""
        self._beat_if_overdue()
        if self.declared_dead or self.write_failed is not None:
            return
        try:
            if self.warc is not None and (segment := self.warc.rotate()) is not None:
                self.warc_files.append(segment)
            if (part := self.writer.publish()) is not None:
                self.parquet_files.append(part)
            self._commit_pending()
        except RedisUnavailable:
            # The crawl is closing for it. Its pages are published but not settled:
            # on resuming they are fetched again and found unchanged (no new row).
            self._pending.clear()
            return
        except (OSError, pa.ArrowException) as exc:
            raise self._writes_refused(exc) from exc
        self._pending.clear()
        self._records_since_checkpoint = 0
        self._last_checkpoint = time.monotonic()
        for callback in self.after_checkpoint:
            callback()

    def _commit_pending(self) -> None:
        try:
            self.state.put_many(self._pending.values())
        except sqlite3.OperationalError as exc:  # "database or disk is full" ...
            raise state_write_error(exc, self.out_dir / STATE_DIR / STATE_FILE) from exc

    def _writes_refused(self, exc: BaseException) -> WritesRefused:
        """A file could not be written (a full disk ...): drop the open files and the
        pages they held, so that the state is never ahead of what is published, and
        tell the crawl to stop (``on_write_failed``)."""
        refused = WritesRefused.of(exc, self.out_dir)
        self.write_failed = refused
        self.abort_files()
        for callback in self.on_write_failed:
            callback(refused)
        return refused

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

    def _beat_if_overdue(self) -> None:
        """Beat now when the last beat is older than its interval: a worker that wakes
        from a stall (SIGSTOP, a frozen VM) may run its checkpoint before its heartbeat,
        and must learn that it was taken for dead before it publishes (the others have
        removed its open files and fetched its pages again)."""
        if self.frontier is None or self.frontier.left or self.declared_dead:
            return
        if time.monotonic() - self._last_beat > self.frontier.heartbeat_ttl / 3:
            self._beat()

    def _beat(self) -> None:
        assert self.frontier is not None
        from crawler.distributed.frontier import DECLARED_DEAD, UNKNOWN

        try:
            beat = self.frontier.heartbeat()
        except RedisUnavailable:
            return  # said once already, and the crawl is closing
        except Exception as exc:  # a blip of the Redis connection must not kill us
            logger.warning("Heartbeat to Redis failed: %s", exc)
            return
        self._last_beat = time.monotonic()
        if beat == DECLARED_DEAD and not self.declared_dead:
            self._declared_dead()
        elif beat == UNKNOWN and not self.declared_dead and not self.closed:
            for callback in self.on_frontier_lost:
                callback()

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
                with suppress(RedisUnavailable):
                    recover_interrupted_runs(self.out_dir, self.frontier.is_alive)
        finally:
            if self.lock is not None:
                self.lock.release()


def _call_soon(function: Callable[[], None]) -> None:
    """Run ``function`` once the event loop is free (not inside a Redis command)."""
    from twisted.internet import reactor

    reactor.callLater(0, function)
