"""The counting convention, pinned down with dates worked out by hand from a printed calendar.

Every expected date below is a literal computed by hand (weekdays checked against the calendar
and the GOV.UK bank holiday list), never by calling the code under test. Properties at the end
check the arithmetic against itself and against a naive day-by-day oracle.
"""

from __future__ import annotations

import datetime as dt

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from journey.calendar import CLOCK_UNITS, DATE_UNITS, Calendar, Duration, Instant, england

D = dt.date


def wd(n: int) -> Duration:
    return Duration(n, "working_days")


# -- working days across bank holidays ---------------------------------------------------------

@pytest.mark.parametrize(("start", "n", "due"), [
    # Easter 2024: Good Friday 29 Mar, Easter Monday 1 Apr. Mon 25 Mar + 15 = Wed 17 Apr (not Mon 15).
    (D(2024, 3, 25), 15, D(2024, 4, 17)),
    (D(2024, 3, 28), 1, D(2024, 4, 2)),
    # Christmas 2023: 25, 26 Dec (Mon, Tue) and 1 Jan 2024 (Mon).
    (D(2023, 12, 20), 15, D(2024, 1, 15)),
    # Christmas 2024: 25, 26 Dec (Wed, Thu) and 1 Jan 2025 (Wed).
    (D(2024, 12, 20), 15, D(2025, 1, 15)),
    (D(2024, 12, 24), 1, D(2024, 12, 27)),
    # Platinum Jubilee: spring bank holiday moved to Thu 2 Jun 2022, Jubilee Fri 3 Jun.
    (D(2022, 5, 30), 15, D(2022, 6, 22)),
    (D(2022, 6, 1), 1, D(2022, 6, 6)),
    # State funeral of Queen Elizabeth II, Mon 19 Sep 2022.
    (D(2022, 9, 16), 1, D(2022, 9, 20)),
    (D(2022, 9, 16), 15, D(2022, 10, 10)),
    # Coronation, Mon 8 May 2023 (and early May bank holiday Mon 1 May).
    (D(2023, 5, 5), 1, D(2023, 5, 9)),
    (D(2023, 4, 28), 15, D(2023, 5, 23)),
    # Substitute days: Tue 27 Dec 2022 (for Christmas on a Sunday), Mon 2 Jan 2023,
    # Mon 28 Dec 2026 (for Boxing Day on a Saturday).
    (D(2022, 12, 23), 1, D(2022, 12, 28)),
    (D(2022, 12, 30), 1, D(2023, 1, 3)),
    (D(2026, 12, 24), 1, D(2026, 12, 29)),
    # Day 0 on a Saturday, and on a bank holiday: counting starts from the next working day.
    (D(2024, 1, 6), 1, D(2024, 1, 8)),
    (D(2024, 1, 6), 5, D(2024, 1, 12)),
    (D(2024, 1, 6), 10, D(2024, 1, 19)),
    (D(2024, 3, 29), 1, D(2024, 4, 2)),
    # N = 0 is day 0 itself, even when it is not a working day.
    (D(2024, 1, 6), 0, D(2024, 1, 6)),
    (D(2024, 3, 25), 0, D(2024, 3, 25)),
])
def test_add_working_days(start: dt.date, n: int, due: dt.date) -> None:
    assert england.add(start, wd(n)) == due
    assert england.working_days_between(start, due) == n


@pytest.mark.parametrize("day", [
    D(2022, 6, 2), D(2022, 6, 3), D(2022, 9, 19), D(2023, 5, 8), D(2022, 12, 26), D(2022, 12, 27),
    D(2023, 1, 2), D(2026, 12, 25), D(2026, 12, 28), D(2024, 4, 1), D(2024, 8, 26), D(2024, 3, 29),
])
def test_bank_holidays_are_not_working_days(day: dt.date) -> None:
    assert day.weekday() < 5
    assert not england.is_working_day(day)


def test_ordinary_days() -> None:
    assert england.is_working_day(D(2022, 5, 30))  # the usual late-May Monday, moved in 2022
    assert england.is_working_day(D(2024, 1, 8))
    assert not england.is_working_day(D(2024, 1, 6))  # Saturday
    assert not england.is_working_day(D(2024, 1, 7))  # Sunday


