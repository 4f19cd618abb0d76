"""Rebuilding a damaged crawl state (``DIR/_state/pages.sqlite``) from what the folder
holds: the WARC archive of the pages and the Parquet parts of the articles.

A damaged state would otherwise cost a full fetch of the whole site. The archive and
the parts hold the truth the state only summarises: each archived page gives its
validators for a conditional GET (the newest response's ETag and Last-Modified), its
outcome (an article of the dataset, an alias, or the cleaner's skip reason, by
cleaning the archived body again when no row was written from it) and its links; an
article of the parts whose page is not archived (``--no-archive``) is stored as an
article without validators, so it is not written twice. ``checked_at`` is the
response's WARC-Date. What the crawl learned beside the pages (query parameters that
name the same article, hosts whose sitemap dates proved wrong, articles that left
their sitemaps) is not in the folder: the next crawls learn it again.

Built in a hidden folder under ``_state/``, then put in place by
:func:`crawler.state_rebuild.swap.replace_state`, the old file kept beside it.
"""

from __future__ import annotations

import secrets
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from cleaning.dataset.lock import STATE_DIR
from cleaning.dataset.manifest import WARC_DIR
from cleaning.extractor.profiles import ProfileError
from crawler.scope import host_key
from crawler.state import ARTICLE, STATE_FILE, KnownPage, PageState
from crawler.state_rebuild.archive import ArchiveScan, newest_responses, segment_paths
from crawler.state_rebuild.held import crawl_settings, dataset_rows
from crawler.state_rebuild.pages import PageJudge
from crawler.state_rebuild.swap import SIDE_FILES, replace_state

WORK_PREFIX = ".rebuild-"  # the hidden folder a rebuild is written in
_BATCH = 1000  # pages per transaction


class RebuildFailed(RuntimeError):
    """The rebuilt state could not be finished; the old one is untouched."""


@dataclass(slots=True)
class RebuildReport:
    """What the rebuilt state holds, and where it came from."""

    outcomes: Counter[str] = field(default_factory=Counter)  # pages by outcome
    validators: int = 0  # pages with an ETag or a Last-Modified
    archived: int = 0  # pages taken from the archive
    recleaned: int = 0  # of those, cleaned again to decide their outcome
    not_archived: int = 0  # articles of the parts with no archived page
    left_out: int = 0  # archived pages whose record is not in the dataset
    scan: ArchiveScan = field(default_factory=ArchiveScan)
    unreadable_parts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    kept: Path | None = None  # where the old state went

    @property
    def pages(self) -> int:
        return sum(self.outcomes.values())

    def add(self, page: KnownPage) -> KnownPage:
        self.outcomes[page.outcome] += 1
        self.validators += bool(page.etag or page.last_modified)
        return page


def rebuild_state(folder: Path, *, label: str) -> RebuildReport:
    """Rebuild ``folder``'s crawl state and put it in place, the old state kept as
    ``pages.sqlite.<label>-<UTC time>``. The caller holds the folder's lock."""
    state_dir = folder / STATE_DIR
    for leftover in state_dir.glob(f"{WORK_PREFIX}*"):  # of a repair that was killed
        shutil.rmtree(leftover, ignore_errors=True)
    work = state_dir / f"{WORK_PREFIX}{secrets.token_hex(4)}"
    try:
        report = _build(folder, work)
        if any((work / (STATE_FILE + suffix)).exists() for suffix in SIDE_FILES):
            # SQLite could not fold its log into the file (a full disk): not whole.
            raise RebuildFailed(f"{work / STATE_FILE}: the rebuilt state was not closed whole")
        report.kept = replace_state(state_dir, work / STATE_FILE, label=label)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report


def _build(folder: Path, work: Path) -> RebuildReport:
    report = RebuildReport()
    rows = dataset_rows(folder)
    report.unreadable_parts = rows.unreadable
    settings = crawl_settings(folder)
    try:
        judge = PageJudge(rows, settings.scope(), settings.profile)
    except ProfileError as exc:
        report.notes.append(f"{exc}: pages cleaned again without the site profile")
        judge = PageJudge(rows, settings.scope(), None)
    state = PageState(work)
    try:
        batch: list[KnownPage] = []
        archived: set[str] = set()
        articles: set[str] = set()  # ids of the articles the archived pages hold
        for page in newest_responses(segment_paths(folder / WARC_DIR), report.scan):
            archived.add(page.url)
            judged = judge.judge(page)
            report.recleaned += judged.recleaned
            if judged.article_id is not None:
                articles.add(judged.article_id)
            if judged.page is None:
                report.left_out += 1
                continue
            report.archived += 1
            batch.append(report.add(judged.page))
            if len(batch) >= _BATCH:
                state.put_many(batch)
                batch.clear()
        for held in rows.latest.values():
            if held.url in archived or held.id in articles or host_key(held.url) is None:
                continue  # archived, or a local file of `healthcorpus clean`
            report.not_archived += 1
            batch.append(report.add(KnownPage(held.url, None, None, ARTICLE, (), held.fetched_at)))
        state.put_many(batch)
    finally:
        state.close()
    return report
