"""Check the corpus itself (not the cleaner): run after editing any template.

    python tests/corpus/verify_corpus.py [TEMPLATE ...]   # default: every template

For every template folder: expected.json is valid and names every page file; each page
decodes strictly in its stated encoding (GBK pages are not valid UTF-8), declares that
charset, parses, and has balanced block tags; every link points at a `.test` host; every
expected string (title, intro, headings, section lines, related, prev/next) is visible on
the page, and every expected URL is an href of the page; must_contain strings are in the
expected text and must_not_contain strings are not (but are on the page).

Metadata (docs/metadata.md), on the corpus's articles and the demo site's: every entry
names all ten fields, in their forms (UTC ISO timestamps ending in Z, lists, an absolute
image URL); every timestamp is a date or time the page writes (in its markup or its
text, as ISO, with or without an offset, or in words); every name, tag, category and
the description is on the page or in its markup (an attribute, a JSON-LD string); the
image is a URL of its markup; each reference's text is visible, its URL is an href, and
the references are not in the expected text.
"""

from __future__ import annotations

import html
import json
import re
import sys
import unicodedata
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from corpus_score import DEMO_BASE, DEMO_SITE, META_FIELDS, expected_text  # noqa: E402

BLOCK = {
    "html",
    "head",
    "body",
    "div",
    "p",
    "table",
    "tr",
    "td",
    "th",
    "ul",
    "ol",
    "li",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "dl",
    "dd",
    "dt",
    "figure",
    "blockquote",
    "thead",
    "tbody",
    "title",
    "span",
    "a",
    "b",
    "strong",
    "em",
    "script",
}
OPTIONAL_END = {"p", "li", "td", "th", "tr", "dd", "dt", "thead", "tbody"}
URL_RE = re.compile(r"""(?:https?:|["'(=])//([A-Za-z0-9.\-]+)""")


class Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in BLOCK:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in BLOCK:
            return
        if tag not in self.stack:
            self.errors.append(f"stray </{tag}> at {self.getpos()}")
            return
        while self.stack and self.stack[-1] != tag:
            top = self.stack.pop()
            if top not in OPTIONAL_END:
                self.errors.append(f"<{top}> closed by </{tag}> at {self.getpos()}")
        self.stack.pop()


MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()
MONTH = "|".join(MONTH_NAMES)
# Dates as pages write them; each pattern is anchored on digits or a month name and has no
# nested repetition (no catastrophic backtracking on long pages).
ISO_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d))?(Z|[+-]\d\d:?\d\d)?)?")
MDY_DATE = re.compile(rf"\b({MONTH}) (\d{{1,2}}), (\d{{4}})", re.I)
DMY_DATE = re.compile(rf"\b(\d{{1,2}}) ({MONTH}) (\d{{4}})", re.I)
ZH_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
UTC_STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def stated_instants(text: str) -> set[datetime]:
    """Every instant the text writes: ISO dates and times (no offset: UTC; a date alone:
    00:00 UTC), and dates in words (English, Chinese) at 00:00 UTC."""
    found: set[datetime] = set()
    for m in ISO_DATE.finditer(text):
        y, mo, d, hh, mm, ss, zone = m.groups()
        try:
            moment = datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0), int(ss or 0))
        except ValueError:
            continue
        offset = timedelta(0)
        if zone and zone != "Z":
            sign = -1 if zone[0] == "-" else 1
            digits = zone[1:].replace(":", "")
            offset = sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        found.add((moment - offset).replace(tzinfo=UTC))
    for m in MDY_DATE.finditer(text):
        month, day, year = m.groups()
        found.add(datetime(int(year), MONTH_NAMES.index(month.lower()) + 1, int(day), tzinfo=UTC))
    for m in DMY_DATE.finditer(text):
        day, month, year = m.groups()
        found.add(datetime(int(year), MONTH_NAMES.index(month.lower()) + 1, int(day), tzinfo=UTC))
    for m in ZH_DATE.finditer(text):
        year, month, day = m.groups()
        found.add(datetime(int(year), int(month), int(day), tzinfo=UTC))
    return found


def squash(text: str) -> str:
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", text).strip())


