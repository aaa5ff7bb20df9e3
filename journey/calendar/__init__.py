"""The only part of journey that knows about time.

Every deadline in a policy is a duration counted from a dated event, and the counting rules —
day 0, working days in England and Wales, month-end clamping, ages from 29 February, gestation
weeks, clock time against date-only records — are easy to get subtly wrong in many places at once.
So they live here, once, and the rest of the package asks a :class:`Calendar`.
See ``docs/calendar.md`` for the convention.
"""

from journey.calendar.england import Calendar, england
from journey.calendar.units import CLOCK_UNITS, DATE_UNITS, FIXED_UNITS, Duration, Instant, Unit

__all__ = ["CLOCK_UNITS", "DATE_UNITS", "FIXED_UNITS", "Calendar", "Duration", "Instant", "Unit", "england"]
