"""A crawl is safe to leave to cron: one run per folder, kill -9 and SIGTERM at any
moment leave a readable, consistent dataset, and the same command finishes the job.

Each test runs the real CLI in a subprocess against a slowed-down loopback copy of the
demo site, so there is time to interrupt it mid-crawl.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from demo_server_util import (
    DEMO_SITE,
    DemoServer,
    load_expected,
    read_manifests,
    run_cli,
    serve_demo_site,
    subprocess_env,
)

from cleaning.dataset.dedup import dataset_files
from crawler.exitcodes import LOCKED, OK, PARTIAL

# One page at a time, 0.1 s each: ~6 s for the demo site, checkpoints every 5 records.
SLOW = (
    "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1",
    "-s", "AUTOTHROTTLE_ENABLED=0",
    "-s", "HEALTHCORPUS_CHECKPOINT_RECORDS=5",
)  # fmt: skip
PAGE_DELAY = 0.1


@contextmanager
def background_crawl(server: DemoServer, out_dir: Path) -> Iterator[subprocess.Popen[str]]:
    """``healthcorpus crawl`` started in the background, killed if the test fails."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "crawl", server.start_url, "--out", str(out_dir),
         *SLOW],
        env=subprocess_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=30)


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def published_parts(out_dir: Path) -> list[Path]:
    return dataset_files(out_dir)


def assert_complete_without_duplicates(out_dir: Path, server: DemoServer) -> pd.DataFrame:
    """Every article of the site once; no (id, content_hash) row twice; no temp files."""
    expected, _ = load_expected()
    rows = pd.read_parquet(out_dir)
    assert not rows.duplicated(["id", "content_hash"]).any()
    assert not rows["id"].duplicated().any()  # the site did not change between runs
    assert sorted(rows["url"]) == sorted(server.absolute(path) for path in expected)
    assert not list(out_dir.rglob(".*.tmp"))
    return rows


def test_second_crawl_on_a_locked_folder_exits_at_once(tmp_path: Path) -> None:
    out_dir = tmp_path / "dataset"
    with serve_demo_site(delay=PAGE_DELAY) as server, background_crawl(server, out_dir) as first:
        lock_file = out_dir / "_state" / "run.lock"
        wait_for(lambda: lock_file.is_file() and lock_file.stat().st_size > 0, "the lock")
        started = time.monotonic()
        second = run_cli("crawl", server.start_url, "--out", str(out_dir))
        took = time.monotonic() - started
        assert first.poll() is None, "the first crawl should still be running"
        first.wait(timeout=120)
    assert second.returncode == LOCKED
    assert took < 10
    error_lines = [line for line in second.stderr.splitlines() if "error" in line]
    assert len(error_lines) == 1
    assert str(out_dir) in error_lines[0] and "another run" in error_lines[0]
    assert f"pid {first.pid}" in error_lines[0]
    assert "Traceback" not in second.stderr
    # The refused run wrote nothing: one manifest, the first run's, which succeeded.
    assert first.returncode == OK
    assert len(read_manifests(out_dir)) == 1


def test_kill_9_mid_crawl_then_rerun_completes_without_duplicates(tmp_path: Path) -> None:
    out_dir = tmp_path / "dataset"
    with serve_demo_site(delay=PAGE_DELAY) as server:
        with background_crawl(server, out_dir) as proc:
            wait_for(lambda: len(published_parts(out_dir)) >= 2, "two published parts")
            # A checkpoint publishes its part, then commits the pages' state (an fsync
            # that can take tens of ms on a busy disk). Killed in between, those pages
            # are fetched again (and give no duplicate row); killed here, between two
            # checkpoints (0.5 s apart), none of the published pages is.
            time.sleep(0.2)
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        parts = published_parts(out_dir)
        for part in parts:  # every visible file is whole
            assert pq.read_table(part).num_rows > 0
        killed_rows = sum(pq.read_metadata(p).num_rows for p in parts)
        assert 10 <= killed_rows < 41
        (killed,) = read_manifests(out_dir)
        assert killed["status"] == "running"

        server.reset()
        proc2 = run_cli("crawl", server.start_url, "--out", str(out_dir), *SLOW)
        refetched = server.page_paths()

    assert proc2.returncode == OK, proc2.stderr
    assert_complete_without_duplicates(out_dir, server)
    first, second = read_manifests(out_dir)
    # The killed run is now on record as interrupted, with the files it did publish.
    assert first["status"] == "interrupted"
    assert first["records_written"] == killed_rows
    assert sorted(first["files"]) == sorted(p.name for p in parts)
    # The re-run resumed: pages the killed run had committed were not asked again.
    assert second["pages_resumed"] >= killed_rows
    assert len(refetched) <= 56 - killed_rows + 2


