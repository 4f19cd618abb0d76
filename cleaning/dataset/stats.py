"""What a dataset folder holds, in numbers and plots: the engine of ``healthcorpus stats``.

Only the columns the numbers need are read, and nested columns only down to one small
leaf (``sections.number``, ``related.url``, ``prev.url``...), so the text columns of a
large dataset never load. Each file is reduced to a few compact columns as soon as it is
read; a file that cannot be read is named in :attr:`DatasetStats.problems` and skipped.

Per-article figures (word counts, sections, related links, prev/next, the metadata the
articles state: dates, authors, reviewers... see ``metadata_stats.py``) use the latest
version of each id, as :func:`cleaning.dataset.load` does; record counts (by site, by
language, by day) count every row.

Plots are drawn with matplotlib's Agg canvas directly (no pyplot, no display, no global
backend change) and embedded as base64 PNG, so the HTML report is one self-contained file.
"""

from __future__ import annotations

import base64
import html
import io
import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from cleaning.dataset.dedup import dataset_files
from cleaning.dataset.manifest import MANIFEST_DIR, RunManifest
from cleaning.dataset.metadata_stats import (
    COMPACT_FIELDS,
    columns_to_read,
    compact_metadata,
    name_counts,
    publication_years,
    shares,
)

TOP = 10  # sites, languages, versions listed by name; the rest are summed as "other"
NONE_LABEL = "(none)"

# Flat columns read as they are; nested ones through one leaf each (see module docstring).
FLAT_COLUMNS = (
    "id",
    "content_hash",
    "site",
    "language",
    "word_count",
    "fetched_at",
    "extractor_version",
)
NESTED_LEAVES = {
    "sections": "sections.list.element.number",
    "related": "related.list.element.url",
    "prev": "prev.url",
    "next": "next.url",
}

# The compact form each file is reduced to; every file is cast to it so they concatenate.
COMPACT_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("content_hash", pa.string()),
        ("site", pa.string()),
        ("language", pa.string()),
        ("word_count", pa.int64()),
        ("fetched_at", pa.timestamp("ms", tz="UTC")),
        ("extractor_version", pa.string()),
        ("n_sections", pa.int64()),
        ("n_related", pa.int64()),
        ("has_prev", pa.bool_()),
        ("has_next", pa.bool_()),
        ("near_dup_of", pa.string()),
        *COMPACT_FIELDS,
    ]
)

# Buckets of numbered sections per article: (label, lowest, highest or None).
SECTION_BUCKETS = (("0", 0, 0), ("1-2", 1, 2), ("3-5", 3, 5), ("6+", 6, None))


# --- the numbers -----------------------------------------------------------------------


@dataclass
class RunTotals:
    """The run manifests of the folder (``_runs/*.json``), added up."""

    runs: int = 0
    interrupted: int = 0  # stopped or killed before their end (resumed by the next run)
    pages_fetched: int = 0
    pages_not_modified: int = 0  # answered 304 to a conditional GET (in pages_fetched)
    pages_unchanged_by_lastmod: int = 0  # not asked: their sitemap date had not moved
    records_written: int = 0
    # Sitemaps and feeds: "sitemap files", "feed urls_in_scope", "sitemap refused
    # too_big"... summed over the runs; and alias URLs not fetched.
    discovery: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)


