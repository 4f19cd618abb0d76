"""The few lines printed after a run: counts, where the dataset is, how to open it."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from cleaning.dataset.dedup import dataset_files
from cleaning.dataset.manifest import MANIFEST_DIR, RunManifest


def by_reason(counts: dict[str, int]) -> str:
    """``12 (listing 9, site_page 3)``: a total and its parts, by name."""
    total = sum(counts.values())
    if not total:
        return "0"
    reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(counts.items()))
    return f"{total} ({reasons})"


def format_summary(manifest: RunManifest, out_dir: Path, *, pages_label: str) -> str:
    """Summary of one run; ``out_dir`` is printed absolute so it can be pasted anywhere."""
    folder = out_dir.resolve()
    fetched = str(manifest.pages_fetched)
    if manifest.pages_not_modified:
        fetched += f" ({manifest.pages_not_modified} not modified since the last run)"
    rows = [
        (pages_label, fetched),
        ("records written", str(manifest.records_written)),
        *(
            [("pages resumed", f"{manifest.pages_resumed} (done by the interrupted run)")]
            if manifest.pages_resumed
            else []
        ),
        ("pages skipped", by_reason(dict(manifest.skipped))),
        ("errors", by_reason(dict(manifest.errors))),
        ("dataset", str(folder)),
        ("manifest", str(folder / MANIFEST_DIR / f"{manifest.run_id}.json")),
    ]
    lines = [f"healthcorpus {manifest.command}: {manifest.status} (run {manifest.run_id})"]
    lines += [f"  {label:<16} {value}" for label, value in rows]
    parts = dataset_files(folder)
    if parts:
        total, unreadable = _rows_in(parts)
        held = f"{total} records in {len(parts)} file(s)"
        if unreadable:  # the run is over and its own files are safe: say so, not crash
            held += f", {unreadable} unreadable (healthcorpus validate DIR names them)"
        lines.append(f"  {'dataset holds':<16} {held}")
        # Paths are printed with forward slashes and no escapes needed on any OS.
        lines.append(f'  {"open it with":<16} pandas.read_parquet("{folder.as_posix()}")')
    return "\n".join(lines)


def _rows_in(parts: list[Path]) -> tuple[int, int]:
    """Rows of the parts from their footers, and how many parts have no readable footer."""
    total = unreadable = 0
    for path in parts:
        try:
            total += pq.read_metadata(path).num_rows
        except Exception:  # a damaged part (validate reports it) must not end in a traceback
            unreadable += 1
    return total, unreadable
