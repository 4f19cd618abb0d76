"""Quality floors pinned in the repository: they only ever rise."""

from __future__ import annotations

import json
from collections.abc import Container, Mapping
from pathlib import Path


def raise_floors(path: Path, summary: Mapping[str, float], lower_is_better: Container[str]) -> None:
    """Write ``summary``'s figures as floors to ``path``, keeping the better of each
    figure's old floor and its new value."""
    baseline = json.loads(path.read_text()) if path.exists() else {}
    for name, value in summary.items():
        old = baseline.get(name)
        if old is None:
            baseline[name] = value
        elif name in lower_is_better:
            baseline[name] = min(old, value)
        else:
            baseline[name] = max(old, value)
    path.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n")
    print(f"floors written to {path}")