def test_bank_holidays_list_weekday_dates_only() -> None:
    assert england.bank_holidays(D(2026, 12, 1), D(2027, 1, 31)) == [
        D(2026, 12, 25), D(2026, 12, 28), D(2027, 1, 1)]  # not Saturday 26 Dec 2026
    assert england.bank_holidays(D(2022, 1, 1), D(2022, 12, 31)) == [
        D(2022, 1, 3), D(2022, 4, 15), D(2022, 4, 18), D(2022, 5, 2), D(2022, 6, 2), D(2022, 6, 3),
        D(2022, 8, 29), D(2022, 9, 19), D(2022, 12, 26), D(2022, 12, 27)]
    assert england.bank_holidays(D(2024, 3, 29), D(2024, 4, 1)) == [D(2024, 3, 29), D(2024, 4, 1)]


def test_gb_without_subdivision_is_a_trap() -> None:
    """holidays.country_holidays('GB') without subdiv lacks England-only days such as Easter
    Monday and the late August bank holiday; ours has them."""
    plain = holidays.country_holidays("GB", years=2024)
    assert D(2024, 4, 1) not in plain
    assert D(2024, 8, 26) not in plain
    assert D(2024, 3, 29) in plain
    ours = england.bank_holidays(D(2024, 1, 1), D(2024, 12, 31))
    assert D(2024, 4, 1) in ours and D(2024, 8, 26) in ours


def test_working_days_between() -> None:
    assert england.working_days_between(D(2024, 3, 28), D(2024, 4, 2)) == 1
    assert england.working_days_between(D(2024, 4, 2), D(2024, 3, 28)) == -1
    assert england.working_days_between(D(2024, 1, 6), D(2024, 1, 7)) == 0  # Sat → Sun
    assert england.working_days_between(D(2024, 1, 5), D(2024, 1, 8)) == 1  # Fri → Mon
    assert england.working_days_between(D(2024, 1, 8), D(2024, 1, 8)) == 0
    # The whole of 2024: 262 weekdays less 8 bank holidays.
    assert england.working_days_between(D(2023, 12, 31), D(2024, 12, 31)) == 254


def test_subtract_working_days() -> None:
    assert england.subtract_working_days(D(2024, 4, 17), 15) == D(2024, 3, 25)
    assert england.subtract_working_days(D(2024, 4, 2), 1) == D(2024, 3, 28)
    assert england.subtract_working_days(D(2024, 1, 6), 1) == D(2024, 1, 5)  # Sat: Fri is 1 before
    assert england.subtract_working_days(D(2024, 1, 6), 0) == D(2024, 1, 6)
    with pytest.raises(ValueError):
        england.subtract_working_days(D(2024, 1, 6), -1)


def test_large_spans_are_fast_and_exact() -> None:
    # 2000–2029 inclusive: a span the table must grow to cover from a cold start.
    cal = Calendar()
    n = cal.working_days_between(D(1999, 12, 31), D(2029, 12, 31))
    assert cal.add(D(1999, 12, 31), wd(n)) == D(2029, 12, 31)  # Mon 31 Dec 2029 is a working day
    # Fri 31 Dec 1999 was the Millennium bank holiday and Mon 3 Jan 2000 a substitute day, so the
    # first day counted is Tue 4 Jan 2000 and going back lands on the last working day before it.
    assert cal.subtract_working_days(D(2029, 12, 31), n) == D(1999, 12, 30)
    assert not cal.is_working_day(D(1999, 12, 31)) and not cal.is_working_day(D(2000, 1, 3))


# -- calendar days, weeks, months, years ---------------------------------------------------------

@pytest.mark.parametrize(("start", "duration", "due"), [
    (D(2024, 1, 8), Duration(10, "days"), D(2024, 1, 18)),
    (D(2024, 2, 28), Duration(2, "days"), D(2024, 3, 1)),
    (D(2024, 1, 8), Duration(2, "weeks"), D(2024, 1, 22)),
    (D(2024, 1, 31), Duration(1, "months"), D(2024, 2, 29)),   # leap year clamps to 29th
    (D(2023, 1, 31), Duration(1, "months"), D(2023, 2, 28)),   # non-leap clamps to 28th
    (D(2024, 1, 31), Duration(2, "months"), D(2024, 3, 31)),   # clamping does not accumulate
    (D(2024, 3, 31), Duration(6, "months"), D(2024, 9, 30)),
    (D(2024, 8, 31), Duration(6, "months"), D(2025, 2, 28)),
    (D(2024, 1, 15), Duration(0, "months"), D(2024, 1, 15)),
    (D(2024, 2, 29), Duration(1, "years"), D(2025, 2, 28)),    # plain clamping, unlike ages
    (D(2024, 2, 29), Duration(4, "years"), D(2028, 2, 29)),
])
def test_add_date_units(start: dt.date, duration: Duration, due: dt.date) -> None:
    assert england.add(start, duration) == due


