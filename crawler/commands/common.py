"""What the subcommands share: options, argument checks, errors, the final report."""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from crawler.exitcodes import FAILED, LOCKED, USAGE


class CommandError(Exception):
    """An expected failure, reported as one ``healthcorpus: error: ...`` line."""

    exit_code = FAILED


class UsageError(CommandError):
    """Bad arguments: a bad URL, a missing input, an unwritable output folder."""

    exit_code = USAGE


class LockedError(CommandError):
    """Another run holds the output folder's lock."""

    exit_code = LOCKED


def verbosity_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=0,
        help="more log output: -v for INFO, -vv for DEBUG (default: warnings only)",
    )
    return parent


def scrapy_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "-s",
        "--set",
        dest="settings",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="set a Scrapy or healthcorpus setting, as `scrapy crawl -s` (repeatable)",
    )
    return parent


def profile_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile",
        metavar="FILE",
        help="TOML file of per-site CSS overrides (optional; see cleaning/extractor/profiles.py)",
    )


def check_profile(path: str | None) -> str | None:
    """Load the profile file once up front, so a bad one is a usage error, not a crash."""
    if path is None:
        return None
    from cleaning.extractor.profiles import ProfileError, Profiles

    try:
        Profiles.load(path)
    except ProfileError as exc:
        raise UsageError(str(exc)) from None
    return str(Path(path).resolve())


def log_level(verbose: int) -> str:
    return ["WARNING", "INFO", "DEBUG"][min(verbose, 2)]


def parse_settings(pairs: list[str]) -> dict[str, str]:
    overrides: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"-s {pair}: expected NAME=VALUE")
        overrides[name.strip()] = value
    # Our own settings are checked here; a bad value would otherwise surface as a
    # traceback from inside Scrapy when the crawl starts (or be silently ignored).
    for name, value in overrides.items():
        check = SETTING_CHECKS.get(name)
        if check is None:
            continue
        try:
            check(value)
        except (argparse.ArgumentTypeError, ValueError) as exc:
            raise UsageError(f"-s {name}={value}: {exc}") from None
    return overrides


def non_negative_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not value >= 0:  # also rejects nan
        raise argparse.ArgumentTypeError(f"expected a number >= 0, got {text!r}")
    return value


def boolean(text: str) -> bool:
    """What Scrapy's ``getbool`` accepts, checked before Scrapy sees it."""
    lowered = text.strip().lower()
    if lowered in ("1", "true"):
        return True
    if lowered in ("0", "false", ""):
        return False
    raise argparse.ArgumentTypeError(f"expected True/False or 1/0, got {text!r}")


def gzip_level(text: str) -> int:
    value = non_negative_int(text)
    if not 1 <= value <= 9:
        raise argparse.ArgumentTypeError(f"expected a gzip level 1..9, got {text!r}")
    return value


def choice(*allowed: str) -> Callable[[str], str]:
    def check(text: str) -> str:
        if text.strip().lower() not in allowed:
            raise argparse.ArgumentTypeError(f"expected one of {', '.join(allowed)}")
        return text

    return check


def non_negative_int(text: str) -> int:
    """argparse type for counts such as --max-pages (0 means no cap)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative")
    return value


def positive_int(text: str) -> int:
    value = non_negative_int(text)
    if value == 0:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def check_url(url: str) -> str:
    """A start URL we can crawl: http(s), a host name, a numeric port if any."""
    parts = urlsplit(url)
    if "://" not in url:
        raise UsageError(f"{url}: no scheme; did you mean http://{url.lstrip('/')} ?")
    if parts.scheme.lower() not in ("http", "https"):
        raise UsageError(f"{url}: unsupported scheme {parts.scheme!r}, only http and https")
    if not parts.hostname:
        raise UsageError(f"{url}: no host name")
    try:
        parts.port  # noqa: B018 (urllib validates the port lazily, on access)
    except ValueError:
        raise UsageError(f"{url}: bad port") from None
    return url


def prepare_out_dir(path: str | Path) -> Path:
    """Create the output folder and prove it is writable, before any work is done."""
    folder = Path(path).expanduser().resolve()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder, prefix=".healthcorpus-write-check-"):
            pass
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise UsageError(f"{path}: cannot write the output folder: {reason}") from None
    return folder


@contextmanager
def stop_on_sigterm() -> Iterator[None]:
    """SIGTERM stops like Ctrl-C (KeyboardInterrupt): files closed, manifest written.

    For commands that run outside Scrapy, which installs its own handlers."""

    def interrupt(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# healthcorpus settings that -s may change, with the check of each value.
SETTING_CHECKS: dict[str, Callable[[str], object]] = {
    "HEALTHCORPUS_MAX_PAGES": non_negative_int,
    "HEALTHCORPUS_INCREMENTAL": boolean,
    "HEALTHCORPUS_ARCHIVE": boolean,
    "HEALTHCORPUS_ARCHIVE_GZIP_LEVEL": gzip_level,
    "HEALTHCORPUS_CHECKPOINT_RECORDS": positive_int,
    "HEALTHCORPUS_CHECKPOINT_SECONDS": non_negative_float,
    "HEALTHCORPUS_OBEY_CRAWL_DELAY": boolean,
    "HEALTHCORPUS_SUBDOMAINS": boolean,
    "HEALTHCORPUS_MAX_CRAWL_DELAY": non_negative_float,
    "HEALTHCORPUS_PROGRESS": choice("auto", "tty", "log", "off"),
    "HEALTHCORPUS_PROGRESS_INTERVAL": non_negative_float,
    "HEALTHCORPUS_HEARTBEAT_TTL": positive_int,
    "HEALTHCORPUS_WORKER_PREFETCH": non_negative_int,
    "HEALTHCORPUS_IDLE_POLL": non_negative_float,
    "HEALTHCORPUS_CLEAN_WORKERS": lambda text: text if text == "auto" else non_negative_int(text),
    "HEALTHCORPUS_SITEMAPS": choice("auto", "only", "off"),
    "HEALTHCORPUS_SITEMAP_MAX_FILES": non_negative_int,
    "HEALTHCORPUS_SITEMAP_MAX_URLS": non_negative_int,
    "HEALTHCORPUS_RECHECK_DAYS": non_negative_float,
    "HEALTHCORPUS_ALIAS_EVIDENCE": positive_int,
}


def say(message: str) -> None:
    """Progress notes go to stderr, so stdout holds only the summary."""
    print(f"healthcorpus: {message}", file=sys.stderr, flush=True)
