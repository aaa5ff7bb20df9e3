"""Shared fixtures: the shipped England policy and a tiny case builder.

Dates in tests are written out by hand from a real calendar, with the counting shown in a
comment; they are never computed by the code under test.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from journey.calendar import england
from journey.cases import Case, parse_case
from journey.spec.load import load_policy
from journey.spec.model import Policy
from journey.validator import validate
from journey.validator.findings import Verdict


@pytest.fixture(scope="session")
def england_policy() -> Policy:
    return load_policy("england")


def case(*events: tuple, case_id: str = "T-1", child: dict[str, Any] | None = None,
         policy: Policy | None = None) -> Case:
    """Build a case from (at, type, fields...) tuples, through the real reader."""
    body = [{"at": at, "type": etype, **(fields[0] if fields else {})} for at, etype, *fields in events]
    vocab = (policy or load_policy("england")).vocabulary
    return parse_case({"case_id": case_id, "child": child or {}, "events": body}, vocab)


def check(c: Case, policy: Policy | None = None, as_of: str | None = None) -> Verdict:
    return validate(c, policy or load_policy("england"), calendar=england,
                    as_of=dt.date.fromisoformat(as_of) if as_of else None)


def only(verdict: Verdict, kind: str | None = None, rule: str | None = None):
    """The single finding of a kind/rule (fails if there are none or several)."""
    found = [f for f in verdict.findings if (kind is None or f.kind == kind) and (rule is None or f.rule == rule)]
    assert len(found) == 1, [f.to_dict() for f in verdict.findings]
    return found[0]


def findings(verdict: Verdict, rule: str) -> list:
    """Every finding of one rule."""
    return [f for f in verdict.findings if f.rule == rule]


def late(verdict: Verdict, rule: str) -> tuple:
    """(kind, due, late_by) of the single finding of ``rule``."""
    f = only(verdict, rule=rule)
    return f.kind, f.due, f.late_by.to_dict() if f.late_by else None


def shape(f) -> tuple:
    """(kind, due, actual, (late_by value, unit) or None) of one finding."""
    return f.kind, f.due, f.actual, (f.late_by.value, f.late_by.unit) if f.late_by else None


def kinds(verdict: Verdict, rule: str) -> list[str]:
    """The kinds of every finding of one rule."""
    return [f.kind for f in findings(verdict, rule)]


def wd(n: int) -> dict[str, object]:
    return {"value": n, "unit": "working_days"}


def days(n: int) -> dict[str, object]:
    return {"value": n, "unit": "days"}
