"""The raw archive: fetched pages as WARC files, written during a crawl, read offline.

A crawl keeps every fetched page unchanged in ``DIR/_warc/<run>-<n>.warc.gz`` so a
better cleaner can re-process it later without fetching anything again
(``healthcorpus clean DIR/_warc/*.warc.gz``). The reader also takes WARC files from
other tools (wget ``--warc-file``, warcio capture), compressed or not.

Segments are written under a hidden temporary name and published whole (see
:mod:`cleaning.dataset.durable`), like the Parquet parts, so a reader or a glob never sees half
a segment; the folder walk of the offline cleaner skips the hidden names.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import http
import io
import os
import uuid
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from isal import isal_zlib
from w3lib.encoding import http_content_type_encoding
from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import iso_date_to_datetime
from warcio.warcwriter import WARCWriter

from cleaning.dataset.durable import publish_file
from cleaning.version import EXTRACTOR_VERSION

SUFFIX = ".warc.gz"
DEFAULT_MAX_SEGMENT_BYTES = 1 << 30  # 1 GiB: large enough to be few, small enough to move
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# The stored body is the decoded one, so these would describe bytes that are not there.
_DROPPED_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})
_READ_BLOCK = 1 << 16
# Measured on the shared/bench pages, a whole record written: level 9 (warcio's own)
# 2.5 ms a page, 6 2.0 ms for 0.5% more bytes than 9, 1 0.95 ms for 19% more. The
# archive is written on the crawl's hot path, in the crawl's own process, where a
# millisecond a page is a tenth of its speed: 1 by default, the writer takes a level.
DEFAULT_GZIP_LEVEL = 1


class WarcError(Exception):
    """A WARC file that ends or breaks in the middle: the records before it are good."""

    def __init__(self, path: str | os.PathLike[str], records: int, reason: str) -> None:
        self.path = str(path)
        self.records = records
        self.reason = reason
        super().__init__(f"{path}: {self.detail}")

    @property
    def detail(self) -> str:
        """The message without the file name (for lines that name the file already)."""
        return f"truncated or corrupt WARC after {self.records} records: {self.reason}"


def _warc_date(moment: datetime) -> str:
    """ISO 8601 UTC with microseconds when there are any (WARC/1.1 allows them);
    a naive datetime is taken as UTC. warcio's own helper mangles tz-aware values."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.replace(tzinfo=None).isoformat() + "Z"


def _parse_warc_date(value: str | None) -> datetime | None:
    """WARC-Date as a tz-aware UTC datetime; None when missing or unreadable."""
    if not value:
        return None
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text.removesuffix("Z") + "+00:00")
    except ValueError:
        try:  # truncated forms some tools write (``2013-12-26T10:11Z``)
            moment = iso_date_to_datetime(text, tz_aware=True)
        except (ValueError, TypeError):
            return None
    return moment.astimezone(UTC)


