"""A test set for near duplicates: real articles syndicated to other sites' templates
with small edits, beside distinct articles on the same topics.

Each source is the hand-checked main text of a real page of the shared benchmark
(``bench/pages/ground-truth.json``: news, blogs and reports in several languages). It
is published ``copies`` times, each copy in another site's template (its own menu,
related links, share bar, footer) and with its own edits, chosen at random up to
``max_edit`` of its words: sentences dropped, a syndication line added, words
replaced, a paragraph moved, typography changed. Copies of one source are the
near-duplicate pairs. The distinct articles are the demo site's and the generated
corpus templates' health articles: many on one topic, sharing a site's phrasing,
none a copy of another.

The split of the sources is the benchmark's own split by site (``bench/split.json``):
parameters are chosen on ``tune``, the figures quoted are those of ``validate``.
"""

from __future__ import annotations

import html
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GROUND_TRUTH = REPO / "bench" / "pages" / "ground-truth.json"
SPLIT = REPO / "bench" / "split.json"
SAME_TOPIC_PAGES = sorted((REPO / "data" / "demo_site" / "articles").glob("*.html")) + sorted(
    (REPO / "tests" / "corpus").glob("gen_*/*.html")
)
MIN_WORDS = 150  # shorter bodies are not articles a syndicate would copy

_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+")
_WORD = re.compile(r"\w+", re.UNICODE)
_REPLACEMENTS = (
    "reportedly",
    "officials",
    "recently",
    "important",
    "several",
    "local",
    "new",
    "major",
    "according",
    "experts",
    "early",
    "latest",
    "public",
    "national",
)
_CREDITS = (
    "This article first appeared on {site} and is republished with permission.",
    "Originally published by {site}. Reprinted under a content partnership.",
    "Copyright {site}. Distributed by a news syndicate.",
    "Read the original story on {site}.",
)
_TEMPLATES = ("portal", "blog", "news", "magazine")


@dataclass(frozen=True)
class SetPage:
    """One page of the set: its file name, HTML, and the source it copies (None:
    a distinct article)."""

    name: str
    html: str
    source: str | None


def source_texts(part: str) -> dict[str, str]:
    """The benchmark texts of one part of the split (``tune`` or ``validate``)."""
    truth = json.loads(GROUND_TRUTH.read_text(encoding="utf-8"))
    keys = json.loads(SPLIT.read_text(encoding="utf-8"))["benchmark"][part]
    texts = {key: truth[key]["articleBody"] for key in keys if key in truth}
    return {k: t for k, t in texts.items() if len(_WORD.findall(t)) >= MIN_WORDS}


