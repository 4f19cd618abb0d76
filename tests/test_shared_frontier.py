"""Several workers, one Redis frontier, one dataset folder: a real redis-server and a
real loopback site, workers started as a user would (``healthcorpus crawl --redis``)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
import redis
from demo_server_util import (
    DEMO_SITE,
    DemoServer,
    load_expected,
    read_manifests,
    serve_demo_site,
    subprocess_env,
)
from redis_util import finish, redis_server

from cleaning.dataset.dedup import dataset_files
from crawler.exitcodes import FAILED, OK

# Slow enough that both workers find work, fast enough for CI.
PAGE_DELAY = 0.2
WORKER_SETTINGS = (
    "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2",
    "-s", "AUTOTHROTTLE_ENABLED=0",
    "-s", "HEALTHCORPUS_CHECKPOINT_RECORDS=4",
)  # fmt: skip
# Heartbeats: a worker without one for this long counts as dead. Shorter where a test
# kills a worker (its requests come back sooner); long enough everywhere that a live
# worker on a loaded 2-core machine (the tests run in parallel) never misses its beat:
# 4 s once lapsed for a live worker while another test process scored the real pages.
DEATH_TEST_TTL = 8
LIVE_TEST_TTL = 10


def start_worker(
    server: DemoServer, out_dir: Path, redis_url: str, heartbeat_ttl: float = LIVE_TEST_TTL
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "crawl", server.start_url, "--out", str(out_dir),
         "--redis", redis_url, *WORKER_SETTINGS,
         "-s", f"HEALTHCORPUS_HEARTBEAT_TTL={heartbeat_ttl}"],
        env=subprocess_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip


def assert_every_article_once(out_dir: Path, server: DemoServer) -> pd.DataFrame:
    expected, _ = load_expected()
    rows = pd.read_parquet(out_dir)
    assert not rows["id"].duplicated().any(), rows["url"][rows["id"].duplicated()].tolist()
    assert sorted(rows["url"]) == sorted(server.absolute(path) for path in expected)
    return rows


@pytest.fixture
def redis_url(tmp_path: Path):
    with redis_server(tmp_path) as url:
        yield url


def test_two_workers_share_the_crawl(tmp_path: Path, redis_url: str) -> None:
    out_dir = tmp_path / "dataset"
    # One worker alone would need about 20 s (56 pages, 0.8 s each, two at a time):
    # the other has time to start even on a loaded machine, and then takes its share.
    with serve_demo_site(delay=4 * PAGE_DELAY) as server:
        workers = [start_worker(server, out_dir, redis_url) for _ in range(2)]
        results = finish(workers)
        requested = Counter(server.page_paths())
    for code, stdout, stderr in results:
        assert code == OK, stdout + stderr
    assert_every_article_once(out_dir, server)
    # Each page fetched once across both workers.
    assert requested and max(requested.values()) == 1, requested.most_common(3)
    manifests = read_manifests(out_dir)
    assert len(manifests) == 2
    fetched = [m["pages_fetched"] for m in manifests]
    assert all(n > 0 for n in fetched), fetched  # the load was split
    assert sum(fetched) == len(requested)
    # Each worker wrote its own files, and its manifest says which worker it was.
    assert {m["settings"]["worker"]["pid"] for m in manifests} == {w.pid for w in workers}
    written = sorted(name for m in manifests for name in m["files"])
    assert written == sorted(p.name for p in dataset_files(out_dir))
    # The crawl ended for everyone: nothing left queued or in flight.
    client = redis.Redis.from_url(redis_url)
    assert not [k for k in client.keys("healthcorpus:*") if b"requests" in k or b"inflight" in k]


def two_workers_at_work(
    server: DemoServer, out_dir: Path, redis_url: str
) -> tuple[subprocess.Popen[str], subprocess.Popen[str]]:
    """Two workers with a short heartbeat, once the second has been at work a second
    (it has published some pages and has more in flight)."""
    first = start_worker(server, out_dir, redis_url, DEATH_TEST_TTL)
    second = start_worker(server, out_dir, redis_url, DEATH_TEST_TTL)
    deadline = time.monotonic() + 60
    while not any(str(second.pid) in str(m["settings"]) for m in read_manifests(out_dir)):
        assert time.monotonic() < deadline, "the worker never started"
        time.sleep(0.05)
    time.sleep(1.0)
    return first, second


def test_killed_worker_loses_no_page(tmp_path: Path, redis_url: str) -> None:
    out_dir = tmp_path / "dataset"
    with serve_demo_site(delay=PAGE_DELAY) as server:
        steady, doomed = two_workers_at_work(server, out_dir, redis_url)
        doomed.send_signal(signal.SIGKILL)
        doomed.wait(timeout=30)
        restarted = start_worker(server, out_dir, redis_url, DEATH_TEST_TTL)
        results = finish([steady, restarted])
    for code, _, stderr in results:
        assert code == OK, stderr
    rows = assert_every_article_once(out_dir, server)
    assert not rows.duplicated(["id", "content_hash"]).any()
    assert not list(out_dir.rglob(".*.tmp"))
    statuses = Counter(m["status"] for m in read_manifests(out_dir))
    assert statuses == {"finished": 2, "interrupted": 1}


def test_a_stalled_worker_taken_for_dead_stops_instead_of_crawling_again(
    tmp_path: Path, redis_url: str
) -> None:
    """A worker that stalls past the heartbeat's time to live (SIGSTOP here; a frozen
    VM or a swap storm in life) is taken for dead: the other fetches its pages and ends
    the crawl. When it wakes it stops with one line, instead of writing those pages a
    second time or crawling the site again with the finished crawl's empty filter."""
    out_dir = tmp_path / "dataset"
    with serve_demo_site(delay=PAGE_DELAY) as server:
        steady, stalled = two_workers_at_work(server, out_dir, redis_url)
        stalled.send_signal(signal.SIGSTOP)
        try:
            ((steady_code, _, steady_err),) = finish([steady])  # the crawl ends without it
            asked_before_waking = len(server.page_paths())
        finally:
            stalled.send_signal(signal.SIGCONT)
        ((code, _, stderr),) = finish([stalled])
        asked = server.page_paths()
    assert steady_code == OK, steady_err
    assert code == FAILED, stderr
    assert "took this one for dead" in stderr and "Traceback" not in stderr
    assert_every_article_once(out_dir, server)
    # Awake, it asked for hardly anything more (at most the requests it had already
    # taken, 4): no new crawl.
    assert len(asked) - asked_before_waking <= 4, asked[asked_before_waking:]
    (stopped,) = [
        m for m in read_manifests(out_dir) if m["settings"]["worker"]["pid"] == stalled.pid
    ]
    # Fetched twice: only pages it had fetched, whose records it had not yet published
    # (the other fetched them again).
    twice = sum(n - 1 for n in Counter(asked).values())
    assert twice <= stopped["pages_fetched"]
    assert stopped["status"] == "failed"
    assert stopped["settings"]["close_reason"] == "declared_dead", stderr
    assert not list(out_dir.rglob(".*.tmp"))
    client = redis.Redis.from_url(redis_url)
    assert not [k for k in client.keys("healthcorpus:*") if b"requests" in k or b"inflight" in k]


