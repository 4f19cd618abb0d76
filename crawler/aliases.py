"""Query parameters that never change the article, learned per host from aliases.

No list of tracking parameters can know every site's own (``from``, ``p``, ``pos``,
``list``, session ids...). The crawl learns them instead: when a page turns out to be
an alias of an article already held (its text is that article's, see
:class:`cleaning.dataset.dedup.VersionFilter`) and the two URLs differ only in their
query, each parameter they differ in is evidence, on that page, that it does not change
the article. A parameter seen so on ``evidence`` pages of a host, and never seen to
matter there (a URL without it held another article), is removed from that host's URLs
before they are fetched (:class:`AliasMiddleware`), so later aliases cost no request.

A page whose query holds a parameter not yet judged, on a path already met, may be an
alias: such pages are fetched one at a time per host, each once the previous one is
judged (an alias, another article, or no article), so that what the first few teach
spares the fetches of the rest. Parameters are judged as soon as two pages tell (two
aliases, or two articles that differ in that parameter), so a site whose articles are
``?id=12`` pays the wait only on its first pages.

What is learned is kept in the page state (SQLite, or Redis for a shared frontier), at
once: it is not data, and a crawl killed before its next checkpoint keeps it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING, Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit

from scrapy.exceptions import IgnoreRequest, NotConfigured

from crawler.downloadermiddlewares.robots import is_site_file
from crawler.scope import host_label

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

REFRESH_SECONDS = 1.0  # how often a shared frontier's learning is read back
JUDGE_TIMEOUT = 5.0  # seconds a page waits for the judgment of its host's previous one
PARAMS_REMOVED = "healthcorpus/alias_params_removed"
ALIASES_NOT_FETCHED = "healthcorpus/aliases_not_fetched"


class ParamStore(Protocol):
    def add_alias_params(self, host: str, params: Iterable[str], page: str) -> None: ...
    def add_meaningful_params(self, host: str, params: Iterable[str]) -> None: ...
    def alias_params(self) -> dict[tuple[str, str], int]: ...
    def meaningful_params(self) -> set[tuple[str, str]]: ...


class ParamLearner:
    def __init__(
        self,
        store: ParamStore,
        evidence: int = 2,
        *,
        shared: bool = False,
        gate: AliasGate | None = None,
        paths: PathIndex | None = None,
    ) -> None:
        self.store = store
        self.evidence = max(1, evidence)
        self.shared = shared  # other workers learn too: read the store now and then
        self._ignorable: dict[str, frozenset[str]] = {}
        self._meaningful: dict[str, frozenset[str]] = {}
        self._read_at = 0.0
        # (host, path, param, the other parameters) -> (its values, content hash) of
        # the first article written so: the sibling a later article is compared with.
        self._siblings: dict[tuple[str, str, str, tuple], tuple[tuple[str, ...], str]] = {}
        self.gate = gate if gate is not None else AliasGate()
        self.paths = paths if paths is not None else PathIndex()
        self.refresh()

    def refresh(self) -> None:
        meaningful: dict[str, set[str]] = {}
        for host, param in self.store.meaningful_params():
            meaningful.setdefault(host, set()).add(param)
        ignorable: dict[str, set[str]] = {}
        for (host, param), pages in self.store.alias_params().items():
            if pages >= self.evidence and param not in meaningful.get(host, ()):
                ignorable.setdefault(host, set()).add(param)
        self._ignorable = {host: frozenset(params) for host, params in ignorable.items()}
        self._meaningful = {host: frozenset(params) for host, params in meaningful.items()}
        self._read_at = time.monotonic()

    def _fresh(self) -> None:
        if self.shared and time.monotonic() - self._read_at > REFRESH_SECONDS:
            self.refresh()

    def ignorable(self, host: str) -> frozenset[str]:
        self._fresh()
        return self._ignorable.get(host, frozenset())

    def undecided_names(self, url: str) -> frozenset[str]:
        """The URL's query parameters not yet judged on its host."""
        parts = urlsplit(url)
        if not parts.query:
            return frozenset()
        host = host_label(url)
        names = frozenset(name for name, _ in parse_qsl(parts.query, keep_blank_values=True))
        undecided = names - self._decided(host)
        if undecided and self.shared:  # another worker may have judged them just now
            self.refresh()
            undecided = names - self._decided(host)
        return undecided

    def _decided(self, host: str) -> frozenset[str]:
        return self._ignorable.get(host, frozenset()) | self._meaningful.get(host, frozenset())

    def refresh_if_shared(self) -> None:
        if self.shared:
            self.refresh()

    def normalise(self, url: str) -> str:
        """``url`` without the parameters learned not to change its host's articles."""
        parts = urlsplit(url)
        if not parts.query:
            return url
        drop = self.ignorable(host_label(url))
        if not drop:
            return url
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        kept = [(name, value) for name, value in pairs if name not in drop]
        if len(kept) == len(pairs):
            return url
        return parts._replace(query=urlencode(kept)).geturl()

    def alias_seen(self, url: str, held_url: str) -> None:
        """``url`` holds the article of ``held_url``: learn from how they differ."""
        a, b = urlsplit(url), urlsplit(held_url)
        host = host_label(url)
        if host != host_label(held_url) or a.path != b.path or a.query == b.query:
            return  # another path (a print view, /amp/): nothing to learn of parameters
        mine, theirs = _pairs(a.query), _pairs(b.query)
        differing = {name for name, _ in mine ^ theirs}
        if not differing:
            return
        # Evidence counts by article (the URL that holds it), not by path: the
        # articles of a site of ?id=N URLs all share one path.
        self.store.add_alias_params(host, sorted(differing), held_url)
        before = self._ignorable.get(host, frozenset())
        self.refresh()
        if learned := self._ignorable.get(host, frozenset()) - before:
            logger.info("Learned that %s on %s do not change the article", sorted(learned), host)

    def article_written(
        self, url: str, content_hash: str, hash_of: Callable[[str], str | None]
    ) -> None:
        """A new article under ``url``: a parameter matters on this host when the URL
        without it, or with another value of it, holds another text."""
        parts = urlsplit(url)
        if not parts.query:
            return
        host = host_label(url)
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        meaningful = []
        for name in sorted({name for name, _ in pairs}):
            rest = tuple(sorted(pair for pair in pairs if pair[0] != name))
            values = tuple(value for key, value in pairs if key == name)
            sibling = self._siblings.setdefault(
                (host, parts.path, name, rest), (values, content_hash)
            )
            without = hash_of(parts._replace(query=urlencode(rest)).geturl())
            if (sibling[0] != values and sibling[1] != content_hash) or (
                without is not None and without != content_hash
            ):
                meaningful.append(name)
        if meaningful and not set(meaningful) <= self._meaningful.get(host, frozenset()):
            self.store.add_meaningful_params(host, meaningful)
            self.refresh()


