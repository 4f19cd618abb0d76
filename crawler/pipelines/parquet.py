"""Records -> the Parquet dataset (through :class:`crawler.session.CrawlSession`), and
the run manifest.

The session streams row groups into hidden temporary files and publishes them at
checkpoints, so a reader of the folder never sees half a file. The manifest is written
twice: ``running`` when the spider opens (a killed run is then visible), and at the
end with the close reason and the final counts.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import pyarrow.parquet as pq
from scrapy import signals
from scrapy.exceptions import DropItem

from cleaning import Record
from cleaning.dataset.card import update_dataset_card
from cleaning.dataset.dedup import ALIAS, VersionFilter
from cleaning.dataset.manifest import RunManifest, utc_now_iso
from cleaning.dataset.near_dups import NearDupIndex, open_index, save_index
from crawler.disk_errors import WritesRefused, stop_for_disk_error
from crawler.distributed.outage import RedisUnavailable
from crawler.manifest import fill_from_crawl, settings_snapshot
from crawler.session import CrawlSession
from crawler.stats_keys import RECORDS_WRITTEN, count_error, count_skipped

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Spider
    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

logger = logging.getLogger(__name__)


class ParquetDatasetPipeline:
    """Writes the crawl's records through its session; writes the manifest at the end."""

    def __init__(self, crawler: Crawler, session: CrawlSession, command: str) -> None:
        self.crawler = crawler
        self.session = session
        self.out_dir = session.out_dir
        self.manifest = RunManifest(run_id=session.run_id, command=command)
        self.versions: VersionFilter | None = None
        self.near_dups: NearDupIndex | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        command = crawler.settings.get("HEALTHCORPUS_COMMAND") or "crawl"
        pipeline = cls(crawler, CrawlSession.of(crawler), command)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(pipeline.item_error, signal=signals.item_error)
        return pipeline

    def open_spider(self) -> None:
        self.versions = VersionFilter(
            self.out_dir, claim=self.session.claim(), claim_text=self.session.claim_text()
        )
        self.near_dups = self._open_near_dups()
        self.session.after_checkpoint.append(self._save_near_dups)
        self.session.on_write_failed.append(
            lambda exc: stop_for_disk_error(self.crawler, exc.filename, exc)
        )
        self.manifest.settings.update(settings_snapshot(self.crawler.settings, self.crawler.spider))
        # A run killed from here on leaves a "running" manifest, which the next run
        # marks "interrupted" (cleaning.dataset.recovery).
        self.manifest.write(self.out_dir)
        logger.info(
            "Writing the dataset to %s (run %s)", self.out_dir.resolve(), self.session.run_id
        )

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Record):
            return item
        try:
            return self._process_record(item)
        except RedisUnavailable as exc:
            # A worker giving up on Redis (said once, in one line): the page is not
            # settled, so it is fetched again when the crawl resumes.
            self.session.record_lost(item.url)
            raise DropItem(f"redis unavailable: {item.url}", log_level="DEBUG") from exc

    def _process_record(self, item: Record) -> Record:
        assert self.versions is not None
        # "duplicate": two URLs, one canonical URL (tracking parameters, rel=canonical);
        # "unchanged": the dataset already holds this version of the article;
        # "alias": another URL of the site holds this very text.
        if reason := self.versions.reason_to_skip(item):
            count_skipped(self.crawler.stats, reason)
            if reason == ALIAS:
                self.session.record_alias(item.url, self.versions.alias_of)
            self.session.record_settled(item.url)
            self.session.maybe_checkpoint()
            raise DropItem(f"{reason}: {item.url}", log_level="DEBUG")
        assert self.near_dups is not None
        self.near_dups.assign(item)  # its near_dup_of
        try:
            self.session.write_record(item)
        except WritesRefused as exc:  # said in one line; the crawl is stopping
            self.session.record_lost(item.url)
            raise DropItem(f"not written: {item.url}", log_level="DEBUG") from exc
        except Exception as exc:
            self.session.record_lost(item.url)
            reason = f"write/{type(exc).__name__}"
            count_error(self.crawler.stats, reason, source=item.url, detail=f"{reason}: {exc}")
            logger.error("Could not write the record of %s: %s", item.url, exc)
            raise DropItem(f"{reason}: {item.url}", log_level="DEBUG") from exc
        self.crawler.stats.inc_value(RECORDS_WRITTEN)
        self.session.new_version_written(item.url)
        self.session.aliases.article_written(item.url, item.content_hash, self.versions.hash_of)
        self.session.maybe_checkpoint()
        return item

    def _open_near_dups(self) -> NearDupIndex:
        frontier = self.session.frontier
        if frontier is None:
            return open_index(self.out_dir)
        from cleaning.dataset.near_dups.shared import open_shared_index

        prefix = f"{frontier.keys.prefix}near_dups:{frontier.generation}:"
        return open_shared_index(frontier.server, prefix, self.out_dir, self.session.run_id)

    def _save_near_dups(self) -> None:
        """After each checkpoint: the signatures of the records now published."""
        if self.near_dups is None or not self.session.parquet_files:
            return
        parts = [path.name for path in self.session.parquet_files]
        try:
            save_index(self.out_dir, self.session.run_id, self.near_dups.admitted, parts)
        except OSError as exc:  # the parts hold the truth: the next run signs them again
            logger.warning("Could not save the near-duplicate index in %s: %s", self.out_dir, exc)

    def close_spider(self) -> None:
        try:
            self.session.close_files()
        except Exception as exc:
            # Files already published stay (they are complete); the open ones are dropped.
            self.session.abort_files()
            self.manifest.error(f"write/{type(exc).__name__}")
            self.manifest.status = "failed"
            logger.error("Could not finish the dataset in %s: %s", self.out_dir, exc)

    def item_error(self, item: Any, failure: Failure, **_: Any) -> None:
        """An exception in some pipeline: that page is lost, the crawl goes on."""
        url = getattr(item, "url", None)
        if url:
            self.session.record_lost(url)
        count_error(self.crawler.stats, f"item/{type(failure.value).__name__}", source=url)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        manifest = self.manifest
        fill_from_crawl(
            manifest,
            stats=self.crawler.stats.get_stats(),
            settings=self.crawler.settings,
            spider=spider,
            close_reason=reason,
        )
        session = self.session
        manifest.files = [path.name for path in session.parquet_files]
        manifest.archive_files = [path.name for path in session.warc_files]
        # Counted from the files' footers: what a reader will actually find.
        manifest.records_written = sum(
            pq.read_metadata(path).num_rows for path in session.parquet_files
        )
        if session.recovery.runs_marked_interrupted:
            manifest.settings["recovered_runs"] = session.recovery.runs_marked_interrupted
        manifest.finished_at = utc_now_iso()
        session.final_manifest = manifest
        try:
            path = manifest.write(self.out_dir)
            logger.info("Run manifest written to %s", path.resolve())
            # Once per run and per worker of a shared crawl, after its manifest, under
            # the folder's lock when it has one; a card that fails only logs a warning.
            update_dataset_card(self.out_dir)
        except OSError as exc:  # a full disk: the run's files stay as published
            logger.error("Could not write the run manifest in %s: %s", self.out_dir, exc)
        finally:
            session.end(complete=manifest.status in ("finished", "partial"))
