"""Train the block scorer on the tuning part of ``bench/pages`` and write its model.

    pip install -e '.[train]'
    python bench/train_block_scorer.py       # writes cleaning/extractor/scorer/block_scorer.npz
    python bench/train_block_scorer.py --cv  # 2-fold cross-validation by site, tuning part only
    python bench/train_block_scorer.py --cv --seeds 3  # the mean over three halvings of the sites

Only pages of the tuning part (``bench/split.json``) are read; the validation part is
what ``bench/extraction_accuracy.py`` quotes. Each candidate block of a page gets the
features the cleaner computes at run time (``cleaning.extractor.scorer.features``) and
a label from what its set says of the page (``bench/accuracy/labels.py``); blocks the
boilerplate rules remove anyway, and blocks no label covers, are left out. scikit-learn's
histogram gradient boosting, with a fixed seed and no early-stopping split, gives the
same trees from the same pages on every run; they are written as flat arrays
(``cleaning.extractor.scorer.forest``) that the cleaner evaluates without scikit-learn.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.accuracy.labels import UNKNOWN, full_text_labels, segment_labels
from bench.accuracy.sets import SETS, BenchPage, load_set, load_split
from cleaning.extractor.content import boilerplate_reason, scoring_input
from cleaning.extractor.pipeline import parse_html, prepare_page
from cleaning.extractor.scorer.features import FEATURE_NAMES, block_features
from cleaning.extractor.scorer.forest import MODEL_FILE, Forest

# Segment labels are few per page (1-6 each way) against a whole page's for the other
# sets: each counts for this many, so that the open-web set weighs in the training.
SEGMENT_WEIGHT = 10.0
PARAMS = {
    "max_iter": 100,
    "learning_rate": 0.1,
    "max_leaf_nodes": 15,
    "min_samples_leaf": 20,
    "l2_regularization": 1.0,
}
# Probabilities from which a block is kept, inside and outside the rule-based region.
KEEP = {"keep_inside": 0.4, "keep_outside": 0.85}


@dataclass(slots=True)
class PageRows:
    page: BenchPage
    X: np.ndarray
    y: np.ndarray


def page_rows(page: BenchPage) -> PageRows | None:
    """The labelled candidate blocks of one page, as the cleaner sees them."""
    prepared = prepare_page(parse_html(page.body), url=page.url)
    if prepared is None:
        return None
    inputs = scoring_input(prepared.page, prepared.excluded, prepared.title_index)
    if inputs is None:
        return None
    candidates, X = block_features(inputs[1])
    blocks = prepared.page.blocks
    if page.set == "snippets":
        labels = segment_labels(blocks, page.with_segments, page.without_segments)
    else:
        labels = full_text_labels(blocks, page.truth)
    y = np.array([labels[i] for i in candidates], np.int64)
    ruled_out = np.array([boilerplate_reason(blocks[i]) is not None for i in candidates], bool)
    usable = (y != UNKNOWN) & ~ruled_out
    return PageRows(page, X[usable], y[usable])


def train(rows: list[PageRows], params: dict | None = None):  # type: ignore[no-untyped-def]
    from sklearn.ensemble import HistGradientBoostingClassifier

    settings = {k: v for k, v in {**PARAMS, **(params or {})}.items() if k not in KEEP}
    segment_weight = settings.pop("segment_weight", SEGMENT_WEIGHT)
    X = np.vstack([r.X for r in rows])
    y = np.concatenate([r.y for r in rows])
    weight = np.concatenate(
        [np.full(len(r.y), segment_weight if r.page.set == "snippets" else 1.0) for r in rows]
    )
    model = HistGradientBoostingClassifier(**settings, early_stopping=False, random_state=0)
    model.fit(X, y, sample_weight=weight)
    return model


def to_forest(model, keep: dict | None = None) -> Forest:  # type: ignore[no-untyped-def]
    """scikit-learn's trees as the flat arrays the cleaner walks."""
    features, thresholds, lefts, rights, values, roots = [], [], [], [], [], []
    offset = 0
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        leaf = nodes["is_leaf"].astype(bool)
        roots.append(offset)
        features.append(nodes["feature_idx"].astype(np.int32))
        thresholds.append(nodes["num_threshold"].astype(np.float64))
        lefts.append(np.where(leaf, -1, nodes["left"].astype(np.int32) + offset))
        rights.append(np.where(leaf, -1, nodes["right"].astype(np.int32) + offset))
        values.append(np.where(leaf, nodes["value"], 0.0))
        offset += len(nodes)
    return Forest(
        feature_names=FEATURE_NAMES,
        feature=np.concatenate(features).astype(np.int32),
        threshold=np.concatenate(thresholds),
        left=np.concatenate(lefts).astype(np.int32),
        right=np.concatenate(rights).astype(np.int32),
        value=np.concatenate(values),
        roots=np.array(roots, np.int32),
        base=float(np.asarray(model._baseline_prediction).ravel()[0]),
        **{**KEEP, **(keep or {})},
    )


