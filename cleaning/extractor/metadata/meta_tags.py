"""The article's metadata as the ``<meta>`` elements state it: Open Graph and
``article:*``, Dublin Core, Highwire ``citation_*``, Parse.ly, and the plain
``author`` / ``description`` / ``keywords``.

The head is read once (``pipeline._read_head``), which hands over the pairs whose
key is in :data:`WANTED`; here they become fields, each from its most specific key.
"""

from __future__ import annotations

from cleaning.extractor.metadata.fields import Stated
from cleaning.extractor.metadata.names import clean_names, names_in

# Keys of each field, most trusted first.
_PUBLISHED = (
    "article:published_time og:article:published_time datepublished dcterms.issued "
    "dcterms.created dc.date.issued dc.date.created dc.date dcterms.date "
    "citation_publication_date citation_date citation_online_date parsely-pub-date "
    "sailthru.date pubdate publishdate publish-date publish_date publication_date "
    "article.published article_date_original original-publish-date date"
).split()
_MODIFIED = (
    "article:modified_time og:article:modified_time og:updated_time article:updated_time "
    "datemodified dcterms.modified dc.date.modified last-modified lastmod"
).split()
_AUTHORS = (
    "article:author og:article:author dc.creator dcterms.creator citation_author "
    "parsely-author sailthru.author author byl"
).split()
_DESCRIPTION = (
    "og:description twitter:description description dc.description dcterms.description"
).split()
_TAGS = "article:tag og:article:tag parsely-tags".split()
_KEYWORDS = "news_keywords keywords".split()
_SECTIONS = "article:section og:article:section parsely-section".split()
_IMAGE = "og:image og:image:url og:image:secure_url twitter:image twitter:image:src".split()
_MULTI = frozenset({"article:tag", "og:article:tag", "citation_author", "article:author"})

WANTED = frozenset(
    _PUBLISHED + _MODIFIED + _AUTHORS + _DESCRIPTION + _TAGS + _KEYWORDS + _SECTIONS + _IMAGE
)


def read_meta(pairs: list[tuple[str, str]]) -> Stated:
    """What the page's ``<meta>`` pairs (key lowercased, content) state."""
    values: dict[str, list[str]] = {}
    for key, value in pairs:
        if value:
            values.setdefault(key, []).append(value)
    stated = Stated()
    if not values:
        return stated
    stated.published_at = _first(values, _PUBLISHED)
    stated.modified_at = _first(values, _MODIFIED)
    stated.description = _first(values, _DESCRIPTION)
    stated.image = _first(values, _IMAGE)
    stated.authors = _authors(values)
    stated.tags = _list(values, _TAGS)
    stated.keywords = _list(values, _KEYWORDS)
    stated.sections = _list(values, _SECTIONS)
    return stated


def _first(values: dict[str, list[str]], keys: list[str]) -> str | None:
    for key in keys:
        if key in values:
            return values[key][0]
    return None


def _list(values: dict[str, list[str]], keys: list[str]) -> list[str] | None:
    """All values of the first key present (``article:tag`` repeats; ``keywords`` is
    one comma-separated value)."""
    for key in keys:
        if key not in values:
            continue
        found: list[str] = []
        for value in values[key] if key in _MULTI else values[key][:1]:
            for part in value.split(","):
                part = part.strip()
                if part and part not in found:
                    found.append(part)
        if found:
            return found
    return None


def _authors(values: dict[str, list[str]]) -> list[str] | None:
    for key in _AUTHORS:
        names: list[str] = []
        for value in values.get(key, ()) if key in _MULTI else values.get(key, ())[:1]:
            if value.startswith(("http://", "https://", "/", "@")):
                continue  # article:author is often the author's profile page
            # (citation_author is "Surname, Given": one name whatever its commas)
            found = clean_names([value]) if key == "citation_author" else names_in(value)
            names.extend(n for n in found if n not in names)
        if names:
            return names
    return None
