"""Cleaning on a Dask distributed cluster: ``healthcorpus clean INPUT... --dask SCHEDULER``.

The records are those of ``--jobs 1``; only where the work runs changes. Which record is
written (duplicate, unchanged, alias) depends on every record before it, in input
order, so the work is done in two phases:

1. **stage** (on the workers, :func:`cleaning.cluster.tasks.stage_task`): each task (a
   chunk of page files, or one WARC file: :func:`cleaning.offline._tasks`) cleans its
   files, writes the records to a hidden staged file ``DIR/_state/staged/<run>-<task>.parquet``
   and returns a small summary per outcome (id, content hash, site, URL; skip or error
   reason), no record;
2. **decide** (in the client, :class:`cleaning.offline.RunDecisions`, the one filter
   of every clean run): the summaries are taken in task order, which gives each task
   the rows it keeps;
3. **publish** (on the workers, :func:`cleaning.cluster.tasks.publish_task`): each
   task's kept rows become ``DIR/part-<run>-<task>-<n>.parquet``, published whole, and
   its staged file is deleted. Run twice, it does nothing the second time.

A worker that dies costs a rerun of its tasks (Dask reschedules them; a staged file is
rewritten whole, a part published again is the same file). The client holds the
folder's lock and writes the run manifest, as for ``--jobs``.

This package imports dask only in :mod:`cleaning.cluster.client` and inside the worker
functions: the rest of the library works without it (``pip install 'healthcorpus[dask]'``).
"""

from __future__ import annotations


class ClusterError(Exception):
    """The cluster cannot do the run: its scheduler cannot be reached, no worker joined,
    a task failed on every worker it was given to, or the scheduler went away."""


class BadScheduler(ClusterError):
    """``--dask`` names neither a scheduler address nor an existing scheduler file."""


class NotShared(ClusterError):
    """A worker does not see the output folder or an input at the client's path."""