def fold_of(site: str, seed: int = 0) -> int:
    """The site's half of the tuning part in the cross-validation of ``seed`` (0: the
    split every earlier figure used)."""
    salt = str(seed) if seed else ""
    return int(hashlib.sha256((salt + site).encode()).hexdigest(), 16) % 2


def cross_validate(rows: list[PageRows], params: dict, seeds: int = 1) -> None:
    """Train on one half of the tuning sites, clean the other half's pages with that
    model, and the other way round: the set figures of pages no model saw in training.
    With ``seeds`` > 1, the mean over that many different halvings of the sites: one
    halving's figures move by up to 0.005 when a rule changes a few training rows."""
    from bench.accuracy.extractors import healthcorpus
    from bench.extraction_accuracy import set_figures
    from cleaning.extractor.scorer.forest import using

    runs: list[tuple[dict, dict]] = []
    for seed in range(seeds):
        outputs, rules = {}, {}
        for fold in (0, 1):
            model = train([r for r in rows if fold_of(r.page.site, seed) != fold], params)
            forest = to_forest(model, {k: v for k, v in params.items() if k in KEEP})
            held = [r.page for r in rows if fold_of(r.page.site, seed) == fold]
            with using(forest):
                outputs.update({f"{p.set}/{p.key}": healthcorpus(p.body, p.url) for p in held})
            if seed == 0:  # the rules alone do not depend on the halving
                with using(None):
                    rules.update({f"{p.set}/{p.key}": healthcorpus(p.body, p.url) for p in held})
        runs.append((outputs, rules))
    for name in SETS:
        pages = [r.page for r in rows if r.page.set == name]
        # The scorer's figures are the mean over the halvings; the rules' are one run.
        by_label = {"scorer": [outputs for outputs, _ in runs], "rules": [runs[0][1]]}
        for label, found in by_label.items():
            figures = [set_figures(name, pages, outputs) for outputs in found]
            shown = "  ".join(
                f"{k} {sum(f[k] for f in figures) / len(figures):.3f}"
                for k in figures[0]
                if k not in ("pages", "headings_pages")
            )
            print(f"cv {name:<11} {label:<6} {shown}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--cv", action="store_true", help="2-fold CV by site on the tuning part")
    parser.add_argument(
        "--seeds", type=int, default=1, help="with --cv: mean over this many halvings of the sites"
    )
    parser.add_argument(
        "--set", action="append", metavar="NAME=VALUE", default=[],
        help="override a training setting (segment_weight, max_iter, max_leaf_nodes...)",
    )  # fmt: skip
    args = parser.parse_args()
    params = {k: float(v) if "." in v else int(v) for k, v in (o.split("=", 1) for o in args.set)}
    split = load_split()
    started = time.perf_counter()
    rows = []
    for name in SETS:
        for page in load_set(name):
            if split[name][page.key] != "tune":
                continue
            found = page_rows(page)
            if found is not None and len(found.y):
                rows.append(found)
    blocks = sum(len(r.y) for r in rows)
    took = time.perf_counter() - started
    print(f"{len(rows)} tuning pages, {blocks} labelled blocks ({took:.1f} s)")
    if args.cv:
        cross_validate(rows, params, args.seeds)
        return 0
    model = train(rows, params)
    forest = to_forest(model, {k: v for k, v in params.items() if k in KEEP})
    check = np.vstack([r.X for r in rows[:20]])
    if not np.allclose(forest.raw(check), model.decision_function(check.astype(np.float64))):
        raise SystemExit("the exported trees do not score as scikit-learn's do")
    forest.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB, {len(forest.roots)} trees)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
