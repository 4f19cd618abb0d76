"""Score the cleaner on the multi-template corpus in ``tests/corpus/``.

    python tests/corpus_score.py            # print the scores, per template, and the failures
    python tests/corpus_score.py --update   # raise the floors in quality_baseline.json

Each template folder holds pages and an ``expected.json`` (see tests/corpus/README.md).
The scores are the targets of the cleaning issue: articles found, duplicates, exact
titles / sections / related / prev-next, body token-F1, boilerplate left in the text,
content kept, language, and records made from pages that are not articles.
``tests/test_quality_gate.py`` fails when a score drops below its floor.

Metadata (schema v2, docs/metadata.md) is scored per field as ``meta_<field>``: the share
of article pages, of the corpus and of the demo site (``data/demo_site/expected.json``),
whose record holds exactly the expected value. Timestamps are compared as UTC instants,
lists as lists (order counts), references as (text, url) pairs.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from floors import raise_floors

from cleaning import Record, clean_html

CORPUS = Path(__file__).resolve().parent / "corpus"
BASELINE = Path(__file__).resolve().parent / "quality_baseline.json"
DEMO_SITE = Path(__file__).resolve().parent.parent / "data" / "demo_site"
DEMO_BASE = "http://127.0.0.1:8000"  # the demo site's pages are cleaned as served from here
# Scores where lower is better; every other score is higher-is-better.
LOWER_IS_BETTER = frozenset({"duplicates", "boilerplate_rate", "non_article_record_share"})
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")


def tokens(text: str) -> Counter[str]:
    """Words, and single CJK characters (so Chinese scores at character level)."""
    return Counter(t.casefold() for t in _TOKEN.findall(text or ""))


def token_f1(predicted: str, expected: str) -> float:
    pred, true = tokens(predicted), tokens(expected)
    if not pred and not true:
        return 1.0
    overlap = sum((pred & true).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(pred.values()), overlap / sum(true.values())
    return 2 * precision * recall / (precision + recall)


def expected_text(page: dict[str, Any]) -> str:
    """The record's ``text``: given as such (how-to pages, whose steps read "2. Name."),
    or made of the intro, each section's number and heading, and its text."""
    if "text" in page:
        return page["text"]
    parts = [page.get("intro", "")]
    for section in page.get("sections", []):
        number = section.get("number")
        parts.append(f"{number} {section['heading']}" if number else section["heading"])
        parts.append(section.get("text", ""))
    return "\n\n".join(p for p in parts if p)


# The record's metadata columns (schema v2), as expected.json names them.
DATE_FIELDS = ("published_at", "modified_at", "reviewed_at")
LIST_FIELDS = ("authors", "reviewers", "tags", "categories")
TEXT_FIELDS = ("description", "image")
META_FIELDS = (*DATE_FIELDS, *LIST_FIELDS, *TEXT_FIELDS, "references")


def utc_instant(value: Any) -> Any:
    """A timestamp as a comparable UTC instant: an aware ``datetime`` or an ISO string
    ("2024-03-02T12:30:00Z", "2024-03-02T07:30:00-05:00") becomes an aware UTC datetime;
    a naive datetime stays as it is (it equals no instant: a record must be tz-aware)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
        if value.tzinfo is None:
            raise ValueError(f"expected timestamp without a zone: {value}")
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC)
    return value


def show(value: Any) -> Any:
    """A metadata value as a failure message shows it (instants in ISO, UTC)."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return f"naive {value.isoformat()}"
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    return value


def expected_metadata(page: dict[str, Any], base: str | None = None) -> dict[str, Any]:
    """The page's expected metadata, comparable with :func:`record_metadata`. A field the
    entry does not name is expected empty (null or []): the page does not state it.
    ``base`` resolves the demo site's root-relative image and reference URLs."""
    out: dict[str, Any] = {}
    for name in DATE_FIELDS:
        out[name] = utc_instant(page.get(name))
    for name in LIST_FIELDS:
        out[name] = list(page.get(name) or [])
    for name in TEXT_FIELDS:
        out[name] = page.get(name)
    if base and out["image"]:
        out["image"] = urljoin(base, out["image"])
    out["references"] = [
        (r["text"], urljoin(base, r["url"]) if base and r["url"] else r["url"])
        for r in page.get("references") or []
    ]
    return out


