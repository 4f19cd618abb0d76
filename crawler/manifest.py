"""The crawl's side of the run manifest: from Scrapy's stats and settings to RunManifest."""

from __future__ import annotations

import json
import os
import socket
from collections import Counter
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import scrapy

from cleaning.dataset.manifest import MAX_PROBLEMS, RunManifest
from crawler.aliases import ALIASES_NOT_FETCHED, PARAMS_REMOVED
from crawler.discovery.sitemaps import STATS_PREFIX as DISCOVERY_PREFIX
from crawler.stats_keys import (
    ARTICLES_UNLISTED,
    CRAWL_DELAY_PREFIX,
    ERRORS_PREFIX,
    PAGES_FETCHED,
    PAGES_NOT_MODIFIED,
    PAGES_RESUMED,
    PAGES_UNCHANGED_BY_LASTMOD,
    PROBLEMS,
    SKIPPED_PREFIX,
    counts_with_prefix,
)

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.settings import BaseSettings

# Close reasons of a crawl that ran to its end or to a limit the user set.
COMPLETE_CLOSE_REASONS = frozenset(
    {
        "finished",
        "max_pages",
        "closespider_pagecount",
        "closespider_itemcount",
        "closespider_timeout",
    }
)

# Close reasons of a crawl stopped from outside (SIGTERM, Ctrl-C): it closed its files
# and can be resumed by running the same command again.
INTERRUPTED_CLOSE_REASONS = frozenset({"shutdown"})

# Settings that change what a crawl fetches or how politely, kept in the manifest.
SNAPSHOT_SETTINGS = (
    "USER_AGENT",
    "ROBOTSTXT_OBEY",
    "AUTOTHROTTLE_ENABLED",
    "AUTOTHROTTLE_START_DELAY",
    "AUTOTHROTTLE_MAX_DELAY",
    "AUTOTHROTTLE_TARGET_CONCURRENCY",
    "DOWNLOAD_DELAY",
    "CONCURRENT_REQUESTS",
    "CONCURRENT_REQUESTS_PER_DOMAIN",
    "DOWNLOAD_MAXSIZE",
    "DOWNLOAD_TIMEOUT",
    "RETRY_ENABLED",
    "RETRY_TIMES",
    "HEALTHCORPUS_OUT",
    "HEALTHCORPUS_MAX_PAGES",
    "HEALTHCORPUS_PROFILE",
    "HEALTHCORPUS_INCREMENTAL",
    "HEALTHCORPUS_ARCHIVE",
    "HEALTHCORPUS_OBEY_CRAWL_DELAY",
    "HEALTHCORPUS_SUBDOMAINS",
    "HEALTHCORPUS_FRONTIER",
    "HEALTHCORPUS_SITEMAPS",
    "HEALTHCORPUS_RECHECK_DAYS",
)


def _json_safe(value: Any) -> Any:
    try:
        json.dumps(value)
    except TypeError:
        return str(value)
    return value


def without_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)[-1]
    user = f"{parts.username}:***@" if parts.username else ":***@"
    return parts._replace(netloc=user + netloc).geturl()


def settings_snapshot(settings: BaseSettings, spider: Spider | None) -> dict[str, Any]:
    snapshot = {name: _json_safe(settings.get(name)) for name in SNAPSHOT_SETTINGS}
    snapshot["scrapy_version"] = scrapy.__version__
    # Which worker wrote this run (several may share one folder through Redis).
    snapshot["worker"] = {"host": socket.gethostname(), "pid": os.getpid()}
    if redis_url := settings.get("REDIS_URL"):
        snapshot["REDIS_URL"] = without_password(str(redis_url))
    if spider is not None:
        snapshot["spider"] = spider.name
        snapshot["start_urls"] = list(getattr(spider, "start_urls", []))
    return snapshot


def skipped_from_stats(stats: dict[str, Any]) -> Counter[str]:
    skipped = Counter(counts_with_prefix(stats, SKIPPED_PREFIX))
    if forbidden := stats.get("robotstxt/forbidden"):
        skipped["robots_txt"] += int(forbidden)
    return skipped


def errors_from_stats(stats: dict[str, Any]) -> Counter[str]:
    errors = Counter(counts_with_prefix(stats, ERRORS_PREFIX))
    # Exceptions raised by spider callbacks (Scrapy logs each with its traceback).
    for name, count in counts_with_prefix(stats, "spider_exceptions/").items():
        if name != "count":
            errors[f"spider/{name}"] += count
    return errors


def discovery_from_stats(stats: dict[str, Any]) -> dict[str, Any]:
    """``{"sitemap": {"files": 3, "urls_found": 120, "urls_in_scope": 118,
    "refused": {"out_of_scope": 2}}, "feed": {...}, "articles_unlisted": 2,
    "alias_urls": {"params_removed": 5, "not_fetched": 1}}`` (empty parts left out)."""
    found: dict[str, Any] = {}
    for key, count in sorted(counts_with_prefix(stats, DISCOVERY_PREFIX).items()):
        kind, _, name = key.partition("/")
        section = found.setdefault(kind, {"files": 0, "urls_found": 0, "urls_in_scope": 0})
        if name.startswith("refused/"):
            section.setdefault("refused", {})[name.removeprefix("refused/")] = count
        else:
            section[name] = count
    if unlisted := stats.get(ARTICLES_UNLISTED):
        found["articles_unlisted"] = int(unlisted)
    aliases = {
        name: int(count)
        for name, key in (("params_removed", PARAMS_REMOVED), ("not_fetched", ALIASES_NOT_FETCHED))
        if (count := stats.get(key))
    }
    if aliases:
        found["alias_urls"] = aliases
    return found


def fill_from_crawl(
    manifest: RunManifest,
    *,
    stats: dict[str, Any],
    settings: BaseSettings,
    spider: Spider | None,
    close_reason: str,
) -> None:
    """Counts, settings and status of a finished crawl, into ``manifest``."""
    manifest.pages_fetched = int(stats.get(PAGES_FETCHED, 0))
    manifest.pages_not_modified = int(stats.get(PAGES_NOT_MODIFIED, 0))
    manifest.pages_resumed = int(stats.get(PAGES_RESUMED, 0))
    manifest.pages_unchanged_by_lastmod = int(stats.get(PAGES_UNCHANGED_BY_LASTMOD, 0))
    manifest.discovery = discovery_from_stats(stats)
    manifest.skipped.update(skipped_from_stats(stats))
    manifest.errors.update(errors_from_stats(stats))
    for problem in stats.get(PROBLEMS) or []:
        if len(manifest.problems) < MAX_PROBLEMS:
            manifest.problems.append(dict(problem))
    manifest.settings.update(settings_snapshot(settings, spider))
    manifest.settings["close_reason"] = close_reason
    if delays := {
        k[len(CRAWL_DELAY_PREFIX) :]: v
        for k, v in stats.items()
        if k.startswith(CRAWL_DELAY_PREFIX)
    }:
        manifest.settings["crawl_delay"] = delays
    if close_reason in INTERRUPTED_CLOSE_REASONS and manifest.status == "running":
        manifest.status = "interrupted"
    elif close_reason not in COMPLETE_CLOSE_REASONS:
        manifest.error(f"closed/{close_reason}")
        manifest.status = "failed"
    elif manifest.status == "running":
        # The statuses `cleaning.offline.clean_paths` uses too.
        manifest.status = "partial" if manifest.errors else "finished"
