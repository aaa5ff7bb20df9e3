"""Spec-driven walks: compliant case histories, for any source of choices.

This module reads the policy IR directly — pathways, guards, rules — and keeps its own model of
what each rule demands (a :class:`Tracker`). It never asks the validator: the hypothesis
strategies (:mod:`journey.testing`) and the cohort simulator (:mod:`journey.simulate`) build on it,
and the property tests then check the validator against it, so the two must stay independent.

Choices (which event, which field values, how many days pass) come from a :class:`Chooser`: a
hypothesis ``draw`` in the strategies (so examples shrink), a seeded ``random.Random`` in the
simulator (so cohorts are reproducible).
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol, TypeVar, assert_never

from journey.calendar import CLOCK_UNITS, Calendar, Duration, Instant, england
from journey.cases import Case, Child, Event
from journey.compilers.facts import ChildAt
from journey.compilers.predicates import Predicate, compile_predicate
from journey.spec.guards import Compare, Const, Field, Node, fields_of
from journey.spec.model import event_roles, is_min_bound
from journey.spec.model import (CHILD_ATTRIBUTES, AgeRule, CumulativeRule, DeadlineRule, EventField, EventMatch,
                                EventRole, GestationRule, GuardRule, LeadRule, Pathway, Policy, RecurringRule, Rule)

T = TypeVar("T")
Role = EventRole  # less ``first_after``: the tracker anchors ``first`` due dates itself
# Within one event: an end is judged before the same event can cancel or start an obligation.
_ROLE_ORDER: tuple[Role, ...] = ("switch", "end", "qualify", "target", "reset", "prepare", "cancel", "extend", "start",
                                 "check")
_MAX_ASSIGNMENTS = 4000
_PLAN_DEPTH = 6
# An event routed to more pathways than this (a death, a move out of area, closing the case)
# ends many journeys at once; random steps draw it one time in eight.
_LOCAL_ROUTES = 2


class Chooser(Protocol):
    """Where a walk's choices come from."""

    def integer(self, lo: int, hi: int) -> int: ...

    def choice(self, items: Sequence[T], weights: Sequence[float] | None = None) -> T: ...


@dataclass(frozen=True)
class Breach:
    """A finding the spec predicts: which rule, and what kind."""

    rule: str
    kind: str


# --- compiling the spec for walking ---------------------------------------------------------------

@dataclass(frozen=True)
class _Trigger:
    role: Role
    rule: Rule
    where: Predicate | None


@dataclass
class _Spec:
    """The policy, indexed for walking: routes, moves, triggers and field domains."""

    policy: Policy
    pathways: tuple[Pathway, ...]
    routes: dict[str, tuple[int, ...]]
    moves: dict[tuple[int, str, str], tuple[tuple[Predicate | None, str | None], ...]]
    triggers: dict[str, tuple[_Trigger, ...]]
    stateful: dict[int, tuple[tuple[Rule, frozenset[str]], ...]]
    always_on: tuple[Rule, ...]
    anchors: dict[str, tuple[tuple[RecurringRule, Predicate | None], ...]]
    domains: dict[str, dict[str, tuple[Any, ...]]]
    cache: dict[Any, Any] = field(default_factory=dict)
    options: dict[Any, Any] = field(default_factory=dict)

    def pathway_index(self, pathway_id: str) -> int:
        return next(i for i, p in enumerate(self.pathways) if p.id == pathway_id)


_compiled = lru_cache(maxsize=None)(compile_predicate)  # guard nodes are frozen, so hashable


def _where(match: EventMatch | None) -> Predicate | None:
    return _compiled(match.where) if match is not None and match.where is not None else None


def _rule_roles(rule: Rule) -> list[tuple[Role, EventMatch]]:
    """Which events touch a rule, and how (the tracker anchors ``first`` due dates itself)."""
    return [(role, m) for role, m in event_roles(rule) if role != "first_after"]  # type: ignore[misc]


def _guards_on(policy: Policy, event: str) -> list[Node]:
    """Every guard that reads the fields of ``event``: transition guards, rule ``where``s, guard rules."""
    nodes: list[Node] = [t.guard for p in policy.pathways for t in p.transitions
                         if t.event == event and t.guard is not None]
    for rule in policy.rules:
        matches = [m for _, m in _rule_roles(rule)]
        if isinstance(rule, RecurringRule) and rule.first and rule.first.after:
            matches.append(rule.first.after)
        nodes += [m.where for m in matches if m.event == event and m.where is not None]
        if isinstance(rule, GuardRule) and rule.event.event == event:
            nodes.append(rule.require)
    return nodes


def _constants_for(nodes: list[Node], name: str) -> set[Any]:
    """Constants a guard compares a field with, so int/text fields get values on both sides."""
    found: set[Any] = set()

    def visit(node: Any) -> None:
        if isinstance(node, Compare):
            for a, b in ((node.left, node.right), (node.right, node.left)):
                if a == Field((name,)) and isinstance(b, Const) and b.value is not None:
                    found.add(b.value)
        for child in getattr(node, "items", ()) or ():
            visit(child)
        for attr in ("item", "left", "right"):
            if hasattr(node, attr):
                visit(getattr(node, attr))
    for n in nodes:
        visit(n)
    return found


