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
_DIGITS = "0123456789"
# A furniture prefix at the start of a token ("advert", "sponsored-links").
_PREFIX = re.compile(r"(?:^|[-_])(?:" + "|".join(FURNITURE_PREFIXES) + ")")


def _hint_pattern(words: Iterable[str], prefixes: Iterable[str] = ()) -> re.Pattern[str]:
    alternatives = [re.escape(w) for w in sorted(words)]
    alternatives += [re.escape(p) + r"\w*" for p in prefixes]
    return re.compile(rf"(?:^|[\s_-])(?:{'|'.join(alternatives)})(?:$|[\s_-])", re.IGNORECASE)


_FURNITURE_HINT = _hint_pattern([*FURNITURE_WORDS, *FURNITURE_PHRASES], FURNITURE_PREFIXES)
_ARTICLE_HINT = _hint_pattern(ARTICLE_WORDS)
# The first tokens of the furniture phrases ("most" of "most-read").
_PHRASE_STARTS = frozenset(phrase.split("-")[0] for phrase in FURNITURE_PHRASES)


def kinds_of(hint: str) -> int:
    """The kind bits of a class/id/role string.

    >>> kinds_of("relatedPosts") == KIND_BITS["related"] | KIND_BITS["content"]
    True
    """
    return class_hints(hint)[2]


# The facts of a word, packed in one int beside its kind bits.
_ARTICLE_BIT, _FURNITURE_BIT, _PHRASE_BIT = 1 << 40, 1 << 41, 1 << 42
_KINDS_MASK = (1 << len(KINDS)) - 1
MAX_CACHED_WORDS = 65536  # about 8 MB when full; a site's class words fit many times over
_word_cache: dict[str, int] = {}


@lru_cache(maxsize=8192)
def class_hints(hint: str) -> tuple[bool, bool, int]:
    """(names article content, names page furniture, kind bits) for a class+id string.

    Cached, and so is each of its words (``_word_facts``): a page repeats the same few
    class strings hundreds of times, and pages share most of their class words
    ("row", "col-md-6", "wrapper"). A furniture word or prefix is a token of its own;
    only the phrases ("most-read") need the regex, and only where a phrase starts.
    """
    facts = 0
    cache = _word_cache
    for word in hint.split():
        # Trailing numbers name nothing ("comment-4821", "col-md-6", "nav2"): without
        # them, an id's words hit the cache like class words do.
        key = word.rstrip(_DIGITS) or word
        known = cache.get(key)
        if known is None:
            known = _word_facts(key)
            if len(cache) >= MAX_CACHED_WORDS:
                cache.clear()
            cache[key] = known
        facts |= known
    article = bool(facts & _ARTICLE_BIT)
    furniture = bool(facts & _FURNITURE_BIT)
    if not hint.isascii():
        article = article or _ARTICLE_HINT.search(hint) is not None
        facts |= _PHRASE_BIT
    if not furniture and facts & _PHRASE_BIT:  # "most-read", "sr-only": phrases span tokens
        furniture = _FURNITURE_HINT.search(hint) is not None
    return article, furniture, facts & _KINDS_MASK


def _word_facts(word: str) -> int:
    """The kind bits of one class word ("post-comments", "relatedPosts"), with bits for
    an article word, a furniture word and the start of a furniture phrase: its tokens
    split at "-" and "_" (and, for the kinds, at camelCase), and the word with those
    joined ("sr-only")."""
    lowered = word.lower()
    tokens = lowered.replace("-", " ").replace("_", " ").split()
    facts = 0
    if not ARTICLE_WORDS.isdisjoint(tokens):
        facts |= _ARTICLE_BIT
    if not FURNITURE_WORDS.isdisjoint(tokens) or _PREFIX.search(lowered) is not None:
        facts |= _FURNITURE_BIT
    if not _PHRASE_STARTS.isdisjoint(tokens):
        facts |= _PHRASE_BIT
    if not word.islower():
        tokens = _CAMEL.sub(" ", word).lower().replace("-", " ").replace("_", " ").split()
    facts |= _KIND_OF_WORD.get(lowered.replace("-", "").replace("_", ""), 0)
    for token in tokens:
        facts |= _KIND_OF_WORD.get(token, 0)
        if token[-1] == "s":  # "posts", "widgets"
            facts |= _KIND_OF_WORD.get(token[:-1], 0)
    for stem in _STEM.findall(lowered):  # stems anywhere in a token
        facts |= _STEM_BITS[stem]
    return facts
