"""Schema v2 runs into v1 folders: the v1 parts are upgraded in place, and the folder
opens in pandas, pyarrow, DuckDB and Polars with every v2 column; validate knows both
versions and refuses a mix; ``healthcorpus upgrade`` is idempotent and resumes.

The v1 folders are what a v1 run left: real rows (the demo site, cleaned or crawled),
written with the v1 Arrow schema (the first columns of the v2 one, ``V1_COLUMNS``) in
several parts of several row groups, and manifests that list them and say v1.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from demo_server_util import DEMO_SITE, read_manifests, run_cli, serve_demo_site, subprocess_env

from cleaning.dataset import DatasetWriter, load
from cleaning.dataset.dedup import dataset_files
from cleaning.dataset.lock import DatasetLock
from cleaning.dataset.schema import ARROW_SCHEMA, SCHEMA_VERSION, V1_COLUMNS, Record
from cleaning.dataset.upgrade import UPGRADING_SUFFIX, upgrade_part

VERSION_KEY = b"healthcorpus.schema_version"
V1_SCHEMA = pa.schema(
    [ARROW_SCHEMA.field(name) for name in V1_COLUMNS], metadata={VERSION_KEY: b"1"}
)
V2_ONLY = [name for name in ARROW_SCHEMA.names if name not in V1_COLUMNS]
DEMO_ARTICLES = 41
PARTS_PER_RUN = 3
ROWS_PER_GROUP = 5
MANY_PARTS = 100  # enough for a kill -9 to land in the middle of an upgrade


def as_v1(folder: Path) -> Path:
    """Rewrite a folder as a v1 run would have left it: each run's rows in
    PARTS_PER_RUN parts of v1 columns, row groups of ROWS_PER_GROUP, manifests saying
    v1 and listing those parts."""
    for manifest_path in sorted((folder / "_runs").glob("*.json")):
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        parts = [folder / name for name in manifest["files"]]
        table = pa.concat_tables([pq.read_table(p) for p in parts]) if parts else None
        for part in parts:
            part.unlink()
        names = []
        if table is not None:
            v1 = pa.Table.from_arrays([table.column(n) for n in V1_COLUMNS], schema=V1_SCHEMA)
            size = -(-v1.num_rows // PARTS_PER_RUN)
            for index in range(PARTS_PER_RUN):
                name = f"part-{manifest['run_id']}-{index:05d}.parquet"
                write_v1(v1.slice(index * size, size), folder / name)
                names.append(name)
        manifest.update(files=names, schema_version="1")
        manifest_path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return folder


def write_v1(table: pa.Table, path: Path) -> None:
    with pq.ParquetWriter(path, V1_SCHEMA, compression="zstd", use_dictionary=True) as writer:
        for start in range(0, table.num_rows, ROWS_PER_GROUP):
            writer.write_table(table.slice(start, ROWS_PER_GROUP))


def copy(folder: Path, tmp_path: Path, name: str = "copy") -> Path:
    target = tmp_path / name
    shutil.copytree(folder, target)
    return target


def version_of(path: Path) -> str | None:
    """The schema version a file's metadata declares."""
    raw = (pq.read_schema(path).metadata or {}).get(VERSION_KEY)
    return raw.decode() if raw is not None else None


def versions(folder: Path) -> dict[str, str | None]:
    """File name -> the schema version its metadata declares."""
    return {path.name: version_of(path) for path in dataset_files(folder)}


def four_readers(folder: Path) -> dict[str, tuple[int, list[str]]]:
    """(rows, columns) as pandas, pyarrow.dataset, DuckDB and Polars see the folder."""
    glob = f"{folder.as_posix()}/*.parquet"
    frame = pd.read_parquet(folder)
    dataset = ds.dataset(folder, format="parquet")
    duck = duckdb.sql(f"select * from read_parquet('{glob}')")
    polars = pl.read_parquet(glob)
    return {
        "pandas": (len(frame), list(frame.columns)),
        "pyarrow": (dataset.count_rows(), dataset.schema.names),
        "duckdb": (duck.fetchall().__len__(), duck.columns),
        "polars": (polars.height, polars.columns),
    }


