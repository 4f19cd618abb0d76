"""Records -> the Parquet dataset (``cleaning.dataset.DatasetWriter``) and the run manifest.

The writer streams row groups into hidden temporary files and renames each when it is
complete, so a reader of the folder never sees half a file. The manifest is written
last, when the spider has closed, with the close reason and the final counts.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow.parquet as pq
from scrapy import signals
from scrapy.exceptions import DropItem

from cleaning import Record
from cleaning.dataset import DatasetWriter
from cleaning.dedup import VersionFilter
from cleaning.manifest import RunManifest, utc_now_iso
from crawler.manifest import fill_from_crawl
from crawler.runid import run_id_for
from crawler.stats_keys import RECORDS_WRITTEN, count_error, count_skipped

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Spider
    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

logger = logging.getLogger(__name__)


class ParquetDatasetPipeline:
    """Owns the dataset writer of one crawl and writes its manifest at the end."""

    def __init__(self, crawler: Crawler, out_dir: Path, run_id: str, command: str) -> None:
        self.crawler = crawler
        self.out_dir = out_dir
        self.run_id = run_id
        self.manifest = RunManifest(run_id=run_id, command=command)
        self.writer: DatasetWriter | None = None
        self.files: list[Path] = []
        self.versions: VersionFilter | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        out = settings.get("HEALTHCORPUS_OUT")
        if not out:  # never guess where a dataset goes
            raise ValueError("HEALTHCORPUS_OUT (the dataset folder) is not set")
        pipeline = cls(
            crawler,
            out_dir=Path(out),
            run_id=run_id_for(crawler),
            command=settings.get("HEALTHCORPUS_COMMAND") or "crawl",
        )
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(pipeline.item_error, signal=signals.item_error)
        return pipeline

    def open_spider(self) -> None:
        self.versions = VersionFilter(self.out_dir)
        self.writer = DatasetWriter(self.out_dir, self.run_id)
        logger.info("Writing the dataset to %s (run %s)", self.out_dir.resolve(), self.run_id)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Record):
            return item
        assert self.writer is not None and self.versions is not None
        # "duplicate": two URLs, one canonical URL (tracking parameters, rel=canonical);
        # "unchanged": the dataset already holds this version of the article.
        if reason := self.versions.reason_to_skip(item):
            count_skipped(self.crawler.stats, reason)
            raise DropItem(f"{reason}: {item.url}", log_level="DEBUG")
        try:
            self.writer.write(item)
        except Exception as exc:
            reason = f"write/{type(exc).__name__}"
            count_error(self.crawler.stats, reason, source=item.url, detail=f"{reason}: {exc}")
            logger.error("Could not write the record of %s: %s", item.url, exc)
            raise DropItem(f"{reason}: {item.url}", log_level="DEBUG") from exc
        self.crawler.stats.inc_value(RECORDS_WRITTEN)
        return item

    def close_spider(self) -> None:
        if self.writer is None:
            return
        try:
            self.files = self.writer.close()
        except Exception as exc:
            # Files already published stay (they are complete); the open one is dropped.
            self.files = list(self.writer.files_written)
            self.writer.abort()
            self.manifest.error(f"write/{type(exc).__name__}")
            self.manifest.status = "failed"
            logger.error("Could not finish the dataset in %s: %s", self.out_dir, exc)

    def item_error(self, item: Any, failure: Failure, **_: Any) -> None:
        """An exception in some pipeline: that page is lost, the crawl goes on."""
        url = getattr(item, "url", None)
        count_error(self.crawler.stats, f"item/{type(failure.value).__name__}", source=url)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.writer is None:  # the dataset folder could not even be opened
            return
        manifest = self.manifest
        fill_from_crawl(
            manifest,
            stats=self.crawler.stats.get_stats(),
            settings=self.crawler.settings,
            spider=spider,
            close_reason=reason,
        )
        manifest.files = [path.name for path in self.files]
        # Counted from the files' footers: what a reader will actually find.
        manifest.records_written = sum(pq.read_metadata(path).num_rows for path in self.files)
        manifest.finished_at = utc_now_iso()
        path = manifest.write(self.out_dir)
        logger.info("Run manifest written to %s", path.resolve())