@pytest.mark.parametrize(("a", "b", "unit", "n"), [
    (D(2024, 1, 31), D(2024, 2, 29), "months", 1),
    (D(2024, 1, 31), D(2024, 2, 28), "months", 0),
    (D(2024, 1, 15), D(2024, 3, 14), "months", 1),
    (D(2024, 1, 15), D(2024, 3, 15), "months", 2),
    (D(2024, 3, 15), D(2024, 1, 15), "months", -2),
    (D(2024, 3, 14), D(2024, 1, 15), "months", -1),
    (D(2024, 2, 29), D(2025, 2, 28), "years", 1),
    (D(2024, 2, 29), D(2025, 2, 27), "years", 0),
    (D(2025, 2, 28), D(2024, 2, 29), "years", -1),
    (D(2024, 1, 1), D(2024, 1, 14), "weeks", 1),
    (D(2024, 1, 1), D(2024, 1, 15), "weeks", 2),
    (D(2024, 1, 14), D(2024, 1, 1), "weeks", -1),
    (D(2024, 1, 1), D(2024, 3, 1), "days", 60),
    (D(2024, 3, 25), D(2024, 4, 17), "working_days", 15),
])
def test_between(a: dt.date, b: dt.date, unit: str, n: int) -> None:
    assert england.between(a, b, unit) == n  # type: ignore[arg-type]


def test_clock_units() -> None:
    at = dt.datetime(2024, 3, 28, 16, 30)
    assert england.add_clock(at, Duration(72, "hours")) == dt.datetime(2024, 3, 31, 16, 30)
    assert england.add_clock(at, Duration(90, "minutes")) == dt.datetime(2024, 3, 28, 18, 0)
    with pytest.raises(ValueError):
        england.add_clock(at, Duration(1, "days"))
    with pytest.raises(ValueError):
        england.add(D(2024, 1, 1), Duration(24, "hours"))
    with pytest.raises(ValueError):
        england.between(D(2024, 1, 1), D(2024, 1, 2), "hours")


def test_unit_sets() -> None:
    assert DATE_UNITS == {"days", "working_days", "weeks", "months", "years"}
    assert CLOCK_UNITS == {"minutes", "hours"}


# -- ages ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("dob", "years", "months", "attained"), [
    (D(2004, 2, 29), 16, 0, D(2020, 2, 29)),   # leap year: the anniversary exists
    (D(2008, 2, 29), 18, 0, D(2026, 3, 1)),    # non-leap: 1 March, not 28 February
    (D(2008, 2, 29), 16, 0, D(2024, 2, 29)),
    (D(2008, 2, 29), 17, 0, D(2025, 3, 1)),
    (D(2008, 8, 31), 15, 9, D(2024, 5, 31)),   # 31 May exists
    (D(2008, 11, 30), 15, 3, D(2024, 3, 1)),   # 30 Feb does not: 1 March
    (D(2008, 11, 30), 0, 3, D(2009, 3, 1)),
    (D(2007, 5, 31), 0, 1, D(2007, 7, 1)),     # 31 June does not exist
    (D(2016, 5, 3), 16, 0, D(2032, 5, 3)),
    (D(2016, 5, 3), 0, 0, D(2016, 5, 3)),
    (D(2016, 5, 3), 1, 14, D(2018, 7, 3)),     # 14 months normalise to 1 year 2 months
])
def test_attains_age(dob: dt.date, years: int, months: int, attained: dt.date) -> None:
    assert england.attains_age(dob, years, months) == attained


@pytest.mark.parametrize(("dob", "on", "age"), [
    (D(2008, 2, 29), D(2026, 2, 28), (17, 11)),
    (D(2008, 2, 29), D(2026, 3, 1), (18, 0)),
    (D(2016, 5, 3), D(2024, 1, 8), (7, 8)),
    (D(2016, 5, 3), D(2024, 1, 2), (7, 7)),
    (D(2016, 5, 3), D(2016, 5, 3), (0, 0)),
    (D(2008, 11, 30), D(2024, 2, 29), (15, 2)),
    (D(2008, 11, 30), D(2024, 3, 1), (15, 3)),
])
def test_age_on(dob: dt.date, on: dt.date, age: tuple[int, int]) -> None:
    assert england.age_on(dob, on) == age


