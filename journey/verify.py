"""Verification of a policy as graphs: can every state be reached and left, can every
transition fire, and can the deadlines of a pathway all be met?

Each check is one small function returning every :class:`Issue` it finds, with the pathway, the
offending ids and the file:line to fix. The checks are guard-aware: a transition whose guard can
never hold (given the vocabulary's enum values), or that an earlier transition on the same event
always wins, is not an edge anyone can take — so a state reached only through it is unreachable.
Temporal consistency treats a pathway's deadlines as a Simple Temporal Network
(:mod:`journey.compilers.graph`): a negative cycle means the rules cannot all be met.

networkx is imported here and in :mod:`journey.compilers.graph` only.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, get_args

import networkx as nx

from journey.calendar import DATE_UNITS, Calendar, england
from journey.calendar.spans import day_bounds
from journey.compilers.graph import Bound, PathwayGraph, bounds_of, compile_graph
from journey.compilers.satisfy import both_can_hold, can_hold, first_match_possible
from journey.spec.model import DeadlineRule, EventMatch, Limit, Pathway, Policy, Transition

IssueCode = Literal["unreachable_state", "no_exit", "dead_end", "trapped_cycle", "unsatisfiable_guard",
                    "shadowed_transition", "never_fires", "deadline_unmeetable", "inconsistent_deadlines"]
ISSUE_CODES: tuple[str, ...] = get_args(IssueCode)


@dataclass(frozen=True)
class Issue:
    """A defect of a policy's graph: what, where (pathway, ids) and the file:line to fix."""

    code: IssueCode
    pathway: str
    message: str
    ids: tuple[str, ...] = ()
    path: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}: " if self.path and self.line else (f"{self.path}: " if self.path else "")
        return f"{where}{self.pathway}: {self.message} [{self.code}]"


# --- the guard-aware state graph of one pathway -----------------------------------------------

Edge = tuple[str, str, int]  # (source, target, transition index)


@dataclass(frozen=True)
class PathwayAnalysis:
    """A pathway's state graph with each edge marked by whether it can fire at all."""

    policy: Policy
    graph: PathwayGraph

    @property
    def pathway(self) -> Pathway:
        return self.graph.pathway

    @cached_property
    def fires(self) -> dict[Edge, bool | None]:
        """Per edge: can the event make the validator choose this transition from this source?
        (Its guard holds and no earlier transition's guard on the same event does.)"""
        result: dict[Edge, bool | None] = {}
        transitions = self.pathway.transitions
        for u, v, i in self.graph.states.edges(keys=True):
            t = transitions[i]
            earlier = [e.guard for e in transitions[:i] if e.event == t.event and u in e.source]
            result[(u, v, i)] = first_match_possible(t.guard, self.fields(t.event), earlier)
        return result

    def fields(self, event: str) -> dict:
        return self.policy.vocabulary[event].fields

    @cached_property
    def live(self) -> nx.MultiDiGraph:
        """The state graph without the edges that can never fire."""
        dead = [e for e, ok in self.fires.items() if ok is False]
        g = self.graph.states.copy()
        g.remove_edges_from(dead)
        return g

    @cached_property
    def reachable(self) -> frozenset[str]:
        return frozenset(nx.descendants(self.live, self.pathway.initial) | {self.pathway.initial})

    @cached_property
    def exits(self) -> frozenset[str]:
        """Declared outcomes, and the initial state: a pathway that re-opens has left."""
        return frozenset(s.id for s in self.pathway.states if s.final) | {self.pathway.initial}

    @cached_property
    def moving(self) -> nx.DiGraph:
        """Reachable states joined by live edges that change state."""
        g = nx.DiGraph()
        g.add_nodes_from(sorted(self.reachable))
        g.add_edges_from((u, v) for u, v, _ in self.live.edges(keys=True)
                         if u != v and u in self.reachable)
        return g

    @cached_property
    def dead_ends(self) -> frozenset[str]:
        return frozenset(s for s in self.moving if self.moving.out_degree(s) == 0 and s not in self.exits)

    @cached_property
    def traps(self) -> tuple[frozenset[str], ...]:
        """Closed groups of two or more states that no live edge leaves and that hold no exit."""
        condensed = nx.condensation(self.moving)
        found = []
        for c in nx.topological_sort(condensed):
            members = frozenset(condensed.nodes[c]["members"])
            if len(members) > 1 and condensed.out_degree(c) == 0 and not members & self.exits:
                found.append(members)
        return tuple(sorted(found, key=sorted))


