"""The seed page (a real page's text dump) through `healthcorpus clean --format text`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from cleaning import clean_text
from cleaning.dataset.schema import SCHEMA_VERSION

# A copy of shared/seed/leg-cramps-women.txt, so the repo tests itself on its own.
SEED = Path(__file__).resolve().parent / "fixtures" / "seed" / "leg-cramps-women.txt"

HEADINGS = [
    "Calcium deficiency in the human body",
    "Sweating a lot",
    "Muscle Overwork",
    "Impact of symptoms",
]
RELATED_TITLES = [
    "How long does it take to get your period after wearing the ring?",
    "How do infants' and young children's bones differ from those of adults?",
    "How to care for a girl with a cold",
    "Why do women urinate more frequently at night?",
    "How to regulate menstruation and what are the main methods of healthy diet",
    "Upset stomach? Eat these foods to get better fast",
    "I got pregnant again after half a month of abortion",
    "Is it good to have less bleeding after miscarriage?",
    "What causes menstrual headaches?",
    "How many months of pregnancy is it better to do a check-up",
    "Itching of vulva and anus",
    "Why does a woman's left leg ache?",
    "Can women with kidney deficiency have sex?",
]


@pytest.fixture(scope="module")
def seed_dataset(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pd.DataFrame]:
    out = tmp_path_factory.mktemp("seed")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "crawler",
            "clean",
            str(SEED),
            "--format",
            "text",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return out, pd.read_parquet(out)


def test_exactly_one_record(seed_dataset: tuple[Path, pd.DataFrame]) -> None:
    _, df = seed_dataset
    assert len(df) == 1


def test_title_once(seed_dataset: tuple[Path, pd.DataFrame]) -> None:
    _, df = seed_dataset
    row = df.iloc[0]
    assert row["title"] == "What causes leg cramps in women"
    assert "What causes leg cramps in women" not in row["text"]


def test_intro(seed_dataset: tuple[Path, pd.DataFrame]) -> None:
    row = seed_dataset[1].iloc[0]
    assert row["intro"].startswith("Calf cramps are a common condition")
    assert row["intro"].endswith("So what is the cause of calf cramps in women?")
    assert row["text"].startswith(row["intro"])


def test_four_numbered_sections(seed_dataset: tuple[Path, pd.DataFrame]) -> None:
    row = seed_dataset[1].iloc[0]
    sections = list(row["sections"])
    assert [s["number"] for s in sections] == [1, 2, 3, 4]
    assert [s["heading"] for s in sections] == HEADINGS
    assert sections[0]["text"].startswith("Calcium deficiency in the human body is also")
    assert sections[3]["text"].endswith("degeneration of spinal cord nerves.")
    for section in sections:
        assert section["text"] in row["text"]


def test_related_in_order_with_snippets(seed_dataset: tuple[Path, pd.DataFrame]) -> None:
    row = seed_dataset[1].iloc[0]
    related = list(row["related"])
    assert [r["title"] for r in related] == RELATED_TITLES
    assert related[0]["snippet"] == "Wearing an IUD is a common contraceptive method f..."
    assert related[-1]["snippet"] == "When it comes to kidney deficiency, there is no d..."
    assert all(r["snippet"].endswith("...") for r in related)


def test_prev_next(seed_dataset: tuple[Path, pd.DataFrame]) -> None:
    row = seed_dataset[1].iloc[0]
    assert row["prev"]["title"] == "The benefits of putting ginger in the belly button"
    assert row["next"]["title"] == "A lot of white and sticky vaginal discharge"


def test_no_boilerplate_in_text(seed_dataset: tuple[Path, pd.DataFrame]) -> None:
    row = seed_dataset[1].iloc[0]
    text = row["text"]
    assert "Recommend" not in text
    assert "<<:" not in text and ">>:" not in text
    for title in RELATED_TITLES:
        assert title not in text
    for r in row["related"]:
        assert r["snippet"].rstrip(".") not in text
    assert "ginger in the belly button" not in text


def test_manifest_counts(seed_dataset: tuple[Path, pd.DataFrame]) -> None:
    out, _ = seed_dataset
    manifests = list((out / "_runs").glob("*.json"))
    assert len(manifests) == 1
    manifest = json.loads(manifests[0].read_text())
    assert manifest["records_written"] == 1
    assert manifest["status"] == "finished"
    assert manifest["schema_version"] == SCHEMA_VERSION == "3"


def test_unnumbered_heading_lines_become_sections(tmp_path: Path) -> None:
    """The seed with its headings' numbers taken off ("Sweating a lot" alone on its line
    between two paragraphs): the same four sections, with a null number."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    numbered = ("1. ", "2. ", "3. ", "4. ")
    unnumbered = [line[3:] if line.startswith(numbered) else line for line in lines]
    dump = tmp_path / "unnumbered.txt"
    dump.write_text("\n".join(unnumbered), encoding="utf-8")
    record = clean_text(dump.read_bytes(), url=dump.as_uri()).record
    assert record is not None
    assert [(s.number, s.heading) for s in record.sections] == [(None, h) for h in HEADINGS]
    assert record.intro.startswith("Calf cramps are a common condition")
    assert record.sections[3].text.endswith("degeneration of spinal cord nerves.")
    assert [r.title for r in record.related] == RELATED_TITLES


def test_short_lines_inside_a_paragraph_run_stay_text() -> None:
    """A short line that does not stand between two paragraphs (a list of items, a
    sentence cut short, a line ending with a comma) is no heading."""
    dump = "\n".join(
        [
            "Leg cramps at night",
            "Night cramps are common in adults over fifty and in pregnant women, and most "
            "of them pass within a few minutes without treatment.",
            "You will need:",
            "A towel",
            "A bottle of water",
            "Stretch the calf slowly, then massage the muscle until it relaxes; drinking "
            "a glass of water before bed helps some people sleep through the night.",
        ]
    )
    record = clean_text(dump.encode(), url="file:///cramps.txt").record
    assert record is not None
    assert record.sections == []
    assert "A bottle of water" in record.text
