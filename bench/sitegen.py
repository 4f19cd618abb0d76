"""A local site of N article pages for crawl benchmarks, and a server for it.

Pages are copies of the real and corpus pages (bench/common.py), each its own
article; their own links are removed (they point at sites we do not serve) and each
page links to the next few, so a crawler reaches all N from the home page by
following links, breadth first, as on a real site.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from common import distinct_copies, source_pages

LINKS_PER_PAGE = 5
_HREF = re.compile(rb"""\shref\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)


def build_site(folder: Path, pages: int) -> Path:
    """Write ``pages`` pages under ``folder/p/``, a home page and a robots.txt."""
    (folder / "p").mkdir(parents=True, exist_ok=True)
    names = [f"{i:06d}.html" for i in range(pages)]
    for i, (_, page) in enumerate(distinct_copies(source_pages(), pages)):
        body = _HREF.sub(b"", page.body)
        links = "".join(
            f'<li><a href="/p/{names[j]}">more {j}</a></li>'
            for j in range(i + 1, min(i + 1 + LINKS_PER_PAGE, pages))
        )
        nav = f"<nav><ul>{links}</ul></nav>".encode()
        if b"</body>" in body:
            body = body.replace(b"</body>", nav + b"</body>", 1)
        else:
            body += nav
        (folder / "p" / names[i]).write_bytes(body)
    home = "".join(f'<li><a href="/p/{name}">{name}</a></li>' for name in names[:10])
    (folder / "index.html").write_text(
        f"<html><head><title>Bench site</title></head><body><ul>{home}</ul></body></html>"
    )
    (folder / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    return folder


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Python's threaded static server in its own process (its own core if there is
    one); yields the base URL."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
         "--directory", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
