"""Near duplicates: pair precision and recall by split part, and the cost per record
against the cost of cleaning the page.

    python bench/near_dups.py [--rounds 5]

Accuracy: the syndication set of ``tests/syndication_set.py`` (real benchmark texts,
four templated copies each with edits of up to 10% of the words, and distinct articles
on the same topics), cleaned by ``healthcorpus clean`` for real, per part of the split
(``tune``, ``validate``); also the Jaccard similarity of true and other pairs for
shingles of 1 to 5 words, the evidence for the shipped shingle size.

Cost: on the real pages of the speed benchmarks (bench/pages, the corpus templates, the
demo site), then on the syndication set (long texts in light templates: the worst
case), in this process, per page: ``clean_html``, and the
near-duplicate step a run adds for each record it writes (signature, LSH query, checks,
insert into an index holding every other record), each the minimum over ``--rounds``
interleaved rounds; then the median page and the total ratio. datasketch's own
``MinHash.update_batch`` over the same shingles is timed beside ours.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "bench"))

import syndication_set  # noqa: E402
from common import machine, source_pages  # noqa: E402
from datasketch import MinHash  # noqa: E402

from cleaning import clean_html  # noqa: E402
from cleaning.dataset.near_dups import NearDupIndex, signature  # noqa: E402
from cleaning.dataset.near_dups.shingles import shingle_hashes  # noqa: E402


def accuracy(part: str, folder: Path) -> None:
    pages = syndication_set.build(part)
    truth = syndication_set.write(pages, folder / part)
    out = folder / f"{part}-out"
    subprocess.run(
        [sys.executable, "-m", "crawler.cli", "clean", str(folder / part), "--out", str(out)],
        check=True, capture_output=True,
    )  # fmt: skip
    rows = pq.read_table(out, columns=["id", "url", "near_dup_of", "text"]).to_pylist()
    clusters = {r["url"].rsplit("/", 1)[1]: r["near_dup_of"] or r["id"] for r in rows}
    precision, recall, true_pairs, predicted = syndication_set.pair_scores(clusters, truth)
    distinct = sum(1 for name in clusters if truth[name] is None)
    print(
        f"{part}: {len(pages)} pages, {len(rows)} records ({distinct} distinct articles); "
        f"true pairs {true_pairs}, predicted {predicted}: "
        f"precision {precision:.3f}, recall {recall:.3f}"
    )
    texts = {r["url"].rsplit("/", 1)[1]: r["text"] for r in rows}
    for size in (1, 2, 3, 4, 5):
        sets = {n: set(shingle_hashes(t, size).tolist()) for n, t in texts.items()}
        true, other = [], []
        for a, b in itertools.combinations(sorted(sets), 2):
            jaccard = len(sets[a] & sets[b]) / max(1, len(sets[a] | sets[b]))
            (true if truth[a] is not None and truth[a] == truth[b] else other).append(jaccard)
        t = np.array(true)
        print(
            f"  {size} word(s): true pairs min {t.min():.3f} p5 {np.percentile(t, 5):.3f} "
            f"median {np.median(t):.3f}; other pairs ({len(other)}) max {max(other):.3f}; "
            f"true below 0.8: {(t < 0.8).mean():.0%}"
        )


def cost(rounds: int) -> None:
    """The step's cost against cleaning's, on the real pages (what a crawl meets) and
    on the syndication set (templated pages with long texts: the step's worst case)."""
    real = [page.body for page in source_pages()]
    syndicated = [p.html.encode() for p in syndication_set.build("validate")]
    for name, bodies in (("real pages", real), ("syndication set", syndicated)):
        cost_on(name, bodies, rounds)


def cost_on(name: str, bodies: list[bytes], rounds: int) -> None:
    records = []
    for i, body in enumerate(bodies):
        record = clean_html(body, url=f"http://bench.example/{i}.html").record
        if record is not None:
            records.append((body, record))
    clean_ms = [float("inf")] * len(records)
    near_ms = [float("inf")] * len(records)
    sign_ms = [float("inf")] * len(records)
    datasketch_ms = [float("inf")] * len(records)
    for _ in range(rounds):
        index = NearDupIndex()
        for j, (body, record) in enumerate(records):
            url = f"http://bench.example/{j}.html"
            start = time.perf_counter()
            clean_html(body, url=url)
            middle = time.perf_counter()
            index.assign(record)
            end = time.perf_counter()
            values = signature(record.text)
            signed = time.perf_counter()
            reference = MinHash(num_perm=128, seed=1, scheme="affine32", hashfunc=int)
            reference.update_batch(shingle_hashes(record.text).tolist())
            done = time.perf_counter()
            assert np.array_equal(values, reference.hashvalues)
            clean_ms[j] = min(clean_ms[j], (middle - start) * 1e3)
            near_ms[j] = min(near_ms[j], (end - middle) * 1e3)
            sign_ms[j] = min(sign_ms[j], (signed - end) * 1e3)
            datasketch_ms[j] = min(datasketch_ms[j], (done - signed) * 1e3)
    ratios = [n / c for n, c in zip(near_ms, clean_ms, strict=True)]
    print(f"cost on the {name}, {len(records)} records, min of {rounds} rounds each:")
    print(
        f"  cleaning a page: median {statistics.median(clean_ms):.2f} ms, "
        f"total {sum(clean_ms):.0f} ms"
    )
    print(
        f"  near-duplicate step: median {statistics.median(near_ms):.3f} ms, "
        f"total {sum(near_ms):.0f} ms = {sum(near_ms) / sum(clean_ms):.1%} of cleaning; "
        f"per page median {statistics.median(ratios):.1%}, 90th pct "
        f"{np.percentile(ratios, 90):.1%}"
    )
    print(
        f"  signature alone: median {statistics.median(sign_ms):.3f} ms; datasketch "
        f"update_batch of the same shingles: median {statistics.median(datasketch_ms):.3f} ms "
        f"({statistics.median(datasketch_ms) / statistics.median(sign_ms):.1f}x)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as tmp:
        for part in ("tune", "validate"):
            accuracy(part, Path(tmp))
    cost(args.rounds)


if __name__ == "__main__":
    main()
