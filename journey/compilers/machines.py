"""Policy → ``transitions`` state machines, one per pathway: the reference replay.

These machines are for simulation, teaching and as an independent check on the table-driven
validator (the parity tests replay the same histories through both). They carry the same
guards, compiled from the same AST; they know nothing of timers. This is the only module that
imports ``transitions``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from transitions import Machine, MachineError

from journey.calendar import england
from journey.compilers.facts import ChildAt
from journey.compilers.predicates import compile_predicate
from journey.spec.model import Pathway, Policy


class PathwayModel:
    """The model object a ``transitions`` machine drives; ``state`` is set by the machine."""

    state: str


def _condition(guard: Any) -> Callable[[Any], bool]:
    pred = compile_predicate(guard)
    return lambda event_data: pred(event_data.kwargs["event"], event_data.kwargs["child"]) is True


def build_machine(pathway: Pathway, model: PathwayModel | None = None) -> Machine:
    """A ``transitions.Machine`` for one pathway (internal transitions keep ``dest=None``)."""
    transitions = [
        {"trigger": t.event, "source": list(t.source), "dest": t.target,
         "conditions": [_condition(t.guard)] if t.guard is not None else []}
        for t in pathway.transitions
    ]
    return Machine(model=model or PathwayModel(), states=list(pathway.state_ids), transitions=transitions,
                   initial=pathway.initial, send_event=True, auto_transitions=False)


@dataclass
class _Region:
    pathway: Pathway
    model: PathwayModel
    machine: Machine


class MachineReplay:
    """Replays case histories through one ``transitions`` machine per pathway."""

    def __init__(self, policy: Policy) -> None:
        self.facts = policy.facts
        self.regions = [self._region(p) for p in policy.pathways]
        self.routes: dict[str, list[_Region]] = {}
        for region in self.regions:
            for event in region.pathway.events:
                self.routes.setdefault(event, []).append(region)

    @staticmethod
    def _region(pathway: Pathway) -> _Region:
        model = PathwayModel()
        return _Region(pathway, model, build_machine(pathway, model))

    def reset(self) -> None:
        for r in self.regions:
            r.machine.set_state(r.pathway.initial, model=r.model)

    def trace(self, case: Any) -> list[tuple[int, str, str]]:
        """(event index, pathway, state after) for every accepted trigger, like the validator's."""
        self.reset()
        out: list[tuple[int, str, str]] = []
        child = ChildAt(case.child, self.facts, england)
        for ev in case.events:
            child.observe(ev)
            for region in self.routes.get(ev.type, ()):
                try:
                    accepted = region.model.trigger(ev.type, event=ev, child=child)  # type: ignore[attr-defined]
                except MachineError:
                    continue
                if accepted:
                    out.append((ev.index, region.pathway.id, region.model.state))
        return out

    def states(self) -> dict[str, str]:
        return {r.pathway.id: r.model.state for r in self.regions}