class WarcSegmentWriter:
    """HTTP responses into gzip WARC/1.1 segments ``folder/<prefix>-<n:05d>.warc.gz``.

    Each segment is written as ``folder/.<name>.tmp`` and published (fsync, rename)
    only by :meth:`rotate` or :meth:`close`, so what is visible is always complete.
    A write that fails (a full disk) is cut back off the segment before the error is
    raised, so the segment stays readable and the next write can still succeed.
    """

    def __init__(
        self,
        folder: str | os.PathLike[str],
        prefix: str,
        *,
        max_segment_bytes: int = DEFAULT_MAX_SEGMENT_BYTES,
        warcinfo: bool = True,
        gzip_level: int = DEFAULT_GZIP_LEVEL,
    ) -> None:
        if not 1 <= gzip_level <= 9:
            raise ValueError(f"gzip level must be 1..9, got {gzip_level}")
        self.gzip_level = gzip_level
        self.folder = Path(folder)
        self.prefix = prefix
        self.max_segment_bytes = max_segment_bytes
        self.warcinfo = warcinfo
        self.files_written: list[Path] = []
        self.records_written = 0  # response records, all segments
        self._next_index = 0
        self._fh: BinaryIO | None = None
        self._writer: WARCWriter | None = None
        self._tmp: Path | None = None
        self._final: Path | None = None

    # --- state -------------------------------------------------------------------

    @property
    def bytes_in_segment(self) -> int:
        """Compressed bytes in the open segment (0 when none is open)."""
        return self._fh.tell() if self._fh is not None else 0

    @property
    def open_segment(self) -> Path | None:
        """The hidden temp file being written, if any."""
        return self._tmp

    # --- writing -----------------------------------------------------------------

    def write_response(
        self,
        url: str,
        status: int,
        reason: str | None,
        headers: list[tuple[str, str]],
        body: bytes,
        fetched_at: datetime,
    ) -> None:
        """Append one ``response`` record; ``body`` is the decoded body (no gzip, no
        chunks), so the stored HTTP headers say so (Content-Length = len(body))."""
        self.write_member(
            response_member(url, status, reason, headers, body, fetched_at, self.gzip_level)
        )

    def write_member(self, member: bytes) -> None:
        """Append one ``response`` record made by :func:`response_member` (in another
        process, say: the crawl's cleaning workers build them)."""
        fh, _writer = self._open()
        start = fh.tell()
        try:
            fh.write(member)
        except BaseException:
            with contextlib.suppress(OSError):
                fh.seek(start)
                fh.truncate()
            raise
        self.records_written += 1
        if self.bytes_in_segment >= self.max_segment_bytes:
            self.rotate()

    def rotate(self) -> Path | None:
        """Publish the open segment (None if there is none); the next write opens
        the next segment."""
        if self._fh is None or self._tmp is None or self._final is None:
            return None
        fh, tmp, final = self._fh, self._tmp, self._final
        self._fh = self._writer = self._tmp = self._final = None
        try:
            fh.flush()
        finally:
            fh.close()
        publish_file(tmp, final)
        self.files_written.append(final)
        return final

    def close(self) -> list[Path]:
        """Publish the open segment; all segments published by this writer."""
        self.rotate()
        return list(self.files_written)

    def abort(self) -> None:
        """Drop the open segment (its temp file); published segments stay."""
        fh, tmp = self._fh, self._tmp
        self._fh = self._writer = self._tmp = self._final = None
        if fh is not None:
            with contextlib.suppress(OSError):
                fh.close()
        if tmp is not None:
            tmp.unlink(missing_ok=True)

    def __enter__(self) -> WarcSegmentWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    # --- internals ---------------------------------------------------------------

    def _open(self) -> tuple[BinaryIO, WARCWriter]:
        if self._fh is not None and self._writer is not None:
            return self._fh, self._writer
        self.folder.mkdir(parents=True, exist_ok=True)
        while True:  # never overwrite a segment already there (a resumed run)
            name = f"{self.prefix}-{self._next_index:05d}{SUFFIX}"
            self._next_index += 1
            final = self.folder / name
            if not final.exists():
                break
        tmp = self.folder / f".{name}.tmp"
        fh: BinaryIO = open(tmp, "wb")  # noqa: SIM115 - held open across writes
        writer = WARCWriter(fh, gzip=True, warc_version="1.1")
        self._fh, self._writer, self._tmp, self._final = fh, writer, tmp, final
        if self.warcinfo:
            info = writer.create_warcinfo_record(
                name,
                {
                    "software": f"healthcorpus {EXTRACTOR_VERSION}",
                    "format": "WARC File Format 1.1",
                    "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
                },
            )
            try:
                self._append(fh, writer, info)
            except BaseException:
                self.abort()
                raise
        return fh, writer

    def _append(self, fh: BinaryIO, writer: WARCWriter, record: ArcWarcRecord) -> None:
        """A record made by warcio (the warcinfo), serialised then written as a member."""
        del writer  # it made the record; the bytes are written here
        plain = io.BytesIO()
        WARCWriter(plain, gzip=False, warc_version="1.1").write_record(record)
        fh.write(_gzip_member(self.gzip_level, plain.getvalue()))


