"""``healthcorpus clean INPUT... --out DIR``: clean saved pages offline into a dataset."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from crawler.commands.common import (
    CommandError,
    LockedError,
    UsageError,
    check_profile,
    log_level,
    positive_int,
    prepare_out_dir,
    profile_option,
    say,
    stop_on_sigterm,
    verbosity_options,
)
from crawler.exitcodes import EPILOG

# The same list as cleaning.offline.FORMATS (tests/test_warc.py checks it), written out
# here because importing the cleaner at start-up would make --help slow.
FORMATS = ("auto", "html", "text", "warc")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "clean",
        parents=[verbosity_options()],
        help="clean saved pages (files or folders) into a Parquet dataset",
        description="Clean saved HTML or text pages, or the HTML responses of WARC files "
        "(such as a crawl's DIR/_warc/*.warc.gz), without any network, into the same "
        "dataset a crawl writes.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders")
    parser.add_argument("--out", metavar="DIR", required=True, help="dataset folder")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="auto",
        help="input format (default: auto; WARC files are found by name or content)",
    )
    parser.add_argument(
        "--jobs", type=positive_int, default=1, metavar="N", help="worker processes (default: 1)"
    )
    parser.add_argument(
        "--dask",
        metavar="SCHEDULER",
        help="clean on a Dask cluster: the scheduler's address (tcp://HOST:8786) or its "
        "scheduler file; the folder and inputs must be at the same paths on every worker",
    )
    profile_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    for path in args.inputs:
        if not Path(path).exists():
            raise UsageError(f"{path}: no such file or folder")
    if args.dask and args.jobs != 1:
        raise UsageError("--jobs and --dask: choose one (a Dask worker has its own threads)")
    profile = check_profile(args.profile)
    out_dir = prepare_out_dir(args.out)
    logging.basicConfig(level=log_level(args.verbose), format="%(levelname)s %(name)s: %(message)s")

    from cleaning.cluster import BadScheduler, ClusterError, NotShared
    from cleaning.dataset.lock import LockHeld
    from cleaning.dataset.upgrade import UnknownSchemaVersion, UpgradeFailed
    from cleaning.offline import InputError, clean_paths
    from crawler.commands.report import report
    from crawler.gctune import tune_gc_for_cleaning
    from crawler.no_pandas import pyarrow_without_pandas

    tune_gc_for_cleaning()  # --jobs workers are forked: they inherit it

    try:
        with stop_on_sigterm(), pyarrow_without_pandas():
            manifest = clean_paths(
                list(args.inputs),
                str(out_dir),
                fmt=args.format,
                jobs=args.jobs,
                on_problem=say,
                profile_path=profile,
                on_note=say,
                dask=args.dask,
            )
    except (InputError, UnknownSchemaVersion, BadScheduler, NotShared) as exc:
        raise UsageError(str(exc)) from None
    except (UpgradeFailed, ClusterError) as exc:
        raise CommandError(str(exc)) from None
    except LockHeld as exc:
        raise LockedError(str(exc)) from None
    from cleaning.dataset.card import update_dataset_card

    update_dataset_card(out_dir, on_warning=say)  # one warning line at worst, never fails
    return report(manifest, out_dir, pages_label="pages read")
