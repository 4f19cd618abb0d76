"""Language of the clean text, detected offline (py3langid ships its model in the package).

py3langid unpacks its LZMA-compressed model (4.5 MB to 30 MB) at the first call in
every process: 0.3 s at each start of ``healthcorpus clean`` and of each cleaning
worker of a crawl. The unpacked model is kept in the user's cache folder
(``$XDG_CACHE_HOME/healthcorpus``, else ``~/.cache/healthcorpus``; named after the
model file's size and time, so an upgraded py3langid gets a new one) and read from
there in a few hundredths of a second. It is made from the installed file, nothing is
downloaded; with no usable cache folder py3langid loads its model as usual.
"""

from __future__ import annotations

import logging
import lzma
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np
import py3langid
from py3langid import langid, modelio

log = logging.getLogger(__name__)

# Enough for a confident guess, and the cost per page flat: on the 168 records of the
# bench pages, 400 characters give the same language as 1200 in half the time
# (0.25 ms against 0.5 ms a page); 200 already differ on two.
SAMPLE_CHARS = 400


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``, or None when there is too little text to tell."""
    sample = text[:SAMPLE_CHARS].strip()
    if len(sample) < 3:
        return None
    if langid.IDENTIFIER is None:
        langid.IDENTIFIER = _identifier_from_cache()  # None: py3langid loads its own
    code, _score = py3langid.classify(sample)
    return str(code)


def model_cache_path() -> Path | None:
    """Where the unpacked model of the installed py3langid is kept (None: no home)."""
    packed = langid.MODEL_DIR / langid.MODEL_FILE
    try:
        info = packed.stat()
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except (OSError, RuntimeError):  # no model file, or no home folder to cache in
        return None
    name = f"py3langid-{py3langid.__version__}-{info.st_size}-{info.st_mtime_ns}.npz"
    return base / "healthcorpus" / name


def _identifier_from_cache() -> langid.LanguageIdentifier | None:
    path = model_cache_path()
    if path is None:
        return None
    try:
        if not path.is_file():
            _unpack_model(langid.MODEL_DIR / langid.MODEL_FILE, path)
        return _load_unpacked(path)
    except Exception as exc:  # a damaged or unwritable cache must not stop cleaning
        log.debug("language model cache %s not used: %s", path, exc)
        return None


def _unpack_model(packed: Path, path: Path) -> None:
    """Decompress the model next to its final name, then rename it into place (two
    processes starting together each write their own temporary file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".unpacking-", suffix=".npz")
    try:
        with os.fdopen(fd, "wb") as out, lzma.open(packed) as src:
            shutil.copyfileobj(src, out, length=1 << 20)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _load_unpacked(path: Path) -> langid.LanguageIdentifier:
    """py3langid's own model reading (modelio.load_model), minus the decompression."""
    with np.load(path, allow_pickle=False) as data:
        ptc, pc = data["ptc"], data["pc"]
        classes = data["classes"].tolist()
        nextmove = modelio._to_array(data["nextmove"])
        row = modelio._to_array(data["nextmove_row"])
        output = data["out_feat"].tolist()
    return langid.LanguageIdentifier(
        np.asarray(ptc), np.asarray(pc), classes, nextmove, output, tk_row=row
    )
