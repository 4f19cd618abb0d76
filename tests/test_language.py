"""Language detection with the unpacked-model cache: same answers, and no cache needed.

Each case runs in a fresh interpreter (the model is loaded once per process) with its
own cache folder (``XDG_CACHE_HOME``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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
from cleaning.language import detect_language, model_cache_path
from py3langid import langid
ours = [detect_language(t) for t in json.loads(sys.argv[1])]
own = langid._load_identifier()
theirs = [str(own.classify(t[:400].strip())[0]) if len(t.strip()) >= 3 else None
          for t in json.loads(sys.argv[1])]
print(json.dumps({"ours": ours, "theirs": theirs, "cache": str(model_cache_path())}))
"""


def _run(cache_home: Path) -> dict:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home))
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
