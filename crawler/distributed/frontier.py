"""The shared frontier in Redis: what several crawl workers agree on, and how.

Keys, all under ``healthcorpus:<name>:`` (``name`` from ``--frontier``, by default
the start URLs' hosts):

- ``requests`` (sorted set): the queue of requests to fetch, scrapy-redis encoded;
- ``dupefilter:<gen>`` (set): fingerprints of every request ever queued in crawl
  ``<gen>``, so each page is fetched once across all workers;
- ``generation`` (int): the number of the current crawl; a crawl that ends bumps it,
  so tomorrow's run starts with an empty duplicate filter;
- ``workers`` (hash run id -> JSON) and ``alive:<run>`` (key with a TTL, refreshed by a
  heartbeat): who takes part, and who is still alive;
- ``dead`` (set): runs whose heartbeat expired, once their requests were re-queued;
- ``inflight:<run>`` (set): the requests a worker has taken from the queue and whose
  pages are not yet in its published files. A worker that dies leaves them there;
  any other worker puts them back into the queue once its heartbeat has expired;
- ``ids:<gen>`` (hash id -> URL): the articles written in crawl ``<gen>`` and from
  which URL, so two URLs of one article (canonical URL) give one row even on two
  workers; ``texts:<gen>`` (hash "site content_hash" -> "id url"): the same for two
  URLs with one text and no canonical link (aliases);
- ``pages`` (hash url -> state) and ``articles`` (set): the incremental state;
  ``unlisted`` (set): known articles no sitemap lists any more; ``lastmod_untrusted``
  (set): hosts whose sitemap dates proved wrong; ``alias_params`` ("host param page")
  and ``meaningful_params`` ("host param") (sets): the query parameters learned to
  name the same article, or not (crawler/aliases.py); ``alias_gate`` (sorted set) and
  ``query_path:<host><path>`` (sets): the pages in flight that may be aliases, and the
  URLs of paths met under a query (crawler/distributed/alias_gate.py).

Taking a request from the queue and recording it as in flight is one Lua script, so
"the queue is empty and no live worker has anything in flight" (also one script)
really means that the crawl is over: a request is only ever queued by a worker that
has a request in flight, or by a worker's start-up.
"""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from cleaning.dataset.dedup import FIRST, OTHER_URL, SAME_URL
from crawler.distributed.reseed import FrontierJournal

if TYPE_CHECKING:
    from redis import Redis

    from cleaning.dataset.schema import Record
    from crawler.distributed.outage import OutageRetry

KEY_ROOT = "healthcorpus"
HEARTBEAT_TTL = 15  # seconds without a heartbeat after which a worker counts as dead
# What a heartbeat finds.
DECLARED_DEAD, ALIVE, UNKNOWN = 0, 1, 2

# Pop the best request and record it as in flight for this worker, atomically; none
# for a worker the others have declared dead (KEYS[3]: workers; ARGV[1]: this worker).
_POP = """
if redis.call('HEXISTS', KEYS[3], ARGV[1]) == 0 then return false end
local entries = redis.call('ZRANGE', KEYS[1], 0, 0)
if #entries == 0 then return false end
redis.call('ZREM', KEYS[1], entries[1])
redis.call('SADD', KEYS[2], entries[1])
return entries[1]
"""

# Queue a request unless its fingerprint was seen in this crawl (none: not filtered),
# and only for a worker still counted alive: one taken for dead may be writing into a
# crawl that has ended, whose filter is gone. KEYS: workers, dupefilter, queue.
# ARGV: worker, fingerprint or '', score, entry. 1 = queued, 0 = seen, -1 = dead.
_PUSH = """
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return -1 end
if ARGV[2] ~= '' and redis.call('SADD', KEYS[2], ARGV[2]) == 0 then return 0 end
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4])
return 1
"""

# Refresh this worker's heartbeat, unless the others have declared it dead (its
# heartbeat expired, its requests went back to the queue). KEYS: alive, workers, dead.
# ARGV: worker, time to live in ms. 1 = refreshed, 0 = declared dead, 2 = unknown:
# neither taking part nor declared dead, so Redis lost its data (crawler/distributed/
# reseed.py).
_BEAT = """
if redis.call('SISMEMBER', KEYS[3], ARGV[1]) == 1 then return 0 end
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then return 2 end
redis.call('SET', KEYS[1], '1', 'PX', ARGV[2])
return 1
"""

# Requests in flight of workers whose heartbeat has expired go back to the queue.
# KEYS: queue, workers. ARGV: key prefix. Returns the number of requests put back.
_REQUEUE_DEAD = """
local moved = 0
for _, worker in ipairs(redis.call('HKEYS', KEYS[2])) do
  if redis.call('EXISTS', ARGV[1] .. 'alive:' .. worker) == 0 then
    local inflight = ARGV[1] .. 'inflight:' .. worker
    for _, entry in ipairs(redis.call('SMEMBERS', inflight)) do
      redis.call('ZADD', KEYS[1], 0, entry)
      moved = moved + 1
    end
    redis.call('DEL', inflight)
    redis.call('HDEL', KEYS[2], worker)
    redis.call('SADD', ARGV[1] .. 'dead', worker)
  end
end
return moved
"""

