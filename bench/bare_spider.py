"""The anchor for crawl speed: a Scrapy spider that only follows same-host links.

    scrapy runspider bench/bare_spider.py -a start_url=http://127.0.0.1:PORT/ -s ...

No items, no cleaning, no storage: what Scrapy itself costs on the same site.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response
from scrapy.linkextractors import LinkExtractor


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, start_url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = [start_url]
        host = urlsplit(start_url).hostname or ""
        self.allowed_domains = [host]
        # Same-host filtering is Scrapy's OffsiteMiddleware's job (LinkExtractor's
        # allow_domains compares the netloc, port included, and would reject all).
        self.links = LinkExtractor(tags=("a",), attrs=("href",))

    def parse(self, response: Response, **kwargs: Any) -> Iterator[scrapy.Request]:
        for link in self.links.extract_links(response):
            yield scrapy.Request(link.url, callback=self.parse)

    def closed(self, reason: str) -> None:
        # Read by bench/crawl_speed.py: pages fetched, robots.txt excluded.
        stats = self.crawler.stats
        pages = (stats.get_value("response_received_count") or 0) - (
            stats.get_value("robotstxt/response_count") or 0
        )
        print(f"pages_fetched={pages}")
