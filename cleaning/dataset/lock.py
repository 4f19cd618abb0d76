"""One writer per dataset folder: an advisory lock held for the whole run.

Cron starts tonight's crawl whether or not last night's has finished. Two runs
appending to one folder would each skip what the other has not published yet and
fight over the incremental state, so the second run must stop at once. The lock is
``fcntl.flock`` on ``DIR/_state/run.lock``: the kernel releases it when its process
dies, however it dies (kill -9 included), so a stale lock is taken over by simply
locking again; the file's content only says who holds it, for the error message.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import time
from pathlib import Path
from typing import Any

from cleaning.dataset.manifest import utc_now_iso

STATE_DIR = "_state"
LOCK_NAME = "run.lock"
WAIT_POLL = 0.2  # seconds between attempts when waiting for the lock

# Locks this process holds, by folder: flock is per open file, so a second flock from
# the same process would fail. The CLI takes the lock early (to fail fast, with its
# exit code) and the crawl takes it again (so `scrapy crawl` is protected too).
_held: dict[Path, int] = {}


class LockHeld(Exception):
    """Another live process holds the dataset folder's lock."""


class DatasetLock:
    """Exclusive lock on a dataset folder (non-blocking by default); a context manager."""

    def __init__(
        self,
        out_dir: str | os.PathLike[str],
        *,
        command: str,
        run_id: str,
        wait_seconds: float = 0.0,
    ) -> None:
        self.path = Path(out_dir) / STATE_DIR / LOCK_NAME
        self.owner = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "command": command,
            "run_id": run_id,
            "started_at": utc_now_iso(),
        }
        # Workers sharing a folder take the lock only to upgrade it, and wait for one
        # another (a run alone never waits: cron's second run must stop at once).
        self.wait_seconds = wait_seconds
        self._fd: int | None = None
        self._reentered = False

    def acquire(self) -> None:
        """Take the lock or raise :class:`LockHeld` naming the holder, once
        ``wait_seconds`` have passed (by default at once)."""
        key = self.path.resolve()
        if key in _held:  # this process holds it already
            _held[key] += 1
            self._reentered = True
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait_seconds
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() < deadline:
                    time.sleep(WAIT_POLL)
                    continue
                holder = _describe(_read_owner(fd))
                os.close(fd)
                raise LockHeld(
                    f"{self.path.parent.parent}: another run is writing to this dataset "
                    f"({holder}); wait for it to finish or stop it"
                ) from None
        # Ours now (a dead holder's lock is free): say who holds it.
        os.ftruncate(fd, 0)
        os.pwrite(fd, (json.dumps(self.owner) + "\n").encode(), 0)
        self._fd = fd
        _held[key] = 1

    def release(self) -> None:
        key = self.path.resolve()
        if self._reentered:
            self._reentered = False
            _held[key] -= 1
            return
        if self._fd is None:
            return
        _held.pop(key, None)
        os.ftruncate(self._fd, 0)
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> DatasetLock:
        self.acquire()
        return self

    def __exit__(self, *_: object) -> None:
        self.release()


def _read_owner(fd: int) -> dict[str, Any]:
    try:
        data = json.loads(os.pread(fd, 4096, 0) or b"{}")
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _describe(owner: dict[str, Any]) -> str:
    if not owner:
        return "holder unknown"
    parts = [f"{owner.get('command', 'run')} {owner.get('run_id', '')}".strip()]
    parts.append(f"pid {owner.get('pid', '?')} on {owner.get('host', '?')}")
    if started := owner.get("started_at"):
        parts.append(f"since {started}")
    return ", ".join(parts)
