"""The previous / next article links of a page, its pager.

Three sources, the surest first:

1. a link that says so itself: its ``rel`` (``<a rel="prev">``) or a label at the start
   of its own text (``<a>Previous article: Title</a>``, ``<a><span>上一篇</span>Title</a>``);
2. a label before the link, on the same line or the line above it
   (``<<: <a>Title</a>``, ``上一篇：<a>Title</a>``, "Previous article" then the link);
   in text dumps, the label and the title alone;
3. the page's ``<link rel="prev"/"next">`` (its title from the page's link to the same
   address, or from the element's own ``title``).

A listing's pagination ("Next page", "2", ``?page=2``, ``/page/2/``) is not an article
pager: such titles, and addresses that only turn the page of the same address, are left.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from cleaning.dataset.schema import PageLink
from cleaning.extractor.blocks import Block, Link, Page
from cleaning.extractor.patterns import NEXT_LABEL, NEXT_LABEL_INLINE, PAGINATION_WORDS, PREV_LABEL

MAX_NAV_LINE = 250  # a prev/next line is short
MAX_PAGER_BLOCK = 400  # a block holding both pager links, with their titles
KINDS = ("prev", "next")
_LABELS = {"prev": PREV_LABEL, "next": NEXT_LABEL}
_EDGE_JUNK = " :：|-–—»«›‹→←<>"
# Query parameters and path endings that only turn the page of one address.
_PAGE_PARAMS = frozenset("page p pg paged pagenum start offset from".split())
# ("/2/", "/page/12", "123_2.html" of Chinese CMSs, "index_2.html"; not "-2", a slug's,
# nor "/1234", an article's number.)
_PAGE_SUFFIX = re.compile(r"(?:/page/\d{1,4}/?|/\d{1,2}/?|_\d{1,2}(?:\.\w+)?|/index_\d+\.\w+)$")
_EXTENSION = re.compile(r"\.(?:html?|php|aspx?|jsp)$")


@dataclass(slots=True)
class HeadLink:
    """A ``<link rel="prev"/"next">`` of the page's head."""

    href: str
    title: str = ""


@dataclass(slots=True)
class Pager:
    prev: PageLink | None = None
    next: PageLink | None = None
    consumed: set[int] = field(default_factory=set)  # blocks that are the pager's


def find_prev_next(
    page: Page, *, has_links: bool = True, head_pager: dict[str, HeadLink] | None = None
) -> Pager:
    """The page's previous and next article links (URLs as written)."""
    pager = Pager()
    if has_links:
        _labelled_links(page, pager)
    _labels_before_links(page, pager, has_links)
    if has_links and head_pager:
        _head_links(page, pager, head_pager)
    return pager


def strip_labels(text: str) -> str:
    """ "« Previous: Title »" -> "Title": labels and arrows, however many are stacked."""
    text = text.strip(_EDGE_JUNK)
    for _ in range(3):
        match = PREV_LABEL.match(text) or NEXT_LABEL.match(text)
        if match is None or match.end() == 0:
            break
        text = text[match.end() :].strip(_EDGE_JUNK)
    return text


def _is_pagination(title: str) -> bool:
    return not title or PAGINATION_WORDS.match(title) is not None


# --- 1. links that say what they are -----------------------------------------
def _labelled_links(page: Page, pager: Pager) -> None:
    blocks = page.blocks
    for i, block in enumerate(blocks):
        if not block.links or len(block.text) > MAX_PAGER_BLOCK or block.heading:
            continue
        for link in block.links:
            kind = link.rel or _label_of(link.text)
            if not kind or getattr(pager, kind) is not None:
                continue
            title = strip_labels(link.text)
            used = [i]
            if not title:  # the label alone in its block: the title is the link's next part
                title, more = _continued_title(blocks, i, link.url)
                used += more
            if _is_pagination(title) or _turns_the_page(page, link.url):
                continue
            setattr(pager, kind, PageLink(title=title, url=link.url))
            if block.link_density >= 0.5:
                pager.consumed.update(used)


# Every pager label starts with one of these (lowered): a cheap test before the regexes.
_LABEL_STARTS = (
    *("<", "«", "‹", "←", "上", "前", "prev", "old"),
    *(">", "»", "›", "→", "下", "后", "next", "new"),
)


def _label_of(text: str) -> str:
    """"prev" or "next" when a link's own text starts with a pager label."""
    if not text.lstrip()[:4].lower().startswith(_LABEL_STARTS):
        return ""
    for kind in KINDS:
        if _LABELS[kind].match(text):
            return kind
    return ""


