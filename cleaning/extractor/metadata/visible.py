"""The article's metadata as the page shows it to readers: bylines, reviewer lines,
datelines and breadcrumbs, the last source of trust (docs/metadata.md).

Lines are read where they stand on article pages: near the title, at the top and the
end of the article, and in a box the page names a byline. A line counts by its label
("By", "Medically reviewed by", "Updated", "作者：", "发布时间："), so prose that merely
starts with "By" ("By age 40, ...") is not a byline: its names must look like names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from cleaning.extractor.blocks import Block, Page
from cleaning.extractor.metadata.fields import Stated
from cleaning.extractor.metadata.names import names_in
from cleaning.extractor.patterns import BOILERPLATE_LINES

MAX_LINE_CHARS = 240  # a byline or dateline is a short line
BEFORE_TITLE = 4  # blocks above the title looked at (a kicker, a dateline)
AFTER_TITLE = 15
AFTER_CONTENT = 15  # blocks after the article: "Medically reviewed by" often ends it

# Separators of the parts of one meta line: "By X | Updated May 2 · 5 min read".
_PARTS = re.compile(
    r"\s+[|·•—–]\s+|\s*[|·•]\s*|\s+-\s+|\s{3,}|\n|\s+(?=[\u4e00-\u9fff]{2,6}\s*[：:])"
)
# What every match of _PARTS holds: a line without it is one part. (_PARTS tries its
# alternatives at every character; this class is skipped through in C.)
_MAY_SPLIT = re.compile(r"[|·•—–\n\-\u4e00-\u9fff]|\s\s\s")
_REVIEWER = re.compile(
    r"^(?:(?:medically|clinically|expert|medical(?:ly)?|peer|professionally)\s+)?"
    r"(?:reviewed|checked|vetted|verified|fact[- ]checked)(?:\s+and\s+\w+)?\s+by\b\s*[:：]?"
    r"|^fact[- ]check(?:ed|er)?\s*(?:by)?\s*[:：]|^(?:medical\s+)?reviewers?\s*[:：]"
    r"|^(?:审核专家|医学审核|审核医生|审核|审校|审稿专家|审稿)\s*[:：]?",
    re.I,
)
_AUTHOR = re.compile(
    r"^(?:(?:written|posted|authored|reported|story)\s+by\b|by\b|authors?\s*[:：]"
    r"|von\b|par\b|por\b|作者\s*[:：]?|文\s*[/／|]|撰文\s*[:：/]|记者\s*[:：]?)\s*",
    re.I,
)
_PUBLISHED = re.compile(
    r"^(?:(?:first\s+)?published(?:\s+on)?|posted(?:\s+on)?|publication\s+date|date|on"
    r"|publié\s+le|veröffentlicht(?:\s+am)?|publicado(?:\s+el)?|pubblicato(?:\s+il)?"
    r"|time\s*:|发布时间|发布日期|发表时间|发表于|发布于|时间|日期)\s*[:：]?\s*",
    re.I,
)
_MODIFIED = re.compile(
    r"^(?:(?:last\s+)?(?:updated|modified|revised)(?:\s+on)?|mis\s+à\s+jour\s+le"
    r"|aktualisiert(?:\s+am)?|actualizado(?:\s+el)?|更新时间|更新于|更新日期|最后更新)\s*[:：]?\s*",
    re.I,
)
_REVIEWED = re.compile(
    r"^(?:(?:last|medically)\s+reviewed(?:\s+on)?|reviewed\s+on|review\s+date|审核时间|审核日期)"
    r"\s*[:：]?\s*(?=\S*\d)",
    re.I,
)
_TAGS = re.compile(
    r"^(?:tags|tagged(?:\s+with)?|topics|keywords|标签|关键词|关键字)\s*[:：]\s*", re.I
)
_BY_AFTER_DATE = re.compile(r"\bby\s+(?=\S)", re.I)
# A breadcrumb's last entry that names the page's kind, not its title ("Text", "正文").
_GENERIC_LAST = frozenset(
    {"正文", "内容", "详情", "正文内容", "文章", "text", "article", "content"}
)
_DATE_IN_REVIEW = re.compile(r"\s(?:on|—|–|-)\s+(?=\S*\d|[A-Z][a-z]+\.?\s+\d)")
# A breadcrumb line: "Current location: Home > Health > ..." (the boilerplate rule's).
_LOCATION = BOILERPLATE_LINES["breadcrumb"]
_HOME = frozenset(
    {"home", "homepage", "home page", "start", "startseite", "accueil", "inicio", "início",
     "首页", "主页", "网站首页", "首頁"}
)  # fmt: skip
_CASELESS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0600-\u06ff\u0590-\u05ff]")
_NAME_PARTICLES = frozenset(
    "de da del della di van von der den la le du dos das bin al y e".split()
)


# A word any meta line holds (lowercased): lines without one are not read at all.
# (Literals only, searched in the lowercased line: with \b or IGNORECASE the same
# alternation costs six times more, and `any(cue in text ...)` three times.)
_CUES = (
    "by ", "review", "check", "updat", "publi", "post", "modif", "revis", "author", "date",
    "time", "von ", "par ", "por ", "veröff", "aktual", "actual", "mis ", "作者", "审", "发布",
    "发表", "时间", "日期", "更新", "文/", "文／", "撰文", "记者",
)  # fmt: skip


def _factored(cues: tuple[str, ...]) -> re.Pattern[str]:
    """An alternation of the literals ``cues`` grouped by their first character: it
    finds a line's cue wherever the plain alternation does, trying fewer branches."""
    rests: dict[str, set[str]] = {}
    for cue in cues:
        rests.setdefault(cue[0], set()).add(cue[1:])
    branches = []
    for first, tails in sorted(rests.items()):
        if "" in tails:  # (the first character alone is a cue: the longer ones add nothing)
            branches.append(re.escape(first))
        else:
            tail = "|".join(re.escape(t) for t in sorted(tails, key=lambda t: (-len(t), t)))
            branches.append(f"{re.escape(first)}(?:{tail})")
    return re.compile("|".join(branches))


