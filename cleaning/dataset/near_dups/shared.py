"""The index of workers sharing a Redis frontier: in Redis, seeded from the folder once.

Each crawl generation of a frontier has its own index, which the first worker to
start fills from the folder's index files and parts (:func:`open_index`) while the
others wait; from then on every worker asks and adds to the same buckets, so a near
duplicate fetched by one worker names the root another one wrote.
"""

from __future__ import annotations

import logging
import os
import time
from typing import TYPE_CHECKING

from cleaning.dataset.near_dups.index import NearDupIndex
from cleaning.dataset.near_dups.lsh import RedisStore
from cleaning.dataset.near_dups.store import open_index

if TYPE_CHECKING:
    from redis import Redis

logger = logging.getLogger(__name__)

SEED_WAIT_SECONDS = 600.0  # a large folder takes a while to load
_SEEDING_TTL_SECONDS = 60  # a seeder that died lets another one take over


def open_shared_index(
    server: Redis, prefix: str, out_dir: str | os.PathLike[str], worker: str
) -> NearDupIndex:
    """The shared index under ``prefix`` (``healthcorpus:<frontier>:near_dups:<gen>:``
    is made of it), seeded from ``out_dir`` by exactly one worker."""
    store = RedisStore(server, prefix)
    index = NearDupIndex(store=store)
    seeded, seeding = store.prefix + "seeded", store.prefix + "seeding"
    deadline = time.monotonic() + SEED_WAIT_SECONDS
    while not server.exists(seeded):
        if server.set(seeding, worker, nx=True, ex=_SEEDING_TTL_SECONDS):
            open_index(out_dir, index)
            server.set(seeded, worker)
            server.delete(seeding)
            logger.info("Near-duplicate index of %s loaded into Redis", out_dir)
            break
        if time.monotonic() > deadline:
            raise TimeoutError(f"{out_dir}: another worker is still loading the index")
        time.sleep(0.1)
    return index
