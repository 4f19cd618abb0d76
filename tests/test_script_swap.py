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


def test_a_real_page_keeps_its_blocks_and_its_article_through_the_rewrite() -> None:
    """The rewritten page is the same page: the same blocks in the same elements, the
    same links, other words; and the cleaner finds its article there."""
    from cleaning.extractor.pipeline import parse_html, prepare_page

    page = next(p for p in load_set("benchmark") if p.key.startswith("042bb7b5"))
    swapped = swap_page(page)

    def shape(body: bytes) -> list[tuple[str, int, int, int]]:
        blocks = prepare_page(parse_html(body), url=page.url).page.blocks
        return [(b.tag, b.container, b.heading, len(b.links)) for b in blocks]

    assert shape(swapped.body) == shape(page.body)
    own = clean_html(page.body, url=page.url).record
    other = clean_html(swapped.body, url=page.url).record
    assert own is not None and other is not None
    _, recall = page_shingle_scores(own.text, page.truth, neutral=True)
    _, swapped_recall = page_shingle_scores(other.text, swapped.truth, neutral=True)
    assert recall == swapped_recall == 1.0


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


def test_a_paragraph_weighs_the_same_in_both_scripts() -> None:
    """The scorer's lengths count a CJK character as three Latin letters: a paragraph
    rewritten in Chinese script (a third of the characters, or so) reads as long as its
    original, as its trees, trained on Latin-script pages, expect of a paragraph."""
    from cleaning.extractor.content import scoring_input
    from cleaning.extractor.pipeline import parse_html, prepare_page
    from cleaning.extractor.scorer import FEATURE_NAMES, block_features
    from cleaning.extractor.textnorm import cjk_share

    def lengths(page):  # type: ignore[no-untyped-def]
        prepared = prepare_page(parse_html(page.body), url=page.url)
        data = scoring_input(prepared.page, prepared.excluded, prepared.title_index)[1]
        candidates, X = block_features(data)
        column = X[:, FEATURE_NAMES.index("log_chars")]
        blocks = prepared.page.blocks
        pairs = zip(candidates.tolist(), column, strict=True)
        return {i: (blocks[i].text, float(x)) for i, x in pairs}

    page = load_set("readability")[0]
    own, swapped = lengths(page), lengths(swap_page(page))
    # Paragraphs of prose (not code, whose punctuation and names stay as they were).
    pairs = [
        (own[i], swapped[i])
        for i in own
        if i in swapped and len(own[i][0]) >= 200 and cjk_share(swapped[i][0]) > 0.6
    ]
    assert len(pairs) >= 3
    for (text, weight), (chinese, chinese_weight) in pairs:
        assert len(chinese) < 0.5 * len(text)  # the rewrite is much shorter in characters
        assert abs(chinese_weight - weight) < 0.35, (text[:60], chinese[:30])
