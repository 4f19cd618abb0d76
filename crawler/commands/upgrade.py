"""``healthcorpus upgrade DIR``: bring a dataset folder's older parts to the current schema.

``crawl`` and ``clean`` do the same before they write into a folder; this does only
that, e.g. for a folder that researchers read and no run writes to any more.
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

UPGRADE_EPILOG = f"""\
exit codes:
  {OK}  every Parquet file of DIR is of the current schema version now (or already was)
  {PARTIAL}  some files could not be upgraded (damaged, unknown version: each named on
     stderr; `healthcorpus validate DIR` says more), or it was stopped by SIGTERM/Ctrl-C
     (every file is whole; run it again to finish)
  {USAGE}  bad arguments: DIR does not exist, is not a folder or is not a dataset
  {FAILED}  an upgraded file could not be written (a full disk...); run it again once fixed
  {LOCKED}  another run is writing to DIR (nothing was done)
"""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "upgrade",
        help="bring a dataset's older (v1) Parquet files to the current schema",
        description="Rewrite, in place and atomically, every Parquet file of a dataset "
        "folder written in an older schema version (v1) as the current one: the new "
        "columns null or empty, the rows and file names unchanged. Readers take one "
        "file's schema for the whole folder, so a folder must hold one version; crawl and "
        "clean do this themselves before they write. A stopped upgrade resumes when run again.",
        epilog=UPGRADE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("dir", metavar="DIR", help="dataset folder")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    folder = _check_folder(args.dir)
    from cleaning.dataset.card import update_dataset_card
    from cleaning.dataset.lock import DatasetLock, LockHeld
    from cleaning.dataset.manifest import new_run_id
    from cleaning.dataset.schema import SCHEMA_VERSION
    from cleaning.dataset.upgrade import UpgradeFailed, upgrade_dataset

    try:
        with stop_on_sigterm(), DatasetLock(folder, command="upgrade", run_id=new_run_id()):
            report = upgrade_dataset(folder)
            # Also for a folder with nothing to upgrade: one written before cards existed.
            card_notes: list[str] = []  # said after the upgrade's own lines
            update_dataset_card(folder, on_warning=card_notes.append)
    except LockHeld as exc:
        raise LockedError(str(exc)) from None
    except UpgradeFailed as exc:
        raise CommandError(str(exc)) from None
    except KeyboardInterrupt:
        say(f"upgrade of {folder} stopped: every file is whole; run it again to finish")
        return PARTIAL
    for line in [*report.left, *card_notes]:
        say(line)
    done = f"{len(report.upgraded)} file(s) to schema v{SCHEMA_VERSION}"
    if report.left:
        print(f"partly upgraded: {done}, {len(report.left)} left as they were, in {folder}")
        return PARTIAL
    if not report.upgraded:
        print(f"nothing to upgrade: {report.current} file(s) of {folder}, all v{SCHEMA_VERSION}")
        return OK
    print(f"upgraded {done} ({report.current} already were) in {folder}")
    return OK


def _check_folder(path: str) -> Path:
    """DIR must be a folder holding a dataset: run manifests, or Parquet files at least
    one of which declares a healthcorpus schema version."""
    from cleaning.dataset.manifest import MANIFEST_DIR
    from cleaning.dataset.versions import folder_versions

    folder = Path(path).expanduser().resolve()
    if not folder.exists():
        raise UsageError(f"{path}: no such folder")
    if not folder.is_dir():
        raise UsageError(f"{path}: not a folder")
    found = folder_versions(folder)
    ours = [version for version in found.by_version if version is not None]
    if not ours and not (folder / MANIFEST_DIR).is_dir():
        raise UsageError(
            f"{path}: not a healthcorpus dataset (no Parquet file with "
            f"healthcorpus.schema_version, no {MANIFEST_DIR}/ folder)"
        )
    return folder
