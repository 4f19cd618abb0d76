"""``healthcorpus crawl URL...``: crawl sites into a Parquet dataset."""

from __future__ import annotations

import argparse
from contextlib import ExitStack
from pathlib import Path

from crawler import settings as project_settings
from crawler.commands.common import (
    CommandError,
    LockedError,
    UsageError,
    check_profile,
    check_url,
    log_level,
    non_negative_float,
    non_negative_int,
    parse_settings,
    prepare_out_dir,
    profile_option,
    say,
    scrapy_options,
    verbosity_options,
)
from crawler.exitcodes import EPILOG

DEFAULT_OUT: str = project_settings.HEALTHCORPUS_OUT


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "crawl",
        parents=[verbosity_options(), scrapy_options()],
        help="crawl websites into a Parquet dataset",
        description="Crawl the hosts of the given URLs (robots.txt obeyed, same host only) "
        "and write one row per article into a Parquet dataset folder.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("urls", nargs="+", metavar="URL", help="start URL(s), http or https")
    parser.add_argument(
        "--out",
        metavar="DIR",
        help=f"dataset folder (default: the HEALTHCORPUS_OUT setting, {DEFAULT_OUT!r}, "
        "relative to the current folder)",
    )
    parser.add_argument(
        "--max-pages",
        type=non_negative_int,
        metavar="N",
        help="fetch at most N pages (robots.txt not counted); 0 = no cap",
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="fetch every page in full, without conditional GETs, and do not resume an "
        "interrupted run (default: incremental)",
    )
    parser.add_argument(
        "--no-archive",
        action="store_true",
        help="do not keep the raw pages in WARC files under DIR/_warc/",
    )
    parser.add_argument(
        "--subdomains",
        action="store_true",
        help="also crawl subdomains of the start URLs' hosts (default: those hosts only)",
    )
    parser.add_argument(
        "--redis",
        metavar="URL",
        help="run as one worker of a crawl shared through Redis "
        "(redis://HOST:PORT/DB); start as many workers as you like, on any machines",
    )
    parser.add_argument(
        "--frontier",
        metavar="NAME",
        help="name of the shared crawl in Redis (default: the start URLs' hosts); "
        "workers with the same name share one queue",
    )
    parser.add_argument(
        "--sitemaps",
        choices=("auto", "only", "off"),
        help="auto (default): also crawl what the hosts' sitemaps (robots.txt, /sitemap.xml) "
        "and the start pages' feeds list; only: crawl what they list and nothing else; "
        "off: read only sitemaps or feeds given as start URLs",
    )
    parser.add_argument(
        "--recheck-days",
        type=non_negative_float,
        metavar="DAYS",
        help="ask again for a known article its sitemap says is unchanged once it was last "
        "checked this many days ago (default: the HEALTHCORPUS_RECHECK_DAYS setting, 7); "
        "0 = always ask",
    )
    profile_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    urls = [check_url(url) for url in args.urls]
    overrides = parse_settings(args.settings)
    if profile := check_profile(args.profile):
        overrides["HEALTHCORPUS_PROFILE"] = profile
    if args.full:
        overrides["HEALTHCORPUS_INCREMENTAL"] = "False"
    if args.subdomains:
        overrides["HEALTHCORPUS_SUBDOMAINS"] = "True"
    if args.no_archive:
        overrides["HEALTHCORPUS_ARCHIVE"] = "False"
    if args.sitemaps:
        overrides["HEALTHCORPUS_SITEMAPS"] = args.sitemaps
    if args.recheck_days is not None:
        overrides["HEALTHCORPUS_RECHECK_DAYS"] = str(args.recheck_days)
    if args.frontier and not args.redis:
        raise UsageError("--frontier needs --redis")
    if args.redis:
        from crawler.distributed.setup import shared_frontier_settings

        overrides.update(shared_frontier_settings(args.redis, args.frontier, urls))
    # --out wins over -s HEALTHCORPUS_OUT, which wins over the project setting.
    settings_out = overrides.pop("HEALTHCORPUS_OUT", None)
    out_dir = prepare_out_dir(args.out or settings_out or DEFAULT_OUT)
    return crawl_and_report(
        urls,
        out_dir=out_dir,
        command="crawl",
        max_pages=args.max_pages,
        verbose=args.verbose,
        overrides=overrides,
    )


