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

from crawler.distributed.frontier import FrontierKeys
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
            yield url.decode() if isinstance(url, bytes) else url

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

    def begin_run(self) -> float | None:
        return None

    def end_run(self) -> None:
        pass

    def close(self) -> None:
        pass
