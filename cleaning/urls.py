"""Canonical URLs: one article, one URL, one id, whatever tracking junk it was found with."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

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
    parts = urlsplit(url)
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    ]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def canonical_url(page_url: str, rel_canonical: str | None) -> str:
    """The article's canonical URL: rel=canonical when sane, else the page URL, normalised.

    A canonical that points at the site's home page while the page is deeper is a
    common template mistake (every page would get the same id), so it is ignored.
    """
    chosen = page_url
    if rel_canonical and rel_canonical.strip():
        candidate = urljoin(page_url, rel_canonical.strip())
        cand_parts = urlsplit(candidate)
        page_path = urlsplit(page_url).path
        if cand_parts.scheme in ("http", "https") and not (
            cand_parts.path in ("", "/") and page_path not in ("", "/")
        ):
            chosen = candidate
    if urlsplit(chosen).scheme not in ("http", "https"):
        return chosen
    return canonicalize_url(strip_tracking(chosen))


def site_of(url: str) -> str:
    """The host of a URL (without port), lower-cased; '' for non-URLs."""
    return (urlsplit(url).hostname or "").lower()
