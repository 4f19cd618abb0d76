"""Publishing a finished file: flushed to disk, renamed into place, the rename made durable.

Every file of a dataset folder (Parquet parts, WARC segments, manifests) is written
under a hidden temporary name and published with :func:`publish_file`, so readers and
globs only ever see whole files, and a power cut after publishing cannot undo it.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path


def publish_file(tmp_path: Path, final_path: Path) -> Path:
    """fsync ``tmp_path``, rename it to ``final_path`` atomically, fsync the folder."""
    with open(tmp_path, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp_path, final_path)
    fsync_dir(final_path.parent)
    return final_path


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def errno_in(message: str) -> int:
    """The errno a write error names only in its message (pyarrow's "[errno 28] No
    space left on device", SQLite's "database or disk is full"); EIO when none."""
    lowered = message.lower()
    if "no space left" in lowered or "disk is full" in lowered or "errno 28" in lowered:
        return errno.ENOSPC
    if "read-only" in lowered or "readonly" in lowered:
        return errno.EROFS
    if "quota" in lowered:
        return errno.EDQUOT
    return errno.EIO
