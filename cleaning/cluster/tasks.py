"""What runs on the Dask workers: the probe, a task's cleaning (stage), its publishing.

Every function here is called by the client (:mod:`cleaning.cluster.client`) through
Dask, on a worker that sees the output folder and the inputs at the client's paths (a
shared filesystem). Each writes only files named after its run and task, under a
hidden temporary name first, so that a rerun (the worker died) overwrites the same
file with the same rows, and a reader never sees half a file.
"""

from __future__ import annotations

import gc
import json
import os
import secrets
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from cleaning.dataset.durable import publish_file
from cleaning.dataset.lock import LOCK_NAME, STATE_DIR
from cleaning.dataset.recovery import STAGED_DIR
from cleaning.dataset.schema import ARROW_SCHEMA, Record
from cleaning.dataset.writer import DEFAULT_ROWS_PER_FILE, DEFAULT_ROWS_PER_GROUP, part_writer
from cleaning.offline import FileOutcome, _run_task, _Task

# The clean command's collector setting (crawler/gctune.py), for a worker that cleans.
CLEANING_GC_THRESHOLD = 50_000
# Topic of the scheduler's event log where each task says it started (a task started
# twice was retried: its worker died).
EVENT_TOPIC = "healthcorpus-clean-{run_id}"

# A signature of a record's text, computed where the record is (the near-duplicate
# index's, for one); it travels in the summary.
Signature = Callable[[Record], Any]


@dataclass(slots=True)
class RecordKey:
    """What the client needs of a record to decide on it, in place of the record
    (:class:`cleaning.dataset.dedup.VersionFilter` reads these fields; the
    near-duplicate index reads ``crawl_id`` and ``signature`` and sets
    ``near_dup_of``, which the publish task writes)."""

    id: str
    content_hash: str
    site: str | None
    url: str
    crawl_id: str
    text_blank: bool
    row: int  # the record's row in its task's staged file
    signature: Any = None
    near_dup_of: str | None = None

    @property
    def text(self) -> str:
        """Not the text: only whether it is blank travels (the alias check asks no more)."""
        return "" if self.text_blank else "\x00"


@dataclass(slots=True)
class StageResult:
    """One task's outcomes in input order, records replaced by :class:`RecordKey`."""

    index: int
    outcomes: list[FileOutcome]
    rows: int  # rows in the staged file (0: no staged file)
    worker: str


def staged_path(out_dir: str | os.PathLike[str], run_id: str, index: int) -> Path:
    return Path(out_dir) / STATE_DIR / STAGED_DIR / f"{run_id}-{index:05d}.parquet"


def part_name(run_id: str, index: int, n: int) -> str:
    """Task ``index``'s ``n``-th part: sorted by name, the parts are in input order."""
    return f"part-{run_id}-{index:05d}-{n:05d}.parquet"


def probe(out_dir: str, token: str, inputs: Sequence[str]) -> dict[str, str | None]:
    """Run on every worker: does it see the output folder (the very one: the client's
    ``token`` file is in it) and every input, at the client's paths?"""
    found: dict[str, str | None] = {"worker": _worker_name(), "missing": None, "reason": None}
    checks = [(out_dir, "the output folder"), (os.path.join(out_dir, token), "")]
    checks += [(path, "") for path in inputs]
    for path, what in checks:
        try:
            os.stat(path)
        except OSError as exc:
            if path.endswith(token):
                found["missing"] = out_dir
                found["reason"] = "another folder of that name (not a shared filesystem)"
            else:
                found["missing"] = path
                found["reason"] = f"{what or 'input'}: {exc.strerror or exc}"
            return found
    if not os.access(out_dir, os.W_OK):
        found["missing"] = out_dir
        found["reason"] = "the output folder is not writable"
    return found


def stage_task(
    task: _Task, out_dir: str, index: int, signature: Signature | None = None
) -> StageResult:
    """Clean one task's files; write its records to the staged file (whole, or not at
    all); return the outcomes with each record replaced by its :class:`RecordKey`."""
    gc.set_threshold(CLEANING_GC_THRESHOLD, *gc.get_threshold()[1:])
    run_id = task[3]
    _say_started(run_id, "stage", index)
    final = staged_path(out_dir, run_id, index)
    final.parent.mkdir(parents=True, exist_ok=True)
    # Per attempt: a rerun elsewhere never writes into a file that another has open.
    tmp = final.with_name(f".{final.name}.{secrets.token_hex(4)}.tmp")
    writer: pq.ParquetWriter | None = None
    buffer: list[dict[str, Any]] = []
    outcomes: list[FileOutcome] = []
    rows = 0
    try:
        for outcome in _run_task(task):
            record = outcome.record
            if record is not None:
                outcome.record = RecordKey(  # type: ignore[assignment]
                    record.id,
                    record.content_hash,
                    record.site,
                    record.url,
                    record.crawl_id,
                    not record.text.strip(),
                    rows,
                    signature(record) if signature is not None else None,
                )
                buffer.append(record.to_row())
                rows += 1
                if len(buffer) >= DEFAULT_ROWS_PER_GROUP:
                    writer = _write_rows(writer, tmp, buffer)
            outcomes.append(outcome)
        if buffer:
            writer = _write_rows(writer, tmp, buffer)
        if writer is not None:
            writer.close()
            writer = None
            _check_live(out_dir, run_id)
            # No fsync: a staged file does not outlive its run (recovery removes it).
            os.replace(tmp, final)
    finally:
        if writer is not None:
            writer.close()
        tmp.unlink(missing_ok=True)
    return StageResult(index, outcomes, rows, _worker_name())


