# cython: boundscheck=False, wraparound=False, cdivision=True
"""py3langid's feature walk (``langid.visit_counts``), compiled.

The same byte-by-byte walk of the tokenizer's automaton, and the same features in
the same order (first seen first, as ``collections.Counter`` keeps them), so the
scores that follow are the same to the bit. In Python the walk is a third of the
language detection's time on a 400-character sample (0.1 ms).
"""

import numpy as np


def visit_features(
    const unsigned int[::1] nextmove,
    const long long[::1] rowbase,
    const int[::1] output,
    const unsigned char[::1] text,
    int[::1] scratch,
):
    """(feature indexes, counts) of ``text``, first seen first; None without features.

    ``scratch`` holds one zero per feature and is left all zeros again.
    """
    cdef Py_ssize_t i, n = text.shape[0], found = 0
    cdef unsigned int state = 0
    cdef int feature
    order = np.empty(n, dtype=np.intp)
    cdef Py_ssize_t[::1] order_view = order
    for i in range(n):
        state = nextmove[rowbase[state] + text[i]]
        feature = output[state]
        if feature >= 0:
            if scratch[feature] == 0:
                order_view[found] = feature
                found += 1
            scratch[feature] += 1
    if found == 0:
        return None
    counts = np.empty(found, dtype=np.float32)
    cdef float[::1] counts_view = counts
    for i in range(found):
        counts_view[i] = scratch[order_view[i]]
        scratch[order_view[i]] = 0
    return order[:found], counts