def _domain(spec: EventField, consts: set[Any]) -> tuple[Any, ...]:
    """Candidate values of one field: its declared values, or the guards' constants and neighbours."""
    match spec.type:
        case "enum":
            return spec.values
        case "bool":
            return (True, False)
        case "int":
            ints = {int(c) for c in consts if isinstance(c, (int, float)) and not isinstance(c, bool)}
            return tuple(sorted({0} | ints | {i + 1 for i in ints} | {max(0, i - 1) for i in ints}))
        case "text":
            return tuple(sorted({str(c) for c in consts} | {"x"}))
        case "date":
            return (dt.date(2024, 1, 1),)
    raise AssertionError(spec.type)


def _field_domains(policy: Policy, event: str) -> dict[str, tuple[Any, ...]]:
    """The fields a walk sets on ``event`` (required ones and every one a guard reads)."""
    etype = policy.vocabulary[event]
    nodes = _guards_on(policy, event)
    read = {f.path[0] for n in nodes for f in fields_of(n) if f.path[0] != "child"}
    names = [n for n, s in etype.fields.items() if s.required or n in read]
    return {n: _domain(etype.fields[n], _constants_for(nodes, n)) for n in names}


_SPECS: dict[int, tuple[Policy, _Spec]] = {}
_MAX_SPECS = 16  # drafts are loaded afresh each time; keep the index of the latest few


def _routes_and_moves(pathways: tuple[Pathway, ...]) -> tuple[dict[str, tuple[int, ...]], dict]:
    """Which pathways each event is routed to, and each (pathway, state, event)'s moves in order."""
    routes: dict[str, list[int]] = {}
    moves: dict[tuple[int, str, str], list[tuple[Predicate | None, str | None]]] = {}
    for i, p in enumerate(pathways):
        for t in p.transitions:
            if i not in routes.setdefault(t.event, []):
                routes[t.event].append(i)
            guard = compile_predicate(t.guard) if t.guard is not None else None
            for s in t.source:
                moves.setdefault((i, s, t.event), []).append((guard, t.target))
    return {e: tuple(v) for e, v in routes.items()}, {k: tuple(v) for k, v in moves.items()}


def _triggers(policy: Policy) -> dict[str, tuple[_Trigger, ...]]:
    order = {r: k for k, r in enumerate(_ROLE_ORDER)}
    triggers: dict[str, list[_Trigger]] = {}
    for rule in policy.rules:
        for role, m in _rule_roles(rule):
            triggers.setdefault(m.event, []).append(_Trigger(role, rule, _where(m)))
    return {e: tuple(sorted(v, key=lambda t: order[t.role])) for e, v in triggers.items()}


def _stateful(policy: Policy) -> tuple[dict[int, tuple[tuple[Rule, frozenset[str]], ...]], tuple[Rule, ...]]:
    """Rules live while their pathway is in some states, by pathway; and those live throughout."""
    index = {p.id: i for i, p in enumerate(policy.pathways)}
    stateful: dict[int, list[tuple[Rule, frozenset[str]]]] = {}
    always: list[Rule] = []
    for rule in policy.rules:
        if isinstance(rule, (RecurringRule, AgeRule, GestationRule, CumulativeRule)):
            stateful.setdefault(index[rule.pathway], []).append((rule, frozenset(rule.while_in)))
            if not rule.while_in:
                always.append(rule)
    return {k: tuple(v) for k, v in stateful.items()}, tuple(always)


def _anchors(policy: Policy) -> dict[str, tuple[tuple[RecurringRule, Predicate | None], ...]]:
    anchors: dict[str, list[tuple[RecurringRule, Predicate | None]]] = {}
    for rule in policy.rules:
        if isinstance(rule, RecurringRule) and rule.first is not None and rule.first.after is not None:
            anchors.setdefault(rule.first.after.event, []).append((rule, _where(rule.first.after)))
    return {e: tuple(v) for e, v in anchors.items()}


def spec_for(policy: Policy) -> _Spec:
    """The walking index of a policy, cached per policy object (policies are frozen)."""
    hit = _SPECS.get(id(policy))
    if hit is not None and hit[0] is policy:
        return hit[1]
    routes, moves = _routes_and_moves(policy.pathways)
    stateful, always = _stateful(policy)
    spec = _Spec(policy, policy.pathways, routes, moves, _triggers(policy), stateful, always,
                 _anchors(policy), {e: _field_domains(policy, e) for e in routes})
    if len(_SPECS) >= _MAX_SPECS:
        del _SPECS[next(iter(_SPECS))]
    _SPECS[id(policy)] = (policy, spec)
    return spec


def assignments(spec: _Spec, event: str) -> list[dict[str, Any]]:
    """Every combination of candidate field values for ``event`` (capped, in a fixed order)."""
    key = ("assign", event)
    if key not in spec.cache:
        domains = spec.domains[event]
        names = list(domains)
        combos = itertools.islice(itertools.product(*(domains[n] for n in names)), _MAX_ASSIGNMENTS)
        spec.cache[key] = [dict(zip(names, c)) for c in combos]
    return spec.cache[key]


# --- the tracker: what the spec says each event does ----------------------------------------------

@dataclass
class Due:
    """When an obligation falls due (max) or opens (min): a date, or a moment for clock rules."""

    date: dt.date
    moment: dt.datetime | None = None  # clock rules; None when a timestamp lacked a time

    def deadline(self) -> dt.datetime:
        """The last moment an end event meets it."""
        return self.moment if self.moment is not None else dt.datetime.combine(self.date, dt.time.max)


@dataclass
class Open:
    rule: Rule
    due: Due
    start: Event | None
    clock: bool = False
    unknown: bool = False  # a clock rule started by a date-only event


