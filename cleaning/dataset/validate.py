"""``healthcorpus validate DIR``: is this dataset whole, and of one known schema version?

Every visible Parquet file is opened and read in full (a truncated or damaged file
fails here, not in a researcher's notebook), its schema compared with that of the
version it declares (:data:`cleaning.dataset.versions.SCHEMAS`: v1 or v2), its rows
checked for empty titles and texts, and the row counts of each finished run compared
with its manifest. A folder must hold one version: readers take one file's schema for
the whole folder, so a mix is a problem (``healthcorpus upgrade DIR`` fixes it). An
all-v1 folder is valid, with a note that the upgrade brings it to the current version.
Each problem names the file it is about.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.compute as pc
import pyarrow.parquet as pq

from cleaning.dataset.dedup import dataset_files
from cleaning.dataset.manifest import MANIFEST_DIR, WARC_DIR
from cleaning.dataset.schema import KNOWN_SCHEMA_VERSIONS, SCHEMA_VERSION
from cleaning.dataset.upgrade import UPGRADING_SUFFIX
from cleaning.dataset.versions import SCHEMAS, describe_version, schema_difference, version_of

COMPLETE_STATUSES = ("finished", "partial")
# A stopped or killed run: its manifest lists the files it did publish (the next run
# fills them in for a killed one), so those are checked too.
INTERRUPTED_STATUS = "interrupted"


@dataclass(slots=True)
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class Report:
    """What validation found: problems (the dataset is invalid) and notes (it is not)."""

    files: int = 0
    records: int = 0
    # The one schema version of the folder's files; None when mixed, unknown or empty.
    schema_version: str | None = None
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def validate_dataset(out_dir: str | os.PathLike[str]) -> Report:
    """Check every file and manifest of a dataset folder."""
    root = Path(out_dir)
    report = Report()
    rows_by_file: dict[str, int] = {}
    versions: Counter[tuple[str, str]] = Counter()
    ids: Counter[str] = Counter()
    schema_versions: dict[str | None, list[Path]] = {}
    for path in dataset_files(root):
        report.files += 1
        rows = _check_file(path, report, versions, ids, schema_versions)
        if rows is not None:
            rows_by_file[path.name] = rows
            report.records += rows
    _check_versions(root, schema_versions, report)
    duplicates = sum(n - 1 for n in versions.values() if n > 1)
    if duplicates:
        report.problems.append(
            Problem(str(root), f"{duplicates} duplicate row(s): same id and same content")
        )
    versioned = sum(1 for n in ids.values() if n > 1)
    if versioned:
        report.notes.append(f"{versioned} article(s) have more than one version (changed text)")
    _check_manifests(root, rows_by_file, report)
    leftovers = sorted(p.name for p in root.rglob(".*.tmp"))
    leftovers += sorted(p.name for p in root.rglob(f".*{UPGRADING_SUFFIX}"))
    if leftovers:
        report.notes.append(
            f"{len(leftovers)} temporary file(s) from an interrupted run (ignored by readers): "
            + ", ".join(leftovers[:5])
        )
    return report


def _check_file(
    path: Path,
    report: Report,
    versions: Counter[tuple[str, str]],
    ids: Counter[str],
    schema_versions: dict[str | None, list[Path]],
) -> int | None:
    where = str(path)
    try:
        parquet = pq.ParquetFile(path)
        schema = parquet.schema_arrow
    except Exception as exc:
        report.problems.append(Problem(where, f"not a readable Parquet file ({_short(exc)})"))
        return None
    version = version_of(schema)
    schema_versions.setdefault(version, []).append(path)
    expected = SCHEMAS.get(version) if version is not None else None
    if expected is None:
        known = ", ".join(f"v{v}" for v in KNOWN_SCHEMA_VERSIONS)
        report.problems.append(
            Problem(
                where,
                f"{describe_version(version)}: not a version this healthcorpus knows ({known})",
            )
        )
        return None
    difference = schema_difference(schema, expected)
    if difference:
        report.problems.append(Problem(where, f"{difference} (schema v{version})"))
        return None
    empty_titles = empty_texts = 0
    rows = 0
    try:
        for group in range(parquet.metadata.num_row_groups):
            # Every column is decoded, so a damaged page anywhere in the file shows up.
            table = parquet.read_row_group(group)
            rows += table.num_rows
            empty_titles += _count_empty(table.column("title"))
            empty_texts += _count_empty(table.column("text"))
            pairs = zip(
                table.column("id").to_pylist(),
                table.column("content_hash").to_pylist(),
                strict=True,
            )
            for record_id, digest in pairs:
                versions[(record_id, digest)] += 1
                if versions[(record_id, digest)] == 1:
                    ids[record_id] += 1
    except Exception as exc:
        report.problems.append(Problem(where, f"damaged data ({_short(exc)})"))
        return None
    if empty_titles:
        report.problems.append(Problem(where, f"{empty_titles} record(s) with an empty title"))
    if empty_texts:
        report.problems.append(Problem(where, f"{empty_texts} record(s) with an empty text"))
    return rows


def _check_versions(
    root: Path, schema_versions: dict[str | None, list[Path]], report: Report
) -> None:
    """One version per folder; an older one is valid, with the way to upgrade it."""
    known = {v: paths for v, paths in schema_versions.items() if v in KNOWN_SCHEMA_VERSIONS}
    upgrade = f"`healthcorpus upgrade {root}` brings it to schema v{SCHEMA_VERSION}"
    if len(schema_versions) == 1 and len(known) == 1:
        (report.schema_version,) = known
        if report.schema_version != SCHEMA_VERSION:
            report.notes.append(
                f"schema v{report.schema_version} dataset: {upgrade} "
                "(crawl and clean upgrade it before they write into it)"
            )
        return
    if len(schema_versions) < 2:
        return  # empty, or all of one unknown version: each file is reported already
    mix = ", ".join(
        f"{describe_version(v)}: {len(p)} file(s)"
        for v, p in sorted(schema_versions.items(), key=lambda item: str(item[0]))
    )
    for version, paths in sorted(known.items()):
        if version == SCHEMA_VERSION:
            continue
        for path in paths:
            report.problems.append(
                Problem(
                    str(path),
                    f"schema v{version} in a folder of mixed versions ({mix}); readers "
                    f"take one file's schema: {upgrade}",
                )
            )
    if set(known) <= {SCHEMA_VERSION}:
        report.problems.append(
            Problem(str(root), f"mixed schema versions ({mix}): readers take one file's schema")
        )


def _count_empty(column: object) -> int:
    stripped = pc.utf8_trim_whitespace(column)
    return int(pc.sum(pc.or_kleene(pc.is_null(stripped), pc.equal(stripped, ""))).as_py() or 0)


def _check_manifests(root: Path, rows_by_file: dict[str, int], report: Report) -> None:
    folder = root / MANIFEST_DIR
    manifests = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if not manifests and rows_by_file:
        report.notes.append("no run manifests (_runs/*.json): row counts not cross-checked")
    for path in manifests:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            status, files = data["status"], list(data.get("files") or [])
            expected = int(data["records_written"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            report.problems.append(Problem(str(path), f"unreadable manifest ({_short(exc)})"))
            continue
        if status not in COMPLETE_STATUSES:
            report.notes.append(f"{path.name}: run did not complete (status {status})")
            if status != INTERRUPTED_STATUS:
                continue
        archives = [f"{WARC_DIR}/{name}" for name in data.get("archive_files") or []]
        missing = [name for name in [*files, *archives] if not (root / name).exists()]
        if missing:
            report.problems.append(
                Problem(str(path), f"file(s) of this run are missing: {', '.join(missing)}")
            )
            continue
        if any(name not in rows_by_file for name in files):
            continue  # an unreadable file of this run is already reported
        found = sum(rows_by_file[name] for name in files)
        if found != expected:
            report.problems.append(
                Problem(str(path), f"manifest says {expected} records, its files hold {found}")
            )


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
