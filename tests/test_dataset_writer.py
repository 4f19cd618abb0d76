"""The Parquet writer: explicit schema, zstd, atomic files, readable by pandas and pyarrow."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from cleaning.dataset import DatasetWriter
from cleaning.dataset.schema import (
    ARROW_SCHEMA,
    SCHEMA_VERSION,
    PageLink,
    Record,
    RelatedLink,
    Section,
    stable_id,
)


def make_record(n: int) -> Record:
    url = f"http://127.0.0.1/articles/{n}.html"
    return Record(
        id=stable_id(url),
        url=url,
        canonical_url=url,
        site="127.0.0.1",
        title=f"Article {n}",
        intro="Intro.",
        text="Intro.\n\n1. One\n\nBody.",
        sections=[Section(1, "One", "Body."), Section(None, "Unnumbered", "More.")],
        related=[RelatedLink("Other", "http://127.0.0.1/articles/x.html", "Snip...")],
        prev=PageLink("Before", "http://127.0.0.1/articles/b.html"),
        next=None,
        language="en",
        word_count=4,
        content_hash="h",
        fetched_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
        http_status=200,
        crawl_id="run",
        extractor_version="0",
    )


def test_dataclass_and_arrow_schema_name_the_same_columns() -> None:
    names = [f.name for f in dataclasses.fields(Record)]
    assert names == ARROW_SCHEMA.names


def test_round_trip_keeps_nested_columns_and_types(tmp_path: Path) -> None:
    with DatasetWriter(tmp_path, "run1", rows_per_group=2) as writer:
        for n in range(5):
            writer.write(make_record(n))
    files = sorted(tmp_path.glob("*.parquet"))
    assert [f.name for f in files] == ["part-run1-00000.parquet"]
    parquet = pq.ParquetFile(files[0])
    assert parquet.schema_arrow.equals(ARROW_SCHEMA)
    assert parquet.metadata.num_row_groups == 3  # flushed as rows arrived
    assert parquet.metadata.row_group(0).column(0).compression == "ZSTD"
    meta = parquet.schema_arrow.metadata
    assert meta[b"healthcorpus.schema_version"] == SCHEMA_VERSION.encode()
    df = pd.read_parquet(tmp_path)
    assert len(df) == 5
    row = df.iloc[0]
    assert list(row["sections"])[0] == {"number": 1, "heading": "One", "text": "Body."}
    assert list(row["sections"])[1]["number"] is None
    assert row["prev"] == {"title": "Before", "url": "http://127.0.0.1/articles/b.html"}
    assert row["next"] is None
    assert str(df["fetched_at"].dtype) == "datetime64[ms, UTC]"


def test_files_rotate_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    with DatasetWriter(tmp_path, "run2", rows_per_group=3, rows_per_file=4) as writer:
        for n in range(10):
            writer.write(make_record(n))
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [f"part-run2-0000{i}.parquet" for i in range(3)]
    assert len(pd.read_parquet(tmp_path)) == 10


def test_an_open_file_is_invisible_until_closed(tmp_path: Path) -> None:
    writer = DatasetWriter(tmp_path, "run3", rows_per_group=1)
    writer.write(make_record(1))
    assert list(tmp_path.glob("*.parquet")) == []  # only the hidden temp file exists
    assert [p.name for p in tmp_path.iterdir()] == [".part-run3-00000.parquet.tmp"]
    writer.close()
    assert len(pd.read_parquet(tmp_path)) == 1


def test_a_failed_run_leaves_no_partial_file(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), DatasetWriter(tmp_path, "run4", rows_per_group=1) as w:
        w.write(make_record(1))
        raise RuntimeError("crash mid-run")
    assert list(tmp_path.iterdir()) == []
