"""Article metadata (schema v2): what real pages state, and the documented decisions.

The Readability pages are real pages with Readability.js's own reading of their byline
and publication date; the small pages below pin each rule of docs/metadata.md.
"""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cleaning import clean_html, clean_text
from cleaning.extractor.metadata.dates import find_date, parse_machine_date

READABILITY = Path(__file__).resolve().parent.parent / "bench" / "pages" / "readability"
PAGE_URL = "https://health.example.test/articles/knee-pain.html"
BODY = " ".join(["Knee pain after running usually comes from the tendons around the kneecap."] * 6)


def _normalized(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())


def _readability_pages() -> list[tuple[str, dict, bytes]]:
    pages = []
    for folder in sorted(READABILITY.iterdir()):
        meta = json.loads((folder / "expected-metadata.json").read_text("utf-8"))
        pages.append((folder.name, meta, gzip.decompress((folder / "source.html.gz").read_bytes())))
    return pages


def test_readability_pages_bylines_and_dates() -> None:
    """Bylines right on >= 85% of the pages stating one (every name we give occurs in
    Readability's byline), and the publication day right on every page stating one."""
    bylines = right = dated = dated_right = 0
    for _name, meta, body in _readability_pages():
        record = clean_html(body, url="http://fakehost/test/page.html").record
        authors = record.authors if record else []
        published = record.published_at if record else None
        if meta.get("byline"):
            bylines += 1
            expected = _normalized(meta["byline"])
            right += bool(authors) and all(_normalized(a) in expected for a in authors)
        if meta.get("publishedTime"):
            dated += 1
            day = parse_machine_date(meta["publishedTime"]).date()
            dated_right += published is not None and published.date() == day
    assert bylines >= 30 and right / bylines >= 0.85, (right, bylines)
    assert dated >= 15 and dated_right == dated, (dated_right, dated)


def _page(head: str = "", body_top: str = "", body_end: str = "", title: str = "Knee pain") -> str:
    return (
        f"<html><head><title>{title} - Example Health</title>{head}</head><body>"
        f"<nav><a href='/'>Home</a> <a href='/topics'>Topics</a></nav>"
        f"<article><h1>{title}</h1>{body_top}<p>{BODY}</p><p>{BODY}</p>{body_end}</article>"
        f"<footer>Copyright Example Health</footer></body></html>"
    )


def _record(html: str, **kwargs):
    record = clean_html(html, url=PAGE_URL, **kwargs).record
    assert record is not None
    return record


def test_json_ld_wins_over_the_visible_dateline() -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Person", "@id": "#anna", "name": "Anna Lee"},
            {
                "@type": "MedicalWebPage",
                "datePublished": "2024-03-01T09:30:00-05:00",
                "dateModified": "2024-05-02",
                "lastReviewed": "2024-05-01",
                "author": {"@id": "#anna"},
                "reviewedBy": {"@type": "Person", "name": "Dr. Tom Ross, MD"},
                "keywords": "knees, running",
                "image": {"@type": "ImageObject", "url": "/img/knee.jpg"},
            },
        ],
    }
    html = _page(
        head=f'<script type="application/ld+json">{json.dumps(ld)}</script>',
        body_top="<p class='meta'>By Someone Else · Published March 3, 2024</p>",
    )
    record = _record(html)
    assert record.published_at == datetime(2024, 3, 1, 14, 30, tzinfo=UTC)  # offset applied
    assert record.modified_at == datetime(2024, 5, 2, tzinfo=UTC)  # a date: 00:00 UTC
    assert record.reviewed_at == datetime(2024, 5, 1, tzinfo=UTC)
    assert record.authors == ["Anna Lee"]  # the @id reference, not the visible line
    assert record.reviewers == ["Dr. Tom Ross, MD"]
    assert record.tags == ["knees", "running"]
    assert record.image == "https://health.example.test/img/knee.jpg"


def test_visible_bylines_reviewers_and_datelines() -> None:
    html = _page(
        body_top=(
            "<p>Medically reviewed by Anna Lee, MD, PhD and Tom Ross, RN — Written by "
            "Kim Park — Updated on June 5, 2023</p><p>Published: 12 May 2023</p>"
        )
    )
    record = _record(html)
    assert record.reviewers == ["Anna Lee, MD, PhD", "Tom Ross, RN"]
    assert record.authors == ["Kim Park"]
    assert record.modified_at == datetime(2023, 6, 5, tzinfo=UTC)
    assert record.published_at == datetime(2023, 5, 12, tzinfo=UTC)
    assert "Medically reviewed" not in record.text or record.text.count("reviewed") <= 1


