"""Run the ``articles`` spider in this process and return the run's manifest."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from scrapy.settings import Settings
from twisted.internet.defer import Deferred

from cleaning.dataset.manifest import MANIFEST_DIR, RunManifest, new_run_id
from crawler.state import StateDamaged, StateUnwritable

if TYPE_CHECKING:
    from scrapy.crawler import AsyncCrawlerProcess, CrawlerProcess

SETTINGS_MODULE = "crawler.settings"
SPIDER = "articles"
ASYNCIO_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

logger = logging.getLogger(__name__)


class CrawlDidNotRun(RuntimeError):
    """Scrapy stopped before the crawl wrote its manifest (see the log above)."""


def build_settings(
    *,
    out_dir: Path,
    run_id: str,
    command: str,
    max_pages: int | None,
    log_level: str,
    overrides: dict[str, str],
) -> Settings:
    """Project settings loaded by module name (not via scrapy.cfg, so any working
    directory works), then ``-s`` overrides at Scrapy's ``cmdline`` priority, exactly
    as ``scrapy crawl -s`` applies them, then the command's explicit options."""
    settings = Settings()
    settings.setmodule(SETTINGS_MODULE, priority="project")
    defaults = {
        "HEALTHCORPUS_RUN_ID": run_id,
        "HEALTHCORPUS_COMMAND": command,
        "LOG_LEVEL": log_level,
    }
    settings.setdict(defaults, priority="cmdline")
    settings.setdict(overrides, priority="cmdline")  # -s LOG_LEVEL=DEBUG beats -v
    if max_pages is not None:  # an explicit --max-pages beats -s HEALTHCORPUS_MAX_PAGES
        settings.set("HEALTHCORPUS_MAX_PAGES", max_pages, priority="cmdline")
    # The caller checked this folder and reads the manifest back from it: it is final.
    settings.set("HEALTHCORPUS_OUT", str(out_dir), priority="cmdline")
    return settings


def run_crawl(
    start_urls: list[str],
    *,
    out_dir: Path,
    command: str,
    run_id: str | None = None,
    max_pages: int | None = None,
    log_level: str = "WARNING",
    overrides: dict[str, str] | None = None,
    network_tracebacks: bool = False,
) -> RunManifest:
    """Crawl ``start_urls`` into ``out_dir``; blocks until the crawl ends.

    Twisted's reactor cannot be restarted, so this runs once per process.
    """
    settings = build_settings(
        out_dir=out_dir,
        run_id=run_id or new_run_id(),
        command=command,
        max_pages=max_pages,
        log_level=log_level,
        overrides=overrides or {},
    )
    # The same choice of process class as `scrapy crawl` makes in Scrapy 2.19.
    asyncio_reactor = settings["TWISTED_REACTOR"] == ASYNCIO_REACTOR
    from crawler.page_workers import discard_prestarted

    if asyncio_reactor:  # page workers need asyncio's reactor (see CleanHtmlPipeline)
        _prestart_page_workers(settings)
    try:
        process = _process_for(settings, asyncio_reactor)
        return _run(process, settings, out_dir, start_urls, network_tracebacks)
    finally:
        discard_prestarted()  # not adopted: the crawl never opened its spider


def _process_for(settings: Settings, asyncio_reactor: bool) -> AsyncCrawlerProcess | CrawlerProcess:
    from scrapy.crawler import AsyncCrawlerProcess, CrawlerProcess

    if asyncio_reactor or not settings.getbool("TWISTED_REACTOR_ENABLED"):
        return AsyncCrawlerProcess(settings)
    return CrawlerProcess(settings)


def _prestart_page_workers(settings: Settings) -> None:
    """Page workers started before Scrapy's engine (crawler/page_workers.py)."""
    from crawler.page_workers import prestart, worker_count

    try:
        workers = worker_count(settings.get("HEALTHCORPUS_CLEAN_WORKERS"))
    except ValueError:
        return  # the pipeline reports the bad setting
    prestart(workers, settings.get("HEALTHCORPUS_PROFILE") or None)


def _run(
    process: AsyncCrawlerProcess | CrawlerProcess,
    settings: Settings,
    out_dir: Path,
    start_urls: list[str],
    network_tracebacks: bool,
) -> RunManifest:
    crawler = process.create_crawler(SPIDER)
    if not network_tracebacks:
        from scrapy import signals

        from crawler.logfilter import quiet_network_tracebacks

        # Scrapy replaces its log handler when the crawl starts; filter the final one.
        crawler.signals.connect(quiet_network_tracebacks, signal=signals.spider_opened)
    failures: list[BaseException] = []
    _collect_failure(process.crawl(crawler, start_urls=start_urls), failures)
    process.start()

    from crawler.session import CrawlSession

    session = CrawlSession.existing(crawler)
    if session is not None and session.final_manifest is not None:
        return session.final_manifest  # also when the disk refused to store it
    # Read back from the settings: a `-s HEALTHCORPUS_RUN_ID=...` override wins.
    run_id = settings["HEALTHCORPUS_RUN_ID"]
    manifest_path = out_dir / MANIFEST_DIR / f"{run_id}.json"
    if failures:
        raise CrawlDidNotRun(_one_line(failures[0]))
    if not manifest_path.is_file():
        raise CrawlDidNotRun(f"the crawl stopped before writing {manifest_path}")
    return RunManifest.read(manifest_path)


def _collect_failure(started: object, failures: list[BaseException]) -> None:
    """Keep the exception of a crawl that could not start (its session could not open
    the folder's files ...) for a one-line error, instead of asyncio's traceback."""
    if isinstance(started, asyncio.Future):
        started.add_done_callback(
            lambda task: (
                failures.append(exc)
                if not task.cancelled() and (exc := task.exception()) is not None
                else None
            )
        )
    elif isinstance(started, Deferred):
        started.addErrback(lambda failure: failures.append(failure.value))


def _one_line(exc: BaseException) -> str:
    """What the user is told; a failure that is not the machine's is a bug: its
    traceback goes to the log."""
    if isinstance(exc, (OSError, sqlite3.Error, StateDamaged, StateUnwritable)):
        return f"the crawl could not start: {exc}"
    logger.error("The crawl could not start", exc_info=exc)
    return f"the crawl could not start: {type(exc).__name__}: {exc}"