def assert_readers_see(folder: Path, rows: int) -> None:
    expected = (rows, list(ARROW_SCHEMA.names))
    assert four_readers(folder) == dict.fromkeys(
        ("pandas", "pyarrow", "duckdb", "polars"), expected
    )


def upgrade_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "upgraded" in line]


def v1_rows(folder: Path) -> pa.Table:
    """The v1 columns of every part, in file and row order."""
    tables = [pq.read_table(p, columns=list(V1_COLUMNS)) for p in dataset_files(folder)]
    return pa.concat_tables(t.replace_schema_metadata(None) for t in tables)


@pytest.fixture(scope="module")
def v1_cleaned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site cleaned offline, as a v1 run left it."""
    out = tmp_path_factory.mktemp("v1") / "cleaned"
    proc = run_cli("clean", str(DEMO_SITE), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return as_v1(out)


@pytest.fixture(scope="module")
def v1_crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The demo site crawled, as a v1 run left it."""
    out = tmp_path_factory.mktemp("v1") / "crawled"
    with serve_demo_site() as server:
        proc = run_cli("crawl", server.start_url, "--out", str(out), "--no-archive")
    assert proc.returncode == 0, proc.stderr
    yield as_v1(out)


def test_the_v1_folder_is_what_v1_left(v1_cleaned: Path) -> None:
    assert set(versions(v1_cleaned).values()) == {"1"}
    assert len(versions(v1_cleaned)) == PARTS_PER_RUN
    for part in dataset_files(v1_cleaned):
        assert pq.read_schema(part).names == list(V1_COLUMNS)
        assert pq.ParquetFile(part).metadata.num_row_groups == 3  # 14 rows: 5 + 5 + 4
    assert [m["schema_version"] for m in read_manifests(v1_cleaned)] == ["1"]


# --- runs of v2 into a v1 folder --------------------------------------------------------