_CUE = _factored(_CUES)
# Narrower cues, for a read of some fields only (``read_visible(wanted=...)``): every
# word the labels of those fields hold, lowercased. Characters that IGNORECASE matches
# to an ASCII letter but ``lower`` does not turn into it (İ ı ſ K) make a line read.
_REVIEW_CUES = ("review", "check", "vetted", "verified", "审")  # a reviewer line dates too
_FIELD_CUES = {
    "reviewers": _REVIEW_CUES,
    "reviewed_at": _REVIEW_CUES,
    "modified_at": ("updated", "modified", "revised", "mis", "aktualisiert", "actualizado", "更新"),
}
_BYLINE_FIELDS = frozenset({"authors", "published_at"})  # their lines take every cue
_CASE_FOLDED = re.compile("[\u0130\u0131\u017f\u212a]")


def read_visible(
    page: Page, title_index: int | None, content: list[int], wanted: frozenset[str] | None = None
) -> Stated:
    """What the bylines, reviewer lines and datelines around the article state.
    ``wanted``: the fields the caller reads (the others may be left None); lines that
    cannot state one of them are passed over, which spares most of the cost on pages
    whose structured data states the byline and the dates."""
    stated = Stated()
    narrow = None if wanted is None or wanted & _BYLINE_FIELDS else _narrow_cue(wanted)
    for block in _meta_lines(page, title_index, content):
        if stated.tags is None and (match := _TAGS.match(block.text)):
            words = [link.text for link in block.links] or block.text[match.end() :].split(",")
            stated.tags = [w.strip() for w in words if w.strip()] or None
        elif narrow is False:
            continue
        else:
            text = block.text.lower()
            if (
                narrow is not None
                and not narrow.search(text)
                and (block.text.isascii() or not _CASE_FOLDED.search(block.text))
            ):
                continue
            if _CUE.search(text):
                _read_line(block.text, stated)
    return stated


def _narrow_cue(wanted: frozenset[str]) -> re.Pattern[str] | bool:
    """The cue of the lines that may state a field of ``wanted``; False for none
    (the tags lines are read whatever the cue)."""
    cues = sorted({cue for name in wanted for cue in _FIELD_CUES.get(name, ())})
    return _compiled_cue(tuple(cues)) if cues else False


_COMPILED_CUES: dict[tuple[str, ...], re.Pattern[str]] = {}


def _compiled_cue(cues: tuple[str, ...]) -> re.Pattern[str]:
    pattern = _COMPILED_CUES.get(cues)
    if pattern is None:
        pattern = _COMPILED_CUES[cues] = _factored(cues)
    return pattern


def breadcrumb(page: Page, title_index: int | None) -> list[tuple[str, str]] | None:
    """A "Current location: Home > Health > Title" line above the title, as (name,
    link as written): ``trim_trail`` resolves the one or two it compares."""
    top = title_index if title_index is not None else min(len(page.blocks), 40)
    for block in page.blocks[max(0, top - 30) : top + 3]:
        if block.links and _LOCATION.match(block.text):
            trail = [(link.text, link.url) for link in block.links]
            last = block.text.rsplit(">", 1)[-1].strip() if ">" in block.text else ""
            if last and last != trail[-1][0]:
                trail.append((last, ""))
            return trail
    return None


