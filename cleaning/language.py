"""Language of the clean text, detected offline (py3langid ships its model in the package)."""

from __future__ import annotations

import py3langid

SAMPLE_CHARS = 1200  # enough for a confident guess; keeps the cost per page flat


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``, or None when there is too little text to tell."""
    sample = text[:SAMPLE_CHARS].strip()
    if len(sample) < 3:
        return None
    code, _score = py3langid.classify(sample)
    return str(code)
