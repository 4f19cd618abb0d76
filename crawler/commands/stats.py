"""``healthcorpus stats DIR [--report FILE.html]``: what a dataset holds, in numbers and plots."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from crawler.commands.common import UsageError, say

STATS_EPILOG = """\
exit codes:
  0  statistics printed (and the report written)
  1  some files or manifests could not be read: each is named on stderr, the rest counted
  2  bad arguments: DIR missing, not a folder or without Parquet files; report not writable
"""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "stats",
        help="summarize a dataset: counts, word counts, sections, links, metadata, runs",
        description="Print a summary of a dataset folder (records, duplicates, sites, "
        "languages, word counts, sections, related and prev/next links, the metadata the "
        "articles state: shares, publication years, top reviewers and authors; runs), and "
        "optionally write it as one self-contained HTML file with plots.",
        epilog=STATS_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("dir", metavar="DIR", help="dataset folder")
    parser.add_argument(
        "--report", metavar="FILE.html", help="also write an HTML report with plots to FILE"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    folder = _check_folder(args.dir)
    report = _check_report_path(args.report) if args.report else None

    # Imported here so `healthcorpus --help` does not pay for matplotlib and pandas.
    import matplotlib

    matplotlib.use("Agg")  # never a display, even if something imports pyplot
    from cleaning.dataset.stats import collect_stats, format_summary, render_html, write_report

    stats = collect_stats(folder)
    for problem in stats.problems:
        say(problem)
    _print(format_summary(stats))
    if report is not None:
        try:
            write_report(render_html(stats), report)
        except OSError as exc:
            raise UsageError(f"{args.report}: cannot write the report: {_reason(exc)}") from None
        _print(f"\nreport written to {report}")
    return 1 if stats.problems else 0


def _print(text: str) -> None:
    """Print to stdout; a reader that stops early (``| head``) is not an error."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        # Point stdout at /dev/null so the interpreter's final flush cannot fail either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _check_folder(path: str) -> Path:
    """DIR must be an existing folder holding at least one visible Parquet file."""
    from cleaning.dataset.dedup import dataset_files

    folder = Path(path)
    if not folder.exists():
        raise UsageError(f"{path}: no such folder")
    if not folder.is_dir():
        raise UsageError(f"{path}: not a folder")
    if not dataset_files(folder):
        raise UsageError(f"{path}: holds no Parquet files")
    return folder


def _check_report_path(path: str) -> Path:
    """Fail before the work, not after it: the report's folder must exist and be writable."""
    target = Path(path).expanduser().resolve()
    if target.is_dir():
        raise UsageError(f"{path}: cannot write the report: is a folder")
    try:
        with tempfile.TemporaryFile(dir=target.parent, prefix=".healthcorpus-write-check-"):
            pass
    except OSError as exc:
        raise UsageError(f"{path}: cannot write the report: {_reason(exc)}") from None
    return target


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
