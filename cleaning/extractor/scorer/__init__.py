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

from cleaning.extractor.blocks import Page
from cleaning.extractor.scorer.features import FEATURE_NAMES, ScoringInput, block_features
from cleaning.extractor.scorer.forest import Forest, default_forest

__all__ = ["FEATURE_NAMES", "Forest", "ScoringInput", "block_features", "select_blocks"]


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
    keep = headings_with_their_text(data.page, candidates, forest.keep(X))
    return candidates[keep].tolist()


MAX_HEADING_CHARS = 200


def headings_with_their_text(page: Page, candidates: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """A heading goes with the text it introduces: kept when the next block that is
    not a heading is kept and sits in the heading's box, dropped otherwise.

    Short headings are the blocks the trees are least sure of (a few words, no links,
    no punctuation), and a heading without its text, or text without its heading,
    reads wrong either way.
    """
    blocks, containers = page.blocks, page.containers
    keep = keep.copy()
    following_kept = False
    following_box = -1
    for j in range(len(candidates) - 1, -1, -1):
        block = blocks[candidates[j]]
        if block.heading and len(block.text) <= MAX_HEADING_CHARS and block.link_density < 0.5:
            box = containers[block.container].parent
            inside = box >= 0 and box <= following_box < containers[box].end
            keep[j] = following_kept and inside
        else:
            following_kept = bool(keep[j])
            following_box = block.container
    return keep
