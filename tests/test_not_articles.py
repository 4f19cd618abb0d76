"""Pages that are not articles give no record, and say why."""

from __future__ import annotations

import random
import time

import pytest

from cleaning import clean_html, clean_text

PROSE = (
    "Calf cramps are common, and most of them pass within minutes. Stretching the muscle, "
    "drinking enough water and eating foods rich in potassium and magnesium all help. "
)


def random_bytes(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


@pytest.mark.parametrize("seed", range(5))
def test_binary_junk_labelled_html_is_garbage(seed: int) -> None:
    assert clean_html(random_bytes(20_000, seed), url="http://a.test/x").skip_reason == "garbage"
    wrapped = b"<html><body><p>" + random_bytes(5_000, seed) + b"</p></body></html>"
    assert clean_html(wrapped, url="http://a.test/x").skip_reason == "garbage"


@pytest.mark.parametrize("body", [b"", b"   \n", "<html></html>", "<html><body></body></html>"])
def test_empty_pages(body: bytes | str) -> None:
    result = clean_html(body, url="http://a.test/x")
    assert result.record is None
    assert result.skip_reason in ("empty", "no_text")


def test_a_stub_is_too_short() -> None:
    html = "<html><body><h1>Contact</h1><p>Write to us at the address below.</p></body></html>"
    assert clean_html(html, url="http://a.test/contact").skip_reason == "too_short"


def test_a_list_of_teasers_is_a_listing() -> None:
    teasers = "".join(
        f'<li><a href="/a{i}.html">Article number {i} about leg cramps</a>'
        f"<p>{PROSE[:60]}...</p></li>"
        for i in range(12)
    )
    html = f"<html><body><h1>Women's health</h1><ul>{teasers}</ul></body></html>"
    assert clean_html(html, url="http://a.test/list").skip_reason == "listing"


def test_a_real_article_is_kept() -> None:
    html = f"<html><body><article><h1>Calf cramps</h1><p>{PROSE * 2}</p><p>{PROSE}</p>"
    html += "</article></body></html>"
    assert clean_html(html, url="http://a.test/a").record is not None


def test_text_dumps_of_non_articles_give_no_record() -> None:
    assert (
        clean_text(b"User-agent: *\nDisallow: /admin/\n", url="file:///robots.txt").record is None
    )
    assert clean_text(b"", url="file:///empty.txt").skip_reason == "empty"


def article_inside(opening: str, depth: int, closing: str = "") -> str:
    body = f"<h1>Leg cramps at night</h1>{'<p>' + PROSE * 3 + '</p>'}" * 4
    return f"<html><body>{opening * depth}{body}{closing * depth}</body></html>"


@pytest.mark.parametrize("closed", [False, True], ids=["never-closed", "closed-after"])
def test_hostile_nesting_is_refused_before_the_parser_stalls(closed: bool) -> None:
    """lexbor's time grows with the square of block nesting (200,000 <div>s: minutes);
    such a page is skipped at once, whether or not its tags are closed later."""
    html = article_inside("<DIV class=x>", 200_000, "</div>" if closed else "")
    started = time.perf_counter()
    result = clean_html(html, url="http://a.test/deep")
    assert result.skip_reason == "too_deep"
    assert time.perf_counter() - started < 2


def test_deep_but_possible_nesting_is_still_cleaned() -> None:
    result = clean_html(article_inside("<div>", 3_000, "</div>"), url="http://a.test/deep")
    assert result.record is not None
    assert result.record.title == "Leg cramps at night"
