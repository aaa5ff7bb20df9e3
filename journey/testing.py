"""Public hypothesis strategies for case histories (the only module that imports hypothesis).

``histories(policy)`` draws case histories by walking the policy's pathways: mostly events
allowed in the current states, sometimes any event of the vocabulary (so illegal transitions
are exercised too), with field values drawn from each event's declared values and time steps
that cross weekends, bank holidays and month ends.

``compliant_histories(policy)`` draws histories that meet every rule, and
``mutated_histories(policy)`` / ``mutations(policy, history)`` break exactly one rule of them:
the raw material of property tests on a policy change (``journey policy-diff``). Both are built
on :mod:`journey.walk` and :mod:`journey.mutate`, which read the spec and never the validator.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from hypothesis import assume
from hypothesis import strategies as st

from journey.calendar import Instant
from journey.cases import Case, Child, Event
from journey.spec.model import EventField, EventType, Policy
from journey.mutate import MUTATION_KINDS, MutationImpossible, check_kinds, mutation_candidates
from journey.walk import WalkConfig, compliant_walk

__all__ = ["histories", "instants", "compliant_histories", "mutations", "mutated_histories",
           "MutatedHistory", "MutationImpossible"]

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


class _PolicyRef:
    """Shows a policy as ``<policy england>`` when a strategy prints, instead of the whole IR."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy

    def __repr__(self) -> str:
        return f"<policy {self.policy.id}>"


def histories(policy: Policy, *, max_events: int = 25, case_id: str = "H-1",
              illegal_share: float = 0.15) -> st.SearchStrategy[Case]:
    """Case histories for ``policy``, biased towards allowed events but not limited to them."""
    return _histories(_PolicyRef(policy), max_events=max_events, case_id=case_id, illegal_share=illegal_share)


@st.composite
def _histories(draw: st.DrawFn, ref: _PolicyRef, *, max_events: int, case_id: str, illegal_share: float) -> Case:
    policy = ref.policy
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


# --- compliant histories and one-rule mutations ----------------------------------------------------

class _Draws:
    """A :class:`journey.walk.Chooser` over hypothesis draws, so that generated histories shrink
    (towards fewer events, earlier options and shorter gaps). Weights are ignored here: hypothesis
    explores, the simulator (:mod:`journey.simulate`) weighs."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw

    def integer(self, lo: int, hi: int) -> int:
        return self.draw(st.integers(lo, hi))

    def choice(self, items, weights=None):  # noqa: ANN001 - matches the Chooser protocol
        return items[self.draw(st.integers(0, len(items) - 1))]


class MutatedHistory(NamedTuple):
    """A history that breaks exactly one rule: which rule, and the finding kind expected."""

    history: Case
    rule: str
    kind: str


def compliant_histories(policy: Policy, *, pathways: Sequence[str] | None = None, max_events: int = 25,
                        case_id: str = "H-1") -> st.SearchStrategy[Case]:
    """Histories that satisfy every rule of ``policy`` (obligations still open at the end are only
    pending). Walks allowed transitions with guards solved from the spec, meets each obligation
    before it falls due (planning a short path of events when needed) and steers random steps
    towards ``pathways`` if given."""
    return _compliant_histories(_PolicyRef(policy), pathways=tuple(pathways) if pathways else None,
                                max_events=max_events, case_id=case_id)


def _draw_compliant(draw: st.DrawFn, policy: _PolicyRef, *, pathways: tuple[str, ...] | None,
                    max_events: int, case_id: str) -> Case:
    config = WalkConfig(max_events=max_events, pathways=pathways, case_id=case_id)
    return compliant_walk(policy.policy, _Draws(draw), config)


_draw_compliant.__name__ = "compliant_histories"  # so the strategy prints as the public call
_compliant_histories = st.composite(_draw_compliant)


def mutations(policy: Policy, history: Case, *,
              kinds: Sequence[str] = MUTATION_KINDS) -> st.SearchStrategy[MutatedHistory]:
    """One-rule mutations of ``history``: an end event delayed past its due date (``late``/``gap``),
    dropped (``missing``/``gap``), two events swapped (``illegal_transition``) or a guard broken
    (``guard_failed``). Raises :class:`~journey.mutate.MutationImpossible` when no mutation of the
    requested kinds breaks exactly one rule, rather than returning something weaker."""
    check_kinds(policy, kinds)
    found = mutation_candidates(policy, history, kinds)
    if not found:
        raise MutationImpossible(f"no mutation of history {history.case_id} of kind {', '.join(kinds)} "
                                 f"breaks exactly one rule of policy {policy.id}")
    return st.sampled_from([MutatedHistory(m.case, m.rule, m.kind) for m in found])


def mutated_histories(policy: Policy, *, kinds: Sequence[str] = MUTATION_KINDS,
                      pathways: Sequence[str] | None = None,
                      max_events: int = 25) -> st.SearchStrategy[MutatedHistory]:
    """A compliant history with exactly one rule broken, as (history, rule id, finding kind).

    Raises :class:`~journey.mutate.MutationImpossible` at once if the policy cannot support a
    requested kind at all (say ``guard_failed`` with no guards); histories that happen to offer
    no such mutation are skipped."""
    check_kinds(policy, kinds)
    return _mutated_histories(_PolicyRef(policy), kinds=tuple(kinds),
                              pathways=tuple(pathways) if pathways else None, max_events=max_events)


def _draw_mutated(draw: st.DrawFn, policy: _PolicyRef, *, kinds: tuple[str, ...],
                  pathways: tuple[str, ...] | None, max_events: int) -> MutatedHistory:
    config = WalkConfig(max_events=max_events, min_events=3, pathways=pathways)
    case = compliant_walk(policy.policy, _Draws(draw), config)
    first = draw(st.integers(0, len(kinds) - 1))
    for kind in kinds[first:] + kinds[:first]:  # the drawn kind, else the next one this history allows
        found = mutation_candidates(policy.policy, case, [kind], limit=8)
        if found:
            m = draw(st.sampled_from(found))
            return MutatedHistory(m.case, m.rule, m.kind)
    assume(False)
    raise AssertionError("unreachable")


_draw_mutated.__name__ = "mutated_histories"
_mutated_histories = st.composite(_draw_mutated)
