"""Bytes to text, once, at one boundary: every other module sees ``str``.

The encoding comes from, in order: a BOM, the HTTP ``Content-Type`` charset, the
page's ``<meta>`` declaration, then detection. w3lib implements that order (the one
browsers use) and maps legacy labels to their supersets (gb2312 -> gb18030).
Detection is strict UTF-8 first (it almost never accepts bytes in another encoding),
then uchardet (``cchardet``, C, ~0.2 ms a page), which tells GBK, Big5, Shift_JIS and
EUC-KR apart where trying decoders in turn cannot (GB18030 accepts nearly any bytes).

A declared charset that is plainly wrong (the decoded text is full of U+FFFD) is not
trusted blindly: the other candidates are tried and the cleanest decoding wins.
"""

from __future__ import annotations

import cchardet
from w3lib.encoding import (
    html_body_declared_encoding,
    html_to_unicode,
    read_bom,
    resolve_encoding,
)

_REPLACEMENT = "\ufffd"
DETECT_BYTES = 64 * 1024  # enough for a confident guess, bounded cost on huge pages
# Single-byte Latin guesses are unreliable on short texts; the web's default for
# undeclared Western pages (WHATWG) is windows-1252.
_LATIN_GUESSES = frozenset(
    {"windows-1250", "windows-1252", "iso-8859-1", "iso-8859-2", "iso-8859-15", "maclatin2"}
)


def decode_html(body: bytes | str, declared_encoding: str | None = None) -> tuple[str, str]:
    """``(text, encoding used)`` of an HTML body; ``declared_encoding`` is the HTTP charset."""
    if isinstance(body, str):
        return body, "unicode"
    if declared_encoding and resolve_encoding(declared_encoding) is None:
        declared_encoding = None  # an unknown label: fall back to meta and detection
    content_type = f"text/html; charset={declared_encoding}" if declared_encoding else None
    encoding, text = html_to_unicode(content_type, body, auto_detect_fun=detect_encoding)
    if read_bom(body) != (None, None):
        return text, encoding
    if _declared_legacy_but_utf8(body, encoding):
        return body.decode("utf-8", errors="replace"), "utf-8"
    if _looks_misdecoded(text):
        for candidate in (html_body_declared_encoding(body), detect_encoding(body)):
            if not candidate or resolve_encoding(candidate) in (None, resolve_encoding(encoding)):
                continue
            alternative = body.decode(resolve_encoding(candidate) or candidate, errors="replace")
            if alternative.count(_REPLACEMENT) < text.count(_REPLACEMENT):
                encoding, text = candidate, alternative
    return text, encoding


def decode_text(body: bytes | str) -> tuple[str, str]:
    """``(text, encoding used)`` of a plain-text file: BOM, else detection."""
    if isinstance(body, str):
        return body, "unicode"
    bom_encoding, bom = read_bom(body)
    if bom_encoding:
        return body[len(bom) :].decode(bom_encoding, errors="replace"), bom_encoding
    encoding = detect_encoding(body) or "utf-8"
    return body.decode(encoding, errors="replace"), encoding


def _is_utf8(body: bytes) -> bool:
    """Valid UTF-8 in the first DETECT_BYTES (a character cut there does not count)."""
    sample = body[:DETECT_BYTES]
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        return len(body) > len(sample) and exc.start >= len(sample) - 3
    return True


def detect_encoding(body: bytes) -> str | None:
    """The encoding of undeclared bytes: UTF-8 if they are valid UTF-8, else uchardet's."""
    if _is_utf8(body):
        return "utf-8"
    sample = body[:DETECT_BYTES]
    guess = cchardet.detect(sample).get("encoding")
    if not guess:
        return None
    name = resolve_encoding(guess.lower())
    if name is None:
        return None
    return "cp1252" if guess.lower() in _LATIN_GUESSES else name


def _declared_legacy_but_utf8(body: bytes, encoding: str) -> bool:
    """Declared in a legacy encoding (often a server's default ``iso-8859-1``) but the
    bytes are valid UTF-8 with non-ASCII characters: the declaration is wrong.

    Multi-byte UTF-8 sequences almost never arise by chance from text in another
    encoding, and decoding them as windows-1252 loses characters for good (``”`` is
    E2 80 9D, and 9D has no character in windows-1252), beyond what ftfy can repair.
    """
    if resolve_encoding(encoding) in (None, "utf-8") or body.isascii():
        return False
    return _is_utf8(body)


def _looks_misdecoded(text: str) -> bool:
    """Most non-ASCII characters are U+FFFD: the bytes were in another encoding.

    A page in the right encoding with a stray U+FFFD among its other non-ASCII
    characters is left alone.
    """
    bad = text.count(_REPLACEMENT)
    if not bad:
        return False
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return bad * 2 > non_ascii
