"""Every demo-site page through `cleaning.clean_html`, against `data/demo_site/expected.json`.

The demo site mixes markup on purpose (headings as <h2>, <h3>, bold or plain
paragraphs; bodies in <article>, <div class=content>, <div id=main-text>), so these
cases check the cleaner's generic rules, not one template.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest

from cleaning import clean_html

SITE = Path(__file__).resolve().parent.parent / "data" / "demo_site"
EXPECTED = json.loads((SITE / "expected.json").read_text(encoding="utf-8"))
BASE = "http://127.0.0.1:8000"
ARTICLES = sorted(k for k in EXPECTED if not k.startswith("_"))
NON_ARTICLES = sorted(EXPECTED["_non_articles"])


def clean_page(path: str):
    body = (SITE / path.lstrip("/")).read_bytes()
    return clean_html(body, url=BASE + path, declared_encoding="utf-8")


def absolute(url: str | None) -> str | None:
    return None if url is None else urljoin(BASE, url)


def test_demo_site_is_big_enough() -> None:
    assert len(ARTICLES) >= 30
    assert NON_ARTICLES


@pytest.mark.parametrize("path", ARTICLES)
def test_article_structure(path: str) -> None:
    expected = EXPECTED[path]
    result = clean_page(path)
    assert result.record is not None, f"{path}: skipped as {result.skip_reason}"
    record = result.record
    assert record.title == expected["title"]
    assert record.intro == expected["intro"]
    assert [(s.number, s.heading) for s in record.sections] == [
        (s["number"], s["heading"]) for s in expected["sections"]
    ]
    assert [s.text for s in record.sections] == [s["text"] for s in expected["sections"]]
    assert [(r.title, r.url, r.snippet) for r in record.related] == [
        (r["title"], absolute(r["url"]), r["snippet"]) for r in expected["related"]
    ]
    for side in ("prev", "next"):
        want = expected[side]
        got = getattr(record, side)
        if want is None:
            assert got is None
        else:
            assert got is not None
            assert (got.title, got.url) == (want["title"], absolute(want["url"]))
    assert record.language == "en"
    assert record.canonical_url == BASE + path


@pytest.mark.parametrize("path", ARTICLES)
def test_no_boilerplate_in_text(path: str) -> None:
    record = clean_page(path).record
    assert record is not None
    text = record.text
    for marker in (
        "Recommend",
        "<<:",
        ">>:",
        "Current location",
        "All rights reserved",
        "Popular articles",
        "Share:",
        "Editor:",
    ):
        assert marker not in text, f"{path}: {marker!r} left in text"
    assert text.split("\n\n")[0] != record.title  # the title line is not repeated
    for related in record.related:
        assert related.title not in text


@pytest.mark.parametrize("path", NON_ARTICLES)
def test_non_articles_give_no_record(path: str) -> None:
    result = clean_page(path)
    assert result.record is None, f"{path} became a record"
    assert result.skip_reason
