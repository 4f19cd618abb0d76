"""The links of a fetched page, for the spider to follow.

Scrapy's LinkExtractor parses each page again with lxml (about 1.6 ms for a 100 KB
page here); lexbor parses it in about a third of that. The rules are LinkExtractor's
defaults as the spider used them: ``<a href>`` and ``<area href>``, ``<base href>``
honoured, whitespace stripped, URLs made safe (percent-encoded in the page's
encoding), links to files that are not pages (images, archives, PDFs ...) left out,
each URL once, in page order, http and https only. The fragment is dropped:
``page#part`` is ``page``. Links inside ``<noscript>`` are not followed (lexbor reads
it as a browser with scripts does, as text).
"""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urljoin, urlparse

from scrapy.http import HtmlResponse
from scrapy.linkextractors import IGNORED_EXTENSIONS
from scrapy.utils.response import get_base_url
from selectolax.lexbor import LexborHTMLParser
from w3lib.html import strip_html5_whitespace
from w3lib.url import safe_url_string

# Scrapy's url_has_any_extension tries each of ~90 extensions in a Python loop; one
# str.endswith with the tuple is the same test in C.
_NOT_PAGES = tuple(sorted({"." + extension for extension in IGNORED_EXTENSIONS}))
# safe_url_string costs more than the rest of a link; most links come out of it as they
# went in, and those are recognised here: only characters it leaves alone (no space,
# no non-ASCII, no "%" whose escape it might repair), a lower-case host, a path, no
# empty query.
_SAFE_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]*")


def _already_safe(url: str, netloc: str, path: str) -> bool:
    return (
        path.startswith("/")
        and not path.startswith("//")
        and netloc == netloc.lower()
        and not url.endswith("?")  # an empty query is dropped
        and "?#" not in url
        and _SAFE_CHARS.fullmatch(url) is not None
    )


def page_links(response: HtmlResponse, tree: LexborHTMLParser | None = None) -> list[str]:
    """Absolute URLs of the page's links, without fragments, in page order, once each.

    ``tree``: the page's ``response.text`` already parsed (the crawl's page workers
    share the cleaner's parse when its decoded text is the same).
    """
    base = get_base_url(response)
    encoding = response.encoding
    urls: dict[str, None] = {}
    if tree is None:
        tree = LexborHTMLParser(response.text)
    for node in tree.css("a[href], area[href]"):
        href = node.attributes.get("href")
        if href and (url := page_url(href, base, encoding)) is not None:
            urls.setdefault(url)
    return list(urls)


def page_url(
    href: str, base: str, encoding: str = "utf-8", *, pages_only: bool = True
) -> str | None:
    """``href`` as the crawl asks for it: absolute, made safe, without its fragment;
    None when it is not http(s) (mailto:, a bogus port...) or, with ``pages_only``, a
    file that is not a page (an image, an archive...). Page links and the URLs that
    sitemaps and feeds list go through it alike (``pages_only=False`` for the URLs of
    sitemaps and feeds themselves: ``.rss``, ``.xml.gz``)."""
    try:
        url = urljoin(base, strip_html5_whitespace(href))
        parts = urlparse(url)
        if not _already_safe(url, parts.netloc, parts.path):
            url = safe_url_string(url, encoding=encoding)
            parts = urlparse(url)
        parts.port  # noqa: B018 - raises on a bogus port, as safe_url_string does
    except ValueError:  # a bogus link (bad port, bad IPv6 literal ...)
        return None
    if parts.scheme not in ("http", "https"):
        return None  # mailto:, javascript: ...
    if pages_only and parts.path.lower().endswith(_NOT_PAGES):
        return None  # images, archives ...
    return urldefrag(url).url if parts.fragment else url
