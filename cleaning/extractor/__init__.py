"""The extractor: from a raw page (HTML bytes, or a text dump) to a record.

Decode once (``decode.py``), parse once with lexbor and flatten into blocks once
(``flatten.py``, ``blocks.py``), then each step works on the block list: the title
(``title.py``), prev/next and related links (``linkblocks.py``), the main content
(``content.py``), sections (``sections.py``), language (``language.py``);
``pipeline.py`` runs them in order. It writes no files: :mod:`cleaning.dataset` does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cleaning.extractor.pipeline import clean_html, clean_text

__all__ = ["clean_html", "clean_text"]


def __getattr__(name: str) -> Any:
    """The entry points, imported at first use (the cleaner's stack is not light)."""
    if name in __all__:
        from cleaning.extractor import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'cleaning.extractor' has no attribute {name!r}")
