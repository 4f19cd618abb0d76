"""Incremental re-crawls, as a cron job runs them: crawl, the site changes, crawl again.

A real loopback server serves a copy of the demo site, records every answer it gives
(200 or 304), and the test edits files between the runs like a site's editors would.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
from demo_server_util import (
    DEMO_SITE,
    DemoServer,
    load_expected,
    read_manifests,
    run_cli,
    serve_demo_site,
)

from cleaning.dataset import load

CHANGED = ["/articles/leg-cramps-women.html", "/articles/ginger-belly-button.html"]
NEW_ARTICLE = "/articles/new-hydration-guide.html"
NEW_SENTENCE = "A new study of 2,400 runners changed this advice in 2026."


def copy_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(DEMO_SITE, site)
    return site


def edit_article(site: Path, path: str, *, keep_mtime: bool = False) -> None:
    """Add a sentence to the first paragraph, as an editor's correction would."""
    file = site / path.lstrip("/")
    stat = file.stat()
    html = file.read_text(encoding="utf-8")
    assert "<p>" in html
    file.write_text(html.replace("<p>", f"<p>{NEW_SENTENCE} ", 1), encoding="utf-8")
    # Servers compare Last-Modified to the second: make the change visible to them, or
    # (keep_mtime) leave the date alone so only the ETag can tell.
    mtime = stat.st_mtime if keep_mtime else stat.st_mtime + 120
    os.utime(file, (mtime, mtime))


def add_article(site: Path) -> None:
    """A new article, linked from the home page (which thereby changes too)."""
    source = (site / CHANGED[0].lstrip("/")).read_text(encoding="utf-8")
    new = (
        source.replace("Leg cramps", "Hydration for runners")
        .replace("leg cramps", "hydration for runners")
        .replace(CHANGED[0], NEW_ARTICLE)  # its own canonical URL
    )
    (site / NEW_ARTICLE.lstrip("/")).write_text(new, encoding="utf-8")
    index = site / "index.html"
    stat = index.stat()
    html = index.read_text(encoding="utf-8")
    link = f'<li><a href="{NEW_ARTICLE}">Hydration for runners</a></li>'
    index.write_text(html.replace("<ul>", "<ul>" + link, 1), encoding="utf-8")
    os.utime(index, (stat.st_mtime + 120, stat.st_mtime + 120))


def crawl(server: DemoServer, out_dir: Path, *extra: str) -> tuple[int, str, str]:
    proc = run_cli("crawl", server.start_url, "--out", str(out_dir), *extra)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.parametrize("etags", [False, True], ids=["last-modified", "etag"])
def test_second_crawl_downloads_only_changed_pages(tmp_path: Path, etags: bool) -> None:
    site = copy_site(tmp_path)
    out_dir = tmp_path / "dataset"
    expected, _ = load_expected()
    with serve_demo_site(site, etags=etags) as server:
        code, stdout, stderr = crawl(server, out_dir)
        assert code == 0, stderr
        first = pd.read_parquet(out_dir)
        assert len(first) == len(expected)
        assert all(answers == [200] for answers in server.statuses().values())

        for path in CHANGED:
            # With ETags the date is left alone: only the validator can reveal the change.
            edit_article(site, path, keep_mtime=etags)
        add_article(site)
        server.reset()
        code, stdout, stderr = crawl(server, out_dir)
        statuses = server.statuses()

    assert code == 0, stderr
    full = sorted(path for path, answers in statuses.items() if answers == [200])
    home = {path for path in statuses if path in ("/", "/index.html")}
    assert full == sorted({*CHANGED, NEW_ARTICLE} | home)
    # Every other page was asked with a conditional GET and cost a 304, once.
    unchanged = [path for path in statuses if path not in full]
    assert unchanged and all(statuses[path] == [304] for path in unchanged)
    assert set(expected) - set(CHANGED) <= set(unchanged)

    rows = pd.read_parquet(out_dir)
    new_rows = rows[~rows["crawl_id"].isin(first["crawl_id"])]
    base = server.base_url
    assert sorted(new_rows["url"]) == sorted(base + p for p in [*CHANGED, NEW_ARTICLE])
    latest = load(out_dir).set_index("url")
    for path in CHANGED:
        assert NEW_SENTENCE in latest.loc[base + path, "text"]
    assert len(latest) == len(expected) + 1

    manifest = read_manifests(out_dir)[-1]
    assert manifest["records_written"] == 3
    assert manifest["pages_not_modified"] == len(unchanged)
    assert manifest["skipped"]["unchanged"] == len(expected) - len(CHANGED)
    assert "not modified since the last run" in stdout


def test_full_recrawl_fetches_everything_but_adds_no_rows(tmp_path: Path) -> None:
    site = copy_site(tmp_path)
    out_dir = tmp_path / "dataset"
    with serve_demo_site(site) as server:
        assert crawl(server, out_dir)[0] == 0
        server.reset()
        code, _, stderr = crawl(server, out_dir, "--full")
        statuses = server.statuses()
    assert code == 0, stderr
    assert statuses and all(answers == [200] for answers in statuses.values())
    manifest = read_manifests(out_dir)[-1]
    assert manifest["records_written"] == 0
    assert manifest["pages_not_modified"] == 0
    assert manifest["settings"]["HEALTHCORPUS_INCREMENTAL"] in (False, "False")


def test_known_article_no_longer_linked_is_still_checked(tmp_path: Path) -> None:
    """Listings drop old articles; the crawl state still asks for them."""
    site = copy_site(tmp_path)
    out_dir = tmp_path / "dataset"
    expected, _ = load_expected()
    with serve_demo_site(site) as server:
        assert crawl(server, out_dir)[0] == 0
        orphan = CHANGED[0]
        for html_file in site.rglob("*.html"):
            text = html_file.read_text(encoding="utf-8")
            if orphan in text and html_file != site / orphan.lstrip("/"):
                html_file.write_text(text.replace(f'href="{orphan}"', 'href="/"'), "utf-8")
        edit_article(site, orphan)
        server.reset()
        code, _, stderr = crawl(server, out_dir)
        statuses = server.statuses()
    assert code == 0, stderr
    assert statuses[orphan] == [200]
    latest = load(out_dir).set_index("url")
    assert NEW_SENTENCE in latest.loc[server.base_url + orphan, "text"]
    assert len(latest) == len(expected)
