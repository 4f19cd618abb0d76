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
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
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
            {"title": ftext(t), "url": urljoin(url, h), "snippet": ftext(s)} for t, h, s in a.related
        ],
        "prev": link(a.prev),
        "next": link(a.next),
        "language": language,
        "must_not_contain": a.must_not_contain,
        "must_contain": a.must_contain,
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
