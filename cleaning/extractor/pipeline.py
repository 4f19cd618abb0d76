"""From a raw page to a record: the order in which the cleaning steps run.

``clean_html`` parses once (selectolax/lexbor), flattens the page into blocks once,
and every step after that works on the block list:

1. title (``<h1>`` / ``og:title`` / ``<title>``), 2. prev/next and related links,
3. the main content region, 4. numbered sections, 5. the article check, 6. the record.

A page that is not an article gives no record but a named ``skip_reason``, which the
crawler and the offline cleaner count in the run manifest.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from html import escape

from selectolax.lexbor import LexborHTMLParser, LexborNode

from cleaning.dataset.schema import Record, Reference, Section, content_hash, stable_id
from cleaning.extractor.blocks import CONTENT_MARK, Block, Page, pager_rel, text_to_page
from cleaning.extractor.content import Content, choose_content
from cleaning.extractor.decode import decode_html, decode_text
from cleaning.extractor.flatten import html_to_page
from cleaning.extractor.language import detect_language
from cleaning.extractor.linkblocks import LinkParts, find_link_parts
from cleaning.extractor.metadata import (
    WANTED_META,
    ArticleMetadata,
    find_references,
    read_page_metadata,
)
from cleaning.extractor.metadata.dom import MarkedNodes, marked_nodes
from cleaning.extractor.pager import HeadLink
from cleaning.extractor.patterns import SITE_PAGE_TITLE, SITE_PAGE_URL, TEASER_END
from cleaning.extractor.profiles import SiteProfile
from cleaning.extractor.sections import Structure, split_sections
from cleaning.extractor.stated_lines import StatedLine, json_ld_step_lines, stated_blocks
from cleaning.extractor.structured_data import json_ld_article_body
from cleaning.extractor.textnorm import (
    cjk_share,
    collapse_spaces,
    count_words,
    fix_text,
    may_need_fixing,
    prose_likeness,
)
from cleaning.extractor.title import comparable, find_text_title, find_title
from cleaning.result import CleanResult
from cleaning.urls import canonical_url, join_url, site_of, url_path
from cleaning.version import EXTRACTOR_VERSION

MIN_PROSE_LIKENESS = 0.85  # below this share of prose characters, the body is noise
MIN_ARTICLE_WORDS = 15  # below this, a page is a stub or a form whatever it claims
CJK_WORD_FACTOR = 2  # a CJK character counts as a word, and words take one or two
SURE_ARTICLE_WORDS = 250  # above this, a page named like a site page is an article still
MAX_HTML_CHARS = 5_000_000  # bound the work on a hostile page


@dataclass(slots=True)
class _HeadInfo:
    title: str = ""
    og_title: str = ""
    site_name: str = ""
    canonical: str | None = None
    base: str | None = None  # <base href>, which relative links resolve against
    # <link rel="prev"/"next" href title>: the pager of a series, by kind
    pager: dict[str, HeadLink] = field(default_factory=dict)
    # (key, content) of the <meta> elements that state the article's metadata: those
    # keyed by RDFa's `property` first, then by `name` (the more specific form wins)
    meta: list[tuple[str, str]] = field(default_factory=list)
    meta_named: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class ParsedPage:
    """A page decoded and parsed once (``parse_html``), for the cleaner and for anyone
    else who reads the same page, such as the crawl's link extraction."""

    html: str  # the decoded text that was parsed ("" when the page was refused)
    tree: LexborHTMLParser | None  # None when the page was refused
    skip_reason: str | None = None  # why it was refused (empty, too deep)


def parse_html(body: bytes | str, declared_encoding: str | None = None) -> ParsedPage:
    """Decode (HTTP charset, meta, BOM, sniffing), bound and parse. (The record's text is
    normalised to NFC at the end, ``_build_record``: a fifth of what the whole page's
    normalisation cost.)"""
    html, _encoding = decode_html(body, declared_encoding)
    if not html.strip():
        return ParsedPage("", None, "empty")
    html = html[:MAX_HTML_CHARS]
    if _too_deep(html):
        return ParsedPage("", None, "too_deep")
    tree = LexborHTMLParser(html)
    if tree.body is None:
        return ParsedPage(html, None, "empty")
    return ParsedPage(html, tree)


