"""Cleaning saved files into a dataset, without crawling.

``healthcorpus clean`` calls :func:`clean_paths`. Inputs are files or folders (walked
recursively); each file is cleaned as HTML or as a plain-text dump, or is a WARC file
(a crawl's raw archive, or one from another tool) whose HTML responses are each cleaned
as a page, with their real URL, HTTP charset, status and fetch time. A file that cannot
be cleaned (binary, unreadable, a WARC cut short) is reported in one line and counted
in the manifest under a named reason (:data:`ERROR_KINDS`); the others are still
cleaned. An empty page file is skipped as ``empty``, like an empty page from a crawl:
it held nothing that could be lost. ``jobs > 1`` cleans in worker processes in ordered
tasks, so the dataset is the same as with one job.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cleaning.dataset import DatasetWriter
from cleaning.dataset.dedup import VersionFilter
from cleaning.dataset.lock import DatasetLock
from cleaning.dataset.manifest import RunManifest, new_run_id, utc_now_iso
from cleaning.dataset.near_dups import open_index, record_signature, save_index
from cleaning.dataset.recovery import INTERRUPTED, recover_interrupted_runs
from cleaning.dataset.schema import Record
from cleaning.dataset.upgrade import upgrade_before_writing
from cleaning.dataset.warc import WarcError, WarcPage, iter_warc_pages, looks_like_warc
from cleaning.extractor.pipeline import clean_html, clean_text
from cleaning.extractor.profiles import Profiles

FORMATS = ("auto", "html", "text", "warc")
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
MAX_FILE_BYTES = 20 * 1024 * 1024  # far above any article page; bounds memory per file
# (WARC files are read record by record, so no cap applies to them.)
WARC_HEAD_BYTES = 512  # enough to see a WARC version line, even inside a gzip member
# Reasons of the manifest's ``errors`` for files that could not be cleaned.
TRUNCATED_WARC = "truncated_warc"  # a WARC file cut short or corrupt (its pages before count)
UNREADABLE = "unreadable"  # no permission, a dangling link, a FIFO, an I/O error
BINARY_FILE = "binary_file"  # an image or other binary file named or taken as a page
TOO_LARGE = "too_large"  # above MAX_FILE_BYTES
EMPTY_WARC = "empty_warc"  # a zero-byte WARC file: an archive whose write never happened
CLEANER_FAILED = "cleaner_failed"  # a bug of the cleaner on this page
ERROR_KINDS = (TRUNCATED_WARC, UNREADABLE, BINARY_FILE, TOO_LARGE, EMPTY_WARC, CLEANER_FAILED)
MAX_CHUNK = 64  # files per task when cleaning in several processes


class InputError(Exception):
    """A problem with the command's inputs as a whole (a path that does not exist)."""


@dataclass(slots=True)
class FileOutcome:
    """What became of one input file, or of one page of a WARC file (``url`` set):
    a record, a skip reason, or an error.

    ``is_page`` is False for a problem of a WARC file as a whole (it is cut short),
    which is counted as an error but not as a page read.
    """

    path: str
    record: Record | None = None
    skip_reason: str | None = None
    error: str | None = None
    url: str | None = None
    error_kind: str | None = None
    is_page: bool = True

    @property
    def source(self) -> str:
        """The file, and for a WARC page the page's URL: ``<file>#<url>``."""
        return f"{self.path}#{self.url}" if self.url else self.path

    @property
    def kind(self) -> str:
        """The error's reason in the manifest (one of :data:`ERROR_KINDS`)."""
        return self.error_kind or CLEANER_FAILED


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


def is_warc_input(path: Path, fmt: str) -> bool:
    """Whether ``path`` is read as a WARC file: ``--format warc``, or ``auto`` and
    :func:`looks_like_warc` (name or first bytes)."""
    if fmt == "warc":
        return True
    if fmt != "auto":
        return False
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False  # opening a FIFO would block: clean_file reports it
        with open(path, "rb") as fh:
            head = fh.read(WARC_HEAD_BYTES)
    except OSError:
        head = b""  # clean_file reports the unreadable file
    return looks_like_warc(path, head)


