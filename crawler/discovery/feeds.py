"""The feeds a page names (``<link rel="alternate" type="application/rss+xml">``)."""

from __future__ import annotations

from urllib.parse import urljoin

from scrapy.http import HtmlResponse
from scrapy.utils.response import get_base_url
from selectolax.lexbor import LexborHTMLParser

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})


def feed_links(response: HtmlResponse) -> list[str]:
    """Absolute URLs of the page's RSS and Atom feeds, in page order, once each."""
    base = get_base_url(response)
    urls: dict[str, None] = {}
    for node in LexborHTMLParser(response.text).css("link[href]"):
        attributes = node.attributes
        rel = (attributes.get("rel") or "").lower().split()
        kind = (attributes.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in FEED_TYPES and (href := attributes.get("href")):
            urls.setdefault(urljoin(base, href.strip()))
    return list(urls)
