"""Differential tests: the fast validator against two independent references, on generated histories.

1. The ``transitions`` replay (states only): the same state sequences on compliant and mutated
   histories as on random ones (tests/test_parity.py).
2. A slow reference checker of deadline rules written here from the spec alone: starts and ends
   paired naively, due dates counted day by day with the ``holidays`` package asked directly
   (not journey.calendar), guards evaluated by a ten-line interpreter of the AST. Both must agree
   on which obligations are late or missing, and on every due date, pending ones included.
"""

from __future__ import annotations

import datetime as dt
import operator
from dataclasses import dataclass

import holidays
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journey.calendar import england
from journey.compilers import compile_policy, tables_for
from journey.spec.guards import And, Compare, Const, Field, In, Not, Or
from journey.spec.load import load_policy
from journey.spec.model import DeadlineRule, EventMatch
from journey.testing import compliant_histories, histories, mutated_histories
from journey.validator import validate
from journey.validator.engine import state_trace
from test_testing import RICH_YAML

ENGLAND = load_policy("england")
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
BANK_HOLIDAYS = holidays.country_holidays("GB", subdiv="ENG", years=range(2020, 2029))


@pytest.fixture(scope="module")
def rich(tmp_path_factory):
    path = tmp_path_factory.mktemp("policy") / "rich.yaml"
    path.write_text(RICH_YAML)
    return load_policy(path)


# --- 1. the transitions replay ------------------------------------------------------------------

_REPLAYS: dict[str, object] = {}


def _same_states(policy, history) -> None:
    replay = _REPLAYS.setdefault(policy.id, compile_policy("machines", policy))
    assert state_trace(tables_for(policy), history, england) == replay.trace(history)


@SETTINGS
@given(compliant_histories(ENGLAND, max_events=30))
def test_replay_agrees_on_compliant_histories(history):
    _same_states(ENGLAND, history)


@SETTINGS
@given(mutated_histories(ENGLAND, max_events=30))
def test_replay_agrees_on_mutated_histories(mutated):
    _same_states(ENGLAND, mutated.history)


@SETTINGS
@given(data=st.data())
def test_replay_agrees_on_the_rich_policy(rich, data):
    _same_states(rich, data.draw(st.one_of(compliant_histories(rich), mutated_histories(rich).map(lambda m: m.history))))


# --- 2. a naive reference checker of deadline rules ----------------------------------------------

_OPS = {"==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le, ">": operator.gt,
        ">=": operator.ge}


def _value(node, event, child):
    match node:
        case Const(value=v):
            return v
        case Field(path=("child", name)):
            return child.attributes.get(name)
        case Field(path=(name,)):
            return event.fields.get(name)
    return _holds(node, event, child)


def _holds(node, event, child):
    """Kleene logic: None when a field the guard reads is missing."""
    match node:
        case Compare(op=op, left=left, right=right):
            a, b = _value(left, event, child), _value(right, event, child)
            if a is None or b is None:
                return None
            try:
                return _OPS[op](a, b)
            except TypeError:
                return False
        case In(item=item, options=options, negated=negated):
            v = _value(item, event, child)
            return None if v is None else (v in options) != negated
        case Not(item=item):
            v = _holds(item, event, child)
            return None if v is None else not v
        case And(items=items):
            vals = [_holds(i, event, child) for i in items]
            return False if False in vals else (None if None in vals else True)
        case Or(items=items):
            vals = [_holds(i, event, child) for i in items]
            return True if True in vals else (None if None in vals else False)
        case Field() | Const():
            v = _value(node, event, child)
            return None if v is None else bool(v)
    raise AssertionError(node)


def _matches(m: EventMatch, event, child) -> bool:
    return event.type == m.event and (m.where is None or _holds(m.where, event, child) is True)


def _working_day(d: dt.date) -> bool:
    return d.weekday() < 5 and d not in BANK_HOLIDAYS


def _due(start: dt.date, value: int, unit: str) -> dt.date:
    """Counted by hand: the start's own date is day 0; working days one by one."""
    if unit == "working_days":
        d, n = start, 0
        while n < value:
            d += dt.timedelta(days=1)
            n += _working_day(d)
        return d
    if unit in ("days", "weeks"):
        return start + dt.timedelta(days=value * (7 if unit == "weeks" else 1))
    return start + relativedelta(**{unit: value})


@dataclass
class _Open:
    start: int
    due: dt.date


