"""How-to pages: steps, and the methods or parts that group them, as sections.

A how-to page (wikiHow, eHow, a recipe, a blog's "do this, then that") lists its steps
in an ordered list whose items each open with a bold sentence, the step's instruction,
followed by its explanation (``<li><b>Stand facing a wall.</b> Put your hands...</li>``);
several such lists, each under a "Method 1: ..." or "Part 2 of 3: ..." heading, are a
page's alternative methods or successive parts.

How it maps onto the schema's flat ``sections`` list, in reading order:

- each step is a section numbered by its place in its list (1, 2, 3...), its heading
  the bold instruction (without its final full stop), its text the rest of the item
  (in the record's ``text``, the step reads "2. Lean into the wall slowly." then its
  text, as the list shows it);
- each method or part heading is a section of its own, numbered by the page ("Method
  2" is 2), its heading the method's name, its text whatever stands between it and its
  first step; the steps after it restart at 1, which is how a reader of the dataset
  tells a method from a step;
- the page's other headings ("Tips", "Warnings", "Things You'll Need") are unnumbered
  sections (number null), their lists their text.

Lines that only number a step ("1", "Step 3") are dropped: the number is the section's.

A page whose JSON-LD states its steps (a recipe's ``recipeInstructions``, a how-to's
``HowToStep``; :mod:`cleaning.extractor.stated_lines`) has them as its steps whatever
their markup (plain paragraphs, an ``<ol>`` of sentences, boxes with the number in a
``<span>``): each step is a section numbered in page order, its heading the step's
heading element, bold lead or first sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleaning.extractor.blocks import Block

MAX_INSTRUCTION = 150  # characters of a step's bold instruction
MIN_EXPLANATION = 20  # characters after it: a bold line alone is no step
MIN_STEPS = 2
STEP_SHARE = 0.6  # of a list's long items that must be steps for the list to be steps
LONG_ITEM = 60  # characters of a list item that could be a step

METHOD_LABEL = re.compile(
    r"^\s*(?:method|part|méthode|methode|método|metodo|teil|parte|partie|方法|部分)\s*"
    r"(?P<number>\d{1,2})(?:\s*(?:of|von|de|di|sur|/)\s*\d{1,2})?\s*[:.：\-–—]?\s*",
    re.IGNORECASE,
)
# A line that is nothing but a step's number: "1", "Step 3", "步骤 2", "第3步".
STEP_NUMBER_ONLY = re.compile(
    r"^\s*(?:(?:step|schritt|étape|etape|paso|passo|stap|krok|步骤)\s*)?\d{1,2}\s*[.:)：]?\s*$"
    r"|^\s*第\s*\d{1,2}\s*步\s*$",
    re.IGNORECASE,
)


# The number a step's own text opens with: "2. ", "Step 3: ", "4) ".
STEP_NUMBER_LEAD = re.compile(
    r"^\s*(?:(?:step|schritt|étape|etape|paso|passo|stap|krok|步骤)\s*)?\d{1,2}\s*[.:)：、]\s+",
    re.IGNORECASE,
)


@dataclass(slots=True)
class OutlineEntry:
    """One section start of a how-to page."""

    position: int  # index into the content blocks
    number: int | None
    heading: str
    line: str  # how the heading reads in the record's text
    rest: str = ""  # a step's explanation, in the same block as its instruction
    blocks: int = 1  # blocks the heading itself takes (a method's label and its name)


def is_step(block: Block) -> bool:
    """An item of an ordered list that opens with a bold instruction (words, not a
    footnote mark) and goes on to explain it."""
    lead = block.lead_bold
    return (
        bool(block.list_id)
        and 0 < len(lead) <= MAX_INSTRUCTION
        and sum(ch.isalpha() for ch in lead) >= 2
        and block.bold_share < 0.8
        and block.text.startswith(lead)
        and len(block.text) - len(lead) >= MIN_EXPLANATION
    )


def find_steps(blocks: list[Block], ordered_lists: set[int]) -> list[OutlineEntry]:
    """The steps of the page's step lists (``ordered_lists``: the container indexes of
    its ``<ol>`` elements), numbered within each list; [] when it has none (fewer than
    two steps in a list, or a list whose long items are mostly not steps: a list of
    facts with a bold word here and there)."""
    steps_of: dict[int, list[int]] = {}
    long_items: dict[int, int] = {}
    for i, block in enumerate(blocks):
        if block.list_id not in ordered_lists:
            continue
        if len(block.text) >= LONG_ITEM:
            long_items[block.list_id] = long_items.get(block.list_id, 0) + 1
        if is_step(block):
            steps_of.setdefault(block.list_id, []).append(i)
    found = []
    for list_id, items in steps_of.items():
        if len(items) < MIN_STEPS or len(items) < STEP_SHARE * long_items.get(list_id, 0):
            continue
        for number, i in enumerate(items, start=1):
            block = blocks[i]
            lead = block.lead_bold
            found.append(
                OutlineEntry(
                    position=i,
                    number=number,
                    heading=lead.rstrip(" :：.。-–—"),
                    line=f"{number}. {lead}",  # as the list shows it
                    rest=block.text[len(lead) :].strip(),
                )
            )
    return sorted(found, key=lambda entry: entry.position)


def stated_steps(blocks: list[Block], step_of: dict[int, int]) -> list[OutlineEntry]:
    """One entry per stated step (``step_of``: position of a content block -> the step
    it shows), at its first block, numbered 1, 2, 3 in page order; [] for fewer than
    two steps."""
    if len(set(step_of.values())) < MIN_STEPS:
        return []
    found: list[OutlineEntry] = []
    seen: set[int] = set()
    for i in sorted(step_of):
        if step_of[i] in seen:
            continue
        seen.add(step_of[i])
        number = len(found) + 1
        block = blocks[i]
        text = block.text
        if label := STEP_NUMBER_LEAD.match(text):  # "2. Stir": the number is the section's
            text = text[label.end() :]
        shown, rest = text, ""
        if not block.heading:
            lead = block.lead_bold if is_step(block) or text == block.lead_bold else ""
            shown = lead or first_sentence(text)
            rest = text[len(shown) :].strip()
        heading = shown.rstrip(" :：.。-–—")
        found.append(OutlineEntry(i, number, heading, f"{number}. {shown}", rest))
    return found


FIRST_SENTENCE = re.compile(r"^(.+?[.!?。！？])(?:\s|$)")


def first_sentence(text: str) -> str:
    """``text`` up to its first full stop (all of it when it has none)."""
    found = FIRST_SENTENCE.match(text)
    return found.group(1) if found else text


def how_to_outline(blocks: list[Block], steps: list[OutlineEntry]) -> list[OutlineEntry]:
    """The steps and the page's headings (``<h1>``-``<h4>``), methods and parts
    numbered, in reading order."""
    outline = list(steps)
    taken = {s.position for s in steps}
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if not 1 <= block.heading <= 4 or i in taken:
            i += 1
            continue
        entry = OutlineEntry(position=i, number=None, heading=block.text, line=block.text)
        label = METHOD_LABEL.match(block.text)
        if label:
            entry.number = int(label.group("number"))
            entry.heading = block.text[label.end() :].strip()
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            if not entry.heading and following is not None and following.heading == block.heading:
                # <h3><div>Method 1</div><span>Name</span></h3>: the name is its own block
                entry.heading = following.text
                entry.line = f"{block.text} {following.text}"
                entry.blocks = 2
        if entry.heading:
            outline.append(entry)
        i += entry.blocks
    return sorted(outline, key=lambda entry: entry.position)


def is_step_number(block: Block) -> bool:
    """A line that only numbers a step."""
    return len(block.text) <= 12 and STEP_NUMBER_ONLY.match(block.text) is not None
