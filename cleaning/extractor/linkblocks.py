"""Previous/next links and the related-articles block, found by their wording.

Both are boilerplate for the text but part of the site's link graph, so they are
lifted out into structured fields before the main content is chosen. They are
searched over the whole page: sites put them inside the article container as often
as outside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cleaning.dataset.schema import PageLink, RelatedLink
from cleaning.extractor.blocks import Block, Page
from cleaning.extractor.content import boilerplate_reason
from cleaning.extractor.pager import HeadLink, find_prev_next
from cleaning.extractor.patterns import (
    ELLIPSIS_END,
    FURNITURE_HEADING,
    RELATED_HEADING,
)

MAX_NAV_LINE = 250  # a prev/next line is short
MAX_RELATED_TITLE = 200


@dataclass(slots=True)
class LinkParts:
    """What this module lifted out of the page, and which blocks it consumed."""

    prev: PageLink | None = None
    next: PageLink | None = None
    related: list[RelatedLink] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)


def find_link_parts(
    page: Page, *, has_links: bool = True, head_pager: dict[str, HeadLink] | None = None
) -> LinkParts:
    """Find prev/next and related links. ``has_links`` is False for text dumps;
    ``head_pager`` holds the page's ``<link rel="prev"/"next">``, if any."""
    parts = LinkParts()
    found = find_prev_next(page, has_links=has_links, head_pager=head_pager or {})
    parts.prev, parts.next = found.prev, found.next
    parts.consumed.update(found.consumed)
    _find_related(page, parts, has_links)
    for link in (parts.prev, parts.next, *parts.related):
        if link is not None:
            link.url = page.absolute(link.url)
    return parts


# --- related block -----------------------------------------------------------
def _find_related(page: Page, parts: LinkParts, has_links: bool) -> None:
    blocks = page.blocks
    seen: set[str] = set()
    for i, block in enumerate(blocks):
        if i in parts.consumed or len(block.text) > 60 or not RELATED_HEADING.match(block.text):
            continue
        entries, used = _collect_related(page, i, parts.consumed, has_links)
        if not entries:
            continue
        parts.consumed.add(i)
        parts.consumed.update(used)
        for entry in entries:
            key = page.absolute(entry.url) or entry.title
            if key not in seen:
                seen.add(key)
                parts.related.append(entry)


def _collect_related(
    page: Page, start: int, consumed: set[int], has_links: bool
) -> tuple[list[RelatedLink], list[int]]:
    """Entries after a related heading: a title (link), optionally followed by a snippet."""
    blocks = page.blocks
    entries: list[RelatedLink] = []
    used: list[int] = []
    scope: int | None = None  # the container that holds heading and entries
    card: int | None = None  # the box of the current entry, when entries have their own
    j = start + 1
    while j < len(blocks) and j not in consumed:
        block = blocks[j]
        if RELATED_HEADING.match(block.text) or FURNITURE_HEADING.match(block.text):
            break
        reason = boilerplate_reason(block)
        if reason and reason != "promotion":  # the footer after it: copyright, editor...
            break  # (a "Watch: <link>" line is an entry here, not the block's end)
        if has_links and scope is not None and scope not in page.ancestors(block.container):
            break
        if _is_entry_title(block, has_links):
            new = _entries_from_title_block(block, has_links)
            if not new:
                break
            if has_links and scope is None:
                scope = _common_container(page, blocks[start].container, block.container)
            if has_links and scope is not None:
                card = _card_of(page, block.container, scope)
            entries.extend(new)
        elif entries and not entries[-1].snippet and _is_snippet(block, has_links):
            entries[-1].snippet = block.text
        elif card is not None and card in page.ancestors(block.container):
            pass  # more of the entry's own box: its date, category ("In "Sleep"")...
        else:
            break
        used.append(j)
        j += 1
    return entries, used


def _is_entry_title(block: Block, has_links: bool) -> bool:
    if has_links:
        if not block.links:
            return False
        # "<a>Title</a> snippet..." in one block counts too: the link opens the block.
        return block.link_density >= 0.5 or (
            len(block.links) == 1 and block.text.startswith(block.links[0].text)
        )
    return len(block.text) <= MAX_RELATED_TITLE and not ELLIPSIS_END.search(block.text)


def _is_snippet(block: Block, has_links: bool) -> bool:
    if has_links:
        return block.link_density < 0.5
    return True


def _entries_from_title_block(block: Block, has_links: bool) -> list[RelatedLink]:
    if not has_links:
        return [RelatedLink(title=block.text, url=None, snippet="")]
    links = [link for link in block.links if len(link.text) <= MAX_RELATED_TITLE]
    if len(links) == 1:
        link = links[0]
        # "<a>Title</a> snippet text..." in one block: the rest is the snippet.
        rest = block.text.replace(link.text, "", 1).strip(" -–—:：|")
        return [RelatedLink(title=link.text, url=link.url, snippet=rest)]
    return [RelatedLink(title=link.text, url=link.url, snippet="") for link in links]


def _card_of(page: Page, container: int, scope: int) -> int | None:
    """The box of one entry: the child of ``scope`` that holds ``container``, unless the
    entries sit directly in the list (then there is no box of their own)."""
    chain = page.ancestors(container)
    if scope not in chain:
        return None
    below = chain[: chain.index(scope)]
    # Walk up past the title's own elements (<h4>, <a>...) to the entry's box.
    for c in reversed(below):
        if page.containers[c].tag in ("div", "li", "article", "section", "dd", "tr"):
            return c if len(below) > 1 else None
    return None


def _common_container(page: Page, a: int, b: int) -> int:
    ancestors_a = page.ancestors(a)
    ancestors_b = set(page.ancestors(b))
    for container in ancestors_a:
        if container in ancestors_b:
            return container
    return 0
