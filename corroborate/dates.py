"""The one date parser for options and arguments: ISO dates or datetimes into aware UTC datetimes.

Used by the engine, the command line and the page, so a date means the same everywhere and a
bad one gets the same single line naming the option it came from.

Example:
    >>> parse_date("2024-01-03", option="--until", end_of_day=True).isoformat()
    '2024-01-03T23:59:59.999999+00:00'
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from datetime import time as dtime

from .errors import DateError

DateLike = date | datetime | str | None



def parse_date(value: DateLike, *, option: str = "date", end_of_day: bool = False
               ) -> datetime | None:
    """``value`` as an aware UTC datetime; ``None`` or ``""`` give ``None``.

    Args:
        value: a ``date``, a ``datetime`` or ISO text (``YYYY-MM-DD`` or an ISO 8601 datetime).
        option: the option or field the value came from, named in the error.
        end_of_day: a plain date stands for its last instant (for an inclusive upper bound)
            rather than its first.

    Raises:
        DateError: text that is neither form.
    """
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            value = (datetime.fromisoformat(text) if "T" in text or " " in text
                     else date.fromisoformat(text))
        except ValueError as exc:
            raise DateError(f"{option}: {text!r} is not a date: use YYYY-MM-DD or an ISO 8601 "
                            "datetime such as 2024-01-03T14:00") from exc
    if not isinstance(value, datetime):
        value = datetime.combine(value, dtime.max if end_of_day else dtime.min)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def utc_iso(value: datetime | None) -> str | None:
    """The store's spelling of a datetime: ISO 8601 in UTC to the second (naive taken as UTC),
    so that text comparison orders it.

    Example:
        >>> utc_iso(datetime(2024, 1, 3, 14, 0, 5, 999, tzinfo=UTC))
        '2024-01-03T14:00:05+00:00'
    """
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="seconds")


__all__ = ["DateError", "DateLike", "parse_date", "utc_iso"]