def clean_warc_file(
    path: Path, run_id: str, profiles: Profiles | None = None
) -> Iterator[FileOutcome]:
    """One outcome per HTML response of a WARC file, streamed record by record. A
    file cut short gives the pages before the damage, then one file-level error."""
    name = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            yield FileOutcome(name, error=NOT_A_FILE, error_kind=UNREADABLE, is_page=False)
            return
        if info.st_size == 0:
            yield FileOutcome(name, error="empty WARC file", error_kind=EMPTY_WARC, is_page=False)
            return
        for page in iter_warc_pages(path):
            yield _clean_warc_page(name, page, run_id, profiles)
    except WarcError as exc:
        yield FileOutcome(name, error=exc.detail, error_kind=TRUNCATED_WARC, is_page=False)
    except OSError as exc:
        yield FileOutcome(name, error=_cannot_read(exc), error_kind=UNREADABLE, is_page=False)


def _clean_warc_page(
    name: str, page: WarcPage, run_id: str, profiles: Profiles | None
) -> FileOutcome:
    try:
        result = clean_html(
            page.body,
            url=page.url,
            declared_encoding=page.declared_encoding,
            fetched_at=page.fetched_at,
            http_status=page.http_status,
            crawl_id=run_id,
            profile=profiles.for_url(page.url) if profiles else None,
        )
    except Exception as exc:  # a cleaner bug must not stop the other pages
        return FileOutcome(name, url=page.url, error=_failed(exc), error_kind=CLEANER_FAILED)
    return FileOutcome(name, record=result.record, skip_reason=result.skip_reason, url=page.url)


def clean_file(path: Path, fmt: str, run_id: str, profiles: Profiles | None = None) -> FileOutcome:
    """Clean one file; never raises for bad content (the reason goes in the outcome)."""
    name = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return FileOutcome(name, error=NOT_A_FILE, error_kind=UNREADABLE)
        if info.st_size == 0:
            return FileOutcome(name, skip_reason="empty")
        if info.st_size > MAX_FILE_BYTES:
            error = f"file too large ({info.st_size} bytes, limit {MAX_FILE_BYTES})"
            return FileOutcome(name, error=error, error_kind=TOO_LARGE)
        body = path.read_bytes()
    except OSError as exc:
        return FileOutcome(name, error=_cannot_read(exc), error_kind=UNREADABLE)
    if b"\x00" in body[:8192] and not body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return FileOutcome(name, error="binary file, not HTML or text", error_kind=BINARY_FILE)
    kind = detect_format(path, body) if fmt == "auto" else fmt
    if kind is None:
        return FileOutcome(name, skip_reason="not_a_page_file")
    url = path.resolve().as_uri()
    fetched_at = datetime.fromtimestamp(info.st_mtime, tz=UTC)
    try:
        if kind == "html":
            profile = profiles.for_url(url) if profiles else None
            result = clean_html(
                body, url=url, fetched_at=fetched_at, crawl_id=run_id, profile=profile
            )
        else:
            result = clean_text(body, url=url, fetched_at=fetched_at, crawl_id=run_id)
    except Exception as exc:  # a cleaner bug must not stop the other files
        return FileOutcome(name, error=_failed(exc), error_kind=CLEANER_FAILED)
    return FileOutcome(name, record=result.record, skip_reason=result.skip_reason)


NOT_A_FILE = "cannot read: not a regular file"


def _cannot_read(exc: OSError) -> str:
    return f"cannot read: {exc.strerror or exc}"


def _failed(exc: Exception) -> str:
    """One line, however long or multi-line the exception's message is."""
    detail = " ".join(str(exc).split())[:200]
    return f"cleaner failed: {type(exc).__name__}" + (f": {detail}" if detail else "")