def test_clean_into_a_v1_folder_upgrades_it_first(v1_crawled: Path, tmp_path: Path) -> None:
    out = copy(v1_crawled, tmp_path)
    before = v1_rows(out)
    proc = run_cli("clean", str(DEMO_SITE), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert upgrade_lines(proc.stderr) == [
        f"healthcorpus: upgraded {PARTS_PER_RUN} Parquet file(s) of {out} from schema v1 "
        f"to v{SCHEMA_VERSION} (file names and rows unchanged)"
    ]
    assert set(versions(out).values()) == {SCHEMA_VERSION}
    assert_readers_see(out, 2 * DEMO_ARTICLES)  # the crawl's rows, and the files' rows
    # The old rows: same parts, same order, same values, the new columns empty.
    old_parts = [p for p in dataset_files(out) if p.name in versions(v1_crawled)]
    assert [p.name for p in old_parts] == sorted(versions(v1_crawled))
    upgraded = pa.concat_tables(pq.read_table(p) for p in old_parts)
    assert upgraded.select(list(V1_COLUMNS)).replace_schema_metadata(None).equals(before)
    for name in V2_ONLY:
        values = upgraded.column(name).to_pylist()
        assert values == (
            [[]] if pa.types.is_list(ARROW_SCHEMA.field(name).type) else [None]
        ) * len(values), name
    assert pq.ParquetFile(old_parts[0]).metadata.num_row_groups == 3  # row groups kept
    proc = run_cli("validate", str(out))
    assert proc.returncode == 0, proc.stderr
    assert f"(schema v{SCHEMA_VERSION})" in proc.stdout


def test_crawl_into_a_v1_folder_upgrades_it_first(v1_cleaned: Path, tmp_path: Path) -> None:
    out = copy(v1_cleaned, tmp_path)
    with serve_demo_site() as server:
        proc = run_cli("crawl", server.start_url, "--out", str(out), "--no-archive")
        assert proc.returncode == 0, proc.stderr
        assert len(upgrade_lines(proc.stderr)) == 1, proc.stderr
        assert f"upgraded {PARTS_PER_RUN} Parquet file(s) of {out}" in proc.stderr
        assert set(versions(out).values()) == {SCHEMA_VERSION}
        assert_readers_see(out, 2 * DEMO_ARTICLES)
        assert run_cli("validate", str(out)).returncode == 0
        # The next run has nothing to upgrade and says nothing about it.
        again = run_cli("crawl", server.start_url, "--out", str(out), "--no-archive")
    assert again.returncode == 0, again.stderr
    assert upgrade_lines(again.stderr) == []


def test_shared_workers_upgrade_a_v1_folder_once(v1_cleaned: Path, tmp_path: Path) -> None:
    from redis_util import crawl_with_workers, redis_server

    out = copy(v1_cleaned, tmp_path)
    with redis_server(tmp_path) as redis_url, serve_demo_site() as server:
        results = crawl_with_workers(server.start_url, out, redis_url, 2, "--no-archive")
    for code, stdout, stderr in results:
        assert code == 0, stdout + stderr
    lines = [line for _, _, stderr in results for line in upgrade_lines(stderr)]
    assert len(lines) == 1, lines  # one worker upgraded; the other found it done
    assert set(versions(out).values()) == {SCHEMA_VERSION}
    assert_readers_see(out, 2 * DEMO_ARTICLES)


def test_a_folder_of_an_unknown_version_is_not_written_into(
    v1_cleaned: Path, tmp_path: Path
) -> None:
    out = copy(v1_cleaned, tmp_path)
    (part, *_) = dataset_files(out)
    table = pq.read_table(part)
    pq.write_table(table.replace_schema_metadata({VERSION_KEY: b"99"}), part)
    before = versions(out)
    proc = run_cli("clean", str(DEMO_SITE), "--out", str(out))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert "schema v99, which this healthcorpus does not know" in proc.stderr
    assert versions(out) == before  # nothing upgraded, nothing written
    assert len(read_manifests(out)) == 1


# --- validate ---------------------------------------------------------------------------


def test_validate_passes_a_v1_folder_and_says_how_to_upgrade(v1_cleaned: Path) -> None:
    proc = run_cli("validate", str(v1_cleaned))
    assert proc.returncode == 0, proc.stderr
    assert f"records in {v1_cleaned.resolve()} (schema v1)" in proc.stdout
    assert (
        f"`healthcorpus upgrade {v1_cleaned.resolve()}` brings it to schema v{SCHEMA_VERSION}"
        in proc.stdout
    )


def test_validate_refuses_a_folder_of_mixed_versions(v1_cleaned: Path, tmp_path: Path) -> None:
    out = copy(v1_cleaned, tmp_path)
    (first, *rest) = dataset_files(out)
    upgrade_part(first)
    proc = run_cli("validate", str(out))
    assert proc.returncode == 1
    problems = [line for line in proc.stderr.splitlines() if "mixed versions" in line]
    assert sorted(problems) == sorted(
        f"healthcorpus: {path}: schema v1 in a folder of mixed versions (schema v1: 2 "
        f"file(s), schema v{SCHEMA_VERSION}: 1 file(s)); readers take one file's schema: "
        f"`healthcorpus upgrade {out.resolve()}` brings it to schema v{SCHEMA_VERSION}"
        for path in rest
    )
    assert "Traceback" not in proc.stderr


def test_validate_names_a_file_of_an_unknown_version(v1_cleaned: Path, tmp_path: Path) -> None:
    out = copy(v1_cleaned, tmp_path)
    proc = run_cli("upgrade", str(out))
    assert proc.returncode == 0, proc.stderr
    (part, *_) = dataset_files(out)
    pq.write_table(pq.read_table(part).replace_schema_metadata({VERSION_KEY: b"9"}), part)
    proc = run_cli("validate", str(out))
    assert proc.returncode == 1
    assert f"healthcorpus: {part}: schema v9: not a version this healthcorpus knows" in proc.stderr
    assert (
        f"mixed schema versions (schema v{SCHEMA_VERSION}: 2 file(s), schema v9: 1 file(s))"
        in proc.stderr
    )


def test_validate_checks_the_new_columns_types(v1_cleaned: Path, tmp_path: Path) -> None:
    out = copy(v1_cleaned, tmp_path)
    assert run_cli("upgrade", str(out)).returncode == 0
    (part, *_) = dataset_files(out)
    table = pq.read_table(part)
    index = table.schema.get_field_index("authors")
    drifted = table.set_column(index, "authors", pa.nulls(table.num_rows, pa.string()))
    pq.write_table(drifted.replace_schema_metadata(ARROW_SCHEMA.metadata), part)
    proc = run_cli("validate", str(out))
    assert proc.returncode == 1
    assert f"{part}: schema: column authors is string, expected list<item: string>" in proc.stderr


# --- the upgrade command ----------------------------------------------------------------


def test_upgrade_is_idempotent(v1_cleaned: Path, tmp_path: Path) -> None:
    out = copy(v1_cleaned, tmp_path)
    before = v1_rows(out)
    proc = run_cli("upgrade", str(out))
    assert proc.returncode == 0, proc.stderr
    assert (
        proc.stdout
        == f"upgraded 3 file(s) to schema v{SCHEMA_VERSION} (0 already were) in {out.resolve()}\n"
    )
    assert proc.stderr == ""
    assert set(versions(out).values()) == {SCHEMA_VERSION}
    meta = pq.read_schema(dataset_files(out)[0]).metadata
    assert meta[b"healthcorpus.upgraded_from"] == b"1"
    assert v1_rows(out).equals(before)
    assert_readers_see(out, DEMO_ARTICLES)
    snapshot = {p.name: p.read_bytes() for p in dataset_files(out)}
    again = run_cli("upgrade", str(out))
    assert again.returncode == 0, again.stderr
    assert (
        again.stdout == f"nothing to upgrade: 3 file(s) of {out.resolve()}, all v{SCHEMA_VERSION}\n"
    )
    assert {p.name: p.read_bytes() for p in dataset_files(out)} == snapshot
    assert run_cli("validate", str(out)).returncode == 0  # the v1 manifests still add up


def test_an_upgrade_killed_midway_resumes(v1_cleaned: Path, tmp_path: Path) -> None:
    """Killed while writing its second file: the first is v2, the second's temporary
    file half written, the rest v1. Readers see whole files; the next upgrade ends it."""
    out = copy(v1_cleaned, tmp_path)
    before = v1_rows(out)
    first, second, _third = dataset_files(out)
    upgrade_part(first)
    leftover = second.with_name(f".{second.name}{UPGRADING_SUFFIX}")
    leftover.write_bytes(b"PAR1" + second.read_bytes()[4:100])
    assert versions(out) == {first.name: SCHEMA_VERSION, second.name: "1", _third.name: "1"}
    assert len(pd.read_parquet(out)) == DEMO_ARTICLES  # whole files only
    assert run_cli("validate", str(out)).returncode == 1  # mixed versions

    proc = run_cli("upgrade", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(
        f"upgraded 2 file(s) to schema v{SCHEMA_VERSION} (1 already were)"
    )
    assert not leftover.exists()
    assert v1_rows(out).equals(before)
    assert run_cli("validate", str(out)).returncode == 0
    assert_readers_see(out, DEMO_ARTICLES)


def test_an_upgrade_killed_by_sigkill_resumes(v1_cleaned: Path, tmp_path: Path) -> None:
    """A real kill -9 while the command rewrites many parts: every visible file stays
    whole, and the same command finishes the job."""
    out = tmp_path / "many"
    out.mkdir()
    rows = v1_rows(v1_cleaned).slice(0, ROWS_PER_GROUP)
    table = pa.Table.from_arrays(rows.columns, schema=V1_SCHEMA)
    for index in range(MANY_PARTS):
        write_v1(table, out / f"part-20250101T000000Z-{index:06x}-00000.parquet")
    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "upgrade", str(out)],
        env=subprocess_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while SCHEMA_VERSION not in versions(out).values() and proc.poll() is None:
            assert time.monotonic() < deadline, "the upgrade never started"
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=10)
    seen = versions(out)  # every footer readable: no visible file is half written
    assert len(seen) == MANY_PARTS and set(seen.values()) == {"1", SCHEMA_VERSION}  # killed midway
    assert len(pd.read_parquet(out, columns=["id"])) == MANY_PARTS * ROWS_PER_GROUP

    again = run_cli("upgrade", str(out))
    assert again.returncode == 0, again.stderr
    assert set(versions(out).values()) == {SCHEMA_VERSION}
    assert list(out.glob(f".*{UPGRADING_SUFFIX}")) == []
    assert v1_rows(out).equals(pa.concat_tables([rows] * MANY_PARTS))
    assert len(pl.read_parquet(f"{out.as_posix()}/*.parquet").columns) == len(ARROW_SCHEMA)


