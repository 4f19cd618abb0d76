"""The item a spider yields for every HTML page it fetched."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(slots=True)
class PageItem:
    """One fetched HTML page, raw: the cleaning pipeline decodes and extracts it.

    The body stays bytes so that ``cleaning`` decodes it once, at its own documented
    boundary (HTTP charset, then meta tags and BOM).
    """

    url: str
    body: bytes
    declared_encoding: str | None
    http_status: int
    fetched_at: datetime

    def __repr__(self) -> str:
        # Scrapy logs items when it drops them; a page body would flood the log.
        return f"PageItem(url={self.url!r}, http_status={self.http_status}, {len(self.body)} bytes)"
