"""One archived page -> its row of the crawl state, as the crawl would have stored it.

The crawl stores a page after its record is published (:mod:`crawler.session`):
``article`` when the cleaner made a record of it (written, or unchanged, or a
duplicate of a written one), ``alias`` when its text is another article's, else the
cleaner's skip reason; its links as the spider kept them (:func:`crawler.links.page_links`,
then the crawl's scope). A page whose record never reached the dataset (the run was
killed between publishing the segment and the part, or the write failed) was never
stored, and is not stored now: the next crawl fetches it in full and writes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from cleaning.dataset.dedup import HeldRows
from cleaning.dataset.schema import Record
from cleaning.dataset.warc import WarcPage
from crawler.clean_worker import page_response, process_page, use_profiles
from crawler.links import page_links
from crawler.scope import SiteScope, host_key
from crawler.state import ALIAS, ARTICLE, KnownPage
from crawler.state_rebuild.held import DatasetRows

CRAWL_ID = "repair"  # the records made here are compared, never written


@dataclass(frozen=True, slots=True)
class Judged:
    """The page's state row (None: not stored), and the id of the article it holds."""

    page: KnownPage | None
    article_id: str | None = None
    recleaned: bool = False


class PageJudge:
    """Decides the state row of each archived page against what the dataset holds."""

    def __init__(self, rows: DatasetRows, scope: SiteScope, profile_path: str | None) -> None:
        self.rows = rows
        self.scope = scope
        use_profiles(profile_path)  # the crawl's own site profiles, for the cleaner

    def judge(self, page: WarcPage) -> Judged:
        row_id = self.rows.written_from(page.url, page.fetched_at)
        if row_id is not None:  # this very fetch made a row: no need to clean it again
            response = page_response(page.url, page.http_status, page.headers, page.body)
            return Judged(self._known(page, ARTICLE, page_links(response)), row_id)
        done = process_page(
            page.url,
            page.http_status,
            page.headers,
            page.body,
            page.fetched_at or datetime.now(UTC),
            page.declared_encoding,
            CRAWL_ID,
            None,  # no WARC record: it is archived already
        )
        if done.result is None:  # the cleaner failed: the crawl stored nothing either
            return Judged(None, recleaned=True)
        record = done.result.record
        if record is None:
            outcome = done.result.skip_reason or "unknown"
            return Judged(self._known(page, outcome, done.links), recleaned=True)
        held = self.rows.held
        if (record.id, record.content_hash) in held.versions:
            return Judged(self._known(page, ARTICLE, done.links), record.id, recleaned=True)
        if record.id in self.rows.ids:
            # An older version is held, not this one: without validators, the next
            # crawl fetches it in full and writes the new version.
            known = self._known(page, ARTICLE, done.links, validators=False)
            return Judged(known, record.id, recleaned=True)
        if _is_alias(held, record):
            return Judged(self._known(page, ALIAS, done.links), recleaned=True)
        return Judged(None, recleaned=True)

    def _known(
        self, page: WarcPage, outcome: str, links: list[str], *, validators: bool = True
    ) -> KnownPage:
        own_host = host_key(page.url)
        kept = [url for url in links if self.scope.contains(url) or host_key(url) == own_host]
        return KnownPage(
            url=page.url,
            etag=_header(page, "ETag") if validators else None,
            last_modified=_header(page, "Last-Modified") if validators else None,
            outcome=outcome,
            links=tuple(kept),
            checked_at=page.fetched_at.timestamp() if page.fetched_at is not None else 0.0,
        )


def _is_alias(held: HeldRows, record: Record) -> bool:
    """Another article of the site holds this very text (the rule of
    :class:`cleaning.dataset.dedup.VersionFilter`, against the rows held)."""
    if not record.site or not record.text.strip():
        return False
    holder = held.texts.get((record.site, record.content_hash))
    return holder is not None and holder[0] != record.id


def _header(page: WarcPage, name: str) -> str | None:
    wanted = name.lower()
    return next((value for key, value in page.headers if key.lower() == wanted), None)