def edit(text: str, rng: random.Random, max_edit: float, site: str) -> str:
    """The text with edits touching at most ``max_edit`` of its words."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    total = max(1, len(_WORD.findall(text)))
    budget = int(total * rng.uniform(0.0, max_edit))
    spent = 0
    operations = ["drop_sentence", "replace_word", "replace_word", "credit", "typography"]
    for _ in range(200):
        if spent >= budget:
            break
        operation = rng.choice(operations)
        at = rng.randrange(len(paragraphs))
        if operation == "drop_sentence":
            sentences = _SENTENCE_END.split(paragraphs[at])
            if len(sentences) < 2:
                continue
            gone = sentences.pop(rng.randrange(len(sentences)))
            cost = len(_WORD.findall(gone))
            if spent + cost > budget:
                continue
            paragraphs[at] = " ".join(sentences)
            spent += cost
        elif operation == "replace_word":
            words = paragraphs[at].split(" ")
            i = rng.randrange(len(words))
            words[i] = rng.choice(_REPLACEMENTS)
            paragraphs[at] = " ".join(words)
            spent += 1
        elif operation == "credit":
            line = rng.choice(_CREDITS).format(site=site)
            cost = len(_WORD.findall(line))
            if spent + cost > budget:
                continue
            paragraphs.append(line)
            operations.remove("credit")  # once
            spent += cost
        else:  # no word changes: quotes and dashes of another house style
            paragraphs[at] = (
                paragraphs[at]
                .replace("’", "'")
                .replace("“", '"')
                .replace("”", '"')
                .replace(" – ", " - ")
            )
    if len(paragraphs) > 3 and rng.random() < 0.3:  # an editor moves a paragraph
        paragraphs.insert(rng.randrange(1, len(paragraphs)), paragraphs.pop(-1))
    return "\n".join(paragraphs)


def page_html(title: str, text: str, template: str, site: str, rng: random.Random) -> str:
    """An article page of one of four site templates, with its boilerplate."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
    menu = "".join(
        f'<li><a href="/{w.lower()}/">{w}</a></li>'
        for w in ("Home", "World", "Health", "Science", "Opinion", "Video")
    )
    related = "".join(
        f'<li><a href="/story/{rng.randrange(10**6)}.html">{w}</a></li>'
        for w in (
            "More from our partners",
            "Most read today",
            "You may also like",
            "Editors' picks",
        )
    )
    heads = {
        "portal": f'<div id="top"><a href="/">{site}</a><ul class="nav">{menu}</ul></div>',
        "blog": f'<header class="site-header"><h2>{site} blog</h2><nav>{menu}</nav></header>',
        "news": f'<div class="masthead">{site}</div><nav class="menu"><ul>{menu}</ul></nav>',
        "magazine": f'<header><a class="logo" href="/">{site}</a></header><nav>{menu}</nav>',
    }
    article = {
        "portal": f'<div class="content"><h1>{html.escape(title)}</h1>{body}</div>',
        "blog": f'<article class="post"><h1 class="entry-title">{html.escape(title)}</h1>'
        f'<div class="entry-content">{body}</div></article>',
        "news": f'<main><article><h1>{html.escape(title)}</h1><div class="story-body">{body}'
        "</div></article></main>",
        "magazine": f'<div id="main"><h1>{html.escape(title)}</h1><div class="article-text">'
        f"{body}</div></div>",
    }
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)} | "
        f"{site}</title></head><body>{heads[template]}{article[template]}"
        f'<aside class="related"><h3>Related</h3><ul>{related}</ul></aside>'
        f'<div class="share">Share this: Facebook Twitter Email</div>'
        f'<footer>© 2026 {site}. All rights reserved. <a href="/privacy">Privacy</a> '
        '<a href="/terms">Terms</a></footer></body></html>'
    )


def build(part: str, copies: int = 4, max_edit: float = 0.10, seed: int = 7) -> list[SetPage]:
    """The set of one part: ``copies`` edited copies of each source text, and the
    distinct same-topic articles (the same for both parts)."""
    rng = random.Random(f"{seed}-{part}")
    pages: list[SetPage] = []
    for key, text in sorted(source_texts(part).items()):
        title = _WORD.findall(text)[:8]
        for copy in range(copies):
            site = f"site{copy}.example"
            edited = edit(text, rng, max_edit, site)
            template = _TEMPLATES[copy % len(_TEMPLATES)]
            document = page_html(" ".join(title), edited, template, site, rng)
            pages.append(SetPage(f"{key[:12]}-{copy}.html", document, key))
    for path in SAME_TOPIC_PAGES:
        raw = path.read_bytes().decode("utf-8", "replace")
        pages.append(SetPage(f"topic-{path.parent.name}-{path.stem}.html", raw, None))
    return pages


def write(pages: list[SetPage], folder: Path) -> dict[str, str | None]:
    """The pages as files in ``folder``; file name -> source (None: distinct)."""
    folder.mkdir(parents=True, exist_ok=True)
    truth: dict[str, str | None] = {}
    for page in pages:
        (folder / page.name).write_text(page.html, encoding="utf-8")
        truth[page.name] = page.source
    return truth


def pair_scores(
    clusters: dict[str, str], truth: dict[str, str | None]
) -> tuple[float, float, int, int]:
    """Pair precision and recall of predicted clusters (file -> cluster key) against
    the true sources; also the true and predicted pair counts."""
    names = sorted(set(clusters) & set(truth))
    true_pairs = predicted = both = 0
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            same_source = truth[first] is not None and truth[first] == truth[second]
            same_cluster = clusters[first] == clusters[second]
            true_pairs += same_source
            predicted += same_cluster
            both += same_source and same_cluster
    precision = both / predicted if predicted else 1.0
    recall = both / true_pairs if true_pairs else 1.0
    return precision, recall, true_pairs, predicted
