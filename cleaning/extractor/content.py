"""Choosing the article's blocks among the page's: where the main text is.

Two stages. First readability's idea, on our block list: every paragraph-like block
votes for the container that holds it (fully for its parent, half for the grandparent,
a third above), weighted by its length and commas; the best container, less its link
density, is the article. Siblings that carry more article-like text join it (a lead
paragraph in its own ``<div>``), and within that region each block is checked against
the boilerplate rules, each a named reason. That rule-based region is then one of the
signals of the block scorer (:mod:`cleaning.extractor.scorer`), which decides block by
block, over the whole page, which blocks are the article's; the boilerplate rules
still remove what they name from what it keeps.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from cleaning.extractor.blocks import BOILER_TAGS, Block, Container, Page
from cleaning.extractor.patterns import (
    BOILERPLATE_LINES,
    CALL_TO_ACTION,
    FURNITURE_HEADING,
    SENTENCE_END,
    SIGN_UP_CALL,
    SITE_VOICE,
)
from cleaning.extractor.scorer import ScoringInput, select_blocks
from cleaning.extractor.scorer.features import LOWERED_PATTERNS
from cleaning.extractor.textnorm import CJK_LETTERS, cjk_share, latin_length

_TEXT_HOLDERS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "td",
        "th",
        "tr",
        "pre",
        "blockquote",
        "dd",
        "dt",
        "figcaption",
        "caption",
        "summary",
        "address",
    }
)
_BOILERPLATE_MAX_CHARS = {"copyright": 400, "disclaimer": 500, "disclosure": 400}
# Every date form of the dateline rule has four digits in a row or two numbers around a
# separator; its backtracking search is the costliest of the rules, and most short
# blocks have neither.
_DATELINE_GATE = re.compile(r"\d{4}|\d\s*[-/.]\s*\d")
# Every alternative of the disclosure rule holds one of these, in any script's text:
# they gate it on every block, not on ASCII ones only.
_DISCLOSURE_NEEDLES = (
    "affiliate", "werbung", "anzeigen", "provision", "commission", "compensation",
    "sponsored", "paid", "partner",
)
_ANY_SCRIPT_NEEDLES = frozenset({"disclosure"})
# Words one of which a block must hold (lowercased) for these rules' unanchored
# searches to match at all; they cost more than all the anchored rules together. They
# gate ASCII blocks only, except for the rules of _ANY_SCRIPT_NEEDLES.
_NEEDLES = {
    "copyright": ("(c)", "copyright", "rights"),
    "disclaimer": ("disclaimer", "informational", "substitute"),
    "counter": ("read", "view", "seen"),
    "comments": (
        "comment", "kommentar", "repl", "respons", "thought", "gedanken", "reacti", "antwort",
        "logged", "eingeloggt", "angemeldet", "komentarz",
    ),
    "disclosure": _DISCLOSURE_NEEDLES,
}


@dataclass(slots=True)
class Content:
    """The article's blocks (page order) and the boilerplate removed from among them."""

    indexes: list[int]
    removed: Counter[str] = field(default_factory=Counter)
    scored: bool = False  # the block scorer chose them (else the rules alone)
    ruled: list[int] = field(default_factory=list)  # what the rules alone chose
    # The boilerplate rule each block checked so far matched (None: none), by index:
    # the scorer's choice is checked against the same rules, mostly on the same blocks.
    reasons: dict[int, str | None] = field(default_factory=dict)


def min_paragraph_chars(text: str) -> int:
    """Length that makes a block paragraph-like: CJK packs a sentence in fewer characters."""
    return 10 if cjk_share(text) > 0.3 else 25


# (name, pattern, longest block it applies to, needs the dateline gate, ASCII needles),
# in BOILERPLATE_LINES order: the first rule that matches names the block.
_RULES = [
    (
        name,
        pattern,
        _BOILERPLATE_MAX_CHARS.get(name, 200),
        name == "dateline",
        _NEEDLES.get(name),
    )
    for name, pattern in BOILERPLATE_LINES.items()
]


def boilerplate_reason(block: Block) -> str | None:
    """The named boilerplate rule a block matches, if any."""
    text = block.text
    n = len(text)
    if n > 600:
        return None
    ascii_text = text.isascii()
    lowered = text.lower()
    for name, pattern, limit, dated, needles in _RULES:
        if n > limit:
            continue
        if dated and _DATELINE_GATE.search(text) is None:
            continue
        if (
            needles
            and (ascii_text or name in _ANY_SCRIPT_NEEDLES)
            and not any(w in lowered for w in needles)
        ):
            continue
        if pattern.search(text):
            return name
    if FURNITURE_HEADING.match(text) and n <= 40:
        return "furniture_heading"
    if n <= MAX_PROMOTION_CHARS and _is_promotion(block):
        return "promotion"
    return None


