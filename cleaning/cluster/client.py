"""The client side of a clean on a Dask cluster: connect, probe, stage, decide, publish.

:class:`ClusterSession` is opened by :func:`cleaning.offline.clean_paths` before the
folder's lock is taken (a scheduler that cannot be reached, or a worker that does not
see the folder, changes nothing), and its :meth:`ClusterSession.clean_into` does the
run while the lock is held. See :mod:`cleaning.cluster` for the two phases.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from cleaning.cluster import BadScheduler, ClusterError, NotShared
from cleaning.cluster.tasks import (
    EVENT_TOPIC,
    Signature,
    StageResult,
    probe,
    publish_task,
    stage_task,
    staged_path,
)
from cleaning.dataset.manifest import RunManifest, utc_now_iso
from cleaning.dataset.recovery import INTERRUPTED
from cleaning.extractor.profiles import Profiles
from cleaning.offline import RunDecisions, _tasks

logger = logging.getLogger(__name__)

ADDRESS_SCHEMES = ("tcp://", "tls://", "ucx://", "inproc://", "ws://", "wss://")
WORKER_TIMEOUT = 60.0  # seconds to wait for a first worker to join
# After Ctrl-C, how long the publish tasks already running may take to finish: a part
# a worker publishes after the manifest is written would not be counted in it.
PUBLISH_GRACE = 60.0


def describe_scheduler(scheduler: str) -> str:
    """The scheduler as named in errors: its address, or its scheduler file."""
    return scheduler if scheduler.startswith(ADDRESS_SCHEMES) else f"scheduler file {scheduler}"


class ClusterSession:
    """A connection to a Dask scheduler whose workers see ``out_dir`` and ``inputs``.

    ``scheduler`` is an address (``tcp://host:8786``) or the path of a scheduler file
    (``dask scheduler --scheduler-file FILE``). ``signature``, if given, is computed on
    the worker for every record and travels in its summary
    (:attr:`cleaning.cluster.tasks.RecordKey.signature`). ``connect_timeout``: seconds
    to reach the scheduler; ``worker_timeout``: to wait for a first worker.
    """

    def __init__(
        self,
        scheduler: str,
        out_dir: str | os.PathLike[str],
        inputs: list[str],
        *,
        signature: Signature | None = None,
        connect_timeout: float | None = None,
        worker_timeout: float = WORKER_TIMEOUT,
    ) -> None:
        if not scheduler.startswith(ADDRESS_SCHEMES) and not Path(scheduler).is_file():
            raise BadScheduler(
                f"--dask {scheduler}: expected a scheduler address (tcp://HOST:8786) "
                "or an existing scheduler file"
            )
        self.scheduler = scheduler
        self.out_dir = str(Path(out_dir).absolute())
        self.inputs = [str(Path(i).absolute()) for i in inputs]
        self.signature = signature
        self.connect_timeout = connect_timeout
        self.worker_timeout = worker_timeout
        self.workers_seen: set[str] = set()
        self._client: Any = None

    def __enter__(self) -> ClusterSession:
        self._client = self._connect()
        try:
            self._probe()
        except BaseException:
            self._close()
            raise
        return self

    def __exit__(self, *_: object) -> None:
        self._close()

    def _connect(self) -> Any:
        try:
            from distributed import Client
        except ImportError:
            raise ClusterError(
                "--dask needs dask[distributed]: pip install 'healthcorpus[dask]'"
            ) from None
        shown = describe_scheduler(self.scheduler)
        # By default Dask's own ``distributed.comm.timeouts.connect`` (30 s; the
        # DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT variable sets it).
        kwargs: dict[str, Any] = {"set_as_default": False}
        if self.connect_timeout is not None:
            kwargs["timeout"] = self.connect_timeout
        try:
            if self.scheduler.startswith(ADDRESS_SCHEMES):
                return Client(self.scheduler, **kwargs)
            return Client(scheduler_file=self.scheduler, **kwargs)
        except (OSError, ValueError, TypeError, KeyError) as exc:
            raise ClusterError(f"--dask {shown}: cannot reach the scheduler: {exc}") from None

    def _probe(self) -> None:
        """Every worker sees the very output folder and every input, at our paths."""
        client = self._client
        try:
            client.wait_for_workers(1, timeout=self.worker_timeout)
        except TimeoutError:
            raise ClusterError(
                f"--dask {describe_scheduler(self.scheduler)}: no worker joined the "
                f"scheduler in {self.worker_timeout:.0f} s"
            ) from None
        token = f".healthcorpus-probe-{secrets.token_hex(6)}"
        marker = Path(self.out_dir) / token
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
        try:
            answers = client.run(probe, self.out_dir, token, self.inputs)
        finally:
            marker.unlink(missing_ok=True)
        for worker, answer in sorted(answers.items()):
            self.workers_seen.add(worker)
            if answer["missing"] is not None:
                raise NotShared(
                    f"{answer['missing']}: worker {worker} does not see it "
                    f"({answer['reason']}); the output folder and the inputs must be "
                    "on a filesystem every worker mounts at the same path"
                )

    def _close(self) -> None:
        if self._client is not None:
            with contextlib.suppress(Exception):
                self._client.close(timeout=10)
            self._client = None

    def clean_into(
        self,
        manifest: RunManifest,
        files: list[Path],
        fmt: str,
        profiles: Profiles | None,
        on_problem: Callable[[str], None] | None,
    ) -> None:
        """The run itself, the lock held: stage every task, decide in task order,
        publish each task as soon as it is decided. Ctrl-C publishes nothing more and
        marks the run interrupted; any other failure marks it failed."""
        client = self._client
        run_id = manifest.run_id

        def _key(phase: str, index: int) -> dict[str, Any]:
            # Named, not hashed: a task is never taken for another run's or phase's.
            return {"key": f"healthcorpus-{phase}-{run_id}-{index:05d}", "pure": False}

        # Workers have their own working folder: they get absolute paths, and what
        # they report is put back under the name the user gave.
        given = {str(path.absolute()): str(path) for path in files}
        threads = max(1, sum(client.nthreads().values()))
        tasks = _tasks([Path(p) for p in given], fmt, run_id, threads, profiles)
        manifest.settings["dask"] = {
            "scheduler": self.scheduler,
            "workers": sorted(self.workers_seen),
            "threads": threads,
            "tasks": len(tasks),
            "tasks_retried": 0,
        }
        decisions = RunDecisions(manifest, self.out_dir, on_problem)
        staging: list[Any] = []
        publishing: list[tuple[int, Any]] = []
        parts: list[str] = []
        records = 0
        try:
            for i, task in enumerate(tasks):
                staging.append(
                    client.submit(
                        stage_task, task, self.out_dir, i, self.signature, **_key("stage", i)
                    )
                )
            for i in range(len(staging)):
                result: StageResult = self._result(staging[i], i)
                staging[i] = None  # forgotten by the scheduler: never recomputed now
                self.workers_seen.add(result.worker)
                keep: list[int] = []
                near_dup_of: list[str | None] = []
                for outcome in result.outcomes:
                    outcome.path = given.get(outcome.path, outcome.path)
                    if decisions.admit(outcome):
                        key = outcome.record
                        keep.append(key.row)  # type: ignore[union-attr]
                        near_dup_of.append(key.near_dup_of)  # type: ignore[union-attr]
                records += len(keep)
                if result.rows:  # a staged file to publish or delete
                    # Values decided here, in input order, for the kept rows.
                    columns: dict[str, list[Any]] | None = None
                    if any(near_dup_of):
                        columns = {"near_dup_of": near_dup_of}
                    args = (publish_task, self.out_dir, run_id, i, keep, columns)
                    # Before the stage tasks still queued: staged files do not pile up.
                    future = client.submit(*args, **_key("publish", i), priority=1)
                    publishing.append((i, future))
            for j, (i, future) in enumerate(publishing):
                names, worker = self._result(future, i)
                publishing[j] = (i, None)
                self.workers_seen.add(worker)
                parts += names
        except KeyboardInterrupt:
            manifest.status = INTERRUPTED
            self._stop(staging, publishing, run_id)
            parts, records = self._published(run_id)
        except BaseException:
            with contextlib.suppress(BaseException):
                self._stop(staging, publishing, run_id)
            manifest.status = "failed"
            manifest.files, manifest.records_written = self._published(run_id)
            manifest.finished_at = utc_now_iso()
            self._note_cluster(manifest, run_id)
            manifest.write(self.out_dir)
            raise
        manifest.records_written = records
        manifest.files = sorted(parts)
        if manifest.status != INTERRUPTED:
            # After an interruption the index would name rows never published: the
            # next run signs this run's parts again instead (near_dups.store).
            decisions.save_near_dups(manifest.files)
            manifest.status = "finished" if not manifest.errors else "partial"
        manifest.finished_at = utc_now_iso()
        self._note_cluster(manifest, run_id)
        manifest.write(self.out_dir)

    def _result(self, future: Any, index: int) -> Any:
        """A task's result; a task Dask gave up on is one line, not a remote traceback."""
        from distributed import KilledWorker

        try:
            return future.result()
        except KilledWorker as exc:
            raise ClusterError(
                f"task {index}: its worker died {self._allowed_failures() + 1} times "
                f"running it, Dask gave up ({exc})"
            ) from None
        except (KeyboardInterrupt, ClusterError):
            raise
        except Exception as exc:
            detail = " ".join(str(exc).split())[:300]
            raise ClusterError(
                f"task {index} failed on a worker: {type(exc).__name__}: {detail}"
            ) from None

    def _allowed_failures(self) -> int:
        import dask

        return int(dask.config.get("distributed.scheduler.allowed-failures", 3))

    def _stop(self, staging: list[Any], publishing: list[tuple[int, Any]], run_id: str) -> None:
        """Nothing more starts; the publish tasks already running finish (so that the
        manifest counts their parts); this run's staged files go."""
        from distributed import wait

        client = self._client
        pending = [f for f in staging if f is not None]
        if pending:
            client.cancel(pending)
        running = [f for _i, f in publishing if f is not None]
        if running:
            with contextlib.suppress(Exception):
                wait(running, timeout=PUBLISH_GRACE)
        # A stage task still running on a worker may write its file after this; the
        # next run's recovery removes it.
        folder = staged_path(self.out_dir, run_id, 0).parent
        for path in folder.glob(f"{run_id}-*.parquet"):
            path.unlink(missing_ok=True)

    def _published(self, run_id: str) -> tuple[list[str], int]:
        """The parts of this run in the folder and their rows, as recovery counts them."""
        parts = sorted(Path(self.out_dir).glob(f"part-{run_id}-*.parquet"))
        rows = 0
        for part in parts:
            with contextlib.suppress(Exception):
                rows += pq.read_metadata(part).num_rows
        return [p.name for p in parts], rows

    def _note_cluster(self, manifest: RunManifest, run_id: str) -> None:
        """Workers seen and tasks rerun, in the manifest's ``settings.dask``."""
        settings = manifest.settings["dask"]
        settings["workers"] = sorted(self.workers_seen)
        with contextlib.suppress(Exception):
            starts: dict[tuple[str, int], int] = {}
            for _time, event in self._client.get_events(EVENT_TOPIC.format(run_id=run_id)):
                key = (event["phase"], event["task"])
                starts[key] = starts.get(key, 0) + 1
            settings["tasks_retried"] = sum(1 for n in starts.values() if n > 1)
