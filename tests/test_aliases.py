"""One row per article whatever URL it came by: aliases found by their text, and the
site's own query parameters learned from them (crawler/aliases.py), on a loopback site
(tests/alias_site.py) crawled as a user would."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
from alias_site import ARTICLES, alias_of, aliased, article_path, build_alias_site
from demo_server_util import read_manifests, run_cli, serve_demo_site, subprocess_env

from crawler.exitcodes import OK
from crawler.state import PageState

MAX_FETCHES_PER_ARTICLE = 1.02


def article_fetches(paths: list[str]) -> int:
    return sum(1 for path in paths if path.startswith("/a/"))


def assert_one_row_per_article(out: Path, base_url: str) -> pd.DataFrame:
    rows = pd.read_parquet(out)
    assert not rows["content_hash"].duplicated().any()
    assert not rows["id"].duplicated().any()
    urls = {url.split("?")[0] for url in rows["url"]}
    assert urls == {base_url + article_path(n) for n in range(ARTICLES)}
    return rows


def test_aliases_give_no_row_and_their_parameters_are_learned(tmp_path: Path) -> None:
    site = build_alias_site(tmp_path / "site")
    out = tmp_path / "out"
    with serve_demo_site(site) as server:
        proc = run_cli("crawl", server.start_url, "--out", str(out))
        assert proc.returncode == OK, proc.stdout + proc.stderr
        # The server saw the query too: record the full request lines.
        paths = server.page_paths()
    assert_one_row_per_article(out, server.base_url)
    fetched = article_fetches(paths)
    assert fetched <= MAX_FETCHES_PER_ARTICLE * ARTICLES, fetched
    (manifest,) = read_manifests(out)
    aliases = manifest["skipped"].get("alias", 0)
    assert aliases == fetched - ARTICLES >= 1
    assert re.search(rf"\balias\s+{aliases}\b", run_cli("stats", str(out)).stdout)
    # The aliases fetched are in the state as such, and the site's parameters learned.
    state = PageState(out / "_state")
    try:
        # Whichever of its two URLs was fetched second is the alias.
        urls = [server.absolute(path(n)) for n in aliased() for path in (alias_of, article_path)]
        alias_urls = [url for url in urls if (page := state.get(url)) and page.outcome == "alias"]
        assert len(alias_urls) == aliases
        learned = {param for (host, param), pages in state.alias_params().items() if pages >= 2}
        assert learned == {"from", "p"}
    finally:
        state.close()


def test_a_second_crawl_fetches_no_alias(tmp_path: Path) -> None:
    site = build_alias_site(tmp_path / "site")
    out = tmp_path / "out"
    with serve_demo_site(site) as server:
        for _ in range(2):
            server.reset()
            proc = run_cli("crawl", server.start_url, "--out", str(out), "--full")
            assert proc.returncode == OK, proc.stdout + proc.stderr
        second = server.page_paths()
    assert_one_row_per_article(out, server.base_url)
    # Learned in the first run: the second asks for every article once, under one URL.
    assert article_fetches(second) == ARTICLES
    assert not [target for target in server.targets if "?" in target]


def learned_params(out: Path) -> set[str]:
    if not (out / "_state" / "pages.sqlite").exists():
        return set()
    state = PageState(out / "_state")
    try:
        return {param for (_, param), pages in state.alias_params().items() if pages >= 2}
    finally:
        state.close()


def test_what_was_learned_survives_kill_and_resume(tmp_path: Path) -> None:
    site = build_alias_site(tmp_path / "site")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "crawler.cli", "crawl", "--out", str(out),
               "-s", "HEALTHCORPUS_CHECKPOINT_RECORDS=10", "-s", "AUTOTHROTTLE_ENABLED=0",
               "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2"]  # fmt: skip
    with serve_demo_site(site, delay=0.05) as server:
        first = subprocess.Popen([*command, server.start_url], env=subprocess_env(),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
        deadline = time.monotonic() + 60
        while learned_params(out) != {"from", "p"}:
            assert time.monotonic() < deadline and first.poll() is None
            time.sleep(0.05)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
        server.reset()
        proc = run_cli("crawl", server.start_url, "--out", str(out))
        assert proc.returncode == OK, proc.stdout + proc.stderr
        resumed = list(server.targets)
    # The killed run's unpublished pages are fetched again (the price of kill -9), but
    # what it learned was kept: no alias URL is asked for again, and no row doubles.
    assert_one_row_per_article(out, server.base_url)
    assert not [target for target in resumed if "?" in target]


def test_aliases_with_two_workers_on_redis(tmp_path: Path) -> None:
    from redis_util import crawl_with_workers, redis_server

    site = build_alias_site(tmp_path / "site")
    out = tmp_path / "out"
    with redis_server(tmp_path) as redis_url, serve_demo_site(site, delay=0.05) as server:
        for code, stdout, stderr in crawl_with_workers(server.start_url, out, redis_url):
            assert code == OK, stdout + stderr
        paths = server.page_paths()
    assert_one_row_per_article(out, server.base_url)
    fetched = article_fetches(paths)
    assert fetched <= MAX_FETCHES_PER_ARTICLE * ARTICLES, fetched
    aliases = sum(m["skipped"].get("alias", 0) for m in read_manifests(out))
    assert aliases == fetched - ARTICLES
