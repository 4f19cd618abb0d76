"""Keep pyarrow from importing pandas in a command that only writes Parquet.

pyarrow imports pandas, when it is installed, at the first array it builds (to
recognise pandas objects): 0.2-0.4 s of the crawl's only thread, a quarter of a small
crawl's own start, and of ``healthcorpus clean``'s. Those two commands only write
Parquet, so while they run pandas reads as not installed; pyarrow supports that, and
tries again when pandas is first asked for afterwards.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType


class _RefusePandas(MetaPathFinder):
    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> ModuleSpec | None:
        if fullname == "pandas":
            raise ImportError("pandas is not imported while Parquet is written")
        return None


@contextmanager
def pyarrow_without_pandas() -> Iterator[None]:
    """For a command's own process only: an import of pandas in it fails meanwhile."""
    if "pandas" in sys.modules:  # already imported: nothing to save
        yield
        return
    refuse = _RefusePandas()
    sys.meta_path.insert(0, refuse)
    try:
        yield
    finally:
        sys.meta_path.remove(refuse)
