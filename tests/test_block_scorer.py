"""The block scorer: its compiled parts give the Python definitions' numbers, its model
file is the one its training script makes, and its rules around the trees hold.

The compiled twins (``_features.pyx``, ``_forest.pyx``, ``_contentscore.pyx``) are
compared with the Python code page by page on every real page of ``bench/pages`` and
every page of the project, as the page walk's twin is in ``test_flatten.py``.
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from test_structure import EN, article

from cleaning import clean_html
from cleaning.extractor import content
from cleaning.extractor.pipeline import parse_html, prepare_page
from cleaning.extractor.scorer import FEATURE_NAMES, features, forest
from cleaning.extractor.scorer.forest import MODEL_FILE, Forest, numpy_raw

REPO = Path(__file__).resolve().parent.parent
PAGES = REPO / "bench" / "pages"


def _pages() -> list[tuple[str, bytes]]:
    found = [(p.name, gzip.decompress(p.read_bytes())) for p in sorted(PAGES.rglob("*.html.gz"))]
    found += [(p.name, p.read_bytes()) for p in sorted((REPO / "tests").rglob("*.html"))]
    return found + [(p.name, p.read_bytes()) for p in sorted((REPO / "data").rglob("*.html"))]


def _scoring_inputs() -> list[tuple[str, features.ScoringInput]]:
    inputs = []
    for name, body in _pages():
        prepared = prepare_page(parse_html(body), url="http://site.test/a/page.html")
        if prepared is None:
            continue
        found = content.scoring_input(prepared.page, prepared.excluded, prepared.title_index)
        if found is not None:
            inputs.append((name, found[1]))
    return inputs


INPUTS = _scoring_inputs()
COMPILED_FEATURES = features._compiled()
COMPILED_SCORES = content._compiled_scores()
COMPILED_TREES = forest._compiled()


def test_every_page_reaches_the_scorer() -> None:
    assert len(INPUTS) > 700


@pytest.mark.skipif(COMPILED_FEATURES is None, reason="compiled features not built")
def test_compiled_features_equal_the_python_definition() -> None:
    differing = []
    for name, data in INPUTS:
        arguments = features.feature_arguments(data)
        candidates = arguments[2]
        compiled = COMPILED_FEATURES(*arguments)
        python = features.python_features(*arguments)
        assert compiled.shape == (len(candidates), len(FEATURE_NAMES))
        if not np.array_equal(compiled, python):
            differing.append(name)
    assert differing == []


@pytest.mark.skipif(COMPILED_SCORES is None, reason="compiled container scores not built")
def test_compiled_container_scores_equal_the_python_definition() -> None:
    differing = []
    for name, data in INPUTS:
        page, excluded = data.page, data.excluded
        if content.container_scores(page, excluded) != content.python_container_scores(
            page, excluded
        ):
            differing.append(name)
    assert differing == []


@pytest.mark.skipif(COMPILED_TREES is None, reason="compiled trees not built")
def test_compiled_trees_equal_the_array_walk() -> None:
    model = Forest.load()
    rows = np.vstack([features.block_features(data)[1] for _, data in INPUTS[:300]])
    assert len(rows) > 10_000
    assert np.allclose(model.raw(rows), numpy_raw(model, rows), rtol=0, atol=1e-9)


def test_the_shipped_model_reads_todays_features() -> None:
    model = Forest.load()
    assert model.feature_names == FEATURE_NAMES
    assert 0 < model.keep_inside <= model.keep_outside < 1
    assert len(model.roots) >= 50
    leaf = model.left < 0
    assert np.all(model.right[leaf] < 0) and np.all(model.right[~leaf] > np.flatnonzero(~leaf))


def test_the_lowered_wording_patterns_match_as_the_case_blind_ones() -> None:
    """They run over the lowered text: a capital letter in them would never match."""
    for name, pattern in features.LOWERED_PATTERNS.items():
        literal_capitals = re.findall(r"(?<!\\)[A-Z]", pattern.pattern)
        assert literal_capitals == [], name
    assert features.wording("Lesen Sie auch: Mehr über Krämpfe", True) & features.PROMO
    assert features.wording("Sign up for our Newsletter", False) & features.SIGNUP
    assert features.wording("Related articles", True) & features.OPENS_FURNITURE


def test_the_training_script_makes_the_shipped_model(tmp_path: Path) -> None:
    """The model file is what ``bench/train_block_scorer.py`` writes from the tuning
    pages, to the bit: nothing in it was made by hand or from other pages. (scikit-learn
    is a test dependency, pinned as the ``train`` extra pins it.)"""
    out = tmp_path / "model.npz"
    subprocess.run(
        [sys.executable, str(REPO / "bench" / "train_block_scorer.py"), "--out", str(out)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    with np.load(out) as trained, np.load(MODEL_FILE) as shipped:
        assert sorted(trained.files) == sorted(shipped.files)
        for key in shipped.files:
            assert np.array_equal(trained[key], shipped[key]), key


def test_without_a_model_the_rules_choose_alone() -> None:
    """A tree without the model file (being retrained) still cleans, with the rules."""
    html = article(f"<p>{EN * 3}</p><p>{EN * 2}</p>")
    with forest.using(None):
        record = clean_html(html, url="http://a.test/x").record
    assert record is not None and EN.strip() in record.text


def test_a_paragraph_between_kept_ones_is_kept_and_a_box_inside_is_not() -> None:
    """Gap filling: a short paragraph of the article between two kept ones stays; a
    newsletter box nested between them does not come back with it."""
    body = (
        f"<p>{EN * 3}</p><p>Then rest.</p><p>{EN * 3}</p>"
        '<div class="signup"><div class="inner"><p>Get our weekly newsletter in your '
        "inbox every Friday morning.</p></div></div>"
        f"<p>{EN * 2}</p>"
    )
    record = clean_html(article(body), url="http://a.test/x").record
    assert record is not None
    assert "Then rest." in record.text
    assert "newsletter" not in record.text


def test_promotion_lines_and_ad_labels_leave_the_text() -> None:
    """"Read more: <link>" lines, a "Mehr zum Thema" heading over its links, and ad-slot
    labels in several languages are not the article's; a sentence that merely opens
    with the same words and goes on as prose is."""
    prose = (
        "Read more about night cramps in the section below, which explains how stretching "
        "before bed helps most people sleep through."
    )
    body = (
        f"<p>{EN * 2}</p>"
        '<p>Read more: <a href="/b/other-story.html">Why athletes cramp in the heat</a></p>'
        f"<p>{EN * 2}</p><p>Advertisement</p><p>{EN}</p><p>Anzeige</p>"
        f"<p>Story continues below advertisement</p><p>{prose}</p><p>{EN * 2}</p>"
        "<p>Mehr zum Thema</p>"
        '<p><a href="/c/1.html">Magnesium und Krämpfe</a></p>'
    )
    record = clean_html(article(body), url="http://a.test/x").record
    assert record is not None
    assert prose in record.text
    for line in ("Read more:", "Why athletes cramp", "Advertisement", "Anzeige", "Mehr zum"):
        assert line not in record.text, line


def test_a_linked_heading_over_kept_text_is_a_section_but_not_a_site_name_above_the_title() -> None:
    """A buyer's guide names each item in a linked ``<h3>`` with its text below: the
    headings become sections. The site's name, a linked ``<h1>`` above the title, does
    not join the text even though the article follows it."""
    items = ["Foam roller ($30)", "Compression socks ($20)", "Magnesium spray ($12)"]
    body = "".join(
        f'<h3><a href="https://shop.test/item/{n}">{item}</a></h3><p>{EN * 2}</p>'
        for n, item in enumerate(items)
    )
    html = (
        "<html><head><title>Leg cramps - Health Site</title></head><body>"
        '<div id="header"><h1><a href="/">Health Site</a></h1></div>'
        f"<div><h2>Leg cramps</h2><p>{EN * 2}</p>{body}</div></body></html>"
    )
    record = clean_html(html, url="http://a.test/x").record
    assert record is not None
    assert [s.heading for s in record.sections] == items
    assert "Health Site" not in record.text


def test_an_article_a_template_scripts_in_from_noscript_is_read() -> None:
    """Blogger-style pages put the post in a script template and a ``<noscript>`` copy:
    the copy is the article. A ``<noscript>`` note or tracking pixel is not text."""
    paragraphs = [EN * 2, EN * 3, EN * 2]
    post = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (
        "<html><head><title>Leg cramps - Health Blog</title>"
        '<noscript><img src="/pixel.gif"></noscript></head><body>'
        "<noscript><p>Please enable JavaScript to view this site.</p></noscript>"
        f"<div class='post'><h3 class='post-title'>Leg cramps</h3>"
        f"<div class='post-body'><script type='text/template'>{post}</script>"
        f"<noscript>{post}</noscript></div></div>"
        "<div class='sidebar'><h2>Archive</h2><ul><li><a href='/2020/'>2020</a></li></ul></div>"
        "</body></html>"
    )
    record = clean_html(html, url="http://blog.test/2020/05/leg-cramps.html").record
    assert record is not None
    assert record.text.count(EN.strip()[:40]) == 7
    assert "enable JavaScript" not in record.text


def test_a_kept_run_takes_the_even_odds_text_next_to_it_in_its_box() -> None:
    """Edge extension: the lead paragraph right above the kept run and the closing one
    right below it come in at even odds; a link line, a box nested deeper (a sign-up
    box) and text past a block the trees doubt do not."""
    from cleaning.extractor.scorer import edges_extended

    html = (
        "<html><body><div class='story'>"
        "<p>Doubted text far above the article.</p>"
        "<p>The lead paragraph that opens the article.</p>"
        "<p>First kept paragraph.</p><p>Second kept paragraph.</p>"
        "<div class='signup'><div><p>Sign up for our letters.</p></div></div>"
        "<p>A closing paragraph below the article.</p>"
        "<p><a href='/x'>A link line after it all</a></p>"
        "</div></body></html>"
    )
    page = prepare_page(parse_html(html), url="http://a.test/x").page
    texts = [b.text for b in page.blocks]
    candidates = np.arange(len(texts))
    kept = {"First kept paragraph.", "Second kept paragraph."}
    keep = np.array([t in kept for t in texts])
    likely = np.array([not t.startswith("Doubted") for t in texts])
    extended = edges_extended(page, candidates, keep, likely)
    assert [t for t, k in zip(texts, extended, strict=True) if k] == [
        "The lead paragraph that opens the article.",
        "First kept paragraph.",
        "Second kept paragraph.",
    ]
    # With the sign-up box gone, the closing paragraph is next to the run.
    keep[texts.index("Sign up for our letters.")] = True
    extended = edges_extended(page, candidates, keep, likely)
    assert extended[texts.index("A closing paragraph below the article.")]
    assert not extended[texts.index("A link line after it all")]
    assert not extended[texts.index("Doubted text far above the article.")]


def test_a_noscript_copy_of_the_article_on_the_page_is_not_read_twice() -> None:
    post = "".join(f"<p>{p}</p>" for p in (EN * 2, EN * 3))
    html = article(f"<article>{post}<noscript>{post}</noscript></article>")
    record = clean_html(html, url="http://a.test/x").record
    assert record is not None
    assert record.text.count(EN.strip()[:40]) == 2 + 5  # the intro's two and the post's


def test_headings_over_equations_stay_and_a_related_heading_over_links_goes() -> None:
    """A heading whose section holds no text at all (an equation, which is not text)
    is still the article's; a "More on this" heading over dropped links is not."""
    formula = "<math><mi>x</mi><mo>=</mo><mn>1</mn></math>"
    names = ["The Lorenz equations", "The Cauchy-Schwarz inequality", "Maxwell's equations"]
    body = f"<p>{EN * 2}</p>" + "".join(f"<h2>{n}</h2>{formula}" for n in names)
    body += f"<h2>Inline mathematics</h2><p>{EN * 2}</p>"
    links = "".join(f'<li><a href="/b/{n}.html">Another story {n}</a></li>' for n in range(6))
    more = f"</div><h2>More on this</h2><ul>{links}</ul><footer>"
    html = article(body).replace("</div><footer>", more)
    record = clean_html(html, url="http://a.test/x").record
    assert record is not None
    assert [s.heading for s in record.sections] == [*names, "Inline mathematics"]
    assert "More on this" not in record.text


