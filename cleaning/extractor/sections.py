"""Splitting the article's blocks into intro and numbered sections.

A numbered heading is a block that starts with a number in one of the styles of
:data:`cleaning.extractor.patterns.NUMBERED_HEADING` and *looks* like a heading: an ``<h2>``-
``<h6>``, a paragraph that is all bold, or a short line that does not end like a
sentence. Candidates are grouped by numbering style, and the group that counts
1, 2, 3... furthest is the article's sequence; other numbered lines stay text (a
numbered list inside a section, a "(1)" sub-point). When no numbered sequence exists,
``<h2>``-``<h4>`` headings give unnumbered sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from cleaning.dataset.schema import Section
from cleaning.extractor.blocks import Block
from cleaning.extractor.howto import (
    FIRST_SENTENCE,
    OutlineEntry,
    find_steps,
    how_to_outline,
    is_step_number,
    stated_steps,
)
from cleaning.extractor.patterns import NUMBERED_HEADING, SENTENCE_END, cjk_numeral_value
from cleaning.extractor.textnorm import cjk_share

MAX_PLAIN_HEADING = 90  # characters of a heading that is neither <hN> nor bold
MAX_PLAIN_HEADING_CJK = 40
MAX_LEAD_HEADING = 120  # a bold lead longer than this is emphasis, not a heading


@dataclass(slots=True)
class HeadingCandidate:
    position: int  # index into the content block list
    number: int
    heading: str
    style: str
    strength: int  # 3 <hN>, 2 bold paragraph or bold lead, 1 plain line
    rest: str = ""  # text after a bold lead heading, in the same paragraph


@dataclass(slots=True)
class Structure:
    """Intro paragraphs, then sections with their display heading line."""

    intro: list[str]
    sections: list[Section]
    heading_lines: list[str]


def numbered_candidate(block: Block, position: int) -> HeadingCandidate | None:
    """A block that reads like a numbered heading, or None."""
    # List items and data-table rows are lists and tables, not headings. (Text in a layout
    # table's cell, often paragraphs split by <br>, is still prose: td blocks that were
    # not merged into a row.)
    if block.tag in ("li", "tr", "th") or (block.list_id and block.tag not in ("p", "div")):
        return None
    text, rest = block.text, ""
    if block.bold_share < 0.8 and block.lead_bold and len(block.lead_bold) <= MAX_LEAD_HEADING:
        # "<p><strong>1. Heading.</strong> The section's first sentence...</p>"
        text = block.lead_bold
        rest = block.text[len(text) :].strip() if block.text.startswith(text) else ""
    match = NUMBERED_HEADING.match(text)
    if match is None:
        return _step_label_heading(block, position)
    groups = match.groupdict()
    style = next(
        k
        for k in ("dot", "comma", "paren", "wrapped", "cjk", "cjkwrapped", "cjkord", "wordnum")
        if groups.get(k)
    )
    raw = groups[style]
    number = int(raw) if raw.isdigit() else cjk_numeral_value(raw)
    if not number:
        return None
    if style == "wordnum":
        style = "word:" + groups["word"].lower()
    heading = match.group("heading").strip()
    if rest:
        heading = heading.rstrip(" :：.-–—")
    if block.heading >= 2:
        strength = 3
    elif block.bold_share >= 0.8 or rest:
        strength = 2
    else:
        limit = MAX_PLAIN_HEADING_CJK if cjk_share(heading) > 0.3 else MAX_PLAIN_HEADING
        if len(heading) > limit or SENTENCE_END.search(heading):
            return None
        strength = 1
    return HeadingCandidate(position, number, heading, style, strength, rest)


_STEP_LABEL = re.compile(
    r"^\s*(?P<word>step|schritt|étape|etape|paso|passo|stap|krok)\s*(?P<number>\d{1,2})\s*[.:)]?\s*$",
    re.IGNORECASE,
)


def _step_label_heading(block: Block, position: int) -> HeadingCandidate | None:
    """A heading that is only "Step 3" (eHow): numbered, its name to be read off the
    text under it (``split_sections`` does)."""
    if not (block.heading >= 2 or block.bold_share >= 0.8):
        return None
    label = _STEP_LABEL.match(block.text)
    if label is None:
        return None
    strength = 3 if block.heading >= 2 else 2
    style = "word:" + label.group("word").lower()
    return HeadingCandidate(position, int(label.group("number")), "", style, strength)


def _named_from_text(body: list[str], first: Block | None) -> tuple[str, str]:
    """A bare "Step 3" heading's name, and the words of the text it took: the bold
    instruction the text opens with (moved out of the text, into the heading line),
    else the text's first sentence (left in it), else nothing."""
    if first is not None and first.lead_bold and first.text.startswith(first.lead_bold) and body:
        lead = first.lead_bold
        body[0] = body[0][len(lead) :].strip()
        if not body[0]:
            body.pop(0)
        return lead.rstrip(" :：.。-–—"), lead
    if body:
        sentence = FIRST_SENTENCE.match(body[0])
        if sentence and len(sentence.group(1)) <= MAX_LEAD_HEADING:
            return sentence.group(1).rstrip(" .。"), ""
    return "", ""


