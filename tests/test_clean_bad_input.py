"""``healthcorpus clean`` on a folder where some files are bad: nothing lost, nothing
crashes, everything reported.

What a user expects, and what these tests hold the command to:

- every good page is cleaned into the dataset, whatever else is in the folder;
- every file that could hold an article but cannot be read as one (a WARC cut short,
  an image named ``.html``, a file without read permission, a dangling link) gives
  exactly one line on stderr, ``healthcorpus: <file>: <what is wrong>``, never a
  traceback; the manifest counts it under a named reason (``truncated_warc``,
  ``binary_file``, ``unreadable``) and lists it in ``problems``; the exit code is 1
  (partial: something may be lost and the user should look);
- an **empty** page file is *skipped* as ``empty``, not an error: it holds nothing that
  could be lost, and an empty page from a crawl or inside a WARC is counted the same
  way. It shows in the summary's and manifest's skip counts, not on stderr;
- a page in an undeclared or bogus encoding is not an error at all: it is decoded by
  detection and cleaned like any other page.
"""

from __future__ import annotations

import gzip
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest
from demo_server_util import DEMO_SITE, load_expected, read_manifests, run_cli

from cleaning.dataset.warc import WarcSegmentWriter

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
# An article in Russian: cp1251 bytes with no charset anywhere are found by detection.
RUSSIAN = (
    "<html><head><title>Судороги в ногах по ночам</title></head><body><article>"
    "<h1>Судороги в ногах по ночам</h1>"
    "<p>Ночные судороги в икрах знакомы многим взрослым, особенно после сорока лет. "
    "Чаще всего они проходят сами за несколько минут и не опасны для здоровья.</p>"
    "<h2>1. Нехватка воды и солей</h2><p>Когда организму не хватает жидкости, калия "
    "или магния, мышцы легче сокращаются непроизвольно. Пейте воду в течение дня и "
    "ешьте овощи, бананы и орехи.</p>"
    "<h2>2. Усталость мышц</h2><p>Долгая ходьба или стояние на ногах перегружают икры. "
    "Лёгкая растяжка перед сном помогает расслабить мышцы и спать спокойно.</p>"
    "</article></body></html>"
)
# A real UTF-8 page that declares a charset no decoder knows.
BOGUS_CHARSET = RUSSIAN.replace("<head>", '<head><meta charset="x-nonsense">')


def _good_pages(folder: Path, count: int) -> list[Path]:
    """Copies of ``count`` demo articles into ``folder``."""
    articles, _ = load_expected()
    paths = []
    for path in sorted(articles)[:count]:
        target = folder / Path(path).name
        shutil.copy(DEMO_SITE / path.lstrip("/"), target)
        paths.append(target)
    return paths


def _truncated_warc(folder: Path) -> tuple[Path, list[str]]:
    """A WARC of three demo articles cut inside its last record; the URLs before the cut."""
    articles, _ = load_expected()
    urls = []
    with WarcSegmentWriter(folder / "w", "cut") as writer:
        for i, path in enumerate(sorted(articles)[10:13]):
            url = f"http://warc.test{path}"
            body = (DEMO_SITE / path.lstrip("/")).read_bytes()
            headers = [("Content-Type", "text/html; charset=utf-8")]
            writer.write_response(url, 200, "OK", headers, body, T0.replace(second=i))
            urls.append(url)
    (segment,) = writer.files_written
    data = segment.read_bytes()
    last = len(gzip.compress(b""))  # cut well inside the last gzip member
    target = folder / "archive.warc.gz"
    target.write_bytes(data[: len(data) - 200 - last])
    shutil.rmtree(folder / "w")
    return target, urls[:2]


def _stderr_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


def _one_line_about(lines: list[str], path: Path, words: str) -> None:
    about = [line for line in lines if f"{path}:" in line]
    assert len(about) == 1, lines
    assert about[0].startswith("healthcorpus: ") and words in about[0], about[0]


