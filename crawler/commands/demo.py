"""``healthcorpus demo``: crawl the bundled demo site, served on loopback, offline."""

from __future__ import annotations

import argparse

from crawler.commands.common import (
    CommandError,
    parse_settings,
    prepare_out_dir,
    scrapy_options,
    verbosity_options,
)
from crawler.commands.crawl import crawl_and_report
from crawler.demo_server import serve_folder
from crawler.exitcodes import EPILOG
from crawler.paths import DEMO_OUT, DEMO_SITE

# The demo site's usual address is http://127.0.0.1:8419/ (another port if it is taken).
DEMO_PORT = 8419


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "demo",
        parents=[verbosity_options(), scrapy_options()],
        help="crawl the bundled demo site (no network needed)",
        description="Serve the bundled demo site on 127.0.0.1 and crawl it exactly like "
        "`healthcorpus crawl`, to see the whole pipeline work without touching the network.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--out", metavar="DIR", help=f"dataset folder (default: {DEMO_OUT})")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if not (DEMO_SITE / "index.html").is_file():
        raise CommandError(
            f"{DEMO_SITE}: the demo site is missing (it ships with a source checkout "
            "of healthcorpus; reinstall from the repository)"
        )
    overrides = parse_settings(args.settings)
    overrides.pop("HEALTHCORPUS_OUT", None)  # the demo always writes to --out
    out_dir = prepare_out_dir(args.out or DEMO_OUT)
    with serve_folder(DEMO_SITE, preferred_port=DEMO_PORT) as base_url:
        return crawl_and_report(
            [base_url],
            out_dir=out_dir,
            command="demo",
            max_pages=None,
            verbose=args.verbose,
            overrides=overrides,
        )
