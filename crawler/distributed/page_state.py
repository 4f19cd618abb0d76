"""The incremental crawl state of a shared frontier, in Redis instead of SQLite.

Same interface as :class:`crawler.state.PageState`, so that workers on several
machines share what each page looked like last time. Resuming is the frontier's job in
this mode (its queue and duplicate filter outlive any worker), so there is no chain of
unfinished runs to track.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from crawler.distributed.frontier import FrontierKeys, as_text
from crawler.state import ARTICLE, KnownPage

if TYPE_CHECKING:
    from redis import Redis


class RedisPageState:
    def __init__(self, server: Redis, keys: FrontierKeys) -> None:
        self.server = server
        self.keys = keys

    def get(self, url: str) -> KnownPage | None:
        raw = self.server.hget(self.keys.pages, url)
        if raw is None:
            return None
        etag, last_modified, outcome, links, checked_at = json.loads(raw)
        return KnownPage(url, etag, last_modified, outcome, tuple(links), float(checked_at))

    def article_urls(self) -> Iterator[str]:
        for url in sorted(self.server.smembers(self.keys.articles)):
            yield as_text(url)

    def count(self) -> int:
        return int(self.server.hlen(self.keys.pages))

    def put_many(self, pages: Iterable[KnownPage]) -> int:
        """One MULTI/EXEC: all of them or, if the connection drops, none."""
        pipe = self.server.pipeline(transaction=True)
        count = 0
        for page in pages:
            row = [page.etag, page.last_modified, page.outcome, list(page.links), page.checked_at]
            pipe.hset(self.keys.pages, page.url, json.dumps(row))
            if page.outcome == ARTICLE:
                pipe.sadd(self.keys.articles, page.url)
            else:
                pipe.srem(self.keys.articles, page.url)
            count += 1
        if count:
            pipe.execute()
        return count

    def mark_unlisted(self, urls: Iterable[str], listed: Iterable[str]) -> None:
        pipe = self.server.pipeline(transaction=True)
        if urls := list(urls):
            pipe.sadd(self.keys.unlisted, *urls)
        if listed := list(listed):
            pipe.srem(self.keys.unlisted, *listed)
        pipe.execute()

    def unlisted_urls(self) -> set[str]:
        return {as_text(url) for url in self.server.smembers(self.keys.unlisted)}

    def distrust_lastmod(self, host: str) -> None:
        self.server.sadd(self.keys.lastmod_untrusted, host)

    def lastmod_untrusted(self) -> set[str]:
        return {as_text(host) for host in self.server.smembers(self.keys.lastmod_untrusted)}

    def add_alias_params(self, host: str, params: Iterable[str], page: str) -> None:
        if members := [f"{host}\t{param}\t{page}" for param in params]:
            self.server.sadd(self.keys.alias_params, *members)

    def add_meaningful_params(self, host: str, params: Iterable[str]) -> None:
        if members := [f"{host}\t{param}" for param in params]:
            self.server.sadd(self.keys.meaningful_params, *members)

    def alias_params(self) -> dict[tuple[str, str], int]:
        counts: dict[tuple[str, str], int] = {}
        for member in self.server.smembers(self.keys.alias_params):
            host, param, _ = as_text(member).split("\t", 2)
            counts[(host, param)] = counts.get((host, param), 0) + 1
        return counts

    def meaningful_params(self) -> set[tuple[str, str]]:
        members = self.server.smembers(self.keys.meaningful_params)
        pairs = (as_text(member).split("\t", 1) for member in members)
        return {(host, param) for host, param in pairs}

    def begin_run(self) -> float | None:
        return None

    def end_run(self) -> None:
        pass

    def close(self) -> None:
        pass
