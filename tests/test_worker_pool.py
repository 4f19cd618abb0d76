"""The crawl's worker pool (crawler/worker_pool.py): real spawned processes, fed by a
real event loop. Tasks and set-ups are standard-library functions, named as the
crawl names its own ("module:function")."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from crawler.worker_pool import WorkerPool

REPO = Path(__file__).resolve().parent.parent


def run(coroutine):  # type: ignore[no-untyped-def]
    return asyncio.run(asyncio.wait_for(coroutine, 60))


def test_results_come_back_to_the_task_that_asked() -> None:
    pool = WorkerPool(2, "builtins:pow")

    async def many() -> list[int]:
        futures = [pool.submit(n, 2) for n in range(500)]
        return list(await asyncio.gather(*futures))

    try:
        assert run(many()) == [n * n for n in range(500)]
    finally:
        pool.shutdown()


def test_payloads_larger_than_a_pipe_go_both_ways() -> None:
    """A 10 MB page and a 10 MB result: written as the pipe drains, read in pieces."""
    pool = WorkerPool(1, "operator:mul")
    page = bytes(range(256)) * 40_000

    async def round_trips() -> list[bytes]:
        return list(await asyncio.gather(*(pool.submit(page, 1) for _ in range(3))))

    try:
        assert run(round_trips()) == [page] * 3
    finally:
        pool.shutdown()


def test_a_task_that_raises_gives_its_exception_and_the_worker_goes_on() -> None:
    pool = WorkerPool(1, "math:sqrt")

    async def failing_then_fine() -> tuple[BaseException | float, float]:
        bad, good = await asyncio.gather(pool.submit(-1), pool.submit(16), return_exceptions=True)
        return bad, good

    try:
        bad, good = run(failing_then_fine())
        assert isinstance(bad, ValueError) and "math domain error" in str(bad)
        assert good == 4.0
    finally:
        pool.shutdown()


def test_a_killed_worker_fails_the_tasks_it_held_and_is_replaced() -> None:
    pool = WorkerPool(1, "time:sleep")
    broken: list[WorkerPool] = []
    pool.on_broken = broken.append

    async def kill_during_work() -> tuple[BaseException | None, float | None]:
        await pool.submit(0)
        held = [pool.submit(30), pool.submit(0)]
        await asyncio.sleep(0.2)
        os.kill(pool.workers[0].process.pid, signal.SIGKILL)
        errors = await asyncio.gather(*held, return_exceptions=True)
        return errors, await pool.submit(0)

    try:
        first = pool.workers[0].process.pid
        errors, after = run(kill_during_work())
        assert all(isinstance(error, BrokenProcessPool) for error in errors)
        assert after is None  # a new process took the next task
        assert pool.workers[0].process.pid != first
        assert broken == [pool] and not pool.closed
    finally:
        pool.shutdown()


def test_a_worker_that_cannot_start_closes_the_pool() -> None:
    """A set-up that kills the worker would kill every replacement too: the pool
    stops taking tasks instead of starting processes forever."""
    pool = WorkerPool(1, "os:getpid", setup="os:_exit", setup_args=(3,))

    async def submit_twice() -> BaseException | None:
        try:
            await pool.submit()
        except BrokenProcessPool as exc:
            first_error = exc
        with pytest.raises(BrokenProcessPool):
            pool.submit()
        return first_error

    try:
        assert isinstance(run(submit_twice()), BrokenProcessPool)
        assert pool.closed
    finally:
        pool.shutdown()


def test_tasks_held_when_the_pool_stops_fail_instead_of_waiting_forever() -> None:
    pool = WorkerPool(1, "time:sleep")

    async def stop_while_held() -> None:
        await pool.submit(0)
        held = pool.submit(30)
        await asyncio.sleep(0.1)
        pool.close()
        with pytest.raises(BrokenProcessPool):
            await held

    try:
        run(stop_while_held())
    finally:
        pool.shutdown(timeout=1)  # the worker is still asleep: killed


def test_shutdown_ends_the_workers() -> None:
    pool = WorkerPool(2, "os:getpid")

    async def pids_of_tasks() -> list[int]:
        return list(await asyncio.gather(*(pool.submit() for _ in range(4))))

    pids = run(pids_of_tasks())
    pool.shutdown(timeout=10)
    assert all(not worker.process.is_alive() for worker in pool.workers)
    assert {worker.process.pid for worker in pool.workers} >= set(pids)


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs Linux /proc")
def test_workers_end_when_their_crawl_is_killed() -> None:
    """kill -9 of the crawl leaves no worker waiting for work forever (holding a cron
    job's pipe open): the task pipe ends, and so does the worker."""
    script = (
        "import asyncio, os, sys, time\n"
        "from crawler.worker_pool import WorkerPool\n"
        "pool = WorkerPool(1, 'os:getpid')\n"
        "async def main():\n"
        "    print(await pool.submit(), flush=True)\n"
        "asyncio.run(main())\n"
        "time.sleep(60)\n"
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    try:
        worker = int(parent.stdout.readline())  # type: ignore[union-attr]
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 10
        while Path(f"/proc/{worker}").exists() and _state(worker) != "Z":
            assert time.monotonic() < deadline, "the worker outlived its crawl"
            time.sleep(0.05)
    finally:
        if parent.poll() is None:
            parent.kill()


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"
