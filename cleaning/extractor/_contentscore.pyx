# cython: boundscheck=False, wraparound=False, cdivision=True, language_level=3
"""The content chooser's container scores, compiled: ``content.python_container_scores``
in C, the same numbers (the same float additions in the same order).

Every paragraph-like block votes for the three containers above it; a container's
characters are summed up the tree. In Python this loop over every block and its chain
is a third of the chooser's time.
"""

from libc.math cimport fmin

import numpy as np

from cleaning.extractor._cjk cimport is_cjk, latin_length


cdef Py_ssize_t min_paragraph_chars(str text):
    """content.min_paragraph_chars: 10 for mostly CJK text, else 25."""
    cdef Py_ssize_t n = len(text), cjk = 0, i
    for i in range(n):
        cjk += is_cjk(text[i])
    return 10 if n and <double> cjk / n > 0.3 else 25


def container_scores(
    list blocks,
    list containers,
    const unsigned char[::1] excluded,
    text_holders,
    Py_ssize_t cjk_letters,
):
    """(score, good, bad, prose) lists, one entry per container; ``cjk_letters``:
    textnorm.CJK_LETTERS."""
    cdef Py_ssize_t n_boxes = len(containers), i, c, own, n, link, commas, depth, start
    score_array = np.zeros(n_boxes, np.float64)
    good_array = np.zeros(n_boxes, np.int64)
    bad_array = np.zeros(n_boxes, np.int64)
    prose_array = np.zeros(n_boxes, np.int64)
    parent_array = np.zeros(n_boxes, np.int64)
    cdef double[::1] score = score_array
    cdef long long[::1] good = good_array, bad = bad_array, prose = prose_array
    cdef long long[::1] parent = parent_array
    cdef double vote
    cdef long long chain[4]
    for c in range(n_boxes):
        parent[c] = (<object> containers[c]).parent
    for i in range(len(blocks)):
        block = blocks[i]
        own = block.container
        text = <str> block.text
        n = len(text)
        if excluded[i] or block.boiler:
            bad[own] += n
            continue
        link = block.link_chars
        good[own] += n - link
        bad[own] += link
        if <double> link / n > 0.33:
            continue
        if n < 10 or (n < 25 and min_paragraph_chars(text) > n):
            continue
        prose[own] += n
        commas = text.count(",") + text.count("，")
        vote = 1 + fmin(latin_length(text, cjk_letters) / 100.0, 3) + commas
        # The chain from the block's container up, less the container itself when it is
        # a text holder (a <p> votes for its parent first).
        chain[0] = own
        for depth in range(1, 4):
            chain[depth] = parent[chain[depth - 1]] if chain[depth - 1] > 0 else -1
        start = 1 if (<object> containers[own]).tag in text_holders else 0
        for depth in range(3):
            c = chain[start + depth]
            if c < 0:
                break
            score[c] += vote / (depth + 1)
    for c in range(n_boxes - 1, 0, -1):
        good[parent[c]] += good[c]
        bad[parent[c]] += bad[c]
        prose[parent[c]] += prose[c]
    return score_array.tolist(), good_array.tolist(), bad_array.tolist(), prose_array.tolist()