def test_age_errors() -> None:
    with pytest.raises(ValueError):
        england.attains_age(D(2016, 5, 3), -1)
    with pytest.raises(ValueError):
        england.age_on(D(2016, 5, 3), D(2016, 5, 2))


# -- gestation -------------------------------------------------------------------------------------

def test_gestation() -> None:
    edd = D(2025, 3, 1)  # 40+0; 0+0 is 280 days earlier, Sat 25 May 2024
    assert england.gestation_week_date(edd, 0) == D(2024, 5, 25)
    assert england.gestation_week_date(edd, 23) == D(2024, 11, 2)
    assert england.gestation_week_date(edd, 40) == edd
    assert england.gestation_on(edd, D(2024, 11, 2)) == (23, 0)
    assert england.gestation_on(edd, D(2024, 11, 5)) == (23, 3)
    assert england.gestation_on(edd, D(2024, 11, 1)) == (22, 6)
    assert england.gestation_on(edd, edd) == (40, 0)
    assert england.gestation_on(edd, D(2024, 5, 24)) == (-1, 6)


# -- durations and instants ------------------------------------------------------------------------

@pytest.mark.parametrize(("duration", "text"), [
    (Duration(15, "working_days"), "15 working days"),
    (Duration(1, "working_days"), "1 working day"),
    (Duration(3, "months"), "3 months"),
    (Duration(72, "hours"), "72 hours"),
    (Duration(1, "hours"), "1 hour"),
    (Duration(0, "days"), "0 days"),
])
def test_duration_str(duration: Duration, text: str) -> None:
    assert str(duration) == text


def test_duration_rejects_bad_values() -> None:
    with pytest.raises(ValueError):
        Duration(-1, "days")
    with pytest.raises(ValueError):
        Duration(1, "fortnights")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Duration(1.5, "days")  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "date", "time", "shown"), [
    ("2024-01-08", D(2024, 1, 8), None, "2024-01-08"),
    ("2024-01-08T09:30", D(2024, 1, 8), dt.time(9, 30), "2024-01-08T09:30"),
    ("2024-01-08 09:30", D(2024, 1, 8), dt.time(9, 30), "2024-01-08T09:30"),
    ("2024-01-08T09:30:00", D(2024, 1, 8), dt.time(9, 30), "2024-01-08T09:30"),
    ("2024-01-08T09:30:15", D(2024, 1, 8), dt.time(9, 30, 15), "2024-01-08T09:30:15"),
    ("2024-02-29T00:00", D(2024, 2, 29), dt.time(0, 0), "2024-02-29T00:00"),
    (" 2024-01-08 ", D(2024, 1, 8), None, "2024-01-08"),
])
def test_instant_parse(text: str, date: dt.date, time: dt.time | None, shown: str) -> None:
    instant = Instant.parse(text)
    assert (instant.date, instant.time) == (date, time)
    assert str(instant) == shown
    assert instant.has_time == (time is not None)


@pytest.mark.parametrize(("text", "reason"), [
    ("2024-02-30", "'2024-02-30' is not a real date"),
    ("2023-02-29", "'2023-02-29' is not a real date"),
    ("2024-13-01", "'2024-13-01' is not a real date"),
    ("2024-01-08T25:00", "not a real time"),
    ("2024-01-08T09:60", "not a real time"),
    ("2024-01-08T09:30Z", "timezone"),
    ("2024-01-08T09:30+01:00", "timezone"),
    ("2024-01-08 09:30:00-0500", "timezone"),
    ("08/01/2024", "expected YYYY-MM-DD or YYYY-MM-DDTHH:MM"),
    ("2024-1-8", "expected YYYY-MM-DD"),
    ("2024-01-08T9:30", "expected YYYY-MM-DD"),
    ("", "expected YYYY-MM-DD"),
])
def test_instant_parse_rejects(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason.replace("+", r"\+")):
        Instant.parse(text)