def crawl_and_report(
    urls: list[str],
    *,
    out_dir: Path,
    command: str,
    max_pages: int | None,
    verbose: int,
    overrides: dict[str, str],
) -> int:
    """Shared by ``crawl`` and ``demo``: run the spider, print the summary, exit code.

    The folder's lock is taken before Scrapy starts, so a second run on a folder that
    a live run holds stops at once with its own exit code (the crawl re-enters it).
    """
    from cleaning.dataset.lock import DatasetLock, LockHeld
    from cleaning.dataset.manifest import new_run_id
    from crawler.commands.report import report
    from crawler.no_pandas import pyarrow_without_pandas
    from crawler.run import CrawlDidNotRun, run_crawl

    run_id = overrides.get("HEALTHCORPUS_RUN_ID") or new_run_id()
    shared = bool(overrides.get("HEALTHCORPUS_FRONTIER"))
    with ExitStack() as held:
        # Workers of a shared frontier write their own files into one folder: no lock.
        if not shared:
            try:
                held.enter_context(DatasetLock(out_dir, command=command, run_id=run_id))
            except LockHeld as exc:
                raise LockedError(str(exc)) from None
        upgrade_folder(out_dir, command=command, run_id=run_id, shared=shared)
        if not shared:  # workers of a frontier keep their state in Redis
            check_page_state(out_dir)
        say(f"crawling {', '.join(urls)} into {out_dir}")
        try:
            with pyarrow_without_pandas():
                manifest = run_crawl(
                    urls,
                    out_dir=out_dir,
                    run_id=run_id,
                    command=command,
                    max_pages=max_pages,
                    log_level=log_level(verbose),
                    overrides=overrides,
                    network_tracebacks=verbose >= 2,
                )
        except CrawlDidNotRun as exc:
            raise CommandError(str(exc)) from None
    return report(manifest, out_dir, pages_label="pages fetched")


def check_page_state(out_dir: Path) -> None:
    """A damaged ``_state/pages.sqlite``, or one that cannot be written (a full disk),
    stops the crawl before any work, with one line; for a damaged one it says to run
    ``healthcorpus repair DIR`` (:mod:`crawler.state_rebuild`), never a silent re-crawl."""
    from cleaning.dataset.lock import STATE_DIR
    from crawler.state import PageState, StateDamaged, StateUnwritable, check_state

    try:
        check_state(out_dir / STATE_DIR)
        PageState(out_dir / STATE_DIR).close()  # opened (created) as the crawl will
    except (StateDamaged, StateUnwritable) as exc:
        raise CommandError(str(exc)) from None


def upgrade_folder(out_dir: Path, *, command: str, run_id: str, shared: bool) -> None:
    """Bring the folder's older parts to the current schema before the crawl writes
    (the crawl's session checks again, for ``scrapy crawl``), one line saying so."""
    from cleaning.dataset.lock import LockHeld
    from cleaning.dataset.upgrade import (
        SHARED_WAIT_SECONDS,
        UnknownSchemaVersion,
        UpgradeFailed,
        upgrade_before_writing,
    )

    wait = SHARED_WAIT_SECONDS if shared else 0.0
    try:
        upgrade = upgrade_before_writing(out_dir, command=command, run_id=run_id, wait_seconds=wait)
    except UnknownSchemaVersion as exc:
        raise UsageError(str(exc)) from None
    except UpgradeFailed as exc:
        raise CommandError(str(exc)) from None
    except LockHeld as exc:
        raise LockedError(str(exc)) from None
    for line in upgrade.lines():
        say(line)
