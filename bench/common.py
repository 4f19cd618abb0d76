"""What the benchmark scripts share: the page sources, replication, timing, peak RSS."""

from __future__ import annotations

import gzip
import os
import platform
import re
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH_PAGES = REPO / "bench" / "pages"  # a copy of shared/bench
CORPUS = REPO / "tests" / "corpus"
DEMO_SITE = REPO / "data" / "demo_site"

# Links that would make every copy of a page the same article (canonical URL, og:url).
_IDENTITY = re.compile(
    rb"<link[^>]+rel=[\"']?canonical[^>]*>|<meta[^>]+property=[\"']?og:url[^>]*>", re.I
)


@dataclass(frozen=True)
class Page:
    template: str  # where it comes from: "real", a corpus template, "demo"
    name: str
    body: bytes


def source_pages() -> list[Page]:
    """Real pages of bench/pages (many sites), the 10 corpus templates, the demo site."""
    pages: list[Page] = []
    if (BENCH_PAGES / "html").is_dir():
        for path in sorted((BENCH_PAGES / "html").glob("*.html.gz")):
            pages.append(Page("real", path.name[:16], gzip.decompress(path.read_bytes())))
    for path in sorted(CORPUS.glob("*/*.html")):
        pages.append(Page(path.parent.name, path.stem, path.read_bytes()))
    for path in sorted((DEMO_SITE / "articles").glob("*.html")):
        pages.append(Page("demo", path.stem, path.read_bytes()))
    if not pages:
        raise SystemExit("no source pages found (bench/pages, tests/corpus, data/demo_site)")
    return pages


# The opening tag of a paragraph of plain text, where a copy's own words go: a long
# <p>, a short one, or any block of text.
_PARAGRAPHS = (
    re.compile(rb"<p(?:\s[^>]*)?>(?=[^<]{120,})"),
    re.compile(rb"<p(?:\s[^>]*)?>(?=[^<]{30,})"),
    re.compile(rb"<(?:div|td|li|section|article|font)(?:\s[^>]*)?>(?=\s*[^<\s][^<]{60,})"),
)


def _with_copy_number(body: bytes, i: int, spot: int | None) -> bytes:
    if spot is None:
        return body
    return body[:spot] + f"Copy {i}. ".encode() + body[spot:]


def _copy_number_spots(pages: Sequence[Page]) -> list[int | None]:
    """The spot of each page, found in a process of its own: the cleaner's memory must
    not stay in the benchmark's process, whose size its timed children inherit at fork
    (``ru_maxrss`` would report it as theirs)."""
    with ProcessPoolExecutor(1) as pool:
        return list(pool.map(_copy_number_spot, [page.body for page in pages], chunksize=16))


def _copy_number_spot(body: bytes) -> int | None:
    """Where a copy number lands in the article's own text: before the opening words
    of a paragraph the cleaner keeps, else in the first block of text."""
    from cleaning import clean_html

    record = clean_html(body, url="http://bench.example/page.html").record
    paragraphs = record.text.split("\n") if record is not None else []
    start = max(body.find(b"<body"), 0)
    for paragraph in paragraphs:
        opening = " ".join(paragraph.split()[:4]).encode()
        if len(opening) >= 12 and (at := body.find(b">" + opening, start)) >= 0:
            return at + 1
    for paragraph in paragraphs:  # words after an entity or an inline tag
        opening = " ".join(paragraph.split()[:3]).encode()
        if len(opening) >= 10 and (at := body.find(opening, start)) >= 0:
            return at
    for pattern in _PARAGRAPHS:
        if (match := pattern.search(body)) is not None:
            return match.end()
    return None


def distinct_copies(pages: Sequence[Page], count: int) -> Iterator[tuple[str, Page]]:
    """``count`` pages cycling through ``pages``, each copy its own article: identity
    links removed (the URL then comes from the file name), and a copy number added to
    the title and to the first paragraph of text (a copy with the same text as another
    page of the site would be an alias of it, and give no row)."""
    stripped = [Page(p.template, p.name, _IDENTITY.sub(b"", p.body)) for p in pages[:count]]
    spots = _copy_number_spots(stripped)
    for i in range(count):
        page = stripped[i % len(stripped)]
        body = page.body.replace(b"<title>", f"<title>{i} ".encode(), 1)
        spot = spots[i % len(stripped)]
        if spot is not None and spot >= body.find(b"<title>") >= 0:
            spot += len(f"{i} ")  # the title's copy number came before it
        body = _with_copy_number(body, i, spot)
        yield f"{i:05d}-{page.template}-{page.name}.html", Page(page.template, page.name, body)


def write_copies(folder: Path, pages: Sequence[Page], count: int) -> dict[str, int]:
    """Write the copies; returns pages per template."""
    folder.mkdir(parents=True, exist_ok=True)
    mix: dict[str, int] = {}
    for name, page in distinct_copies(pages, count):
        (folder / name).write_bytes(page.body)
        mix[page.template] = mix.get(page.template, 0) + 1
    return mix


def tree_rss_mib(pid: int) -> float:
    """Resident memory of a process and all its descendants (Linux /proc), in MiB."""
    total_kib = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kib += int(line.split()[1])
                    break
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue  # it ended meanwhile
    return total_kib / 1024


class TreePeak:
    """Samples the RSS of a process tree (a crawl and its cleaning workers) every
    0.1 s in a thread; ``peak`` is the largest sum seen."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            self.peak = max(self.peak, tree_rss_mib(self.pid))

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak


def timed(cmd: Sequence[str], **kw: object) -> tuple[float, float, subprocess.CompletedProcess]:
    """(wall seconds, peak RSS MiB of the process and its children together, result).

    The peak is the larger of the sampled sum over the process tree and the exact
    peak of the main process alone (``wait4``), which a 0.1 s sampling could miss.
    Dirty pages are written out first (``sync``): the write-back of what an earlier
    command wrote would otherwise slow whichever command runs next.
    """
    os.sync()
    started = time.perf_counter()
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw) as proc:
        sampler = TreePeak(proc.pid)
        # wait4 gives this child's own rusage; read the pipes in the meantime.
        out: list[bytes] = []
        err: list[bytes] = []
        readers = [
            threading.Thread(target=lambda s=stream, b=buf: b.append(s.read()))
            for stream, buf in ((proc.stdout, out), (proc.stderr, err))
        ]
        for reader in readers:
            reader.start()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - started
        tree_peak = sampler.stop()
        for reader in readers:
            reader.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    result = subprocess.CompletedProcess(
        list(cmd), proc.returncode, b"".join(out).decode(), b"".join(err).decode()
    )
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stderr}")
    return elapsed, max(tree_peak, usage.ru_maxrss / 1024), result


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{os.cpu_count()} cores, {cpu}, {mem:.0f} GiB, "
        f"Python {platform.python_version()}, {platform.system()}"
    )


def healthcorpus(*args: str) -> list[str]:
    return [sys.executable, "-m", "crawler.cli", *args]


def env_with_repo() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env
