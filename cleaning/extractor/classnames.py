"""What a container's ``class``, ``id`` and ``role`` say it holds, in generic words.

Sites name their boxes in a shared vocabulary ("sidebar", "comment-list",
"entry-content", ``role="navigation"``...). Two readings are taken from it, once per
distinct string (cached), never a site's own names as such:

- *furniture* and *article* words (readability's family of hints): the content
  chooser's first guess of where the article is;
- *kinds*: a bit per kind of box (comments, sharing, related links, navigation,
  footer, header, sidebar, ads, sign-up prompts, metadata, captions, content, lead,
  title, hidden text), which the block scorer reads as features.

>>> article, furniture, kinds = class_hints("post-comments widget")
>>> article, furniture, kinds & KIND_BITS["comment"] != 0, kinds & KIND_BITS["sidebar"] != 0
(True, True, True, True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# A hint matches when one of its tokens (class/id split at spaces, "_" and "-") is one
# of the words, starts with one of the prefixes, or starts one of the hyphenated phrases.
FURNITURE_WORDS = frozenset(
    """nav navbar navigation menu breadcrumb breadcrumbs crumb crumbs footer foot sidebar
    side aside widget share sharing social comment comments ad ads adv banner popular hot
    tag tags pagination pager paging copyright login signup subscribe modal popup toolbar
    masthead related outbrain taboola caption credit credits gallery slideshow carousel
    lightbox byline author dateline timestamp print breaking subscription paywall mostread
    trending teaser readmore disclaimer overlay skip hidden header topbar logo brand""".split()
)
FURNITURE_PREFIXES = ("advert", "sponsor", "promo", "newsletter", "cookie", "recommend")
FURNITURE_PHRASES = (
    "most-read read-more more-stories sr-only visually-hidden top-bar site-title site-name"
).split()
ARTICLE_WORDS = frozenset("article post entry content story main body text detail".split())

# The kinds of box, each with its words (whole tokens, camelCase split) and stems
# (a token starting or ending with one). Order fixes the bit of each kind.
KINDS: dict[str, tuple[str, str]] = {
    "comment": (
        "comment comments commentlist disqus respond reply replies discussion kommentar "
        "kommentare commentaire commentaires comentarios",
        "comment",
    ),
    "share": (
        "share sharing social sociable addthis sharedaddy shariff sharebar follow",
        "share social",
    ),
    "related": (
        "related recommend recommended recommendations similar also readmore more trending "
        "popular mostread mostpopular outbrain taboola yarpp relatedposts teaser teasers",
        "related recommend",
    ),
    "nav": (
        "nav navbar navigation menu menus breadcrumb breadcrumbs crumb crumbs pagination "
        "pager paging skip toc submenu dropdown",
        "breadcrumb",
    ),
    "footer": ("footer foot copyright legal colophon bottom contentinfo", "footer"),
    "header": ("header masthead topbar logo brand branding banner", ""),
    "sidebar": ("sidebar side aside widget widgets rail complementary", "sidebar"),
    "ad": (
        "ad ads adv advert advertisement advertising sponsor sponsored promo promotion dfp "
        "commercial werbung anzeige",
        "advert sponsor promo",
    ),
    "signup": (
        "newsletter subscribe subscription signup paywall cookie cookies consent gdpr modal "
        "popup overlay lightbox login register dialog alertdialog",
        "newsletter cookie subscri paywall",
    ),
    "meta": (
        "byline author authors dateline date time timestamp meta metadata info posted "
        "published tags tag category categories label labels",
        "author byline",
    ),
    "caption": (
        "caption captions credit credits figcaption photo image img figure gallery slideshow "
        "carousel media video thumbnail thumb",
        "caption gallery",
    ),
    "content": (
        "article post entry content story main body text detail blog single prose",
        "article content",
    ),
    "lead": (
        "lead intro summary standfirst chapo excerpt abstract kicker subtitle deck description",
        "",
    ),
    "title": ("title headline heading", ""),
    "hidden": ("hidden hide invisible sronly screenreader", ""),
}
KIND_BITS = {kind: 1 << bit for bit, kind in enumerate(KINDS)}
_KIND_OF_WORD: dict[str, int] = {}
for _kind, (_words, _stems) in KINDS.items():
    for _word in _words.split():
        _KIND_OF_WORD[_word] = _KIND_OF_WORD.get(_word, 0) | KIND_BITS[_kind]
_STEM_BITS = {stem: KIND_BITS[kind] for kind, (_, stems) in KINDS.items() for stem in stems.split()}
# Stems anywhere in a token ("post-comments", "sidebarLeft", "ad-sponsored"): one C
# search for all of them, then a dict lookup per stem found.
_STEM = re.compile("|".join(sorted(_STEM_BITS, key=len, reverse=True)))
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SEPARATORS = str.maketrans("-_", "  ")


def _hint_pattern(words: Iterable[str], prefixes: Iterable[str] = ()) -> re.Pattern[str]:
    alternatives = [re.escape(w) for w in sorted(words)]
    alternatives += [re.escape(p) + r"\w*" for p in prefixes]
    return re.compile(rf"(?:^|[\s_-])(?:{'|'.join(alternatives)})(?:$|[\s_-])", re.IGNORECASE)


_FURNITURE_HINT = _hint_pattern([*FURNITURE_WORDS, *FURNITURE_PHRASES], FURNITURE_PREFIXES)
_ARTICLE_HINT = _hint_pattern(ARTICLE_WORDS)
# The first tokens a furniture match can start with (prefixes are checked apart).
_FURNITURE_STARTS = FURNITURE_WORDS | {phrase.split("-")[0] for phrase in FURNITURE_PHRASES}
_FURNITURE_PREFIX_IN = re.compile("|".join(FURNITURE_PREFIXES))  # anywhere: a cheap first test


def kinds_of(hint: str) -> int:
    """The kind bits of a class/id/role string.

    >>> kinds_of("relatedPosts") == KIND_BITS["related"] | KIND_BITS["content"]
    True
    """
    lowered = (_CAMEL.sub(" ", hint) if not hint.islower() else hint).lower()
    bits = 0
    for token in lowered.translate(_SEPARATORS).split():
        bits |= _token_kinds(token)
    joined = lowered.replace("-", "").replace("_", "")
    return bits | _KIND_OF_WORD.get(joined, 0)


@lru_cache(maxsize=16384)
def _token_kinds(token: str) -> int:
    """The kinds one token names: as a word (or its plural), or by a stem inside it.
    Cached: pages share most of their class tokens ("row", "col-md-6", "wrapper")."""
    bits = _KIND_OF_WORD.get(token, 0)
    if token[-1] == "s":  # "posts", "widgets"
        bits |= _KIND_OF_WORD.get(token[:-1], 0)
    for stem in _STEM.findall(token):
        bits |= _STEM_BITS[stem]
    return bits


@lru_cache(maxsize=4096)
def class_hints(hint: str) -> tuple[bool, bool, int]:
    """(names article content, names page furniture, kind bits) for a class+id string.

    Cached: a page repeats the same few class strings hundreds of times. An ASCII hint
    (nearly all) is judged on its tokens, which costs a fifth of the case-blind regex
    search; the regex only confirms a token that could start a furniture match.
    """
    kinds = kinds_of(hint)
    if not hint.isascii():
        article = _ARTICLE_HINT.search(hint) is not None
        return article, _FURNITURE_HINT.search(hint) is not None, kinds
    lowered = hint.lower()
    tokens = lowered.replace("-", " ").replace("_", " ").split()
    article = not ARTICLE_WORDS.isdisjoint(tokens)
    maybe_furniture = not _FURNITURE_STARTS.isdisjoint(tokens) or (
        _FURNITURE_PREFIX_IN.search(lowered) is not None
        and any(token.startswith(FURNITURE_PREFIXES) for token in tokens)
    )
    return article, maybe_furniture and _FURNITURE_HINT.search(lowered) is not None, kinds
