"""healthcorpus cleaning: a pure library (no Scrapy) from raw pages to schema-v1 records.

Two libraries: :mod:`cleaning.extractor` (pages to records) and :mod:`cleaning.dataset`
(the schema and the dataset folder: writer, reader, manifests, lock, WARC, validate,
stats); ``offline.py`` joins them for ``healthcorpus clean``. Entry points:

- :func:`clean_html` — bytes or text of an HTML page plus its URL -> :class:`CleanResult`
- :func:`clean_text` — a plain-text dump of a page (like ``seed/*.txt``) -> :class:`CleanResult`
- :class:`cleaning.dataset.DatasetWriter` — streaming, atomic Parquet writer
- :func:`cleaning.offline.clean_paths` — clean saved files/folders into a dataset
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cleaning.dataset.schema import ARROW_SCHEMA, SCHEMA_VERSION, Record
from cleaning.result import CleanResult
from cleaning.version import EXTRACTOR_VERSION

if TYPE_CHECKING:
    from cleaning.extractor.pipeline import clean_html, clean_text

__all__ = [
    "ARROW_SCHEMA",
    "EXTRACTOR_VERSION",
    "SCHEMA_VERSION",
    "CleanResult",
    "Record",
    "clean_html",
    "clean_text",
]


def __getattr__(name: str) -> Any:
    """The cleaner's entry points, imported at first use: a process that only writes
    or reads records (a crawl's own, with page workers) skips the cleaner's stack."""
    if name in ("clean_html", "clean_text"):
        from cleaning.extractor import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'cleaning' has no attribute {name!r}")
