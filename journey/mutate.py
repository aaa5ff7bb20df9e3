"""One-rule mutations of a history: the spec says exactly one rule is broken, and how.

Each operator builds candidates from a history — an end (or qualifying) event moved past its
due date, dropped, two neighbouring events swapped, one event's fields changed to fail a guard —
and keeps those that the spec model (:class:`journey.walk.Tracker`, never the validator) predicts
break exactly one rule, in the intended way. The property tests then check the validator agrees.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from journey.calendar import Calendar, Instant, england
from journey.cases import Case, Event
from journey.spec.model import AgeRule, DeadlineRule, GestationRule, GuardRule, Policy, RecurringRule
from journey.spec.model import is_min_bound
from journey.walk import Breach, Open, Tracker, assignments, predict, spec_for

MutationKind = Literal["late", "missing", "gap", "illegal_transition", "guard_failed"]
MUTATION_KINDS: tuple[MutationKind, ...] = ("late", "missing", "gap", "illegal_transition", "guard_failed")


class MutationImpossible(ValueError):
    """A requested mutation kind cannot be made (for this policy, or for this history)."""


@dataclass(frozen=True)
class Mutation:
    """A history that breaks exactly one rule, and how."""

    case: Case
    rule: str
    kind: MutationKind
    how: str


def impossible_kinds(policy: Policy) -> dict[MutationKind, str]:
    """Mutation kinds this policy cannot support at all, each with the reason."""
    rules = policy.rules
    out: dict[MutationKind, str] = {}
    if not any(isinstance(r, (AgeRule, GestationRule)) or (isinstance(r, DeadlineRule) and not is_min_bound(r))
               for r in rules):
        out["late"] = "it has no deadline, age or gestation rule with a maximum"
    if not any(isinstance(r, RecurringRule) for r in rules):
        out["gap"] = "it has no recurring rule"
    if not any(not is_min_bound(r) and not isinstance(r, GuardRule) for r in rules):
        out["missing"] = "it has no timed rule"
    if not any(t.guard is not None for p in policy.pathways for t in p.transitions) \
            and not any(isinstance(r, GuardRule) for r in rules):
        out["guard_failed"] = "it has no guard rule and no guarded transition"
    if all((s, e) in {(s2, t.event) for t in p.transitions for s2 in t.source}
           for p in policy.pathways for s in p.state_ids for e in p.events):
        out["illegal_transition"] = "every pathway allows every one of its events in every state"
    return out


def check_kinds(policy: Policy, kinds: Sequence[str]) -> None:
    """Raise :class:`MutationImpossible` for a kind this policy cannot support."""
    bad = [k for k in kinds if k not in MUTATION_KINDS]
    if bad:
        raise ValueError(f"unknown mutation kind {bad[0]!r}; known: {', '.join(MUTATION_KINDS)}")
    impossible = impossible_kinds(policy)
    for k in kinds:
        if k in impossible:
            raise MutationImpossible(f"cannot make a {k!r} mutation for policy {policy.id}: {impossible[k]}")


def _reindexed(events: Sequence[Event]) -> tuple[Event, ...]:
    return tuple(Event(i, e.type, e.at, e.fields) for i, e in enumerate(events))


def _shift(at: Instant, day: dt.date) -> Instant:
    return Instant(day, at.time)


class _Mutator:
    """Builds candidate mutations of one history and keeps those the spec says break exactly one
    rule in the intended way."""

    def __init__(self, policy: Policy, case: Case, cal: Calendar) -> None:
        self.policy = policy
        self.case = case
        self.cal = cal
        self.before: list[Tracker] = []  # tracker state before event i
        self.closed: list[list[Open]] = []
        tracker = Tracker(policy, case.child, cal)
        for ev in case.events:
            self.before.append(tracker.copy())
            self.closed.append(tracker.step(ev).closed)

    def one(self, events: Sequence[Event], start: int) -> list[Breach]:
        tracker = self.before[start].copy() if start < len(self.before) else None
        if tracker is None:
            return predict(self.policy, Case(self.case.case_id, self.case.child, _reindexed(events)), self.cal)
        for ev in events[start:]:
            tracker.step(ev)
        return tracker.finish(events[-1].at.date)

    def accept(self, events: list[Event], start: int, kinds: Sequence[str], how: str) -> Mutation | None:
        if not events:
            return None
        events = list(_reindexed(events))
        found = self.one(events, start)
        if len(found) == 1 and found[0].kind in kinds:
            case = Case(self.case.case_id, self.case.child, tuple(events))
            return Mutation(case, found[0].rule, found[0].kind, how)  # type: ignore[arg-type]
        return None

    def delays(self, kinds: Sequence[str]) -> Iterator[Mutation]:
        """Move an end (or qualifying) event to just after its due date; drop what followed."""
        evs = self.case.events
        for i, closed in enumerate(self.closed):
            for ob in closed:
                kind = "gap" if isinstance(ob.rule, RecurringRule) else "late"
                if kind not in kinds:
                    continue
                if ob.due.moment is not None:
                    at = Instant.parse((ob.due.moment + dt.timedelta(hours=1)).isoformat(timespec="minutes"))
                else:
                    at = _shift(evs[i].at, ob.due.date + dt.timedelta(days=1))
                m = self.accept([*evs[:i], Event(i, evs[i].type, at, evs[i].fields)], i, kinds,
                                f"event {i} ({evs[i].type}) moved from {evs[i].at} to {at}, after its due date {ob.due.date}")
                if m:
                    yield m

    def drops(self, kinds: Sequence[str]) -> Iterator[Mutation]:
        """Drop an end (or qualifying) event, keeping later events until its due date has passed."""
        evs = self.case.events
        for i, closed in enumerate(self.closed):
            for ob in closed:
                for k in range(i + 1, len(evs)):
                    if evs[k].at.date <= ob.due.date:
                        continue
                    m = self.accept([*evs[:i], *evs[i + 1:k + 1]], i, kinds,
                                    f"event {i} ({evs[i].type}, {evs[i].at}) dropped")
                    if m:
                        yield m
                    break

    def swaps(self, kinds: Sequence[str]) -> Iterator[Mutation]:
        """Swap two neighbouring events (the timestamps stay in place); drop what followed."""
        evs = self.case.events
        for i in range(len(evs) - 1):
            a, b = evs[i], evs[i + 1]
            if a.type == b.type:
                continue
            m = self.accept([*evs[:i], Event(i, b.type, a.at, b.fields), Event(i + 1, a.type, b.at, a.fields)],
                            i, kinds, f"events {i} ({a.type}) and {i + 1} ({b.type}) swapped")
            if m:
                yield m

    def guards(self, kinds: Sequence[str]) -> Iterator[Mutation]:
        """Give one event field values that fail a guard; drop what followed."""
        spec = spec_for(self.policy)
        evs = self.case.events
        for i, ev in enumerate(evs):
            if ev.type not in spec.routes:
                continue
            for fields in assignments(spec, ev.type):
                new = {**ev.fields, **fields}
                if new == ev.fields:
                    continue
                m = self.accept([*evs[:i], Event(i, ev.type, ev.at, new)], i, kinds,
                                f"event {i} ({ev.type}) given {', '.join(f'{k}={v}' for k, v in fields.items())}")
                if m:
                    yield m
                    break


def mutation_candidates(policy: Policy, case: Case, kinds: Sequence[str] = MUTATION_KINDS,
                        cal: Calendar = england, limit: int = 40) -> list[Mutation]:
    """Mutations of ``case`` that break exactly one rule, with a kind among ``kinds``."""
    check_kinds(policy, kinds)
    mut = _Mutator(policy, case, cal)
    sources = []
    if {"late", "gap"} & set(kinds):
        sources.append(mut.delays(kinds))
    if {"missing", "gap"} & set(kinds):
        sources.append(mut.drops(kinds))
    if "illegal_transition" in kinds:
        sources.append(mut.swaps(kinds))
    if "guard_failed" in kinds:
        sources.append(mut.guards(kinds))
    out: list[Mutation] = []
    for source in sources:
        out.extend(itertools.islice(source, limit))
    return out
