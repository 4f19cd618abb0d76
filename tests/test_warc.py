"""The raw WARC archive: written whole by segments, read back (also from other tools),
and cleaned offline by ``healthcorpus clean FILE.warc.gz`` like the crawl it came from."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest
from demo_server_util import load_expected, read_manifests, run_cli
from w3lib.encoding import http_content_type_encoding
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaning.dataset import DatasetWriter
from cleaning.dataset.warc import (
    WarcError,
    WarcPage,
    WarcSegmentWriter,
    iter_warc_pages,
    looks_like_warc,
)
from cleaning.extractor.pipeline import clean_html
from cleaning.offline import FORMATS, clean_paths

REPO = Path(__file__).resolve().parent.parent
DEMO_SITE = REPO / "data" / "demo_site"
HOST = "http://health.example"
T0 = datetime(2025, 3, 14, 9, 26, 53, 589793, tzinfo=UTC)

GB_PAGE = "<html><head><title>腿抽筋</title></head><body><p>腿抽筋怎么办</p></body></html>"
UTF8_PAGE = "<!doctype html><html><body><h1>Ünïcode</h1><p>café</p></body></html>"


def _demo_pages() -> list[tuple[str, bytes]]:
    """(url, bytes) of three demo articles and one page that is not an article."""
    articles, non_articles = load_expected()
    paths = [*sorted(articles)[:3], "/about.html"]
    assert "/about.html" in non_articles
    return [(HOST + p, (DEMO_SITE / p.lstrip("/")).read_bytes()) for p in paths]


def _write_warc(
    folder: Path, prefix: str, pages: list[tuple[str, bytes]], start: datetime = T0
) -> Path:
    """One published segment holding ``pages`` as HTML 200 responses."""
    writer = WarcSegmentWriter(folder, prefix)
    for i, (url, body) in enumerate(pages):
        headers = [("Content-Type", "text/html; charset=utf-8"), ("Server", "test")]
        writer.write_response(url, 200, "OK", headers, body, start + timedelta(seconds=i))
    (path,) = writer.close()
    return path


def _cut_in_last_record(path: Path) -> int:
    """Cut ``path`` half-way into its last record; returns the complete records left."""
    with open(path, "rb") as fh:
        archive = ArchiveIterator(fh)
        offsets = [archive.get_record_offset() for _ in archive]
    data = path.read_bytes()
    last = offsets[-1]
    path.write_bytes(data[: last + (len(data) - last) // 2])
    return len(offsets) - 1


# --- the writer --------------------------------------------------------------------


def test_writer_round_trip(tmp_path: Path) -> None:
    folder = tmp_path / "_warc"
    writer = WarcSegmentWriter(folder, "run1")
    assert not folder.exists()  # created on the first write only
    gb_type = "text/html; charset=gb2312"
    writer.write_response(
        "http://a.example/cn",
        200,
        None,
        [("Content-Type", gb_type), ("Content-Encoding", "gzip"), ("Content-Length", "9")],
        GB_PAGE.encode("gb2312"),
        T0,
    )
    writer.write_response(
        "http://a.example/utf8",
        404,
        "Not Found",
        [("Content-Type", "text/html; charset=UTF-8"), ("Transfer-Encoding", "chunked")],
        UTF8_PAGE.encode("utf-8"),
        T0.replace(microsecond=0) + timedelta(hours=1),
    )
    writer.write_response(
        "http://a.example/logo.png", 200, "OK", [("Content-Type", "image/png")], b"\x89PNG", T0
    )
    assert writer.bytes_in_segment > 0
    assert [p.name for p in folder.iterdir()] == [".run1-00000.warc.gz.tmp"]
    files = writer.close()

    assert files == [folder / "run1-00000.warc.gz"]
    assert sorted(p.name for p in folder.iterdir()) == ["run1-00000.warc.gz"]
    assert list(folder.glob("*.warc.gz")) == files
    pages = list(iter_warc_pages(files[0]))
    assert pages == [
        WarcPage(
            url="http://a.example/cn",
            body=GB_PAGE.encode("gb2312"),
            declared_encoding=http_content_type_encoding(gb_type),
            http_status=200,
            fetched_at=T0,
        ),
        WarcPage(
            url="http://a.example/utf8",
            body=UTF8_PAGE.encode("utf-8"),
            declared_encoding="utf-8",
            http_status=404,
            fetched_at=T0.replace(microsecond=0) + timedelta(hours=1),
        ),
    ]
    assert pages[0].fetched_at is not None and pages[0].fetched_at.tzinfo is not None
    # The stored HTTP headers describe the decoded body that is stored.
    text = gzip.decompress(files[0].read_bytes())
    assert b"Content-Encoding" not in text and b"Transfer-Encoding" not in text
    assert f"Content-Length: {len(GB_PAGE.encode('gb2312'))}\r\n".encode() in text
    assert b"software: healthcorpus " in text  # the warcinfo record
    # Every record is whole and its digests hold, as warcio checks them.
    with files[0].open("rb") as fh:
        records = [
            (record.rec_type, record.rec_headers.get_header("WARC-Target-URI"))
            for record in ArchiveIterator(fh, check_digests="raise")
        ]
    assert records == [
        ("warcinfo", None),
        ("response", "http://a.example/cn"),
        ("response", "http://a.example/utf8"),
        ("response", "http://a.example/logo.png"),
    ]


def test_rotate_and_abort_publish_only_whole_segments(tmp_path: Path) -> None:
    folder = tmp_path / "_warc"
    writer = WarcSegmentWriter(folder, "run2")
    assert writer.rotate() is None  # nothing open, nothing published
    writer.write_response(HOST + "/a", 200, None, [], b"<p>a</p>", T0)
    first = writer.rotate()
    assert first == folder / "run2-00000.warc.gz"
    writer.write_response(HOST + "/b", 200, None, [], b"<p>b</p>", T0)
    # The second segment is open: only the first is visible to a glob or a reader.
    assert list(folder.glob("*.warc.gz")) == [first]
    assert [p.name for p in folder.glob(".*")] == [".run2-00001.warc.gz.tmp"]
    writer.abort()
    assert sorted(p.name for p in folder.iterdir()) == ["run2-00000.warc.gz"]
    assert writer.files_written == [first]
    assert [p.url for p in iter_warc_pages(first)] == [HOST + "/a"]


def test_segments_rotate_by_size(tmp_path: Path) -> None:
    writer = WarcSegmentWriter(tmp_path, "run3", max_segment_bytes=1)
    for name in "abc":
        writer.write_response(f"{HOST}/{name}", 200, None, [], b"<p>x</p>", T0)
    files = writer.close()
    assert [p.name for p in files] == [f"run3-0000{i}.warc.gz" for i in range(3)]
    assert [page.url for f in files for page in iter_warc_pages(f)] == [
        f"{HOST}/{name}" for name in "abc"
    ]


# --- reading WARC files of other tools --------------------------------------------------


def _chunked(data: bytes, size: int = 100) -> bytes:
    parts = [
        b"%x\r\n%s\r\n" % (len(data[i : i + size]), data[i : i + size])
        for i in range(0, len(data), size)
    ]
    return b"".join(parts) + b"0\r\n\r\n"


@pytest.mark.parametrize("compressed", [True, False])
def test_reads_chunked_gzip_bodies_written_by_warcio(tmp_path: Path, compressed: bool) -> None:
    html = ("<html><body>" + "<p>Drink water, rest, and see a doctor.</p>" * 50).encode()
    path = tmp_path / ("other.warc.gz" if compressed else "other.warc")
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=compressed)  # WARC/1.0, warcio's defaults
        request = writer.create_warc_record(
            HOST + "/page",
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders(
                "GET /page HTTP/1.1", [("Host", "health.example")], is_http_request=True
            ),
        )
        writer.write_record(request)
        http_headers = StatusAndHeaders(
            "200 OK",
            [
                ("Content-Type", "text/html; charset=iso-8859-1"),
                ("Transfer-Encoding", "chunked"),
                ("Content-Encoding", "gzip"),
            ],
            protocol="HTTP/1.1",
        )
        response = writer.create_warc_record(
            HOST + "/page",
            "response",
            payload=io.BytesIO(_chunked(gzip.compress(html))),
            http_headers=http_headers,
        )
        writer.write_record(response)
        image = writer.create_warc_record(
            HOST + "/i.png",
            "response",
            payload=io.BytesIO(b"\x89PNG"),
            http_headers=StatusAndHeaders(
                "200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1"
            ),
        )
        writer.write_record(image)

    (page,) = iter_warc_pages(path)
    assert page.url == HOST + "/page"
    assert page.body == html
    assert page.declared_encoding == "cp1252"  # w3lib's name for a declared iso-8859-1
    assert page.http_status == 200
    assert page.fetched_at is not None and page.fetched_at.tzinfo == UTC
    assert looks_like_warc(tmp_path / "no-suffix", path.read_bytes()[:512])


def test_looks_like_warc() -> None:
    assert looks_like_warc(Path("a.warc.gz"), b"")
    assert looks_like_warc(Path("A.WARC"), b"")
    assert looks_like_warc(Path("dump"), b"WARC/1.1\r\nWARC-Type: warcinfo\r\n")
    assert looks_like_warc(Path("dump.bin"), gzip.compress(b"WARC/1.0\r\n" + b"x" * 900)[:64])
    assert not looks_like_warc(Path("page.html"), b"<!doctype html>")
    assert not looks_like_warc(Path("page.gz"), gzip.compress(b"<html></html>"))


def test_truncated_warc_yields_the_complete_records_then_fails(tmp_path: Path) -> None:
    path = _write_warc(tmp_path, "cut", _demo_pages()[:3])
    complete = _cut_in_last_record(path)  # warcinfo + 2 responses
    seen = []
    with pytest.raises(WarcError, match=str(path)) as failure:
        for page in iter_warc_pages(path):
            seen.append(page.url)
    assert seen == [url for url, _ in _demo_pages()[:2]]
    assert f"after {complete} records" in str(failure.value)


# --- offline cleaning ------------------------------------------------------------------


def _direct_frame(pages: list[tuple[str, bytes]], out: Path, start: datetime = T0) -> pd.DataFrame:
    """What clean_html gives for the same bytes, url and fetch time, as a dataset."""
    writer = DatasetWriter(out, "direct")
    for i, (url, body) in enumerate(pages):
        result = clean_html(
            body,
            url=url,
            declared_encoding="utf-8",
            fetched_at=start + timedelta(seconds=i),
            http_status=200,
            crawl_id="direct",
        )
        if result.record is not None:
            writer.write(result.record)
    writer.close()
    return _rows(out)


def _rows(out: Path) -> pd.DataFrame:
    frame = pd.read_parquet(out).drop(columns=["crawl_id"])
    return frame.sort_values("url").reset_index(drop=True)


def test_formats_are_one_list() -> None:
    from crawler.commands.clean import FORMATS as CLI_FORMATS

    assert CLI_FORMATS == FORMATS
    assert "warc" in FORMATS


def test_clean_a_warc_file_gives_the_records_of_clean_html(tmp_path: Path) -> None:
    pages = _demo_pages()
    warc = _write_warc(tmp_path / "in", "crawl", pages)
    out = tmp_path / "out"
    proc = run_cli("clean", str(warc), "--out", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stderr == ""
    expected = _direct_frame(pages, tmp_path / "direct")
    assert len(expected) == 3  # three articles; /about.html is no article
    pd.testing.assert_frame_equal(_rows(out), expected)
    (manifest,) = read_manifests(out)
    assert manifest["pages_fetched"] == 4
    assert manifest["records_written"] == 3
    assert sum(manifest["skipped"].values()) == 1
    assert manifest["errors"] == {}
    assert manifest["settings"]["inputs"] == [str(warc.resolve())]


def test_clean_a_truncated_warc_and_a_good_file(tmp_path: Path) -> None:
    pages = _demo_pages()[:3]
    warc = _write_warc(tmp_path / "in", "cut", pages)
    complete = _cut_in_last_record(warc)  # warcinfo + 2 responses
    good = tmp_path / "in" / "good.html"
    articles, _ = load_expected()
    shutil.copy(DEMO_SITE / sorted(articles)[5].lstrip("/"), good)
    out = tmp_path / "out"
    proc = run_cli("clean", str(warc), str(good), "--out", str(out))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert (
        str(warc) in lines[0] and f"truncated or corrupt WARC after {complete} records" in lines[0]
    )
    urls = set(pd.read_parquet(out)["url"])
    assert urls == {pages[0][0], pages[1][0], good.resolve().as_uri()}
    (manifest,) = read_manifests(out)
    assert manifest["status"] == "partial"
    assert manifest["errors"] == {"truncated_warc": 1}
    assert manifest["problems"][0]["source"] == str(warc)
    assert manifest["pages_fetched"] == 3  # two WARC pages and the good file


def test_clean_warc_files_with_two_jobs_gives_the_same_dataset(tmp_path: Path) -> None:
    articles, _ = load_expected()
    paths = sorted(articles)[:6]
    pages = [(HOST + p, (DEMO_SITE / p.lstrip("/")).read_bytes()) for p in paths]
    first = _write_warc(tmp_path / "in", "a", pages[:3])
    second = _write_warc(tmp_path / "in", "b", pages[3:], start=T0 + timedelta(days=1))
    frames = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}"
        proc = run_cli("clean", str(first), str(second), "--out", str(out), "--jobs", jobs)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        frames.append(pd.read_parquet(out).drop(columns=["crawl_id"]))
    assert len(frames[0]) == 6
    assert list(frames[0]["url"]) == [url for url, _ in pages]  # input order kept
    pd.testing.assert_frame_equal(frames[0], frames[1])


def test_a_folder_walk_skips_the_open_temp_segment(tmp_path: Path) -> None:
    pages = _demo_pages()
    folder = tmp_path / "_warc"
    writer = WarcSegmentWriter(folder, "live")
    writer.write_response(pages[0][0], 200, None, [], pages[0][1], T0)
    writer.rotate()
    writer.write_response(pages[1][0], 200, None, [], pages[1][1], T0)  # still open
    problems: list[str] = []
    manifest = clean_paths([str(folder)], tmp_path / "out", on_problem=problems.append)
    writer.abort()
    assert problems == []
    assert manifest.pages_fetched == 1
    assert list(pd.read_parquet(tmp_path / "out")["url"]) == [pages[0][0]]
    saved = json.loads(next((tmp_path / "out" / "_runs").glob("*.json")).read_text())
    assert saved["settings"]["format"] == "auto"
