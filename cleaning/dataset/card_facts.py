"""What a dataset card says about a folder, gathered cheaply from its parts and manifests.

The card is rewritten at the end of every run, so gathering must cost little on a large
folder: each part is read one row group at a time, and only the few small columns the
card counts (:data:`CARD_COLUMNS`); ``text``, ``sections`` and the other wide columns are
never decoded. A part that cannot be read is named and left out of the counts, it does
not stop the card (``validate`` is the command that judges a folder).
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from cleaning.dataset.dedup import dataset_files
from cleaning.dataset.manifest import MANIFEST_DIR, RunManifest
from cleaning.dataset.versions import version_of

# The only columns read from the parts: everything the card counts comes from these.
CARD_COLUMNS = ("id", "site", "language", "fetched_at", "extractor_version")
PART_GLOB = "part-*.parquet"  # the names DatasetWriter gives the parts


@dataclass(slots=True)
class PartFacts:
    """Counts over the readable parts of a folder."""

    files: int = 0
    bytes: int = 0
    rows: int = 0
    sites: Counter[str | None] = field(default_factory=Counter)
    languages: Counter[str | None] = field(default_factory=Counter)
    extractor_versions: Counter[str | None] = field(default_factory=Counter)
    schema_versions: Counter[str | None] = field(default_factory=Counter)
    first_fetched: datetime | None = None
    last_fetched: datetime | None = None
    # 64-bit hashes of the ids, one array per part: distinct articles are counted at the
    # end. 8 bytes a row, where a set of id strings would take about 100.
    id_hashes: list[np.ndarray] = field(default_factory=list)
    # Folders (relative, "" for the top) that hold parts: the card's data_files globs.
    part_folders: set[str] = field(default_factory=set)
    unreadable: list[str] = field(default_factory=list)  # "name: why"

    @property
    def distinct_articles(self) -> int:
        """Rows with distinct ids: an article with several versions counts once."""
        if not self.id_hashes:
            return 0
        return int(np.unique(np.concatenate(self.id_hashes)).size)

    @property
    def patterns(self) -> list[str]:
        """Globs that match the parts and nothing else (never ``_runs/``, ``_state/``,
        ``_warc/`` or any other ``_`` folder, which ``**`` would reach)."""
        folders = sorted(self.part_folders) or [""]
        return [f"{folder}/{PART_GLOB}" if folder else PART_GLOB for folder in folders]

    def add(self, other: PartFacts) -> None:
        """Merge the counts of one whole part (added only once it was read to the end)."""
        self.files += other.files
        self.bytes += other.bytes
        self.rows += other.rows
        self.sites.update(other.sites)
        self.languages.update(other.languages)
        self.extractor_versions.update(other.extractor_versions)
        self.schema_versions.update(other.schema_versions)
        self.first_fetched = _earliest(self.first_fetched, other.first_fetched)
        self.last_fetched = _latest(self.last_fetched, other.last_fetched)
        self.id_hashes.extend(other.id_hashes)
        self.part_folders |= other.part_folders


@dataclass(slots=True)
class RunFacts:
    """The folder's run manifests, oldest first, and those that cannot be read."""

    runs: list[RunManifest] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)

    @property
    def commands(self) -> Counter[str]:
        return Counter(run.command for run in self.runs)

    @property
    def first_started(self) -> str | None:
        return min((run.started_at for run in self.runs if run.started_at), default=None)

    @property
    def last_finished(self) -> str | None:
        return max((run.finished_at for run in self.runs if run.finished_at), default=None)


@dataclass(slots=True)
class FolderFacts:
    folder: Path
    parts: PartFacts
    runs: RunFacts
    # The parts and manifests as they were before the facts were read (see snapshot).
    snapshot: frozenset[tuple[str, int, int]] = frozenset()


def gather_facts(out_dir: str | os.PathLike[str]) -> FolderFacts:
    """Everything the card says about ``out_dir`` (an absolute path is kept)."""
    folder = Path(out_dir).resolve()
    taken = snapshot(folder)
    return FolderFacts(folder, part_facts(folder), run_facts(folder), taken)


def snapshot(folder: Path) -> frozenset[tuple[str, int, int]]:
    """(name, size, mtime) of every part and manifest: what the card's facts depend on.

    Workers of a shared crawl end at about the same time and each writes the card; one
    that read the folder before another's last part or manifest may rename its card
    last. A writer that finds the snapshot changed after renaming writes it again, so
    the last card written always saw the last part published."""
    manifests = folder / MANIFEST_DIR
    paths = [*dataset_files(folder), *(manifests.glob("*.json") if manifests.is_dir() else [])]
    found = set()
    for path in paths:
        try:
            stat = path.stat()
        except OSError:  # gone between the listing and the stat (an upgrade renames)
            continue
        found.add((path.relative_to(folder).as_posix(), stat.st_size, stat.st_mtime_ns))
    return frozenset(found)


def part_facts(folder: Path) -> PartFacts:
    facts = PartFacts()
    for path in dataset_files(folder):
        try:
            facts.add(_one_part(folder, path))
        except Exception as exc:  # a damaged part is named on the card, not fatal
            reason = " ".join(str(exc).split())[:200] or type(exc).__name__
            facts.unreadable.append(f"{path.relative_to(folder).as_posix()}: {reason}")
    return facts


def _one_part(folder: Path, path: Path) -> PartFacts:
    one = PartFacts(files=1, bytes=path.stat().st_size)
    where = path.parent.relative_to(folder)
    one.part_folders.add("" if where == Path() else where.as_posix())
    with pq.ParquetFile(path) as parquet:
        one.schema_versions[version_of(parquet.schema_arrow)] += 1
        for index in range(parquet.num_row_groups):
            group = parquet.read_row_group(index, columns=list(CARD_COLUMNS))
            _count_group(one, group)
    return one


def _count_group(facts: PartFacts, group: pa.Table) -> None:
    facts.rows += group.num_rows
    for name, counter in (
        ("site", facts.sites),
        ("language", facts.languages),
        ("extractor_version", facts.extractor_versions),
    ):
        counts = pc.value_counts(group.column(name).combine_chunks())
        for value, count in zip(
            counts.field("values").to_pylist(), counts.field("counts").to_pylist(), strict=True
        ):
            counter[value] += count
    stamps = pc.min_max(group.column("fetched_at"))
    facts.first_fetched = _earliest(facts.first_fetched, stamps["min"].as_py())
    facts.last_fetched = _latest(facts.last_fetched, stamps["max"].as_py())
    # Python's string hash: C speed, and stable within this process, which is all a
    # count of distinct values needs. Collisions in 64 bits: none in practice.
    ids = group.column("id").to_pylist()
    facts.id_hashes.append(np.fromiter(map(hash, ids), dtype=np.int64, count=len(ids)))


def run_facts(folder: Path) -> RunFacts:
    facts = RunFacts()
    manifests = folder / MANIFEST_DIR
    for path in sorted(manifests.glob("*.json")) if manifests.is_dir() else []:
        try:
            facts.runs.append(RunManifest.read(path))
        except (OSError, ValueError, TypeError) as exc:
            facts.unreadable.append(f"{MANIFEST_DIR}/{path.name}: {type(exc).__name__}")
    facts.runs.sort(key=lambda run: (run.started_at or "", run.run_id))
    return facts


def _earliest(a: datetime | None, b: datetime | None) -> datetime | None:
    return b if a is None else a if b is None else min(a, b)


def _latest(a: datetime | None, b: datetime | None) -> datetime | None:
    return b if a is None else a if b is None else max(a, b)
