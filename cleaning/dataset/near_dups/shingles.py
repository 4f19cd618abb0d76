"""The word shingles of a text, as 32-bit hashes that are the same in every process.

Near-duplicate detection compares sets of shingles (runs of consecutive words), so
what counts as a word decides what counts as an edit: case and punctuation are not
words (a syndicated copy often differs in quotes and dashes only), and in Chinese,
Japanese and Korean text, with no spaces to split on, a word is a pair of characters.
Python's ``hash`` changes with every process, so words are hashed with CRC-32, and
a shingle's hash is mixed from its words' hashes in one vectorized step.
"""

from __future__ import annotations

import itertools
import re
import zlib

import numpy as np

SHINGLE_WORDS = 1  # words per shingle: see docs/near_duplicates.md for why one

_WORD = re.compile(r"\w+")  # faster than [^\W_]+; an underscore is rare in prose
# CJK ideographs, kana and hangul: one word each.
_CJK_CHAR = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_HAS_CJK = re.compile(f"[{_CJK_CHAR}]")
_CJK_WORD = re.compile(f"[{_CJK_CHAR}]|[^\\W{_CJK_CHAR}]+")
# Odd 64-bit multipliers: each word position weighs differently, so "a b c" and
# "c b a" are different shingles.
_MIX = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
    ],
    dtype=np.uint64,
)
_EMPTY = np.zeros(0, dtype=np.uint32)


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, without punctuation. In text with CJK
    characters a word is two consecutive characters (or words): one character is a
    syllable, and articles on one topic share most of theirs."""
    lowered = text.lower()
    if not _HAS_CJK.search(lowered):
        return _WORD.findall(lowered)
    found = _CJK_WORD.findall(lowered)
    return [a + b for a, b in itertools.pairwise(found)] or found


def shingle_hashes(text: str, size: int = SHINGLE_WORDS) -> np.ndarray:
    """One uint32 per distinct shingle of ``size`` words (a text shorter than that is
    one shingle); empty for a text without words. MinHash sees a set: each shingle is
    hashed and permuted once, however often the text repeats it."""
    found = words(text)
    if not found:
        return _EMPTY
    if size == 1:
        return np.fromiter(
            (zlib.crc32(word.encode("utf-8")) for word in set(found)), dtype=np.uint32
        )
    hashes = np.fromiter(
        (zlib.crc32(word.encode("utf-8")) for word in found), dtype=np.uint64, count=len(found)
    )
    size = min(size, len(found))
    count = len(found) - size + 1
    mixed = hashes[:count] * _MIX[0]
    for offset in range(1, size):
        mixed += hashes[offset : offset + count] * _MIX[offset]
    return np.unique((mixed >> np.uint64(32)).astype(np.uint32))
