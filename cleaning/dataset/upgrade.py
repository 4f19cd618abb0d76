"""Bringing a dataset folder to the current schema: each older part rewritten in place.

Readers take one file's schema for the whole folder (see :mod:`cleaning.dataset.versions`),
so v2 rows must not land beside v1 parts. Before a run writes into a folder, every v1
part is rewritten as v2: read row group by row group (memory stays flat), the new
columns null (timestamps, text) or empty (lists), the same rows in the same order and
the same row groups, written under a hidden temporary name and published over the
original (fsync, rename, fsync of the folder), as the writer publishes its parts. File
names and row counts stay, so the run manifests that list them stay true.

Killed at any moment, an upgrade leaves whole files only, each of one version; the next
upgrade (any crawl or clean, or ``healthcorpus upgrade``) removes the temporary file and
goes on with the parts still old. Upgrades run under the folder's lock.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from cleaning.dataset.durable import publish_file
from cleaning.dataset.lock import DatasetLock
from cleaning.dataset.schema import ARROW_SCHEMA, SCHEMA_VERSION
from cleaning.dataset.versions import (
    SCHEMAS,
    UPGRADED_FROM_KEY,
    FolderVersions,
    describe_version,
    folder_versions,
    schema_difference,
    version_of,
)
from cleaning.dataset.writer import part_writer

# The temporary name of a part being upgraded. Not ``.tmp``: workers sharing a folder
# delete the ``.*.tmp`` files of dead runs (recovery.py) without the lock, and the run
# id in a part's name is that of a run long dead; an upgrade's leftovers are removed
# by the next upgrade, which holds the lock.
UPGRADING_SUFFIX = ".upgrading"
# How long a worker of a shared crawl waits for the folder's lock before it upgrades:
# another worker may be upgrading a large folder (a run alone never waits).
SHARED_WAIT_SECONDS = 600.0


class UpgradeError(Exception):
    """One part cannot be upgraded (damaged, or not the columns its version had)."""


class FolderUpgradeError(Exception):
    """The folder cannot be brought to the current version; nothing may be written."""


class UnknownSchemaVersion(FolderUpgradeError):
    """The folder holds parts of a version this code does not know (a newer one):
    writing into it would mix versions, and upgrading it is not ours to do."""


class UpgradeFailed(FolderUpgradeError):
    """Writing an upgraded part failed (a full disk...): the parts upgraded so far are
    current, the rest still old, every file whole; the next upgrade goes on."""


@dataclass
class UpgradeReport:
    """What an upgrade of one folder did."""

    folder: Path
    upgraded: list[Path] = field(default_factory=list)
    upgraded_from: set[str] = field(default_factory=set)  # the versions they had
    current: int = 0  # parts already at the current version
    # "path: why" of each part left as it is (damaged, drifted columns, unknown version).
    left: list[str] = field(default_factory=list)
    leftovers_removed: list[str] = field(default_factory=list)  # of a killed upgrade

    def summary(self) -> str:
        """One line: how many parts were upgraded, from which version."""
        old = "/".join(f"v{v}" for v in sorted(self.upgraded_from)) or "an older version"
        return (
            f"upgraded {len(self.upgraded)} Parquet file(s) of {self.folder} from schema "
            f"{old} to v{SCHEMA_VERSION} (file names and rows unchanged)"
        )

    def lines(self) -> list[str]:
        """What a run tells its user: the summary when it upgraded, the parts left."""
        return ([self.summary()] if self.upgraded else []) + self.left


def upgrade_dataset(out_dir: str | os.PathLike[str]) -> UpgradeReport:
    """Upgrade every older part of ``out_dir`` in place; the caller holds its lock.

    Parts that cannot be upgraded are left as they are and named in
    :attr:`UpgradeReport.left` (``healthcorpus validate`` says more about them); a
    failed write raises :class:`UpgradeFailed`.
    """
    root = Path(out_dir)
    report = UpgradeReport(root, leftovers_removed=_remove_leftovers(root))
    found = folder_versions(root)
    report.current = len(found.files(SCHEMA_VERSION))
    report.left += [f"{problem} (not upgraded)" for problem in found.unreadable]
    for version, paths in found.unknown.items():
        why = "no healthcorpus.schema_version" if version is None else f"schema v{version}"
        report.left += [f"{path}: {why}, a version unknown here (not upgraded)" for path in paths]
    for path in found.outdated:
        try:
            version = upgrade_part(path)
        except UpgradeError as exc:
            report.left.append(f"{path}: {exc}")
            continue
        except OSError as exc:
            raise UpgradeFailed(
                f"{path}: cannot write its upgrade: {exc.strerror or exc}; "
                f"{len(report.upgraded)} file(s) upgraded so far, every file whole: "
                "run again once fixed"
            ) from exc
        report.upgraded.append(path)
        report.upgraded_from.add(version)
    return report


def upgrade_before_writing(
    out_dir: str | os.PathLike[str], *, command: str, run_id: str, wait_seconds: float = 0.0
) -> UpgradeReport:
    """What a run does before it writes into ``out_dir``: nothing (and no lock) when
    every part is current; otherwise take the folder's lock, re-entered when this
    process holds it already, waited for up to ``wait_seconds`` otherwise (workers of
    a shared crawl, one of which may be upgrading), and upgrade.

    Raises :class:`UnknownSchemaVersion` when a part declares a version this code does
    not know, and ``LockHeld`` when the lock cannot be had.
    """
    root = Path(out_dir)
    found = folder_versions(root)
    refuse_unknown_versions(root, found)
    if not found.outdated and not _leftovers(root):
        return UpgradeReport(root, current=len(found.files(SCHEMA_VERSION)))
    with DatasetLock(root, command=command, run_id=run_id, wait_seconds=wait_seconds):
        return upgrade_dataset(root)


def refuse_unknown_versions(root: Path, found: FolderVersions) -> None:
    """Raise :class:`UnknownSchemaVersion` for parts of a declared version unknown here.

    Parts without any version key are not ours and are left to ``validate``."""
    declared = {v: paths for v, paths in found.unknown.items() if v is not None}
    if declared:
        version, paths = sorted(declared.items())[0]
        raise UnknownSchemaVersion(
            f"{root}: {paths[0].name} and {sum(map(len, declared.values())) - 1} other "
            f"file(s) are schema v{version}, which this healthcorpus does not know (it "
            f"writes v{SCHEMA_VERSION}); use a newer healthcorpus or another folder"
        )


def upgrade_part(path: Path) -> str:
    """Rewrite one older part as the current version, atomically, under its own name;
    returns the version it had."""
    tmp = path.with_name(f".{path.name}{UPGRADING_SUFFIX}")
    try:
        with pq.ParquetFile(path) as parquet:
            version = version_of(parquet.schema_arrow)
            if version is None or version not in SCHEMAS or version == SCHEMA_VERSION:
                raise UpgradeError(f"{describe_version(version)}: nothing to upgrade from")
            difference = schema_difference(parquet.schema_arrow, SCHEMAS[version])
            if difference:
                raise UpgradeError(f"says schema v{version}, but {difference}")
            metadata = {**(ARROW_SCHEMA.metadata or {}), UPGRADED_FROM_KEY: version.encode()}
            schema = ARROW_SCHEMA.with_metadata(metadata)
            writer = part_writer(tmp, schema)
            try:
                for group in range(parquet.metadata.num_row_groups):
                    table = _read_group(parquet, group, path)
                    writer.write_table(
                        to_current(table, schema), row_group_size=max(1, table.num_rows)
                    )
            finally:
                writer.close()
        publish_file(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # the part itself is untouched until the rename
        raise
    return version


def to_current(table: pa.Table, schema: pa.Schema = ARROW_SCHEMA) -> pa.Table:
    """An older table with the current columns: the missing ones null, or empty lists."""
    rows = table.num_rows
    columns = []
    for target in schema:
        if target.name in table.column_names:
            columns.append(table.column(target.name).cast(target.type))
        elif pa.types.is_list(target.type):
            columns.append(pa.array([[]] * rows, target.type))
        else:
            columns.append(pa.nulls(rows, target.type))
    return pa.Table.from_arrays(columns, schema=schema)


def _read_group(parquet: pq.ParquetFile, group: int, path: Path) -> pa.Table:
    try:
        return parquet.read_row_group(group)
    except Exception as exc:  # damaged data: the part stays as it is, validate names it
        detail = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise UpgradeError(f"damaged data in row group {group} ({detail})") from exc


def _leftovers(root: Path) -> list[Path]:
    return sorted(root.rglob(f".*{UPGRADING_SUFFIX}")) if root.is_dir() else []


def _remove_leftovers(root: Path) -> list[str]:
    """Temporary files of a killed upgrade (their parts are still old: redone next)."""
    removed = []
    for tmp in _leftovers(root):
        tmp.unlink(missing_ok=True)
        removed.append(str(tmp.relative_to(root)))
    return removed
