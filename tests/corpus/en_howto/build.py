"""en_howto: how-to pages, steps with a bold instruction, methods and parts.

    python tests/corpus/en_howto/build.py

Three page styles a health how-to site uses:

- wikiHow-like (``stop-a-leg-cramp.html``, ``ease-night-cramps.html``): an intro, then
  one ``div.section.steps`` per method ("Method 1 ..." in an <h3> whose label and name
  are separate elements) or part ("Part 1 of 2"), each an ``<ol>`` of steps: a step
  number box, ``<b class="whb">instruction.</b>`` explanation, a nested tip list; then
  Tips and Warnings sections; a table of contents, a co-author byline, an expert Q&A
  teaser, references, "Did this article help you?", related how-tos, sidebar, footer;
  a JSON-LD MedicalWebPage with reviewedBy and lastReviewed.
- eHow-like (``calf-stretch-routine.html``): "Things You'll Need", then "Step 1" ... in
  <h3>s, each followed by a paragraph opening with a bold instruction.
- a blog post (``cramp-first-aid.html``): intro, an <ol> of steps with <strong> leads,
  a closing paragraph.

Expected sections follow cleaning/extractor/howto.py: a method or part is a section
numbered by the page (its text what precedes its first step), its steps are sections
numbered from 1, other headings are unnumbered sections.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from handlib import esc, ftext, metadata, words_date, write_template  # noqa: E402

BASE = "https://www.howto-health.test/"

WIKI_BOILER = [
    "Co-authored by",
    "Last Updated:",
    "Expert Q&A",
    "Did this article help you?",
    "Related Articles",
    "References",
    "About This Article",
    "Featured Articles",
    "Trending Articles",
    "Log in",
    "Thanks to all authors for creating a page",
    "Cookie settings",
    "How to Relieve Calf Pain",
    "Jump to section",
    "Medically reviewed by",
]

# What each wikiHow-like page states about itself: a JSON-LD MedicalWebPage (dates,
# author, reviewedBy, lastReviewed, description, image), the visible co-author, reviewer
# and "Last Updated" lines, and its own References list (linked and unlinked entries).
WIKI_INFO = {
    "Stop-a-Leg-Cramp": {
        "published": "2019-08-14", "modified": "2024-03-05", "reviewed": "2024-02-27",
        "author": "Dana Whitfield, PT, DPT", "reviewer": "Marcus Lee, MD",
        "desc": "A leg cramp can stop you in your tracks. Stretch, massage and warm the muscle to make it pass faster, and learn how to keep cramps from coming back.",
        "refs": [
            '<a class="external free" href="https://www.research-health.test/cramps" rel="nofollow">https://www.research-health.test/cramps</a>',
            '<a class="external text" href="https://www.research-health.test/night-cramps" rel="nofollow">Leg cramps at night: causes and treatment</a>',
            "Allen RE, Kirby KA. Nocturnal leg cramps. Am Fam Physician. 2012;86(4):350-355.",
        ],
    },
    "Ease-Night-Leg-Cramps": {
        "published": "2020-11-02", "modified": "2024-01-22", "reviewed": "2024-01-15",
        "author": "Dana Whitfield, PT, DPT", "reviewer": "Priya Natarajan, MD",
        "desc": "Night leg cramps wake you with a locked calf or foot. What to do in the moment, and the evening habits that make the next cramp less likely.",
        "refs": [
            '<a class="external free" href="https://www.research-health.test/night-cramps" rel="nofollow">https://www.research-health.test/night-cramps</a>',
            "Hallegraeff J, de Greef M, Krijnen W, van der Schans C. Criteria in diagnosing nocturnal leg cramps: a systematic review. BMC Fam Pract. 2017;18:29.",
            '<a class="external text" href="https://www.sleep-clinic.test/leg-cramps" rel="nofollow">Sleep-related leg cramps</a>',
        ],
    },
}


def wiki_image(slug: str) -> str:
    return f"{BASE}images/thumb/{slug}.jpg"


def wiki_meta(slug: str) -> dict:
    info = WIKI_INFO[slug]
    return metadata(
        BASE + slug,
        published=info["published"],
        modified=info["modified"],
        reviewed=info["reviewed"],
        authors=[info["author"]],
        reviewers=[info["reviewer"]],
        description=info["desc"],
        image=wiki_image(slug),
        references=info["refs"],
    )


def wiki_json_ld(title: str, slug: str) -> str:
    info = WIKI_INFO[slug]
    item = {
        "@context": "http://schema.test", "@type": "MedicalWebPage", "name": f"How to {title}",
        "url": BASE + slug, "description": info["desc"],
        "image": {"@type": "ImageObject", "url": wiki_image(slug), "width": 728, "height": 546},
        "datePublished": info["published"], "dateModified": info["modified"],
        "lastReviewed": info["reviewed"],
        "author": {"@type": "Person", "name": info["author"], "url": f"{BASE}Author/Dana-Whitfield"},
        "reviewedBy": {"@type": "Person", "name": info["reviewer"]},
        "publisher": {"@type": "Organization", "name": "HowTo Health", "url": BASE},
    }
    return json.dumps(item, ensure_ascii=False)

# (method name, intro of the method or "", steps: (instruction, explanation, tips))
CRAMP_METHODS = [
    (
        "Stretching the Muscle",
        "",
        [
            (
                "Stand facing a wall.",
                "Place both hands flat on the wall at shoulder height and step the cramping leg back about two feet, keeping the heel on the floor.",
                ["If you are in bed, sit up and straighten the leg instead."],
            ),
            (
                "Lean into the wall slowly.",
                "Bend the front knee until you feel a steady pull along the back of the rear calf, and hold the position for 30 seconds while breathing slowly.",
                [],
            ),
            (
                "Flex your foot toward your shin.",
                "Pull your toes up with your hand or a towel looped around the ball of the foot, which stretches the calf from the other end of the muscle.",
                ["Do not point your toes: that shortens the muscle and can bring the cramp back."],
            ),
        ],
    ),
    (
        "Using Heat and Massage",
        "Once the worst of the spasm has passed, warmth and pressure help the muscle relax for good.",
        [
            (
                "Knead the muscle with both hands.",
                "Work from the ankle up toward the knee with firm, slow strokes for two or three minutes, easing off if it hurts.",
                [],
            ),
            (
                "Apply a warm towel or heating pad.",
                "Keep the heat on the calf for 15 to 20 minutes; a warm shower aimed at the leg works too.",
                ["Never fall asleep on a heating pad."],
            ),
        ],
    ),
]
CRAMP_TIPS = [
    "Drink a glass of water before bed if you often wake with cramps.",
    "Stretch your calves for a few minutes every evening.",
]
CRAMP_WARNINGS = [
    "See a doctor if cramps come with swelling, redness or numbness, or if they happen every night.",
]

NIGHT_PARTS = [
    (
        "Getting Relief in the Moment",
        "",
        [
            (
                "Get out of bed and stand up.",
                "Putting your weight on the cramping leg presses the heel down and stretches the calf, which often stops the spasm within a minute.",
                [],
            ),
            (
                "Walk around the room on your heels.",
                "Lift your toes off the floor as you walk; the movement keeps the calf stretched and gets the blood flowing again.",
                [],
            ),
        ],
    ),
    (
        "Preventing the Next Cramp",
        "Most night cramps can be avoided with a few habits.",
        [
            (
                "Loosen the bed covers.",
                "Tight sheets hold the feet pointed all night, a position that leaves the calf muscles short and ready to cramp.",
                [],
            ),
            (
                "Do a calf stretch before sleep.",
                "Three 30-second stretches against a wall just before bed cut the number of night cramps for many people.",
                ["Make it part of your routine, like brushing your teeth."],
            ),
            (
                "Talk to your pharmacist about your medicines.",
                "Some blood pressure and cholesterol drugs make cramps more likely, and a change of dose or drug can help.",
                [],
            ),
        ],
    ),
]


def wiki_step(n: int, instruction: str, explanation: str, tips: list[str]) -> str:
    tip_list = "".join(f"<li>{esc(t)}</li>" for t in tips)
    return (
        f'<li id="step-id-{n:02d}"><div class="mwimg largeimage"><a href="/Image:Step-{n}.jpg">'
        f'<img src="/images/step-{n}.jpg" alt=""></a></div>'
        f'<div class="step_num" aria-label="Step {n}">{n}</div>'
        f'<div class="step"><b class="whb">{esc(instruction)}</b> {esc(explanation)}'
        + (f"<ul>{tip_list}</ul>" if tips else "")
        + '</div><div class="clearall"></div></li>'
    )


def wiki_page(title: str, slug: str, intro: list[str], groups, label: str, tips, warnings) -> str:
    toc = "".join(
        f'<a href="#{esc(name.replace(" ", "_"))}" class="toc_link">{label} {i + 1} {esc(name)}</a>'
        for i, (name, _, _) in enumerate(groups)
    )
    sections = []
    for i, (name, method_intro, steps) in enumerate(groups):
        counter = f"{i + 1}" + (f" of {len(groups)}" if label == "Part" else "")
        steps_html = "".join(wiki_step(n + 1, *step) for n, step in enumerate(steps))
        sections.append(
            f'<div class="section steps{" steps_first" if i == 0 else ""}" id="steps_{i + 1}">'
            f'<div class="headline_info"><h3><div class="altblock"><span class="method_label">'
            f"{label}</span> <span>{counter}</span></div> "
            f'<span class="mw-headline" id="{esc(name.replace(" ", "_"))}">{esc(name)}</span>'
            f'</h3></div><div class="section_text">'
            + (f"<p>{esc(method_intro)}</p>" if method_intro else "")
            + f'<ol class="steps_list_2">{steps_html}</ol></div></div>'
        )
    info = WIKI_INFO[slug]
    refs_html = "\n".join(f"<li>{r}</li>" for r in info["refs"])
    tips_html = "".join(f"<li>{esc(t)}</li>" for t in tips)
    warn_html = "".join(f"<li>{esc(t)}</li>" for t in warnings)
    intro_html = "".join(f"<p>{esc(p)}</p>" for p in intro)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>How to {esc(title)}: {sum(len(g[2]) for g in groups)} Steps (with Pictures) - HowTo Health</title>
<link rel="canonical" href="{BASE}{slug}">
<meta name="description" content="{esc(info["desc"])}">
<meta property="og:title" content="How to {esc(title)}">
<script type="application/ld+json">{wiki_json_ld(title, slug)}</script>
</head>
<body class="mediawiki ltr ns-0">
<div id="header_container"><div id="header"><a href="/" class="logo_link" id="logo_link">HowTo Health</a>
<form id="hs" action="/search"><input type="text" name="q" placeholder="Search"><button>Search</button></form>
<div id="header_nav"><a href="/Special:CategoryListing">Browse Categories</a> <a href="/Special:UserLogin">Log in</a></div></div></div>
<div id="main_container"><div id="main">
<div id="bodycontents">
<div class="wh_block"><div id="intro" class="section intro">
<h1 id="section_0" class="title_lg"><a href="/{slug}">How to {esc(title)}</a></h1>
<div id="coauthor_byline"><div class="coauthor_text">Co-authored by <a href="/Author/Dana-Whitfield">{esc(info["author"])}</a></div>
<div class="coauthor_reviewer">Medically reviewed by <a href="/Author/{info["reviewer"].split(",")[0].replace(" ", "-")}">{esc(info["reviewer"])}</a></div>
<div class="coauthor_date">Last Updated: {words_date(info["modified"])}</div></div>
<div id="mf-section-0" class="mf-section-0">{intro_html}</div></div>
<div id="method_toc" class="toc"><span>Jump to section</span> {toc} <a href="#Tips" class="toc_link">Tips</a> <a href="#Warnings" class="toc_link">Warnings</a></div>
{"".join(sections)}
<div id="qa" class="section qa"><h3><span class="mw-headline" id="Expert_Q&amp;A">Expert Q&amp;A</span></h3>
<div class="section_text"><div class="qa_teaser"><a href="/{slug}#qa">See all answers from our physical therapists</a></div></div></div>
<div id="tips" class="section tips"><h3><span class="mw-headline" id="Tips">Tips</span></h3>
<div class="section_text"><ul>{tips_html}</ul></div></div>
<div id="warnings" class="section warnings"><h3><span class="mw-headline" id="Warnings">Warnings</span></h3>
<div class="section_text"><ul>{warn_html}</ul></div></div>
<div id="references" class="section sourcesandcitations"><h3><span class="mw-headline" id="References">References</span></h3>
<div class="section_text"><ol class="references">{refs_html}</ol></div></div>
<div id="article_info" class="section article_info"><h3>About This Article</h3>
<p class="sp_info">Thanks to all authors for creating a page that has been read 248,311 times.</p></div>
<div id="helpful" class="section helpful"><h3>Did this article help you?</h3><button>Yes</button><button>No</button></div>
<div id="relatedwikihows" class="section related"><h3><span class="mw-headline">Related Articles</span></h3>
<div class="related-article"><a href="/Relieve-Calf-Pain">How to Relieve Calf Pain</a></div>
<div class="related-article"><a href="/Stretch-Your-Hamstrings">How to Stretch Your Hamstrings</a></div>
<div class="related-article"><a href="/Prevent-Muscle-Cramps">How to Prevent Muscle Cramps</a></div></div>
</div></div>
<div id="sidebar"><div class="sidebox"><h3>Featured Articles</h3><ul>
<li><a href="/Sleep-Better">How to Sleep Better</a></li><li><a href="/Drink-More-Water">How to Drink More Water</a></li></ul></div>
<div class="sidebox"><h3>Trending Articles</h3><ul><li><a href="/Ease-Back-Pain">How to Ease Back Pain</a></li></ul></div></div>
</div></div>
<div id="footer"><div id="footer_links"><a href="/About">About HowTo Health</a> <a href="/Terms">Terms of Use</a> <a href="/Privacy">Privacy</a> <a href="#" class="cookie_settings">Cookie settings</a></div>
<p>All text shared under a Creative Commons License.</p></div>
</body></html>"""


