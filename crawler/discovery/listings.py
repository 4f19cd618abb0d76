"""One sitemap or feed file, read safely: what it lists, or why it was refused.

Sitemaps and feeds come from the sites we crawl, so they are untrusted input:

- gzip (``.xml.gz``, or a gzip body whatever the name) is inflated up to
  ``max_bytes`` and refused past it (a gzip bomb is a few KiB on the wire);
- a document that declares XML entities is refused (``entities``: "billion laughs");
  lxml parses the rest with entities left unexpanded, no network, no DTD loading and
  no huge trees, streaming, clearing each element once read;
- at most ``max_entries`` entries are taken from one file (the sitemap protocol's own
  limit is 50,000); the rest are counted, not kept.

Kinds: ``urlset`` (pages, with ``<lastmod>``, or ``news:publication_date`` when a news
sitemap gives no lastmod), ``sitemapindex`` (more sitemaps), ``rss`` (RSS 0.9x/2.0
and RDF 1.0 items) and ``atom``.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from io import BytesIO

from lxml import etree

from crawler.discovery.dates import parse_date

GZIP_MAGIC = b"\x1f\x8b"
MAX_BYTES = 50 * 1024 * 1024  # the sitemap protocol's limit, uncompressed
MAX_ENTRIES = 50_000
URLSET, SITEMAP_INDEX, RSS, ATOM = "urlset", "sitemapindex", "rss", "atom"
KINDS = {"urlset": URLSET, "sitemapindex": SITEMAP_INDEX, "rss": RSS, "RDF": RSS, "feed": ATOM}
# Refusal reasons, as counted in the run manifest.
TOO_BIG, BAD_GZIP, NOT_A_LISTING = "too_big", "bad_gzip", "not_a_listing"
ENTITIES = "entities"  # a document that declares entities: no sitemap or feed needs one
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY\s")


class ListingRefused(ValueError):
    """The file is not read; ``reason`` is one of the refusal reasons above."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Entry:
    url: str
    lastmod: float | None  # unix time, None when the file gives no date


@dataclass(slots=True)
class Listing:
    kind: str
    entries: list[Entry] = field(default_factory=list)
    dropped: int = 0  # entries past max_entries

    @property
    def is_index(self) -> bool:
        return self.kind == SITEMAP_INDEX


def inflate(body: bytes, max_bytes: int = MAX_BYTES) -> bytes:
    """The body, gunzipped if it is gzip; never more than ``max_bytes``."""
    if not body.startswith(GZIP_MAGIC):
        if len(body) > max_bytes:
            raise ListingRefused(TOO_BIG, f"{len(body)} bytes, more than {max_bytes}")
        return body
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise ListingRefused(BAD_GZIP, str(exc)) from None
    if len(data) > max_bytes:
        raise ListingRefused(TOO_BIG, f"inflates to more than {max_bytes} bytes")
    return data


def read_listing(
    body: bytes, *, max_bytes: int = MAX_BYTES, max_entries: int = MAX_ENTRIES
) -> Listing:
    """What a sitemap, sitemap index or feed lists, in file order."""
    data = inflate(body, max_bytes)
    if _ENTITY_DECLARATION.search(data):
        # Left unexpanded, lxml drops the references from the text (6.2) or stops
        # (6.1): either way the URLs read would not be the file's.
        raise ListingRefused(ENTITIES, "it declares XML entities")
    events = etree.iterparse(
        BytesIO(data),
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        recover=True,
    )
    listing: Listing | None = None
    try:
        for event, element in events:
            name = _local(element.tag)
            if listing is None:
                kind = KINDS.get(name)
                if kind is None:
                    raise ListingRefused(NOT_A_LISTING, f"the root element is <{name}>")
                listing = Listing(kind)
                continue
            if event != "end" or name not in _ENTRY_ELEMENTS[listing.kind]:
                continue
            entry = _entry(listing.kind, element)
            element.clear(keep_tail=False)
            if entry is None:
                continue
            if len(listing.entries) < max_entries:
                listing.entries.append(entry)
            else:
                listing.dropped += 1
    except etree.XMLSyntaxError as exc:
        if listing is None:
            raise ListingRefused(NOT_A_LISTING, str(exc)) from None
    if listing is None:
        raise ListingRefused(NOT_A_LISTING, "no XML element")
    return listing


_ENTRY_ELEMENTS = {
    URLSET: {"url"},
    SITEMAP_INDEX: {"sitemap"},
    RSS: {"item"},
    ATOM: {"entry"},
}
_DATES = {
    URLSET: ("lastmod", "publication_date"),
    SITEMAP_INDEX: ("lastmod",),
    RSS: ("modified", "updated", "date", "pubDate"),
    ATOM: ("updated", "published"),
}


def _entry(kind: str, element: etree._Element) -> Entry | None:
    url = None
    dates: dict[str, str] = {}
    for child in element.iter():
        if child is element or not isinstance(child.tag, str):
            continue
        name = _local(child.tag)
        own = child.getparent() is element  # not an <image:loc> inside the entry
        if own and kind == ATOM and name == "link":
            if child.get("rel", "alternate") == "alternate" and url is None:
                url = child.get("href")
        elif own and name in ("loc", "link") and url is None and kind != ATOM:
            url = (child.text or "").strip() or None
        elif name in _DATES[kind] and name not in dates:
            dates[name] = child.text or ""
    if not url:
        return None
    lastmod = next(
        (when for name in _DATES[kind] if (when := parse_date(dates.get(name))) is not None),
        None,
    )
    return Entry(url.strip(), lastmod)


def _local(tag: object) -> str:
    """``{namespace}name`` -> ``name`` (sitemaps and feeds come with or without one)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]
