#!/usr/bin/env python3
"""Build the bundled demo website for healthcorpus ("WellNest Health").

    python data/build_demo_site.py

Deletes and rewrites ``data/demo_site/``: a static, English-language health-article
site (home page, paginated category lists, 41 article pages shaped like
``seed/leg-cramps-women.txt``, about/contact/privacy pages, a robots-disallowed
admin page) plus ``expected.json``, the cleaned record every article page must
produce.  Pure standard library and deterministic: every run writes the same bytes.

Article markup is varied on purpose (by the article's position in the chain), so
a cleaner has to work by the shape of the page rather than by class names:

* numbered headings: ``<h2>1. X</h2>``, ``<h3>1. X</h3>``,
  ``<p><strong>1. X</strong></p>`` or ``<p>1. X</p>`` (index % 4);
* body wrapper: ``<div class="content">``, ``<article>`` (with the h1 and meta
  line in its ``<header>`` and the editor line in its ``<footer>``) or
  ``<div id="main-text">`` (index % 3);
* editor line (even indexes), share widget (index % 5 in 0, 1, 3), and the
  "Recommend" heading as h2 / h3 / div.

Prev/next lines copy the seed byte for byte: ``&lt;&lt;:&nbsp; <a ...>`` (the seed
text has "<<:" + U+00A0 + space before the title).

All links are root-relative; serve the folder with any static HTTP server.

Article text is written in the small format at the end of this file (CONTENT):
``@@ slug | category | title`` starts an article, blocks are separated by blank
lines, ``## Heading`` starts a numbered section, lines starting ``- `` form a
list, lines starting ``|`` form a table (first row = header), ``**x**`` is bold
and ``[text](/path)`` an inline link.
"""

from __future__ import annotations

import datetime
import html
import json
import re
import shutil
import sys
from pathlib import Path

SITE_NAME = "WellNest Health"
HERE = Path(__file__).resolve().parent
OUT = HERE / "demo_site"

PER_PAGE = 6  # articles per category list page
RELATED_SNIPPET_LEN = 49  # the seed cuts "Recommend" snippets at ~50 chars, then "..."
LIST_SNIPPET_LEN = 110
FIRST_DATE = datetime.date(2025, 1, 6)

CATEGORIES = {
    "womens-health": (
        "Women's health",
        "Periods, pregnancy, menopause and the everyday health questions women ask most often.",
    ),
    "digestion": (
        "Digestive health",
        "Stomach aches, heartburn, bloating and the habits that keep the gut comfortable.",
    ),
    "children": (
        "Children's health",
        "Practical guidance for parents on fevers, rashes, growth and feeding.",
    ),
    "nutrition": (
        "Nutrition",
        "What to eat, how much and why: vitamins, minerals, fibre and fluids explained.",
    ),
    "sleep": (
        "Sleep",
        "Falling asleep, staying asleep and waking up rested.",
    ),
}

HEADING_STYLES = ["h2", "h3", "p-strong", "p-plain"]
WRAPPERS = ["div.content", "article", "div#main-text"]
EDITORS = ["Jane Doe", "Maria Santos", "Daniel Okafor", "Li Wei", "Hannah Becker"]
SOURCES = [
    "WellNest Health editorial team",
    "WellNest Health medical review board",
    "WellNest Health staff writers",
]
POPULAR = [
    "leg-cramps-women",
    "upset-stomach-foods",
    "infant-bones-vs-adult-bones",
    "cant-fall-asleep",
    "vitamin-d-winter",
]
FEATURED = [
    "leg-cramps-women",
    "menstrual-headaches",
    "heartburn-after-eating",
    "fever-in-toddlers",
    "fibre-every-day",
    "afternoon-naps",
]
# The seed page's own "Recommend" block: 13 entries, several with the seed's titles.
SEED_SLUG = "leg-cramps-women"
SEED_RELATED = [
    "period-after-iud",
    "infant-bones-vs-adult-bones",
    "frequent-urination-at-night",
    "iron-deficiency-anaemia",
    "upset-stomach-foods",
    "morning-sickness",
    "pelvic-floor-exercises",
    "perimenopause-signs",
    "menstrual-headaches",
    "polycystic-ovary-syndrome",
    "breast-self-awareness",
    "left-leg-ache",
    "restless-legs",
]
DISCLAIMER = (
    "The information on this site is for general education only and is not a "
    "substitute for professional medical advice, diagnosis or treatment."
)

# --------------------------------------------------------------------------- parsing

INLINE = re.compile(r"\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)")


def plain(text: str) -> str:
    """Inline markup removed: the text a reader sees."""
    return INLINE.sub(lambda m: m.group(1) or m.group(2), text)


def inline_html(text: str) -> str:
    out, pos = [], 0
    for m in INLINE.finditer(text):
        out.append(esc(text[pos : m.start()]))
        if m.group(1):
            out.append(f"<strong>{esc(m.group(1))}</strong>")
        else:
            out.append(f'<a href="{esc(m.group(3), True)}">{esc(m.group(2))}</a>')
        pos = m.end()
    out.append(esc(text[pos:]))
    return "".join(out)


def esc(text: str, quote: bool = False) -> str:
    return html.escape(text, quote=quote)


def parse_content(text: str) -> list[dict]:
    articles: list[dict] = []
    art = None
    target = None  # list of blocks currently being filled
    buf: list[str] = []

    def flush() -> None:
        if not buf:
            return
        if target is None:
            raise ValueError(f"text outside an article: {buf[0]!r}")
        if all(line.startswith("- ") for line in buf):
            target.append(("ul", [line[2:].strip() for line in buf]))
        elif all(line.startswith("|") for line in buf):
            rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in buf]
            target.append(("table", rows))
        elif any(line.startswith(("- ", "|")) for line in buf):
            raise ValueError(f"mixed block in {art['slug']}: {buf!r}")
        else:
            target.append(("p", " ".join(line.strip() for line in buf)))
        buf.clear()

    for line in text.strip().splitlines():
        line = line.rstrip()
        if line.startswith("@@ "):
            flush()
            slug, cat, title = [part.strip() for part in line[3:].split("|", 2)]
            art = {"slug": slug, "cat": cat, "title": title, "intro": [], "sections": []}
            articles.append(art)
            target = art["intro"]
        elif line.startswith("## "):
            flush()
            section = {"heading": line[3:].strip(), "blocks": []}
            art["sections"].append(section)
            target = section["blocks"]
        elif not line.strip():
            flush()
        else:
            buf.append(line)
    flush()
    return articles


def block_text(block) -> str:
    kind, value = block
    if kind == "p":
        return plain(value)
    if kind == "ul":
        return "\n".join(plain(item) for item in value)
    return "\n".join(" | ".join(plain(cell) for cell in row) for row in value)


def block_html(block) -> str:
    kind, value = block
    if kind == "p":
        return f"<p>{inline_html(value)}</p>"
    if kind == "ul":
        items = "\n".join(f"<li>{inline_html(item)}</li>" for item in value)
        return f"<ul>\n{items}\n</ul>"
    head = "".join(f"<th>{inline_html(c)}</th>" for c in value[0])
    body = "\n".join(
        "<tr>" + "".join(f"<td>{inline_html(c)}</td>" for c in row) + "</tr>" for row in value[1:]
    )
    return (
        f'<table class="data-table">\n<thead><tr>{head}</tr></thead>\n'
        f"<tbody>\n{body}\n</tbody>\n</table>"
    )


def intro_text(art: dict) -> str:
    return "\n\n".join(block_text(b) for b in art["intro"])


def cut(text: str, n: int) -> str:
    return text[:n].rstrip() + "..."


def url_of(art: dict) -> str:
    return f"/articles/{art['slug']}.html"


def cat_url(cat: str, page: int = 1) -> str:
    return f"/category/{cat}/index.html" if page == 1 else f"/category/{cat}/page/{page}.html"


# ---------------------------------------------------------------------- page chrome


def page(
    title: str,
    body: str,
    *,
    canonical: str | None = None,
    description: str | None = None,
    robots: str | None = None,
    body_class: str = "",
) -> str:
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
    ]
    if description:
        head.append(f'<meta name="description" content="{esc(description, True)}">')
    if robots:
        head.append(f'<meta name="robots" content="{robots}">')
    if canonical:
        head.append(f'<link rel="canonical" href="{canonical}">')
    head += ['<link rel="stylesheet" href="/static/style.css">', "</head>"]
    cls = f' class="{body_class}"' if body_class else ""
    return "\n".join([*head, f"<body{cls}>", header(), body, footer(), "</body>", "</html>", ""])


def header() -> str:
    items = ['<li><a href="/index.html">Home</a></li>']
    items += [f'<li><a href="{cat_url(c)}">{esc(n)}</a></li>' for c, (n, _) in CATEGORIES.items()]
    items.append('<li><a href="/about.html">About</a></li>')
    return (
        '<header class="site-header">\n<div class="wrap">\n'
        '<a class="logo" href="/index.html"><img src="/static/logo.svg" alt="" width="36" '
        f'height="36"><span>{SITE_NAME}</span></a>\n'
        '<nav class="main-nav">\n<ul>\n' + "\n".join(items) + "\n</ul>\n</nav>\n</div>\n</header>"
    )


def footer() -> str:
    return (
        '<footer class="site-footer">\n<div class="wrap">\n'
        '<p class="footer-links"><a href="/about.html">About us</a> | '
        '<a href="/contact.html">Contact</a> | <a href="/privacy.html">Privacy</a> | '
        '<a href="/admin/index.html">Staff login</a></p>\n'
        f'<p class="disclaimer">{DISCLAIMER}</p>\n'
        f'<p class="copyright">© 2025 {SITE_NAME}. All rights reserved.</p>\n'
        "</div>\n</footer>"
    )


def sidebar(by_slug: dict) -> str:
    items = "\n".join(
        f'<li><a href="{url_of(by_slug[s])}">{esc(by_slug[s]["title"])}</a></li>' for s in POPULAR
    )
    return (
        '<aside class="sidebar">\n<div class="widget popular">\n<h3>Popular articles</h3>\n'
        f"<ul>\n{items}\n</ul>\n</div>\n</aside>"
    )


# ----------------------------------------------------------------------- articles


def choose_related(i: int, arts: list[dict]) -> list[dict]:
    if arts[i]["slug"] == SEED_SLUG:
        by_slug = {a["slug"]: a for a in arts}
        return [by_slug[s] for s in SEED_RELATED]
    count = 6 + (i * 5) % 8  # 6..13
    n = len(arts)
    order = [arts[(i + k) % n] for k in range(1, n)]
    same = [a for a in order if a["cat"] == arts[i]["cat"]]
    other = [a for a in order if a["cat"] != arts[i]["cat"]]
    return (same + other)[:count]