def reads(intro: list[str], lines: list[tuple[str, str]]) -> str:
    """The record's text: the intro, then each section's line as the page shows it
    and its text (see cleaning/extractor/howto.py)."""
    pieces = list(intro)
    for line, text in lines:
        pieces += [line] + ([text] if text else [])
    return "\n\n".join(pieces)


def wiki_expected(slug: str, title: str, intro: list[str], groups, label: str, tips, warnings) -> dict:
    sections, lines = [], []
    for i, (name, method_intro, steps) in enumerate(groups):
        counter = f"{i + 1}" + (f" of {len(groups)}" if label == "Part" else "")
        sections.append({"number": i + 1, "heading": name, "text": method_intro})
        lines.append((f"{label} {counter} {name}", method_intro))
        for n, (instruction, explanation, step_tips) in enumerate(steps):
            text = "\n\n".join([explanation, *(["\n".join(step_tips)] if step_tips else [])])
            sections.append({"number": n + 1, "heading": instruction.rstrip("."), "text": text})
            lines.append((f"{n + 1}. {instruction}", text))
    for heading, items in (("Tips", tips), ("Warnings", warnings)):
        sections.append({"number": None, "heading": heading, "text": "\n".join(items)})
        lines.append((heading, "\n".join(items)))
    return {
        "url": BASE + slug,
        "encoding": "utf-8",
        "article": True,
        "title": f"How to {title}",
        "intro": "\n\n".join(intro),
        "text": reads(intro, lines),
        "sections": sections,
        "related": [
            {"title": title, "url": BASE + href, "snippet": ""}
            for title, href in (
                ("How to Relieve Calf Pain", "Relieve-Calf-Pain"),
                ("How to Stretch Your Hamstrings", "Stretch-Your-Hamstrings"),
                ("How to Prevent Muscle Cramps", "Prevent-Muscle-Cramps"),
            )
        ],
        "prev": None,
        "next": None,
        "language": "en",
        "must_not_contain": [*WIKI_BOILER, WIKI_INFO[slug]["reviewer"], "Nocturnal leg cramps. Am Fam", "systematic review"],
        "must_contain": [groups[0][2][0][1], tips[0], warnings[0]],
        **wiki_meta(slug),
    }


