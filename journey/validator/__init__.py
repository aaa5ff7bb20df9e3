"""Validate case histories against a policy: the public entry points."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from journey.calendar import Calendar, england
from journey.cases import Case
from journey.compilers import tables_for
from journey.spec.model import Policy
from journey.validator.engine import validate_case
from journey.validator.findings import Finding, Pending, Verdict

__all__ = ["validate", "validate_many", "Verdict", "Finding", "Pending"]


def validate(case: Case, policy: Policy, *, calendar: Calendar = england, as_of: dt.date | None = None) -> Verdict:
    """Validate one case; ``as_of`` defaults to the date of its last event."""
    return validate_case(tables_for(policy), case, calendar, as_of=as_of)


def validate_many(cases: Iterable[Case], policy: Policy, *, calendar: Calendar = england,
                  as_of: dt.date | None = None) -> Iterator[Verdict]:
    """Validate many cases, lazily, with one compiled policy."""
    tables = tables_for(policy)
    for case in cases:
        yield validate_case(tables, case, calendar, as_of=as_of)