def clean_html(
    body: bytes | str,
    *,
    url: str,
    declared_encoding: str | None = None,
    fetched_at: datetime | None = None,
    http_status: int | None = None,
    crawl_id: str = "",
    profile: SiteProfile | None = None,
) -> CleanResult:
    """Clean one HTML page into a record (or a skip reason).

    ``profile`` (optional) overrides the generic rules for this page's site.
    """
    return clean_parsed(
        parse_html(body, declared_encoding),
        url=url,
        fetched_at=fetched_at,
        http_status=http_status,
        crawl_id=crawl_id,
        profile=profile,
    )


def clean_parsed(
    parsed: ParsedPage,
    *,
    url: str,
    fetched_at: datetime | None = None,
    http_status: int | None = None,
    crawl_id: str = "",
    profile: SiteProfile | None = None,
) -> CleanResult:
    """``clean_html`` of a page already parsed by ``parse_html``. The tree is used up:
    a profile's removals change it."""
    prepared = prepare_page(parsed, url=url, profile=profile)
    if prepared is None:
        return CleanResult(None, parsed.skip_reason or "empty")
    head, page, title = prepared.head, prepared.page, prepared.title
    nodes = marked_nodes(parsed.tree, page) if parsed.tree is not None else None
    stated = _stated_blocks(nodes, page, prepared.excluded)
    content = choose_content(
        page, prepared.excluded, title_index=prepared.title_index, stated=frozenset(stated)
    )
    references, listed = find_references(page, content.indexes, prepared.title_index)
    chosen = [i for i in content.indexes if i not in listed] if listed else content.indexes
    blocks = [page.blocks[i] for i in chosen]
    step_of = {
        position: line.step
        for position, i in enumerate(chosen)
        if (line := stated.get(i)) is not None and line.step is not None
    }
    structure = split_sections(blocks, _ordered_lists(page, blocks), step_of)
    links = prepared.links
    reason = _not_article_reason(structure, page, content.indexes, url, title)
    if reason == "no_text" and content.ruled and _looks_like_listing(page, content.ruled):
        reason = "listing"  # the scorer kept none of a list's entries: say what it is
    if (reason in _NOTHING_FOUND or not reason) and '"articleBody"' in parsed.html:
        found = 0 if reason else len(_body_text(structure))
        stated = _stated_article(parsed.tree, prepared, url, found)
        if stated is not None:
            structure, reason = stated, None
    if reason := reason or _missing_title(title):
        return CleanResult(None, reason)
    canonical = canonical_url(url, head.canonical)
    metadata = read_page_metadata(
        parsed.tree,
        parsed.html,
        head.meta + head.meta_named,
        page,
        title=title,
        title_index=prepared.title_index,
        content=chosen,
        url=canonical,
        base=head.base or url,
        now=fetched_at,
        nodes=nodes,
    )
    record = _build_record(
        url=url,
        canonical=canonical,
        title=title,
        structure=structure,
        links=links,
        fetched_at=fetched_at,
        http_status=http_status,
        crawl_id=crawl_id,
        metadata=metadata,
        references=references,
    )
    return CleanResult(record)


@dataclass(slots=True)
class PreparedPage:
    """A page flattened, its title and link parts found: what the content chooser
    starts from (and what ``bench/train_block_scorer.py`` reads the features of)."""

    head: _HeadInfo
    page: Page
    title: str
    title_index: int | None  # the block that shows the title
    links: LinkParts
    excluded: set[int]  # blocks the content chooser must not take: link parts, title


