"""The record: one row per article, schema v3.

This module is the single source of truth for the dataset's columns. The Parquet
writer, the validator and ``docs/schema.md`` all derive from :data:`ARROW_SCHEMA`,
which is itself built from the dataclasses below, so a column cannot be added in
one place and forgotten in another.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pyarrow as pa

SCHEMA_VERSION = "3"
# Versions a dataset folder may hold; a folder holds one (``healthcorpus upgrade``
# brings an older one to this version: readers take the schema of one file).
KNOWN_SCHEMA_VERSIONS = ("1", "2", "3")


@dataclass(slots=True)
class Section:
    """A numbered part of an article: ``number`` is None when the heading has none."""

    number: int | None
    heading: str
    text: str


@dataclass(slots=True)
class RelatedLink:
    """One entry of a "Recommend" / "Related articles" block."""

    title: str
    url: str | None
    snippet: str


@dataclass(slots=True)
class PageLink:
    """A previous/next article link."""

    title: str
    url: str | None


@dataclass(slots=True)
class Reference:
    """One entry of the article's own "Sources" / "References" / "参考文献" list."""

    text: str
    url: str | None


@dataclass(slots=True)
class Record:
    """One cleaned article, exactly as it is stored in Parquet."""

    id: str
    url: str
    canonical_url: str
    site: str
    title: str
    intro: str
    text: str
    sections: list[Section] = field(default_factory=list)
    related: list[RelatedLink] = field(default_factory=list)
    prev: PageLink | None = None
    next: PageLink | None = None
    language: str | None = None
    word_count: int = 0
    content_hash: str = ""
    fetched_at: datetime | None = None
    http_status: int | None = None
    crawl_id: str = ""
    extractor_version: str = ""
    # v2: what the page states about the article (null / empty when it states nothing;
    # never guessed from the crawl). Timestamps are UTC; a date without a time is that
    # day at 00:00 UTC.
    published_at: datetime | None = None
    modified_at: datetime | None = None
    authors: list[str] = field(default_factory=list)
    reviewers: list[str] = field(default_factory=list)
    reviewed_at: datetime | None = None
    description: str | None = None
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    image: str | None = None
    references: list[Reference] = field(default_factory=list)
    # v3: set by the dataset, not the cleaner (cleaning.dataset.near_dups).
    near_dup_of: str | None = None

    def to_row(self) -> dict[str, Any]:
        """The record as a plain dict whose nested values match :data:`ARROW_SCHEMA`.

        What ``dataclasses.asdict`` gives, at a third of its cost (it deep-copies every
        value, and this runs on every record written).
        """
        return {name: _plain(getattr(self, name)) for name in _FIELD_NAMES[Record]}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in dataclasses.fields(cls))
    for cls in (Record, Section, RelatedLink, PageLink, Reference)
}


def _plain(value: Any) -> Any:
    """A record value with its nested dataclasses (sections, links) as dicts."""
    if isinstance(value, list):
        return [_plain(item) for item in value]
    names = _FIELD_NAMES.get(type(value))
    if names is None:
        return value
    return {name: getattr(value, name) for name in names}


_LINK = pa.struct([("title", pa.string()), ("url", pa.string())])
_STAMP = pa.timestamp("ms", tz="UTC")

# Column order and Arrow types (see DESIGN.md). Kept next to the dataclass;
# `tests/test_schema.py` checks the two name the same columns. The first 18 are v1's.
ARROW_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string(), nullable=False),
        pa.field("url", pa.string(), nullable=False),
        pa.field("canonical_url", pa.string()),
        pa.field("site", pa.string()),
        pa.field("title", pa.string()),
        pa.field("intro", pa.string()),
        pa.field("text", pa.string()),
        pa.field(
            "sections",
            pa.list_(
                pa.struct([("number", pa.int32()), ("heading", pa.string()), ("text", pa.string())])
            ),
        ),
        pa.field(
            "related",
            pa.list_(
                pa.struct([("title", pa.string()), ("url", pa.string()), ("snippet", pa.string())])
            ),
        ),
        pa.field("prev", _LINK),
        pa.field("next", _LINK),
        pa.field("language", pa.string()),
        pa.field("word_count", pa.int32()),
        pa.field("content_hash", pa.string()),
        pa.field("fetched_at", _STAMP),
        pa.field("http_status", pa.int16()),
        pa.field("crawl_id", pa.string()),
        pa.field("extractor_version", pa.string()),
        # v2
        pa.field("published_at", _STAMP),
        pa.field("modified_at", _STAMP),
        pa.field("authors", pa.list_(pa.string())),
        pa.field("reviewers", pa.list_(pa.string())),
        pa.field("reviewed_at", _STAMP),
        pa.field("description", pa.string()),
        pa.field("tags", pa.list_(pa.string())),
        pa.field("categories", pa.list_(pa.string())),
        pa.field("image", pa.string()),
        pa.field("references", pa.list_(pa.struct([("text", pa.string()), ("url", pa.string())]))),
        # v3
        pa.field("near_dup_of", pa.string()),
    ],
    metadata={"healthcorpus.schema_version": SCHEMA_VERSION},
)

