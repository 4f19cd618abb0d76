"""``<lastmod>`` (W3C datetime) and feed dates (RFC 822, RFC 3339) as unix times.

A date says the page changed some time within its last unit, so it counts as the *end*
of it: "2026-11-30" as the end of that day (a page fetched in the morning and edited in
the afternoon must not look unchanged), "...T10:00Z" as 10:01, "...T10:00:05Z" as
10:00:06. A date without a zone is taken as UTC.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

DAY = timedelta(days=1)
_TIME = re.compile(r"T(\d\d):(\d\d)(:\d\d)?(\.\d+)?")


def parse_date(text: str | None) -> float | None:
    """Unix time of a sitemap or feed date, or None when there is none or it is not one."""
    if not text:
        return None
    text = text.strip()
    if not text:
        return None
    when: datetime | None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        when = _rfc822(text)
        if when is None:
            return None
    else:
        when += _resolution(text)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.timestamp()


def _resolution(text: str) -> timedelta:
    """How long the moment a W3C datetime names lasts: a day, a minute, a second."""
    match = _TIME.search(text)
    if match is None:
        return DAY
    if match.group(4):
        return timedelta(0)
    return timedelta(seconds=1) if match.group(3) else timedelta(minutes=1)


def _rfc822(text: str) -> datetime | None:
    try:
        return parsedate_to_datetime(text) + timedelta(seconds=1)
    except (TypeError, ValueError, IndexError):
        return None
