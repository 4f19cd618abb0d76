"""A crawl's page worker gives what the crawl's own process would: same links, same
record, a valid WARC record, whether or not it shares one parse between links and
cleaning (it does when the cleaner decoded the page as Scrapy does)."""

from __future__ import annotations

import asyncio
import gzip
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from scrapy.http import Headers, HtmlResponse
from warcio.archiveiterator import ArchiveIterator

from cleaning import clean_html
from cleaning.extractor.pipeline import parse_html
from crawler.clean_worker import process_page
from crawler.links import page_links
from crawler.page_workers import ProcessedPage

REPO = Path(__file__).resolve().parent.parent
BENCH_PAGES = REPO / "bench" / "pages" / "html"
T0 = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


def _pages() -> list[tuple[str, bytes]]:
    pages = [(p.name, p.read_bytes()) for p in sorted((REPO / "tests" / "corpus").rglob("*.html"))]
    pages += [(p.name, p.read_bytes()) for p in sorted((REPO / "data").rglob("*.html"))[:40]]
    if BENCH_PAGES.is_dir():
        real = sorted(BENCH_PAGES.glob("*.gz"))
        pages += [(p.name, gzip.decompress(p.read_bytes())) for p in real]
    return pages


PAGES = _pages()
# A page whose HTTP header names the wrong charset: Scrapy decodes it as declared, the
# cleaner distrusts the declaration, so the two texts differ and nothing is shared.
MISDECLARED = (
    "misdeclared.html",
    "<html><head><title>Café</title></head><body><h1>Café crème</h1>"
    "<p>Déjà vu: <a href='/é'>lien</a></p></body></html>".encode(),
)


@pytest.mark.parametrize("content_type", ["text/html", "text/html; charset=iso-8859-1"])
def test_worker_output_is_the_in_process_output(content_type: str) -> None:
    assert len(PAGES) >= 60
    headers = [("Content-Type", content_type), ("ETag", '"x"')]
    shared = 0
    for name, body in [*PAGES, MISDECLARED]:
        url = f"http://site.test/dir/{name}"
        done = process_page(url, 200, headers, body, T0, None, "run-1", 1)
        response = HtmlResponse(url=url, status=200, headers=Headers(dict(headers)), body=body)
        assert done.links == page_links(response), name
        expected = clean_html(body, url=url, fetched_at=T0, http_status=200, crawl_id="run-1")
        assert done.error is None, name
        assert done.result == expected, name
        record = next(ArchiveIterator(io.BytesIO(done.warc_member or b""), check_digests=True))
        assert record.rec_headers.get_header("WARC-Target-URI") == url
        assert record.content_stream().read() == body
        parsed = parse_html(body)
        shared += parsed.tree is not None and parsed.html == response.text
    if content_type == "text/html":  # the shared parse is the common case
        assert shared >= len(PAGES) // 2


def test_no_archive_record_when_the_archive_is_off() -> None:
    name, body = PAGES[0]
    done = process_page(f"http://site.test/{name}", 200, [], body, T0, None, "run-1", None)
    assert done.warc_member is None
    assert done.links is not None and done.result is not None


def test_prestarted_workers_are_adopted_once_and_discarded_otherwise(
    capfd: pytest.CaptureFixture[str],
) -> None:
    """The crawl starts its page workers before Scrapy's engine; the pipeline adopts
    that pool (no second set of processes), and a pool never adopted is stopped."""
    from crawler import page_workers

    page_workers.prestart(1, None)
    prestarted = page_workers._prestarted
    assert prestarted is not None
    pool = page_workers._adopt_or_start(1, None)
    assert pool is prestarted[2] and page_workers._prestarted is None
    name, body = PAGES[0]

    async def clean_one() -> ProcessedPage:
        url = f"http://site.test/{name}"
        return await pool.submit(url, 200, [], body, T0, None, "r", 1)

    assert asyncio.run(asyncio.wait_for(clean_one(), 60)).result is not None
    pool.shutdown()

    page_workers.prestart(1, None)
    other = page_workers._adopt_or_start(2, None)  # not the workers asked for
    assert other is not prestarted[2] and page_workers._prestarted is None
    other.shutdown()

    page_workers.prestart(1, None)
    kept = page_workers._prestarted
    assert kept is not None
    page_workers.discard_prestarted()
    assert page_workers._prestarted is None and kept[2].closed
    assert not any(worker.process.is_alive() for worker in kept[2].workers)
    # Stopped while still importing the cleaner: it ends quietly.
    assert "Traceback" not in capfd.readouterr().err
