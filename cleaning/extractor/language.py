"""Language of the clean text, detected offline (py3langid ships its model in the package).

py3langid unpacks its LZMA-compressed model (4.5 MB to 30 MB) at the first call in
every process: 0.3 s at each start of ``healthcorpus clean`` and of each cleaning
worker of a crawl. The unpacked model is kept in the user's cache folder
(``$XDG_CACHE_HOME/healthcorpus``, else ``~/.cache/healthcorpus``; named after the
model file's size and time, so an upgraded py3langid gets a new one) and read from
there in a few hundredths of a second. It is made from the installed file, nothing is
downloaded; with no usable cache folder py3langid loads its model as usual.

Detection itself is py3langid's ``classify`` with two changes that leave its answer
the same to the bit (tests/test_language.py compares them on every test page): the
feature walk over the sample's bytes is compiled (``cleaning/extractor/_langwalk.pyx``, 0.1 ms
to a few microseconds), and the model's table is widened once from float16 to the
float32 its scores are computed in anyway (rows are then read three times faster;
28 MB more per process). Without the compiled walk, or with
``HEALTHCORPUS_PURE_PYTHON=1``, py3langid's own ``classify`` runs.
"""

from __future__ import annotations

import logging
import lzma
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
    global _classify
    if _classify is None:
        _classify = _load_classifier()
    return _classify(sample)


_classify: Callable[[str], str] | None = None


def _load_classifier() -> Callable[[str], str]:
    identifier = _identifier_from_cache() or langid._get_identifier()
    walk = _compiled_walk()
    if walk is None:
        return lambda sample: str(identifier.classify(sample)[0])
    return _FastClassifier(identifier, walk).classify


def _compiled_walk() -> Callable[..., tuple[np.ndarray, np.ndarray] | None] | None:
    if os.environ.get("HEALTHCORPUS_PURE_PYTHON", "") not in ("", "0"):
        return None
    try:
        from cleaning.extractor._langwalk import visit_features
    except ImportError:  # not built (no C compiler at install): py3langid's walk
        return None
    return visit_features  # type: ignore[no-any-return]


class _FastClassifier:
    """``LanguageIdentifier.classify`` of py3langid 0.4.0 without probabilities
    (``norm_probs`` off, as its ``classify`` runs), step for step."""

    def __init__(self, identifier: langid.LanguageIdentifier, walk: Callable[..., Any]) -> None:
        self.walk = walk
        self.nextmove = np.frombuffer(identifier.tk_nextmove, dtype=np.uint32)
        self.rowbase = np.asarray(identifier._rowbase, dtype=np.int64)
        self.output = np.asarray(identifier.tk_output, dtype=np.int32)
        self.table = identifier.nb_ptc.astype(np.float32)
        self.prior = identifier.nb_pc
        self.classes = [str(c) for c in identifier.nb_classes]
        self.alias_pairs = list(identifier._alias_pairs)
        self.encode = identifier._encode
        self.scratch = np.zeros(len(self.table), dtype=np.int32)

    def classify(self, sample: str) -> str:
        visits = self.walk(self.nextmove, self.rowbase, self.output, self.encode(sample),
                           self.scratch)  # fmt: skip
        if visits is None:
            return self.classes[0]  # every score the same floor: the first class wins
        features, counts = visits
        scores = np.log1p(counts) @ self.table[features] + self.prior
        for first, dupe in self.alias_pairs:
            scores[first] = max(scores[first], scores[dupe])
            scores[dupe] = langid.RAW_FLOOR
        return self.classes[int(scores.argmax())]


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
