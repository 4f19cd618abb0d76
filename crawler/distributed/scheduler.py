"""scrapy-redis's scheduler, made safe for workers that die and for ending together.

``SCHEDULER = "crawler.distributed.scheduler.SharedFrontierScheduler"`` (set by
``healthcorpus crawl --redis URL``). On top of scrapy-redis (Redis queue, Redis
duplicate filter) it:

- takes each request and records it as in flight in one step (see
  :mod:`crawler.distributed.frontier`), and forgets it only once the page it led to is
  in a published Parquet part (after the session's checkpoint), so a worker killed at
  any moment loses nothing: its requests go back to the queue;
- puts the requests of workers without a heartbeat (see CrawlSession) back in the queue,
  and stops this worker when the others have taken it for dead (it stalled that long):
  it then neither takes nor queues requests, nor writes (``stop_declared_dead``);
- ends the crawl when the queue is empty and no live worker has anything in flight,
  rather than when this worker's part of the queue runs dry.
"""

from __future__ import annotations

import logging
from contextlib import suppress
from typing import TYPE_CHECKING, Any, Self

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.defer import _schedule_coro
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler

from crawler.disk_errors import WritesRefused
from crawler.distributed.frontier import Frontier
from crawler.distributed.outage import RedisUnavailable
from crawler.distributed.reseed import Reseed
from crawler.session import CrawlSession
from crawler.signals import request_finished

if TYPE_CHECKING:
    from redis import Redis
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

ENTRY = "healthcorpus_frontier_entry"
DECLARED_DEAD = "declared_dead"  # the close reason of a worker the others took for dead
_UNFINISHED = object()


