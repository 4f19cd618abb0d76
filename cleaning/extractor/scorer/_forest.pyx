# cython: boundscheck=False, wraparound=False, cdivision=True
"""The block scorer's trees, evaluated in C: the same sums as ``forest.numpy_raw``.

One pass per block over every tree, following ``x[feature] <= threshold`` to a leaf;
a page's few hundred blocks through a hundred trees cost a few tenths of a millisecond,
where the array version (``forest.numpy_raw``) costs milliseconds.
"""

import numpy as np


def raw_scores(
    const float[:, ::1] X,
    const int[::1] feature,
    const double[::1] threshold,
    const int[::1] left,
    const int[::1] right,
    const double[::1] value,
    const int[::1] roots,
    double base,
):
    """Sum over trees of each row's leaf value, plus ``base`` (log-odds)."""
    cdef Py_ssize_t n = X.shape[0], t, i
    cdef int node
    out = np.empty(n, np.float64)
    cdef double[::1] result = out
    cdef double total
    for i in range(n):
        total = base
        for t in range(roots.shape[0]):
            node = roots[t]
            while left[node] >= 0:
                if X[i, feature[node]] <= threshold[node]:
                    node = left[node]
                else:
                    node = right[node]
            total += value[node]
        result[i] = total
    return out
