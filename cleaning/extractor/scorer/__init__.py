"""The block scorer: which blocks of a page are the article's, learned from real pages.

The rule-based content chooser (:mod:`cleaning.extractor.content`) finds one region;
real pages split their article across boxes, put captions, lists and lead paragraphs
beside it, and promotions, comments and sign-up boxes inside it. The scorer looks at
every block with what the chooser found (the region, the best container's scores)
and with the block's own shape, boxes and place (``features.py``), and gradient-
boosted trees (``forest.py``, trained by ``bench/train_block_scorer.py`` on the tuning
part of ``bench/pages`` only) say which to keep. Deterministic, offline, and a few
tenths of a millisecond a page with the compiled trees.
"""

from __future__ import annotations

import numpy as np

from cleaning.extractor.blocks import Block, Container, Page
from cleaning.extractor.scorer.features import FEATURE_NAMES, ScoringInput, block_features
from cleaning.extractor.scorer.forest import Forest, default_forest
from cleaning.extractor.sections import is_heading_like, numbered_candidate
from cleaning.extractor.textnorm import latin_length

__all__ = [
    "FEATURE_NAMES",
    "Forest",
    "ScoringInput",
    "block_features",
    "edges_extended",
    "select_blocks",
]


def select_blocks(data: ScoringInput, forest: Forest | None = None) -> list[int] | None:
    """Indexes (page order) of the blocks the model keeps; None when there is no model."""
    forest = forest or default_forest()
    if forest is None:
        return None
    if forest.feature_names != FEATURE_NAMES:
        raise RuntimeError(
            "the block scorer's model was trained on other features; "
            "retrain it: python bench/train_block_scorer.py"
        )
    candidates, X = block_features(data)
    if not len(candidates):
        return []
    in_region = X[:, FEATURE_NAMES.index("in_region")] > 0
    raw = forest.raw(X)
    keep = forest.keep(raw, in_region)
    if _rules_looked_elsewhere(data.page, candidates, raw, in_region, keep):
        keep = forest.keep(raw, in_region, level=True)
    else:
        keep = edges_extended(data.page, candidates, keep, raw >= 0.0)
    if data.stated:
        keep = keep | np.isin(candidates, np.fromiter(data.stated, np.int64))
    keep = gaps_filled(data.page, candidates, keep)
    keep = headings_with_their_text(data.page, candidates, keep, data.title_index)
    return candidates[keep].tolist()


MIN_KEPT_CHARS = 300  # (Latin letters) below this, the bar outside the rules' region drops


def _rules_looked_elsewhere(
    page: Page, candidates: np.ndarray, raw: np.ndarray, in_region: np.ndarray, keep: np.ndarray
) -> bool:
    """Whether the rules' region missed the article: the higher bar outside it keeps
    almost nothing, or the trees find more text worth keeping (at even odds) outside
    the region than in it. The bar is then the same everywhere. Text outside means
    text, not links: a sidebar's long list of linked labels outweighs a song's or a
    recipe's short lines without being an article anywhere else."""
    lengths = np.fromiter(
        (latin_length(page.blocks[i].text) for i in candidates.tolist()), np.int64
    )
    likely = raw >= 0.0
    text = np.fromiter(
        (page.blocks[i].link_density <= GAP_LINK_DENSITY for i in candidates.tolist()), bool
    )
    inside = int(lengths[likely & in_region].sum())
    outside = int(lengths[likely & ~in_region & text].sum())
    return int(lengths[keep].sum()) < MIN_KEPT_CHARS or outside > inside


def edges_extended(
    page: Page, candidates: np.ndarray, keep: np.ndarray, likely: np.ndarray
) -> np.ndarray:
    """Text blocks right before or after a kept run, in its box and no deeper, are
    kept at even odds (``likely``) even outside the rules' region: the higher bar
    there is for blocks away from the article, and a lead paragraph above the region
    or a closing one below it is where the article's text goes on."""
    blocks, containers = page.blocks, page.containers
    keep = keep.copy()
    text = np.array(text_positions(page, candidates), np.int64)
    if len(text) < 2:
        return keep
    kept = keep[text]
    # Each run's last block walks forward, each run's first block backward.
    for start in np.flatnonzero(kept[:-1] & ~kept[1:]).tolist():
        _extend(blocks, containers, candidates, keep, likely, text[start:].tolist())
    for end in np.flatnonzero(~kept[:-1] & kept[1:]).tolist():
        _extend(blocks, containers, candidates, keep, likely, text[end + 1 :: -1].tolist())
    return keep