@dataclass
class DatasetStats:
    """Everything ``stats`` prints or plots, computed once from the folder."""

    folder: Path
    files: int
    file_problems: list[str]  # "path: why" for each Parquet file that was skipped
    manifest_problems: list[str]  # the same for run manifests
    rows: pd.DataFrame  # one row per record, the compact columns
    articles: pd.DataFrame  # latest version of each id
    runs: RunTotals

    @property
    def problems(self) -> list[str]:
        return [*self.file_problems, *self.manifest_problems]

    @property
    def records(self) -> int:
        return len(self.rows)

    @property
    def unique_articles(self) -> int:
        return len(self.articles)

    @property
    def duplicate_rows(self) -> int:
        """Rows whose id already appeared in an earlier row."""
        return self.records - self.unique_articles

    @property
    def identical_duplicate_rows(self) -> int:
        """Duplicate rows that also repeat the text (same id and content_hash)."""
        return int(self.rows.duplicated(["id", "content_hash"]).sum())

    @property
    def duplicate_texts(self) -> int:
        """Articles whose exact text (content_hash) another article already has."""
        hashes = self.articles["content_hash"].dropna()
        return int(hashes.duplicated().sum())

    def by_site(self) -> list[tuple[str, int]]:
        return _counts(self.rows["site"])

    def by_language(self) -> list[tuple[str, int]]:
        return _counts(self.rows["language"])

    def by_extractor_version(self) -> list[tuple[str, int]]:
        return _counts(self.rows["extractor_version"])

    def by_day(self) -> list[tuple[str, int]]:
        """Records per UTC day of ``fetched_at``, oldest first."""
        fetched = self.rows["fetched_at"].dropna()
        days = fetched.dt.strftime("%Y-%m-%d").value_counts().sort_index()
        return [(str(day), int(n)) for day, n in days.items()]

    def fetched_range(self) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        fetched = self.rows["fetched_at"].dropna()
        if fetched.empty:
            return None
        return fetched.min(), fetched.max()

    def section_buckets(self) -> list[tuple[str, int]]:
        """How many articles have 0, 1-2, 3-5, 6+ numbered sections."""
        counts = self.articles["n_sections"]
        buckets = []
        for label, low, high in SECTION_BUCKETS:
            inside = counts >= low if high is None else counts.between(low, high)
            buckets.append((label, int(inside.sum())))
        return buckets

    def share(self, column: str) -> tuple[int, float]:
        """Articles where a boolean column is true, and their share of all articles."""
        n = int(self.articles[column].sum())
        return n, _ratio(n, self.unique_articles)

    def metadata_shares(self) -> list[tuple[str, int]]:
        """(metadata field, articles that state it), e.g. ("reviewers", 12)."""
        return shares(self.articles)

    def publication_years(self) -> list[tuple[int, int]]:
        """Articles by year of ``published_at``, oldest first (undated ones left out)."""
        return publication_years(self.articles)

    def top_reviewers(self) -> list[tuple[str, int]]:
        return name_counts(self.articles["reviewers"])

    def top_authors(self) -> list[tuple[str, int]]:
        return name_counts(self.articles["authors"])

    def near_dup_clusters(self) -> list[int]:
        """The size of each near-duplicate cluster of the articles (its root and the
        articles whose ``near_dup_of`` names it), largest first."""
        members = self.articles["near_dup_of"].dropna()
        sizes = (members.value_counts() + 1).sort_values(ascending=False)
        return [int(n) for n in sizes]


def collect_stats(folder: str | os.PathLike[str]) -> DatasetStats:
    """Read the needed columns of every visible Parquet file and the run manifests."""
    root = Path(folder)
    paths = dataset_files(root)
    file_problems: list[str] = []
    manifest_problems: list[str] = []
    tables: list[pa.Table] = []
    for path in paths:
        try:
            tables.append(read_compact(path))
        except Exception as exc:  # any damage: name the file, keep going with the rest
            file_problems.append(f"{path}: cannot read ({_short(exc)}); skipped")
    table = pa.concat_tables(tables) if tables else COMPACT_SCHEMA.empty_table()
    rows = table.to_pandas()
    runs = _read_manifests(root, manifest_problems)
    return DatasetStats(
        folder=root,
        files=len(paths),
        file_problems=file_problems,
        manifest_problems=manifest_problems,
        rows=rows,
        articles=latest_versions(rows),
        runs=runs,
    )


def read_compact(path: Path) -> pa.Table:
    """One file's needed columns, reduced to :data:`COMPACT_SCHEMA` (counts, not lists)."""
    parquet = pq.ParquetFile(path)
    names = parquet.schema_arrow.names
    missing = [c for c in (*FLAT_COLUMNS, *NESTED_LEAVES) if c not in names]
    if missing:
        more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        raise ValueError(f"not a healthcorpus dataset: no column {', '.join(missing[:3])}{more}")
    wanted = [*FLAT_COLUMNS, *NESTED_LEAVES.values(), *columns_to_read(names)]
    if "near_dup_of" in names:  # v3
        wanted.append("near_dup_of")
    # Row group by row group: only one group's link URLs are ever decoded at a time.
    groups = range(parquet.metadata.num_row_groups)
    pieces = [_compact(parquet.read_row_group(g, columns=wanted)) for g in groups]
    return pa.concat_tables(pieces) if pieces else COMPACT_SCHEMA.empty_table()


