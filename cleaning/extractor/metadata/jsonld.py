"""The article's metadata as its JSON-LD states it (the most trusted source: it is what
the site publishes for search engines, and schema.org names every field).

Items are found anywhere in a script: top level, lists, ``@graph``, nested values;
``{"@id": ...}`` references are followed to the item they name (``author`` often points
at a ``Person`` elsewhere in the graph).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from cleaning.extractor.metadata.fields import Stated
from cleaning.extractor.metadata.names import clean_names
from cleaning.extractor.structured_data import MAX_JSON_LD_CHARS, MAX_NODES

# Types of the item that describes the article itself, best first.
_PAGE_TYPES = ("webpage", "medicalwebpage", "itempage", "aboutpage", "faqpage", "qapage")
_ARTICLE_SUFFIXES = ("article", "posting", "report")
_ARTICLE_TYPES = frozenset({"recipe", "howto", "medicalwebpage", "creativework", "review"})
_ORGANIZATION_TYPES = frozenset(
    {"organization", "newsmediaorganization", "corporation", "medicalorganization",
     "governmentorganization", "educationalorganization", "ngo", "hospital"}
)  # fmt: skip


def read_json_ld(scripts: list[str]) -> Stated:
    """What the page's JSON-LD scripts state (invalid scripts are passed over, as search
    engines do)."""
    items: list[dict[str, Any]] = []
    budget = [MAX_NODES]
    for source in scripts:
        if len(source) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(_unwrapped(source))
        except (ValueError, RecursionError):
            continue
        items.extend(_items(data, budget))
    stated = Stated()
    if not items:
        return stated
    by_id = {
        item["@id"]: item
        for item in items
        if isinstance(item.get("@id"), str) and not set(item) <= {"@id", "@type"}
    }  # (a bare {"@id": ...} is a reference to the item, not the item)
    ranked = sorted(
        (item for item in items if _rank(item) is not None), key=lambda item: _rank(item) or 0
    )
    for item in ranked:
        _read_item(item, by_id, stated)
    for item in items:
        if "breadcrumblist" in _types(item) and not stated.categories:
            stated.categories = _breadcrumb(item, by_id)
    return stated


def _unwrapped(source: str) -> str:
    """The JSON of a script that wraps it in CDATA (``<![CDATA[ ... ]]>``, with or
    without ``//`` before each marker), as XHTML-minded templates do."""
    text = source.strip()
    if text.startswith(("<![CDATA[", "//<![CDATA[", "/*<![CDATA[*/")):
        text = text.split("<![CDATA[", 1)[1].removeprefix("*/")
        text = text.rsplit("]]>", 1)[0].rstrip().removesuffix("//").removesuffix("/*")
    return text


def _read_item(item: dict[str, Any], by_id: dict[str, dict[str, Any]], stated: Stated) -> None:
    """Fill the fields ``stated`` still lacks from one article-like item."""
    for field, keys in (
        ("published_at", ("datePublished", "uploadDate")),
        ("created_at", ("dateCreated",)),
        ("modified_at", ("dateModified",)),
        ("reviewed_at", ("lastReviewed",)),
    ):
        if getattr(stated, field) is None:
            value = _first_text(item, keys)
            if value:
                setattr(stated, field, value)
    if stated.authors is None:
        names = _people(_values(item, ("author", "creator")), by_id)
        if names:
            stated.authors = names
    if stated.reviewers is None:
        names = _people(_values(item, ("reviewedBy",)), by_id)
        if names:
            stated.reviewers = names
    if stated.description is None:
        value = _first_text(item, ("description",))
        if value:
            stated.description = value
    if stated.tags is None:
        tags = _keywords(_values(item, ("keywords",)))
        if tags:
            stated.tags = tags
    if stated.sections is None:
        sections = [v for v in _values(item, ("articleSection",)) if isinstance(v, str)]
        sections = [part.strip() for v in sections for part in v.split(",") if part.strip()]
        if sections:
            stated.sections = sections
    if stated.image is None:
        image = _image(_values(item, ("image", "thumbnailUrl")), by_id)
        if image:
            stated.image = image


def _items(data: object, budget: list[int]) -> Iterator[dict[str, Any]]:
    """Every dict with a ``@type`` under ``data``, walked without recursion and within
    ``budget`` values (a hostile script may nest deep or wide)."""
    stack = [data]
    while stack and budget[0] > 0:
        value = stack.pop()
        budget[0] -= 1
        if isinstance(value, dict):
            if "@type" in value or "@id" in value:
                yield value
            stack.extend(v for k, v in value.items() if isinstance(v, dict | list))
        elif isinstance(value, list):
            stack.extend(reversed(value))


def _types(item: dict[str, Any]) -> list[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return [k.rsplit("/", 1)[-1].lower() for k in kinds if isinstance(k, str)]


def _rank(item: dict[str, Any]) -> int | None:
    """0 for an article, 1 for the page that holds it, None for other items."""
    kinds = _types(item)
    if any(k.endswith(_ARTICLE_SUFFIXES) or k in _ARTICLE_TYPES for k in kinds):
        return 0
    if any(k in _PAGE_TYPES for k in kinds):
        return 1
    return None


def _values(item: dict[str, Any], keys: tuple[str, ...]) -> list[Any]:
    out: list[Any] = []
    for key in keys:
        value = item.get(key)
        if value is None:
            continue
        out.extend(value if isinstance(value, list) else [value])
    return out


def _first_text(item: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for value in _values(item, keys):
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
    return None


def _resolve(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in by_id:
        return by_id[value["@id"]]
    return value


def _people(values: list[Any], by_id: dict[str, dict[str, Any]]) -> list[str]:
    """Names of the people among ``values``; of the organizations when none is a person."""
    people: list[str] = []
    organizations: list[str] = []
    for value in values:
        value = _resolve(value, by_id)
        if isinstance(value, str):
            if not value.startswith(("http://", "https://", "/")):
                people.append(value)
        elif isinstance(value, dict):
            name = value.get("name")
            if isinstance(name, list):
                name = next((n for n in name if isinstance(n, str)), None)
            if not isinstance(name, str) or not name.strip():
                continue
            kinds = _types(value)
            target = organizations if any(k in _ORGANIZATION_TYPES for k in kinds) else people
            target.append(name)
    return clean_names(people) or clean_names(organizations)


def _keywords(values: list[Any]) -> list[str]:
    tags: list[str] = []
    for value in values:
        if not isinstance(value, str):
            continue
        for part in value.split(","):
            part = part.strip()
            if part and part not in tags:
                tags.append(part)
    return tags


def _image(values: list[Any], by_id: dict[str, dict[str, Any]]) -> str | None:
    for value in values:
        value = _resolve(value, by_id)
        if isinstance(value, dict):
            value = value.get("url") or value.get("contentUrl") or value.get("@id")
            if isinstance(value, list):
                value = value[0] if value else None
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _breadcrumb(item: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> list[tuple[str, str]]:
    """The trail as (name, url) pairs, in position order."""
    entries = item.get("itemListElement")
    if not isinstance(entries, list):
        return []
    trail: list[tuple[float, str, str]] = []
    for n, entry in enumerate(entries):
        entry = _resolve(entry, by_id)
        if not isinstance(entry, dict):
            continue
        target = _resolve(entry.get("item"), by_id)
        name = entry.get("name")
        url = ""
        if isinstance(target, dict):
            name = name or target.get("name")
            url = target.get("@id") or target.get("url") or ""
        elif isinstance(target, str):
            url = target
        if isinstance(name, str) and name.strip():
            key = _position(entry.get("position"), n)
            trail.append((key, name.strip(), url if isinstance(url, str) else ""))
    return [(name, url) for _, name, url in sorted(trail, key=lambda t: t[0])]


def _position(value: Any, default: int) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return float(default)
