"""Flatten a parsed page into blocks, with the compiled walk when it can be trusted.

The walk over every node of the page is most of the cleaner's time in Python (about
half on real pages). ``cleaning/extractor/_blockwalk.pyx`` is the same walk compiled: it reads
lexbor's structures directly, so it is used only with the selectolax release whose
lexbor layout it was written against, and only after it has given exactly the Python
walk's blocks and containers on a probe page that exercises every rule. Otherwise, or
with ``HEALTHCORPUS_PURE_PYTHON=1``, the Python walk of ``cleaning/extractor/blocks.py`` runs.
The output is the same either way (tests/test_flatten.py compares them page by page).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from types import ModuleType

import selectolax
from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleaning.extractor import blocks, classnames, textnorm
from cleaning.extractor.blocks import Block, Container, Page, assemble_page, python_flatten

log = logging.getLogger(__name__)

# The selectolax release whose lexbor structures cleaning/extractor/_lexbor_layout.h copies.
LAYOUT_SELECTOLAX = "1.0.2"

Walker = Callable[[LexborNode], tuple[list[Block], list[Container]]]

# Every rule of the walk, for the check before the compiled walk is trusted.
PROBE_PAGE = """<html><head><title>t</title></head><body>
loose <b>bold</b> text<br>after break
<div class="main-content" id="x"><h1>Title <em>here</em></h1>
<p><strong>1. Lead</strong> rest of <a href=" /a ">the link</a> and <a href="#top">top</a>
<a rel="nofollow prev" href="/p">Older</a> <a href="/n" rel="next"><b>Newer</b> one</a>
<a href="javascript:void(0)">js</a> <a>no href</a></p>
<p hidden>hidden p</p><p aria-hidden="true">aria</p><p aria-hidden="false">shown</p>
<span style="display: none">gone</span><span style="color:red">kept</span><span hidden>x</span>
<ul class="sidebar"><li>one</li><li><a href="/b"><h4>Block in link</h4> tail</a></li></ul>
<table><tr><td>a</td><td>b</td></tr><tr><td><p>x</p><p>y</p></td></tr></table>
<pre>line 1
  line 2<br>line 3</pre>
<nav><a href="/n">nav</a></nav><footer>foot</footer><header>head</header>
<div role="navigation">by role</div><div class="relatedPosts" role="complementary">rel</div>
<article><header>in article</header><section itemprop="articleBody">body</section></article>
<div data-healthcorpus-content="1" class="share">marked</div>
<script>var x;</script><style>p{}</style><svg><text>svg</text></svg>
<img src="i.png" alt="img"><my-widget>custom <i>inline</i></my-widget>
<!-- comment --><figure><figcaption>cap</figcaption>fig</figure>
<h2>Sub<br>two lines</h2><dl><dt>term</dt><dd>def</dd></dl><center>c</center>
<p>caf\u00e9 \u4e2d\u6587 &amp; &nbsp;x</p><font size=2>font</font>
<div class="">empty class</div><div id="">empty id</div><div title="t">titled</div>
</div><blockquote>quote</blockquote></body></html>"""


def _tag_names() -> set[str]:
    return (
        blocks.BLOCK_TAGS
        | blocks.SKIP_TAGS
        | blocks.BOLD_TAGS
        | blocks._PLAIN_INLINE
        | {"br", "a", "img"}
    )


def _configure(walk_module: ModuleType) -> None:
    probe = LexborHTMLParser("")
    tags = {probe.create_node(name).tag_id: name for name in sorted(_tag_names())}
    names = [*walk_module.ATTRIBUTES_READ, blocks.CONTENT_MARK]
    element = LexborHTMLParser(
        "<div " + " ".join(f'{name}="v"' for name in names) + "></div>"
    ).css_first("div")
    ids = walk_module.attribute_ids(element.mem_id)
    if len(ids) != len(names) or list(element.attributes) != names:
        raise ValueError("probe element lost attributes")
    last_static = walk_module.ATTR_LAST_ENTRY
    static = {i: name for i, name in zip(ids, names, strict=True) if i <= last_static}
    walk_module.configure(
        tags,
        static,
        skip=blocks.SKIP_TAGS,
        block=blocks.BLOCK_TAGS,
        plain=blocks._PLAIN_INLINE,
        bold=blocks.BOLD_TAGS,
        headings=blocks.HEADING_LEVEL,
        boiler=blocks.BOILER_TAGS,
        content_mark=blocks.CONTENT_MARK,
        max_depth=blocks.MAX_CONTAINER_DEPTH,
        block_type=Block,
        container_type=Container,
        link_type=blocks.Link,
        zero_width_table=textnorm.ZERO_WIDTH,
        hints=classnames.class_hints,
        rel_of=blocks.pager_rel,
        hidden=blocks._HIDDEN_STYLE,
    )


def load_compiled_walk(*, check: bool = True) -> Walker | None:
    """The compiled walk, configured and checked; None when it cannot be used here.

    ``check=False`` skips the probe-page comparison (the parity tests compare it
    themselves, page by page, and must see a walk that disagrees).
    """
    if os.environ.get("HEALTHCORPUS_PURE_PYTHON", "") not in ("", "0"):
        return None
    if selectolax.__version__ != LAYOUT_SELECTOLAX:
        log.debug(
            "compiled walk off: selectolax %s, layout of %s",
            selectolax.__version__,
            LAYOUT_SELECTOLAX,
        )
        return None
    try:
        from cleaning.extractor import _blockwalk
    except ImportError:
        return None
    try:
        _configure(_blockwalk)
    except (ValueError, KeyError) as exc:
        log.debug("compiled walk off: %s", exc)
        return None

    def compiled(body: LexborNode) -> tuple[list[Block], list[Container]]:
        return _blockwalk.Walk().run(body.mem_id)

    body = LexborHTMLParser(PROBE_PAGE).body
    if check and (body is None or compiled(body) != python_flatten(body)):
        log.debug("compiled walk off: it disagrees with the Python walk on the probe page")
        return None
    return compiled


_walk: Walker = load_compiled_walk() or python_flatten
COMPILED = _walk is not python_flatten


def _compiled_walk_module() -> ModuleType | None:
    if not COMPILED:
        return None
    from cleaning.extractor import _blockwalk

    return _blockwalk


# ``_blockwalk``, configured, when the compiled walk is the one in use; else None.
WALK_MODULE = _compiled_walk_module()


def html_to_page(body: LexborNode, base_url: str, *, mark: bool = False) -> Page:
    """Flatten a parsed ``<body>``; links will resolve against ``base_url``. ``mark``:
    the compiled walk also gathers the article metadata's elements (``Page.marked``),
    which spares the metadata step a query of the whole tree."""
    if not mark or WALK_MODULE is None:
        found, containers = _walk(body)
        return assemble_page(found, containers, base_url)
    walk = WALK_MODULE.Walk()
    found, containers = walk.run(body.mem_id, True)
    page = assemble_page(found, containers, base_url)
    page.marked = (body.mem_id, walk.marked)
    return page