def prepare_page(
    parsed: ParsedPage, *, url: str, profile: SiteProfile | None = None
) -> PreparedPage | None:
    """Everything before the choice of content; None when the page was refused."""
    tree = parsed.tree
    if tree is None or tree.body is None:
        return None
    head = _read_head(tree, url)
    profile_title = _apply_profile(tree, profile, head) if profile else None
    if "<noscript" in parsed.html:
        _open_noscript_articles(tree)
    page = html_to_page(tree.body, head.base or url, mark=True)
    _repair_text(page)
    if profile_title:
        title, title_index = find_title(page, profile_title, "")
        title = profile_title if title_index is None else title
    else:
        title, title_index = find_title(page, head.title, head.og_title, head.site_name)
    links = find_link_parts(page, has_links=True, head_pager=head.pager)
    excluded = set(links.consumed)
    excluded.update(_title_repeats(page.blocks, title, title_index))
    return PreparedPage(head, page, title, title_index, links, excluded)


MIN_NOSCRIPT_PROSE = 500  # characters of text, in paragraphs, that make one an article


def _open_noscript_articles(tree: LexborHTMLParser) -> None:
    """A ``<noscript>`` holding paragraphs of prose is walked like the page: some
    platforms (Blogger's templates) put the article there and script it in. Not when
    its first paragraph is on the page already (a copy for readers without
    JavaScript), and not the rest (tracking pixels, "enable JavaScript" notes, image
    fallbacks)."""
    for node in tree.css("noscript"):
        first = node.css_first("p")
        if first is None or len(node.text(deep=True)) < MIN_NOSCRIPT_PROSE:
            continue
        opening = first.text(deep=True).strip()
        if _count_paragraphs(tree, opening) == _count_paragraphs(node, opening):
            node.unwrap()


def _count_paragraphs(root: LexborHTMLParser | LexborNode, text: str) -> int:
    return sum(1 for p in root.css("p") if p.text(deep=True).strip() == text)


# lexbor's parse time grows with the square of how deeply block elements nest (each
# new <div> looks down the stack of open elements): 10,000 levels take 0.1 s, 20,000
# 0.5 s, 200,000 about two minutes. No real page nests a thousand deep; a hostile or
# broken one could stall a cleaning worker for good. Counting is only done on pages
# with enough tags to be that deep; on the others it costs one C-speed count.
MAX_BLOCK_NESTING = 20_000
_BLOCK_TAG = re.compile(r"<(/?)(?:div|blockquote|section|article|center|form|fieldset)[\s>/]", re.I)


def _too_deep(html: str) -> bool:
    """Whether block elements nest deeper than MAX_BLOCK_NESTING, counted from their
    tags in document order (a broken page that never closes them counts too)."""
    if html.count("<") < MAX_BLOCK_NESTING:
        return False
    depth = 0
    for tag in _BLOCK_TAG.finditer(html):
        if tag.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > MAX_BLOCK_NESTING:
                return True
    return False


def clean_text(
    body: bytes | str,
    *,
    url: str,
    fetched_at: datetime | None = None,
    crawl_id: str = "",
) -> CleanResult:
    """Clean a plain-text dump of a page (title on the first line) into a record."""
    text, _encoding = decode_text(body)
    text = fix_text(text)
    page = text_to_page(text)
    if not page.blocks:
        return CleanResult(None, "empty")
    title, title_lines = find_text_title(page.blocks)
    links = find_link_parts(page, has_links=False)
    excluded = set(links.consumed) | title_lines
    content = choose_content(page, excluded, scorer=False)
    title_index = min(title_lines) if title_lines else None
    references, listed = find_references(page, content.indexes, title_index)
    chosen = [i for i in content.indexes if i not in listed] if listed else content.indexes
    blocks = [page.blocks[i] for i in chosen]
    structure = split_sections(blocks)
    reason = _not_article_reason(structure, page, chosen, url, title)
    if reason := reason or _missing_title(title):
        return CleanResult(None, reason)
    metadata = read_page_metadata(
        None, "", [], page, title=title, title_index=title_index, content=chosen,
        url=url, base=url, now=fetched_at,
    )  # fmt: skip
    record = _build_record(
        url=url,
        canonical=url,
        title=title,
        structure=structure,
        links=links,
        fetched_at=fetched_at,
        http_status=None,
        crawl_id=crawl_id,
        metadata=metadata,
        references=references,
    )
    return CleanResult(record)


# Everything _read_head looks at, found in one pass over the document (in document
# order, each element once) rather than one CSS query per kind.
_HEAD_ELEMENTS = "title, meta[property], meta[name], link[rel], base[href]"


