"""The dataset card (``_README.md`` and ``.huggingface.yaml``) of real runs: a crawl of the
demo site and ``healthcorpus clean`` of saved pages, read back by Hugging Face
``datasets`` and the four Parquet readers through the code the card itself prints."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from demo_server_util import REPO, read_manifests, run_cli, serve_demo_site, subprocess_env
from huggingface_hub import DatasetCard
from tmpfs_util import mounted_tmpfs, remount

from cleaning.dataset import card_facts
from cleaning.dataset.card import (
    CARD_NAME,
    HF_CONFIG_NAME,
    is_generated,
    update_dataset_card,
    write_dataset_card,
)
from cleaning.dataset.dedup import dataset_files
from cleaning.dataset.schema import ARROW_SCHEMA, COLUMN_DOCS, SCHEMA_VERSION

CORPUS = REPO / "tests" / "corpus"
GBK_PAGES = CORPUS / "cn_gbk_portal"  # Chinese pages saved as files (no site)
HOWTO_PAGES = CORPUS / "en_howto"  # English pages, gzipped, with canonical URLs
CONFIGS = [{"config_name": "default", "data_files": [{"split": "train", "path": "part-*.parquet"}]}]


def clean(out: Path, *inputs: Path) -> subprocess.CompletedProcess[str]:
    proc = run_cli("clean", *map(str, inputs), "--out", str(out))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


def card_warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "dataset card of" in line]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One folder, two runs: a crawl of the demo site, then a clean of saved pages."""
    out = tmp_path_factory.mktemp("card") / "health"
    with serve_demo_site() as server:
        proc = run_cli("crawl", server.start_url, "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert not card_warnings(proc.stderr)
    crawl_card = (out / CARD_NAME).read_text(encoding="utf-8")  # the crawl wrote one
    assert "| runs | 1 (crawl 1) |" in crawl_card
    clean(out, GBK_PAGES, HOWTO_PAGES)
    yield out


def summary(card: str) -> dict[str, str]:
    section = card.split("## Summary", 1)[1].split("\n## ", 1)[0]
    return dict(re.findall(r"^\| (.+?) \| (.+) \|$", section, flags=re.M))


def counted(text: str) -> dict[str, int]:
    """``"en (41), zh (4)"`` -> {"en": 41, "zh": 4}."""
    found = re.findall(r"([^,]+?) \(([\d,]+)\)", text)
    return {k.strip(): int(v.replace(",", "")) for k, v in found}


def front_matter(card: str) -> dict:
    assert card.startswith("---\n")
    return yaml.safe_load(card[4 : card.index("\n---\n", 4)])


def test_the_card_yaml_is_what_datasets_reads(mixed: Path) -> None:
    from datasets.utils.metadata import MetadataConfigs

    data = DatasetCard.load(mixed / CARD_NAME).data
    assert data.configs == CONFIGS
    MetadataConfigs.from_dataset_card_data(data)  # datasets' own check of data_files
    languages = sorted(pd.read_parquet(mixed, columns=["language"])["language"].dropna().unique())
    assert data.language == languages == ["en", "zh"]
    assert data.multilinguality == "multilingual"
    assert data.license == "unknown"  # for the user to fill in
    assert data.pretty_name == "healthcorpus: health"
    assert data.size_categories == ["n<1K"]
    assert "health" in data.tags
    standalone = yaml.safe_load((mixed / HF_CONFIG_NAME).read_text(encoding="utf-8"))
    assert standalone == {"configs": CONFIGS}


# Runs every ```python block of the card, in order, in one namespace, the way a reader
# would paste them; prints what each reader saw.
SNIPPET_RUNNER = r"""
import json, re, sys
from pathlib import Path

card = Path(sys.argv[1]).read_text(encoding="utf-8")
ns = {}
for block in re.findall(r"```python\n(.*?)```", card, flags=re.S):
    exec(block, ns)
import polars as pl
print(json.dumps({
    "pandas": len(ns["df"]),
    "pyarrow": ns["table"].num_rows,
    "duckdb": ns["articles"].aggregate("count(*)").fetchall()[0][0],
    "polars": ns["lazy"].select(pl.len()).collect().item(),
    "datasets": ns["dataset"].num_rows,
    "latest": len(ns["latest"].fetchall()),
    "columns": {
        "pandas": list(ns["df"].columns),
        "pyarrow": ns["table"].column_names,
        "duckdb": ns["articles"].columns,
        "polars": ns["lazy"].collect_schema().names(),
        "datasets": ns["dataset"].column_names,
    },
}))
"""


def run_card_snippets(folder: Path, hf_home: Path) -> dict:
    env = subprocess_env()
    env.update(
        HF_HOME=str(hf_home),
        HF_DATASETS_CACHE=str(hf_home / "datasets"),
        HF_HUB_OFFLINE="1",
        HF_DATASETS_OFFLINE="1",
        HF_DATASETS_DISABLE_PROGRESS_BARS="1",
    )
    proc = subprocess.run(
        [sys.executable, "-c", SNIPPET_RUNNER, str(folder / CARD_NAME)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_the_cards_own_code_loads_every_row_in_every_reader(mixed: Path, tmp_path: Path) -> None:
    # Parquet files in a `_` folder (an index beside the parts, such as `_near_dups/`):
    # `datasets` alone would load them as rows too; the card's configs keep to the parts.
    folder = tmp_path / "set"
    shutil.copytree(mixed, folder)
    (folder / "_index").mkdir()
    pq.write_table(pa.table({"signature": [b"x", b"y"]}), folder / "_index" / "part-0.parquet")
    write_dataset_card(folder)  # the copy's own DIR
    rows = sum(pq.read_metadata(path).num_rows for path in dataset_files(mixed))
    seen = run_card_snippets(folder, tmp_path / "hf")
    columns = seen.pop("columns")
    assert seen == {
        "pandas": rows,
        "pyarrow": rows,
        "duckdb": rows,
        "polars": rows,
        "datasets": rows,
        "latest": rows,  # every article once: no article has two versions yet
    }
    assert rows > 40
    assert columns == dict.fromkeys(columns, ARROW_SCHEMA.names)


def test_the_cards_numbers_are_the_datas(mixed: Path) -> None:
    card = (mixed / CARD_NAME).read_text(encoding="utf-8")
    facts = summary(card)
    df = pd.read_parquet(mixed, columns=list(card_facts.CARD_COLUMNS))
    assert facts["rows"] == f"{len(df):,}"
    assert facts["distinct articles"] == f"{df['id'].nunique():,} (distinct `id`)"
    sites = df["site"].replace("", None)  # pages cleaned from files have no site
    assert facts["sites"] == str(sites.nunique())
    assert counted(facts["languages"]) == df["language"].value_counts().to_dict()
    assert counted(facts["extractor versions"]) == df["extractor_version"].value_counts().to_dict()
    first, last = df["fetched_at"].min(), df["fetched_at"].max()
    stamp = "%Y-%m-%d %H:%M:%S UTC"
    assert facts["fetched"] == f"{first.strftime(stamp)} to {last.strftime(stamp)}"
    manifests = read_manifests(mixed)
    commands = Counter(m["command"] for m in manifests)
    assert commands == {"crawl": 1, "clean": 1}
    assert facts["runs"] == "2 (clean 1, crawl 1)"
    assert max(m["finished_at"] for m in manifests) in facts["runs started / finished"]
    assert facts["schema"] == f"v{SCHEMA_VERSION}"
    assert facts["Parquet parts"].startswith(f"{len(dataset_files(mixed))}, ")
    # The sites table: each site's rows.
    section = card.split("## Sites", 1)[1].split("\n## ", 1)[0]
    table = {
        name.strip("`"): int(n.replace(",", ""))
        for name, n in re.findall(r"^\| (.+?) \| ([\d,]+) \|$", section, flags=re.M)
    }
    expected = sites.fillna("(none: files read offline)").value_counts().to_dict()
    assert table == expected
    # Every run, with what it started from.
    for manifest in manifests:
        assert f"`{manifest['run_id']}` | {manifest['command']} | {manifest['status']}" in card
    assert str(GBK_PAGES) in card and "http://127.0.0.1:" in card


def test_the_schema_table_is_the_schema(mixed: Path) -> None:
    card = (mixed / CARD_NAME).read_text(encoding="utf-8")
    columns = card.split("## Columns", 1)[1].split("\n## ", 1)[0]
    found = re.findall(r"^\| `(.+?)` \| `(.+?)` \| (.*) \|$", columns, flags=re.M)
    assert [name for name, _, _ in found] == ARROW_SCHEMA.names
    for name, arrow_type, meaning in found:
        assert arrow_type == str(ARROW_SCHEMA.field(name).type)
        assert meaning == COLUMN_DOCS[name].replace("|", "\\|").replace("<", "&lt;")


def test_a_second_run_updates_the_card_and_keeps_the_users_license(tmp_path: Path) -> None:
    out = tmp_path / "set"
    clean(out, GBK_PAGES)
    card = out / CARD_NAME
    first = summary(card.read_text(encoding="utf-8"))
    assert first["runs"] == "1 (clean 1)"
    text = card.read_text(encoding="utf-8").replace("license: unknown\n", "license: cc-by-4.0\n")
    card.write_text(text, encoding="utf-8")

    clean(out, HOWTO_PAGES)
    text = card.read_text(encoding="utf-8")
    second = summary(text)
    rows = sum(pq.read_metadata(path).num_rows for path in dataset_files(out))
    assert second["rows"] == f"{rows:,}" != first["rows"]
    assert second["runs"] == "2 (clean 2)"
    assert counted(second["languages"]).keys() == {"en", "zh"}
    assert DatasetCard.load(card).data.license == "cc-by-4.0"  # the user's, kept

    # Nothing changed since: the card is not written again (same file, same inode).
    before = card.stat().st_ino, (out / HF_CONFIG_NAME).stat().st_ino
    assert write_dataset_card(out) == card
    assert (card.stat().st_ino, (out / HF_CONFIG_NAME).stat().st_ino) == before


def test_the_users_own_files_are_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "set"
    out.mkdir()
    # A README.md of the user's: never written (the card is not named so), never read.
    readme = out / "README.md"
    readme.write_text("---\nlicense: mit\n---\n# My notes\n", encoding="utf-8")
    # A card from which the user removed the mark: theirs now.
    mine = "---\nlicense: mit\n---\n\n# My own card, no mark\n"
    (out / CARD_NAME).write_text(mine, encoding="utf-8")
    proc = clean(out, GBK_PAGES)
    assert not card_warnings(proc.stderr)
    assert readme.read_text(encoding="utf-8") == "---\nlicense: mit\n---\n# My notes\n"
    assert (out / CARD_NAME).read_text(encoding="utf-8") == mine
    # .huggingface.yaml is still ours, so `datasets` gets the parts only.
    assert is_generated((out / HF_CONFIG_NAME).read_text(encoding="utf-8"))


def test_a_card_that_cannot_be_written_does_not_fail_the_run(tmp_path: Path) -> None:
    out = tmp_path / "set"
    (out / CARD_NAME).mkdir(parents=True)  # something in the card's way
    proc = clean(out, GBK_PAGES)
    assert proc.returncode == 0
    (warning,) = card_warnings(proc.stderr)
    assert warning.startswith(f"healthcorpus: dataset card of {out} not written: ")
    assert "Traceback" not in proc.stderr
    (manifest,) = read_manifests(out)
    assert manifest["status"] == "finished" and manifest["records_written"] > 0
    assert len(pd.read_parquet(out)) == manifest["records_written"]


@pytest.fixture
def read_only_folder(tmp_path: Path, mixed: Path) -> Iterator[Path]:
    """A copy of a dataset on a tmpfs remounted read-only (as root; skipped elsewhere)."""
    with mounted_tmpfs(tmp_path / "ro", "8m") as mount:
        for path in [*dataset_files(mixed), *sorted((mixed / "_runs").glob("*.json"))]:
            target = mount / path.relative_to(mixed)
            target.parent.mkdir(exist_ok=True)
            shutil.copy(path, target)
        remount(mount, "ro")
        yield mount


def test_a_read_only_folder_gives_one_warning(read_only_folder: Path) -> None:
    warnings: list[str] = []
    assert update_dataset_card(read_only_folder, on_warning=warnings.append) is None
    (warning,) = warnings
    assert warning.startswith(f"dataset card of {read_only_folder} not written: ")
    assert "Read-only file system" in warning
    assert not (read_only_folder / CARD_NAME).exists()


def test_a_damaged_part_is_named_on_the_card_and_the_run_goes_on(
    tmp_path: Path, mixed: Path
) -> None:
    out = tmp_path / "set"
    shutil.copytree(mixed, out)
    good = dataset_files(out)
    damaged = out / "part-20200101T000000Z-000000-00000.parquet"
    damaged.write_bytes(good[0].read_bytes()[:2000])
    proc = clean(out, CORPUS / "en_plain_numbered")
    (warning,) = card_warnings(proc.stderr)
    assert f"1 Parquet part(s) could not be read and are not counted ({damaged.name}: " in warning
    card = (out / CARD_NAME).read_text(encoding="utf-8")
    assert "**1 file(s) could not be read**" in card and f"`{damaged.name}: " in card
    rows = sum(pq.read_metadata(path).num_rows for path in dataset_files(out) if path != damaged)
    assert summary(card)["rows"] == f"{rows:,}"


def test_upgrade_writes_the_card_of_a_folder_that_has_none(tmp_path: Path, mixed: Path) -> None:
    out = tmp_path / "set"
    shutil.copytree(mixed, out)
    (out / CARD_NAME).unlink()
    (out / HF_CONFIG_NAME).unlink()
    proc = run_cli("upgrade", str(out))
    assert proc.returncode == 0, proc.stderr
    card = (out / CARD_NAME).read_text(encoding="utf-8")
    assert is_generated(card)
    assert summary(card) == summary((mixed / CARD_NAME).read_text(encoding="utf-8"))
    assert DatasetCard.load(out / CARD_NAME).data.configs == CONFIGS


def test_any_folder_name_gives_valid_yaml(tmp_path: Path, mixed: Path) -> None:
    name = 'odd: "name" #not a comment \u00e9\u4e2d'
    out = tmp_path / name
    out.mkdir()
    for path in dataset_files(mixed):
        shutil.copy(path, out / path.name)
    card = write_dataset_card(out)
    assert DatasetCard.load(card).data.pretty_name == f"healthcorpus: {name}"
    assert f"DIR = {str(out.resolve())!r}" in card.read_text(encoding="utf-8")


def test_only_the_cards_few_columns_are_read(
    mixed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The card must stay cheap on a large folder: never the wide columns (``text``...)."""
    asked: list[list[str]] = []
    original = pq.ParquetFile.read_row_group

    def spy(self: pq.ParquetFile, i: int, columns: list[str] | None = None, **kw: object):
        asked.append(list(columns or []))
        return original(self, i, columns=columns, **kw)

    monkeypatch.setattr(pq.ParquetFile, "read_row_group", spy)
    facts = card_facts.gather_facts(mixed)
    assert facts.parts.rows == sum(pq.read_metadata(p).num_rows for p in dataset_files(mixed))
    assert asked and all(columns == list(card_facts.CARD_COLUMNS) for columns in asked)
    assert "text" not in card_facts.CARD_COLUMNS


def test_a_part_published_while_the_card_is_written_is_counted(
    tmp_path: Path, mixed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers of a shared crawl end together: one may publish a part after another
    read the folder, and that other's card must not be the last word."""
    from cleaning.dataset import card as card_module

    out = tmp_path / "set"
    out.mkdir()
    first, *others = dataset_files(mixed)
    shutil.copy(first, out / first.name)
    late = [path for path in dataset_files(mixed) if path != first]
    assert late, "the mixed folder has a part per run"
    original = card_module._write_if_ours

    def publish_meanwhile(path: Path, text: str) -> None:
        original(path, text)
        while late:  # another worker's part, published after this card's facts were read
            source = late.pop()
            shutil.copy(source, out / source.name)

    monkeypatch.setattr(card_module, "_write_if_ours", publish_meanwhile)
    card = write_dataset_card(out)
    rows = sum(pq.read_metadata(path).num_rows for path in dataset_files(out))
    assert summary(card.read_text(encoding="utf-8"))["rows"] == f"{rows:,}"
    assert len(dataset_files(out)) == 1 + len(others)


def test_the_workers_of_a_shared_crawl_leave_a_card_of_every_row(tmp_path: Path) -> None:
    from redis_util import crawl_with_workers, redis_server

    out = tmp_path / "set"
    with redis_server(tmp_path) as redis_url, serve_demo_site(delay=0.4) as server:
        results = crawl_with_workers(server.start_url, out, redis_url, 2)
    for code, stdout, stderr in results:
        assert code == 0, stdout + stderr
        assert not card_warnings(stderr)
    facts = summary((out / CARD_NAME).read_text(encoding="utf-8"))
    rows = sum(pq.read_metadata(path).num_rows for path in dataset_files(out))
    assert facts["rows"] == f"{rows:,}" and rows > 40
    assert facts["runs"] == "2 (crawl 2)"
