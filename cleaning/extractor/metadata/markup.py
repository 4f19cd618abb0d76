"""Visible metadata the page marks up without structured data: ``rel="author"`` and
``rel="tag"`` links, boxes named "byline" / "author", breadcrumb boxes.

The functions read nodes of the page's one metadata query (``metadata.dom_nodes``);
each kind is asked for only when its word occurs in the page's HTML (a substring test
costs a tenth of a query of the whole tree).
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from cleaning.extractor.metadata.names import names_in
from cleaning.extractor.metadata.visible import looks_like_names
from cleaning.extractor.textnorm import collapse_spaces, fix_text, may_need_fixing
from cleaning.urls import join_url

MAX_BYLINE_CHARS = 120
MAX_NODES = 12  # byline boxes looked at
MAX_TAGS = 50
_IN_COMMENTS = ("comment", "respond", "reply", "discussion")


AUTHOR_SELECTOR = '[class*="byline"], [class*="author"]'
CRUMB_SELECTOR = '[class*="crumb"], [id*="crumb"], [aria-label*="crumb" i]'


def names_authors(html: str) -> bool:
    return "author" in html or "byline" in html


def author_links(nodes: list[LexborNode]) -> list[str] | None:
    """Names of the ``<a rel="author">`` links (a ``<link>`` names no one)."""
    names: list[str] = []
    for node in nodes[:MAX_NODES]:
        if not _in_comments(node):
            names.extend(n for n in looks_like_names(names_in(_text(node))) if n not in names)
    return names or None


def author_boxes(nodes: list[LexborNode]) -> list[str] | None:
    """The names of the first box named a byline or author that holds a name and
    nothing much else."""
    for node in nodes[:MAX_NODES]:
        text = _text(node, MAX_BYLINE_CHARS)
        if text and not _in_comments(node):
            found = looks_like_names(names_in(text))
            if found:
                return found
    return None


def tag_links(nodes: list[LexborNode]) -> list[str] | None:
    """The texts of the page's ``<a rel="tag">`` links."""
    tags: list[str] = []
    for node in nodes:
        text = _text(node).lstrip("#")
        if text and len(text) <= 60 and text not in tags and not _in_comments(node):
            tags.append(text)
        if len(tags) >= MAX_TAGS:
            break
    return tags or None


def breadcrumb_box(nodes: list[LexborNode], base: str) -> list[tuple[str, str]] | None:
    """The trail of the first box named a breadcrumb, as (name, absolute url) pairs."""
    for node in nodes[:4]:
        trail: list[tuple[str, str]] = []
        items = node.css("li") or [node]
        for item in items:
            link = item.css_first("a") if item is not node else None
            if item is node:
                trail.extend(
                    (_text(a), join_url(base, a.attributes.get("href") or "") or "")
                    for a in node.css("a")
                )
                break
            text = _text(link if link is not None else item)  # (not the separators)
            if text:
                href = (link.attributes.get("href") or "") if link is not None else ""
                trail.append((text, join_url(base, href) or "" if href else ""))
        trail = [(_repaired(name), url) for name, url in trail if name]
        if trail:
            return trail
    return None


def _repaired(text: str) -> str:
    return fix_text(text) if may_need_fixing(text) else text


def _text(node: LexborNode, longest: int = 200) -> str:
    """The node's text, or "" when it is longer than ``longest`` (a box, not a line)."""
    raw = node.text(deep=True, separator=" ")
    if len(raw) > 4 * longest:  # (spaces of the markup collapse below)
        return ""
    text = collapse_spaces(raw).strip()
    return text if len(text) <= longest else ""


def _in_comments(node: LexborNode) -> bool:
    parent = node.parent
    for _ in range(8):
        if parent is None:
            return False
        hint = (
            (parent.attributes.get("class") or "") + (parent.attributes.get("id") or "")
        ).lower()
        if any(word in hint for word in _IN_COMMENTS):
            return True
        parent = parent.parent
    return False