def _read_head(tree: LexborHTMLParser, url: str) -> _HeadInfo:
    info = _HeadInfo()
    title = base = None
    canonical_found = False
    for node in _head_scope(tree).css(_HEAD_ELEMENTS):
        tag = node.tag
        if tag == "title":
            title = title or node
        elif tag == "meta":
            _read_meta(info, node.attributes)
        elif tag == "link":
            attributes = node.attributes
            rels = (attributes.get("rel") or "").lower().split()
            if not canonical_found and "canonical" in rels:
                info.canonical = attributes.get("href")
                canonical_found = True
            rel = pager_rel(attributes.get("rel"))
            href = (attributes.get("href") or "").strip()
            if rel and href and rel not in info.pager:
                info.pager[rel] = HeadLink(href, fix_text(attributes.get("title") or ""))
        elif tag == "base":
            base = base or node
    if title is not None:
        info.title = fix_text(title.text(deep=True).strip())
    if base is not None:
        info.base = join_url(url, (base.attributes.get("href") or "").strip())
    return info


_HEAD_TAGS = frozenset({"title", "meta", "link", "base"})
MAX_STRAY_CHILDREN = 64  # children of <body> looked at for head elements that strayed


def _head_scope(tree: LexborHTMLParser) -> LexborHTMLParser | LexborNode:
    """Where the head's elements are: the <head> (a query of it costs half one of the
    whole page), or the whole page when some strayed into the body (an element the
    parser does not allow in a <head> closes it early; what follows then opens the
    body: a <title>, <link>s and <meta>s among the body's first children)."""
    head = tree.head
    if head is None or tree.body is None or head.css_first("title") is None:
        return tree
    for n, child in enumerate(tree.body.iter()):
        if child.tag in _HEAD_TAGS:
            return tree
        if n >= MAX_STRAY_CHILDREN:
            break
    return head


def _read_meta(info: _HeadInfo, attributes: dict[str, str | None]) -> None:
    key = (attributes.get("property") or attributes.get("name") or "").lower()
    if key.startswith(("dc:", "dcterms:")):  # RDFa's prefix form of Dublin Core's names
        key = key.replace(":", ".", 1)
    value = (attributes.get("content") or "").strip()
    if key == "og:title" and value:
        info.og_title = fix_text(value)
    elif key in ("og:site_name", "application-name") and value:
        info.site_name = fix_text(value)
    if key in WANTED_META and value:
        (info.meta if attributes.get("property") else info.meta_named).append((key, value))


def _apply_profile(tree: LexborHTMLParser, profile: SiteProfile, head: _HeadInfo) -> str | None:
    """Apply a site profile to the tree; returns the profile's title text, if any."""
    for selector in profile.remove:
        for node in tree.css(selector):
            node.decompose()
    if profile.content:
        node = tree.css_first(profile.content)
        if node is not None:
            node.attrs[CONTENT_MARK] = "1"
    if profile.title:
        node = tree.css_first(profile.title)
        if node is not None:
            return fix_text(collapse_spaces(node.text(deep=True))) or None
    return None


_NOTHING_FOUND = ("too_short", "no_text")
# The page's own blocks gave this share of the text its JSON-LD states, or less: the
# article was not among them (it is scripted in). (A stated body is often a cut-down
# copy, a few hundred characters: the page's own text is preferred whenever it holds
# more than a third of it.)
MAX_FOUND_SHARE = 1 / 3


def _stated_blocks(
    nodes: MarkedNodes | None, page: Page, excluded: set[int]
) -> dict[int, StatedLine]:
    """The blocks that show a line of the page's JSON-LD recipe or how-to."""
    lines = json_ld_step_lines(nodes.scripts) if nodes is not None and nodes.scripts else None
    return stated_blocks(page, lines, excluded) if lines else {}


