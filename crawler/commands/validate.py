"""``healthcorpus validate DIR``: schema and integrity of a dataset; non-zero on problems."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crawler.commands.common import UsageError

VALIDATE_EPILOG = """\
exit codes:
  0  the dataset is valid (an older schema version too: the note says how to upgrade it)
  1  problems found (each printed on one line, naming its file), among them a folder
     mixing schema versions or a file of an unknown version
  2  bad arguments: DIR does not exist or is not a folder
"""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "validate",
        help="check a dataset's files, schema and row counts",
        description="Open every Parquet file of a dataset folder, check it against the "
        "schema of the version it declares (v1 or v2; one version per folder), look for empty "
        "titles/texts and duplicate rows, and compare row counts with the run manifests.",
        epilog=VALIDATE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("dir", metavar="DIR", help="dataset folder")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    folder = Path(args.dir)
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such folder")
    from cleaning.dataset.validate import validate_dataset

    report = validate_dataset(folder)
    for problem in report.problems:
        print(f"healthcorpus: {problem}", file=sys.stderr)
    for note in report.notes:
        print(f"note: {note}")
    if report.files == 0:
        print(f"invalid: {folder.resolve()} holds no Parquet files", file=sys.stderr)
        return 1
    if report.ok:
        print(
            f"valid: {report.files} file(s), {report.records} records in {folder.resolve()} "
            f"(schema v{report.schema_version})"
        )
        return 0
    print(f"invalid: {len(report.problems)} problem(s) in {report.files} file(s)", file=sys.stderr)
    return 1