def test_prose_starting_with_by_is_no_byline_and_nothing_is_guessed() -> None:
    html = _page(body_top="<p>By age 40, most runners have had knee pain at least once.</p>")
    record = _record(html, fetched_at=datetime(2025, 1, 1, tzinfo=UTC))
    assert record.authors == []
    assert record.published_at is None  # never the crawl time
    assert record.modified_at is None and record.reviewed_at is None
    assert record.reviewers == [] and record.references == []


def test_chinese_lines() -> None:
    html = _page(
        title="膝盖疼痛怎么办",
        body_top="<p>作者：张伟　审核专家：李娜 主任医师</p><p>发布时间：2024年3月3日 08:30</p>",
    )
    record = _record(html)
    assert record.authors == ["张伟"]
    assert record.reviewers and record.reviewers[0].startswith("李娜")
    assert record.published_at == datetime(2024, 3, 3, 8, 30, tzinfo=UTC)


def test_meta_tags_and_breadcrumb() -> None:
    head = (
        '<meta property="article:published_time" content="2022-11-05T10:00:00+00:00">'
        '<meta property="og:description" content="Why knees hurt after a run.">'
        '<meta property="article:tag" content="Running"><meta property="article:tag" '
        'content="Knees"><meta name="author" content="Jane Doe">'
        '<meta property="og:image" content="https://cdn.example.test/k.jpg">'
    )
    crumbs = (
        '<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/bones">Bones and joints'
        "</a> &gt; <a href='/bones/knees'>Knees</a> &gt; <span>Knee pain</span></div>"
    )
    record = _record(_page(head=head, body_top=crumbs))
    assert record.published_at == datetime(2022, 11, 5, 10, tzinfo=UTC)
    assert record.description == "Why knees hurt after a run."
    assert record.tags == ["Running", "Knees"]
    assert record.authors == ["Jane Doe"]
    assert record.image == "https://cdn.example.test/k.jpg"
    assert record.categories == ["Bones and joints", "Knees"]


def test_references_leave_the_text() -> None:
    refs = (
        "<h2>References</h2><ol><li>Smith J. Patellar tendinopathy. "
        "<a href='https://doi.example.test/10.1/abc'>doi:10.1/abc</a></li>"
        "<li>National Knee Society. Running and your knees. 2021.</li></ol>"
    )
    record = _record(_page(body_end=refs))
    assert [r.text for r in record.references] == [
        "Smith J. Patellar tendinopathy. doi:10.1/abc",
        "National Knee Society. Running and your knees. 2021.",
    ]
    assert record.references[0].url == "https://doi.example.test/10.1/abc"
    assert record.references[1].url is None
    assert "Patellar tendinopathy" not in record.text
    assert "References" not in [s.heading for s in record.sections]


def test_text_dump_bylines() -> None:
    dump = f"Knee pain\nBy Anna Lee\nPublished: 2024-02-10\n{BODY}\n{BODY}\n"
    record = clean_text(dump.encode(), url="file:///dump.txt").record
    assert record is not None
    assert record.authors == ["Anna Lee"]
    assert record.published_at == datetime(2024, 2, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-03T10:00:00Z", datetime(2024, 3, 3, 10, tzinfo=UTC)),
        ("2024-03-03T10:00:00+08:00", datetime(2024, 3, 3, 2, tzinfo=UTC)),
        ("Sun, 03 Mar 2024 10:00:00 GMT", datetime(2024, 3, 3, 10, tzinfo=UTC)),
        ("Updated March 3rd, 2024 at 5:08 pm EST", datetime(2024, 3, 3, 22, 8, tzinfo=UTC)),
        ("3. März 2024", datetime(2024, 3, 3, tzinfo=UTC)),
        ("le 3 mars 2024", datetime(2024, 3, 3, tzinfo=UTC)),
        ("2024年3月3日", datetime(2024, 3, 3, tzinfo=UTC)),
        ("25/12/2023", datetime(2023, 12, 25, tzinfo=UTC)),
        ("03/04/2023", None),  # March 4 or 3 April: not guessed
        ("5 minutes read", None),
    ],
)
def test_dates(text: str, expected: datetime | None) -> None:
    assert parse_machine_date(text) == expected if text[:4].isdigit() else True
    assert find_date(text) == expected
