"""The ``healthcorpus`` command as users and cron jobs see it: output, errors, exit codes."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pandas as pd
import pytest
from demo_server_util import (
    DemoServer,
    load_expected,
    read_manifests,
    run_cli,
    serve_demo_site,
)


def _assert_one_line_error(stderr: str, starts_with: str) -> None:
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith(starts_with), stderr


def _closed_loopback_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- demo ------------------------------------------------------------------------------


def test_demo_crawls_the_bundled_site_and_says_where_the_dataset_is(tmp_path: Path) -> None:
    out_dir = tmp_path / "demo"
    proc = run_cli("demo", "--out", str(out_dir), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    folder = out_dir.resolve()
    assert f"dataset          {folder}" in proc.stdout
    assert f'pandas.read_parquet("{folder.as_posix()}")' in proc.stdout
    articles, _ = load_expected()
    assert len(pd.read_parquet(folder)) == len(articles)
    (manifest,) = read_manifests(out_dir)
    assert manifest["command"] == "demo"


# --- crawl: exit codes -----------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["ftp://example.org/", "example.org", "localhost:8000", "http://", "http://h:x/"]
)
def test_bad_url_is_a_one_line_error_with_exit_2(url: str, tmp_path: Path) -> None:
    proc = run_cli("crawl", url, "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    _assert_one_line_error(proc.stderr, f"healthcorpus: error: {url}: ")
    assert proc.stdout == ""


def test_unwritable_output_folder_is_a_one_line_error_with_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    proc = run_cli("crawl", "http://127.0.0.1:9/", "--out", str(blocker / "out"))
    assert proc.returncode == 2
    _assert_one_line_error(proc.stderr, f"healthcorpus: error: {blocker / 'out'}: ")


def test_bad_setting_is_a_one_line_error_with_exit_2(tmp_path: Path) -> None:
    proc = run_cli("crawl", "http://127.0.0.1:9/", "--out", str(tmp_path), "-s", "NOVALUE")
    assert proc.returncode == 2
    _assert_one_line_error(proc.stderr, "healthcorpus: error: -s NOVALUE: ")


@pytest.mark.parametrize(
    "setting",
    [
        "HEALTHCORPUS_MAX_PAGES=-1",
        "HEALTHCORPUS_PROGRESS=sometimes",
        "HEALTHCORPUS_INCREMENTAL=maybe",
        "HEALTHCORPUS_MAX_CRAWL_DELAY=soon",
        "HEALTHCORPUS_CHECKPOINT_RECORDS=0",
    ],
)
def test_bad_value_of_our_setting_is_a_one_line_error_with_exit_2(
    setting: str, tmp_path: Path
) -> None:
    proc = run_cli("crawl", "http://127.0.0.1:9/", "--out", str(tmp_path), "-s", setting)
    assert proc.returncode == 2
    _assert_one_line_error(proc.stderr, f"healthcorpus: error: -s {setting}: ")


def test_unreachable_redis_is_a_one_line_error_without_the_password(tmp_path: Path) -> None:
    redis_url = f"redis://:hunter2@127.0.0.1:{_closed_loopback_port()}/0"
    proc = run_cli("crawl", "http://127.0.0.1:9/", "--out", str(tmp_path), "--redis", redis_url)
    assert proc.returncode == 3
    _assert_one_line_error(proc.stderr, "healthcorpus: error: --redis redis://:***@127.0.0.1:")
    assert "hunter2" not in proc.stderr
    assert not (tmp_path / "_runs").exists()


def test_frontier_without_redis_is_a_usage_error(tmp_path: Path) -> None:
    proc = run_cli("crawl", "http://127.0.0.1:9/", "--out", str(tmp_path), "--frontier", "x")
    assert proc.returncode == 2
    _assert_one_line_error(proc.stderr, "healthcorpus: error: --frontier needs --redis")


def test_unreachable_site_exits_3_without_traceback(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{_closed_loopback_port()}/"
    proc = run_cli("crawl", url, "--out", str(tmp_path / "out"), "-s", "RETRY_TIMES=0")
    assert proc.returncode == 3, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    (manifest,) = read_manifests(tmp_path / "out")
    assert manifest["records_written"] == 0
    assert any(reason.startswith("download/") for reason in manifest["errors"])
    assert manifest["problems"] and manifest["problems"][0]["source"] == url


def test_failed_pages_with_records_written_exit_1(tmp_path: Path) -> None:
    articles, _ = load_expected()
    failing = sorted(articles)[0]
    with serve_demo_site(fail_paths={failing}) as server:
        proc = run_cli(
            "crawl", server.start_url, "--out", str(tmp_path / "out"), "-s", "RETRY_TIMES=0"
        )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    (manifest,) = read_manifests(tmp_path / "out")
    assert manifest["status"] == "partial"
    assert manifest["errors"] == {"http_500": 1}
    assert manifest["problems"] == [{"source": server.absolute(failing), "reason": "http_500"}]
    assert manifest["records_written"] == len(articles) - 1


def test_max_pages_caps_the_pages_fetched(demo_server: DemoServer, tmp_path: Path) -> None:
    proc = run_cli("crawl", demo_server.start_url, "--out", str(tmp_path), "--max-pages", "5")
    assert proc.returncode in (0, 3), proc.stderr  # 3 if none of the 5 was an article
    assert len(demo_server.page_paths()) == 5
    (manifest,) = read_manifests(tmp_path)
    assert manifest["pages_fetched"] == 5
    assert manifest["settings"]["close_reason"] == "max_pages"


def test_second_crawl_into_the_same_folder_adds_no_duplicate_rows(
    demo_server: DemoServer, tmp_path: Path
) -> None:
    articles, _ = load_expected()
    first = run_cli("crawl", demo_server.start_url, "--out", str(tmp_path))
    second = run_cli("crawl", demo_server.start_url, "--out", str(tmp_path))
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr  # nothing new is not a failure
    frame = pd.read_parquet(tmp_path)
    assert len(frame) == len(articles)
    assert frame["id"].is_unique
    second_run = re.search(r"\(run (\S+)\)", second.stdout)
    assert second_run is not None, second.stdout
    (manifest,) = [m for m in read_manifests(tmp_path) if m["run_id"] == second_run.group(1)]
    assert manifest["records_written"] == 0
    assert manifest["skipped"]["unchanged"] == len(articles)
    assert f"dataset holds    {len(articles)} records" in second.stdout


# --- clean ------------------------------------------------------------------------------


def test_clean_with_missing_input_is_a_one_line_error_with_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    proc = run_cli("clean", str(missing), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    _assert_one_line_error(proc.stderr, f"healthcorpus: error: {missing}: ")


# --- help and version --------------------------------------------------------------------


def test_help_documents_the_exit_codes() -> None:
    proc = run_cli("crawl", "--help")
    assert proc.returncode == 0
    for code in ("0  success", "1  partial", "2  bad arguments", "3  failure"):
        assert code in proc.stdout


def test_version() -> None:
    proc = run_cli("--version")
    assert proc.returncode == 0
    assert proc.stdout.startswith("healthcorpus ")


def test_python_dash_m_crawler_is_the_command() -> None:
    proc = run_cli("--help", module="crawler")
    assert proc.returncode == 0
    assert "usage: healthcorpus" in proc.stdout


def test_clean_a_folder_with_several_jobs_gives_the_same_dataset(tmp_path: Path) -> None:
    site = Path(__file__).resolve().parent.parent / "data" / "demo_site"
    frames = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}"
        proc = run_cli("clean", str(site), "--out", str(out), "--jobs", jobs)
        assert proc.returncode == 0, proc.stderr
        frames.append(pd.read_parquet(out).drop(columns=["crawl_id"]))
    articles, _ = load_expected()
    assert len(frames[0]) == len(articles)
    pd.testing.assert_frame_equal(frames[0], frames[1])
