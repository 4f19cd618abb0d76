"""Recipes and how-tos whose JSON-LD states their lines: the ingredients and steps the
page shows are kept in the record, however little they look like prose."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from test_structure import EN

from cleaning import clean_html
from cleaning.extractor.blocks import text_to_page
from cleaning.extractor.stated_lines import StatedLine, json_ld_step_lines, stated_blocks

SNIPPETS = Path(__file__).resolve().parent.parent / "bench" / "pages" / "snippets"
INGREDIENTS = [
    ("50 g", "rolled oats"),
    ("300 ml", "semi-skimmed milk"),
    ("1", "ripe banana, sliced"),
    ("1 tsp", "ground cinnamon"),
    ("1 handful", "blueberries"),
]
STEPS = [
    "Put the oats and the milk in a small pan and bring to a gentle simmer.",
    "Cook for five minutes, stirring now and then, until thick and creamy.",
    "Serve topped with the banana, the cinnamon and the blueberries.",
]


def _script(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def _recipe_page(head: str, steps: str = "") -> str:
    """A recipe card after the article's prose: ingredients in a table, steps in boxes
    (or as ``steps`` says)."""
    rows = "".join(f"<tr><td>{amount}</td><td>{name}</td></tr>" for amount, name in INGREDIENTS)
    steps = steps or "".join(
        f'<div class="step"><span class="num">{n}</span><div>{step}</div></div>'
        for n, step in enumerate(STEPS, 1)
    )
    return (
        f"<html><head><title>Oat porridge | Healthy Eating</title>{head}</head><body>"
        '<nav><a href="/">Home</a> <a href="/recipes/">Recipes</a></nav>'
        f"<main><article><h1>Oat porridge</h1><p>{EN * 3}</p><p>{EN * 2}</p>"
        '<div class="recipe-card"><div class="meta"><span>Prep 5 min</span></div>'
        f'<h3>Ingredients</h3><table class="ingredients">{rows}</table>'
        f'<h3>Method</h3><div class="steps">{steps}</div></div></article>'
        '<aside><h3>Popular</h3><ul><li><a href="/r/1">Banana bread</a></li>'
        '<li><a href="/r/2">Green smoothie</a></li></ul></aside></main>'
        "<footer>© 2025 Healthy Eating</footer></body></html>"
    )


RECIPE = {
    "@context": "https://schema.org",
    "@type": "Recipe",
    "name": "Oat porridge",
    "recipeIngredient": [f"{amount} {name}" for amount, name in INGREDIENTS],
    "recipeInstructions": [{"@type": "HowToStep", "text": step} for step in STEPS],
}


def test_a_recipe_keeps_every_ingredient_and_step_its_data_states() -> None:
    """The steps are boxes with their number in a ``<span>``: numbered sections all
    the same, after the page's own headings, and the bare numbers leave the text."""
    record = clean_html(_recipe_page(_script(RECIPE)), url="http://food.test/r/oats").record
    assert record is not None
    for _, name in INGREDIENTS:
        assert name in record.text, name
    assert [(s.number, s.heading) for s in record.sections] == [
        (None, "Ingredients"),
        (None, "Method"),
        *((n, step.rstrip(".")) for n, step in enumerate(STEPS, 1)),
    ]
    assert record.text.endswith("\n\n".join(f"{n}. {s}" for n, s in enumerate(STEPS, 1)))
    assert "Banana bread" not in record.text and "Green smoothie" not in record.text


def test_stated_steps_in_an_ordered_list_or_numbered_paragraphs_are_sections() -> None:
    """Two sentences a step: the first heads the step, the second is its text."""
    steps = [f"{step} Then wait a minute." for step in STEPS]
    data = {**RECIPE, "recipeInstructions": [{"@type": "HowToStep", "text": s} for s in steps]}
    for markup in (
        "<ol>" + "".join(f"<li>{s}</li>" for s in steps) + "</ol>",
        "".join(f"<p>{n}. {s}</p>" for n, s in enumerate(steps, 1)),
    ):
        record = clean_html(_recipe_page(_script(data), markup), url="http://f.test/r/1").record
        assert record is not None
        numbered = [(s.number, s.heading, s.text) for s in record.sections if s.number]
        expected = [(n, s.rstrip("."), "Then wait a minute.") for n, s in enumerate(STEPS, 1)]
        assert numbered == expected, markup


