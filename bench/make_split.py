"""Write ``bench/split.json``: every page of ``bench/pages/`` in the tuning or the
validation part, by site (see ``bench/accuracy/sets.py``).

    python bench/make_split.py          # only when the page sets change

The split is pinned in the repository: rules are changed (and a learned scorer
trained) on the tuning part only, and figures are quoted on the validation part.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.accuracy.sets import PARTS, SETS, SPLIT_FILE, load_set, split_sites


def main() -> int:
    split: dict[str, dict[str, list[str]]] = {}
    for name in SETS:
        pages = load_set(name)
        part_of = split_sites({p.site for p in pages})
        split[name] = {
            part: sorted(p.key for p in pages if part_of[p.site] == part) for part in PARTS
        }
        split[name]["sites"] = {p.key: p.site for p in pages}  # type: ignore[assignment]
        counts = ", ".join(f"{part} {len(split[name][part])}" for part in PARTS)
        print(f"{name}: {len(pages)} pages, {len(part_of)} sites: {counts}")
    SPLIT_FILE.write_text(json.dumps(split, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {SPLIT_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
