"""What the block scorer knows about each block: its own shape, its boxes, its place.

One row per candidate block (not consumed as a link part or title repeat), one column
per name of :data:`FEATURE_NAMES`. Everything is read from the flattened page and the
content chooser's container statistics, never from a site's own class names: classes
reach the scorer only as the generic kind bits of :mod:`cleaning.extractor.classnames`.
Per-container facts are computed with array operations over the whole page (parents
always come before their children, and a container's subtree is the index range
``[c, end)`` of the walk's preorder), so the cost grows with the page, not with its
depth.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from cleaning.extractor.blocks import Page
from cleaning.extractor.classnames import KINDS
from cleaning.extractor.patterns import FURNITURE_HEADING, PROMO_LEAD, RELATED_HEADING, SIGNUP_WORDS

TAG_CODES = {
    tag: code
    for code, tag in enumerate(
        "p div li td tr th h1 h2 h3 h4 h5 h6 dt dd pre blockquote figcaption caption section "
        "article span a header footer address summary form".split(),
        start=1,
    )
}
N_KINDS = len(KINDS)
HINT_DEPTH = 8  # nearest hinted / article ancestor, looked for this many levels up
POSITION_CLIP = 50
_SENTENCE_END = frozenset(".!?。！？;；:：")
_CLOSERS = "\"'”’)）]»"
_DIGITS = dict.fromkeys(map(ord, "0123456789"))
MAX_LEXICON_CHARS = 300  # the lexicon features look at short blocks only

FEATURE_NAMES: tuple[str, ...] = (
    "log_chars",
    "link_density",
    "bold_share",
    "heading",
    "tag",
    "in_list",
    "sentence_end",
    "commas_per_100",
    "digit_share",
    "links",
    "ellipsis_end",
    "promo_lead",
    "signup_words",
    "lead_bold_share",
    "boiler_tag",
    "depth",
    "hinted_up",
    "article_up",
    *(f"near_{kind}" for kind in KINDS),
    *(f"far_{kind}" for kind in KINDS),
    "own_score",
    "parent_score",
    "in_best",
    "in_region",
    "lca_distance",
    "parent_text_density",
    "own_link_share",
    "log_parent_text",
    "position",
    "after_title",
    "from_title",
    "region_side",
    "prev_link_density",
    "next_link_density",
    "prev_in_region",
    "next_in_region",
    "prev_same_box",
    "next_same_box",
    "since_furniture_heading",
    "log_prose_after",
    "log_prose_before",
    "log_blocks",
    "best_share",
    "log_words",
    "short_word_share",
    "mean_word_length",
    "window_link_density",
    "window_prose",
    "log_box_blocks",
    "box_region_share",
)


@dataclass(slots=True)
class ScoringInput:
    """What the content chooser hands the scorer for one page."""

    page: Page
    score: list[float]  # readability-style container scores, adjusted for links
    good: list[int]  # non-link characters of each container's subtree
    bad: list[int]  # link and furniture characters of each subtree
    best: int  # the best-scoring container
    region: set[int]  # block indexes the rule-based chooser keeps
    excluded: set[int]  # blocks consumed elsewhere (link parts, title repeats)
    title_index: int | None  # the block that shows the title


def _ends_sentence(text: str) -> bool:
    tail = text.rstrip(_CLOSERS)
    return bool(tail) and tail[-1] in _SENTENCE_END


def _ellipsis_end(text: str) -> bool:
    tail = text.rstrip(" ]»>›")
    return tail.endswith(("...", "…", "。。。"))


def _container_facts(page: Page, score: list[float], best: int) -> dict[str, np.ndarray]:
    """Arrays over containers: kind bits near and far, nearest hinted and article
    ancestors, membership of the best container's subtree, and the distance up to the
    best container's chain. The walk gives each container's depth and subtree end."""
    containers = page.containers
    count = len(containers)
    parent = np.fromiter((c.parent for c in containers), np.int64, count)
    parent[0] = 0  # the root is its own parent: walks up stop there
    kinds = np.fromiter((c.kinds for c in containers), np.int64, count)
    hinted = np.fromiter((c.hinted for c in containers), bool, count)
    article = np.fromiter((c.article_hint for c in containers), bool, count)
    depth = np.fromiter((c.depth for c in containers), np.int64, count)
    end = np.fromiter((c.end for c in containers), np.int64, count)
    near = kinds | kinds[parent] | kinds[parent[parent]]
    hinted_up = hinted.astype(np.int64)
    article_up = article.astype(np.int64)
    up = parent
    for k in range(2, HINT_DEPTH + 1):
        hinted_up = np.where((hinted_up == 0) & hinted[up], k, hinted_up)
        article_up = np.where((article_up == 0) & article[up], k, article_up)
        up = parent[up]
    # The OR over each whole chain by pointer doubling: log2(depth) steps.
    far = kinds.copy()
    jump = parent.copy()
    for _ in range(int(depth.max()).bit_length()):
        far |= far[jump]
        jump = jump[jump]
    index = np.arange(count)
    in_best = (index >= best) & (index < end[best])
    lca_depth = np.zeros(count, np.int64)
    ancestor = best
    while ancestor > 0:  # the best container's chain; the root holds everything
        inside = (index >= ancestor) & (index < end[ancestor])
        lca_depth = np.where(inside & (lca_depth == 0), depth[ancestor], lca_depth)
        ancestor = containers[ancestor].parent
    scores = np.asarray(score, np.float64)
    return {
        "parent": parent,
        "depth": depth,
        "near": near,
        "far": far,
        "hinted_up": hinted_up,
        "article_up": article_up,
        "in_best": in_best,
        "lca": depth - lca_depth,
        "score": scores / max(float(scores[best]), 1e-9),
    }


def block_features(data: ScoringInput) -> tuple[np.ndarray, np.ndarray]:
    """(candidate block indexes, their feature rows as float32)."""
    page = data.page
    blocks = page.blocks
    candidates = np.array(
        [i for i in range(len(blocks)) if i not in data.excluded], dtype=np.int64
    )
    X = np.zeros((len(candidates), len(FEATURE_NAMES)), np.float32)
    if not len(candidates):
        return candidates, X
    facts = _container_facts(page, data.score, data.best)
    good = np.asarray(data.good, np.float64)
    bad = np.asarray(data.bad, np.float64)
    n_blocks = len(blocks)
    region = data.region
    title_index = data.title_index
    own = np.fromiter((blocks[i].container for i in candidates), np.int64, len(candidates))
    parent = facts["parent"][own]
    rows: list[tuple[float | int | bool, ...]] = []
    prose_after = _region_prose_after(page, region)
    total_prose = prose_after[0]
    region_sorted = sorted(region)
    first = region_sorted[0] if region_sorted else n_blocks
    last = region_sorted[-1] if region_sorted else -1
    last_furniture = -(10**6)
    prose_like = [len(b.text) >= 80 and b.link_density < 0.3 for b in blocks]
    density = [b.link_density for b in blocks]
    box_blocks: dict[int, int] = {}
    box_region: dict[int, int] = {}
    for i in candidates.tolist():
        c = blocks[i].container
        box_blocks[c] = box_blocks.get(c, 0) + 1
        box_region[c] = box_region.get(c, 0) + (i in region)
    extra: list[tuple[float, ...]] = []
    for i in candidates.tolist():
        block = blocks[i]
        text = block.text
        n = len(text)
        short = n <= MAX_LEXICON_CHARS
        promo = short and PROMO_LEAD.match(text) is not None
        if (block.heading or n < 60) and (
            promo or RELATED_HEADING.match(text) or FURNITURE_HEADING.match(text)
        ):
            last_furniture = i
        prev = blocks[i - 1] if i else None
        nxt = blocks[i + 1] if i + 1 < n_blocks else None
        words = text.split()
        n_words = len(words)
        lo, hi = max(0, i - 2), min(n_blocks, i + 3)
        c = block.container
        extra.append(
            (
                math.log1p(n_words),
                sum(1 for w in words if len(w) <= 3) / n_words,
                (n - n_words + 1) / n_words,
                sum(density[lo:hi]) / (hi - lo),
                sum(prose_like[lo:hi]),
                math.log1p(box_blocks[c]),
                box_region[c] / box_blocks[c],
            )
        )
        rows.append(
            (
                math.log1p(n),
                block.link_chars / n,
                block.bold_chars / n,
                block.heading,
                TAG_CODES.get(block.tag, 0),
                block.list_id != 0,
                _ends_sentence(text),
                (text.count(",") + text.count("，")) * 100 / n,
                (n - len(text.translate(_DIGITS))) / n,
                len(block.links),
                _ellipsis_end(text),
                promo,
                short and SIGNUP_WORDS.search(text) is not None,
                len(block.lead_bold) / n,
                block.boiler,
                i / n_blocks,
                title_index is not None and i > title_index,
                max(-POSITION_CLIP, min(POSITION_CLIP, i - (title_index or 0))),
                0 if i < first else (2 if i > last else 1),
                prev.link_density if prev else -1.0,
                nxt.link_density if nxt else -1.0,
                (i - 1) in region,
                (i + 1) in region,
                prev is not None and prev.container == block.container,
                nxt is not None and nxt.container == block.container,
                min(i - last_furniture, POSITION_CLIP),
                math.log1p(prose_after[i + 1]),
                math.log1p(total_prose - prose_after[i]),
                i in region,
            )
        )
    per_block = np.array(rows, np.float64)
    column = {name: j for j, name in enumerate(FEATURE_NAMES)}
    for j, name in enumerate(
        (
            "log_chars", "link_density", "bold_share", "heading", "tag", "in_list",
            "sentence_end", "commas_per_100", "digit_share", "links", "ellipsis_end",
            "promo_lead", "signup_words", "lead_bold_share", "boiler_tag", "position",
            "after_title", "from_title", "region_side", "prev_link_density",
            "next_link_density", "prev_in_region", "next_in_region", "prev_same_box",
            "next_same_box", "since_furniture_heading", "log_prose_after",
            "log_prose_before", "in_region",
        )
    ):
        X[:, column[name]] = per_block[:, j]
    X[:, column["depth"]] = facts["depth"][own]
    X[:, column["hinted_up"]] = facts["hinted_up"][own]
    X[:, column["article_up"]] = facts["article_up"][own]
    near, far = facts["near"][own], facts["far"][own]
    for bit, kind in enumerate(KINDS):
        X[:, column[f"near_{kind}"]] = (near >> bit) & 1
        X[:, column[f"far_{kind}"]] = (far >> bit) & 1
    X[:, column["own_score"]] = facts["score"][own]
    X[:, column["parent_score"]] = facts["score"][parent]
    X[:, column["in_best"]] = facts["in_best"][own]
    X[:, column["lca_distance"]] = facts["lca"][own]
    X[:, column["parent_text_density"]] = good[parent] / np.maximum(good[parent] + bad[parent], 1)
    X[:, column["own_link_share"]] = bad[own] / np.maximum(good[own] + bad[own], 1)
    X[:, column["log_parent_text"]] = np.log1p(np.maximum(good[parent], 0))
    X[:, column["log_blocks"]] = math.log1p(n_blocks)
    X[:, column["best_share"]] = good[data.best] / max(good[0], 1)
    X[:, column["log_words"] :] = np.array(extra, np.float64)
    return candidates, X


def _region_prose_after(page: Page, region: set[int]) -> list[int]:
    """Characters of prose-like region blocks at or after each index (one past the end: 0)."""
    blocks = page.blocks
    after = [0] * (len(blocks) + 1)
    total = 0
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        if i in region and len(block.text) >= 80 and block.link_density < 0.3:
            total += len(block.text)
        after[i] = total
    return after

