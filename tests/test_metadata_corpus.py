"""Each article page's metadata (schema v2, docs/metadata.md) against its expected record.

One test per page of tests/corpus/ and of the demo site, so that a failure names the page
and, in its message, each field that is not exact (what the record holds, what the page
states). The expected values come from each template's build script, from the same data
that writes the page; fields a template does not carry are expected null or empty.
"""

from __future__ import annotations

import pytest
from corpus_score import (
    DEMO_BASE,
    clean_demo_page,
    corpus_pages,
    demo_articles,
    expected_metadata,
    metadata_differences,
    record_metadata,
)

from cleaning import clean_html

ARTICLES = [(w, path, page) for w, path, page in corpus_pages() if page.get("article", True)]
DEMO = demo_articles()


def test_every_template_is_covered() -> None:
    templates = {where.split("/", 1)[0] for where, _, _ in ARTICLES}
    assert len(templates) >= 10
    assert len(DEMO) >= 30


def assert_metadata(where: str, record, want: dict) -> None:
    assert record is not None, f"{where}: no record"
    wrong = metadata_differences(want, record_metadata(record))
    assert not wrong, f"{where}: " + "; ".join(f"{k}: {v}" for k, v in wrong.items())


@pytest.mark.parametrize(("where", "path", "page"), ARTICLES, ids=[a[0] for a in ARTICLES])
def test_corpus_page_metadata(where: str, path, page: dict) -> None:
    record = clean_html(path.read_bytes(), url=page["url"]).record
    assert_metadata(where, record, expected_metadata(page))


@pytest.mark.parametrize(("where", "path", "page"), DEMO, ids=[a[0] for a in DEMO])
def test_demo_page_metadata(where: str, path, page: dict) -> None:
    record = clean_demo_page(path, where)
    assert_metadata(where, record, expected_metadata(page, DEMO_BASE))
