"""All near-duplicate clusters of one or more dataset folders, recomputed from the text.

``near_dup_of`` is decided once, when a record is written, against the records
before it. Recomputing from every row at once gives the exact clusters: a record
that joins two clusters written before it, folders cleaned apart (the same articles crawled into
two folders), and rows written before near duplicates existed. What
``healthcorpus dedup`` writes is a table researchers join to the dataset on
``(id, content_hash)``: one row per dataset row.

Order decides the root of a cluster, its earliest record: runs in the order they
started (run ids sort by time), then the parts of a run by name, then the rows of a
part as they were written, which is the order in which the records were written.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from cleaning.dataset.dedup import dataset_files
from cleaning.dataset.near_dups.index import THRESHOLD, Admitted, has_words
from cleaning.dataset.near_dups.lsh import MemoryStore
from cleaning.dataset.near_dups.minhash import signature, similarity

CLUSTERS_FILE = "clusters.parquet"
CLUSTERS_SCHEMA = pa.schema(
    [
        pa.field("dataset", pa.string(), nullable=False),
        pa.field("id", pa.string(), nullable=False),
        pa.field("content_hash", pa.string()),
        pa.field("crawl_id", pa.string()),
        pa.field("near_dup_of", pa.string()),
        pa.field("cluster", pa.string()),
        pa.field("cluster_size", pa.int32()),
        pa.field("similarity", pa.float32()),
    ],
    metadata={b"healthcorpus.near_dups.threshold": str(THRESHOLD).encode()},
)
_TEXT_BATCH = 256


@dataclass(slots=True)
class Row:
    """One dataset row, as clustering needs it."""

    dataset: str
    part: str
    id: str
    content_hash: str
    crawl_id: str
    values: np.ndarray


@dataclass
class Clusters:
    """Rows in their order, each with the index of its cluster's root row."""

    rows: list[Row] = field(default_factory=list)
    root_of: list[int] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)

    def table(self, dataset: str | None = None) -> pa.Table:
        """The clusters table (of one folder's rows when ``dataset`` is given)."""
        sizes: dict[int, set[str]] = {}
        for row, root in zip(self.rows, self.root_of, strict=True):
            sizes.setdefault(root, set()).add(row.id)
        picked = [
            (row, root)
            for row, root in zip(self.rows, self.root_of, strict=True)
            if dataset is None or row.dataset == dataset
        ]
        columns: dict[str, list] = {name: [] for name in CLUSTERS_SCHEMA.names}
        for row, root in picked:
            head = self.rows[root]
            columns["dataset"].append(row.dataset)
            columns["id"].append(row.id)
            columns["content_hash"].append(row.content_hash)
            columns["crawl_id"].append(row.crawl_id)
            columns["near_dup_of"].append(head.id if head.id != row.id else None)
            columns["cluster"].append(head.id)
            columns["cluster_size"].append(len(sizes[root]))
            columns["similarity"].append(
                None if head.id == row.id else similarity(row.values, head.values)
            )
        return pa.Table.from_pydict(columns, schema=CLUSTERS_SCHEMA)

    def admitted(self, dataset: str) -> list[Admitted]:
        """A folder's rows as index entries (first version of each id), for its index file."""
        seen: set[str] = set()
        entries = []
        for row, root in zip(self.rows, self.root_of, strict=True):
            if row.dataset != dataset or row.id in seen:
                continue
            seen.add(row.id)
            head = self.rows[root].id
            entries.append(
                Admitted(row.id, row.crawl_id, head if head != row.id else None, row.values)
            )
        return entries


def read_rows(
    folders: list[Path], on_part: Callable[[Path], None] | None = None
) -> tuple[list[Row], list[str]]:
    """Every row of the folders with its signature, in the order that decides roots;
    and the parts that could not be read (``path: why``)."""
    rows: list[Row] = []
    unreadable: list[str] = []
    for folder in folders:
        for part in dataset_files(folder):
            try:
                rows.extend(_part_rows(folder, part))
            except Exception as exc:  # one damaged part must not stop the others
                unreadable.append(f"{part}: {' '.join(str(exc).split())[:200]}")
            if on_part:
                on_part(part)
    # Stable: within a run, parts by name and rows as written.
    rows.sort(key=lambda row: (row.crawl_id, row.part))
    return rows, unreadable


def _part_rows(folder: Path, part: Path) -> Iterator[Row]:
    parquet = pq.ParquetFile(part)
    columns = ["id", "content_hash", "crawl_id", "text"]
    found: list[Row] = []
    for batch in parquet.iter_batches(batch_size=_TEXT_BATCH, columns=columns):
        data = [batch.column(name).to_pylist() for name in columns]
        for record_id, content_hash, crawl_id, text in zip(*data, strict=True):
            found.append(
                Row(
                    str(folder),
                    part.name,
                    record_id,
                    content_hash or "",
                    crawl_id or "",
                    signature(text or ""),
                )
            )
    return iter(found)


def cluster_rows(rows: list[Row], threshold: float = THRESHOLD) -> list[int]:
    """For each row, the index of its cluster's root: pairs at or above ``threshold``
    join (transitively), and the root is the cluster's first row."""
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    store = MemoryStore()
    for i, row in enumerate(rows):
        if not has_words(row.values):
            continue
        for other in store.candidates(row.values):
            j = int(other)
            if similarity(row.values, rows[j].values) >= threshold:
                a, b = find(i), find(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)  # the earlier row stays the root
        store.add(str(i), row.values, None)
    return [find(i) for i in range(len(rows))]


def compute_clusters(
    folders: list[Path], on_part: Callable[[Path], None] | None = None
) -> Clusters:
    rows, unreadable = read_rows(folders, on_part)
    return Clusters(rows, cluster_rows(rows), unreadable)


def write_clusters(table: pa.Table, path: str | os.PathLike[str]) -> Path:
    """Write the table atomically (temporary name, then rename)."""
    from cleaning.dataset.durable import publish_file

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    return publish_file(tmp, target)
