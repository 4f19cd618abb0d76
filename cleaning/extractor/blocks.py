"""Flatten a page into an ordered list of text blocks, once.

Every later rule (title, prev/next, related block, main content, sections) works on
this list instead of walking the tree again: the DOM is parsed once and walked once,
which is what keeps the cleaner fast. A block is what a reader sees as one line or
paragraph: a ``<p>``, a heading, a list item, a table row, a run of text between
``<br>``s, or the loose text of a ``<div>``. Each block keeps the shape facts the
rules need (tag, links, bold share, the chain of containers around it), never the
site's class names as such: classes only feed a generic boilerplate hint.

Plain-text dumps become blocks too (one per non-empty line), so the same structure
detection serves both.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from cleaning.extractor.classnames import class_hints
from cleaning.extractor.textnorm import collapse_spaces
from cleaning.urls import join_url

# Elements that start a new block. Everything else is inline and joins the current one.
BLOCK_TAGS = frozenset(
    (
        "p div section article main header footer nav aside h1 h2 h3 h4 h5 h6 li ul ol dl dt "
        "dd table thead tbody tfoot tr td th caption pre blockquote figure figcaption form "
        "fieldset address details summary center hr body html dialog menu"
    ).split()
)
# Elements whose content is never article text. (Captions, <figcaption>, are blocks like
# any other: the block scorer decides whether a page's captions are part of its text.)
SKIP_TAGS = frozenset(
    (
        "script style noscript template svg iframe object embed canvas select option button "
        "input textarea head meta link title map video audio source picture math"
    ).split()
)
# Structural elements that are boilerplate wherever they appear.
# (Not <form>: ASP.NET pages wrap the whole page in one.)
BOILER_TAGS = frozenset({"nav", "aside", "footer", "menu", "dialog"})
# Attribute set on the element a site profile names as the article's content.
CONTENT_MARK = "data-healthcorpus-content"
HEADING_LEVEL = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BOLD_TAGS = frozenset({"strong", "b"})
# Inline elements walked without reading their attributes (hidden text hides in <span>s
# and links need their href; these are plain formatting).
_PLAIN_INLINE = frozenset(
    "strong b em i u s small sub sup abbr cite code q mark time var kbd samp dfn bdi bdo".split()
)

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Containers nested deeper than this are not opened (their blocks join the deepest
# one), as browsers cap DOM depth: a hostile page of 100,000 nested <div>s would
# otherwise give ancestor chains of quadratic total size. Real articles are < 60 deep.
MAX_CONTAINER_DEPTH = 256


@dataclass(slots=True)
class Link:
    """An anchor inside a block: its visible text and its href as written.

    Resolving every href against the page URL costs more than the rest of the walk,
    and only the few links that end up in a record need it: see ``Page.absolute``.
    """

    text: str
    url: str
    rel: str = ""  # "prev" or "next" when the anchor says so (rel="prev"), else ""


@dataclass(slots=True)
class Container:
    """A block-level element that holds blocks; used to score where the article is."""

    tag: str
    parent: int  # index of the parent container, -1 for the root
    boiler: bool  # this element or an ancestor is page furniture by its tag (nav, footer...)
    article_hint: bool  # <article>/<main>, itemprop=articleBody, or an article-like class
    hinted: bool = False  # its own class/id names furniture ("sidebar", "share"...)
    forced: bool = False  # a site profile says the article is this element
    kinds: int = 0  # what its class/id/role names, as cleaning.extractor.classnames bits
    depth: int = 0  # containers above it (the root's is 0)
    # One past the index of its last descendant: containers are numbered in document
    # order, so its subtree is the index range [its index, end).
    end: int = 0


@dataclass(slots=True)
class Block:
    """One visual line or paragraph of the page."""

    text: str
    tag: str  # the block element that holds it: p, h2, li, td, div... ("line" for text dumps)
    container: int  # index into the page's containers (innermost block element)
    link_chars: int = 0
    bold_chars: int = 0
    lead_bold: str = ""  # the bold run the block starts with ("1. Heading" in a <strong>)
    links: list[Link] = field(default_factory=list)
    heading: int = 0  # 1-6 for <h1>..<h6>
    list_id: int = 0  # container index of the enclosing <ul>/<ol>/<dl>, 0 when none
    row_id: int = 0  # container index of the enclosing <tr>, 0 when none
    boiler: bool = False
    preformatted: bool = False

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0

    @property
    def bold_share(self) -> float:
        return self.bold_chars / len(self.text) if self.text else 0.0


@dataclass(slots=True)
class Page:
    """The flattened page: blocks in reading order plus the containers around them."""

    blocks: list[Block]
    containers: list[Container]
    base_url: str = ""
    _chains: dict[int, list[int]] = field(default_factory=dict, repr=False)
    # The article metadata's elements of the body, gathered by the compiled walk
    # (``flatten.html_to_page(mark=True)``): (the body's pointer, ``Marks`` entries).
    marked: tuple[int, list[tuple[int, bool, str | None, str | None]]] | None = field(
        default=None, repr=False, compare=False
    )

    def absolute(self, href: str | None) -> str | None:
        """``href`` resolved against the page's base URL; None if it is no usable URL."""
        return join_url(self.base_url, href) if href else href

    def ancestors(self, container: int) -> list[int]:
        """Container indexes from ``container`` up to the root, innermost first.

        Memoised: every rule asks for the chains of the same few hundred containers.
        """
        chain = self._chains.get(container)
        if chain is not None:
            return chain
        # Iterative, not recursive: a deeply nested page must not hit the recursion limit.
        missing = [container]
        parent = self.containers[container].parent
        while parent >= 0 and parent not in self._chains:
            missing.append(parent)
            parent = self.containers[parent].parent
        chain = self._chains[parent] if parent >= 0 else []
        for c in reversed(missing):
            chain = [c, *chain]
            self._chains[c] = chain
        return chain


