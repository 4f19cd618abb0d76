"""The article as the page's own structured data states it: JSON-LD ``articleBody``.

Pages that render their article with JavaScript ship an HTML body without its text,
and often the whole text in the JSON-LD they give search engines (``NewsArticle``,
``BlogPosting``, ``@graph`` lists). When the page's own blocks hold no article, that
text is the article.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser

JSON_LD = 'script[type="application/ld+json"]'
MAX_JSON_LD_CHARS = 2_000_000  # of one script: more is no page's metadata
MAX_NODES = 10_000  # JSON values looked at, over all of a page's scripts


def json_ld_article_body(tree: LexborHTMLParser, longer_than: int = 0) -> str | None:
    """The longest ``articleBody`` of the page's JSON-LD, or None. Scripts that are
    not valid JSON are passed over, as browsers and search engines do, and so are
    scripts too short to hold a body longer than ``longer_than`` characters (not
    parsed at all: most pages stating a body also show it)."""
    found: list[str] = []
    budget = [MAX_NODES]
    for script in tree.css(JSON_LD):
        source = script.text(deep=True)
        if not longer_than < len(source) <= MAX_JSON_LD_CHARS or "articleBody" not in source:
            continue
        try:
            data = json.loads(source)
        except (ValueError, RecursionError):  # not JSON, or nested past the parser's stack
            continue
        found.extend(_article_bodies(data, budget))
    bodies = [body.strip() for body in found if len(body.strip()) > longer_than]
    return max(bodies, key=len) if bodies else None


def _article_bodies(data: object, budget: list[int]) -> Iterator[str]:
    """Every ``articleBody`` string under ``data``, walked without recursion and
    within ``budget`` values (a hostile script may nest deep or wide)."""
    stack = [data]
    while stack and budget[0] > 0:
        value = stack.pop()
        budget[0] -= 1
        if isinstance(value, dict):
            body = value.get("articleBody")
            if isinstance(body, str):
                yield body
            stack.extend(v for k, v in value.items() if k != "articleBody")
        elif isinstance(value, list):
            stack.extend(reversed(value))
