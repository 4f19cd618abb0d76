"""A crawl's output folder as researchers open it: four readers, validate, load()."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from demo_server_util import load_expected, run_cli, serve_demo_site

from cleaning.dataset import DatasetWriter, load
from cleaning.dataset.schema import ARROW_SCHEMA


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("crawl")
    with serve_demo_site() as server:
        proc = run_cli("crawl", server.start_url, "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    yield out


def counts(folder: Path) -> dict[str, int]:
    glob = f"{folder.as_posix()}/part-*.parquet"  # as README says
    return {
        "pandas": len(pd.read_parquet(folder)),
        "pyarrow": ds.dataset(folder, format="parquet", partitioning="hive").count_rows(),
        "duckdb": duckdb.sql(
            f"select count(*) from read_parquet('{glob}')"
        ).fetchall()[0][0],
        "polars": pl.scan_parquet(glob).select(pl.len()).collect().item(),
    }


def test_four_readers_see_the_same_rows(crawled: Path) -> None:
    articles, _ = load_expected()
    assert counts(crawled) == dict.fromkeys(
        ("pandas", "pyarrow", "duckdb", "polars"), len(articles)
    )


def test_nested_columns_read_back_in_every_reader(crawled: Path) -> None:
    glob = f"{crawled.as_posix()}/part-*.parquet"
    first = duckdb.sql(
        f"select max(len(sections)), max(len(related)) from read_parquet('{glob}')"
    ).fetchall()[0]
    assert first[0] >= 3 and first[1] >= 6
    frame = pl.read_parquet(glob)
    assert frame.schema["sections"] == pl.List(
        pl.Struct({"number": pl.Int32, "heading": pl.String, "text": pl.String})
    )


def test_validate_passes_a_crawl(crawled: Path) -> None:
    proc = run_cli("validate", str(crawled))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("valid: 1 file(s)")


def test_validate_names_a_truncated_file(crawled: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(crawled, copy)
    (part,) = copy.glob("*.parquet")
    data = part.read_bytes()
    part.write_bytes(data[: len(data) // 2])
    proc = run_cli("validate", str(copy))
    assert proc.returncode == 1
    assert f"healthcorpus: {part}: not a readable Parquet file" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_validate_catches_schema_drift_missing_files_and_empty_texts(
    crawled: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(crawled, copy)
    (part,) = copy.glob("*.parquet")
    table = pq.read_table(part)
    # Another writer's file: word_count as int64 and an empty text.
    texts = table.column("text").to_pylist()
    texts[0] = "  "
    drifted = table.set_column(
        table.schema.get_field_index("word_count"),
        "word_count",
        table.column("word_count").cast(pa.int64()),
    )
    pq.write_table(drifted, copy / "part-other-00000.parquet")
    emptied = table.set_column(table.schema.get_field_index("text"), "text", pa.array(texts))
    pq.write_table(
        emptied.replace_schema_metadata(ARROW_SCHEMA.metadata), copy / "part-x-0.parquet"
    )
    part.unlink()
    proc = run_cli("validate", str(copy))
    assert proc.returncode == 1
    assert (
        "part-other-00000.parquet: schema: column word_count is int64, expected int32"
        in proc.stderr
    )
    assert "part-x-0.parquet: 1 record(s) with an empty text" in proc.stderr
    assert "file(s) of this run are missing" in proc.stderr


def test_validate_reports_leftovers_of_a_killed_run_but_passes(
    crawled: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(crawled, copy)
    (copy / ".part-killed-00000.parquet.tmp").write_bytes(b"PAR1 half a file")
    proc = run_cli("validate", str(copy))
    assert proc.returncode == 0, proc.stderr
    assert "temporary file(s) from an interrupted run" in proc.stdout
    assert len(pd.read_parquet(copy)) == len(pd.read_parquet(crawled))


def test_validate_usage_errors(tmp_path: Path) -> None:
    proc = run_cli("validate", str(tmp_path / "nope"))
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"healthcorpus: error: {tmp_path / 'nope'}: no such folder"


def test_load_columns_sites_and_latest_version(crawled: Path, tmp_path: Path) -> None:
    frame = load(crawled, columns=["title", "site", "sections"])
    assert list(frame.columns) == ["title", "site", "sections"]
    assert len(frame) == len(load_expected()[0])
    assert load(crawled, sites=["no.such.site"]).empty
    assert len(load(crawled, sites=["127.0.0.1"])) == len(frame)

    # A second version of one article, fetched later, replaces the first in load().
    copy = tmp_path / "versions"
    shutil.copytree(crawled, copy)
    row = pq.read_table(next(copy.glob("*.parquet"))).slice(0, 1).to_pylist()[0]
    row.update(
        text="Updated text.", content_hash="new", fetched_at=datetime(2100, 1, 1, tzinfo=UTC)
    )
    from cleaning.dataset.schema import PageLink, Record, RelatedLink, Section

    record = Record(
        **{
            **row,
            "sections": [Section(**s) for s in row["sections"]],
            "related": [RelatedLink(**r) for r in row["related"]],
            "prev": PageLink(**row["prev"]) if row["prev"] else None,
            "next": PageLink(**row["next"]) if row["next"] else None,
        }
    )
    with DatasetWriter(copy, "later") as writer:
        writer.write(record)
    latest = load(copy, columns=["id", "text"])
    assert len(latest) == len(frame)
    assert latest.set_index("id").loc[row["id"], "text"] == "Updated text."
    assert len(load(copy, all_versions=True)) == len(frame) + 1
