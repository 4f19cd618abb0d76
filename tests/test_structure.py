"""Structure detection across markup styles: numbering, prev/next, related, lists, tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaning import clean_html

EN = (
    "Calf cramps are a sudden, painful tightening of the muscle. They often strike at "
    "night, and most pass within a few minutes without any treatment at all. "
)
ZH = "小腿抽筋是很多人在日常生活中常见的一种情况，真正的机制目前尚不清楚，需要注意饮食和休息。"
HEADS_EN = ["Calcium deficiency", "Sweating a lot", "Muscle overwork"]
HEADS_ZH = ["缺钙", "出汗过多", "肌肉疲劳"]


def article(body: str, title: str = "Leg cramps", lang_text: str = EN) -> str:
    return (
        f"<html><head><title>{title} - Health Site</title></head><body>"
        f'<nav><a href="/">Home</a> <a href="/women/">Women</a></nav>'
        f"<div><h1>{title}</h1><p>{lang_text * 2}</p>{body}</div>"
        "<footer>© 2025 Health Site. All rights reserved.</footer></body></html>"
    )


def sections_html(heads: list[str], heading: str, text: str) -> str:
    return "".join(heading.format(n=i + 1, h=h) + f"<p>{text * 2}</p>" for i, h in enumerate(heads))


CN_NUMERALS = "一二三"


@pytest.mark.parametrize(
    "heading",
    [
        "<h2>{n}. {h}</h2>",
        "<h3>{n}) {h}</h3>",
        "<h4>({n}) {h}</h4>",
        "<h2>Step {n}: {h}</h2>",
        "<p><strong>{n}. {h}</strong></p>",
        "<p><b>Tip {n} - {h}</b></p>",
        "<p>{n}. {h}</p>",
        "<div>{n}. {h}</div>",
    ],
)
def test_english_numbered_headings(heading: str) -> None:
    record = clean_html(article(sections_html(HEADS_EN, heading, EN)), url="http://a.test/x").record
    assert record is not None
    assert [(s.number, s.heading) for s in record.sections] == [
        (1, "Calcium deficiency"),
        (2, "Sweating a lot"),
        (3, "Muscle overwork"),
    ]
    assert record.intro == (EN * 2).strip()
    assert all(s.text == (EN * 2).strip() for s in record.sections)


@pytest.mark.parametrize(
    "heading",
    [
        "<h2>{c}、{h}</h2>",
        "<p><strong>{c}、{h}</strong></p>",
        "<p>（{c}）{h}</p>",
        "<h3>{n}、{h}</h3>",
        "<p><b>第{c}，{h}</b></p>",
    ],
)
def test_chinese_numbered_headings(heading: str) -> None:
    body = "".join(
        heading.format(n=i + 1, c=CN_NUMERALS[i], h=h) + f"<p>{ZH}</p>"
        for i, h in enumerate(HEADS_ZH)
    )
    record = clean_html(
        article(body, title="小腿抽筋的原因", lang_text=ZH), url="http://a.test/x"
    ).record
    assert record is not None
    assert [(s.number, s.heading) for s in record.sections] == [
        (1, "缺钙"),
        (2, "出汗过多"),
        (3, "肌肉疲劳"),
    ]
    assert record.language == "zh"


def test_bold_lead_heading_keeps_the_rest_as_section_text() -> None:
    body = "".join(f"<p><strong>{i + 1}. {h}:</strong> {EN}</p>" for i, h in enumerate(HEADS_EN))
    record = clean_html(article(body), url="http://a.test/x").record
    assert record is not None
    assert [s.heading for s in record.sections] == HEADS_EN
    assert record.sections[0].text == EN.strip()


def test_a_numbered_list_inside_a_section_stays_text() -> None:
    steps = "<ol><li>Stretch the calf.</li><li>Massage it.</li><li>Drink water.</li></ol>"
    plain_list = "<p>1. Rest</p><p>2. Ice</p><p>3. Raise the leg</p>"
    body = f"<h2>1. What to do</h2><p>{EN}</p>{steps}{plain_list}<h2>2. When to worry</h2>"
    body += f"<p>{EN}</p>"
    record = clean_html(article(body), url="http://a.test/x").record
    assert record is not None
    assert [(s.number, s.heading) for s in record.sections] == [
        (1, "What to do"),
        (2, "When to worry"),
    ]
    assert "Stretch the calf.\nMassage it.\nDrink water." in record.sections[0].text
    assert "1. Rest" in record.sections[0].text


def test_tables_and_subheadings_are_kept() -> None:
    table = (
        "<table><tr><th>Nutrient</th><th>Daily amount</th></tr>"
        "<tr><td>Calcium</td><td>1000 mg</td></tr><tr><td>Magnesium</td><td>320 mg</td></tr>"
        "</table>"
    )
    body = f"<h2>1. Diet</h2><p>{EN}</p>{table}<h4>Foods to try</h4><p>{EN}</p>"
    body += f"<h2>2. Rest</h2><p>{EN}</p>"
    record = clean_html(article(body), url="http://a.test/x").record
    assert record is not None
    text = record.sections[0].text
    assert "Nutrient | Daily amount\nCalcium | 1000 mg\nMagnesium | 320 mg" in text
    assert "\n\nFoods to try\n\n" in text


def test_unnumbered_h2_sections() -> None:
    body = "".join(f"<h2>{h}</h2><p>{EN}</p>" for h in HEADS_EN)
    record = clean_html(article(body), url="http://a.test/x").record
    assert record is not None
    assert [(s.number, s.heading) for s in record.sections] == [(None, h) for h in HEADS_EN]


@pytest.mark.parametrize(
    ("prev_html", "next_html"),
    [
        (
            '&lt;&lt;: <a href="/p.html">Ginger benefits</a>',
            '&gt;&gt;: <a href="/n.html">Sleep</a>',
        ),
        ('上一篇：<a href="/p.html">Ginger benefits</a>', '下一篇：<a href="/n.html">Sleep</a>'),
        (
            'Previous article: <a href="/p.html">Ginger benefits</a>',
            'Next article: <a href="/n.html">Sleep</a>',
        ),
        (
            '<a href="/p.html"><span>Previous Post</span> Ginger benefits</a>',
            '<a href="/n.html"><span>Next Post</span> Sleep</a>',
        ),
        (
            '<a href="/p.html">« Previous: Ginger benefits</a>',
            '<a href="/n.html">Next: Sleep »</a>',
        ),
        # The label inside the link, the two links touching: the label decides.
        (
            '<a class="prev" href="/p.html">Previous article: Ginger benefits</a>'
            '<a class="next" href="/n.html">Next article: Sleep</a>',
            "",
        ),
        # rel alone says which is which.
        (
            '<a rel="prev" href="/p.html">Ginger benefits</a>',
            '<a rel="next" href="/n.html">Sleep</a>',
        ),
        # A card: the label and the title in their own boxes inside one link.
        (
            '<a href="/p.html"><span>上一篇</span><p>Ginger benefits</p></a>',
            '<a href="/n.html"><span>下一篇</span><p>Sleep</p></a>',
        ),
    ],
)
def test_prev_next_styles(prev_html: str, next_html: str) -> None:
    body = sections_html(HEADS_EN, "<h2>{n}. {h}</h2>", EN)
    body += f"<div>{prev_html}</div>" + (f"<div>{next_html}</div>" if next_html else "")
    record = clean_html(article(body), url="http://a.test/dir/x.html").record
    assert record is not None
    assert record.prev is not None and record.next is not None
    assert (record.prev.title, record.prev.url) == ("Ginger benefits", "http://a.test/p.html")
    assert record.next.url == "http://a.test/n.html"
    assert record.next.title.rstrip(" »") == "Sleep"
    assert "Ginger" not in record.text


def test_prev_next_from_the_head_links() -> None:
    """``<link rel="prev"/"next">``: the title from the element, or from the page's own
    link to the same address."""
    head = (
        '<link rel="prev" href="/p.html" title="Ginger benefits"><link rel="next" href="/n.html">'
    )
    body = sections_html(HEADS_EN, "<h2>{n}. {h}</h2>", EN)
    body += '<div class="more"><a href="/n.html">Sleep</a></div>'
    html = article(body).replace("</title>", "</title>" + head)
    record = clean_html(html, url="http://a.test/dir/x.html").record
    assert record is not None
    assert (record.prev.title, record.prev.url) == ("Ginger benefits", "http://a.test/p.html")
    assert (record.next.title, record.next.url) == ("Sleep", "http://a.test/n.html")


@pytest.mark.parametrize(
    "pager",
    [
        '<a rel="next" href="/dir/x.html?page=2">Next page</a>',
        '<a rel="next" href="/dir/x.html?page=2">2</a>',
        '<a rel="next" href="/dir/x/2/">Continue</a>',
        '<a href="/dir/x_2.html">Next article: Sleep</a>',
    ],
)
def test_the_pages_of_one_article_are_not_its_prev_next(pager: str) -> None:
    body = sections_html(HEADS_EN, "<h2>{n}. {h}</h2>", EN) + f'<div class="pages">{pager}</div>'
    html = article(body).replace("</title>", '</title><link rel="next" href="/dir/x/2/">')
    record = clean_html(html, url="http://a.test/dir/x.html").record
    assert record is not None
    assert record.next is None


def test_prev_next_on_one_line() -> None:
    body = sections_html(HEADS_ZH, "<h2>{n}、{h}</h2>", ZH)
    body += '<p>上一篇：<a href="/p.html">生姜的好处</a> 下一篇：<a href="/n.html">睡眠</a></p>'
    record = clean_html(article(body, "小腿抽筋", ZH), url="http://a.test/x").record
    assert record is not None
    assert record.prev is not None and record.prev.title == "生姜的好处"
    assert record.next is not None and record.next.title == "睡眠"


@pytest.mark.parametrize(
    ("heading", "entries"),
    [
        ("<h3>Recommend</h3>", '<a href="/r{i}.html">Related title {i}</a><p>Snippet {i}...</p>'),
        (
            "<h3>Related articles</h3>",
            "<ul>"
            + "".join(f'<li><a href="/r{i}.html">Related title {i}</a></li>' for i in range(3))
            + "</ul>",
        ),
        (
            "<div>You may also like</div>",
            '<div class="card"><a href="/r{i}.html"><h4>Related title {i}</h4></a>'
            "<p>Snippet {i}...</p></div>",
        ),
        (
            "<h2>相关推荐</h2>",
            '<li><a href="/r{i}.html">Related title {i}</a><span>Snippet {i}…</span></li>',
        ),
    ],
)
def test_related_block_styles(heading: str, entries: str) -> None:
    body = sections_html(HEADS_EN, "<h2>{n}. {h}</h2>", EN)
    items = entries if "{i}" not in entries else "".join(entries.format(i=i) for i in range(3))
    body += f"<div>{heading}{items}</div>"
    record = clean_html(article(body), url="http://a.test/x").record
    assert record is not None
    assert [(r.title, r.url) for r in record.related] == [
        (f"Related title {i}", f"http://a.test/r{i}.html") for i in range(3)
    ]
    if "Snippet" in entries:
        assert [r.snippet.rstrip(".…") for r in record.related] == [
            f"Snippet {i}" for i in range(3)
        ]
    assert "Related title" not in record.text
    assert "Snippet" not in record.text


def test_related_entries_worded_like_promotions_are_entries() -> None:
    """Entries whose titles open like a promotion line ("Watch: ...", "Read more: ...")
    are entries of the related block, which goes on past them."""
    titles = ["Night cramps in pregnancy", "Watch: how to stretch", "Read more: magnesium"]
    titles.append("Foods rich in potassium")
    items = "".join(f'<li><a href="/r{i}.html">{t}</a></li>' for i, t in enumerate(titles))
    body = f"<p>{EN * 3}</p><div><h3>Related articles</h3><ul>{items}</ul></div>"
    record = clean_html(article(body), url="http://a.test/x").record
    assert record is not None
    assert [r.title for r in record.related] == titles
    assert "Watch" not in record.text


def test_boilerplate_lines_are_removed_but_look_alike_content_stays() -> None:
    body = (
        "<p>Current location: Home > Women > Leg cramps</p>"
        f"<h2>1. Causes</h2><p>{EN}</p>"
        "<p>By age 40, most women have lost some bone density, which makes cramps likelier.</p>"
        "<p>Warning: see a doctor if cramps come with swelling or redness in one leg.</p>"
        f"<h2>2. Relief</h2><p>{EN}</p>"
        "<p>Editor: Jane Doe</p><p>Share: Facebook Twitter Email</p>"
        "<p>Published 2025-03-14 · Source: Health Site</p>"
    )
    record = clean_html(article(body), url="http://a.test/x").record
    assert record is not None
    for junk in ("Current location", "Editor:", "Share:", "Published 2025", "All rights"):
        assert junk not in record.text
    assert "By age 40, most women" in record.text
    assert "Warning: see a doctor" in record.text


def test_photo_credits_and_advertising_disclosures_leave_the_text() -> None:
    body = (
        "<p>*Werbung. Dieser Beitrag enthält Werbung für unsere Partner.</p>"
        f"<h2>Causes</h2><p>{EN}</p><p>Foto: dpa</p><p>Photos by Jane Roe</p>"
        "<p>This post contains affiliate links: we may earn a commission.</p>"
        f"<h2>Relief</h2><p>{EN}</p><p>Kuva: Matti Virtanen</p>"
    )
    record = clean_html(article(body), url="http://a.test/x").record
    assert record is not None
    for junk in ("Werbung", "Foto:", "Photos by", "affiliate", "Kuva"):
        assert junk not in record.text, junk
    assert [s.heading for s in record.sections] == ["Causes", "Relief"]


def test_a_closing_call_to_follow_or_subscribe_leaves_but_such_words_inside_stay() -> None:
    inside = (
        "If you subscribe to a streaming bundle you pay less, and cramps do not care "
        "about either."
    )
    body = (
        f"<h2>Causes</h2><p>{EN}</p><p>{inside}</p><h2>Relief</h2><p>{EN}</p>"
        "<p>Follow The Health Site on Twitter and Instagram @HealthSite.</p>"
        "<p>Subscribe now to our newsletter for the full story.</p>"
        "<p>Click here to get more information.</p>"
    )
    record = clean_html(article(body), url="http://a.test/x").record
    assert record is not None
    assert inside in record.text
    assert "Follow The Health Site" not in record.text
    assert "Subscribe now" not in record.text
    assert "Click here" not in record.text
    assert record.text.rstrip().endswith(EN.strip())


def test_a_heading_set_on_two_lines_is_one_heading() -> None:
    body = "".join(f"<h2>{h}<br>and what it means</h2><p>{EN}</p>" for h in HEADS_EN)
    record = clean_html(article(body), url="http://a.test/x").record
    assert record is not None
    assert [s.heading for s in record.sections] == [f"{h} and what it means" for h in HEADS_EN]


@pytest.mark.parametrize(
    ("head", "top"),
    [
        # The site's logo is the <h1>; the article's title is an <h2> that <title> names.
        (
            "<title>Leg cramps | Health Site</title>",
            '<div id="header"><h1><a href="/">Health Site</a></h1></div><h2>Leg cramps</h2>',
        ),
        # og:title agrees with the <h1>, <title> carries a slogan.
        (
            "<title>Health Site - Your health, our care</title>"
            '<meta property="og:title" content="Leg cramps">',
            "<h1>Leg cramps</h1>",
        ),
        # No heading at all: the longest part of <title>.
        ("<title>Leg cramps in women: causes and relief_Health Site</title>", ""),
    ],
)
def test_title_sources(head: str, top: str) -> None:
    html = f"<html><head>{head}</head><body>{top}<article><p>{EN * 3}</p><p>{EN}</p>"
    html += "</article></body></html>"
    record = clean_html(html, url="http://a.test/x").record
    assert record is not None
    expected = "Leg cramps in women: causes and relief" if not top else "Leg cramps"
    assert record.title == expected
    assert "Health Site" not in record.text


def test_text_dump_with_title_only_related_and_a_footer() -> None:
    from cleaning import clean_text

    lines = [
        "Why knees hurt",
        EN * 2,
        "1. Overuse",
        EN * 2,
        "2. Arthritis",
        EN * 2,
        "上一篇：Ginger benefits",
        "下一篇：Sleep and memory",
        "Related articles",
        "Knee braces explained",
        "Running on hard ground",
        "Copyright © 2024 Health Site. All rights reserved.",
    ]
    record = clean_text("\n\n".join(lines), url="file:///knees.txt").record
    assert record is not None
    assert [s.heading for s in record.sections] == ["Overuse", "Arthritis"]
    assert [r.title for r in record.related] == ["Knee braces explained", "Running on hard ground"]
    assert record.prev is not None and record.prev.title == "Ginger benefits"
    assert record.next is not None and record.next.title == "Sleep and memory"
    assert "Copyright" not in record.text and "Knee braces" not in record.text


def test_a_furniture_heading_takes_the_rest_of_its_box_with_it() -> None:
    """ "Popular articles" inside the article: the teasers after it in the same box go,
    the article's paragraphs after the box stay, and so does a sibling box."""
    body = (
        f"<p>{EN}</p>"
        '<div class="box"><h3>Popular articles</h3><ul><li>Why your feet swell in summer</li>'
        "<li>Ten foods that help you sleep</li></ul><p>Another teaser line in the box.</p></div>"
        f"<p>Stretching before bed helps. {EN}</p>"
        "<section><div><h4>Most read</h4></div><div><p>A paragraph in a sibling box of the "
        "heading's own box, long enough to count as prose for the chooser.</p></div></section>"
        f"<p>The last paragraph. {EN}</p>"
    )
    record = clean_html(article(body), url="https://health.test/cramps").record
    assert record is not None
    assert "Stretching before bed helps" in record.text and "The last paragraph" in record.text
    assert "sibling box of the heading's own box" in record.text
    for teaser in ("Popular articles", "Why your feet swell", "Ten foods", "Another teaser"):
        assert teaser not in record.text