def test_instant_bounds_and_order() -> None:
    day = Instant.parse("2024-01-08")
    morning = Instant.parse("2024-01-08T09:30")
    evening = Instant.parse("2024-01-08T18:00")
    assert day.earliest() == dt.datetime(2024, 1, 8, 0, 0)
    assert day.latest() == dt.datetime(2024, 1, 8, 23, 59, 59, 999999)
    assert morning.earliest() == morning.latest() == dt.datetime(2024, 1, 8, 9, 30)
    assert morning.before(evening) and not evening.before(morning)
    assert not day.before(morning) and not morning.before(day)  # same date, one time unknown
    assert not morning.before(morning)
    assert day.before(Instant.parse("2024-01-09"))
    with pytest.raises(TypeError):
        Instant(dt.datetime(2024, 1, 8, 9, 30))  # type: ignore[arg-type]


# -- overlays and snapshots ----------------------------------------------------------------------------

def test_closures() -> None:
    cal = Calendar(closures=[D(2024, 12, 27), D(2024, 12, 30), D(2024, 12, 31)])
    assert not cal.is_working_day(D(2024, 12, 27))
    assert cal.add(D(2024, 12, 20), wd(1)) == D(2024, 12, 23)
    assert cal.add(D(2024, 12, 24), wd(1)) == D(2025, 1, 2)
    assert england.add(D(2024, 12, 24), wd(1)) == D(2024, 12, 27)  # the default is untouched
    assert cal.bank_holidays(D(2024, 12, 24), D(2024, 12, 31)) == [D(2024, 12, 25), D(2024, 12, 26)]


def test_extra_working_days() -> None:
    cal = Calendar(extra_working_days=[D(2024, 12, 26), D(2024, 12, 28)])  # Boxing Day, a Saturday
    assert cal.is_working_day(D(2024, 12, 26)) and cal.is_working_day(D(2024, 12, 28))
    assert cal.add(D(2024, 12, 24), wd(1)) == D(2024, 12, 26)
    assert cal.add(D(2024, 12, 24), wd(3)) == D(2024, 12, 28)
    assert cal.working_days_between(D(2024, 12, 24), D(2024, 12, 30)) == 4


def test_overlays_must_not_overlap() -> None:
    with pytest.raises(ValueError, match="2024-12-27"):
        Calendar(closures=[D(2024, 12, 27)], extra_working_days=[D(2024, 12, 27)])


def test_snapshot() -> None:
    snap = Calendar(closures=[D(2024, 1, 2)]).snapshot(2023, 2024)
    assert snap.pinned_dates() == [
        D(2023, 1, 2), D(2023, 4, 7), D(2023, 4, 10), D(2023, 5, 1), D(2023, 5, 8), D(2023, 5, 29),
        D(2023, 8, 28), D(2023, 12, 25), D(2023, 12, 26),
        D(2024, 1, 1), D(2024, 3, 29), D(2024, 4, 1), D(2024, 5, 6), D(2024, 5, 27), D(2024, 8, 26),
        D(2024, 12, 25), D(2024, 12, 26)]
    assert snap.covers == (2023, 2024)
    assert snap.add(D(2023, 12, 22), wd(1)) == D(2023, 12, 27)
    assert snap.add(D(2023, 12, 29), wd(1)) == D(2024, 1, 3)  # closure kept, 2 Jan 2024
    assert england.pinned_dates() is None
    with pytest.raises(ValueError, match="2025"):
        snap.is_working_day(D(2025, 1, 2))
    with pytest.raises(ValueError, match="runs past the calendar's data"):
        snap.add(D(2024, 12, 20), wd(15))  # would run into 2025
    with pytest.raises(ValueError):
        snap.working_days_between(D(2022, 12, 30), D(2023, 1, 3))
    with pytest.raises(ValueError):
        snap.snapshot(2022, 2023)
    assert snap.add(D(2024, 12, 20), Duration(30, "days")) == D(2025, 1, 19)  # no holiday data needed


def test_pinned_round_trip() -> None:
    """A pinned list written to an audit file and read back gives the same calendar and coverage."""
    again = Calendar(pinned_holidays=england.snapshot(2023, 2024).pinned_dates())
    assert again.covers == (2023, 2024)
    assert again.add(D(2024, 3, 25), wd(15)) == D(2024, 4, 17)


def test_pinned_without_holidays() -> None:
    bare = Calendar(pinned_holidays=[])
    assert bare.add(D(2024, 3, 25), wd(15)) == D(2024, 4, 15)
    assert bare.is_working_day(D(2024, 12, 25))


