"""Sitemaps and feeds, crawled as a user would: ``healthcorpus crawl`` against a real
loopback site that publishes them (tests/sitemap_site.py)."""

from __future__ import annotations

import gzip
import re
from collections import Counter
from pathlib import Path

import pandas as pd
from demo_server_util import DemoServer, load_expected, read_manifests, run_cli, serve_demo_site
from sitemap_site import rss, site_copy, urlset, write_sitemaps

from crawler.exitcodes import OK


def crawl(start_url: str, out_dir: Path, *extra: str) -> None:
    proc = run_cli("crawl", start_url, "--out", str(out_dir), *extra)
    assert proc.returncode == OK, proc.stdout + proc.stderr


def article_paths() -> list[str]:
    expected, _ = load_expected()
    return sorted(expected)


def test_a_site_reachable_only_through_its_sitemap_is_crawled_whole(tmp_path: Path) -> None:
    site = site_copy(tmp_path, links=False)
    articles = article_paths()
    with serve_demo_site(site) as server:
        files = write_sitemaps(site, server.base_url, articles)
        crawl(server.start_url, tmp_path / "out")
        requested = Counter(server.paths)
    rows = pd.read_parquet(tmp_path / "out")
    assert sorted(rows["url"]) == sorted(server.absolute(path) for path in articles)
    # The index and both gzipped sitemaps once each; every article once; nothing else
    # but the home page, robots.txt and the /sitemap.xml every host is asked for.
    assert all(requested[name] == 1 for name in files)
    assert all(requested[path] == 1 for path in articles)
    assert set(requested) == {*files, *articles, "/", "/robots.txt", "/sitemap.xml"}
    (manifest,) = read_manifests(tmp_path / "out")
    assert manifest["discovery"]["sitemap"] == {
        "files": 3,
        "urls_found": len(articles),
        "urls_in_scope": len(articles),
    }
    # Sitemap files are not pages: neither fetched pages nor errors (the 404 of
    # /sitemap.xml is the normal answer of a host without one there).
    assert manifest["pages_fetched"] == len(articles) + 1
    assert manifest["errors"] == {}
    # `stats` shows what the sitemaps gave.
    shown = run_cli("stats", str(tmp_path / "out")).stdout
    assert re.search(rf"sitemap urls_in_scope\s+{len(articles)}\b", shown), shown
    assert re.search(r"sitemap files\s+3\b", shown), shown


def test_sitemaps_only_fetches_what_the_sitemaps_list(tmp_path: Path) -> None:
    site = site_copy(tmp_path)  # with links: they are not followed
    listed = article_paths()[:5]
    with serve_demo_site(site) as server:
        write_sitemaps(site, server.base_url, listed)
        crawl(server.start_url, tmp_path / "out", "--sitemaps", "only")
        pages = server.page_paths()
    assert sorted(p for p in pages if not p.startswith("/sitemaps/")) == listed
    rows = pd.read_parquet(tmp_path / "out")
    assert sorted(rows["url"]) == [server.absolute(path) for path in listed]


def test_sitemaps_off_reads_none(tmp_path: Path) -> None:
    site = site_copy(tmp_path)
    with serve_demo_site(site) as server:
        write_sitemaps(site, server.base_url, article_paths())
        crawl(server.start_url, tmp_path / "out", "--sitemaps", "off")
        paths = set(server.paths)
    assert not [path for path in paths if "sitemap" in path]
    # Links still lead everywhere.
    assert len(pd.read_parquet(tmp_path / "out")) == len(article_paths())


def test_a_sitemap_or_a_feed_given_as_start_url_is_read(tmp_path: Path) -> None:
    site = site_copy(tmp_path, links=False)
    articles = article_paths()
    with serve_demo_site(site) as server:
        (site / "one.xml").write_bytes(urlset(server.base_url, dict.fromkeys(articles[:3])))
        (site / "feed.rss").write_text(rss(server.base_url, articles[3:5]), encoding="utf-8")
        crawl(server.absolute("/one.xml"), tmp_path / "a", "--sitemaps", "off")
        crawl(server.absolute("/feed.rss"), tmp_path / "b", "--sitemaps", "off")
    assert sorted(pd.read_parquet(tmp_path / "a")["url"]) == [
        server.absolute(path) for path in articles[:3]
    ]
    assert sorted(pd.read_parquet(tmp_path / "b")["url"]) == [
        server.absolute(path) for path in articles[3:5]
    ]
    (manifest,) = read_manifests(tmp_path / "b")
    assert manifest["discovery"]["feed"]["urls_in_scope"] == 2


