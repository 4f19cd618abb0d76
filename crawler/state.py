"""What the crawl remembers about each page between runs: ``DIR/_state/pages.sqlite``.

Per page: the validators of its last full fetch (ETag, Last-Modified) for conditional
GETs, what became of it (``article`` or the reason it was skipped), its same-host links
(so a page answered with 304 still leads the crawl on to the pages it links to), and
when it was last checked. Beside the pages: the known articles that have left their
site's sitemaps (``unlisted``, kept in the dataset), and the hosts whose ``<lastmod>``
proved wrong (a page changed without its date moving), whose pages always get a
conditional GET, and what the crawl learned of each host's query parameters
(:mod:`crawler.aliases`). Rows are only written by
:class:`crawler.session.CrawlSession` after the page's record is in a published Parquet
file, so after a crash the state is never ahead of the dataset.

Plain ``sqlite3`` in WAL mode: one file, transactional, nothing to install, and it
survives kill -9 (an unfinished transaction is rolled back when the file is reopened).
"""

from __future__ import annotations

import os
import shlex
import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

STATE_FILE = "pages.sqlite"
ARTICLE = "article"
ALIAS = "alias"  # the text of an article held under another URL (crawler/aliases.py)
_UNFINISHED_SINCE = "unfinished_since"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    outcome TEXT NOT NULL,
    links BLOB,
    checked_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS unlisted (url TEXT PRIMARY KEY, since REAL NOT NULL);
