"""The Chinese-script rewrite of the real pages (``bench/accuracy/script_swap.py``): the
page must stay the same page, markup and all, with only its words in the other script,
or the figures it gives measure the rewrite instead of the cleaner."""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.accuracy.metrics import page_shingle_scores, segment_counts
from bench.accuracy.script_swap import chinese_word, swap_html, swap_page, swap_text
from bench.accuracy.sets import load_set
from cleaning import clean_html

PAGE = b"""<!DOCTYPE html><html><head><meta charset="iso-8859-1">
<title>Leg cramps at night</title>
<meta property="og:title" content="Leg cramps at night">
<script>var s = "<p>not text</p>"; if (a < b) {}</script
>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Leg cramps",
 "url": "https://example.com/a", "articleBody": "Cramps come at night. See https://x.org"}
</script></head>
<body><div data-state='{"caption": "<p>A photo</p>"}' class="article-body">
<h1>Leg cramps at night</h1>
<p>Most people know the sudden, painful cramp in the calf; it comes at night.</p>
<p>Stretch the calf before bed, Jos&eacute; says: it helps.</p>
<img src="/a.jpg" alt="A stretched calf"></div></body></html>"""


def decoded(body: bytes) -> str:
    charset = re.search(rb'<meta charset="([\w-]+)">', body).group(1).decode()
    return body.decode(charset)


def test_words_become_characters_and_markup_stays() -> None:
    html = decoded(swap_html(PAGE))
    assert '<meta charset="utf-8">' in html and "iso-8859-1" not in html
    assert 'class="article-body"' in html and 'src="/a.jpg"' in html
    assert 'var s = "<p>not text</p>"; if (a < b) {}' in html  # scripts as they were
    # A quoted attribute value holding a tag is part of its tag, not page text.
    assert """data-state='{"caption": "<p>A photo</p>"}'""" in html
    assert f"<title>{swap_text('Leg cramps at night')}</title>" in html
    assert f'content="{swap_text("Leg cramps at night")}"' in html
    assert f'alt="{swap_text("A stretched calf")}"' in html
    # An entity is read before the words are found: "José" is one word.
    assert chinese_word("José") in html and "&eacute;" not in html
    assert not re.search(r"\b(?:cramp|calf|night|Stretch)\b", html.split("</head>")[1])


def test_text_loses_its_spaces_and_gets_full_width_punctuation() -> None:
    swapped = swap_text("Stretch the calf, then rest. It helps!")
    assert " " not in swapped and "，" in swapped and "。" in swapped and swapped.endswith("！")
    assert swap_text("Calf") == swap_text("calf") == chinese_word("calf")
    # Numbers stay, with the spaces around them (as Chinese pages often write them).
    assert swap_text("Dose: 20 mg") == f"{chinese_word('Dose')}： 20 {chinese_word('mg')}"


def test_json_ld_strings_swapped_urls_kept() -> None:
    html = decoded(swap_html(PAGE))
    assert '"url": "https://example.com/a"' in html and '"@type": "NewsArticle"' in html
    assert swap_text("Cramps come at night. See https://x.org") in html


def test_gbk_pages_declare_and_use_gbk() -> None:
    body = swap_html(PAGE, gbk=True)
    assert b'<meta charset="gbk">' in body
    body.decode("gbk")
    record = clean_html(body, url="https://example.com/a").record
    assert record is not None
    assert swap_text("it comes at night") in record.text


def test_a_real_page_keeps_its_scores_through_the_rewrite() -> None:
    """Truth and page rewritten alike: the cleaner finds the same article on the
    rewritten page (same blocks, other words), so its score hardly moves."""
    page = next(p for p in load_set("benchmark") if p.key.startswith("042bb7b5"))
    swapped = swap_page(page)
    own = clean_html(page.body, url=page.url).record
    other = clean_html(swapped.body, url=page.url).record
    assert own is not None and other is not None
    p0, r0 = page_shingle_scores(own.text, page.truth, neutral=True)
    p1, r1 = page_shingle_scores(other.text, swapped.truth, neutral=True)
    assert abs(p0 - p1) < 0.1 and abs(r0 - r1) < 0.1


def test_cut_words_at_segment_edges_are_dropped() -> None:
    """The snippet set's segments may start inside a word ("esichts der Krise"): that
    word's characters would not be the whole word's, so it is left out."""
    page = next(p for p in load_set("snippets") if p.key == "p0252")
    swapped = swap_page(page)
    counts = segment_counts(
        clean_html(swapped.body, url=page.url).record.text,
        swapped.with_segments,
        [],
        neutral=True,
    )
    assert counts.tp == len(swapped.with_segments)