class SharedFrontierScheduler(Scheduler):
    def __init__(self, server: Redis, frontier: Frontier, crawler: Crawler) -> None:
        keys = frontier.keys
        super().__init__(
            server,
            persist=True,  # the frontier outlives each worker
            queue_key=keys.queue,
            dupefilter=RFPDupeFilter(server, key=keys.dupefilter(frontier.generation)),
        )
        self.frontier = frontier
        self.crawler = crawler
        self.stats = crawler.stats
        self.session = CrawlSession.of(crawler)
        # Redis came back empty: reseeding it (crawler/distributed/reseed.py), and the
        # requests held back meanwhile as (fingerprint, score, entry).
        self.reseed = Reseed(frontier)
        self._reseeding = False
        self._held: list[tuple[str | None, float, bytes]] = []
        # entry -> the page URL its callback yielded ("" for none), or _UNFINISHED.
        self._taken: dict[bytes, object] = {}
        # Scrapy's engine takes requests while its downloader has room (16 by default),
        # far more than it can fetch at once from one host; taken requests sit in this
        # worker's memory where no other worker can get at them. Take only a few more
        # than are being fetched, and leave the rest in the shared queue.
        settings = crawler.settings
        self.max_taken = settings.getint("HEALTHCORPUS_WORKER_PREFETCH") or 2 * max(
            1, settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")
        )

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        session = CrawlSession.of(crawler)
        if session.frontier is None:
            raise ValueError("HEALTHCORPUS_FRONTIER (the shared frontier's name) is not set")
        scheduler = cls(session.frontier.server, session.frontier, crawler)
        crawler.signals.connect(scheduler.request_finished, signal=request_finished)
        crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        scheduler.session.after_checkpoint.append(scheduler.settle_published)
        scheduler.session.on_declared_dead.append(scheduler.stop_declared_dead)
        scheduler.session.on_frontier_lost.append(scheduler.frontier_lost)
        if (outage := session.frontier.outage) is not None:
            outage.on_recovered.append(scheduler.after_outage)
        return scheduler

    def open(self, spider: Spider) -> None:
        super().open(spider)
        moved = self.frontier.requeue_dead_workers()
        if moved:
            logger.warning("Put %d requests of dead workers back in the queue", moved)
        # An idle worker learns that others queued work only when Scrapy's engine next
        # asks the scheduler: every 5 s by default, long enough for a fast worker to
        # drain the queue alone. The engine reads this (class) attribute when it starts
        # its loop, just after opening the scheduler; Scrapy is pinned to 2.19.0.
        poll = self.crawler.settings.getfloat("HEALTHCORPUS_IDLE_POLL")
        if poll > 0 and hasattr(self.crawler.engine, "_SLOT_HEARTBEAT_INTERVAL"):
            self.crawler.engine._SLOT_HEARTBEAT_INTERVAL = poll
        logger.info(
            "Worker %s on frontier %r (crawl %d): %d requests queued",
            self.frontier.worker,
            self.frontier.keys.name,
            self.frontier.generation,
            self.frontier.queued(),
        )

    def close(self, reason: str) -> None:
        # Redis gone: the heartbeat expires instead, the others take back what it held.
        with suppress(RedisUnavailable):
            self.frontier.leave()

    def next_request(self) -> Request | None:
        unfinished = sum(1 for page in self._taken.values() if page is _UNFINISHED)
        if unfinished >= self.max_taken:
            return None  # the engine asks again as soon as one of ours is done
        try:
            if not self._reseed_done():
                return None
            entry = self.frontier.pop()
        except RedisUnavailable:
            return None  # the crawl is closing (outage.CLOSE_REASON)
        if entry is None:
            return None
        request = self.queue._decode_request(entry)
        request.meta[ENTRY] = entry  # travels with retries and redirects
        self._taken[entry] = _UNFINISHED
        if self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def enqueue_request(self, request: Request) -> bool:
        """scrapy-redis's duplicate filter and queue in one step (frontier.push), which
        also refuses a worker the others took for dead: the crawl may be over."""
        if self.session.declared_dead:
            return False
        fingerprint = None if request.dont_filter else self.df.request_fingerprint(request)
        queued = self._push(fingerprint, -request.priority, self.queue._encode_request(request))
        if queued == 0:
            self.df.log(request, self.spider)
        if queued <= 0:
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def _push(self, fingerprint: str | None, score: float, entry: bytes) -> int:
        """frontier.push, or 1 for a request held back while Redis is rebuilt."""
        if self._reseeding:
            self._held.append((fingerprint, score, entry))
            return 1
        try:
            queued = self.frontier.push(fingerprint, score, entry)
        except RedisUnavailable:
            # Closing: the page that linked here is not settled, so it is fetched
            # again when the crawl resumes, and its links queued then.
            return -1
        if queued == -1 and not self.session.declared_dead:
            # Unknown to Redis: taken for dead (the heartbeat will say so, and this is
            # dropped with the rest) or Redis lost its data (queued after the reseed).
            self._held.append((fingerprint, score, entry))
            return 1
        return queued

    def has_pending_requests(self) -> bool:
        if self._held or self._reseeding:
            return True
        try:
            return self.frontier.queued() > 0
        except RedisUnavailable:
            return False

    # --- a Redis that came back empty ------------------------------------------------

    def frontier_lost(self) -> None:
        """Put this worker's part of the crawl back (step 1 of crawler/distributed/reseed.py)."""
        if self.session.declared_dead:
            return
        # Again if Redis was emptied again during a reseed: putting back is idempotent.
        self.reseed.contribute(list(self._taken))
        self._reseeding = True

    def _reseed_done(self) -> bool:
        """False while the reseed window is open; once it closes, the queue is rebuilt
        and the requests held back are queued through the restored duplicate filter."""
        if self._reseeding:
            moved = self.reseed.close_if_due()
            if moved is None:
                return False
            self._reseeding = False
            if moved:
                logger.warning("Rebuilt the shared queue: %d requests put back", moved)
        if self._held and not self.session.declared_dead:
            held, self._held = self._held, []
            for fingerprint, score, entry in held:  # counted as enqueued already
                self._push(fingerprint, score, entry)
        return True

    def after_outage(self, seconds: float) -> None:
        """Redis is back: hand back what it popped for us while its reply was lost."""
        # Later, not inside the command that found Redis back: a pop whose reply just
        # arrived is not among ours yet.
        from twisted.internet import reactor

        reactor.callLater(0, self._requeue_lost_pops)

    def _requeue_lost_pops(self) -> None:
        if self.session.declared_dead or self.session.closed:
            return
        lost = self.frontier.requeue_unknown(set(self._taken))
        if lost:
            logger.warning("Put back %d requests taken as Redis went away", lost)

    # --- forgetting requests once their pages are safe ------------------------------

    def request_finished(self, request: Request, page_url: str | None, **_: Any) -> None:
        entry = request.meta.get(ENTRY)
        if entry in self._taken:
            self._taken[entry] = page_url or ""

    def settle_published(self) -> None:
        """After a checkpoint: forget the requests whose pages are now published."""
        done = [
            entry
            for entry, page in self._taken.items()
            if page is not _UNFINISHED and not (page and self.session.in_progress(str(page)))
        ]
        for entry in done:
            del self._taken[entry]
        self.frontier.settle(done)

    # --- ending together -------------------------------------------------------------

    def stop_declared_dead(self) -> None:
        self._taken.clear()  # requeued by the others already
        _schedule_coro(self.crawler.engine.close_spider_async(reason=DECLARED_DEAD))

    def spider_idle(self, spider: Spider) -> None:
        """Nothing to do here; end only when there is nothing to do anywhere."""
        try:
            self._end_if_done()
        except (RedisUnavailable, WritesRefused):
            raise DontCloseSpider from None  # closing already, for the fault's reason

    def _end_if_done(self) -> None:
        if not self._reseed_done():
            raise DontCloseSpider
        self.session.checkpoint()
        # Idle: every request this worker took has been through its callback.
        self.frontier.settle(list(self._taken))
        self._taken.clear()
        self.frontier.requeue_dead_workers()
        if self._held or self.frontier.queued() > 0:
            raise DontCloseSpider
        if not self.frontier.finish_if_done():
            raise DontCloseSpider  # others are still at work: their pages may add links
