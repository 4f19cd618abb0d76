"""Which schema version each Parquet part of a folder holds, and the schema of each version.

Readers take the schema of one file for a whole folder (pandas drops or keeps the new
columns depending on file order, DuckDB fails with "schema mismatch in glob", Polars
fails), so a folder must hold one version. The version is the file metadata key
``healthcorpus.schema_version``; the columns of a version are those of
:data:`cleaning.dataset.schema.ARROW_SCHEMA` it had (``COLUMNS_BY_VERSION``).
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from cleaning.dataset.dedup import dataset_files
from cleaning.dataset.schema import (
    ARROW_SCHEMA,
    COLUMNS_BY_VERSION,
    KNOWN_SCHEMA_VERSIONS,
    SCHEMA_VERSION,
)

VERSION_KEY = b"healthcorpus.schema_version"
# Set on a part rewritten by ``healthcorpus upgrade``: the version it had (provenance).
UPGRADED_FROM_KEY = b"healthcorpus.upgraded_from"

SCHEMAS: dict[str, pa.Schema] = {
    version: pa.schema(
        [ARROW_SCHEMA.field(name) for name in names], metadata={VERSION_KEY: version.encode()}
    )
    for version, names in COLUMNS_BY_VERSION.items()
}
SCHEMAS[SCHEMA_VERSION] = ARROW_SCHEMA
V1_SCHEMA = SCHEMAS["1"]
assert set(SCHEMAS) == set(KNOWN_SCHEMA_VERSIONS), "a known version without its schema"


def version_of(schema: pa.Schema) -> str | None:
    """The version a file's Arrow schema declares, or None when it declares none."""
    raw = (schema.metadata or {}).get(VERSION_KEY)
    return raw.decode("utf-8", "replace") if raw is not None else None


def schema_difference(schema: pa.Schema, expected: pa.Schema) -> str | None:
    """One line saying how a file's columns differ from ``expected``'s, or None."""
    names = schema.names
    missing = [n for n in expected.names if n not in names]
    if missing:
        return f"schema: missing column(s) {', '.join(missing)}"
    extra = [n for n in names if n not in expected.names]
    if extra:
        return f"schema: unexpected column(s) {', '.join(extra)}"
    for want in expected:
        actual = schema.field(want.name)
        if not actual.type.equals(want.type):
            return f"schema: column {want.name} is {actual.type}, expected {want.type}"
    return None


@dataclass
class FolderVersions:
    """The parts of a folder by the version they declare (None: no version key), and
    those whose footer cannot be read (``path: why``)."""

    by_version: dict[str | None, list[Path]] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)

    def files(self, version: str | None) -> list[Path]:
        return self.by_version.get(version, [])

    @property
    def outdated(self) -> list[Path]:
        """Parts of an older known version: what an upgrade rewrites."""
        return [
            path
            for version in KNOWN_SCHEMA_VERSIONS
            if version != SCHEMA_VERSION
            for path in self.files(version)
        ]

    @property
    def unknown(self) -> dict[str | None, list[Path]]:
        """Parts of a version this code does not know (a newer one, or none at all)."""
        return {v: p for v, p in self.by_version.items() if v not in KNOWN_SCHEMA_VERSIONS}

    def counts(self) -> Counter[str | None]:
        return Counter({version: len(paths) for version, paths in self.by_version.items()})


def folder_versions(out_dir: str | os.PathLike[str]) -> FolderVersions:
    """Read the footer of every visible part (cheap: no data pages are read)."""
    found = FolderVersions()
    for path in dataset_files(out_dir):
        try:
            schema = pq.read_schema(path)
        except Exception as exc:  # a damaged part is validate's to report
            found.unreadable.append(f"{path}: {' '.join(str(exc).split())[:200]}")
            continue
        found.by_version.setdefault(version_of(schema), []).append(path)
    return found


def describe_version(version: str | None) -> str:
    return "no schema version" if version is None else f"schema v{version}"
