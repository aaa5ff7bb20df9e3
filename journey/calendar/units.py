"""Units of time and the pure date arithmetic that needs no holiday data.

Kept apart from ``england.py`` so that months, ages and gestation can be reasoned about (and
tested) without any bank-holiday source: these rules are the same in every calendar.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, get_args

from dateutil.relativedelta import relativedelta

Unit = Literal["minutes", "hours", "days", "working_days", "weeks", "months", "years"]
UNITS: frozenset[Unit] = frozenset(get_args(Unit))
DATE_UNITS: frozenset[Unit] = frozenset({"days", "working_days", "weeks", "months", "years"})
CLOCK_UNITS: frozenset[Unit] = frozenset({"minutes", "hours"})
_MINUTES: dict[str, int] = {"minutes": 1, "hours": 60, "days": 1440, "weeks": 10080}
FIXED_UNITS: frozenset[Unit] = frozenset(_MINUTES)  # type: ignore[arg-type]
"""Units that are always the same length (a working day, a month and a year are not)."""

_DAYS_TO_TERM = 280  # an expected date of birth is 40+0 weeks


@dataclass(frozen=True, slots=True)
class Duration:
    """A whole, non-negative amount of one unit, as a rule states it ("15 working days")."""

    value: int
    unit: Unit

    def __post_init__(self) -> None:
        if isinstance(self.value, bool) or not isinstance(self.value, int):
            raise TypeError(f"duration value must be an int, not {self.value!r}")
        if self.value < 0:
            raise ValueError(f"duration cannot be negative: {self.value}")
        if self.unit not in UNITS:
            raise ValueError(f"unknown unit {self.unit!r}; expected one of {', '.join(sorted(UNITS))}")

    def __str__(self) -> str:
        name = self.unit.replace("_", " ")
        return f"{self.value} {name[:-1] if self.value == 1 else name}"

    @property
    def minutes(self) -> int:
        """Its length in minutes, for a unit of ``FIXED_UNITS`` (what a running total adds up)."""
        if self.unit not in _MINUTES:
            raise ValueError(f"{self} has no fixed length")
        return self.value * _MINUTES[self.unit]


_INSTANT = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")
_OFFSET = re.compile(r".*\d[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}(?::?\d{2})?)", re.IGNORECASE)
_FORMAT_HINT = "expected YYYY-MM-DD or YYYY-MM-DDTHH:MM"


@dataclass(frozen=True, slots=True)
class Instant:
    """When an event happened: a local (England) date, with the time of day if it is known.

    Case records often carry only a date; keeping ``time=None`` (rather than inventing midnight)
    lets clock-time rules say "indeterminate" instead of guessing.
    """

    date: dt.date
    time: dt.time | None = None

    def __post_init__(self) -> None:
        if isinstance(self.date, dt.datetime) or not isinstance(self.date, dt.date):
            raise TypeError(f"Instant.date must be a datetime.date, not {type(self.date).__name__}")
        if self.time is not None and self.time.tzinfo is not None:
            raise ValueError("Instant.time must be a local time without a timezone")

    def __reduce__(self) -> tuple:
        # Plain tuple pickling: batch validation ships many instants to worker processes.
        return (Instant, (self.date, self.time))

    @classmethod
    def parse(cls, text: str) -> Instant:
        """Parse 'YYYY-MM-DD', 'YYYY-MM-DDTHH:MM' or 'YYYY-MM-DDTHH:MM:SS' (space for T allowed)."""
        s = text.strip()
        m = _INSTANT.fullmatch(s)
        if m is None:
            if _OFFSET.fullmatch(s):
                raise ValueError(f"{text!r} has a timezone; give the local time in England without an offset")
            raise ValueError(f"{text!r}: {_FORMAT_HINT}")
        y, mo, d, hh, mm, ss = m.groups()
        try:
            date = dt.date(int(y), int(mo), int(d))
        except ValueError:
            raise ValueError(f"{s[:10]!r} is not a real date") from None
        if hh is None:
            return cls(date)
        try:
            time = dt.time(int(hh), int(mm), int(ss or 0))
        except ValueError:
            raise ValueError(f"{s!r} is not a real time of day") from None
        return cls(date, time)

    @property
    def has_time(self) -> bool:
        return self.time is not None

    def earliest(self) -> dt.datetime:
        """The first moment this instant could be (00:00 when only the date is known)."""
        return dt.datetime.combine(self.date, self.time or dt.time.min)

    def latest(self) -> dt.datetime:
        """The last moment this instant could be (end of the day when only the date is known)."""
        return dt.datetime.combine(self.date, self.time or dt.time.max)

    def before(self, other: Instant) -> bool:
        """Strictly earlier for certain: by date, or by time when both times are known."""
        if self.date != other.date:
            return self.date < other.date
        return self.time is not None and other.time is not None and self.time < other.time

    def __str__(self) -> str:
        if self.time is None:
            return self.date.isoformat()
        spec = "minutes" if self.time.second == 0 and self.time.microsecond == 0 else "auto"
        return f"{self.date.isoformat()}T{self.time.isoformat(timespec=spec)}"


def _date_or_range_error(compute: Callable[[], dt.date], what: str) -> dt.date:
    """Report dates past year 9999 as a ValueError naming the sum, like every other bad input."""
    try:
        return compute()
    except (OverflowError, ValueError):
        raise ValueError(f"{what} is outside the supported dates (years 1–9999)") from None


def add_months(d: dt.date, months: int) -> dt.date:
    """Calendar months with month-end clamping (31 Jan + 1 month = 28/29 Feb), counted from ``d``
    itself so that clamping never accumulates (31 Jan + 2 months = 31 Mar)."""
    return _date_or_range_error(lambda: d + relativedelta(months=months), f"{d} + {months} months")


def add_years(d: dt.date, years: int) -> dt.date:
    """Calendar years with plain clamping (29 Feb + 1 year = 28 Feb); ages use :func:`attains_age`."""
    return _date_or_range_error(lambda: d + relativedelta(years=years), f"{d} + {years} years")


def _month_index(d: dt.date) -> int:
    return d.year * 12 + d.month - 1


def months_between(a: dt.date, b: dt.date) -> int:
    """Signed whole months: for b >= a the largest k with add_months(a, k) <= b; antisymmetric."""
    if b < a:
        return -months_between(b, a)
    k = _month_index(b) - _month_index(a)
    return k - 1 if add_months(a, k) > b else k


def years_between(a: dt.date, b: dt.date) -> int:
    """Signed whole years (12 clamped months each), truncated toward zero."""
    k = months_between(a, b)
    return k // 12 if k >= 0 else -(-k // 12)


def weeks_between(a: dt.date, b: dt.date) -> int:
    """Signed whole weeks, truncated toward zero."""
    days = (b - a).days
    return days // 7 if days >= 0 else -(-days // 7)


def attains_age(date_of_birth: dt.date, years: int, months: int = 0) -> dt.date:
    """The date a person attains ``years`` years and ``months`` months of age.

    Family Law Reform Act 1969 s9: an age is attained at the start of the relevant anniversary.
    When that anniversary does not exist (29 Feb in a non-leap year; 30 Nov + 3 months), it is
    attained on the 1st of the following month — never on the last day of the short month.
    """
    if years < 0 or months < 0:
        raise ValueError(f"an age cannot be negative: {years} years {months} months")
    index = _month_index(date_of_birth) + 12 * years + months
    year, month0 = divmod(index, 12)
    if not 1 <= year <= dt.MAXYEAR:
        raise ValueError(f"age {years}y{months}m from {date_of_birth} is outside the supported dates")
    try:
        return dt.date(year, month0 + 1, date_of_birth.day)
    except ValueError:
        return _date_or_range_error(lambda: dt.date(year, month0 + 1, 1) + relativedelta(months=1),
                                    f"age {years}y{months}m from {date_of_birth}")


def age_on(date_of_birth: dt.date, on: dt.date) -> tuple[int, int]:
    """Completed (years, months) of age on ``on``; the inverse of :func:`attains_age`."""
    if on < date_of_birth:
        raise ValueError(f"{on} is before the date of birth {date_of_birth}")
    k = _month_index(on) - _month_index(date_of_birth)
    if attains_age(date_of_birth, 0, k) > on:
        k -= 1
    years, months = divmod(k, 12)
    return years, months


def gestation_week_date(expected_date_of_birth: dt.date, week: int) -> dt.date:
    """The date a pregnancy reaches ``week``+0 weeks, taking the EDD as 40+0 weeks."""
    return expected_date_of_birth + dt.timedelta(days=7 * week - _DAYS_TO_TERM)


def gestation_on(expected_date_of_birth: dt.date, on: dt.date) -> tuple[int, int]:
    """Gestation on ``on`` as (completed weeks, days), days always 0–6.

    Weeks are floored, so dates before 0+0 (the notional first day of the last period, EDD − 280
    days) give negative weeks: the day before 0+0 is (-1, 6). Callers decide whether such dates
    make sense; this function does not guess.
    """
    days = (on - expected_date_of_birth).days + _DAYS_TO_TERM
    weeks, rest = divmod(days, 7)
    return weeks, rest
