"""The article's metadata as microdata (``itemprop``) and RDFa (``property`` on elements
other than ``<meta>``) state it in the page's own markup.

Only the properties of the article's fields are read, each from its first element:
the article's own come before those of comments and teasers further down.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from cleaning.extractor.metadata.fields import Stated
from cleaning.extractor.metadata.names import clean_names, names_in
from cleaning.extractor.textnorm import collapse_spaces

_DATES = {
    "datepublished": "published_at",
    "datecreated": "created_at",
    "datemodified": "modified_at",
    "lastreviewed": "reviewed_at",
    "dcterms:issued": "published_at",
    "dcterms:created": "published_at",
    "dc:date": "published_at",
    "dcterms:modified": "modified_at",
}
_PEOPLE = {
    "author": "authors",
    "creator": "authors",
    "dc:creator": "authors",
    "dcterms:creator": "authors",
    "reviewedby": "reviewers",
}
_TEXTS = {"description": "description", "articlesection": "sections", "keywords": "tags"}
MAX_ELEMENTS = 400  # itemprop elements looked at: a product listing holds thousands


def names_rdfa(html: str) -> bool:
    """Whether the page may state RDFa properties outside ``<meta>`` (Open Graph's
    ``property=`` are metas, read with the head)."""
    return 'property="dc' in html or 'property="schema:' in html


def read_microdata(properties: list[tuple[LexborNode, str]]) -> Stated:
    """What the (node, ``itemprop`` / ``property`` names) pairs state."""
    stated = Stated()
    for node, names in properties[:MAX_ELEMENTS]:
        for raw in names.split():
            _read_property(raw.lower().removeprefix("schema:"), node, stated)
    return stated


def _read_property(name: str, node: LexborNode, stated: Stated) -> None:
    if name in _DATES:
        field = _DATES[name]
        if getattr(stated, field) is None:
            value = _attribute(node, "content", "datetime") or _text(node)
            setattr(stated, field, value or None)
    elif name in _PEOPLE:
        field = _PEOPLE[name]
        if getattr(stated, field) is None:
            names = _person(node)
            setattr(stated, field, names or None)
    elif name in _TEXTS:
        field = _TEXTS[name]
        if getattr(stated, field) is None:
            value = _attribute(node, "content") or _text(node)
            if value and field == "description":
                stated.description = value
            elif value:
                parts = [p.strip() for p in value.split(",") if p.strip()]
                setattr(stated, field, parts or None)
    elif name == "image" and stated.image is None:
        stated.image = _attribute(node, "content", "src", "href") or None


def _person(node: LexborNode) -> list[str]:
    """The names an author element gives: its ``itemprop=name``, its content, its text."""
    named = node.css_first('[itemprop~="name"]')
    if named is not None:
        value = _attribute(named, "content") or _text(named)
        return clean_names([value]) if value else []
    value = _attribute(node, "content")
    if value:
        return [] if value.startswith(("http://", "https://")) else clean_names([value])
    if node.tag in ("link", "meta"):
        return []
    return names_in(_text(node))


def _attribute(node: LexborNode, *names: str) -> str:
    attributes = node.attributes
    for name in names:
        value = attributes.get(name)
        if value and value.strip():
            return value.strip()
    return ""


def _text(node: LexborNode) -> str:
    return collapse_spaces(node.text(deep=True, separator=" ")).strip()[:2000]
