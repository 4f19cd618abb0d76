"""Redis going away under a shared crawl: pause, retry with backoff, go on or give up.

Every command a worker sends to the frontier's Redis goes through redis-py's retry
hook, so one policy covers the scheduler, the page state, the alias gate and the
near-duplicate index alike. While Redis does not answer (a restart, a failover, a
network cut) the worker pauses where it is: nothing it holds is dropped or redone, it
only waits. It logs one line when the pause starts and one when Redis answers again.
Past :data:`OUTAGE_LIMIT` seconds (``HEALTHCORPUS_REDIS_OUTAGE_LIMIT``) it gives up:
the crawl closes with reason :data:`CLOSE_REASON` (exit code
:data:`crawler.exitcodes.REDIS_UNAVAILABLE`), and the same command started again
resumes from the frontier.

Waiting blocks the worker's event loop on purpose: a paused worker must neither take,
queue nor write anything, and the downloads it has in flight are read when it wakes.
A stop signal (SIGTERM, Ctrl-C) during the pause ends the wait at once.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any, TypeVar

import redis
from redis.backoff import ExponentialBackoff
from redis.retry import Retry

from crawler.exitcodes import REDIS_GONE_REASON

logger = logging.getLogger(__name__)

OUTAGE_LIMIT = 300.0  # seconds: "down for up to a few minutes"
CLOSE_REASON = REDIS_GONE_REASON
BACKOFF_BASE = 0.1
BACKOFF_CAP = 5.0
RETRIED_ERRORS = (redis.ConnectionError, redis.TimeoutError, redis.BusyLoadingError)
_STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)

T = TypeVar("T")


class RedisUnavailable(redis.ConnectionError):
    """Redis did not answer for longer than the outage limit (or a stop was asked)."""


class OutageRetry(Retry):
    """redis-py's retry, bounded by time instead of a count, and told about outages.

    One instance is shared by all the worker's connections: the outage is the
    worker's, however many commands meet it. ``on_recovered(seconds)`` runs once Redis
    answers after a pause; ``on_gave_up()`` once the limit is passed."""

    def __init__(
        self,
        limit: float = OUTAGE_LIMIT,
        describe: str = "Redis",
        closing: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(ExponentialBackoff(cap=BACKOFF_CAP, base=BACKOFF_BASE), -1, RETRIED_ERRORS)
        self.limit = limit
        # Whether the crawl is closing already (a stop signal that came before the
        # outage, a full disk ...): then nothing is waited for.
        self.closing = closing
        self.describe = describe
        self.outage_started: float | None = None
        self.last_outage_ended: float | None = None
        self.gave_up = False
        self.on_recovered: list[Callable[[float], None]] = []
        self.on_gave_up: list[Callable[[], None]] = []
        self._stop_asked = False
        self._lock = threading.RLock()

    def __deepcopy__(self, memo: dict[int, Any]) -> OutageRetry:
        # redis-py copies the retry into each connection; the outage is one for all.
        return self

    def call_with_retry(
        self,
        do: Callable[[], T],
        fail: Callable[..., Any],
        is_retryable: Callable[[Exception], bool] | None = None,
        with_failure_count: bool = False,
    ) -> T:
        failures = 0
        with ExitStack() as pausing:
            while True:
                if self.gave_up:
                    raise RedisUnavailable(f"{self.describe}: gave up waiting for it")
                try:
                    result = do()
                except RETRIED_ERRORS as error:
                    if is_retryable and not is_retryable(error):
                        raise
                    failures += 1
                    fail(error, failures) if with_failure_count else fail(error)
                    if failures == 1:
                        pausing.enter_context(self._stop_signals_noted())
                    self._paused(error)
                    self._wait(failures)
                    continue
                if self.outage_started is not None:
                    self._resumed()
                return result

    def _paused(self, error: Exception) -> None:
        if self.outage_started is not None:
            return
        self.outage_started = time.monotonic()
        logger.warning(
            "%s does not answer (%s): this worker pauses and retries for up to %g s",
            self.describe,
            error,
            self.limit,
        )

    def _wait(self, failures: int) -> None:
        assert self.outage_started is not None
        waited = time.monotonic() - self.outage_started
        if self._stop_asked or waited > self.limit or self.closing():
            self._give_up(waited)
        time.sleep(min(self._backoff.compute(failures), max(0.0, self.limit - waited)))
        if self._stop_asked:
            self._give_up(time.monotonic() - self.outage_started)

    def _give_up(self, waited: float) -> None:
        with self._lock:
            first = not self.gave_up
            self.gave_up = True
        if first and (self._stop_asked or self.closing()):  # the crawl is closing anyway
            logger.warning(
                "%s does not answer and the crawl is stopping: not waiting", self.describe
            )
        elif first:
            logger.error(
                "%s still does not answer after %.0f s: this worker stops; run the same "
                "command again once Redis is back, the crawl resumes from the frontier",
                self.describe,
                waited,
            )
            for callback in self.on_gave_up:
                callback()
        raise RedisUnavailable(f"{self.describe}: unreachable for {waited:.0f} s")

    def _resumed(self) -> None:
        assert self.outage_started is not None
        seconds = time.monotonic() - self.outage_started
        self.outage_started = None
        self.last_outage_ended = time.monotonic()
        logger.warning("%s answers again after %.1f s: this worker goes on", self.describe, seconds)
        for callback in self.on_recovered:
            callback(seconds)

    def recovered_within(self, seconds: float) -> bool:
        """Whether the last pause ended less than ``seconds`` ago."""
        ended = self.last_outage_ended
        return ended is not None and time.monotonic() - ended < seconds

    @contextmanager
    def _stop_signals_noted(self) -> Iterator[None]:
        """While paused, a stop signal is noted here as well as passed on: the
        crawl's own handler only runs once the event loop wakes."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = {sig: signal.getsignal(sig) for sig in _STOP_SIGNALS}

        def note(signum: int, frame: Any) -> None:
            self._stop_asked = True
            handler = previous.get(signal.Signals(signum))
            if callable(handler):
                handler(signum, frame)

        for sig in _STOP_SIGNALS:
            signal.signal(sig, note)
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def connect(url: str, retry: OutageRetry, **kwargs: Any) -> redis.Redis:
    """A client for ``url`` whose commands wait out outages by ``retry``'s policy."""
    return redis.Redis.from_url(url, retry=retry, retry_on_error=list(RETRIED_ERRORS), **kwargs)