def _longest_run(candidates: list[HeadingCandidate]) -> list[HeadingCandidate]:
    """The first 1, 2, 3... run in page order (gaps of other lines are fine)."""
    best: list[HeadingCandidate] = []
    for start, first in enumerate(candidates):
        if first.number != 1:
            continue
        run = [first]
        for cand in candidates[start + 1 :]:
            if cand.number == run[-1].number + 1:
                run.append(cand)
            elif cand.number == 1:
                break
        if len(run) > len(best):
            best = run
    return best


def _is_list_not_sections(run: list[HeadingCandidate], blocks: list[Block]) -> bool:
    """Plain numbered lines with nothing between them are a list, not headings."""
    if run[0].strength >= 2:
        return False
    positions = [c.position for c in run] + [len(blocks)]
    empty = sum(1 for a, b in pairwise(positions) if b - a <= 1)
    return empty * 2 > len(run)


def find_numbered_headings(blocks: list[Block]) -> list[HeadingCandidate]:
    """The article's numbered section headings, or [] when it has no sequence."""
    groups: dict[tuple[str, int], list[HeadingCandidate]] = {}
    for position, block in enumerate(blocks):
        cand = numbered_candidate(block, position)
        if cand is not None:
            groups.setdefault((cand.style, cand.strength), []).append(cand)
    best: list[HeadingCandidate] = []
    for (_, strength), cands in sorted(groups.items(), key=lambda kv: -kv[0][1]):
        run = _longest_run(cands)
        if len(run) < 2 or _is_list_not_sections(run, blocks):
            continue
        if len(run) > len(best) or (len(run) == len(best) and strength > best[0].strength):
            best = run
    return best


MAX_HEADING_CHARS = 200  # a heading element longer than this is a paragraph in disguise
MAX_SECTION_LEVEL = 4  # <h5>, <h6>: labels and widget titles more often than sections
MAX_BOLD_HEADING = 100  # a bold line longer than this is emphasis, not a heading


def is_heading_like(
    block: Block, following: Block | None, previous: Block | None = None
) -> bool:
    """A heading element, a bold line standing alone, a definition term, or, in a text
    dump, a short line between paragraphs: a block that introduces the text after it.

    A bold line is a heading when it is short, does not end like a sentence and is
    followed by text that is not bold itself (a run of bold lines is emphasis or a
    list); a ``<dt>`` when its ``<dd>`` follows; a dump's line when it is short, does
    not end like a sentence, and stands between two paragraphs longer than itself.
    """
    if block.heading:
        return len(block.text) <= MAX_HEADING_CHARS
    if following is None or following.heading:
        return False
    if block.tag == "dt":
        return following.tag == "dd" and len(block.text) <= MAX_HEADING_CHARS
    if block.tag == "line":
        return _is_heading_line(block, following, previous)
    return (
        block.tag in ("p", "div")
        and not block.list_id
        and block.bold_share >= 0.9
        and len(block.text) <= MAX_BOLD_HEADING
        and following.bold_share < 0.5
        and SENTENCE_END.search(block.text) is None
        and block.link_density < 0.5
    )


MAX_LINE_HEADING = 80  # characters of a dump's heading line (CJK: 30)
MIN_PARAGRAPH_LINE = 100  # a dump's paragraph line around a heading line (CJK: 40)


def _is_heading_line(block: Block, following: Block, previous: Block | None) -> bool:
    """A text dump's unnumbered heading: "Worsens at night" between two paragraphs."""
    text = block.text
    cjk = cjk_share(text) > 0.3
    if len(text) > (30 if cjk else MAX_LINE_HEADING) or SENTENCE_END.search(text):
        return False
    if text.rstrip().endswith((",", "，", "、", "…", "...")):
        return False
    longest = 40 if cjk else MIN_PARAGRAPH_LINE
    around = [b for b in (previous, following) if b is not None]
    return all(len(b.text) >= max(longest, 2 * len(text)) for b in around)


def find_plain_headings(blocks: list[Block]) -> list[HeadingCandidate]:
    """Unnumbered headings as section starts (number null): the outline of an article
    that does not number it. Heading elements ``<h1>``-``<h4>`` when the article has
    any (bold lines and ``<h5>``/``<h6>`` under them are sub-points that stay in their
    sections' text); otherwise bold heading lines and definition terms, the outline
    of pages written without heading elements."""
    elements = [
        HeadingCandidate(i, 0, b.text, "heading", 3)
        for i, b in enumerate(blocks)
        if 1 <= b.heading <= MAX_SECTION_LEVEL and len(b.text) <= MAX_HEADING_CHARS
    ]
    if elements:
        return elements
    found = []
    for i, block in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        previous = blocks[i - 1] if i else None
        if is_heading_like(block, following, previous):
            found.append(HeadingCandidate(i, 0, block.text, "heading", 2))
    return found


