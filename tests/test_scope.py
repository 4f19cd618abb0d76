"""Which URLs a crawl may fetch (crawler/scope.py): the rule behind links and redirects."""

from __future__ import annotations

import pytest

from crawler.scope import SiteScope

START = ["https://www.example.org/health/"]


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.org/a.html",
        "http://www.example.org/a.html",  # same site over http
        "https://www.example.org:443/a.html",
        "https://WWW.EXAMPLE.ORG/a.html",
    ],
)
def test_the_start_host_is_in_scope(url: str) -> None:
    assert SiteScope(START).contains(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://news.www.example.org/a.html",  # a subdomain: only with --subdomains
        "https://example.org/a.html",  # the parent domain
        "https://www.example.org:8443/a.html",  # another port is another server
        "https://www.example.org.evil.test/a.html",
        "https://evilwww.example.org/a.html",
        "file:///etc/passwd",
        "ftp://www.example.org/pub/",
        "data:text/html,<p>hi</p>",
        "javascript:alert(1)",
        "s3://www.example.org/bucket",
        "http://:80/",
        "https://www.example.org:notaport/",
    ],
)
def test_everything_else_is_out_of_scope(url: str) -> None:
    assert not SiteScope(START).contains(url)


def test_subdomains_when_asked_for() -> None:
    scope = SiteScope(START, allow_subdomains=True)
    assert scope.contains("https://news.www.example.org/a.html")
    assert scope.contains("http://a.b.www.example.org/")
    assert not scope.contains("https://example.org/")  # not the parent
    assert not scope.contains("https://evilwww.example.org/")
    assert not scope.contains("https://news.www.example.org:8443/")
    assert not scope.contains("file:///etc/passwd")
