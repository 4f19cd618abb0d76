"""Show how a crawl is going: a live status line on a terminal, log lines otherwise.

A crawl of a large site runs for hours; on a terminal the user wants to see it move,
and a cron job's log wants a line now and then that says how far it got, not a
carriage-return animation. ``HEALTHCORPUS_PROGRESS`` chooses: ``auto`` (a status line
if stderr is a terminal, else log lines), ``tty``, ``log`` or ``off``.

The numbers are the crawl's own counters (the ones the run manifest is built from),
so what the line says is what the summary will say.
"""

from __future__ import annotations

import logging
import sys
import time
from datetime import timedelta
from typing import TYPE_CHECKING, TextIO

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

from crawler.stats_keys import (
    ERRORS_PREFIX,
    PAGES_FETCHED,
    PAGES_NOT_MODIFIED,
    RECORDS_WRITTEN,
    SKIPPED_PREFIX,
    counts_with_prefix,
)

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

MODES = ("auto", "tty", "log", "off")
TTY_INTERVAL = 1.0
CLEAR_LINE = "\r\x1b[K"


def progress_line(stats: StatsCollector, elapsed: float) -> str:
    """``120 pages (56 not modified), 64 records, 3 skipped, 0 errors, 12.0 pages/s, 0:00:10``."""
    values = stats.get_stats()
    pages = int(values.get(PAGES_FETCHED, 0))
    not_modified = int(values.get(PAGES_NOT_MODIFIED, 0))
    records = int(values.get(RECORDS_WRITTEN, 0))
    skipped = sum(counts_with_prefix(values, SKIPPED_PREFIX).values())
    skipped += int(values.get("robotstxt/forbidden", 0))
    errors = sum(counts_with_prefix(values, ERRORS_PREFIX).values())
    rate = pages / elapsed if elapsed > 0 else 0.0
    pages_text = f"{pages} pages"
    if not_modified:
        pages_text += f" ({not_modified} not modified)"
    return (
        f"{pages_text}, {records} records, {skipped} skipped, {errors} errors, "
        f"{rate:.1f} pages/s, {timedelta(seconds=int(elapsed))}"
    )


class _ClearStatusLine(logging.Filter):
    """Wipe the status line before a log message is printed under it; the next tick
    draws it again below the message."""

    def __init__(self, progress: Progress) -> None:
        super().__init__()
        self.progress = progress

    def filter(self, record: logging.LogRecord) -> bool:
        self.progress.clear()
        return True


class Progress:
    def __init__(self, crawler: Crawler, mode: str, interval: float, stream: TextIO) -> None:
        self.stats = crawler.stats
        self.mode = mode
        self.interval = interval
        self.stream = stream
        self.started = time.monotonic()
        self.shown = False  # a status line is on screen (tty mode)
        self.task = None
        self.log_filter = _ClearStatusLine(self)
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        mode = str(crawler.settings.get("HEALTHCORPUS_PROGRESS") or "off").lower()
        if mode not in MODES:
            raise NotConfigured(f"HEALTHCORPUS_PROGRESS must be one of {', '.join(MODES)}")
        stream = sys.stderr
        if mode == "auto":
            mode = "tty" if stream.isatty() else "log"
        if mode == "off":
            raise NotConfigured
        interval = (
            TTY_INTERVAL
            if mode == "tty"
            else crawler.settings.getfloat("HEALTHCORPUS_PROGRESS_INTERVAL")
        )
        if interval <= 0:
            raise NotConfigured
        return cls(crawler, mode, interval, stream)

    def spider_opened(self, **_: object) -> None:
        self.started = time.monotonic()
        if self.mode == "tty":
            for handler in logging.getLogger().handlers:
                handler.addFilter(self.log_filter)
        self.task = create_looping_call(self.tick)
        # The first log line comes after one interval, not at once with zero counts.
        self.task.start(self.interval, now=self.mode == "tty")

    def tick(self) -> None:
        line = progress_line(self.stats, time.monotonic() - self.started)
        if self.mode == "tty":
            self.stream.write(f"{CLEAR_LINE}healthcorpus: {line}")
            self.shown = True
        else:
            self.stream.write(f"healthcorpus: progress: {line}\n")
        self.stream.flush()

    def clear(self) -> None:
        if self.shown:
            self.stream.write(CLEAR_LINE)
            self.stream.flush()
            self.shown = False

    def spider_closed(self, **_: object) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
        if self.mode == "tty":
            # Leave the final counts on screen, ended by a newline for the summary.
            self.tick()
            self.stream.write("\n")
            self.stream.flush()
            self.shown = False
            for handler in logging.getLogger().handlers:
                handler.removeFilter(self.log_filter)
