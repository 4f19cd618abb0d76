"""``healthcorpus repair DIR``: rebuild a damaged crawl state from the folder's archive
and Parquet parts (:mod:`crawler.state_rebuild`), instead of a full re-crawl."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from crawler.commands.common import CommandError, LockedError, UsageError, say, stop_on_sigterm
from crawler.exitcodes import FAILED, LOCKED, OK, PARTIAL, USAGE

if TYPE_CHECKING:
    from crawler.state_rebuild import RebuildReport

REPAIR_EPILOG = f"""\
exit codes:
  {OK}  the state was rebuilt (the damaged file kept beside it); crawl again as before
  {PARTIAL}  stopped by SIGTERM/Ctrl-C: the old state is as it was; run it again
  {USAGE}  bad arguments: DIR does not exist or is not a dataset, or its state is sound
     (nothing to repair; --force rebuilds it anyway)
  {FAILED}  the state could not be rebuilt (a full disk ...): the old one is untouched
  {LOCKED}  a crawl or another run is writing to DIR (nothing was done)
"""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "repair",
        help="rebuild a damaged crawl state from the dataset and its WARC archive",
        description="Rebuild DIR/_state/pages.sqlite, the state that makes crawls "
        "incremental, from the folder's WARC archive (validators, links, what each page "
        "was) and its Parquet parts (the articles written), so that the next crawl asks "
        "known pages with conditional GETs instead of fetching the whole site again. The "
        "old file is kept beside it as pages.sqlite.damaged-<UTC time>.",
        epilog=REPAIR_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("dir", metavar="DIR", help="dataset folder")
    parser.add_argument(
        "--force",
        action="store_true",
        help="rebuild a state that is not damaged too (what the crawl learned of query "
        "parameters and sitemap dates is then lost)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cleaning.dataset.lock import STATE_DIR, DatasetLock, LockHeld
    from cleaning.dataset.manifest import new_run_id
    from crawler.commands.upgrade import _check_folder
    from crawler.state import StateUnwritable
    from crawler.state_rebuild import RebuildFailed, rebuild_state

    folder = _check_folder(args.dir)
    try:
        with stop_on_sigterm(), DatasetLock(folder, command="repair", run_id=new_run_id()):
            label = _label(folder / STATE_DIR, force=args.force)
            report = rebuild_state(folder, label=label)
    except LockHeld as exc:
        raise LockedError(str(exc)) from None
    except (RebuildFailed, StateUnwritable, OSError, sqlite3.Error) as exc:  # a full disk
        raise CommandError(f"{folder}: the crawl state could not be rebuilt: {exc}") from None
    except KeyboardInterrupt:
        say(f"repair of {folder} stopped: the crawl state is as it was; run it again")
        return PARTIAL
    for line in [*report.scan.damaged, *report.unreadable_parts, *report.notes]:
        say(line)
    print(format_report(report, folder))
    return OK


def _label(state_dir: Path, *, force: bool) -> str:
    """What the old state is kept as: ``damaged``, or ``replaced`` when it is sound
    (only with --force) or absent. Raises for a sound state without --force."""
    from crawler.state import STATE_FILE, StateDamaged, StateUnwritable, check_state

    try:
        check_state(state_dir)
    except StateDamaged:
        return "damaged"
    except StateUnwritable as exc:
        raise CommandError(str(exc)) from None
    path = state_dir / STATE_FILE
    if path.exists() and not force:
        raise UsageError(
            f"{path}: the crawl state is not damaged, nothing to repair; --force rebuilds "
            "it anyway (losing what the crawl learned of query parameters and sitemap dates)"
        )
    return "replaced"


def format_report(report: RebuildReport, folder: Path) -> str:
    """The summary: what the state holds now, from where, and what was passed over."""
    from cleaning.dataset.lock import STATE_DIR
    from crawler.state import STATE_FILE
    from crawler.summary import by_reason

    scan = report.scan
    archive = f"{report.archived} page(s) from {scan.segments} WARC segment(s)"
    if report.recleaned:
        archive += f", {report.recleaned} cleaned again to tell what they were"
    rows = [
        ("pages rebuilt", by_reason(dict(report.outcomes))),
        ("articles", str(report.outcomes.get("article", 0))),
        ("validators", f"{report.validators} page(s) with an ETag or Last-Modified"),
        ("from the archive", archive),
    ]
    if report.not_archived:
        held = f"{report.not_archived} article(s) only in the parts: asked in full once"
        rows.append(("not archived", held))
    if report.left_out:
        lost = f"{report.left_out} archived page(s) whose record is not in the dataset"
        rows.append(("left out", lost))
    if scan.damaged:
        rows.append(("damaged WARC", f"{len(scan.damaged)} segment(s), read up to the damage"))
    kept = str(report.kept) if report.kept else "(there was none)"
    rows += [("state", str(folder / STATE_DIR / STATE_FILE)), ("old state", kept)]
    lines = [f"healthcorpus repair: rebuilt the crawl state of {folder}"]
    lines += [f"  {label:<16} {value}" for label, value in rows]
    lines.append(f"  {'next':<16} crawl as before: known pages are asked with conditional GETs")
    return "\n".join(lines)
