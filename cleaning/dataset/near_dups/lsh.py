"""Where the index's buckets and roots live: in this process, or in Redis for workers
that share a crawl.

Both hold the same three things: datasketch's MinHash LSH (which ids may be near
duplicates of a signature), each id's signature (to check a candidate), and each id's
cluster root with the order it was admitted in (to name the earliest record).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from typing import TYPE_CHECKING, Protocol

import numpy as np
from datasketch import MinHashLSH

from cleaning.dataset.near_dups.minhash import NUM_PERM, SCHEME

if TYPE_CHECKING:
    from redis import Redis

# LSH bands tuned to find candidates well below the threshold that decides (see
# cleaning.dataset.near_dups.index.THRESHOLD): a pair is only then compared on its
# whole signature, so a low band threshold costs a few comparisons, not precision.
CANDIDATE_THRESHOLD = 0.5
# The shared index's admission lock: held for one query and one add (milliseconds).
LOCK_SECONDS = 10.0
LOCK_WAIT = 60.0  # then redis.exceptions.LockError: the crawl's Redis errors apply


class Sketch:
    """A signature as datasketch's LSH reads a MinHash (its values, length and scheme),
    without building a MinHash per call: that costs more than the LSH itself."""

    __slots__ = ("hashvalues",)
    scheme = SCHEME

    def __init__(self, values: np.ndarray) -> None:
        self.hashvalues = values

    def __len__(self) -> int:
        return len(self.hashvalues)


class Entry(tuple):
    """(order, root): when an id was admitted, and the root of its cluster."""

    __slots__ = ()

    @property
    def order(self) -> int:
        return self[0]

    @property
    def root(self) -> str:
        return self[1]


class IndexStore(Protocol):
    def candidates(self, values: np.ndarray) -> list[str]: ...
    def signature_of(self, ids: list[str]) -> list[np.ndarray | None]: ...
    def entries(self, ids: list[str]) -> list[Entry | None]: ...
    def add(self, record_id: str, values: np.ndarray, root: str | None) -> Entry: ...
    def exclusive(self) -> AbstractContextManager[object]: ...
    def __len__(self) -> int: ...


class MemoryStore:
    """The index of one process (a run alone on its folder)."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
        self._signatures: dict[str, np.ndarray] = {}
        self._entries: dict[str, Entry] = {}

    def candidates(self, values: np.ndarray) -> list[str]:
        return list(self._lsh.query(Sketch(values)))

    def signature_of(self, ids: list[str]) -> list[np.ndarray | None]:
        return [self._signatures.get(i) for i in ids]

    def entries(self, ids: list[str]) -> list[Entry | None]:
        return [self._entries.get(i) for i in ids]

    def add(self, record_id: str, values: np.ndarray, root: str | None) -> Entry:
        """Admit a new id (its root: itself when None)."""
        entry = Entry((len(self._entries), root or record_id))
        self._entries[record_id] = entry
        self._signatures[record_id] = values
        self._lsh.insert(record_id, Sketch(values), check_duplication=False)
        return entry

    def exclusive(self) -> AbstractContextManager[object]:
        """One process, one thread: nothing to exclude."""
        return nullcontext()

    def __len__(self) -> int:
        return len(self._entries)


class RedisStore:
    """The index shared by the workers of one Redis frontier.

    The LSH is datasketch's own Redis storage; signatures and roots are two hashes
    beside it, and the admission order a counter, all under ``prefix``.
    An admission (query, then add) holds a Redis lock (:meth:`exclusive`): two
    workers admitting copies of one article at the same instant would otherwise both
    find nothing and both become roots, which a crawl that links the copies side by
    side does all the time.
    """

    def __init__(self, server: Redis, prefix: str) -> None:
        self.server = server
        self.prefix = prefix
        kwargs = server.connection_pool.connection_kwargs
        config = {
            "type": "redis",
            "basename": self.prefix.encode() + b"lsh",
            "redis": {
                key: kwargs[key]
                # retry: the client's outage policy (crawler/distributed/outage.py) too
                for key in ("host", "port", "db", "password", "retry", "retry_on_error")
                if key in kwargs
            },
        }
        self._lsh = MinHashLSH(
            threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM, storage_config=config
        )

    def candidates(self, values: np.ndarray) -> list[str]:
        return [_text(key) for key in self._lsh.query(Sketch(values))]

    def signature_of(self, ids: list[str]) -> list[np.ndarray | None]:
        if not ids:
            return []
        raw = self.server.hmget(self.prefix + "signatures", ids)
        return [np.frombuffer(value, dtype=np.uint32) if value else None for value in raw]

    def entries(self, ids: list[str]) -> list[Entry | None]:
        if not ids:
            return []
        raw = self.server.hmget(self.prefix + "roots", ids)
        return [_entry(value) if value else None for value in raw]

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """redis-py's lock, under ``prefix``. It expires after :data:`LOCK_SECONDS`,
        so a worker killed while holding it delays the others that long, no more."""
        lock = self.server.lock(
            self.prefix + "admitting", timeout=LOCK_SECONDS, blocking_timeout=LOCK_WAIT
        )
        from redis.exceptions import LockError, LockNotOwnedError

        if not lock.acquire():
            raise LockError("Unable to acquire lock within the time specified")
        try:
            yield
        finally:
            # Expired, or lost with a Redis that restarted empty: the admission is done.
            with suppress(LockNotOwnedError):
                lock.release()

    def add(self, record_id: str, values: np.ndarray, root: str | None) -> Entry:
        order = int(self.server.incr(self.prefix + "order"))
        entry = Entry((order, root or record_id))
        # HSETNX: a second worker admitting the same id keeps the first one's entry.
        if not self.server.hsetnx(self.prefix + "roots", record_id, f"{order} {entry.root}"):
            return self.entries([record_id])[0] or entry
        self.server.hset(self.prefix + "signatures", record_id, values.astype(np.uint32).tobytes())
        self._lsh.insert(record_id, Sketch(values), check_duplication=False)
        return entry

    def __len__(self) -> int:
        return int(self.server.hlen(self.prefix + "roots"))


def _text(value: str | bytes) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _entry(raw: bytes | str) -> Entry:
    order, root = _text(raw).split(" ", 1)
    return Entry((int(order), root))
