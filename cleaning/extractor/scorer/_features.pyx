# cython: boundscheck=False, wraparound=False, cdivision=True, language_level=3
"""The block scorer's features, compiled: ``features.python_features`` in C.

The same numbers to the bit (float64 arithmetic in the same order, then float32),
checked page by page in ``tests/test_block_scorer.py``. The text of each block is read
once, character by character, for all its counts; the wording tests are the Python
ones (``features.LEXICON``), called on short blocks only, as in Python.
"""

from cpython.unicode cimport Py_UNICODE_ISSPACE
from libc.math cimport log1p

import numpy as np

from cleaning.extractor._cjk cimport latin_length

cdef int PER_BLOCK = 0
cdef int FEATURES = 0
cdef int KINDS = 0
cdef dict TAG_CODES = {}
cdef int HINT_DEPTH = 8
cdef int POSITION_CLIP = 50
cdef int WINDOW = 2
cdef Py_ssize_t PROSE_CHARS = 80
cdef double PROSE_LINK_DENSITY = 0.3
cdef Py_ssize_t SHORT_WORD = 3
cdef Py_ssize_t MAX_LEXICON_CHARS = 160
cdef Py_ssize_t CJK_LETTERS = 3


def configure(*, int per_block, int features, int kinds, dict tag_codes, int cjk_letters):
    """The layout of a row (features.py owns it) and textnorm.CJK_LETTERS."""
    global PER_BLOCK, FEATURES, KINDS, TAG_CODES, CJK_LETTERS
    PER_BLOCK, FEATURES, KINDS, TAG_CODES = per_block, features, kinds, tag_codes
    CJK_LETTERS = cjk_letters


cdef inline bint is_sentence_end(Py_UCS4 ch):
    return ch in u".!?。！？;；:："


cdef inline bint is_closer(Py_UCS4 ch):
    return ch in u"\"'”’)）]»"


cdef inline bint is_ellipsis_trim(Py_UCS4 ch):
    return ch in u" ]»>›"


cdef struct TextCounts:
    Py_ssize_t commas, digits, words, short_words
    bint sentence_end, ellipsis_end


cdef TextCounts count_text(str text):
    cdef TextCounts counts
    cdef Py_ssize_t n = len(text), i, end, word_length = 0
    cdef Py_UCS4 ch
    counts.commas = counts.digits = counts.words = counts.short_words = 0
    for i in range(n):
        ch = text[i]
        if ch == u"," or ch == u"，":
            counts.commas += 1
        elif u"0" <= ch <= u"9":
            counts.digits += 1
        if Py_UNICODE_ISSPACE(ch):
            if word_length:
                counts.words += 1
                counts.short_words += word_length <= SHORT_WORD
                word_length = 0
        else:
            word_length += 1
    if word_length:
        counts.words += 1
        counts.short_words += word_length <= SHORT_WORD
    counts.words = max(counts.words, 1)
    end = n
    while end > 0 and is_closer(text[end - 1]):
        end -= 1
    counts.sentence_end = end > 0 and is_sentence_end(text[end - 1])
    end = n
    while end > 0 and is_ellipsis_trim(text[end - 1]):
        end -= 1
    counts.ellipsis_end = (
        (end >= 3 and text[end - 1] == u"." and text[end - 2] == u"." and text[end - 3] == u".")
        or (end >= 1 and text[end - 1] == u"…")
        or (end >= 3 and text[end - 1] == u"。" and text[end - 2] == u"。" and text[end - 3] == u"。")
    )
    return counts


cdef inline int up(bint here, int parent_distance):
    if here:
        return 1
    return parent_distance + 1 if 0 < parent_distance < HINT_DEPTH else 0