MAX_PROMOTION_CHARS = 200
_PROMO_LOWERED = LOWERED_PATTERNS["promo"]  # over the lowered text: a case-blind match costs more
MAX_PROMOTION_HEADING_CHARS = 40


def _is_promotion(block: Block) -> bool:
    """A line that points the reader at other pages ("Read more: <link>", "Lesen Sie
    auch", "Mehr zum Thema:"): the lead and a link, or the lead alone as the heading of
    the links that follow. A sentence that opens so and goes on as prose, unlinked,
    is the article's."""
    text = block.text
    if len(text) > MAX_PROMOTION_HEADING_CHARS and block.link_density < 0.5:
        return False
    return _PROMO_LOWERED.match(text.lower()) is not None


def choose_content(
    page: Page,
    excluded: set[int],
    *,
    title_index: int | None = None,
    scorer: bool = True,
    stated: frozenset[int] = frozenset(),
) -> Content:
    """Indexes of the article's blocks, in page order.

    ``scorer=False`` keeps the rule-based choice alone (text dumps, where the block
    scorer's signals, the page's boxes, do not exist). ``stated``: blocks the page's
    structured data names as content (a recipe's ingredients), which the scorer keeps.
    """
    forced = [c for c, container in enumerate(page.containers) if container.forced]
    if forced:  # a site profile named the content element
        return _filter_region(page, {forced[0]}, excluded)
    inputs = scoring_input(page, excluded, title_index, stated)
    if inputs is None:
        return _fallback_content(page, excluded)
    ruled, data = inputs
    if not scorer:
        return ruled
    chosen = select_blocks(data)
    if chosen is None:  # no model in this installation
        return ruled
    content = _without_boilerplate(page, chosen, data.best, ruled.reasons)
    content.ruled = ruled.indexes
    return content


def _without_boilerplate(
    page: Page, chosen: list[int], best: int, reasons: dict[int, str | None]
) -> Content:
    """The scorer's blocks less those a boilerplate rule names, and less the rest of
    the box a furniture heading ("Popular articles") opens, unless that box holds the
    article's best container."""
    containers = page.containers
    content = Content(indexes=[], scored=True)
    boxes: list[int] = []  # containers opened by a furniture heading
    for i in chosen:
        block = page.blocks[i]
        own = block.container
        if any(box <= own < containers[box].end for box in boxes):
            content.removed["furniture"] += 1
            continue
        reason = reasons[i] if i in reasons else boilerplate_reason(block)
        if reason == "furniture_heading":
            box = containers[own].parent
            if box > 0 and not box <= best < containers[box].end:
                boxes.append(box)
        if reason:
            content.removed[reason] += 1
        else:
            content.indexes.append(i)
    _closing_calls_removed(page, content)
    return content


CLOSING_BLOCKS = 4  # the article's last blocks, where its site asks for a follow
MAX_CALL_CHARS = 300


def _is_call_to_action(lowered: str) -> bool:
    """Follow us, get our app, click here; or subscribe and sign up when the site says
    "our"/"us" (an article may be about a subscription)."""
    if CALL_TO_ACTION.search(lowered):
        return True
    return SIGN_UP_CALL.search(lowered) is not None and SITE_VOICE.search(lowered) is not None


def _closing_calls_removed(page: Page, content: Content) -> None:
    """Calls to action among the article's last blocks ("Follow us on Twitter",
    "Subscribe to our newsletter", "Get our app"): the site's voice, not the
    article's, whatever the trees made of them. Within the text they may be the
    article's subject; at its end they are the site signing off."""
    indexes = content.indexes
    for position in range(len(indexes) - 1, max(len(indexes) - 1 - CLOSING_BLOCKS, 0), -1):
        text = page.blocks[indexes[position]].text
        if len(text) <= MAX_CALL_CHARS and _is_call_to_action(text.lower()):
            del indexes[position]
            content.removed["call_to_action"] += 1


MAX_FURNITURE_SHARE = 0.5  # of a page's non-link text in one <nav>, <aside>, <footer>...