COLUMN_DOCS: dict[str, str] = {
    "id": "stable: sha1 of the canonical URL (hex, 40 chars)",
    "url": "the URL the page was fetched from (or the file it was read from)",
    "canonical_url": "rel=canonical when present, else the URL without tracking parameters",
    "site": "host name of the canonical URL",
    "title": "the article's title, once (no site-name suffix)",
    "intro": "text before the first section",
    "text": "clean body: intro, then each section's heading and text; "
    "paragraphs separated by a blank line",
    "sections": "the article's sections in page order: a numbered sequence of headings "
    "(1. / 一、 / Step 1 ...), else its h1-h4 headings, bold heading lines or dump lines, "
    "number null; on how-to pages, each method or part (numbered by the page) then its "
    "steps (numbered from 1, heading the bold instruction); on a recipe or how-to whose "
    "JSON-LD states its steps, one section per step (numbered from 1, heading its first "
    "sentence) after the page's headings",
    "related": "the related-articles block (Recommend, Related articles, 相关推荐...)",
    "prev": "previous-article link, null when absent",
    "next": "next-article link, null when absent",
    "language": "ISO 639-1 code of `text`, detected offline",
    "word_count": "words of `text` (CJK characters count one each)",
    "content_hash": "sha1 of `text`, for exact dedup",
    "fetched_at": "when the page was fetched (UTC)",
    "http_status": "HTTP status of the response (null for offline files)",
    "crawl_id": "the run that produced the row",
    "extractor_version": "version of the cleaner that produced the row",
    "published_at": "when the article was first published, as the page states it "
    "(UTC; a date without a time is that day at 00:00 UTC); null when it states none",
    "modified_at": "when the page says the article was last updated (UTC), null when it does not",
    "authors": "the article's authors as the page names them (people, or the organization "
    "when it names no person), in page order",
    "reviewers": 'who the page says reviewed the article ("Medically reviewed by", '
    '"Fact checked by", 审核专家...)',
    "reviewed_at": "when the page says the article was last reviewed (UTC), null when it does not",
    "description": "the page's own summary (JSON-LD / Open Graph / meta description)",
    "tags": "the article's keywords and tags as the page states them",
    "categories": "the article's sections or breadcrumb trail, broadest first "
    "(without the home page and the article itself)",
    "image": "the article's lead image (absolute URL)",
    "references": "the article's own sources / references list (text, and url when "
    "linked); that list is not in `text` or `sections`",
    "near_dup_of": "the id of the earliest record whose text is a near duplicate of this "
    "one's (MinHash LSH, word-shingle Jaccard about 0.8; see docs/near_duplicates.md); "
    "null when there is none or when this record is that earliest one",
}

# The columns each schema version has: an older folder lacks the rest.
V1_COLUMNS = tuple(ARROW_SCHEMA.names[:18])
V2_COLUMNS = tuple(ARROW_SCHEMA.names[:28])
COLUMNS_BY_VERSION: dict[str, tuple[str, ...]] = {
    "1": V1_COLUMNS,
    "2": V2_COLUMNS,
    SCHEMA_VERSION: tuple(ARROW_SCHEMA.names),
}


def stable_id(canonical_url: str) -> str:
    """The record id: the same canonical URL always gives the same id, across runs."""
    return hashlib.sha1(canonical_url.encode("utf-8")).hexdigest()


def content_hash(text: str) -> str:
    """Hash of the clean text, for exact-duplicate detection."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def records_to_table(records: list[Record]) -> pa.Table:
    """Build an Arrow table with the explicit schema (never inferred from the data)."""
    return pa.Table.from_pylist([r.to_row() for r in records], schema=ARROW_SCHEMA)


def since_version(column: str) -> str:
    """The schema version that added ``column``."""
    return next(v for v, names in COLUMNS_BY_VERSION.items() if column in names)


def schema_markdown() -> str:
    """``docs/schema.md``, generated from :data:`ARROW_SCHEMA` (a test keeps them in sync)."""
    lines = [
        "# Record schema v" + SCHEMA_VERSION,
        "",
        "Generated from `cleaning/dataset/schema.py` (`schema_markdown()`); do not edit by hand.",
        "`tests/test_schema_docs.py` fails when the two differ. One row per article.",
        "The file metadata key `healthcorpus.schema_version` holds the version.",
        "",
        "## Versions",
        "",
        f"- **v1** has the first {len(V1_COLUMNS)} columns, `{V1_COLUMNS[0]}` to "
        f"`{V1_COLUMNS[-1]}`.",
    ]
    previous = V1_COLUMNS
    for version, names in list(COLUMNS_BY_VERSION.items())[1:]:
        added = [name for name in names if name not in previous]
        lines.append(
            f"- **v{version}** adds {len(added)} after them: "
            + ", ".join(f"`{n}`" for n in added)
            + "."
        )
        previous = names
    lines += [
        "",
        "A dataset folder holds one version (readers take one file's schema for the whole",
        "folder). `healthcorpus crawl` and `clean` rewrite the older files of a folder as",
        f"v{SCHEMA_VERSION} before they write into it, and `healthcorpus upgrade DIR` does only",
        "that: the new columns null, or empty lists, rows and file names unchanged.",
        "",
        "## Columns",
        "",
        "| column | Arrow type | since | meaning |",
        "|---|---|---|---|",
    ]
    for f in ARROW_SCHEMA:
        lines.append(
            f"| `{f.name}` | `{f.type}` | v{since_version(f.name)} | {COLUMN_DOCS[f.name]} |"
        )
    return "\n".join(lines) + "\n"