def _at(item: object, pathway: Pathway) -> dict:
    """The file:line of a transition or rule, falling back to its pathway's."""
    return {"path": getattr(item, "origin", "") or pathway.origin,
            "line": getattr(item, "line", None) or pathway.line}


def _state_at(a: PathwayAnalysis, states: frozenset[str] | set[str]) -> dict:
    """Where to fix a state-level defect: the first transition into these states from outside
    them (e.g. the local file that added the way in), else the pathway itself."""
    into = next((t for t in a.pathway.transitions if t.target in states and set(t.source) - states), None)
    return _at(into if into is not None else a.pathway, a.pathway)


def _describe(t: Transition) -> str:
    target = f" → {t.target}" if t.target else " (stays)"
    guard = f" if {t.guard}" if t.guard is not None else ""
    return f"{t.event} from {', '.join(t.source)}{target}{guard}"


def _states(states: Sequence[str] | frozenset[str]) -> str:
    return ", ".join(repr(s) for s in sorted(states))


# --- structural checks ------------------------------------------------------------------------

def check_unreachable_states(a: PathwayAnalysis) -> Iterator[Issue]:
    """Every state can be reached from the initial state through transitions that can fire."""
    structural = nx.descendants(a.graph.states, a.pathway.initial) | {a.pathway.initial}
    for s in a.pathway.state_ids:
        if s not in a.reachable:
            why = " (only through transitions that can never fire)" if s in structural else ""
            yield Issue("unreachable_state", a.pathway.id,
                        f"state {s!r} cannot be reached from {a.pathway.initial!r}{why}", (s,), **_state_at(a, {s}))


def check_dead_ends(a: PathwayAnalysis) -> Iterator[Issue]:
    """A reachable state that is not a declared outcome must have a way out."""
    for s in sorted(a.dead_ends):
        yield Issue("dead_end", a.pathway.id,
                    f"state {s!r} is not a declared outcome (final) but no transition leaves it",
                    (s,), **_state_at(a, {s}))


def check_traps(a: PathwayAnalysis) -> Iterator[Issue]:
    """A cycle of states must have a way out to an outcome or back to the start."""
    for members in a.traps:
        yield Issue("trapped_cycle", a.pathway.id,
                    f"states {_states(members)} lead only to each other, never to an outcome "
                    f"or back to {a.pathway.initial!r}", tuple(sorted(members)), **_state_at(a, members))


def check_exits(a: PathwayAnalysis) -> Iterator[Issue]:
    """Every reachable state can reach an outcome or the initial state (other than the dead
    ends and trapped cycles themselves, reported on their own)."""
    stuck = a.dead_ends.union(*a.traps)
    for s in sorted(a.reachable - stuck):
        if not (nx.descendants(a.moving, s) | {s}) & a.exits:
            ends = _states((nx.descendants(a.moving, s) | {s}) & stuck) or "a loop"
            yield Issue("no_exit", a.pathway.id,
                        f"from state {s!r} no outcome and not {a.pathway.initial!r} can be reached; "
                        f"every path ends in {ends}", (s,), **_state_at(a, {s}))


# --- transitions that can never fire ----------------------------------------------------------

def _edges_of(a: PathwayAnalysis, index: int) -> list[Edge]:
    return [e for e in a.fires if e[2] == index]


def check_guards(a: PathwayAnalysis) -> Iterator[Issue]:
    """A transition's guard can hold for some event (enum fields take their declared values)."""
    for t in a.pathway.transitions:
        if t.guard is not None and can_hold(t.guard, a.fields(t.event)) is False:
            yield Issue("unsatisfiable_guard", a.pathway.id,
                        f"transition {_describe(t)} can never fire: no {t.event} can satisfy {t.guard}",
                        (t.event, *t.source), **_at(t, a.pathway))


