"""Shared fixtures: the demo site served on loopback, with a record of what was fetched."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# Tests import `crawler` and `cleaning` from this checkout even when it is not installed.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from demo_server_util import DemoServer, serve_demo_site  # noqa: E402


@pytest.fixture
def demo_server() -> Iterator[DemoServer]:
    """``data/demo_site`` on 127.0.0.1 and a free port, for one test."""
    with serve_demo_site() as server:
        yield server
