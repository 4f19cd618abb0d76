"""One run id per crawl, shared by every component that needs it."""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from cleaning.dataset.manifest import new_run_id

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

# Settings are frozen before components are built, so a generated id cannot be stored
# there; it is kept per crawler instead, so both pipelines (and the manifest) agree.
_generated: WeakKeyDictionary[Crawler, str] = WeakKeyDictionary()


def run_id_for(crawler: Crawler) -> str:
    """``HEALTHCORPUS_RUN_ID`` when set (the CLI sets it), else one generated per crawl."""
    configured = crawler.settings.get("HEALTHCORPUS_RUN_ID")
    if configured:
        return str(configured)
    if crawler not in _generated:
        _generated[crawler] = new_run_id()
    return _generated[crawler]
