"""A real redis-server for tests: on a free 127.0.0.1 port, in a temp folder, no disk.

CI installs the Debian package ``redis-server`` (``.ci/run``). Elsewhere the Redis
tests are skipped when the binary is missing, unless ``HEALTHCORPUS_REQUIRE_REDIS=1``
(set by ``.ci/run``) makes that a failure.
"""

from __future__ import annotations

import os
import random
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

LOOPBACK = "127.0.0.1"


# Each test process (pytest-xdist worker) picks its Redis ports from a range of its own,
# below the kernel's ephemeral range (32768 and up): no test beside it, and no outgoing
# connection's source port, can take a port whose server a test stopped to start it
# again, or answer the PING meant for a server that lost the race for its port.
FIRST_TEST_PORT = 20000
PORTS_PER_PROCESS = 1000


def _free_port() -> int:
    """A port free on the loopback interface, in this test process's range."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    first = FIRST_TEST_PORT + (int(worker) if worker.isdigit() else 0) * PORTS_PER_PROCESS
    ports = list(range(first, first + PORTS_PER_PROCESS))
    random.shuffle(ports)
    for port in ports:
        with socket.socket() as sock:
            try:
                sock.bind((LOOPBACK, port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free loopback port in {first}-{first + PORTS_PER_PROCESS - 1}")


def redis_binary() -> str:
    binary = shutil.which("redis-server") or (
        "/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None
    )
    if binary is None:
        if os.environ.get("HEALTHCORPUS_REQUIRE_REDIS") == "1":
            pytest.fail("redis-server is not installed (apt-get install redis-server)")
        pytest.skip("redis-server is not installed")
    return binary


@contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    """Start redis-server; yields its URL ``redis://127.0.0.1:PORT/0``.

    The port is free when asked for, but another program may take it before Redis binds
    it: a server that exits at once is started again on another port."""
    binary = redis_binary()
    for _ in range(START_ATTEMPTS):
        port = _free_port()
        proc = subprocess.Popen(
            [binary, "--port", str(port), "--bind", LOOPBACK, "--save", "", "--appendonly",
             "no", "--dir", str(folder), "--protected-mode", "yes"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        if _answers(proc, port):
            break
        proc.kill()
        proc.wait(timeout=10)
    else:
        raise RuntimeError(f"redis-server did not start in {START_ATTEMPTS} attempts")
    try:
        yield f"redis://{LOOPBACK}:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


START_ATTEMPTS = 3


def _answers(proc: subprocess.Popen[bytes], port: int) -> bool:
    """Whether the server started as ``proc`` answers PING on ``port`` within 10 s."""
    deadline = time.monotonic() + 10
    while not _pings(port):
        if time.monotonic() > deadline or proc.poll() is not None:
            return False
        time.sleep(0.05)
    return True


def _pings(port: int) -> bool:
    try:
        with socket.create_connection((LOOPBACK, port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def crawl_with_workers(
    start_url: str, out_dir: Path, redis_url: str, count: int = 2, *settings: str
) -> list[tuple[int, str, str]]:
    """``healthcorpus crawl --redis`` in ``count`` worker processes at once, to their
    end; (exit code, stdout, stderr) of each."""
    from demo_server_util import subprocess_env

    command = [
        *(sys.executable, "-m", "crawler.cli", "crawl", start_url, "--out", str(out_dir)),
        *("--redis", redis_url, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2"),
        *("-s", "AUTOTHROTTLE_ENABLED=0", "-s", "HEALTHCORPUS_HEARTBEAT_TTL=10", *settings),
    ]
    pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True}
    workers = [
        subprocess.Popen(command, env=subprocess_env(), **pipes)  # type: ignore[call-overload]
        for _ in range(count)
    ]
    return finish(workers)


def finish(workers: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    """Wait for each worker (3 minutes at most); (exit code, stdout, stderr) of each."""
    results = []
    for proc in workers:
        try:
            stdout, stderr = proc.communicate(timeout=180)
        finally:
            if proc.poll() is None:
                proc.kill()
        results.append((proc.returncode, stdout, stderr))
    return results


class RestartableRedis:
    """A redis-server on one loopback port that a test stops and starts again: with
    ``persistence`` (append-only file, fsync always) it comes back with its data,
    without it, empty."""

    def __init__(self, folder: Path, *, persistence: bool) -> None:
        self.binary = redis_binary()
        self.folder = folder
        self.persistence = persistence
        self.port = _free_port()
        self.url = f"redis://{LOOPBACK}:{self.port}/0"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        aof = (
            ["--appendonly", "yes", "--appendfsync", "always"]
            if self.persistence
            else ["--appendonly", "no"]
        )
        self.proc = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", LOOPBACK, "--save", "",
             *aof, "--dir", str(self.folder), "--protected-mode", "yes"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        if not _answers(self.proc, self.port):
            raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        """SIGTERM, as a service manager restarting it does."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        self.proc = None
