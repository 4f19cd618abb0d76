"""A Redis that comes back empty: the workers rebuild the crawl from what they know.

Without persistence, a restarted Redis has lost the queue, the duplicate filter, the
requests in flight and who wrote which article. Starting over would fetch the whole
site again; instead each live worker keeps a journal of its part of the current crawl
(:class:`FrontierJournal`: the requests it queued with their fingerprints, digests of
the requests it took, the articles it claimed) and, on finding itself unknown to Redis,
puts it back:

1. it joins again, restores the crawl number, its fingerprints, its requests in flight
   and its claims, and adds what it queued and what it took to two reseed sets;
2. a reseed window stays open for one heartbeat's time to live after the first worker
   came back (every live worker notices within that time); meanwhile workers hold the
   requests they would queue, and nobody may end the crawl;
3. the first worker to look after the window closes it: every request queued by a
   worker and taken by none goes back into the queue, then the held ones follow
   through the restored duplicate filter.

So a page fetched before the loss is not fetched again, and none that was queued is
forgotten, as long as the worker that queued it is alive. What a worker that had
already died had queued and not handed out is found again only through the links of
the others' pages. The incremental state (``pages``) and the shared near-duplicate
index are not rebuilt: the next crawl asks the pages in full once.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from crawler.distributed.frontier import Frontier

logger = logging.getLogger(__name__)

BATCH = 5000  # items of each list per script call: Redis does other work in between

# Put this worker's part back. KEYS: generation, dupefilter, pushed, taken, open,
# inflight, ids, texts. ARGV: generation, window ms, then counts and items:
# n fingerprints, n (score, entry) pairs, n digests, n inflight entries,
# n (id, url) pairs, n (field, value) pairs.
_CONTRIBUTE = """
local generation = tonumber(redis.call('GET', KEYS[1]) or '0')
if generation < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
redis.call('SET', KEYS[5], '1', 'PX', ARGV[2], 'NX')
local i = 3
local function take()
  local n = tonumber(ARGV[i]); i = i + 1
  local first = i; i = i + n
  return first, n
end
local first, n = take()
for j = first, first + n - 1 do redis.call('SADD', KEYS[2], ARGV[j]) end
first, n = take()
for j = first, first + n - 1, 2 do redis.call('ZADD', KEYS[3], ARGV[j], ARGV[j + 1]) end
first, n = take()
for j = first, first + n - 1 do redis.call('SADD', KEYS[4], ARGV[j]) end
first, n = take()
for j = first, first + n - 1 do redis.call('SADD', KEYS[6], ARGV[j]) end
first, n = take()
for j = first, first + n - 1, 2 do redis.call('HSETNX', KEYS[7], ARGV[j], ARGV[j + 1]) end
first, n = take()
for j = first, first + n - 1, 2 do redis.call('HSETNX', KEYS[8], ARGV[j], ARGV[j + 1]) end
return 1
"""

# Close the window once it has expired. KEYS: open, pushed, taken, queue.
# Returns -1 while open, else the number of requests put back in the queue.
_CLOSE = """
if redis.call('EXISTS', KEYS[1]) == 1 then return -1 end
local moved = 0
local entries = redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES')
for j = 1, #entries, 2 do
  if redis.call('SISMEMBER', KEYS[3], redis.sha1hex(entries[j])) == 0 then
    redis.call('ZADD', KEYS[4], entries[j + 1], entries[j])
    moved = moved + 1
  end
end
redis.call('DEL', KEYS[2])
return moved
"""


def digest(entry: bytes) -> str:
    """The name of a request in the reseed's ``taken`` set (Lua's ``redis.sha1hex``)."""
    return hashlib.sha1(entry).hexdigest()


@dataclass
class FrontierJournal:
    """This worker's part of the current crawl, kept to rebuild an emptied Redis.

    Memory: about the size of the requests it queued (a few hundred bytes each) plus
    40 bytes per request it took."""

    pushed: dict[bytes, tuple[str, float]] = field(default_factory=dict)  # entry -> (fp, score)
    taken: set[str] = field(default_factory=set)  # digests
    ids: dict[str, str] = field(default_factory=dict)  # article id -> url
    texts: dict[str, str] = field(default_factory=dict)  # "site hash" -> "id url"

    def queued(self, fingerprint: str | None, score: float, entry: bytes) -> None:
        self.pushed[entry] = (fingerprint or "", score)

    def took(self, entry: bytes) -> None:
        self.taken.add(digest(entry))


class Reseed:
    """Steps 1 and 3 of the module's protocol, for one worker."""

    def __init__(self, frontier: Frontier) -> None:
        self.frontier = frontier
        self._contribute = frontier.server.register_script(_CONTRIBUTE)
        self._close = frontier.server.register_script(_CLOSE)

    def contribute(self, inflight: list[bytes]) -> None:
        """Step 1; ``inflight``: the requests this worker took and has not settled."""
        frontier, journal = self.frontier, self.frontier.journal
        gen = frontier.generation
        frontier.join()
        fingerprints = [fp for fp, _ in journal.pushed.values() if fp]
        pairs = [item for entry, (_, score) in journal.pushed.items() for item in (score, entry)]
        ids = [item for pair in journal.ids.items() for item in pair]
        texts = [item for pair in journal.texts.items() for item in pair]
        lists = (fingerprints, pairs, sorted(journal.taken), inflight, ids, texts)
        longest = max(len(items) for items in lists)
        for start in range(0, max(longest, 1), BATCH):  # even/odd lists stay paired
            args: list[object] = [gen, int(frontier.heartbeat_ttl * 1000)]
            for items in lists:
                batch = items[start : start + BATCH]
                args += [len(batch), *batch]
            self._send(args)
        logger.warning(
            "Redis came back empty: put back this worker's part of crawl %d (%d requests "
            "queued, %d taken, %d articles); the queue is rebuilt in %g s, once the other "
            "workers have put back theirs",
            gen,
            len(journal.pushed),
            len(journal.taken),
            len(journal.ids),
            frontier.heartbeat_ttl,
        )

    def _send(self, args: list[object]) -> None:
        frontier, keys = self.frontier, self.frontier.keys
        gen = frontier.generation
        self._contribute(
            keys=[
                keys.generation,
                keys.dupefilter(gen),
                keys.reseed_pushed(gen),
                keys.reseed_taken(gen),
                keys.reseed_open(gen),
                keys.inflight(frontier.worker),
                keys.ids(gen),
                keys.texts(gen),
            ],
            args=args,
        )

    def close_if_due(self) -> int | None:
        """None while the window is open; else the requests put back in the queue."""
        keys, gen = self.frontier.keys, self.frontier.generation
        moved = int(
            self._close(
                keys=[
                    keys.reseed_open(gen),
                    keys.reseed_pushed(gen),
                    keys.reseed_taken(gen),
                    keys.queue,
                ]
            )
        )
        return None if moved < 0 else moved
