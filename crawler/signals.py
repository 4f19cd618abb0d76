"""The crawl's own Scrapy signals."""

from __future__ import annotations

# Sent by the spider when it is done with a request: its callback has yielded every
# page and link (or its errback ran). Arguments: ``request``, and ``page_url``, the URL
# of the page item it yielded, if any. A shared frontier uses it to know which of the
# requests it handed out can be forgotten once their pages are published.
request_finished = object()
