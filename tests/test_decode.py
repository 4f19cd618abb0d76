"""Decoding: HTTP charset, <meta>, detection, wrong declarations, mojibake, NFC."""

from __future__ import annotations

import pytest

from cleaning import clean_html
from cleaning.extractor.decode import decode_html, decode_text
from cleaning.extractor.textnorm import fix_text

SAMPLES = {
    "gbk": "小腿抽筋是很多人在日常生活中常见的一种情况。腿抽筋的真正机制目前尚不清楚。",
    "gb18030": "缺钙是导致小腿抽筋的一个重要原因，人体缺钙时神经肌肉的兴奋性会增高。",
    "big5": "小腿抽筋是很多人在日常生活中常見的一種情況。腿抽筋的真正機制目前尚不清楚。",
    "shift_jis": "こんにちは、健康の記事です。足がつる原因について説明します。",
    "euc-kr": "안녕하세요 건강 기사입니다 다리 경련의 원인을 알아봅시다",
    "utf-8": "Calf cramps are common — don’t worry, café.",
    "cp1252": "Calf cramps are common — don’t worry, café.",
}


def page(text: str, meta: str = "") -> str:
    return f"<html><head>{meta}<title>t</title></head><body><p>{text * 3}</p></body></html>"


@pytest.mark.parametrize("encoding", sorted(SAMPLES))
def test_undeclared_encoding_is_detected(encoding: str) -> None:
    text, _ = decode_html(page(SAMPLES[encoding]).encode(encoding))
    assert SAMPLES[encoding] in text


@pytest.mark.parametrize("encoding", ["gbk", "big5", "shift_jis", "cp1252"])
def test_meta_charset_is_used(encoding: str) -> None:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={encoding}">'
    text, used = decode_html(page(SAMPLES[encoding], meta).encode(encoding))
    assert SAMPLES[encoding] in text
    assert used != "utf-8"


@pytest.mark.parametrize("encoding", ["gbk", "big5", "cp1252"])
def test_http_charset_wins_when_right(encoding: str) -> None:
    body = page(SAMPLES[encoding], '<meta charset="utf-8">').encode(encoding)
    text, _ = decode_html(body, declared_encoding=encoding)
    assert SAMPLES[encoding] in text


@pytest.mark.parametrize("encoding", ["gbk", "big5", "cp1252"])
def test_wrong_http_charset_is_not_trusted_blindly(encoding: str) -> None:
    text, used = decode_html(page(SAMPLES[encoding]).encode(encoding), declared_encoding="utf-8")
    assert SAMPLES[encoding] in text
    assert used != "utf-8"


def test_unknown_charset_label_falls_back_to_meta() -> None:
    body = page(SAMPLES["gbk"], '<meta charset="gbk">').encode("gbk")
    text, _ = decode_html(body, declared_encoding="x-no-such-charset")
    assert SAMPLES["gbk"] in text


def test_a_stray_bad_byte_does_not_change_a_utf8_page() -> None:
    body = page(SAMPLES["utf-8"]).encode("utf-8") + b"\xff"
    text, used = decode_html(body, declared_encoding="utf-8")
    assert used == "utf-8" and SAMPLES["utf-8"] in text


@pytest.mark.parametrize("encoding", ["gbk", "utf-8", "big5"])
def test_text_files_are_detected_too(encoding: str) -> None:
    text, _ = decode_text((SAMPLES[encoding] + "\n").encode(encoding) * 3)
    assert SAMPLES[encoding] in text


def test_utf8_bom_is_stripped() -> None:
    text, _ = decode_text(b"\xef\xbb\xbfTitle\nBody")
    assert text == "Title\nBody"


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("donâ€™t", "don’t"),
        ("â€œquotedâ€\x9d", "“quoted”"),
        ("cafÃ©", "café"),
        ("e\u0301", "é"),  # decomposed -> NFC
        ("don’t “keep” curly quotes", "don’t “keep” curly quotes"),  # nothing to fix
    ],
)
def test_fix_text_repairs_mojibake_and_normalises(broken: str, fixed: str) -> None:
    assert fix_text(broken) == fixed


def test_mojibake_is_repaired_inside_a_cleaned_page() -> None:
    paragraph = (
        "Most people donâ€™t know that calf cramps have many causes, from low calcium "
        "to overwork, and that â€œrestâ€\x9d alone rarely fixes them for good. "
    )
    html = (
        "<html><head><title>Calf cramps explained</title></head><body><article><h1>Calf "
        f"cramps explained</h1><p>{paragraph * 3}</p><p>{paragraph * 2}</p></article></body>"
        "</html>"
    )
    record = clean_html(html.encode("utf-8"), url="http://site.test/a.html").record
    assert record is not None
    assert "don’t know" in record.text
    assert "“rest”" in record.text
    assert "â€" not in record.text


def test_a_page_written_in_decomposed_characters_gives_nfc_text() -> None:
    """"e" then U+0301 in the page's bytes: the record holds the one composed "é"."""
    paragraph = "Le cafe\u0301 du matin ne cause pas de crampes, mais le manque d'eau si. " * 4
    html = (
        "<html><head><title>Cafe\u0301 et crampes</title></head><body><article>"
        f"<h1>Cafe\u0301 et crampes</h1><p>{paragraph}</p><p>{paragraph}</p></article>"
        "</body></html>"
    )
    record = clean_html(html.encode("utf-8"), url="http://site.test/a.html").record
    assert record is not None
    assert record.title == "Café et crampes"
    assert "café du matin" in record.text and "\u0301" not in record.text
