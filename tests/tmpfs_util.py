"""A real small filesystem for tests of full and read-only disks: a tmpfs the test
mounts itself (as root; the test is skipped where mounting is not allowed)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def mounted_tmpfs(mount: Path, size: str) -> Iterator[Path]:
    """Mount a tmpfs of ``size`` (``"100k"``, ``"8m"``) on ``mount``; unmount after."""
    mount.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    try:
        command = ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)]
        subprocess.run(command, check=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def remount(mount: Path, options: str) -> None:
    """``mount -o remount,OPTIONS``: a new size (space freed), or ``ro``."""
    subprocess.run(["mount", "-o", f"remount,{options}", str(mount)], check=True)
