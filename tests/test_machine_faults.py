"""Faults of the machine (issue 18). A damaged crawl state (``_state/pages.sqlite``
truncated or overwritten) stops the next crawl before any work with one line naming
the file; the dataset is
untouched and no page is fetched, so the site is never re-crawled behind the user's
back; a disk too full to write the state stops it the same way; a disk that fills
during the crawl stops it with one line, not one per page; and once there is space
the same command finishes the crawl, each article once. Real crawls of the demo site on
127.0.0.1, real damaged files, a real small tmpfs."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from demo_server_util import DEMO_SITE, run_cli, serve_demo_site
from tmpfs_util import mounted_tmpfs, remount

from crawler.exitcodes import FAILED, OK, USAGE


def _garbage(path: Path) -> None:
    path.write_bytes(hashlib.sha256(b"not sqlite").digest() * 200)


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _digests(out: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.glob("part-*"))}


@pytest.mark.parametrize("damage", [_garbage, _truncated], ids=["garbage", "truncated"])
def test_a_damaged_state_stops_the_crawl_with_one_line(
    damage: Callable[[Path], None], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    with serve_demo_site() as server:
        first = run_cli("crawl", server.start_url, "--out", str(out))
        assert first.returncode == OK, first.stderr
        state = out / "_state" / "pages.sqlite"
        for suffix in ("-wal", "-shm"):  # a finished crawl leaves none; a crash might
            state.with_name(state.name + suffix).unlink(missing_ok=True)
        damage(state)
        before, rows = _digests(out), len(pd.read_parquet(out))
        manifests = sorted((out / "_runs").glob("*.json"))
        requests = len(server.paths)

        again = run_cli("crawl", server.start_url, "--out", str(out))

        assert again.returncode == FAILED
        assert "Traceback" not in again.stderr
        lines = again.stderr.strip().splitlines()
        assert len(lines) == 1 and str(state) in lines[0] and "damaged" in lines[0]
        assert len(server.paths) == requests  # nothing fetched: no silent re-crawl
    assert _digests(out) == before and len(pd.read_parquet(out)) == rows
    assert sorted((out / "_runs").glob("*.json")) == manifests
    assert run_cli("validate", str(out)).returncode == OK


def assert_every_article_once(out: Path) -> None:
    """The demo site's every article is in the dataset, once."""
    rows = pd.read_parquet(out, columns=["id", "url"])
    articles = len(list((DEMO_SITE / "articles").glob("*.html")))
    assert len(rows) == rows["id"].nunique() == articles


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 100 KiB tmpfs (as root; skipped elsewhere): too small for the crawl state."""
    with mounted_tmpfs(tmp_path / "disk", "100k") as mount:
        yield mount


def test_a_disk_too_full_for_the_state_stops_before_any_work_then_the_crawl_finishes(
    small_disk: Path,
) -> None:
    out = small_disk / "out"
    with serve_demo_site() as server:
        full = run_cli("crawl", server.start_url, "--out", str(out))
        assert full.returncode == FAILED
        assert "Traceback" not in full.stderr
        (line,) = full.stderr.strip().splitlines()
        assert str(out / "_state" / "pages.sqlite") in line and "full" in line
        assert server.page_paths() == []  # nothing fetched
        # Space freed: the same command does the whole crawl, each article once.
        remount(small_disk, "size=8m")
        again = run_cli("crawl", server.start_url, "--out", str(out))
        assert again.returncode == OK, again.stderr
    assert_every_article_once(out)


def test_a_disk_that_fills_during_the_crawl_stops_it_then_the_same_command_finishes(
    small_disk: Path,
) -> None:
    # Room for the state, not for the WARC segment and the part: the disk fills while
    # pages are being archived.
    remount(small_disk, "size=200k")
    out = small_disk / "out"
    with serve_demo_site() as server:
        full = run_cli("crawl", server.start_url, "--out", str(out))
        assert full.returncode == FAILED
        assert "Traceback" not in full.stderr
        errors = [line for line in full.stderr.splitlines() if " ERROR: " in line]
        assert 1 <= len(errors) <= 3, errors  # not one line per page
        assert any(str(out) in line and "No space left" in line for line in errors)
        for part in out.glob("part-*.parquet"):  # whatever was published is whole
            pq.read_metadata(part)
        remount(small_disk, "size=8m")
        again = run_cli("crawl", server.start_url, "--out", str(out))
        assert again.returncode == OK, again.stderr
    assert_every_article_once(out)
    assert run_cli("validate", str(out)).returncode == OK


@pytest.mark.parametrize("size", ["120k", "200k", "300k"])
def test_a_disk_that_fills_at_any_write_keeps_every_published_file_whole(
    small_disk: Path, size: str
) -> None:
    """Without the archive the disk fills where a Parquet part, the state or the
    manifest is written, depending on its size: each time one line, every published
    file readable, the state not ahead of the parts; then the same command finishes."""
    remount(small_disk, f"size={size}")
    out = small_disk / "out"
    crawl = ("crawl", "--no-archive", "-s", "HEALTHCORPUS_CHECKPOINT_RECORDS=8")
    with serve_demo_site() as server:
        full = run_cli(*crawl[:1], server.start_url, "--out", str(out), *crawl[1:])
        assert full.returncode == FAILED, full.stdout + full.stderr
        assert "Traceback" not in full.stderr, full.stderr
        errors = [line for line in full.stderr.splitlines() if "ERROR" in line or "error:" in line]
        assert 1 <= len(errors) <= 2, errors
        assert any(str(out) in line for line in errors), errors
        published = list(out.glob("part-*.parquet"))
        rows = sum(pq.read_metadata(part).num_rows for part in published)
        if published:  # the summary counts what a reader finds
            assert f"records written  {rows}" in full.stdout, full.stdout
        remount(small_disk, "size=8m")
        again = run_cli(*crawl[:1], server.start_url, "--out", str(out), *crawl[1:])
        assert again.returncode == OK, again.stdout + again.stderr
    assert_every_article_once(out)
    assert run_cli("validate", str(out)).returncode == OK


def test_a_read_only_output_folder_stops_before_any_work(small_disk: Path) -> None:
    remount(small_disk, "size=8m")
    out = small_disk / "out"
    with serve_demo_site() as server:
        assert run_cli("crawl", server.start_url, "--out", str(out)).returncode == OK
        before = _digests(out)
        fetched = len(server.page_paths())
        remount(small_disk, "ro")
        refused = run_cli("crawl", server.start_url, "--out", str(out))
        assert refused.returncode == USAGE
        assert refused.stderr.strip().splitlines() == [
            f"healthcorpus: error: {out}: cannot write the output folder: Read-only file system"
        ]
        assert len(server.page_paths()) == fetched  # nothing fetched
        assert _digests(out) == before
        remount(small_disk, "rw")
        assert run_cli("crawl", server.start_url, "--out", str(out)).returncode == OK
    assert_every_article_once(out)
