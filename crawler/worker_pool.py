"""Worker processes fed through pipes by the crawl's event loop, with no helper threads.

concurrent.futures.ProcessPoolExecutor moves each task through two threads of the
calling process (its manager and a queue feeder), and those compete with Scrapy's
thread for the GIL: measured on a 2-core crawl, the page worker waited for pages 15%
of the time while pages were queued for it, and both processes stayed near 70% busy.
Here the event loop itself writes each task into a worker's pipe (non-blocking, the
rest sent when the pipe has room) and reads results when the pipe is readable.

The task and the set-up are named ("module:function") rather than passed, so the
calling process never imports them: a crawl's process stays without the cleaner.

A worker runs tasks in the order it gets them, so each worker's pending futures are a
queue. When a worker dies, its pipe reaches end-of-file: the futures it held fail with
BrokenProcessPool, and the pool's ``on_broken`` decides what comes next.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import fcntl
import importlib
import multiprocessing
import os
import pickle
import struct
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from typing import Any

# multiprocessing.Connection's framing (a signed 4-byte big-endian length), which the
# worker's recv_bytes/send_bytes speak; tasks and results stay far below 2 GiB.
_HEADER = struct.Struct("!i")
_PIPE_BYTES = 1 << 20  # Linux's default ceiling for an unprivileged pipe
_READ_CHUNK = 1 << 20


def _resolve(name: str) -> Callable[..., Any]:
    module, _, function = name.partition(":")
    return getattr(importlib.import_module(module), function)  # type: ignore[no-any-return]


def _serve(
    requests: Connection, results: Connection, task: str, setup: str | None, setup_args: tuple
) -> None:
    """A worker's life: set up, then run tasks until the crawl closes the pipe."""
    if setup is not None:
        _resolve(setup)(*setup_args)
    function = _resolve(task)
    try:
        results.send_bytes(pickle.dumps((True, None)))  # ready
    except OSError:  # stopped before it was ready (a crawl that ended at once)
        return
    while True:
        try:
            args = pickle.loads(requests.recv_bytes())
        except EOFError:  # the pool stopped, or the crawl is gone
            return
        try:
            reply = (True, function(*args))
        except Exception as exc:
            reply = (False, exc)
        try:
            payload = pickle.dumps(reply, pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # an exception that cannot be pickled
            payload = pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
        try:
            results.send_bytes(payload)
        except OSError:  # the crawl stopped reading: it is gone
            return


def _grow_pipe(fd: int) -> None:
    """A page (~100 KB) in one write instead of a 64 KB pipe's two wake-ups."""
    # Not Linux, or above this system's limit: the default size works too.
    with contextlib.suppress(OSError, AttributeError):
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)


