"""From ``--redis URL [--frontier NAME]`` to the settings of a shared-frontier worker,
and from those settings to the worker's handle on the frontier."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from crawler.commands.common import CommandError, UsageError
from crawler.distributed.frontier import HEARTBEAT_TTL, Frontier, default_frontier_name

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

SCHEDULER = "crawler.distributed.scheduler.SharedFrontierScheduler"
REDIS_SCHEMES = ("redis", "rediss", "unix")
# A Redis cut off without a reset (a network fault) is noticed after this many seconds;
# scrapy-redis's own value (10 s made the shared alias gate's timing worse under load).
SOCKET_TIMEOUT = 30.0


def shared_frontier_settings(
    redis_url: str, frontier: str | None, start_urls: list[str]
) -> dict[str, str]:
    """Settings for one worker; checks that Redis answers before Scrapy starts."""
    if urlsplit(redis_url).scheme not in REDIS_SCHEMES:
        raise UsageError(
            f"--redis {redis_url!r}: expected redis://HOST:PORT/DB, rediss:// or unix://"
        )
    check_redis(redis_url)
    return {
        "SCHEDULER": SCHEDULER,
        "REDIS_URL": redis_url,
        "HEALTHCORPUS_FRONTIER": frontier or default_frontier_name(start_urls),
    }


def check_redis(redis_url: str) -> None:
    import redis

    from crawler.manifest import without_password

    shown = without_password(redis_url)
    try:
        client = redis.Redis.from_url(redis_url, socket_connect_timeout=5, socket_timeout=5)
        client.ping()
    except ValueError as exc:
        raise UsageError(f"--redis {shown}: {exc}") from None
    except redis.RedisError as exc:
        raise CommandError(f"--redis {shown}: cannot reach Redis: {exc}") from None


def open_frontier(crawler: Crawler, name: str) -> Frontier:
    """The worker's frontier, on a Redis client that waits out outages
    (:mod:`crawler.distributed.outage`) and closes the crawl when it gives up."""
    from crawler.closing import close_crawl
    from crawler.distributed.outage import CLOSE_REASON, OUTAGE_LIMIT, OutageRetry, connect
    from crawler.manifest import without_password
    from crawler.runid import run_id_for

    settings = crawler.settings
    url = settings.get("REDIS_URL") or "redis://localhost:6379/0"
    outage = OutageRetry(
        limit=settings.getfloat("HEALTHCORPUS_REDIS_OUTAGE_LIMIT", OUTAGE_LIMIT),
        describe=f"Redis at {without_password(url)}",
        closing=lambda: _closing(crawler),
    )
    outage.on_gave_up.append(lambda: close_crawl(crawler, CLOSE_REASON))
    return Frontier(
        connect(url, outage, socket_timeout=SOCKET_TIMEOUT, socket_connect_timeout=SOCKET_TIMEOUT),
        name,
        run_id_for(crawler),
        heartbeat_ttl=settings.getfloat("HEALTHCORPUS_HEARTBEAT_TTL", HEARTBEAT_TTL),
        outage=outage,
    )


def _closing(crawler: Crawler) -> bool:
    """Whether Scrapy's engine is stopping or closing the spider (Scrapy 2.19's own
    flags: no public API tells it)."""
    engine = crawler.engine
    if engine is None:
        return False
    slot = getattr(engine, "_slot", None)
    return bool(getattr(engine, "_stopping", False)) or (
        slot is not None and getattr(slot, "closing", None) is not None
    )
