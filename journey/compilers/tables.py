"""Policy → lookup tables for the fast validator.

Each pathway becomes a table ``(state, event) → moves``; each rule becomes a slot with compiled
predicates, indexed by the events that start, end, cancel or qualify it. The validator loop then
does dictionary look-ups only — no YAML, no guard parsing, no ``transitions`` machine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from journey.compilers.predicates import Predicate, compile_predicate
from journey.spec.model import (AgeRule, CumulativeRule, EventMatch, EventRole, GestationRule, GuardRule, Pathway,
                                Policy, RecurringRule, Rule, Transition, event_roles)

Role = EventRole
# Within one event, roles are applied in this order: an event that ends an obligation is judged
# before it can cancel or start one. ``first_after`` is applied before state changes are seen.
# A lead rule's later event is judged before the same event could prepare for the next one.
ROLE_ORDER: tuple[Role, ...] = ("first_after", "switch", "end", "qualify", "target", "reset", "prepare", "cancel",
                                "extend", "start", "check")


@dataclass(frozen=True, slots=True)
class Move:
    """One transition option: taken when ``guard`` holds (or is absent)."""

    guard: Predicate | None
    target: int | None  # None: internal transition, the state stays
    transition: Transition


@dataclass(frozen=True)
class PathwayTable:
    index: int
    pathway: Pathway
    states: tuple[str, ...]
    initial: int
    moves: dict[tuple[int, str], tuple[Move, ...]]
    noop: frozenset[tuple[int, str]] = frozenset()  # allowed, unguarded, state unchanged

    def allowed(self, state: int) -> list[str]:
        """Events allowed in ``state`` (for error messages)."""
        return sorted({e for (s, e) in self.moves if s == state})


@dataclass(frozen=True, slots=True)
class Trigger:
    slot: int
    role: Role
    where: Predicate | None  # None: every event of the type matches


@dataclass(frozen=True)
class RuleSlot:
    """A compiled rule: the rule itself plus what the engine needs at run time."""

    slot: int
    rule: Rule
    pathway: int
    active_states: frozenset[int] = frozenset()  # recurring/age/gestation: states that keep it live
    require: Predicate | None = None            # guard rules


@dataclass(frozen=True)
class Tables:
    policy: Policy
    pathways: tuple[PathwayTable, ...]
    routes: dict[str, tuple[PathwayTable, ...]]
    triggers: dict[str, tuple[Trigger, ...]]
    slots: tuple[RuleSlot, ...]
    stateful_slots: dict[int, tuple[RuleSlot, ...]] = field(default_factory=dict)  # by pathway index
    anchors: dict[str, tuple[Trigger, ...]] = field(default_factory=dict)  # the ``first_after`` triggers
    actions: dict[str, tuple[Trigger, ...]] = field(default_factory=dict)  # every other trigger, in order


def _pathway_table(index: int, pathway: Pathway) -> PathwayTable:
    states = pathway.state_ids
    pos = {s: i for i, s in enumerate(states)}
    moves: dict[tuple[int, str], list[Move]] = {}
    for t in pathway.transitions:
        guard = compile_predicate(t.guard) if t.guard is not None else None
        target = pos[t.target] if t.target is not None else None
        for s in t.source:
            moves.setdefault((pos[s], t.event), []).append(Move(guard, target, t))
    noop = frozenset(k for k, v in moves.items() if v[0].guard is None and v[0].target in (None, k[0]))
    return PathwayTable(index, pathway, states, pos[pathway.initial],
                        {k: tuple(v) for k, v in moves.items()}, noop)


def _where(match: EventMatch) -> Predicate | None:
    return compile_predicate(match.where) if match.where is not None else None


def _slot(slot: int, rule: Rule, pathways: dict[str, PathwayTable]) -> RuleSlot:
    table = pathways[rule.pathway]
    pos = {s: i for i, s in enumerate(table.states)}
    active = frozenset(pos[s] for s in getattr(rule, "while_in", ()))
    require = compile_predicate(rule.require) if isinstance(rule, GuardRule) else None
    return RuleSlot(slot, rule, table.index, active, require)


def compile_tables(policy: Policy) -> Tables:
    """Compile a checked policy into validator tables."""
    tables = tuple(_pathway_table(i, p) for i, p in enumerate(policy.pathways))
    by_id = {t.pathway.id: t for t in tables}
    routes: dict[str, list[PathwayTable]] = {}
    for t in tables:
        for event in t.pathway.events:
            routes.setdefault(event, []).append(t)
    slots = tuple(_slot(i, r, by_id) for i, r in enumerate(policy.rules))
    triggers: dict[str, list[Trigger]] = {}
    for s in slots:
        for role, m in event_roles(s.rule):
            triggers.setdefault(m.event, []).append(Trigger(s.slot, role, _where(m)))
    order = {r: i for i, r in enumerate(ROLE_ORDER)}
    stateful: dict[int, list[RuleSlot]] = {}
    for s in slots:
        if isinstance(s.rule, (RecurringRule, AgeRule, GestationRule, CumulativeRule)):
            stateful.setdefault(s.pathway, []).append(s)
    ordered = {e: tuple(sorted(v, key=lambda t: order[t.role])) for e, v in triggers.items()}
    return Tables(
        policy=policy,
        pathways=tables,
        routes={e: tuple(v) for e, v in routes.items()},
        triggers=ordered,
        slots=slots,
        stateful_slots={k: tuple(v) for k, v in stateful.items()},
        anchors={e: tuple(t for t in v if t.role == "first_after") for e, v in ordered.items()},
        actions={e: tuple(t for t in v if t.role != "first_after") for e, v in ordered.items()},
    )
