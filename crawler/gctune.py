"""Garbage-collector settings for the processes that clean pages.

The cleaner makes tens of thousands of short-lived, acyclic objects a page (blocks,
strings, links), all freed by reference counting; Python's cyclic collector would
still sweep its young generation every 700 allocations, about 3% of the time. The
``clean`` command and the crawl's page workers raise that threshold.
"""

from __future__ import annotations

import gc

CLEANING_GC_THRESHOLD = 50_000


def tune_gc_for_cleaning() -> None:
    """Fewer young-generation collections in a process that mostly cleans pages."""
    gc.set_threshold(CLEANING_GC_THRESHOLD, *gc.get_threshold()[1:])
