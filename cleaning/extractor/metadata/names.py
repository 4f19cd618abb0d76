"""People's names out of bylines: "By Anna Lee, MD and Tom Ross | Updated May 2" ->
["Anna Lee, MD", "Tom Ross"]."""

from __future__ import annotations

import re

from cleaning.extractor.textnorm import collapse_spaces

MAX_NAME_CHARS = 80  # longer is a sentence, not a name
MAX_NAME_WORDS = 7
MAX_NAMES = 20

# What leads a byline's names: dropped.
BYLINE_LEAD = re.compile(
    r"^\s*(?:(?:written|posted|authored|reported|words|text|story|published|compiled)\s+by"
    r"|by|from|author(?:s|ed)?|written|von|par|por|di|door|av|przez|autor(?:es|en)?|auteurs?"
    r"|作者|文|撰文|记者|编辑|来源)\s*[:：/／|]?\s*",
    re.I,
)
# Where the names end on the line: a date, a role, another field.
_TAIL = re.compile(
    r"\s*(?:[|·•—–]|\s-\s|\bon\s+(?:\d|[A-Z][a-z]{2,8}\.?\s+\d)|\bupdated\b|\bpublished\b|\bposted\b"
    r"|\breviewed\b|\bfact[- ]checked\b|\bedited\b|\bphotograph|\bfollow\b|\bemail\b"
    r"|\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|[（(](?:记者|编辑|通讯员)|\s{2,}|\n|发布|时间|日期|来源[：:]|更新)",
    re.I,
)
_SPLIT = re.compile(r"\s*(?:,|;|，|、|/|\band\b|&|\bund\b|\bet\b|\by\b|和|及)\s*", re.I)
CREDENTIALS = frozenset(
    """md m.d. do d.o. phd ph.d. rn bsn msn np aprn pa pa-c pharmd rph rd rdn ld cde mph ms msc
    ma mba bsc bs ba facp faap facog facs frcp frcs mbbs mbchb dnp crnp lcsw lpc cpt cscs nasm
    dds dmd od dpm dc lac dpt otr ccc-slp ibclc cnm jr jr. sr sr. ii iii""".split()
)
_NOT_NAMES = frozenset(
    """staff admin administrator editor editors team newsroom reporter correspondent guest
    anonymous unknown follow share comments comment read more view profile contributor
    contributors""".split()
)
_HAS_LETTER = re.compile(r"[^\W\d_]")


def names_in(line: str) -> list[str]:
    """The names a byline line states, without its lead and what follows the names."""
    line = collapse_spaces(line)
    line = BYLINE_LEAD.sub("", line, count=1)
    tail = _TAIL.search(line)
    if tail:
        line = line[: tail.start()]
    return clean_names(_SPLIT.split(line))


def clean_names(pieces: list[str]) -> list[str]:
    """Names from pieces: credentials joined to the name before them, non-names and
    duplicates dropped, page order kept."""
    names: list[str] = []
    for piece in pieces:
        piece = collapse_spaces(piece).strip(" .,:;-–—|·•\"'“”()[]")
        piece = BYLINE_LEAD.sub("", piece, count=1) if piece.lower().startswith("by ") else piece
        if not piece:
            continue
        if names and _only_credentials(piece):
            names[-1] = f"{names[-1]}, {piece}"
            continue
        if is_name(piece) and piece not in names:
            names.append(piece)
    return names[:MAX_NAMES]


def is_name(text: str) -> bool:
    """Whether ``text`` can be a person's or an organization's name."""
    if not text or len(text) > MAX_NAME_CHARS or not _HAS_LETTER.search(text):
        return False
    if "http" in text or "@" in text or "www." in text:
        return False
    words = text.split()
    if len(words) > MAX_NAME_WORDS:
        return False
    return text.lower() not in _NOT_NAMES


def _only_credentials(piece: str) -> bool:
    words = piece.lower().replace(",", " ").split()
    return bool(words) and all(word in CREDENTIALS for word in words)
