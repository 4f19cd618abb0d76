"""Cleaning saved files into a dataset, without crawling.

``healthcorpus clean`` calls :func:`clean_paths`. Inputs are files or folders (walked
recursively); each file is cleaned as HTML or as a plain-text dump. A file that cannot
be cleaned (binary, unreadable, empty) is reported in one line and counted in the
manifest; the others are still cleaned. ``jobs > 1`` cleans in worker processes in
ordered chunks, so the dataset is the same as with one job.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cleaning.dataset import DatasetWriter
from cleaning.dedup import VersionFilter
from cleaning.manifest import RunManifest, new_run_id, utc_now_iso
from cleaning.pipeline import clean_html, clean_text
from cleaning.profiles import Profiles
from cleaning.schema import Record

FORMATS = ("auto", "html", "text")
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
MAX_FILE_BYTES = 20 * 1024 * 1024  # far above any article page; bounds memory per file
MAX_CHUNK = 64  # files per task when cleaning in several processes


class InputError(Exception):
    """A problem with the command's inputs as a whole (a path that does not exist)."""


@dataclass(slots=True)
class FileOutcome:
    """What became of one input file: a record, a skip reason, or an error."""

    path: str
    record: Record | None = None
    skip_reason: str | None = None
    error: str | None = None


def iter_input_files(inputs: Iterable[str]) -> Iterator[Path]:
    """Files named by the inputs, folders walked in sorted order (hidden entries skipped)."""
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        elif path.is_file():
            yield path
        else:
            raise InputError(f"{raw}: no such file or directory")


def detect_format(path: Path, head: bytes) -> str | None:
    """``html`` or ``text`` from the file name, else from the first bytes of a file
    without a suffix; None for other files (styles, images, JSON) met in a folder."""
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix:
        return None
    sample = head[:4096].lstrip().lower()
    if sample.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in sample:
        return "html"
    return "text"


def clean_file(path: Path, fmt: str, run_id: str, profiles: Profiles | None = None) -> FileOutcome:
    """Clean one file; never raises for bad content (the reason goes in the outcome)."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size == 0:
            return FileOutcome(name, error="empty file")
        if size > MAX_FILE_BYTES:
            return FileOutcome(name, error=f"file too large ({size} bytes)")
        body = path.read_bytes()
    except OSError as exc:
        return FileOutcome(name, error=f"cannot read: {exc.strerror or exc}")
    if b"\x00" in body[:8192] and not body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return FileOutcome(name, error="binary file, not HTML or text")
    kind = detect_format(path, body) if fmt == "auto" else fmt
    if kind is None:
        return FileOutcome(name, skip_reason="not_a_page_file")
    url = path.resolve().as_uri()
    fetched_at = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    try:
        if kind == "html":
            profile = profiles.for_url(url) if profiles else None
            result = clean_html(
                body, url=url, fetched_at=fetched_at, crawl_id=run_id, profile=profile
            )
        else:
            result = clean_text(body, url=url, fetched_at=fetched_at, crawl_id=run_id)
    except Exception as exc:  # a cleaner bug must not stop the other files
        return FileOutcome(name, error=f"cleaner failed: {type(exc).__name__}: {exc}")
    return FileOutcome(name, record=result.record, skip_reason=result.skip_reason)


def _clean_chunk(args: tuple[list[Path], str, str, Profiles | None]) -> list[FileOutcome]:
    paths, fmt, run_id, profiles = args
    return [clean_file(p, fmt, run_id, profiles) for p in paths]


def _outcomes(
    files: list[Path], fmt: str, run_id: str, jobs: int, profiles: Profiles | None
) -> Iterator[FileOutcome]:
    if jobs <= 1 or len(files) <= 1:
        for path in files:
            yield clean_file(path, fmt, run_id, profiles)
        return
    # About four chunks per worker keeps them all busy to the end without paying the
    # inter-process cost per file.
    size = max(1, min(MAX_CHUNK, len(files) // (jobs * 4)))
    chunks = [(files[i : i + size], fmt, run_id, profiles) for i in range(0, len(files), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for outcomes in pool.map(_clean_chunk, chunks):  # map keeps input order
            yield from outcomes


def clean_paths(
    inputs: list[str],
    out_dir: str | os.PathLike[str],
    *,
    fmt: str = "auto",
    jobs: int = 1,
    on_problem: Callable[[str], None] | None = None,
    profile_path: str | None = None,
) -> RunManifest:
    """Clean files and folders into the dataset at ``out_dir``; returns the run manifest.

    ``on_problem`` receives one line per file that could not be cleaned. Files have no
    host, so of a profile file (``profile_path``) only the ``"*"`` profile applies.
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    profiles = Profiles.load(profile_path) if profile_path else None
    files = list(iter_input_files(inputs))
    if not files:
        raise InputError(f"{' '.join(inputs)}: no files to clean")
    run_id = new_run_id()
    manifest = RunManifest(
        run_id=run_id,
        command="clean",
        settings={
            "inputs": [str(Path(i).resolve()) for i in inputs],
            "format": fmt,
            "jobs": jobs,
            "profile": profile_path,
        },
    )
    versions = VersionFilter(out_dir)
    writer = DatasetWriter(out_dir, run_id)
    try:
        for outcome in _outcomes(files, fmt, run_id, max(1, jobs), profiles):
            manifest.pages_fetched += 1
            if outcome.error:
                kind = outcome.error.split(":")[0].split(" (")[0]
                manifest.error(kind, source=outcome.path, detail=outcome.error)
                if on_problem:
                    on_problem(f"{outcome.path}: {outcome.error}")
            elif outcome.record is None:
                manifest.skip(outcome.skip_reason or "not_article")
            elif reason := versions.reason_to_skip(outcome.record):
                manifest.skip(reason)
            else:
                writer.write(outcome.record)
        files_written = writer.close()
    except BaseException:
        writer.abort()
        manifest.status = "failed"
        manifest.finished_at = utc_now_iso()
        manifest.write(out_dir)
        raise
    manifest.records_written = writer.rows_written
    manifest.files = [p.name for p in files_written]
    manifest.status = "finished" if not manifest.errors else "partial"
    manifest.finished_at = utc_now_iso()
    manifest.write(out_dir)
    return manifest
