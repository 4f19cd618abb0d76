"""A site whose listings link some articles under alias URLs, with no canonical links.

120 articles (``/a/<n>.html``, each its own text, made from the demo site's articles),
12 listing pages of 10 links each, and on the listings ``ALIASES`` of the links carry
the site's own parameters (``/a/12.html?from=list&p=2``), spread over the listings, so
that the same article is met under two URLs. No page says which URL is canonical.
"""

from __future__ import annotations

import re
from pathlib import Path

from demo_server_util import load_expected
from sitemap_site import DEMO_SITE

ARTICLES = 120
PER_LISTING = 10
ALIASES = 8
_CANONICAL = re.compile(r"<link[^>]*rel=.canonical.[^>]*>", re.I)
_HREF = re.compile(r"""\shref\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)


def article_path(n: int) -> str:
    return f"/a/{n}.html"


def alias_of(n: int) -> str:
    return f"{article_path(n)}?from=list&p={n // PER_LISTING + 1}"


def aliased() -> list[int]:
    """The articles linked under an alias too: spread over the site."""
    step = ARTICLES // ALIASES
    return [step * k + 3 for k in range(ALIASES)]


def build_alias_site(folder: Path) -> Path:
    expected, _ = load_expected()
    sources = sorted(expected)
    (folder / "a").mkdir(parents=True)
    for n in range(ARTICLES):
        html = (DEMO_SITE / sources[n % len(sources)].lstrip("/")).read_text(encoding="utf-8")
        html = _HREF.sub("", _CANONICAL.sub("", html))
        # Its own article: its own title and a sentence no other article has.
        html = html.replace("<title>", f"<title>Part {n}: ", 1)
        html = html.replace("<h1>", f"<h1>Part {n}: ", 1)
        html = html.replace("<p>", f"<p>This is part {n} of our series, reviewed in 2026. ", 1)
        (folder / article_path(n).lstrip("/")).write_text(html, encoding="utf-8")
    listings = []
    for page in range(ARTICLES // PER_LISTING):
        numbers = range(page * PER_LISTING, (page + 1) * PER_LISTING)
        links = "".join(
            f'<li><a href="{article_path(n)}">Part {n}</a></li>'
            + (f'<li><a href="{alias_of(n)}">Part {n} (again)</a></li>' if n in aliased() else "")
            for n in numbers
        )
        name = f"/list/{page + 1}.html"
        (folder / "list").mkdir(exist_ok=True)
        title = f"<title>List {page + 1}</title>"
        (folder / name.lstrip("/")).write_text(
            f"<html><head>{title}</head><body><ul>{links}</ul></body></html>", encoding="utf-8"
        )
        listings.append(name)
    home = "".join(f'<li><a href="{name}">{name}</a></li>' for name in listings)
    (folder / "index.html").write_text(
        f"<html><head><title>Series</title></head><body><ul>{home}</ul></body></html>",
        encoding="utf-8",
    )
    (folder / "robots.txt").write_text("User-agent: *\nDisallow: /admin/\n", encoding="utf-8")
    return folder
