"""A write the machine refuses (a full disk, a quota, a read-only remount) stops the crawl.

Such a fault does not pass by itself page after page: going on would fill the log with
one error per page and fetch pages that cannot be kept. The first one ends the crawl
with one line naming the path; what is published stays readable, the state is never
ahead of the dataset (:mod:`crawler.state`), so once there is space the same command
goes on from there.
"""

from __future__ import annotations

import errno
import logging
import os
from typing import TYPE_CHECKING

from cleaning.dataset.durable import errno_in
from crawler.closing import close_crawl

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

DISK_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS})
CLOSE_REASON = "disk_full"
WRITE_FAILED = "write_failed"  # any other write error (EIO ...)
_STOPPING = "healthcorpus_disk_error"  # set on the crawler once it is stopping


class WritesRefused(OSError):
    """A file of the crawl could not be written: the crawl stops, what is published stays."""

    @classmethod
    def of(cls, exc: BaseException, folder: str | os.PathLike[str]) -> WritesRefused:
        """``exc`` (an OSError, or pyarrow's error for one) as an OSError naming a path."""
        number = exc.errno if isinstance(exc, OSError) and exc.errno else errno_in(str(exc))
        path = getattr(exc, "filename", None) or os.fspath(folder)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return cls(number, reason, path)


def state_write_error(exc: Exception, path: str | os.PathLike[str]) -> OSError:
    """SQLite's refusal ("database or disk is full") as the OSError it stands for."""
    return OSError(errno_in(str(exc)), str(exc), os.fspath(path))


def is_disk_error(exc: BaseException) -> bool:
    """A write the machine refuses, whoever the caller: no retry will get it through."""
    return isinstance(exc, OSError) and exc.errno in DISK_ERRNOS


def stop_for_disk_error(crawler: Crawler, path: str | os.PathLike[str], exc: OSError) -> None:
    """Log one line naming ``path`` and close the spider (once per crawl)."""
    if getattr(crawler, _STOPPING, False):
        return
    setattr(crawler, _STOPPING, True)
    logger.error(
        "Stopping the crawl: cannot write %s: %s. Free space (or make it writable) and "
        "run the same command: it goes on from what is published",
        path,
        exc.strerror or exc,
    )
    close_crawl(crawler, CLOSE_REASON if is_disk_error(exc) else WRITE_FAILED)
