"""The index files beside a dataset: ``DIR/_near_dups/index-<run>.arrow``.

A run's file holds the signature and the cluster root of each record it wrote, and
lists the Parquet parts it covers, so the next run (or ``healthcorpus clean`` into
the same folder) joins the same clusters without reading any text. The parts hold
the truth: a part no index file covers (a run killed before it saved, a folder
written by an older healthcorpus, a lost or damaged index file) is signed again from
its ``text`` column when the index is opened. Files are written under a temporary
name and renamed, like the parts; a file made with other parameters is ignored.
They are Arrow IPC files, not Parquet: a reader globbing ``DIR/**/*.parquet`` for the
dataset must not meet them (and signatures do not compress).
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from cleaning.dataset.dedup import dataset_files
from cleaning.dataset.durable import publish_file
from cleaning.dataset.near_dups.index import THRESHOLD, Admitted, NearDupIndex
from cleaning.dataset.near_dups.minhash import NUM_PERM, SCHEME, SEED, signature
from cleaning.dataset.near_dups.shingles import SHINGLE_WORDS

logger = logging.getLogger(__name__)

NEAR_DUPS_DIR = "_near_dups"
PARTS_KEY = b"healthcorpus.near_dups.parts"
PARAMS_KEY = b"healthcorpus.near_dups.params"
PARAMS = json.dumps(
    {
        "shingle_words": SHINGLE_WORDS,
        "num_perm": NUM_PERM,
        "seed": SEED,
        "scheme": SCHEME,
        "threshold": THRESHOLD,
    },
    sort_keys=True,
).encode()
INDEX_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string(), nullable=False),
        pa.field("crawl_id", pa.string()),
        pa.field("near_dup_of", pa.string()),
        pa.field("minhash", pa.list_(pa.uint32(), NUM_PERM)),
    ]
)
_TEXT_BATCH = 256  # rows of text read at a time when signing a part again


def index_dir(out_dir: str | os.PathLike[str]) -> Path:
    return Path(out_dir) / NEAR_DUPS_DIR


def open_index(out_dir: str | os.PathLike[str], index: NearDupIndex | None = None) -> NearDupIndex:
    """The folder's clusters, from its index files and its parts no file covers."""
    index = index if index is not None else NearDupIndex()
    covered: set[str] = set()
    for path in sorted(index_dir(out_dir).glob("index-*.arrow")):
        covered |= _load_file(path, index)
    for part in dataset_files(out_dir):
        if part.name not in covered:
            _sign_part(part, index)
    return index


def save_index(
    out_dir: str | os.PathLike[str], run_id: str, admitted: list[Admitted], parts: list[str]
) -> Path | None:
    """Write (or rewrite) this run's index file: the records it admitted, the parts
    they are in. Nothing is written for a run that wrote no part."""
    if not parts:
        return None
    folder = index_dir(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"index-{run_id}.arrow"
    tmp = folder / f".index-{run_id}.arrow.tmp"
    table = pa.Table.from_arrays(
        [
            pa.array([a.id for a in admitted], pa.string()),
            pa.array([a.crawl_id for a in admitted], pa.string()),
            pa.array([a.near_dup_of for a in admitted], pa.string()),
            _signatures_array([a.signature for a in admitted]),
        ],
        schema=INDEX_SCHEMA.with_metadata(
            {PARTS_KEY: json.dumps(sorted(parts)).encode(), PARAMS_KEY: PARAMS}
        ),
    )
    with pa.OSFile(str(tmp), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)
    return publish_file(tmp, path)


def replace_index(
    out_dir: str | os.PathLike[str], run_id: str, admitted: list[Admitted]
) -> Path | None:
    """One index file covering every part of the folder (recomputed clusters), in
    place of all the others: written first, then the others removed."""
    parts = [part.name for part in dataset_files(out_dir)]
    saved = save_index(out_dir, run_id, admitted, parts)
    for path in index_dir(out_dir).glob("index-*.arrow"):
        if path != saved:
            path.unlink(missing_ok=True)
    return saved


def _signatures_array(values: list[np.ndarray]) -> pa.Array:
    flat = np.concatenate(values) if values else np.zeros(0, dtype=np.uint32)
    return pa.FixedSizeListArray.from_arrays(pa.array(flat, pa.uint32()), NUM_PERM)


def _load_file(path: Path, index: NearDupIndex) -> set[str]:
    """Admit the rows of one index file; the parts it covers (none if unusable)."""
    try:
        with pa.OSFile(str(path), "rb") as source:
            table = pa.ipc.open_file(source).read_all()
        metadata = table.schema.metadata or {}
        if metadata.get(PARAMS_KEY) != PARAMS:
            logger.info("%s: made with other parameters; its parts are signed again", path)
            return set()
        parts = set(json.loads(metadata[PARTS_KEY]))
    except Exception as exc:  # the parts hold the truth: sign them again
        logger.warning("%s: cannot read (%s); its parts are signed again", path, exc)
        return set()
    ids = table.column("id").to_pylist()
    roots = table.column("near_dup_of").to_pylist()
    flat = table.column("minhash").combine_chunks().flatten().to_numpy(zero_copy_only=False)
    for row, (record_id, root) in enumerate(zip(ids, roots, strict=True)):
        index.load(record_id, flat[row * NUM_PERM : (row + 1) * NUM_PERM], root)
    return parts


def _sign_part(part: Path, index: NearDupIndex) -> None:
    """Admit a part's rows from their text, with the roots they were written with (a
    part of schema v2 or older has none: its rows are clustered in their order)."""
    try:
        parquet = pq.ParquetFile(part)
        columns = ["id", "text"]
        has_roots = "near_dup_of" in parquet.schema_arrow.names
        if has_roots:
            columns.append("near_dup_of")
        for batch in parquet.iter_batches(batch_size=_TEXT_BATCH, columns=columns):
            ids = batch.column("id").to_pylist()
            texts = batch.column("text").to_pylist()
            roots = batch.column("near_dup_of").to_pylist() if has_roots else [None] * len(ids)
            for record_id, text, root in zip(ids, texts, roots, strict=True):
                if has_roots:
                    index.load(record_id, signature(text or ""), root)
                else:  # written before near duplicates: clustered as they come
                    index.root_for(record_id, signature(text or ""))
    except Exception as exc:  # a damaged part must not stop new work
        logger.warning(
            "%s: cannot read (%s); its rows are not in the near-duplicate index", part, exc
        )
