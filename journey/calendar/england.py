"""Working days in England and Wales, and the only importer of the ``holidays`` package.

Bank holidays come from ``holidays.country_holidays("GB", subdiv="ENG")``. The subdivision is
not optional: plain ``"GB"`` silently lacks Easter Monday and the late August bank holiday, which
would make every working-day deadline around them a day early.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

import holidays

from journey.calendar.units import (
    CLOCK_UNITS,
    Duration,
    Unit,
    add_months,
    add_years,
    age_on,
    attains_age,
    gestation_on,
    gestation_week_date,
    months_between,
    weeks_between,
    years_between,
)

_GB = holidays.country_holidays("GB", subdiv="ENG")
_PACKAGE_YEARS: tuple[int, int] = (_GB.start_year, _GB.end_year)  # outside these it returns nothing
_ALL_YEARS: tuple[int, int] = (dt.MINYEAR, dt.MAXYEAR)
_SATURDAY = 5
_WINDOW = (5, 10)  # years before/after the first date asked about, for the first table


@lru_cache(maxsize=None)
def _package_holidays(year: int) -> frozenset[dt.date]:
    """Bank holidays of one year as days off: weekday dates only.

    The package also lists the nominal date of a holiday that falls at a weekend (Saturday
    26 Dec 2026) next to its substitute day (Monday 28 Dec); only the substitute is a bank
    holiday on GOV.UK's list, and the weekend date is not a working day anyway.
    """
    found = holidays.country_holidays("GB", subdiv="ENG", years=year)
    return frozenset(d for d in found if d.weekday() < _SATURDAY)


class Calendar:
    """Working days in England and Wales: Mon–Fri minus bank holidays, with optional overlays.

    ``closures`` are local days off (not working days); ``extra_working_days`` are working days
    even at a weekend or bank holiday; ``pinned_holidays``, if given, replaces the ``holidays``
    package with exactly that set, for reproducible audits. A pinned calendar only answers for the
    years it ``covers`` — by default the first to the last year of the pinned dates (unlimited if
    the set is empty) — and raises ``ValueError`` outside them rather than guess. The package
    itself is only trusted for the years it has data for (1872–2100 in holidays 0.109).
    """

    def __init__(self, *, closures: Iterable[dt.date] = (), extra_working_days: Iterable[dt.date] = (),
                 pinned_holidays: Iterable[dt.date] | None = None,
                 covers: tuple[int, int] | None = None) -> None:
        self._closures = frozenset(closures)
        self._extra = frozenset(extra_working_days)
        both = self._closures & self._extra
        if both:
            raise ValueError(f"days both closed and extra working days: {', '.join(map(str, sorted(both)))}")
        self._pinned = None if pinned_holidays is None else frozenset(pinned_holidays)
        self._covers = self._coverage(self._pinned, covers)
        self._by_year: dict[int, frozenset[dt.date]] = {}
        # Working-day table over ordinals [_lo, _hi]: _cum[i] = working days in [_lo, _lo + i - 1],
        # _days = the working-day ordinals in order. Built lazily, grown by doubling.
        self._lo = 1
        self._hi = 0
        self._cum: list[int] = [0]
        self._days: list[int] = []

    @staticmethod
    def _coverage(pinned: frozenset[dt.date] | None, covers: tuple[int, int] | None) -> tuple[int, int]:
        if pinned is None:
            if covers is not None:
                raise ValueError("covers= only applies to a calendar with pinned_holidays")
            return _PACKAGE_YEARS
        if covers is None:
            return (min(pinned).year, max(pinned).year) if pinned else _ALL_YEARS
        first, last = covers
        if not dt.MINYEAR <= first <= last <= dt.MAXYEAR:
            raise ValueError(f"bad year range {first}–{last}")
        outside = sorted(d for d in pinned if not first <= d.year <= last)
        if outside:
            raise ValueError(f"pinned holidays outside {first}–{last}: {', '.join(map(str, outside))}")
        return first, last

    def __repr__(self) -> str:
        source = "holidays package" if self._pinned is None else f"{len(self._pinned)} pinned holidays"
        first, last = self._covers
        return (f"Calendar({source}, years {first}–{last}, {len(self._closures)} closures, "
                f"{len(self._extra)} extra working days)")

    # -- what a day is -------------------------------------------------------------------------

    @property
    def covers(self) -> tuple[int, int]:
        """The first and last year this calendar can answer for."""
        return self._covers

    def pinned_dates(self) -> list[dt.date] | None:
        """The pinned bank holidays, sorted, or None when they come from the holidays package."""
        return None if self._pinned is None else sorted(self._pinned)

    def _check_year(self, year: int) -> None:
        first, last = self._covers
        if not first <= year <= last:
            kind = "pinned calendar" if self._pinned is not None else "holidays package"
            raise ValueError(f"year {year} is outside the {kind}'s bank holiday data ({first}–{last})")

    def _holidays_in(self, year: int) -> frozenset[dt.date]:
        self._check_year(year)
        if self._pinned is None:
            return _package_holidays(year)
        found = self._by_year.get(year)
        if found is None:
            found = self._by_year[year] = frozenset(d for d in self._pinned if d.year == year)
        return found

    def is_working_day(self, d: dt.date) -> bool:
        """Mon–Fri and not a bank holiday or closure, or else an extra working day."""
        if d in self._extra:
            return True
        holiday = d in self._holidays_in(d.year)
        return d.weekday() < _SATURDAY and not holiday and d not in self._closures

    def bank_holidays(self, start: dt.date, end: dt.date) -> list[dt.date]:
        """Bank holidays in [start, end], sorted, before closures and extra working days apply."""
        found = (d for year in range(start.year, end.year + 1) for d in self._holidays_in(year))
        return sorted(d for d in found if start <= d <= end)

    # -- the working-day table -----------------------------------------------------------------

    def _ensure(self, lo: int, hi: int) -> None:
        """Make the table cover ordinals [lo, hi] (whole years), growing it by at least its own
        span on the side that is short, so repeated extensions cost amortised O(1) per query."""
        if self._lo <= lo and hi <= self._hi:
            return
        first, last = _year(lo), _year(hi)
        self._check_year(first)
        self._check_year(last)
        if self._hi < self._lo:
            first, last = first - _WINDOW[0], last + _WINDOW[1]
        else:
            have_first, have_last = _year(self._lo), _year(self._hi)
            span = have_last - have_first + 1
            first = min(first, have_first - span) if lo < self._lo else have_first
            last = max(last, have_last + span) if hi > self._hi else have_last
        first, last = max(first, self._covers[0]), min(last, self._covers[1])
        self._build(dt.date(first, 1, 1).toordinal(), dt.date(last, 12, 31).toordinal())

    def _build(self, lo: int, hi: int) -> None:
        cum = [0]
        days: list[int] = []
        for o in range(lo, hi + 1):
            if self.is_working_day(dt.date.fromordinal(o)):
                days.append(o)
            cum.append(len(days))
        self._lo, self._hi, self._cum, self._days = lo, hi, cum, days

    def _first_ordinal(self) -> int:
        return dt.date(self._covers[0], 1, 1).toordinal()

    def _last_ordinal(self) -> int:
        return dt.date(self._covers[1], 12, 31).toordinal()

    def _count_to(self, o: int) -> int:
        """Working days in [table start, o] (o inside the table, or the day before it)."""
        return self._cum[o - self._lo + 1]

    def _nth_after(self, o: int, n: int) -> int:
        """Ordinal of the nth (n >= 1) working day strictly after ordinal o."""
        self._ensure(o, o)
        while True:
            k = self._count_to(o) + n - 1
            if k < len(self._days):
                return self._days[k]
            if self._hi >= self._last_ordinal():
                raise ValueError(f"{n} working days after {dt.date.fromordinal(o)} "
                                 f"runs past the calendar's data (to {self._covers[1]})")
            self._ensure(o, min(self._hi + n * 7 // 5 + 31, self._last_ordinal()))

    def _nth_before(self, o: int, n: int) -> int:
        """Ordinal of the nth (n >= 1) working day strictly before ordinal o."""
        self._ensure(o, o)
        while True:
            k = self._count_to(o - 1) - n
            if k >= 0:
                return self._days[k]
            if self._lo <= self._first_ordinal():
                raise ValueError(f"{n} working days before {dt.date.fromordinal(o)} "
                                 f"runs past the calendar's data (from {self._covers[0]})")
            self._ensure(max(self._lo - n * 7 // 5 - 31, self._first_ordinal()), o)

    # -- arithmetic ------------------------------------------------------------------------------

    def add(self, d: dt.date, duration: Duration) -> dt.date:
        """``d`` plus a date-unit duration. Working days: the Nth working day after d, d being
        day 0 whatever day it is (N = 0 gives d). Months and years clamp to the month end."""
        n = duration.value
        match duration.unit:
            case "working_days":
                if n == 0:
                    self._ensure(d.toordinal(), d.toordinal())
                    return d
                return dt.date.fromordinal(self._nth_after(d.toordinal(), n))
            case "days" | "weeks":
                days = n * 7 if duration.unit == "weeks" else n
                return _ordinal_date(d.toordinal() + days, f"{d} + {duration}")
            case "months":
                return add_months(d, n)
            case "years":
                return add_years(d, n)
        raise ValueError(f"cannot add {duration} to a date; clock units need add_clock()")

    def subtract_working_days(self, d: dt.date, n: int) -> dt.date:
        """The nth working day before ``d`` (d is day 0; n = 0 gives d). Undoes ``add`` when the
        result of ``add`` is the start: subtract(add(x, n), n) == x for every working day x."""
        if n < 0:
            raise ValueError(f"cannot subtract a negative number of working days: {n}")
        if n == 0:
            self._ensure(d.toordinal(), d.toordinal())
            return d
        return dt.date.fromordinal(self._nth_before(d.toordinal(), n))

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days in (a, b]; negative of (b, a] when b < a. So
        working_days_between(x, add(x, N working days)) == N."""
        oa, ob = a.toordinal(), b.toordinal()
        self._ensure(min(oa, ob), max(oa, ob))
        return self._count_to(ob) - self._count_to(oa)

    def between(self, a: dt.date, b: dt.date, unit: Unit) -> int:
        """Signed whole ``unit``s from a to b (truncated toward zero; antisymmetric)."""
        match unit:
            case "days":
                return (b - a).days
            case "working_days":
                return self.working_days_between(a, b)
            case "weeks":
                return weeks_between(a, b)
            case "months":
                return months_between(a, b)
            case "years":
                return years_between(a, b)
        raise ValueError(f"between() counts date units only, not {unit!r}")

    def add_clock(self, at: dt.datetime, duration: Duration) -> dt.datetime:
        """Clock time: minutes and hours run through nights, weekends and holidays alike."""
        if duration.unit not in CLOCK_UNITS:
            raise ValueError(f"add_clock() takes minutes or hours, not {duration.unit}")
        minutes = duration.value * (60 if duration.unit == "hours" else 1)
        try:
            return at + dt.timedelta(minutes=minutes)
        except OverflowError:
            raise ValueError(f"{at} + {duration} is outside the supported dates") from None

    # -- ages and gestation (no holiday data; here so callers need only a Calendar) -------------

    def attains_age(self, date_of_birth: dt.date, years: int, months: int = 0) -> dt.date:
        """The date the age is attained; 29 Feb birthdays attain on 1 Mar in non-leap years."""
        return attains_age(date_of_birth, years, months)

    def age_on(self, date_of_birth: dt.date, on: dt.date) -> tuple[int, int]:
        """Completed (years, months) of age on ``on``."""
        return age_on(date_of_birth, on)

    def gestation_week_date(self, expected_date_of_birth: dt.date, week: int) -> dt.date:
        """The date of ``week``+0 weeks, the EDD being 40+0."""
        return gestation_week_date(expected_date_of_birth, week)

    def gestation_on(self, expected_date_of_birth: dt.date, on: dt.date) -> tuple[int, int]:
        """(completed weeks, days) on ``on``; negative weeks before 0+0."""
        return gestation_on(expected_date_of_birth, on)

    # -- reproducibility -------------------------------------------------------------------------

    def snapshot(self, start_year: int, end_year: int) -> Calendar:
        """A copy with the bank holidays of ``start_year``–``end_year`` frozen, and the same
        overlays; it refuses dates outside those years, so an audit never uses unknown data."""
        if start_year > end_year:
            raise ValueError(f"snapshot years run backwards: {start_year}–{end_year}")
        pinned = self.bank_holidays(dt.date(start_year, 1, 1), dt.date(end_year, 12, 31))
        return Calendar(closures=self._closures, extra_working_days=self._extra,
                        pinned_holidays=pinned, covers=(start_year, end_year))


def _year(o: int) -> int:
    return dt.date.fromordinal(o).year


def _ordinal_date(o: int, what: str) -> dt.date:
    if not 1 <= o <= dt.date.max.toordinal():
        raise ValueError(f"{what} is outside the supported dates (years 1–9999)")
    return dt.date.fromordinal(o)


england = Calendar()
"""The default calendar: England and Wales bank holidays from the holidays package, no overlays."""