def site_with_aliases(tmp_path: Path, count: int = 6) -> tuple[Path, list[str]]:
    """A copy of the demo site where some articles are also served under a second URL
    (a print view, say) whose canonical link names the original, linked from the home
    page so that any worker may meet either URL first."""
    site = tmp_path / "site"
    shutil.copytree(DEMO_SITE, site)
    expected, _ = load_expected()
    originals = sorted(expected)[:count]
    links = []
    for path in originals:
        alias = path.replace(".html", "-print.html")
        (site / alias.lstrip("/")).write_bytes((site / path.lstrip("/")).read_bytes())
        links.append(f'<li><a href="{alias}">print</a></li>')
    index = site / "index.html"
    html = index.read_text(encoding="utf-8")
    index.write_text(html.replace("<ul>", "<ul>" + "".join(links), 1), encoding="utf-8")
    return site, originals


def test_an_article_under_two_urls_is_written_once_across_workers(
    tmp_path: Path, redis_url: str
) -> None:
    site, originals = site_with_aliases(tmp_path)
    out_dir = tmp_path / "dataset"
    with serve_demo_site(site, delay=PAGE_DELAY) as server:
        results = finish([start_worker(server, out_dir, redis_url) for _ in range(2)])
        requested = Counter(server.page_paths())
    for code, stdout, stderr in results:
        assert code == OK, stdout + stderr
    assert all(path.replace(".html", "-print.html") in requested for path in originals)
    rows = pd.read_parquet(out_dir)
    # One row per article, whichever of its two URLs a worker met first.
    assert not rows["id"].duplicated().any()
    expected, _ = load_expected()
    assert sorted(rows["canonical_url"]) == sorted(server.absolute(path) for path in expected)
    duplicates = sum(m["skipped"].get("duplicate", 0) for m in read_manifests(out_dir))
    assert duplicates == len(originals)


def test_a_second_shared_crawl_fetches_only_what_changed(tmp_path: Path, redis_url: str) -> None:
    site = tmp_path / "site"
    shutil.copytree(DEMO_SITE, site)
    out_dir = tmp_path / "dataset"
    expected, _ = load_expected()
    changed = sorted(expected)[0]
    with serve_demo_site(site, delay=PAGE_DELAY / 4) as server:
        first = finish([start_worker(server, out_dir, redis_url) for _ in range(2)])
        assert all(code == OK for code, _, _ in first), [out + err for _, out, err in first]
        before = len(pd.read_parquet(out_dir))
        file = site / changed.lstrip("/")
        stat = file.stat()
        file.write_text(
            file.read_text(encoding="utf-8").replace("<p>", "<p>Updated in 2026. ", 1),
            encoding="utf-8",
        )
        os.utime(file, (stat.st_mtime + 120, stat.st_mtime + 120))
        server.reset()
        second = finish([start_worker(server, out_dir, redis_url) for _ in range(2)])
        statuses = server.statuses()
    assert all(code == OK for code, _, _ in second), [out + err for _, out, err in second]
    # Every known article was asked for again, and only the edited one came in full.
    assert {path: codes for path, codes in statuses.items() if path in expected} == {
        path: [200 if path == changed else 304] for path in expected
    }
    rows = pd.read_parquet(out_dir)
    assert len(rows) == before + 1
    newest = rows[rows["url"] == server.absolute(changed)].sort_values("fetched_at")
    assert "Updated in 2026." in newest.iloc[-1]["text"]
