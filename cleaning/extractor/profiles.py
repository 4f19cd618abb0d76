"""Optional per-site profiles: CSS selectors that override the generic rules for one site.

Nothing needs a profile: the generic cleaner finds every part by its shape and
wording. A profile is for the site where it still gets something wrong, written in a
TOML file and passed with ``--profile FILE``::

    # Hosts match themselves and their subdomains; "*" applies to every other site.
    [sites."health.example.com"]
    content = "div.article-body"      # the article is inside this element
    remove = [".author-box", ".ad"]   # these elements are never article text
    title = "h1.headline"             # the title is this element's text
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from cleaning.urls import site_of

_KEYS = frozenset({"content", "remove", "title"})


class ProfileError(ValueError):
    """A profile file that cannot be used; the message is one line naming the file."""


@dataclass(frozen=True, slots=True)
class SiteProfile:
    """The overrides for one site (all optional)."""

    content: str | None = None
    remove: tuple[str, ...] = ()
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Profiles:
    """All the profiles of one file, looked up by URL."""

    sites: dict[str, SiteProfile] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path) -> Profiles:
        """Read and check a profile file; a bad file raises :class:`ProfileError`."""
        source = Path(path)
        try:
            data = tomllib.loads(source.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ProfileError(f"{source}: cannot read ({exc.strerror or exc})") from exc
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ProfileError(f"{source}: not valid TOML ({exc})") from exc
        sites = data.get("sites")
        if not isinstance(sites, dict) or not sites:
            raise ProfileError(f'{source}: no [sites."host"] table')
        return cls({host.lower(): _site_profile(source, host, v) for host, v in sites.items()})

    def for_url(self, url: str) -> SiteProfile | None:
        """The profile of the URL's host (or of a parent domain), else ``*``, else None."""
        host = site_of(url)
        while host:
            if host in self.sites:
                return self.sites[host]
            _, _, host = host.partition(".")
        return self.sites.get("*")


def _site_profile(source: Path, host: str, table: object) -> SiteProfile:
    where = f'{source}: [sites."{host}"]'
    if not isinstance(table, dict):
        raise ProfileError(f"{where} is not a table")
    unknown = set(table) - _KEYS
    if unknown:
        raise ProfileError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    remove = table.get("remove", [])
    if isinstance(remove, str):
        remove = [remove]
    selectors = [table.get("content"), table.get("title"), *remove]
    for selector in selectors:
        if selector is not None:
            _check_selector(where, selector)
    return SiteProfile(table.get("content"), tuple(remove), table.get("title"))


def _check_selector(where: str, selector: object) -> None:
    if not isinstance(selector, str) or not selector.strip():
        raise ProfileError(f"{where}: {selector!r} is not a CSS selector")
    try:
        LexborHTMLParser("<p></p>").css(selector)
    except Exception as exc:  # selectolax raises several types for bad selectors
        raise ProfileError(f"{where}: bad CSS selector {selector!r} ({exc})") from exc