def check_transitions_fire(a: PathwayAnalysis) -> Iterator[Issue]:
    """Every transition fires from some reachable source: its sources are not all unreachable,
    and an earlier transition on the same event does not always win."""
    for i, t in enumerate(a.pathway.transitions):
        if t.guard is not None and can_hold(t.guard, a.fields(t.event)) is False:
            continue  # reported by check_guards
        from_reachable = [e for e in _edges_of(a, i) if e[0] in a.reachable]
        if not from_reachable:
            yield Issue("never_fires", a.pathway.id,
                        f"transition {_describe(t)} can never fire: {_states(t.source)} cannot be reached",
                        (t.event, *t.source), **_at(t, a.pathway))
        elif all(a.fires[e] is False for e in from_reachable):
            yield Issue("shadowed_transition", a.pathway.id,
                        f"transition {_describe(t)} can never fire: an earlier transition on {t.event} "
                        "from the same state always applies first", (t.event, *t.source), **_at(t, a.pathway))


# --- deadlines --------------------------------------------------------------------------------

def _live_edges_for(a: PathwayAnalysis, match: EventMatch) -> list[Edge]:
    """Live edges from reachable states on which this event (and its ``where``) can occur."""
    t = a.pathway.transitions
    return [e for e in a.live.edges(keys=True) if e[0] in a.reachable and t[e[2]].event == match.event
            and both_can_hold(t[e[2]].guard, match.where, a.fields(match.event)) is not False]


def check_deadlines_meetable(a: PathwayAnalysis) -> Iterator[Issue]:
    """After a deadline's start event, the pathway can still accept its end (or a cancelling)
    event — otherwise the obligation could only ever end up missing."""
    for rule in a.policy.rules_for(a.pathway.id):
        if not isinstance(rule, DeadlineRule) or not {rule.start.event, rule.end.event} <= a.pathway.events:
            continue
        after = sorted({v for _, v, _ in _live_edges_for(a, rule.start)})
        closers = {u for m in (rule.end, *rule.cancelled_by) if m.event in a.pathway.events
                   for u, _, _ in _live_edges_for(a, m)}
        stuck = [s for s in after if not (nx.descendants(a.live, s) | {s}) & closers]
        if stuck:
            yield Issue("deadline_unmeetable", a.pathway.id,
                        f"rule {rule.id}: after {rule.start} the pathway can be in {_states(stuck)}, "
                        f"from where {rule.end.event} can never be accepted", (rule.id, *stuck), **_at(rule, a.pathway))


def negative_cycles(stn: nx.DiGraph) -> Iterator[list[str]]:
    """One negative cycle (as nodes, first == last) per strongly connected part that has one."""
    for part in sorted(nx.strongly_connected_components(stn), key=sorted):
        sub = stn.subgraph(part).copy()  # find_negative_cycle adds a node, so not a frozen view
        if sub.number_of_edges() and nx.negative_edge_cycle(sub):
            yield nx.find_negative_cycle(sub, min(part))


def _binding(stn: nx.DiGraph, cycle: list[str]) -> list[Bound]:
    """The bounds that set each edge of a cycle (the tightest on that edge)."""
    found = []
    for u, v in zip(cycle, cycle[1:]):
        data = stn.edges[u, v]
        found.extend(b for b in data["bounds"] if b.weight == data["weight"])
    return found


def _cycle_issue(pathway: str, stn: nx.DiGraph, cycle: list[str], default: Pathway) -> Issue:
    bounds = _binding(stn, cycle)
    total = sum((stn.edges[u, v]["weight"] for u, v in zip(cycle, cycle[1:])), start=0)
    rules = tuple(dict.fromkeys(b.rule.id for b in bounds))
    said = "; ".join(str(b) for b in bounds)
    return Issue("inconsistent_deadlines", pathway,
                 f"deadlines cannot all be met ({' → '.join(cycle)} adds up to {float(total):g} days even "
                 f"counting conservatively): {said}", rules, **_at(bounds[0].rule, default))


def check_temporal_consistency(a: PathwayAnalysis) -> Iterator[Issue]:
    """The pathway's deadlines, as a Simple Temporal Network, have no negative cycle."""
    for cycle in negative_cycles(a.graph.stn):
        yield _cycle_issue(a.pathway.id, a.graph.stn, cycle, a.pathway)


PathwayCheck = Callable[[PathwayAnalysis], Iterator[Issue]]
CHECKS: tuple[PathwayCheck, ...] = (check_unreachable_states, check_dead_ends, check_traps, check_exits,
                                    check_guards, check_transitions_fire, check_deadlines_meetable,
                                    check_temporal_consistency)


