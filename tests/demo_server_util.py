"""Test helpers: a recording loopback server for the demo site, and running the CLI.

The server records every path it is asked for, so tests can check what the crawler
really fetched (robots.txt obeyed, no page twice), and can answer chosen paths with
HTTP 500 to exercise the "partial" outcome.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
DEMO_SITE = REPO / "data" / "demo_site"
LOOPBACK = "127.0.0.1"
CLI_TIMEOUT = 180
# The site's own files, not pages: robots.txt, and the sitemap a crawl looks for on every
# host (`--sitemaps auto`; the demo site has none, so it is answered 404).
SITE_FILES = frozenset({"/robots.txt", "/sitemap.xml"})


@dataclass
class DemoServer:
    base_url: str  # "http://127.0.0.1:PORT" without a trailing slash
    paths: list[str] = field(default_factory=list)  # every path requested, in order
    targets: list[str] = field(default_factory=list)  # the same with their query
    # (path, time.monotonic()) of every request, in order: gaps between requests
    times: list[tuple[str, float]] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)  # the Host header of every request
    # (path, status) of every response, in order: 200 full page, 304 not modified ...
    responses: list[tuple[str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    delay: float = 0.0  # seconds to wait before answering each page (slow site)

    @property
    def start_url(self) -> str:
        return self.base_url + "/"

    def absolute(self, path: str) -> str:
        return self.base_url + path

    def page_paths(self) -> list[str]:
        """Requested paths other than the site files (robots.txt, /sitemap.xml)."""
        with self.lock:
            return [p for p in self.paths if p not in SITE_FILES]

    def statuses(self) -> dict[str, list[int]]:
        """Path -> the statuses it was answered with (site files excluded)."""
        out: dict[str, list[int]] = {}
        with self.lock:
            for path, status in self.responses:
                if path not in SITE_FILES:
                    out.setdefault(path, []).append(status)
        return out

    def page_gaps(self) -> list[float]:
        """Seconds between consecutive page requests (site files excluded)."""
        with self.lock:
            stamps = [t for p, t in self.times if p not in SITE_FILES]
        return [b - a for a, b in itertools.pairwise(stamps)]

    def reset(self) -> None:
        with self.lock:
            self.paths.clear()
            self.targets.clear()
            self.times.clear()
            self.responses.clear()


class RecordingHandler(SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler (Last-Modified, If-Modified-Since -> 304) that records
    each request and answer, can fail chosen paths, and with ``etags`` also sends an
    ETag of the file's bytes and honours If-None-Match, as most real servers do."""

    def __init__(
        self,
        *args: Any,
        server_state: DemoServer,
        fail_paths: set[str],
        etags: bool = False,
        **kw: Any,
    ):
        self.server_state = server_state
        self.fail_paths = fail_paths
        self.etags = etags
        self._etag: str | None = None
        super().__init__(*args, **kw)

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        with self.server_state.lock:
            self.server_state.paths.append(path)
            self.server_state.targets.append(self.path)
            self.server_state.times.append((path, time.monotonic()))
            self.server_state.hosts.append(self.headers.get("Host", ""))
        if self.server_state.delay and path != "/robots.txt":
            time.sleep(self.server_state.delay)
        if path in self.fail_paths:
            self.send_error(500, "injected failure")
            return
        if self.etags and self._answer_etag():
            return
        super().do_GET()

    def _answer_etag(self) -> bool:
        """Send a 304 when If-None-Match matches; otherwise remember the ETag to send."""
        local = Path(self.translate_path(self.path))
        if local.is_dir():
            local = local / "index.html"
        if not local.is_file():
            return False
        self._etag = '"' + hashlib.sha1(local.read_bytes()).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == self._etag:
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", self._etag)
            self.end_headers()
            return True
        return False

    def send_response(self, code: int, message: str | None = None) -> None:
        with self.server_state.lock:
            self.server_state.responses.append((urlsplit(self.path).path, int(code)))
        super().send_response(code, message)

    def end_headers(self) -> None:
        if self._etag and self.etags:
            self.send_header("ETag", self._etag)
            self._etag = None
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_demo_site(
    folder: Path = DEMO_SITE,
    *,
    fail_paths: Iterable[str] = (),
    etags: bool = False,
    delay: float = 0.0,
    handler_class: type[RecordingHandler] | None = None,
    **handler_options: Any,
) -> Iterator[DemoServer]:
    """Serve ``folder`` on 127.0.0.1 with a free port, in a thread, recording requests.

    ``handler_class`` (a subclass of the recording handler) and its ``handler_options``
    let a test serve the same site with misbehaving pages (tests/fault_server.py)."""
    if not (folder / "index.html").is_file():
        raise FileNotFoundError(f"{folder}: the demo site is missing (data/build_demo_site.py)")
    state = DemoServer(base_url="", delay=delay)
    handler = partial(
        handler_class or RecordingHandler,
        server_state=state,
        fail_paths=set(fail_paths),
        etags=etags,
        directory=str(folder),
        **handler_options,
    )
    server = ThreadingHTTPServer((LOOPBACK, 0), handler)
    server.daemon_threads = True
    state.base_url = f"http://{LOOPBACK}:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def load_expected() -> tuple[dict[str, dict[str, Any]], list[str]]:
    """(article path -> expected record, non-article paths) from expected.json."""
    data = json.loads((DEMO_SITE / "expected.json").read_text(encoding="utf-8"))
    non_articles = list(data.pop("_non_articles"))
    return data, non_articles


def subprocess_env() -> dict[str, str]:
    """The repo on PYTHONPATH (after the caller's own entries), from any folder."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [env.get("PYTHONPATH"), str(REPO)]))
    env.pop("SCRAPY_SETTINGS_MODULE", None)
    return env


def run_cli(
    *args: str, cwd: Path | None = None, module: str = "crawler.cli"
) -> subprocess.CompletedProcess[str]:
    """``python -m crawler.cli ARGS``, as a user would run ``healthcorpus ARGS``."""
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=cwd,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT,
        check=False,
    )


def run_scrapy(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """``scrapy ARGS`` from the project root (``python -m scrapy`` finds this Python's)."""
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args],
        cwd=cwd,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT,
        check=False,
    )


def read_manifests(out_dir: Path) -> list[dict[str, Any]]:
    return [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted((out_dir / "_runs").glob("*.json"))
    ]
