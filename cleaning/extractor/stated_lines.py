"""The lines a page's structured data states as its content, and the blocks that
show them: a recipe's ingredients and steps, a how-to's steps, supplies and tools
(schema.org ``Recipe`` and ``HowTo`` in JSON-LD, which recipe and how-to sites give
search engines for their rich results).

Ingredient lines are short, often in a table or a box of their own beside the
article's prose, and carry no punctuation: to a reader of shapes they look like a
menu, and the block scorer drops many of them. A block whose words are those of a
stated line is kept whatever its shape, and the blocks of stated steps become the
page's numbered steps (:mod:`cleaning.extractor.howto`).

The page shows a line in its own words ("1 large or 1200 g whole chicken" for the
stated "1 large Whole chicken"), so a block matches a line when it holds most of the
line's words and the line most of its own: not a long paragraph that happens to hold
a short ingredient's word. Each line is taken by as many blocks as the data states
it, the first in page order: a page that shows its ingredient list twice (a print
view, a tab for small screens) has the second copy judged like any other block.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from cleaning.extractor.blocks import Page
from cleaning.extractor.structured_data import MAX_JSON_LD_CHARS, MAX_NODES
from cleaning.extractor.textnorm import word_tokens

# The JSON-LD types whose lines are the page's content.
STEP_TYPES = frozenset({"Recipe", "HowTo"})
_ITEM_KEYS = ("recipeIngredient", "ingredients", "supply", "tool")
_STEP_KEYS = ("recipeInstructions", "step")
MAX_STATED_LINES = 500

MIN_LINE_SHARE = 0.8  # of a stated line's words that the block must hold
MIN_BLOCK_SHARE = 0.4  # of the block's words that the stated line must hold
MAX_LINK_DENSITY = 0.5  # a linked block (a tag cloud, a related recipe) is not a line
MIN_MATCHES = 2  # one block alone matching a one-word line ("Salt") is no evidence


@dataclass(frozen=True, slots=True)
class StatedLine:
    text: str
    step: int | None = None  # the step it is part of (its name, text, directions), in order


def json_ld_step_lines(scripts: list[str]) -> list[StatedLine]:
    """The ingredient, supply, tool and step lines of the ``Recipe`` and ``HowTo``
    items of the page's JSON-LD ``scripts`` (their sources), in the order stated; []
    when there are none. A text of several paragraphs gives one line per paragraph;
    a ``HowToSection``'s name is a line of no step, its steps are steps."""
    lines: list[StatedLine] = []
    budget = [MAX_NODES]
    steps = [0]
    for source in scripts:
        if len(source) > MAX_JSON_LD_CHARS or not any(t in source for t in STEP_TYPES):
            continue
        try:
            data = json.loads(source)
        except (ValueError, RecursionError):  # not JSON, or nested past the parser's stack
            continue
        for item in _typed_items(data, budget):
            for key in _ITEM_KEYS:
                _read(item.get(key), lines, budget, None)
            for key in _STEP_KEYS:
                _read(item.get(key), lines, budget, steps)
    return lines[:MAX_STATED_LINES]


def _typed_items(data: object, budget: list[int]) -> list[dict]:
    """The objects under ``data`` whose ``@type`` is (or lists) a recipe or how-to,
    walked without recursion and within ``budget`` values."""
    found, stack = [], [data]
    while stack and budget[0] > 0:
        value = stack.pop()
        budget[0] -= 1
        if isinstance(value, dict):
            kind = value.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k in STEP_TYPES for k in kinds):
                found.append(value)
            stack.extend(reversed(list(value.values())))
        elif isinstance(value, list):
            stack.extend(reversed(value))
    return found


def _read(
    value: object, lines: list[StatedLine], budget: list[int], steps: list[int] | None
) -> None:
    """The lines of one value: a string, a list, a ``HowToStep`` (its name, text and
    directions, one step), a ``HowToSection`` (its name, then its steps). ``steps``
    counts the steps read (None: the value holds items, not steps)."""
    stack: list[tuple[object, int | None]] = [(value, None)]
    while stack and budget[0] > 0 and len(lines) < MAX_STATED_LINES:
        value, step = stack.pop()
        budget[0] -= 1
        if isinstance(value, str):
            for text in filter(None, (t.strip() for t in value.splitlines())):
                # A bare string is steps, one a paragraph; a step's text is part of it.
                own = step if step is not None or steps is None else _next(steps)
                lines.append(StatedLine(text, own))
        elif isinstance(value, list):
            stack.extend((v, step) for v in reversed(value))
        elif isinstance(value, dict):
            kinds = value.get("@type")
            section = "HowToSection" in (kinds if isinstance(kinds, list) else [kinds])
            if steps is not None and step is None and not section:
                step = _next(steps)
            name = value.get("name")
            if isinstance(name, str) and name.strip():
                lines.append(StatedLine(name.strip(), None if section else step))
            parts = ([] if section else [value.get("text")]) + [value.get("itemListElement")]
            stack.extend((v, step) for v in reversed(parts) if v is not None)


def _next(steps: list[int]) -> int:
    steps[0] += 1
    return steps[0]


def stated_blocks(page: Page, lines: list[StatedLine], excluded: set[int]) -> dict[int, StatedLine]:
    """The blocks of ``page`` that show one of the ``lines``, with the line each shows."""
    stated = [set(word_tokens(line.text)) for line in lines]
    by_word: dict[str, list[int]] = {}
    for j, words in enumerate(stated):
        for word in words:
            by_word.setdefault(word, []).append(j)
    if not by_word:
        return {}
    left = Counter(frozenset(words) for words in stated)  # times each line is stated
    found: dict[int, StatedLine] = {}
    for i, block in enumerate(page.blocks):
        if i in excluded or block.boiler or block.link_density > MAX_LINK_DENSITY:
            continue
        words = set(word_tokens(block.text))
        shared = Counter(j for word in words for j in by_word.get(word, ()))
        for j, n in shared.most_common():
            key = frozenset(stated[j])
            if n >= MIN_LINE_SHARE * len(key) and n >= MIN_BLOCK_SHARE * len(words) and left[key]:
                left[key] -= 1
                found[i] = lines[j]
                break
    return found if len(found) >= MIN_MATCHES else {}
