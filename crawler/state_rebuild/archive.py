"""The newest archived response of each URL, read from a crawl's WARC segments.

The crawl archives every HTML page it fetches in full (``DIR/_warc/*.warc.gz``: a
``warcinfo`` record per segment, then one ``response`` record per page with its HTTP
headers and body; no request or metadata records). A 304 is not archived, so the
newest response of a URL carries the validators the crawl kept for it. Two passes:
the first only ranks the responses, so no page is held in memory, the second yields
the winners. A segment cut short or corrupt counts up to its damage.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cleaning.dataset.warc import SUFFIX, WarcError, WarcPage, iter_warc_pages

# (WARC-Date as unix time, segment, place in the segment): the greatest is the newest.
_Rank = tuple[float, int, int]
_UNDATED = float("-inf")


@dataclass(slots=True)
class ArchiveScan:
    """What reading the archive met."""

    segments: int = 0
    responses: int = 0  # HTML responses read, every version of every URL
    damaged: list[str] = field(default_factory=list)  # "<segment>: <what is wrong>"


def segment_paths(warc_dir: Path) -> list[Path]:
    """The published segments in name order (run ids sort by time); the hidden
    temporary segment of a killed run is not one of them."""
    if not warc_dir.is_dir():
        return []
    return sorted(p for p in warc_dir.glob(f"*{SUFFIX}") if not p.name.startswith("."))


def newest_responses(paths: list[Path], scan: ArchiveScan) -> Iterator[WarcPage]:
    """Each archived URL's newest response, once (by WARC-Date, then by place)."""
    newest: dict[str, _Rank] = {}
    for rank, page in _ranked(paths, scan):
        if rank > newest.get(page.url, (_UNDATED, -1, -1)):
            newest[page.url] = rank
    for rank, page in _ranked(paths, None):
        if newest.get(page.url) == rank:
            yield page


def _ranked(paths: list[Path], scan: ArchiveScan | None) -> Iterator[tuple[_Rank, WarcPage]]:
    """Every HTML response with its rank; what is wrong with a segment goes to ``scan``
    (the second pass meets the same, and says nothing)."""
    for index, path in enumerate(paths):
        if scan is not None:
            scan.segments += 1
        try:
            for place, page in enumerate(iter_warc_pages(path)):
                if scan is not None:
                    scan.responses += 1
                at = page.fetched_at.timestamp() if page.fetched_at is not None else _UNDATED
                yield (at, index, place), page
        except WarcError as exc:
            if scan is not None:
                scan.damaged.append(f"{path.name}: {exc.detail}")
        except OSError as exc:
            if scan is not None:
                scan.damaged.append(f"{path.name}: cannot read: {exc.strerror or exc}")
