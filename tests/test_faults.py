"""A crawl of a site where about a fifth of the pages misbehave (tests/fault_server.py).

What a user checks afterwards: every article that could be fetched is in the dataset
exactly once and reads right; every page that could not is in the run manifest, under
its reason; the exit code says "partial" only if something was really lost; nothing
outside the site was touched, and no traceback reached the terminal.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from demo_server_util import (
    load_expected,
    read_manifests,
    run_cli,
    serve_demo_site,
    subprocess_env,
)
from fault_server import (
    ACCENTED,
    MAX_SIZE,
    TIMEOUT,
    FaultySite,
    build_faulty_site,
    redirect,
    serve_options,
)

from crawler.exitcodes import FAILED, OK, PARTIAL

CRAWL_SETTINGS = (
    "-s", f"DOWNLOAD_MAXSIZE={MAX_SIZE}",
    "-s", f"DOWNLOAD_TIMEOUT={TIMEOUT}",
    "-s", "RETRY_TIMES=2",
)  # fmt: skip


# Runs a command and writes the peak RSS (KiB) of it and its descendants to a file. A
# small process in between: a child forked from pytest starts with pytest's own pages
# (hundreds of MiB late in a session), and the kernel counts them in its peak.
_PEAK_WRAPPER = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
with open(sys.argv[1], "w") as out:
    out.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
"""


def run_measured(*args: str, output: Path) -> tuple[int, str, float]:
    """``healthcorpus ARGS`` -> (exit code, stdout+stderr, peak RSS in MiB of the crawl)."""
    peak_file = output.with_suffix(".peak")
    with output.open("w+") as out:
        code = subprocess.call(
            [sys.executable, "-c", _PEAK_WRAPPER, str(peak_file),
             sys.executable, "-m", "crawler.cli", *args],
            env=subprocess_env(), stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        out.seek(0)
        return code, out.read(), int(peak_file.read_text()) / 1024


def crawl_faulty_site(
    site: FaultySite, out_dir: Path
) -> tuple[int, str, dict, list[str], float]:
    with serve_demo_site(site.folder, **serve_options(site)) as server:
        code, output, peak_rss_mib = run_measured(
            "crawl", server.start_url, "--out", str(out_dir), *CRAWL_SETTINGS,
            output=out_dir.parent / "crawl.log",
        )  # fmt: skip
        hosts = list(server.hosts)
        base = server.base_url
    (manifest,) = read_manifests(out_dir)
    return code, output, manifest | {"base": base}, hosts, peak_rss_mib


@pytest.fixture(scope="module")
def faulty_crawl(tmp_path_factory: pytest.TempPathFactory):
    tmp_path = tmp_path_factory.mktemp("faults")
    site = build_faulty_site(tmp_path)
    out_dir = tmp_path / "dataset"
    code, output, manifest, hosts, peak_rss_mib = crawl_faulty_site(site, out_dir)
    return site, out_dir, code, output, manifest, hosts, peak_rss_mib


def test_every_recoverable_article_is_in_the_dataset_once(faulty_crawl) -> None:
    site, out_dir, _, output, manifest, _, _ = faulty_crawl
    expected, _ = load_expected()
    rows = pd.read_parquet(out_dir)
    assert not rows["id"].duplicated().any()
    base = manifest["base"]
    assert sorted(rows["url"]) == sorted(base + path for path in expected), output
    for path in site.accented:  # a wrong charset declaration did not garble the text
        text = rows.loc[rows["url"] == base + path, "text"].iloc[0]
        assert ACCENTED in text, (path, text[:200])


def test_every_bad_page_is_counted_under_its_reason(faulty_crawl) -> None:
    _, _, _, output, manifest, _, _ = faulty_crawl
    assert manifest["errors"] == {"http_500": 1, "download/DownloadTimeoutError": 1}, output
    skipped = manifest["skipped"]
    assert skipped["http_404"] == 1
    assert skipped["redirect_loop"] == 1
    assert skipped["too_large"] == 3  # Content-Length, streamed, gzip bomb
    assert skipped["redirect_out_of_scope"] == 1  # to another host name
    assert skipped["redirect_not_followed"] == 1  # to a file: URL
    problems = {p["source"].removeprefix(manifest["base"]) for p in manifest["problems"]}
    assert problems == {"/faults/broken.html", "/faults/hangs.html"}


def test_lost_pages_make_the_run_partial_with_no_traceback(faulty_crawl) -> None:
    _, _, code, output, manifest, _, _ = faulty_crawl
    assert code == PARTIAL, output
    assert manifest["status"] == "partial"
    assert "Traceback" not in output


def test_nothing_outside_the_site_was_fetched(faulty_crawl) -> None:
    _, out_dir, _, _, manifest, hosts, _ = faulty_crawl
    assert set(hosts) == {manifest["base"].removeprefix("http://")}  # never Host: localhost
    urls = set(pd.read_parquet(out_dir)["url"])
    assert all(url.startswith(manifest["base"] + "/") for url in urls)


def test_gzip_bomb_is_not_expanded_into_memory(faulty_crawl) -> None:
    *_, peak_rss_mib = faulty_crawl
    # A whole crawl of this site takes about 280 MiB; the bomb alone would be 512 MiB.
    assert peak_rss_mib < 400, peak_rss_mib


def test_faults_that_recover_leave_a_clean_exit(tmp_path: Path) -> None:
    site = build_faulty_site(tmp_path, with_lost_pages=False)
    code, output, manifest, _, _ = crawl_faulty_site(site, tmp_path / "dataset")
    assert code == OK, output
    assert manifest["errors"] == {}
    assert manifest["status"] == "finished"


# --- limits a page cannot get around ------------------------------------------------


def test_a_redirect_chain_cannot_stretch_the_page_budget(tmp_path: Path) -> None:
    site = build_faulty_site(tmp_path, with_lost_pages=False)
    for hop in range(1, 31):
        site.faults[f"/chain/{hop}.html"] = redirect(f"/chain/{hop + 1}.html")
    with serve_demo_site(site.folder, **serve_options(site)) as server:
        proc = run_cli(
            "crawl", server.absolute("/chain/1.html"), "--out", str(tmp_path / "d"),
            "--max-pages", "5",
        )  # fmt: skip
        pages = server.page_paths()
    assert proc.returncode in (OK, PARTIAL, FAILED), proc.stderr
    assert len(pages) == 5, pages  # each hop is a fetched page


def listening_sockets_of(pid: int) -> set[str]:
    """Local addresses on which process ``pid`` listens (TCP, IPv4 and IPv6)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    listening = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                listening.add(fields[1])
    return listening


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux /proc")
def test_a_crawl_opens_no_listening_port(tmp_path: Path) -> None:
    """No telnet console, no remote-control server: nothing to attack on the host."""
    with serve_demo_site(delay=0.2) as server:
        proc = subprocess.Popen(
            [sys.executable, "-m", "crawler.cli", "crawl", server.start_url,
             "--out", str(tmp_path / "d")],
            env=subprocess_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        seen: set[str] = set()
        looks = 0
        while proc.poll() is None:
            with contextlib.suppress(FileNotFoundError, ProcessLookupError):
                seen |= listening_sockets_of(proc.pid)
                looks += 1
            time.sleep(0.1)
        proc.communicate()
    assert proc.returncode == OK
    assert looks > 10  # it was looked at while it crawled
    assert seen == set()
