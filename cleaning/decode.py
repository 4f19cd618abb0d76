"""Bytes to text, once, at one boundary: every other module sees ``str``.

The encoding comes from, in order: a BOM, the HTTP ``Content-Type`` charset, the
page's ``<meta>`` declaration, then sniffing. w3lib implements that order (the one
browsers use) and maps legacy labels to their supersets (gb2312 -> gb18030).
"""

from __future__ import annotations

import re

from w3lib.encoding import html_body_declared_encoding, html_to_unicode, resolve_encoding

_CJK_CANDIDATES = ("utf-8", "gb18030", "big5", "shift_jis", "euc-jp", "euc-kr")
_REPLACEMENT = "\ufffd"
_TEXT_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)


def decode_html(body: bytes | str, declared_encoding: str | None = None) -> tuple[str, str]:
    """``(text, encoding used)`` of an HTML body."""
    if isinstance(body, str):
        return body, "unicode"
    content_type = f"text/html; charset={declared_encoding}" if declared_encoding else None
    if content_type and resolve_encoding(declared_encoding or "") is None:
        content_type = None  # an unknown label: fall back to meta and sniffing
    encoding, text = html_to_unicode(content_type, body, auto_detect_fun=_sniff_encoding)
    if text.count(_REPLACEMENT) > 20 and not html_body_declared_encoding(body):
        # A wrong HTTP charset on a page that declares nothing: try the usual suspects.
        sniffed = _sniff_encoding(body)
        if sniffed and sniffed != encoding:
            return body.decode(sniffed, errors="replace"), sniffed
    return text, encoding


def decode_text(body: bytes | str) -> tuple[str, str]:
    """``(text, encoding used)`` of a plain-text file (BOM, then strict UTF-8, then sniffing)."""
    if isinstance(body, str):
        return body, "unicode"
    for bom, name in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if body.startswith(bom):
            return body.decode(name, errors="replace"), name
    encoding = _sniff_encoding(body) or "utf-8"
    return body.decode(encoding, errors="replace"), encoding


def _sniff_encoding(body: bytes) -> str | None:
    """The first candidate that decodes the bytes without error."""
    sample = body[:65536]
    for name in _CJK_CANDIDATES:
        try:
            sample.decode(name)
        except UnicodeDecodeError as exc:
            # A multi-byte character cut at the sample's end is not an error.
            if exc.start >= len(sample) - 4 and len(body) > len(sample):
                return name
            continue
        return name
    return None
