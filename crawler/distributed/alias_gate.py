"""The alias gate and path index of :mod:`crawler.aliases`, shared by a frontier's workers.

A page that may be an alias waits for the judgment of the pages let through before it
with the same parameters, whichever worker fetches them: the pages in flight are a
sorted set in Redis (scored by a shared counter, so "before" means the same for all),
and a waiting worker polls it. The URLs of paths met under a query are Redis sets, so
that a worker knows the aliases another one fetched.
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

from crawler.aliases import JUDGE_TIMEOUT, AliasGate, PathIndex
from crawler.distributed.frontier import as_text
from crawler.scope import host_label

if TYPE_CHECKING:
    from redis import Redis

    from crawler.distributed.frontier import FrontierKeys

POLL_SECONDS = 0.05


class SharedAliasGate(AliasGate):
    def __init__(self, server: Redis, keys: FrontierKeys) -> None:
        super().__init__()
        self.server = server
        self.keys = keys
        self._mine: dict[str, str] = {}  # url -> its member in the sorted set

    async def pass_after_earlier(
        self, url: str, names: frozenset[str], timeout: float = JUDGE_TIMEOUT
    ) -> None:
        host = host_label(url)
        if url not in self._mine:
            order = int(self.server.incr(self.keys.alias_gate_order))
            member = "\t".join((host, " ".join(sorted(names)), url, str(order)))
            self.server.zadd(self.keys.alias_gate, {member: order})
            self._mine[url] = member
        order = int(self._mine[url].rsplit("\t", 1)[1])
        earlier = [
            member
            for raw in self.server.zrangebyscore(self.keys.alias_gate, "-inf", order - 1)
            if _waits_for(member := as_text(raw), host, names)
        ]
        deadline = time.monotonic() + timeout
        while earlier:
            if time.monotonic() > deadline:  # its worker died, or its judgment never came
                self.server.zrem(self.keys.alias_gate, *earlier)
                return
            await asyncio.sleep(POLL_SECONDS)
            pipe = self.server.pipeline(transaction=False)
            for member in earlier:
                pipe.zscore(self.keys.alias_gate, member)
            earlier = [m for m, score in zip(earlier, pipe.execute(), strict=True) if score]

    def judged(self, url: str) -> None:
        if (member := self._mine.pop(url, None)) is not None:
            self.server.zrem(self.keys.alias_gate, member)


class SharedPathIndex(PathIndex):
    def __init__(self, server: Redis, keys: FrontierKeys) -> None:
        super().__init__()
        self.server = server
        self.keys = keys

    def others(self, host: str, path: str, url: str) -> list[str]:
        members = self.server.smembers(self.keys.query_path(host, path))
        return sorted(other for raw in members if (other := as_text(raw)) != url)

    def add(self, host: str, path: str, url: str, *, queried: bool) -> None:
        if queried:
            self.server.sadd(self.keys.query_path(host, path), url)


def _waits_for(member: str, host: str, names: frozenset[str]) -> bool:
    other_host, other_names, _, _ = member.split("\t", 3)
    return other_host == host and not names.isdisjoint(other_names.split())
