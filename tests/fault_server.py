"""A loopback site that misbehaves the way real sites do, for end-to-end crawl tests.

It is the demo site (served by the recording handler of demo_server_util) with some of
its articles made flaky or mangled, and extra pages that are broken for good, all
linked from the home page. Each fault is a function of the request handler and of how
many times that path was asked for, so a page can fail twice and then recover.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import shutil
import socket
import time
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any

from demo_server_util import DEMO_SITE, RecordingHandler, load_expected

# handler, attempt (1 for the first request of the path) -> True if it answered.
Fault = Callable[["FaultyHandler", int], bool]

MAX_SIZE = 1024 * 1024  # the crawl runs with -s DOWNLOAD_MAXSIZE=MAX_SIZE
TIMEOUT = 1.0  # ... and -s DOWNLOAD_TIMEOUT=1
BOMB_SIZE = 512 * 1024 * 1024  # a gzip bomb: 512 MiB of zeros in 510 KiB (< MAX_SIZE)


class FaultyHandler(RecordingHandler):
    protocol_version = "HTTP/1.0"  # a body without Content-Length ends when we close

    def __init__(self, *args: Any, faults: dict[str, Fault], attempts: Counter[str], **kw: Any):
        self.faults = faults
        self.attempts = attempts
        super().__init__(*args, **kw)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        fault = self.faults.get(path)
        if fault is None:
            super().do_GET()
            return
        with self.server_state.lock:
            self.attempts[path] += 1
            attempt = self.attempts[path]
            self.server_state.paths.append(path)
            self.server_state.hosts.append(self.headers.get("Host", ""))
        if not fault(self, attempt):
            self.serve_file(path)

    def serve_file(self, path: str) -> None:
        """The page itself, without recording the request a second time."""
        SimpleHTTPRequestHandler.do_GET(self)

    def answer(
        self,
        status: int,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
        *,
        length: bool = True,
    ) -> None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._answer(status, body, headers, length=length)

    def _answer(
        self, status: int, body: bytes, headers: dict[str, str] | None, *, length: bool
    ) -> None:
        self.send_response(status)
        headers = {"Content-Type": "text/html; charset=utf-8", **(headers or {})}
        for name, value in headers.items():
            self.send_header(name, value)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # The crawler may hang up half way (size cap, timeout): as it should.
        self.wfile.write(body)

    def local_file(self, path: str) -> bytes:
        return Path(self.translate_path(path)).read_bytes()


# --- the faults --------------------------------------------------------------------


def fail_then_recover(times: int, status: int = 503) -> Fault:
    def fault(handler: FaultyHandler, attempt: int) -> bool:
        if attempt > times:
            return False
        handler.answer(status, b"<h1>Service Unavailable</h1>", {"Retry-After": "0"})
        return True

    return fault


def drop_connection_then_recover(handler: FaultyHandler, attempt: int) -> bool:
    if attempt > 1:
        return False
    # Close without a byte of response, as an overloaded proxy does.
    handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\0\0\0\0\0\0\0")
    handler.close_connection = True
    handler.connection.shutdown(socket.SHUT_RDWR)
    return True


def slow(seconds: float) -> Fault:
    def fault(handler: FaultyHandler, attempt: int) -> bool:
        time.sleep(seconds)
        return False

    return fault


def always(status: int) -> Fault:
    def fault(handler: FaultyHandler, attempt: int) -> bool:
        handler.answer(status, f"<h1>HTTP {status}</h1>".encode())
        return True

    return fault


def hang(handler: FaultyHandler, attempt: int) -> bool:
    """Never answer within the crawl's timeout."""
    time.sleep(TIMEOUT * 3)
    handler.answer(200, b"<p>too late</p>")
    return True


def redirect(location: str) -> Fault:
    def fault(handler: FaultyHandler, attempt: int) -> bool:
        target = location.replace("{port}", str(handler.server.server_address[1]))
        handler.answer(302, b"", {"Location": target})
        return True

    return fault


def garbage(handler: FaultyHandler, attempt: int) -> bool:
    handler.answer(200, os.urandom(64 * 1024))
    return True