def _distrust_furniture_tags(page: Page) -> None:
    """A furniture element (``<nav>``, ``<aside>``, ``<footer>``, a page ``<header>``...)
    that holds most of the page's non-link text is no furniture: a broken template left
    it open and it wraps the rest of the page. (A sidebar's archive of links can hold
    most of a page's characters, not of its prose.) Its flag is taken off, and what sat
    below it is flagged again by its own elements only."""
    blocks, containers = page.blocks, page.containers
    total = furniture = 0
    for block in blocks:
        prose = len(block.text) - block.link_chars
        total += prose
        if block.boiler:
            furniture += prose
    if furniture < MAX_FURNITURE_SHARE * total or not total:
        return  # nearly every page: no furniture element can hold most of the text
    text = [0] * len(containers)
    for block in blocks:
        text[block.container] += len(block.text) - block.link_chars
    for c in range(len(containers) - 1, 0, -1):
        text[containers[c].parent] += text[c]
    wrong = [
        c
        for c, container in enumerate(containers)
        if c
        and container.boiler
        and not containers[container.parent].boiler  # where the flag starts
        and text[c] >= MAX_FURNITURE_SHARE * total > 0
    ]
    if not wrong:
        return
    distrusted = set(wrong)
    for c, container in enumerate(containers):
        if c == 0:
            continue
        parent = containers[container.parent]
        own = c not in distrusted and _is_furniture_element(container, parent)
        container.boiler = own or parent.boiler
    for block in blocks:
        block.boiler = containers[block.container].boiler


def _is_furniture_element(container: Container, parent: Container) -> bool:
    """Whether the walk flagged this element as furniture by its own tag."""
    return container.tag in BOILER_TAGS or (container.tag == "header" and not parent.article_hint)


def scoring_input(
    page: Page,
    excluded: set[int],
    title_index: int | None,
    stated: frozenset[int] = frozenset(),
) -> tuple[Content, ScoringInput] | None:
    """The rule-based choice and what the block scorer reads; None when no block of
    the page is paragraph-like (then the rules keep every clean block)."""
    _distrust_furniture_tags(page)
    containers = page.containers
    score, good, bad, prose = container_scores(page, excluded)
    adjusted = [s * (1 - b / max(g + b, 1)) for s, g, b in zip(score, good, bad, strict=True)]
    best = max(range(len(containers)), key=adjusted.__getitem__)
    if score[best] == 0:
        return None
    widened = _widen(page, best, prose, bad)
    roots = _with_content_siblings(page, widened, score, good, bad)
    ruled = _filter_region(page, roots, excluded)
    data = ScoringInput(
        page=page,
        score=adjusted,
        good=good,
        bad=bad,
        best=best,
        region=set(ruled.indexes),
        excluded=excluded,
        title_index=title_index,
        stated=stated,
    )
    return ruled, data


def container_scores(
    page: Page, excluded: set[int]
) -> tuple[list[float], list[int], list[int], list[int]]:
    """(score, good, bad, prose) of every container: the votes of the paragraph-like
    blocks below it, and the non-link, link-and-furniture and prose characters of its
    subtree. The compiled twin (``_contentscore.pyx``) gives the same numbers."""
    compiled = _compiled_scores()
    if compiled is not None:
        mask = bytearray(len(page.blocks))
        for i in excluded:
            mask[i] = 1
        return compiled(page.blocks, page.containers, bytes(mask), _TEXT_HOLDERS, CJK_LETTERS)
    return python_container_scores(page, excluded)


def python_container_scores(
    page: Page, excluded: set[int]
) -> tuple[list[float], list[int], list[int], list[int]]:
    """``container_scores`` in Python: the definition."""
    blocks, containers = page.blocks, page.containers
    score = [0.0] * len(containers)
    # Characters of each container's subtree: counted at the block's own container,
    # then added up the tree once (a parent always has a smaller index than its child).
    good = [0] * len(containers)
    bad = [0] * len(containers)
    prose = [0] * len(containers)  # characters of paragraph-like blocks below
    for i, block in enumerate(blocks):
        own = block.container
        n = len(block.text)
        if i in excluded or block.boiler:
            bad[own] += n
            continue
        link = block.link_chars
        good[own] += n - link
        bad[own] += link
        if block.link_density > 0.33 or n < min_paragraph_chars(block.text):
            continue
        prose[own] += n
        chain = page.ancestors(own)
        # A paragraph's vote grows with its length in Latin letters (a Chinese one of
        # 100 characters votes as an English one of 300), and with its commas.
        commas = block.text.count(",") + block.text.count("，")
        vote = 1 + min(latin_length(block.text) / 100, 3) + commas
        holder = chain[1:] if containers[own].tag in _TEXT_HOLDERS else chain
        for depth, c in enumerate(holder[:3]):
            score[c] += vote / (1, 2, 3)[depth]
    for c in range(len(containers) - 1, 0, -1):
        parent = containers[c].parent
        good[parent] += good[c]
        bad[parent] += bad[c]
        prose[parent] += prose[c]
    return score, good, bad, prose


@cache
def _compiled_scores():  # type: ignore[no-untyped-def]
    if os.environ.get("HEALTHCORPUS_PURE_PYTHON", "") not in ("", "0"):
        return None
    try:
        from cleaning.extractor._contentscore import container_scores as compiled
    except ImportError:
        return None
    return compiled


THIN_WRAPPER = 0.25  # of the region's prose: a wrapper adding less than this is looked past


