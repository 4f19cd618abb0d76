"""``healthcorpus clean INPUT... --dask SCHEDULER``: cleaning on a Dask cluster gives the
records of ``--jobs 1``, loses nothing when a worker dies, and fails in one line when the
scheduler cannot be reached.

One real cluster for the module: a ``distributed.LocalCluster`` of two worker processes
(one thread each) on 127.0.0.1, driven by the command in a subprocess, as a user runs it.
The inputs are real pages: the corpus templates, the real pages of ``bench/pages``, and
WARC files of them in which the same articles come again under other URLs and hosts (so
that the order-dependent duplicate / unchanged / alias filter has work across tasks).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
import syndication_set
from demo_server_util import CLI_TIMEOUT, read_manifests, run_cli, subprocess_env

from cleaning.cluster.tasks import (
    EVENT_TOPIC,
    RunGone,
    part_name,
    probe,
    publish_task,
    stage_task,
)
from cleaning.dataset.lock import DatasetLock
from cleaning.dataset.recovery import recover_interrupted_runs
from cleaning.dataset.warc import WarcSegmentWriter
from cleaning.offline import _Task

distributed = pytest.importorskip("distributed")

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "corpus"
BENCH_HTML = REPO / "bench" / "pages" / "html"
DEMO_ARTICLES = REPO / "data" / "demo_site" / "articles"
RUN_ID = "20260105T080000Z-abcdef"
CANONICAL = re.compile(rb"<link[^>]+canonical[^>]*>", re.I)
T0 = datetime(2026, 1, 5, 8, 0, 0, tzinfo=UTC)
# Columns that differ between two runs of the same inputs by design.
RUN_COLUMNS = ("crawl_id",)
# A scheduler that cannot be reached is given up on after this (Dask's own setting).
CONNECT_ENV = {"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "3s"}


# --- inputs and the cluster ------------------------------------------------------------


def _write_warc(folder: Path, prefix: str, pages: list[tuple[str, bytes]]) -> Path:
    writer = WarcSegmentWriter(folder, prefix)
    for i, (url, body) in enumerate(pages):
        headers = [("Content-Type", "text/html; charset=utf-8")]
        writer.write_response(url, 200, "OK", headers, body, T0 + timedelta(seconds=i))
    (path,) = writer.close()
    return path


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Page files (corpus templates, real pages) and four WARC files: the real pages on
    one host, again on a second host (duplicates: their canonical links name the same
    articles), the demo articles with copies of earlier pages and one URL met twice,
    some demo articles under other URLs (aliases), and the syndication set's pages (near
    duplicates across tasks: ``near_dup_of`` is decided by the client)."""
    root = tmp_path_factory.mktemp("dask-inputs")
    real = root / "real"
    real.mkdir()
    bodies = []
    for path in sorted(BENCH_HTML.glob("*.html.gz")):
        body = gzip.decompress(path.read_bytes())
        (real / path.name.removesuffix(".gz")).write_bytes(body)
        bodies.append(body)
    warc = root / "warc"
    _write_warc(warc, "a", [(f"http://a.example/p{i}.html", b) for i, b in enumerate(bodies)])
    _write_warc(warc, "b", [(f"http://b.example/p{i}.html", b) for i, b in enumerate(bodies)])
    demo = [
        (f"http://health.example/{path.name}", path.read_bytes())
        for path in sorted(DEMO_ARTICLES.glob("*.html"))
    ]
    again = [(f"http://a.example/p{i}.html?from=list", bodies[i]) for i in range(3)]
    _write_warc(warc, "c", [*demo[:10], *again, demo[0], *demo[10:]])
    # Without their canonical link, under another URL, demo articles are aliases.
    aliases = [(f"{url}?p=2", CANONICAL.sub(b"", body)) for url, body in demo[:4]]
    _write_warc(warc, "d", aliases)
    syndicated = root / "syndicated"
    syndicated.mkdir()
    syndication_set.write(syndication_set.build("validate"), syndicated)
    return [str(CORPUS), str(real), str(warc), str(syndicated)]


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    with distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address=None,
    ) as local:
        yield local


