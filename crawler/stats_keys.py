"""Names of the crawl's own counters in Scrapy's stats, read back into the run manifest.

Every page that does not become a record is counted under a reason: ``skipped`` for
expected outcomes (not an article, not HTML, gone), ``errors`` for failures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cleaning.dataset.manifest import MAX_PROBLEMS

if TYPE_CHECKING:
    from scrapy.statscollectors import StatsCollector

PAGES_FETCHED = "healthcorpus/pages_fetched"
RECORDS_WRITTEN = "healthcorpus/records_written"
# Known pages answered 304 Not Modified to a conditional GET (part of pages_fetched).
PAGES_NOT_MODIFIED = "healthcorpus/pages_not_modified"
# Known pages not asked again: checked by an earlier run that was stopped before its end.
PAGES_RESUMED = "healthcorpus/pages_resumed"
# Known pages not asked again: their sitemap <lastmod> is not newer than our last check.
PAGES_UNCHANGED_BY_LASTMOD = "healthcorpus/pages_unchanged_by_lastmod"
# Known articles of hosts with a sitemap that no longer lists them.
ARTICLES_UNLISTED = "healthcorpus/articles_unlisted"
# Crawl-delay of robots.txt applied to a host, in seconds ("<prefix><host>").
CRAWL_DELAY_PREFIX = "healthcorpus/crawl_delay/"
SKIPPED_PREFIX = "healthcorpus/skipped/"
ERRORS_PREFIX = "healthcorpus/errors/"
PROBLEMS = "healthcorpus/problems"


def count_skipped(stats: StatsCollector, reason: str) -> None:
    stats.inc_value(SKIPPED_PREFIX + reason)


def count_error(
    stats: StatsCollector, reason: str, *, source: str | None = None, detail: str | None = None
) -> None:
    """Count a failure; with ``source`` (the URL), also list it among the problems,
    as :meth:`cleaning.dataset.manifest.RunManifest.error` does."""
    stats.inc_value(ERRORS_PREFIX + reason)
    if source is not None:
        record_problem(stats, source, detail or reason)


def record_problem(stats: StatsCollector, source: str, reason: str) -> None:
    """Remember which page failed and why (the manifest keeps the first few)."""
    problems = stats.get_value(PROBLEMS)
    if problems is None:
        problems = []
        stats.set_value(PROBLEMS, problems)
    if len(problems) < MAX_PROBLEMS:
        problems.append({"source": source, "reason": reason})


def counts_with_prefix(stats: dict[str, object], prefix: str) -> dict[str, int]:
    """``{"healthcorpus/skipped/not_html": 2}`` -> ``{"not_html": 2}`` for one prefix."""
    return {
        key[len(prefix) :]: int(value)  # type: ignore[call-overload]
        for key, value in stats.items()
        if key.startswith(prefix) and isinstance(value, int)
    }
