"""Language detection with the unpacked-model cache: same answers, and no cache needed.

Each case runs in a fresh interpreter (the model is loaded once per process) with its
own cache folder (``XDG_CACHE_HOME``).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from py3langid import langid

from cleaning.extractor import language
from cleaning.extractor.language import detect_language

TEXTS = [
    "Calf cramps are common at night and most of them pass within minutes.",
    "小腿抽筋很常见，多数在几分钟内缓解，睡前拉伸有帮助。",
    "Les crampes nocturnes sont fréquentes et passent en quelques minutes.",
    "Ночные судороги в икрах встречаются часто и проходят за несколько минут.",
    "Wadenkrämpfe in der Nacht sind häufig und vergehen meist nach wenigen Minuten.",
    "こむら返りは夜によく起こり、数分でおさまることが多いです。",
    "ok",
]

# Our detection, then py3langid's own (model loaded by py3langid, not from our cache).
PROBE = """
import json, sys
from cleaning.extractor import language
from cleaning.extractor.language import detect_language, model_cache_path
from py3langid import langid
ours = [detect_language(t) for t in json.loads(sys.argv[1])]
kind = type(getattr(language._classify, "__self__", None)).__name__
own = langid._load_identifier()
theirs = [str(own.classify(t[:400].strip())[0]) if len(t.strip()) >= 3 else None
          for t in json.loads(sys.argv[1])]
print(json.dumps({"ours": ours, "theirs": theirs, "cache": str(model_cache_path()),
                  "kind": kind}))
"""


def _run(cache_home: Path, pure_python: bool = False) -> dict:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home))
    if pure_python:
        env["HEALTHCORPUS_PURE_PYTHON"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(TEXTS)],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "Traceback" not in done.stderr
    return json.loads(done.stdout)


def test_first_run_unpacks_the_model_and_later_runs_read_it(tmp_path: Path) -> None:
    first = _run(tmp_path)
    cache = Path(first["cache"])
    assert cache.parent == tmp_path / "healthcorpus" and cache.is_file()
    assert cache.stat().st_size > 10 * 2**20  # the unpacked model, not a stub
    assert not list(cache.parent.glob(".unpacking-*"))  # no temporary file left
    assert first["ours"] == first["theirs"]
    assert first["ours"][:6] == ["en", "zh", "fr", "ru", "de", "ja"]
    assert first["ours"][6] is None  # too little text to tell
    mtime = cache.stat().st_mtime_ns
    second = _run(tmp_path)
    assert second["ours"] == first["ours"]
    assert cache.stat().st_mtime_ns == mtime  # read, not written again


def test_a_damaged_cache_falls_back_to_the_packed_model(tmp_path: Path) -> None:
    first = _run(tmp_path)
    cache = Path(first["cache"])
    cache.write_bytes(cache.read_bytes()[: 2**20])  # truncated
    again = _run(tmp_path)
    assert again["ours"] == first["ours"] == again["theirs"]


def test_no_writable_cache_folder_still_detects(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    result = _run(blocker)
    assert result["ours"] == result["theirs"]
    assert result["ours"][0] == "en"


def _page_texts() -> list[str]:
    """The clean text of every project and bench page, and pieces of it (short,
    mid-word, mixed scripts), as samples for the detector."""
    from test_flatten import _project_pages, _read

    from cleaning import clean_html

    texts = []
    for path in _project_pages():
        record = clean_html(_read(path), url="http://site.test/a.html").record
        if record is not None:
            texts.append(record.text)
    rng = random.Random(8)
    pieces = []
    for text in texts:
        for _ in range(3):
            start = rng.randrange(len(text))
            pieces.append(text[start : start + rng.randrange(3, 450)])
    odd = ["123 456 789", "....!!!", "ÀÉÎÕÜ", "Ἀθῆναι πόλις", "ＡＢＣＤ", "😀 😀 😀", "A\tB\nC"]
    return texts + pieces + odd


def test_the_compiled_language_walk_is_built_and_used() -> None:
    """`pip install -e .` builds it; losing it silently would make detection 4x slower."""
    if os.environ.get("HEALTHCORPUS_PURE_PYTHON"):
        pytest.skip("pure Python asked for")
    assert language._compiled_walk() is not None
    detect_language("The compiled walk is used for this sentence.")
    assert isinstance(getattr(language._classify, "__self__", None), language._FastClassifier)


def test_the_compiled_detector_answers_as_py3langid_on_every_page() -> None:
    """Same language for every sample, and the same scores to the bit (the float32
    table holds the float16 values exactly, and the features keep their order)."""
    if language._compiled_walk() is None:
        pytest.skip("compiled language walk not built (or pure Python asked for)")
    if os.environ.get("HEALTHCORPUS_PURE_PYTHON"):
        pytest.skip("pure Python asked for")
    texts = _page_texts()
    assert len(texts) >= 300
    detect_language("warm up")  # loads the model
    classifier = language._classify.__self__  # type: ignore[union-attr]
    assert isinstance(classifier, language._FastClassifier)
    reference = langid._load_identifier()
    compared = 0
    for text in texts:
        sample = text[: language.SAMPLE_CHARS].strip()
        if len(sample) < 3:
            continue
        assert detect_language(text) == str(reference.classify(sample)[0]), sample
        visits = classifier.walk(
            classifier.nextmove, classifier.rowbase, classifier.output,
            classifier.encode(sample), classifier.scratch,
        )  # fmt: skip
        expected = reference._raw_score(reference._encode(sample))
        if visits is None:
            assert (expected == langid.RAW_FLOOR).all()
        else:
            features, counts = visits
            scores = np.log1p(counts) @ classifier.table[features] + classifier.prior
            assert np.array_equal(scores, expected), sample
        compared += 1
    assert compared >= 250
    assert not classifier.scratch.any()  # left all zeros for the next sample


def test_pure_python_detection_gives_the_same_languages(tmp_path: Path) -> None:
    compiled = _run(tmp_path)
    pure = _run(tmp_path, pure_python=True)
    assert pure["ours"] == compiled["ours"] == compiled["theirs"]
    assert pure["kind"] != compiled["kind"] or os.environ.get("HEALTHCORPUS_PURE_PYTHON")