def cleaning_workers(pid: int) -> list[int]:
    """The crawl's cleaning worker processes (spawned children running spawn_main)."""
    workers = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
            if b"spawn_main" in cmdline:
                workers.append(int(child))
    return workers


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_a_killed_cleaning_worker_costs_its_pages_not_the_crawl(tmp_path: Path) -> None:
    """The OOM killer or an admin may kill a cleaning worker: the pages it held are
    counted as lost (exit 1), new workers clean the rest, and a re-run completes."""
    out_dir = tmp_path / "dataset"
    with serve_demo_site(delay=PAGE_DELAY) as server:
        with background_crawl(server, out_dir) as proc:
            wait_for(lambda: len(published_parts(out_dir)) >= 1, "a published part")
            (worker,) = cleaning_workers(proc.pid)
            # Stopped first, so that it surely holds pages when it dies.
            os.kill(worker, signal.SIGSTOP)
            fetched = len(server.page_paths())
            # A page asked for after another was answered: the earlier one is with
            # the crawl, which hands it to the worker as soon as it arrives.
            wait_for(lambda: len(server.page_paths()) >= fetched + 3, "pages for the worker")
            time.sleep(0.2)
            os.kill(worker, signal.SIGKILL)
            _, stderr = proc.communicate(timeout=120)
        assert proc.returncode == PARTIAL, stderr
        assert "Traceback" not in stderr
        assert "A cleaning worker died; starting new ones" in stderr
        (manifest,) = read_manifests(out_dir)
        assert manifest["status"] == "partial"
        assert set(manifest["errors"]) == {"cleaning/BrokenProcessPool"}
        lost = manifest["errors"]["cleaning/BrokenProcessPool"]
        expected, _ = load_expected()
        # New workers went on: all but the lost articles were written.
        assert manifest["records_written"] >= len(expected) - lost
        assert manifest["records_written"] < len(expected)

        rerun = run_cli("crawl", server.start_url, "--out", str(out_dir))
        assert rerun.returncode == OK, rerun.stderr
        assert_complete_without_duplicates(out_dir, server)


def test_sigterm_closes_files_and_writes_the_manifest(tmp_path: Path) -> None:
    out_dir = tmp_path / "dataset"
    with serve_demo_site(delay=PAGE_DELAY) as server:
        with background_crawl(server, out_dir) as proc:
            wait_for(lambda: len(published_parts(out_dir)) >= 1, "a published part")
            proc.send_signal(signal.SIGTERM)
            started = time.monotonic()
            stdout, stderr = proc.communicate(timeout=60)
            took = time.monotonic() - started
        assert proc.returncode == PARTIAL, stderr
        assert took < 15
        assert "Traceback" not in stderr
        assert "interrupted" in stdout
        (manifest,) = read_manifests(out_dir)
        assert manifest["status"] == "interrupted"
        assert manifest["finished_at"]
        assert not list(out_dir.rglob(".*.tmp"))  # every open file was closed
        rows = pd.read_parquet(out_dir)
        assert len(rows) == manifest["records_written"] > 0
        assert sorted(manifest["files"]) == sorted(p.name for p in published_parts(out_dir))
        warcs = sorted((out_dir / "_warc").glob("*.warc.gz"))
        assert [w.name for w in warcs] == sorted(manifest["archive_files"])

        proc2 = run_cli("crawl", server.start_url, "--out", str(out_dir), *SLOW)
    assert proc2.returncode == OK, proc2.stderr
    assert_complete_without_duplicates(out_dir, server)
    assert read_manifests(out_dir)[-1]["pages_resumed"] > 0


