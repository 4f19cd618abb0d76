"""The metrics of ``bench/pages/README.md``, computed exactly as the sets define them.

- shingle F1 (article benchmark, Readability text): 4-token shingles as a multiset,
  per-page precision and recall, F1 of their means over pages;
- segments (trafilatura's ``tests/eval_common.py``): whitespace collapsed, substring
  tests, TP/FN/FP/TN summed over all pages;
- headings (Readability pages with two or more ``h2``-``h4``): the page's headings
  against the record's section headings, compared without case, spacing, edge
  punctuation or a leading number, TP/FP/FN summed over pages.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
# "1. ", "Step 2: ", "(3) ", "四、": the number a heading may carry on one side only.
_LEADING_NUMBER = re.compile(
    r"^\s*(?:(?:step|part|method|section)\s*)?[(（]?\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})"
    r"\s*[.)、:：）]\s*",
    re.IGNORECASE,
)


# Script-neutral tokens (the script-swapped pages): each CJK character is a token, as a
# word is in the other scripts (a run of them between punctuation is one ``\w+``).
_CJK_RANGES = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"
_NEUTRAL_TOKEN = re.compile(rf"[{_CJK_RANGES}]|[^\W{_CJK_RANGES}]+")


def shingles(text: str, neutral: bool = False) -> Counter[tuple[str, ...]]:
    tokens = (_NEUTRAL_TOKEN if neutral else _TOKEN).findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < 4:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def page_shingle_scores(
    predicted: str, truth: str, neutral: bool = False
) -> tuple[float | None, float | None]:
    """(precision, recall) of one page; None where the metric leaves the page out.
    ``neutral``: CJK characters are tokens (character shingles on Chinese text)."""
    pred, true = shingles(predicted, neutral), shingles(truth, neutral)
    tp = sum((pred & true).values())
    fp = sum(pred.values()) - tp
    fn = sum(true.values()) - tp
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return precision, recall


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Scores:
    precision: float
    recall: float
    pages: int

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def shingle_scores(pairs: Iterable[tuple[str, str]], neutral: bool = False) -> Scores:
    """Mean precision and recall over (predicted, truth) pages."""
    precisions, recalls, pages = [], [], 0
    for predicted, truth in pairs:
        pages += 1
        p, r = page_shingle_scores(predicted, truth, neutral)
        if p is not None:
            precisions.append(p)
        if r is not None:
            recalls.append(r)
    return Scores(
        statistics.fmean(precisions) if precisions else 0.0,
        statistics.fmean(recalls) if recalls else 0.0,
        pages,
    )


def collapse(text: str) -> str:
    return _SPACES.sub(" ", text or "").strip()


def _no_spaces(text: str) -> str:
    return _SPACES.sub("", text or "")


@dataclass(slots=True)
class SegmentCounts:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, other: SegmentCounts) -> None:
        self.tp += other.tp
        self.fn += other.fn
        self.fp += other.fp
        self.tn += other.tn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def segment_counts(
    output: str, with_: list[str], without: list[str], neutral: bool = False
) -> SegmentCounts:
    """One page's counts, as trafilatura's ``evaluate_result`` makes them; ``neutral``:
    blind to whitespace, which Chinese text does not put between words (an extractor
    may keep a space where inline tags met)."""
    squash = _no_spaces if neutral else collapse
    text = squash(output)
    counts = SegmentCounts()
    for segment in with_:
        if squash(segment) in text:
            counts.tp += 1
        else:
            counts.fn += 1
    for segment in without:
        if squash(segment) in text:
            counts.fp += 1
        else:
            counts.tn += 1
    return counts


def heading_key(text: str) -> str:
    """A heading compared across sources: no leading number, case, spacing or edge
    punctuation."""
    text = _LEADING_NUMBER.sub("", collapse(text))
    return collapse(text).casefold().strip(" .:：;,!?-–—*#")


def heading_counts(predicted: list[str], expected: list[str]) -> tuple[int, int, int]:
    """(TP, FP, FN) of one page's headings, as multisets of keys."""
    pred = Counter(k for k in map(heading_key, predicted) if k)
    true = Counter(k for k in map(heading_key, expected) if k)
    tp = sum((pred & true).values())
    return tp, sum(pred.values()) - tp, sum(true.values()) - tp
