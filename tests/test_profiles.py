"""Per-site profiles: optional CSS overrides, checked up front, applied per host."""

from __future__ import annotations

from pathlib import Path

import pytest
from demo_server_util import run_cli

from cleaning import clean_html
from cleaning.extractor.profiles import ProfileError, Profiles

PROSE = (
    "Iron carries oxygen in the blood, and a shortage shows first as tiredness, pale skin "
    "and shortness of breath on stairs. Doctors check ferritin before anything else. "
)
PAGE = f"""<html><head><title>Iron and tiredness | Site</title></head><body>
<div class="weird-a"><h2 class="kicker">Sponsored health story</h2>
<p>{PROSE * 4}</p><p>{PROSE * 3}</p><p>{PROSE * 3}</p></div>
<div class="weird-b"><h2 class="headline">Iron and tiredness</h2>
<p>Low iron is the most common deficiency in the world. {PROSE}</p>
<p class="promo">Buy our iron pills today, now with free shipping!</p>
<p>Most people need no supplement at all. {PROSE}</p></div>
</body></html>"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "profile.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_profile_overrides_content_title_and_removal(tmp_path: Path) -> None:
    profiles = Profiles.load(
        write(
            tmp_path,
            '[sites."health.test"]\ncontent = "div.weird-b"\ntitle = "h2.headline"\n'
            'remove = ["p.promo"]\n',
        )
    )
    generic = clean_html(PAGE, url="http://www.health.test/iron.html").record
    profiled = clean_html(
        PAGE,
        url="http://www.health.test/iron.html",
        profile=profiles.for_url("http://www.health.test/iron.html"),
    ).record
    assert generic is not None and profiled is not None
    assert "Sponsored" not in profiled.text
    assert profiled.text.startswith("Low iron is the most common deficiency")
    assert "Buy our iron pills" not in profiled.text
    assert profiled.title == "Iron and tiredness"
    assert profiled.text != generic.text


def test_hosts_match_subdomains_and_star_is_the_fallback(tmp_path: Path) -> None:
    profiles = Profiles.load(
        write(tmp_path, '[sites."a.test"]\ntitle = "h1"\n[sites."*"]\nremove = ".ad"\n')
    )
    assert profiles.for_url("https://news.a.test/x").title == "h1"  # type: ignore[union-attr]
    assert profiles.for_url("https://b.test/x").remove == (".ad",)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not toml [", "not valid TOML"),
        ("[other]\nx = 1\n", 'no [sites."host"] table'),
        ('[sites."a.test"]\ncontnet = "div"\n', "unknown key(s) contnet"),
        ('[sites."a.test"]\ncontent = "div[["\n', "bad CSS selector"),
        ('[sites."a.test"]\ntitle = ""\n', "is not a CSS selector"),
    ],
)
def test_bad_profiles_are_one_line_errors_naming_the_file(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ProfileError) as error:
        Profiles.load(path)
    assert str(path) in str(error.value) and message in str(error.value)
    assert "\n" not in str(error.value)


def test_cli_rejects_a_bad_profile_before_crawling(tmp_path: Path) -> None:
    path = write(tmp_path, "[sites]\n")
    proc = run_cli(
        "crawl", "http://127.0.0.1:9/", "--out", str(tmp_path / "o"), "--profile", str(path)
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"healthcorpus: error: {path}")
    assert "Traceback" not in proc.stderr


def test_clean_applies_the_star_profile(tmp_path: Path) -> None:
    page = tmp_path / "in" / "iron.html"
    page.parent.mkdir()
    page.write_text(PAGE, encoding="utf-8")
    profile = write(tmp_path, '[sites."*"]\ncontent = "div.weird-b"\n')
    proc = run_cli(
        "clean", str(page.parent), "--out", str(tmp_path / "o"), "--profile", str(profile)
    )
    assert proc.returncode == 0, proc.stderr
    import pandas as pd

    text = pd.read_parquet(tmp_path / "o").iloc[0]["text"]
    assert text.startswith("Low iron is the most common deficiency")
