"""The table-driven validator: one pass over a case's events, then a look at what is still open.

Reads only compiled tables (:mod:`journey.compilers.tables`) — never YAML, never a
``transitions`` machine. Per event: move each pathway that routes it, then apply the rules the
event touches (ends before cancels before starts). Obligations are due dates computed from the
history; at ``as_of`` each open one is either ``pending`` or ``missing``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from journey.calendar import Calendar, Duration, Instant
from journey.cases import Case, Event
from journey.compilers.facts import ChildAt
from journey.compilers.tables import Move, PathwayTable, RuleSlot, Tables, Trigger
from journey.spec.guards import Node
from journey.spec.model import is_min_bound
from journey.spec.model import (AgeRule, CumulativeRule, DeadlineRule, GestationRule, GuardRule, LeadRule,
                                RecurringRule, Rule, Source)
from journey.validator import findings as fx
from journey.validator.findings import Amount, EventRef, Finding, Pending, Verdict
from journey.validator.timing import Due, cumulative_due, due_after, due_before, due_on, judge_max, judge_min


@dataclass(slots=True)
class Obligation:
    due: Due
    start: Event | None  # None for age and gestation rules


def _ref(ev: Event | None) -> EventRef | None:
    return EventRef(ev.index, ev.type, str(ev.at)) if ev is not None else None


def _end_event(rule: Rule) -> str:
    match rule:
        case DeadlineRule() | AgeRule() | GestationRule():
            return rule.end.event
        case RecurringRule() | GuardRule() | LeadRule():
            return rule.event.event
        case CumulativeRule():
            return "the end of the stay while " + " or ".join(rule.while_in)
    raise AssertionError(rule)


class _Run:
    """The state of validating one case."""

    def __init__(self, tables: Tables, case: Case, cal: Calendar, as_of: dt.date, trace: bool) -> None:
        self.t = tables
        self.case = case
        self.child = ChildAt(case.child, tables.policy.facts, cal)
        self.cal = cal
        self.as_of = as_of
        self.state = [p.initial for p in tables.pathways]
        self.open: dict[int, list[Obligation]] = {}
        self.active: dict[int, bool] = {}
        self.anchor: dict[int, Event] = {}
        self.since: dict[int, dt.date] = {}       # recurring: when the rule last became active
        self.switched: set[int] = set()           # recurring: its ``then.on`` event has occurred
        self.prepared: dict[int, Event] = {}      # lead: the earliest ``event`` since the last ``before``
        self.stays: dict[int, list[tuple[Instant, Instant]]] = {}  # cumulative: earlier stays in its states
        self.entered: dict[int, Instant] = {}     # cumulative: when the current stay began
        self.findings: list[Finding] = []
        self.trace: list[tuple[int, str, str]] | None = [] if trace else None

    # -- findings ----------------------------------------------------------------------------
    def report(self, slot: RuleSlot, kind: fx.FindingKind, message: str, *, start: Event | None = None,
               end: Event | None = None, due: Due | None = None, late_by: Amount | None = None) -> None:
        rule = slot.rule
        self.findings.append(Finding(
            rule=rule.id, severity=rule.severity, kind=kind, pathway=rule.pathway, message=message,
            source=rule.source, start=_ref(start), end=_ref(end), due=str(due) if due else None,
            actual=str(end.at) if end is not None else None, late_by=late_by))

    def report_pathway(self, table: PathwayTable, kind: fx.FindingKind, ev: Event, message: str) -> None:
        p = table.pathway
        self.findings.append(Finding(rule=p.sequence_rule, severity=p.severity, kind=kind, pathway=p.id,
                                     message=message, source=p.source, end=_ref(ev), actual=str(ev.at)))

    # -- the loop ----------------------------------------------------------------------------
    def run(self) -> Verdict:
        self.activate_always_on()
        for ev in self.case.events:
            if ev.at.date > self.as_of:
                break
            self.step(ev)
        pending = list(self.close_at_as_of())
        return Verdict(self.case.case_id, self.t.policy.id, self.as_of.isoformat(), tuple(self.findings),
                       tuple(pending), {p.pathway.id: p.states[self.state[p.index]] for p in self.t.pathways})

    def step(self, ev: Event) -> None:
        self.child.observe(ev)
        routes = self.t.routes.get(ev.type)
        if routes is None:
            self.unknown(ev)
            changed: list[PathwayTable] = []
        elif self.trace is None:
            state, etype = self.state, ev.type
            changed = [table for table in routes
                       if (state[table.index], etype) not in table.noop and self.move(table, ev)]
        else:
            changed = [table for table in routes if self.move(table, ev)]
        for trig in self.t.anchors.get(ev.type, ()):
            if self.matches(trig, ev):
                self.anchor[trig.slot] = ev
        # A rule whose state is entered is live for this event's own triggers; a rule whose state
        # is left still judges this event (a late review that also ends the phase is a gap).
        if changed:
            self.refresh_all(changed, ev, entering=True)
        slots = self.t.slots
        for trig in self.t.actions.get(ev.type, ()):
            if trig.where is None or trig.where(ev, self.child) is True:
                _HANDLERS[trig.role](self, slots[trig.slot], ev)
        if changed:
            self.refresh_all(changed, ev, entering=False)

    def refresh_all(self, changed: list[PathwayTable], ev: Event, *, entering: bool) -> None:
        stateful = self.t.stateful_slots
        for table in changed:
            for slot in stateful.get(table.index, ()):
                self.refresh(slot, ev, entering)

    def matches(self, trig: Trigger, ev: Event) -> bool:
        return trig.where is None or trig.where(ev, self.child) is True

    def move(self, table: PathwayTable, ev: Event) -> bool:
        """Apply the event to one pathway; True when its state changed."""
        state = self.state[table.index]
        moves = table.moves.get((state, ev.type))
        if moves is None:
            self.report_pathway(table, "illegal_transition", ev, fx.illegal_message(
                ev.type, table.pathway.id, table.states[state], table.allowed(state)))
            return False
        chosen, unknown = _choose(moves, ev, self.child)
        if chosen is None:
            guards = " or ".join(str(m.transition.guard) for m in moves)
            kind = "indeterminate" if unknown else "guard_failed"
            message = (fx.indeterminate_message(f"{ev.type} may move {table.pathway.id}", "a field it needs is missing")
                       if unknown else fx.guard_message(ev.type, guards))
            self.report_pathway(table, kind, ev, message)
            return False
        if self.trace is not None:
            target = chosen.target if chosen.target is not None else state
            self.trace.append((ev.index, table.pathway.id, table.states[target]))
        if chosen.target is None or chosen.target == state:
            return False
        self.state[table.index] = chosen.target
        return True

    def unknown(self, ev: Event) -> None:
        policy = self.t.policy
        self.findings.append(Finding(
            rule=f"{policy.id}.vocabulary.unrouted", severity="advisory", kind="unknown_event", pathway="",
            message=fx.unknown_event_message(ev.type, policy.id), end=_ref(ev), actual=str(ev.at),
            source=Source(document=policy.title, ref="pathways", confidence="primary")))

    # -- deadline rules ----------------------------------------------------------------------
    def on_start(self, slot: RuleSlot, ev: Event) -> None:
        rule = slot.rule
        assert isinstance(rule, DeadlineRule)
        if self.outside(slot):
            return  # the clock starts only while the pathway is in ``while_in``
        opened = self.open.setdefault(slot.slot, [])
        if opened and rule.on_repeat == "keep":
            return
        if rule.on_repeat == "restart":
            for ob in opened:  # the clock restarts; one already overdue was still missed
                self.lapse(slot, ob, ev.at.date)
            opened.clear()
        due = due_after(ev.at, rule.limit.duration, self.cal) if rule.limit.bound == "max" else None
        opened.append(Obligation(due or Due(ev.at.date), ev))

    def outside(self, slot: RuleSlot) -> bool:
        """The rule has ``while_in`` states and its pathway is not in one of them."""
        return bool(slot.active_states) and self.state[slot.pathway] not in slot.active_states

    def on_end(self, slot: RuleSlot, ev: Event) -> None:
        opened = self.open.get(slot.slot)
        if not opened:
            return
        ob = opened.pop(0)
        rule = slot.rule
        if is_min_bound(rule):
            assert isinstance(rule, DeadlineRule)
            self.judge_min(slot, rule, ob, ev)
            return
        self.judge(slot, ob, ev, "late")

    def judge(self, slot: RuleSlot, ob: Obligation, ev: Event, kind: fx.FindingKind) -> None:
        verdict, late_by = judge_max(ob.due, ev.at, _unit(slot.rule), self.cal)
        if verdict == "late":
            assert late_by is not None
            message = (fx.late_message if kind == "late" else fx.gap_message)(ev.type, late_by, str(ob.due))
            self.report(slot, kind, message, start=ob.start, end=ev, due=ob.due, late_by=late_by)
        elif verdict == "indeterminate":
            self.report(slot, "indeterminate", fx.indeterminate_message(
                f"{ev.type} met its deadline ({ob.due})", "a timestamp has no time of day"),
                start=ob.start, end=ev, due=ob.due)

    def judge_min(self, slot: RuleSlot, rule: DeadlineRule, ob: Obligation, ev: Event) -> None:
        assert ob.start is not None
        verdict, early_by, earliest = judge_min(ob.start.at, ev.at, rule.limit.duration, self.cal)
        if verdict == "early":
            assert early_by is not None
            self.report(slot, "early", fx.early_message(ev.type, early_by, str(earliest)),
                        start=ob.start, end=ev, due=earliest, late_by=early_by)
        elif verdict == "indeterminate":
            self.report(slot, "indeterminate", fx.indeterminate_message(
                f"{ev.type} waited long enough", "a timestamp has no time of day"),
                start=ob.start, end=ev, due=earliest)

    def on_cancel(self, slot: RuleSlot, ev: Event) -> None:
        for ob in self.open.pop(slot.slot, []):
            self.lapse(slot, ob, ev.at.date)

    def on_extend(self, slot: RuleSlot, ev: Event) -> None:
        """An extension granted in time moves the due date on from the end of the period it
        extends; one granted after the time ran out leaves the obligation missed."""
        ext = slot.rule.extended_by  # type: ignore[union-attr]
        kept = []
        for ob in self.open.pop(slot.slot, []):
            n = ev.fields.get(ext.field)
            if ob.due.passed_by(ev.at.date):
                self.lapse(slot, ob, ev.at.date)
            elif not isinstance(n, int):
                self.report(slot, "indeterminate", fx.indeterminate_message(
                    f"{_end_event(slot.rule)} is due", f"{ev.type} does not record {ext.field}"), start=ob.start, end=ev)
            else:
                kept.append(Obligation(due_after(Instant(ob.due.date), Duration(n, ext.unit), self.cal), ob.start))
        if kept:
            self.open[slot.slot] = kept

    def lapse(self, slot: RuleSlot, ob: Obligation, on: dt.date) -> None:
        """An obligation stops applying on ``on``; if it was already overdue, it was missed."""
        if ob.due.passed_by(on) and not is_min_bound(slot.rule):
            self.report(slot, "missing", fx.missing_message(_end_event(slot.rule), str(ob.due), on.isoformat()),
                        start=ob.start, due=ob.due)

    # -- recurring, age and gestation rules ---------------------------------------------------
    def on_qualify(self, slot: RuleSlot, ev: Event) -> None:
        if not self.active.get(slot.slot):
            return
        rule = slot.rule
        assert isinstance(rule, RecurringRule)
        opened = self.open.setdefault(slot.slot, [])
        if opened:
            self.judge(slot, opened.pop(), ev, "gap")
        due = due_after(ev.at, self.interval(slot, rule, ev.at.date), self.cal)
        if self.owed(rule, due):
            opened.append(Obligation(due, ev))

    def owed(self, rule: RecurringRule, due: Due) -> bool:
        """A rule ``until_age`` is owed only if it falls due after the birth and before the child
        attains that age."""
        if rule.until_age is None:
            return True
        dob = self.child.date_of_birth
        return dob is not None and dob <= due.date < self.cal.attains_age(dob, rule.until_age.years,
                                                                          rule.until_age.months)

    def on_switch(self, slot: RuleSlot, ev: Event) -> None:
        self.switched.add(slot.slot)

    def interval(self, slot: RuleSlot, rule: RecurringRule, on: dt.date) -> Duration:
        """The interval in force on ``on``: ``then.every`` once its switch has happened."""
        then = rule.then
        if then is None:
            return rule.every.duration
        since = self.since.get(slot.slot, on)
        dob = self.child.date_of_birth
        switched = (slot.slot in self.switched
                    or (then.after is not None and on >= self.cal.add(since, then.after.duration))
                    or (then.at_age is not None and dob is not None
                        and on >= self.cal.attains_age(dob, then.at_age.years, then.at_age.months)))
        return then.every.duration if switched else rule.every.duration

    def refresh(self, slot: RuleSlot, ev: Event, entering: bool) -> None:
        """The rule's pathway changed state: start the rule (``entering``) or stop it."""
        now = self.state[slot.pathway] in slot.active_states
        if now == self.active.get(slot.slot, False) or now != entering:
            return
        self.active[slot.slot] = now
        if now:
            self.since[slot.slot] = ev.at.date
            self.switched.discard(slot.slot)
            self.activate(slot, ev.at, ev)
        elif isinstance(slot.rule, CumulativeRule):  # leaving ends the stay: was it short enough?
            self.stays.setdefault(slot.slot, []).append((self.entered.pop(slot.slot), ev.at))
            for ob in self.open.pop(slot.slot, []):
                self.judge(slot, ob, ev, "late")
        else:
            self.anchor.pop(slot.slot, None)  # re-entering the phase needs a fresh ``first.after``
            for ob in self.open.pop(slot.slot, []):
                self.lapse(slot, ob, ev.at.date)

    def activate_always_on(self) -> None:
        """Age and gestation rules with no ``while_in`` apply from the first event."""
        first = self.case.events[0] if self.case.events else None
        for slots in self.t.stateful_slots.values():
            for slot in slots:
                if not slot.active_states and first is not None:
                    self.active[slot.slot] = True
                    self.activate(slot, first.at, None)

    def activate(self, slot: RuleSlot, at: Instant, ev: Event | None) -> None:
        match slot.rule:
            case RecurringRule(until_age=until) if until is not None and self.child.date_of_birth is None:
                self.report(slot, "indeterminate", fx.indeterminate_message(
                    f"{_end_event(slot.rule)} is due", "the date of birth is not given"))
            case RecurringRule(first=first) as rule if first is not None:
                anchor = self.anchor.get(slot.slot, ev)
                due = due_after(anchor.at, first.within.duration, self.cal) if anchor is not None else None
                self.open[slot.slot] = [Obligation(due, anchor)] if due and anchor and self.owed(rule, due) else []
            case RecurringRule():
                self.open[slot.slot] = []
            case CumulativeRule() as rule:
                self.entered[slot.slot] = at
                due = cumulative_due(self.stays.get(slot.slot, []), at, rule.limit.duration, rule.window.duration)
                self.open[slot.slot] = [Obligation(due, ev)]
            case AgeRule() as rule:
                self.activate_dated(slot, self.child.date_of_birth, "the date of birth", at,
                                    lambda dob: self.cal.attains_age(dob, rule.age.years, rule.age.months),
                                    rule.within.duration)
            case GestationRule() as rule:
                self.activate_dated(slot, self.child.expected_date_of_birth, "the expected date of birth", at,
                                    lambda edd: self.cal.gestation_week_date(edd, rule.week), None)

    def activate_dated(self, slot: RuleSlot, anchor: dt.date | None, what: str, at: Instant,
                       when, within: Duration | None) -> None:
        if anchor is None:
            self.report(slot, "indeterminate", fx.indeterminate_message(
                f"{_end_event(slot.rule)} is due", f"{what} is not given"))
            return
        start = max(when(anchor), at.date)
        due = due_after(Instant(start), within, self.cal) if within is not None else due_on(start)
        self.open[slot.slot] = [Obligation(due, None)]

    # -- lead rules ----------------------------------------------------------------------------
    def on_prepare(self, slot: RuleSlot, ev: Event) -> None:
        self.prepared.setdefault(slot.slot, ev)

    def on_reset(self, slot: RuleSlot, ev: Event) -> None:
        self.prepared.pop(slot.slot, None)

    def on_target(self, slot: RuleSlot, ev: Event) -> None:
        """The later event happened: was the earlier one (since the last of these) early enough?"""
        rule = slot.rule
        assert isinstance(rule, LeadRule)
        prep = self.prepared.pop(slot.slot, None)
        if self.outside(slot):
            return  # judged only while the pathway is in ``while_in``
        due = due_before(ev.at, rule.lead.duration, self.cal)
        if prep is None:  # counted back from ``ev`` (the finding's start); nothing came before it
            self.report(slot, "missing", fx.lead_missing_message(rule.event.event, ev.type, str(due)), start=ev, due=due)
        else:
            self.judge(slot, Obligation(due, ev), prep, "late")

    # -- guard rules ---------------------------------------------------------------------------
    def on_check(self, slot: RuleSlot, ev: Event) -> None:
        assert slot.require is not None and isinstance(slot.rule, GuardRule)
        result = slot.require(ev, self.child)
        if result is True:
            return
        guard: Node = slot.rule.require
        if result is None:
            self.report(slot, "indeterminate", fx.indeterminate_message(
                f"{ev.type} meets {guard}", "the case does not record the field"), end=ev)
        else:
            self.report(slot, "guard_failed", fx.guard_message(ev.type, str(guard)), end=ev)

    # -- at as_of --------------------------------------------------------------------------------
    def close_at_as_of(self) -> Iterator[Pending]:
        for slot_index, opened in self.open.items():
            slot = self.t.slots[slot_index]
            for ob in opened:
                if is_min_bound(slot.rule):
                    continue
                if ob.due.passed_by(self.as_of):
                    self.report(slot, "missing", fx.missing_message(_end_event(slot.rule), str(ob.due), None),
                                start=ob.start, due=ob.due)
                else:
                    yield Pending(slot.rule.id, slot.rule.pathway, str(ob.due), _ref(ob.start))