def _compact(table: pa.Table) -> pa.Table:
    """The needed columns of one row group as :data:`COMPACT_SCHEMA`."""
    columns = {name: table.column(name) for name in FLAT_COLUMNS}
    columns["n_sections"] = _numbered_per_row(table.column("sections"))
    columns["n_related"] = pc.fill_null(pc.list_value_length(table.column("related")), 0)
    columns["has_prev"] = pc.is_valid(table.column("prev"))
    columns["has_next"] = pc.is_valid(table.column("next"))
    columns["near_dup_of"] = (
        table.column("near_dup_of")
        if "near_dup_of" in table.column_names
        else pa.nulls(table.num_rows, pa.string())
    )
    columns.update(compact_metadata(table))
    arrays = [columns[f.name].cast(f.type) for f in COMPACT_SCHEMA]
    return pa.Table.from_arrays(arrays, schema=COMPACT_SCHEMA)


def _numbered_per_row(sections: pa.ChunkedArray) -> pa.Array:
    """Per row, how many sections carry a number (unnumbered headings have a null one)."""
    lists = sections.combine_chunks()
    if len(lists) == 0:
        return pa.array([], pa.int64())
    items = pc.list_flatten(lists)
    numbers = items.flatten()[items.type.get_field_index("number")]  # item nulls included
    parents = pc.list_parent_indices(lists).to_numpy(zero_copy_only=False)
    numbered = pc.is_valid(numbers).to_numpy(zero_copy_only=False)
    counts = np.bincount(parents, weights=numbered, minlength=len(lists))
    return pa.array(counts.astype(np.int64))


