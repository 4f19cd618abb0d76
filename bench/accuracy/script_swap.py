"""The real pages written in another script: a test of what the cleaner owes to English.

Chinese pages are a large share of what our users crawl, and the dev sets hold seven.
Each page of ``bench/pages`` is rewritten as a Chinese-script page with the same markup:
every word of its text (and of its ``<title>``, ``alt``/``title`` attributes, title or
description ``<meta>`` and JSON-LD strings) becomes one to three common Chinese characters (the same
characters for the same word, anywhere), the spaces between them go, and sentence
punctuation becomes full-width; tags, class names, links, numbers and scripts stay as
they were. What each set says of the page (article text, segments, headings) is
rewritten the same way. A cleaner whose choices rest on the page's structure scores
about as well on the rewritten page; one that leans on English word shapes (spaces,
word lengths) or English wording does not. Half the pages are encoded as GBK, with
their declaration, as Chinese portals are.

It is not Chinese: no real Chinese boilerplate wording, and word lengths are drawn
from a rule, not the language. It measures one thing, how much of the cleaner's
accuracy depends on the script, on pages whose truth is known.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace
from functools import cache
from html import escape, unescape

from bench.accuracy.sets import BenchPage
from cleaning.extractor.decode import decode_html

_MARKUP = re.compile(
    r"<(script|style|textarea)\b([^>]*)>(.*?)</\1\b[^>]*>|<!--.*?-->"
    r"""|<[a-zA-Z/!?](?:[^>=]|=\s*"[^"]*"|=\s*'[^']*'|=)*>""",  # quoted values may hold ">"
    re.S | re.I,
)
_URL = re.compile(r"\s*(?:\w+:)?//\S*\s*|\s*/\S*\s*")
_JSON_LD = re.compile(r"application/ld\+json", re.I)
_WORD = re.compile(r"[^\W\d_]+")
_CJK = "\u4e00-\u9fff"
_SPACE_BETWEEN = re.compile(
    rf"(?<=[{_CJK}，。？！：；])\s+(?=[{_CJK}])|(?<=[{_CJK}])\s+(?=[，。？！：；])"
)
_PUNCT = {",": "，", ".": "。", "?": "？", "!": "！", ":": "：", ";": "；"}
_PUNCT_AFTER = re.compile(rf"(?<=[{_CJK}])([,.?!:;])(?=\s|$|[\"'”’)\]<])")
_ATTRIBUTE = re.compile(r"""(\s(?:alt|title)\s*=\s*)(["'])(.*?)\2""", re.S | re.I)
_META_TEXT = re.compile(r"""(\scontent\s*=\s*)(["'])(.*?)\2""", re.S | re.I)
_META_NAMED = re.compile(r"""(?:name|property)\s*=\s*["'][^"']*(?:title|description)""", re.I)
_CHARSET = re.compile(r"""charset\s*=\s*["']?[\w-]+""", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)


@cache
def _alphabet() -> str:
    """The 3,755 common characters of GB2312 level 1 (all of them encodable in GBK)."""
    chars = []
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


@cache
def chinese_word(word: str) -> str:
    """The characters standing for ``word``: one for short words, two for most, three
    for long ones, picked by a hash of the lower-cased word."""
    key = word.casefold()
    size = 1 if len(key) <= 3 else 2 if len(key) <= 9 else 3
    digest = hashlib.sha1(key.encode()).digest()
    alphabet = _alphabet()
    return "".join(
        alphabet[int.from_bytes(digest[2 * i : 2 * i + 2]) % len(alphabet)] for i in range(size)
    )


def swap_text(text: str) -> str:
    """Plain text in the other script."""
    swapped = _WORD.sub(
        lambda m: m.group() if _is_cjk(m.group()) else chinese_word(m.group()), text
    )
    swapped = _PUNCT_AFTER.sub(lambda m: _PUNCT[m.group(1)], swapped)
    return _SPACE_BETWEEN.sub("", swapped)


def _swap_markup_text(text: str, quote: bool = False) -> str:
    """An HTML text node or attribute value: entities read first (``cerr&oacute;`` is
    one word), and written back escaped."""
    return escape(swap_text(unescape(text)), quote=quote)


