"""The links the spider follows (crawler/links.py), checked against Scrapy's own
LinkExtractor on real pages and on the cases that decide what gets fetched."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from scrapy.http import HtmlResponse
from scrapy.linkextractors import LinkExtractor

from crawler.links import page_links

REPO = Path(__file__).resolve().parent.parent
PAGES = sorted((REPO / "data" / "demo_site").rglob("*.html")) + sorted(
    (REPO / "tests" / "corpus").glob("*/*.html")
)
URL = "http://example.org/dir/page.html"


def response(body: bytes | str, url: str = URL, encoding: str = "utf-8") -> HtmlResponse:
    if isinstance(body, str):
        body = body.encode(encoding)
    return HtmlResponse(url, body=body, encoding=encoding)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_same_links_as_scrapys_link_extractor(path: Path) -> None:
    body = path.read_bytes()
    scrapy_links = LinkExtractor(tags=("a", "area"), attrs=("href",), unique=True)
    expected = {
        urldefrag(link.url).url
        for link in scrapy_links.extract_links(HtmlResponse(URL, body=body))
        if urlsplit(link.url).scheme in ("http", "https")
    }
    assert set(page_links(HtmlResponse(URL, body=body))) == expected


def test_base_href_fragments_whitespace_and_order() -> None:
    html = """<html><head><base href="http://example.org/news/"></head><body>
      <a href=" b.html ">b</a> <a href="a.html#top">a</a> <a href="a.html">again</a>
      <area href="/map.html"> <a href="../up.html">up</a></body></html>"""
    assert page_links(response(html)) == [
        "http://example.org/news/b.html",
        "http://example.org/news/a.html",
        "http://example.org/map.html",
        "http://example.org/up.html",
    ]


def test_only_web_pages_are_followed() -> None:
    html = """<a href="mailto:x@example.org">m</a><a href="javascript:go()">j</a>
      <a href="tel:123">t</a><a href="ftp://example.org/f">f</a><a href="file:///etc/passwd">p</a>
      <a href="/photo.JPG">img</a><a href="/paper.pdf">pdf</a><a href="/a.zip">zip</a>
      <a href="http://[bad">bogus</a><a href="http://example.org:99999/">bad port</a>
      <a href="/ok.html">ok</a><a>no href</a><a href="">empty</a>"""
    assert page_links(response(html)) == ["http://example.org/ok.html"]


def test_non_ascii_links_are_percent_encoded_in_the_page_encoding() -> None:
    html = '<a href="/santé.html?q=été">fr</a>'
    assert page_links(response(html, encoding="cp1252")) == [
        "http://example.org/sant%C3%A9.html?q=%E9t%E9"
    ]


TRICKY_HREFS = [
    "https://Example.ORG/Path", "https://example.org?q=1", "/a/?", "/a/?#top", "/b%zz",
    "/c%20d", "/e f", "/ü", "http//www.example.org/x", "HTTP://example.org/up",
    "//other.example.org/p", "/p?x=a|b", "/p?x=`y`", "/p;params?q", "./rel/../x.html",
    "https://example.org:443/port", "https://user:pw@example.org/", "/x#", "?only=query",
]  # fmt: skip


@pytest.mark.parametrize("href", TRICKY_HREFS)
def test_tricky_links_match_scrapys_link_extractor(href: str) -> None:
    """The fast path (links already safe skip safe_url_string) must not change a URL."""
    body = f'<html><body><a href="{href}">x</a></body></html>'.encode()
    scrapy_links = LinkExtractor(tags=("a",), attrs=("href",), unique=True)
    expected = [
        urldefrag(link.url).url
        for link in scrapy_links.extract_links(HtmlResponse(URL, body=body, encoding="utf-8"))
        if urlsplit(link.url).scheme in ("http", "https")
    ]
    assert page_links(response(body)) == expected