class _Worker:
    """One process, its two pipes and the futures of the tasks it holds."""

    def __init__(self, task: str, setup: str | None, setup_args: tuple) -> None:
        context = multiprocessing.get_context("spawn")
        task_read, task_write = context.Pipe(duplex=False)
        result_read, result_write = context.Pipe(duplex=False)
        for conn in (task_write, result_write):
            _grow_pipe(conn.fileno())
        self.process = context.Process(
            target=_serve,
            args=(task_read, result_write, task, setup, setup_args),
            daemon=True,
        )
        self.process.start()
        task_read.close()  # the worker's ends: the result pipe ends when the worker does
        result_write.close()
        self._tasks = task_write
        self._results = result_read
        self.pending: collections.deque[asyncio.Future[Any]] = collections.deque()
        self._out = bytearray()
        self._in = bytearray()
        self.ready = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self.on_broken: Callable[[_Worker], None] = lambda worker: None

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        os.set_blocking(self._tasks.fileno(), False)
        os.set_blocking(self._results.fileno(), False)
        loop.add_reader(self._results.fileno(), self._on_readable)

    def submit(self, args: tuple) -> asyncio.Future[Any]:
        assert self._loop is not None
        future = self._loop.create_future()
        payload = pickle.dumps(args, pickle.HIGHEST_PROTOCOL)
        self.pending.append(future)
        self._out += _HEADER.pack(len(payload))
        self._out += payload
        if len(self._out) == len(payload) + _HEADER.size:  # nothing was waiting to go
            self._send()
        return future

    def _send(self) -> None:
        try:
            sent = os.write(self._tasks.fileno(), self._out)
        except BlockingIOError:
            sent = 0
        except OSError:  # the worker is gone; its result pipe tells the rest
            self._out.clear()
            self._stop_writing()
            return
        del self._out[:sent]
        if self._out:
            assert self._loop is not None
            self._loop.add_writer(self._tasks.fileno(), self._send)
        else:
            self._stop_writing()

    def _stop_writing(self) -> None:
        if self._loop is not None and not self._tasks.closed:
            self._loop.remove_writer(self._tasks.fileno())

    def _on_readable(self) -> None:
        try:
            data = os.read(self._results.fileno(), _READ_CHUNK)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self._broken()
            return
        self._in += data
        while len(self._in) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(self._in)
            end = _HEADER.size + size
            if len(self._in) < end:
                break
            ok, value = pickle.loads(memoryview(self._in)[_HEADER.size : end])
            del self._in[:end]
            if not self.ready:
                self.ready = True
                continue
            future = self.pending.popleft()
            if future.done():  # cancelled by its caller
                continue
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)

    def _broken(self) -> None:
        self.close("a page worker died")
        self.on_broken(self)

    def close(self, reason: str = "the page workers are stopped") -> None:
        """Stop reading and writing; tasks still held fail with ``reason``. The worker
        ends once it has read end-of-file."""
        if self._loop is not None and not self._results.closed:
            self._loop.remove_reader(self._results.fileno())
            self._stop_writing()
        self._tasks.close()
        self._results.close()
        while self.pending:
            future = self.pending.popleft()
            if not future.done():
                future.set_exception(BrokenProcessPool(reason))

    def join(self, timeout: float) -> None:
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


class WorkerPool:
    """``workers`` processes that each run ``setup(*setup_args)`` once, then ``task``
    for each ``submit(*args)`` (both "module:function").

    Start it anywhere (processes start at once); ``submit`` from the event loop that
    reads the results. The least busy worker gets each task.
    """

    def __init__(
        self, workers: int, task: str, setup: str | None = None, setup_args: tuple = ()
    ) -> None:
        self.task = task
        self.setup = setup
        self.setup_args = setup_args
        self.workers = [_Worker(task, setup, setup_args) for _ in range(workers)]
        self._loop: asyncio.AbstractEventLoop | None = None
        self.on_broken: Callable[[WorkerPool], None] = lambda pool: None
        self.closed = False
        for worker in self.workers:
            worker.on_broken = self._worker_broken

    def submit(self, *args: Any) -> asyncio.Future[Any]:
        if self.closed:
            raise BrokenProcessPool("the page workers are stopped")
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            self._loop = loop
            for worker in self.workers:
                worker.attach(loop)
        worker = min(self.workers, key=lambda w: len(w.pending))
        return worker.submit(args)

    def _worker_broken(self, worker: _Worker) -> None:
        """A worker that dies after its start is replaced; one that never started
        (its setup failed) is not, and the pool refuses tasks from then on."""
        if self.closed:
            return
        if not worker.ready:
            self.close()
        else:
            replacement = _Worker(self.task, self.setup, self.setup_args)
            replacement.on_broken = self._worker_broken
            if self._loop is not None:
                replacement.attach(self._loop)
            self.workers[self.workers.index(worker)] = replacement
        self.on_broken(self)

    def close(self) -> None:
        """No more tasks; tasks still held fail, and each worker ends."""
        self.closed = True
        for worker in self.workers:
            worker.close()

    def shutdown(self, timeout: float = 30.0) -> None:
        self.close()
        for worker in self.workers:
            worker.join(timeout)
