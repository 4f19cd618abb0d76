"""The elements of a page's one metadata query, sorted by what they state.

The JSON-LD scripts, ``itemprop`` elements and ``<a rel>`` links are gathered by the
compiled page walk, which reads every element's attributes already
(``Page.marked``, ``_blockwalk.Marks``), and by a scan of what lies outside the
``<body>``; where that walk is not in use, ``tree.css`` runs the query instead. Either
way each element's tag and attributes are read once (a node's ``attributes`` builds a
dict on every call) and handed to the reader of its kind.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleaning.extractor.blocks import Page
from cleaning.extractor.flatten import WALK_MODULE, html_to_page
from cleaning.extractor.metadata.microdata import MAX_ELEMENTS
from cleaning.extractor.structured_data import JSON_LD

log = logging.getLogger(__name__)

QUERY = f"{JSON_LD}, [itemprop], a[rel]"


@dataclass(slots=True)
class MarkedNodes:
    scripts: list[str] = field(default_factory=list)  # JSON-LD sources
    properties: list[tuple[LexborNode, str]] = field(default_factory=list)  # (node, names)
    author_links: list[LexborNode] = field(default_factory=list)  # <a rel="author">
    tag_links: list[LexborNode] = field(default_factory=list)  # <a rel="tag">


def marked_nodes(tree: LexborHTMLParser, page: Page | None = None) -> MarkedNodes:
    """The query's elements: those the walk of ``page`` gathered when it did."""
    entries = _gathered(tree, page) if _GATHERING else None
    if entries is None:
        return _queried(tree)
    found = MarkedNodes()
    root = tree.root
    wanted = []  # (no node is made for the properties microdata never reads)
    properties = 0
    for entry in entries:
        _, is_script, names, rel = entry
        if names and not is_script:
            properties += 1
            if properties > MAX_ELEMENTS and rel is None:
                continue
        wanted.append(entry)
    nodes = WALK_MODULE.nodes_at(root, [entry[0] for entry in wanted])
    for node, (_, is_script, names, rel) in zip(nodes, wanted, strict=True):
        if is_script:
            found.scripts.append(node.text(deep=True))
            continue
        if names:
            found.properties.append((node, names))
        if rel is not None:
            _sort_link(node, rel, found)
    return found


def _queried(tree: LexborHTMLParser) -> MarkedNodes:
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
            _sort_link(node, attributes.get("rel") or "", found)
    return found


def _sort_link(node: LexborNode, rel: str, found: MarkedNodes) -> None:
    words = rel.lower().split()
    if "author" in words:
        found.author_links.append(node)
    if "tag" in words:
        found.tag_links.append(node)


def _gathered(
    tree: LexborHTMLParser, page: Page | None
) -> list[tuple[int, bool, str | None, str | None]] | None:
    """The walk's entries with those outside the body around them, in document
    order; None when the walk gathered none for this tree's body."""
    if page is None or page.marked is None or WALK_MODULE is None:
        return None
    root, body = tree.root, tree.body
    walked_body, inside = page.marked
    if root is None or body is None or body.mem_id != walked_body:
        return None
    outside = WALK_MODULE.marked_outside(root.mem_id, body.mem_id)
    if outside is None:
        return None
    before, after = outside
    return before + inside + after


# Every kind of element the query finds or passes over, where the walk meets it
# (walked, skipped, hidden, in the head, after the body): the gathered entries must
# give what the query gives before the walk is trusted with them.
PROBE_PAGE = """<html itemscope itemprop="h"><head><title>t</title>
<script type="application/ld+json">{"@type": "Article"}</script>
<script type="Application/LD+JSON">{"a": 1}</script><script type=" application/ld+json">x</script>
<meta itemprop="datePublished" content="2024-01-02"><link rel="author" href="/a">
</head><body itemprop="b"><a rel="author" href="/x">Ann Lee</a><a rel="nofollow">n</a>
<a rel="TAG noopener" href="/t">Tag</a><a rel="">e</a><a rel>f</a><a itemprop="url">u</a>
<p itemprop="">empty</p><time itemprop="datePublished" datetime="2024-01-02">d</time>
<b itemprop="author">bold</b><i>plain</i><span itemprop="name">s</span><br itemprop="br">
<div hidden><a rel="author">Hidden Name</a><p itemprop="description">h</p></div>
<p style="display:none" itemprop="x"><span itemprop="y">z</span></p>
<p aria-hidden="true"><a rel="tag">aria</a></p>
<span hidden itemprop="q"><i itemprop="r">r</i></span>
<svg><a rel="author">svg</a><g itemprop="image"></g>
<script type="application/ld+json">{}</script></svg>
<noscript><a rel="tag">ns</a></noscript><select><option itemprop="o">o</option></select>
<script itemprop="s">var x;</script><script>var y;</script><template><a rel="tag">t</a></template>
<img itemprop="image" src="i.png"><my-el itemprop="custom" data-x="1">c</my-el>
<a rel="nofollow" itemprop="url">twice</a><a rel itemprop>none</a>
<script type="application/ld+json" itemprop="x">{"b": 2}</script>
<a rel="authorship" href="/y">not quite</a><a rel="\u00c5uthor">non-ascii</a>
</body></html>"""


def _check_gathering() -> bool:
    """Whether the walk's entries give, on the probe page, the query's elements."""
    if WALK_MODULE is None:
        return False
    try:
        tree = LexborHTMLParser(PROBE_PAGE)
        if tree.body is None:
            return False
        page = html_to_page(tree.body, "https://example.org/", mark=True)
        return _comparable(marked_nodes_of(tree, page)) == _comparable(_queried(tree))
    except (AttributeError, TypeError, ValueError) as exc:  # a selectolax that changed
        log.debug("metadata gathering off: %s", exc)
        return False


def marked_nodes_of(tree: LexborHTMLParser, page: Page) -> MarkedNodes | None:
    """``marked_nodes`` from the walk's entries only (None when there are none)."""
    global _GATHERING
    trusted, _GATHERING = _GATHERING, True
    try:
        return marked_nodes(tree, page) if _gathered(tree, page) is not None else None
    finally:
        _GATHERING = trusted


def _comparable(found: MarkedNodes | None) -> object:
    if found is None:
        return None
    return (
        found.scripts,
        [(node.mem_id, node.tag, node.attributes, names) for node, names in found.properties],
        [(node.mem_id, node.tag, node.attributes) for node in found.author_links],
        [(node.mem_id, node.tag, node.attributes) for node in found.tag_links],
    )


_GATHERING = False
_GATHERING = _check_gathering()


def rdfa_properties(tree: LexborHTMLParser) -> list[tuple[LexborNode, str]]:
    """(node, names) of the RDFa ``property`` attributes outside ``<meta>``."""
    found = []
    for node in tree.css("[property]:not(meta)"):
        names = node.attributes.get("property")
        if names:
            found.append((node, names))
    return found
