"""The work on each fetched page, done in a page worker (crawler/page_workers.py).

The worker reads the page's links, builds its WARC record (gzip, digests) and cleans
it, and all three go back together (``ProcessedPage``). Without workers the crawl's
own process cleans pages with ``clean_page``. Only worker processes, and a crawl that
cleans in its own process, import this module and the cleaner behind it.
"""

from __future__ import annotations

import signal
import traceback
from datetime import datetime

from scrapy.http import Headers, HtmlResponse

from cleaning import CleanResult, clean_html
from cleaning.dataset.warc import response_member
from cleaning.extractor.pipeline import ParsedPage, clean_parsed, parse_html
from cleaning.extractor.profiles import Profiles
from crawler.gctune import tune_gc_for_cleaning
from crawler.links import page_links
from crawler.page_workers import ProcessedPage

_profiles: Profiles | None = None


def start_worker(profile_path: str | None) -> None:
    """A page worker's set-up (crawler.page_workers.start_pool): profiles, warm-up."""
    # Ctrl-C goes to the whole process group; the crawl decides how to stop, and its
    # workers must finish the pages they hold rather than die with a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    tune_gc_for_cleaning()
    use_profiles(profile_path)
    _warm_up()


def use_profiles(profile_path: str | None) -> None:
    """Load the site profiles for ``clean_page`` in this process."""
    global _profiles
    _profiles = Profiles.load(profile_path) if profile_path else None


def _warm_up() -> None:
    clean_html(b"<html><body><p>warm up</p></body></html>", url="http://localhost/")


def clean_page(
    page: bytes | ParsedPage,
    url: str,
    declared_encoding: str | None,
    fetched_at: datetime,
    http_status: int,
    crawl_id: str,
) -> CleanResult:
    """``cleaning.clean_html`` with the worker's site profiles, of the raw page or of
    the page already parsed (a page worker shares that parse with the link reading)."""
    parsed = page if isinstance(page, ParsedPage) else parse_html(page, declared_encoding)
    return clean_parsed(
        parsed,
        url=url,
        fetched_at=fetched_at,
        http_status=http_status,
        crawl_id=crawl_id,
        profile=_profiles.for_url(url) if _profiles else None,
    )


def process_page(
    url: str,
    status: int,
    headers: list[tuple[str, str]],
    body: bytes,
    fetched_at: datetime,
    declared_encoding: str | None,
    crawl_id: str,
    archive_level: int | None,
) -> ProcessedPage:
    """Links, WARC record and cleaned record of one page. A cleaner failure is
    returned, not raised: the page's links and archive record still count."""
    response = page_response(url, status, headers, body)
    member = None
    if archive_level is not None:
        member = response_member(url, status, None, headers, body, fetched_at, archive_level)
    try:
        parsed = parse_html(body, declared_encoding)
    except Exception as exc:  # a cleaner bug costs this page's record only
        return ProcessedPage(page_links(response), member, None, _failure(exc))
    # One parse for both when the cleaner read the page as Scrapy does (nearly always).
    same_text = parsed.tree is not None and parsed.html == response.text
    links = page_links(response, parsed.tree if same_text else None)
    try:
        result = clean_page(parsed, url, declared_encoding, fetched_at, status, crawl_id)
    except Exception as exc:
        return ProcessedPage(links, member, None, _failure(exc))
    return ProcessedPage(links, member, result)


def _failure(exc: Exception) -> tuple[str, str, str]:
    return type(exc).__name__, str(exc), traceback.format_exc()


def page_response(
    url: str, status: int, headers: list[tuple[str, str]], body: bytes
) -> HtmlResponse:
    """The page as Scrapy handed it to the spider, from what is kept of it (the header
    pairs of the item or of the WARC record), so its links read as the crawl read them."""
    return HtmlResponse(url=url, status=status, headers=_headers(headers), body=body)


def _headers(pairs: list[tuple[str, str]]) -> Headers:
    """The response's headers back from the text pairs the spider keeps (latin-1, as
    Scrapy reads them): the Content-Type decides how the links are decoded."""
    headers = Headers()
    for name, value in pairs:
        headers.appendlist(name.encode("latin-1"), value.encode("latin-1"))
    return headers
