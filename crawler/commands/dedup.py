"""``healthcorpus dedup DIR [DIR...]``: recompute the near-duplicate clusters of datasets.

Writes ``DIR/_near_dups/clusters.parquet`` in each folder (its own rows, clusters
computed over all the folders given), or one table with ``--out FILE``; and makes the
recomputed clusters the ones later runs into each folder join.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from crawler.commands.common import (
    CommandError,
    LockedError,
    UsageError,
    say,
    stop_on_sigterm,
)
from crawler.exitcodes import FAILED, LOCKED, OK, PARTIAL, USAGE

DEDUP_EPILOG = f"""\
exit codes:
  {OK}  the clusters table is written
  {PARTIAL}  written, but some Parquet files could not be read (each named on stderr),
     or stopped by SIGTERM/Ctrl-C (nothing written)
  {USAGE}  bad arguments: a DIR does not exist or is not a dataset
  {FAILED}  the table could not be written (a full disk, a read-only folder...)
  {LOCKED}  another run is writing to a DIR (nothing was done)
"""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "dedup",
        help="recompute near-duplicate clusters over one or more datasets",
        description="Recompute, from the text of every row, the near-duplicate clusters "
        "(MinHash LSH over word shingles, Jaccard >= 0.8) of one or more dataset folders, "
        "across all of them, and write them as a table to join on (id, content_hash): "
        "DIR/_near_dups/clusters.parquet in each folder, or one file with --out. Later runs "
        "into each folder join these clusters.",
        epilog=DEDUP_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("dirs", nargs="+", metavar="DIR", help="dataset folders")
    parser.add_argument(
        "--out", metavar="FILE", help="write one table of all the folders' rows to FILE"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from crawler.commands.upgrade import _check_folder

    folders = list(dict.fromkeys(_check_folder(path) for path in args.dirs))
    out = Path(args.out).expanduser().resolve() if args.out else None
    if out is not None and out.is_dir():
        raise UsageError(f"{args.out}: is a folder; --out names the file to write")
    from contextlib import ExitStack

    from cleaning.dataset.lock import DatasetLock, LockHeld
    from cleaning.dataset.manifest import new_run_id

    run_id = new_run_id()
    try:
        with stop_on_sigterm(), ExitStack() as locks:
            for folder in folders:
                locks.enter_context(DatasetLock(folder, command="dedup", run_id=run_id))
            return _dedup(folders, out, run_id)
    except LockHeld as exc:
        raise LockedError(str(exc)) from None
    except KeyboardInterrupt:
        say("dedup stopped: nothing was written; run it again")
        return PARTIAL


def _dedup(folders: list[Path], out: Path | None, run_id: str) -> int:
    from cleaning.dataset.card import update_dataset_card
    from cleaning.dataset.near_dups.clusters import (
        CLUSTERS_FILE,
        compute_clusters,
        write_clusters,
    )
    from cleaning.dataset.near_dups.store import index_dir, replace_index

    clusters = compute_clusters(folders)
    for problem in clusters.unreadable:
        say(f"{problem} (its rows are not clustered)")
    try:
        if out is not None:
            write_clusters(clusters.table(), out)
            written = [out]
        else:
            written = [
                write_clusters(clusters.table(str(f)), index_dir(f) / CLUSTERS_FILE)
                for f in folders
            ]
        for folder in folders:
            replace_index(folder, run_id, clusters.admitted(str(folder)))
    except OSError as exc:
        raise CommandError(
            f"{exc.filename or folders[0]}: cannot write the clusters: {exc.strerror or exc}"
        ) from None
    for folder in folders:
        update_dataset_card(folder, on_warning=say)
    table = clusters.table()
    in_clusters = sum(1 for size in table.column("cluster_size").to_pylist() if size > 1)
    roots = len(
        {
            c
            for c, s in zip(
                table.column("cluster").to_pylist(),
                table.column("cluster_size").to_pylist(),
                strict=True,
            )
            if s > 1
        }
    )
    print(
        f"{table.num_rows} rows of {len(folders)} folder(s): {in_clusters} in {roots} "
        f"near-duplicate cluster(s); written to {', '.join(str(p) for p in written)}"
    )
    return PARTIAL if clusters.unreadable else OK
