"""robots.txt Crawl-delay and the progress display, seen from outside the crawl.

The loopback server records when each request arrived, so the test measures the gaps
the crawler really left between requests; the progress tests read what a user sees,
once on a real pseudo-terminal and once through a pipe as a cron job's log would.
"""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from demo_server_util import (
    DEMO_SITE,
    REPO,
    read_manifests,
    run_cli,
    serve_demo_site,
    subprocess_env,
)

PAGES = 7  # enough gaps to see the pace, few enough to keep the test short
DELAY = 0.5
# The server stamps a request when it reads it; the crawler stamps it when it sends.
# Loopback adds well under 50 ms between the two.
SLACK = 0.05


def site_with_robots(tmp_path: Path, robots: str) -> Path:
    site = tmp_path / "site"
    shutil.copytree(DEMO_SITE, site)
    (site / "robots.txt").write_text(robots, encoding="utf-8")
    return site


def crawl_gaps(tmp_path: Path, robots: str, *extra: str) -> tuple[list[float], dict, str]:
    site = site_with_robots(tmp_path, robots)
    out_dir = tmp_path / "dataset"
    with serve_demo_site(site) as server:
        proc = run_cli(
            "crawl", server.start_url, "--out", str(out_dir), "--max-pages", str(PAGES), *extra
        )
        gaps = server.page_gaps()
    assert proc.returncode in (0, 1), proc.stderr
    assert len(gaps) == PAGES - 1, server.paths
    (manifest,) = read_manifests(out_dir)
    return gaps, manifest, proc.stderr


def test_crawl_delay_of_our_user_agent_spaces_the_requests(tmp_path: Path) -> None:
    robots = (
        "User-agent: healthcorpus\n"
        f"Crawl-delay: {DELAY}\n"
        "Disallow: /admin/\n\n"
        "User-agent: *\n"
        "Disallow: /admin/\n"
    )
    gaps, manifest, _ = crawl_gaps(tmp_path, robots)
    assert min(gaps) >= DELAY - SLACK, gaps
    assert manifest["settings"]["crawl_delay"] == {"127.0.0.1": DELAY}


def test_without_crawl_delay_or_when_overridden_requests_are_not_held_back(
    tmp_path: Path,
) -> None:
    robots = f"User-agent: *\nCrawl-delay: {DELAY}\n"
    gaps, manifest, _ = crawl_gaps(tmp_path, robots, "-s", "HEALTHCORPUS_OBEY_CRAWL_DELAY=0")
    # Concurrent requests to a fast local server arrive close together.
    assert min(gaps) < DELAY / 2, gaps
    assert "crawl_delay" not in manifest["settings"]


def test_crawl_delay_for_other_robots_does_not_apply_to_us(tmp_path: Path) -> None:
    robots = "User-agent: slowbot\nCrawl-delay: 5\n\nUser-agent: *\nDisallow: /admin/\n"
    gaps, manifest, _ = crawl_gaps(tmp_path, robots)
    assert sum(gaps) < 5, gaps
    assert "crawl_delay" not in manifest["settings"]


def test_an_unreasonable_crawl_delay_is_capped_with_a_warning(tmp_path: Path) -> None:
    robots = "User-agent: *\nCrawl-delay: 3600\n"
    gaps, manifest, stderr = crawl_gaps(
        tmp_path, robots, "-s", f"HEALTHCORPUS_MAX_CRAWL_DELAY={DELAY}"
    )
    assert min(gaps) >= DELAY - SLACK, gaps
    assert max(gaps) < 5, gaps
    assert manifest["settings"]["crawl_delay"] == {"127.0.0.1": DELAY}
    assert re.search(r"Crawl-delay of 3600 s; using 0\.5 s", stderr), stderr


# --- progress -------------------------------------------------------------------------

STATUS = re.compile(
    r"healthcorpus: (\d+) pages(?: \((\d+) not modified\))?, (\d+) records, "
    r"(\d+) skipped, (\d+) errors, [\d.]+ pages/s, \d+:\d\d:\d\d"
)


def run_on_terminal(*args: str) -> tuple[int, str, str]:
    """Run the CLI with stderr on a pseudo-terminal (as in an interactive shell)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", *args],
        stdout=subprocess.PIPE,
        stderr=slave,
        env=subprocess_env(),
        cwd=REPO,
    )
    os.close(slave)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    os.close(master)
    stdout = proc.stdout.read().decode() if proc.stdout else ""
    proc.wait(timeout=60)
    return proc.returncode, b"".join(chunks).decode(errors="replace"), stdout


def test_terminal_shows_one_status_line_redrawn_in_place(tmp_path: Path) -> None:
    out_dir = tmp_path / "dataset"
    with serve_demo_site(delay=0.2) as server:
        code, terminal, stdout = run_on_terminal("crawl", server.start_url, "--out", str(out_dir))
    assert code == 0, terminal
    redraws = terminal.split("\r\x1b[K")[1:]
    assert len(redraws) >= 2, terminal  # the line moved while the crawl ran
    last = STATUS.search(redraws[-1])
    assert last, redraws[-1]
    (manifest,) = read_manifests(out_dir)
    # The final line agrees with the manifest, and ends with a newline for what follows.
    assert int(last.group(1)) == manifest["pages_fetched"]
    assert int(last.group(3)) == manifest["records_written"]
    assert redraws[-1].rstrip(" ").endswith(("\n", "\r\n"))
    assert "records written" in stdout


def test_log_gets_plain_progress_lines_not_a_redrawn_line(tmp_path: Path) -> None:
    out_dir = tmp_path / "dataset"
    with serve_demo_site(delay=0.2) as server:
        proc = run_cli(
            "crawl", server.start_url, "--out", str(out_dir),
            "-s", "HEALTHCORPUS_PROGRESS_INTERVAL=0.3",
        )
    assert proc.returncode == 0, proc.stderr
    assert "\r" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if "progress:" in line]
    assert len(lines) >= 2, proc.stderr
    counts = [int(STATUS.search(line.replace("progress: ", "")).group(1)) for line in lines]
    assert counts == sorted(counts)
    (manifest,) = read_manifests(out_dir)
    assert counts[-1] <= manifest["pages_fetched"]


def test_progress_off_prints_nothing_but_the_usual(tmp_path: Path) -> None:
    out_dir = tmp_path / "dataset"
    with serve_demo_site(delay=0.1) as server:
        proc = run_cli(
            "crawl", server.start_url, "--out", str(out_dir),
            "-s", "HEALTHCORPUS_PROGRESS=off", "-s", "HEALTHCORPUS_PROGRESS_INTERVAL=0.2",
        )
    assert proc.returncode == 0, proc.stderr
    assert "progress:" not in proc.stderr


@pytest.mark.parametrize("value", ["sometimes"])
def test_a_wrong_progress_mode_is_a_one_line_usage_error(tmp_path: Path, value: str) -> None:
    with serve_demo_site() as server:
        proc = run_cli(
            "crawl", server.start_url, "--out", str(tmp_path / "d"),
            "-s", f"HEALTHCORPUS_PROGRESS={value}",
        )
    assert proc.returncode == 2, proc.stderr
    assert "HEALTHCORPUS_PROGRESS" in proc.stderr
    assert "Traceback" not in proc.stderr