def _continued_title(blocks: list[Block], i: int, url: str) -> tuple[str, list[int]]:
    """``<a><span>上一篇</span><p>Title</p></a>``: the walk splits the link into blocks;
    the title is the same link's text in the next block."""
    if i + 1 < len(blocks):
        for link in blocks[i + 1].links:
            if link.url == url:
                return strip_labels(link.text), [i + 1]
    return "", []


def _turns_the_page(page: Page, href: str) -> bool:
    """Whether ``href`` is this page's own address on another page number (an article
    or a listing split into pages), not another article."""
    here = page.absolute(page.base_url) or ""
    there = page.absolute(href) or ""
    return bool(here) and _unpaged(here) == _unpaged(there)


def _unpaged(url: str) -> str:
    """``url`` without its page number: host, path less a page suffix, other parameters."""
    parts = urlsplit(url)
    path = _EXTENSION.sub("", _PAGE_SUFFIX.sub("", parts.path).rstrip("/"))
    params = sorted(
        p for p in parts.query.split("&") if p and p.split("=", 1)[0].lower() not in _PAGE_PARAMS
    )
    return f"{parts.netloc.lower()}{path}?{'&'.join(params)}"


# --- 2. a label before the link ------------------------------------------------
def _labels_before_links(page: Page, pager: Pager, has_links: bool) -> None:
    blocks = page.blocks
    for i, block in enumerate(blocks):
        if len(block.text) > MAX_NAV_LINE or block.heading:
            continue
        if not block.text.lstrip()[:4].lower().startswith(_LABEL_STARTS):
            continue
        for kind in KINDS:
            if getattr(pager, kind) is not None:
                continue
            match = _LABELS[kind].match(block.text)
            if match is None:
                continue
            rest = block.text[match.end() :]
            following = None
            if kind == "prev":
                inline_next = NEXT_LABEL_INLINE.search(rest)
                if inline_next:
                    following = rest[inline_next.end() :]
                    rest = rest[: inline_next.start()]
            link = _nav_link(rest, block, blocks, i, has_links, first=True)
            if link is None or (link.url and _turns_the_page(page, link.url)):
                continue
            setattr(pager, kind, link)
            pager.consumed.add(i)
            if not rest.strip() and i + 1 < len(blocks):
                pager.consumed.add(i + 1)  # the title sat on the line after the label
            if following and pager.next is None:
                nxt = _nav_link(following, block, blocks, i, has_links, first=False)
                if nxt is not None and not (nxt.url and _turns_the_page(page, nxt.url)):
                    pager.next = nxt


def _nav_link(
    title: str, block: Block, blocks: list[Block], i: int, has_links: bool, *, first: bool
) -> PageLink | None:
    """The link a prev/next label points at: on the same line, or on the next one."""
    title = strip_labels(title)
    links = block.links
    if not title and i + 1 < len(blocks):  # label alone, e.g. "Previous article" / <a>Title</a>
        after = blocks[i + 1]
        if len(after.text) <= MAX_NAV_LINE and (after.links or not has_links):
            title, links = after.text, after.links
    if _is_pagination(title):
        return None
    if not has_links:
        return PageLink(title=title, url=None)
    link = _link_in(title, links, first=first)
    if link is None:
        return None
    return PageLink(title=strip_labels(link.text) or title, url=link.url)


def _link_in(title: str, links: list[Link], *, first: bool) -> Link | None:
    """The link whose text belongs to ``title`` (a label may also be part of the link)."""
    candidates = [link for link in links if link.text in title or title in link.text]
    if not candidates:
        return None
    link = candidates[0] if first else candidates[-1]
    if PAGINATION_WORDS.match(link.text) or PAGINATION_WORDS.match(strip_labels(link.text)):
        return None
    return link


# --- 3. the head's <link rel> ----------------------------------------------------
def _head_links(page: Page, pager: Pager, head_pager: dict[str, HeadLink]) -> None:
    for kind in KINDS:
        head = head_pager.get(kind)
        if head is None or getattr(pager, kind) is not None or _turns_the_page(page, head.href):
            continue
        target = page.absolute(head.href)
        title = strip_labels(head.title)
        if not title:
            title = next(
                (
                    strip_labels(link.text)
                    for block in page.blocks
                    for link in block.links
                    if page.absolute(link.url) == target
                ),
                "",
            )
        if not _is_pagination(title):
            setattr(pager, kind, PageLink(title=title, url=head.href))
