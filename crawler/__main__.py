"""``python -m crawler`` is the ``healthcorpus`` command."""

from __future__ import annotations

from crawler.cli import main

raise SystemExit(main())
