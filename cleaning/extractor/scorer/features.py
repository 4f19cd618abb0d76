"""What the block scorer knows about each block: its own shape, its boxes, its place.

One row per candidate block (not consumed as a link part or title repeat), one column
per name of :data:`FEATURE_NAMES`. Everything is read from the flattened page and the
content chooser's container statistics, never from a site's own class names: classes
reach the scorer only as the generic kind bits of :mod:`cleaning.extractor.classnames`.

This module is the definition; ``_features.pyx`` is its compiled twin (the same
numbers to the bit, checked page by page in ``tests/test_block_scorer.py``), used when
it is built, as the page walk's is. In Python a page costs about 3 ms, in C 0.1 ms.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import numpy as np

from cleaning.extractor.blocks import Block, Container, Page
from cleaning.extractor.classnames import KINDS
from cleaning.extractor.patterns import (
    FURNITURE_HEADING,
    JAVASCRIPT_NOTICE,
    PROMO_LEAD,
    RELATED_HEADING,
    SIGNUP_WORDS,
)
from cleaning.extractor.textnorm import CJK_LETTERS, latin_length

TAG_CODES = {
    tag: code
    for code, tag in enumerate(
        "p div li td tr th h1 h2 h3 h4 h5 h6 dt dd pre blockquote figcaption caption section "
        "article span a header footer address summary form".split(),
        start=1,
    )
}
HINT_DEPTH = 8  # nearest hinted / article box, looked for this many levels up
POSITION_CLIP = 50  # block distances are clipped to this many blocks
WINDOW = 2  # blocks on each side of a block in its neighbourhood
MAX_LEXICON_CHARS = 160  # the wording features look at short blocks only
PROSE_CHARS = 80  # a block this long (in Latin letters) with few links reads as prose
PROSE_LINK_DENSITY = 0.3
SHORT_WORD = 3  # characters of a function-word-like token ("of", "the", "und")
SENTENCE_END_CHARS = ".!?。！？;；:："
CLOSERS = "\"'”’)）]»"
ELLIPSIS_TRIM = " ]»>›"

# Computed block by block, in this order, by both implementations.
PER_BLOCK: tuple[str, ...] = (
    "log_chars",
    "link_density",
    "bold_share",
    "heading",
    "tag",
    "in_list",
    "links",
    "lead_bold_share",
    "boiler_tag",
    "sentence_end",
    "commas_per_100",
    "digit_share",
    "ellipsis_end",
    "log_words",
    "short_word_share",
    "mean_word_length",
    "promo_lead",
    "signup_words",
    "position",
    "after_title",
    "from_title",
    "in_region",
    "prev_in_region",
    "next_in_region",
    "prev_link_density",
    "next_link_density",
    "window_link_density",
    "window_prose",
    "since_furniture_heading",
    "log_prose_after",
    "log_prose_before",
)
# Read off the block's container (its box) and the page.
PER_BOX: tuple[str, ...] = (
    "depth",
    "hinted_up",
    "article_up",
    *(f"near_{kind}" for kind in KINDS),
    *(f"far_{kind}" for kind in KINDS),
    "own_score",
    "parent_score",
    "in_best",
    "parent_text_density",
    "own_link_share",
    "log_parent_text",
    "log_box_blocks",
    "log_blocks",
    "best_share",
)
FEATURE_NAMES: tuple[str, ...] = PER_BLOCK + PER_BOX


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
    # blocks the page's structured data names as content (a recipe's ingredients)
    stated: frozenset[int] = frozenset()


# The wording patterns, case-sensitive over the lowered text: a case-blind search of so
# many alternatives costs ten times as much. (Their letters are all lowercase, so the
# lowered text matches them as the case-blind originals match the text;
# tests/test_block_scorer.py checks it.)
LOWERED_PATTERNS = {
    name: re.compile(pattern.pattern)
    for name, pattern in (
        ("promo", PROMO_LEAD),
        ("related", RELATED_HEADING),
        ("furniture", FURNITURE_HEADING),
    )
}
PROMO, SIGNUP, OPENS_FURNITURE = 1, 2, 4  # the bits of wording()


def wording(text: str, heading_like: bool) -> int:
    """What a short block's words say, as bits: PROMO (a line that points at another
    page, "Read also:", "Lesen Sie auch"), SIGNUP (asks to subscribe, follow, accept
    cookies...), OPENS_FURNITURE (when ``heading_like``: the heading of a related,
    furniture or promotion block)."""
    if len(text) > MAX_LEXICON_CHARS:
        return 0
    lowered = text.lower()
    bits = PROMO if LOWERED_PATTERNS["promo"].match(lowered) else 0
    if SIGNUP_WORDS.search(lowered) or (
        "javascript" in lowered and JAVASCRIPT_NOTICE.search(lowered)
    ):
        bits |= SIGNUP
    if heading_like and (
        bits & PROMO
        or LOWERED_PATTERNS["related"].match(lowered)
        or LOWERED_PATTERNS["furniture"].match(lowered)
    ):
        bits |= OPENS_FURNITURE
    return bits


def block_features(data: ScoringInput) -> tuple[np.ndarray, np.ndarray]:
    """(candidate block indexes, their feature rows as float32)."""
    arguments = feature_arguments(data)
    compiled = _compiled()
    X = compiled(*arguments) if compiled is not None else python_features(*arguments)
    return arguments[2], X


def feature_arguments(data: ScoringInput) -> tuple:  # type: ignore[type-arg]
    """What both implementations take: the blocks, containers, candidate indexes (the
    blocks not excluded), region membership and container statistics as arrays."""
    blocks = data.page.blocks
    candidates = np.array(
        [i for i in range(len(blocks)) if i not in data.excluded], dtype=np.int64
    )
    in_region = np.zeros(len(blocks), np.uint8)
    in_region[list(data.region)] = 1
    return (
        blocks,
        data.page.containers,
        candidates,
        in_region,
        np.asarray(data.score, np.float64),
        np.asarray(data.good, np.float64),
        np.asarray(data.bad, np.float64),
        data.best,
        -1 if data.title_index is None else data.title_index,
        wording,
    )


def python_features(
    blocks: list[Block],
    containers: list[Container],
    candidates: np.ndarray,
    in_region: np.ndarray,
    score: np.ndarray,
    good: np.ndarray,
    bad: np.ndarray,
    best: int,
    title_index: int,
    words_of: Callable[[str, bool], int],
) -> np.ndarray:
    """The feature rows, computed in Python: the definition the compiled twin follows.
    ``words_of`` is :func:`wording` (passed in, so that both call the same one)."""
    X = np.zeros((len(candidates), len(FEATURE_NAMES)), np.float32)
    n_blocks = len(blocks)
    density = [b.link_chars / len(b.text) for b in blocks]
    # Lengths of text (its share of the page, prose or not) in Latin letters, so that a
    # Chinese paragraph weighs as the English one the trees learned from; the shares
    # within a block (links, bold, digits) stay in characters.
    length = [latin_length(b.text) for b in blocks]
    prose = [
        n >= PROSE_CHARS and d < PROSE_LINK_DENSITY for n, d in zip(length, density, strict=True)
    ]
    prose_after = [0.0] * (n_blocks + 1)  # region prose letters at or after each block
    for i in range(n_blocks - 1, -1, -1):
        counted = length[i] if in_region[i] and prose[i] else 0
        prose_after[i] = prose_after[i + 1] + counted
    box_blocks: dict[int, int] = {}
    for i in candidates:
        box_blocks[blocks[i].container] = box_blocks.get(blocks[i].container, 0) + 1
    facts = _container_facts(containers, best)
    last_furniture = -(10**9)
    for row, i in enumerate(candidates.tolist()):
        block = blocks[i]
        text = block.text
        n = len(text)
        said = words_of(text, bool(block.heading) or n < 60)
        if said & OPENS_FURNITURE:
            last_furniture = i
        words = text.split()
        n_words = max(len(words), 1)
        lo, hi = max(0, i - WINDOW), min(n_blocks, i + WINDOW + 1)
        window = 0.0  # summed in order, as the compiled twin does (sum() may not)
        for j in range(lo, hi):
            window += density[j]
        values = (
            math.log1p(length[i]),
            density[i],
            block.bold_chars / n,
            block.heading,
            TAG_CODES.get(block.tag, 0),
            block.list_id != 0,
            len(block.links),
            len(block.lead_bold) / n,
            block.boiler,
            _ends_sentence(text),
            (text.count(",") + text.count("，")) * 100 / n,
            sum(1 for ch in text if "0" <= ch <= "9") / n,
            text.rstrip(ELLIPSIS_TRIM).endswith(("...", "…", "。。。")),
            math.log1p(n_words),
            sum(1 for w in words if len(w) <= SHORT_WORD) / n_words,
            (n - n_words + 1) / n_words,
            bool(said & PROMO),
            bool(said & SIGNUP),
            i / n_blocks,
            title_index >= 0 and i > title_index,
            max(-POSITION_CLIP, min(POSITION_CLIP, i - max(title_index, 0))),
            in_region[i],
            i > 0 and in_region[i - 1],
            i + 1 < n_blocks and in_region[i + 1],
            density[i - 1] if i > 0 else -1.0,
            density[i + 1] if i + 1 < n_blocks else -1.0,
            window / (hi - lo),
            sum(prose[lo:hi]),
            min(i - last_furniture, POSITION_CLIP),
            math.log1p(prose_after[i + 1]),
            math.log1p(prose_after[0] - prose_after[i]),
        )
        X[row, : len(PER_BLOCK)] = values
        X[row, len(PER_BLOCK) :] = _box_values(
            block.container, facts, containers, score, good, bad, best, box_blocks, n_blocks
        )
    return X


def _ends_sentence(text: str) -> bool:
    tail = text.rstrip(CLOSERS)
    return bool(tail) and tail[-1] in SENTENCE_END_CHARS


@dataclass(slots=True)
class _Facts:
    near: list[int]
    far: list[int]
    hinted_up: list[int]
    article_up: list[int]


def _container_facts(containers: list[Container], best: int) -> _Facts:
    """Per container, top-down (a parent always comes before its children): kind bits
    of itself and its two nearest boxes (near) and of its whole chain (far), and the
    distance up to the nearest hinted and article box (1: itself, 0: none close)."""
    count = len(containers)
    near, far = [0] * count, [0] * count
    hinted_up, article_up = [0] * count, [0] * count
    for c, container in enumerate(containers):
        p = container.parent if c else 0
        grand = containers[p].parent if p else 0
        kinds = container.kinds
        near[c] = kinds | (containers[p].kinds | containers[grand].kinds if c else 0)
        far[c] = kinds | (far[p] if c else 0)
        hinted_up[c] = _up(container.hinted, hinted_up[p] if c else 0)
        article_up[c] = _up(container.article_hint, article_up[p] if c else 0)
    return _Facts(near, far, hinted_up, article_up)


def _up(here: bool, parent_distance: int) -> int:
    if here:
        return 1
    return parent_distance + 1 if 0 < parent_distance < HINT_DEPTH else 0


def _box_values(
    c: int,
    facts: _Facts,
    containers: list[Container],
    score: np.ndarray,
    good: np.ndarray,
    bad: np.ndarray,
    best: int,
    box_blocks: dict[int, int],
    n_blocks: int,
) -> list[float]:
    p = containers[c].parent if c else 0
    kinds_near, kinds_far = facts.near[c], facts.far[c]
    best_score = score[best]
    return [
        containers[c].depth,
        facts.hinted_up[c],
        facts.article_up[c],
        *((kinds_near >> bit) & 1 for bit in range(len(KINDS))),
        *((kinds_far >> bit) & 1 for bit in range(len(KINDS))),
        score[c] / best_score,
        score[p] / best_score,
        best <= c < containers[best].end,
        good[p] / max(good[p] + bad[p], 1.0),
        bad[c] / max(good[c] + bad[c], 1.0),
        math.log1p(max(good[p], 0.0)),
        math.log1p(box_blocks[c]),
        math.log1p(n_blocks),
        good[best] / max(good[0], 1.0),
    ]


@cache
def _compiled():  # type: ignore[no-untyped-def]
    if os.environ.get("HEALTHCORPUS_PURE_PYTHON", "") not in ("", "0"):
        return None
    try:
        from cleaning.extractor.scorer import _features
    except ImportError:
        return None
    _features.configure(
        per_block=len(PER_BLOCK),
        features=len(FEATURE_NAMES),
        kinds=len(KINDS),
        tag_codes=TAG_CODES,
        cjk_letters=CJK_LETTERS,
    )
    return _features.features