def response_member(
    url: str,
    status: int,
    reason: str | None,
    headers: list[tuple[str, str]],
    body: bytes,
    fetched_at: datetime,
    gzip_level: int = DEFAULT_GZIP_LEVEL,
) -> bytes:
    """One ``response`` record as the gzip member a segment holds: what
    :meth:`WarcSegmentWriter.write_response` appends, made anywhere."""
    http_block = _http_headers(status, reason, headers, len(body)).to_bytes()
    head = _response_head(url, fetched_at, http_block, body)
    return _gzip_member(gzip_level, head, body, b"\r\n\r\n")


def _gzip_member(level: int, *pieces: bytes) -> bytes:
    """One gzip member of ``pieces`` at ``level`` (warcio's own writer always uses 9),
    compressed piece by piece so that a body is never copied whole.

    Level 1, the crawl's default, is ISA-L's level 1 (python-isal): four times as
    fast as zlib's on HTML (0.15 against 0.6 ms for 100 KB) and a little smaller.
    Any gzip reader reads either.
    """
    if level == 1:
        compressor = isal_zlib.compressobj(1, isal_zlib.DEFLATED, isal_zlib.MAX_WBITS | 16)
    else:
        compressor = zlib.compressobj(level, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    member = [compressor.compress(piece) for piece in pieces]
    member.append(compressor.flush())
    return b"".join(member)


def _response_head(url: str, fetched_at: datetime, http_block: bytes, body: bytes) -> bytes:
    """The WARC headers of a ``response`` record and its HTTP header block.

    Written here rather than by warcio's record builder, which copies the body through
    a spooled temporary file and reads it twice for the digests: a third of the
    archive's cost on the crawl's hot path. The fields and digests are the ones warcio
    writes (and checks, with ``check_digests``)."""
    payload = hashlib.sha1(body)
    block = hashlib.sha1(http_block)
    block.update(body)
    fields = (
        ("WARC-Type", "response"),
        ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid4()}>"),
        ("WARC-Date", _warc_date(fetched_at)),
        ("WARC-Target-URI", url),
        ("WARC-Payload-Digest", "sha1:" + base64.b32encode(payload.digest()).decode()),
        ("WARC-Block-Digest", "sha1:" + base64.b32encode(block.digest()).decode()),
        ("Content-Type", "application/http; msgtype=response"),
        ("Content-Length", str(len(http_block) + len(body))),
    )
    head = "WARC/1.1\r\n" + "".join(f"{name}: {value}\r\n" for name, value in fields)
    return (head + "\r\n").encode("utf-8") + http_block


def _http_headers(
    status: int, reason: str | None, headers: list[tuple[str, str]], length: int
) -> StatusAndHeaders:
    if reason is None:
        try:
            reason = http.HTTPStatus(status).phrase
        except ValueError:
            reason = ""
    kept = []
    for name, value in headers:
        name_s = name.decode("latin-1") if isinstance(name, bytes) else str(name)
        value_s = value.decode("latin-1") if isinstance(value, bytes) else str(value)
        if name_s.lower() not in _DROPPED_HEADERS:
            kept.append((name_s, value_s))
    kept.append(("Content-Length", str(length)))
    return StatusAndHeaders(f"{status} {reason}".rstrip(), kept, protocol="HTTP/1.1")


# --- reading -------------------------------------------------------------------------


@dataclass(slots=True)
class WarcPage:
    """One HTML response from a WARC file, with what ``clean_html`` needs."""

    url: str
    body: bytes
    declared_encoding: str | None
    http_status: int
    fetched_at: datetime | None
    # The HTTP headers as archived: the validators (ETag, Last-Modified) from which
    # ``healthcorpus repair`` rebuilds a crawl state; not part of the page's identity.
    headers: list[tuple[str, str]] = field(default_factory=list, compare=False)


def _is_html(content_type: str | None) -> bool:
    mime = (content_type or "").split(";", 1)[0].strip().lower()
    return not mime or mime in HTML_TYPES


def _status_of(http_headers: StatusAndHeaders) -> int | None:
    code = (http_headers.get_statuscode() or "").strip()[:3]
    return int(code) if code.isdigit() else None


