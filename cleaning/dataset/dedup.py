"""Which records a run should not write again.

A dataset folder is appended to run after run (`crawl` every night, `clean` of new
files). A record whose id *and* content hash are already in the folder is unchanged
and is skipped; an article whose text changed gets a new row (a new version, newer
``fetched_at``). Within one run, a second record with the same id (two URLs with one
canonical URL) is a duplicate. A record of another id whose text is exactly that of an
article the folder holds on the same site is an alias (``/a/12.html?from=list`` of
``/a/12.html`` with no canonical link, a print view, an ``/amp/`` copy): the first URL
seen keeps the row.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
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


@dataclass(slots=True)
class HeldRows:
    """What the folder holds, as the filter needs it."""

    versions: set[tuple[str, str]] = field(default_factory=set)  # (id, content_hash)
    # (site, content_hash) -> (id, url) of the first row holding that text.
    texts: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    by_url: dict[str, str] = field(default_factory=dict)  # url -> its latest content_hash

    def add(self, record_id: str, content_hash: str, site: str, url: str) -> None:
        self.versions.add((record_id, content_hash))
        self.texts.setdefault((site, content_hash), (record_id, url))
        self.by_url[url] = content_hash


def existing_rows(
    out_dir: str | os.PathLike[str], skip: set[Path] | None = None, into: HeldRows | None = None
) -> HeldRows:
    """Every row already in the dataset; unreadable files are skipped.

    Files in ``skip`` are not read; every file read is added to it."""
    held = into if into is not None else HeldRows()
    for path in dataset_files(out_dir):
        if skip is not None:
            if path in skip:
                continue
            skip.add(path)
        try:
            table = pq.read_table(path, columns=["id", "content_hash", "site", "url"])
        except Exception as exc:  # a damaged file must not stop new work
            logger.warning("%s: cannot read (%s); its rows are not deduplicated", path, exc)
            continue
        columns = [table.column(name).to_pylist() for name in ("id", "content_hash", "site", "url")]
        for row in zip(*columns, strict=True):
            held.add(*row)
    return held


def existing_versions(
    out_dir: str | os.PathLike[str], skip: set[Path] | None = None
) -> set[tuple[str, str]]:
    """(id, content_hash) of every row already in the dataset."""
    return existing_rows(out_dir, skip).versions


# What a shared frontier says of an article id (see crawler.distributed): first seen now,
# seen before from the same URL (a page fetched again after a worker died), or from
# another URL (a duplicate).
FIRST, SAME_URL, OTHER_URL = "first", "same_url", "other_url"


DUPLICATE, UNCHANGED, ALIAS = "duplicate", "unchanged", "alias"


class VersionFilter:
    """Says why a record should not be written (``duplicate``, ``unchanged``,
    ``alias``), or None; after an ``alias``, :attr:`alias_of` is the URL of the row
    that holds the text.

    ``claim`` (workers sharing one folder) asks the other workers about the record's
    id, and ``claim_text`` about its text (the id of the article first written with
    it); both are None for a run alone.
    """

    def __init__(
        self,
        out_dir: str | os.PathLike[str],
        claim: Callable[[Record], str] | None = None,
        claim_text: Callable[[Record], tuple[str, str]] | None = None,
    ) -> None:
        self._out_dir = out_dir
        self._read: set[Path] = set()
        self._held = existing_rows(out_dir, self._read)
        self._this_run: set[str] = set()
        self._claim = claim
        self._claim_text = claim_text
        self.alias_of: str | None = None

    def reason_to_skip(self, record: Record) -> str | None:
        self.alias_of = None
        if record.id in self._this_run:
            return DUPLICATE
        if (record.id, record.content_hash) in self._held.versions:
            self._this_run.add(record.id)
            return UNCHANGED
        if self._is_alias(record):
            return ALIAS
        self._this_run.add(record.id)
        if self._claim is not None:
            claim = self._claim(record)
            if claim == OTHER_URL:
                return DUPLICATE
            if claim == SAME_URL:
                # A worker that died may have published this page before it could say
                # so: read the files published since we started.
                existing_rows(self._out_dir, self._read, self._held)
                if (record.id, record.content_hash) in self._held.versions:
                    return UNCHANGED
        self._held.add(record.id, record.content_hash, record.site, record.url)
        return None

    def hash_of(self, url: str) -> str | None:
        """The content hash of the row held for ``url``, if any."""
        return self._held.by_url.get(url)

    def _is_alias(self, record: Record) -> bool:
        """Another article of the site holds this very text (here, or, with a shared
        frontier, in another worker's files). Local files (no site) are each their own
        document."""
        if not record.site or not record.text.strip():
            return False
        held = self._held.texts.get((record.site, record.content_hash))
        if held is None and self._claim_text is not None:
            held = self._claim_text(record)
        if held is None or held[0] == record.id:
            return False
        self.alias_of = held[1]
        return True
