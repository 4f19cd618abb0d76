"""The text and headings of a Readability ``expected.html``, as a reader sees them."""

from __future__ import annotations

import lxml.html

# Elements after which a reader sees a new line; inline ones join their neighbours.
_BLOCKS = frozenset(
    "p div section article main header footer aside h1 h2 h3 h4 h5 h6 li ul ol dl dt dd "
    "table thead tbody tfoot tr td th caption pre blockquote figure figcaption form br hr "
    "address details summary center".split()
)
_SKIP = frozenset("script style noscript template".split())
HEADING_TAGS = ("h2", "h3", "h4")


def _text(element: lxml.html.HtmlElement, out: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIP:
        if element.tail:
            out.append(element.tail)
        return
    block = tag in _BLOCKS
    if block:
        out.append("\n")
    if element.text and tag:
        out.append(element.text)
    for child in element:
        _text(child, out)
    if block:
        out.append("\n")
    if element.tail:
        out.append(element.tail)


def expected_text_and_headings(html: bytes) -> tuple[str, list[str]]:
    """(text with a line per block, the ``h2``-``h4`` texts in page order)."""
    root = lxml.html.fromstring(html.decode("utf-8"))
    out: list[str] = []
    _text(root, out)
    lines = (" ".join(line.split()) for line in "".join(out).split("\n"))
    text = "\n".join(line for line in lines if line)
    headings = [
        " ".join(h.text_content().split())
        for h in root.iter(*HEADING_TAGS)
        if h.text_content().strip()
    ]
    return text, headings