CREATE TABLE IF NOT EXISTS lastmod_untrusted (host TEXT PRIMARY KEY, since REAL NOT NULL);
CREATE TABLE IF NOT EXISTS alias_params (
    host TEXT NOT NULL, param TEXT NOT NULL, page TEXT NOT NULL, PRIMARY KEY (host, param, page)
);
CREATE TABLE IF NOT EXISTS meaningful_params (
    host TEXT NOT NULL, param TEXT NOT NULL, PRIMARY KEY (host, param)
);
"""


class StateDamaged(RuntimeError):
    """The state file cannot be read as SQLite (truncated, overwritten, a disk fault)."""


class StateUnwritable(RuntimeError):
    """The state file is sound but cannot be written now (a full disk, a read-only one)."""


def check_state(folder: str | os.PathLike[str]) -> None:
    """Raise :class:`StateDamaged`, naming the file and what to do, unless the state of
    ``folder`` (a ``_state`` folder) is absent or passes SQLite's ``quick_check``.

    Called before a crawl does any work, so that a damaged file stops it with one
    line instead of a traceback in the middle of Scrapy's start, and is never
    replaced silently by an empty state (a re-crawl of the whole site)."""
    path = Path(folder) / STATE_FILE
    if not path.exists():
        return
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            verdict = db.execute("PRAGMA quick_check").fetchone()
        finally:
            db.close()
    except sqlite3.OperationalError as exc:
        raise StateUnwritable(f"{path}: cannot read the crawl state: {exc}") from None
    except sqlite3.Error as exc:
        raise StateDamaged(_damaged(path, str(exc))) from None
    if not verdict or verdict[0] != "ok":
        raise StateDamaged(_damaged(path, str(verdict[0] if verdict else "no answer")))


def _damaged(path: Path, reason: str) -> str:
    """The one line that stops a crawl: the rebuild from the folder's archive and parts
    keeps the next crawl incremental (moving the file away would not)."""
    folder = shlex.quote(str(path.parent.parent))
    return (
        f"{path}: the crawl state is damaged ({reason}); nothing was done. The dataset "
        f"is not affected. Run `healthcorpus repair {folder}` to rebuild the state from "
        "the dataset and its WARC archive (the damaged file is kept), then crawl again"
    )


@dataclass(frozen=True, slots=True)
class KnownPage:
    """One page as of its last successful fetch (or 304)."""

    url: str
    etag: str | None
    last_modified: str | None
    outcome: str  # "article", or the skip reason of the cleaner ("listing", ...)
    links: tuple[str, ...]
    checked_at: float  # unix time

    @property
    def is_article(self) -> bool:
        return self.outcome == ARTICLE

    def checked_now(self) -> KnownPage:
        return KnownPage(
            self.url, self.etag, self.last_modified, self.outcome, self.links, time.time()
        )


def _pack_links(links: tuple[str, ...]) -> bytes:
    return zlib.compress("\n".join(links).encode("utf-8"), 1)


def _unpack_links(blob: bytes | None) -> tuple[str, ...]:
    if not blob:
        return ()
    text = zlib.decompress(blob).decode("utf-8")
    return tuple(text.split("\n")) if text else ()


class PageState:
    """The page table of one dataset folder; used from the crawl's single thread."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        Path(folder).mkdir(parents=True, exist_ok=True)
        self.path = Path(folder) / STATE_FILE
        self._db = sqlite3.connect(self.path, isolation_level=None)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL mode: a process crash never loses a commit; a power cut may
            # lose the last one, which only means those pages are fetched again.
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
        except sqlite3.OperationalError as exc:  # SQLITE_FULL, SQLITE_READONLY ...
            self._db.close()
            raise StateUnwritable(f"{self.path}: cannot write the crawl state: {exc}") from None
        except sqlite3.DatabaseError as exc:  # not a database, malformed
            self._db.close()
            raise StateDamaged(_damaged(self.path, str(exc))) from None

    def get(self, url: str) -> KnownPage | None:
        row = self._db.execute(
            "SELECT url, etag, last_modified, outcome, links, checked_at FROM pages WHERE url=?",
            (url,),
        ).fetchone()
        if row is None:
            return None
        return KnownPage(row[0], row[1], row[2], row[3], _unpack_links(row[4]), row[5])

    def article_urls(self) -> Iterator[str]:
        """URLs of every page that was an article last time, in URL order."""
        cursor = self._db.execute("SELECT url FROM pages WHERE outcome=? ORDER BY url", (ARTICLE,))
        for (url,) in cursor:
            yield url

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM pages").fetchone()[0])

    def put_many(self, pages: Iterable[KnownPage]) -> int:
        """Store pages in one transaction: all of them or, after a crash, none."""
        rows = [
            (p.url, p.etag, p.last_modified, p.outcome, _pack_links(p.links), p.checked_at)
            for p in pages
        ]
        if not rows:
            return 0
        with self._transaction():
            self._db.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?)", rows)
        return len(rows)

    def mark_unlisted(self, urls: Iterable[str], listed: Iterable[str]) -> None:
        """``urls`` are not in their host's sitemaps (since now, or since earlier);
        ``listed`` are (again)."""
        now = time.time()
        with self._transaction():
            self._db.executemany(
                "INSERT OR IGNORE INTO unlisted VALUES (?, ?)", ((url, now) for url in urls)
            )
            self._db.executemany("DELETE FROM unlisted WHERE url=?", ((url,) for url in listed))

    def unlisted_urls(self) -> set[str]:
        return {url for (url,) in self._db.execute("SELECT url FROM unlisted")}

    def distrust_lastmod(self, host: str) -> None:
        with self._transaction():
            self._db.execute(
                "INSERT OR IGNORE INTO lastmod_untrusted VALUES (?, ?)", (host, time.time())
            )

    def lastmod_untrusted(self) -> set[str]:
        return {host for (host,) in self._db.execute("SELECT host FROM lastmod_untrusted")}

    def add_alias_params(self, host: str, params: Iterable[str], page: str) -> None:
        """Two URLs that differ in ``params`` hold the one article of ``page``."""
        with self._transaction():
            self._db.executemany(
                "INSERT OR IGNORE INTO alias_params VALUES (?, ?, ?)",
                ((host, param, page) for param in params),
            )

    def add_meaningful_params(self, host: str, params: Iterable[str]) -> None:
        """Removing one of ``params`` from a URL of ``host`` gives another article."""
        with self._transaction():
            self._db.executemany(
                "INSERT OR IGNORE INTO meaningful_params VALUES (?, ?)",
                ((host, param) for param in params),
            )

    def alias_params(self) -> dict[tuple[str, str], int]:
        """(host, param) -> on how many pages it was seen to name the same article."""
        rows = self._db.execute(
            "SELECT host, param, count(*) FROM alias_params GROUP BY host, param"
        )
        return {(host, param): count for host, param, count in rows}

    def meaningful_params(self) -> set[tuple[str, str]]:
        return set(self._db.execute("SELECT host, param FROM meaningful_params"))

    def begin_run(self) -> float | None:
        """Note that a run started; returns the start of the unfinished chain of runs.

        None when the last run finished: nothing to resume. Otherwise the time the
        first of the unfinished runs started: pages checked since then were done by
        a run that was killed or stopped, and need not be fetched again.
        """
        row = self._db.execute(
            "SELECT value FROM meta WHERE key=?", (_UNFINISHED_SINCE,)
        ).fetchone()
        if row is not None:
            return float(row[0])
        with self._transaction():
            self._db.execute(
                "INSERT INTO meta VALUES (?, ?)", (_UNFINISHED_SINCE, repr(time.time()))
            )
        return None

    def end_run(self) -> None:
        """The run went to its end: the next run starts a fresh pass over the site."""
        with self._transaction():
            self._db.execute("DELETE FROM meta WHERE key=?", (_UNFINISHED_SINCE,))

    def close(self) -> None:
        self._db.close()

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *_: object) -> None:
        self.db.execute("COMMIT" if exc_type is None else "ROLLBACK")