def record_metadata(record: Record) -> dict[str, Any]:
    """The record's metadata in the form of :func:`expected_metadata`."""
    out: dict[str, Any] = {name: utc_instant(getattr(record, name)) for name in DATE_FIELDS}
    for name in LIST_FIELDS:
        out[name] = list(getattr(record, name) or [])
    for name in TEXT_FIELDS:
        out[name] = getattr(record, name)
    out["references"] = [(r.text, r.url) for r in record.references or []]
    return out


def metadata_differences(want: dict[str, Any], got: dict[str, Any]) -> dict[str, str]:
    """Field -> "got X, want Y" for every metadata field that is not exact."""
    return {
        name: f"got {show(got[name])!r}, want {show(want[name])!r}"
        for name in META_FIELDS
        if got[name] != want[name]
    }


def _link(link: Any) -> tuple[str, str | None] | None:
    if link is None:
        return None
    if isinstance(link, dict):
        return (link["title"], link["url"])
    return (link.title, link.url)


@dataclass
class Scores:
    checks: Counter[str] = field(default_factory=Counter)
    totals: Counter[str] = field(default_factory=Counter)
    f1s: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    ids: Counter[str] = field(default_factory=Counter)
    records: int = 0
    non_article_records: int = 0
    # (template, score) -> passed / checked, and the template's body F1s, for the report
    by_template: Counter[tuple[str, str]] = field(default_factory=Counter)
    by_template_totals: Counter[tuple[str, str]] = field(default_factory=Counter)
    template_f1s: dict[str, list[float]] = field(default_factory=dict)

    def check(self, name: str, ok: bool, where: str) -> None:
        self.totals[name] += 1
        self.checks[name] += ok
        template = where.split("/", 1)[0]
        self.by_template_totals[(template, name)] += 1
        self.by_template[(template, name)] += ok
        if not ok:
            self.failures.append(f"{name}: {where}")

    def f1(self, where: str, value: float) -> None:
        self.f1s.append(value)
        self.template_f1s.setdefault(where.split("/", 1)[0], []).append(value)

    def summary(self) -> dict[str, float]:
        out = {name: self.checks[name] / self.totals[name] for name in sorted(self.totals)}
        out["body_f1"] = statistics.fmean(self.f1s) if self.f1s else 0.0
        out["duplicates"] = float(sum(n - 1 for n in self.ids.values() if n > 1))
        out["non_article_record_share"] = self.non_article_records / max(self.records, 1)
        return {k: round(v, 4) for k, v in out.items()}


def score_page(scores: Scores, where: str, page: dict[str, Any], record: Record | None) -> None:
    if not page.get("article", True):
        scores.check("non_articles_skipped", record is None, where)
        if record is not None:
            scores.records += 1
            scores.non_article_records += 1
        return
    scores.check("articles_found", record is not None, where)
    if record is None:
        scores.f1(where, 0.0)
        score_metadata(scores, where, page, None)
        return
    scores.records += 1
    scores.ids[record.id] += 1
    scores.check("title_exact", record.title == page["title"], f"{where} {record.title!r}")
    got_sections = [(s.number, s.heading) for s in record.sections]
    want_sections = [(s["number"], s["heading"]) for s in page.get("sections", [])]
    scores.check("sections_exact", got_sections == want_sections, f"{where} {got_sections}")
    got_related = [r.url for r in record.related]
    want_related = [r["url"] for r in page.get("related", [])]
    scores.check("related_exact", got_related == want_related, f"{where} {got_related}")
    prev_next_ok = (_link(record.prev), _link(record.next)) == (
        _link(page.get("prev")),
        _link(page.get("next")),
    )
    scores.check("prev_next_exact", prev_next_ok, f"{where} {record.prev} {record.next}")
    scores.check("intro_exact", record.intro == page.get("intro", ""), where)
    scores.check("language_right", record.language == page.get("language"), where)
    left = [s for s in page.get("must_not_contain", []) if s in record.text]
    scores.check("boilerplate_free", not left, f"{where} {left}")
    for snippet in page.get("must_contain", []):
        scores.check("content_kept", snippet in record.text, f"{where} {snippet!r}")
    scores.f1(where, token_f1(record.text, expected_text(page)))
    score_metadata(scores, where, page, record)