def test_a_real_recipe_page_keeps_its_ingredients_and_numbered_steps() -> None:
    """przepisy.pl (a tuning page of the dev sets): each ingredient is a pair of
    one-word paragraphs ("dynia", "400 gramów"), which the block scorer alone drops."""
    html = gzip.decompress((SNIPPETS / "html" / "p0221.html.gz").read_bytes())
    record = clean_html(html, url="https://www.przepisy.pl/przepis/pierogi-z-dynia").record
    assert record is not None
    lines = record.text.split("\n\n")
    for ingredient in ("dynia", "cebula", "ząbki czosnku", "szałwia", "mąka", "jajko"):
        assert ingredient in lines, ingredient
    steps = [s for s in record.sections if s.number is not None]
    assert [s.number for s in steps] == [1, 2, 3, 4, 5, 6]
    assert steps[0].text.startswith("Z mąki, wody, soli i jajka zrób klasyczne ciasto")


WARM_UP = {"@type": "HowToStep", "name": "Warm up", "text": "Walk for five minutes."}


def test_how_to_sections_and_steps_are_read_with_their_names() -> None:
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "name": "How to stretch a calf"},
            {
                "@type": ["HowTo", "Article"],
                "supply": [{"@type": "HowToSupply", "name": "A towel"}],
                "step": [
                    {
                        "@type": "HowToSection",
                        "name": "Before you start",
                        "itemListElement": [WARM_UP],
                    },
                    {"@type": "HowToStep", "text": "Lean on a wall.\n\nHold for thirty seconds."},
                ],
            },
        ],
    }
    assert json_ld_step_lines([json.dumps(data)]) == [
        StatedLine("A towel"),
        StatedLine("Before you start"),  # a section's name: no step
        StatedLine("Warm up", 1),
        StatedLine("Walk for five minutes.", 1),
        StatedLine("Lean on a wall.", 2),
        StatedLine("Hold for thirty seconds.", 2),
    ]
    bare = {"@type": "Recipe", "recipeInstructions": "Mix the flour.\n\nBake it."}
    assert json_ld_step_lines([json.dumps(bare)]) == [
        StatedLine("Mix the flour.", 1),
        StatedLine("Bake it.", 2),
    ]
    broken = '{"@type": "Recipe", "recipeIngredient": ["1 egg", '
    assert json_ld_step_lines([broken, json.dumps({"@type": "Article", "step": ["x"]})]) == []


def test_a_block_matches_a_line_in_its_own_words_and_each_line_once() -> None:
    page = text_to_page(
        "1 large or 1200 g whole chicken\n"  # the page's wording of "1 large Whole chicken"
        "2 tablespoons vegetable oil\n"
        f"A whole chicken is best roasted slowly, as {EN}\n"  # prose holding a line's words
        "1 large or 1200 g whole chicken\n"  # the list shown a second time
        "Salt"
    )
    stated = ("1 large Whole chicken", "2 tablespoons Vegetable oil", "Salt")
    lines = [StatedLine(text) for text in stated]
    assert stated_blocks(page, lines, set()) == {0: lines[0], 1: lines[1], 4: lines[2]}
    assert set(stated_blocks(page, lines, {0})) == {1, 3, 4}  # the copy, once the first is out
    assert stated_blocks(page, lines[2:], set()) == {}  # one match alone is no evidence
    words = [StatedLine("chicken"), StatedLine("oil")]
    assert stated_blocks(page, words, set()) == {}  # a word of a line is not the line
