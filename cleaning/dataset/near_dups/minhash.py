"""MinHash signatures of texts, as datasketch computes them, without its per-item loop.

The signature is datasketch's ``MinHash(num_perm=128, seed=1, scheme="affine32")``
of the text's shingle hashes: the same permutations and the same pre-mix, so a
signature is the ``hashvalues`` datasketch's LSH would be given
(``tests/test_near_dups.py`` checks they agree). datasketch hashes and converts
every item in Python; here the whole array is permuted at once, which is what keeps
the step a small part of cleaning a page (``bench/near_dups.py``).
"""

from __future__ import annotations

from functools import cache

import numpy as np
from datasketch import MinHash
from datasketch.minhash import _fmix

from cleaning.dataset.near_dups.shingles import shingle_hashes
from cleaning.dataset.schema import Record

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"
_NO_SHINGLE = np.uint32(0xFFFFFFFF)  # datasketch's value for "nothing seen"


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    a, b = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations
    return a.reshape(-1, 1), b.reshape(-1, 1)


def signature(text: str) -> np.ndarray:
    """The text's MinHash: ``NUM_PERM`` uint32 values (all 0xFFFFFFFF without words)."""
    hashes = shingle_hashes(text)
    if not len(hashes):
        return np.full(NUM_PERM, _NO_SHINGLE, dtype=np.uint32)
    a, b = _permutations()
    permuted = a * _fmix(hashes, 32)
    permuted += b
    return permuted.min(axis=1)


def record_signature(record: Record) -> np.ndarray:
    """:func:`signature` of a record's text: what a Dask worker computes for the
    client's index (:class:`cleaning.cluster.client.ClusterSession`)."""
    return signature(record.text)


def similarity(first: np.ndarray, second: np.ndarray) -> float:
    """The Jaccard similarity the two signatures estimate (the share of equal values)."""
    return float(np.count_nonzero(first == second)) / NUM_PERM
