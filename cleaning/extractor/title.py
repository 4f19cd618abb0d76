"""The article's title: from ``<h1>``, ``og:title`` and ``<title>``, without the site name."""

from __future__ import annotations

import re

from cleaning.extractor.blocks import Block, Page
from cleaning.extractor.textnorm import collapse_spaces

# Separators between the article title and the site name in <title>.
_TITLE_SEPARATORS = re.compile(r"\s+[-|–—·•:»]\s+|\s*[|_｜—]\s*|\s+-{2,}\s+|\s*::\s*")


def comparable(text: str) -> str:
    """Case- and punctuation-insensitive form, for matching titles across sources."""
    return _strip_non_word(collapse_spaces(text).casefold())


def _strip_non_word(text: str) -> str:
    """``text`` without the non-word characters (``[\\W_]``) at its two ends.

    A loop over the few edge characters: the regex form (``[\\W_]+$``) is tried at
    every position of the text, and this runs on every short block of every page.
    """
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return text[start:end]


def title_parts(title: str) -> list[str]:
    """A ``<title>`` split on its separators ("Title - Site" -> ["Title", "Site"])."""
    return [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]


def strip_site_name(title: str, site_name: str = "") -> str:
    """The longest part of a ``<title>`` that is not the site's name.

    >>> strip_site_name("What causes leg cramps in women - WellNest Health")
    'What causes leg cramps in women'
    >>> strip_site_name("Leg cramps | Health Site Online", "Health Site Online")
    'Leg cramps'
    """
    site = comparable(site_name)
    parts = [p for p in title_parts(title) if not site or comparable(p) != site]
    return max(parts, key=len) if parts else title.strip()


def find_title(
    page: Page, title_tag: str, og_title: str, site_name: str = ""
) -> tuple[str, int | None]:
    """The title and the index of the block that shows it (None when no block does).

    In order: an ``<h1>`` that agrees with ``<title>``/``og:title``; an ``<h2>``/``<h3>``
    that agrees; the one ``<h1>`` outside page furniture (a site whose ``<title>`` says
    something else); ``og:title``; ``<title>`` minus the site name. An ``<h1>`` in a
    header, a masthead or a link is the site's logo, not the article's title.
    """
    blocks = page.blocks
    references = [comparable(t) for t in (og_title, title_tag) if t]
    references += [comparable(p) for t in (og_title, title_tag) for p in title_parts(t)]
    site = comparable(site_name)
    references = [r for r in references if r and r != site]
    headings = [
        (i, b) for i, b in enumerate(blocks) if 1 <= b.heading <= 3 and 2 <= len(b.text) <= 300
    ]
    keys = [comparable(b.text) for _, b in headings]
    for level in (1, 2, 3):
        for (i, block), key in zip(headings, keys, strict=True):
            if (
                block.heading == level
                and key
                and _agrees(key, references)
                and not _is_furniture(page, block)
            ):
                return block.text, i
    h1s = [(i, b) for i, b in headings if b.heading == 1 and not _is_furniture(page, b)]
    if len(h1s) == 1 or (h1s and not references):
        return h1s[0][1].text, h1s[0][0]
    fallback = collapse_spaces(strip_site_name(og_title or title_tag, site_name))
    if not fallback:
        return (h1s[0][1].text, h1s[0][0]) if h1s else ("", None)
    key = comparable(fallback)
    for i, block in enumerate(blocks):
        # Edge punctuation, spacing and case folding ("ß" is "ss") aside, the block is
        # about as long as the title: its length rules out nearly every block first.
        if len(key) // 2 <= len(block.text) <= 2 * len(key) + 10 and comparable(block.text) == key:
            return block.text, i
    return fallback, None


def _agrees(key: str, references: list[str]) -> bool:
    """Equal to a reference, or most of its start ("Title - Site" with an odd separator).

    Mere containment is not enough: the logo "Site" is contained in "Title | Site".
    """
    return any(key == r or (r.startswith(key) and len(key) >= 0.6 * len(r)) for r in references)


def _is_furniture(page: Page, block: Block) -> bool:
    """In a header/masthead/nav, or a link (the logo), rather than the article."""
    if block.boiler or block.link_density >= 0.5:
        return True
    return any(page.containers[c].hinted for c in page.ancestors(block.container))


def find_text_title(blocks: list[Block]) -> tuple[str, set[int]]:
    """Title of a text dump: its first line, and that line's repeats right after it."""
    if not blocks:
        return "", set()
    title = blocks[0].text
    key = comparable(title)
    used = {0}
    for i in range(1, min(len(blocks), 4)):
        if comparable(blocks[i].text) == key:
            used.add(i)
    return title, used
