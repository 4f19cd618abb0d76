"""Where the project's bundled files are, found from this file (not the working dir)."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEMO_SITE = PROJECT_ROOT / "data" / "demo_site"
DEMO_OUT = PROJECT_ROOT / "data" / "output" / "demo"
