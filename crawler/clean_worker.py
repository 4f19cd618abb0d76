"""Cleaning in worker processes during a crawl, so it does not hold up the downloads.

Scrapy runs in one thread; a page takes a few milliseconds to clean, as long as the
downloader spends on tens of pages. On a machine with a spare core, the crawl hands
each page to a worker process (``HEALTHCORPUS_CLEAN_WORKERS``, ``auto`` = the cores
but one, at most 4) and goes on fetching; the record comes back when it is ready.
This module is what the workers import: the cleaner and nothing of Scrapy.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime

from cleaning import CleanResult, clean_html
from cleaning.profiles import Profiles

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
    body: bytes,
    url: str,
    declared_encoding: str | None,
    fetched_at: datetime,
    http_status: int,
    crawl_id: str,
) -> CleanResult:
    """``cleaning.clean_html`` with the worker's site profiles."""
    return clean_html(
        body,
        url=url,
        declared_encoding=declared_encoding,
        fetched_at=fetched_at,
        http_status=http_status,
        crawl_id=crawl_id,
        profile=_profiles.for_url(url) if _profiles else None,
    )
