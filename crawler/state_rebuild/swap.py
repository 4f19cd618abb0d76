"""Putting a rebuilt state file in place of the crawl's, the old one kept beside it.

The old file is never deleted: it is linked (or copied) to
``pages.sqlite.<label>-<UTC time>`` first, its ``-wal`` and ``-shm`` files are moved
to the same name (a stale write-ahead log beside the new file would be replayed into
it), and only then is the rebuilt file renamed over ``pages.sqlite``, atomically. A
repair killed at any point leaves either the old state in place (run it again) or the
new one: never no state, which would make the next crawl fetch the whole site.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from cleaning.dataset.durable import fsync_dir, publish_file
from crawler.state import STATE_FILE

SIDE_FILES = ("-wal", "-shm")


def replace_state(state_dir: Path, rebuilt: Path, *, label: str) -> Path | None:
    """``rebuilt`` becomes ``state_dir/pages.sqlite``; returns where the old state went
    (None when there was none; its stale ``-wal`` and ``-shm`` are moved aside still)."""
    current = state_dir / STATE_FILE
    aside = _free_name(state_dir, f"{STATE_FILE}.{label}-{_utc_stamp()}")
    kept = None
    if current.exists():
        try:
            os.link(current, aside)
        except OSError:  # a filesystem without hard links
            shutil.copy2(current, aside)
        kept = aside
    for suffix in SIDE_FILES:  # also those of a file moved away by hand: stale
        side = current.with_name(current.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    fsync_dir(state_dir)
    publish_file(rebuilt, current)
    return kept


def _utc_stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def _free_name(folder: Path, name: str) -> Path:
    """``name``, or ``name.2``, ``name.3`` ... if an earlier repair took it this second."""
    path, number = folder / name, 1
    while any(path.with_name(path.name + s).exists() for s in ("", *SIDE_FILES)):
        number += 1
        path = folder / f"{name}.{number}"
    return path
