"""Naming each new record's near duplicate: the earliest record of its cluster.

A record is a near duplicate of another when the Jaccard similarity of their word
shingles, as their MinHash signatures estimate it, is at least :data:`THRESHOLD`.
Clusters are what such pairs join, transitively; the root of a cluster is its
earliest record, the first one written into the dataset. ``near_dup_of`` of a record
is that root, or None when the record has no near duplicate or is the root.

Versions of one article (the same id, a changed text) are one record here: they are
tracked by ``id`` already, so an article is never its own near duplicate.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from cleaning.dataset.near_dups.lsh import IndexStore, MemoryStore
from cleaning.dataset.near_dups.minhash import NUM_PERM, signature, similarity
from cleaning.dataset.schema import Record

THRESHOLD = 0.8  # estimated Jaccard similarity of the shingle sets (docs/near_duplicates.md)


@dataclass(slots=True)
class Admitted:
    """A record admitted by this run, as the index files keep it."""

    id: str
    crawl_id: str
    near_dup_of: str | None
    signature: np.ndarray


@dataclass
class NearDupIndex:
    """The clusters of one dataset folder (or of the folders sharing a Redis frontier).

    :meth:`assign` is called for each record about to be written, in the order they
    are written; :attr:`admitted` is what this run added, for the index files
    (:mod:`cleaning.dataset.near_dups.store`).
    """

    store: IndexStore = field(default_factory=MemoryStore)
    threshold: float = THRESHOLD
    admitted: list[Admitted] = field(default_factory=list)

    def assign(self, record: Record) -> str | None:
        """Set and return ``record.near_dup_of``; the record joins the index."""
        record.near_dup_of = self.admit(record.id, record.crawl_id, signature(record.text))
        return record.near_dup_of

    def admit(self, record_id: str, crawl_id: str, values: np.ndarray) -> str | None:
        """:meth:`assign` for a record known by its id and signature (computed where
        it was cleaned: a Dask worker)."""
        root = self.root_for(record_id, values)
        self.admitted.append(Admitted(record_id, crawl_id, root, values))
        return root

    def root_for(self, record_id: str, values: np.ndarray) -> str | None:
        """The root of the cluster a record with these values joins (None: itself);
        the record is admitted."""
        if not has_words(values):
            return None  # no text, nothing to compare
        with self.store.exclusive():  # no other worker admits between query and add
            known = self.store.entries([record_id])[0]
            roots = self._roots_near(record_id, values)
            if known is not None:
                roots.append(known.root)
            root = self._earliest(roots)
            if known is None:
                self.store.add(record_id, values, root if root != record_id else None)
        return root if root and root != record_id else None

    def load(self, record_id: str, values: np.ndarray, near_dup_of: str | None) -> None:
        """Admit a record the folder already holds, with the root it was given."""
        if has_words(values) and self.store.entries([record_id])[0] is None:
            self.store.add(record_id, values, near_dup_of)

    def _roots_near(self, record_id: str, values: np.ndarray) -> list[str]:
        ids = [c for c in self.store.candidates(values) if c != record_id]
        near = [
            c
            for c, other in zip(ids, self.store.signature_of(ids), strict=True)
            if other is not None and similarity(values, other) >= self.threshold
        ]
        return [e.root for e in self.store.entries(near) if e is not None]

    def _earliest(self, roots: list[str]) -> str | None:
        if not roots:
            return None
        unique = list(dict.fromkeys(roots))
        entries = self.store.entries(unique)
        # A root the index does not hold (its folder lost it) sorts last.
        ranked = sorted(
            zip(unique, entries, strict=True),
            key=lambda pair: (pair[1] is None, pair[1].order if pair[1] else 0, pair[0]),
        )
        return ranked[0][0]


def has_words(values: np.ndarray) -> bool:
    """Whether the signature is of a text with words (an empty one matches nothing)."""
    return len(values) == NUM_PERM and bool((values != np.uint32(0xFFFFFFFF)).any())
