"""Public hypothesis strategies for case histories (the only module that imports hypothesis).

``histories(policy)`` draws case histories by walking the policy's pathways: mostly events
allowed in the current states, sometimes any event of the vocabulary (so illegal transitions
are exercised too), with field values drawn from each event's declared values and time steps
that cross weekends, bank holidays and month ends.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from journey.calendar import Instant
from journey.cases import Case, Child, Event
from journey.spec.model import EventField, EventType, Policy

__all__ = ["histories", "instants"]

_START = dt.date(2021, 12, 1)
_END = dt.date(2026, 6, 30)


def _field_value(draw: st.DrawFn, spec: EventField) -> object:
    match spec.type:
        case "enum":
            return draw(st.sampled_from(spec.values))
        case "bool":
            return draw(st.booleans())
        case "int":
            return draw(st.integers(0, 100))
        case "date":
            return draw(st.dates(_START, _END))
        case "text":
            return draw(st.sampled_from(["a", "b"]))
    raise AssertionError(spec.type)


def _fields(draw: st.DrawFn, etype: EventType) -> dict[str, object]:
    out = {}
    for name, spec in etype.fields.items():
        if spec.required or draw(st.booleans()):
            out[name] = _field_value(draw, spec)
    return out


@st.composite
def instants(draw: st.DrawFn, after: Instant | None = None, max_gap_days: int = 40) -> Instant:
    """A timestamp not before ``after``: sometimes date-only, sometimes with a time."""
    base = after.date if after is not None else draw(st.dates(_START, dt.date(2025, 12, 31)))
    day = base + dt.timedelta(days=draw(st.integers(0, max_gap_days)))
    if not draw(st.booleans()):
        return Instant(day)
    moment = dt.time(draw(st.integers(0, 23)), draw(st.sampled_from([0, 15, 30, 45])))
    if after is not None and day == after.date and after.time is not None and moment < after.time:
        moment = after.time
    return Instant(day, moment)


def _allowed(policy: Policy, states: dict[str, str]) -> list[str]:
    return sorted({t.event for p in policy.pathways for t in p.transitions_from(states[p.id])})


@st.composite
def histories(draw: st.DrawFn, policy: Policy, *, max_events: int = 25, case_id: str = "H-1",
              illegal_share: float = 0.15) -> Case:
    """A case history for ``policy``, biased towards allowed events but not limited to them."""
    states = {p.id: p.initial for p in policy.pathways}
    routed = sorted({e for p in policy.pathways for e in p.events})
    events: list[Event] = []
    last: Instant | None = None
    for index in range(draw(st.integers(1, max_events))):
        allowed = _allowed(policy, states)
        pick_any = not allowed or draw(st.floats(0, 1)) < illegal_share
        name = draw(st.sampled_from(routed if pick_any else allowed))
        at = draw(instants(after=last))
        ev = Event(index, name, at, _fields(draw, policy.vocabulary[name]))
        _advance(policy, states, ev)
        events.append(ev)
        last = at
    dob = draw(st.one_of(st.none(), st.dates(dt.date(2004, 1, 1), dt.date(2021, 1, 1))))
    return Case(case_id, Child(date_of_birth=dob), tuple(events))


def _advance(policy: Policy, states: dict[str, str], ev: Event) -> None:
    """Follow the first transition whose guard reads a matching outcome (a rough walk, enough
    to steer generation; the validator and the machines decide what really happens)."""
    from journey.compilers.predicates import compile_predicate

    for p in policy.pathways:
        for t in p.transitions_from(states[p.id]):
            if t.event != ev.type:
                continue
            if t.guard is None or compile_predicate(t.guard)(ev, None) is True:
                if t.target is not None:
                    states[p.id] = t.target
                break
