"""healthcorpus crawler: the Scrapy project (settings, spiders, middlewares, pipelines)
and the ``healthcorpus`` command line. All cleaning lives in the ``cleaning`` package."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("healthcorpus")
except PackageNotFoundError:  # running from a source checkout that was not pip-installed
    __version__ = "0+unknown"
