"""Writing the Parquet dataset: streaming row groups, atomic files.

Rows are buffered and flushed as row groups, so memory stays flat however long the
crawl. Each file is written under a hidden temporary name (``.part-...tmp``) that no
reader picks up, and renamed into place only once its footer is written: a reader
never sees half a file, and a killed run leaves no corrupt visible file.
"""

from __future__ import annotations

import errno
import os
from contextlib import suppress
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from cleaning.dataset.durable import errno_in, publish_file
from cleaning.dataset.schema import ARROW_SCHEMA, Record

DEFAULT_ROWS_PER_GROUP = 1_000
DEFAULT_ROWS_PER_FILE = 100_000


def part_writer(path: Path, schema: pa.Schema) -> pq.ParquetWriter:
    """How every part is encoded (zstd, dictionaries): new parts and upgraded ones alike."""
    return pq.ParquetWriter(path, schema, compression="zstd", use_dictionary=True)


class DatasetWriter:
    """Appends records to a dataset folder as ``part-<run>-<n>.parquet`` files.

    File names carry the run id and a counter owned by this writer, so two runs
    (or two workers) never write the same name.
    """

    def __init__(
        self,
        out_dir: str | os.PathLike[str],
        run_id: str,
        *,
        rows_per_group: int = DEFAULT_ROWS_PER_GROUP,
        rows_per_file: int = DEFAULT_ROWS_PER_FILE,
    ) -> None:
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.run_id = run_id
        self.rows_per_group = rows_per_group
        self.rows_per_file = rows_per_file
        self.rows_written = 0
        self.files_written: list[Path] = []
        self._buffer: list[Record] = []
        self._writer: pq.ParquetWriter | None = None
        self._tmp_path: Path | None = None
        self._final_path: Path | None = None
        self._rows_in_file = 0
        self._file_index = 0

    def write(self, record: Record) -> None:
        """Queue one record; a row group is flushed when the buffer is full."""
        self._buffer.append(record)
        if len(self._buffer) >= self.rows_per_group:
            self._flush()

    def publish(self) -> Path | None:
        """Flush and publish the open file now (a checkpoint); returns it, if any.

        The next record starts a new file. A crawl calls this every few minutes, so a
        killed crawl loses at most the records since its last checkpoint.
        """
        self._flush()
        published = self._publish()
        return published

    def close(self) -> list[Path]:
        """Flush what is buffered and publish the open file. Returns all files written."""
        self._flush()
        self._publish()
        return self.files_written

    def abort(self) -> None:
        """Drop the open temporary file (already published files stay)."""
        self._buffer.clear()
        self._discard_open_file()

    def _refused(self, exc: Exception) -> OSError:
        """Drop the open file; the error as an OSError naming it (pyarrow's do not)."""
        path = self._tmp_path
        self._discard_open_file()
        if isinstance(exc, OSError) and exc.filename:
            return exc
        return OSError(errno_in(str(exc)), str(exc), str(path))

    def _discard_open_file(self) -> None:
        writer, self._writer = self._writer, None
        if writer is not None:
            with suppress(OSError, pa.ArrowException):  # a full disk fails the footer too
                writer.close()
        if self._tmp_path is not None:  # another run's recovery may have removed it
            self._tmp_path.unlink(missing_ok=True)
        self._tmp_path = None
        self._rows_in_file = 0

    def __enter__(self) -> DatasetWriter:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def _flush(self) -> None:
        while self._buffer:
            room = self.rows_per_file - self._rows_in_file
            batch, self._buffer = self._buffer[:room], self._buffer[room:]
            table = pa.Table.from_pylist([r.to_row() for r in batch], schema=ARROW_SCHEMA)
            writer = self._open_file()
            try:
                writer.write_table(table)
            except (OSError, pa.ArrowException) as exc:
                raise self._refused(exc) from exc  # half written: never published
            self._rows_in_file += len(batch)
            self.rows_written += len(batch)
            if self._rows_in_file >= self.rows_per_file:
                self._publish()

    def _open_file(self) -> pq.ParquetWriter:
        if self._writer is None:
            name = f"part-{self.run_id}-{self._file_index:05d}.parquet"
            self._file_index += 1
            self._final_path = self.out_dir / name
            self._tmp_path = self.out_dir / f".{name}.tmp"
            self._writer = part_writer(self._tmp_path, ARROW_SCHEMA)
            self._rows_in_file = 0
        return self._writer

    def _publish(self) -> Path | None:
        if self._writer is None:
            return None
        assert self._tmp_path is not None and self._final_path is not None
        try:
            self._writer.close()
            self._writer = None
            _check_whole(self._tmp_path, self._rows_in_file)
        except (OSError, pa.ArrowException) as exc:
            raise self._refused(exc) from exc
        publish_file(self._tmp_path, self._final_path)
        self.files_written.append(self._final_path)
        self._tmp_path = None
        return self._final_path


def _check_whole(path: Path, rows: int) -> None:
    """Raise unless ``path`` reads back as a Parquet file of ``rows`` rows: a write the
    disk refused (ENOSPC) does not always raise where it happened."""
    try:
        found = pq.read_metadata(path).num_rows
    except (OSError, pa.ArrowException) as exc:
        raise OSError(
            errno.EIO, f"the file did not reach the disk whole ({exc})", str(path)
        ) from None
    if found != rows:
        raise OSError(errno.EIO, f"{found} rows reached the disk, not {rows}", str(path))