def variant(i: int) -> dict:
    return {
        "heading": HEADING_STYLES[i % 4],
        "wrapper": WRAPPERS[i % 3],
        "editor": EDITORS[(i // 2) % len(EDITORS)] if i % 2 == 0 else None,
        "share": i % 5 in (0, 1, 3),
        "recommend_tag": ["h2", "h3", "div"][(i // 2) % 3],
    }


def heading_html(style: str, number: int, heading: str) -> str:
    text = f"{number}. {inline_html(heading)}"
    if style in ("h2", "h3"):
        return f"<{style}>{text}</{style}>"
    if style == "p-strong":
        return f"<p><strong>{text}</strong></p>"
    return f"<p>{text}</p>"


def render_article(i: int, arts: list[dict], by_slug: dict) -> tuple[str, dict]:
    art = arts[i]
    v = variant(i)
    cat_name = CATEGORIES[art["cat"]][0]
    date = (FIRST_DATE + datetime.timedelta(days=3 * i)).isoformat()
    source = SOURCES[i % len(SOURCES)]
    related = choose_related(i, arts)
    prev_art = arts[i - 1] if i > 0 else None
    next_art = arts[i + 1] if i + 1 < len(arts) else None

    title_h = f"<h1>{esc(art['title'])}</h1>"
    meta = f'<p class="meta">Published {date} · Source: {esc(source)}</p>'
    body: list[str] = [block_html(b) for b in art["intro"]]
    for n, sec in enumerate(art["sections"], 1):
        body.append(heading_html(v["heading"], n, sec["heading"]))
        body += [block_html(b) for b in sec["blocks"]]
    body_html = "\n".join(body)
    editor = f'<p class="editor">Editor: {esc(v["editor"])}</p>' if v["editor"] else ""

    main: list[str] = []
    if v["wrapper"] == "article":
        inner = ["<article>", "<header>", title_h, meta, "</header>", body_html]
        if editor:
            inner += ["<footer>", editor, "</footer>"]
        inner.append("</article>")
        main += inner
    else:
        attr = 'class="content"' if v["wrapper"] == "div.content" else 'id="main-text"'
        main += [title_h, meta, f"<div {attr}>", body_html, "</div>"]
        if editor:
            main.append(editor)
    if v["share"]:
        main.append(
            '<div class="share">Share: <a href="#" class="share-fb">Facebook</a> '
            '<a href="#" class="share-tw">Twitter</a> '
            '<a href="#" class="share-mail">Email</a></div>'
        )
    nav = []
    for marker, other in (("&lt;&lt;:", prev_art), ("&gt;&gt;:", next_art)):
        if other:
            link = f'<a href="{url_of(other)}">{esc(other["title"])}</a>'
            nav.append(f"<p>{marker}&nbsp; {link}</p>")
    main.append('<div class="pre-next">\n' + "\n".join(nav) + "\n</div>")

    tag = v["recommend_tag"]
    rec_head = (
        '<div class="box-title">Recommend</div>' if tag == "div" else f"<{tag}>Recommend</{tag}>"
    )
    rec_items = "\n".join(
        f'<li><a href="{url_of(r)}">{esc(r["title"])}</a>\n'
        f'<p class="snippet">{esc(cut(intro_text(r), RELATED_SNIPPET_LEN))}</p></li>'
        for r in related
    )
    main.append(f'<div class="recommend">\n{rec_head}\n<ul>\n{rec_items}\n</ul>\n</div>')

    crumb = (
        '<div class="breadcrumb">Current location: <a href="/index.html">Home</a> &gt; '
        f'<a href="{cat_url(art["cat"])}">{esc(cat_name)}</a> &gt; '
        f"<span>{esc(art['title'])}</span></div>"
    )
    content = "\n".join(
        [
            '<div class="wrap layout">',
            crumb,
            '<main class="main-col">',
            *main,
            "</main>",
            sidebar(by_slug),
            "</div>",
        ]
    )
    description = art["intro"] and cut(intro_text(art), 150)
    doc = page(
        f"{art['title']} - {SITE_NAME}",
        content,
        canonical=url_of(art),
        description=description,
        body_class="article-page",
    )
    record = {
        "title": art["title"],
        "intro": intro_text(art),
        "sections": [
            {
                "number": n,
                "heading": plain(sec["heading"]),
                "text": "\n\n".join(block_text(b) for b in sec["blocks"]),
            }
            for n, sec in enumerate(art["sections"], 1)
        ],
        "related": [
            {
                "title": r["title"],
                "url": url_of(r),
                "snippet": cut(intro_text(r), RELATED_SNIPPET_LEN),
            }
            for r in related
        ],
        "prev": {"title": prev_art["title"], "url": url_of(prev_art)} if prev_art else None,
        "next": {"title": next_art["title"], "url": url_of(next_art)} if next_art else None,
        # What the page states about the article (docs/metadata.md): the "Published" date
        # (a date alone: 00:00 UTC), the meta description, and the "Current location"
        # trail without Home and the article. "Source:" names the site's team and
        # "Editor:" an editor: neither is a byline. Nothing else is stated.
        **metadata(
            published=f"{date}T00:00:00Z",
            description=" ".join(description.split()) if description else None,
            categories=[cat_name],
        ),
    }
    return doc, record


def metadata(
    *,
    published: str | None = None,
    description: str | None = None,
    categories: list[str] | None = None,
) -> dict[str, object]:
    """The expected record's metadata fields, every one of them (a field the page does
    not state is null or empty: that is asserted too)."""
    return {
        "published_at": published,
        "modified_at": None,
        "reviewed_at": None,
        "authors": [],
        "reviewers": [],
        "tags": [],
        "categories": categories or [],
        "description": description,
        "image": None,
        "references": [],
    }


# ------------------------------------------------------------------- other pages


def list_entry(art: dict, heading_tag: str = "h2") -> str:
    return (
        '<div class="list-item">\n'
        f'<{heading_tag}><a href="{url_of(art)}">{esc(art["title"])}</a></{heading_tag}>\n'
        f'<p class="summary">{esc(cut(intro_text(art), LIST_SNIPPET_LEN))}</p>\n'
        "</div>"
    )


def render_category_pages(cat: str, arts: list[dict], by_slug: dict) -> dict[str, str]:
    name, description = CATEGORIES[cat]
    members = [a for a in arts if a["cat"] == cat]
    pages = [members[k : k + PER_PAGE] for k in range(0, len(members), PER_PAGE)]
    out = {}
    for p, chunk in enumerate(pages, 1):
        links = []
        if p > 1:
            links.append(f'<a class="prev" href="{cat_url(cat, p - 1)}">Previous page</a>')
        for q in range(1, len(pages) + 1):
            if q == p:
                links.append(f'<span class="current">{q}</span>')
            else:
                links.append(f'<a href="{cat_url(cat, q)}">{q}</a>')
        if p < len(pages):
            links.append(f'<a class="next" href="{cat_url(cat, p + 1)}">Next page</a>')
        title = name if p == 1 else f"{name} - page {p}"
        body = "\n".join(
            [
                '<div class="wrap layout">',
                '<div class="breadcrumb">Current location: <a href="/index.html">Home</a> &gt; '
                f"<span>{esc(name)}</span></div>",
                '<main class="main-col list-page">',
                f"<h1>{esc(title)}</h1>",
                f'<p class="category-intro">{esc(description)}</p>',
                *[list_entry(a) for a in chunk],
                '<div class="pagination">' + " ".join(links) + "</div>",
                "</main>",
                sidebar(by_slug),
                "</div>",
            ]
        )
        out[cat_url(cat, p)] = page(f"{title} - {SITE_NAME}", body, description=description)
    return out


def render_index(arts: list[dict], by_slug: dict) -> str:
    parts = [
        '<div class="wrap layout">',
        '<main class="main-col home">',
        f"<h1>Welcome to {SITE_NAME}</h1>",
        '<p class="tagline">Clear, practical health information for the whole family, '
        "reviewed by our medical editors.</p>",
        '<section class="featured">\n<h2>Featured articles</h2>',
        *[list_entry(by_slug[s], "h3") for s in FEATURED],
        "</section>",
        '<section class="categories">\n<h2>Browse by topic</h2>',
    ]
    for cat, (name, description) in CATEGORIES.items():
        latest = [a for a in arts if a["cat"] == cat][:3]
        items = "\n".join(f'<li><a href="{url_of(a)}">{esc(a["title"])}</a></li>' for a in latest)
        parts.append(
            f'<div class="topic">\n<h3><a href="{cat_url(cat)}">{esc(name)}</a></h3>\n'
            f"<p>{esc(description)}</p>\n<ul>\n{items}\n</ul>\n"
            f'<p class="more"><a href="{cat_url(cat)}">More in {esc(name)} »</a></p>\n</div>'
        )
    parts += ["</section>", "</main>", sidebar(by_slug), "</div>"]
    return page(
        f"{SITE_NAME} - Clear, practical health information",
        "\n".join(parts),
        description="Health articles on women's health, digestion, children, nutrition and sleep.",
    )


def simple_page(title: str, paragraphs: list[str], by_slug: dict, extra: str = "") -> str:
    body = "\n".join(
        [
            '<div class="wrap layout">',
            '<main class="main-col static-page">',
            f"<h1>{esc(title)}</h1>",
            *[f"<p>{esc(p)}</p>" for p in paragraphs],
            extra,
            "</main>",
            sidebar(by_slug),
            "</div>",
        ]
    )
    return page(f"{title} - {SITE_NAME}", body)


ABOUT = [
    "WellNest Health is a small, independent health information site. We started in 2019 "
    "because friends and relatives kept asking us the same everyday questions: why a period "
    "headache comes every month, whether a toddler’s fever is worth a trip to the doctor, or "
    "how much water anyone really needs.",
    "Our articles are written by health journalists and reviewed by practising doctors, "
    "nurses and dietitians. We try to explain what is known, what is uncertain and when "
    "to seek help, in plain language and without selling anything.",
    "We update articles when guidance changes. If you spot a mistake, please tell us "
    "through the contact page – we read every message.",
]
CONTACT = [
    "We welcome corrections, questions about our articles and suggestions for new topics. "
    "We cannot give personal medical advice; if you are unwell, please contact your doctor "
    "or local health service.",
    "Email: editors@wellnest.example",
    "Post: WellNest Health, 12 Garden Row, Unit 4, Exampletown EX1 2AB",
    "We aim to reply within five working days.",
]
PRIVACY = [
    "We collect as little information as we can. This site does not use advertising "
    "trackers, and we do not sell or share any personal data.",
    "If you email us, we keep your message only as long as we need it to reply and to "
    "correct our articles. Our web server keeps standard access logs for 30 days to "
    "protect the site against abuse.",
]


def render_admin() -> str:
    body = (
        '<div class="wrap">\n<main class="main-col admin">\n<h1>Staff login</h1>\n'
        "<p>This area is for WellNest Health editors only.</p>\n"
        '<form method="post" action="/admin/index.html">\n'
        '<label>User name <input type="text" name="user"></label>\n'
        '<label>Password <input type="password" name="password"></label>\n'
        '<button type="submit">Sign in</button>\n</form>\n</main>\n</div>'
    )
    return page(f"Staff login - {SITE_NAME}", body, robots="noindex, nofollow")


STYLE = """\
body { margin: 0; font-family: Georgia, "Times New Roman", serif; color: #222; line-height: 1.6; }
a { color: #1d6b5f; }
.wrap { max-width: 1040px; margin: 0 auto; padding: 0 16px; }
.site-header { background: #eaf5f2; border-bottom: 2px solid #1d6b5f; }
.site-header .logo { display: inline-flex; align-items: center; gap: 8px; font-size: 1.4em; }
.site-header .logo { text-decoration: none; }
.main-nav ul { list-style: none; margin: 0; padding: 8px 0; display: flex; flex-wrap: wrap; }
.main-nav ul { gap: 16px; }
.layout { display: grid; grid-template-columns: 1fr 260px; gap: 24px; }
.breadcrumb { grid-column: 1 / -1; font-size: .9em; padding: 10px 0; color: #666; }
.meta, .editor, .share { font-size: .85em; color: #666; }
.pre-next p { margin: 4px 0; }
.recommend ul, .sidebar ul { list-style: none; padding: 0; }
.recommend .snippet { margin: 0 0 10px; color: #666; font-size: .9em; }
.data-table { border-collapse: collapse; }
.data-table th, .data-table td { border: 1px solid #ccc; padding: 4px 8px; }
.pagination a, .pagination span { margin-right: 8px; }
.site-footer { margin-top: 32px; padding: 16px 0; background: #f4f4f4; font-size: .85em; }
"""

LOGO = """\
<svg xmlns="http://www.w3.org/2000/svg" width="36" height="36" viewBox="0 0 36 36">
<circle cx="18" cy="18" r="17" fill="#1d6b5f"/>
<path fill="#fff"
 d="M18 27s-9-5.6-9-11.3A4.8 4.8 0 0 1 18 13a4.8 4.8 0 0 1 9 2.7C27 21.4 18 27 18 27z"/>
</svg>
"""

ROBOTS = "User-agent: *\nDisallow: /admin/\n"


# ----------------------------------------------------------------------- checks

SENTENCE = re.compile(r"[^.!?]+[.!?]")


def check(arts: list[dict]) -> list[str]:
    """Content rules from the brief; returns the list of problems."""
    problems = []
    if len(arts) < 36:
        problems.append(f"only {len(arts)} articles")
    slugs = [a["slug"] for a in arts]
    if len(set(slugs)) != len(slugs) or len({a["title"] for a in arts}) != len(arts):
        problems.append("duplicate slug or title")
    seen: dict[str, str] = {}
    for a in arts:
        where = a["slug"]
        if a["cat"] not in CATEGORIES:
            problems.append(f"{where}: unknown category {a['cat']}")
        if a["slug"] == SEED_SLUG:
            continue  # reproduced verbatim from the seed
        if any(k != "p" for k, _ in a["intro"]) or not 1 <= len(a["intro"]) <= 2:
            problems.append(f"{where}: intro must be 1-2 paragraphs")
        words = len(intro_text(a).split())
        if not 50 <= words <= 120:
            problems.append(f"{where}: intro has {words} words")
        if not 3 <= len(a["sections"]) <= 6:
            problems.append(f"{where}: {len(a['sections'])} sections")
        for s in a["sections"]:
            paras = [plain(v) for k, v in s["blocks"] if k == "p"]
            if not 1 <= len(paras) <= 3:
                problems.append(f"{where}/{s['heading']}: {len(paras)} paragraphs")
            if sum(len(p.split()) for p in paras) < 60:
                problems.append(f"{where}/{s['heading']}: section prose under 60 words")
            for p in paras:
                n = len(p.split())
                # paragraphs around a list or table (lead-ins, closing notes) may be shorter
                if not 30 <= n <= 150:
                    problems.append(f"{where}/{s['heading']}: paragraph of {n} words")
            for k, v in s["blocks"]:
                if k == "ul" and not 3 <= len(v) <= 5:
                    problems.append(f"{where}/{s['heading']}: list of {len(v)} items")
        text = (
            intro_text(a)
            + " "
            + " ".join(block_text(b) for s in a["sections"] for b in s["blocks"])
        )
        for sent in SENTENCE.findall(text):
            sent = sent.strip()
            if len(sent.split()) >= 6:
                if sent in seen and seen[sent] != where:
                    problems.append(f"{where}: sentence repeated from {seen[sent]}: {sent!r}")
                seen.setdefault(sent, where)
    return problems


HREF = re.compile(r'(?:href|src|action)="([^"]*)"')


def check_links(files: dict[str, str]) -> list[str]:
    problems = []
    for path, doc in files.items():
        if not path.endswith(".html"):
            continue
        for target in HREF.findall(doc):
            if target == "#":
                continue
            if not target.startswith("/") or target.startswith("//") or ":" in target:
                problems.append(f"{path}: non root-relative link {target!r}")
            elif target not in files:
                problems.append(f"{path}: broken link {target!r}")
    return problems


# ------------------------------------------------------------------------- main


def build() -> dict[str, str]:
    arts = parse_content(CONTENT)
    problems = check(arts)
    if problems:
        raise SystemExit("content problems:\n  " + "\n  ".join(problems))
    by_slug = {a["slug"]: a for a in arts}
    files: dict[str, str] = {}
    expected: dict[str, object] = {}
    for i, art in enumerate(arts):
        doc, record = render_article(i, arts, by_slug)
        files[url_of(art)] = doc
        expected[url_of(art)] = record
    non_articles = ["/index.html"]
    files["/index.html"] = render_index(arts, by_slug)
    for cat in CATEGORIES:
        pages = render_category_pages(cat, arts, by_slug)
        files.update(pages)
        non_articles += list(pages)
    files["/about.html"] = simple_page("About us", ABOUT, by_slug)
    files["/contact.html"] = simple_page("Contact us", CONTACT, by_slug)
    files["/privacy.html"] = simple_page("Privacy notice", PRIVACY, by_slug)
    files["/admin/index.html"] = render_admin()
    non_articles += ["/about.html", "/contact.html", "/privacy.html", "/admin/index.html"]
    files["/robots.txt"] = ROBOTS
    files["/static/style.css"] = STYLE
    files["/static/logo.svg"] = LOGO
    expected["_non_articles"] = non_articles
    files["/expected.json"] = json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
    problems = check_links(files)
    if problems:
        raise SystemExit("link problems:\n  " + "\n  ".join(problems))
    return files


def main() -> int:
    files = build()
    if OUT.exists():
        shutil.rmtree(OUT)
    for path, text in sorted(files.items()):
        dest = OUT / path.lstrip("/")
        dest.parent.mkdir(parents=True, exist_ok=True)
        with open(dest, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    n_articles = sum(1 for p in files if p.startswith("/articles/"))
    size = sum(len(t.encode("utf-8")) for t in files.values())
    print(f"wrote {len(files)} files ({n_articles} articles, {size / 1024:.0f} KiB) to {OUT}")
    return 0


# ------------------------------------------------------------------------ content
# Article order below is the site's global prev/next chain.

CONTENT = r"""
@@ ginger-belly-button | womens-health | The benefits of putting ginger in the belly button
Putting a slice of fresh ginger over the belly button is a home remedy that has been handed down in many families, especially for period pain, bloating and the chills that come with a cold. The idea comes from traditional medicine, in which the navel is treated as a point connected to the organs of the abdomen. Research on the practice itself is very limited, so it helps to know what ginger can and cannot do before you try it.

## Why people use it
Ginger contains gingerols and shogaols, the compounds that give the root its heat and that have shown anti-inflammatory effects in laboratory studies. When a warm slice is taped over the navel, most of the comfort people report probably comes from the warmth itself. Heat relaxes the smooth muscle of the abdomen and the uterus, which is exactly why a hot-water bottle eases cramps too. The ritual of lying down and resting for twenty minutes may matter just as much as the ginger.

## What the evidence says
Taken by mouth, ginger has reasonable evidence behind it. Several small trials found that ginger powder eased menstrual pain about as well as common painkillers, and it is widely used for nausea in early pregnancy. There is, however, almost no good research showing that ginger absorbed through the skin of the belly button reaches the bloodstream in useful amounts. It is fair to call the navel method a comforting tradition rather than a proven treatment.

## How to try it safely
If you would like to try the remedy, keep it simple and gentle. A thin slice of fresh root works better than a thick paste, and it should feel pleasantly warm rather than hot. A few sensible rules:

- Warm the slice slightly, but never so much that it stings.
- Leave it in place for no longer than 20–30 minutes.
- Stop at once if the skin turns red, itchy or blistered.

Fresh ginger can irritate sensitive skin, and some people are surprised by how much it burns after a while. Children’s skin is especially thin, so it is better not to use the method on young children at all.

## When to see a doctor instead
Home remedies are fine for mild, familiar discomfort, but they should never delay proper care. Period pain that suddenly becomes much worse, pain with a fever, or abdominal pain that wakes you at night needs a doctor’s assessment. The same is true of bloating that lasts for weeks, unexplained weight loss or a change in bowel habits. These can point to conditions such as endometriosis or ovarian cysts, which ginger will not treat.

@@ leg-cramps-women | womens-health | What causes leg cramps in women
Calf cramps are a common condition encountered by many people in daily life. The true mechanism of leg cramps is currently unknown. Muscle cramps are caused by a decrease in the threshold of nerve or neuromuscular stress response, which causes a sudden increase in the frequency of muscle nerve action, resulting in rigid contraction of the muscles. Many people think that calf cramps are caused by calcium deficiency, but in fact there are other reasons. So what is the cause of calf cramps in women?

## Calcium deficiency in the human body

Calcium deficiency in the human body is also a key cause of calf cramps. When the body has hypocalcemia, the excitation threshold of the neuromuscular junction decreases, and the neuromuscular junction can be excited at a stimulus intensity lower than the normal level, which can easily cause abnormal contraction and lead to calf cramps. In the daily diet, we must pay attention to the nutritional combination, and the intake of minerals cannot be less. If the calcium deficiency is serious, you should also consider taking calcium tablets for pregnant women to supplement calcium and zinc.

## Sweating a lot

When the human body sweats a lot, a lot of water and salt will flow out of the body. If they are not replenished in time, the body will lack a lot of electrolytes, and the metabolic waste products of the body cannot be excreted from the body. Later, a lot of them will accumulate in the body, causing the blood circulation in the muscles of the body to be blocked, which can easily cause calf cramps.

## Muscle Overwork

Excessive or intense leg exercise during the day can cause fatigue, and the tense muscles at night are not improved, so excessive metabolic substances cannot be metabolized in time, and its stimulation can cause leg cramps. If you do intense exercise and overexert your muscles, you may also get calf cramps. Especially for those who are going to participate in fitness exercises, they must pay attention to sufficient warm-up exercises before fitness exercises. If calf cramps occur during fitness exercises, they must be solved immediately, and rest after the muscle cramps subside.

## Impact of symptoms

If the human body suffers from some diseases, it may also cause habitual and inexplicable calf cramps. Common symptoms include heart disease, arteriosclerosis, hyperlipidemia and some chronic diseases. This condition may affect blood supply or cause degeneration of spinal cord nerves.

@@ white-sticky-discharge | womens-health | A lot of white and sticky vaginal discharge
Vaginal discharge is a normal part of how the body keeps the vagina clean and protected, and its amount and texture change throughout the month. Many women notice a lot of white, sticky discharge at certain times and worry that something is wrong. Most of the time it is a healthy sign of hormonal changes, but a few features suggest an infection that is worth treating.

## What normal discharge looks like
Healthy discharge is usually clear, white or slightly cream-coloured, and it has a mild smell or none at all. Just after a period it tends to be thick and sticky, and there may be very little of it. Around ovulation it becomes clearer, wetter and stretchy, a little like raw egg white, before turning thicker again in the second half of the cycle. These shifts are driven by oestrogen and progesterone, and they show that the cycle is working as expected.

## Why there may be more than usual
Several everyday situations increase the amount of white discharge. Pregnancy is one of the most common, because higher hormone levels and extra blood flow to the pelvis stimulate the glands of the cervix. Hormonal contraception, sexual arousal and the days before a period can all have the same effect. Stress and changes in weight can shift the balance of hormones too. An increase on its own, without itching or a bad smell, is rarely a cause for concern.

## Signs that point to an infection
A change in colour, smell or texture is more telling than the amount. Infections are common, easily treated and nothing to be embarrassed about, but they do need the right medicine. Watch for:

- thick, white discharge like cottage cheese, with itching or soreness;
- thin grey or white discharge with a fishy smell, often stronger after sex;
- yellow or green discharge, or discharge with a frothy texture;
- pain when passing urine, or pain in the lower abdomen.

The first pattern is typical of thrush, a yeast infection, and the second of bacterial vaginosis. The two need different treatments, so guessing and buying the wrong cream from the pharmacy can prolong the problem.

## Looking after yourself
Gentle care helps the vagina keep its own balance. Wash the outer area with plain water or a mild, unscented cleanser, and avoid douching, which washes away the protective bacteria. Cotton underwear and loose clothing keep the area dry. If you notice any of the warning signs, or you might have been exposed to a sexually transmitted infection, see a doctor or visit a sexual health clinic. A simple swab is usually enough to find the cause.

@@ period-after-iud | womens-health | How long does it take to get your period after wearing the ring?
Wearing an IUD is a common contraceptive method for women who want long-lasting protection without taking a pill every day. In many countries the small device is simply called “the ring”. One of the most frequent questions after fitting is when the next period will arrive and whether it will look different. The answer depends mainly on the type of device, because copper and hormonal IUDs affect bleeding in very different ways.

## Copper devices
A copper IUD contains no hormones, so it does not stop ovulation, and most women have their next period at the usual time. It is common, however, for periods to become heavier, longer and more painful during the first three to six months. Some women also notice spotting between periods. These changes usually settle as the uterus adjusts to the device. If heavy bleeding continues beyond six months or leaves you tired and breathless, ask for a blood test to check for anaemia.

## Hormonal devices
Hormonal IUDs release a small amount of levonorgestrel, a progestogen that thins the lining of the womb. In the first few months bleeding is often irregular, with light spotting on many days. After that, periods usually become lighter and shorter, and around one in five women stop having periods altogether within a year. This is not harmful: the lining simply does not build up enough to shed. Fertility returns quickly once the device is removed.

## When a late period needs checking
An IUD is one of the most reliable forms of contraception available, but no method is perfect, and a device can occasionally slip out of place without you noticing. See a doctor or take a pregnancy test if:

- your period is more than a week late with a copper device;
- you have new pelvic pain, fever or unusual discharge;
- you can no longer feel the threads, or you can feel the hard end of the device;
- bleeding is very heavy and soaks a pad every hour.

These signs can mean the device has moved, an infection has developed or, rarely, a pregnancy has occurred. A quick examination and an ultrasound scan can usually sort out the cause.

@@ frequent-urination-at-night | womens-health | Why do women urinate more frequently at night?
Frequent urination is very common in life, and getting up once during the night is normal for many adults. When a woman needs to wake two or more times every night to pass urine, doctors call it nocturia. It breaks up sleep, leaves you tired the next day and can be a clue to an underlying problem. The good news is that the cause can usually be found, and simple changes often help.

## Drinking habits in the evening
The most common reason is simply how much, and what, you drink late in the day. Tea, coffee, cola and alcohol all act as mild diuretics, which means they make the kidneys produce more urine. A large glass of water just before bed has a similar effect. Try to drink most of your fluids before the early evening and have your last caffeinated drink by mid-afternoon. Cutting back in the evening should not mean drinking less overall, because concentrated urine irritates the bladder as well.

## Changes in the bladder and pelvic floor
Pregnancy, childbirth and menopause all affect the muscles and tissues that support the bladder. Falling oestrogen levels after menopause thin the lining of the urethra and bladder, which can make them more sensitive. An overactive bladder causes sudden, strong urges even when the bladder is not full. [Pelvic floor exercises](/articles/pelvic-floor-exercises.html) and bladder training, in which you gradually stretch the time between visits to the toilet, help many women within a few weeks.

## Medical conditions to rule out
Sometimes night-time urination is a symptom of something that needs treatment. A urinary tract infection usually causes burning and urgency as well. Diabetes makes the body pass extra urine to get rid of excess sugar, often with thirst and tiredness. Heart and kidney problems can cause fluid to collect in the legs during the day, and that fluid returns to the circulation when you lie down at night. Certain medicines, especially water tablets taken in the evening, are another frequent cause.

## When to talk to a doctor
Keep a simple bladder diary for three days, noting what you drink, when you pass urine and roughly how much. This record often reveals a pattern that is easy to fix, such as several cups of tea after dinner. Bring it to your GP if the problem persists, if you see blood in the urine, if you are unusually thirsty, or if your ankles are swollen. A urine test and a few blood tests are often all that is needed to find the cause.

@@ menstrual-headaches | womens-health | What causes menstrual headaches?
During a girl's menstrual period, changes occur in hormone levels that can affect far more than the womb. Many women notice that headaches, and especially migraines, cluster in the two days before bleeding starts and the first three days of the period. These are often called menstrual migraines. Understanding why they happen makes it easier to plan ahead, treat attacks early and know when to ask a doctor for something stronger.

## The role of falling oestrogen
The main trigger is the sharp fall in oestrogen just before a period. Oestrogen influences chemicals in the brain, such as serotonin, that help control pain and the width of blood vessels. When levels drop quickly, the brain becomes more sensitive and a headache can follow. The same mechanism explains why some women get headaches during the pill-free week of combined contraception, and why migraines often change during pregnancy and around menopause.

## Other contributing factors
Hormones are rarely the only factor. Poor sleep, skipped meals and dehydration are common during a busy week and can add to the risk. Low iron levels from heavy periods may cause tiredness and headaches too. Some women find that salty snacks or alcohol in the days before a period make things worse. Keeping a diary of symptoms for two or three cycles often shows a clear pattern, and it is very helpful if you later see a doctor.

## Treatment and prevention
For occasional headaches, simple painkillers such as ibuprofen or naproxen work best when taken at the first sign of pain. Anti-inflammatory drugs also reduce period cramps, so they can ease two problems at once. If you have migraines, a doctor may suggest a triptan, or a short course of preventive medicine taken only around the days of your period. Regular meals, steady sleep and enough fluids are simple measures that reduce the number of attacks.

Taking painkillers on more than ten days a month can itself cause a **medication-overuse headache**, so it is worth asking for advice rather than simply taking more. See a doctor urgently if a headache is sudden and severe, comes with weakness or confusion, or feels different from your usual pattern.

@@ left-leg-ache | womens-health | Why does a woman's left leg ache?
Since legs are used for walking, standing and carrying the body all day, an ache in one of them is hard to ignore. Pain that affects only the left leg usually has a local cause, such as a strained muscle, a stiff joint or an irritated nerve. Occasionally, one-sided leg pain is a warning sign of a blood clot, so it is worth knowing how to tell the difference.

## Muscle strain and overuse
The most common cause is simple overuse. A long walk in new shoes, a step class or carrying a child on one hip can all strain the muscles of one leg. The ache is usually dull, worse when you move and better with rest. Gentle stretching, a warm bath and a few days of lighter activity normally settle it. If you always stand with your weight on the left side, changing that habit can stop the pain from coming back.

## Nerve pain from the lower back
Sciatica happens when a nerve root in the lower back is irritated, often by a bulging disc. The pain typically travels from the buttock down the back of the leg, sometimes with tingling or numbness in the foot. It is often worse when sitting and may follow a day of lifting. Most episodes improve within six weeks with gentle activity and painkillers. Weakness in the foot, numbness around the genitals, or any loss of bladder or bowel control needs urgent medical attention.

## Circulation problems
Varicose veins can cause an aching, heavy feeling that builds through the day, particularly in hot weather and in the days before a period. A deep vein thrombosis, or DVT, is more serious. It usually causes swelling, warmth and tenderness in the calf of one leg, and the risk is higher during pregnancy, after surgery, on long flights and with some hormonal contraceptives. A suspected DVT needs to be assessed the same day, because a clot can travel to the lungs.

Women over fifty who smoke, or who have diabetes, may also develop narrowed leg arteries. These cause a cramping pain in the calf on walking that eases within minutes of standing still, and it is a sign of poor circulation that deserves a proper check-up.

@@ iron-deficiency-anaemia | womens-health | Iron deficiency anaemia in women: signs and fixes
Iron deficiency is the most common nutritional shortage in the world, and women of childbearing age are among those most affected. Monthly blood loss, pregnancy and diets low in meat all make it harder to keep iron stores topped up. When stores run low, the body cannot make enough haemoglobin, the protein that carries oxygen in red blood cells, and anaemia develops slowly over months.

## Signs to look out for
Because the change is gradual, many women put the symptoms down to a busy life and only realise how tired they were once treatment starts. The typical picture includes some or all of the following:

- tiredness and a lack of energy that rest does not fix;
- shortness of breath on stairs or during exercise;
- pale skin, or pale inner eyelids;
- headaches, palpitations and feeling cold;
- brittle nails, hair loss or cravings to chew ice.

A full blood count and a ferritin test, which measures iron stores, confirm the diagnosis. It is just as important to find out why iron is low as it is to replace it, so your doctor will ask about periods, diet and digestion.

## Getting more iron from food
Iron comes in two forms. Haem iron, found in red meat, poultry and fish, is absorbed well. Non-haem iron, found in plants, is absorbed less efficiently, but vitamin C eaten at the same meal improves absorption considerably. Tea and coffee do the opposite, so it helps to drink them between meals rather than with food. The table below shows approximate amounts in some common foods.

| Food | Portion | Iron (approx.) |
| Cooked lentils | 1 cup | 6.6 mg |
| Cooked spinach | 1 cup | 6.4 mg |
| Fortified breakfast cereal | 1 bowl | 4–8 mg |
| Pumpkin seeds | 30 g | 2.5 mg |
| Lean beef | 85 g | 2.1 mg |

## Supplements and treatment
Most women with anaemia need iron tablets as well as dietary changes, because food alone rarely refills empty stores. Tablets are usually taken once a day or every other day; recent studies suggest alternate-day dosing is absorbed just as well and causes fewer side effects. Constipation, dark stools and an upset stomach are common, and taking the tablet with a little food can help. Blood tests are repeated after a few weeks, and treatment continues for about three months after levels return to normal.

Heavy periods are the most frequent cause in younger women, and they can often be treated with medicines or a hormonal coil. In anyone with unexplained anaemia, and especially after the menopause, a doctor will look for hidden bleeding from the gut.

@@ pelvic-floor-exercises | womens-health | How to strengthen your pelvic floor
The pelvic floor is a hammock of muscles that stretches from the pubic bone to the tailbone and supports the bladder, bowel and womb. Pregnancy, childbirth, heavy lifting, a chronic cough and the hormonal changes of menopause can all weaken it. The result may be small leaks when you laugh or sneeze, a sudden urge to reach the toilet, or a feeling of heaviness. Regular exercises help at any age.

## Finding the right muscles
Many women squeeze the wrong muscles at first, such as the buttocks or thighs. Imagine that you are trying to stop yourself passing wind and, at the same time, stop the flow of urine. You should feel a lift and squeeze inside, while your stomach, legs and buttocks stay relaxed. Do not practise by regularly stopping your urine midstream, because that can disturb normal bladder emptying. If you are unsure, a women’s health physiotherapist can check your technique.

## A simple daily routine
Once you can find the muscles, build a routine of three short sessions a day. Each session takes only a few minutes and can be done sitting at a desk or waiting for the kettle, without anyone noticing. Include both kinds of squeeze:

- Slow squeezes: tighten, hold for up to 10 seconds, then relax fully for the same time.
- Quick squeezes: tighten and release firmly, about one per second.
- Aim for ten slow and ten quick squeezes in each session.

Start lying down if the muscles are weak, and progress to sitting and then standing as they get stronger. It usually takes around three months of regular practice before the improvement is obvious, so patience really matters.

## Everyday habits that help
Exercises work best alongside small changes in daily life. Tighten your pelvic floor just before you cough, sneeze or lift something heavy, a habit physiotherapists call “the knack”. Keep your weight in a healthy range, because extra weight presses down on the pelvic organs. Avoid straining on the toilet by eating enough fibre and drinking well. If you smoke, stopping reduces the chronic cough that puts repeated pressure on these muscles.

@@ perimenopause-signs | womens-health | Early signs of perimenopause
Perimenopause is the transition before periods stop for good, and it can begin several years before the final period, often in a woman’s mid-forties. During this time the ovaries produce oestrogen less predictably, with high and low swings rather than a smooth decline. Many women do not realise that their symptoms are hormonal, especially while their periods are still fairly regular.

## Changes in the cycle
Often the first sign is a change in periods. Cycles may become shorter, so that periods come every three weeks, or longer, with gaps of two months or more. Bleeding can be heavier than before, and some women pass clots. These changes are expected, but they still need checking if bleeding is very heavy, happens after sex or occurs between periods, because other conditions such as fibroids or polyps can cause the same pattern.

## Hot flushes, sleep and mood
Hot flushes are sudden waves of heat across the face and chest, sometimes followed by sweating and chills. At night they become night sweats that disturb sleep. Poor sleep then makes tiredness, irritability and low mood worse. Some women also notice anxiety, trouble concentrating and forgetfulness, which can be unsettling at work. It helps to know that these symptoms are common, that they are caused by hormonal change, and that they usually ease with time.

## Other symptoms that are easy to miss
Perimenopause can cause a surprising range of symptoms that are not obviously linked to hormones. Women sometimes see several different specialists, and spend months on tests, before anyone connects them. Look out for:

- joint and muscle aches;
- vaginal dryness and discomfort during sex;
- needing to pass urine more often;
- headaches that change in pattern;
- palpitations, which should always be checked.

None of these symptoms proves that perimenopause is the cause, and several of them have other explanations that a doctor will want to rule out. Mentioning them together at one appointment, rather than one at a time, makes the overall pattern much easier to recognise.

## Getting help
A GP can usually diagnose perimenopause from your age and symptoms alone, without blood tests. Treatment options include hormone replacement therapy, which is the most effective treatment for hot flushes, as well as non-hormonal medicines and talking therapies for sleep and mood. Regular exercise, limiting alcohol and keeping the bedroom cool help too. Remember that contraception is still needed until periods have stopped for a full year, or for two years if you are under fifty.

@@ polycystic-ovary-syndrome | womens-health | Living with polycystic ovary syndrome
Polycystic ovary syndrome, usually shortened to PCOS, affects roughly one in ten women. Despite its name, it is not really a disease of cysts: the “cysts” seen on a scan are small follicles that did not mature and release an egg. PCOS is a hormonal condition linked to higher levels of male-type hormones and to the way the body handles insulin, and it looks different from one woman to the next.

## How PCOS shows itself
The most common features are irregular or absent periods, extra hair on the face or body, and acne that continues past the teenage years. Some women have thinning hair on the scalp. Many find it hard to lose weight, partly because of insulin resistance. PCOS is also one of the most common reasons for difficulty getting pregnant, because ovulation happens only occasionally. A diagnosis is usually made from the pattern of symptoms, blood tests and sometimes an ultrasound scan.

## Lifestyle as the first step
For women who are overweight, losing even five percent of body weight can make periods more regular and improve insulin levels. There is no special PCOS diet, but meals based on vegetables, whole grains, pulses and lean protein keep blood sugar steadier. Regular activity helps the body respond to insulin, whatever your weight. These changes take time, and they work best when the goals are realistic and the support is kind rather than critical.

## Medical treatment
Treatment is tailored to the symptom that matters most to each woman. The combined pill regulates periods and reduces acne and unwanted hair. Metformin, a diabetes medicine, is sometimes used to improve insulin resistance. For women trying to conceive, tablets such as letrozole can help the ovaries release an egg. Because PCOS raises the long-term risk of type 2 diabetes, it is sensible to have your blood sugar checked every few years.

Women with PCOS are also more likely to experience anxiety and low mood, sometimes because of the visible symptoms and sometimes because of fertility worries. These feelings deserve attention in their own right, and support groups, counselling and a doctor who listens can make a real difference.

@@ breast-self-awareness | womens-health | Breast self-awareness: what to look for
Breast self-awareness simply means knowing how your breasts normally look and feel, so that you notice when something changes. Doctors no longer recommend a strict monthly examination with a fixed technique. Instead, they encourage women of all ages to look and feel in a way that suits them, for example in the shower or while getting dressed. Most changes turn out to be harmless, but early checks save lives.

## What normal can feel like
Breasts are rarely smooth and even. Many women have lumpy or rope-like tissue, especially in the upper outer part near the armpit. Before a period, breasts often become swollen, tender and more lumpy, then settle again once bleeding starts. After menopause they usually become softer. Learning your own pattern across a month or two makes it much easier to spot anything new. It is also normal for one breast to be slightly larger than the other.

## Changes to report
Most lumps are cysts or fibroadenomas, which are harmless, but only an examination and sometimes a scan can tell them apart from cancer. See a doctor if you notice any of the following:

- a new lump or thickening in the breast or armpit;
- a change in the size or shape of one breast;
- dimpling, puckering or redness of the skin;
- a nipple that has turned inwards or has a rash;
- discharge from the nipple without squeezing.

Pain on its own is rarely a sign of cancer, but persistent pain in one spot is worth mentioning too. It is never a waste of a doctor’s time to check a change you are worried about.

## Screening alongside self-awareness
Self-awareness does not replace screening. Mammograms can find cancers that are too small to feel, and most countries invite women for regular mammograms from their forties or fifties. If you have a strong family history of breast or ovarian cancer, ask your doctor whether you should start screening earlier or be referred for genetic advice. Keeping to a healthy weight, staying active and drinking less alcohol are also linked to a lower risk.

@@ morning-sickness | womens-health | Easing morning sickness in early pregnancy
Nausea and vomiting affect most women in early pregnancy, and despite the name “morning sickness”, the symptoms can last all day. They usually start around the sixth week, peak between weeks eight and twelve, and fade by about week sixteen to twenty. Although unpleasant, mild to moderate sickness does not harm the baby, and a few practical habits can make these weeks more bearable.

## Eating little and often
An empty stomach tends to make nausea worse, so try small snacks every two to three hours rather than three large meals. Plain, dry foods such as crackers, toast or rice cakes are often easiest, and a few crackers before getting out of bed can help. Cold foods usually smell less than hot ones. Sip fluids between meals instead of drinking a lot at once, and do not worry if your diet is limited for a few weeks; your pregnancy vitamin covers the gaps.

## Ginger, rest and other remedies
Ginger biscuits, ginger tea or ginger capsules help some women, and the evidence for ginger in pregnancy sickness is reasonably good. Tiredness makes nausea worse, so rest whenever you can. Some women find acupressure wristbands useful. Strong smells such as cooking, perfume or cigarette smoke are common triggers, and fresh air can help. If vitamins with iron upset your stomach, taking them at night or switching to a folic acid tablet alone for a while is often easier.

## When sickness becomes serious
A small number of women develop hyperemesis gravidarum, a severe form of pregnancy sickness that can lead to dehydration and weight loss. It is not caused by anything the mother has done, and it needs medical treatment rather than more willpower. Contact your midwife or doctor promptly if you:

- cannot keep any food or fluids down for 24 hours;
- pass very little dark urine, or feel dizzy when standing;
- are losing weight;
- vomit blood or have abdominal pain or a fever.

Anti-sickness medicines that are considered safe in pregnancy are available, and some women need fluids through a drip for a short time. Asking for help early is sensible, not a failure.

@@ upset-stomach-foods | digestion | Upset stomach? Eat these foods to get better fast
Gastric discomfort is one of the most common complaints nowadays, whether it follows a rich meal, a stomach bug or a stressful week. When your stomach is upset, the right food can settle it while the wrong choice makes things worse. The aim is to give the gut something gentle to work with, to replace lost fluids and to return to a normal diet as soon as you feel ready.

## Start with fluids
If you have been vomiting or have diarrhoea, fluids matter more than food at first. Take small, frequent sips of water, weak tea or clear broth rather than large gulps, which can trigger more vomiting. Oral rehydration solutions from the pharmacy replace salt and sugar in the right proportions and are especially useful for older adults and anyone who feels dizzy. Avoid alcohol, strong coffee and very sugary fizzy drinks until your stomach has settled.

## Gentle foods to try first
When you feel hungry again, choose plain foods that are easy to digest and unlikely to irritate the stomach lining. Small portions eaten slowly are better than a full plate. Good first choices include:

- bananas, which are soft and rich in potassium;
- white rice, plain pasta or boiled potatoes;
- toast or crackers;
- apple purée or stewed fruit;
- plain yoghurt, if dairy does not bother you.

The old advice to eat only bananas, rice, apple sauce and toast for days is no longer recommended, because that diet lacks protein and fat. Use these foods for the first day or so, then move back towards your usual varied meals.

## Foods that soothe, and foods to avoid
Ginger can reduce nausea, whether as a tea, in soup or in a biscuit. Peppermint tea eases cramping for some people, although it can worsen heartburn. Fatty, fried and very spicy foods are best left for a few days, as they slow stomach emptying. If symptoms last more than a few days, or you see blood in vomit or stools, have a high fever or severe pain, speak to a doctor rather than relying on diet alone.

@@ heartburn-after-eating | digestion | Why do you get heartburn after eating?
Heartburn is a burning feeling behind the breastbone that often rises towards the throat, usually within an hour of eating. It happens when acid from the stomach flows back into the oesophagus, the tube that carries food down. Almost everyone has it occasionally, but frequent heartburn, more than twice a week, may mean gastro-oesophageal reflux disease, which is worth treating properly.

## A weak valve at the top of the stomach
At the lower end of the oesophagus a ring of muscle acts as a valve, opening to let food through and closing to keep acid in. If this muscle relaxes at the wrong time, acid can escape upwards. Large meals stretch the stomach and push against the valve. Lying down soon after eating removes the help of gravity. Pregnancy and extra weight around the waist raise the pressure inside the abdomen, which is why heartburn is so common in both.

## Common food and drink triggers
Triggers vary from person to person, but the usual suspects are fatty or fried foods, chocolate, coffee, alcohol, citrus fruit, tomatoes and fizzy drinks. Fat slows down stomach emptying, while alcohol and chocolate relax the valve. Peppermint, often thought of as soothing, can make reflux worse for the same reason. Rather than cutting out everything on the list, keep a short food diary and remove only the foods that clearly cause trouble for you.

## Practical ways to prevent it
Small changes to the timing and size of meals often make more difference than any medicine. It is worth trying them for two or three weeks before deciding whether they work:

- Eat smaller meals and finish eating three hours before bed.
- Raise the head of the bed by 10–20 cm, rather than piling up pillows.
- Wear loose clothing around the waist.
- Stop smoking, which weakens the valve.

Antacids give quick relief, and a pharmacist can suggest stronger acid-reducing tablets for short-term use. See a doctor if you have difficulty swallowing, unexplained weight loss or vomiting, or if heartburn starts for the first time after the age of about fifty-five.

@@ constipation-daily-habits | digestion | Daily habits that ease constipation
Constipation means passing stools less often than usual, or passing stools that are hard, dry and difficult to push out. It affects people of all ages and is particularly common during pregnancy, in older adults and after a change of routine such as travel. In most cases, simple changes to what you eat and drink, and to your toilet habits, are enough to get things moving again.

## Fibre and fluids together
Fibre adds bulk and holds water in the stool, making it softer and easier to pass. Good sources include wholegrain bread and cereals, oats, beans, lentils, fruit with the skin on, vegetables and linseeds. Increase fibre gradually over a couple of weeks, because a sudden change can cause wind and bloating. Fibre works only if you drink enough, so aim for regular drinks through the day. Prunes and kiwi fruit have a gentle natural laxative effect and are worth trying.

## Moving more
Physical activity stimulates the muscles of the bowel. A brisk daily walk of twenty or thirty minutes is often enough to make a noticeable difference, and any movement is better than none. People who are confined to bed or who sit for long hours are much more likely to become constipated. Gentle abdominal massage, in a clockwise direction following the shape of the large bowel, may also help some people.

## Better toilet habits
The bowel is most active after meals, especially breakfast, so allow yourself unhurried time then. Never ignore the urge to go, because the stool becomes harder the longer it stays in the bowel. Resting your feet on a low stool so that your knees are higher than your hips straightens the passage and makes emptying easier. Lean forward, keep your back straight and avoid straining hard or holding your breath.

If constipation lasts for more than three weeks despite these changes, or comes with blood in the stool, weight loss or severe pain, see a doctor. A pharmacist can advise on a suitable laxative for short-term relief in the meantime, and on which types are safe in pregnancy.

@@ bloating-causes | digestion | Common causes of bloating and how to reduce it
A bloated stomach feels tight, full and sometimes visibly swollen, and it often gets worse as the day goes on. Most bloating is caused by gas or by the way the gut reacts to the food passing through it, and it is usually harmless. Knowing the common triggers helps you decide what to change first, and which patterns are worth mentioning to a doctor.

## Swallowed air and gas from food
We all swallow some air when we eat and drink, but eating quickly, chewing gum, drinking through a straw and fizzy drinks increase it. Gas is also made when bacteria in the large bowel ferment carbohydrates that were not absorbed higher up. Beans, onions, cabbage, broccoli, wheat and some fruits are common culprits. Sugar-free sweets and gum containing sorbitol or xylitol can cause a surprising amount of gas and loose stools.

## A sensitive gut
In people with irritable bowel syndrome, the gut is more sensitive to normal amounts of gas, so they feel bloated when others would not. Constipation makes bloating worse because stool and gas build up behind it. Hormonal changes before a period cause water retention and bloating in many women. Stress plays a part as well, since the gut and brain are closely connected through nerves and hormones.

## What you can try
Because there are so many possible causes, it makes sense to change one thing at a time and give each change a fair trial before moving on to the next. These steps help many people:

- Eat slowly and chew food well.
- Cut down on fizzy drinks, chewing gum and sugar-free sweets.
- Try reducing one suspected food at a time for two weeks.
- Take a short walk after meals.

Bloating that persists on most days for three weeks or more should be checked, especially in women over fifty, because it is occasionally an early sign of ovarian cancer. Weight loss, bleeding or a change in bowel habit also need prompt attention.

@@ ibs-triggers | digestion | Finding your IBS triggers
Irritable bowel syndrome, or IBS, is a long-term condition that causes stomach pain, bloating and changes in bowel habit, with diarrhoea, constipation or a mixture of both. Tests on the bowel usually look normal, because IBS is a problem of how the gut works rather than of visible damage. Symptoms come and go, and learning what sets them off is one of the most useful things you can do.

## Keep a symptom diary
For two to four weeks, write down what you eat and drink, when symptoms occur, how well you slept and how stressed you felt. Patterns are rarely obvious from memory alone, but a diary often shows that symptoms follow particular meals or busy days. Be careful not to cut out foods on the strength of one bad day. Bring the diary to your doctor or dietitian, as it makes their advice much more specific to you.

## Common dietary triggers
Food is not the only trigger, but most people with IBS can name at least one meal that reliably causes trouble. Reactions are very individual, so a food that upsets one person may suit another perfectly well. The usual suspects are:

- large, fatty meals;
- caffeine and alcohol;
- spicy food;
- onions, garlic, beans and some fruits that ferment in the gut.

A dietitian may suggest a low-FODMAP diet, which temporarily removes a group of fermentable carbohydrates and then reintroduces them one by one. It works well for many people, but it is complicated and should be done with professional support so that your diet stays balanced in the long run.

## Stress and the gut–brain connection
The gut has its own network of nerves that talks constantly with the brain. During stress, signals along this gut–brain axis can speed up or slow down the bowel and make it more sensitive to pain. That is why symptoms often flare before exams or interviews and during family difficulties. Regular exercise, enough sleep and relaxation techniques can reduce flare-ups, and gut-directed hypnotherapy and cognitive behavioural therapy have good evidence behind them.

@@ stomach-bug-recovery | digestion | Recovering from a stomach bug at home
Gastroenteritis, often called a stomach bug, is an infection of the gut that causes diarrhoea, vomiting or both. It is usually caused by viruses such as norovirus and spreads very easily in homes, schools and care homes. Most adults and children recover within a few days without special treatment. The priorities are to stay hydrated, rest and avoid passing the infection on to others.

## Staying hydrated
Diarrhoea and vomiting drain water and salts from the body, and dehydration is the main risk, particularly for babies and older people. Drink small amounts often, even if you can only manage a few sips every few minutes. Oral rehydration sachets are the best choice if you feel weak or dizzy. Breastfed babies should keep feeding, with extra feeds if possible. Signs of dehydration include dark urine, passing little urine, a dry mouth and feeling lightheaded when standing up.

## Eating again
There is no need to stop eating if you feel hungry. Start with plain, easy foods such as toast, rice, soup or crackers, and build back up to normal meals over a day or two. Some people find that milk upsets them for a short while after a bug, because the lining of the gut needs time to recover. Medicines that stop diarrhoea can help adults get through a journey or a working day, but they are not suitable for young children.

## Stopping the spread
Norovirus survives on surfaces for days, and only a few virus particles are needed to infect someone else. Whole households often fall ill one after another, so careful hygiene is worth the effort. To protect others:

- wash your hands with soap and water, since alcohol gel does not reliably kill norovirus;
- clean toilets, taps and door handles with a bleach-based product;
- wash soiled bedding on a hot cycle;
- stay off work or school until 48 hours after the last episode.

Get medical advice if symptoms last more than a week, if there is blood in the stool, or if someone cannot keep fluids down. Older people and those with long-term illnesses should ask for help sooner, because dehydration affects them more quickly.

@@ lactose-intolerance | digestion | Is it lactose intolerance?
Lactose is the natural sugar in milk, and to digest it the small intestine needs an enzyme called lactase. Many adults around the world make less lactase as they grow older, and when undigested lactose reaches the large bowel, bacteria ferment it. The result can be wind, bloating, stomach cramps and loose stools, typically within a few hours of eating or drinking dairy.

## Intolerance is not an allergy
Lactose intolerance is often confused with cow’s milk allergy, but they are quite different. An allergy is a reaction of the immune system to milk proteins; it can cause rashes, swelling or breathing problems, and it most often affects babies and young children. Intolerance is a digestive problem with lactose, the sugar, and it is uncomfortable but not dangerous. The distinction matters, because people with an allergy must avoid all milk protein, while most people with intolerance can still enjoy some dairy.

## How it is diagnosed
The simplest test is to remove lactose from your diet for two weeks and then reintroduce it. If symptoms disappear and then return, intolerance is likely. A hydrogen breath test can confirm it. Intolerance can also appear temporarily after a gut infection, or as a result of coeliac disease, so a doctor may check for these if the symptoms are new. Do not cut out whole food groups for a long time without advice.

## Living with it
Most people with lactose intolerance can manage a small amount, such as milk in tea, especially when it is taken with other food. Hard cheeses like cheddar and parmesan contain very little lactose, and yoghurt is often well tolerated because its bacteria help to digest it. Lactose-free milk is widely available. If you eat less dairy, make sure you get enough calcium from [other foods](/articles/non-dairy-calcium.html), such as fortified plant drinks, tofu, green vegetables and tinned fish with soft bones.

@@ hiccups | digestion | Why do we get hiccups, and how do you stop them?
A hiccup is a sudden, involuntary contraction of the diaphragm, the dome-shaped muscle under the lungs that controls breathing. A split second later the vocal cords snap shut, which makes the familiar “hic” sound. Hiccups are very common, usually last a few minutes and are harmless. They can still be annoying, and now and then they are a sign of something that needs attention.

## Everyday triggers
Most bouts of hiccups follow something that stretches the stomach or irritates the nerves that supply the diaphragm. Eating too much or too quickly, fizzy drinks, alcohol and very hot or spicy food are typical triggers. Sudden excitement, stress or a quick change in temperature, such as a cold drink after a hot meal, can also set them off. Babies hiccup often after feeds, and it rarely bothers them as much as it bothers their parents.

## Remedies worth trying
No home remedy has been properly proven, but many seem to work by interrupting the rhythm of breathing or by stimulating the vagus nerve, which runs from the brain to the abdomen. Popular ones include:

- holding your breath for a slow count of ten;
- sipping ice-cold water slowly;
- pulling your knees up to your chest and leaning forward;
- swallowing a teaspoon of sugar.

There is no harm in trying these, and most bouts stop on their own within a few minutes whatever you do. Breathing into a paper bag is best avoided, especially by anyone with heart or lung disease.

## Hiccups that will not stop
Hiccups that last more than 48 hours are called persistent, and they should be checked by a doctor. Possible causes include reflux, irritation of the nerves in the neck or chest, some medicines, kidney problems and, rarely, conditions affecting the brain. Persistent hiccups can interfere with eating and sleep, so they are worth treating even when the cause turns out to be harmless. Several medicines can help when simple measures fail.

@@ infant-bones-vs-adult-bones | children | How do infants' and young children's bones differ from those of adults?
As we all know, newborn babies are soft and flexible, and their skeletons are a big part of the reason. A baby is born with around 300 bones and pieces of cartilage, many of which gradually fuse to form the 206 bones of the adult skeleton. Children’s bones are not simply small versions of adult bones: they grow, bend and heal in their own ways.

## More cartilage and more flexibility
Much of a young child’s skeleton is still made of cartilage, which slowly turns into bone in a process called ossification. The bones themselves contain more water and less mineral than an adult’s, so they are more flexible. That is why children can bend in ways that astonish adults. It also explains a typical childhood injury, the “greenstick” fracture, in which the bone bends and cracks on one side instead of breaking cleanly in two.

## Growth plates
Near the ends of the long bones, such as those in the arms and legs, are growth plates made of cartilage. This is where new bone is added and where length is gained. Growth plates are weaker than the surrounding bone and ligaments, so a fall that would sprain an adult’s ankle can injure a child’s growth plate instead. Most of these injuries heal well, but pain near a joint after a fall, especially if the child will not use the limb, should be checked.

The plates close at the end of puberty, usually between about 14 and 16 in girls and between 16 and 19 in boys. Growth in height then stops, although bones continue to gain density and strength into the late twenties.

## Soft spots on the skull
A baby’s skull is made of several plates held together by flexible seams. Where the seams meet there are soft spots called fontanelles, which allow the head to pass through the birth canal and leave room for the rapidly growing brain. The one at the back closes within a few months and the larger one at the front by about 18 months to two years. A sunken fontanelle can be a sign of dehydration, and a bulging one in a sick baby needs urgent assessment.

## Building strong bones
Childhood and adolescence are when most bone mass is built, so the habits of these years last a lifetime. Children need enough calcium from milk, yoghurt, cheese or fortified alternatives, and enough vitamin D, which many countries advise giving as a supplement to babies and young children. Active play that involves running, jumping and climbing puts healthy stress on bones and makes them stronger, while long hours sitting in front of screens does the opposite.

## When bones need a closer look
Most bumps and aches in active children are harmless, and “growing pains” in the legs at night are common between the ages of three and twelve. They affect both legs, ease with a gentle rub and are gone by morning. Pain that is always in the same spot, a limp that does not settle within a few days, swelling around a joint or pain that wakes a child every night should be examined by a doctor. So should bowed legs that are getting worse after the age of three.

@@ fever-in-toddlers | children | When should you worry about a toddler’s fever?
A fever is a temperature of 38 °C or above, and in toddlers it is most often caused by common viral infections such as colds, flu or tummy bugs. The raised temperature is part of the body’s defence, helping the immune system fight the infection. Although a hot, grizzly child is worrying, how the child looks and behaves usually tells you more than the number on the thermometer.

## Making your child comfortable
Offer regular drinks, because children with a fever lose more fluid than usual; breastfeeds and milk feeds count. Dress your child in light clothing and keep the room at a comfortable temperature, without bundling them up or stripping them right down. Paracetamol or ibuprofen can be given if your child is distressed, following the dose on the packet for their age, but there is no need to give medicine just to bring the number down. Sponging with cold water is not recommended.

## Red flags that need urgent help
Most fevers in toddlers settle within three days, and the child perks up between doses of medicine. A few signs, however, mean that your child should be seen by a doctor straight away. Seek medical help at once if your child:

- is under three months old with a temperature of 38 °C or more;
- is unusually drowsy, floppy or hard to wake;
- has a rash that does not fade when you press a glass against it;
- is breathing fast, grunting or struggling to breathe;
- has no wet nappy for twelve hours, or refuses all drinks.

Trust your instincts as a parent. If you feel that something is seriously wrong, even if you cannot say exactly what, it is always right to get your child checked.

## Febrile seizures
Some children between six months and five years old have a fit when their temperature rises quickly. These febrile seizures are frightening to watch but usually last less than five minutes and do not cause brain damage. Place your child on their side on a soft surface, stay with them and note how long the fit lasts. Call an ambulance if it goes on for more than five minutes or if it is their first one. Giving fever medicine does not prevent these seizures.

@@ teething | children | Teething: what’s normal and what isn’t
Most babies cut their first tooth at around six months, although some start as early as three months and others not until after their first birthday. Teeth usually appear in a predictable order, starting with the two bottom front teeth, and all twenty milk teeth are normally through by about two and a half years. Teething can make babies uncomfortable, but it is often blamed for more than it causes.

## Common signs of teething
A baby who is teething may dribble more than usual, chew on fingers and toys, and have a red, swollen patch of gum where the tooth is coming through. A flushed cheek, a mild rash around the mouth and more waking at night are common too. Some babies are clingy and off their food for a day or two. Many babies, however, cut teeth with hardly any fuss at all, and parents only notice when a new tooth appears.

## What teething does not cause
Teething is not a cause of high fever, diarrhoea or a runny nose, although these often happen at the same age because babies are meeting many new viruses. A temperature of 38 °C or higher should be treated as a sign of illness rather than put down to teeth. This matters because blaming teething can delay the diagnosis of an ear infection, a urine infection or another condition that needs treatment.

## Soothing a sore mouth
Simple measures are usually enough, and most babies are comforted within minutes by something cool to bite on and a cuddle. Different babies prefer different things, so it is worth experimenting a little. Try:

- a clean, chilled teething ring to chew on;
- gently rubbing the gum with a clean finger;
- cold water or, for babies over six months, chilled pieces of soft fruit under supervision;
- infant paracetamol or ibuprofen if your baby is clearly in pain.

Avoid amber necklaces, which are a choking and strangulation risk, and teething gels containing local anaesthetics unless a pharmacist recommends them. Start brushing as soon as the first tooth appears, using a smear of fluoride toothpaste.

@@ picky-eaters | children | Helping a picky eater at the family table
Between the ages of about two and five, many children become fussy about food. A toddler who happily ate vegetables as a baby may suddenly refuse anything green, or want the same three foods every day. This stage is a normal part of development, linked to growing independence and a natural caution about new foods. Most picky eaters still get what they need, and the phase usually passes.

## Why children refuse food
Young children grow more slowly after their first year, so their appetite naturally drops. They are also learning that they can make choices, and food is one of the few things they control. Many children are wary of unfamiliar tastes and textures, a trait called food neophobia, which may once have protected small children from eating something poisonous. Tiredness, illness and snacking between meals all make refusal more likely at the table.

## Strategies that work
Pressure, bribes and long negotiations tend to backfire, because they turn food into a contest that the child is bound to win. Calm repetition works far better than any clever trick. These approaches are more successful:

- Serve small portions, and include at least one food your child usually eats.
- Offer new foods again and again; it can take ten or more tries before a child accepts one.
- Eat together and let children see you enjoying a range of foods.
- Avoid rewards such as pudding for finishing vegetables.

Let your child decide how much to eat from what you offer; your job is to choose what is served, and theirs is to choose how much. Keeping meals calm and fairly short, around twenty to thirty minutes, stops food becoming a battle of wills.

## When to get advice
Speak to a health visitor or doctor if your child is losing weight, not growing as expected, eats fewer than about twenty different foods, gags or vomits with many textures, or if mealtimes are causing great stress in the family. Some children have sensory difficulties, allergies or feeding problems that need specialist help. A daily vitamin supplement is recommended for young children in some countries, especially for those who eat a limited range of foods.

@@ croup | children | Croup: the barking cough explained
Croup is a common childhood infection that causes swelling in the voice box and windpipe. It mostly affects children between six months and three years old, and it is usually caused by the same viruses that cause colds. The swelling narrows the airway, which produces a harsh cough that sounds like a seal barking. Symptoms are often worse at night and can be alarming for both child and parent.

## Recognising croup
Croup usually begins like a cold, with a runny nose and a mild fever. After a day or two the barking cough appears, often with a hoarse voice. Some children make a harsh, high-pitched noise when breathing in, called stridor, particularly when they are upset or crying. The illness typically lasts three to five days, with the worst symptoms on the first two nights, and the cough may linger for a little longer as the airway heals.

## Caring for your child at home
Most children with croup can be looked after at home. Keep your child calm and comfort them on your lap, because crying makes breathing harder. Sit them upright and offer drinks. Steam inhalation is no longer recommended, as it does not help and has caused scald injuries. A doctor may prescribe a single dose of a steroid medicine, which reduces swelling in the airway and often brings relief within a few hours.

## When to call for help
Croup can occasionally narrow the airway enough to make breathing really difficult, and this can happen quickly at night. Call an ambulance or go to the emergency department if your child:

- is struggling to breathe, with the skin sucking in between the ribs;
- has stridor even when calm and resting;
- looks pale or blue around the lips;
- is very drowsy, restless or unable to swallow saliva.

Children who have had croup may get it again with future colds, but it becomes less common as their airways grow. Most children have outgrown it by the age of six, and repeated attacks in an older child are worth discussing with a doctor.

@@ nosebleeds-in-children | children | Nosebleeds in children: what to do
Nosebleeds are very common in children between three and ten years old. The inside of the nose has many tiny blood vessels close to the surface, especially at the front of the septum, the wall between the nostrils. These vessels break easily when the lining is dry, irritated or picked. Although a nosebleed can look dramatic, the amount of blood lost is usually small, and most stop within ten minutes with the right first aid.

## First aid step by step
Sit your child down and ask them to lean forward, not backwards, so that blood does not run down the throat and make them sick. Pinch the soft part of the nose, just above the nostrils, and hold it firmly for ten to fifteen minutes without letting go to check. Ask your child to breathe through the mouth and spit out any blood. An ice pack or a cold cloth on the bridge of the nose may help. Afterwards, avoid nose blowing and rough play for a day.

## Why they keep happening
Repeated nosebleeds are usually caused by dry air from central heating, by colds and allergies that inflame the lining, and by nose picking. A thin layer of petroleum jelly applied just inside the nostrils at night can keep the lining moist. Cut your child’s fingernails short. If nosebleeds are frequent, a doctor may prescribe an antiseptic cream or, in some cases, seal the vessel with a quick and simple treatment called cautery.

## When to see a doctor
Get medical help if a nosebleed lasts longer than twenty minutes despite pressure, follows a blow to the head, or makes your child pale, dizzy or breathless. Frequent nosebleeds together with easy bruising, bleeding gums or a family history of bleeding problems should also be checked, as this can point to a clotting disorder. Children under two rarely get nosebleeds, so one in a baby always deserves a doctor’s attention.

@@ chickenpox-at-home | children | Chickenpox: caring for your child at home
Chickenpox is a common illness caused by the varicella-zoster virus, and in countries without routine vaccination most children catch it before they are ten. It starts with a mild fever and feeling unwell, followed by an itchy rash of red spots that turn into fluid-filled blisters and then crust over. It spreads very easily, from a day or two before the rash appears until all the spots have crusted. For most children it is unpleasant rather than dangerous.

## Easing the itch
Scratching can lead to infected spots and scars, so it helps to keep your child comfortable. Cut their fingernails short and put socks or mittens on young children at night. Dress them in loose cotton clothes. Cooling gels and calamine lotion soothe the skin, and a lukewarm bath may help. Paracetamol can be given for fever and discomfort, but ibuprofen should be avoided in chickenpox unless a doctor advises it, because it has been linked to serious skin infections.

## Keeping others safe
Keep your child away from nursery or school until every spot has crusted over, usually about five days after the rash appears. Avoid contact with pregnant women who have not had chickenpox, newborn babies and people with a weakened immune system, as the infection can be serious for them. If you are pregnant and have been in contact with chickenpox, speak to your midwife or doctor promptly, even if you feel perfectly well.

## Warning signs
Complications are uncommon, but they are more likely in babies, teenagers and children with eczema or a weak immune system. Keep an eye on your child as the spots crust over, and contact a doctor urgently if:

- the skin around the blisters becomes red, hot, swollen or very painful;
- your child has difficulty breathing or chest pain;
- your child is very drowsy, confused or has a severe headache;
- the fever returns after a few days, or your child stops drinking.

Vaccination against chickenpox is offered routinely in some countries, and it greatly reduces the chance of severe illness. Adults who never had chickenpox as children can ask about the vaccine too, since the infection tends to be harsher in adulthood.

@@ vitamin-d-winter | nutrition | Do you need vitamin D in winter?
Vitamin D helps the body absorb calcium and phosphate, which keep bones, teeth and muscles healthy. Unlike most vitamins, it is made mainly in the skin when it is exposed to sunlight rather than taken in from food. In northern countries the sun is too weak between about October and March for the skin to make enough, so many people’s levels fall steadily through the winter months.

## Who is most at risk
Some people are likely to run low all year round, not just in winter, and health services often advise them to take a supplement every day. Groups at higher risk include:

- people who spend little time outdoors, including those in care homes;
- people who cover most of their skin when outside;
- people with dark skin, who need longer in the sun to make the same amount;
- babies, young children and pregnant or breastfeeding women.

Low vitamin D can cause bone pain and muscle weakness in adults, and rickets, with soft and bent bones, in children. Many people with slightly low levels have no symptoms at all, which is why prevention matters.

## Food sources
Only a few foods contain much vitamin D. Oily fish such as salmon, mackerel, sardines and herring are the richest natural source, with smaller amounts in egg yolks and red meat. Some breakfast cereals, spreads and plant drinks are fortified. Even a good diet rarely provides enough on its own, which is why health authorities in several countries recommend a daily supplement during the darker months for everyone.

## Taking a supplement sensibly
A daily dose of 10 micrograms, or 400 international units, is the usual recommendation for adults and children over one year in the UK, and other countries suggest slightly higher amounts. Vitamin D is stored in the body, so more is not better: very high doses taken for a long time can raise calcium levels and harm the kidneys. Do not exceed 100 micrograms a day unless a doctor has prescribed it, and check first if you have kidney disease or take other regular medicines.

@@ how-much-water | nutrition | How much water do you really need?
Water makes up more than half of body weight and is needed for almost everything the body does, from controlling temperature to carrying nutrients and removing waste. The popular rule of eight glasses a day is a useful reminder, but it was never based on firm science. Your real needs depend on your size, how active you are, the weather and what you eat, so it is better to learn the signs of good hydration.

## A reasonable daily target
Many health bodies suggest that women drink around 1.6 litres and men around 2 litres of fluid a day, in addition to the water in food. All drinks count, including tea and coffee, although sugary drinks add calories and damage teeth. Fruit, vegetables, soups and yoghurt also supply a surprising amount of water. You will need more in hot weather, during exercise, when you have a fever and while breastfeeding.

## Signs you are drinking enough
The simplest check is the colour of your urine. Pale, straw-coloured urine usually means you are well hydrated, while dark yellow urine suggests you need to drink more. Thirst, headaches, tiredness and poor concentration can all be early signs of mild dehydration. Older adults often feel less thirsty even when they need fluids, so they may need gentle reminders to drink regularly through the day, for example a glass with every meal.

## Can you drink too much?
For healthy people it is hard to drink a harmful amount, because the kidneys simply get rid of the extra. Problems can occur when very large volumes are drunk in a short time, for example during long endurance races, because the salt in the blood becomes too diluted. This condition, called hyponatraemia, can cause confusion and, rarely, seizures. People with heart or kidney failure may be asked to limit their fluids and should follow their doctor’s advice.

@@ fibre-every-day | nutrition | Getting enough fibre every day
Fibre is the part of plant foods that the body cannot fully digest, and it does far more than keep you regular. A diet rich in fibre is linked to a lower risk of heart disease, stroke, type 2 diabetes and bowel cancer. Most adults are advised to eat around 30 grams a day, but the average intake in many countries is closer to 20 grams, so most of us could do with a little more.

## Two kinds of fibre
Soluble fibre dissolves in water to form a gel. It is found in oats, barley, beans, lentils, apples and citrus fruit, and it helps lower cholesterol and steady blood sugar. Insoluble fibre does not dissolve; it adds bulk to the stool and helps food pass through the gut more quickly. Wholegrain bread, bran, nuts and the skins of fruit and vegetables are good sources. Most plant foods contain a mixture of both, so variety matters more than counting each type.

## Where to find it
Reaching 30 grams sounds like a lot, but it adds up quickly once you know which foods are rich in fibre. Swapping white bread for wholemeal, adding a handful of lentils to a sauce or keeping the skin on a pear all count. The table shows approximate fibre content for some everyday foods.

| Food | Portion | Fibre (approx.) |
| Cooked lentils | half a cup | 7.8 g |
| Pear with skin | 1 medium | 5.5 g |
| Porridge oats, cooked | 1 cup | 4 g |
| Chia seeds | 1 tablespoon | 4 g |
| Wholemeal bread | 1 slice | 2 g |

Beans, peas, berries, nuts and seeds are all good sources as well. Two slices of wholemeal toast, a bowl of porridge, a pear, a portion of lentils and some vegetables at dinner already bring most people close to the daily target.

## Increasing fibre comfortably
Raise your intake step by step over a few weeks, so that the bacteria in your gut have time to adjust. A sudden jump often causes wind and bloating, which puts people off. Drink plenty of fluids as you eat more fibre. Simple changes include choosing wholegrain cereals, leaving the skin on potatoes, adding a handful of beans to soups and stews, and snacking on fruit, nuts or vegetable sticks instead of biscuits.

@@ non-dairy-calcium | nutrition | Good non-dairy sources of calcium
Calcium is the main mineral in bones and teeth, and it is also needed for muscles to contract, nerves to send signals and blood to clot. Dairy foods are the best-known source, but they are far from the only one. Whether you avoid dairy because of lactose intolerance, a vegan diet or simple taste, it is quite possible to meet your needs with a little planning. Most adults need around 700 to 1,000 mg a day.

## Plant foods rich in calcium
Plants can supply a good share of your daily calcium, although the amount you absorb varies from food to food. Eating several portions through the day is more realistic than relying on one. The most useful everyday sources include:

- tofu set with calcium sulphate;
- kale, pak choi and spring greens;
- almonds, sesame seeds and tahini;
- dried figs and white beans.

Spinach contains calcium too, but it is bound to oxalate, which means very little of it is absorbed. Spinach is still a healthy vegetable, rich in folate and other nutrients, but it should not be relied on as a main source of calcium.

## Fortified foods and fish
Many plant-based drinks and yoghurts are fortified with calcium to a level similar to cow’s milk. Check the label, because organic versions are often unfortified, and shake the carton well, as the added calcium can settle at the bottom. Some breads, breakfast cereals and orange juices are fortified as well. Tinned fish eaten with the soft bones, such as sardines and pink salmon, is another excellent source, and it provides vitamin D at the same time.

## Helping your body use calcium
Calcium is better absorbed in smaller amounts spread through the day than in one large dose. Vitamin D is essential for absorption, so consider a supplement in winter. Weight-bearing exercise such as walking, dancing and resistance training helps keep bones strong. Very high intakes of salt and caffeine may increase the amount of calcium lost in urine. Calcium supplements can be helpful for some people, but ask a doctor or pharmacist first, particularly if you have had kidney stones.

@@ skipping-breakfast | nutrition | Is skipping breakfast bad for you?
Breakfast has long been called the most important meal of the day, and many of us grew up being told never to leave the house without it. In recent years, research has painted a more mixed picture. Studies have not shown that skipping breakfast causes weight gain in healthy adults, and some people simply feel better eating later. What you eat across the whole day matters more than the exact time of your first meal.

## What the research shows
Early studies found that breakfast eaters were slimmer and healthier, but these studies could not prove cause and effect, because breakfast eaters also tended to smoke less and exercise more. Randomised trials, in which people were asked to eat or skip breakfast, found little difference in weight. People who skip breakfast do not always make up the calories later. On the other hand, a good breakfast can make it easier to concentrate and to resist sugary snacks mid-morning.

## Who benefits from breakfast
Some groups do particularly well with a morning meal. Children and teenagers need regular energy to concentrate at school and to grow, and they often struggle to get enough nutrients without breakfast. People with diabetes who take insulin or certain tablets may need to eat at regular times to avoid low blood sugar. Athletes training in the morning, pregnant women and anyone who feels faint or irritable without food should not skip it.

## Making it a good one
If you do eat breakfast, its quality matters most. A bowl of sugary cereal or a pastry gives a quick rise in blood sugar followed by a slump. Better choices combine fibre and protein, for example porridge with fruit and nuts, wholegrain toast with eggs, or plain yoghurt with berries and seeds. If you are not hungry first thing, it is fine to pack something simple and eat it an hour or two later at your desk.

@@ cutting-down-salt | nutrition | Cutting down on salt without losing flavour
Salt is made of sodium and chloride, and a small amount is essential for nerves, muscles and the balance of fluids in the body. Most adults, however, eat far more than they need, often around nine grams a day against a recommended maximum of six. Eating too much salt raises blood pressure, which is a leading cause of strokes and heart attacks. The good news is that taste buds adapt within a few weeks.

## Where the salt comes from
Only a small part of the salt we eat is added at the table or during cooking. About three quarters is already in everyday foods when we buy them. Bread, breakfast cereals, cheese, processed meat such as ham and bacon, ready meals, soups, sauces and savoury snacks are major sources. Because many of these do not taste particularly salty, it is easy to eat a lot without noticing. Checking food labels is the quickest way to find the biggest sources in your own diet.

## Reading labels
Many packaged foods show a colour-coded nutrition label on the front, and it is worth learning to read it. As a rough guide, more than 1.5 g of salt per 100 g is high, and 0.3 g or less is low. Some labels list sodium instead of salt; multiply the sodium figure by 2.5 to get the salt content. Comparing two brands of the same product, such as bread or pasta sauce, often reveals a surprising difference between them.

## Flavour without salt
Cooking from scratch gives you control over the seasoning, and a few tricks from restaurant kitchens make food taste lively without extra salt. Acidity, heat and fresh herbs all wake up the palate in the way that salt does. Try these swaps:

- Use herbs, spices, garlic, ginger and chilli to add depth.
- Finish dishes with lemon juice, lime or a splash of vinegar.
- Make stock from vegetables or bones instead of using stock cubes.
- Roast vegetables to bring out their natural sweetness.

Reduce salt gradually rather than all at once, for example by halving the amount you add to a recipe and taking the salt cellar off the table. After a few weeks, foods you used to enjoy may start to taste far too salty.

@@ omega-3-fats | nutrition | Fish, seeds & supplements: omega-3 fats explained
Omega-3 fatty acids are a family of polyunsaturated fats that the body cannot make in sufficient amounts, so they need to come from food. They are part of every cell membrane and are especially concentrated in the brain and the retina of the eye. There are three main types, and the differences between them explain why oily fish is so often recommended while plant sources are not a simple substitute.

## The three main types
Alpha-linolenic acid, or ALA, is found in plant foods such as flaxseed, chia seeds, walnuts and rapeseed oil. The body can convert a small amount of ALA into the other two types, EPA and DHA, but the conversion is inefficient, usually well under ten percent. EPA and DHA are found mainly in oily fish and seafood, and they are the forms linked to heart and brain health. Some algae also produce DHA, which is where fish get it from in the first place.

## How much fish to eat
Many health authorities recommend two portions of fish a week, one of which should be oily, such as salmon, trout, mackerel, sardines or herring. A portion is about 140 g once cooked. Pregnant women can and should eat oily fish, but they are advised to limit it to two portions a week and to avoid shark, swordfish and marlin, which may contain mercury. Tinned tuna does not count as oily fish because much of the oil is lost during processing.

## Are supplements worth it?
For people who eat fish regularly, supplements are usually unnecessary. Large trials have found that fish oil capsules do little to prevent heart attacks in most healthy people, although prescription doses are used for some people with very high triglycerides. Vegetarians and vegans can consider an algae-based supplement for DHA. Fish oil can interact with blood-thinning medicines, so speak to a doctor or pharmacist before starting it, and avoid fish liver oils in pregnancy because of their vitamin A content.

@@ cant-fall-asleep | sleep | Why can’t I fall asleep at night?
Lying awake for hours while the clock ticks on is one of the most frustrating experiences there is. Most adults need seven to nine hours of sleep, and difficulty getting to sleep, staying asleep or waking too early is called insomnia when it happens at least three nights a week. Short spells are very common during stressful periods. Understanding what keeps the mind awake is the first step to better nights.

## A busy mind
Worry is the most common reason people cannot switch off. When you lie down in a quiet, dark room, there is nothing to distract you from the day’s problems, and the stress hormones they release keep the brain alert. Over time, the bed itself can become linked with frustration and wakefulness. Writing down tomorrow’s tasks and worries an hour before bed, and then putting the list away, helps many people feel that the day is closed.

## Habits that work against sleep
Many everyday habits delay sleep without us realising. Caffeine stays in the body for many hours, so an afternoon coffee can still affect you at midnight. Alcohol may make you drowsy at first but disturbs sleep later in the night. Bright screens and stimulating content keep the brain engaged. Irregular bedtimes, long lie-ins at the weekend and late naps all confuse the body clock, which relies on regular signals to know when it is time to sleep.

## Your body clock
The body clock, or circadian rhythm, is set mainly by light. Bright light in the morning tells the brain that the day has started, and darkness in the evening allows it to release melatonin, the hormone that prepares you for sleep. Teenagers and young adults naturally run later, which is why they find early nights so hard. Getting outside soon after waking, even on a cloudy day, and dimming the lights in the evening are surprisingly powerful ways to shift your sleep earlier.

## What to try tonight
Sleep therapists use a handful of simple rules that retrain the brain to link bed with sleep. They feel odd at first, but most people notice a difference within two or three weeks:

- Go to bed only when you feel sleepy, not just tired.
- If you are awake for what feels like twenty minutes, get up and do something calm in dim light.
- Get up at the same time every day, whatever time you fell asleep.
- Keep the bedroom cool, dark and quiet.

If insomnia lasts for more than three months, cognitive behavioural therapy for insomnia, known as CBT-I, is the recommended treatment. It works better in the long term than sleeping tablets and is available online as well as in person.

@@ snoring-causes | sleep | What causes snoring?
Snoring is the rough, rattling sound made when air cannot flow freely through the nose and throat during sleep. As the muscles relax, the soft tissues at the back of the throat vibrate as air passes over them. Around four in ten adults snore at least sometimes, and it becomes more common with age. Snoring is often harmless, but it can disturb a partner’s sleep and occasionally signals a more serious condition.

## Common causes
Several things make snoring more likely. Being overweight adds tissue around the neck that narrows the airway. Alcohol and sleeping tablets relax the throat muscles further. A blocked nose from a cold, allergies or nasal polyps forces people to breathe through the mouth. Sleeping on your back lets the tongue fall backwards. In children, large tonsils and adenoids are the most frequent cause, and snoring children may be restless and tired during the day.

## Sleep apnoea
Obstructive sleep apnoea is a condition in which the airway closes completely for short periods during sleep, so that breathing stops for ten seconds or more, many times an hour. The brain wakes the sleeper briefly to restart breathing, often with a gasp or a snort. People with sleep apnoea usually feel exhausted during the day even after a full night in bed. Untreated, it increases the risk of high blood pressure, heart disease and road accidents, so it is important to recognise.

## What helps
Simple changes reduce snoring for many people, and they cost nothing to try. Partners are often the best judges of whether they are working, so ask for honest feedback after a week or two. Start with:

- losing weight if you are overweight;
- avoiding alcohol in the evening;
- sleeping on your side, for example with a pillow behind your back;
- treating a blocked nose, such as with a steroid spray for allergies.

See a doctor if a partner notices pauses in your breathing, or if you feel very sleepy during the day. A sleep study can diagnose apnoea, and treatment with a CPAP machine makes a dramatic difference for many people.

@@ afternoon-naps | sleep | Are afternoon naps good for you?
Feeling sleepy after lunch is perfectly normal. The body clock produces a natural dip in alertness in the early afternoon, whether or not you have eaten, which is why so many cultures have a tradition of an afternoon rest. A short nap can boost mood, alertness and memory, but the wrong kind of nap can leave you groggy and make it harder to sleep at night. Timing and length make all the difference.

## The benefits of a short nap
A nap of ten to twenty minutes keeps you in the lighter stages of sleep, so you wake feeling refreshed rather than dazed. Studies of shift workers, pilots and students have found that brief naps improve reaction time and concentration for several hours. For people who have slept badly, a short nap can reduce the risk of accidents, for example before a long drive. It is not, however, a substitute for regular, good-quality sleep at night.

## Why longer naps can backfire
After about thirty minutes, the brain moves into deep sleep. Waking from deep sleep causes sleep inertia, a heavy, confused feeling that can last half an hour or more. Long or late naps also reduce the pressure to sleep that builds up through the day, so bedtime arrives and you are wide awake. For people with insomnia, sleep specialists usually recommend avoiding naps altogether while they work on their night-time sleep.

## How to nap well
A good nap is planned rather than accidental, and a few details decide whether you wake up sharp or sluggish. Dozing off in front of the television in the evening is the least helpful kind. To get the benefits without the drawbacks:

- keep the nap to twenty minutes and set an alarm;
- nap in the early afternoon, ideally before 3 pm;
- lie down somewhere quiet and dim;
- try a coffee just before napping, since caffeine takes about twenty minutes to work.

If you find you need to nap every day despite a full night in bed, mention it to a doctor. Excessive daytime sleepiness can be a sign of sleep apnoea, anaemia, depression or other treatable conditions.

@@ night-sweats | sleep | Night sweats: common causes
Waking up with damp pyjamas and sheets is unpleasant, and it is natural to wonder what is causing it. True night sweats are episodes of heavy sweating that soak your nightclothes or bedding, even though the room is not too warm. Feeling hot under a thick duvet does not count. Night sweats have many causes, from hormonal changes to medicines, and most are not serious, although some need investigation.

## Hormones and medicines
The menopause is the most common cause in women, because falling oestrogen affects the part of the brain that controls temperature. Low blood sugar in people with diabetes can cause sweating at night, as can an overactive thyroid gland. Many medicines list night sweats as a side effect, including some antidepressants, steroid tablets and hormone treatments for cancer. If you suspect a medicine, do not stop it suddenly; talk to the doctor who prescribed it first.

## Infections and other causes
Any infection with a fever can cause sweating as the temperature rises and falls, and in this case the sweats stop when the infection clears. Anxiety, alcohol and caffeine late in the evening are frequent everyday triggers. Less commonly, persistent night sweats are linked to infections such as tuberculosis or to certain cancers, particularly lymphoma. These are rare, but they explain why doctors ask careful questions about night sweats.

## When to see a doctor
Occasional sweaty nights during a cold or a heatwave are nothing to worry about. Make an appointment if night sweats happen regularly for more than a few weeks, or if they come with:

- unexplained weight loss;
- a fever or a cough that does not go away;
- swollen glands in the neck, armpit or groin;
- tiredness that is getting worse.

In the meantime, keep the bedroom cool, use light cotton bedding and nightwear, and avoid alcohol, spicy food and hot drinks before bed. A glass of cold water by the bed and a spare set of nightclothes make a sweaty night easier to manage.

@@ restless-legs | sleep | Restless legs at night
Restless legs syndrome, sometimes called Willis–Ekbom disease, causes an overwhelming urge to move the legs, usually with unpleasant sensations described as crawling, tingling, pulling or aching. The feelings appear or get worse when you are resting, especially in the evening and at night, and they ease when you walk or stretch. Because it strikes at bedtime, restless legs is an important cause of poor sleep.

## Who gets it and why
Restless legs syndrome affects around one in twenty adults to some degree and is more common in women and in older people. It often runs in families. In many cases no cause is found, but the condition is linked to low iron stores in the brain, which affect dopamine, a chemical messenger involved in movement. It is also common in pregnancy, especially in the last three months, and in people with kidney failure, diabetes or nerve damage.

## How it differs from cramps
Restless legs are often confused with [leg cramps](/articles/leg-cramps-women.html), but the two feel quite different. A cramp is a sudden, painful tightening of a muscle that you can see and feel as a hard knot, and it is eased by stretching the muscle. Restless legs cause an uncomfortable **urge to move** rather than a tight muscle, and the relief from moving lasts only as long as the movement. Describing the feeling clearly helps your doctor tell them apart.

## Steps that help
Mild symptoms often improve with changes to daily routine, and it is worth trying these for a few weeks before turning to medicines. Keeping a note of good and bad nights shows which changes help. Many people find relief from:

- a regular sleep routine and moderate daily exercise;
- cutting down on caffeine, alcohol and smoking;
- a warm bath and a leg massage before bed;
- activities that keep the mind busy during long journeys or meetings.

A blood test for ferritin is worthwhile, because iron supplements help when stores are low. Some antidepressants, antihistamines and anti-sickness drugs can make symptoms worse. When symptoms are severe, a doctor may suggest medicines that act on nerve signals.

@@ shift-work-sleep | sleep | Sleeping well when you work shifts
Around one in five workers does some form of shift work, from nurses and factory staff to drivers and security guards. Working at night asks the body to be awake when its internal clock expects sleep, and to sleep when daylight and household noise say it is time to be active. Shift workers often get one to four hours less sleep than day workers, but careful planning can protect both sleep and health.

## Protecting your daytime sleep
Treat your sleep as a fixed appointment and let family and friends know when you must not be disturbed. Blackout blinds or an eye mask make a bedroom dark enough for daytime sleep, and earplugs or a fan can mask household and traffic noise. Wear sunglasses on the way home after a night shift, because bright morning light tells the brain that the day has begun. Going to bed soon after you get home usually works better than staying up first.

## Staying alert at work
A short nap before a night shift, of twenty to thirty minutes, improves alertness through the early hours. Bright light at the start of a shift helps the body adjust. Caffeine is useful in moderation, but avoid it during the last few hours of a shift so that you can sleep afterwards. The hours between about 3 and 5 am are when alertness is lowest and mistakes are most likely, so plan demanding tasks for other times if you can.

## Looking after your health
Long-term shift work is linked to weight gain, digestive problems and a higher risk of type 2 diabetes and heart disease. Regular meals, rather than grazing on snacks during the night, help the gut and blood sugar. Plan healthy food to take to work, and keep a light meal for the middle of the shift. Try to stay active and keep in touch with friends, since social isolation is common among night workers.

## Getting home safely
The drive home after a night shift is one of the riskiest parts of the working day. Drowsiness slows reactions as much as alcohol does, and micro-sleeps of a few seconds can happen without warning. If you feel your eyes closing, pull over somewhere safe, drink a coffee and nap for fifteen minutes before continuing. Where possible, share lifts, use public transport or ask your employer about rest facilities before the journey home.

## Switching between shifts
Rotating rosters are the hardest on the body clock, because it can only shift by about an hour a day. Schedules that rotate forwards, from mornings to afternoons to nights, are easier to adjust to than those that run backwards. Before a block of night shifts, going to bed and getting up a little later for a day or two softens the change. On your first day off, a short morning sleep followed by an early night helps you rejoin the daytime world.

## Family and social life
Shift work affects everyone at home, not only the person on the roster. A shared calendar on the fridge helps the household plan quiet hours, meals together and time with children. Protect at least one regular meal or activity each week that everyone can count on. Partners of shift workers often carry extra responsibilities, so talking openly about tiredness and workload prevents resentment from building up. Many workplaces also offer support or flexible rostering if you ask.

"""  # noqa: E501 (one paragraph per line)


if __name__ == "__main__":
    sys.exit(main())
