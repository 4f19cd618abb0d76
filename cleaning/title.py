"""The article's title: from ``<h1>``, ``og:title`` and ``<title>``, without the site name."""

from __future__ import annotations

import re

from cleaning.blocks import Block
from cleaning.textnorm import collapse_spaces

# Separators between the article title and the site name in <title>.
_TITLE_SEPARATORS = re.compile(r"\s+[-|–—·•:»]\s+|\s*[|_｜—]\s*|\s+-{2,}\s+|\s*::\s*")
_PUNCT_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


def comparable(text: str) -> str:
    """Case- and punctuation-insensitive form, for matching titles across sources."""
    return _PUNCT_EDGES.sub("", collapse_spaces(text).casefold())


def strip_site_name(title: str) -> str:
    """The longest part of a ``<title>`` split on its separators.

    >>> strip_site_name("What causes leg cramps in women - WellNest Health")
    'What causes leg cramps in women'
    """
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    return max(parts, key=len) if parts else title.strip()


def find_title(blocks: list[Block], title_tag: str, og_title: str) -> tuple[str, int | None]:
    """The title and the index of the block that shows it (None when no block does).

    An ``<h1>`` that agrees with ``<title>``/``og:title`` wins; then the first ``<h1>``
    outside page furniture; then ``og:title``; then ``<title>`` minus the site name.
    """
    references = [comparable(t) for t in (og_title, title_tag) if t]
    references += [comparable(strip_site_name(t)) for t in (og_title, title_tag) if t]
    references = [r for r in references if r]
    h1s = [(i, b) for i, b in enumerate(blocks) if b.heading == 1 and 2 <= len(b.text) <= 300]
    for i, block in h1s:
        key = comparable(block.text)
        if key and any(key == r or (len(key) >= 8 and key in r) for r in references):
            return block.text, i
    for i, block in h1s:
        if not block.boiler and block.link_density < 0.5:
            return block.text, i
    fallback = strip_site_name(og_title) if og_title else strip_site_name(title_tag)
    fallback = collapse_spaces(fallback)
    if not fallback:
        return "", None
    key = comparable(fallback)
    for i, block in enumerate(blocks):
        if len(block.text) <= 300 and comparable(block.text) == key:
            return block.text, i
    return fallback, None


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