def latest_versions(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per id: the one fetched last (rows without a time count as oldest)."""
    ordered = rows.sort_values("fetched_at", kind="stable", na_position="first")
    return ordered.drop_duplicates("id", keep="last")


def _read_manifests(root: Path, problems: list[str]) -> RunTotals:
    totals = RunTotals()
    folder = root / MANIFEST_DIR
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            manifest = RunManifest.read(path)
            pages, written = int(manifest.pages_fetched), int(manifest.records_written)
            not_modified = int(manifest.pages_not_modified)
            by_lastmod = int(manifest.pages_unchanged_by_lastmod)
            discovery = _discovery_counts(manifest.discovery)
            skipped, errors = Counter(manifest.skipped), Counter(manifest.errors)
            for counter in (skipped, errors):
                for reason, n in counter.items():
                    counter[reason] = int(n)
        except Exception as exc:  # a hand-edited or damaged manifest: same as a bad file
            problems.append(f"{path}: unreadable manifest ({_short(exc)}); skipped")
            continue
        totals.runs += 1
        totals.interrupted += manifest.status in ("interrupted", "running")
        totals.pages_fetched += pages
        totals.pages_not_modified += not_modified
        totals.pages_unchanged_by_lastmod += by_lastmod
        totals.discovery.update(discovery)
        totals.records_written += written
        totals.skipped.update(skipped)
        totals.errors.update(errors)
    return totals


def _discovery_counts(discovery: dict[str, object]) -> Counter[str]:
    """The manifest's ``discovery`` section as flat counts ("sitemap refused too_big")."""
    counts: Counter[str] = Counter()
    for kind, section in discovery.items():
        if not isinstance(section, dict):
            counts[kind] += int(section)  # type: ignore[call-overload]
            continue
        for name, value in section.items():
            if isinstance(value, dict):
                for reason, n in value.items():
                    counts[f"{kind} {name} {reason}"] += int(n)
            else:
                counts[f"{kind} {name}"] += int(value)
    return counts


def _counts(column: pd.Series) -> list[tuple[str, int]]:
    """Value counts, most frequent first (ties by name); null and "" shown as (none)."""
    labels = column.fillna("").astype(str).replace("", NONE_LABEL)
    counts = Counter(labels.tolist())
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def top(counts: list[tuple[str, int]], n: int = TOP) -> list[tuple[str, int]]:
    """The first n entries, and the rest summed into one "other (k)" entry."""
    if len(counts) <= n:
        return counts
    rest = counts[n:]
    return [*counts[:n], (f"other ({len(rest)})", sum(c for _, c in rest))]


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def _number(value: float | None) -> str:
    """A median or mean: whole numbers without decimals, others with one."""
    if value is None or pd.isna(value):
        return "n/a"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _when(stamp: pd.Timestamp) -> str:
    return stamp.strftime("%Y-%m-%d %H:%M:%S UTC")


def _percent(part: int, whole: int) -> str:
    return f"{100 * _ratio(part, whole):5.1f}%"  # fixed width: the column lines up


# --- the sections, shared by the terminal summary and the HTML report --------------------


NO_RECORDS = ("no readable records", "", "")


@dataclass
class Block:
    """A titled group of (label, value, note) lines: one table in both outputs."""

    title: str
    rows: list[tuple[str, str, str]]


def blocks(stats: DatasetStats) -> list[Block]:
    """The summary as blocks, so the terminal and the HTML show exactly the same numbers."""
    return [
        _dataset_block(stats),
        _count_block("records by site", stats.by_site(), stats.records),
        _count_block("records by language", stats.by_language(), stats.records),
        _words_block(stats),
        _sections_block(stats),
        _links_block(stats),
        _near_dups_block(stats),
        _metadata_block(stats),
        _years_block(stats),
        _names_block("top reviewers", stats.top_reviewers(), stats.unique_articles),
        _names_block("top authors", stats.top_authors(), stats.unique_articles),
        _runs_block(stats.runs),
        _versions_block(stats),
    ]


def _dataset_block(stats: DatasetStats) -> Block:
    unreadable = len(stats.file_problems)
    files_note = f"{unreadable:,} unreadable, skipped" if unreadable else ""
    same = stats.identical_duplicate_rows
    return Block(
        "dataset",
        [
            ("files", f"{stats.files:,}", files_note),
            ("records", f"{stats.records:,}", "rows"),
            ("unique articles", f"{stats.unique_articles:,}", "by id"),
            ("duplicate rows", f"{stats.duplicate_rows:,}", f"id seen before ({same:,} same text)"),
            ("duplicate texts", f"{stats.duplicate_texts:,}", "same content_hash, other id"),
        ],
    )


def _count_block(title: str, counts: list[tuple[str, int]], whole: int) -> Block:
    heading = f"{title} (top {TOP} of {len(counts)})" if len(counts) > TOP else title
    rows = [(label, f"{n:,}", _percent(n, whole)) for label, n in top(counts)]
    return Block(heading, rows or [NO_RECORDS])


def _words_block(stats: DatasetStats) -> Block:
    words = stats.articles["word_count"].dropna()
    if words.empty:
        return Block("word count per article", [NO_RECORDS])
    return Block(
        "word count per article",
        [
            ("min", f"{int(words.min()):,}", ""),
            ("median", _number(words.median()), ""),
            ("mean", _number(words.mean()), ""),
            ("max", f"{int(words.max()):,}", ""),
        ],
    )


def _sections_block(stats: DatasetStats) -> Block:
    whole = stats.unique_articles
    rows = [(label, f"{n:,}", _percent(n, whole)) for label, n in stats.section_buckets()]
    median = stats.articles["n_sections"].median() if whole else None
    rows.append(("median", _number(median), ""))
    return Block("numbered sections per article", rows)


def _links_block(stats: DatasetStats) -> Block:
    whole = stats.unique_articles
    related = stats.articles["n_related"]
    with_related = int((related > 0).sum())
    with_prev, _ = stats.share("has_prev")
    with_next, _ = stats.share("has_next")
    return Block(
        "related and prev/next links per article",
        [
            ("related links, median", _number(related.median() if whole else None), ""),
            ("with related links", f"{with_related:,}", _percent(with_related, whole)),
            ("with prev", f"{with_prev:,}", _percent(with_prev, whole)),
            ("with next", f"{with_next:,}", _percent(with_next, whole)),
        ],
    )


def _near_dups_block(stats: DatasetStats) -> Block:
    sizes = stats.near_dup_clusters()
    whole = stats.unique_articles
    in_clusters = sum(sizes)
    buckets = [("2", 2, 2), ("3-5", 3, 5), ("6+", 6, None)]
    rows = [
        ("clusters", f"{len(sizes):,}", "by near_dup_of as written"),
        ("articles in clusters", f"{in_clusters:,}", _percent(in_clusters, whole)),
        ("largest cluster", f"{sizes[0]:,}" if sizes else "0", "articles"),
    ]
    for label, low, high in buckets:
        n = sum(1 for size in sizes if size >= low and (high is None or size <= high))
        rows.append((f"clusters of {label}", f"{n:,}", ""))
    return Block("near duplicates", rows)


def _metadata_block(stats: DatasetStats) -> Block:
    whole = stats.unique_articles
    rows = [(name, f"{n:,}", _percent(n, whole)) for name, n in stats.metadata_shares()]
    return Block("article metadata: articles that state it", rows)


def _years_block(stats: DatasetStats) -> Block:
    whole = stats.unique_articles
    years = stats.publication_years()
    rows = [(str(year), f"{n:,}", _percent(n, whole)) for year, n in years]
    undated = whole - sum(n for _, n in years)
    rows.append(("no publication date", f"{undated:,}", _percent(undated, whole)))
    return Block("articles by year published", rows)


def _names_block(title: str, counts: list[tuple[str, int]], whole: int) -> Block:
    heading = f"{title} (top {TOP} of {len(counts):,})" if len(counts) > TOP else title
    rows = [(name, f"{n:,}", _percent(n, whole)) for name, n in counts[:TOP]]
    return Block(heading, rows or [("none named", "", "")])


def _runs_block(runs: RunTotals) -> Block:
    rows = [
        ("runs", f"{runs.runs:,}", f"manifests in {MANIFEST_DIR}/"),
        ("  interrupted", f"{runs.interrupted:,}", "stopped or killed"),
        ("pages fetched", f"{runs.pages_fetched:,}", ""),
        ("  not modified", f"{runs.pages_not_modified:,}", "304 to a conditional GET"),
        (
            "  unchanged by <lastmod>",
            f"{runs.pages_unchanged_by_lastmod:,}",
            "not asked: sitemap date unchanged",
        ),
        ("records written", f"{runs.records_written:,}", ""),
        ("pages skipped", f"{sum(runs.skipped.values()):,}", ""),
    ]
    rows += [(f"  {reason}", f"{n:,}", "") for reason, n in sorted(runs.skipped.items())]
    rows.append(("errors", f"{sum(runs.errors.values()):,}", ""))
    rows += [(f"  {reason}", f"{n:,}", "") for reason, n in sorted(runs.errors.items())]
    rows += [(name, f"{n:,}", "") for name, n in sorted(runs.discovery.items())]
    return Block("runs", rows)


def _versions_block(stats: DatasetStats) -> Block:
    versions = stats.by_extractor_version()
    rows = [
        (f"extractor {label}", f"{n:,}", _percent(n, stats.records)) for label, n in top(versions)
    ]
    span = stats.fetched_range()
    if span is not None:
        rows.append(("first fetched", _when(span[0]), ""))
        rows.append(("last fetched", _when(span[1]), ""))
        rows.append(("days with records", f"{len(stats.by_day()):,}", "UTC"))
    return Block("extractor versions and fetch dates", rows or [NO_RECORDS])


# --- terminal ---------------------------------------------------------------------------

LABEL_WIDTH = 36
VALUE_WIDTH = 9
NOTE_WIDTH = 80 - 2 - LABEL_WIDTH - VALUE_WIDTH - 2


def format_summary(stats: DatasetStats) -> str:
    """Plain aligned text, at most 80 columns wide (long labels are shortened)."""
    lines = [f"healthcorpus stats: {stats.folder.resolve()}"]
    for block in blocks(stats):
        lines += ["", block.title]
        lines += [_text_row(*row) for row in block.rows]
    return "\n".join(lines)


def _text_row(label: str, value: str, note: str) -> str:
    label = _fit(label, LABEL_WIDTH)
    if len(value) > VALUE_WIDTH:  # a date: left-aligned in the value column
        return f"  {label:<{LABEL_WIDTH}} {value}".rstrip()
    note = _fit(note, NOTE_WIDTH)
    return f"  {label:<{LABEL_WIDTH}}{value:>{VALUE_WIDTH}}  {note}".rstrip()


def _fit(text: str, width: int) -> str:
    """Shorten in the middle: host names differ at both ends (www.x... / ...-9.example.com)."""
    if len(text) <= width:
        return text
    head = (width - 3 + 1) // 2
    return text[:head] + "..." + text[len(text) - (width - 3 - head) :]


# --- HTML report ------------------------------------------------------------------------

CSS = """
body { font-family: system-ui, sans-serif; color: #222; }
body { margin: 2em auto; padding: 0 1em; max-width: 76em; }
h1 { font-size: 1.4em; margin-bottom: 0.2em; }
h2 { font-size: 1.1em; margin: 0 0 0.4em; }
h2.plots { margin-top: 1.5em; }
.meta { color: #666; margin-top: 0; }
.problems { color: #a00; }
.grid { display: flex; flex-wrap: wrap; gap: 1.5em 3em; }
section { margin: 0; }
table { border-collapse: collapse; }
td { padding: 0.15em 0.8em 0.15em 0; }
td.sub { padding-left: 1.2em; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.note { color: #666; }
figure { margin: 0; flex: 1 1 28em; max-width: 36em; }
figcaption { font-weight: 600; margin-bottom: 0.3em; }
img { width: 100%; height: auto; }
"""


def render_html(stats: DatasetStats, generated_at: datetime | None = None) -> str:
    """The whole report as one HTML string: tables, then plots, nothing external."""
    when = (generated_at or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M:%S UTC")
    folder = html.escape(str(stats.folder.resolve()))
    title = f"healthcorpus stats: {folder}"
    problems = "".join(f"<li>{html.escape(p)}</li>" for p in stats.problems)
    tables = "".join(_html_table(block) for block in blocks(stats))
    figures = "".join(_html_figure(caption, png) for caption, png in plots(stats))
    notes = "".join(f"<li>{html.escape(note)}</li>" for note in plot_notes(stats))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title} ({when})</title><style>{CSS}</style></head><body>",
        f"<h1>{title}</h1>",
        f'<p class="meta">generated {when}</p>',
        f'<ul class="problems">{problems}</ul>' if problems else "",
        f'<div class="grid">{tables}</div>',
        '<h2 class="plots">plots</h2>',
        f'<ul class="meta">{notes}</ul>' if notes else "",
        f'<div class="grid">{figures}</div>',
        "</body></html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def _html_table(block: Block) -> str:
    rows = "".join(_html_row(*row) for row in block.rows)
    return f"<section><h2>{html.escape(block.title)}</h2><table>{rows}</table></section>"


def _html_row(label: str, value: str, note: str) -> str:
    """Indented labels (reasons under a total) keep their indent as a CSS class."""
    label_class = ' class="sub"' if label.startswith(" ") else ""
    return (
        f"<tr><td{label_class}>{html.escape(label.strip())}</td>"
        f'<td class="n">{html.escape(value)}</td>'
        f'<td class="note">{html.escape(note.strip())}</td></tr>'
    )


def _html_figure(caption: str, png: bytes) -> str:
    data = base64.b64encode(png).decode("ascii")
    alt = html.escape(caption)
    return (
        f"<figure><figcaption>{alt}</figcaption>"
        f'<img src="data:image/png;base64,{data}" alt="{alt}"></figure>'
    )


def write_report(text: str, path: str | os.PathLike[str]) -> Path:
    """Write under a temporary name beside the target, then rename: never half a report."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


# --- plots ------------------------------------------------------------------------------

BAR_COLOR = "#4c72b0"
ERROR_COLOR = "#c44e52"
MAX_INTEGER_BINS = 60  # beyond this, integer histograms use automatic bins


def plots(stats: DatasetStats) -> list[tuple[str, bytes]]:
    """(caption, PNG) for each plot that has data to show."""
    articles = stats.articles
    candidates = [
        ("word count per article", _histogram(articles["word_count"], "words", integer=False)),
        ("records by site", _bars(top(stats.by_site()), "records")),
        ("records by language", _bars(top(stats.by_language()), "records")),
        ("numbered sections per article", _histogram(articles["n_sections"], "sections")),
        ("related links per article", _histogram(articles["n_related"], "related links")),
        ("records fetched per day (UTC)", _per_day(stats.by_day())),
        ("article metadata: share of articles that state it", _metadata_bars(stats)),
        ("articles by year published", _years(stats.publication_years())),
        ("top reviewers", _bars(stats.top_reviewers()[:TOP], "articles")),
        ("top authors", _bars(stats.top_authors()[:TOP], "articles")),
        ("pages skipped and errors, by reason (all runs)", _reasons(stats.runs)),
    ]
    return [(caption, png) for caption, png in candidates if png is not None]


def plot_notes(stats: DatasetStats) -> list[str]:
    """Why an expected plot is absent, so a missing figure is not mistaken for a bug."""
    notes = []
    days = stats.by_day()
    if len(days) == 1:
        notes.append(f"records fetched per day: all on {days[0][0]} (UTC), no plot")
    if stats.runs.runs == 0:
        notes.append(f"skipped pages and errors: no run manifests in {MANIFEST_DIR}/")
    elif not (+stats.runs.skipped or +stats.runs.errors):
        notes.append("skipped pages and errors: none in the run manifests")
    if stats.records == 0:
        notes.append("no readable records: no record plots")
    elif not any(n for _, n in stats.metadata_shares()):
        notes.append(
            "article metadata: no article states any (a schema v1 dataset, or pages "
            "without dates, authors...), no metadata plots"
        )
    return notes


def _new_figure(height: float = 3.2) -> tuple[Figure, object]:
    fig = Figure(figsize=(5.6, height), dpi=100)
    FigureCanvasAgg(fig)  # the Agg canvas: rendering without any display
    return fig, fig.add_subplot()


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def _histogram(values: pd.Series, xlabel: str, *, integer: bool = True) -> bytes | None:
    data = values.dropna().to_numpy()
    if data.size == 0:
        return None
    fig, ax = _new_figure()
    highest = int(data.max())
    if integer and highest <= MAX_INTEGER_BINS:
        bins: object = np.arange(-0.5, highest + 1.5, 1.0)
        ax.set_xticks(range(0, highest + 1, max(1, (highest + 1) // 15 + 1)))
    else:
        bins = min(40, max(5, int(np.sqrt(data.size))))
    ax.hist(data, bins=bins, color=BAR_COLOR, edgecolor="white")
    ax.set_xlabel(xlabel)
    ax.set_ylabel("articles")
    return _png(fig)


def _bars(counts: list[tuple[str, int]], xlabel: str) -> bytes | None:
    """Horizontal bars, largest on top; labels are shortened so the plot keeps its width."""
    if not counts:
        return None
    fig, ax = _new_figure(height=1.2 + 0.3 * len(counts))
    labels = [_fit(label, 32) for label, _ in reversed(counts)]
    values = [n for _, n in reversed(counts)]
    ax.barh(range(len(values)), values, color=BAR_COLOR)
    ax.set_yticks(range(len(values)), labels)
    ax.set_xlabel(xlabel)
    return _png(fig)


def _per_day(days: list[tuple[str, int]]) -> bytes | None:
    if len(days) < 2:
        return None  # one day says nothing a plot would add; the table has it
    fig, ax = _new_figure()
    dates = pd.to_datetime([day for day, _ in days])
    ax.bar(dates, [n for _, n in days], color=BAR_COLOR, width=0.8)
    locator = AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.set_ylabel("records")
    return _png(fig)


def _metadata_bars(stats: DatasetStats) -> bytes | None:
    """Share of articles per metadata field, in percent; none when no field is stated."""
    counts = stats.metadata_shares()
    if not any(n for _, n in counts):
        return None
    fig, ax = _new_figure(height=1.2 + 0.3 * len(counts))
    counts.reverse()
    ax.barh(
        range(len(counts)),
        [100 * _ratio(n, stats.unique_articles) for _, n in counts],
        color=BAR_COLOR,
    )
    ax.set_yticks(range(len(counts)), [name for name, _ in counts])
    ax.set_xlim(0, 100)
    ax.set_xlabel("% of articles")
    return _png(fig)


def _years(years: list[tuple[int, int]]) -> bytes | None:
    if not years:
        return None
    fig, ax = _new_figure()
    ax.bar([year for year, _ in years], [n for _, n in years], color=BAR_COLOR, width=0.8)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # no "2020.5"
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("articles")
    return _png(fig)


def _reasons(runs: RunTotals) -> bytes | None:
    entries = [(f"skipped: {r}", n, BAR_COLOR) for r, n in sorted(runs.skipped.items()) if n]
    entries += [(f"error: {r}", n, ERROR_COLOR) for r, n in sorted(runs.errors.items()) if n]
    if not entries:
        return None
    fig, ax = _new_figure(height=1.2 + 0.3 * len(entries))
    entries.reverse()
    ax.barh(
        range(len(entries)),
        [n for _, n, _ in entries],
        color=[color for _, _, color in entries],
    )
    ax.set_yticks(range(len(entries)), [_fit(label, 40) for label, _, _ in entries])
    ax.set_xlabel("pages")
    return _png(fig)
