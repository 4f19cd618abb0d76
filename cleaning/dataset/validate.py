"""``healthcorpus validate DIR``: is this dataset whole, and does it follow schema v1?

Every visible Parquet file is opened and read in full (a truncated or damaged file
fails here, not in a researcher's notebook), its schema compared with
:data:`cleaning.dataset.schema.ARROW_SCHEMA`, its rows checked for empty titles and texts, and
the row counts of each finished run compared with its manifest. Each problem names
the file it is about.
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
from cleaning.dataset.schema import ARROW_SCHEMA, SCHEMA_VERSION

VERSION_KEY = b"healthcorpus.schema_version"
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
    for path in dataset_files(root):
        report.files += 1
        rows = _check_file(path, report, versions, ids)
        if rows is not None:
            rows_by_file[path.name] = rows
            report.records += rows
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
    if leftovers:
        report.notes.append(
            f"{len(leftovers)} temporary file(s) from an interrupted run (ignored by readers): "
            + ", ".join(leftovers[:5])
        )
    return report


def _check_file(
    path: Path, report: Report, versions: Counter[tuple[str, str]], ids: Counter[str]
) -> int | None:
    where = str(path)
    try:
        parquet = pq.ParquetFile(path)
        schema = parquet.schema_arrow
    except Exception as exc:
        report.problems.append(Problem(where, f"not a readable Parquet file ({_short(exc)})"))
        return None
    difference = _schema_difference(schema)
    if difference:
        report.problems.append(Problem(where, difference))
        return None
    version = (schema.metadata or {}).get(VERSION_KEY)
    if version != SCHEMA_VERSION.encode():
        report.problems.append(
            Problem(where, f"schema_version is {version!r}, expected {SCHEMA_VERSION!r}")
        )
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


def _schema_difference(schema: object) -> str | None:
    """One line saying how a file's schema differs from schema v1, or None."""
    names = schema.names  # type: ignore[attr-defined]
    missing = [n for n in ARROW_SCHEMA.names if n not in names]
    if missing:
        return f"schema: missing column(s) {', '.join(missing)}"
    extra = [n for n in names if n not in ARROW_SCHEMA.names]
    if extra:
        return f"schema: unexpected column(s) {', '.join(extra)}"
    for expected in ARROW_SCHEMA:
        actual = schema.field(expected.name)  # type: ignore[attr-defined]
        if not actual.type.equals(expected.type):
            return f"schema: column {expected.name} is {actual.type}, expected {expected.type}"
    return None


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