def test_a_feed_named_by_the_start_page_is_read(tmp_path: Path) -> None:
    site = site_copy(tmp_path, links=False)
    articles = article_paths()
    home = site / "index.html"
    link = (
        '<link rel="alternate" type="application/rss+xml" title="News" href="/feed.xml">'
        '<link rel="alternate" type="application/atom+xml" href="/gone.atom">'
    )
    home.write_text(home.read_text(encoding="utf-8").replace("</head>", link + "</head>", 1))
    with serve_demo_site(site) as server:
        (site / "feed.xml").write_text(rss(server.base_url, articles[:4]), encoding="utf-8")
        crawl(server.start_url, tmp_path / "out")
    rows = pd.read_parquet(tmp_path / "out")
    assert sorted(rows["url"]) == [server.absolute(path) for path in articles[:4]]
    (manifest,) = read_manifests(tmp_path / "out")
    assert manifest["discovery"]["feed"]["files"] == 1
    # A feed that is gone is counted, not an error of the crawl.
    assert manifest["discovery"]["feed"]["refused"] == {"http_404": 1}
    assert manifest["errors"] == {} and manifest["status"] == "finished"


def test_hostile_sitemaps_are_refused_and_counted_and_the_crawl_goes_on(tmp_path: Path) -> None:
    site = site_copy(tmp_path)
    articles = article_paths()
    with serve_demo_site(site) as server:
        base = server.base_url
        # A gzip bomb: 64 MiB of spaces in 64 KiB on the wire.
        (site / "bomb.xml.gz").write_bytes(gzip.compress(b"<urlset>" + b" " * (64 << 20)))
        # Entity expansion ("billion laughs"): must not be expanded.
        laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
        (site / "laughs.xml").write_text(
            f'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY l0 "ha">{laughs}]>'
            f"<urlset><url><loc>{base}/x&l9;</loc></url></urlset>"
        )
        # Indexes nested deeper than any site needs, and pages of another host.
        for depth in range(6):
            (site / f"deep-{depth}.xml").write_text(
                f"<sitemapindex><sitemap><loc>{base}/deep-{depth + 1}.xml</loc></sitemap>"
                "</sitemapindex>"
            )
        (site / "other.xml").write_bytes(urlset("http://example.invalid", {"/a": None}))
        (site / "elsewhere.xml").write_text(
            "<sitemapindex><sitemap><loc>http://example.invalid/s.xml</loc></sitemap>"
            "</sitemapindex>"
        )
        (site / "not-xml.xml").write_text("<html><body>Not found</body></html>")
        names = ["bomb.xml.gz", "laughs.xml", "deep-0.xml", "other.xml", "elsewhere.xml"]
        names.append("not-xml.xml")
        robots = site / "robots.txt"
        robots.write_text(
            robots.read_text() + "".join(f"\nSitemap: {base}/{name}" for name in names) + "\n"
        )
        crawl(server.start_url, tmp_path / "out")
        requested = set(server.paths)
    assert "/deep-4.xml" not in requested  # index -> index -> index -> sitemap at most
    assert not [path for path in requested if path.startswith("/x")]
    (manifest,) = read_manifests(tmp_path / "out")
    refused = manifest["discovery"]["sitemap"]["refused"]
    assert refused["too_big"] == 1
    assert refused["too_deep"] == 1
    assert refused["out_of_scope"] == 2  # a page and a sitemap of another host
    assert refused["not_a_listing"] == 1
    assert refused["entities"] == 1  # the billion laughs
    # The crawl itself went on by its links.
    assert len(pd.read_parquet(tmp_path / "out")) == len(articles)
    assert manifest["status"] == "finished"


def edit(site: Path, path: str) -> None:
    """An editor's correction, saved now (its file date moves)."""
    file = site / path.lstrip("/")
    file.write_text(
        file.read_text(encoding="utf-8").replace("<p>", f"<p>{CORRECTION} ", 1), encoding="utf-8"
    )


CORRECTION = "Corrected in December 2026 after new guidance."


def article_statuses(server: DemoServer, articles: list[str]) -> dict[str, list[int]]:
    return {path: codes for path, codes in server.statuses().items() if path in articles}


