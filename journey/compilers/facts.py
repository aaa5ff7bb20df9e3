"""The child as a guard sees them at one event: what the case records, plus facts derived from the
date of birth and the history so far (the vocabulary's ``facts:``, e.g. ``child.age`` or
``child.weeks_looked_after_since_14``).

Derived facts depend on the date and on earlier events, so whoever replays a case (the validator,
the spec-only tracker, the ``transitions`` replay) observes each event before judging guards on
it. Only events up to the current one are used, so replaying a prefix gives the same answers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from journey.calendar import Calendar
from journey.cases import Child, Event
from journey.compilers.predicates import Predicate, compile_predicate
from journey.spec.model import Fact


@dataclass(frozen=True)
class _Plan:
    """What observing an event needs from the declared facts, built once per policy."""

    starts: dict[str, tuple[str, Predicate | None]]  # time_in fact -> (event, where)
    ends: dict[str, frozenset[str]]                   # time_in fact -> events that end a period
    latest: dict[str, Fact]
    touched: frozenset[str]                           # every event type any fact reads


_PLANS: dict[int, tuple[dict[str, Fact], _Plan]] = {}


def _plan(facts: dict[str, Fact]) -> _Plan:
    hit = _PLANS.get(id(facts))
    if hit is not None and hit[0] is facts:
        return hit[1]
    timed = {n: f for n, f in facts.items() if f.kind == "time_in"}
    latest = {n: f for n, f in facts.items() if f.kind == "latest"}
    starts = {n: (f.starts.event, compile_predicate(f.starts.where) if f.starts.where is not None else None)
              for n, f in timed.items() if f.starts is not None}
    touched = {e for f in facts.values() for e in f.ends} | {e for e, _ in starts.values()}
    touched |= {e for f in latest.values() for e in f.from_events}
    plan = _Plan(starts, {n: frozenset(f.ends) for n, f in timed.items()}, latest, frozenset(touched))
    _PLANS[id(facts)] = (facts, plan)
    return plan


class ChildAt:
    """Read by compiled guards as ``child``: ``attributes.get(name)`` gives a recorded attribute,
    else a derived fact as of the last observed event (None when it cannot be known)."""

    __slots__ = ("date_of_birth", "expected_date_of_birth", "attributes", "_base", "_facts", "_cal", "_plan",
                 "_open", "_spans", "_on", "_values", "_ending")

    def __init__(self, child: Child, facts: dict[str, Fact], cal: Calendar) -> None:
        self.date_of_birth = child.date_of_birth
        self.expected_date_of_birth = child.expected_date_of_birth
        self.attributes = self  # compiled guards call ``child.attributes.get(name)``
        self._base = child.attributes
        self._facts = facts
        self._cal = cal
        self._plan = _plan(facts)
        self._open: dict[str, dt.date] = {}
        self._spans: dict[str, list[tuple[dt.date, dt.date]]] = {n: [] for n in self._plan.ends}
        self._on: dt.date | None = None
        self._values: dict[str, Any] = {}
        self._ending: list[str] = []

    def copy(self) -> ChildAt:
        new = object.__new__(ChildAt)
        for name in ChildAt.__slots__:
            setattr(new, name, getattr(self, name))
        new.attributes = new
        new._open = dict(self._open)
        new._spans = {n: list(v) for n, v in self._spans.items()}
        new._values = dict(self._values)
        new._ending = list(self._ending)
        return new

    def observe(self, ev: Event) -> None:
        """Move the clock to ``ev`` and open or close the periods it starts or ends."""
        self._on = ev.at.date
        if self._ending:  # ended by the previous event (still true of that event itself)
            for name in self._ending:
                self._values.pop(name, None)
            self._ending = []
        if ev.type in self._plan.touched:
            self._record(ev)

    def _record(self, ev: Event) -> None:
        plan, day = self._plan, ev.at.date
        for name, ends in plan.ends.items():
            if name in self._open:
                if ev.type in ends:
                    self._spans[name].append((self._open.pop(name), day))
                continue
            start = plan.starts.get(name)
            if start is not None and ev.type == start[0] and (start[1] is None or start[1](ev, self) is True):
                self._open[name] = day
        for name, fact in plan.latest.items():
            value = ev.fields.get(fact.field or name) if ev.type in fact.from_events else None
            if value is not None:
                self._values[name] = value
            if ev.type in fact.ends:
                self._ending.append(name)

    def get(self, name: str, default: Any = None) -> Any:
        if name in self._base:
            return self._base[name]
        fact = self._facts.get(name)
        if fact is not None and fact.kind == "latest":
            return self._values.get(name, default)
        if fact is None or self._on is None or self.date_of_birth is None:
            return default
        if fact.kind == "age":  # an unborn child has no age yet
            return None if self._on < self.date_of_birth else self._cal.age_on(self.date_of_birth, self._on)[0]
        return self._time_in(name, fact, self._on)

    def _time_in(self, name: str, fact: Fact, on: dt.date) -> int:
        assert self.date_of_birth is not None
        since = (self._cal.attains_age(self.date_of_birth, fact.since_age) if fact.since_age is not None
                 else dt.date.min)
        spans = self._spans[name] + ([(self._open[name], on)] if name in self._open else [])
        days = sum(max(0, (min(end, on) - max(start, since)).days) for start, end in spans)
        return days // 7 if fact.unit == "weeks" else days

    def items(self) -> Iterator[tuple[str, Any]]:
        """Recorded attributes and every derived fact now (for caches keyed on what guards see)."""
        yield from self._base.items()
        for name in self._facts:
            if name not in self._base:
                yield name, self.get(name)
