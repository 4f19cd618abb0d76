"""From ``--redis URL [--frontier NAME]`` to the settings of a shared-frontier worker."""

from __future__ import annotations

from urllib.parse import urlsplit

from crawler.commands.common import CommandError, UsageError
from crawler.distributed.frontier import default_frontier_name

SCHEDULER = "crawler.distributed.scheduler.SharedFrontierScheduler"
REDIS_SCHEMES = ("redis", "rediss", "unix")


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