def reference(policy, history) -> tuple[set, set]:
    """(late or missing obligations, pending ones) of every date-unit maximum deadline rule."""
    rules = [r for r in policy.rules if isinstance(r, DeadlineRule) and r.limit.bound == "max"
             and r.limit.unit not in ("hours", "minutes") and not r.while_in]  # no pathway states here
    opened: dict[str, list[_Open]] = {r.id: [] for r in rules}
    broken = set()
    as_of = history.events[-1].at.date
    for ev in history.events:
        day = ev.at.date
        for r in rules:  # ends before cancels before starts
            if _matches(r.end, ev, history.child) and opened[r.id]:
                ob = opened[r.id].pop(0)
                if day > ob.due:
                    broken.add((r.id, "late", ob.start, ob.due.isoformat()))
        for r in rules:  # an extension in time moves the due date on from the end of the period
            if r.extended_by is not None and _matches(r.extended_by.event, ev, history.child):
                weeks = ev.fields.get(r.extended_by.field)
                broken |= {(r.id, "missing", ob.start, ob.due.isoformat()) for ob in opened[r.id] if ob.due < day}
                opened[r.id] = [_Open(ob.start, _due(ob.due, weeks, r.extended_by.unit)) for ob in opened[r.id]
                                if ob.due >= day and isinstance(weeks, int)]
        for r in rules:
            if any(_matches(c, ev, history.child) for c in r.cancelled_by):
                for ob in opened[r.id]:
                    if ob.due < day:
                        broken.add((r.id, "missing", ob.start, ob.due.isoformat()))
                opened[r.id] = []
        for r in rules:
            if _matches(r.start, ev, history.child):
                if opened[r.id] and r.on_repeat == "keep":
                    continue
                if r.on_repeat == "restart":  # a restarted clock: one already overdue was missed
                    broken |= {(r.id, "missing", ob.start, ob.due.isoformat()) for ob in opened[r.id] if ob.due < day}
                    opened[r.id] = []
                opened[r.id].append(_Open(ev.index, _due(day, r.limit.value, r.limit.unit)))
    pending = set()
    for rule_id, obs in opened.items():
        for ob in obs:
            if ob.due < as_of:
                broken.add((rule_id, "missing", ob.start, ob.due.isoformat()))
            else:
                pending.add((rule_id, ob.start, ob.due.isoformat()))
    return broken, pending


def _validator_view(policy, history) -> tuple[set, set]:
    ids = {r.id for r in policy.rules if isinstance(r, DeadlineRule) and r.limit.bound == "max"
           and r.limit.unit not in ("hours", "minutes") and not r.while_in}
    verdict = validate(history, policy, calendar=england)
    broken = {(f.rule, f.kind, f.start.index if f.start else None, f.due) for f in verdict.findings
              if f.rule in ids and f.kind in ("late", "missing")}
    pending = {(p.rule, p.start.index if p.start else None, p.due) for p in verdict.pending if p.rule in ids}
    return broken, pending


def _agree(policy, history) -> None:
    assert _validator_view(policy, history) == reference(policy, history)


@SETTINGS
@given(histories(ENGLAND, max_events=30))
def test_deadlines_agree_with_the_reference_on_random_histories(history):
    _agree(ENGLAND, history)


@SETTINGS
@given(compliant_histories(ENGLAND, max_events=30))
def test_deadlines_agree_with_the_reference_on_compliant_histories(history):
    broken, pending = reference(ENGLAND, history)
    assert broken == set()
    _agree(ENGLAND, history)


@SETTINGS
@given(mutated_histories(ENGLAND, kinds=["late", "missing"], max_events=30))
def test_deadlines_agree_with_the_reference_on_mutated_histories(mutated):
    _agree(ENGLAND, mutated.history)


@SETTINGS
@given(data=st.data())
def test_deadlines_agree_with_the_reference_on_the_rich_policy(rich, data):
    _agree(rich, data.draw(st.one_of(histories(rich), mutated_histories(rich).map(lambda m: m.history))))


def test_the_reference_counts_bank_holidays_by_hand():
    # Fri 29 Mar 2024 + 1 working day: Mon 1 Apr is Easter Monday, so Tue 2 Apr.
    assert _due(dt.date(2024, 3, 29), 1, "working_days") == dt.date(2024, 4, 2)
    # Wed 1 Jun 2022 + 2: Thu 2 and Fri 3 Jun 2022 were bank holidays (Platinum Jubilee) -> Tue 7 Jun.
    assert _due(dt.date(2022, 6, 1), 2, "working_days") == dt.date(2022, 6, 7)
    assert _due(dt.date(2024, 1, 31), 1, "months") == dt.date(2024, 2, 29)