def _widen(page: Page, best: int, prose: list[int], bad: list[int]) -> int:
    """Climb from the best container while each step adds mostly prose.

    Articles split by pictures, quotes or ads into sibling boxes leave the best
    container holding one part only; the ancestor that also holds the other parts
    adds a lot of prose and little else. A step that mostly adds links or furniture
    (a sidebar, a footer) is not taken. A thin wrapper (the box of an intro with the
    title's link and a byline) adds little of either: it is looked past, and taken
    only with a real step above it.
    """
    current = best
    parent = page.containers[current].parent
    while parent >= 0:
        added_prose = prose[parent] - prose[current]
        added_bad = bad[parent] - bad[current]
        if added_prose >= 0.5 * prose[current] and added_bad <= 0.5 * added_prose:
            current = parent  # a real step (or a bare wrapper: nothing added)
        elif added_prose + added_bad > THIN_WRAPPER * prose[current]:
            break
        parent = page.containers[parent].parent
    # Bare wrappers above the last real step add nothing: stop at the tightest one.
    while current != best and prose[current] == prose[_child_toward(page, best, current)]:
        current = _child_toward(page, best, current)
    return current


def _child_toward(page: Page, descendant: int, ancestor: int) -> int:
    """The child of ``ancestor`` on the way down to ``descendant``."""
    node = descendant
    while page.containers[node].parent != ancestor:
        node = page.containers[node].parent
    return node


def _with_content_siblings(
    page: Page, best: int, score: list[float], good: list[int], bad: list[int]
) -> set[int]:
    """The best container plus its siblings that read like article text."""
    parent = page.containers[best].parent
    roots = {best}
    if parent < 0:
        return roots
    threshold = max(10.0, score[best] * 0.2)
    for c, container in enumerate(page.containers):
        if c == best or container.parent != parent or container.boiler:
            continue
        linky = bad[c] > 0.25 * max(good[c], 1)
        if not linky and (score[c] >= threshold or good[c] >= 200):
            roots.add(c)
    return roots


def _filter_region(page: Page, roots: set[int], excluded: set[int]) -> Content:
    blocks, containers = page.blocks, page.containers
    content = Content(indexes=[])
    region_is_boiler = all(containers[r].boiler for r in roots)
    furniture: set[int] = set()  # containers opened by a "Popular articles"-like heading
    depth_in, hinted_in = _region_depths(page, roots)
    for i, block in enumerate(blocks):
        if i in excluded:
            continue
        own = block.container
        if depth_in[own] < 0:
            continue
        if (
            (block.boiler and not region_is_boiler)
            or hinted_in[own]
            or (furniture and _below_any(containers, own, depth_in[own], furniture))
        ):
            content.removed["furniture"] += 1
            continue
        reason = content.reasons[i] = boilerplate_reason(block)
        if reason == "furniture_heading" and depth_in[own] > 1:
            # The heading's own box (its container's parent): what follows in it goes too.
            furniture.add(containers[own].parent)
        if reason is None and _is_link_line(block):
            reason = "link_list"
        if reason:
            content.removed[reason] += 1
            continue
        content.indexes.append(i)
    return content


def _region_depths(page: Page, roots: set[int]) -> tuple[list[int], list[bool]]:
    """For each container: how many containers from it up to the region's root, root
    excluded (0 for a root, -1 outside the region), and whether one of those is hinted
    furniture. One pass top-down (a parent always comes before its children), instead
    of a walk up from every block."""
    containers = page.containers
    depth_in = [-1] * len(containers)
    hinted_in = [False] * len(containers)
    for c, container in enumerate(containers):
        if c in roots:
            depth_in[c] = 0
            continue
        parent = container.parent
        if parent >= 0 and depth_in[parent] >= 0:
            depth_in[c] = depth_in[parent] + 1
            hinted_in[c] = container.hinted or hinted_in[parent]
    return depth_in, hinted_in


def _below_any(containers: list[Container], c: int, steps: int, marked: set[int]) -> bool:
    """Whether ``c`` or one of its next ``steps - 1`` ancestors is in ``marked``."""
    for _ in range(steps):
        if c in marked:
            return True
        c = containers[c].parent
    return False


def _is_link_line(block: Block) -> bool:
    """A line that is mostly links (menus, tag lists, "read more" lines), not prose."""
    if block.heading:
        return block.link_density >= 0.9  # a linked heading is a teaser, not a subheading
    if block.link_density < 0.5:
        return False
    return not (block.link_density < 0.8 and SENTENCE_END.search(block.text))


def _fallback_content(page: Page, excluded: set[int]) -> Content:
    """No paragraph-like block anywhere (text dumps, tiny pages): keep every clean block."""
    return _filter_region(page, {0}, excluded)