def test_a_long_list_of_links_outside_the_region_does_not_move_the_bar() -> None:
    """The region is judged wrong when the trees find more text outside it than in
    it; a sidebar of linked labels is links, not text, however long (a song's short
    lines against its blog's label cloud made the whole page a listing)."""
    from cleaning.extractor.scorer import _rules_looked_elsewhere

    verses = "".join(f"<div>Slow river carry me home {n}</div>" for n in range(30))
    labels = "".join(f'<li><a href="/l/{n}">Artist {n} band</a> (3)</li>' for n in range(150))
    html = f"<html><body><div>{verses}</div><ul class='labels'>{labels}</ul></body></html>"
    page = prepare_page(parse_html(html), url="http://a.test/x").page
    candidates = np.arange(len(page.blocks))
    in_region = np.array(["river" in b.text for b in page.blocks])
    raw = np.full(len(candidates), 0.5)  # the trees at 62% on every line and label
    keep = in_region.copy()
    assert not _rules_looked_elsewhere(page, candidates, raw, in_region, keep)
    # The same lengths outside the region as text, not links: the bar does drop.
    prose = html.replace('<a href="/l/', "<span data-l=\"").replace("</a>", "</span>")
    page = prepare_page(parse_html(prose), url="http://a.test/x").page
    assert _rules_looked_elsewhere(page, candidates, raw, in_region, keep)