# Is the crawl over? KEYS: queue, workers, generation. ARGV: prefix, our generation.
# 1 = over (queue empty, nothing in flight anywhere) and this call closed it (bumped
# the generation, dropped its duplicate filter); 2 = already closed by another worker;
# 0 = not over.
_FINISH_IF_DONE = """
local generation = tonumber(redis.call('GET', KEYS[3]) or '0')
if generation ~= tonumber(ARGV[2]) then return 2 end
if redis.call('ZCARD', KEYS[1]) > 0 then return 0 end
local reseed = ARGV[1] .. 'reseed:'
if redis.call('EXISTS', reseed .. 'open:' .. ARGV[2], reseed .. 'pushed:' .. ARGV[2]) > 0 then
  return 0
end
for _, worker in ipairs(redis.call('HKEYS', KEYS[2])) do
  if redis.call('SCARD', ARGV[1] .. 'inflight:' .. worker) > 0 then return 0 end
end
redis.call('INCR', KEYS[3])
redis.call('DEL', ARGV[1] .. 'dupefilter:' .. ARGV[2], ARGV[1] .. 'ids:' .. ARGV[2],
           ARGV[1] .. 'texts:' .. ARGV[2], reseed .. 'taken:' .. ARGV[2])
return 1
"""


def default_frontier_name(start_urls: list[str]) -> str:
    """The start URLs' hosts, sorted: workers of one site agree without being told."""
    hosts = sorted({urlsplit(url).netloc.lower() for url in start_urls})
    return ",".join(hosts)


@dataclass(frozen=True)
class FrontierKeys:
    name: str

    @property
    def prefix(self) -> str:
        return f"{KEY_ROOT}:{self.name}:"

    @property
    def queue(self) -> str:
        return self.prefix + "requests"

    @property
    def workers(self) -> str:
        return self.prefix + "workers"

    @property
    def generation(self) -> str:
        return self.prefix + "generation"

    @property
    def pages(self) -> str:
        return self.prefix + "pages"

    @property
    def articles(self) -> str:
        return self.prefix + "articles"

    @property
    def unlisted(self) -> str:
        return self.prefix + "unlisted"

    @property
    def lastmod_untrusted(self) -> str:
        return self.prefix + "lastmod_untrusted"

    @property
    def alias_params(self) -> str:
        return self.prefix + "alias_params"

    @property
    def alias_gate(self) -> str:
        return self.prefix + "alias_gate"

    @property
    def alias_gate_order(self) -> str:
        return self.prefix + "alias_gate_order"

    def query_path(self, host: str, path: str) -> str:
        return f"{self.prefix}query_path:{host}{path}"

    @property
    def meaningful_params(self) -> str:
        return self.prefix + "meaningful_params"

    def dupefilter(self, generation: int) -> str:
        return f"{self.prefix}dupefilter:{generation}"

    def ids(self, generation: int) -> str:
        return f"{self.prefix}ids:{generation}"

    def texts(self, generation: int) -> str:
        return f"{self.prefix}texts:{generation}"

    def reseed_pushed(self, generation: int) -> str:
        return f"{self.prefix}reseed:pushed:{generation}"

    def reseed_taken(self, generation: int) -> str:
        return f"{self.prefix}reseed:taken:{generation}"

    def reseed_open(self, generation: int) -> str:
        return f"{self.prefix}reseed:open:{generation}"

    def alive(self, worker: str) -> str:
        return f"{self.prefix}alive:{worker}"

    def inflight(self, worker: str) -> str:
        return f"{self.prefix}inflight:{worker}"

    @property
    def dead(self) -> str:
        return f"{self.prefix}dead"


