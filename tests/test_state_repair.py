"""``healthcorpus repair DIR`` (issue 18): a damaged crawl state is rebuilt from the
folder's WARC archive and Parquet parts, and the next crawl asks the known pages with
conditional GETs (304) instead of fetching the whole site again, each article once.

Real crawls of the demo site on 127.0.0.1 (one server for the module, sending ETags
and Last-Modified, so that the URLs in the state stay the same from crawl to crawl),
real damaged files, the CLI in a subprocess."""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import pytest
from demo_server_util import DemoServer, read_manifests, run_cli, serve_demo_site
from test_machine_faults import _garbage, _truncated, assert_every_article_once

from cleaning.dataset.lock import DatasetLock
from crawler.exitcodes import FAILED, LOCKED, OK, USAGE

STATE = Path("_state") / "pages.sqlite"


@pytest.fixture(scope="module")
def server() -> Iterator[DemoServer]:
    with serve_demo_site(etags=True) as served:
        yield served


def _crawl(server: DemoServer, out: Path, *extra: str) -> None:
    done = run_cli("crawl", server.start_url, "--out", str(out), *extra)
    assert done.returncode == OK, done.stderr


@pytest.fixture(scope="module")
def crawled(server: DemoServer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder crawled once, archive on: copied by each test that damages it."""
    out = tmp_path_factory.mktemp("crawled") / "out"
    _crawl(server, out)
    return out


@pytest.fixture
def out(crawled: Path, tmp_path: Path, server: DemoServer) -> Path:
    copy = tmp_path / "out"
    shutil.copytree(crawled, copy)
    server.reset()
    return copy


def _select(path: Path, columns: str) -> dict[str, tuple[object, ...]]:
    """url -> the other ``columns`` of each page of a state file, read only."""
    db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return {url: tuple(rest) for url, *rest in db.execute(f"SELECT url, {columns} FROM pages")}
    finally:
        db.close()


def _rows(path: Path) -> dict[str, tuple[object, ...]]:
    """url -> (etag, last_modified, outcome)."""
    return _select(path, "etag, last_modified, outcome")


def _damage(out: Path, damage: Callable[[Path], None]) -> bytes:
    """Damage the state as test_machine_faults does; returns the damaged bytes."""
    state = out / STATE
    for suffix in ("-wal", "-shm"):
        state.with_name(state.name + suffix).unlink(missing_ok=True)
    damage(state)
    return state.read_bytes()


def _path(url: str) -> str:
    return urlsplit(url).path


def _statuses(server: DemoServer) -> dict[int, set[str]]:
    """status -> the page paths answered with it (robots.txt, sitemap.xml left out)."""
    by_status: dict[int, set[str]] = {}
    for path, statuses in server.statuses().items():
        for status in statuses:
            by_status.setdefault(status, set()).add(path)
    return by_status


def _repair(out: Path, *extra: str) -> tuple[str, str]:
    done = run_cli("repair", str(out), *extra)
    assert done.returncode == OK, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout, done.stderr


@pytest.mark.parametrize("damage", [_garbage, _truncated], ids=["garbage", "truncated"])
def test_a_damaged_state_is_repaired_and_the_next_crawl_asks_with_conditional_gets(
    damage: Callable[[Path], None], out: Path, crawled: Path, server: DemoServer
) -> None:
    damaged = _damage(out, damage)
    rows_before = len(pd.read_parquet(out))

    stopped = run_cli("crawl", server.start_url, "--out", str(out))
    assert stopped.returncode == FAILED
    (line,) = stopped.stderr.strip().splitlines()
    assert f"healthcorpus repair {out}" in line
    assert server.page_paths() == []

    # A write-ahead log left by a crash: it would be replayed into the new file.
    wal = out / "_state" / "pages.sqlite-wal"
    wal.write_bytes(b"log of the damaged file")

    stdout, _ = _repair(out)
    # The damaged file is kept, byte for byte, with its log; the new state is what the
    # crawl stored.
    (kept,) = (out / "_state").glob("pages.sqlite.damaged-*[0-9]Z")
    assert kept.read_bytes() == damaged
    assert kept.with_name(kept.name + "-wal").read_bytes() == b"log of the damaged file"
    assert not wal.exists()
    assert str(kept) in stdout
    original, rebuilt = _rows(crawled / STATE), _rows(out / STATE)
    assert rebuilt == original
    assert _select(out / STATE, "links") == _select(crawled / STATE, "links")
    assert all(etag for etag, _, _ in rebuilt.values())  # the server's ETags are back
    articles = sum(outcome == "article" for _, _, outcome in rebuilt.values())
    assert f"pages rebuilt    {len(rebuilt)} (" in stdout
    assert f"articles         {articles}\n" in stdout

    _crawl(server, out)

    # Every page asked once, with a conditional GET, and not sent again.
    statuses = _statuses(server)
    assert set(statuses) == {304}, statuses
    assert statuses[304] == {_path(url) for url in rebuilt}
    last = read_manifests(out)[-1]
    assert last["records_written"] == 0
    assert last["pages_not_modified"] == len(rebuilt)
    assert last["skipped"]["unchanged"] == articles
    assert len(pd.read_parquet(out)) == rows_before
    assert_every_article_once(out)
    assert run_cli("validate", str(out)).returncode == OK


def test_a_truncated_warc_segment_is_read_up_to_its_damage(
    out: Path, crawled: Path, server: DemoServer
) -> None:
    (segment,) = (out / "_warc").glob("*.warc.gz")
    data = segment.read_bytes()
    segment.write_bytes(data[: len(data) // 2])
    _damage(out, _garbage)

    stdout, stderr = _repair(out)

    assert f"{segment.name}: truncated or corrupt WARC" in stderr
    assert "damaged WARC     1 segment(s)" in stdout
    rebuilt = _rows(out / STATE)
    asked = {_path(url) for url, (etag, _, _) in rebuilt.items() if etag}
    # The pages before the damage are back with their validators; the articles after
    # it are known from the parts (no validators), so they are not written twice.
    assert 0 < len(asked) < len(rebuilt)
    assert {url for url, (_, _, o) in rebuilt.items() if o == "article"} == set(
        pd.read_parquet(out, columns=["url"])["url"]
    )
    rows_before = len(pd.read_parquet(out))

    _crawl(server, out)

    statuses = _statuses(server)
    assert statuses[304] == asked
    assert not statuses[200] & asked  # what had validators was not sent again
    assert read_manifests(out)[-1]["records_written"] == 0
    assert len(pd.read_parquet(out)) == rows_before
    assert_every_article_once(out)


def test_articles_of_a_crawl_without_archive_are_not_written_twice(
    server: DemoServer, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    _crawl(server, out, "--no-archive")
    _damage(out, _truncated)

    stdout, _ = _repair(out)

    rebuilt = _rows(out / STATE)
    articles = len(pd.read_parquet(out))
    assert [o for _, _, o in rebuilt.values()] == ["article"] * articles
    assert "not archived     " in stdout
    _crawl(server, out, "--no-archive")
    last = read_manifests(out)[-1]
    assert last["records_written"] == 0 and last["skipped"]["unchanged"] == articles
    assert_every_article_once(out)


def test_an_archived_page_whose_record_was_lost_is_fetched_and_written_again(
    out: Path, server: DemoServer
) -> None:
    # The parts lost (the run was killed between publishing its WARC segment and its
    # part): the state must not call their pages done, or they would never be written.
    for part in out.glob("part-*.parquet"):
        part.unlink()
    _damage(out, _garbage)

    stdout, _ = _repair(out)

    rebuilt = _rows(out / STATE)
    assert "article" not in {o for _, _, o in rebuilt.values()}
    left_out = int(stdout.split("left out", 1)[1].split()[0])
    assert left_out > 0
    _crawl(server, out)
    assert read_manifests(out)[-1]["records_written"] == left_out
    assert_every_article_once(out)


def test_repair_refuses_a_sound_state_without_force(out: Path) -> None:
    state = out / STATE
    before = state.read_bytes()

    refused = run_cli("repair", str(out))

    assert refused.returncode == USAGE
    (line,) = refused.stderr.strip().splitlines()
    assert "not damaged" in line and "--force" in line
    assert refused.stdout == ""
    assert state.read_bytes() == before
    assert not list(state.parent.glob("pages.sqlite.*"))  # nothing moved aside

    stdout, _ = _repair(out, "--force")
    (kept,) = state.parent.glob("pages.sqlite.replaced-*[0-9]Z")
    assert kept.read_bytes() == before and str(kept) in stdout


def test_a_state_moved_away_is_rebuilt_without_force(out: Path, crawled: Path) -> None:
    # What the README told users to do before `repair` existed.
    (out / STATE).rename(out / "pages.sqlite.moved")

    stdout, _ = _repair(out)

    assert "(there was none)" in stdout
    assert _rows(out / STATE) == _rows(crawled / STATE)


def test_repair_of_a_locked_folder_does_nothing(out: Path) -> None:
    damaged = _damage(out, _garbage)
    with DatasetLock(out, command="crawl", run_id="test-holder"):
        locked = run_cli("repair", str(out))
    assert locked.returncode == LOCKED
    (line,) = locked.stderr.strip().splitlines()
    assert "another run is writing" in line and "test-holder" in line
    assert (out / STATE).read_bytes() == damaged
    assert not list((out / "_state").glob("pages.sqlite.damaged-*"))


@pytest.mark.parametrize("make", ["missing", "not_a_dataset"])
def test_repair_of_a_folder_that_is_not_a_dataset_is_a_usage_error(
    make: str, tmp_path: Path
) -> None:
    folder = tmp_path / "folder"
    if make == "not_a_dataset":
        folder.mkdir()
        (folder / "notes.txt").write_text("hello")
    done = run_cli("repair", str(folder))
    assert done.returncode == USAGE
    (line,) = done.stderr.strip().splitlines()
    assert str(folder) in line
    assert not (folder / "_state").exists()


def test_the_warc_reader_keeps_the_validators(crawled: Path) -> None:
    from cleaning.dataset.warc import iter_warc_pages

    (segment,) = (crawled / "_warc").glob("*.warc.gz")
    pages = list(iter_warc_pages(segment))
    assert pages and all(any(name.lower() == "etag" for name, _ in page.headers) for page in pages)
    assert b"WARC-Type: request" not in gzip.decompress(segment.read_bytes())