def _choose(moves: tuple[Move, ...], ev: Event, child: ChildAt) -> tuple[Move | None, bool]:
    unknown = False
    for m in moves:
        if m.guard is None:
            return m, False
        ok = m.guard(ev, child)
        if ok is True:
            return m, False
        unknown = unknown or ok is None
    return None, unknown


def _unit(rule: Rule) -> str:
    match rule:
        case DeadlineRule():
            return rule.limit.unit
        case RecurringRule():
            return rule.every.unit
        case AgeRule():
            return rule.within.unit
        case LeadRule():
            return rule.lead.unit
        case CumulativeRule():
            return rule.limit.unit
        case _:
            return "days"


_HANDLERS = {
    "start": _Run.on_start, "end": _Run.on_end, "cancel": _Run.on_cancel,
    "qualify": _Run.on_qualify, "switch": _Run.on_switch, "check": _Run.on_check,
    "prepare": _Run.on_prepare, "target": _Run.on_target, "reset": _Run.on_reset, "extend": _Run.on_extend,
}


def default_as_of(case: Case) -> dt.date:
    """The date of the last event: the reproducible default."""
    return case.events[-1].at.date if case.events else dt.date.min


def validate_case(tables: Tables, case: Case, cal: Calendar, *, as_of: dt.date | None = None) -> Verdict:
    """Validate one case; ``as_of`` defaults to the date of its last event."""
    return _Run(tables, case, cal, as_of or default_as_of(case), trace=False).run()


def state_trace(tables: Tables, case: Case, cal: Calendar) -> list[tuple[int, str, str]]:
    """(event index, pathway, state after) for every accepted move — for parity tests."""
    run = _Run(tables, case, cal, dt.date.max, trace=True)
    run.run()
    assert run.trace is not None
    return run.trace


def validate_cases(tables: Tables, cases: Iterable[Case], cal: Calendar, *,
                   as_of: dt.date | None = None) -> Iterator[Verdict]:
    for case in cases:
        yield validate_case(tables, case, cal, as_of=as_of)
