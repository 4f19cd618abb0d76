"""Near duplicates: ``near_dup_of`` from MinHash LSH, across runs, workers and folders.

The pages are the syndication set of ``tests/syndication_set.py``: real articles of the
benchmark (its validation part, by site) copied into four site templates with edits of
up to 10% of their words, beside distinct health articles on the same topics. Every
check runs the real commands, as a user would.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import syndication_set
from datasketch import MinHash
from demo_server_util import run_cli, serve_demo_site
from redis_util import crawl_with_workers, redis_server
from test_dataset_card import run_card_snippets

from cleaning.dataset.near_dups import signature
from cleaning.dataset.near_dups.shingles import shingle_hashes
from cleaning.dataset.versions import SCHEMAS, VERSION_KEY
from crawler.exitcodes import OK, USAGE

TARGET = 0.95  # pair precision and recall (issue 17)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str | None]]:
    folder = tmp_path_factory.mktemp("syndicated")
    truth = syndication_set.write(syndication_set.build("validate"), folder)
    return folder, truth


def clusters_of(out: Path) -> dict[str, str]:
    """Page file name -> its cluster (the root's id: ``near_dup_of``, or its own id)."""
    rows = pq.read_table(out, columns=["id", "url", "near_dup_of"]).to_pylist()
    return {r["url"].rsplit("/", 1)[1]: r["near_dup_of"] or r["id"] for r in rows}


def split(pages: Path, tmp_path: Path) -> tuple[Path, Path]:
    """Copies 0-1 of each source (and the distinct articles), then copies 2-3."""
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        folder.mkdir()
    for page in pages.iterdir():
        late = page.stem.endswith(("-2", "-3")) and not page.name.startswith("topic-")
        shutil.copy(page, (second if late else first) / page.name)
    return first, second


def test_the_signature_is_datasketchs_minhash() -> None:
    text = Path(syndication_set.REPO / "data" / "demo_site" / "articles").glob("*.html")
    sample = next(text).read_text(encoding="utf-8")
    reference = MinHash(num_perm=128, seed=1, scheme="affine32", hashfunc=int)
    reference.update_batch(shingle_hashes(sample).tolist())
    assert np.array_equal(signature(sample), reference.hashvalues)
    assert not np.array_equal(signature(sample), signature(sample + " another sentence here"))


def test_syndicated_copies_cluster_and_distinct_articles_do_not(
    pages: tuple[Path, dict[str, str | None]], tmp_path: Path
) -> None:
    folder, truth = pages
    out = tmp_path / "out"
    proc = run_cli("clean", str(folder), "--out", str(out))
    assert proc.returncode == OK, proc.stderr
    clusters = clusters_of(out)
    assert len(clusters) >= 0.95 * len(truth)  # the set's pages are articles
    precision, recall, true_pairs, _ = syndication_set.pair_scores(clusters, truth)
    assert true_pairs >= 200
    assert precision >= TARGET and recall >= TARGET, (precision, recall)
    # The root of each cluster is its earliest record (input order), named by the others.
    rows = pd.read_parquet(out, columns=["id", "url", "near_dup_of"])
    roots = set(rows["near_dup_of"].dropna())
    assert roots <= set(rows["id"]) and roots.isdisjoint(rows.loc[rows.near_dup_of.notna(), "id"])
    first_copies = rows[rows["url"].str.endswith("-0.html")]
    assert first_copies["id"].isin(roots).mean() >= TARGET


def test_a_later_run_joins_the_clusters_of_the_earlier_one(
    pages: tuple[Path, dict[str, str | None]], tmp_path: Path
) -> None:
    folder, truth = pages
    first, second = split(folder, tmp_path)
    out = tmp_path / "out"
    assert run_cli("clean", str(first), "--out", str(out)).returncode == OK
    (index,) = (out / "_near_dups").glob("index-*.arrow")
    assert run_cli("clean", str(second), "--out", str(out)).returncode == OK
    precision, recall, _, _ = syndication_set.pair_scores(clusters_of(out), truth)
    assert precision >= TARGET and recall >= TARGET, (precision, recall)
    # Copies of the second run name roots the first run wrote.
    rows = pd.read_parquet(out, columns=["id", "url", "near_dup_of", "crawl_id"])
    runs = sorted(rows["crawl_id"].unique())
    late = rows[(rows["crawl_id"] == runs[1]) & rows["near_dup_of"].notna()]
    early_ids = set(rows.loc[rows["crawl_id"] == runs[0], "id"])
    assert len(late) and late["near_dup_of"].isin(early_ids).all()
    assert index.exists() and len(list((out / "_near_dups").glob("index-*.arrow"))) == 2


def test_without_its_index_files_a_folder_is_signed_again_from_its_parts(
    pages: tuple[Path, dict[str, str | None]], tmp_path: Path
) -> None:
    """The parts hold the truth: a run killed before it saved its index, or a lost
    `_near_dups/`, costs a re-read of the text, not a cluster."""
    folder, truth = pages
    first, second = split(folder, tmp_path)
    out = tmp_path / "out"
    assert run_cli("clean", str(first), "--out", str(out)).returncode == OK
    shutil.rmtree(out / "_near_dups")
    assert run_cli("clean", str(second), "--out", str(out)).returncode == OK
    precision, recall, _, _ = syndication_set.pair_scores(clusters_of(out), truth)
    assert precision >= TARGET and recall >= TARGET, (precision, recall)
    # A damaged index file is ignored the same way.
    for index in (out / "_near_dups").glob("index-*.arrow"):
        index.write_bytes(b"garbage")
    third = tmp_path / "third"
    shutil.copytree(second, third)
    for page in third.iterdir():  # new articles: other names, other ids
        page.rename(page.with_name("again-" + page.name))
    proc = run_cli("clean", str(third), "--out", str(out))
    assert proc.returncode == OK, proc.stderr
    rows = pd.read_parquet(out, columns=["url", "near_dup_of"])
    again = rows[rows["url"].str.contains("/again-") & ~rows["url"].str.contains("topic-")]
    assert again["near_dup_of"].notna().mean() >= TARGET


def test_dedup_recomputes_clusters_across_folders_as_a_table_to_join(
    pages: tuple[Path, dict[str, str | None]], tmp_path: Path
) -> None:
    folder, truth = pages
    first, second = split(folder, tmp_path)
    one, two = tmp_path / "one", tmp_path / "two"
    assert run_cli("clean", str(first), "--out", str(one)).returncode == OK
    assert run_cli("clean", str(second), "--out", str(two)).returncode == OK
    # Cleaned apart, the second folder's copies have no near duplicate of the first's.
    assert (
        pd.read_parquet(two, columns=["near_dup_of"])["near_dup_of"].notna().sum() < len(truth) // 4
    )
    proc = run_cli("dedup", str(one), str(two))
    assert proc.returncode == OK, proc.stderr
    assert "near-duplicate cluster(s)" in proc.stdout
    tables = {}
    for out in (one, two):
        joined = duckdb.sql(
            f"select d.url, c.cluster, c.near_dup_of, c.cluster_size "
            f"from read_parquet('{out}/part-*.parquet') d "
            f"join read_parquet('{out}/_near_dups/clusters.parquet') c using (id, content_hash)"
        ).df()
        assert len(joined) == len(pd.read_parquet(out))  # one row per dataset row
        tables[out] = joined
    joined = pd.concat(tables.values())
    clusters = {url.rsplit("/", 1)[1]: c for url, c in zip(joined.url, joined.cluster, strict=True)}
    precision, recall, _, _ = syndication_set.pair_scores(clusters, truth)
    assert precision >= TARGET and recall >= TARGET, (precision, recall)
    # The roots are in the first folder (cleaned first), named by the second's rows.
    assert tables[two]["near_dup_of"].notna().mean() >= 0.6
    # One table of both with --out; later runs into `two` join the recomputed clusters.
    proc = run_cli("dedup", str(one), str(two), "--out", str(tmp_path / "all.parquet"))
    assert proc.returncode == OK, proc.stderr
    assert pq.read_metadata(tmp_path / "all.parquet").num_rows == len(joined)
    assert len(list((two / "_near_dups").glob("index-*.arrow"))) == 1
    # The clusters table and the index beside the parts: every reader, `datasets` too,
    # still loads the parts' rows only, with the card's own code.
    rows = sum(pq.read_metadata(part).num_rows for part in one.glob("part-*.parquet"))
    seen = run_card_snippets(one, tmp_path / "hf")
    seen.pop("columns")
    assert set(seen.values()) == {rows} and rows == len(pd.read_parquet(one))


def test_dedup_of_a_missing_folder_is_a_one_line_error(tmp_path: Path) -> None:
    proc = run_cli("dedup", str(tmp_path / "nowhere"))
    assert proc.returncode == USAGE
    assert proc.stderr.count("\n") == 1 and "nowhere: no such folder" in proc.stderr


def test_stats_show_the_clusters(pages: tuple[Path, dict[str, str | None]], tmp_path: Path) -> None:
    folder, _ = pages
    out = tmp_path / "out"
    assert run_cli("clean", str(folder), "--out", str(out)).returncode == OK
    rows = pd.read_parquet(out, columns=["id", "near_dup_of"])
    sizes = rows["near_dup_of"].dropna().value_counts() + 1
    proc = run_cli("stats", str(out))
    assert proc.returncode == OK, proc.stderr
    block = proc.stdout.split("near duplicates\n", 1)[1].split("\n\n", 1)[0]
    shown = {}
    for line in block.splitlines():
        label, value = re.match(r"\s*(.+?)\s{2,}([\d,]+)", line).groups()
        shown[label] = int(value.replace(",", ""))
    assert shown["clusters"] == len(sizes) > 20
    assert shown["articles in clusters"] == int(sizes.sum())
    assert shown["largest cluster"] == int(sizes.max())


def test_a_v2_folder_is_upgraded_and_its_rows_join_clusters(
    pages: tuple[Path, dict[str, str | None]], tmp_path: Path
) -> None:
    """A folder written before near duplicates existed: its parts become v3 (null
    near_dup_of), and the next run's copies of its articles name them."""
    folder, truth = pages
    first, second = split(folder, tmp_path)
    out = tmp_path / "out"
    assert run_cli("clean", str(first), "--out", str(out)).returncode == OK
    shutil.rmtree(out / "_near_dups")
    (part,) = out.glob("part-*.parquet")
    table = pq.read_table(part)
    v2 = pa.Table.from_arrays(
        [table.column(name) for name in SCHEMAS["2"].names], schema=SCHEMAS["2"]
    )
    pq.write_table(v2, part)
    assert pq.read_schema(part).metadata[VERSION_KEY] == b"2"
    proc = run_cli("clean", str(second), "--out", str(out))
    assert proc.returncode == OK, proc.stderr
    assert pq.read_schema(part).metadata[VERSION_KEY] == b"3"
    late = pd.read_parquet(out, columns=["url", "near_dup_of", "id"])
    old_ids = set(pq.read_table(part, columns=["id"]).column("id").to_pylist())
    named = late["near_dup_of"].dropna()
    assert len(named) and named.isin(old_ids).mean() >= TARGET
    # The v2 rows keep a null near_dup_of; `dedup` gives the clusters of all rows.
    assert run_cli("dedup", str(out)).returncode == OK
    table = pq.read_table(out / "_near_dups" / "clusters.parquet").to_pandas()
    urls = pd.read_parquet(out, columns=["id", "content_hash", "url"]).merge(table)
    clusters = dict(zip(urls["url"].str.rsplit("/", n=1).str[1], urls["cluster"], strict=True))
    precision, recall, _, _ = syndication_set.pair_scores(clusters, truth)
    assert precision >= TARGET and recall >= TARGET, (precision, recall)


def test_workers_sharing_a_redis_frontier_share_the_clusters(
    pages: tuple[Path, dict[str, str | None]], tmp_path: Path
) -> None:
    """Two crawl workers fetch the copies of each article in any order: whichever
    wrote first, the others name it, across workers."""
    folder, truth = pages
    site = tmp_path / "site"
    shutil.copytree(folder, site / "p")
    names = sorted(p.name for p in (site / "p").iterdir())
    links = "".join(f'<li><a href="/p/{n}">{n}</a></li>' for n in names)
    (site / "index.html").write_text(f"<html><body><ul>{links}</ul></body></html>")
    (site / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    out = tmp_path / "out"
    with redis_server(tmp_path) as url, serve_demo_site(site) as server:
        results = crawl_with_workers(server.start_url, out, url, 2)
    for code, stdout, stderr in results:
        assert code == OK, stdout + stderr
    rows = pd.read_parquet(out, columns=["id", "url", "near_dup_of", "crawl_id"])
    assert rows["crawl_id"].nunique() == 2  # both workers wrote
    assert not rows["id"].duplicated().any()
    precision, recall, _, _ = syndication_set.pair_scores(clusters_of(out), truth)
    assert precision >= TARGET and recall >= TARGET, (precision, recall)
    crossed = rows[rows["near_dup_of"].notna()].merge(
        rows[["id", "crawl_id"]].rename(columns={"id": "near_dup_of", "crawl_id": "root_run"})
    )
    assert (crossed["crawl_id"] != crossed["root_run"]).any()  # roots across workers
