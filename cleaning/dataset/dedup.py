"""Which records a run should not write again.

A dataset folder is appended to run after run (`crawl` every night, `clean` of new
files). A record whose id *and* content hash are already in the folder is unchanged
and is skipped; an article whose text changed gets a new row (a new version, newer
``fetched_at``). Within one run, a second record with the same id (two URLs with one
canonical URL) is a duplicate.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq

from cleaning.dataset.schema import Record

logger = logging.getLogger(__name__)


def dataset_files(out_dir: str | os.PathLike[str]) -> list[Path]:
    """The visible Parquet files of a dataset folder (temporary and ``_`` files excluded)."""
    root = Path(out_dir)
    if not root.is_dir():
        return []
    return sorted(
        p
        for p in root.rglob("*.parquet")
        if not any(part.startswith((".", "_")) for part in p.relative_to(root).parts)
    )


def existing_versions(
    out_dir: str | os.PathLike[str], skip: set[Path] | None = None
) -> set[tuple[str, str]]:
    """(id, content_hash) of every row already in the dataset; unreadable files are skipped.

    Files in ``skip`` are not read; every file read is added to it."""
    versions: set[tuple[str, str]] = set()
    for path in dataset_files(out_dir):
        if skip is not None:
            if path in skip:
                continue
            skip.add(path)
        try:
            table = pq.read_table(path, columns=["id", "content_hash"])
        except Exception as exc:  # a damaged file must not stop new work
            logger.warning("%s: cannot read (%s); its rows are not deduplicated", path, exc)
            continue
        versions.update(
            zip(
                table.column("id").to_pylist(),
                table.column("content_hash").to_pylist(),
                strict=True,
            )
        )
    return versions


# What a shared frontier says of an article id (see crawler.distributed): first seen now,
# seen before from the same URL (a page fetched again after a worker died), or from
# another URL (a duplicate).
FIRST, SAME_URL, OTHER_URL = "first", "same_url", "other_url"


class VersionFilter:
    """Says why a record should not be written (``duplicate``, ``unchanged``), or None.

    ``claim`` (workers sharing one folder) asks the other workers about the record's id.
    """

    def __init__(
        self,
        out_dir: str | os.PathLike[str],
        claim: Callable[[Record], str] | None = None,
    ) -> None:
        self._out_dir = out_dir
        self._read: set[Path] = set()
        self._stored = existing_versions(out_dir, self._read)
        self._this_run: set[str] = set()
        self._claim = claim

    def reason_to_skip(self, record: Record) -> str | None:
        if record.id in self._this_run:
            return "duplicate"
        self._this_run.add(record.id)
        if (record.id, record.content_hash) in self._stored:
            return "unchanged"
        if self._claim is None:
            return None
        claim = self._claim(record)
        if claim == OTHER_URL:
            return "duplicate"
        if claim == SAME_URL:
            # A worker that died may have published this page before it could say so:
            # read the files published since we started.
            self._stored |= existing_versions(self._out_dir, self._read)
            if (record.id, record.content_hash) in self._stored:
                return "unchanged"
        return None