def test_the_comment_sections_furniture_leaves_the_text() -> None:
    """A comment count, the form's call and its login or closed notices, in English
    and German, are the comment section's, not the article's; a sentence about
    comments that goes on as prose stays."""
    prose = [
        "No comments were received from the ministry during the consultation on cramps.",
        "Write your response in the journal each night before bed, then stretch again.",
        "2 responses (one in each group) were excluded from the analysis of night cramps.",
    ]
    body = (
        f"<p>{EN * 2}</p><p>{prose[0]}</p><p>{EN}</p><p>{prose[1]}</p><p>{EN}</p>"
        f"<p>{prose[2]}</p><p>{EN * 2}</p>"
        "<h3>3 Kommentare</h3><p>Sie sind aktuell nicht eingeloggt.</p>"
        "<p>Keine Kommentare (Kommentare erscheinen erst nach unserer Freigabe)</p>"
        "<p>Leave a Reply</p><p>Comments are closed.</p>"
    )
    record = clean_html(article(body), url="http://a.test/x").record
    assert record is not None
    for sentence in prose:
        assert sentence in record.text
    for line in ("Kommentare", "eingeloggt", "Leave a Reply", "closed"):
        assert line not in record.text, line


@pytest.mark.parametrize(
    "heading",
    ["Ähnliche Artikel", "Artículos relacionados", "Articles similaires", "Podobne artykuły"],
)
def test_a_related_block_under_a_heading_in_another_language_is_related_links(
    heading: str,
) -> None:
    """The related-articles block of a German, Spanish, French or Polish page becomes
    the record's related links, as the English "Related articles" does, not text."""
    body = (
        f"<p>{EN * 2}</p><p>{EN * 2}</p><p>{EN * 2}</p>"
        f"<div class='box'><h3>{heading}</h3><ul>"
        '<li><a href="/b/magnesium.html">Magnesium gegen Wadenkrämpfe in der Nacht</a></li>'
        '<li><a href="/b/dehnen.html">Dehnübungen vor dem Schlafengehen helfen</a></li>'
        '<li><a href="/b/wasser.html">Wie viel Wasser am Tag ist genug für Sportler</a></li>'
        "</ul></div>"
    )
    record = clean_html(article(body), url="http://a.test/x").record
    assert record is not None
    assert heading not in record.text and "Magnesium gegen" not in record.text
    assert [link.url for link in record.related] == [
        "http://a.test/b/magnesium.html",
        "http://a.test/b/dehnen.html",
        "http://a.test/b/wasser.html",
    ]
