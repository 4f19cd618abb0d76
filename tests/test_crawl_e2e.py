"""End-to-end: crawl the demo site over loopback with the real spider, pipelines and
cleaner, through the command line, and compare the dataset with expected.json."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from demo_server_util import (
    DEMO_SITE,
    DemoServer,
    load_expected,
    read_manifests,
    run_cli,
    run_scrapy,
    serve_demo_site,
)

BOILERPLATE_MARKERS = ("<<:", ">>:")


@dataclass
class DemoCrawl:
    server: DemoServer
    out_dir: Path
    returncode: int
    stdout: str
    stderr: str
    frame: pd.DataFrame
    manifest: dict[str, Any]


@pytest.fixture(scope="module")
def demo_crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoCrawl]:
    """One CLI crawl of the demo site, shared by the assertions below."""
    out_dir = tmp_path_factory.mktemp("crawl") / "dataset"
    with serve_demo_site() as server:
        # Run from an unrelated folder: the CLI must not depend on the working directory.
        proc = run_cli("crawl", server.start_url, "--out", str(out_dir), cwd=out_dir.parent)
    manifests = read_manifests(out_dir)
    assert len(manifests) == 1, (proc.stdout, proc.stderr)
    frame = pd.read_parquet(out_dir) if manifests[0]["files"] else pd.DataFrame()
    yield DemoCrawl(server, out_dir, proc.returncode, proc.stdout, proc.stderr, frame, manifests[0])


def _path(server: DemoServer, url: str) -> str:
    assert url.startswith(server.base_url + "/"), url
    return url[len(server.base_url) :]


def _link(server: DemoServer, expected: dict[str, Any] | None) -> dict[str, Any] | None:
    if expected is None:
        return None
    return {"title": expected["title"], "url": server.absolute(expected["url"])}


def _as_link(value: Any) -> dict[str, Any] | None:
    return None if value is None else {"title": value["title"], "url": value["url"]}


# --- the crawl as a whole -------------------------------------------------------------


def test_crawl_succeeds_and_prints_where_the_dataset_is(demo_crawl: DemoCrawl) -> None:
    assert demo_crawl.returncode == 0, demo_crawl.stderr
    folder = str(demo_crawl.out_dir.resolve())
    assert folder in demo_crawl.stdout
    assert f'pandas.read_parquet("{demo_crawl.out_dir.resolve().as_posix()}")' in demo_crawl.stdout
    assert "Traceback" not in demo_crawl.stderr


def test_one_row_per_article_and_no_other_page(demo_crawl: DemoCrawl) -> None:
    articles, non_articles = load_expected()
    paths = [_path(demo_crawl.server, url) for url in demo_crawl.frame["url"]]
    duplicates = [path for path, n in Counter(paths).items() if n > 1]
    assert duplicates == []
    assert sorted(paths) == sorted(articles)
    assert set(paths).isdisjoint(non_articles)
    assert demo_crawl.frame["id"].is_unique


def test_robots_txt_is_obeyed_and_no_page_is_fetched_twice(demo_crawl: DemoCrawl) -> None:
    server = demo_crawl.server
    assert "/robots.txt" in server.paths
    fetched = server.page_paths()
    assert not [path for path in fetched if path.startswith("/admin/")]
    assert [path for path, n in Counter(fetched).items() if n > 1] == []
    articles, non_articles = load_expected()
    assert set(articles) <= set(fetched)
    # Every linked non-article page (home, category lists, about ...) was visited too.
    for path in non_articles:
        if path.startswith("/admin/"):
            continue
        assert path in fetched or (path.endswith("/index.html") and path[:-10] in fetched), path


def test_manifest_counts_add_up(demo_crawl: DemoCrawl) -> None:
    manifest = demo_crawl.manifest
    assert manifest["status"] == "finished"
    assert manifest["command"] == "crawl"
    assert manifest["errors"] == {}
    assert manifest["records_written"] == len(demo_crawl.frame)
    skipped = dict(manifest["skipped"])
    assert skipped.pop("robots_txt", 0) >= 1  # the /admin/ link, refused by robots.txt
    # Every fetched page became exactly one record or one counted skip.
    assert manifest["pages_fetched"] == manifest["records_written"] + sum(skipped.values())
    assert manifest["pages_fetched"] == len(demo_crawl.server.page_paths())
    for name in manifest["files"]:
        assert (demo_crawl.out_dir / name).is_file()
    assert manifest["settings"]["ROBOTSTXT_OBEY"] is True
    assert not list(demo_crawl.out_dir.glob(".*.tmp"))  # no temporary file left behind


# --- each article against expected.json -------------------------------------------------


def _rows_by_path(demo_crawl: DemoCrawl) -> dict[str, dict[str, Any]]:
    return {
        _path(demo_crawl.server, row["url"]): row
        for row in demo_crawl.frame.to_dict(orient="records")
    }


MISSING = "<data/demo_site/expected.json is missing>"


def _article_paths() -> list[str]:
    # A missing demo site must fail loudly, not silently collect zero article tests.
    if not (DEMO_SITE / "expected.json").is_file():
        return [MISSING]
    return sorted(load_expected()[0])


@pytest.mark.parametrize("path", _article_paths())
def test_article_matches_expected(demo_crawl: DemoCrawl, path: str) -> None:
    assert path != MISSING, "build the demo site: python data/build_demo_site.py"
    expected = load_expected()[0][path]
    row = _rows_by_path(demo_crawl).get(path)
    assert row is not None, f"no record for {path}"
    server = demo_crawl.server
    assert row["title"] == expected["title"]
    assert [(s["number"], s["heading"]) for s in row["sections"]] == [
        (s["number"], s["heading"]) for s in expected["sections"]
    ]
    assert [r["url"] for r in row["related"]] == [
        server.absolute(r["url"]) for r in expected["related"]
    ]
    assert _as_link(row["prev"]) == _link(server, expected["prev"])
    assert _as_link(row["next"]) == _link(server, expected["next"])
    for line in row["text"].splitlines():
        assert not line.strip().startswith("Recommend"), line
        assert not any(marker in line for marker in BOILERPLATE_MARKERS), line


# --- `scrapy crawl` from the project root ------------------------------------------------


def test_scrapy_crawl_from_project_root_writes_the_same_dataset(
    demo_server: DemoServer, tmp_path: Path
) -> None:
    out_dir = tmp_path / "scrapy-out"
    proc = run_scrapy(
        "crawl",
        "articles",
        "-a",
        f"start_urls={demo_server.start_url}",
        "-s",
        f"HEALTHCORPUS_OUT={out_dir}",
        "-s",
        "LOG_LEVEL=WARNING",
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    articles, _ = load_expected()
    frame = pd.read_parquet(out_dir)
    assert sorted(_path(demo_server, url) for url in frame["url"]) == sorted(articles)
    (manifest,) = read_manifests(out_dir)
    assert manifest["command"] == "scrapy crawl articles"
    assert manifest["records_written"] == len(frame)
    assert not [path for path in demo_server.paths if path.startswith("/admin/")]


def test_without_page_workers_the_crawl_gives_the_same_dataset(
    demo_crawl: DemoCrawl, tmp_path: Path
) -> None:
    """One core (or -s HEALTHCORPUS_CLEAN_WORKERS=0): links, archive records and
    cleaning all happen in the crawl's own process, with the same result."""
    out_dir = tmp_path / "in-process"
    with serve_demo_site() as server:
        proc = run_cli(
            "crawl", server.start_url, "--out", str(out_dir),
            "-s", "HEALTHCORPUS_CLEAN_WORKERS=0", cwd=tmp_path,
        )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    (manifest,) = read_manifests(out_dir)
    assert manifest["pages_fetched"] == demo_crawl.manifest["pages_fetched"]
    assert manifest["records_written"] == demo_crawl.manifest["records_written"]
    columns = ["title", "text", "sections", "related", "prev", "next", "language"]

    def by_path(frame: pd.DataFrame, site: DemoServer) -> dict[str, str]:
        return {
            _path(site, row["url"]): repr([row[c] for c in columns])
            for row in frame.to_dict("records")
        }

    frame = pd.read_parquet(out_dir)
    rows = by_path(frame, server)
    assert rows.keys() == by_path(demo_crawl.frame, demo_crawl.server).keys()
    # Link URLs carry each server's port: compare with it taken out.
    ours = {k: v.replace(server.start_url, "/") for k, v in rows.items()}
    theirs = {
        k: v.replace(demo_crawl.server.start_url, "/")
        for k, v in by_path(demo_crawl.frame, demo_crawl.server).items()
    }
    assert ours == theirs
    warcs = sorted((out_dir / "_warc").glob("*.warc.gz"))
    assert warcs, "no WARC archive written"


