"""Score the cleaner on the multi-template corpus in ``tests/corpus/``.

    python tests/corpus_score.py            # print the scores, worst pages first
    python tests/corpus_score.py --update   # raise the floors in quality_baseline.json

Each template folder holds pages and an ``expected.json`` (see tests/corpus/README.md).
The scores are the targets of the cleaning issue: articles found, duplicates, exact
titles / sections / related / prev-next, body token-F1, boilerplate left in the text,
content kept, language, and records made from pages that are not articles.
``tests/test_quality_gate.py`` fails when a score drops below its floor.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from floors import raise_floors

from cleaning import Record, clean_html

CORPUS = Path(__file__).resolve().parent / "corpus"
BASELINE = Path(__file__).resolve().parent / "quality_baseline.json"
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

    def check(self, name: str, ok: bool, where: str) -> None:
        self.totals[name] += 1
        self.checks[name] += ok
        if not ok:
            self.failures.append(f"{name}: {where}")

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
        scores.f1s.append(0.0)
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
    scores.f1s.append(token_f1(record.text, expected_text(page)))


def score_corpus(corpus: Path = CORPUS) -> Scores:
    scores = Scores()
    for expected_file in sorted(corpus.glob("*/expected.json")):
        template = expected_file.parent
        pages = json.loads(expected_file.read_text(encoding="utf-8"))["pages"]
        for name, page in sorted(pages.items()):
            body = (template / name).read_bytes()
            result = clean_html(body, url=page["url"])
            score_page(scores, f"{template.name}/{name}", page, result.record)
    return scores


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
    for failure in scores.failures:
        print("  FAIL", failure[:200])
    if args.update:
        raise_floors(BASELINE, summary, LOWER_IS_BETTER)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