def test_stale_lock_of_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    out_dir = tmp_path / "dataset"
    lock_file = out_dir / "_state" / "run.lock"
    lock_file.parent.mkdir(parents=True)
    # What a crawl killed by the OOM killer leaves: its lock file, naming a dead pid.
    lock_file.write_text(json.dumps({"pid": 999999, "host": "gone", "run_id": "old"}))
    with serve_demo_site() as server:
        proc = run_cli("crawl", server.start_url, "--out", str(out_dir))
    assert proc.returncode == OK, proc.stderr
    assert len(pd.read_parquet(out_dir)) == len(load_expected()[0])


@pytest.mark.parametrize("command", ["clean"])
def test_clean_into_a_locked_folder_is_refused(tmp_path: Path, command: str) -> None:
    from cleaning.dataset.lock import DatasetLock

    out_dir = tmp_path / "dataset"
    page = tmp_path / "page.html"
    page.write_text("<html><body><h1>x</h1></body></html>", encoding="utf-8")
    with DatasetLock(out_dir, command="crawl", run_id="live"):
        proc = run_cli(command, str(page), "--out", str(out_dir))
    assert proc.returncode == LOCKED
    assert "another run" in proc.stderr and "Traceback" not in proc.stderr


def test_warc_archive_recleans_to_the_same_records(tmp_path: Path) -> None:
    """The raw archive is complete: cleaning it offline gives the crawl's records."""
    out_dir = tmp_path / "dataset"
    with serve_demo_site() as server:
        proc = run_cli("crawl", server.start_url, "--out", str(out_dir))
    assert proc.returncode == OK, proc.stderr
    (manifest,) = read_manifests(out_dir)
    warcs = sorted((out_dir / "_warc").glob("*.warc.gz"))
    assert warcs and [w.name for w in warcs] == sorted(manifest["archive_files"])

    reclean_dir = tmp_path / "recleaned"
    proc = run_cli("clean", *map(str, warcs), "--out", str(reclean_dir))
    assert proc.returncode == OK, proc.stderr
    crawled = pd.read_parquet(out_dir).drop(columns=["crawl_id"])
    recleaned = pd.read_parquet(reclean_dir).drop(columns=["crawl_id"])
    crawled = crawled.sort_values("id").reset_index(drop=True)
    recleaned = recleaned.sort_values("id").reset_index(drop=True)
    assert len(crawled) == len(load_expected()[0])
    pd.testing.assert_frame_equal(crawled, recleaned)
    # Every fetched HTML page is in the archive, articles or not.
    (reclean_manifest,) = read_manifests(reclean_dir)
    html_pages = manifest["pages_fetched"] - manifest["skipped"].get("not_html", 0)
    assert reclean_manifest["pages_fetched"] == html_pages


def test_no_archive_writes_no_warc(tmp_path: Path) -> None:
    out_dir = tmp_path / "dataset"
    with serve_demo_site() as server:
        proc = run_cli("crawl", server.start_url, "--out", str(out_dir), "--no-archive")
    assert proc.returncode == OK, proc.stderr
    assert not (out_dir / "_warc").exists()
    assert read_manifests(out_dir)[0]["archive_files"] == []


def test_clean_stopped_by_sigterm_publishes_what_it_did(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    articles = sorted((DEMO_SITE / "articles").glob("*.html"))
    for copy in range(40):  # ~1,600 pages: several seconds of cleaning
        folder = pages / f"copy{copy:02d}"
        folder.mkdir(parents=True)
        for article in articles:
            (folder / article.name).write_bytes(article.read_bytes())
    out_dir = tmp_path / "dataset"
    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "clean", str(pages), "--out", str(out_dir)],
        env=subprocess_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(lambda: bool(read_manifests(out_dir)), "the running manifest")
        time.sleep(1.0)
        proc.send_signal(signal.SIGTERM)
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == PARTIAL, stderr
    assert "interrupted" in stdout
    assert "Traceback" not in stderr
    (manifest,) = read_manifests(out_dir)
    assert manifest["status"] == "interrupted"
    assert 0 < manifest["pages_fetched"] < 40 * len(articles)
    assert len(pd.read_parquet(out_dir)) == manifest["records_written"] > 0
    assert not list(out_dir.rglob(".*.tmp"))