# --- settings wiring -------------------------------------------------------------------


COMPONENT_SETTINGS = (
    "ITEM_PIPELINES",
    "DOWNLOADER_MIDDLEWARES",
    "SPIDER_MIDDLEWARES",
    "EXTENSIONS",
)


def _project_components() -> list[str]:
    from crawler import settings

    return [
        path
        for name in COMPONENT_SETTINGS
        for path, priority in getattr(settings, name, {}).items()
        if priority is not None
    ]


@pytest.mark.parametrize("dotted_path", _project_components())
def test_every_component_in_settings_imports_and_builds(dotted_path: str) -> None:
    """A typo in a dotted path otherwise shows only when a crawl starts."""
    from scrapy.utils.misc import build_from_crawler, load_object
    from scrapy.utils.test import get_crawler

    from crawler import settings
    from crawler.spiders.articles import ArticlesSpider

    component = load_object(dotted_path)
    assert hasattr(component, "from_crawler"), dotted_path
    ours = {name: value for name, value in vars(settings).items() if name.isupper()}
    ours["HEALTHCORPUS_MAX_PAGES"] = 5  # so that the page budget is switched on
    crawler = get_crawler(ArticlesSpider, settings_dict=ours)
    assert build_from_crawler(component, crawler) is not None


def test_spider_module_and_settings_module_load() -> None:
    from scrapy.settings import Settings
    from scrapy.spiderloader import SpiderLoader

    settings = Settings()
    settings.setmodule("crawler.settings")
    assert settings.getbool("ROBOTSTXT_OBEY")
    assert not settings.getbool("REMOTE_CONTROL_ENABLED")
    assert not settings.getbool("TELNETCONSOLE_ENABLED")
    assert settings.getdict("FEEDS") == {}
    assert SpiderLoader.from_settings(settings.frozencopy()).list() == ["articles"]