def features(
    list blocks,
    list containers,
    const long long[::1] candidates,
    const unsigned char[::1] in_region,
    const double[::1] score,
    const double[::1] good,
    const double[::1] bad,
    Py_ssize_t best,
    Py_ssize_t title_index,
    words_of,
):
    """The feature rows of ``candidates`` (see features.python_features)."""
    cdef Py_ssize_t n_blocks = len(blocks), n_boxes = len(containers)
    cdef Py_ssize_t rows = candidates.shape[0], row, i, j, c, p, grand, lo, hi, n
    cdef Py_ssize_t last_furniture = -1000000000, since, k
    cdef double total, window
    cdef long long kinds_near, kinds_far
    cdef TextCounts counts
    cdef long said
    X_array = np.zeros((rows, FEATURES), np.float32)
    cdef float[:, ::1] X = X_array
    # Per block: link density, prose, region prose after each block.
    density_array = np.empty(n_blocks, np.float64)
    cdef double[::1] density = density_array
    prose_array = np.zeros(n_blocks, np.uint8)
    cdef unsigned char[::1] prose = prose_array
    after_array = np.zeros(n_blocks + 1, np.float64)
    cdef double[::1] prose_after = after_array
    length_array = np.zeros(n_blocks, np.int64)  # in Latin letters
    cdef long long[::1] length = length_array
    for i in range(n_blocks):
        block = blocks[i]
        n = len(<str> block.text)
        length[i] = latin_length(<str> block.text, CJK_LETTERS)
        density[i] = <double> block.link_chars / n
        prose[i] = length[i] >= PROSE_CHARS and density[i] < PROSE_LINK_DENSITY
    for i in range(n_blocks - 1, -1, -1):
        prose_after[i] = prose_after[i + 1] + (length[i] if in_region[i] and prose[i] else 0)
    # Per container, top-down.
    near_array = np.zeros(n_boxes, np.int64)
    far_array = np.zeros(n_boxes, np.int64)
    kinds_array = np.zeros(n_boxes, np.int64)
    parent_array = np.zeros(n_boxes, np.int64)
    hinted_array = np.zeros(n_boxes, np.int32)
    article_array = np.zeros(n_boxes, np.int32)
    box_array = np.zeros(n_boxes, np.int64)
    cdef long long[::1] near = near_array, far = far_array, kinds = kinds_array
    cdef long long[::1] parent = parent_array, box_blocks = box_array
    cdef int[::1] hinted_up = hinted_array, article_up = article_array
    for c in range(n_boxes):
        container = containers[c]
        kinds[c] = container.kinds
        parent[c] = container.parent if c else 0
    for c in range(n_boxes):
        container = containers[c]
        p = parent[c]
        grand = parent[p] if p else 0
        near[c] = kinds[c] | (kinds[p] | kinds[grand] if c else 0)
        far[c] = kinds[c] | (far[p] if c else 0)
        hinted_up[c] = up(container.hinted, hinted_up[p] if c else 0)
        article_up[c] = up(container.article_hint, article_up[p] if c else 0)
    for row in range(rows):
        box_blocks[(<object> blocks[candidates[row]]).container] += 1
    cdef double best_score = score[best]
    cdef Py_ssize_t best_end = containers[best].end
    cdef double page_share = good[best] / max(good[0], 1.0)
    cdef double log_blocks = log1p(n_blocks)
    for row in range(rows):
        i = candidates[row]
        block = blocks[i]
        text = <str> block.text
        n = len(text)
        said = words_of(text, bool(block.heading) or n < 60) if n <= MAX_LEXICON_CHARS else 0
        if said & 4:  # features.OPENS_FURNITURE
            last_furniture = i
        counts = count_text(text)
        lo = max(0, i - WINDOW)
        hi = min(n_blocks, i + WINDOW + 1)
        window = 0.0
        total = 0.0
        for j in range(lo, hi):
            window += density[j]
            total += prose[j]
        since = min(i - last_furniture, POSITION_CLIP)
        X[row, 0] = log1p(length[i])
        X[row, 1] = density[i]
        X[row, 2] = <double> block.bold_chars / n
        X[row, 3] = block.heading
        X[row, 4] = TAG_CODES.get(block.tag, 0)
        X[row, 5] = block.list_id != 0
        X[row, 6] = len(block.links)
        X[row, 7] = <double> len(<str> block.lead_bold) / n
        X[row, 8] = block.boiler
        X[row, 9] = counts.sentence_end
        X[row, 10] = <double> counts.commas * 100 / n
        X[row, 11] = <double> counts.digits / n
        X[row, 12] = counts.ellipsis_end
        X[row, 13] = log1p(counts.words)
        X[row, 14] = <double> counts.short_words / counts.words
        X[row, 15] = <double> (n - counts.words + 1) / counts.words
        X[row, 16] = (said & 1) != 0  # features.PROMO
        X[row, 17] = (said & 2) != 0  # features.SIGNUP
        X[row, 18] = <double> i / n_blocks
        X[row, 19] = title_index >= 0 and i > title_index
        X[row, 20] = max(-POSITION_CLIP, min(POSITION_CLIP, i - max(title_index, 0)))
        X[row, 21] = in_region[i]
        X[row, 22] = i > 0 and in_region[i - 1]
        X[row, 23] = i + 1 < n_blocks and in_region[i + 1]
        X[row, 24] = density[i - 1] if i > 0 else -1.0
        X[row, 25] = density[i + 1] if i + 1 < n_blocks else -1.0
        X[row, 26] = window / (hi - lo)
        X[row, 27] = total
        X[row, 28] = since
        X[row, 29] = log1p(prose_after[i + 1])
        X[row, 30] = log1p(prose_after[0] - prose_after[i])
        # The block's box.
        c = block.container
        p = parent[c]
        k = PER_BLOCK
        X[row, k] = containers[c].depth
        X[row, k + 1] = hinted_up[c]
        X[row, k + 2] = article_up[c]
        kinds_near = near[c]
        kinds_far = far[c]
        for j in range(KINDS):
            X[row, k + 3 + j] = (kinds_near >> j) & 1
            X[row, k + 3 + KINDS + j] = (kinds_far >> j) & 1
        k += 3 + 2 * KINDS
        X[row, k] = score[c] / best_score
        X[row, k + 1] = score[p] / best_score
        X[row, k + 2] = best <= c < best_end
        X[row, k + 3] = good[p] / max(good[p] + bad[p], 1.0)
        X[row, k + 4] = bad[c] / max(good[c] + bad[c], 1.0)
        X[row, k + 5] = log1p(max(good[p], 0.0))
        X[row, k + 6] = log1p(box_blocks[c])
        X[row, k + 7] = log_blocks
        X[row, k + 8] = page_share
    return X_array
