"""Exit codes of the ``healthcorpus`` command, decided from the run manifest.

``scrapy crawl`` exits 0 even when the crawl failed, so cron jobs cannot rely on it;
these codes come from what the run actually wrote.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cleaning.dataset.manifest import RunManifest

OK = 0
PARTIAL = 1
USAGE = 2
FAILED = 3
LOCKED = 4
REDIS_UNAVAILABLE = 5

EPILOG = f"""\
exit codes:
  {OK}  success: records written or unchanged, no page failed
  {PARTIAL}  partial: some pages failed (see the manifest's errors), or the run was
     stopped by SIGTERM/Ctrl-C after closing its files (run it again to finish)
  {USAGE}  bad arguments: bad URL, missing input, unwritable output folder
  {FAILED}  failure: no article found (none new, none unchanged), or the run did not complete
     (clean --dask: also when the scheduler cannot be reached)
  {LOCKED}  another run is writing to the same output folder (nothing was done)
  {REDIS_UNAVAILABLE}  --redis: Redis did not answer for longer than
     HEALTHCORPUS_REDIS_OUTAGE_LIMIT (300 s); what was published is kept, run the same
     command again once Redis is back
"""


# The close reason of a worker that gave up waiting for Redis (crawler/distributed/outage.py).
REDIS_GONE_REASON = "redis_unavailable"

# Manifest statuses of a run that went to its end ("partial": some pages failed).
COMPLETED_STATUSES = frozenset({"finished", "partial"})
INTERRUPTED = "interrupted"


def exit_code_for(manifest: RunManifest) -> int:
    if manifest.status == INTERRUPTED:
        return PARTIAL
    if manifest.settings.get("close_reason") == REDIS_GONE_REASON:
        return REDIS_UNAVAILABLE
    articles_found = manifest.records_written + manifest.skipped.get("unchanged", 0)
    # One worker of a shared crawl may find nothing left to do: the crawl is not empty.
    shared = bool(manifest.settings.get("HEALTHCORPUS_FRONTIER"))
    if manifest.status not in COMPLETED_STATUSES or (articles_found == 0 and not shared):
        return FAILED
    if manifest.status == "partial" or sum(manifest.errors.values()) > 0:
        return PARTIAL
    return OK


def explain(code: int, manifest: RunManifest | None = None) -> str:
    """One line for the summary: what the exit code means for this run."""
    if manifest is not None and manifest.status == INTERRUPTED:
        return f"interrupted: files closed; run the same command again to finish (exit {code})"
    return {
        OK: "success (exit 0)",
        PARTIAL: "partial: some pages failed, see errors (exit 1)",
        FAILED: "failed: no article found or the run did not complete (exit 3)",
        REDIS_UNAVAILABLE: "stopped: Redis did not come back in time; run the same "
        "command again once it is back (exit 5)",
    }.get(code, f"exit {code}")
