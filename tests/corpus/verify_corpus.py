"""Check the corpus itself (not the cleaner): run after editing any template.

    python tests/corpus/verify_corpus.py [TEMPLATE ...]   # default: every template

For every template folder: expected.json is valid and names every page file; each page
decodes strictly in its stated encoding (GBK pages are not valid UTF-8), declares that
charset, parses, and has balanced block tags; every link points at a `.test` host; every
expected string (title, intro, headings, section lines, related, prev/next) is visible on
the page, and every expected URL is an href of the page; must_contain strings are in the
expected text and must_not_contain strings are not (but are on the page).
"""

from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from corpus_score import expected_text  # noqa: E402

BLOCK = {"html", "head", "body", "div", "p", "table", "tr", "td", "th", "ul", "ol", "li",
         "section", "article", "header", "footer", "main", "aside", "nav", "form", "h1", "h2",
         "h3", "h4", "dl", "dd", "dt", "figure", "blockquote", "thead", "tbody", "title", "span",
         "a", "b", "strong", "em", "script"}
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
    fix = None
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
            if not declared or declared.group(1) not in (enc.lower(), "utf-8" if enc == "utf-8" else enc):
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
            seen = visible_text(doc)
            if folder.name == "en_mojibake" and enc == "utf-8":
                if fix is None:
                    import ftfy

                    fix = ftfy
                seen = fix.fix_text(seen, uncurl_quotes=False)
            if not page.get("article", True):
                continue
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
    print(f"corpus pages: {total / 1024:.0f} KiB")
    for p in problems:
        print("PROBLEM", p)
    print("ok" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
