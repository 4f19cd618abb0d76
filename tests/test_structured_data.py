"""Pages that render their article with JavaScript: the text is read from the JSON-LD
``articleBody`` they give search engines, only when the page's own blocks hold none."""

from __future__ import annotations

import json

from test_structure import EN

from cleaning import clean_html


def _page(json_ld: str, body: str = "") -> str:
    return (
        "<html><head><title>Leg cramps at night | Health News</title>"
        f'<script type="application/ld+json">{json_ld}</script></head><body>'
        '<nav><a href="/">Home</a> <a href="/news/">News</a></nav>'
        f'<div id="app"><h1>Leg cramps at night</h1>{body}<div class="loading">Loading…</div>'
        "</div><footer>© 2025 Health News</footer></body></html>"
    )


def test_a_scripted_page_gives_the_text_of_its_json_ld() -> None:
    paragraphs = [EN * 2, "Stretching before bed helps. " + EN, EN * 3]
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "name": "Leg cramps at night"},
            {"@type": "NewsArticle", "headline": "x", "articleBody": "\n".join(paragraphs)},
        ],
    }
    record = clean_html(_page(json.dumps(data)), url="http://news.test/a/1.html").record
    assert record is not None
    assert record.title == "Leg cramps at night"
    assert record.text.split("\n\n") == [p.strip() for p in paragraphs]
    assert "Loading" not in record.text and "Home" not in record.text


def test_an_html_article_body_keeps_its_headings_as_sections() -> None:
    heads = ["Why they happen", "What helps"]
    body = f"<p>{EN * 2}</p>" + "".join(f"<h2>{h}</h2><p>{EN * 2}</p>" for h in heads)
    data = {"@type": "BlogPosting", "articleBody": body}
    record = clean_html(_page(json.dumps(data)), url="http://news.test/a/2.html").record
    assert record is not None
    assert [s.heading for s in record.sections] == heads
    assert "<p>" not in record.text


def test_the_page_s_own_article_wins_and_broken_json_ld_is_passed_over() -> None:
    own = f"<p>{EN * 3}</p><p>{EN * 2}</p>"
    data = {"@type": "NewsArticle", "articleBody": "A teaser the page's JSON-LD cut short."}
    record = clean_html(_page(json.dumps(data), own), url="http://news.test/a/3.html").record
    assert record is not None and "teaser" not in record.text and EN.strip() in record.text
    for script in (
        '{"@type": "NewsArticle", "articleBody": "unterminated',
        "[" * 100_000 + '{"articleBody": "deep"}' + "]" * 100_000,
    ):
        result = clean_html(_page(script), url="http://news.test/a/4.html")
        assert result.record is None and result.skip_reason == "too_short"


def test_a_json_ld_body_that_is_no_article_gives_no_record() -> None:
    data = {"@type": "NewsArticle", "articleBody": "Subscribe to read."}
    result = clean_html(_page(json.dumps(data)), url="http://news.test/a/5.html")
    assert result.record is None and result.skip_reason == "too_short"


def test_a_page_showing_a_caption_and_a_bio_gives_the_stated_article() -> None:
    """What a scripted page shows without its script (a photo caption, the author's
    bio) passes for a short article; the JSON-LD states one many times longer."""
    shown = (
        "<figure><figcaption>A runner stretches her calf before a race in the city "
        "marathon. Photo: AP</figcaption></figure><p>Jane Doe has written about health "
        "for the paper since 2008; she runs, reads and swims.</p>"
    )
    paragraphs = [EN * 3, EN * 3, EN * 2]
    data = {"@type": "OpinionNewsArticle", "articleBody": "\n".join(paragraphs)}
    record = clean_html(_page(json.dumps(data), shown), url="http://news.test/a/6.html").record
    assert record is not None
    assert record.text.split("\n\n") == [p.strip() for p in paragraphs]
