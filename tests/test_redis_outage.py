"""Redis going away under a shared crawl (issue 18): two ``healthcorpus crawl --redis``
workers, a real redis-server the test stops (SIGTERM, as a restart does) and starts
again on the same port, with its append-only file or empty, and a real loopback site
of 123 articles. The workers pause, go on when Redis is back, and the crawl ends with
every article once and each page fetched once; a Redis that stays away past the
limit stops the worker with its own exit code, and the same command then finishes."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from demo_server_util import (
    DEMO_SITE,
    SITE_FILES,
    DemoServer,
    load_expected,
    read_manifests,
    run_cli,
    serve_demo_site,
    subprocess_env,
)
from redis_util import RestartableRedis, finish

from crawler.exitcodes import OK, PARTIAL, REDIS_UNAVAILABLE

COPIES = 3  # the demo site's 41 articles, three times: 123 articles
PAGE_DELAY = 0.25
DOWN_SECONDS = 3.0
HEARTBEAT_TTL = 8
PAUSED = "does not answer"
RESUMED = "answers again"


def multiplied_site(tmp_path: Path, copies: int = COPIES) -> tuple[Path, list[str]]:
    """The demo site plus ``copies - 1`` editions of it under /c<k>/, each article
    with a sentence of its own (a different text, so a different row); the home page
    links to each edition. Returns the folder and the article paths."""
    site = tmp_path / "site"
    shutil.copytree(DEMO_SITE, site)
    expected, _ = load_expected()
    articles = list(expected)
    home = site / "index.html"
    editions = []
    for k in range(1, copies):
        for source in [*DEMO_SITE.glob("articles/*.html"), *DEMO_SITE.glob("category/**/*.html"),
                       DEMO_SITE / "index.html"]:  # fmt: skip
            target = site / f"c{k}" / source.relative_to(DEMO_SITE)
            target.parent.mkdir(parents=True, exist_ok=True)
            html = source.read_text(encoding="utf-8")
            html = html.replace('href="/', f'href="/c{k}/').replace(
                f'href="/c{k}/static/', 'href="/static/'
            )
            if source.parent.name == "articles":
                html = html.replace(
                    "</h1>",
                    f"</h1>\n<p>Edition {k}: reviewed again for the readers of region {k}.</p>",
                    1,
                )
            target.write_text(html, encoding="utf-8")
        articles += [f"/c{k}{path}" for path in expected]
        editions.append(f'<a href="/c{k}/index.html">Edition {k}</a>')
    html = home.read_text(encoding="utf-8").replace("</body>", "".join(editions) + "</body>", 1)
    home.write_text(html, encoding="utf-8")
    return site, articles


def start_workers(server: DemoServer, out: Path, redis_url: str, *settings: str, count: int = 2):
    command = [
        *(sys.executable, "-m", "crawler.cli", "crawl", server.start_url, "--out", str(out)),
        *("--redis", redis_url, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2"),
        *("-s", "AUTOTHROTTLE_ENABLED=0", "-s", "HEALTHCORPUS_CHECKPOINT_RECORDS=8"),
        *("-s", f"HEALTHCORPUS_HEARTBEAT_TTL={HEARTBEAT_TTL}", *settings),
    ]
    return [
        subprocess.Popen(command, env=subprocess_env(), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for _ in range(count)
    ]  # fmt: skip


def wait_for_pages(server: DemoServer, count: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while len(server.page_paths()) < count:
        assert time.monotonic() < deadline, f"the crawl stalled at {len(server.page_paths())}"
        time.sleep(0.05)


def wait_for_workers(redis_url: str, count: int, timeout: float = 60) -> None:
    """Until ``count`` workers have joined the frontier (a slow start would miss an outage)."""
    import redis as redis_py

    client = redis_py.Redis.from_url(redis_url)
    deadline = time.monotonic() + timeout
    while sum(client.hlen(key) for key in client.keys("healthcorpus:*:workers")) < count:
        assert time.monotonic() < deadline, "the workers did not join"
        time.sleep(0.05)


def assert_each_article_once(out: Path, server: DemoServer, articles: list[str]) -> None:
    rows = pd.read_parquet(out)
    assert not rows["id"].duplicated().any(), rows["url"][rows["id"].duplicated()].tolist()
    assert sorted(rows["url"]) == sorted(server.absolute(path) for path in articles)


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[DemoServer, list[str]]]:
    folder, articles = multiplied_site(tmp_path)
    with serve_demo_site(folder, delay=PAGE_DELAY) as server:
        yield server, articles


@pytest.fixture
def redis(tmp_path: Path) -> Iterator[RestartableRedis]:
    """A Redis with its append-only file, started; stopped at the end whatever happens."""
    server = RestartableRedis(tmp_path, persistence=True)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.parametrize("persistence", [True, False], ids=["persistent", "comes-back-empty"])
def test_redis_restarted_twice_during_a_two_worker_crawl(
    tmp_path: Path, site: tuple[DemoServer, list[str]], persistence: bool
) -> None:
    server, articles = site
    redis = RestartableRedis(tmp_path, persistence=persistence)
    redis.start()
    out = tmp_path / "out"
    try:
        workers = start_workers(server, out, redis.url)
        wait_for_workers(redis.url, 2)  # both meet both restarts
        for progress in (0.25, 0.6):  # of the site's pages, roughly
            wait_for_pages(server, int(progress * len(articles) * 1.3))
            redis.stop()
            time.sleep(DOWN_SECONDS)
            redis.start()
        results = finish(workers)
    finally:
        redis.stop()

    for code, stdout, stderr in results:
        assert code == OK, stdout + stderr[-3000:]
        assert "Traceback" not in stderr, stderr[-3000:]
        assert stderr.count(PAUSED) == 2 and stderr.count(RESUMED) == 2, stderr[-3000:]
    if not persistence:  # the workers rebuilt it
        assert any("came back empty" in stderr for _, _, stderr in results)
    assert_each_article_once(out, server, articles)
    fetches = Counter(path for path in server.page_paths() if path not in SITE_FILES)
    assert sum(fetches.values()) / len(fetches) <= 1.02, fetches.most_common(5)
    assert run_cli("validate", str(out)).returncode == OK


def test_redis_away_past_the_limit_stops_the_worker_then_the_same_command_finishes(
    tmp_path: Path, site: tuple[DemoServer, list[str]], redis: RestartableRedis
) -> None:
    server, articles = site
    out = tmp_path / "out"
    limit = ("-s", "HEALTHCORPUS_REDIS_OUTAGE_LIMIT=4")
    (worker,) = start_workers(server, out, redis.url, *limit, count=1)
    wait_for_pages(server, 30)
    redis.stop()
    stopped = time.monotonic()
    [(code, stdout, stderr)] = finish([worker])
    waited = time.monotonic() - stopped
    assert code == REDIS_UNAVAILABLE, stdout + stderr[-3000:]
    assert waited < 4 + 30, waited
    assert "Traceback" not in stderr, stderr[-3000:]
    assert stderr.count("still does not answer") == 1, stderr[-3000:]
    assert "exit 5" in stdout
    [manifest] = read_manifests(out)
    assert manifest["settings"]["close_reason"] == "redis_unavailable"
    assert manifest["status"] == "failed"
    published = pd.read_parquet(out)  # what was published before is whole
    assert 0 < len(published) < len(articles)

    redis.start()
    [(code, stdout, stderr)] = finish(start_workers(server, out, redis.url, *limit, count=1))
    assert code == OK, stdout + stderr[-3000:]
    assert_each_article_once(out, server, articles)
    assert sorted(m["status"] for m in read_manifests(out)) == ["failed", "finished"]


@pytest.mark.parametrize("paused_for", [2.0, 0.0], ids=["during-the-pause", "as-redis-goes"])
def test_a_stop_signal_during_the_pause_stops_the_worker_at_once(
    tmp_path: Path, site: tuple[DemoServer, list[str]], redis: RestartableRedis, paused_for: float
) -> None:
    """Also when the signal comes first and Redis goes away while the worker closes."""
    server, articles = site
    out = tmp_path / "out"
    (worker,) = start_workers(server, out, redis.url, count=1)
    wait_for_pages(server, 20)
    redis.stop()
    time.sleep(paused_for)  # the limit (300 s) is far away
    assert worker.poll() is None
    worker.send_signal(signal.SIGTERM)
    asked = time.monotonic()
    [(code, stdout, stderr)] = finish([worker])
    assert time.monotonic() - asked < 20
    assert code == PARTIAL, stdout + stderr[-3000:]  # interrupted: run it again
    assert "Traceback" not in stderr, stderr[-3000:]
    assert 0 < len(pd.read_parquet(out)) < len(articles)

    if paused_for:  # run again (once is enough: the same for both orders)
        redis.start()
        [(code, stdout, stderr)] = finish(start_workers(server, out, redis.url, count=1))
        assert code == OK, stdout + stderr[-3000:]
        assert_each_article_once(out, server, articles)


def test_a_request_redis_handed_out_as_it_went_away_goes_back_to_the_queue(
    tmp_path: Path,
) -> None:
    """A pop that Redis executed but whose reply was lost leaves the request in the
    worker's in-flight set without the worker knowing it: put back when Redis returns."""
    import redis as redis_py

    from crawler.distributed.frontier import Frontier

    server = RestartableRedis(tmp_path, persistence=False)
    server.start()
    try:
        client = redis_py.Redis.from_url(server.url)
        frontier = Frontier(client, "example.org", "worker-1")
        frontier.join()
        for entry in (b"a", b"b", b"c"):
            frontier.push(entry.decode(), 0, entry)
        known = frontier.pop()
        assert known is not None
        # The same script, run as if its reply had been lost on the way back.
        lost = client.evalsha(frontier._pop.sha, 3, frontier.keys.queue,
                              frontier.keys.inflight("worker-1"), frontier.keys.workers,
                              "worker-1")  # fmt: skip
        assert frontier.queued() == 1
        assert frontier.requeue_unknown({known}) == 1
        assert frontier.queued() == 2
        assert client.smembers(frontier.keys.inflight("worker-1")) == {known}
        assert lost in client.zrange(frontier.keys.queue, 0, -1)
    finally:
        server.stop()