def json_ld_strings(doc) -> list[str]:
    """Every string value of the page's JSON-LD scripts."""
    out: list[str] = []
    for script in doc.xpath('//script[@type="application/ld+json"]'):
        try:
            stack = [json.loads(script.text_content())]
        except ValueError:
            continue
        while stack:
            value = stack.pop()
            if isinstance(value, dict):
                stack.extend(value.values())
            elif isinstance(value, list):
                stack.extend(value)
            elif isinstance(value, str):
                out.append(value)
    return out


def check_metadata(
    where: str, page: dict, markup: list[str], raw: str, seen: str, hrefs: set[str]
) -> list[str]:
    """The metadata checks of the module docstring, for one article page. ``markup`` is
    the page's attribute values and JSON-LD strings, ``raw`` its source (unescaped)."""
    problems = []
    missing = [name for name in META_FIELDS if name not in page]
    if missing:
        return [f"{where}: metadata fields missing: {missing}"]
    seen_n = squash(seen)
    markup_n = [squash(v) for v in markup]

    def stated(value: str) -> bool:
        value = squash(value)
        return value in seen_n or any(value in v for v in markup_n)

    instants = stated_instants(raw) | stated_instants(seen)
    for name in ("published_at", "modified_at", "reviewed_at"):
        value = page[name]
        if value is None:
            continue
        if not isinstance(value, str) or not UTC_STAMP.match(value):
            problems.append(f"{where}: {name} {value!r} is not a UTC ISO timestamp")
            continue
        if datetime.fromisoformat(value.replace("Z", "+00:00")) not in instants:
            problems.append(f"{where}: {name} {value} is no date or time the page writes")
    for name in ("authors", "reviewers", "tags", "categories"):
        if not isinstance(page[name], list):
            problems.append(f"{where}: {name} is not a list")
            continue
        for value in page[name]:
            if not value or not stated(value):
                problems.append(f"{where}: {name} {value!r} is not on the page")
    if page["description"] is not None and not stated(page["description"]):
        problems.append(f"{where}: description not on the page: {page['description'][:60]!r}")
    image = page["image"]
    if image is not None:
        absolute = urlsplit(image).scheme in ("http", "https")
        if not absolute or image not in {urljoin(page["url"], v.strip()) for v in markup}:
            problems.append(f"{where}: image {image} is not a URL of the page's markup")
    body = expected_text(page)
    for ref in page["references"]:
        if set(ref) != {"text", "url"}:
            problems.append(f"{where}: reference {ref} is not {{text, url}}")
            continue
        if not ref["text"] or squash(ref["text"]) not in seen_n:
            problems.append(f"{where}: reference not visible: {ref['text'][:60]!r}")
        if ref["url"] is not None and ref["url"] not in hrefs:
            problems.append(f"{where}: reference URL {ref['url']} is no href")
        if ref["text"] and ref["text"] in body:
            problems.append(f"{where}: reference is in the expected text: {ref['text'][:60]!r}")
    return problems


def page_markup(doc, fix=None) -> list[str]:
    """The page's attribute values and JSON-LD strings (repaired by ``fix`` if given)."""
    values = [str(v) for v in doc.xpath("//@*")] + json_ld_strings(doc)
    return [fix(v) for v in values] if fix else values


def check_demo_site() -> list[str]:
    """The metadata checks on the demo site's articles (their text has its own tests)."""
    problems = []
    expected = json.loads((DEMO_SITE / "expected.json").read_text(encoding="utf-8"))
    for path, page in sorted(expected.items()):
        if path.startswith("_"):
            continue
        where = f"demo_site{path}"
        text = (DEMO_SITE / path.lstrip("/")).read_text(encoding="utf-8")
        url = DEMO_BASE + path
        doc = lxml.html.document_fromstring(text)
        hrefs = {urljoin(url, h) for h in doc.xpath("//a/@href")}
        markup = page_markup(doc)
        seen = visible_text(doc)
        problems += check_metadata(
            where, {"url": url, **page}, markup, html.unescape(text), seen, hrefs
        )
    return problems


def repair_mojibake(text: str) -> str:
    """The en_mojibake pages' text as their expected records hold it (quotes kept)."""
    import ftfy

    return ftfy.fix_text(text, uncurl_quotes=False)


def visible_text(doc) -> str:
    for bad in doc.xpath("//script|//style"):
        bad.drop_tree()
    for br in doc.xpath("//br|//p|//div|//li|//td|//th|//h1|//h2|//h3|//h4|//tr"):
        br.tail = " " + (br.tail or "")
        br.text = " " + (br.text or "")
    return re.sub(r"\s+", " ", doc.text_content())