EHOW_STEPS = [
    ("Warm up for five minutes.", "March in place or walk around the house so the muscles are warm before you stretch them; cold muscles tear more easily."),
    ("Do a standing calf stretch.", "Put your hands on a wall, step one foot back and press the heel down, holding for 30 seconds on each side."),
    ("Stretch the lower calf.", "From the same position, bend the back knee slightly, which moves the stretch down toward the Achilles tendon."),
    ("Finish with heel raises.", "Rise slowly onto your toes and lower yourself again ten times to strengthen the muscle you just stretched."),
]
EHOW_NEEDS = ["A wall or sturdy chair", "A towel", "Comfortable shoes"]
EHOW_AUTHOR, EHOW_UPDATED = "Sam Ortega", "2024-06-02"
EHOW_INTRO = [
    "A short calf routine done every day keeps the muscles long and supple, and people who stick with one have fewer cramps, whether they run, stand all day at work or simply sleep badly.",
    "The whole routine takes about ten minutes and needs nothing more than a wall to lean on.",
]


def ehow_page() -> str:
    steps = "".join(
        f'<section class="step"><h3 class="step-title">Step {n + 1}</h3>'
        f"<p><strong>{esc(instruction)}</strong> {esc(text)}</p></section>"
        for n, (instruction, text) in enumerate(EHOW_STEPS)
    )
    needs = "".join(f"<li>{esc(t)}</li>" for t in EHOW_NEEDS)
    intro = "".join(f"<p>{esc(p)}</p>" for p in EHOW_INTRO)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>How to Do a Calf Stretch Routine | HowTo Health</title>