class _Builder:
    """Single-pass tree walker that accumulates inline text into blocks."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.containers: list[Container] = [Container("root", -1, False, False)]
        self.depths: list[int] = [0]  # nesting depth of each container
        self.parts: list[str] = []
        self.link_chars = 0
        self.bold_chars = 0
        self.lead_bold: list[str] = []
        self.lead_open = True  # no plain text seen yet in this block
        self.links: list[Link] = []
        self.link_depth = 0
        # The innermost open <a>: [href, index into self.parts where its text starts, rel].
        # A block that ends inside the link (<a><h4>Title</h4></a>) gets its share.
        self.open_link: list[str | int] | None = None
        self.bold_depth = 0
        self.pre_depth = 0
        self.heading = 0
        self.current = 0  # innermost container
        self.block_tag = "div"
        self.list_id = 0
        self.row_id = 0

    # -- block boundaries -------------------------------------------------
    def flush(self) -> None:
        if not self.parts:
            return
        raw = "".join(self.parts)
        if self.open_link is not None:
            href, start, rel = self.open_link
            text = collapse_spaces("".join(self.parts[int(start) :]))
            if text:
                self.links.append(Link(text, str(href), str(rel)))
            self.open_link = [href, 0, rel]  # what follows in the link is the next block's
        self.parts.clear()  # in place: the walk holds it
        pre = self.pre_depth > 0
        text = raw.strip("\n") if pre else collapse_spaces(raw)
        if text.strip():
            self.blocks.append(
                Block(
                    text=text,
                    tag=self.block_tag,
                    container=self.current,
                    link_chars=min(self.link_chars, len(text)),
                    bold_chars=min(self.bold_chars, len(text)),
                    lead_bold=collapse_spaces("".join(self.lead_bold)) if self.lead_bold else "",
                    links=self.links,
                    heading=self.heading,
                    list_id=self.list_id,
                    row_id=self.row_id,
                    boiler=self.containers[self.current].boiler,
                    preformatted=pre,
                )
            )
        self.link_chars = 0
        self.bold_chars = 0
        self.lead_bold = []
        self.lead_open = True
        self.links = []

    def add_text(self, text: str) -> None:
        if not text:
            return
        self.parts.append(text)
        if self.lead_open:
            if self.bold_depth:
                self.lead_bold.append(text)
            elif text.strip():
                self.lead_open = False
        if self.link_depth or self.bold_depth:
            n = len(text.strip())
            if self.link_depth:
                self.link_chars += n
            if self.bold_depth:
                self.bold_chars += n

    # -- the walk ---------------------------------------------------------
    def walk(self, node: LexborNode) -> None:
        """Depth-first over ``node``'s descendants in document order.

        An explicit stack, not recursion: pages nested thousands of elements deep
        (broken templates, hostile pages) must not hit Python's recursion limit. Each
        entry is an element's children still to visit and what to do after them.
        """
        stack: list[tuple[Iterator[LexborNode], Callable[[], None]]] = [
            (node.iter(include_text=True), _nothing)
        ]
        # Hot loop (every node of every page): names looked up once, children taken by
        # a C-level for loop that breaks out to descend, text appended directly when no
        # link, bold or lead-in bookkeeping is due.
        parts = self.parts
        add_text = self.add_text
        enter_block = self.enter_block
        enter_inline = self.enter_inline
        flush = self.flush
        while stack:
            children, leave = stack[-1]
            for child in children:
                tag = child.tag
                if tag == "-text":
                    text = child.text_content
                    if text:
                        if self.lead_open or self.link_depth or self.bold_depth:
                            add_text(text)
                        else:
                            parts.append(text)
                    continue
                if tag in SKIP_TAGS or tag is None or tag[0] == "-":
                    continue
                if tag == "br":
                    if self.pre_depth:
                        parts.append("\n")
                    elif self.heading:  # one heading set on two lines
                        parts.append(" ")
                    else:
                        flush()
                    continue
                after = (enter_block if tag in BLOCK_TAGS else enter_inline)(child, tag)
                if after is not None:
                    stack.append((child.iter(include_text=True), after))
                    break
            else:
                stack.pop()
                leave()

    def enter_inline(self, node: LexborNode, tag: str) -> Callable[[], None] | None:
        """Start an inline element: what to do after its children, None to skip them."""
        if tag in _PLAIN_INLINE:  # no attribute of these matters; reading them costs
            return self.enter_bold() if tag in BOLD_TAGS else _nothing
        attrs = node.attributes
        if "hidden" in attrs or _is_hidden(attrs):
            return None
        if tag == "a":
            return self.enter_link(attrs)
        if tag == "img":
            return None
        return _nothing

    def enter_link(self, attrs: dict[str, str | None]) -> Callable[[], None]:
        href = (attrs.get("href") or "").strip()
        usable = bool(href) and not href.startswith(("javascript:", "#", "mailto:", "tel:"))
        rel = pager_rel(attrs.get("rel"))
        outer = self.open_link
        if usable:
            self.open_link = [href, len(self.parts), rel]
        self.link_depth += 1

        def leave() -> None:
            self.link_depth -= 1
            if usable and self.open_link is not None:
                text = collapse_spaces("".join(self.parts[int(self.open_link[1]) :]))
                if text:
                    self.links.append(Link(text, href, rel))
            self.open_link = outer

        return leave

    def enter_bold(self) -> Callable[[], None]:
        self.bold_depth += 1

        def leave() -> None:
            self.bold_depth -= 1
            if self.bold_depth == 0 and self.lead_bold:
                self.lead_open = False  # the leading bold run is over

        return leave

    def enter_block(self, node: LexborNode, tag: str) -> Callable[[], None] | None:
        """Start a block element: what to do after its children, None to skip them."""
        attrs = node.attributes
        if attrs and ("hidden" in attrs or _is_hidden(attrs) or attrs.get("aria-hidden") == "true"):
            return None
        if self.parts:
            self.flush()
        saved = (self.current, self.block_tag, self.heading, self.list_id, self.row_id)
        opened = self.depths[self.current] < MAX_CONTAINER_DEPTH
        if opened:
            self.open_container(attrs, tag)
        container = self.containers[self.current]
        self.block_tag = tag
        if tag in HEADING_LEVEL:
            self.heading = HEADING_LEVEL[tag]
        elif tag in ("ul", "ol", "dl", "menu"):
            self.list_id = self.current
        elif tag == "tr":
            self.row_id = self.current
        if tag == "pre":
            self.pre_depth += 1

        def leave() -> None:
            if self.parts:
                self.flush()
            if tag == "pre":
                self.pre_depth -= 1
            if opened:
                container.end = len(self.containers)
            self.current, self.block_tag, self.heading, self.list_id, self.row_id = saved

        return leave

    def open_container(self, attrs: dict[str, str | None], tag: str) -> None:
        current = self.current
        parent = self.containers[current]
        boiler = parent.boiler or tag in BOILER_TAGS
        if tag == "header" and not parent.article_hint:
            boiler = True
        article_hint = tag in ("article", "main")
        hinted = forced = False
        kinds = 0
        if attrs:  # most block elements have none: skip the lookups
            hint = container_hint(attrs.get("class"), attrs.get("id"), attrs.get("role"))
            article_word, boiler_word, kinds = class_hints(hint) if hint else (False, False, 0)
            article_hint = article_hint or attrs.get("itemprop") == "articleBody" or article_word
            # Class words are only a hint: a wrapper called "side-by-side" must not sink
            # the article, so the content chooser judges hints relative to its region.
            hinted = boiler_word and not article_hint
            forced = CONTENT_MARK in attrs
            if forced:
                boiler = hinted = False
        depth = self.depths[current] + 1
        self.containers.append(
            Container(tag, current, boiler, article_hint, hinted, forced, kinds, depth)
        )
        self.depths.append(depth)
        self.current = len(self.containers) - 1


def container_hint(class_: str | None, id_: str | None, role: str | None) -> str:
    """The words an element names itself with: its class, id and ARIA role."""
    return f"{class_ or ''} {id_ or ''} {role or ''}".strip()


def _nothing() -> None:
    """The after-children step of elements that need none."""


def pager_rel(rel: str | None) -> str:
    """ "prev" or "next" when an anchor's ``rel`` names it a pager link, else "".

    >>> pager_rel("nofollow prev"), pager_rel("Next"), pager_rel("noopener")
    ('prev', 'next', '')
    """
    if not rel:
        return ""
    tokens = rel.lower().split()
    if "prev" in tokens or "previous" in tokens:
        return "prev"
    return "next" if "next" in tokens else ""


def _is_hidden(attrs: dict[str, str | None]) -> bool:
    style = attrs.get("style")
    return bool(style) and _HIDDEN_STYLE.search(style) is not None


def python_flatten(body: LexborNode) -> tuple[list[Block], list[Container]]:
    """The blocks and containers of a parsed ``<body>``, walked in Python.

    ``cleaning.extractor.flatten`` uses the compiled twin of this walk when it is built.
    """
    builder = _Builder()
    builder.walk(body)
    builder.flush()
    builder.containers[0].end = len(builder.containers)
    return builder.blocks, builder.containers


def assemble_page(blocks: list[Block], containers: list[Container], base_url: str) -> Page:
    """The page of a walk's blocks; links will resolve against ``base_url``."""
    for block in blocks:
        if block.heading and block.link_chars and not block.links:
            # <h2><a href="#id5">Setting up</a></h2>: an anchor in the page (a table of
            # contents' back-reference, a permalink), not a link away: a heading still.
            block.link_chars = 0
    return Page(_merge_table_rows(blocks), containers, base_url)