def publish_task(
    out_dir: str,
    run_id: str,
    index: int,
    keep: list[int],
    overrides: dict[str, list[Any]] | None = None,
    *,
    rows_per_file: int = DEFAULT_ROWS_PER_FILE,
) -> tuple[list[str], str]:
    """Publish the rows ``keep`` (in that order) of task ``index``'s staged file as its
    parts, then delete the staged file; returns the part names and the worker.

    ``overrides`` sets columns of the kept rows (column -> one value per kept row), such
    as values the client decided. Idempotent: once the staged file is gone the parts
    are published, and a second call returns their names and writes nothing.
    """
    root = Path(out_dir)
    _say_started(run_id, "publish", index)
    staged = staged_path(root, run_id, index)
    try:
        _check_live(out_dir, run_id)
    except RunGone:
        staged.unlink(missing_ok=True)
        raise
    if not staged.exists():
        done = sorted(root.glob(f"part-{run_id}-{index:05d}-*.parquet"))
        if done or not keep:
            return [p.name for p in done], _worker_name()
        raise FileNotFoundError(f"{staged}: the staged records of task {index} are missing")
    names: list[str] = []
    if keep:
        table = pq.read_table(staged).replace_schema_metadata(ARROW_SCHEMA.metadata)
        table = _with_columns(table.take(pa.array(keep, pa.int64())), overrides or {})
        attempt = secrets.token_hex(4)
        written: list[tuple[Path, Path]] = []
        for n, start in enumerate(range(0, table.num_rows, rows_per_file)):
            name = part_name(run_id, index, n)
            tmp = root / f".{name}.{attempt}.tmp"
            writer = part_writer(tmp, ARROW_SCHEMA)
            try:
                writer.write_table(
                    table.slice(start, rows_per_file), row_group_size=DEFAULT_ROWS_PER_GROUP
                )
            finally:
                writer.close()
            written.append((tmp, root / name))
            names.append(name)
        for tmp, final in written:  # all written before any is published
            publish_file(tmp, final)
    staged.unlink(missing_ok=True)
    return names, _worker_name()


class RunGone(RuntimeError):
    """The task's run no longer holds the folder's lock: its client died or stopped."""


def _check_live(out_dir: str | os.PathLike[str], run_id: str) -> None:
    """Raise :class:`RunGone` unless ``run_id`` holds the folder's lock (the lock file
    names its holder): a task that outlives its client (killed; Dask finishes a task
    that is running) must not write into the folder once another run may be reading
    it. The check and the rename are not atomic: a window of milliseconds remains."""
    try:
        owner = json.loads((Path(out_dir) / STATE_DIR / LOCK_NAME).read_text() or "{}")
    except (OSError, ValueError):
        owner = {}
    if not isinstance(owner, dict) or owner.get("run_id") != run_id:
        raise RunGone(f"run {run_id} no longer holds {out_dir}'s lock; nothing written")


def _write_rows(
    writer: pq.ParquetWriter | None, tmp: Path, buffer: list[dict[str, Any]]
) -> pq.ParquetWriter:
    if writer is None:
        writer = part_writer(tmp, ARROW_SCHEMA)
    writer.write_table(pa.Table.from_pylist(buffer, schema=ARROW_SCHEMA))
    buffer.clear()
    return writer


def _with_columns(table: pa.Table, overrides: dict[str, list[Any]]) -> pa.Table:
    for column, values in overrides.items():
        at = table.schema.get_field_index(column)
        if at < 0:
            raise KeyError(f"{column}: not a column of the dataset's schema")
        if len(values) != table.num_rows:
            raise ValueError(f"{column}: {len(values)} values for {table.num_rows} rows")
        field = table.schema.field(at)
        table = table.set_column(at, field, pa.array(values, type=field.type))
    return table


def _worker_name() -> str:
    """The Dask worker's address; host and pid outside a worker."""
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):
        return f"{socket.gethostname()}:{os.getpid()}"


def _say_started(run_id: str, phase: str, index: int) -> None:
    """Log the start of a task on the scheduler, where the client counts reruns."""
    try:
        from distributed import get_worker

        worker = get_worker()
    except (ImportError, ValueError):
        return
    event = {"phase": phase, "task": index, "worker": worker.address}
    worker.log_event(EVENT_TOPIC.format(run_id=run_id), event)
