"""Dates as pages write them, read into UTC instants.

Machine-readable values (ISO 8601 in JSON-LD and ``<meta>``, RFC 822 in feeds) and the
words of visible datelines ("March 3, 2024", "3. März 2024", "2024年3月3日") in English,
Chinese and the main European languages. Written here rather than taken from
``dateparser`` / ``htmldate``: those cost more per page than the rest of the cleaner
(``docs/benchmarks.md``), and a dateline needs only these forms.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

EARLIEST_YEAR = 1990  # before the web: a birth date or a historic year, not a publication
FUTURE_SLACK = timedelta(days=1)  # time zones; later than this is a scheduled or bad date

_ISO = re.compile(
    r"(?P<y>(?:19|20)\d\d)-(?P<m>\d\d?)-(?P<d>\d\d?)"
    r"(?:[T ](?P<H>\d\d?):(?P<M>\d\d)(?::(?P<S>\d\d)(?:[.,]\d+)?)?"
    r"\s*(?P<z>Z|UTC|GMT|[+-]\d\d:?\d\d|[+-]\d\d(?!\d))?)?"
)
_COMPACT = re.compile(
    r"^(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:T?(?P<H>\d\d)(?P<M>\d\d))?"
)
_SLASHED = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[/.](?P<m>\d\d?)[/.](?P<d>\d\d?)(?!\d)")
_CJK = re.compile(
    r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d\d?)\s*月\s*(?P<d>\d\d?)\s*[日号]"
    r"(?:\s*(?P<H>\d\d?)[:：时](?P<M>\d\d))?"
)
_CLOCK = re.compile(r"(?<!\d)(?P<H>\d\d?)[:h.](?P<M>\d\d)(?::\d\d)?\s*(?P<ampm>[ap]\.?m\.?)?", re.I)
_ZONE = re.compile(r"\b(?P<z>UTC|GMT|[ECMP][SD]T|BST|CET|CEST)\b|(?P<off>[+-]\d\d:?\d\d)\b")
_ZONE_HOURS = {"Z": 0, "UTC": 0, "GMT": 0, "BST": 1, "CET": 1, "CEST": 2, "EST": -5, "EDT": -4,
               "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7}  # fmt: skip

# Month names (and their usual abbreviations) of the languages dates are read in.
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan janvier janv januar jän enero "
        "ene gennaio gen januari janeiro leden styczeń stycznia",
        "february feb février févr fevrier februar febrero "
        "febbraio februari fevereiro únor února luty lutego",
        "march mar mars märz marz marzo maart março března březen marzec marca",
        "april apr avril abril aprile duben dubna kwiecień kwietnia",
        "may mai mayo maggio mei maio květen května maj maja",
        "june jun juin juni junio giugno junho červen června czerwiec czerwca",
        "july jul juillet juil juli julio luglio julho červenec července lipiec lipca",
        "august aug août aout agosto augustus srpen srpna sierpień sierpnia",
        "september sep sept septembre septiembre settembre setembro září wrzesień września",
        "october oct octobre oktober octubre ottobre "
        "okt outubro říjen října październik października",
        "november nov novembre noviembre novembro listopad listopadu",
        "december dec décembre decembre dezember diciembre "
        "dicembre dez dezembro prosinec prosince grudzień grudnia",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS.setdefault(_name, _number)
_MONTH = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
# "March 3, 2024", "Mar. 3rd 2024"; "3 March 2024", "3. März 2024", "3 de marzo de 2024"
_MONTH_FIRST = re.compile(
    rf"\b(?P<mon>{_MONTH})\.?\s+(?P<d>\d\d?)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I
)
_DAY_FIRST = re.compile(
    rf"(?<!\d)(?P<d>\d\d?)(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?(?P<mon>{_MONTH})\.?,?\s+(?:de\s+)?"
    rf"(?P<y>(?:19|20)\d\d)\b",
    re.I,
)
# 03/03/2024 is March 3 or 3 March by country: read only when the day is past 12
_NUMERIC = re.compile(r"(?<![\d/.])(?P<a>\d\d?)[/.](?P<b>\d\d?)[/.](?P<y>(?:19|20)\d\d)(?![\d/.])")


def parse_machine_date(value: str) -> datetime | None:
    """A date of structured data (ISO 8601, ``20240303``, RFC 822) as UTC, or None."""
    value = value.strip()
    if not value:
        return None
    match = _ISO.match(value) or _COMPACT.match(value)
    if match:
        return _from_match(match, match.groupdict().get("z"))
    try:
        stamp = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return find_date(value)
    return _to_utc(stamp)


def find_date(text: str) -> datetime | None:
    """The first date written in ``text`` (a dateline), as UTC, or None."""
    for pattern in (_ISO, _CJK, _SLASHED):
        match = pattern.search(text)
        if match:
            return _from_match(match, match.groupdict().get("z") or _zone_after(text, match.end()))
    for pattern in (_MONTH_FIRST, _DAY_FIRST):
        match = pattern.search(text)
        if match:
            month = _MONTHS.get(match["mon"].lower())
            return _assemble(int(match["y"]), month, int(match["d"]), text, match.end())
    match = _NUMERIC.search(text)
    if match:
        first, second = int(match["a"]), int(match["b"])
        if first > 12 >= second:
            return _assemble(int(match["y"]), second, first, text, match.end())
        if second > 12 >= first:
            return _assemble(int(match["y"]), first, second, text, match.end())
    return None


def plausible(stamp: datetime | None, now: datetime | None) -> datetime | None:
    """``stamp`` if it can be a date of web publication seen at ``now``, else None."""
    if stamp is None or stamp.year < EARLIEST_YEAR:
        return None
    if stamp > (now or datetime.now(UTC)) + FUTURE_SLACK:
        return None
    return stamp


def _from_match(match: re.Match[str], zone: str | None) -> datetime | None:
    groups = match.groupdict()
    hour, minute, second = groups.get("H"), groups.get("M"), groups.get("S")
    try:
        stamp = datetime(
            int(groups["y"]), int(groups["m"]), int(groups["d"]),
            int(hour or 0), int(minute or 0), int(second or 0),
        )  # fmt: skip
    except ValueError:
        return None
    return _with_zone(stamp, zone if hour else None)


def _assemble(year: int, month: int | None, day: int, text: str, end: int) -> datetime | None:
    """A date in words, with the clock time that follows it on the line, if any."""
    if month is None:
        return None
    hour = minute = 0
    clock = _CLOCK.search(text, end, end + 24)
    if clock:
        hour, minute = int(clock["H"]), int(clock["M"])
        ampm = (clock["ampm"] or "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    try:
        stamp = datetime(year, month, day, hour, minute)
    except ValueError:
        return None
    return _with_zone(stamp, _zone_after(text, end) if clock else None)


def _zone_after(text: str, end: int) -> str | None:
    zone = _ZONE.search(text, end, end + 40)
    return (zone["z"] or zone["off"]) if zone else None


def _with_zone(stamp: datetime, zone: str | None) -> datetime | None:
    """``stamp`` (a wall time) in UTC: shifted by its zone, taken as UTC without one."""
    if zone:
        zone = zone.upper()
        if zone in _ZONE_HOURS:
            offset = timedelta(hours=_ZONE_HOURS[zone])
        else:
            digits = zone.replace(":", "")
            sign = -1 if digits[0] == "-" else 1
            hours, minutes = int(digits[1:3]), int(digits[3:5] or 0)
            if hours > 14 or minutes > 59:
                return None
            offset = sign * timedelta(hours=hours, minutes=minutes)
        return stamp.replace(tzinfo=timezone(offset)).astimezone(UTC)
    return stamp.replace(tzinfo=UTC)


def _to_utc(stamp: datetime) -> datetime:
    if stamp.tzinfo is None:
        return stamp.replace(tzinfo=UTC)
    return stamp.astimezone(UTC)
