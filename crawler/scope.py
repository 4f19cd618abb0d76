"""Which URLs a crawl may fetch: the start URLs' hosts, and nothing else.

Same host means same hostname and port, whatever the scheme: ``http://h/`` and
``https://h/`` are one site, ``http://h:8000/`` and ``http://h:9000/`` are two. With
``allow_subdomains`` a subdomain of a start host (``www.h`` -> ``news.www.h``) is in
scope too, on the start host's port or the scheme's default one. Only http and https
are ever in scope: no ``file:``, ``ftp:``, ``data:`` or ``s3:`` URL, however a page or a
redirect points at it.

Scrapy's own OffsiteMiddleware matches host names only and always admits subdomains;
the crawl uses this stricter rule for links and for redirects alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

DEFAULT_PORTS = {"http": 80, "https": 443}


def host_key(url: str) -> tuple[str, int | None] | None:
    """(hostname, port), port None for the scheme's default one; None if not http(s).

    ``http://h/`` and ``https://h:443/`` both give ``("h", None)``: a site that moves
    to https (or redirects there) stays the same site.
    """
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    try:
        port = parts.port
    except ValueError:  # a port that is not a number
        return None
    if port == DEFAULT_PORTS[parts.scheme]:
        port = None
    return parts.hostname, port


def host_label(url: str) -> str:
    """``host`` or ``host:port`` (a non-default port), as the state names a site."""
    key = host_key(url)
    if key is None:
        return ""
    host, port = key
    return host if port is None else f"{host}:{port}"


class SiteScope:
    def __init__(self, start_urls: Iterable[str], *, allow_subdomains: bool = False) -> None:
        self.hosts = {key for url in start_urls if (key := host_key(url)) is not None}
        self.allow_subdomains = allow_subdomains

    @property
    def hostnames(self) -> list[str]:
        return sorted({host for host, _ in self.hosts})

    def contains(self, url: str) -> bool:
        key = host_key(url)
        if key is None:
            return False
        if key in self.hosts:
            return True
        if not self.allow_subdomains:
            return False
        host, port = key
        return any(
            host.endswith("." + start_host) and port in (start_port, None)
            for start_host, start_port in self.hosts
        )