<meta property="og:title" content="How to Do a Calf Stretch Routine"></head>
<body><header class="site-header"><a href="/" class="logo">HowTo Health</a>
<nav><ul><li><a href="/fitness">Fitness</a></li><li><a href="/sleep">Sleep</a></li><li><a href="/pain">Pain</a></li></ul></nav></header>
<main><article class="howto">
<h1>How to Do a Calf Stretch Routine</h1>
<div class="byline">By <a href="/authors/sam-ortega">{EHOW_AUTHOR}</a> · Updated {words_date(EHOW_UPDATED)}</div>
{intro}
<div class="things-needed"><h2>Things You'll Need</h2><ul>{needs}</ul></div>
<div class="steps">{steps}</div>
<div class="share-tools"><span>Share this article:</span> <a href="https://twitter.test/share">Twitter</a> <a href="https://facebook.test/share">Facebook</a></div>
</article>
<aside class="related"><h2>Related Articles</h2>
<div class="card"><a href="/how-to-relieve-shin-splints"><h4>How to Relieve Shin Splints</h4></a><p>Shin splints ease with rest, ice and a gradual return to...</p></div>
<div class="card"><a href="/how-to-stretch-your-feet"><h4>How to Stretch Your Feet</h4></a><p>Tight feet pull on the calves; these five stretches...</p></div></aside>
</main>
<footer><p>© 2024 HowTo Health. All rights reserved.</p></footer></body></html>"""


def ehow_expected() -> dict:
    sections = [{"number": None, "heading": "Things You'll Need", "text": "\n".join(EHOW_NEEDS)}]
    sections += [
        {"number": n + 1, "heading": instruction.rstrip("."), "text": text}
        for n, (instruction, text) in enumerate(EHOW_STEPS)
    ]
    return {
        "url": BASE + "calf-stretch-routine.html",
        "encoding": "utf-8",
        "article": True,
        "title": "How to Do a Calf Stretch Routine",
        "intro": "\n\n".join(EHOW_INTRO),
        "text": reads(
            EHOW_INTRO,
            [("Things You'll Need", "\n".join(EHOW_NEEDS))]
            + [(f"Step {n + 1}: {i}", t) for n, (i, t) in enumerate(EHOW_STEPS)],
        ),
        "sections": sections,
        "related": [
            {"title": "How to Relieve Shin Splints", "url": BASE + "how-to-relieve-shin-splints", "snippet": "Shin splints ease with rest, ice and a gradual return to..."},
            {"title": "How to Stretch Your Feet", "url": BASE + "how-to-stretch-your-feet", "snippet": "Tight feet pull on the calves; these five stretches..."},
        ],
        "prev": None,
        "next": None,
        "language": "en",
        "must_not_contain": ["Share this article", "Sam Ortega", "All rights reserved", "Related Articles"],
        "must_contain": [EHOW_STEPS[0][1], EHOW_NEEDS[0]],
        # the byline and its "Updated" date, nothing more
        **metadata(BASE + "calf-stretch-routine.html", modified=EHOW_UPDATED, authors=[EHOW_AUTHOR]),
    }


BLOG_STEPS = [
    ("Stop what you are doing.", "Sit or lie down somewhere safe; trying to walk or drive through a strong cramp can make you fall."),
    ("Straighten the leg.", "Keep the knee straight and gently pull the toes toward you until you feel the calf lengthen."),
    ("Rub the muscle.", "Firm circles with your palm or thumbs help the knotted fibres let go."),
    ("Drink some water.", "A glass of water, or a sports drink after heavy sweating, replaces the fluid and salts the muscle needs."),
]
BLOG_INTRO = [
    "A calf cramp always seems to strike at the worst moment: in the middle of a swim, on a long drive, or at three in the morning. The pain is sharp, but a cramp is rarely dangerous, and you can usually stop it in a minute or two.",
    "Here is what our physiotherapist recommends doing the moment the muscle seizes.",
]
BLOG_POSTED = "2024-04-11"
BLOG_OUTRO = "If the calf is still sore the next day, a warm bath and some gentle walking usually settle it."


def blog_page() -> str:
    steps = "".join(f"<li><strong>{esc(i)}</strong> {esc(t)}</li>" for i, t in BLOG_STEPS)
    intro = "".join(f"<p>{esc(p)}</p>" for p in BLOG_INTRO)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Cramp first aid: four steps to stop a calf cramp - Move Well Blog</title></head>
<body><div id="page"><header id="masthead" class="site-header"><p class="site-title"><a href="/">Move Well Blog</a></p>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu"><li><a href="/">Home</a></li><li><a href="/category/injuries/">Injuries</a></li><li><a href="/contact/">Contact</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article class="post type-post status-publish hentry"><header class="entry-header"><h1 class="entry-title">Cramp first aid: four steps to stop a calf cramp</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time datetime="{BLOG_POSTED}">{words_date(BLOG_POSTED)}</time></span></div></header>
<div class="entry-content">{intro}<ol>{steps}</ol><p>{esc(BLOG_OUTRO)}</p></div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/injuries/">Injuries</a></span></footer></article>
<nav class="navigation post-navigation"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links">
<div class="nav-previous"><a href="/2024/04/04/shin-splints/" rel="prev"><span class="meta-nav">Previous Post</span> <span class="post-title">What to do about shin splints</span></a></div>
<div class="nav-next"><a href="/2024/04/18/hamstring-stretch/" rel="next"><span class="meta-nav">Next Post</span> <span class="post-title">The one hamstring stretch you need</span></a></div></div></nav>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul><li><a href="/2024/04/18/hamstring-stretch/">The one hamstring stretch you need</a></li></ul></section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">© 2024 Move Well Blog · Proudly powered by WordPress</div></footer></div></body></html>"""


