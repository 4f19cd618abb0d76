"""Text normalisation: mojibake repair, Unicode NFC, whitespace, word counts.

ftfy is the authority on mojibake; we only skip calling it on text that is plain
ASCII (nothing it could fix), which is most of an English page and saves its cost.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

# Only repair, never restyle: `uncurl_quotes` would rewrite every ’ and “ of a correct
# page, `fix_character_width` turns Chinese full-width punctuation (？，) into ASCII, and
# HTML entities were already decoded by the parser (a second pass would turn a literal
# "&lt;" of the text into "<").
_FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False, fix_character_width=False, unescape_html=False, explain=False
)

# Zero-width characters and soft hyphens are dropped, not turned into spaces.
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# One token per run of word characters, but one per CJK ideograph / kana / hangul
# syllable, since those scripts do not separate words with spaces.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_WORD = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
_CJK_CHAR = re.compile(rf"[{_CJK}]")


def collapse_spaces(text: str) -> str:
    """Whitespace runs (including NBSP and line breaks) to one space, trimmed.

    >>> collapse_spaces("  a\\n\\t b\\u00a0c ")
    'a b c'
    """
    # str.split() splits on every Unicode space (NBSP, ideographic space...), in C.
    if not text.isascii():
        text = text.translate(ZERO_WIDTH)
    return " ".join(text.split())


# The signature of UTF-8 decoded as Latin-1/windows-1252 (the mojibake ftfy repairs): a
# lead byte shown as Â..ô followed by a continuation byte shown as \x80-\xbf or one of
# windows-1252's printable characters in 0x80-0x9f. One C-speed search over a page
# (ftfy's own badness check over a whole page costs ~35 ms).
_MOJIBAKE_SIGN = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    "\u20ac\u2122]"
)


def may_need_fixing(text: str) -> bool:
    """Whether ftfy could change anything: a page without mojibake signs is skipped whole.

    >>> may_need_fixing("don’t “x” café"), may_need_fixing("donâ€™t")
    (False, True)
    """
    return not text.isascii() and _MOJIBAKE_SIGN.search(text) is not None


def fix_text(text: str) -> str:
    """Repair mojibake with ftfy and normalise to NFC.

    >>> fix_text("donâ€™t")
    'don’t'
    """
    if not text.isascii():
        text = ftfy.fix_text(text, _FTFY_CONFIG)
        text = unicodedata.normalize("NFC", text)
    return text


def count_words(text: str) -> int:
    """Words of ``text``; each CJK character counts as one word.

    The last answer is kept: the article check and the record count the same text,
    one after the other (comparing equal strings is a memcmp; counting is a regex pass).

    >>> count_words("Calf cramps 常见")
    4
    """
    global _last_count
    last_text, last_words = _last_count
    if text == last_text:
        return last_words
    words = len(_WORD.findall(text))
    _last_count = (text, words)
    return words


_last_count: tuple[str, int] = ("", 0)


def word_tokens(text: str) -> list[str]:
    """The words of ``text`` as ``count_words`` counts them, case-folded.

    >>> word_tokens("Calf Cramps 常见")
    ['calf', 'cramps', '常', '见']
    """
    return _WORD.findall(text.casefold())


# Characters of ordinary prose in any script: word characters, spaces, and the
# punctuation of Latin and CJK text. Everything else is counted as suspicious.
# Combining marks are letters' parts, not noise: the vowel signs of the Indic, Thai,
# Lao, Myanmar and Khmer scripts (which ``\w`` does not match), Latin diacritics, and
# the joiners those scripts use.
_PROSE_CHARS = re.compile(
    r"[\w\s.,;:!?'\"()\[\]{}\-–—…“”‘’«»/\\%&+*#@<>=~|·•°±×÷≤≥"
    r"、。，；：！？（）《》〈〉「」『』【】〔〕～·＆＋－／％"
    "\u0300-\u036f\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u200c\u200d]+"
)
LIKENESS_SAMPLE = 4000  # characters; enough to tell prose from noise, bounded cost


def prose_likeness(text: str) -> float:
    """Share of characters that belong in prose (1.0 for real text, ~0.4 for noise).

    Binary junk served as text/html decodes to a soup of symbols, controls and U+FFFD;
    a real page in any script is above 0.9.

    >>> prose_likeness("Calf cramps, 小腿抽筋。") == 1.0
    True
    """
    sample = text[:LIKENESS_SAMPLE]
    if not sample:
        return 0.0
    return 1 - len(_PROSE_CHARS.sub("", sample)) / len(sample)


def cjk_share(text: str) -> float:
    """Share of characters that are CJK, to scale length thresholds for dense scripts."""
    if not text or text.isascii():
        return 0.0
    return len(_CJK_CHAR.findall(text)) / len(text)


# A CJK character (ideograph, kana, hangul syllable) holds about as much text as three
# Latin letters: a word of two or three letters and its space. Lengths compared with
# constants fitted on Latin text count it so (see latin_length).
CJK_LETTERS = 3


def latin_length(text: str) -> int:
    """Length of ``text`` in Latin-letter equivalents: each CJK character counts as
    :data:`CJK_LETTERS`, every other character as one. A Chinese paragraph of 60
    characters reads as long as an English one of 180, which is what a length
    threshold learned on English pages means by a paragraph."""
    if text.isascii() or _CJK_CHAR.search(text) is None:  # most text: no counting
        return len(text)
    return len(text) + (CJK_LETTERS - 1) * len(_CJK_CHAR.findall(text))