class PathIndex:
    """The URLs asked for, by (host, path): the pages a new URL may be an alias of."""

    def __init__(self) -> None:
        self._urls: dict[tuple[str, str], list[str]] = {}

    def others(self, host: str, path: str, url: str) -> list[str]:
        return [other for other in self._urls.get((host, path), ()) if other != url]

    def add(self, host: str, path: str, url: str, *, queried: bool) -> None:
        """``queried``: the path was met under a query. Only those paths are kept (a
        page can only be skipped as an alias of a URL with a query), so a site
        without queries costs the index nothing."""
        if queried:
            self._urls.setdefault((host, path), []).append(url)


class AliasGate:
    """Pages in flight whose judgment may teach a host's parameters, in the order they
    were let through; a later page with one of those parameters waits for them."""

    def __init__(self) -> None:
        # url -> (host, parameter names, judgment to come)
        self._pending: dict[str, tuple[str, frozenset[str], asyncio.Future[None]]] = {}

    async def pass_after_earlier(
        self, url: str, names: frozenset[str], timeout: float = JUDGE_TIMEOUT
    ) -> None:
        """Wait until the pages let through before, on the host of ``url``, with one of
        ``names``, are judged; then let ``url`` through."""
        host = host_label(url)
        earlier = [
            (other, future)
            for other, (other_host, other_names, future) in self._pending.items()
            if other != url and other_host == host and names & other_names
        ]
        if url not in self._pending:
            self._pending[url] = (host, names, asyncio.get_running_loop().create_future())
        for other, future in earlier:
            try:
                await asyncio.wait_for(asyncio.shield(future), timeout)
            except TimeoutError:  # its judgment never came (a redirect, say): go on
                self.judged(other)

    def judged(self, url: str) -> None:
        """The page of ``url`` is an alias, an article, or no article."""
        if (pending := self._pending.pop(url, None)) is not None and not pending[2].done():
            pending[2].set_result(None)


class AliasMiddleware:
    """Before a page is fetched: without its learned parameters, it is another URL,
    which is scheduled instead (Scrapy's duplicate filter drops it when that URL was
    already asked for); with undecided ones on a path already met, it waits its turn
    (see :class:`AliasGate`)."""

    def __init__(self, crawler: Crawler, learner: ParamLearner) -> None:
        self.crawler = crawler
        self.learner = learner

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        from crawler.session import CrawlSession
        from crawler.signals import request_finished

        learner = CrawlSession.of(crawler).aliases
        if learner is None:
            raise NotConfigured
        middleware = cls(crawler, learner)
        crawler.signals.connect(middleware.request_finished, signal=request_finished)
        return middleware

    async def process_request(self, request: Request) -> Request | None:
        if is_site_file(request):
            return None
        if (shorter := self._shorter(request)) is not None:
            return shorter
        host, path = host_label(request.url), urlsplit(request.url).path
        others = self.learner.paths.others(host, path, request.url)
        names = self.learner.undecided_names(request.url).union(
            *map(self.learner.undecided_names, others)
        )
        if names:
            # What the pages before it with these parameters teach may spare this fetch.
            await self.learner.gate.pass_after_earlier(request.url, names)
            self.learner.refresh_if_shared()
            if (shorter := self._shorter(request)) is not None:
                self.learner.gate.judged(request.url)
                return shorter
        if any(self.learner.normalise(url) == request.url for url in others):
            # An alias of a page already fetched under a query now known to mean nothing.
            self.learner.gate.judged(request.url)
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value(ALIASES_NOT_FETCHED)
            raise IgnoreRequest(f"alias of a page already fetched: {request.url}")
        self.learner.paths.add(host, path, request.url, queried=bool(names or others))
        return None

    def _shorter(self, request: Request) -> Request | None:
        url = self.learner.normalise(request.url)
        if url == request.url:
            return None
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(PARAMS_REMOVED)
        return request.replace(url=url)

    def request_finished(self, request: Request, page_url: str | None, **_: object) -> None:
        if page_url is None:  # no record comes of it (not a page, failed, 304...)
            self.learner.gate.judged(request.url)


def _pairs(query: str) -> set[tuple[str, str]]:
    return set(parse_qsl(query, keep_blank_values=True))
