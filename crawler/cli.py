"""The ``healthcorpus`` command: argument parsing and dispatch to ``crawler.commands``.

Scrapy and the cleaner are imported only by the command that runs, so ``--help`` and
argument errors are instant.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from crawler import __version__
from crawler.commands import clean, crawl, dedup, demo, repair, stats, upgrade, validate
from crawler.commands.common import CommandError
from crawler.exitcodes import EPILOG

COMMANDS = (crawl, demo, clean, validate, upgrade, repair, dedup, stats)


class _VersionAction(argparse.Action):
    """``--version`` with the Scrapy version too, looked up only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show versions and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        try:
            scrapy_version = version("scrapy")
        except PackageNotFoundError:
            scrapy_version = "not installed"
        print(f"healthcorpus {__version__} (Scrapy {scrapy_version})")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="healthcorpus",
        description="Crawl health-article websites into clean, structured Parquet datasets.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except CommandError as exc:
        print(f"healthcorpus: error: {exc}", file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":
    raise SystemExit(main())
