"""``healthcorpus stats``: the summary and HTML report agree with the files, errors are one line.

The dataset is made once by the real ``clean`` command from the bundled demo site (offline,
about two seconds), and every check runs the real CLI on real Parquet files.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from demo_server_util import REPO, run_cli


def stats(*args: str) -> tuple[int, str, str]:
    proc = run_cli("stats", *args, module="crawler")
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("stats") / "demo"
    proc = run_cli("clean", str(REPO / "data" / "demo_site"), "--out", str(out), module="crawler")
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="module")
def summary(dataset: Path) -> str:
    """The stats command's stdout, run once for all the summary checks."""
    code, out, err = stats(str(dataset))
    assert code == 0, err
    assert err == ""
    return out


@pytest.fixture(scope="module")
def frame(dataset: Path) -> pd.DataFrame:
    return pd.read_parquet(dataset)


def _part_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("part-*.parquet"))


def _block(stdout: str, heading: str) -> dict[str, str]:
    """The lines of one summary block (up to the next blank line), label -> rest."""
    lines = stdout.split(f"\n{heading}\n", 1)[1].split("\n\n", 1)[0].splitlines()
    rows = [re.match(r"^\s+(\S.*?)\s{2,}(\S.*)$", line) for line in lines]
    return {m.group(1).strip(): m.group(2) for m in rows if m}


def _count_of(row: str) -> int:
    return int(row.split()[0].replace(",", ""))


def _one_error_line(stderr: str, starts_with: str) -> None:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith(starts_with), stderr


# --- the summary -----------------------------------------------------------------------


def test_summary_counts_match_the_files(dataset: Path, summary: str, frame: pd.DataFrame) -> None:
    out = summary
    assert out.startswith(f"healthcorpus stats: {dataset.resolve()}\n")
    overview = _block(out, "dataset")
    assert _count_of(overview["files"]) == len(_part_files(dataset)) == 1
    assert _count_of(overview["records"]) == len(frame) == 41
    assert _count_of(overview["unique articles"]) == frame["id"].nunique()
    assert _count_of(overview["duplicate rows"]) == 0
    assert max(len(line) for line in out.splitlines()) <= 80


@pytest.mark.parametrize(("column", "heading"), [("site", "site"), ("language", "language")])
def test_summary_lists_records_by_site_and_language(
    summary: str, frame: pd.DataFrame, column: str, heading: str
) -> None:
    block = _block(summary, f"records by {heading}")
    expected = frame[column].replace("", "(none)").value_counts()
    assert {label: _count_of(row) for label, row in block.items()} == expected.to_dict()


def test_section_distribution_matches_pandas(summary: str, frame: pd.DataFrame) -> None:
    latest = frame.sort_values("fetched_at").drop_duplicates("id", keep="last")
    numbered = latest["sections"].map(lambda s: sum(x["number"] is not None for x in s))
    buckets = pd.cut(numbered, [-1, 0, 2, 5, float("inf")], labels=["0", "1-2", "3-5", "6+"])
    expected = {str(k): int(v) for k, v in buckets.value_counts().items()}
    block = _block(summary, "numbered sections per article")
    assert {label: _count_of(block[label]) for label in expected} == expected
    assert float(block["median"]) == numbered.median()


def test_runs_come_from_the_manifest(dataset: Path, summary: str) -> None:
    manifest = json.loads(next((dataset / "_runs").glob("*.json")).read_text())
    runs = _block(summary, "runs")
    assert _count_of(runs["runs"]) == 1
    assert _count_of(runs["pages fetched"]) == manifest["pages_fetched"]
    assert _count_of(runs["records written"]) == manifest["records_written"] == 41
    assert manifest["skipped"]
    for reason, n in manifest["skipped"].items():
        assert _count_of(runs[reason]) == n


# --- the HTML report -------------------------------------------------------------------


def test_report_is_one_self_contained_html_file_with_plots(dataset: Path, tmp_path: Path) -> None:
    report = tmp_path / "stats.html"
    code, out, err = stats(str(dataset), "--report", str(report))
    assert code == 0, err
    assert str(report) in out
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert f"<title>healthcorpus stats: {dataset.resolve()}" in page
    images = re.findall(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
    assert len(images) >= 5
    assert all(base64.b64decode(data).startswith(b"\x89PNG\r\n\x1a\n") for data in images)
    assert "http://" not in page and "https://" not in page
    assert not re.search(r"<(script|link)\b", page)
    assert '<td>records</td><td class="n">41</td>' in page


def test_report_into_an_unwritable_path_is_a_one_line_error(dataset: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    target = blocker / "stats.html"
    code, out, err = stats(str(dataset), "--report", str(target))
    assert code == 2
    _one_error_line(err, f"healthcorpus: error: {target}: cannot write the report")
    assert out == ""


# --- bad folders and damaged files ------------------------------------------------------


def test_missing_folder_is_a_one_line_error_with_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    code, out, err = stats(str(missing))
    assert code == 2
    _one_error_line(err, f"healthcorpus: error: {missing}: ")
    assert out == ""


def test_a_file_instead_of_a_folder_is_a_one_line_error_with_exit_2(dataset: Path) -> None:
    part = _part_files(dataset)[0]
    code, _, err = stats(str(part))
    assert code == 2
    _one_error_line(err, f"healthcorpus: error: {part}: not a folder")


def test_folder_without_parquet_files_is_a_one_line_error_with_exit_2(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("no data here")
    code, _, err = stats(str(tmp_path))
    assert code == 2
    _one_error_line(err, f"healthcorpus: error: {tmp_path}: holds no Parquet files")


def test_truncated_file_is_named_skipped_and_the_rest_reported(
    dataset: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "damaged"
    shutil.copytree(dataset, folder)
    part = _part_files(folder)[0]
    data = part.read_bytes()
    broken = folder / "part-truncated-00000.parquet"
    broken.write_bytes(data[: len(data) // 2])
    shutil.copy(part, folder / "part-copy-00000.parquet")  # the same rows again: duplicates

    report = tmp_path / "damaged.html"
    code, out, err = stats(str(folder), "--report", str(report))
    assert code == 1
    _one_error_line(err, f"healthcorpus: {broken}: cannot read")
    overview = _block(out, "dataset")
    assert _count_of(overview["files"]) == 3
    assert _count_of(overview["records"]) == 82
    assert _count_of(overview["unique articles"]) == 41
    assert overview["duplicate rows"].startswith("41  id seen before (41 same text)")
    assert str(broken) in report.read_text(encoding="utf-8")
