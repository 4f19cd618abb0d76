"""What a page states about its article besides the text: dates, authors, reviewers,
description, tags, categories, lead image and references (schema v2, docs/metadata.md).

Each source fills a :class:`~cleaning.extractor.metadata.fields.Stated`; :func:`merge`
takes every field from the first source that states it, in order of trust: JSON-LD,
microdata / RDFa, ``<meta>``, then the visible page.
"""

from __future__ import annotations

import html as html_entities
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from selectolax.lexbor import LexborHTMLParser

from cleaning.extractor.blocks import Page
from cleaning.extractor.metadata import markup, microdata
from cleaning.extractor.metadata.dates import find_date, parse_machine_date, plausible
from cleaning.extractor.metadata.dom import marked_nodes, rdfa_properties
from cleaning.extractor.metadata.fields import Stated
from cleaning.extractor.metadata.jsonld import read_json_ld
from cleaning.extractor.metadata.meta_tags import WANTED as WANTED_META
from cleaning.extractor.metadata.meta_tags import read_meta
from cleaning.extractor.metadata.references import find_references
from cleaning.extractor.metadata.visible import breadcrumb, read_visible, trim_trail
from cleaning.extractor.textnorm import collapse_spaces, fix_text, may_need_fixing
from cleaning.urls import join_url, site_of

MAX_DESCRIPTION_CHARS = 2_000


@dataclass(slots=True)
class ArticleMetadata:
    """The v2 fields of a record, as they are stored."""

    published_at: datetime | None = None
    modified_at: datetime | None = None
    reviewed_at: datetime | None = None
    authors: list[str] = field(default_factory=list)
    reviewers: list[str] = field(default_factory=list)
    description: str | None = None
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    image: str | None = None


def read_page_metadata(
    tree: LexborHTMLParser | None,
    html: str,
    meta_pairs: list[tuple[str, str]],
    page: Page,
    *,
    title: str,
    title_index: int | None,
    content: list[int],
    url: str,
    base: str,
    now: datetime | None,
) -> ArticleMetadata:
    """Every source of the page, merged (``tree`` is None for a text dump)."""
    sources: list[Stated] = []
    trail = None
    visible = read_visible(page, title_index, content)
    if tree is not None:
        nodes = marked_nodes(tree)
        stated = read_json_ld(nodes.scripts)
        meta = read_meta(meta_pairs)
        micro = microdata.read_microdata(nodes.properties)
        told = (stated, micro, meta, visible)
        if not any(_first(told, f) for f in ("authors", "published_at")) and (
            microdata.names_rdfa(html)
        ):  # (RDFa outside <meta> is rare: looked for when nothing else names either)
            micro = microdata.read_microdata(nodes.properties + rdfa_properties(tree))
        marked = Stated(
            authors=markup.author_links(nodes.author_links), tags=markup.tag_links(nodes.tag_links)
        )
        if not (
            _first(told, "authors") or marked.authors or visible.authors
        ) and markup.names_authors(html):
            marked.authors = markup.author_boxes(tree.css(markup.AUTHOR_SELECTOR))
        sources += [stated, micro, meta, marked]
        trail = stated.categories
    trail = trail or breadcrumb(page, title_index)
    if not trail and tree is not None and "crumb" in html:
        trail = markup.breadcrumb_box(tree.css(markup.CRUMB_SELECTOR), base)
    sources.append(visible)
    categories = trim_trail(trail, title, url, _root(url)) if trail else []
    return ArticleMetadata(
        published_at=_date(sources, "published_at", now) or _date(sources, "created_at", now),
        modified_at=_date(sources, "modified_at", now),
        reviewed_at=_date(sources, "reviewed_at", now),
        authors=_texts(_first(sources, "authors") or []),
        reviewers=_texts(_first(sources, "reviewers") or []),
        description=_description(_first(sources, "description")),
        tags=_texts(_first(sources, "tags") or _first(sources, "keywords") or []),
        categories=_texts(categories or _first(sources, "sections") or []),
        image=_image(_first(sources, "image"), base),
    )


def _first(sources: list[Stated], name: str) -> object:
    for source in sources:
        value = getattr(source, name)
        if value:
            return value
    return None


def _date(sources: list[Stated], name: str, now: datetime | None) -> datetime | None:
    """The first date of the sources that reads as a plausible one."""
    for n, source in enumerate(sources):
        value = getattr(source, name)
        if not value:
            continue
        machine = n < len(sources) - 1  # all but the visible page write machine dates
        stamp = parse_machine_date(value) if machine else find_date(value)
        stamp = plausible(stamp, now)
        if stamp is not None:
            return stamp
    return None


def _text(value: str) -> str:
    value = html_entities.unescape(value) if "&" in value else value
    value = collapse_spaces(value).strip()
    if may_need_fixing(value):
        value = fix_text(value)
    return value if value.isascii() else unicodedata.normalize("NFC", value)


def _texts(values: list[str]) -> list[str]:
    out: list[str] = []
    for value in values:
        value = _text(value)
        if value and value not in out:
            out.append(value)
    return out


def _description(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return _text(value)[:MAX_DESCRIPTION_CHARS] or None


def _image(value: object, base: str) -> str | None:
    if not isinstance(value, str) or not value.strip() or value.startswith("data:"):
        return None
    return join_url(base, value.strip())


def _root(url: str) -> str:
    host = site_of(url)
    scheme = url.split("://", 1)[0] if "://" in url else "https"
    return f"{scheme}://{host}" if host else ""


__all__ = ["WANTED_META", "ArticleMetadata", "find_references", "read_page_metadata"]
