"""A damaged crawl state (``_state/pages.sqlite`` truncated or overwritten) stops the
next crawl before any work with one line naming the file (issue 18); the dataset is
untouched and no page is fetched, so the site is never re-crawled behind the user's
back; a disk too full to write the state stops it the same way, and the same
command finishes the crawl once there is space. Real crawls of the demo site on
127.0.0.1, real damaged files, a real small tmpfs."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest
from demo_server_util import DEMO_SITE, run_cli, serve_demo_site

from crawler.exitcodes import FAILED, OK


def _garbage(path: Path) -> None:
    path.write_bytes(hashlib.sha256(b"not sqlite").digest() * 200)


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _digests(out: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.glob("part-*"))
    }


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


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 100 KiB tmpfs (as root; skipped elsewhere): too small for the crawl state."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    try:
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=100k", "tmpfs", str(mount)], check=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


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
        subprocess.run(["mount", "-o", "remount,size=8m", str(small_disk)], check=True)
        again = run_cli("crawl", server.start_url, "--out", str(out))
        assert again.returncode == OK, again.stderr
    rows = pd.read_parquet(out, columns=["id", "url"])
    articles = len(list((DEMO_SITE / "articles").glob("*.html")))
    assert len(rows) == rows["id"].nunique() == articles