def test_upgrade_leaves_a_damaged_file_and_says_so(v1_cleaned: Path, tmp_path: Path) -> None:
    out = copy(v1_cleaned, tmp_path)
    first, second, third = dataset_files(out)
    data = second.read_bytes()
    second.write_bytes(data[: len(data) // 2])  # truncated: its footer is gone
    proc = run_cli("upgrade", str(out))
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"healthcorpus: {second}: ")
    assert "(not upgraded)" in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stdout.startswith(
        f"partly upgraded: 2 file(s) to schema v{SCHEMA_VERSION}, 1 left as they were"
    )
    assert [version_of(p) for p in (first, third)] == [SCHEMA_VERSION, SCHEMA_VERSION]


def test_upgrade_bad_input_is_one_line(tmp_path: Path) -> None:
    missing = run_cli("upgrade", str(tmp_path / "nope"))
    assert (missing.returncode, missing.stderr) == (
        2,
        f"healthcorpus: error: {tmp_path / 'nope'}: no such folder\n",
    )
    (tmp_path / "file").write_text("x")
    assert run_cli("upgrade", str(tmp_path / "file")).returncode == 2
    (tmp_path / "empty").mkdir()
    empty = run_cli("upgrade", str(tmp_path / "empty"))
    assert empty.returncode == 2
    assert empty.stderr.startswith(
        f"healthcorpus: error: {tmp_path / 'empty'}: not a healthcorpus dataset"
    )
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    pq.write_table(pa.table({"x": [1, 2]}), foreign / "data.parquet")
    assert run_cli("upgrade", str(foreign)).returncode == 2
    for proc in (missing, empty):
        assert proc.stderr.count("\n") == 1


def test_upgrade_waits_for_no_one_when_the_folder_is_locked(
    v1_cleaned: Path, tmp_path: Path
) -> None:
    out = copy(v1_cleaned, tmp_path)
    with DatasetLock(out, command="crawl", run_id="20260101T000000Z-abcdef"):
        proc = run_cli("upgrade", str(out))
    assert proc.returncode == 4
    assert "another run is writing to this dataset (crawl 20260101T000000Z-abcdef" in proc.stderr
    assert set(versions(out).values()) == {"1"}


# --- reading a v1 folder ----------------------------------------------------------------


def test_load_reads_a_v1_folder_as_v2(v1_cleaned: Path) -> None:
    frame = load(v1_cleaned)
    assert list(frame.columns) == list(ARROW_SCHEMA.names)
    assert len(frame) == DEMO_ARTICLES
    assert frame["published_at"].isna().all() and frame["description"].isna().all()
    for name in ("authors", "reviewers", "tags", "categories", "references"):
        assert all(len(value) == 0 for value in frame[name]), name
    assert list(load(v1_cleaned, columns=["title", "authors"]).columns) == ["title", "authors"]


# --- stats ------------------------------------------------------------------------------


def _record(n: int, **metadata: object) -> Record:
    url = f"https://health.example/a/{n}"
    return Record(
        id=f"id{n}",
        url=url,
        canonical_url=url,
        site="health.example",
        title=f"Article {n}",
        intro="",
        text=f"Text of article {n}.",
        content_hash=f"h{n}",
        **metadata,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="module")
def with_metadata(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Eight articles whose metadata is known: 4 dated (2021, 2021, 2023, 2024), 3
    reviewed by Dr. Ada Park and 1 by Dr. Lee, 2 with authors, 1 with references."""
    from datetime import UTC, datetime

    from cleaning.dataset.schema import Reference

    def at(year: int) -> datetime:
        return datetime(year, 3, 1, tzinfo=UTC)

    records = [
        _record(0, published_at=at(2021), reviewers=["Dr. Ada Park"], authors=["Sam Roe"]),
        _record(1, published_at=at(2021), reviewers=["Dr. Ada Park", "Dr. Lee"]),
        _record(2, published_at=at(2023), reviewers=["Dr. Ada Park"], reviewed_at=at(2024)),
        _record(3, published_at=at(2024), description="A summary.", tags=["sleep"]),
        _record(4, references=[Reference("A study", None)], authors=["Sam Roe", "Kim Li"]),
        _record(5, image="https://health.example/a.png", categories=["Heart"]),
        _record(6, modified_at=at(2025)),
        _record(7, description="   "),  # blank: not stated
    ]
    out = tmp_path_factory.mktemp("stats") / "meta"
    with DatasetWriter(out, "20260101T000000Z-abcdef") as writer:
        for record in records:
            writer.write(record)
    return out


def _block(stdout: str, heading: str) -> list[str]:
    return stdout.split(f"\n{heading}\n", 1)[1].split("\n\n", 1)[0].splitlines()


def test_stats_show_metadata_shares_years_and_reviewers(with_metadata: Path) -> None:
    proc = run_cli("stats", str(with_metadata))
    assert proc.returncode == 0, proc.stderr
    shares = {
        line.split()[0]: line.split()[1:]
        for line in _block(proc.stdout, "article metadata: articles that state it")
    }
    assert shares == {
        "published_at": ["4", "50.0%"],
        "modified_at": ["1", "12.5%"],
        "reviewed_at": ["1", "12.5%"],
        "authors": ["2", "25.0%"],
        "reviewers": ["3", "37.5%"],
        "description": ["1", "12.5%"],
        "tags": ["1", "12.5%"],
        "categories": ["1", "12.5%"],
        "image": ["1", "12.5%"],
        "references": ["1", "12.5%"],
    }
    years = [line.split() for line in _block(proc.stdout, "articles by year published")]
    assert years == [
        ["2021", "2", "25.0%"],
        ["2023", "1", "12.5%"],
        ["2024", "1", "12.5%"],
        ["no", "publication", "date", "4", "50.0%"],
    ]
    reviewers = [line.strip() for line in _block(proc.stdout, "top reviewers")]
    assert [r.rsplit(None, 2)[:2] for r in reviewers] == [["Dr. Ada Park", "3"], ["Dr. Lee", "1"]]
    authors = [line.strip().rsplit(None, 2)[:2] for line in _block(proc.stdout, "top authors")]
    assert authors == [["Sam Roe", "2"], ["Kim Li", "1"]]


def test_stats_report_has_the_metadata_tables_and_plots(
    with_metadata: Path, tmp_path: Path
) -> None:
    report = tmp_path / "report.html"
    proc = run_cli("stats", str(with_metadata), "--report", str(report))
    assert proc.returncode == 0, proc.stderr
    page = report.read_text(encoding="utf-8")
    for heading in (
        "article metadata: articles that state it",
        "articles by year published",
        "top reviewers",
        "top authors",
    ):
        assert f"<h2>{heading}</h2>" in page
    assert "<td>Dr. Ada Park</td>" in page
    for caption in (
        "article metadata: share of articles that state it",
        "articles by year published",
        "top reviewers",
    ):
        assert f'<figcaption>{caption}</figcaption><img src="data:image/png;base64,' in page


def test_stats_of_a_v1_folder_show_no_metadata(v1_cleaned: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    proc = run_cli("stats", str(v1_cleaned), "--report", str(report))
    assert proc.returncode == 0, proc.stderr
    shares = _block(proc.stdout, "article metadata: articles that state it")
    assert len(shares) == 10 and all(line.split()[1:] == ["0", "0.0%"] for line in shares)
    assert _block(proc.stdout, "top reviewers") == ["  none named"]
    assert "no article states any (a schema v1 dataset" in report.read_text(encoding="utf-8")