def test_an_ordered_list_of_bold_instructions_is_a_list_of_steps() -> None:
    steps = "".join(f"<li><strong>{h}.</strong> {EN}</li>" for h in HEADS_EN)
    record = clean_html(article(f"<ol>{steps}</ol>"), url="http://a.test/x").record
    assert record is not None
    assert [(s.number, s.heading) for s in record.sections] == [
        (i + 1, h) for i, h in enumerate(HEADS_EN)
    ]
    assert record.sections[0].text == EN.strip()
    assert "1. Calcium deficiency." in record.text


def test_a_bulleted_list_with_bold_words_is_no_list_of_steps() -> None:
    items = "".join(f"<li><strong>{h}:</strong> {EN}</li>" for h in HEADS_EN)
    record = clean_html(article(f"<ul>{items}</ul>"), url="http://a.test/x").record
    assert record is not None
    assert record.sections == []
    assert "Calcium deficiency:" in record.text


def test_bare_step_headings_are_named_by_their_instruction() -> None:
    body = "".join(
        f"<h3>Step {i + 1}</h3><p><strong>{h}.</strong> {EN}</p>" for i, h in enumerate(HEADS_EN)
    )
    record = clean_html(article(body), url="http://a.test/x").record
    assert record is not None
    assert [(s.number, s.heading) for s in record.sections] == [
        (i + 1, h) for i, h in enumerate(HEADS_EN)
    ]
    assert record.sections[1].text == EN.strip()
    assert "Step 2: Sweating a lot." in record.text


