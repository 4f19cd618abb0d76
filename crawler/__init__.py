"""healthcorpus crawler: the Scrapy project (settings, spiders, middlewares, pipelines)
and the ``healthcorpus`` command line. All cleaning lives in the ``cleaning`` package."""

from __future__ import annotations

import os
from importlib.metadata import PackageNotFoundError, version

# numpy's OpenBLAS starts a thread per core that spins for a while after each call. The
# only matrix product here (language detection: 1 x ~300 by ~300 x 142) gains nothing
# from them, and on a crawl's busy cores they take CPU from the real work. Set before
# anything imports numpy; spawned page workers inherit it. (An explicit setting wins.)
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

try:
    __version__ = version("healthcorpus")
except PackageNotFoundError:  # running from a source checkout that was not pip-installed
    __version__ = "0+unknown"
