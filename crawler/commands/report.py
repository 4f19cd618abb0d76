"""Print a finished run's summary and turn its manifest into the exit code."""

from __future__ import annotations

from pathlib import Path

from cleaning.dataset.manifest import RunManifest
from crawler.exitcodes import exit_code_for, explain
from crawler.summary import format_summary


def report(manifest: RunManifest, out_dir: Path, *, pages_label: str) -> int:
    code = exit_code_for(manifest)
    print(format_summary(manifest, out_dir, pages_label=pages_label), flush=True)
    print(f"  {'result':<16} {explain(code, manifest)}", flush=True)
    return code
