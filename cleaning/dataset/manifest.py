"""The run manifest: what one run did, beside the dataset in ``_runs/<run_id>.json``.

Every page that did not become a record is counted under a named reason, so a user
can see from the manifest alone what a crawl or a clean run lost and why.
"""

from __future__ import annotations

import json
import os
import secrets
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cleaning.dataset.durable import publish_file
from cleaning.dataset.schema import SCHEMA_VERSION
from cleaning.version import EXTRACTOR_VERSION

MANIFEST_DIR = "_runs"
WARC_DIR = "_warc"  # the raw archive of a crawl, beside its dataset
MAX_PROBLEMS = 1000  # the manifest lists at most this many failed sources


def new_run_id() -> str:
    """A sortable, unique run id: UTC time plus a random suffix."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


def utc_now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class RunManifest:
    """Counts and provenance of one run; written atomically at the end of the run."""

    run_id: str
    command: str
    started_at: str = field(default_factory=utc_now_iso)
    finished_at: str | None = None
    status: str = "running"
    pages_fetched: int = 0
    # Incremental crawls: known pages answered 304 (included in pages_fetched), and
    # pages not asked again because a stopped run had just checked them.
    pages_not_modified: int = 0
    pages_resumed: int = 0
    # Known pages not asked again because their sitemap <lastmod> said unchanged.
    pages_unchanged_by_lastmod: int = 0
    records_written: int = 0
    files: list[str] = field(default_factory=list)
    # Raw WARC segments of the run, in the dataset's _warc/ folder.
    archive_files: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    # One entry per failed input or page ({"source": ..., "reason": ...}), capped.
    problems: list[dict[str, str]] = field(default_factory=list)
    # Sitemaps and feeds (crawls): per kind, files read, URLs found and in scope, and
    # what was refused by reason; known articles no sitemap lists any more.
    discovery: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    schema_version: str = SCHEMA_VERSION
    extractor_version: str = EXTRACTOR_VERSION

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

    def error(self, reason: str, source: str | None = None, detail: str | None = None) -> None:
        self.errors[reason] += 1
        if source is not None and len(self.problems) < MAX_PROBLEMS:
            self.problems.append({"source": source, "reason": detail or reason})

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["skipped"] = dict(sorted(self.skipped.items()))
        data["errors"] = dict(sorted(self.errors.items()))
        return data

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> RunManifest:
        """A manifest written by :meth:`write`, back into the dataclass."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        fields = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        fields["skipped"] = Counter(fields.get("skipped") or {})
        fields["errors"] = Counter(fields.get("errors") or {})
        fields["problems"] = list(fields.get("problems") or [])
        return cls(**fields)

    def write(self, out_dir: str | os.PathLike[str]) -> Path:
        """Write ``_runs/<run_id>.json`` under a temporary name, then rename it."""
        folder = Path(out_dir) / MANIFEST_DIR
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{self.run_id}.json"
        tmp = folder / f".{self.run_id}.json.tmp"
        # A file name that is not valid UTF-8 (a legacy Latin-1 name) must not stop the
        # manifest: its undecodable bytes are written as \udcXX escapes.
        text = json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"
        tmp.write_text(text, encoding="utf-8", errors="backslashreplace")
        return publish_file(tmp, path)
