"""Canonical URLs and ids: one article, one id, however it was linked."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaning import clean_html
from cleaning.urls import canonical_url, strip_tracking

ARTICLE = (
    Path(__file__).resolve().parent.parent
    / "data"
    / "demo_site"
    / "articles"
    / "leg-cramps-women.html"
).read_bytes()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://a.test/x?utm_source=tw&utm_medium=social", "https://a.test/x"),
        ("https://a.test/x?id=3&fbclid=abc#comments", "https://a.test/x?id=3"),
        ("https://a.test/x?gclid=1&page=2&spm=a.b.c", "https://a.test/x?page=2"),
    ],
)
def test_tracking_parameters_and_fragments_are_dropped(url: str, expected: str) -> None:
    assert strip_tracking(url) == expected


def test_rel_canonical_is_honoured() -> None:
    assert (
        canonical_url("https://a.test/amp/x.html?utm_source=x", "https://a.test/x.html")
        == "https://a.test/x.html"
    )


def test_relative_canonical_resolves_against_the_page() -> None:
    assert canonical_url("https://a.test/dir/x.html", "/x.html") == "https://a.test/x.html"


def test_canonical_pointing_at_the_home_page_is_ignored() -> None:
    # A template bug seen in the wild: every page says rel=canonical href="/".
    assert canonical_url("https://a.test/x.html?ref=home", "/") == "https://a.test/x.html"


def test_query_order_does_not_make_a_new_url() -> None:
    assert canonical_url("https://a.test/x?b=2&a=1", None) == canonical_url(
        "https://a.test/x?a=1&b=2", None
    )


def test_same_article_through_tracking_links_gets_one_id() -> None:
    urls = [
        "http://127.0.0.1:8419/articles/leg-cramps-women.html",
        "http://127.0.0.1:8419/articles/leg-cramps-women.html?utm_source=newsletter",
        "http://127.0.0.1:8419/articles/leg-cramps-women.html#section-2",
    ]
    records = [clean_html(ARTICLE, url=u).record for u in urls]
    assert all(r is not None for r in records)
    assert len({r.id for r in records if r}) == 1
    assert records[0] is not None
    assert records[0].canonical_url == urls[0]
    assert records[0].site == "127.0.0.1"


def test_id_is_stable_across_runs() -> None:
    url = "http://127.0.0.1:8419/articles/leg-cramps-women.html"
    first = clean_html(ARTICLE, url=url, crawl_id="run-1").record
    second = clean_html(ARTICLE, url=url, crawl_id="run-2").record
    assert first is not None and second is not None
    assert first.id == second.id
    assert first.content_hash == second.content_hash
