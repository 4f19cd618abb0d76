"""The item a spider yields for every HTML page it fetched."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cleaning import CleanResult


@dataclass(slots=True)
class PageItem:
    """One fetched HTML page, raw: the cleaning pipeline decodes and extracts it.

    The body stays bytes so that ``cleaning`` decodes it once, at its own documented
    boundary (HTTP charset, then meta tags and BOM). The headers go to the WARC archive
    and give the validators (ETag, Last-Modified) of the next run's conditional GET;
    the links are kept in the crawl state, so that a page answered with 304 Not
    Modified still leads the crawl on to the pages it links to.
    """

    url: str
    body: bytes
    declared_encoding: str | None
    http_status: int
    fetched_at: datetime
    headers: list[tuple[str, str]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    # Done by a page worker (crawler/page_workers.py) before the pipelines see the page:
    warc_member: bytes | None = None  # its WARC record, built (the archive appends it)
    cleaned: CleanResult | None = None  # its record or skip reason
    clean_error: tuple[str, str, str] | None = None  # (type, message, traceback) of a failure

    def header(self, name: str) -> str | None:
        """The first value of header ``name`` (case-insensitive), if any."""
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)

    def __repr__(self) -> str:
        # Scrapy logs items when it drops them; a page body would flood the log.
        return f"PageItem(url={self.url!r}, http_status={self.http_status}, {len(self.body)} bytes)"
