"""What the cleaner returns for a page, in a module of its own: a crawl's process
receives results from its page workers without importing the cleaner itself."""

from __future__ import annotations

from dataclasses import dataclass

from cleaning.dataset.schema import Record


@dataclass(slots=True)
class CleanResult:
    """A record, or the reason the page gave none."""

    record: Record | None
    skip_reason: str | None = None
