"""Sites that publish sitemaps and feeds, built from the demo site for crawl tests.

``unlinked_copy`` removes every link of every page, so that only a sitemap or a feed can
lead a crawler to the articles; ``write_sitemaps`` publishes a sitemap index of gzipped
sitemaps (named in robots.txt, as real sites do) with each article's ``<lastmod>``.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

from demo_server_util import DEMO_SITE

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
_HREF = re.compile(r"""\shref\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)


def site_copy(tmp_path: Path, *, links: bool = True) -> Path:
    site = tmp_path / "site"
    shutil.copytree(DEMO_SITE, site)
    if not links:
        for page in site.rglob("*.html"):
            stat = page.stat()
            page.write_text(_HREF.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
            os.utime(page, (stat.st_atime, stat.st_mtime))
    return site


def lastmod_of(site: Path, path: str) -> str:
    """The file's modification time as a W3C datetime, as a CMS would write it."""
    mtime = (site / path.lstrip("/")).stat().st_mtime
    return datetime.fromtimestamp(mtime, UTC).isoformat(timespec="seconds")


def urlset(base_url: str, entries: dict[str, str | None]) -> bytes:
    """A sitemap of ``path -> lastmod`` (None: no <lastmod>)."""
    urls = "".join(
        f"<url><loc>{base_url}{path}</loc>"
        + (f"<lastmod>{lastmod}</lastmod>" if lastmod else "")
        + "</url>"
        for path, lastmod in entries.items()
    )
    head = '<?xml version="1.0" encoding="UTF-8"?>'
    return f'{head}<urlset xmlns="{SITEMAP_NS}">{urls}</urlset>'.encode()


def write_sitemaps(
    site: Path,
    base_url: str,
    paths: list[str],
    *,
    parts: int = 2,
    dated: bool = True,
    robots: bool = True,
) -> list[str]:
    """``/sitemaps/index.xml`` over ``parts`` gzipped sitemaps of ``paths``; with
    ``robots``, named by a ``Sitemap:`` line of robots.txt. Returns the files' paths."""
    folder = site / "sitemaps"
    folder.mkdir(exist_ok=True)
    names = []
    for part in range(parts):
        chunk = paths[part::parts]
        entries = {path: lastmod_of(site, path) if dated else None for path in chunk}
        name = f"/sitemaps/part-{part}.xml.gz"
        (site / name.lstrip("/")).write_bytes(gzip.compress(urlset(base_url, entries)))
        names.append(name)
    index = "".join(f"<sitemap><loc>{base_url}{name}</loc></sitemap>" for name in names)
    (folder / "index.xml").write_text(
        f'<?xml version="1.0"?><sitemapindex xmlns="{SITEMAP_NS}">{index}</sitemapindex>',
        encoding="utf-8",
    )
    if robots:
        robots_txt = site / "robots.txt"
        text = robots_txt.read_text(encoding="utf-8")
        robots_txt.write_text(text + f"\nSitemap: {base_url}/sitemaps/index.xml\n", "utf-8")
    return ["/sitemaps/index.xml", *names]


def rss(base_url: str, paths: list[str]) -> str:
    items = "".join(
        f"<item><title>{path}</title><link>{base_url}{path}</link>"
        "<pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate></item>"
        for path in paths
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Demo</title>'
        f"<link>{base_url}/</link>{items}</channel></rss>"
    )
