"""Canonical URLs: one article, one URL, one id, whatever tracking junk it was found with.

Pages carry broken URLs (``href="http://[object"``, a port of ``99999``) that make
``urllib`` raise ``ValueError``; every helper here answers them without raising, so
one bad link never costs the page it is on.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# Query parameters that track a visit and never select content.
_TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|yclid|igshid|_hsenc|_hsmi|"
    r"spm|scm|from|source|ref|ref_src|share|shared|cmpid|cmp|ncid|sr_share|s_cid|"
    r"ito|itm_\w+|wt\.mc_id|xtor|_ga|__twitter_impression)$",
    re.IGNORECASE,
)


def strip_tracking(url: str) -> str:
    """Drop tracking parameters and the fragment.

    >>> strip_tracking("https://a.example/x?id=3&utm_source=tw#top")
    'https://a.example/x?id=3'
    """
    parts = _split(url)
    if parts is None:
        return url  # not parseable: nothing can be told apart to strip
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    ]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def canonical_url(page_url: str, rel_canonical: str | None) -> str:
    """The article's canonical URL: rel=canonical when sane, else the page URL, normalised.

    A canonical that points at the site's home page while the page is deeper is a
    common template mistake (every page would get the same id), so it is ignored, as
    is one that is not a parseable http(s) URL. A page URL that is not one is kept as is.
    """
    page_parts = _split(page_url)
    if rel_canonical and rel_canonical.strip() and page_parts is not None:
        candidate = join_url(page_url, rel_canonical.strip())
        cand_parts = _split(candidate) if candidate else None
        if (
            candidate
            and cand_parts is not None
            and cand_parts.scheme in ("http", "https")
            and not (cand_parts.path in ("", "/") and page_parts.path not in ("", "/"))
        ):
            normal = _normalise(candidate)
            if normal is not None:
                return normal
    if page_parts is None or page_parts.scheme not in ("http", "https"):
        return page_url
    normal = _normalise(page_url)
    return page_url if normal is None else normal


def join_url(base: str, href: str) -> str | None:
    """``href`` resolved against ``base``; None when either is not a parseable URL."""
    try:
        return urljoin(base, href)
    except ValueError:
        return None


def url_path(url: str) -> str:
    """The path of a URL; '' for one that cannot be parsed."""
    parts = _split(url)
    return parts.path if parts is not None else ""


def site_of(url: str) -> str:
    """The host of a URL (without port), lower-cased; '' for non-URLs."""
    parts = _split(url)
    try:
        return (parts.hostname or "").lower() if parts is not None else ""
    except ValueError:
        return ""


def _split(url: str) -> SplitResult | None:
    """``urlsplit``, or None for a URL it rejects (an unclosed IPv6 bracket ...)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def _normalise(url: str) -> str | None:
    """Tracking stripped and w3lib-canonicalised; None when w3lib rejects the URL
    (a port out of range, a host IDNA cannot encode: UnicodeError is a ValueError)."""
    try:
        return canonicalize_url(strip_tracking(url))
    except ValueError:
        return None