def _limit_of(rule: Rule) -> Duration | None:
    match rule:
        case DeadlineRule():
            return rule.limit.duration
        case RecurringRule():
            return rule.every.duration
        case AgeRule():
            return rule.within.duration
        case LeadRule():
            return rule.lead.duration
        case CumulativeRule():
            return rule.limit.duration
        case GestationRule() | GuardRule():
            return None
        case _:
            assert_never(rule)


def _moment(at: Instant) -> dt.datetime:
    return dt.datetime.combine(at.date, at.time or dt.time.min)


@dataclass
class StepResult:
    breaches: list[Breach]
    closed: list[Open]  # max obligations this event met (deadline ends, recurring qualifications)


class Tracker:
    """Replays events under the spec: pathway states, open obligations, predicted breaches."""

    def __init__(self, policy: Policy, child: Child, cal: Calendar = england) -> None:
        self.spec = spec_for(policy)
        self.child = ChildAt(child, policy.facts, cal)
        self.cal = cal
        self.states = [p.initial for p in self.spec.pathways]
        self.open: dict[str, list[Open]] = {}
        self.active: dict[str, bool] = {}
        self.anchor: dict[str, Event] = {}
        self.since: dict[str, dt.date] = {}
        self.switched: set[str] = set()
        self.prepared: dict[str, Event] = {}  # lead rules: the first ``event`` since the last ``before``
        self.stays: dict[str, list[tuple[Instant, Instant]]] = {}  # cumulative rules: earlier stays
        self.entered: dict[str, Instant] = {}
        self.breaches: list[Breach] = []
        self.count = 0
        self.last: Instant | None = None

    def copy(self) -> Tracker:
        new = copy.copy(self)
        new.states = list(self.states)
        new.open = {k: list(v) for k, v in self.open.items()}
        new.active = dict(self.active)
        new.anchor = dict(self.anchor)
        new.since = dict(self.since)
        new.switched = set(self.switched)
        new.prepared = dict(self.prepared)
        new.stays = {k: list(v) for k, v in self.stays.items()}
        new.entered = dict(self.entered)
        new.child = self.child.copy()
        new.breaches = list(self.breaches)
        return new

    # -- dates -----------------------------------------------------------------------------------
    def due_after(self, at: Instant, duration: Duration) -> Due:
        if duration.unit in CLOCK_UNITS:
            # A date-only start could be any moment of its day: due by the latest of them.
            latest = self.cal.add_clock(at.latest(), duration)
            return Due(latest.date(), self.cal.add_clock(_moment(at), duration) if at.has_time else None)
        return Due(self.cal.add(at.date, duration))

    def late(self, ob: Open, at: Instant) -> bool | None:
        """True/False, or None when a clock rule meets a missing time of day."""
        if not ob.clock:
            return at.date > ob.due.date
        if ob.unknown or not at.has_time or ob.due.moment is None:
            return None
        return _moment(at) > ob.due.moment

    # -- one event -------------------------------------------------------------------------------
    def step(self, ev: Event) -> StepResult:
        before = len(self.breaches)
        closed: list[Open] = []
        if self.count == 0:
            for rule in self.spec.always_on:
                self.active[rule.id] = True
                self.activate(rule, ev.at, None)
        self.count += 1
        self.last = ev.at
        self.child.observe(ev)
        changed = self.move(ev)
        self.set_anchors(ev)
        self.refresh(changed, ev, entering=True)
        for trig in self.spec.triggers.get(ev.type, ()):
            if self.matches(trig.where, ev):
                self.fire(trig, ev, closed)
        self.refresh(changed, ev, entering=False)
        return StepResult(self.breaches[before:], closed)

    def set_anchors(self, ev: Event) -> None:
        """``first.after`` events need not touch the rule otherwise; record them as anchors."""
        for rule, where in self.spec.anchors.get(ev.type, ()):
            if self.matches(where, ev):
                self.anchor[rule.id] = ev

    def matches(self, where: Predicate | None, ev: Event) -> bool:
        return where is None or where(ev, self.child) is True

    def move(self, ev: Event) -> list[int]:
        changed = []
        routes = self.spec.routes.get(ev.type)
        if routes is None:
            self.breaches.append(Breach(f"{self.spec.policy.id}.vocabulary.unrouted", "unknown_event"))
            return changed
        for i in routes:
            pathway = self.spec.pathways[i]
            moves = self.spec.moves.get((i, self.states[i], ev.type))
            if moves is None:
                self.breaches.append(Breach(pathway.sequence_rule, "illegal_transition"))
                continue
            target, unknown, found = None, False, False
            for guard, tgt in moves:
                ok = True if guard is None else guard(ev, self.child)
                if ok is True:
                    target, found = tgt, True
                    break
                unknown = unknown or ok is None
            if not found:
                self.breaches.append(Breach(pathway.sequence_rule, "indeterminate" if unknown else "guard_failed"))
            elif target is not None and target != self.states[i]:
                self.states[i] = target
                changed.append(i)
        return changed

    def refresh(self, changed: list[int], ev: Event, *, entering: bool) -> None:
        for i in changed:
            for rule, states in self.spec.stateful.get(i, ()):
                now = self.states[i] in states
                if now == self.active.get(rule.id, False) or now != entering:
                    continue
                self.active[rule.id] = now
                if now:
                    self.since[rule.id] = ev.at.date
                    self.switched.discard(rule.id)
                    self.activate(rule, ev.at, ev)
                elif isinstance(rule, CumulativeRule):
                    self.stays.setdefault(rule.id, []).append((self.entered.pop(rule.id), ev.at))
                    for ob in self.open.pop(rule.id, []):
                        self.judge(ob, ev, "late", [])
                else:
                    self.anchor.pop(rule.id, None)  # re-entering needs a fresh ``first.after`` event
                    for ob in self.open.pop(rule.id, []):
                        self.lapse(ob, ev.at.date)

    def activate(self, rule: Rule, at: Instant, ev: Event | None) -> None:
        match rule:
            case RecurringRule(until_age=until) if until is not None and self.child.date_of_birth is None:
                self.breaches.append(Breach(rule.id, "indeterminate"))
            case RecurringRule(first=first) if first is not None:
                anchor = self.anchor.get(rule.id, ev)
                if anchor is not None:
                    ob = self.obligation(rule, anchor, first.within.duration)
                    self.open[rule.id] = [ob] if self.owed(rule, ob.due.date) else []
            case RecurringRule():
                self.open[rule.id] = []
            case CumulativeRule():
                self.entered[rule.id] = at
                self.open[rule.id] = [self.stay_obligation(rule, at, ev)]
            case AgeRule():
                dob = self.child.date_of_birth
                if dob is None:
                    self.breaches.append(Breach(rule.id, "indeterminate"))
                    return
                base = max(self.cal.attains_age(dob, rule.age.years, rule.age.months), at.date)
                self.open[rule.id] = [Open(rule, Due(self.cal.add(base, rule.within.duration)), None)]
            case GestationRule():
                edd = self.child.expected_date_of_birth
                if edd is None:
                    self.breaches.append(Breach(rule.id, "indeterminate"))
                    return
                due = max(self.cal.gestation_week_date(edd, rule.week), at.date)
                self.open[rule.id] = [Open(rule, Due(due), None)]
            case DeadlineRule() | LeadRule() | GuardRule():
                raise AssertionError(rule)
            case _:
                assert_never(rule)

    def stay_obligation(self, rule: CumulativeRule, entry: Instant, ev: Event | None) -> Open:
        """Counted minute by minute: the last moment the stays in the window stay within the limit."""
        stays = self.stays.get(rule.id, [])
        known = entry.has_time and all(a.has_time and b.has_time for a, b in stays)
        if not known:  # the walk gives these events a time; a date-only one is indeterminate
            return Open(rule, Due(entry.date, None), ev, True, True)
        limit, window = rule.limit.duration.minutes, rule.window.duration.minutes
        spans = [(_moment(a), _moment(b)) for a, b in stays]
        start = _moment(entry)
        used = 0
        for minute in range(limit + 2):
            t = start + dt.timedelta(minutes=minute)
            edge = t - dt.timedelta(minutes=window)
            used = minute + sum(max(0, int((min(b, t) - max(a, edge)).total_seconds() // 60)) for a, b in spans)
            if used > limit:
                last = t - dt.timedelta(minutes=1) if minute else t
                return Open(rule, Due(last.date(), last), ev, True)
        raise AssertionError(used)

    def obligation(self, rule: Rule, start: Event, duration: Duration) -> Open:
        clock = duration.unit in CLOCK_UNITS
        return Open(rule, self.due_after(start.at, duration), start, clock, clock and not start.at.has_time)

    def lapse(self, ob: Open, on: dt.date) -> None:
        if not is_min_bound(ob.rule) and ob.due.date < on:
            self.breaches.append(Breach(ob.rule.id, "missing"))

    def fire(self, trig: _Trigger, ev: Event, closed: list[Open]) -> None:
        rule = trig.rule
        match trig.role:
            case "switch":
                self.switched.add(rule.id)
            case "end":
                opened = self.open.get(rule.id)
                if opened:
                    ob = opened.pop(0)
                    self.judge(ob, ev, "early" if is_min_bound(rule) else "late", closed)
            case "qualify":
                assert isinstance(rule, RecurringRule)
                if not self.active.get(rule.id):
                    return
                opened = self.open.setdefault(rule.id, [])
                if opened:
                    self.judge(opened.pop(), ev, "gap", closed)
                ob = self.obligation(rule, ev, self.interval(rule, ev.at.date))
                if self.owed(rule, ob.due.date):
                    opened.append(ob)
            case "cancel":
                for ob in self.open.pop(rule.id, []):
                    self.lapse(ob, ev.at.date)
            case "extend":
                assert isinstance(rule, DeadlineRule) and rule.extended_by is not None
                ext = rule.extended_by
                kept = []
                for ob in self.open.pop(rule.id, []):
                    n = ev.fields.get(ext.field)
                    if ob.due.date < ev.at.date:  # granted after the time ran out
                        self.breaches.append(Breach(rule.id, "missing"))
                    elif not isinstance(n, int):
                        self.breaches.append(Breach(rule.id, "indeterminate"))
                    else:
                        kept.append(Open(rule, Due(self.cal.add(ob.due.date, Duration(n, ext.unit))), ob.start))
                if kept:
                    self.open[rule.id] = kept
            case "start":
                assert isinstance(rule, DeadlineRule)
                if self.outside(rule):
                    return
                opened = self.open.setdefault(rule.id, [])
                if opened and rule.on_repeat == "keep":
                    return
                if rule.on_repeat == "restart":  # the clock restarts; one already overdue was missed
                    for ob in opened:
                        self.lapse(ob, ev.at.date)
                    opened.clear()
                opened.append(self.obligation(rule, ev, rule.limit.duration))
            case "prepare":
                self.prepared.setdefault(rule.id, ev)
            case "reset":
                self.prepared.pop(rule.id, None)
            case "target":
                assert isinstance(rule, LeadRule)
                prep = self.prepared.pop(rule.id, None)
                if self.outside(rule):
                    return
                if prep is None:
                    self.breaches.append(Breach(rule.id, "missing"))
                else:
                    late = self.too_late(prep.at, rule.lead.duration, ev.at)
                    if late is not False:
                        self.breaches.append(Breach(rule.id, "indeterminate" if late is None else "late"))
            case "check":
                assert isinstance(rule, GuardRule)
                ok = _compiled(rule.require)(ev, self.child)
                if ok is not True:
                    self.breaches.append(Breach(rule.id, "indeterminate" if ok is None else "guard_failed"))

    def judge(self, ob: Open, ev: Event, kind: str, closed: list[Open]) -> None:
        if kind == "early":
            if ob.clock and (ob.unknown or not ev.at.has_time):
                self.breaches.append(Breach(ob.rule.id, "indeterminate"))
            elif (_moment(ev.at) < ob.due.moment) if ob.clock else ev.at.date < ob.due.date:  # type: ignore[operator]
                self.breaches.append(Breach(ob.rule.id, "early"))
            return
        late = self.late(ob, ev.at)
        if late is None:
            self.breaches.append(Breach(ob.rule.id, "indeterminate"))
        elif late:
            self.breaches.append(Breach(ob.rule.id, kind))
        closed.append(ob)

    def outside(self, rule: DeadlineRule | LeadRule) -> bool:
        """The rule has ``while_in`` states and its pathway is not in one of them."""
        return bool(rule.while_in) and self.states[self.spec.pathway_index(rule.pathway)] not in rule.while_in

    def owed(self, rule: RecurringRule, due: dt.date) -> bool:
        """Owed only while the child is born and under ``until_age`` on the due date (always, without one)."""
        if rule.until_age is None:
            return True
        dob = self.child.date_of_birth
        return dob is not None and due >= dob and self.cal.age_on(dob, due) < (rule.until_age.years,
                                                                               rule.until_age.months)

    def too_late(self, prep: Instant, lead: Duration, target: Instant) -> bool | None:
        """Counted forward: does ``lead`` from ``prep`` run past ``target``? None for a clock lead
        when either has no time of day."""
        if lead.unit not in CLOCK_UNITS:
            return self.cal.add(prep.date, lead) > target.date
        if not (prep.has_time and target.has_time):
            return None
        return self.cal.add_clock(_moment(prep), lead) > _moment(target)

    def interval(self, rule: RecurringRule, on: dt.date) -> Duration:
        then = rule.then
        if then is None:
            return rule.every.duration
        since = self.since.get(rule.id, on)
        dob = self.child.date_of_birth
        switched = (rule.id in self.switched
                    or (then.after is not None and on >= self.cal.add(since, then.after.duration))
                    or (then.at_age is not None and dob is not None
                        and on >= self.cal.attains_age(dob, then.at_age.years, then.at_age.months)))
        return then.every.duration if switched else rule.every.duration

    # -- at the end --------------------------------------------------------------------------------
    def pending_max(self) -> list[Open]:
        return [ob for obs in self.open.values() for ob in obs if not is_min_bound(ob.rule)]

    def finish(self, as_of: dt.date) -> list[Breach]:
        """Every breach of the history so far, with obligations overdue at ``as_of`` as missing."""
        return self.breaches + [Breach(ob.rule.id, "missing") for ob in self.pending_max() if ob.due.date < as_of]


def predict(policy: Policy, case: Case, cal: Calendar = england) -> list[Breach]:
    """The breaches the spec says ``case`` has (as of its last event)."""
    tracker = Tracker(policy, case.child, cal)
    for ev in case.events:
        tracker.step(ev)
    return tracker.finish(case.events[-1].at.date) if case.events else []


# --- options: which events can happen next, with which fields -----------------------------------

_NOWHERE = Instant(dt.date(2000, 1, 3))


def _moved(spec: _Spec, states: Sequence[str], event: str, fields: dict[str, Any],
           child: ChildAt) -> tuple[str, ...] | None:
    """Pathway states after ``event``, or None when a pathway that routes it refuses it."""
    ev = Event(0, event, _NOWHERE, fields)
    out = list(states)
    for i in spec.routes.get(event, ()):
        moves = spec.moves.get((i, states[i], event))
        if moves is None:
            return None
        for guard, target in moves:
            if guard is None or guard(ev, child) is True:
                if target is not None:
                    out[i] = target
                break
        else:
            return None
    return tuple(out)


def _guard_rules_pass(spec: _Spec, event: str, fields: dict[str, Any], child: ChildAt) -> bool:
    ev = Event(0, event, _NOWHERE, fields)
    for trig in spec.triggers.get(event, ()):
        if trig.role == "check" and (trig.where is None or trig.where(ev, child) is True):
            assert isinstance(trig.rule, GuardRule)
            if _compiled(trig.rule.require)(ev, child) is not True:
                return False
    return True


def _attrs(child: ChildAt) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted(child.attributes.items()))


def _options(spec: _Spec, states: Sequence[str], event: str,
             child: ChildAt) -> list[tuple[dict[str, Any], tuple[tuple[int, str], ...]]]:
    """(fields, pathway moves) for every field assignment that moves each pathway routing
    ``event`` and passes every guard rule on it. Cached: guards do not depend on time."""
    routes = spec.routes.get(event, ())
    key = (event, tuple(states[i] for i in routes), _attrs(child))
    hit = spec.options.get(key)
    if hit is None:
        hit = []
        if all((i, states[i], event) in spec.moves for i in routes):
            for fields in assignments(spec, event):
                nxt = _moved(spec, states, event, fields, child)
                if nxt is not None and _guard_rules_pass(spec, event, fields, child):
                    hit.append((fields, tuple((i, nxt[i]) for i in routes)))
        spec.options[key] = hit
    return hit


def _legal(spec: _Spec, states: Sequence[str], event: str, child: ChildAt) -> list[tuple[dict[str, Any], tuple[str, ...]]]:
    """(fields, next states) for every allowed field assignment of ``event``."""
    out = []
    for fields, changes in _options(spec, states, event, child):
        nxt = list(states)
        for i, s in changes:
            nxt[i] = s
        out.append((fields, tuple(nxt)))
    return out


def legal_fields(tracker: Tracker, event: str) -> list[dict[str, Any]]:
    """Field values with which ``event`` is allowed now by every pathway and guard rule."""
    return [f for f, _ in _options(tracker.spec, tracker.states, event, tracker.child)]


def allowed_events(tracker: Tracker) -> frozenset[str]:
    """Every event allowed now (with some field values), cached by the pathway states."""
    spec = tracker.spec
    key = ("allowed", tuple(tracker.states), _attrs(tracker.child))
    hit = spec.cache.get(key)
    if hit is None:
        hit = spec.cache[key] = frozenset(e for e in spec.routes if _options(spec, tracker.states, e, tracker.child))
    return hit


def try_step(tracker: Tracker, ev: Event) -> Tracker | None:
    """The tracker after ``ev`` if it breaks nothing, else None."""
    probe = tracker.copy()
    if probe.step(ev).breaches:
        return None
    return probe


# --- planning: a short path of legal events that meets an obligation ----------------------------

@dataclass(frozen=True)
class _Closer:
    """What meets a rule's obligation (``strict``), or also ends it otherwise (not ``strict``):
    events with their ``where``, and leaving the states the rule applies in."""

    events: dict[str, tuple[Predicate | None, ...]]
    home: int
    while_in: frozenset[str] | None

    def closes(self, event: str, fields: dict[str, Any], states: tuple[str, ...], child: ChildAt) -> bool:
        wheres = self.events.get(event)
        if wheres is not None:
            ev = Event(0, event, _NOWHERE, fields)
            if any(w is None or w(ev, child) is True for w in wheres):
                return True
        return self.while_in is not None and states[self.home] not in self.while_in


def _closer(spec: _Spec, rule: Rule, *, strict: bool) -> _Closer:
    key = ("closer", rule.id, strict)
    if key not in spec.cache:
        roles = ("end", "qualify") if strict else ("end", "qualify", "cancel")
        events: dict[str, list[Predicate | None]] = {}
        for role, m in _rule_roles(rule):
            if role in roles:
                events.setdefault(m.event, []).append(_where(m))
        leaves = (isinstance(rule, CumulativeRule)  # met only by leaving its states
                  or not strict and isinstance(rule, (RecurringRule, AgeRule, GestationRule)) and bool(rule.while_in))
        spec.cache[key] = _Closer({e: tuple(v) for e, v in events.items()}, spec.pathway_index(rule.pathway),
                                  frozenset(rule.while_in) if leaves else None)  # type: ignore[union-attr]
    return spec.cache[key]


Step = list[tuple[str, dict[str, Any]]]


def _plan_events(spec: _Spec, rule: Rule) -> list[str]:
    """The events a plan may use: those of the rule's own pathway and of the pathways it shares an
    event with (a CP plan that cannot start while a CIN plan is open), plus those that touch the
    rule. Events that end many journeys at once are left out unless they touch the rule. Searching
    every pathway would be exact but slow; a plan this misses makes the walk end early instead."""
    key = ("plan events", rule.id)
    if key in spec.cache:
        return spec.cache[key]
    home = spec.pathway_index(rule.pathway)
    local = {e: r for e, r in spec.routes.items() if len(r) <= _LOCAL_ROUTES}
    near = {home} | {i for r in local.values() if home in r for i in r}
    touching = {m.event for _, m in _rule_roles(rule)}
    spec.cache[key] = sorted(e for e, r in local.items() if near & set(r)) + sorted(touching - set(local))
    return spec.cache[key]


def plan(tracker: Tracker, rule: Rule) -> list[Step] | None:
    """The shortest sequence of allowed events (BFS over the product of pathway states) whose last
    event meets ``rule``'s obligation — or, failing that, ends it another way (a cancelling event,
    leaving the states it applies in). Each step lists equivalent (event, fields) options."""
    spec, child = tracker.spec, tracker.child
    start = tuple(tracker.states)
    key = ("plan", start, rule.id, _attrs(child))
    if key not in spec.cache:
        spec.cache[key] = _search(spec, rule, start, child, strict=True) or _search(spec, rule, start, child, strict=False)
    return spec.cache[key]


def _search(spec: _Spec, rule: Rule, start: tuple[str, ...], child: ChildAt, *, strict: bool) -> list[Step] | None:
    seen = {start}
    queue: deque[tuple[tuple[str, ...], list[Step]]] = deque([(start, [])])
    events = _plan_events(spec, rule)
    closer = _closer(spec, rule, strict=strict)
    while queue:
        states, path = queue.popleft()
        if len(path) >= _PLAN_DEPTH:
            continue
        groups: dict[tuple[tuple[str, ...], bool], Step] = {}
        for event in events:
            for fields, nxt in _legal(spec, states, event, child):
                done = closer.closes(event, fields, nxt, child)
                groups.setdefault((nxt, done), []).append((event, fields))
        closing = [opts for (nxt, done), opts in groups.items() if done]
        if closing:
            return path + [[o for opts in closing for o in opts]]
        for (nxt, _), options in groups.items():
            if nxt not in seen:
                seen.add(nxt)
                queue.append((nxt, path + [options]))
    return None


# --- compliant walks ----------------------------------------------------------------------------

@dataclass(frozen=True)
class WalkConfig:
    """How a walk chooses: which pathways it steers towards, how long, and how much time passes."""

    max_events: int = 25
    min_events: int = 1
    pathways: tuple[str, ...] | None = None
    max_gap_days: int = 12
    start: tuple[dt.date, dt.date] = (dt.date(2022, 1, 3), dt.date(2025, 6, 30))
    event_weights: Mapping[str, float] = field(default_factory=dict)
    default_event_weight: float = 1.0
    value_weights: Mapping[tuple[str, str, Any], float] = field(default_factory=dict)
    case_id: str = "H-1"


def _clock_events(policy: Policy) -> frozenset[str]:
    """Events that start, end or qualify a clock-time rule: they always carry a time of day."""
    out: set[str] = set()
    for rule in policy.rules:
        limit = _limit_of(rule)
        if limit is not None and limit.unit in CLOCK_UNITS:
            out |= {m.event for _, m in _rule_roles(rule)}
            if isinstance(rule, RecurringRule) and rule.first and rule.first.after:
                out.add(rule.first.after.event)
        if isinstance(rule, CumulativeRule):  # the events that start and end a stay
            pathway = policy.pathway(rule.pathway)
            out |= {t.event for t in pathway.transitions if t.target is not None
                    and (t.target in rule.while_in) != bool(set(t.source) & set(rule.while_in))}
        if isinstance(rule, RecurringRule) and rule.first and rule.first.within.unit in CLOCK_UNITS:
            out |= {rule.event.event} | ({rule.first.after.event} if rule.first.after else set())
    return frozenset(out)


def _child(chooser: Chooser, policy: Policy, start: dt.date) -> Child:
    """A child with a date of birth (age rules need one) and, when a rule needs it, an expected one."""
    dob = start - dt.timedelta(days=chooser.integer(30, 17 * 365 + 300))
    edd = None
    if any(isinstance(r, GestationRule) for r in policy.rules):
        edd = start + dt.timedelta(days=chooser.integer(-60, 200))
    attrs = {name: chooser.choice([False, True]) for name in sorted(CHILD_ATTRIBUTES)}
    return Child(date_of_birth=dob, expected_date_of_birth=edd, attributes=attrs)


class _Walk:
    """One compliant walk: random steps among events that break nothing, and plans to meet
    each obligation before it falls due."""

    def __init__(self, policy: Policy, chooser: Chooser, config: WalkConfig, cal: Calendar) -> None:
        self.policy = policy
        self.c = chooser
        self.cfg = config
        self.cal = cal
        lo, hi = config.start
        self.now = dt.datetime.combine(lo + dt.timedelta(days=chooser.integer(0, (hi - lo).days)),
                                       dt.time(chooser.integer(8, 17), chooser.choice([0, 15, 30, 45])))
        self.child = _child(chooser, policy, self.now.date())
        self.tracker = Tracker(policy, self.child, cal)
        self.events: list[Event] = []
        self.blocked: str | None = None  # the rule whose obligation the walk could not meet
        self.clock_events = _clock_events(policy)
        spec = self.tracker.spec
        keep = set(config.pathways) if config.pathways else None
        if keep is not None:
            unknown = keep - {p.id for p in spec.pathways}
            if unknown:
                raise KeyError(f"no pathway {sorted(unknown)[0]!r}; known: {', '.join(p.id for p in spec.pathways)}")
        self.steerable = sorted(e for e, routes in spec.routes.items()
                                if keep is None or any(spec.pathways[i].id in keep for i in routes))

    def instant(self, event: str, moment: dt.datetime) -> Instant:
        """A date-only timestamp sometimes, unless a clock rule reads the event."""
        if event not in self.clock_events and self.c.integer(0, 3) == 0:
            return Instant(moment.date())
        return Instant(moment.date(), moment.time().replace(second=0, microsecond=0))

    def emit(self, event: str, fields: dict[str, Any], moment: dt.datetime, *, lookahead: bool = False) -> bool:
        """Append the event if it breaks nothing (and, with ``lookahead``, if every obligation
        still open after it can still be met: no random step into a dead end)."""
        ev = Event(len(self.events), event, self.instant(event, moment), dict(fields))
        nxt = try_step(self.tracker, ev)
        if nxt is None:
            return False
        if lookahead and any(plan(nxt, ob.rule) is None for ob in nxt.pending_max()):
            return False
        self.tracker = nxt
        self.events.append(ev)
        self.now = max(self.now, moment)
        return True

    def prepare_for(self, event: str) -> None:
        """Lead rules: before ``event`` (a conference, say), emit what must precede it (the report
        shared) now, so that ``event`` can follow in time; compliant either way."""
        spec = self.tracker.spec
        leads = spec.cache.get(("leads", event))
        if leads is None:
            leads = spec.cache[("leads", event)] = tuple(
                r for r in spec.policy.rules if isinstance(r, LeadRule) and r.before.event == event)
        for rule in leads:
            if rule.id in self.tracker.prepared:
                continue
            where = _where(rule.event)
            probe = Instant(self.now.date())
            options = [f for f in legal_fields(self.tracker, rule.event.event)
                       if where is None or where(Event(0, rule.event.event, probe, f), self.tracker.child) is True]
            if options:
                self.emit(rule.event.event, self.c.choice(options), self.now)

    def urgent(self) -> Open | None:
        open_ = self.tracker.pending_max()
        return min(open_, key=lambda ob: ob.due.deadline()) if open_ else None

    def run(self) -> Case:
        """Walk until the drawn length, or until an obligation cannot be met (``self.blocked``)."""
        target = self.c.integer(self.cfg.min_events, self.cfg.max_events)
        stalls = rounds = 0
        while len(self.events) < target and stalls < 8 and rounds < 4 * target + 16:
            rounds += 1
            moment = self.next_moment()
            ob = self.urgent()
            if ob is not None and moment > ob.due.deadline():
                if not self.meet(ob):
                    self.blocked = ob.rule.id
                    break
                continue
            stalls = 0 if self.random_step(moment) else stalls + 1
        return Case(self.cfg.case_id, self.child, tuple(self.events))

    def next_moment(self) -> dt.datetime:
        days = self.c.integer(0, self.cfg.max_gap_days)
        if days == 0:
            return self.now + dt.timedelta(minutes=15 * self.c.integer(1, 16))
        day = self.now.date() + dt.timedelta(days=days)
        return dt.datetime.combine(day, dt.time(self.c.integer(8, 18), self.c.choice([0, 15, 30, 45])))

    def weighted(self, items: Sequence[T], weight: Any) -> T:
        weights = [weight(i) for i in items]
        if any(w != 1.0 for w in weights) and sum(weights) > 0:
            return self.c.choice(items, weights)
        return self.c.choice(items)

    def field_weight(self, event: str, fields: dict[str, Any]) -> float:
        w = 1.0
        for name, value in fields.items():
            w *= self.cfg.value_weights.get((event, name, value), 1.0)
        return w

    def random_step(self, moment: dt.datetime) -> bool:
        """One event that is allowed now and breaks nothing (a few tries), else let time pass."""
        allowed = allowed_events(self.tracker)
        candidates = [e for e in self.steerable if e in allowed]
        local = [e for e in candidates if len(self.tracker.spec.routes[e]) <= _LOCAL_ROUTES]
        if local and self.c.integer(0, 7):
            candidates = local  # mostly: events that end many journeys at once stay rare
        for _ in range(4):
            if not candidates:
                break
            event = self.weighted(candidates, lambda e: self.cfg.event_weights.get(e, self.cfg.default_event_weight))
            self.prepare_for(event)
            options = legal_fields(self.tracker, event)
            fields = self.weighted(options, lambda f: self.field_weight(event, f))
            if self.emit(event, fields, moment, lookahead=True):
                return True
            candidates = [e for e in candidates if e != event]
        return False

    def meet(self, ob: Open) -> bool:
        """Emit the first event of a planned path that meets ``ob`` before it falls due. One event
        at a time: the event may open an obligation due sooner, which the next round sees."""
        deadline = ob.due.deadline()
        if deadline < self.now:
            return False
        steps = plan(self.tracker, ob.rule)
        if not steps:
            return False
        last = len(steps) == 1
        if not last:  # leave time for the steps after this one
            deadline = self.now + (deadline - self.now) / len(steps)
        moment = self.moment_before(deadline, last)
        first = self.c.choice(steps[0])
        options = [first] + [o for o in steps[0] if o is not first][:12]
        for event in dict.fromkeys(event for event, _ in options):
            self.prepare_for(event)
        # Prefer an option after which every other obligation can still be met (cancelling one
        # obligation by ending the whole case is a last resort), then the same later on.
        for when, lookahead in ((moment, True), (moment, False), (deadline, False)):
            for event, fields in options:
                if self.now <= when and self.emit(event, fields, when.replace(second=0, microsecond=0),
                                                  lookahead=lookahead):
                    return True
        return False

    def moment_before(self, deadline: dt.datetime, last: bool) -> dt.datetime:
        """A moment between now and the deadline: for the final event, often right at the deadline
        (the boundary is where counting mistakes show)."""
        if deadline.time() == dt.time.max:
            deadline = dt.datetime.combine(deadline.date(), dt.time(17, 0))
        if deadline <= self.now:
            return self.now
        if last and self.c.integer(0, 2) == 0:
            return deadline
        span = int((deadline - self.now).total_seconds() // 900)
        return self.now + dt.timedelta(minutes=15 * self.c.integer(0, max(0, span)))


@dataclass(frozen=True)
class WalkResult:
    case: Case
    blocked: str | None  # a rule whose obligation could not be met, so the walk stopped early


def walk(policy: Policy, chooser: Chooser, config: WalkConfig = WalkConfig(),
         cal: Calendar = england) -> WalkResult:
    """A compliant walk, and the rule that stopped it early if one did (see :func:`compliant_walk`)."""
    w = _Walk(policy, chooser, config, cal)
    case = w.run()
    return WalkResult(case, w.blocked)


def compliant_walk(policy: Policy, chooser: Chooser, config: WalkConfig = WalkConfig(),
                   cal: Calendar = england) -> Case:
    """A case history that every rule of ``policy`` is satisfied by (or still pending at the end).

    If the rules cannot all be met from some point (a minimum interval longer than a maximum one,
    say), the history ends before the first obligation it cannot meet falls due.
    """
    return _Walk(policy, chooser, config, cal).run()