def _merge_table_rows(blocks: list[Block]) -> list[Block]:
    """Join the one-line cells of a table row into one ``a | b | c`` block.

    Cells that hold several blocks (layout tables) are left alone.
    """
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.row_id and block.tag in ("td", "th"):
            j = i
            while j < len(blocks) and blocks[j].row_id == block.row_id:
                j += 1
            cells = blocks[i:j]
            if 1 < len(cells) <= 20 and len({c.container for c in cells}) == len(cells):
                merged = Block(
                    text=" | ".join(c.text for c in cells),
                    tag="tr",
                    container=cells[0].container,
                    link_chars=sum(c.link_chars for c in cells),
                    bold_chars=sum(c.bold_chars for c in cells),
                    links=[link for c in cells for link in c.links],
                    row_id=block.row_id,
                    boiler=block.boiler,
                )
                # A table row belongs to the table, not to its first cell.
                merged.container = _table_container(cells[0])
                out.append(merged)
                i = j
                continue
        out.append(block)
        i += 1
    return out


def _table_container(cell: Block) -> int:
    return cell.row_id


def text_to_page(text: str) -> Page:
    """Blocks of a plain-text dump: one per non-empty line, all in one container."""
    blocks = [
        Block(text=line, tag="line", container=0)
        for line in (collapse_spaces(raw) for raw in text.splitlines())
        if line
    ]
    return Page(blocks, [Container("root", -1, False, True)])
