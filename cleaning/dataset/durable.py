"""Publishing a finished file: flushed to disk, renamed into place, the rename made durable.

Every file of a dataset folder (Parquet parts, WARC segments, manifests) is written
under a hidden temporary name and published with :func:`publish_file`, so readers and
globs only ever see whole files, and a power cut after publishing cannot undo it.
"""

from __future__ import annotations

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