def _extend(
    blocks: list[Block],
    containers: list[Container],
    candidates: np.ndarray,
    keep: np.ndarray,
    likely: np.ndarray,
    order: list[int],
) -> None:
    """From the kept ``order[0]`` on, keep the blocks of ``order`` that go on its text."""
    previous = order[0]
    for j in order[1:]:
        if keep[j] or not likely[j] or not _goes_on(
            blocks, containers, candidates[previous], candidates[j]
        ):
            return
        keep[j] = True
        previous = j


def text_positions(page: Page, candidates: np.ndarray) -> list[int]:
    """Positions in ``candidates`` of the text blocks: not headings, not bare numbers."""
    blocks = page.blocks
    return [
        j
        for j, i in enumerate(candidates.tolist())
        if not blocks[i].heading and len(blocks[i].text) > MAX_STEP_NUMBER
    ]


def _goes_on(blocks: list[Block], containers: list[Container], kept: int, other: int) -> bool:
    """Whether block ``other``, next to the kept block ``kept``, is text of its box."""
    if blocks[other].link_density > GAP_LINK_DENSITY:
        return False
    a, b = blocks[kept].container, blocks[other].container
    box = _common_box(containers, min(a, b), max(a, b))
    return box > 0 and containers[b].depth <= containers[a].depth


MAX_GAP = 2  # dropped blocks in a row that kept blocks on both sides take back
GAP_LINK_DENSITY = 0.3


