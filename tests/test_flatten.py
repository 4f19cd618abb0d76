"""The compiled block walk gives exactly the Python walk's blocks and containers.

``cleaning/extractor/_blockwalk.pyx`` reads lexbor's memory directly for speed; the Python walk
of ``cleaning/extractor/blocks.py`` is the reference. They are compared here page by page on
every HTML page the project has (test corpus, demo site, fixtures, and the real pages
of ``bench/pages``), on hostile shapes, and on fuzzed markup.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import selectolax
from hypothesis import given, settings
from selectolax.lexbor import LexborHTMLParser
from test_fuzz_cleaning import FUZZ, html_documents

from cleaning.extractor import flatten
from cleaning.extractor.blocks import MAX_CONTAINER_DEPTH, python_flatten
from cleaning.extractor.decode import decode_html

REPO = Path(__file__).resolve().parent.parent
BENCH_PAGES = REPO / "bench" / "pages" / "html"
PRINT_COMPILED = "from cleaning.extractor import flatten; print(flatten.COMPILED)"


def _project_pages() -> list[Path]:
    pages = sorted((REPO / "tests").rglob("*.html")) + sorted((REPO / "data").rglob("*.html"))
    return pages + (sorted(BENCH_PAGES.glob("*.html.gz")) if BENCH_PAGES.is_dir() else [])


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


# The compiled walk as built, without the probe-page check that guards its use.
COMPILED_WALK = flatten.load_compiled_walk(check=False)
needs_compiled = pytest.mark.skipif(
    COMPILED_WALK is None,
    reason="compiled walk not built (HEALTHCORPUS_PURE_PYTHON or no compiler)",
)


def _both(html: str) -> tuple[object, object]:
    tree = LexborHTMLParser(html)
    assert tree.body is not None and COMPILED_WALK is not None
    return COMPILED_WALK(tree.body), python_flatten(tree.body)


def test_the_compiled_walk_is_built_and_used() -> None:
    """`pip install -e .` builds it; losing it silently would halve the cleaner's speed."""
    if os.environ.get("HEALTHCORPUS_PURE_PYTHON"):
        pytest.skip("pure Python asked for")
    assert selectolax.__version__ == flatten.LAYOUT_SELECTOLAX
    assert flatten.COMPILED


@needs_compiled
def test_same_blocks_on_every_project_page() -> None:
    assert COMPILED_WALK is not None
    pages = _project_pages()
    assert len(pages) >= 60
    compared = 0
    for path in pages:
        html, _ = decode_html(_read(path), None)
        tree = LexborHTMLParser(html)
        if tree.body is None:
            continue
        compiled, python = COMPILED_WALK(tree.body), python_flatten(tree.body)
        assert compiled == python, path
        compared += 1
    assert compared >= 60


HOSTILE = {
    "deeper than the container cap": "<div>" * (MAX_CONTAINER_DEPTH + 40) + "deep text",
    "deep inline nesting": "<p>" + "<b><i><span>" * 3000 + "x",
    "deep links and bold": "<p>" + '<a href="/x"><strong>' * 500 + "in" + "</strong></a>" * 500,
    "attribute names past lexbor's short-string size": (
        '<div data-healthcorpus-content="1" data-a-very-long-attribute-name="v">marked</div>'
        '<div aria-hidden="true">x</div><div ARIA-HIDDEN="true">upper</div>'
        '<p CLASS="Sidebar" ID="Main">case</p><a HREF="/up">up</a>'
    ),
    "values without text": (
        '<div class id style hidden>a</div><div class="" id="">b</div>'
        '<p style="">c</p><a href>d</a><a href="">e</a><a href="  ">f</a>'
    ),
    "non-ASCII hints and text": (
        '<div class="обзор sidebar">п</div><div class="ſidebar">s</div><p>中文 ɑ &#x1F600;</p>'
        '<div class="artıcle">x</div><div style="DISPLAY:NONE">hidden</div>'
    ),
    "broken bytes and entities": "<p>a\udc80b</p><p>&#0; &#xD800; &bogus; \x00 nul</p>",
    "tables, lists, pre and breaks": (
        "<table><tr><td>a</td><td>b</td></tr><tr><td><p>1</p><p>2</p></td></tr></table>"
        "<ul><li>x<ol><li>y</li></ol></li></ul><pre> a\n  b<br>c</pre>x<br><br>y"
        "<dl><dt>t</dt><dd>d</dd></dl><menu><li>m</li></menu>"
    ),
    "links crossing blocks": '<a href="/a"><h4>Title</h4><p>lead</p>tail</a><a href="#x">t</a>',
    "empty body": "",
    "only skipped content": "<script>x</script><style>y</style><template><p>t</p></template>",
}


@needs_compiled
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_same_blocks_on_hostile_shapes(name: str) -> None:
    html = HOSTILE[name].encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    compiled, python = _both(f"<html><body>{html}</body></html>")
    assert compiled == python


@needs_compiled
@settings(FUZZ, max_examples=150)
@given(html_documents())
def test_same_blocks_on_fuzzed_markup(html: str) -> None:
    assert COMPILED_WALK is not None
    tree = LexborHTMLParser(html)
    if tree.body is None:
        return
    assert COMPILED_WALK(tree.body) == python_flatten(tree.body)


def test_pure_python_switch_gives_the_same_records(tmp_path: Path) -> None:
    """HEALTHCORPUS_PURE_PYTHON=1 turns the compiled walk off; the dataset is the same."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for path in sorted((REPO / "tests" / "corpus").rglob("*.html"))[:12]:
        (pages / f"{path.parent.name}-{path.name}").write_bytes(path.read_bytes())
    outputs = {}
    for pure in ("0", "1"):
        env = dict(os.environ, HEALTHCORPUS_PURE_PYTHON=pure)
        probe = subprocess.run(
            [sys.executable, "-c", PRINT_COMPILED],
            env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        if pure == "1":
            assert probe.stdout.strip() == "False"
        out = tmp_path / f"out{pure}"
        subprocess.run(
            [sys.executable, "-m", "crawler.cli", "clean", str(pages), "--out", str(out),
             "--format", "html"],
            env=env, check=True, capture_output=True,
        )  # fmt: skip
        table = pq.read_table(out, columns=["id", "title", "text", "sections", "related"])
        outputs[pure] = sorted(table.to_pylist(), key=lambda row: row["id"])
    assert outputs["0"], "the corpus pages gave no records"
    assert outputs["0"] == outputs["1"]


def test_another_selectolax_release_falls_back_to_python(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The layout is only trusted with the selectolax it was copied from."""
    monkeypatch.setattr(selectolax, "__version__", "9.9.9")
    assert flatten.load_compiled_walk() is None
