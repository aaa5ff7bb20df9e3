"""Conservative conversions between units, for comparing rules written in different units.

Whether "10 working days" is stricter than "2 weeks" depends on the dates it is counted from.
These bounds say what is true for every start date, so a comparison is only ever claimed when it
holds on all of them; otherwise it is "depends on dates".
"""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

from journey.calendar.units import Duration

Comparison = Literal["stricter", "same", "laxer", "depends"]

# Slack for non-working weekdays inside a span of working days: spring 2023 had five bank
# holidays within eight weeks (7 Apr, 10 Apr, 1 May, 8 May, 29 May), and the days they add can
# push the due date across one more weekend; a couple more days cover local closures.
_HOLIDAY_SLACK = 9


def day_bounds(duration: Duration) -> tuple[Fraction, Fraction]:
    """The least and greatest number of calendar days ``duration`` can span from any start."""
    n = duration.value
    match duration.unit:
        case "minutes":
            return Fraction(n, 1440), Fraction(n, 1440)
        case "hours":
            return Fraction(n, 24), Fraction(n, 24)
        case "days":
            return Fraction(n), Fraction(n)
        case "weeks":
            return Fraction(7 * n), Fraction(7 * n)
        case "working_days":
            # Each 5 working days contain a weekend; holidays can add a few more days.
            return Fraction(n), Fraction(n + 2 * ((n + 4) // 5) + _HOLIDAY_SLACK)
        case "months":
            return Fraction(28 * n + 2 * max(0, n - 1)), Fraction(31 * n)
        case "years":
            return Fraction(365 * n), Fraction(366 * n)
    raise ValueError(f"unknown unit {duration.unit!r}")


def compare_max_limits(local: Duration, baseline: Duration) -> Comparison:
    """Is a maximum limit of ``local`` stricter than, the same as or laxer than ``baseline``?"""
    if local.unit == baseline.unit:
        if local.value == baseline.value:
            return "same"
        return "stricter" if local.value < baseline.value else "laxer"
    lo_local, hi_local = day_bounds(local)
    lo_base, hi_base = day_bounds(baseline)
    if hi_local <= lo_base:
        return "stricter"
    if lo_local > hi_base:
        return "laxer"
    return "depends"
