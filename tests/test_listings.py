"""Reading one sitemap or feed file (crawler/discovery/listings.py, dates.py): what real
sites publish, and what hostile ones might."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime

import pytest

from crawler.discovery.dates import parse_date
from crawler.discovery.listings import ListingRefused, read_listing

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <image:image><image:loc>https://h.example/i/1.jpg</image:loc></image:image>
    <loc> https://h.example/a/1.html </loc>
    <lastmod>2026-11-30</lastmod>
  </url>
  <url>
    <loc>https://h.example/a/2.html</loc>
    <news:news><news:publication_date>2026-11-29T10:00:00Z</news:publication_date></news:news>
  </url>
  <url><loc>https://h.example/a/3.html</loc></url>
</urlset>"""


def when(text: str) -> datetime:
    stamp = parse_date(text)
    assert stamp is not None
    return datetime.fromtimestamp(stamp, UTC)


def test_a_news_and_image_sitemap_gives_each_page_and_its_date() -> None:
    for body in (NEWS_SITEMAP, gzip.compress(NEWS_SITEMAP)):
        listing = read_listing(body)
        assert listing.kind == "urlset"
        assert [entry.url for entry in listing.entries] == [
            "https://h.example/a/1.html",
            "https://h.example/a/2.html",
            "https://h.example/a/3.html",
        ]
        dates = [entry.lastmod for entry in listing.entries]
        assert dates[0] == parse_date("2026-11-30") and dates[2] is None
        assert dates[1] == parse_date("2026-11-29T10:00:00Z")


def test_an_index_and_feeds() -> None:
    index = read_listing(
        b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>https://h.example/s1.xml.gz</loc></sitemap></sitemapindex>"
    )
    assert index.is_index and [e.url for e in index.entries] == ["https://h.example/s1.xml.gz"]
    rss = read_listing(
        b'<rss version="2.0"><channel><link>https://h.example/</link><item>'
        b"<link>https://h.example/p</link><pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate>"
        b"</item></channel></rss>"
    )
    assert rss.kind == "rss" and [e.url for e in rss.entries] == ["https://h.example/p"]
    atom = read_listing(
        b'<feed xmlns="http://www.w3.org/2005/Atom"><link href="https://h.example/"/>'
        b'<entry><link rel="alternate" href="https://h.example/e"/>'
        b"<updated>2026-11-30T10:00:00Z</updated></entry></feed>"
    )
    assert atom.kind == "atom" and [e.url for e in atom.entries] == ["https://h.example/e"]


def test_entries_past_the_cap_are_counted_not_kept() -> None:
    urls = "".join(f"<url><loc>https://h.example/{i}</loc></url>" for i in range(30))
    listing = read_listing(f"<urlset>{urls}</urlset>".encode(), max_entries=10)
    assert len(listing.entries) == 10 and listing.dropped == 20


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (gzip.compress(b"<urlset>" + b" " * (2 << 20)), "too_big"),
        (b"\x1f\x8bnot gzip at all", "bad_gzip"),
        (b"<html><body>Not found</body></html>", "not_a_listing"),
        (b"", "not_a_listing"),
    ],
    ids=["gzip-bomb", "bad-gzip", "html", "empty"],
)
def test_what_is_not_a_listing_is_refused_by_reason(body: bytes, reason: str) -> None:
    with pytest.raises(ListingRefused) as refused:
        read_listing(body, max_bytes=1 << 20)
    assert refused.value.reason == reason


def test_a_listing_that_declares_entities_is_refused_unexpanded() -> None:
    """Billion laughs: never expanded, and no URL read from a text the parser cut."""
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    body = (
        f'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY l0 "ha">{levels}]>'
        "<urlset><url><loc>https://h.example/&l9;</loc></url></urlset>"
    ).encode()
    with pytest.raises(ListingRefused) as refused:
        read_listing(body)
    assert refused.value.reason == "entities"


def test_a_date_counts_as_the_end_of_what_it_names() -> None:
    assert when("2026-11-30") == datetime(2026, 12, 1, tzinfo=UTC)
    assert when("2026-11-30T10:00+01:00") == datetime(2026, 11, 30, 9, 1, tzinfo=UTC)
    assert when("2026-11-30T10:00:05Z") == datetime(2026, 11, 30, 10, 0, 6, tzinfo=UTC)
    assert when("2026-11-30T10:00:05.250Z") == datetime(2026, 11, 30, 10, 0, 5, 250000, UTC)
    assert when("Mon, 30 Nov 2026 10:00:00 GMT") == datetime(2026, 11, 30, 10, 0, 1, tzinfo=UTC)
    assert parse_date("yesterday") is None and parse_date("") is None
