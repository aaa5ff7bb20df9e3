"""Judging one obligation against the calendar: due dates, lateness, and what cannot be known.

Date units (days, working days, weeks, months, years) compare calendar dates. Clock units
(hours, minutes) compare clock time; when a timestamp has no time of day, the event could have
happened at any moment of that day, so the answer is a window — and if the window straddles the
limit, the verdict is ``indeterminate``, never a guessed breach.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from journey.calendar import CLOCK_UNITS, Calendar, Duration, Instant
from journey.validator.findings import Amount

Verdict = Literal["ok", "late", "early", "indeterminate"]


@dataclass(frozen=True, slots=True)
class Due:
    """When an obligation falls due: a date, or for clock units a window of moments."""

    date: dt.date  # the last date on which it can be met without any doubt of lateness
    early: dt.datetime | None = None  # clock units: start.earliest + limit
    late: dt.datetime | None = None   # clock units: start.latest + limit
    exact: bool = True                # clock units: both ends known to the minute

    def __str__(self) -> str:
        if self.early is None or not self.exact:
            return self.date.isoformat()
        return self.early.isoformat(timespec="minutes")

    def passed_by(self, as_of: dt.date) -> bool:
        """Overdue at ``as_of`` (the whole due day is before it)."""
        return self.date < as_of


def due_after(start: Instant, duration: Duration, cal: Calendar) -> Due:
    """The due point ``duration`` after ``start`` under the counting convention."""
    if duration.unit in CLOCK_UNITS:
        early = cal.add_clock(start.earliest(), duration)
        late = cal.add_clock(start.latest(), duration)
        return Due(late.date(), early, late, start.has_time)
    return _date_due(cal, start.date, duration)


@lru_cache(maxsize=1 << 16)
def _date_due(cal: Calendar, start: dt.date, duration: Duration) -> Due:
    """Memoised: the same start dates and limits recur across a batch, and calendar arithmetic
    (months especially) is the validator's most expensive step. Calendars are immutable."""
    return Due(cal.add(start, duration))


def due_before(end: Instant, duration: Duration, cal: Calendar) -> Due:
    """The latest point from which ``duration`` still runs out by ``end``: the due point of an
    event that must come ``duration`` before a later one (a lead rule)."""
    if duration.unit in CLOCK_UNITS:
        minutes = duration.value * (60 if duration.unit == "hours" else 1)
        early, late = end.earliest() - dt.timedelta(minutes=minutes), end.latest() - dt.timedelta(minutes=minutes)
        return Due(early.date(), early, late, end.has_time)
    return Due(_latest_start(cal, end.date, duration))


_APPROX_DAYS = {"days": 1, "weeks": 7, "months": 30.44, "years": 365.25}


@lru_cache(maxsize=1 << 14)
def _latest_start(cal: Calendar, end: dt.date, duration: Duration) -> dt.date:
    """The last date d with ``cal.add(d, duration) <= end``. Months clamp to the month end and a
    working-day count may end on a holiday, so search from an estimate rather than invert."""
    n = duration.value
    if duration.unit == "working_days":
        d = cal.subtract_working_days(end, n)
    else:
        d = end - dt.timedelta(days=round(n * _APPROX_DAYS[duration.unit]))
    while cal.add(d, duration) > end:
        d -= dt.timedelta(days=1)
    while cal.add(d + dt.timedelta(days=1), duration) <= end:
        d += dt.timedelta(days=1)
    return d


_MINUTE = dt.timedelta(minutes=1)
_ZERO = dt.timedelta(0)


def cumulative_due(stays: list[tuple[Instant, Instant]], entry: Instant, limit: Duration, window: Duration) -> Due:
    """When a stay that began at ``entry`` must end so that, with the earlier ``stays``, the time
    spent is at most ``limit`` in any ``window``. A date-only timestamp could be any moment of its
    day, so the due point is a window: from the most time the stays may have taken to the least."""
    lim, win = dt.timedelta(minutes=limit.minutes), dt.timedelta(minutes=window.minutes)
    most = [(a.earliest(), b.latest()) for a, b in stays]
    least = [(a.latest(), b.earliest()) for a, b in stays]
    early = _limit_reached(most, entry.earliest(), lim, win)
    late = _limit_reached(least, entry.latest(), lim, win)
    exact = entry.has_time and all(a.has_time and b.has_time for a, b in stays)
    return Due(late.date(), early, late, exact)


def _limit_reached(stays: list[tuple[dt.datetime, dt.datetime]], entry: dt.datetime, lim: dt.timedelta,
                   win: dt.timedelta) -> dt.datetime:
    """The last minute up to which staying on since ``entry`` keeps the total in the window ending
    then within ``lim``. The total never falls while the stay goes on (it gains a minute each
    minute and loses at most one as old stays leave the window), so a bisection finds it."""
    def total(t: dt.datetime) -> dt.timedelta:
        start = t - win
        return (t - entry) + sum((max(_ZERO, min(b, t) - max(a, start)) for a, b in stays), _ZERO)

    if total(entry) > lim:  # earlier stays already passed it
        return entry
    lo, hi = 0, int(lim / _MINUTE) + 1  # minutes after entry: total(lo) <= lim < total(hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (lo, mid) if total(entry + mid * _MINUTE) > lim else (mid, hi)
    return entry + lo * _MINUTE


def due_on(date: dt.date) -> Due:
    """A due point fixed to a date (age and gestation rules)."""
    return Due(date)


def judge_max(due: Due, actual: Instant, unit: str, cal: Calendar) -> tuple[Verdict, Amount | None]:
    """Was ``actual`` by ``due``? Returns the verdict and, if late, by how much."""
    if due.early is None or due.late is None:
        if actual.date <= due.date:
            return "ok", None
        return "late", lateness(due.date, actual.date, unit, cal)
    if actual.latest() <= due.early:
        return "ok", None
    if actual.earliest() > due.late:
        return "late", _clock_amount(actual.earliest() - due.late, unit)
    return "indeterminate", None


def judge_min(start: Instant, actual: Instant, duration: Duration, cal: Calendar) -> tuple[Verdict, Amount | None, Due]:
    """Did ``actual`` wait at least ``duration`` after ``start``?"""
    earliest = due_after(start, duration, cal)
    if earliest.early is None or earliest.late is None:
        if actual.date >= earliest.date:
            return "ok", None, earliest
        return "early", lateness(actual.date, earliest.date, duration.unit, cal), earliest
    if actual.earliest() >= earliest.late:
        return "ok", None, earliest
    if actual.latest() < earliest.early:
        return "early", _clock_amount(earliest.early - actual.latest(), duration.unit), earliest
    return "indeterminate", None, earliest


def lateness(due: dt.date, actual: dt.date, unit: str, cal: Calendar) -> Amount:
    """How far ``actual`` is past ``due``: in working days for working-day rules (falling back to
    calendar days when it lands on a non-working day straight after the due date), else days."""
    if unit == "working_days":
        n = cal.working_days_between(due, actual)
        if n > 0:
            return Amount(n, "working_days")
    return Amount((actual - due).days, "days")


def _clock_amount(delta: dt.timedelta, unit: str) -> Amount:
    minutes = -(-delta.total_seconds() // 60)
    if unit == "minutes":
        return Amount(int(minutes), "minutes")
    return Amount(int(-(-minutes // 60)), "hours")
