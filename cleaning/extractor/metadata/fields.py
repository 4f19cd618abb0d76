"""What one source of a page states about its article, before the sources are merged.

Every source (JSON-LD, microdata, ``<meta>``, the visible page) fills a :class:`Stated`;
``merge`` takes each field from the first source that states it (docs/metadata.md).
Dates stay the strings the source wrote until the merge reads them: a source whose
date cannot be read does not hide the next source's.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Stated:
    """Fields one source states; None where it states nothing."""

    published_at: str | None = None
    created_at: str | None = None  # dateCreated: publication when no source states one
    modified_at: str | None = None
    reviewed_at: str | None = None
    authors: list[str] | None = None
    reviewers: list[str] | None = None
    description: str | None = None
    tags: list[str] | None = None
    keywords: list[str] | None = None  # keywords metas: tags of the last resort
    # the breadcrumb trail, (name, url) pairs, as written: trimmed at the merge
    categories: list[tuple[str, str]] | None = None
    sections: list[str] | None = None  # articleSection / article:section
    image: str | None = None