def main(templates: list[str]) -> int:
    problems: list[str] = []
    total = 0
    for expected_file in sorted(HERE.glob("*/expected.json")):
        folder = expected_file.parent
        if templates and folder.name not in templates:
            continue
        try:
            pages = json.loads(expected_file.read_text(encoding="utf-8"))["pages"]
        except (ValueError, KeyError) as exc:
            problems.append(f"{expected_file}: {exc}")
            continue
        on_disk = {p.name for p in folder.glob("*.html")}
        for missing in sorted(on_disk - set(pages)):
            problems.append(f"{folder.name}/{missing}: not in expected.json")
        for name, page in sorted(pages.items()):
            where = f"{folder.name}/{name}"
            path = folder / name
            if not path.exists():
                problems.append(f"{where}: named in expected.json but missing")
                continue
            raw = path.read_bytes()
            total += len(raw)
            sniffed = re.search(rb"charset=[\"']?([\w-]+)", raw[:2000])
            enc = page.get("encoding") or (sniffed.group(1).decode() if sniffed else "utf-8")
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError as exc:
                problems.append(f"{where}: not {enc}: {exc}")
                continue
            if enc.lower() in ("gbk", "gb18030", "gb2312", "windows-1252", "cp1252"):
                try:
                    raw.decode("utf-8")
                    problems.append(f"{where}: says {enc} but is valid UTF-8")
                except UnicodeDecodeError:
                    pass
            head = text[:2000].lower()
            declared = re.search(r"charset=[\"']?([\w-]+)", head)
            if not declared or declared.group(1) not in (
                enc.lower(),
                "utf-8" if enc == "utf-8" else enc,
            ):
                problems.append(f"{where}: declares {declared and declared.group(1)}, is {enc}")
            balance = Balance()
            balance.feed(text)
            balance.close()
            problems += [f"{where}: {e}" for e in balance.errors[:3]]
            unclosed = [t for t in balance.stack if t not in OPTIONAL_END]
            if unclosed:
                problems.append(f"{where}: unclosed {unclosed}")
            for host in URL_RE.findall(text):
                if not host.endswith(".test"):
                    problems.append(f"{where}: link to non-.test host {host}")
            if not urlsplit(page["url"]).hostname.endswith(".test"):
                problems.append(f"{where}: url not on .test")
            doc = lxml.html.document_fromstring(text)
            hrefs = {urljoin(page["url"], h) for h in doc.xpath("//a/@href")}
            repair = None
            if folder.name == "en_mojibake" and enc == "utf-8":
                repair = repair_mojibake
            markup = page_markup(doc, repair)
            seen = visible_text(doc)
            if repair:
                seen = repair(seen)
            if not page.get("article", True):
                continue
            raw = html.unescape(text)
            problems += check_metadata(
                where, page, markup, repair(raw) if repair else raw, seen, hrefs
            )
            wanted = [page["title"], *page["intro"].split("\n\n")]
            for section in page["sections"]:
                wanted.append(section["heading"])
                for line in section["text"].replace("\n\n", "\n").split("\n"):
                    wanted += line.split(" | ")
            for link in [*page["related"], page["prev"], page["next"]]:
                if link:
                    wanted.append(link["title"])
                    if link["url"] not in hrefs:
                        problems.append(f"{where}: expected URL {link['url']} is no href")
                    if not urlsplit(link["url"]).hostname.endswith(".test"):
                        problems.append(f"{where}: {link['url']} not on .test")
            wanted += [r["snippet"] for r in page["related"]]
            for s in wanted:
                for piece in s.split("\n"):
                    if piece and piece not in seen:
                        problems.append(f"{where}: not visible on the page: {piece[:70]!r}")
            body = expected_text(page)
            for s in page["must_contain"]:
                if s not in body:
                    problems.append(f"{where}: must_contain not in expected text: {s!r}")
            for s in page["must_not_contain"]:
                if s in body:
                    problems.append(f"{where}: must_not_contain is in expected text: {s!r}")
                if s not in seen and s not in text:
                    problems.append(f"{where}: must_not_contain not on the page: {s!r}")
    if not templates:
        problems += check_demo_site()
    print(f"corpus pages: {total / 1024:.0f} KiB")
    for p in problems:
        print("PROBLEM", p)
    print("ok" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
