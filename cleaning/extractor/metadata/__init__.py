"""What a page states about its article besides the text: dates, authors, reviewers,
description, tags, categories, lead image and references (schema v2, docs/metadata.md).

Each source fills a :class:`~cleaning.extractor.metadata.fields.Stated`; :func:`merge`
takes every field from the first source that states it, in order of trust: JSON-LD,
microdata / RDFa, ``<meta>``, then the visible page.
"""

from __future__ import annotations

import html as html_entities
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from selectolax.lexbor import LexborHTMLParser

from cleaning.extractor.blocks import Page
from cleaning.extractor.metadata import markup, microdata
from cleaning.extractor.metadata.dates import find_date, parse_machine_date, plausible
from cleaning.extractor.metadata.dom import MarkedNodes, marked_nodes, rdfa_properties
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
    nodes: MarkedNodes | None = None,
) -> ArticleMetadata:
    """Every source of the page, merged (``tree`` is None for a text dump). The visible
    lines, the last source, are read only for the fields the others left missing.
    ``nodes``: the tree's ``marked_nodes``, when the caller has them already."""
    machine: list[Stated] = []  # the sources that write machine dates, in order of trust
    visible = _Visible(page, title_index, content)
    trail = None
    if tree is not None:
        if nodes is None:
            nodes = marked_nodes(tree, page)
        stated = read_json_ld(nodes.scripts)
        meta = read_meta(meta_pairs)
        micro = microdata.read_microdata(nodes.properties)
        told = [stated, micro, meta]
        if microdata.names_rdfa(html) and not any(
            _first(told, f) or getattr(visible.all(), f) for f in ("authors", "published_at")
        ):  # (RDFa outside <meta> is rare: looked for when nothing else names either)
            micro = microdata.read_microdata(nodes.properties + rdfa_properties(tree))
        marked = Stated(
            authors=markup.author_links(nodes.author_links), tags=markup.tag_links(nodes.tag_links)
        )
        if markup.names_authors(html) and not (
            _first(told, "authors") or marked.authors or visible.all().authors
        ):
            marked.authors = markup.author_boxes(tree.css(markup.AUTHOR_SELECTOR))
        machine += [stated, micro, meta, marked]
        trail = stated.categories
    resolve = _as_written
    if not trail and (trail := breadcrumb(page, title_index)):
        resolve = _resolver(page)
    if not trail and tree is not None and "crumb" in html:
        trail = markup.breadcrumb_box(tree.css(markup.CRUMB_SELECTOR), base)
    categories = trim_trail(trail, title, url, lambda: _root(url), resolve) if trail else []
    published = _date(machine, "published_at", now)
    modified = _date(machine, "modified_at", now)
    reviewed = _date(machine, "reviewed_at", now)
    authors = _first(machine, "authors")
    reviewers = _first(machine, "reviewers")
    tags = _first(machine, "tags")
    shown = visible.only(
        {
            name
            for name, value in (
                ("published_at", published),
                ("modified_at", modified),
                ("reviewed_at", reviewed),
                ("authors", authors),
                ("reviewers", reviewers),
                ("tags", tags),
            )
            if not value
        }
    )
    return ArticleMetadata(
        published_at=published
        or _shown_date(shown, "published_at", now)
        or _date(machine, "created_at", now),
        modified_at=modified or _shown_date(shown, "modified_at", now),
        reviewed_at=reviewed or _shown_date(shown, "reviewed_at", now),
        authors=_texts(authors or shown.authors or []),
        reviewers=_texts(reviewers or shown.reviewers or []),
        description=_description(_first(machine, "description")),
        tags=_texts(tags or shown.tags or _first(machine, "keywords") or []),
        categories=_texts(categories or _first(machine, "sections") or []),
        image=_image(_first(machine, "image"), base),
    )


class _Visible:
    """The visible lines' statements, read once, and only as far as they are asked for:
    all fields (when a rule above needs the byline) or the merge's missing ones."""

    __slots__ = ("_content", "_page", "_read", "_title_index")

    def __init__(self, page: Page, title_index: int | None, content: list[int]) -> None:
        self._page, self._title_index, self._content = page, title_index, content
        self._read: Stated | None = None

    def all(self) -> Stated:
        if self._read is None:
            self._read = read_visible(self._page, self._title_index, self._content)
        return self._read

    def only(self, wanted: set[str]) -> Stated:
        """The fields ``wanted`` (the others may be None whatever the page shows)."""
        if self._read is None:
            if not wanted:
                return _NOTHING_SHOWN
            self._read = read_visible(
                self._page, self._title_index, self._content, frozenset(wanted)
            )
        return self._read


_NOTHING_SHOWN = Stated()


def _first(sources: list[Stated], name: str) -> object:
    for source in sources:
        value = getattr(source, name)
        if value:
            return value
    return None


def _date(sources: list[Stated], name: str, now: datetime | None) -> datetime | None:
    """The first machine-written date of the sources that reads as a plausible one."""
    for source in sources:
        value = getattr(source, name)
        if value:
            stamp = plausible(parse_machine_date(value), now)
            if stamp is not None:
                return stamp
    return None


def _shown_date(shown: Stated, name: str, now: datetime | None) -> datetime | None:
    """The date a visible line states, read as people write dates."""
    value = getattr(shown, name)
    return plausible(find_date(value), now) if value else None


def _as_written(link: str) -> str:
    return link


def _resolver(page: Page) -> Callable[[str], str]:
    """Absolute links of a breadcrumb line, resolved only where the trim compares one."""
    return lambda link: page.absolute(link) or ""


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
