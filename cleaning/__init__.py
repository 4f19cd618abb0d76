"""healthcorpus cleaning: a pure library (no Scrapy) from raw pages to schema-v1 records.

Entry points:

- :func:`clean_html` — bytes or text of an HTML page plus its URL -> :class:`CleanResult`
- :func:`clean_text` — a plain-text dump of a page (like ``seed/*.txt``) -> :class:`CleanResult`
- :class:`cleaning.dataset.DatasetWriter` — streaming, atomic Parquet writer
- :func:`cleaning.offline.clean_paths` — clean saved files/folders into a dataset
"""

from cleaning.pipeline import CleanResult, clean_html, clean_text
from cleaning.schema import ARROW_SCHEMA, SCHEMA_VERSION, Record
from cleaning.version import EXTRACTOR_VERSION

__all__ = [
    "ARROW_SCHEMA",
    "EXTRACTOR_VERSION",
    "SCHEMA_VERSION",
    "CleanResult",
    "Record",
    "clean_html",
    "clean_text",
]