def trim_trail(
    trail: list[tuple[str, str]],
    title: str,
    url: str,
    site_root: Callable[[], str],
    resolve: Callable[[str], str],
) -> list[str]:
    """A breadcrumb's names without the home page first and the article itself last
    (``resolve``: a trail link as an absolute URL; ``site_root``: the site's)."""
    names = [(name.strip(" >»/›|\u00a0"), link) for name, link in trail]
    names = [(name, link) for name, link in names if name and not _LOCATION.match(name)]
    if names and (names[0][0].lower() in _HOME or resolve(names[0][1]).rstrip("/") == site_root()):
        names = names[1:]
    if names and (
        _is_article((names[-1][0], resolve(names[-1][1])), title, url)
        or names[-1][0].lower() in _GENERIC_LAST
    ):
        names = names[:-1]
    return [name for name, _ in names]


def _is_article(entry: tuple[str, str], title: str, url: str) -> bool:
    name, link = entry
    if link and link.split("#")[0].rstrip("/") == url.split("#")[0].rstrip("/"):
        return True
    key, title_key = _key(name), _key(title)
    return bool(key) and (key == title_key or (len(key) > 12 and title_key.startswith(key)))


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.lower().removesuffix("..."))


def _meta_lines(page: Page, title_index: int | None, content: list[int]) -> Iterable[Block]:
    """Short blocks where bylines and datelines stand, each once, in page order."""
    blocks = page.blocks
    wanted: set[int] = set()
    if title_index is not None:
        wanted.update(range(max(0, title_index - BEFORE_TITLE), title_index + AFTER_TITLE))
    if content:
        first, last = content[0], content[-1]
        wanted.update(range(first, min(first + 8, last + 1)))
        wanted.update(range(max(first, last - 6), last + AFTER_CONTENT))
    for i in sorted(wanted):
        if i < len(blocks) and i != title_index and len(blocks[i].text) <= MAX_LINE_CHARS:
            yield blocks[i]


def _read_line(text: str, stated: Stated) -> None:
    """One meta line, part by part: "By X · Medically reviewed by Y · Updated May 2"."""
    byline_seen = False
    for part in _PARTS.split(text) if _MAY_SPLIT.search(text) else (text,):
        part = part.strip()
        if not part:
            continue
        if match := _REVIEWER.match(part):
            rest = part[match.end() :]
            dated = _DATE_IN_REVIEW.search(rest)
            if dated and stated.reviewed_at is None:
                stated.reviewed_at = rest[dated.end() :]
            names = looks_like_names(names_in(rest[: dated.start()] if dated else rest))
            if names and stated.reviewers is None:
                stated.reviewers = names
        elif match := _REVIEWED.match(part):
            if stated.reviewed_at is None:
                stated.reviewed_at = part[match.end() :]
        elif match := _MODIFIED.match(part):
            if stated.modified_at is None and _has_digit(part):
                stated.modified_at = part[match.end() :]
            byline_seen = _names_after_date(part[match.end() :], stated) or byline_seen
        elif (match := _PUBLISHED.match(part)) and _has_digit(part[match.end() :]):
            if stated.published_at is None:
                stated.published_at = part[match.end() :]
            byline_seen = _names_after_date(part[match.end() :], stated) or byline_seen
        elif match := _AUTHOR.match(part):
            names = looks_like_names(names_in(part))
            if names and stated.authors is None:
                stated.authors = names
                byline_seen = True
        elif byline_seen and stated.published_at is None and _is_bare_date(part):
            stated.published_at = part


def _names_after_date(rest: str, stated: Stated) -> bool:
    """ "Posted on May 5, 2024 by Anna Reed": the names after the date."""
    by = _BY_AFTER_DATE.search(rest)
    if by is None or stated.authors is not None:
        return False
    names = looks_like_names(names_in(rest[by.start() :]))
    if names:
        stated.authors = names
    return bool(names)


def looks_like_names(names: list[str]) -> list[str]:
    """``names`` when each is written as a name is (capitalised words, or a script
    without case), else nothing: "By age 40" and "by the way" are prose."""
    for name in names:
        if _CASELESS.search(name):
            continue
        words = [w for w in re.split(r"[\s.]+", name) if w]
        capitalised = [w for w in words if w[0].isupper() or not w[0].isalpha()]
        others = [w for w in words if w not in capitalised and w.lower() not in _NAME_PARTICLES]
        if not capitalised or (others and len(others) >= len(capitalised)):
            return []
    return names


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


_BARE_DATE = re.compile(r"^[\w\s,./:-]{6,40}$")


def _is_bare_date(part: str) -> bool:
    return _has_digit(part) and bool(_BARE_DATE.match(part))