# A task: the files to clean (page files), or one WARC file (``is_warc`` True).
_Task = tuple[list[Path], bool, str, str, Profiles | None]


def _run_task(task: _Task) -> Iterator[FileOutcome]:
    paths, is_warc, fmt, run_id, profiles = task
    if is_warc:
        yield from clean_warc_file(paths[0], run_id, profiles)
    else:
        for path in paths:
            yield clean_file(path, fmt, run_id, profiles)


def _clean_task(task: _Task) -> list[FileOutcome]:
    return list(_run_task(task))


def _tasks(
    files: list[Path], fmt: str, run_id: str, jobs: int, profiles: Profiles | None
) -> list[_Task]:
    """Input order kept: runs of page files in chunks, each WARC file a task of its own
    (so several WARC files are spread over the workers)."""
    warc = [is_warc_input(path, fmt) for path in files]
    pages = warc.count(False)
    # About four chunks per worker keeps them all busy to the end without paying the
    # inter-process cost per file.
    size = max(1, min(MAX_CHUNK, pages // (jobs * 4)))
    tasks: list[_Task] = []
    run: list[Path] = []
    for path, is_warc in zip(files, warc, strict=True):
        if is_warc:
            if run:
                tasks.append((run, False, fmt, run_id, profiles))
                run = []
            tasks.append(([path], True, fmt, run_id, profiles))
            continue
        run.append(path)
        if len(run) >= size:
            tasks.append((run, False, fmt, run_id, profiles))
            run = []
    if run:
        tasks.append((run, False, fmt, run_id, profiles))
    return tasks


def _outcomes(
    files: list[Path], fmt: str, run_id: str, jobs: int, profiles: Profiles | None
) -> Iterator[FileOutcome]:
    tasks = _tasks(files, fmt, run_id, jobs, profiles)
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:  # streamed: a WARC file of any size takes little memory
            yield from _run_task(task)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for outcomes in pool.map(_clean_task, tasks):  # map keeps input order
            yield from outcomes


def clean_paths(
    inputs: list[str],
    out_dir: str | os.PathLike[str],
    *,
    fmt: str = "auto",
    jobs: int = 1,
    on_problem: Callable[[str], None] | None = None,
    profile_path: str | None = None,
    on_note: Callable[[str], None] | None = None,
    dask: str | None = None,
) -> RunManifest:
    """Clean files and folders into the dataset at ``out_dir``; returns the run manifest.

    ``on_problem`` receives one line per file (or WARC page) that could not be
    cleaned. Page files have no host, so of a profile file (``profile_path``) only the
    ``"*"`` profile applies to them; pages of WARC files have their real URLs, so the
    profile of their host applies. Parts of an older schema version in ``out_dir`` are
    upgraded first (:mod:`cleaning.dataset.upgrade`); ``on_note`` receives the line
    saying so. ``dask`` (a scheduler address or scheduler file) cleans on a Dask
    cluster instead of local processes (:mod:`cleaning.cluster`), with the same records.
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
    # The cluster is reached, and seen to share the folder and the inputs, before
    # anything is written (ClusterError otherwise).
    cluster = _open_cluster(dask, out_dir, inputs) if dask else nullcontext()
    # One writer per folder (LockHeld if a crawl or another clean holds it); what a
    # killed run left is tidied first, and a "running" manifest marks this one.
    with cluster as session, DatasetLock(out_dir, command="clean", run_id=run_id):
        recovery = recover_interrupted_runs(out_dir)
        if recovery.runs_marked_interrupted:
            manifest.settings["recovered_runs"] = recovery.runs_marked_interrupted
        # v2 rows must not land beside v1 parts (readers take one file's schema).
        upgrade = upgrade_before_writing(out_dir, command="clean", run_id=run_id)
        for line in upgrade.lines():
            if on_note:
                on_note(line)
        manifest.write(out_dir)
        if session is not None:
            session.clean_into(manifest, files, fmt, profiles, on_problem)
        else:
            _clean_into(manifest, files, out_dir, fmt, max(1, jobs), profiles, on_problem)
    return manifest


def _open_cluster(
    scheduler: str, out_dir: str | os.PathLike[str], inputs: list[str]
) -> AbstractContextManager:
    from cleaning.cluster.client import ClusterSession  # imports dask

    return ClusterSession(scheduler, out_dir, inputs, signature=record_signature)


class RunDecisions:
    """What a run does with each outcome, taken in input order: counts it in the
    manifest (a page read, an error, a skip by reason), and says whether its record is
    written (:class:`VersionFilter`: not a duplicate, unchanged or alias).

    The one place these decisions are made, for ``--jobs`` and for ``--dask`` alike
    (:mod:`cleaning.cluster`, where ``outcome.record`` is a
    :class:`cleaning.cluster.tasks.RecordKey`: the fields the filter reads).
    """

    def __init__(
        self,
        manifest: RunManifest,
        out_dir: str | os.PathLike[str],
        on_problem: Callable[[str], None] | None = None,
    ) -> None:
        self.manifest = manifest
        self.out_dir = out_dir
        self.versions = VersionFilter(out_dir)
        self.on_problem = on_problem
        # The folder's near-duplicate clusters, joined by each record written.
        self.near_dups = open_index(out_dir)

    def admit(self, outcome: FileOutcome) -> bool:
        """Count ``outcome``; True when its record is to be written."""
        manifest = self.manifest
        manifest.pages_fetched += outcome.is_page
        if outcome.error:
            manifest.error(outcome.kind, source=outcome.source, detail=outcome.error)
            if self.on_problem:
                self.on_problem(f"{outcome.source}: {outcome.error}")
        elif outcome.record is None:
            manifest.skip(outcome.skip_reason or "not_article")
        elif reason := self.versions.reason_to_skip(outcome.record):
            manifest.skip(reason)
        else:
            record = outcome.record
            if isinstance(record, Record):
                self.near_dups.assign(record)  # sets record.near_dup_of
            else:  # a RecordKey: its signature was computed on the worker
                record.near_dup_of = self.near_dups.admit(
                    record.id, record.crawl_id, record.signature
                )
            return True
        return False

    def save_near_dups(self, parts: list[str]) -> None:
        """Keep this run's signatures beside the dataset (the parts it wrote)."""
        save_index(self.out_dir, self.manifest.run_id, self.near_dups.admitted, parts)


def _clean_into(
    manifest: RunManifest,
    files: list[Path],
    out_dir: str | os.PathLike[str],
    fmt: str,
    jobs: int,
    profiles: Profiles | None,
    on_problem: Callable[[str], None] | None,
) -> None:
    """The cleaning loop; Ctrl-C publishes what is done and marks the run interrupted."""
    decisions = RunDecisions(manifest, out_dir, on_problem)
    writer = DatasetWriter(out_dir, manifest.run_id)
    try:
        for outcome in _outcomes(files, fmt, manifest.run_id, jobs, profiles):
            if decisions.admit(outcome):
                writer.write(outcome.record)
    except KeyboardInterrupt:
        manifest.status = INTERRUPTED
    except BaseException:
        writer.abort()
        manifest.status = "failed"
        manifest.files = [p.name for p in writer.files_written]
        manifest.finished_at = utc_now_iso()
        manifest.write(out_dir)
        raise
    files_written = writer.close()
    manifest.records_written = writer.rows_written
    manifest.files = [p.name for p in files_written]
    decisions.save_near_dups(manifest.files)
    if manifest.status != INTERRUPTED:
        manifest.status = "finished" if not manifest.errors else "partial"
    manifest.finished_at = utc_now_iso()
    manifest.write(out_dir)