def _drain(stream: BinaryIO) -> None:
    while stream.read(_READ_BLOCK):
        pass


def iter_warc_pages(path: str | os.PathLike[str]) -> Iterator[WarcPage]:
    """The HTML ``response`` records of a WARC file (gzip or not), bodies decoded
    (de-chunked, decompressed). Other records are skipped.

    Records are read one at a time, so a file of any size takes little memory. A file
    that ends or breaks in the middle yields the complete records before the damage,
    then raises :class:`WarcError`. So does a record not followed by its blank lines
    (a wrong Content-Length), which warcio would only print a warning about on stderr.
    """
    complete = 0
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        archive = ArchiveIterator(fh)
        records = iter(archive)
        end = 0  # where the last complete record (with its blank lines) ends
        while True:
            try:
                with contextlib.redirect_stderr(io.StringIO()):  # warcio's warnings
                    page = _next_page(archive, records, size, end, complete)
                if page is None:
                    return
                end = archive.offset
            except Exception as exc:  # any parse error of warcio, zlib, gzip
                raise WarcError(path, complete, _describe(exc)) from exc
            complete += 1
            if page is not _NOT_A_PAGE:
                yield page


# A whole record that is not an HTML response (warcinfo, request, an image ...).
_NOT_A_PAGE = WarcPage("", b"", None, 0, None)


def _next_page(
    archive: ArchiveIterator, records: Iterator[ArcWarcRecord], size: int, end: int, complete: int
) -> WarcPage | None:
    """The next whole record's page (``_NOT_A_PAGE`` for other records), None at a clean
    end of the file; raises EOFError for a record cut short or not followed by its
    blank lines."""
    record = next(records, None)
    if record is None:
        # warcio ends quietly at a record cut inside its headers; what is left after
        # the last whole record tells that from a clean end.
        if end != size:
            raise EOFError(f"{size - end} bytes after the last complete record")
        return None
    declared = record.rec_headers.get_header("Content-Length") or ""
    if record.format.startswith("warc") and not declared.strip().isdigit():
        # headers cut short: warcio reads them as a record with no body
        raise EOFError(f"record {complete + 1} has no Content-Length")
    page = _read_page(record)
    # A record cut in its body reads as a short record: what is left of its declared
    # length tells it apart from a whole one.
    _drain(record.raw_stream)
    left = getattr(record.raw_stream, "limit", 0)
    if left:
        raise EOFError(f"record {complete + 1} ends {left} bytes early")
    errors = archive.err_count
    archive.read_to_end()
    if archive.err_count != errors:
        raise EOFError(
            f"record {complete + 1} is not followed by a blank line (wrong Content-Length?)"
        )
    return _NOT_A_PAGE if page is None else page


def _describe(exc: Exception) -> str:
    text = str(exc).strip()
    first = text.splitlines()[0] if text else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def _read_page(record: ArcWarcRecord) -> WarcPage | None:
    """The page of a response record, or None for any other record."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    http_headers = record.http_headers
    content_type = http_headers.get_header("Content-Type")
    status = _status_of(http_headers)
    if not _is_html(content_type) or status is None:
        return None
    body = record.content_stream().read()
    rec_headers = record.rec_headers
    return WarcPage(
        url=rec_headers.get_header("WARC-Target-URI") or "",
        body=body,
        declared_encoding=http_content_type_encoding(content_type) if content_type else None,
        http_status=status,
        fetched_at=_parse_warc_date(rec_headers.get_header("WARC-Date")),
        headers=list(http_headers.headers),
    )


def looks_like_warc(path: str | os.PathLike[str], head: bytes) -> bool:
    """A WARC file by its name (``.warc``, ``.warc.gz``) or by its first bytes
    (``WARC/1.``, plain or in a gzip member)."""
    name = Path(path).name.lower()
    if name.endswith((".warc", SUFFIX)):
        return True
    if head.startswith(b"WARC/1."):
        return True
    if head.startswith(b"\x1f\x8b"):
        try:
            start = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return False
        return start.startswith(b"WARC/1.")
    return False
