"""The article's own list of sources ("References", "Sources", "参考文献"...), taken out
of its body as data: health sites print them to earn trust, and a reader of the text
(or a model trained on it) is better served by the list as records than as prose.
"""

from __future__ import annotations

import re

from cleaning.dataset.schema import Reference
from cleaning.extractor.blocks import Block, Page

MAX_HEADING_CHARS = 40
MAX_REFERENCES = 300
AFTER_CONTENT = 30  # blocks after the chosen content where the list may stand

_HEADING = re.compile(
    r"^\s*(?:\d+[.)]?\s*)?(?:references?|sources?|bibliography|citations?|works\s+cited"
    r"|literature\s+cited|further\s+reading\s+and\s+references|sources\s+and\s+references"
    r"|references\s+and\s+sources|article\s+sources|scientific\s+references|research\s+sources"
    r"|参考文献|参考资料|参考来源|资料来源|文献来源|引用文献|quellen|literatur|quellenangaben"
    r"|références|sources\s+et\s+références|bibliografía|referencias|fuentes|bibliografia"
    r"|fonti|riferimenti|referenties|bronnen|źródła|bibliografie|zdroje)\s*[:：]?\s*$",
    re.I,
)


def find_references(
    page: Page, content: list[int], title_index: int | None
) -> tuple[list[Reference], set[int]]:
    """The references list of the article and the block indexes it spans (its heading
    included), or nothing. The heading must stand in the article or just after it."""
    if not content:
        return [], set()
    blocks = page.blocks
    start = content[0] if title_index is None else min(title_index + 1, content[0])
    end = min(len(blocks), content[-1] + 1 + AFTER_CONTENT)
    for i in range(start, end):
        block = blocks[i]
        if _is_heading(block) and _HEADING.match(block.text.rstrip(".")):
            entries = _entries(page, i)
            if entries:
                references = [_reference(page, blocks[j]) for j in entries]
                return references, {i, *entries}
    return [], set()


def _is_heading(block: Block) -> bool:
    if len(block.text) > MAX_HEADING_CHARS or block.boiler:
        return False
    return (
        bool(block.heading) or block.bold_share >= 0.8 or block.tag in ("dt", "summary", "p", "div")
    )


def _entries(page: Page, heading: int) -> list[int]:
    """The blocks after the heading that make the list: the items of the list that
    follows (one or several), else the paragraphs up to the next heading, within the
    box that holds the first of them."""
    blocks = page.blocks
    found: list[int] = []
    first = heading + 1
    if first >= len(blocks):
        return found
    in_list = bool(blocks[first].list_id)
    box = page.containers[blocks[first].container].parent
    for j in range(first, min(len(blocks), first + MAX_REFERENCES)):
        block = blocks[j]
        if (
            block.heading
            or block.boiler
            or (box >= 0 and box not in page.ancestors(block.container))
        ):
            break
        if in_list and not block.list_id:
            break
        if not in_list and (block.list_id or (block.bold_share >= 0.8 and len(block.text) < 60)):
            break
        found.append(j)
    return found


def _reference(page: Page, block: Block) -> Reference:
    url = page.absolute(block.links[0].url) if block.links else None
    return Reference(text=block.text, url=url)