def blog_expected() -> dict:
    sections = [
        {"number": n + 1, "heading": i.rstrip("."), "text": t + ("\n\n" + BLOG_OUTRO if n == len(BLOG_STEPS) - 1 else "")}
        for n, (i, t) in enumerate(BLOG_STEPS)
    ]
    return {
        "url": BASE + "2024/04/11/cramp-first-aid/",
        "encoding": "utf-8",
        "article": True,
        "title": "Cramp first aid: four steps to stop a calf cramp",
        "intro": "\n\n".join(BLOG_INTRO),
        "text": reads(BLOG_INTRO, [(f"{n + 1}. {i}", s["text"]) for n, ((i, _), s) in enumerate(zip(BLOG_STEPS, sections, strict=True))]),
        "sections": sections,
        "related": [],
        "prev": {"title": "What to do about shin splints", "url": BASE + "2024/04/04/shin-splints/"},
        "next": {"title": "The one hamstring stretch you need", "url": BASE + "2024/04/18/hamstring-stretch/"},
        "language": "en",
        "must_not_contain": ["Posted on", "Previous Post", "Recent Posts", "Proudly powered by WordPress"],
        "must_contain": [BLOG_STEPS[1][1], BLOG_OUTRO],
        # the <time> of "Posted on"; no byline, no breadcrumb ("Posted in" is not one)
        **metadata(BASE + "2024/04/11/cramp-first-aid/", published=BLOG_POSTED),
    }


