"""What the articles of a dataset state about themselves (schema v2's columns), for ``stats``.

Each file is reduced, row group by row group, to one flag per metadata field (does the
article state it?), the year of ``published_at`` and the author and reviewer names.
Nested lists are read through one small leaf (``references.list.element.url``): their
lengths are all a flag needs. A v1 file has none of these columns and reduces to
"states nothing", so the shares of a v1 folder are 0%.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# In the order the summary lists them.
METADATA_FIELDS = (
    "published_at",
    "modified_at",
    "reviewed_at",
    "authors",
    "reviewers",
    "description",
    "tags",
    "categories",
    "image",
    "references",
)
# What is read of each field; the names themselves for authors and reviewers.
READ_COLUMNS = {name: name for name in METADATA_FIELDS} | {
    "references": "references.list.element.url"
}
NAMES = pa.list_(pa.string())


def flag(name: str) -> str:
    """The compact column saying whether an article states ``name``."""
    return f"states_{name}"


COMPACT_FIELDS = [
    *(pa.field(flag(name), pa.bool_()) for name in METADATA_FIELDS),
    pa.field("published_year", pa.int32()),
    pa.field("authors", NAMES),
    pa.field("reviewers", NAMES),
]


def columns_to_read(file_columns: list[str]) -> list[str]:
    """The leaves to read of a file's metadata columns (none of a v1 file)."""
    return [READ_COLUMNS[name] for name in METADATA_FIELDS if name in file_columns]


def compact_metadata(table: pa.Table) -> dict[str, pa.Array | pa.ChunkedArray]:
    """One row group's metadata columns as :data:`COMPACT_FIELDS` (absent: not stated)."""
    rows = table.num_rows
    present = set(table.column_names)
    columns: dict[str, pa.Array | pa.ChunkedArray] = {}
    for name in METADATA_FIELDS:
        stated = _stated(table.column(name)) if name in present else None
        columns[flag(name)] = stated if stated is not None else pa.repeat(False, rows)
    if "published_at" in present:
        columns["published_year"] = pc.year(table.column("published_at")).cast(pa.int32())
    else:
        columns["published_year"] = pa.nulls(rows, pa.int32())
    for name in ("authors", "reviewers"):
        if name in present:
            columns[name] = table.column(name)
        else:
            columns[name] = pa.array([[]] * rows, NAMES)
    return columns


def _stated(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """True where a value is there: a time, a non-blank text, a non-empty list."""
    if pa.types.is_list(column.type):
        return pc.fill_null(pc.greater(pc.list_value_length(column), 0), False)
    if pa.types.is_string(column.type):
        blank = pc.equal(pc.utf8_trim_whitespace(column), "")
        return pc.fill_null(pc.invert(blank), False)
    return pc.is_valid(column)


def shares(articles: pd.DataFrame) -> list[tuple[str, int]]:
    """(field, articles that state it) for every metadata field, in summary order."""
    return [(name, int(articles[flag(name)].sum())) for name in METADATA_FIELDS]


def publication_years(articles: pd.DataFrame) -> list[tuple[int, int]]:
    """(year of published_at, articles), oldest first; articles without a date left out."""
    years = articles["published_year"].dropna().astype(int).value_counts().sort_index()
    return [(int(year), int(n)) for year, n in years.items()]


def name_counts(names: pd.Series) -> list[tuple[str, int]]:
    """(name, articles naming it), most first (ties by name); a name once per article."""
    counts: Counter[str] = Counter()
    for row in names:
        if row is not None:
            counts.update({name for name in row if name})
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