def huge(*, content_length: bool) -> Fault:
    def fault(handler: FaultyHandler, attempt: int) -> bool:
        body = b"<html><body><p>" + b"word " * (3 * MAX_SIZE // 5) + b"</p></body></html>"
        handler.answer(200, body, length=content_length)
        return True

    return fault


@cache
def bomb_body() -> bytes:
    """Made once, before the crawl starts (``build_faulty_site``): compressing 512 MiB
    takes one to three seconds, which inside a request ran into the crawl's 1 s
    download timeout (a timeout, not the too_large tested)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip container, ~1000:1
    zeros = bytes(1024 * 1024)
    chunks = [compressor.compress(zeros) for _ in range(BOMB_SIZE // len(zeros))]
    return b"".join(chunks) + compressor.flush()


def gzip_bomb(handler: FaultyHandler, attempt: int) -> bool:
    handler.answer(200, bomb_body(), {"Content-Encoding": "gzip"})
    return True


def gzipped(handler: FaultyHandler, attempt: int) -> bool:
    """A well-behaved compressed page (Content-Encoding: gzip)."""
    path = handler.path.split("?", 1)[0]
    handler.answer(200, gzip.compress(handler.local_file(path)), {"Content-Encoding": "gzip"})
    return True


def declared_as(charset: str, *, encode_as: str | None = None) -> Fault:
    """The page with a Content-Type charset that is wrong for its bytes (re-encoded
    to ``encode_as`` first if given)."""

    def fault(handler: FaultyHandler, attempt: int) -> bool:
        path = handler.path.split("?", 1)[0]
        body = handler.local_file(path)
        if encode_as:
            body = body.decode("utf-8").encode(encode_as)
        handler.answer(200, body, {"Content-Type": f"text/html; charset={charset}"})
        return True

    return fault


# --- the site ----------------------------------------------------------------------

ACCENTED = "Café au lait – naïve “tips” for crème brûlée lovers."


@dataclass
class FaultySite:
    folder: Path
    faults: dict[str, Fault]
    recoverable: list[str]  # article paths that misbehave but must be in the dataset
    lost: list[str]  # paths no crawl can get (HTTP 500 forever, no answer in time)
    accented: list[str]  # articles whose text must read ACCENTED, correctly decoded


def build_faulty_site(tmp_path: Path, *, with_lost_pages: bool = True) -> FaultySite:
    site = tmp_path / "faulty-site"
    shutil.copytree(DEMO_SITE, site)
    articles = sorted(load_expected()[0])
    (transient, dropped, slowish, latin1_header, cp1252_body, malformed, deep, packed) = (
        articles[:8]
    )
    for path in (latin1_header, cp1252_body):
        add_sentence(site, path, ACCENTED)
    mangle_markup(site, malformed)
    nest_deeply(site, deep, depth=3000)
    faults: dict[str, Fault] = {
        transient: fail_then_recover(2),
        dropped: drop_connection_then_recover,
        slowish: slow(TIMEOUT / 3),
        latin1_header: declared_as("iso-8859-1"),
        cp1252_body: declared_as("utf-8", encode_as="cp1252"),
        packed: gzipped,
        "/faults/missing.html": always(404),
        "/faults/loop-a.html": redirect("/faults/loop-b.html"),
        "/faults/loop-b.html": redirect("/faults/loop-a.html"),
        "/faults/garbage.html": garbage,
        "/faults/huge.html": huge(content_length=True),
        "/faults/huge-streamed.html": huge(content_length=False),
        "/faults/bomb.html": gzip_bomb,
        "/faults/away.html": redirect("http://localhost:{port}/articles/croup.html"),
        "/faults/to-file.html": redirect("file:///etc/passwd"),
    }
    lost = ["/faults/broken.html", "/faults/hangs.html"] if with_lost_pages else []
    if with_lost_pages:
        faults["/faults/broken.html"] = always(500)
        faults["/faults/hangs.html"] = hang
    (site / "faults").mkdir()
    (site / "faults" / "no-article.html").write_text(
        "<html><head><title>Sitemap</title></head><body><nav><a href='/'>Home</a></nav>"
        "</body></html>",
        encoding="utf-8",
    )
    # loop-b is reached only through loop-a's redirect, as in a real loop.
    links = [p for p in faults if p.startswith("/faults/") and p != "/faults/loop-b.html"]
    links.append("/faults/no-article.html")
    # Links no crawler of ours may follow: other schemes, and a file on this machine.
    links += ["file:///etc/passwd", "ftp://127.0.0.1/pub/", "data:text/html,<p>hi</p>",
              "javascript:alert(1)", "mailto:editor@example.org"]  # fmt: skip
    link_from_home(site, links)
    bomb_body()  # compressed now, not inside the first request for it
    return FaultySite(
        folder=site,
        faults=faults,
        recoverable=articles[:8],
        lost=lost,
        accented=[latin1_header, cp1252_body],
    )


def add_sentence(site: Path, path: str, sentence: str) -> None:
    file = site / path.lstrip("/")
    html = file.read_text(encoding="utf-8")
    file.write_text(html.replace("<p>", f"<p>{sentence} ", 1), encoding="utf-8")


def mangle_markup(site: Path, path: str) -> None:
    """Drop closing tags and add stray ones, as hand-edited CMS pages do."""
    file = site / path.lstrip("/")
    html = file.read_text(encoding="utf-8")
    for tag in ("</p>", "</li>", "</div>", "</span>"):
        html = html.replace(tag, "")
    html = html.replace("<h2", "</div></section></b><h2")
    file.write_text(html, encoding="utf-8")


def nest_deeply(site: Path, path: str, *, depth: int) -> None:
    file = site / path.lstrip("/")
    html = file.read_text(encoding="utf-8")
    start = html.index(">", html.index("<body")) + 1
    end = html.index("</body>")
    html = html[:start] + "<div>" * depth + html[start:end] + "</div>" * depth + html[end:]
    file.write_text(html, encoding="utf-8")


def link_from_home(site: Path, hrefs: list[str]) -> None:
    index = site / "index.html"
    items = "".join(f'<li><a href="{href}">{href}</a></li>' for href in hrefs)
    html = index.read_text(encoding="utf-8")
    index.write_text(html.replace("<ul>", "<ul>" + items, 1), encoding="utf-8")


def serve_options(site: FaultySite) -> dict[str, Any]:
    return {
        "handler_class": FaultyHandler,
        "faults": site.faults,
        "attempts": Counter(),
    }

