"""The work on each fetched page, in worker processes, so it does not hold up the crawl.

Scrapy runs in one thread, and that thread is the crawl's bottleneck. On a machine
with a spare core the spider hands each HTML page to a worker process
(``HEALTHCORPUS_CLEAN_WORKERS``, ``auto`` = the cores but one, at most 4) and goes on
fetching; the worker reads the page's links, builds its WARC record (gzip, digests)
and cleans it, and all three come back together (``ProcessedPage``). The spider
follows the links, the archive pipeline appends the record bytes, the cleaning
pipeline takes the record: the crawl's own process does none of the CPU work.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime

from scrapy.http import Headers, HtmlResponse

from cleaning import CleanResult, clean_html
from cleaning.pipeline import ParsedPage, clean_parsed, parse_html
from cleaning.profiles import Profiles
from cleaning.warc import response_member
from crawler.gctune import tune_gc_for_cleaning
from crawler.links import page_links

MAX_AUTO_WORKERS = 4
PARENT_CHECK_SECONDS = 0.5
_profiles: Profiles | None = None


def worker_count(setting: str | int | None) -> int:
    """``auto`` -> the cores but one (0 on a single core: clean in the crawl's process)."""
    if setting in (None, "", "auto"):
        return max(0, min((os.cpu_count() or 1) - 1, MAX_AUTO_WORKERS))
    count = int(setting)
    if count < 0:
        raise ValueError(f"HEALTHCORPUS_CLEAN_WORKERS must be auto or >= 0, got {setting}")
    return count


def _start_worker(profile_path: str | None) -> None:
    # Ctrl-C goes to the whole process group; the crawl decides how to stop, and its
    # workers must finish the pages they hold rather than die with a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    tune_gc_for_cleaning()
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    use_profiles(profile_path)


def _exit_with_parent(parent: int) -> None:
    """A crawl killed with -9 cannot stop its workers, and they would wait for work
    forever (holding its stdout open, so a cron job's pipe never closes): each
    worker ends itself once its parent is gone."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)


def use_profiles(profile_path: str | None) -> None:
    """Load the site profiles for ``clean_page`` in this process."""
    global _profiles
    _profiles = Profiles.load(profile_path) if profile_path else None


def start_pool(workers: int, profile_path: str | None) -> ProcessPoolExecutor:
    """Spawned, not forked: a fork of a process running an event loop and open files
    is not safe. Workers start importing the cleaner at once, while robots.txt and the
    first pages are fetched."""
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(profile_path,),
    )
    for _ in range(workers):
        pool.submit(_warm_up)
    return pool


def _warm_up() -> None:
    clean_html(b"<html><body><p>warm up</p></body></html>", url="http://localhost/")


def clean_page(
    page: bytes | ParsedPage,
    url: str,
    declared_encoding: str | None,
    fetched_at: datetime,
    http_status: int,
    crawl_id: str,
) -> CleanResult:
    """``cleaning.clean_html`` with the worker's site profiles, of the raw page or of
    the page already parsed (a page worker shares that parse with the link reading)."""
    parsed = page if isinstance(page, ParsedPage) else parse_html(page, declared_encoding)
    return clean_parsed(
        parsed,
        url=url,
        fetched_at=fetched_at,
        http_status=http_status,
        crawl_id=crawl_id,
        profile=_profiles.for_url(url) if _profiles else None,
    )


@dataclass(slots=True)
class ProcessedPage:
    """What a worker made of a fetched page."""

    links: list[str]  # every link of the page, as crawler.links.page_links reads them
    warc_member: bytes | None  # its WARC response record (None: archive off)
    result: CleanResult | None  # its record or skip reason; None when cleaning failed
    error: tuple[str, str, str] | None = None  # (exception type, message, traceback)


def process_page(
    url: str,
    status: int,
    headers: list[tuple[str, str]],
    body: bytes,
    fetched_at: datetime,
    declared_encoding: str | None,
    crawl_id: str,
    archive_level: int | None,
) -> ProcessedPage:
    """Links, WARC record and cleaned record of one page. A cleaner failure is
    returned, not raised: the page's links and archive record still count."""
    response = HtmlResponse(url=url, status=status, headers=_headers(headers), body=body)
    member = None
    if archive_level is not None:
        member = response_member(url, status, None, headers, body, fetched_at, archive_level)
    try:
        parsed = parse_html(body, declared_encoding)
    except Exception as exc:  # a cleaner bug costs this page's record only
        return ProcessedPage(page_links(response), member, None, _failure(exc))
    # One parse for both when the cleaner read the page as Scrapy does (nearly always).
    same_text = parsed.tree is not None and parsed.html == response.text
    links = page_links(response, parsed.tree if same_text else None)
    try:
        result = clean_page(parsed, url, declared_encoding, fetched_at, status, crawl_id)
    except Exception as exc:
        return ProcessedPage(links, member, None, _failure(exc))
    return ProcessedPage(links, member, result)


def _failure(exc: Exception) -> tuple[str, str, str]:
    return type(exc).__name__, str(exc), traceback.format_exc()


def _headers(pairs: list[tuple[str, str]]) -> Headers:
    """The response's headers back from the text pairs the spider keeps (latin-1, as
    Scrapy reads them): the Content-Type decides how the links are decoded."""
    headers = Headers()
    for name, value in pairs:
        headers.appendlist(name.encode("latin-1"), value.encode("latin-1"))
    return headers