def test_a_folder_of_good_and_bad_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    good = _good_pages(folder, 4)
    warc, warc_urls = _truncated_warc(folder)
    png = folder / "photo.html"
    png.write_bytes(PNG + os.urandom(2000))
    empty = folder / "empty.html"
    empty.write_bytes(b"")
    russian = folder / "russian.html"
    russian.write_bytes(RUSSIAN.encode("cp1251"))
    bogus = folder / "bogus-charset.html"
    bogus.write_bytes(BOGUS_CHARSET.encode("utf-8"))
    dangling = folder / "gone.html"
    dangling.symlink_to(folder / "no-such-file.html")
    out = tmp_path / "out"

    proc = run_cli("clean", str(folder), "--out", str(out))

    assert proc.returncode == 1, proc.stdout + proc.stderr  # partial
    assert "Traceback" not in proc.stderr
    lines = _stderr_lines(proc.stderr)
    assert len(lines) == 3, lines  # one per bad file, nothing else
    _one_line_about(lines, warc, "truncated or corrupt WARC after 3 records")
    _one_line_about(lines, png, "binary file")
    _one_line_about(lines, dangling, "cannot read")

    frame = pd.read_parquet(out)
    expected_urls = {p.resolve().as_uri() for p in [*good, russian, bogus]} | set(warc_urls)
    assert set(frame["url"]) == expected_urls
    assert len(frame) == len(expected_urls)
    texts = dict(zip(frame["url"], frame["text"], strict=True))
    assert "Нехватка воды и солей" in texts[russian.resolve().as_uri()]
    assert "Усталость мышц" in texts[bogus.resolve().as_uri()]

    (manifest,) = read_manifests(out)
    assert manifest["status"] == "partial"
    assert manifest["errors"] == {"binary_file": 1, "truncated_warc": 1, "unreadable": 1}
    assert manifest["skipped"] == {"empty": 1}
    assert manifest["records_written"] == len(expected_urls)
    assert {p["source"] for p in manifest["problems"]} == {str(warc), str(png), str(dangling)}
    # pages: 4 good + png + empty + 2 encodings + dangling link, and 2 pages of the WARC
    assert manifest["pages_fetched"] == 9 + 2
    assert "result           partial" in proc.stdout

    check = run_cli("validate", str(out))
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file anyway")
def test_a_file_without_read_permission(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (good,) = _good_pages(folder, 1)
    locked = folder / "locked.html"
    shutil.copy(good, locked)
    locked.chmod(0)
    out = tmp_path / "out"
    try:
        proc = run_cli("clean", str(folder), "--out", str(out))
    finally:
        locked.chmod(0o644)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    lines = _stderr_lines(proc.stderr)
    assert lines == [f"healthcorpus: {locked}: cannot read: Permission denied"]
    assert list(pd.read_parquet(out)["url"]) == [good.resolve().as_uri()]
    (manifest,) = read_manifests(out)
    assert manifest["errors"] == {"unreadable": 1}


def test_only_an_empty_file_is_no_error_but_no_article_either(tmp_path: Path) -> None:
    """Skipped, not failed: exit 3 (no article found), as for a crawl that found none."""
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    proc = run_cli("clean", str(empty), "--out", str(out))
    assert proc.returncode == 3, proc.stdout + proc.stderr
    assert proc.stderr == ""
    (manifest,) = read_manifests(out)
    assert manifest["errors"] == {} and manifest["skipped"] == {"empty": 1}


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    """A legacy Latin-1 file name (bytes that are no UTF-8) is named in the error line
    and in the manifest; it once made writing the manifest fail."""
    folder = tmp_path / "in"
    folder.mkdir()
    (good,) = _good_pages(folder, 1)
    name = os.fsdecode(b"caf\xe9.html")
    (folder / name).write_bytes(PNG)
    out = tmp_path / "out"
    proc = run_cli("clean", str(folder), "--out", str(out))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    (line,) = _stderr_lines(proc.stderr)
    assert "caf" in line and "binary file" in line
    (manifest,) = read_manifests(out)
    assert manifest["errors"] == {"binary_file": 1}
    assert "caf" in manifest["problems"][0]["source"]
    assert list(pd.read_parquet(out)["url"]) == [good.resolve().as_uri()]


def test_a_warc_with_a_wrong_content_length_is_reported_once(tmp_path: Path) -> None:
    """warcio only prints a multi-line warning for a record whose Content-Length is
    wrong; the command reports it as one corrupt-WARC line instead."""
    articles, _ = load_expected()
    body = (DEMO_SITE / sorted(articles)[0].lstrip("/")).read_bytes()
    warc = tmp_path / "bad.warc"
    with WarcSegmentWriter(tmp_path / "w", "ok", warcinfo=False) as writer:
        headers = [("Content-Type", "text/html; charset=utf-8")]
        writer.write_response("http://warc.test/a.html", 200, "OK", headers, body, T0)
    (segment,) = writer.files_written
    raw = gzip.decompress(segment.read_bytes())
    header_end = raw.index(b"\r\n\r\n")
    head, rest = raw[:header_end], raw[header_end:]
    length = int(head.split(b"Content-Length: ")[1].split(b"\r\n")[0])
    head = head.replace(
        f"Content-Length: {length}".encode(), f"Content-Length: {length - 9}".encode()
    )
    warc.write_bytes(head + rest)
    out = tmp_path / "out"
    proc = run_cli("clean", str(warc), "--out", str(out))
    assert "WARNING" not in proc.stderr and "Traceback" not in proc.stderr
    (line,) = _stderr_lines(proc.stderr)
    assert line.startswith(f"healthcorpus: {warc}: truncated or corrupt WARC"), line
    (manifest,) = read_manifests(out)
    assert manifest["errors"] == {"truncated_warc": 1}
    assert proc.returncode == 1  # the record before the damage is cleaned; the rest is lost
