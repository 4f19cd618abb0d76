"""The extractors compared: ours (the record) and trafilatura (the anchor)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(slots=True)
class Extraction:
    """What an extractor made of one page, in the terms the metrics need."""

    title: str = ""
    text: str = ""
    headings: list[str] = field(default_factory=list)
    skip_reason: str | None = None  # ours only: why the page gave no record

    @property
    def titled_text(self) -> str:
        """The segment metric's input: the title is a column of its own in our records,
        and some segments are headlines."""
        return f"{self.title}\n{self.text}" if self.title else self.text


def healthcorpus(body: bytes, url: str) -> Extraction:
    from cleaning import clean_html

    result = clean_html(body, url=url)
    record = result.record
    if record is None:
        return Extraction(skip_reason=result.skip_reason or "none")
    return Extraction(
        title=record.title,
        text=record.text,
        headings=[s.heading for s in record.sections],
    )


def trafilatura_text(body: bytes, url: str) -> Extraction:
    """trafilatura 2.3.1 as each set's README runs it (text output, tables kept)."""
    import trafilatura

    text = trafilatura.extract(body, include_comments=False, include_tables=True) or ""
    return Extraction(text=text)


_HEAD = re.compile(r"<head\b[^>]*>(.*?)</head>", re.S)
_TAG = re.compile(r"<[^>]+>")


def trafilatura_headings(body: bytes) -> list[str]:
    """The headings trafilatura keeps (its XML output's ``<head>`` elements)."""
    import html

    import trafilatura

    xml = trafilatura.extract(body, output_format="xml", include_comments=False) or ""
    return [html.unescape(_TAG.sub("", h)).strip() for h in _HEAD.findall(xml)]
