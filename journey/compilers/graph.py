"""Policy → networkx graphs: one state graph and one Simple Temporal Network per pathway.

The state graph has a node per state and an edge per (transition, source state), keyed by the
transition's index in the pathway, carrying the event, guard, ``decides`` and where it was
written. The STN has a node per event type (a milestone: one occurrence of that event, whatever
its fields — a rule's ``where`` narrows which occurrence it means, not when it is) and an
edge per bound, weighted in calendar days: ``end − start ≤ max`` is an edge start→end of the
greatest number of days the limit can span; ``end − start ≥ min`` is an edge end→start of minus
the least number of days. A negative cycle means the bounds cannot all be met (see
:mod:`journey.verify`). Units become days conservatively (:func:`journey.calendar.spans.day_bounds`),
so a cycle is only ever found when the rules conflict from every start date.

networkx is imported here and in :mod:`journey.verify` only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal, assert_never

import networkx as nx

from journey.calendar.spans import day_bounds
from journey.spec.model import (AgeRule, CumulativeRule, DeadlineRule, GestationRule, GuardRule, Limit, LeadRule,
                                Pathway, Policy, RecurringRule, Rule)


@dataclass(frozen=True)
class Bound:
    """One temporal bound a rule puts between two milestones: ``end`` no later than ``limit``
    after ``start`` (max), or not before it (min)."""

    rule: Rule
    start: str
    end: str
    limit: Limit

    @property
    def bound(self) -> Literal["max", "min"]:
        return self.limit.bound

    @property
    def weight(self) -> Fraction:
        """The STN edge weight in days: the conservative end of the limit's span."""
        low, high = day_bounds(self.limit.duration)
        return high if self.bound == "max" else -low

    @property
    def edge(self) -> tuple[str, str]:
        return (self.start, self.end) if self.bound == "max" else (self.end, self.start)

    def __str__(self) -> str:
        words = "within" if self.bound == "max" else "not before"
        return f"{self.end} {words} {self.limit.duration} of {self.start} ({self.rule.id})"


def bounds_of(rule: Rule) -> Iterator[Bound]:
    """The temporal bounds between events that a rule states. Ages and gestation weeks are
    anchored on the child's dates, not on events, so they add none."""
    match rule:
        case DeadlineRule():
            yield Bound(rule, rule.start.event, rule.end.event, rule.limit)
        case RecurringRule():
            if rule.first is not None and rule.first.after is not None:
                yield Bound(rule, rule.first.after.event, rule.event.event, rule.first.within)
        case AgeRule() | GestationRule() | CumulativeRule() | LeadRule() | GuardRule():
            # A lead rule ties each later event to some earlier occurrence since the one before
            # (and only those its ``where`` picks), not one milestone to another, so it adds no bound.
            return
        case _:
            assert_never(rule)


def state_graph(pathway: Pathway) -> nx.MultiDiGraph:
    """States as nodes; one edge per (transition, source), keyed by the transition's index.
    An internal transition (no target) is a self-loop marked ``internal``."""
    g = nx.MultiDiGraph(pathway=pathway.id, initial=pathway.initial)
    for s in pathway.states:
        g.add_node(s.id, final=s.final, initial=s.id == pathway.initial, description=s.description)
    for index, t in enumerate(pathway.transitions):
        for source in t.source:
            g.add_edge(source, t.target or source, key=index, index=index, transition=t, event=t.event,
                       guard=t.guard, decides=t.decides, origin=t.origin, line=t.line,
                       internal=t.target is None)
    return g


def temporal_network(rules: Iterable[Rule]) -> nx.DiGraph:
    """The STN of these rules. Several bounds on one edge keep the tightest ``weight``; all of
    them stay in the edge's ``bounds`` so a report can name every rule involved. A bound from an
    event to the same event type ("the next review not before 10 days after this one") relates
    two occurrences, not one milestone, so it is left out."""
    g = nx.DiGraph()
    for rule in rules:
        for b in bounds_of(rule):
            if b.start == b.end:
                continue
            u, v = b.edge
            if g.has_edge(u, v):
                data = g.edges[u, v]
                data["bounds"] = data["bounds"] + (b,)
                data["weight"] = min(data["weight"], b.weight)
            else:
                g.add_edge(u, v, weight=b.weight, bounds=(b,))
    return g


@dataclass(frozen=True)
class PathwayGraph:
    pathway: Pathway
    states: nx.MultiDiGraph
    stn: nx.DiGraph


@dataclass(frozen=True)
class PolicyGraph:
    """Every pathway's graphs, plus the STN of all the policy's rules together (bounds between
    events of different pathways can conflict too)."""

    policy: Policy
    pathways: dict[str, PathwayGraph]
    stn: nx.DiGraph

    def __getitem__(self, pathway_id: str) -> PathwayGraph:
        try:
            return self.pathways[pathway_id]
        except KeyError:
            raise KeyError(f"no pathway {pathway_id!r}; known: {', '.join(self.pathways)}") from None


def compile_graph(policy: Policy) -> PolicyGraph:
    """Compile a checked policy into networkx graphs."""
    pathways = {p.id: PathwayGraph(p, state_graph(p), temporal_network(policy.rules_for(p.id)))
                for p in policy.pathways}
    return PolicyGraph(policy, pathways, temporal_network(policy.rules))
