"""Tidying up after a run that was killed, before the next run writes.

A killed run (kill -9, power loss, OOM killer) leaves its published Parquet parts (all
complete and readable: they are renamed into place only once whole), at most one hidden
temporary part per writer, and a manifest still saying ``running``. The next run,
holding the folder's lock (so no live run of this machine owns those files), deletes
the temporary files and marks such manifests ``interrupted`` with the files and row
counts that the killed run did publish, so ``validate`` and ``stats`` add up. A clean on
a Dask cluster (:mod:`cleaning.cluster`) also stages each task's records under
``DIR/_state/staged/`` before publishing them: a killed run's staged files go too.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

from cleaning.dataset.lock import STATE_DIR
from cleaning.dataset.manifest import MANIFEST_DIR, RunManifest

logger = logging.getLogger(__name__)

INTERRUPTED = "interrupted"
# Run ids as made by cleaning.dataset.manifest.new_run_id, found in file names.
RUN_ID = re.compile(r"\d{8}T\d{6}Z-[0-9a-f]{6}")
# Records of a Dask task, cleaned and not yet published (``DIR/_state/staged/``).
STAGED_DIR = "staged"


@dataclass
class Recovery:
    """What :func:`recover_interrupted_runs` found and fixed."""

    temp_files_removed: list[str] = field(default_factory=list)
    runs_marked_interrupted: list[str] = field(default_factory=list)


def recover_interrupted_runs(
    out_dir: str | os.PathLike[str], is_live: Callable[[str], bool] | None = None
) -> Recovery:
    """Remove leftover temporary files; mark manifests of dead runs ``interrupted``.

    Call it while holding :class:`cleaning.dataset.lock.DatasetLock` on ``out_dir``: then no
    other run is live. Workers sharing a folder (no lock) pass ``is_live(run_id)``, and
    only the files of runs that are not live are touched.
    """
    root = Path(out_dir)
    recovery = Recovery()
    if not root.is_dir():
        return recovery
    live = is_live or (lambda _run: False)
    for tmp in sorted(root.rglob(".*.tmp")):
        run = RUN_ID.search(tmp.name)
        if run is not None and live(run.group(0)):
            continue
        try:
            tmp.unlink()
        except OSError as exc:
            logger.warning("%s: cannot remove leftover temporary file: %s", tmp, exc)
            continue
        recovery.temp_files_removed.append(str(tmp.relative_to(root)))
    staged = root / STATE_DIR / STAGED_DIR
    for path in sorted(staged.glob("*.parquet")) if staged.is_dir() else []:
        run = RUN_ID.search(path.name)
        if run is not None and live(run.group(0)):
            continue
        path.unlink(missing_ok=True)
        recovery.temp_files_removed.append(str(path.relative_to(root)))
    manifests = root / MANIFEST_DIR
    for path in sorted(manifests.glob("*.json")) if manifests.is_dir() else []:
        try:
            manifest = RunManifest.read(path)
        except (OSError, ValueError, TypeError):
            continue  # `validate` reports unreadable manifests
        if manifest.status != "running" or live(manifest.run_id):
            continue
        parts = sorted(root.glob(f"part-{manifest.run_id}-*.parquet"))
        manifest.files = [p.name for p in parts]
        manifest.records_written = sum(_rows(p) for p in parts)
        manifest.status = INTERRUPTED
        manifest.write(root)
        recovery.runs_marked_interrupted.append(manifest.run_id)
    return recovery


def _rows(path: Path) -> int:
    try:
        return pq.read_metadata(path).num_rows
    except Exception:  # a damaged part is `validate`'s to report, not ours
        return 0
