"""The block scorer's model: gradient-boosted trees in one small ``.npz`` file.

``bench/train_block_scorer.py`` trains it (scikit-learn's histogram gradient boosting,
on the tuning part of ``bench/pages`` only) and writes the trees as flat arrays: for
every node its feature, threshold, children (-1 at a leaf) and leaf value. Scoring a
block is walking each tree from its root (``x[feature] <= threshold`` goes left) and
adding the leaves' values to the base log-odds: the compiled ``_forest`` does it in C,
``numpy_raw`` with arrays when the extension is not built. Nothing is downloaded; the
file ships inside the package.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

MODEL_FILE = Path(__file__).resolve().parent / "block_scorer.npz"


@dataclass(frozen=True, slots=True)
class Forest:
    feature_names: tuple[str, ...]
    feature: np.ndarray  # int32 per node
    threshold: np.ndarray  # float64 per node
    left: np.ndarray  # int32 per node, -1 at a leaf
    right: np.ndarray  # int32 per node
    value: np.ndarray  # float64 per node (leaf value; 0 elsewhere)
    roots: np.ndarray  # int32 per tree: the index of its root node
    base: float  # the log-odds every block starts from
    # Probability from which a block is kept: inside the rule-based region, and outside
    # it (where the rules found no article text, the trees must be surer).
    keep_inside: float
    keep_outside: float

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> Forest:
        with np.load(path, allow_pickle=False) as data:
            return cls(
                feature_names=tuple(str(name) for name in data["feature_names"]),
                feature=data["feature"].astype(np.int32),
                threshold=data["threshold"].astype(np.float64),
                left=data["left"].astype(np.int32),
                right=data["right"].astype(np.int32),
                value=data["value"].astype(np.float64),
                roots=data["roots"].astype(np.int32),
                base=float(data["base"]),
                keep_inside=float(data["keep_inside"]),
                keep_outside=float(data["keep_outside"]),
            )

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            feature_names=np.array(self.feature_names),
            feature=self.feature,
            threshold=self.threshold,
            left=self.left,
            right=self.right,
            value=self.value,
            roots=self.roots,
            base=np.float64(self.base),
            keep_inside=np.float64(self.keep_inside),
            keep_outside=np.float64(self.keep_outside),
        )

    def raw(self, X: np.ndarray) -> np.ndarray:
        """Log-odds of each row of ``X`` (float32, one column per feature name)."""
        X = np.ascontiguousarray(X, dtype=np.float32)
        compiled = _compiled()
        if compiled is not None:
            raw_scores, node_dtype = compiled
            return raw_scores(X, self._packed(node_dtype), self.roots, self.base)
        return numpy_raw(self, X)

    def _packed(self, node_dtype: np.dtype) -> np.ndarray:
        """The nodes as the compiled walk reads them (a leaf's value in its threshold)."""
        packed = _PACKED.get(id(self))
        if packed is None or packed[0] is not self:
            nodes = np.zeros(len(self.feature), node_dtype)
            leaf = self.left < 0
            nodes["threshold"] = np.where(leaf, self.value, self.threshold)
            nodes["feature"] = self.feature
            nodes["left"] = self.left
            nodes["right"] = self.right
            packed = (self, nodes)
            _PACKED[id(self)] = packed
        return packed[1]

    def keep(self, raw: np.ndarray, in_region: np.ndarray, *, level: bool = False) -> np.ndarray:
        """Which rows of log-odds ``raw`` the model keeps: probability at least
        ``keep_inside`` for rows of blocks in the rule-based region, ``keep_outside``
        for the others; ``level``: one half for all (when the rules' region was wrong
        and the bar outside it left nothing to keep)."""
        if level:
            return raw >= 0.0
        inside = math.log(self.keep_inside / (1 - self.keep_inside))
        outside = math.log(self.keep_outside / (1 - self.keep_outside))
        return raw >= np.where(in_region, inside, outside)


def numpy_raw(forest: Forest, X: np.ndarray) -> np.ndarray:
    """The trees walked with arrays, all rows at once, one level per step."""
    rows = np.arange(len(X))
    total = np.full(len(X), forest.base)
    for root in forest.roots:
        node = np.full(len(X), root, np.int64)
        while True:
            inner = forest.left[node] >= 0
            if not inner.any():
                break
            x = X[rows, forest.feature[node]]
            go_left = x <= forest.threshold[node]
            node = np.where(inner, np.where(go_left, forest.left[node], forest.right[node]), node)
        total += forest.value[node]
    return total


_PACKED: dict[int, tuple[Forest, np.ndarray]] = {}  # packed nodes of each loaded forest


@cache
def _compiled():  # type: ignore[no-untyped-def]
    if os.environ.get("HEALTHCORPUS_PURE_PYTHON", "") not in ("", "0"):
        return None
    try:
        from cleaning.extractor.scorer._forest import NODE_DTYPE, raw_scores
    except ImportError:
        return None
    return raw_scores, NODE_DTYPE


_override: list[Forest | None] = []


@cache
def _shipped() -> Forest | None:
    return Forest.load() if MODEL_FILE.is_file() else None


def default_forest() -> Forest | None:
    """The shipped model (None when the file is missing: a tree being trained), or the
    one ``using`` put in its place."""
    return _override[-1] if _override else _shipped()


@contextmanager
def using(forest: Forest | None) -> Iterator[None]:
    """Clean with ``forest`` instead of the shipped model (None: the rules alone), for
    cross-validation and tests."""
    _override.append(forest)
    try:
        yield
    finally:
        _override.pop()
