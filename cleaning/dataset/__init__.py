"""The dataset library: the record schema and everything that reads or writes a dataset
folder (Parquet parts, run manifests, the folder lock, the WARC archive, validation,
statistics). It knows nothing of HTML: records come in from the extractor
(:mod:`cleaning.extractor`) or from any other producer.

- :class:`DatasetWriter` (``writer.py``) — streaming, atomic Parquet writer
- :func:`load` (``reader.py``) — the latest version of each article as a DataFrame
- ``schema.py`` — the one definition of the record and its Arrow schema
- ``versions.py``, ``upgrade.py`` — which schema version each part holds; v1 parts
  rewritten as v2 in place (a folder holds one version)
- ``card.py`` (``card_facts.py``, ``card_render.py``) — the folder's dataset card,
  ``_README.md`` and ``.huggingface.yaml``, rewritten at the end of every run
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cleaning.dataset.reader import load
    from cleaning.dataset.writer import DatasetWriter

__all__ = ["DatasetWriter", "load"]


def __getattr__(name: str) -> Any:
    """Imported at first use: a module that needs only the schema (a page worker)
    does not pay for the Parquet writer's imports."""
    if name == "DatasetWriter":
        from cleaning.dataset.writer import DatasetWriter

        return DatasetWriter
    if name == "load":
        from cleaning.dataset.reader import load

        return load
    raise AttributeError(f"module 'cleaning.dataset' has no attribute {name!r}")