def score_metadata(
    scores: Scores, where: str, page: dict[str, Any], record: Record | None, base: str | None = None
) -> None:
    """One ``meta_<field>`` check per metadata field (a page without a record fails all)."""
    want = expected_metadata(page, base)
    if record is None:
        for name in META_FIELDS:
            scores.check(f"meta_{name}", False, f"{where} no record")
        return
    wrong = metadata_differences(want, record_metadata(record))
    for name in META_FIELDS:
        scores.check(f"meta_{name}", name not in wrong, f"{where} {wrong.get(name, '')}")


def corpus_pages(corpus: Path = CORPUS) -> list[tuple[str, Path, dict[str, Any]]]:
    """(template/file, path, expected entry) for every page of the corpus, sorted."""
    pages = []
    for expected_file in sorted(corpus.glob("*/expected.json")):
        template = expected_file.parent
        entries = json.loads(expected_file.read_text(encoding="utf-8"))["pages"]
        for name, page in sorted(entries.items()):
            pages.append((f"{template.name}/{name}", template / name, page))
    return pages


def demo_articles(site: Path = DEMO_SITE) -> list[tuple[str, Path, dict[str, Any]]]:
    """(demo_site/<path>, file, expected record) for every article of the demo site."""
    expected = json.loads((site / "expected.json").read_text(encoding="utf-8"))
    return [
        (f"{site.name}{path}", site / path.lstrip("/"), entry)
        for path, entry in sorted(expected.items())
        if not path.startswith("_")
    ]


def clean_demo_page(path: Path, where: str) -> Record | None:
    """A demo-site article cleaned as ``tests/test_clean_demo_pages.py`` cleans it."""
    url = DEMO_BASE + where.removeprefix(DEMO_SITE.name)
    return clean_html(path.read_bytes(), url=url, declared_encoding="utf-8").record


def score_corpus(corpus: Path = CORPUS, demo: Path | None = DEMO_SITE) -> Scores:
    """Every corpus page; and the demo site's articles, for their metadata only (their
    text is gated by tests/test_clean_demo_pages.py)."""
    scores = Scores()
    for where, path, page in corpus_pages(corpus):
        result = clean_html(path.read_bytes(), url=page["url"])
        score_page(scores, where, page, result.record)
    if demo is not None:
        for where, path, page in demo_articles(demo):
            score_metadata(scores, where, page, clean_demo_page(path, where), DEMO_BASE)
    return scores


def template_table(scores: Scores) -> list[str]:
    """The report's per-template lines: each score as passed/checked, body F1."""
    templates = sorted({t for t, _ in scores.by_template_totals})
    text_names = [n for n in sorted(scores.totals) if not n.startswith("meta_")]
    lines = []
    for template in templates:
        cells = []
        for name in [*text_names, *(f"meta_{f}" for f in META_FIELDS)]:
            total = scores.by_template_totals[(template, name)]
            if total:
                cells.append(f"{name}={scores.by_template[(template, name)]}/{total}")
        f1s = scores.template_f1s.get(template)
        if f1s:
            cells.append(f"body_f1={statistics.fmean(f1s):.4f}")
        lines.append(f"{template}: " + " ".join(cells))
    return lines


def with_boilerplate_rate(summary: dict[str, float]) -> dict[str, float]:
    """The issue's framing: the share of records with boilerplate left in ``text``."""
    summary = dict(summary)
    if "boilerplate_free" in summary:
        summary["boilerplate_rate"] = round(1 - summary.pop("boilerplate_free"), 4)
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="raise floors to the scores")
    args = parser.parse_args()
    scores = score_corpus()
    summary = with_boilerplate_rate(scores.summary())
    for name, value in summary.items():
        print(f"{name:<26} {value}")
    print("per template:")
    for line in template_table(scores):
        print(" ", line)
    for failure in scores.failures:
        print("  FAIL", failure[:200])
    if args.update:
        raise_floors(BASELINE, summary, LOWER_IS_BETTER)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