def test_package_range_is_enforced() -> None:
    """The holidays package returns nothing, silently, outside the years it knows."""
    first, last = england.covers
    with pytest.raises(ValueError):
        england.is_working_day(D(last + 1, 1, 4))
    with pytest.raises(ValueError):
        england.add(D(first - 1, 6, 1), wd(1))


# -- properties ----------------------------------------------------------------------------------------

dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2035, 12, 31))
counts = st.integers(min_value=0, max_value=400)


def _working_days(start: dt.date) -> st.SearchStrategy[dt.date]:
    return st.just(start if england.is_working_day(start) else england.add(start, wd(1)))


working_dates = dates.flatmap(_working_days)


@given(dates, counts)
def test_add_then_count_back(start: dt.date, n: int) -> None:
    assert england.working_days_between(start, england.add(start, wd(n))) == n


@given(dates, st.integers(min_value=1, max_value=400))
def test_due_date_is_a_working_day(start: dt.date, n: int) -> None:
    due = england.add(start, wd(n))
    assert due > start
    assert due.weekday() < 5
    assert due not in england.bank_holidays(due, due)


@given(dates, counts)
def test_add_is_monotone(start: dt.date, n: int) -> None:
    assert england.add(start, wd(n)) < england.add(start, wd(n + 1))


@given(working_dates, counts)
def test_subtract_inverts_add(start: dt.date, n: int) -> None:
    assert england.subtract_working_days(england.add(start, wd(n)), n) == start


@given(dates, st.integers(min_value=0, max_value=60))
def test_add_agrees_with_day_by_day_oracle(start: dt.date, n: int) -> None:
    day, left = start, n
    while left:
        day += dt.timedelta(days=1)
        left -= england.is_working_day(day)
    assert england.add(start, wd(n)) == day


@given(dates, dates)
def test_working_days_between_is_antisymmetric(a: dt.date, b: dt.date) -> None:
    assert england.working_days_between(a, b) == -england.working_days_between(b, a)


@given(dates, dates)
def test_snapshot_agrees_with_live_calendar(a: dt.date, b: dt.date) -> None:
    snap = england.snapshot(2000, 2035)
    assert snap.working_days_between(a, b) == england.working_days_between(a, b)


@given(dates, st.integers(min_value=0, max_value=240))
def test_months_add_and_between_agree(start: dt.date, k: int) -> None:
    assert england.between(start, england.add(start, Duration(k, "months")), "months") == k


@given(dates, dates)
def test_months_between_is_the_largest_fit(a: dt.date, b: dt.date) -> None:
    k = england.between(a, b, "months")
    assert k == -england.between(b, a, "months")
    lo, hi = (a, b) if a <= b else (b, a)
    m = abs(k)
    assert england.add(lo, Duration(m, "months")) <= hi < england.add(lo, Duration(m + 1, "months"))
    assert england.between(a, b, "years") == (m // 12 if k >= 0 else -(m // 12))


@given(dates, st.integers(min_value=0, max_value=25), st.integers(min_value=0, max_value=11))
def test_attains_age_round_trip(dob: dt.date, years: int, months: int) -> None:
    attained = england.attains_age(dob, years, months)
    assert england.age_on(dob, attained) == (years, months)
    if years or months:
        assert england.age_on(dob, attained - dt.timedelta(days=1)) < (years, months)
    assert attained >= england.add(dob, Duration(12 * years + months, "months"))


@given(dates, st.integers(min_value=-10, max_value=45), st.integers(min_value=0, max_value=6))
def test_gestation_round_trip(edd: dt.date, week: int, day: int) -> None:
    on = england.gestation_week_date(edd, week) + dt.timedelta(days=day)
    assert england.gestation_on(edd, on) == (week, day)


@given(dates, st.times())
def test_instant_str_round_trip(day: dt.date, time: dt.time) -> None:
    instant = Instant(day, time.replace(microsecond=0))
    assert Instant.parse(str(instant)) == instant
    assert Instant.parse(str(Instant(day))) == Instant(day)


def test_fixed_units_have_a_length_in_minutes_and_others_do_not():
    from journey.calendar import Duration
    assert Duration(72, "hours").minutes == 4320       # 72 x 60
    assert Duration(28, "days").minutes == 40320       # 28 x 1440
    assert Duration(2, "weeks").minutes == 20160       # 14 x 1440
    for unit in ("working_days", "months", "years"):
        with pytest.raises(ValueError, match="no fixed length"):
            Duration(1, unit).minutes