def gaps_filled(page: Page, candidates: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """A block or two dropped between kept blocks of one box are kept too, when they
    are text rather than links: an article does not stop for one paragraph and start
    again (the trees judge each block alone; a short step or a one-line paragraph
    between two kept ones is where they slip). Not a box nested deeper than the kept
    blocks around it, though: that is a newsletter box or an ad slot inside the
    article. Headings and bare numbers in between do not count: the heading rule and
    the step reader decide those."""
    blocks, containers = page.blocks, page.containers
    keep = keep.copy()
    text = text_positions(page, candidates)
    gap: list[int] = []
    previous = -1  # the last kept text block before the gap
    for j in text:
        if not keep[j]:
            gap.append(j)
            continue
        if previous >= 0 and 0 < len(gap) <= MAX_GAP:
            _fill(blocks, containers, candidates, keep, previous, j, gap)
        previous, gap = j, []
    return keep


def _fill(
    blocks: list[Block],
    containers: list[Container],
    candidates: np.ndarray,
    keep: np.ndarray,
    a: int,
    b: int,
    gap: list[int],
) -> None:
    """Keep ``gap`` (candidate positions between kept ``a`` and ``b``) if it is text of
    their box, no deeper than they are."""
    if any(blocks[candidates[j]].link_density > GAP_LINK_DENSITY for j in gap):
        return
    first, last = blocks[candidates[a]].container, blocks[candidates[b]].container
    box = _common_box(containers, first, last)
    deepest = max(containers[first].depth, containers[last].depth)
    inside = (blocks[candidates[j]].container for j in gap)
    if box > 0 and all(
        box <= c < containers[box].end and containers[c].depth <= deepest for c in inside
    ):
        keep[gap] = True


def _common_box(containers: list[Container], a: int, b: int) -> int:
    """The innermost container holding both ``a`` and ``b``."""
    while not a <= b < containers[a].end:
        a = containers[a].parent
    return a


MAX_HEADING_CHARS = 200


def headings_with_their_text(
    page: Page, candidates: np.ndarray, keep: np.ndarray, title_index: int | None = None
) -> np.ndarray:
    """A heading goes with the text it introduces, its section (the blocks up to the
    next heading of its level or above): a heading element is dropped when nothing of
    its section is kept (a section with no text at all, a heading over an equation or
    right above another of its rank, leaves the heading as the trees say); any
    heading, element or heading-like line, is kept, even when the trees would drop
    it, when the first block of its section (a bare step number
    aside) is kept and sits in its box (the heading's element and the two boxes around
    it), and comes after the page's title (a site's name in an ``<h1>`` above the
    title heads the whole page, not a section). A heading element split in two
    blocks (``<h3><div>Method 1</div> Name</h3>``) is kept or dropped as one.

    Short headings are the blocks the trees are least sure of (a few words, no links,
    no punctuation), and a heading without its text, or text without its heading,
    reads wrong either way.
    """
    blocks, containers = page.blocks, page.containers
    keep = keep.copy()
    after = -1 if title_index is None else title_index
    # Open headings: [position in candidates, level, its box, section kept,
    # first block seen (0 not yet, 1 kept and in the box, -1 otherwise), any text]
    open_headings: list[list[int]] = []
    glued: list[int] = []  # positions whose heading continues in the next candidate

    def close(level: int) -> None:
        while open_headings and open_headings[-1][1] >= level:
            j, heading_level, _, any_kept, first, any_text = open_headings.pop()
            added = first == 1 and candidates[j] > after
            if heading_level < LINE_HEADING_LEVEL:
                keep[j] = bool(any_kept or not any_text) and (bool(keep[j]) or added)
            else:  # a line may be a list item as well as a heading: only ever added
                keep[j] = bool(keep[j]) or added

    previous: tuple[int, int, int] | None = None  # the last heading: (j, level, container)
    for j in range(len(candidates)):
        i = candidates[j]
        block = blocks[i]
        level = _heading_level(block, blocks[i + 1] if i + 1 < len(blocks) else None, j)
        if level:
            if (
                previous
                and previous[:2] == (j - 1, level)
                and _nested(containers, previous[2], block.container)
            ):
                glued.append(j - 1)
            close(level)
            open_headings.append([j, level, _box(containers, block.container), 0, 0, 0])
            previous = (j, level, block.container)
        elif len(block.text) > MAX_STEP_NUMBER:
            for heading in open_headings:
                heading[5] = 1
            if not keep[j] and block.link_density > 0.5:
                continue  # a dropped link line ("Main article: ...") is not the text
            own = block.container
            for heading in open_headings:
                if keep[j]:
                    heading[3] = 1
                if heading[4] == 0:
                    box = heading[2]
                    heading[4] = 1 if keep[j] and box <= own < containers[box].end else -1
    close(0)
    for j in reversed(glued):
        keep[j] = keep[j + 1]
    return keep


BOX_LEVELS = 2  # boxes above a heading's own element that still hold "its" text
MAX_STEP_NUMBER = 3  # characters of a block that only numbers what follows ("1", "2.")


def _box(containers: list[Container], c: int) -> int:
    for _ in range(BOX_LEVELS):
        if c <= 0:
            break
        c = containers[c].parent
    return max(c, 0)


def _nested(containers: list[Container], a: int, b: int) -> bool:
    return a <= b < containers[a].end or b <= a < containers[b].end


LINE_HEADING_LEVEL = 7  # below <h6>: a bold or numbered line heads a sub-point


def _heading_level(block: Block, following: Block | None, position: int) -> int:
    """1-6 for a heading element, 7 for a heading-like line (bold, or numbered like
    a section heading), 0 for any other block."""
    if len(block.text) > MAX_HEADING_CHARS:
        return 0
    if block.heading:
        return block.heading
    if block.link_density >= 0.5:
        return 0
    if is_heading_like(block, following):
        return LINE_HEADING_LEVEL
    first = block.text[:1]
    numbered = first in _NUMBER_STARTS or first.isdigit() or bool(block.lead_bold)
    if numbered and numbered_candidate(block, position) is not None:
        return LINE_HEADING_LEVEL
    return 0


# What a numbered heading can open with besides a digit (a cheap test before its regex):
# "(1)", "一、", "第一", "Step 1", "Étape 2", "Krok 3", "#1"... (and any bold lead).
_NUMBER_STARTS = frozenset("(（〇一二三四五六七八九十第#sStTpPmMrRwWnNeEéÉkK")