def _is_cjk(word: str) -> bool:
    return any("\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in word)


def swap_html(body: bytes, gbk: bool = False) -> bytes:
    """The page in the other script, as UTF-8 (or GBK) bytes declaring their charset."""
    html, _ = decode_html(body)
    out, at = [], 0
    for match in _MARKUP.finditer(html):
        out.append(_swap_markup_text(html[at : match.start()]))
        at = match.end()
        if match.group(1) is None:
            out.append(_swap_tag(match.group()))
        elif _JSON_LD.search(match.group(2)):
            out.append(_swap_json_ld(match))
        else:
            out.append(match.group())  # scripts, styles: as they were
    out.append(_swap_markup_text(html[at:]))
    swapped = "".join(out)
    charset = "gbk" if gbk else "utf-8"
    # Declared first thing in the head, as Chinese portals do (a declaration left where
    # the page had it may come after the title, past where decoders look for it).
    swapped = _CHARSET.sub(f"charset={charset}", swapped)
    declaration = f'<meta charset="{charset}">'
    swapped, declared = _HEAD.subn(lambda m: m.group() + declaration, swapped, count=1)
    if not declared:
        swapped = declaration + swapped
    return swapped.encode(charset, errors="xmlcharrefreplace")


def _swap_json_ld(match: re.Match[str]) -> str:
    """A JSON-LD block with its strings in the other script (an ``articleBody`` is text
    the cleaner may read); URLs, dates and types stay."""
    try:
        data = json.loads(match.group(3))
    except ValueError:
        return match.group()
    body = json.dumps(_swap_json(data), ensure_ascii=False).replace("</", "<\\/")
    return f"<script{match.group(2)}>{body}</script>"


def _swap_json(value: object, key: str = "") -> object:
    if isinstance(value, dict):
        return {k: _swap_json(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_swap_json(v, key) for v in value]
    if isinstance(value, str) and not key.startswith("@") and key not in _JSON_KEPT:
        return value if _URL.fullmatch(value) else swap_text(value)
    return value


_JSON_KEPT = frozenset(
    {"url", "datePublished", "dateModified", "dateCreated", "contentUrl", "embedUrl"}
)


def _swap_tag(tag: str) -> str:
    if tag.startswith("<!--"):
        return tag
    tag = _ATTRIBUTE.sub(_swap_value, tag)
    if tag[:5].lower() == "<meta" and _META_NAMED.search(tag):
        tag = _META_TEXT.sub(_swap_value, tag)
    return tag


def _swap_value(match: re.Match[str]) -> str:
    """``name="value"`` (groups: name and equals sign, quote, value) with the value swapped."""
    name, quote, value = match.groups()
    return f"{name}{quote}{_swap_markup_text(value, quote=True)}{quote}"


def whole_words(segment: str, page_text: str) -> str:
    """The segment less a first or last word that the page's text shows cut: the
    snippet set's segments are cut from the page and may start or end inside a word,
    whose characters in the other script would not be the whole word's."""
    words = segment.split()
    at = page_text.find(" ".join(words))
    if at < 0 or len(words) < 2:
        return segment
    end = at + len(" ".join(words))
    if at > 0 and page_text[at - 1].isalpha():
        words = words[1:]
    if end < len(page_text) and page_text[end].isalpha() and len(words) > 1:
        words = words[:-1]
    return " ".join(words)


def _page_text(body: bytes) -> str:
    """The page's text as one line (tags out, entities read): where segments are cut."""
    html, _ = decode_html(body)
    pieces = _TEXT_OR_MARKUP.finditer(html)
    text = "".join(" " if m.group().startswith("<") else m.group() for m in pieces)
    return " ".join(unescape(text).split())


_TEXT_OR_MARKUP = re.compile(_MARKUP.pattern + r"|[^<]+|<", re.S | re.I)


def with_whole_words(page: BenchPage) -> BenchPage:
    """The page as the other script scores it, in its own script (segments cut to
    whole words): the figures to compare with."""
    if not page.with_segments and not page.without_segments:
        return page
    text = _page_text(page.body)
    return replace(
        page,
        with_segments=[whole_words(s, text) for s in page.with_segments],
        without_segments=[whole_words(s, text) for s in page.without_segments],
    )


def swap_page(page: BenchPage) -> BenchPage:
    """The page and what its set says of it, in the other script (every other page GBK)."""
    gbk = int(hashlib.sha1(page.key.encode()).hexdigest(), 16) % 2 == 1
    page = with_whole_words(page)
    return replace(
        page,
        body=swap_html(page.body, gbk=gbk),
        truth=swap_text(page.truth),
        with_segments=[swap_text(s) for s in page.with_segments],
        without_segments=[swap_text(s) for s in page.without_segments],
        headings=[swap_text(h) for h in page.headings],
    )