def main() -> None:
    cramp_intro = [
        "A leg cramp is a sudden, involuntary tightening of a muscle, most often in the calf. It can be painful enough to wake you from deep sleep or stop you in the middle of a run, and it may leave the muscle sore for a day afterwards.",
        "Most cramps pass on their own within a few minutes, but stretching, massage and warmth make them pass faster and help keep them from coming back.",
    ]
    night_intro = [
        "Night cramps wake thousands of people every night, most of them over fifty. The calf or foot suddenly locks, and the pain can be intense even though the cramp itself does no harm.",
        "This guide covers what to do in the moment and the habits that make the next cramp less likely.",
    ]
    pages = {
        "stop-a-leg-cramp.html": (
            wiki_page("Stop a Leg Cramp", "Stop-a-Leg-Cramp", cramp_intro, CRAMP_METHODS, "Method", CRAMP_TIPS, CRAMP_WARNINGS),
            wiki_expected("Stop-a-Leg-Cramp", "Stop a Leg Cramp", cramp_intro, CRAMP_METHODS, "Method", CRAMP_TIPS, CRAMP_WARNINGS),
        ),
        "ease-night-cramps.html": (
            wiki_page("Ease Night Leg Cramps", "Ease-Night-Leg-Cramps", night_intro, NIGHT_PARTS, "Part", CRAMP_TIPS, CRAMP_WARNINGS),
            wiki_expected("Ease-Night-Leg-Cramps", "Ease Night Leg Cramps", night_intro, NIGHT_PARTS, "Part", CRAMP_TIPS, CRAMP_WARNINGS),
        ),
        "calf-stretch-routine.html": (ehow_page(), ehow_expected()),
        "cramp-first-aid.html": (blog_page(), blog_expected()),
    }
    for _name, (_page, entry) in pages.items():
        for section in entry["sections"]:
            section["heading"] = ftext(section["heading"])
    write_template(HERE, pages)


if __name__ == "__main__":
    main()
