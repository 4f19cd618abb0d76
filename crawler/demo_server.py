"""Serve a folder over HTTP on loopback, in a background thread, for the demo and tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

LOOPBACK = "127.0.0.1"


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without one stderr line per request (the crawl has its own log)."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_folder(folder: str | Path, preferred_port: int = 0) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1; yields the base URL ending in ``/``.

    Only loopback, so running the demo never exposes files to the network. The
    preferred port is tried first (the demo's URLs, hence its record ids, then stay the
    same from run to run); when it is taken, or 0, the OS picks a free one.
    """
    root = Path(folder)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: not a folder")
    handler = partial(QuietHandler, directory=str(root))
    try:
        server = ThreadingHTTPServer((LOOPBACK, preferred_port), handler)
    except OSError:
        server = ThreadingHTTPServer((LOOPBACK, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="demo-http", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
