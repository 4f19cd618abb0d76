"""The elements of a page's one metadata query, sorted by what they state.

``tree.css`` of the JSON-LD scripts, ``itemprop`` elements and ``<a rel>`` links runs
once; each element's tag and attributes are read once here (a node's ``attributes``
builds a dict on every call) and handed to the reader of its kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleaning.extractor.structured_data import JSON_LD

QUERY = f"{JSON_LD}, [itemprop], a[rel]"


@dataclass(slots=True)
class MarkedNodes:
    scripts: list[str] = field(default_factory=list)  # JSON-LD sources
    properties: list[tuple[LexborNode, str]] = field(default_factory=list)  # (node, names)
    author_links: list[LexborNode] = field(default_factory=list)  # <a rel="author">
    tag_links: list[LexborNode] = field(default_factory=list)  # <a rel="tag">


def marked_nodes(tree: LexborHTMLParser) -> MarkedNodes:
    found = MarkedNodes()
    for node in tree.css(QUERY):
        tag = node.tag
        if tag == "script":
            found.scripts.append(node.text(deep=True))
            continue
        attributes = node.attributes
        names = attributes.get("itemprop")
        if names:
            found.properties.append((node, names))
        if tag == "a":
            rel = (attributes.get("rel") or "").lower().split()
            if "author" in rel:
                found.author_links.append(node)
            if "tag" in rel:
                found.tag_links.append(node)
    return found


def rdfa_properties(tree: LexborHTMLParser) -> list[tuple[LexborNode, str]]:
    """(node, names) of the RDFa ``property`` attributes outside ``<meta>``."""
    found = []
    for node in tree.css("[property]:not(meta)"):
        names = node.attributes.get("property")
        if names:
            found.append((node, names))
    return found