def _stated_article(
    tree: LexborHTMLParser | None, prepared: PreparedPage, url: str, found: int
) -> Structure | None:
    """The article of the page's JSON-LD ``articleBody`` (HTML or plain text), when the
    page's own blocks held none, or ``found`` characters of text, at most a third of
    it, and that text is an article."""
    longer_than = int(found / MAX_FOUND_SHARE)
    body = json_ld_article_body(tree, longer_than) if tree is not None else None
    if body is None:  # (its markup only counts up: the text is checked below)
        return None
    if "<" not in body:
        body = "".join(f"<p>{escape(line)}</p>" for line in body.splitlines())
    parsed = LexborHTMLParser(f"<html><body>{body}</body></html>")
    if parsed.body is None:
        return None
    page = html_to_page(parsed.body, prepared.head.base or url)
    _repair_text(page)
    blocks = [block for block in page.blocks if not block.boiler]
    structure = split_sections(blocks, _ordered_lists(page, blocks))
    chosen = [i for i, block in enumerate(page.blocks) if not block.boiler]
    if _not_article_reason(structure, page, chosen, url, prepared.title):
        return None
    if found > MAX_FOUND_SHARE * len(_body_text(structure)):
        return None
    return structure


def _ordered_lists(page: Page, blocks: list[Block]) -> set[int]:
    """The ``<ol>`` elements the chosen blocks sit in (how-to steps are listed in one)."""
    containers = page.containers
    return {b.list_id for b in blocks if b.list_id and containers[b.list_id].tag == "ol"}


def _repair_text(page: Page) -> None:
    """Run ftfy on block texts, but only on pages whose text shows signs of mojibake."""
    if not any(may_need_fixing(block.text) for block in page.blocks):
        return
    for block in page.blocks:
        block.text = fix_text(block.text)
        for link in block.links:
            link.text = fix_text(link.text)


def _title_repeats(blocks: list[Block], title: str, title_index: int | None) -> set[int]:
    """The title's own block, and copies of the title line near the top of the body."""
    found = set() if title_index is None else {title_index}
    key = comparable(title)
    if not key:
        return found
    shortest = len(key) // 2  # as find_title's fallback: the length rules out most blocks
    for i, block in enumerate(blocks[:200]):
        if shortest <= len(block.text) <= len(title) + 10 and comparable(block.text) == key:
            found.add(i)
    return found


def _not_article_reason(
    structure: Structure, page: Page, chosen: list[int], url: str = "", title: str = ""
) -> str | None:
    """Why this page is not an article (a list, a site page, a stub), or None.

    The content chooser has already picked the page's main text; a page whose main
    text is prose is an article, however short, unless it is a list of teasers, too
    short to be anything but a stub or a form, or a page of the site itself (about,
    contact, search, tags, login, a 404: named so in its URL or title).
    """
    # Judged on the text the record would hold: the sections drop trailing headings
    # (furniture), which could hold all the words of a broken page.
    text = _body_text(structure)
    words = count_words(text)
    if words == 0:
        return "no_text"
    if prose_likeness(text) < MIN_PROSE_LIKENESS:
        return "garbage"
    if _looks_like_listing(page, chosen):
        return "listing"
    if words < MIN_ARTICLE_WORDS * (CJK_WORD_FACTOR if cjk_share(text) > 0.3 else 1):
        return "too_short"
    if words < SURE_ARTICLE_WORDS and _looks_like_site_page(url, title):
        return "site_page"
    return None


MAX_LINK_SHARE = 0.5  # of the chosen text: more, and the page is a list of links
MAX_TEASER_SHARE = 0.5  # of the chosen text in teasers: more, and it is a list of teasers
MAX_LINKED_TITLE = 200  # characters of an entry's linked title on a list page


def _looks_like_listing(page: Page, chosen: list[int]) -> bool:
    """A list of entries, not an article: most of the chosen text is teasers (snippets
    cut with an ellipsis) or link text, or at least half the chosen blocks are parts of
    entries (a teaser right under the linked title of the page it teases, and such
    titles: an article's headings do not link away). Judged on characters, so that an
    article's few paragraphs outweigh a sidebar's comment teasers kept beside them."""
    blocks = page.blocks
    teasers = [i for i in chosen if TEASER_END.search(blocks[i].text)]
    chars = sum(len(blocks[i].text) for i in chosen)
    if len(teasers) >= 2 and sum(len(blocks[i].text) for i in teasers) >= MAX_TEASER_SHARE * chars:
        return True
    if sum(blocks[i].link_chars for i in chosen) > MAX_LINK_SHARE * chars:
        return True
    entries = [i for i in teasers if i and _is_linked_title(blocks[i - 1])]
    if not entries:
        return False
    titles = sum(1 for i in chosen if blocks[i].heading and _is_linked_title(blocks[i]))
    return (len(entries) + titles) * 2 >= len(chosen)


