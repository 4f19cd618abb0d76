"""Helpers for the hand-written corpus templates (each template's ``build.py`` uses them).

The prose, the markup and the per-page variations live in each template's ``build.py``;
this module only turns an article description into its ``expected.json`` entry, so that
the page and its expected record cannot drift apart.

Content blocks inside intro / sections:

- ``"<p> fragment"``: a paragraph (an HTML fragment; may hold <a>, <em>, <strong>)
- ``("ul", [items])`` / ``("ol", [items])``: a list, one item per line in the text
- ``("table", [[cell, ...], ...])``: a table, one row per line, cells joined by " | "
- ``("h4", "text")``: a sub-heading inside a section, its own paragraph
- ``("box", "fragment")``: a boxed note inside the article (warning, tip): content

Metadata (schema v2, docs/metadata.md): an article's ``meta`` holds the keyword
arguments of :func:`metadata`, the values the page states, in the form the page (or its
markup) writes them where that differs from the record's: timestamps as ISO strings
with the page's own offset (or none), references as HTML fragments. ``build.py`` renders
its markup from the same values (:func:`words_date` for dates written in words).
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

Block = Any


def strip_tags(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def ftext(fragment: str) -> str:
    """The text a reader sees for an HTML fragment: tags gone, whitespace collapsed."""
    return norm(strip_tags(fragment))


def block_text(block: Block) -> str:
    if isinstance(block, str):
        return ftext(block)
    kind, body = block[0], block[1]
    if kind in ("ul", "ol"):
        return "\n".join(ftext(item) for item in body)
    if kind == "table":
        return "\n".join(" | ".join(ftext(cell) for cell in row) for row in body)
    if kind in ("h4", "box"):
        return ftext(body)
    raise ValueError(f"unknown block {kind!r}")


@dataclass
class Article:
    file: str
    path: str  # root-relative URL path of the page
    title: str
    intro: list[Block]
    sections: list[tuple[str, list[Block]]]  # (heading without its number, blocks)
    related: list[tuple[str, str, str]] = field(default_factory=list)  # title, href, snippet
    prev: tuple[str, str] | None = None  # title, href
    next: tuple[str, str] | None = None
    numbered: bool = True
    must_not_contain: list[str] = field(default_factory=list)
    must_contain: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # free per-template knobs
    meta: dict[str, Any] = field(default_factory=dict)  # keyword arguments of metadata()


def expected_article(a: Article, base: str, encoding: str, language: str) -> dict[str, Any]:
    url = urljoin(base, a.path)

    def link(pair: tuple[str, str] | None) -> dict[str, str] | None:
        return None if pair is None else {"title": ftext(pair[0]), "url": urljoin(url, pair[1])}

    return {
        "url": url,
        "encoding": encoding,
        "article": True,
        "title": ftext(a.title),
        "intro": "\n\n".join(block_text(b) for b in a.intro),
        "sections": [
            {
                "number": (i + 1) if a.numbered else None,
                "heading": ftext(heading),
                "text": "\n\n".join(block_text(b) for b in blocks),
            }
            for i, (heading, blocks) in enumerate(a.sections)
        ],
        "related": [
            {"title": ftext(t), "url": urljoin(url, h), "snippet": ftext(s)}
            for t, h, s in a.related
        ],
        "prev": link(a.prev),
        "next": link(a.next),
        "language": language,
        "must_not_contain": a.must_not_contain,
        "must_contain": a.must_contain,
        **metadata(url, **a.meta),
    }


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def utc_iso(stamp: str | None) -> str | None:
    """A timestamp as the record holds it, in ISO: UTC, to the second, ``Z``.

    >>> utc_iso("2024-03-02T07:30:00-05:00"), utc_iso("2023-04-12 09:31"), utc_iso("2024-03-21")
    ('2024-03-02T12:30:00Z', '2023-04-12T09:31:00Z', '2024-03-21T00:00:00Z')

    A time without an offset is taken as UTC, a date alone is that day at 00:00 UTC.
    """
    if stamp is None:
        return None
    moment = datetime.fromisoformat(stamp.strip())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def words_date(stamp: str, style: str = "mdy") -> str:
    """The date part of an ISO timestamp as a page writes it in words (its own day,
    not the UTC one): "mdy" March 2, 2024, "dmy" 2 March 2024, "zh" 2024年3月2日."""
    day = date.fromisoformat(stamp.strip()[:10])
    if style == "mdy":
        return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    if style == "dmy":
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    if style == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    raise ValueError(style)


HREF = re.compile(r"""<a\b[^>]*\bhref=["']([^"']+)["']""")


def meta_text(text: str) -> str:
    """A text field as the record holds it: whitespace collapsed, NFC."""
    return unicodedata.normalize("NFC", norm(text))


def reference(fragment: str, page_url: str) -> dict[str, str | None]:
    """A references-list entry (an HTML fragment) as the record holds it: its visible
    text, and its first link made absolute (null when it has none)."""
    link = HREF.search(fragment)
    return {
        "text": meta_text(strip_tags(fragment)),
        "url": urljoin(page_url, html.unescape(link.group(1))) if link else None,
    }


def metadata(
    page_url: str,
    *,
    published: str | None = None,
    modified: str | None = None,
    reviewed: str | None = None,
    authors: Iterable[str] = (),
    reviewers: Iterable[str] = (),
    tags: Iterable[str] = (),
    categories: Iterable[str] = (),
    description: str | None = None,
    image: str | None = None,
    references: Iterable[str] = (),
) -> dict[str, Any]:
    """The expected metadata fields of a page at ``page_url`` (all of them: a field the
    page does not state is null or empty, and that is asserted too). Timestamps are ISO
    strings as the page writes them; ``image`` may be relative; ``references`` are the
    list's entries as HTML fragments."""
    return {
        "published_at": utc_iso(published),
        "modified_at": utc_iso(modified),
        "reviewed_at": utc_iso(reviewed),
        "authors": [meta_text(n) for n in authors],
        "reviewers": [meta_text(n) for n in reviewers],
        "tags": [meta_text(t) for t in tags],
        "categories": [meta_text(c) for c in categories],
        "description": None if description is None else meta_text(description),
        "image": None if image is None else urljoin(page_url, image),
        "references": [reference(r, page_url) for r in references],
    }


def write_template(
    folder: Path,
    pages: dict[str, tuple[str, dict[str, Any]]],
    encode: Callable[[str, str], bytes] | None = None,
) -> None:
    """Write each page (html text, expected entry) and the folder's expected.json.

    The page is encoded with its entry's ``encoding``; ``encode`` can override how.
    """
    for old in folder.glob("*.html"):
        old.unlink()
    expected: dict[str, Any] = {}
    for name, (page_html, entry) in pages.items():
        enc = entry.get("encoding", "utf-8")
        data = encode(page_html, enc) if encode else page_html.encode(enc)
        if "must_not_contain" in entry:  # shared boilerplate lists: keep what this page shows
            shown = ftext(page_html)
            entry["must_not_contain"] = [
                s for s in entry["must_not_contain"] if s in shown or s in page_html
            ]
        (folder / name).write_bytes(data)
        expected[name] = entry
    (folder / "expected.json").write_text(
        json.dumps({"pages": expected}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def esc(text: str) -> str:
    return html.escape(text, quote=True)