# A news article page with each kind of text the issue names, and each kind of furniture.
NEWS_PAGE = (Path(__file__).parent / "fixtures" / "pages" / "news-calf-cramps.html").read_text(
    encoding="utf-8"
)
NEWS_P2 = (
    "Doctors still do not know exactly why the muscle seizes, but dehydration, long hours "
    "of standing and some medicines all make cramps more likely, and stretching before bed "
    "makes them rarer."
)


def test_a_news_page_keeps_its_text_and_leaves_its_furniture() -> None:
    """What the issue names: the lead paragraph in its own box, a caption, a quote, a
    list, a table and an in-body heading are kept; the cookie banner, the author box,
    the comments and the "More stories" list are not."""
    record = clean_html(NEWS_PAGE, url="https://dailyhealth.test/news/calf-cramps-night").record
    assert record is not None
    for kept in (
        "Night cramps wake one adult in three",
        "A calf stretch against a wall, held for thirty seconds",
        "Most of my patients sleep through the night",
        "Drink a glass of water in the evening.",
        "Magnesium | 320 mg",
        NEWS_P2,
    ):
        assert kept in record.text, kept
    assert [(s.number, s.heading) for s in record.sections] == [(None, "What helps")]
    for dropped in (
        "cookies",
        "About the author",
        "Jane Doe",
        "Great article",
        "More stories",
        "Ten foods",
        "All rights reserved",
    ):
        assert dropped not in record.text, dropped