@pytest.fixture(scope="module")
def reference(inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same inputs cleaned with ``--jobs 1``."""
    out = tmp_path_factory.mktemp("jobs1") / "out"
    result = run_cli("clean", *inputs, "--out", str(out), "--jobs", "1")
    assert result.returncode == 0, result.stderr
    return out


def _rows(out: Path) -> list[dict[str, Any]]:
    """Every row, parts read in name order, without the run's own columns."""
    table = pq.read_table(sorted(out.glob("*.parquet")))
    dropped = [c for c in RUN_COLUMNS if c in table.column_names]
    return table.drop_columns(dropped).to_pylist()


def _first_difference(got: list[dict[str, Any]], expected: list[dict[str, Any]]) -> str:
    for i, (a, b) in enumerate(zip(got, expected, strict=False)):
        if a != b:
            columns = {k: (str(a.get(k))[:80], str(b.get(k))[:80]) for k in b if a.get(k) != b[k]}
            return f"row {i} ({b['url']}): {columns}"
    return f"{len(got)} rows, {len(expected)} expected"


def _only_manifest(out: Path, index: int = -1) -> dict[str, Any]:
    return sorted(read_manifests(out), key=lambda m: m["started_at"])[index]


def _counts(manifest: dict[str, Any]) -> tuple:
    return (
        manifest["pages_fetched"],
        manifest["records_written"],
        manifest["skipped"],
        manifest["errors"],
    )


def _clean_dask(inputs: list[str], out: Path, scheduler: str) -> subprocess.CompletedProcess:
    return run_cli("clean", *inputs, "--out", str(out), "--dask", scheduler)


def _popen_dask(inputs: list[str], out: Path, scheduler: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "clean", *inputs, "--out", str(out),
         "--dask", scheduler],
        env=subprocess_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _started_task(client: Any, out: Path, deadline: float) -> tuple[str, str]:
    """(worker, key) of a stage task that has started and not finished yet."""
    run_id = None
    while time.monotonic() < deadline:
        if run_id is None:
            manifests = list((out / "_runs").glob("*.json")) if (out / "_runs").is_dir() else []
            run_id = manifests[0].stem if manifests else None
        else:
            started = {
                (event["worker"], event["task"])
                for _t, event in client.get_events(EVENT_TOPIC.format(run_id=run_id))
                if event["phase"] == "stage"
            }
            for worker, keys in client.processing().items():
                for key in keys:
                    if key.startswith("healthcorpus-stage-"):
                        index = int(key.rsplit("-", 1)[1])
                        if (worker, index) in started:
                            return worker, key
        time.sleep(0.02)
    raise AssertionError("no stage task seen running")


# --- the records are those of --jobs 1 -------------------------------------------------


def test_dask_records_are_those_of_jobs_1(
    inputs: list[str], reference: Path, cluster: Any, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = _clean_dask(inputs, out, cluster.scheduler_address)
    assert result.returncode == 0, result.stderr

    expected, got = _rows(reference), _rows(out)
    assert len(got) == len(expected) > 100
    # Same rows, same values, same order (parts sorted by name).
    assert got == expected, _first_difference(got, expected)
    ids = [row["id"] for row in got]
    assert len(ids) == len(set(ids))
    # The near-duplicate clusters are those of --jobs 1 (compared above), and there are
    # some: the syndicated copies, in other tasks than their roots.
    assert sum(row["near_dup_of"] is not None for row in got) >= 150
    manifest, ref_manifest = _only_manifest(out), _only_manifest(reference)
    assert _counts(manifest) == _counts(ref_manifest)
    # The filter had work across tasks: the second host's copies and the aliases.
    assert manifest["skipped"].get("duplicate", 0) >= 80
    assert manifest["skipped"].get("alias", 0) >= 1
    assert manifest["status"] == "finished"
    dask = manifest["settings"]["dask"]
    assert dask["scheduler"] == cluster.scheduler_address
    assert len(dask["workers"]) == 2 and dask["tasks"] >= 3 and dask["tasks_retried"] == 0
    # Each task wrote its own parts; the staged files are gone.
    assert manifest["files"] == sorted(p.name for p in out.glob("*.parquet"))
    assert list((out / "_state" / "staged").iterdir()) == []
    assert "Traceback" not in result.stderr


def test_second_run_writes_nothing_new(inputs: list[str], cluster: Any, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = _clean_dask(inputs[1:], out, cluster.scheduler_address)
    assert first.returncode == 0, first.stderr
    parts = sorted(out.glob("*.parquet"))
    # The second time through a scheduler file, as `dask scheduler --scheduler-file` writes.
    scheduler_file = tmp_path / "scheduler.json"
    scheduler_file.write_text(json.dumps({"address": cluster.scheduler_address}))
    second = _clean_dask(inputs[1:], out, str(scheduler_file))
    assert second.returncode == 0, second.stderr

    assert sorted(out.glob("*.parquet")) == parts
    one, two = _only_manifest(out, 0), _only_manifest(out, 1)
    assert two["records_written"] == 0 and two["files"] == []
    assert two["skipped"]["unchanged"] == one["records_written"]
    assert two["settings"]["dask"]["scheduler"] == str(scheduler_file)


# --- a worker dies, the client is stopped ---------------------------------------------


def test_killed_worker_costs_a_retry_only(
    inputs: list[str], reference: Path, cluster: Any, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        pids = client.run(os.getpid)
        proc = _popen_dask(inputs, out, cluster.scheduler_address)
        try:
            worker, _key = _started_task(client, out, time.monotonic() + 60)
            os.kill(pids[worker], signal.SIGKILL)
            _stdout, stderr = proc.communicate(timeout=CLI_TIMEOUT)
        finally:
            proc.kill()
        client.wait_for_workers(2, timeout=60)  # the nanny restarts it, for later tests

    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr
    got, expected = _rows(out), _rows(reference)
    ids = [row["id"] for row in got]
    assert len(ids) == len(set(ids))  # no duplicate row
    assert got == expected, _first_difference(got, expected)  # none missing, the same
    manifest = _only_manifest(out)
    assert manifest["settings"]["dask"]["tasks_retried"] >= 1
    assert _counts(manifest) == _counts(_only_manifest(reference))


def test_sigterm_publishes_nothing_half_done_and_the_next_run_finishes(
    inputs: list[str], reference: Path, cluster: Any, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        proc = _popen_dask(inputs, out, cluster.scheduler_address)
        try:
            _started_task(client, out, time.monotonic() + 60)
            proc.send_signal(signal.SIGTERM)
            _stdout, stderr = proc.communicate(timeout=CLI_TIMEOUT)
        finally:
            proc.kill()
    assert proc.returncode == 1, stderr
    assert "Traceback" not in stderr
    stopped = _only_manifest(out)
    assert stopped["status"] == "interrupted"
    parts = sorted(p.name for p in out.glob("*.parquet"))
    assert stopped["files"] == parts  # every part it published is counted, and whole
    assert stopped["records_written"] == sum(pq.read_metadata(out / p).num_rows for p in parts)

    again = _clean_dask(inputs, out, cluster.scheduler_address)
    assert again.returncode == 0, again.stderr
    got = _rows(out)
    ids = [row["id"] for row in got]
    assert len(ids) == len(set(ids))
    # The near-duplicate clusters are those of --jobs 1 (compared above), and there are
    # some: the syndicated copies, in other tasks than their roots.
    assert sum(row["near_dup_of"] is not None for row in got) >= 150
    key = sorted  # the stopped run's parts come first: compare as sets of rows
    assert key(json.dumps(r, sort_keys=True, default=str) for r in got) == key(
        json.dumps(r, sort_keys=True, default=str) for r in _rows(reference)
    )
    assert not list((out / "_state" / "staged").glob("*.parquet"))


# --- errors: one line, a documented exit code, the folder untouched ----------------------


def test_unreachable_scheduler_is_one_line(inputs: list[str], tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:  # a loopback port nobody listens on
        sock.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{sock.getsockname()[1]}"
    out = tmp_path / "out"
    env = {**subprocess_env(), **CONNECT_ENV}
    result = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "clean", inputs[1], "--out", str(out),
         "--dask", address],
        env=env, capture_output=True, text=True, timeout=CLI_TIMEOUT, check=False,
    )  # fmt: skip
    assert result.returncode == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"healthcorpus: error: --dask {address}: cannot reach")
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in out.iterdir()) == []  # no lock, no manifest, no part

    bad = run_cli("clean", inputs[1], "--out", str(out), "--dask", "127.0.0.1:8786")
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1 and "expected a scheduler address" in bad.stderr


def test_probe_names_what_a_worker_does_not_see(tmp_path: Path) -> None:
    (tmp_path / ".token").touch()
    seen = probe(str(tmp_path), ".token", [str(tmp_path)])
    assert seen["missing"] is None
    gone = str(tmp_path / "gone")
    assert probe(str(tmp_path), ".token", [gone])["missing"] == gone
    other = probe(str(tmp_path), ".other-token", [])
    assert other["missing"] == str(tmp_path) and "shared" in str(other["reason"])


# --- the worker functions alone -----------------------------------------------------------


def test_publish_is_idempotent(tmp_path: Path) -> None:
    files = sorted((CORPUS / "en_howto").glob("*.html"))
    task: _Task = (files, False, "auto", RUN_ID, None)  # one chunk of page files
    out = tmp_path / "out"
    lock = DatasetLock(out, command="clean", run_id=RUN_ID)
    lock.acquire()  # what the client holds for its whole run
    staged = stage_task(task, str(out), 7)
    assert staged.rows == len(files)
    keys = [o.record for o in staged.outcomes if o.record is not None]
    keep = [k.row for k in keys][1:]
    names, _ = publish_task(str(out), task[3], 7, keep)
    assert names == [part_name(task[3], 7, 0)]
    table = pq.read_table(out / names[0])
    assert table.column("id").to_pylist() == [k.id for k in keys][1:]
    mtime = (out / names[0]).stat().st_mtime_ns
    # Run again (a retry after the part was published): the same file, nothing written.
    assert publish_task(str(out), task[3], 7, keep)[0] == names
    assert (out / names[0]).stat().st_mtime_ns == mtime
    assert not list(out.rglob("*.tmp")) and not list((out / "_state").rglob("*.parquet"))
    lock.release()


def test_tasks_of_a_run_that_is_gone_write_nothing(tmp_path: Path) -> None:
    """A task that outlives its client (killed) must not write once the lock is free."""
    files = sorted((CORPUS / "en_howto").glob("*.html"))[:2]
    task: _Task = (files, False, "auto", RUN_ID, None)
    out = tmp_path / "out"
    with DatasetLock(out, command="clean", run_id=RUN_ID):
        stage_task(task, str(out), 0)
    with pytest.raises(RunGone):
        stage_task(task, str(out), 1)
    with pytest.raises(RunGone):
        publish_task(str(out), RUN_ID, 0, [0])
    assert not list(out.glob("*.parquet")) and not list(out.rglob("*.tmp"))
    assert not list((out / "_state" / "staged").iterdir())


def test_publish_sets_columns_the_client_decided(tmp_path: Path) -> None:
    files = sorted((CORPUS / "en_howto").glob("*.html"))[:2]
    task: _Task = (files, False, "auto", RUN_ID, None)
    out = tmp_path / "out"
    with DatasetLock(out, command="clean", run_id=RUN_ID):
        staged = stage_task(task, str(out), 0, signature=lambda record: len(record.text))
        assert all(isinstance(o.record.signature, int) for o in staged.outcomes if o.record)
        names, _ = publish_task(str(out), RUN_ID, 0, [1, 0], {"title": ["second", "first"]})
        table = pq.read_table(out / names[0])
        assert table.column("title").to_pylist() == ["second", "first"]
        stage_task(task, str(out), 1)
        with pytest.raises(KeyError):
            publish_task(str(out), RUN_ID, 1, [0], {"no_such_column": [None]})


def test_recovery_removes_the_staged_files_of_a_killed_run(tmp_path: Path) -> None:
    files = sorted((CORPUS / "en_howto").glob("*.html"))[:2]
    task: _Task = (files, False, "auto", RUN_ID, None)
    with DatasetLock(tmp_path, command="clean", run_id=RUN_ID):
        stage_task(task, str(tmp_path), 0)
    staged = tmp_path / "_state" / "staged" / f"{RUN_ID}-00000.parquet"
    assert staged.exists()  # the run was killed before publishing it
    recovery = recover_interrupted_runs(tmp_path)
    assert not staged.exists()
    assert recovery.temp_files_removed == [f"_state/staged/{RUN_ID}-00000.parquet"]
