"""Reading a dataset folder back: the latest version of each article, as a DataFrame.

Any Parquet reader opens the folder as it is; this adds what the folder's layout
implies (runs add versions of an article) and reads only the columns and sites asked for.
A folder of an older schema version (v1) reads too, as the current version: the columns
it lacks come back null, or empty lists, as an upgraded file would hold them.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pyarrow as pa

from cleaning.dataset.schema import ARROW_SCHEMA, V1_COLUMNS

if TYPE_CHECKING:  # pandas only to read (0.3 s to import; a crawl only writes)
    import pandas as pd

# Columns added after v1 whose "nothing stated" is an empty list, not null.
_ADDED_LISTS = tuple(
    f.name for f in ARROW_SCHEMA if f.name not in V1_COLUMNS and pa.types.is_list(f.type)
)


def load(
    out_dir: str | os.PathLike[str],
    *,
    columns: list[str] | None = None,
    sites: list[str] | None = None,
    all_versions: bool = False,
) -> pd.DataFrame:
    """A dataset folder as a DataFrame: by default the latest version of each article.

    ``columns`` reads only those columns (the text column of a big crawl is most of its
    size); ``sites`` keeps the rows of those hosts, filtered while reading.

    >>> df = load("data/output/demo", columns=["title", "sections"])  # doctest: +SKIP
    """
    import pyarrow.dataset as ds

    from cleaning.dataset.dedup import dataset_files

    files = dataset_files(out_dir)
    wanted = list(columns) if columns else list(ARROW_SCHEMA.names)
    unknown = [c for c in wanted if c not in ARROW_SCHEMA.names]
    if unknown:
        raise ValueError(f"unknown column(s): {', '.join(unknown)}")
    if not files:
        return ARROW_SCHEMA.empty_table().select(wanted).to_pandas()
    needed = list(dict.fromkeys([*wanted, "id", "fetched_at", "crawl_id"]))
    dataset = ds.dataset([str(f) for f in files], schema=ARROW_SCHEMA, format="parquet")
    row_filter = ds.field("site").isin(sites) if sites else None
    table = _empty_lists_for_missing(dataset.to_table(columns=needed, filter=row_filter))
    frame = table.to_pandas()
    if not all_versions and len(frame):
        frame = frame.sort_values(["fetched_at", "crawl_id"], na_position="first", kind="stable")
        frame = frame.drop_duplicates("id", keep="last").sort_index()
    return frame[wanted].reset_index(drop=True)


def _empty_lists_for_missing(table: pa.Table) -> pa.Table:
    """Rows of v1 files have null in the list columns v2 added: make them empty lists."""
    import pyarrow.compute as pc

    for name in _ADDED_LISTS:
        if name not in table.column_names:
            continue
        index = table.schema.get_field_index(name)
        column = table.column(name)
        if column.null_count:
            empty = pa.scalar([], column.type)
            table = table.set_column(index, table.field(index), pc.fill_null(column, empty))
    return table
