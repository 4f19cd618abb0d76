"""The crawl command keeps pyarrow from importing pandas (crawler/no_pandas.py):
Parquet is written the same without it, and pandas works again once the crawl ends."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGE = next((REPO / "data" / "demo_site" / "articles").glob("*.html"))

SCRIPT = """
import sys
from pathlib import Path
from cleaning import clean_html
from cleaning.dataset import DatasetWriter
from crawler.no_pandas import pyarrow_without_pandas

out, page = sys.argv[1], Path(sys.argv[2])
with pyarrow_without_pandas():
    record = clean_html(page.read_bytes(), url="http://site.test/a.html").record
    writer = DatasetWriter(out, run_id="r1")
    writer.write(record)
    writer.close()
    print("pandas during:", "pandas" in sys.modules)
import pandas as pd
frame = pd.read_parquet(out)
print("rows after:", len(frame), frame["title"].iloc[0])
"""


def test_parquet_without_pandas_then_pandas_reads_it(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "out"), str(PAGE)],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "pandas during: False"
    assert lines[1].startswith("rows after: 1 ")