def _is_linked_title(block: Block) -> bool:
    return block.link_density >= 0.9 and len(block.text) <= MAX_LINKED_TITLE


def _missing_title(title: str) -> str | None:
    """``no_title`` for an article with no title anywhere (no heading, ``og:title`` or
    ``<title>``): every record has a title (``healthcorpus validate`` checks it), and
    one made up from the text would not be the page's."""
    return None if title.strip() else "no_title"


def _looks_like_site_page(url: str, title: str) -> bool:
    """About, contact, search, tag, login... pages: named so in their URL or title."""
    segments = [s for s in url_path(url).lower().split("/") if s]
    # "/about.html", "/tag/sleep/", "/search/?q=": the first or the last segment says so.
    named = any(SITE_PAGE_URL.match(s) for s in segments[:1] + segments[-1:])
    return named or SITE_PAGE_TITLE.match(title) is not None


def _body_text(structure: Structure) -> str:
    """The record's ``text``: the intro, then each section's heading line and text."""
    intro = "\n\n".join(structure.intro)
    pieces = [intro] if intro else []
    for line, section in zip(structure.heading_lines, structure.sections, strict=True):
        pieces.append(line)
        if section.text:
            pieces.append(section.text)
    return "\n\n".join(pieces)


def _nfc(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _in_nfc(title: str, structure: Structure, links: LinkParts) -> tuple[str, Structure, LinkParts]:
    """Every string the record will hold, in Unicode NFC ("e" + U+0301 -> "é"): one
    text of an article has one form, whatever its page's bytes used."""
    structure = Structure(
        intro=[_nfc(p) for p in structure.intro],
        sections=[
            Section(number=s.number, heading=_nfc(s.heading), text=_nfc(s.text))
            for s in structure.sections
        ],
        heading_lines=[_nfc(line) for line in structure.heading_lines],
    )
    for link in (links.prev, links.next):
        if link is not None:
            link.title = _nfc(link.title)
    for entry in links.related:
        entry.title, entry.snippet = _nfc(entry.title), _nfc(entry.snippet)
    return _nfc(title), structure, links


def _build_record(
    *,
    url: str,
    canonical: str,
    title: str,
    structure: Structure,
    links: LinkParts,
    fetched_at: datetime | None,
    http_status: int | None,
    crawl_id: str,
    metadata: ArticleMetadata,
    references: list[Reference],
) -> Record:
    title, structure, links = _in_nfc(title, structure, links)
    intro = "\n\n".join(structure.intro)
    text = _body_text(structure)
    return Record(
        id=stable_id(canonical),
        url=url,
        canonical_url=canonical,
        site=site_of(canonical) or site_of(url),
        title=title,
        intro=intro,
        text=text,
        sections=structure.sections,
        related=links.related,
        prev=links.prev,
        next=links.next,
        language=detect_language(text),
        word_count=count_words(text),
        content_hash=content_hash(text),
        fetched_at=fetched_at,
        http_status=http_status,
        crawl_id=crawl_id,
        extractor_version=EXTRACTOR_VERSION,
        published_at=metadata.published_at,
        modified_at=metadata.modified_at,
        authors=metadata.authors,
        reviewers=metadata.reviewers,
        reviewed_at=metadata.reviewed_at,
        description=metadata.description,
        tags=metadata.tags,
        categories=metadata.categories,
        image=metadata.image,
        references=[Reference(_nfc(r.text), r.url) for r in references],
    )


__all__ = [
    "CleanResult",
    "Content",
    "ParsedPage",
    "clean_html",
    "clean_parsed",
    "clean_text",
    "parse_html",
]