def _with_peer_headings(
    blocks: list[Block], numbered: list[HeadingCandidate]
) -> list[HeadingCandidate]:
    """A numbered sequence of heading elements, and the unnumbered heading elements of
    the same rank or above around it ("Things You'll Need" before "Step 1", a final
    "Conclusion"): sections too, numbered null. Lower headings stay in their section's
    text, as sub-points of it."""
    if numbered[0].strength < 3:
        return numbered
    rank = min(blocks[h.position].heading for h in numbered)
    taken = {h.position for h in numbered}
    peers = [
        HeadingCandidate(i, 0, b.text, "heading", 3)
        for i, b in enumerate(blocks)
        if i not in taken and 1 <= b.heading <= rank and len(b.text) <= MAX_HEADING_CHARS
    ]
    return sorted(numbered + peers, key=lambda h: h.position)


def _without_trailing_headings(blocks: list[Block]) -> list[Block]:
    """Headings with nothing under them at the very end ("Trending now", "More:") are
    the start of page furniture that the content region cut off, not article text."""
    end = len(blocks)
    while end > 0 and blocks[end - 1].heading >= 2:
        end -= 1
    return blocks[:end]


def paragraphs(blocks: list[Block]) -> list[str]:
    """Blocks to paragraphs: list items of one list, and rows of one table, stay together."""
    out: list[str] = []
    group_key: tuple[str, int] | None = None
    for block in blocks:
        if block.tag == "li" and block.list_id:
            key: tuple[str, int] | None = ("list", block.list_id)
        elif block.tag == "tr":
            key = ("table", 0)
        else:
            key = None
        if key is not None and key == group_key:
            out[-1] += "\n" + block.text
        else:
            out.append(block.text)
        group_key = key
    return out


def split_sections(
    blocks: list[Block],
    ordered_lists: set[int] | None = None,
    step_of: dict[int, int] | None = None,
) -> Structure:
    """Intro and sections of the article's content blocks: a how-to page's steps (see
    :mod:`cleaning.extractor.howto`; ``ordered_lists`` are the container indexes of the
    page's ``<ol>`` elements), else a numbered sequence of headings, else the steps
    its structured data states (``step_of``: a block's position -> its step), else the
    article's unnumbered headings."""
    blocks = _without_trailing_headings(blocks)
    steps = find_steps(blocks, ordered_lists) if ordered_lists else []
    if steps:
        return _how_to_structure(blocks, steps)
    numbered = find_numbered_headings(blocks)
    if not numbered and step_of:
        shown = {i: step for i, step in step_of.items() if i < len(blocks)}
        if steps := stated_steps(blocks, shown):
            return _how_to_structure(blocks, steps)
    headings = _with_peer_headings(blocks, numbered) if numbered else find_plain_headings(blocks)
    if not headings:
        return Structure(paragraphs(blocks), [], [])
    intro = paragraphs(blocks[: headings[0].position])
    sections: list[Section] = []
    lines: list[str] = []
    bounds = [h.position for h in headings[1:]] + [len(blocks)]
    for head, end in zip(headings, bounds, strict=True):
        body = paragraphs(blocks[head.position + 1 : end])
        if head.rest:
            body.insert(0, head.rest)
        heading = head.heading
        line = blocks[head.position].text
        if not heading:  # a bare "Step 3": named by its text, and read "Step 3: Name."
            first = blocks[head.position + 1] if head.position + 1 < end else None
            heading, lead = _named_from_text(body, first)
            line = f"{line}: {lead}" if lead else line
            heading = heading or line
        number = head.number if head.number else None
        sections.append(Section(number=number, heading=heading, text="\n\n".join(body)))
        lines.append(line[: len(line) - len(head.rest)].strip() if head.rest else line)
    return Structure(intro, sections, lines)


def _how_to_structure(blocks: list[Block], steps: list[OutlineEntry]) -> Structure:
    """Sections of a how-to page: methods, steps and other headings, in reading order."""
    outline = how_to_outline(blocks, steps)
    intro = paragraphs(_without_step_numbers(blocks[: outline[0].position]))
    sections: list[Section] = []
    lines: list[str] = []
    bounds = [entry.position for entry in outline[1:]] + [len(blocks)]
    for entry, end in zip(outline, bounds, strict=True):
        body = paragraphs(_without_step_numbers(blocks[entry.position + entry.blocks : end]))
        if entry.rest:
            body.insert(0, entry.rest)
        sections.append(Section(number=entry.number, heading=entry.heading, text="\n\n".join(body)))
        lines.append(entry.line)
    return Structure(intro, sections, lines)


def _without_step_numbers(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if not is_step_number(b)]