def newest_text(out: Path, url: str) -> str:
    rows = pd.read_parquet(out)
    return str(rows[rows["url"] == url].sort_values("fetched_at").iloc[-1]["text"])


def test_a_second_run_asks_only_for_what_the_sitemap_dates_as_changed(tmp_path: Path) -> None:
    site = site_copy(tmp_path)
    articles = article_paths()
    changed = articles[7]
    out = tmp_path / "out"
    with serve_demo_site(site) as server:
        write_sitemaps(site, server.base_url, articles)
        crawl(server.start_url, out)
        before = len(pd.read_parquet(out))
        edit(site, changed)
        write_sitemaps(site, server.base_url, articles, robots=False)  # its lastmod moves
        server.reset()
        crawl(server.start_url, out)
        statuses = article_statuses(server, articles)
    # Of the articles, only the changed one was asked for, and it came in full.
    assert statuses == {changed: [200]}
    assert len(pd.read_parquet(out)) == before + 1
    assert CORRECTION in newest_text(out, server.absolute(changed))
    second = read_manifests(out)[-1]
    assert second["pages_unchanged_by_lastmod"] == len(articles) - 1
    assert second["skipped"]["unchanged"] == len(articles) - 1


def test_a_site_whose_lastmod_lies_gets_conditional_gets(tmp_path: Path) -> None:
    site = site_copy(tmp_path)
    articles = article_paths()
    changed = articles[3]
    out = tmp_path / "out"
    with serve_demo_site(site) as server:
        write_sitemaps(site, server.base_url, articles)
        crawl(server.start_url, out)
        edit(site, changed)  # and the sitemap keeps its old date
        server.reset()
        # Known articles are verified every --recheck-days whatever the sitemap says.
        crawl(server.start_url, out, "--recheck-days", "0")
        rechecked = article_statuses(server, articles)
        server.reset()
        crawl(server.start_url, out)
        third = article_statuses(server, articles)
    assert rechecked == {path: [200 if path == changed else 304] for path in articles}
    assert CORRECTION in newest_text(out, server.absolute(changed))
    # The change proved the site's dates wrong: from then on every article is asked.
    assert third == {path: [304] for path in articles}
    assert read_manifests(out)[-1]["pages_unchanged_by_lastmod"] == 0


def test_articles_that_leave_the_sitemap_stay_in_the_dataset_and_are_marked(
    tmp_path: Path,
) -> None:
    from crawler.state import PageState

    site = site_copy(tmp_path)
    articles = article_paths()
    gone = articles[:2]
    out = tmp_path / "out"
    with serve_demo_site(site) as server:
        write_sitemaps(site, server.base_url, articles)
        crawl(server.start_url, out)
        write_sitemaps(site, server.base_url, articles[2:], robots=False)
        crawl(server.start_url, out)
    assert set(pd.read_parquet(out)["url"]) >= {server.absolute(path) for path in gone}
    assert read_manifests(out)[-1]["discovery"]["articles_unlisted"] == 2
    state = PageState(out / "_state")
    try:
        assert state.unlisted_urls() == {server.absolute(path) for path in gone}
    finally:
        state.close()


def test_two_redis_workers_skip_what_the_sitemap_dates_as_unchanged(tmp_path: Path) -> None:
    from redis_util import crawl_with_workers, redis_server

    site = site_copy(tmp_path)
    articles = article_paths()
    changed, gone = articles[5], articles[6]
    out = tmp_path / "out"

    def two_workers(redis_url: str) -> None:
        for code, stdout, stderr in crawl_with_workers(server.start_url, out, redis_url):
            assert code == OK, stdout + stderr

    with redis_server(tmp_path) as redis_url, serve_demo_site(site, delay=0.02) as server:
        write_sitemaps(site, server.base_url, articles)
        two_workers(redis_url)
        edit(site, changed)
        write_sitemaps(site, server.base_url, [p for p in articles if p != gone], robots=False)
        server.reset()
        two_workers(redis_url)
        statuses = article_statuses(server, articles)
    # The one left out of the sitemap is still known: it keeps its conditional GET.
    assert statuses == {changed: [200], gone: [304]}
    assert CORRECTION in newest_text(out, server.absolute(changed))
    second = read_manifests(out)[-2:]
    assert sum(m["pages_unchanged_by_lastmod"] for m in second) == len(articles) - 2