class Frontier:
    """One worker's handle on the shared frontier."""

    def __init__(
        self,
        server: Redis,
        name: str,
        worker: str,
        *,
        heartbeat_ttl: float = HEARTBEAT_TTL,
        outage: OutageRetry | None = None,
    ) -> None:
        self.server = server
        self.heartbeat_ttl = heartbeat_ttl
        # The client's retry policy: tells when Redis was last away (None: not known).
        self.outage = outage
        self.keys = FrontierKeys(name)
        self.worker = worker
        self.generation = int(server.get(self.keys.generation) or 0)
        self.left = False
        # What this worker did in this crawl, to rebuild a Redis that comes back empty.
        self.journal = FrontierJournal()
        self._pop = server.register_script(_POP)
        self._push = server.register_script(_PUSH)
        self._beat = server.register_script(_BEAT)
        self._requeue_dead = server.register_script(_REQUEUE_DEAD)
        self._finish_if_done = server.register_script(_FINISH_IF_DONE)

    # --- membership ----------------------------------------------------------------

    def join(self) -> None:
        about = {"host": socket.gethostname(), "pid": os.getpid(), "generation": self.generation}
        pipe = self.server.pipeline()
        pipe.set(self.keys.alive(self.worker), "1", px=int(self.heartbeat_ttl * 1000))
        pipe.hset(self.keys.workers, self.worker, json.dumps(about))
        pipe.execute()

    def heartbeat(self) -> int:
        """:data:`ALIVE` for the others; :data:`DECLARED_DEAD` once they have taken
        this worker for dead (a stall longer than the heartbeat's time to live): its
        requests are theirs; :data:`UNKNOWN` when Redis has lost its data."""
        if self.left:
            return ALIVE  # ended normally: nobody can take it for dead any more
        return int(
            self._beat(
                keys=[self.keys.alive(self.worker), self.keys.workers, self.keys.dead],
                args=[self.worker, int(self.heartbeat_ttl * 1000)],
            )
        )

    def leave(self) -> None:
        """A worker that ends normally has published everything it took."""
        self.left = True
        pipe = self.server.pipeline()
        pipe.delete(self.keys.inflight(self.worker), self.keys.alive(self.worker))
        pipe.hdel(self.keys.workers, self.worker)
        pipe.execute()

    def workers(self) -> dict[str, dict[str, Any]]:
        raw = self.server.hgetall(self.keys.workers)
        return {as_text(k): json.loads(v) for k, v in raw.items()}

    def is_alive(self, worker: str) -> bool:
        """Whether the run ``worker`` may still write. A run that joined and whose
        heartbeat expired is dead; one that never joined has written nothing yet (runs
        join before they write) or is starting: either way its files are left alone."""
        pipe = self.server.pipeline()
        pipe.exists(self.keys.alive(worker))
        pipe.hexists(self.keys.workers, worker)
        pipe.sismember(self.keys.dead, worker)
        alive, joined, dead = pipe.execute()
        return bool(alive) or not (joined or dead)

    # --- the queue -----------------------------------------------------------------

    def pop(self) -> bytes | None:
        entry = self._pop(
            keys=[self.keys.queue, self.keys.inflight(self.worker), self.keys.workers],
            args=[self.worker],
        )
        if not entry:
            return None
        self.journal.took(entry)
        return entry

    def push(self, fingerprint: str | None, score: float, entry: bytes) -> int:
        """1: queued; 0: seen before in this crawl; -1: this worker is taken for dead."""
        queued = int(
            self._push(
                keys=[self.keys.workers, self.keys.dupefilter(self.generation), self.keys.queue],
                args=[self.worker, fingerprint or "", score, entry],
            )
        )
        if queued == 1:
            self.journal.queued(fingerprint, score, entry)
        return queued

    def settle(self, entries: list[bytes]) -> None:
        """These requests' pages are published: forget them."""
        if entries:
            self.server.srem(self.keys.inflight(self.worker), *entries)

    def requeue_unknown(self, known: set[bytes]) -> int:
        """Put back the requests recorded as this worker's in flight that it does not
        know of (a pop executed by Redis whose reply never came back)."""
        inflight = self.keys.inflight(self.worker)
        lost = [entry for entry in self.server.smembers(inflight) if entry not in known]
        if lost:
            pipe = self.server.pipeline(transaction=True)
            pipe.zadd(self.keys.queue, dict.fromkeys(lost, 0))
            pipe.srem(inflight, *lost)
            pipe.execute()
        return len(lost)

    def queued(self) -> int:
        return int(self.server.zcard(self.keys.queue))

    def requeue_dead_workers(self) -> int:
        """Put back the requests of workers whose heartbeat expired. Not within a
        heartbeat's time to live after Redis was away: every worker's heartbeat may
        have expired during the outage, and the others have not beaten again yet."""
        if self.outage is not None and self.outage.recovered_within(self.heartbeat_ttl):
            return 0
        return int(
            self._requeue_dead(keys=[self.keys.queue, self.keys.workers], args=[self.keys.prefix])
        )

    def finish_if_done(self) -> bool:
        """True when the crawl is over (closed now by us, or already by another)."""
        result = self._finish_if_done(
            keys=[self.keys.queue, self.keys.workers, self.keys.generation],
            args=[self.keys.prefix, self.generation],
        )
        return int(result) in (1, 2)

    # --- the dataset -----------------------------------------------------------------

    def claim(self, record: Record) -> str:
        """Who else wrote this article in this crawl: FIRST, SAME_URL or OTHER_URL."""
        key = self.keys.ids(self.generation)
        if self.server.hsetnx(key, record.id, record.url):
            self.journal.ids[record.id] = record.url
            return FIRST
        owner = self.server.hget(key, record.id)
        return SAME_URL if as_text(owner or b"") == record.url else OTHER_URL

    def claim_text(self, record: Record) -> tuple[str, str]:
        """(id, url) of the article first written with this text on its site in this
        crawl: this record's own when it is the first."""
        key = self.keys.texts(self.generation)
        field = f"{record.site} {record.content_hash}"
        mine = f"{record.id} {record.url}"
        if self.server.hsetnx(key, field, mine):
            self.journal.texts[field] = mine
            return record.id, record.url
        owner = as_text(self.server.hget(key, field) or mine.encode())
        record_id, _, url = owner.partition(" ")
        return record_id, url


def as_text(value: bytes | str) -> str:
    """A Redis reply (bytes unless the client decodes) as text."""
    return value.decode() if isinstance(value, bytes) else value
