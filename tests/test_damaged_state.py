"""A damaged crawl state (``_state/pages.sqlite`` truncated or overwritten) stops the
next crawl before any work with one line naming the file (issue 18); the dataset is
untouched and no page is fetched, so the site is never re-crawled behind the user's
back. Real crawls of the demo site on 127.0.0.1, real damaged files."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from demo_server_util import run_cli, serve_demo_site

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
