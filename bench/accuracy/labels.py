"""Which blocks of a bench page are article text, from what each set says of the page.

- Full-text sets (benchmark, Readability): the page's block texts are laid end to end
  as one token stream; a token is *covered* when a run of 4 consecutive stream tokens
  holding it is a 4-token shingle of the true text. A block is article text when most
  of its tokens are covered. Laying the blocks end to end is what keeps a one-word
  menu item ("Watch") from matching the same word somewhere in the article: its
  shingles run into the neighbouring menu items, which the article does not have.
- Segments (trafilatura's set): a block holding a ``with`` segment, or held in one
  (if it is not a mere word of it), is article text; the same with a ``without``
  segment is not; every other block is unknown (-1) and left out of training.
"""

from __future__ import annotations

import re

from bench.accuracy.metrics import collapse
from cleaning.extractor.blocks import Block

_TOKEN = re.compile(r"\w+")
UNKNOWN = -1
MIN_COVERED = 0.5  # share of a block's tokens that must be covered
MIN_PART_CHARS = 20  # a block held in a segment must be this long to take its label


def full_text_labels(blocks: list[Block], truth: str) -> list[int]:
    """1 article, 0 not, -1 for a block without word characters."""
    true_tokens = _TOKEN.findall(truth)
    shingles = {tuple(true_tokens[i : i + 4]) for i in range(len(true_tokens) - 3)}
    stream: list[str] = []
    owner: list[int] = []
    for index, block in enumerate(blocks):
        for token in _TOKEN.findall(block.text):
            stream.append(token)
            owner.append(index)
    covered = [False] * len(stream)
    for i in range(len(stream) - 3):
        if tuple(stream[i : i + 4]) in shingles:
            covered[i] = covered[i + 1] = covered[i + 2] = covered[i + 3] = True
    total = [0] * len(blocks)
    hits = [0] * len(blocks)
    for i, index in enumerate(owner):
        total[index] += 1
        hits[index] += covered[i]
    return [
        UNKNOWN if total[b] == 0 else int(hits[b] / total[b] >= MIN_COVERED)
        for b in range(len(blocks))
    ]


def _overlaps(text: str, segment: str) -> bool:
    return segment in text or (text in segment and (len(text) >= MIN_PART_CHARS or text == segment))


def segment_labels(blocks: list[Block], with_: list[str], without: list[str]) -> list[int]:
    """1 for a block of a ``with`` segment, 0 of a ``without`` one, else -1."""
    keep = [collapse(s) for s in with_]
    drop = [collapse(s) for s in without]
    labels = []
    for block in blocks:
        text = collapse(block.text)
        if len(text) < 3:
            labels.append(UNKNOWN)
            continue
        positive = any(_overlaps(text, s) for s in keep)
        negative = any(_overlaps(text, s) for s in drop)
        if positive != negative:
            labels.append(int(positive))
        else:
            labels.append(UNKNOWN)
    return labels