def check_cross_pathway_deadlines(policy: Policy, stn: nx.DiGraph) -> Iterator[Issue]:
    """Deadlines of different pathways together have no negative cycle (one pathway's own
    cycles are reported by :func:`check_temporal_consistency`)."""
    for cycle in negative_cycles(stn):
        pathways = sorted({b.rule.pathway for b in _binding(stn, cycle)})
        if len(pathways) > 1:
            yield _cycle_issue(" + ".join(pathways), stn, cycle, policy.pathway(pathways[0]))


def analyse(policy: Policy) -> list[PathwayAnalysis]:
    graphs = compile_graph(policy)
    return [PathwayAnalysis(policy, graphs[p.id]) for p in policy.pathways]


def verify(policy: Policy) -> list[Issue]:
    """Every defect of every pathway of ``policy``; an empty list means it verifies clean."""
    issues = [issue for a in analyse(policy) for check in CHECKS for issue in check(a)]
    issues.extend(check_cross_pathway_deadlines(policy, compile_graph(policy).stn))
    return issues


# --- milestones -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Milestone:
    """When an event can happen, if the pathway starts on a given date: ``earliest`` and
    ``latest`` (None: no rule bounds it), and the rules whose chain sets ``latest``. ``exact``:
    worked out on the calendar (working days, months) rather than bounded in whole days."""

    event: str
    earliest: dt.date
    latest: dt.date | None
    via: tuple[str, ...] = ()
    exact: bool = True


def _later(d: dt.date, limit: Limit, calendar: Calendar) -> tuple[dt.date, bool]:
    """The date ``limit`` after ``d``: exact for date units; for clock units the latest (max) or
    earliest (min) date it can fall on, whatever the time of day."""
    if limit.unit in DATE_UNITS:
        return calendar.add(d, limit.duration), True
    low, high = day_bounds(limit.duration)
    days = math.ceil(high) if limit.bound == "max" else math.floor(low)
    return d + dt.timedelta(days=days), False


def first_milestone(policy: Policy, pathway: str) -> str | None:
    """The event a pathway's deadlines are counted from: the start of its first rule (in policy
    order) that no other rule of the pathway counts towards, or None if it has no deadlines."""
    bounds = [b for r in policy.rules_for(pathway) for b in bounds_of(r) if b.start != b.end]
    ends = {b.end for b in bounds}
    return next((b.start for b in bounds if b.start not in ends), bounds[0].start if bounds else None)


def milestones(policy: Policy, pathway: str, start: dt.date, *, calendar: Calendar = england,
               anchor: str | None = None) -> list[Milestone]:
    """Earliest and latest dates of the milestones (events) a pathway's deadlines count towards,
    when ``anchor`` (by default :func:`first_milestone`) happens on ``start``. Each milestone is
    taken to happen once, on or after ``start``; chains of rules are followed on the calendar,
    since a later start never gives an earlier due date. Milestones no chain of rules reaches
    from the anchor are left out."""
    policy.pathway(pathway)  # KeyError names the known ones
    bounds = [b for r in policy.rules_for(pathway) for b in bounds_of(r) if b.start != b.end]
    first = anchor or first_milestone(policy, pathway)
    fixed = {first} if first is not None else set()
    earliest: dict[str, dt.date] = {a: start for a in fixed}
    latest: dict[str, tuple[dt.date, tuple[str, ...], bool]] = {a: (start, (), True) for a in fixed}
    for _ in range(len(bounds) + 1):
        changed = False
        for b in bounds:
            if b.end in fixed:
                continue
            if b.bound == "min" and b.start in earliest:
                lo = _later(earliest[b.start], b.limit, calendar)[0]
                if lo > earliest.get(b.end, start):
                    earliest[b.end], changed = lo, True
            if b.bound == "max" and b.start in latest:
                d, via, exact = latest[b.start]
                hi, on_calendar = _later(d, b.limit, calendar)
                if b.end not in latest or hi < latest[b.end][0]:
                    latest[b.end], changed = (hi, via + (b.rule.id,), exact and on_calendar), True
        if not changed:
            break
    found = [Milestone(e, earliest.get(e, start), latest[e][0] if e in latest else None,
                       latest[e][1] if e in latest else (), latest[e][2] if e in latest else True)
             for e in dict.fromkeys([*earliest, *latest])]
    return sorted(found, key=lambda m: (m.earliest, m.latest or dt.date.max, m.event))
